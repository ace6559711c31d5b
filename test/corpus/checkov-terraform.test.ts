/**
 * Public Terraform plans, end to end through the CLI: bridgecrewio/checkov's plan fixtures that create IAM
 * identities, policies, trusts and secrets (and four that create none), copied verbatim into
 * test/corpus/checkov-terraform/ (README.md there: source commit and path of each file, licence, every finding
 * judged). Each plan is checked on its own with no catalog, as `entitlement-guard check <plan.json>` reads it; the
 * exact findings (rule, level, resource, detail, pending) are asserted, with the count in each test's name.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { modelFromTerraformPlan } from '../../src/adapters/terraform/index.js';
import { checkCorpusFile, findingLines as lines, noCatalog } from './support/cli-check.js';

const CORPUS = join(import.meta.dirname, 'checkov-terraform');
const check = (file: string) => checkCorpusFile(CORPUS, file);

describe("checkov's Terraform plan fixtures through `entitlement-guard check`", () => {
  it('iam-policies-group-user-role.json (format 1.0): 12 findings, all right; exit 1', () => {
    const { exitCode, errors, findings } = check('iam-policies-group-user-role.json');
    expect([exitCode, errors]).toEqual([1, []]);
    expect(lines(findings)).toEqual([
      // iam:* on "*" in an inline policy of a group with no member yet: judged where it is granted.
      'no-privilege-escalation mandatory aws_iam_group.fail_2 Path::*',
      'require-owner mandatory aws_iam_group.fail_2 Owner::missing',
      'no-wildcard-privilege mandatory aws_iam_group_policy.fail_2 Action::iam:*',
      // s3:* on "*" in a policy attached to nobody: it includes s3:PutBucketPolicy and s3:PutBucketAcl on every bucket.
      'no-wildcard-privilege mandatory aws_iam_policy.policy_pass Action::s3:*',
      // The role policy's `role` is the role's id, known after apply: linked through the configuration.
      'no-privilege-escalation mandatory aws_iam_role.example Path::*',
      ...noCatalog('aws_iam_role.example'),
      'no-wildcard-privilege mandatory aws_iam_role_policy.fail_1 Action::iam:*',
      'no-privilege-escalation mandatory aws_iam_user.fail_3 Path::*',
      ...noCatalog('aws_iam_user.fail_3'),
      'no-wildcard-privilege mandatory aws_iam_user_policy.fail_3 Action::iam:*',
    ]);
    expect(findings.map((f) => f.resource.file)).toEqual(
      findings.map(() => 'test/corpus/checkov-terraform/iam-policies-group-user-role.json'),
    );
  });

  it('oidc-trust-read-at-apply.json (format 1.2): 12 findings, 4 trusts pending until apply, all right; exit 1', () => {
    const { exitCode, errors, findings } = check('oidc-trust-read-at-apply.json');
    expect([exitCode, errors]).toEqual([1, []]);
    const roles = ['module.poc.aws_iam_role.r1["p1"]', 'module.poc.aws_iam_role.r1["p2"]'];
    const others = ['module.poc.aws_iam_role.r6["p1"]', 'module.poc.aws_iam_role.r6["p2"]'];
    expect(lines(findings)).toEqual(
      [...roles, ...others].flatMap((role) => [...noCatalog(role), `restrict-trust mandatory ${role} - pending`]),
    );
    // The trust documents are data sources read at apply (their `json` is unknown): said, with what they come from.
    expect(findings.filter((f) => f.pending).map((f) => f.message)).toEqual([
      'Trust policy of role r7 cannot be verified until apply: module.poc.aws_iam_role.r1["p1"].assume_role_policy ' +
        'is not known until apply (from module.poc.data.aws_iam_policy_document.r3, each.key).',
      'Trust policy of role r2 cannot be verified until apply: module.poc.aws_iam_role.r1["p2"].assume_role_policy ' +
        'is not known until apply (from module.poc.data.aws_iam_policy_document.r3, each.key).',
      'Trust policy of role r8 cannot be verified until apply: module.poc.aws_iam_role.r6["p1"].assume_role_policy ' +
        'is not known until apply (from module.poc.data.aws_iam_policy_document.r4, each.key).',
      'Trust policy of role r9 cannot be verified until apply: module.poc.aws_iam_role.r6["p2"].assume_role_policy ' +
        'is not known until apply (from module.poc.data.aws_iam_policy_document.r4, each.key).',
    ]);
  });

  it('policy-every-action-on-one-role-format-0.1.json (format 0.1): 1 finding, right; exit 1', () => {
    const { exitCode, errors, findings } = check('policy-every-action-on-one-role-format-0.1.json');
    expect([exitCode, errors]).toEqual([1, []]);
    // Action "*" on the role `admin`: every IAM and STS action on it (pass it, rewrite its trust, attach to it).
    expect(lines(findings)).toEqual(['no-wildcard-privilege mandatory aws_iam_policy.policy Action::*']);
  });

  it('codebuild-service-role.json (format 1.0): 2 findings, right; exit 1', () => {
    const { exitCode, errors, findings } = check('codebuild-service-role.json');
    expect([exitCode, errors]).toEqual([1, []]);
    // A role trusted by codebuild.amazonaws.com with no policy: nothing granted, only undeclared.
    expect(lines(findings)).toEqual(noCatalog('aws_iam_role.example'));
  });

  it('secret-without-rotation-format-0.2.json (format 0.2): 2 findings, right; exit 1', () => {
    const { exitCode, errors, findings } = check('secret-without-rotation-format-0.2.json');
    expect([exitCode, errors]).toEqual([1, []]);
    expect(lines(findings)).toEqual([
      'require-owner mandatory aws_secretsmanager_secret.not_specified Owner::missing',
      // rotation_rules and rotation_enabled are unknown after apply, but only report an aws_secretsmanager_secret_rotation,
      // and the plan has none.
      'secret-rotation mandatory aws_secretsmanager_secret.not_specified Rotation::none',
    ]);
  });

  it('secret-replaced-create-before-destroy.json (format 1.1, actions ["create","delete"]): 2 findings, right; exit 1', () => {
    const { exitCode, errors, findings } = check('secret-replaced-create-before-destroy.json');
    expect([exitCode, errors]).toEqual([1, []]);
    // A replacement, not a deletion: a new secret `test` exists after the change, and is judged.
    expect(lines(findings)).toEqual([
      'require-owner mandatory aws_secretsmanager_secret.default Owner::missing',
      'secret-rotation mandatory aws_secretsmanager_secret.default Rotation::none',
    ]);
  });

  it('gcp-instance-own-service-account.json (format 1.0): 2 findings, right; exit 1', () => {
    const { exitCode, errors, findings } = check('gcp-instance-own-service-account.json');
    expect([exitCode, errors]).toEqual([1, []]);
    // The instance's service_account.email is the created account's email (unknown until apply, linked through the
    // configuration): not the Compute Engine default account, so its cloud-platform scope is no finding.
    expect(lines(findings)).toEqual(noCatalog('google_service_account.default'));
  });

  it('gcp-instance-own-service-account.json: the account’s e-mail is known from the provider block’s project ("test")', () => {
    // The account leaves its project to the provider; the plan knows it (and the e-mail) only after apply, but the
    // provider block writes `project = "test"`, so the account is abc123@test.iam.gserviceaccount.com, which the
    // instance runs as.
    const plan = JSON.parse(readFileSync(join(CORPUS, 'gcp-instance-own-service-account.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    const model = modelFromTerraformPlan(plan);
    expect(
      model.identities.map((identity) => [
        identity.name,
        identity.arn,
        identity.attachments.map((attachment) => attachment.source.name),
      ]),
    ).toEqual([['abc123', 'abc123@test.iam.gserviceaccount.com', ['google_compute_instance.default']]]);
  });

  it('gcp-instance-default-account-cloud-platform.json (format 1.1): 1 finding, right; exit 1', () => {
    const { exitCode, errors, findings } = check('gcp-instance-default-account-cloud-platform.json');
    expect([exitCode, errors]).toEqual([1, []]);
    expect(lines(findings)).toEqual([
      'no-wildcard-privilege mandatory google_compute_instance.bad3 DefaultAccount::compute/every-api',
    ]);
  });

  it('bucket-policy-cross-account.json: 1 pending finding, right; exit 1', () => {
    // A bucket policy granting another account, from an aws_iam_policy_document read at apply: whom it lets in is not
    // known, so restrict-trust holds it (fail closed) until the plan shows it.
    const { exitCode, errors, findings } = check('bucket-policy-cross-account.json');
    expect([exitCode, errors]).toEqual([1, []]);
    expect(lines(findings)).toEqual([
      'restrict-trust mandatory aws_s3_bucket_policy.allow_access_from_another_account - pending',
    ]);
  });

  it.each([
    // A CloudFront distribution whose `after` is null: no identity type.
    'cloudfront-after-null.json',
    // aws_iam_account_password_policy in a child module (format 0.1): an account setting, no identity.
    'password-policy-in-child-module-format-0.1.json',
  ])('%s: 0 findings, right; exit 0', (file) => {
    expect(check(file)).toEqual({ exitCode: 0, errors: [], findings: [] });
  });
});
