/**
 * Adversarial GCP, Azure and Kubernetes inputs, written by us (test/corpus/gate-semantics/adversarial-multicloud/README.md):
 * Terraform plans and Kubernetes manifests that try to slip cloud privilege, public members, long-lived credentials or
 * open workload identity trust past the gate with one technique each. Each is checked through the CLI in-process without
 * a catalog; the findings of every rule but require-owner and require-entitlement (which block every identity without a
 * catalog) are pinned as "rule level [pending] resource detail", sorted; and with examples/catalog.yaml the exit code.
 * Each line of the README judges one file.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCheck } from "../../src/cli/check.js";

const REPO = join(import.meta.dirname, "../..");
const CORPUS = "test/corpus/gate-semantics/adversarial-multicloud";
const UNSCOPED = new Set(["require-owner", "require-entitlement"]);
const now = new Date("2026-06-01T00:00:00Z");

function findings(file: string): string[] {
  const result = runCheck({ paths: [join(REPO, CORPUS, file)], format: "json", now, cwd: REPO, toolVersion: "test" });
  return result.result!.findings
    .filter((finding) => !UNSCOPED.has(finding.ruleId))
    .map((finding) => [finding.ruleId, finding.level, ...(finding.pending ? ["pending"] : []), finding.resource.name, finding.detail ?? ""].join(" ").trim())
    .sort();
}

const EXPECTED: Record<string, string[]> = {
  "az-app-cert.json": [
    "no-long-lived-credentials mandatory azuread_application_certificate.c Credential::azure-certificate"
  ],
  "az-app-password.json": [
    "no-long-lived-credentials mandatory azuread_application_password.p Credential::azure-client-secret"
  ],
  "az-app-role-assignment-graph-rw.json": [
    "no-wildcard-privilege mandatory azuread_app_role_assignment.a Role::RoleManagement.ReadWrite.Directory"
  ],
  "az-contrib-rg.json": [],
  "az-custom-auth-star-mixed-case.json": [
    "no-wildcard-privilege mandatory azurerm_role_assignment.a Role::deployer",
    "no-wildcard-privilege mandatory azurerm_role_definition.r Privilege::role-assignment"
  ],
  "az-custom-roleassign-write.json": [
    "no-wildcard-privilege mandatory azurerm_role_assignment.a Role::deployer",
    "no-wildcard-privilege mandatory azurerm_role_definition.r Privilege::role-assignment"
  ],
  "az-custom-star-notactions-delete.json": [
    "no-wildcard-privilege mandatory azurerm_role_definition.r Privilege::all-actions+role-assignment"
  ],
  "az-custom-star.json": [
    "no-wildcard-privilege mandatory azurerm_role_assignment.a Role::deployer",
    "no-wildcard-privilege mandatory azurerm_role_definition.r Privilege::all-actions+role-assignment"
  ],
  "az-delegated-grant-directory-rw.json": [
    "no-unseen-content mandatory azuread_service_principal_delegated_permission_grant.g Unseen::service principal 22222222-2222-2222-2222-222222222222 (not created by the change)"
  ],
  "az-directory-global-admin.json": [
    "no-wildcard-privilege mandatory azuread_directory_role_assignment.a Role::Global Administrator"
  ],
  "az-fic-github-pull-request.json": [
    "restrict-trust mandatory azuread_application_federated_identity_credential.f Subject::repo:org/repo:pull_request"
  ],
  "az-graph-app-role-by-id-directory-rw.json": [
    "no-wildcard-privilege mandatory azuread_app_role_assignment.a Role::Directory.ReadWrite.All"
  ],
  "az-kv-data-star.json": [
    "no-wildcard-privilege mandatory azurerm_role_assignment.a Role::Key Vault Administrator"
  ],
  "az-kv-secret-noexpiry.json": [
    "no-long-lived-credentials mandatory azurerm_key_vault_secret.s Secret::plaintext-value",
    "secret-rotation mandatory azurerm_key_vault_secret.s Expiry::none"
  ],
  "az-kv-secrets-officer-sub.json": [
    "no-wildcard-privilege mandatory azurerm_role_assignment.a Role::Key Vault Secrets Officer"
  ],
  "az-managed-identity-operator-sub.json": [
    "no-wildcard-privilege mandatory azurerm_role_assignment.a Role::Managed Identity Operator"
  ],
  "az-owner-by-guid.json": [
    "no-wildcard-privilege mandatory azurerm_role_assignment.a Role::Owner"
  ],
  "az-owner-lowercase.json": [
    "no-wildcard-privilege mandatory azurerm_role_assignment.a Role::Owner"
  ],
  "az-owner-mgmt-group-guid-lower.json": [
    "no-wildcard-privilege mandatory azurerm_role_assignment.a Role::Owner"
  ],
  "az-owner-mgmt-group.json": [
    "no-wildcard-privilege mandatory azurerm_role_assignment.a Role::Owner"
  ],
  "az-owner-rg.json": [],
  "az-owner-root-scope.json": [
    "no-wildcard-privilege mandatory azurerm_role_assignment.a Role::Owner"
  ],
  "az-owner-sub.json": [
    "no-wildcard-privilege mandatory azurerm_role_assignment.a Role::Owner"
  ],
  "az-owner-uppercase-subscription-scope.json": [
    "no-wildcard-privilege mandatory azurerm_role_assignment.a Role::Owner"
  ],
  "az-rbac-admin.json": [
    "no-wildcard-privilege mandatory azurerm_role_assignment.a Role::Role Based Access Control Administrator"
  ],
  "az-rbacadmin-rg.json": [],
  "az-role-name-unknown.json": [
    "no-wildcard-privilege mandatory pending azurerm_role_assignment.a Role::unknown"
  ],
  "az-sp-password.json": [
    "no-long-lived-credentials mandatory azuread_service_principal_password.p Credential::azure-client-secret"
  ],
  "az-uaa-res.json": [],
  "az-uaa-rg.json": [],
  "az-uaa-sub.json": [
    "no-wildcard-privilege mandatory azurerm_role_assignment.a Role::User Access Administrator"
  ],
  "az-uaa.json": [],
  "az-vm-contributor-sub.json": [
    "no-wildcard-privilege mandatory azurerm_role_assignment.a Role::Virtual Machine Contributor"
  ],
  "gcp-allauth-bucket-admin.json": [
    "no-wildcard-privilege mandatory google_storage_bucket_iam_member.a Member::allAuthenticatedUsers"
  ],
  "gcp-allusers-viewer.json": [
    "no-wildcard-privilege mandatory google_project_iam_member.a Member::allUsers"
  ],
  "gcp-binding-domain-editor.json": [
    "no-wildcard-privilege mandatory google_project_iam_binding.a Role::roles/editor/Member::domain:example.com"
  ],
  "gcp-bucket-iam-policy-allusers.json": [
    "no-wildcard-privilege mandatory google_storage_bucket_iam_policy.a Member::allUsers"
  ],
  "gcp-custom-actas.json": [
    "no-wildcard-privilege mandatory google_project_iam_custom_role.r Privilege::impersonation",
    "no-wildcard-privilege mandatory google_project_iam_member.a Role::projects/p/roles/deployer"
  ],
  "gcp-custom-setiampolicy.json": [
    "no-wildcard-privilege mandatory google_project_iam_custom_role.r Privilege::iam-policy",
    "no-wildcard-privilege mandatory google_project_iam_member.a Role::projects/p/roles/policy_writer"
  ],
  "gcp-folder-owner-group.json": [
    "no-wildcard-privilege mandatory google_folder_iam_member.a Role::roles/owner/Member::group:devs@example.com"
  ],
  "gcp-iam-policy-owner.json": [
    "no-wildcard-privilege mandatory google_project_iam_policy.a Role::roles/owner"
  ],
  "gcp-member-unknown.json": [
    "no-wildcard-privilege mandatory google_project_iam_member.a Role::roles/owner"
  ],
  "gcp-org-admin-sa.json": [
    "no-wildcard-privilege mandatory google_organization_iam_member.a Role::roles/resourcemanager.organizationAdmin"
  ],
  "gcp-owner-condition-far-future.json": [
    "no-wildcard-privilege mandatory google_project_iam_member.a Role::roles/owner"
  ],
  "gcp-owner-condition-true.json": [
    "no-wildcard-privilege mandatory google_project_iam_member.a Role::roles/owner"
  ],
  "gcp-owner-deleted-member.json": [
    "no-wildcard-privilege mandatory google_project_iam_member.a Role::roles/owner"
  ],
  "gcp-owner-sa.json": [
    "no-wildcard-privilege mandatory google_project_iam_member.a Role::roles/owner"
  ],
  "gcp-owner-upper-member.json": [
    "no-wildcard-privilege mandatory google_project_iam_member.a Role::roles/owner"
  ],
  "gcp-principalset-all.json": [],
  "gcp-project-iam-admin.json": [
    "no-wildcard-privilege mandatory google_project_iam_member.a Role::roles/resourcemanager.projectIamAdmin"
  ],
  "gcp-project-tokencreator-pool-star.json": [
    "no-wildcard-privilege mandatory google_project_iam_member.a Role::roles/iam.serviceAccountTokenCreator"
  ],
  "gcp-project-wi-user-pool-star.json": [
    "no-wildcard-privilege mandatory google_project_iam_member.a Role::roles/iam.workloadIdentityUser"
  ],
  "gcp-role-unknown.json": [
    "no-wildcard-privilege mandatory pending google_project_iam_member.a Role::unknown"
  ],
  "gcp-sa-key-admin-project.json": [
    "no-wildcard-privilege mandatory google_project_iam_member.a Role::roles/iam.serviceAccountKeyAdmin"
  ],
  "gcp-sa-key.json": [
    "no-long-lived-credentials mandatory google_service_account_key.k Credential::gcp-service-account-key"
  ],
  "gcp-sa-user-allusers.json": [
    "no-wildcard-privilege mandatory google_service_account_iam_member.a Member::allUsers"
  ],
  "gcp-sa-user-project.json": [
    "no-wildcard-privilege mandatory google_project_iam_member.a Role::roles/iam.serviceAccountUser"
  ],
  "gcp-token-creator-project.json": [
    "no-wildcard-privilege mandatory google_project_iam_member.a Role::roles/iam.serviceAccountTokenCreator"
  ],
  "gcp-tokencreator-allusers.json": [
    "no-wildcard-privilege mandatory google_service_account_iam_member.wi Member::allAuthenticatedUsers"
  ],
  "gcp-wi-external-pool-repo.json": [
    "restrict-trust mandatory google_service_account_iam_member.wi Subject::repo:org/repo:*"
  ],
  "gcp-wi-external-pool-star.json": [
    "restrict-trust mandatory google_service_account_iam_member.wi Pool::*"
  ],
  "gcp-wi-external-pool-subject.json": [
    "restrict-trust mandatory google_service_account_iam_member.wi Subject::repo:org/repo:ref:refs/heads/main"
  ],
  "gcp-wi-provider-unknown-pool.json": [
    "restrict-trust mandatory google_iam_workload_identity_pool_provider.gh Subject::repo:example-co/payments:*"
  ],
  "gcp-wi-sa-iam-binding-pool-group.json": [
    "restrict-trust mandatory google_service_account_iam_binding.a Pool::group/deployers"
  ],
  "gcp-wi-sa-iam-policy-pool-star.json": [
    "restrict-trust mandatory google_service_account_iam_policy.a Pool::*"
  ],
  "gcp-wi-subject-literal-star.json": [
    "restrict-trust mandatory google_service_account_iam_member.a Subject::*"
  ],
  "gcp-wi-user-pool-star.json": [
    "restrict-trust mandatory google_service_account_iam_member.a Pool::*"
  ],
  "gcp-workforce-pool-owner.json": [
    "no-wildcard-privilege mandatory google_project_iam_member.a Role::roles/owner/Member::principalSet://iam.googleapis.com/locations/global/workforcePools/staff/*"
  ],
  "k8s-aggregated-star.yaml": [
    "no-wildcard-privilege mandatory ops Role::ops-aggregate/Route::wildcard",
    "no-wildcard-privilege mandatory ops Token::automount",
    "no-wildcard-privilege mandatory ops-aggregate Route::wildcard",
    "no-wildcard-privilege mandatory ops-everything Route::wildcard"
  ],
  "k8s-anonymous-clusterrolebinding.yaml": [
    "no-wildcard-privilege mandatory anonymous-secrets Member::system:anonymous",
    "no-wildcard-privilege mandatory anonymous-secrets Member::system:unauthenticated",
    "no-wildcard-privilege mandatory anonymous-secrets Role::secret-reader/Route::secrets-read",
    "no-wildcard-privilege mandatory anonymous-secrets Role::secret-reader/Route::secrets-read",
    "no-wildcard-privilege mandatory secret-reader Route::secrets-read"
  ],
  "k8s-anonymous-configmaps.yaml": [
    "no-wildcard-privilege mandatory public-config Member::system:anonymous",
    "no-wildcard-privilege mandatory public-config Member::system:unauthenticated"
  ],
  "k8s-authenticated-cluster-admin.yaml": [
    "no-wildcard-privilege mandatory everyone-admin Role::cluster-admin"
  ],
  "k8s-escalate-bind-mixed-case.yaml": [],
  "k8s-impersonate-groups.yaml": [
    "no-wildcard-privilege mandatory ci Token::automount",
    "no-wildcard-privilege mandatory ci-impersonate Role::impersonator/Route::impersonate",
    "no-wildcard-privilege mandatory impersonator Route::impersonate"
  ],
  "k8s-kube-system-default-sa.yaml": [
    // Since session 45: edit's ConfigMap writes in kube-system reach aws-auth (advisory: no EKS shown).
    "no-wildcard-privilege advisory default-edit Role::edit/Route::aws-auth-write",
    "no-wildcard-privilege mandatory default-edit Role::edit/Route::impersonate",
    "no-wildcard-privilege mandatory default-edit Role::edit/Route::pod-create",
    "no-wildcard-privilege mandatory default-edit Role::edit/Route::pod-exec",
    "no-wildcard-privilege mandatory default-edit Role::edit/Route::token-create"
  ],
  "k8s-nodes-proxy.yaml": [
    "no-wildcard-privilege mandatory metrics Role::node-metrics/Route::nodes-proxy",
    "no-wildcard-privilege mandatory metrics Token::automount",
    "no-wildcard-privilege mandatory node-metrics Route::nodes-proxy"
  ],
  "k8s-pods-exec.yaml": [
    "no-wildcard-privilege mandatory debugger Role::debugger/Route::pod-create",
    "no-wildcard-privilege mandatory debugger Role::debugger/Route::pod-exec",
    "no-wildcard-privilege mandatory debugger Route::pod-create",
    "no-wildcard-privilege mandatory debugger Route::pod-exec"
  ],
  "k8s-sa-token-create.yaml": [
    "no-wildcard-privilege mandatory token-minter Role::token-minter/Route::token-create",
    "no-wildcard-privilege mandatory token-minter Route::token-create"
  ],
  "k8s-secrets-star-verbs-configmap-named.yaml": [
    "no-wildcard-privilege mandatory secrets-all Role::secrets-all/Route::secrets-read",
    "no-wildcard-privilege mandatory secrets-all Role::secrets-all/Route::token-create",
    "no-wildcard-privilege mandatory secrets-all Route::secrets-read",
    "no-wildcard-privilege mandatory secrets-all Route::token-create"
  ],
};

/** With examples/catalog.yaml (its trust.oidc subjects, roles/owner listed as privileged): the exit code the gate gives. */
const EXIT_CODES: Record<string, number> = {
  "az-app-cert.json": 1,
  "az-app-password.json": 1,
  "az-app-role-assignment-graph-rw.json": 1,
  "az-contrib-rg.json": 0,
  "az-custom-auth-star-mixed-case.json": 1,
  "az-custom-roleassign-write.json": 1,
  "az-custom-star-notactions-delete.json": 1,
  "az-custom-star.json": 1,
  "az-delegated-grant-directory-rw.json": 1,
  "az-directory-global-admin.json": 1,
  "az-fic-github-pull-request.json": 1,
  "az-graph-app-role-by-id-directory-rw.json": 1,
  "az-kv-data-star.json": 1,
  "az-kv-secret-noexpiry.json": 1,
  "az-kv-secrets-officer-sub.json": 1,
  "az-managed-identity-operator-sub.json": 1,
  "az-owner-by-guid.json": 1,
  "az-owner-lowercase.json": 1,
  "az-owner-mgmt-group-guid-lower.json": 1,
  "az-owner-mgmt-group.json": 1,
  "az-owner-rg.json": 0,
  "az-owner-root-scope.json": 1,
  "az-owner-sub.json": 1,
  "az-owner-uppercase-subscription-scope.json": 1,
  "az-rbac-admin.json": 1,
  "az-rbacadmin-rg.json": 0,
  "az-role-name-unknown.json": 1,
  "az-sp-password.json": 1,
  "az-uaa-res.json": 0,
  "az-uaa-rg.json": 0,
  "az-uaa-sub.json": 1,
  "az-uaa.json": 0,
  "az-vm-contributor-sub.json": 1,
  "gcp-allauth-bucket-admin.json": 1,
  "gcp-allusers-viewer.json": 1,
  "gcp-binding-domain-editor.json": 1,
  "gcp-bucket-iam-policy-allusers.json": 1,
  "gcp-custom-actas.json": 1,
  "gcp-custom-setiampolicy.json": 1,
  "gcp-folder-owner-group.json": 1,
  "gcp-iam-policy-owner.json": 1,
  "gcp-member-unknown.json": 1,
  "gcp-org-admin-sa.json": 1,
  "gcp-owner-condition-far-future.json": 1,
  "gcp-owner-condition-true.json": 1,
  "gcp-owner-deleted-member.json": 1,
  "gcp-owner-sa.json": 1,
  "gcp-owner-upper-member.json": 1,
  "gcp-principalset-all.json": 0,
  "gcp-project-iam-admin.json": 1,
  "gcp-project-tokencreator-pool-star.json": 1,
  "gcp-project-wi-user-pool-star.json": 1,
  "gcp-role-unknown.json": 1,
  "gcp-sa-key-admin-project.json": 1,
  "gcp-sa-key.json": 1,
  "gcp-sa-user-allusers.json": 1,
  "gcp-sa-user-project.json": 1,
  "gcp-token-creator-project.json": 1,
  "gcp-tokencreator-allusers.json": 1,
  "gcp-wi-external-pool-repo.json": 1,
  "gcp-wi-external-pool-star.json": 1,
  "gcp-wi-external-pool-subject.json": 1,
  "gcp-wi-provider-unknown-pool.json": 1,
  "gcp-wi-sa-iam-binding-pool-group.json": 1,
  "gcp-wi-sa-iam-policy-pool-star.json": 1,
  "gcp-wi-subject-literal-star.json": 1,
  "gcp-wi-user-pool-star.json": 1,
  "gcp-workforce-pool-owner.json": 1,
  "k8s-aggregated-star.yaml": 1,
  "k8s-anonymous-clusterrolebinding.yaml": 1,
  "k8s-anonymous-configmaps.yaml": 1,
  "k8s-authenticated-cluster-admin.yaml": 1,
  "k8s-escalate-bind-mixed-case.yaml": 1,
  "k8s-impersonate-groups.yaml": 1,
  "k8s-kube-system-default-sa.yaml": 1,
  "k8s-nodes-proxy.yaml": 1,
  "k8s-pods-exec.yaml": 1,
  "k8s-sa-token-create.yaml": 1,
  "k8s-secrets-star-verbs-configmap-named.yaml": 1,
};

describe("adversarial GCP, Azure and Kubernetes inputs", () => {
  it("pins every file of the corpus", () => {
    const files = readdirSync(join(REPO, CORPUS)).filter((file) => /\.(json|yaml)$/.test(file)).sort();
    expect(files).toEqual(Object.keys(EXPECTED).sort());
    expect(files).toEqual(Object.keys(EXIT_CODES).sort());
  });
  it.each(Object.keys(EXPECTED))("%s", (file) => {
    expect(findings(file)).toEqual(EXPECTED[file]);
  });
  it.each(Object.keys(EXIT_CODES))("%s exits as the gate should with the example catalog", (file) => {
    const result = runCheck({
      paths: [join(REPO, CORPUS, file)],
      catalogPath: join(REPO, "examples/catalog.yaml"),
      format: "json",
      now,
      cwd: REPO,
      toolVersion: "test",
    });
    expect(result.exitCode).toBe(EXIT_CODES[file]);
  });
});
