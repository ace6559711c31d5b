/**
 * Public Terraform plans with Google Cloud identities, end to end through the CLI: GoogleCloudPlatform/
 * terraform-validator's `testdata/templates/*.tfplan.json` (plan formats 0.1 to 1.1, Terraform 0.12.10 to 1.3.6),
 * copied verbatim into test/corpus/terraform-multicloud/ (README.md there: source commit and path of each file,
 * licence, every finding judged, and why no Azure plan is here). Each plan is checked on its own with no catalog, as
 * `entitlement-guard check <plan.json>` reads it; the exact findings (rule, level, resource, detail, pending) are
 * asserted, with the count in each test's name. terraform-validator keeps the project and organization ids as Go
 * template placeholders (`{{.Provider.project}}`), which the check reads as the literal ids they are in the file.
 * Two Azure plans of terraform-compliance/cli's functional tests (MIT) beside them: administrator passwords written in
 * the configuration.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCorpusFile, findingLines as lines, noCatalog } from './support/cli-check.js';

const CORPUS = join(import.meta.dirname, 'terraform-multicloud');
const check = (file: string) => checkCorpusFile(CORPUS, file);

const CLOUD_RUN_ON_DEFAULT =
  'Cloud Run service google_cloud_run_service.default runs as the Compute Engine default service account ' +
  '(PROJECT_NUMBER-compute@developer.gserviceaccount.com) because template.spec.service_account_name is not set.';

describe("terraform-validator's Google Cloud plans and terraform-compliance's Azure plans through `entitlement-guard check`", () => {
  it('example_cloud_run_service.tfplan.json (Cloud Run v1 API, no service account): 1 finding, right; exit 1', () => {
    // Until h101 google_cloud_run_service was not read: a service on the Compute Engine default account passed.
    const { exitCode, errors, findings } = check('example_cloud_run_service.tfplan.json');
    expect([exitCode, errors]).toEqual([1, []]);
    expect(lines(findings)).toEqual([
      'no-wildcard-privilege mandatory google_cloud_run_service.default DefaultAccount::compute/every-api',
    ]);
    expect(findings[0]?.message).toContain(CLOUD_RUN_ON_DEFAULT);
  });

  it('example_cloud_run_service_iam_policy.tfplan.json: 1 finding, right; the user roles/editor on the service is no finding; exit 1', () => {
    const { exitCode, errors, findings } = check('example_cloud_run_service_iam_policy.tfplan.json');
    expect([exitCode, errors]).toEqual([1, []]);
    expect(lines(findings)).toEqual([
      'no-wildcard-privilege mandatory google_cloud_run_service.default DefaultAccount::compute/every-api',
    ]);
  });

  it('example_project_iam_member_empty_project.tfplan.json: 1 pending finding, right; exit 1', () => {
    // roles/owner for user:test-valid@domain.com on a project named by a random suffix (known only at apply): standing
    // privilege held by people on whatever project the apply picks, so pending (until session 48 people's grants were
    // left to the human rules and passed).
    const { exitCode, errors, findings } = check('example_project_iam_member_empty_project.tfplan.json');
    expect([exitCode, errors]).toEqual([1, []]);
    expect(lines(findings)).toEqual([
      'no-wildcard-privilege mandatory google_project_iam_member.test-valid-owner Role::unknown pending',
    ]);
    expect(findings[0]?.message).toBe(
      'google_project_iam_member.test-valid-owner grants user:test-valid@domain.com a role that cannot be verified ' +
        'until apply: scope of roles/owner: google_project_iam_member.test-valid-owner.project is not known until ' +
        'apply (from random_string.suffix.result, random_string.suffix).',
    );
  });

  // roles/editor for user:jane@example.com on a folder known only at apply (pending); owner, editor, storage.admin and
  // viewer on the project for two users, roles/editor on the organization for a user: the privileged ones are
  // standing privilege held by people (they passed until session 48, wrong).
  it('example_folder_iam_member_empty_folder, example_project_iam and example_organization_iam_member: a pending folder, standing editors and owner, an organization editor; exit 1', () => {
    for (const file of [
      'example_folder_iam_member_empty_folder.tfplan.json',
      'example_project_iam.tfplan.json',
      'example_organization_iam_member.tfplan.json',
    ]) {
      const { exitCode, errors } = check(file);
      expect([file, exitCode, errors]).toEqual([file, 1, []]);
    }
    expect(lines(check('example_folder_iam_member_empty_folder.tfplan.json').findings)).toEqual([
      'no-wildcard-privilege mandatory google_folder_iam_member.editor Role::unknown pending',
    ]);
    expect(lines(check('example_project_iam.tfplan.json').findings)).toEqual([
      'no-wildcard-privilege mandatory google_project_iam_binding.editors Role::roles/editor/Member::user:example-a@google.com',
      'no-wildcard-privilege mandatory google_project_iam_binding.editors Role::roles/editor/Member::user:example-b@google.com',
      'no-wildcard-privilege mandatory google_project_iam_member.owner-a Role::roles/owner/Member::user:example-a@google.com',
    ]);
    expect(lines(check('example_organization_iam_member.tfplan.json').findings)).toEqual([
      'no-wildcard-privilege mandatory google_organization_iam_member.binding Role::roles/editor/Member::user:alice@gmail.com',
    ]);
  });

  it.each([
    // Compute Engine instances: one on the literal account "test-email" with cloud-platform (not a default account),
    // one without a service_account block (no account at all).
    'full_compute_instance.tfplan.json',
  ])('%s: 0 findings, right; exit 0', (file) => {
    expect(check(file)).toEqual({ exitCode: 0, errors: [], findings: [] });
  });

  it('example_bigquery_dataset_iam_binding.tfplan.json: 2 findings, right; exit 1', () => {
    const { exitCode, errors, findings } = check('example_bigquery_dataset_iam_binding.tfplan.json');
    expect([exitCode, errors]).toEqual([1, []]);
    // roles/bigquery.dataViewer on the dataset for allAuthenticatedUsers and allUsers: the data is public.
    expect(lines(findings)).toEqual([
      'no-wildcard-privilege mandatory google_bigquery_dataset_iam_binding.reader Member::allAuthenticatedUsers',
      'no-wildcard-privilege mandatory google_bigquery_dataset_iam_binding.reader Member::allUsers',
    ]);
  });

  it('example_bigquery_dataset_iam_policy_empty_policy_data.tfplan.json: 1 pending finding, right; exit 1', () => {
    // The policy comes from a data.google_iam_policy read at apply: who gets which role cannot be seen yet.
    const { exitCode, errors, findings } = check('example_bigquery_dataset_iam_policy_empty_policy_data.tfplan.json');
    expect([exitCode, errors]).toEqual([1, []]);
    expect(lines(findings)).toEqual([
      'no-wildcard-privilege mandatory google_bigquery_dataset_iam_policy.dataset Role::unknown pending',
    ]);
    expect(findings[0]?.message).toContain(
      'google_bigquery_dataset_iam_policy.dataset.policy_data is not known until apply (from data.google_iam_policy.owner.policy_data, data.google_iam_policy.owner)',
    );
  });

  it('example_kms_crypto_key_iam_policy.tfplan.json: 1 finding, right; the Google APIs service agent on one key is none; exit 1', () => {
    const { exitCode, errors, findings } = check('example_kms_crypto_key_iam_policy.tfplan.json');
    expect([exitCode, errors]).toEqual([1, []]);
    expect(lines(findings)).toEqual([
      'no-wildcard-privilege mandatory google_kms_crypto_key_iam_policy.crypto_key Member::allAuthenticatedUsers',
    ]);
  });

  it('example_project_iam_custom_role.tfplan.json: 1 finding, noisy (iam.roles.create alone adds nothing to a held role); exit 1', () => {
    const { exitCode, errors, findings } = check('example_project_iam_custom_role.tfplan.json');
    expect([exitCode, errors]).toEqual([1, []]);
    expect(lines(findings)).toEqual([
      'no-wildcard-privilege mandatory google_project_iam_custom_role.my-custom-role Privilege::role-admin',
    ]);
  });

  it('example_google_cloudfunctions_function.tfplan.json: 1 finding, right; exit 1', () => {
    const { exitCode, errors, findings } = check('example_google_cloudfunctions_function.tfplan.json');
    expect([exitCode, errors]).toEqual([1, []]);
    // 1st gen without service_account_email: the App Engine default account.
    expect(lines(findings)).toEqual([
      'no-wildcard-privilege mandatory google_cloudfunctions_function.function DefaultAccount::app-engine/every-api',
    ]);
  });

  it.each(['example_container_cluster.tfplan.json', 'example_service_account.tfplan.json'])(
    '%s: 2 findings (an undeclared service account), right; exit 1',
    (file) => {
      // The node pool of example_container_cluster runs as google_service_account.default (its e-mail known after
      // apply, linked through the configuration), with cloud-platform: a dedicated account, no default-account finding.
      const { exitCode, errors, findings } = check(file);
      expect([exitCode, errors]).toEqual([1, []]);
      expect(lines(findings)).toEqual(noCatalog(findings[0]?.resource.name ?? '-'));
      expect(findings[0]?.resource.type).toBe('google_service_account');
    },
  );

  it('example_secret_manager_secret_iam_member.tfplan.json: 2 findings, right; exit 1', () => {
    const { exitCode, errors, findings } = check('example_secret_manager_secret_iam_member.tfplan.json');
    expect([exitCode, errors]).toEqual([1, []]);
    // A secret without rotation or owner; secretAccessor on it for a user is no finding.
    expect(lines(findings)).toEqual([
      'require-owner mandatory google_secret_manager_secret.secret-basic Owner::missing',
      'secret-rotation mandatory google_secret_manager_secret.secret-basic Rotation::none',
    ]);
  });

  it('terraform-compliance-case_sensitivity.plan.out.json (Terraform 0.12.25): 1 finding, right; exit 1', () => {
    // administrator_login_password = "password", a constant of the configuration. Until h101 AzureRM passwords passed.
    const { exitCode, errors, findings } = check('terraform-compliance-case_sensitivity.plan.out.json');
    expect([exitCode, errors]).toEqual([1, []]);
    expect(lines(findings)).toEqual([
      'no-long-lived-credentials mandatory azurerm_postgresql_server.example Credential::plaintext',
    ]);
    expect(findings[0]?.message).toMatch(
      /^A password is written in the configuration of azurerm_postgresql_server\.example \(administrator_login_password\)/,
    );
  });

  it('terraform-compliance-test_issue-294.plan.out.json (Terraform 0.12.25): 1 finding, right; exit 1', () => {
    // The Windows VM's os_profile admin_password is the module argument "ComplxP@ssw0rd!"; the Linux VM's is "" (SSH
    // keys only): no password.
    const { exitCode, errors, findings } = check('terraform-compliance-test_issue-294.plan.out.json');
    expect([exitCode, errors]).toEqual([1, []]);
    expect(lines(findings)).toEqual([
      'no-long-lived-credentials mandatory module.windowsservers-pass.azurerm_virtual_machine.vm-windows[0] Credential::plaintext',
    ]);
    expect(findings[0]?.message).toContain(
      '(os_profile[0].admin_password (argument admin_password of module.windowsservers-pass))',
    );
  });
});
