/**
 * Adversarial inputs, written by us (test/corpus/gate-semantics/adversarial/README.md): CloudFormation templates and
 * Terraform plans that try to slip AWS privilege past the gate (NotAction, wildcards, intrinsics, policies as strings,
 * attachments through groups, ineffective conditions, open trust, resource policies, long-lived keys, unrotated
 * secrets, protections only some deployments create). Each is checked through the CLI in-process without a catalog;
 * the findings of every rule but require-owner and require-entitlement (which block every identity without a
 * catalog) are pinned as "rule level [pending] resource detail", sorted. Each line of the README judges one file.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCheck } from "../../src/cli/check.js";

const REPO = join(import.meta.dirname, "../..");
const CORPUS = "test/corpus/gate-semantics/adversarial";
const UNSCOPED = new Set(["require-owner", "require-entitlement"]);

function findings(file: string): string[] {
  const result = runCheck({ paths: [join(REPO, CORPUS, file)], format: "json", now: new Date("2026-06-01T00:00:00Z"), cwd: REPO, toolVersion: "test" });
  return result.result!.findings
    .filter((finding) => !UNSCOPED.has(finding.ruleId))
    .map((finding) => [finding.ruleId, finding.level, ...(finding.pending ? ["pending"] : []), finding.resource.name, finding.detail ?? ""].join(" ").trim())
    .sort();
}

const EXPECTED: Record<string, string[]> = {
  "cfn-access-key-external-user.json": [
    "no-long-lived-credentials mandatory K Credential::aws-access-key"
  ],
  "cfn-access-key-inactive.json": [
    "no-long-lived-credentials mandatory K Credential::aws-access-key"
  ],
  "cfn-access-key-under-condition.json": [
    "no-long-lived-credentials mandatory K Credential::aws-access-key"
  ],
  "cfn-action-fn-findinmap.json": [
    "no-privilege-escalation mandatory R Path::put-role-policy",
    "no-wildcard-privilege mandatory R Resource::*"
  ],
  "cfn-action-fn-if-safe-branches.json": [],
  "cfn-action-fn-if-undecided.json": [
    "no-privilege-escalation mandatory R Path::*",
    "no-wildcard-privilege mandatory R Action::iam:*"
  ],
  "cfn-action-fn-join.json": [
    "no-privilege-escalation mandatory R Path::create-policy-version",
    "no-wildcard-privilege mandatory R Resource::*"
  ],
  "cfn-action-fn-select.json": [
    "no-privilege-escalation mandatory R Path::create-policy-version",
    "no-wildcard-privilege mandatory R Resource::*"
  ],
  "cfn-action-fn-sub-allowed-values-reads.json": [],
  "cfn-action-fn-sub-allowed-values.json": [
    "no-privilege-escalation mandatory R Path::attach-role-policy",
    "no-wildcard-privilege mandatory R Resource::*"
  ],
  "cfn-action-fn-sub-parameter.json": [
    "no-privilege-escalation mandatory pending R Path::unknown",
    "no-wildcard-privilege mandatory pending R"
  ],
  "cfn-action-fn-sub-variable-map.json": [
    "no-privilege-escalation mandatory R Path::attach-role-policy",
    "no-wildcard-privilege mandatory R Resource::*"
  ],
  "cfn-action-mixed-case.json": [
    "no-privilege-escalation mandatory R Path::passrole-lambda-invoke",
    "no-wildcard-privilege mandatory R Resource::*"
  ],
  "cfn-action-parameter-allowed-values.json": [
    "no-privilege-escalation mandatory R Path::*",
    "no-wildcard-privilege mandatory R Action::iam:*"
  ],
  "cfn-action-parameter-no-default-allowed-reads.json": [],
  "cfn-action-question-mark-service.json": [
    "no-privilege-escalation mandatory R Path::*",
    "no-wildcard-privilege mandatory R Action::i?m:*"
  ],
  "cfn-action-wildcard-middle.json": [
    "no-privilege-escalation mandatory R Path::attach-group-policy",
    "no-privilege-escalation mandatory R Path::attach-role-policy",
    "no-privilege-escalation mandatory R Path::attach-user-policy",
    "no-privilege-escalation mandatory R Path::create-policy-version",
    "no-privilege-escalation mandatory R Path::put-group-policy",
    "no-privilege-escalation mandatory R Path::put-role-policy",
    "no-privilege-escalation mandatory R Path::put-user-policy",
    "no-privilege-escalation mandatory R Path::set-default-policy-version",
    "no-privilege-escalation mandatory R Path::update-assume-role-policy",
    "no-wildcard-privilege mandatory R Action::iam:*Policy*"
  ],
  "cfn-action-wildcard-service-prefix.json": [
    "no-privilege-escalation mandatory R Path::passrole-lambda-invoke",
    "no-wildcard-privilege mandatory R Action::*:Pass*"
  ],
  "cfn-admin-arn-findinmap.json": [
    "no-privilege-escalation mandatory R Path::*",
    "no-wildcard-privilege mandatory R Policy::AdministratorAccess"
  ],
  "cfn-admin-arn-fn-sub-partition.json": [
    "no-privilege-escalation mandatory R Path::*",
    "no-wildcard-privilege mandatory R Policy::AdministratorAccess"
  ],
  "cfn-allow-notaction.json": [
    "no-privilege-escalation mandatory R Path::*",
    "no-wildcard-privilege mandatory R NotAction::s3:*"
  ],
  "cfn-awsdenyall-fn-if.json": [
    "no-privilege-escalation mandatory R Path::*",
    "no-wildcard-privilege mandatory R Action::iam:*"
  ],
  "cfn-boundary-wildcard.json": [
    "no-wildcard-privilege mandatory B Action::*"
  ],
  "cfn-condition-forallvalues-empty-set.json": [
    "no-privilege-escalation mandatory R Path::attach-role-policy",
    "no-wildcard-privilege mandatory R Resource::*"
  ],
  "cfn-condition-ifexists-absent-key.json": [
    "no-privilege-escalation mandatory R Path::attach-role-policy",
    "no-wildcard-privilege mandatory R Resource::*"
  ],
  "cfn-condition-mfa.json": [
    "no-privilege-escalation mandatory R Path::attach-role-policy",
    "no-wildcard-privilege mandatory R Resource::*"
  ],
  "cfn-condition-notipaddress.json": [
    "no-privilege-escalation mandatory R Path::attach-role-policy",
    "no-wildcard-privilege mandatory R Resource::*"
  ],
  "cfn-condition-requested-region.json": [
    "no-privilege-escalation mandatory R Path::attach-role-policy",
    "no-wildcard-privilege mandatory R Resource::*"
  ],
  "cfn-condition-securetransport.json": [
    "no-privilege-escalation mandatory R Path::attach-role-policy",
    "no-wildcard-privilege mandatory R Resource::*"
  ],
  "cfn-condition-stringlike-star.json": [
    "no-privilege-escalation mandatory R Path::attach-role-policy",
    "no-wildcard-privilege mandatory R Resource::*"
  ],
  "cfn-deny-group-user-groups-fn-if.json": [
    "no-privilege-escalation mandatory U Path::*",
    "no-wildcard-privilege mandatory U Action::iam:*"
  ],
  "cfn-deny-inline-policy-fn-if.json": [
    "no-privilege-escalation mandatory R Path::*",
    "no-wildcard-privilege mandatory R Action::iam:*"
  ],
  "cfn-deny-managed-policy-arns-fn-if.json": [
    "no-privilege-escalation mandatory R Path::*",
    "no-wildcard-privilege mandatory R Action::iam:*"
  ],
  "cfn-deny-notaction-spares-iam.json": [
    "no-privilege-escalation mandatory R Path::*",
    "no-wildcard-privilege mandatory R Action::*"
  ],
  "cfn-deny-policy-condition-undecided-escalation.json": [
    "no-privilege-escalation mandatory Deployer Path::passrole-lambda-invoke"
  ],
  "cfn-deny-policy-condition-undecided.json": [
    "no-privilege-escalation mandatory R Path::*",
    "no-wildcard-privilege mandatory R Action::iam:*"
  ],
  "cfn-deny-policy-every-deployment-escalation.json": [],
  "cfn-deny-policy-every-deployment.json": [
    "no-wildcard-privilege mandatory R Action::iam:*"
  ],
  "cfn-deny-policy-holder-fn-if.json": [
    "no-privilege-escalation mandatory R Path::*",
    "no-wildcard-privilege mandatory R Action::iam:*"
  ],
  "cfn-deny-policy-users-fn-if.json": [
    "no-privilege-escalation mandatory U Path::*",
    "no-wildcard-privilege mandatory U Action::iam:*"
  ],
  "cfn-deny-rolepolicy-condition-undecided.json": [
    "no-privilege-escalation mandatory R Path::*",
    "no-wildcard-privilege mandatory R Action::iam:*"
  ],
  "cfn-deny-with-condition.json": [
    "no-privilege-escalation mandatory R Path::*",
    "no-wildcard-privilege mandatory R Action::iam:*"
  ],
  "cfn-escalation-split-over-two-policies.json": [
    "no-privilege-escalation mandatory R Path::passrole-lambda-invoke"
  ],
  "cfn-group-addition-condition-undecided-escalation.json": [
    "no-privilege-escalation mandatory Deployer Path::passrole-lambda-invoke"
  ],
  "cfn-group-addition-every-deployment-escalation.json": [],
  "cfn-iamfullaccess-arn-fn-join.json": [
    "no-privilege-escalation mandatory R Path::*",
    "no-wildcard-privilege mandatory R Policy::IAMFullAccess"
  ],
  "cfn-kms-key-policy-star.json": [
    "restrict-trust mandatory K Principal::*"
  ],
  "cfn-lambda-permission-star.json": [
    "restrict-trust mandatory P Principal::*"
  ],
  "cfn-lambda-url-permission-star.json": [
    "restrict-trust mandatory P Principal::*"
  ],
  "cfn-managed-arn-fn-sub-allowed-read-only.json": [],
  "cfn-managed-arn-parameter-allowed-values.json": [
    "no-privilege-escalation mandatory R Path::*",
    "no-wildcard-privilege mandatory R Policy::AdministratorAccess"
  ],
  "cfn-managed-policy-via-groups.json": [
    "no-privilege-escalation mandatory G Path::*",
    "no-privilege-escalation mandatory U Path::*",
    "no-wildcard-privilege mandatory MP Action::iam:*",
    "no-wildcard-privilege mandatory MP Action::iam:*"
  ],
  "cfn-managed-policy-via-users.json": [
    "no-privilege-escalation mandatory U Path::create-access-key",
    "no-wildcard-privilege mandatory MP Resource::*"
  ],
  "cfn-nested-stack.json": [
    "no-unseen-content mandatory pending N Unseen::https://s3.amazonaws.com/b/x.json"
  ],
  "cfn-passrole-notresource.json": [
    "no-wildcard-privilege mandatory R Resource::*"
  ],
  "cfn-policy-document-fn-join-string.json": [
    "no-privilege-escalation mandatory R Path::attach-group-policy",
    "no-privilege-escalation mandatory R Path::attach-role-policy",
    "no-privilege-escalation mandatory R Path::attach-user-policy",
    "no-wildcard-privilege mandatory P Action::iam:Attach*"
  ],
  "cfn-policy-document-fn-sub-string.json": [
    "no-privilege-escalation mandatory R Path::add-user-to-group",
    "no-privilege-escalation mandatory R Path::attach-group-policy",
    "no-privilege-escalation mandatory R Path::attach-role-policy",
    "no-privilege-escalation mandatory R Path::attach-user-policy",
    "no-privilege-escalation mandatory R Path::create-access-key",
    "no-privilege-escalation mandatory R Path::create-login-profile",
    "no-privilege-escalation mandatory R Path::create-policy-version",
    "no-privilege-escalation mandatory R Path::put-group-policy",
    "no-privilege-escalation mandatory R Path::put-role-policy",
    "no-privilege-escalation mandatory R Path::put-user-policy",
    "no-privilege-escalation mandatory R Path::set-default-policy-version",
    "no-privilege-escalation mandatory R Path::update-assume-role-policy",
    "no-privilege-escalation mandatory R Path::update-login-profile",
    "no-wildcard-privilege mandatory P Action::iam:*"
  ],
  "cfn-policy-document-json-string.json": [
    "no-privilege-escalation mandatory R Path::*",
    "no-wildcard-privilege mandatory P Action::*"
  ],
  "cfn-policy-document-tojsonstring.json": [
    "no-privilege-escalation mandatory R Path::*",
    "no-wildcard-privilege mandatory P Action::iam:*"
  ],
  "cfn-policy-fn-sub-duplicate-action.json": [
    "no-privilege-escalation mandatory pending R Path::unknown",
    "no-wildcard-privilege mandatory pending P"
  ],
  "cfn-policy-json-string-duplicate-effect.json": [
    "no-privilege-escalation mandatory pending R Path::unknown",
    "no-wildcard-privilege mandatory pending R"
  ],
  "cfn-policy-tojsonstring-importvalue.json": [
    "no-privilege-escalation mandatory pending R Path::unknown",
    "no-wildcard-privilege mandatory pending R"
  ],
  "cfn-policy-tojsonstring-read-only.json": [],
  "cfn-policy-via-groups.json": [
    "no-privilege-escalation mandatory G Path::put-user-policy",
    "no-privilege-escalation mandatory U Path::put-user-policy",
    "no-wildcard-privilege mandatory P Resource::*",
    "no-wildcard-privilege mandatory P Resource::*"
  ],
  "cfn-poweruseraccess.json": [
    "no-privilege-escalation mandatory R Path::agentcore-any-browser",
    "no-privilege-escalation mandatory R Path::agentcore-any-code-interpreter",
    "no-privilege-escalation mandatory R Path::agentcore-any-runtime-command",
    "no-privilege-escalation mandatory R Path::assume-any-role",
    "no-privilege-escalation mandatory R Path::deploy-any-codedeploy-group",
    "no-privilege-escalation mandatory R Path::ec2-instance-connect-any-instance",
    "no-privilege-escalation mandatory R Path::ecs-execute-command",
    "no-privilege-escalation mandatory R Path::execute-any-cloudformation-change-set",
    "no-privilege-escalation mandatory R Path::modify-any-ec2-launch-template",
    "no-privilege-escalation mandatory R Path::modify-any-ec2-user-data",
    "no-privilege-escalation mandatory R Path::sagemaker-any-notebook-lifecycle-config",
    "no-privilege-escalation mandatory R Path::sagemaker-any-notebook-url",
    "no-privilege-escalation mandatory R Path::ssm-send-command",
    "no-privilege-escalation mandatory R Path::ssm-start-session",
    "no-privilege-escalation mandatory R Path::start-any-codebuild-build",
    "no-privilege-escalation mandatory R Path::start-any-codebuild-build-batch",
    "no-privilege-escalation mandatory R Path::submit-any-batch-job",
    "no-privilege-escalation mandatory R Path::update-any-apprunner-service",
    "no-privilege-escalation mandatory R Path::update-any-cloudformation-stack",
    "no-privilege-escalation mandatory R Path::update-glue-dev-endpoint",
    "no-privilege-escalation mandatory R Path::update-lambda-code",
    "no-wildcard-privilege mandatory R Policy::PowerUserAccess"
  ],
  "cfn-resource-any-policy-fn-sub.json": [
    "no-privilege-escalation mandatory R Path::create-policy-version",
    "no-wildcard-privilege mandatory R Resource::*"
  ],
  "cfn-resource-star-fn-join.json": [
    "no-privilege-escalation mandatory R Path::create-policy-version",
    "no-wildcard-privilege mandatory R Resource::*"
  ],
  "cfn-role-fn-foreach.json": [
    "no-privilege-escalation mandatory RA Path::*",
    "no-privilege-escalation mandatory RB Path::*",
    "no-wildcard-privilege mandatory RA Action::iam:*",
    "no-wildcard-privilege mandatory RB Action::iam:*"
  ],
  "cfn-rotation-3650-days.json": [
    "secret-rotation mandatory RS Rotation::3650d"
  ],
  "cfn-rotation-condition-undecided.json": [
    "secret-rotation mandatory pending S Rotation::unknown"
  ],
  "cfn-rotation-cron-yearly.json": [
    "secret-rotation mandatory RS Rotation::366d"
  ],
  "cfn-rotation-days-allowed-values-within-limit.json": [],
  "cfn-rotation-days-allowed-values.json": [
    "secret-rotation mandatory RS Rotation::1000d"
  ],
  "cfn-rotation-days-parameter.json": [
    "secret-rotation mandatory pending S Rotation::unknown"
  ],
  "cfn-s3-bucket-policy-star-deny-outside-account-same-objects.json": [],
  "cfn-s3-bucket-policy-star.json": [
    "restrict-trust mandatory BP Principal::*"
  ],
  "cfn-sam-function-admin-policy.json": [
    "no-privilege-escalation mandatory FRole Path::*",
    "no-wildcard-privilege mandatory FRole Policy::AdministratorAccess"
  ],
  "cfn-secret-no-rotation.json": [
    "secret-rotation mandatory S Rotation::none"
  ],
  "cfn-secret-resource-policy-star.json": [
    "restrict-trust mandatory SP Principal::*",
    "secret-rotation mandatory S Rotation::none"
  ],
  "cfn-sns-topic-policy-star.json": [
    "restrict-trust mandatory TP Principal::*"
  ],
  "cfn-sqs-queue-policy-star.json": [
    "restrict-trust mandatory QP Principal::*"
  ],
  "cfn-sso-permission-set-admin.json": [
    "no-privilege-escalation mandatory PS Path::*",
    "no-wildcard-privilege mandatory PS Policy::AdministratorAccess"
  ],
  "cfn-trust-account-and-star.json": [
    "restrict-trust mandatory R Account::123456789012",
    "restrict-trust mandatory R Principal::*"
  ],
  "cfn-trust-any-account-root.json": [
    "restrict-trust mandatory R Principal::*"
  ],
  "cfn-trust-any-orgid-like-star.json": [
    "restrict-trust mandatory R Principal::*"
  ],
  "cfn-trust-any-principalaccount-like-star.json": [
    "restrict-trust mandatory R Principal::*"
  ],
  "cfn-trust-any-principalarn-any-account.json": [
    "restrict-trust mandatory R Principal::*"
  ],
  "cfn-trust-any-securetransport.json": [
    "restrict-trust mandatory R Principal::*"
  ],
  "cfn-trust-any-sts-star.json": [
    "restrict-trust mandatory R Principal::*"
  ],
  "cfn-trust-cognito-unauthenticated.json": [
    "restrict-trust mandatory R Cognito::unauthenticated"
  ],
  "cfn-trust-github-aud-only.json": [
    "restrict-trust mandatory R Condition::token.actions.githubusercontent.com:sub"
  ],
  "cfn-trust-github-sub-any-owner.json": [
    "restrict-trust mandatory R Condition::token.actions.githubusercontent.com:aud",
    "restrict-trust mandatory R Condition::token.actions.githubusercontent.com:sub"
  ],
  "cfn-trust-github-sub-foranyvalue.json": [
    "restrict-trust mandatory R Condition::token.actions.githubusercontent.com:aud",
    "restrict-trust mandatory R Condition::token.actions.githubusercontent.com:sub"
  ],
  "cfn-trust-github-sub-ifexists.json": [
    "restrict-trust mandatory R Condition::token.actions.githubusercontent.com:aud",
    "restrict-trust mandatory R Condition::token.actions.githubusercontent.com:sub"
  ],
  "cfn-trust-github-sub-notlike.json": [
    "restrict-trust mandatory R Condition::token.actions.githubusercontent.com:aud",
    "restrict-trust mandatory R Condition::token.actions.githubusercontent.com:sub"
  ],
  "cfn-trust-github-sub-repo-star.json": [
    "restrict-trust mandatory R Condition::token.actions.githubusercontent.com:sub"
  ],
  "cfn-trust-google-no-aud.json": [
    "restrict-trust mandatory R Condition::accounts.google.com:aud",
    "restrict-trust mandatory R Condition::accounts.google.com:sub"
  ],
  "cfn-trust-json-string-duplicate-principal.json": [
    "restrict-trust mandatory pending R"
  ],
  "cfn-trust-notprincipal.json": [
    "restrict-trust mandatory R Principal::*"
  ],
  "cfn-trust-star-deny-outside-account-and-ip.json": [
    "restrict-trust mandatory R Principal::*"
  ],
  "cfn-trust-star-deny-outside-account.json": [],
  "cfn-trust-star-deny-outside-org.json": [
    "restrict-trust mandatory R Organization::o-abcdefghij"
  ],
  "cfn-trust-star-tagsession.json": [
    "restrict-trust mandatory R Principal::*"
  ],
  "cfn-user-to-group-addition-admin.json": [
    "no-privilege-escalation mandatory G Path::*",
    "no-privilege-escalation mandatory U Path::*",
    "no-wildcard-privilege mandatory G Policy::AdministratorAccess",
    "no-wildcard-privilege mandatory G Policy::AdministratorAccess"
  ],
  "terraform-access-key-count.json": [
    "no-long-lived-credentials mandatory aws_iam_access_key.k[0] Credential::aws-access-key"
  ],
  "terraform-access-key.json": [
    "no-long-lived-credentials mandatory aws_iam_access_key.k Credential::aws-access-key"
  ],
  "terraform-boundary.json": [
    "no-privilege-escalation mandatory aws_iam_role.r Path::attach-role-policy",
    "no-wildcard-privilege mandatory aws_iam_role_policy.p Resource::*"
  ],
  "terraform-deny-sep.json": [
    "no-wildcard-privilege mandatory aws_iam_role_policy.a Action::iam:*"
  ],
  "terraform-group-membership.json": [
    "no-privilege-escalation mandatory aws_iam_group.g Path::*",
    "no-privilege-escalation mandatory aws_iam_user.u Path::*",
    "no-wildcard-privilege mandatory aws_iam_group_policy_attachment.a Policy::AdministratorAccess",
    "no-wildcard-privilege mandatory aws_iam_group_policy_attachment.a Policy::AdministratorAccess"
  ],
  "terraform-inline-policy-block.json": [
    "no-privilege-escalation mandatory aws_iam_role.r Path::*",
    "no-wildcard-privilege mandatory aws_iam_role.r Action::iam:*"
  ],
  "terraform-kms.json": [
    "restrict-trust mandatory aws_kms_key.k Principal::*"
  ],
  "terraform-lambda-perm.json": [
    "restrict-trust mandatory aws_lambda_permission.p Principal::*"
  ],
  "terraform-lambda-url.json": [],
  "terraform-login-profile.json": [
    "no-long-lived-credentials mandatory aws_iam_user_login_profile.l Credential::aws-login-profile"
  ],
  "terraform-managed-policy-arns.json": [
    "no-privilege-escalation mandatory aws_iam_role.r Path::*",
    "no-wildcard-privilege mandatory aws_iam_role.r Policy::AdministratorAccess"
  ],
  "terraform-midwild.json": [
    "no-privilege-escalation mandatory aws_iam_role.r Path::attach-group-policy",
    "no-privilege-escalation mandatory aws_iam_role.r Path::attach-role-policy",
    "no-privilege-escalation mandatory aws_iam_role.r Path::attach-user-policy",
    "no-privilege-escalation mandatory aws_iam_role.r Path::create-policy-version",
    "no-privilege-escalation mandatory aws_iam_role.r Path::put-group-policy",
    "no-privilege-escalation mandatory aws_iam_role.r Path::put-role-policy",
    "no-privilege-escalation mandatory aws_iam_role.r Path::put-user-policy",
    "no-privilege-escalation mandatory aws_iam_role.r Path::set-default-policy-version",
    "no-privilege-escalation mandatory aws_iam_role.r Path::update-assume-role-policy",
    "no-wildcard-privilege mandatory aws_iam_role_policy.p Action::iam:*Policy*"
  ],
  "terraform-mixedcase.json": [
    "no-privilege-escalation mandatory aws_iam_role.r Path::passrole-lambda-invoke",
    "no-wildcard-privilege mandatory aws_iam_role_policy.p Resource::*"
  ],
  "terraform-notaction.json": [
    "no-privilege-escalation mandatory aws_iam_role.r Path::*",
    "no-wildcard-privilege mandatory aws_iam_role_policy.p NotAction::s3:*"
  ],
  "terraform-outside-group.json": [
    "no-wildcard-privilege mandatory aws_iam_user_group_membership.m Group::admins"
  ],
  "terraform-pol-attach-ms.json": [
    "no-privilege-escalation mandatory aws_iam_role.r Path::create-policy-version",
    "no-wildcard-privilege mandatory aws_iam_policy.x Resource::*"
  ],
  "terraform-pol-attach.json": [
    "no-privilege-escalation mandatory aws_iam_role.r Path::create-policy-version",
    "no-wildcard-privilege mandatory aws_iam_policy.x Resource::*"
  ],
  "terraform-policy-attachment.json": [
    "no-privilege-escalation mandatory aws_iam_role.r Path::*",
    "no-privilege-escalation mandatory aws_iam_user.u Path::*",
    "no-wildcard-privilege mandatory aws_iam_policy_attachment.a Policy::IAMFullAccess",
    "no-wildcard-privilege mandatory aws_iam_policy_attachment.a Policy::IAMFullAccess"
  ],
  "terraform-policy-unknown.json": [
    "no-privilege-escalation mandatory pending aws_iam_role.r Path::unknown",
    "no-wildcard-privilege mandatory pending aws_iam_role_policy.p"
  ],
  "terraform-rpa-admin.json": [
    "no-privilege-escalation mandatory aws_iam_role.r Path::*",
    "no-wildcard-privilege mandatory aws_iam_role_policy_attachment.a Policy::AdministratorAccess"
  ],
  "terraform-rpa-power.json": [
    "no-privilege-escalation mandatory aws_iam_role.r Path::agentcore-any-browser",
    "no-privilege-escalation mandatory aws_iam_role.r Path::agentcore-any-code-interpreter",
    "no-privilege-escalation mandatory aws_iam_role.r Path::agentcore-any-runtime-command",
    "no-privilege-escalation mandatory aws_iam_role.r Path::assume-any-role",
    "no-privilege-escalation mandatory aws_iam_role.r Path::deploy-any-codedeploy-group",
    "no-privilege-escalation mandatory aws_iam_role.r Path::ec2-instance-connect-any-instance",
    "no-privilege-escalation mandatory aws_iam_role.r Path::ecs-execute-command",
    "no-privilege-escalation mandatory aws_iam_role.r Path::execute-any-cloudformation-change-set",
    "no-privilege-escalation mandatory aws_iam_role.r Path::modify-any-ec2-launch-template",
    "no-privilege-escalation mandatory aws_iam_role.r Path::modify-any-ec2-user-data",
    "no-privilege-escalation mandatory aws_iam_role.r Path::sagemaker-any-notebook-lifecycle-config",
    "no-privilege-escalation mandatory aws_iam_role.r Path::sagemaker-any-notebook-url",
    "no-privilege-escalation mandatory aws_iam_role.r Path::ssm-send-command",
    "no-privilege-escalation mandatory aws_iam_role.r Path::ssm-start-session",
    "no-privilege-escalation mandatory aws_iam_role.r Path::start-any-codebuild-build",
    "no-privilege-escalation mandatory aws_iam_role.r Path::start-any-codebuild-build-batch",
    "no-privilege-escalation mandatory aws_iam_role.r Path::submit-any-batch-job",
    "no-privilege-escalation mandatory aws_iam_role.r Path::update-any-apprunner-service",
    "no-privilege-escalation mandatory aws_iam_role.r Path::update-any-cloudformation-stack",
    "no-privilege-escalation mandatory aws_iam_role.r Path::update-glue-dev-endpoint",
    "no-privilege-escalation mandatory aws_iam_role.r Path::update-lambda-code",
    "no-wildcard-privilege mandatory aws_iam_role_policy_attachment.a Policy::PowerUserAccess"
  ],
  "terraform-rpa-unknown-arn.json": [
    "no-privilege-escalation mandatory pending aws_iam_role.r Path::unknown",
    "no-wildcard-privilege mandatory pending aws_iam_role_policy_attachment.a"
  ],
  "terraform-s3-policy.json": [
    "restrict-trust mandatory aws_s3_bucket_policy.p Principal::*"
  ],
  "terraform-secret-norot.json": [
    "secret-rotation mandatory aws_secretsmanager_secret.s Rotation::none"
  ],
  "terraform-secret-policy.json": [
    "restrict-trust mandatory aws_secretsmanager_secret_policy.p Principal::*",
    "secret-rotation mandatory aws_secretsmanager_secret.s Rotation::none"
  ],
  "terraform-secret-rot-long.json": [
    "secret-rotation mandatory aws_secretsmanager_secret.s Rotation::none"
  ],
  "terraform-sns.json": [
    "restrict-trust mandatory aws_sns_topic_policy.t Principal::*"
  ],
  "terraform-split.json": [
    "no-privilege-escalation mandatory aws_iam_role.r Path::passrole-lambda-invoke"
  ],
  "terraform-sqs.json": [
    "restrict-trust mandatory aws_sqs_queue_policy.q Principal::*"
  ],
  "terraform-ssc.json": [
    "no-long-lived-credentials mandatory aws_iam_service_specific_credential.c Credential::aws-service-specific-credential"
  ],
  "terraform-ssh-key.json": [
    "no-long-lived-credentials mandatory aws_iam_user_ssh_key.k Credential::aws-ssh-public-key"
  ],
  "terraform-sso-ps.json": [
    "no-privilege-escalation mandatory aws_ssoadmin_managed_policy_attachment.a Path::*",
    "no-unseen-content mandatory aws_ssoadmin_managed_policy_attachment.a Unseen::arn:aws:sso:::permissionSet/ssoins-1/ps-1",
    "no-wildcard-privilege mandatory aws_ssoadmin_managed_policy_attachment.a Policy::AdministratorAccess"
  ],
  "terraform-trust-any.json": [
    "restrict-trust mandatory aws_iam_role.r Principal::*"
  ],
  "terraform-trust-anyroot.json": [
    "restrict-trust mandatory aws_iam_role.r Principal::*"
  ],
  "terraform-trust-gh-aud.json": [
    "restrict-trust mandatory aws_iam_role.r Condition::token.actions.githubusercontent.com:sub"
  ],
  "terraform-trust-gh-star.json": [
    "restrict-trust mandatory aws_iam_role.r Condition::token.actions.githubusercontent.com:sub"
  ],
  "terraform-trust-unknown.json": [
    "restrict-trust mandatory pending aws_iam_role.r"
  ],
  "terraform-user-group-membership.json": [
    "no-privilege-escalation mandatory aws_iam_group.g Path::*",
    "no-privilege-escalation mandatory aws_iam_user.u Path::*",
    "no-wildcard-privilege mandatory aws_iam_group_policy.a Action::*",
    "no-wildcard-privilege mandatory aws_iam_group_policy.a Action::*"
  ],
  "terraform-user-policy-attach.json": [
    "no-privilege-escalation mandatory aws_iam_user.u Path::*",
    "no-wildcard-privilege mandatory aws_iam_user_policy_attachment.p Policy::AdministratorAccess"
  ],
  "terraform-user-policy.json": [
    "no-privilege-escalation mandatory aws_iam_user.u Path::passrole-ec2",
    "no-wildcard-privilege mandatory aws_iam_user_policy.p Resource::*"
  ]
};

/**
 * Through the CLI with the gate-semantics catalog (owners known, require-entitlement advisory), the exit code the
 * gate gives: a protection only some deployments create (a Deny policy, a rotation schedule, an interval a parameter
 * sets) let these pass with 0 before; a choice every deployment makes safely (an Fn::If or an Fn::Sub over
 * AllowedValues) blocked as pending with 1 before.
 */
const EXIT_CODES: Record<string, number> = {
  "cfn-deny-policy-condition-undecided-escalation.json": 1,
  "cfn-deny-policy-every-deployment-escalation.json": 0,
  "cfn-rotation-condition-undecided.json": 1,
  "cfn-rotation-days-parameter.json": 1,
  "cfn-rotation-days-allowed-values.json": 1,
  "cfn-rotation-days-allowed-values-within-limit.json": 0,
  "cfn-action-fn-if-safe-branches.json": 0,
  "cfn-action-fn-if-undecided.json": 1,
  "cfn-action-fn-sub-allowed-values-reads.json": 0,
  "cfn-action-fn-sub-allowed-values.json": 1,
  "cfn-managed-arn-fn-sub-allowed-read-only.json": 0,
  "cfn-managed-arn-parameter-allowed-values.json": 1,
  "cfn-action-parameter-no-default-allowed-reads.json": 0,
  "cfn-action-parameter-allowed-values.json": 1,
  // h98: a key written twice in a policy's JSON text passed as JSON.parse's last value (0 before).
  "cfn-policy-json-string-duplicate-effect.json": 1,
  "cfn-policy-fn-sub-duplicate-action.json": 1,
  "cfn-trust-json-string-duplicate-principal.json": 1,
  // h98: Fn::ToJsonString read (1 before: pending).
  "cfn-policy-tojsonstring-read-only.json": 0,
  // h98: `*` narrowed to the own account by a Deny on the same objects (1 before: Principal::*).
  "cfn-s3-bucket-policy-star-deny-outside-account-same-objects.json": 0,
};

describe("adversarial AWS IAM inputs", () => {
  it("pins every file of the corpus", () => {
    expect(readdirSync(join(REPO, CORPUS)).filter((file) => file.endsWith(".json")).sort()).toEqual(Object.keys(EXPECTED).sort());
  });
  it.each(Object.keys(EXPECTED))("%s", (file) => {
    expect(findings(file)).toEqual(EXPECTED[file]);
  });
  it.each(Object.keys(EXIT_CODES))("%s exits as the gate should with the corpus catalog", (file) => {
    const result = runCheck({
      paths: [join(REPO, CORPUS, file)],
      catalogPath: join(REPO, "test/corpus/gate-semantics/catalog.yaml"),
      format: "json",
      now: new Date("2026-06-01T00:00:00Z"),
      cwd: REPO,
      toolVersion: "test",
    });
    expect(result.exitCode).toBe(EXIT_CODES[file]);
  });
});
