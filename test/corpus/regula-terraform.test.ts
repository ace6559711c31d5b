/**
 * Public Terraform plans, end to end through the CLI: fugue/regula's `terraform show -json` test inputs (plan formats
 * 0.1 and 0.2, Terraform 0.12.20 to 1.0.8; two pin the AWS provider to ~> 2.41) that create IAM users, groups,
 * roles and policies, a policy whose document is read at apply, KMS keys, and four that create no identity, copied
 * verbatim into test/corpus/regula-terraform/ (README.md there: source commit and path of each file, licence, every
 * finding judged, regula's verdict beside ours). Each plan is checked on its own with no catalog, as
 * `entitlement-guard check <plan.json>` reads it; the exact findings (rule, level, resource, detail, pending) are
 * asserted, with the count in each test's name.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { checkCorpusFile, findingLines as lines, noCatalog } from './support/cli-check.js';

const CORPUS = join(import.meta.dirname, 'regula-terraform');
const check = (file: string) => checkCorpusFile(CORPUS, file);

describe("regula's Terraform plans through `entitlement-guard check`", () => {
  it('iam-admin-policies-format-0.1.json (format 0.1, Terraform 0.13.5): 12 findings, all right; exit 1', () => {
    const { exitCode, errors, findings } = check('iam-admin-policies-format-0.1.json');
    expect([exitCode, errors]).toEqual([1, []]);
    expect(lines(findings)).toEqual([
      // The group, the role and the user each hold Action "*" on "*" in an inline policy: every IAM action.
      'no-privilege-escalation mandatory aws_iam_group.my_group Path::*',
      'require-owner mandatory aws_iam_group.my_group Owner::missing',
      // regula's four invalid policies (FG_R00092), and only those: the ec2:Describe* and Deny "*" ones pass in both.
      'no-wildcard-privilege mandatory aws_iam_group_policy.invalid_group_policy Action::*',
      'no-wildcard-privilege mandatory aws_iam_policy.invalid_policy Action::*',
      // The inline policies name their role and user by the role's id and the user's name, unknown in a 0.13 plan:
      // linked through the configuration's references.
      'no-privilege-escalation mandatory aws_iam_role.my_test_role Path::*',
      ...noCatalog('aws_iam_role.my_test_role'),
      'no-wildcard-privilege mandatory aws_iam_role_policy.invalid_role_policy Action::*',
      'no-privilege-escalation mandatory aws_iam_user.my_test_user Path::*',
      ...noCatalog('aws_iam_user.my_test_user'),
      'no-wildcard-privilege mandatory aws_iam_user_policy.invalid_user_policy Action::*',
    ]);
    expect(findings.map((f) => f.resource.file)).toEqual(
      findings.map(() => 'test/corpus/regula-terraform/iam-admin-policies-format-0.1.json'),
    );
    expect(findings.find((f) => f.resource.name === 'aws_iam_policy.invalid_policy')?.message).toMatch(
      /^Policy test_invalid_policy allows Action "\*" on Resource "\*": every action of every AWS service/,
    );
  });

  it('iam-admin-policies-format-0.1.json: the audit names the user and group by their ARNs with their IAM paths', () => {
    const plan = join(CORPUS, 'iam-admin-policies-format-0.1.json');
    const audit = main(['audit', plan, '--format', 'json', '--now', '2026-12-01']);
    const identities = (JSON.parse(audit.output) as { identities: { id: string; arn?: string }[] }).identities;
    // path = "/users/" and "/system/" in the configuration: AWS's ARN holds the path (`user/${UserNameWithPath}`).
    expect(identities.map((identity) => `${identity.id} ${identity.arn}`)).toEqual([
      'aws_iam_group.my_group arn:aws:iam::<own-account>:group/users/my_group',
      'aws_iam_role.my_test_role arn:aws:iam::<own-account>:role/my_test_role',
      'aws_iam_user.my_test_user arn:aws:iam::<own-account>:user/system/my_test_user',
    ]);
  });

  it('iam-policies-attached-to-users-format-0.1.json (format 0.1, Terraform 0.13.5): 17 findings, all right; exit 1', () => {
    const { exitCode, errors, findings } = check('iam-policies-attached-to-users-format-0.1.json');
    expect([exitCode, errors]).toEqual([1, []]);
    // Six users, three groups and a role; the policies allow ec2:Describe* or deny: nothing privileged is granted.
    expect(lines(findings)).toEqual([
      'require-owner mandatory aws_iam_group.valid_group_blank_users Owner::missing',
      'require-owner mandatory aws_iam_group.valid_group_empty_list_users Owner::missing',
      'require-owner mandatory aws_iam_group.valid_group_missing_users Owner::missing',
      ...noCatalog('aws_iam_role.valid_role'),
      ...noCatalog('aws_iam_user.invalid_normal_policy_user'),
      ...noCatalog('aws_iam_user.invalid_user_policy_attachment_user'),
      ...noCatalog('aws_iam_user.invalid_user_policy_user'),
      ...noCatalog('aws_iam_user.valid_group_blank_user'),
      ...noCatalog('aws_iam_user.valid_group_empty_list_user'),
      ...noCatalog('aws_iam_user.valid_group_missing_user'),
    ]);
  });

  it('flow-log-role-format-0.1.json (format 0.1, Terraform 0.13.5): 2 findings, right; exit 1', () => {
    const { exitCode, errors, findings } = check('flow-log-role-format-0.1.json');
    expect([exitCode, errors]).toEqual([1, []]);
    // The VPC Flow Logs role: logs:CreateLogGroup … logs:DescribeLogStreams on "*" is no privilege; only undeclared.
    expect(lines(findings)).toEqual(noCatalog('aws_iam_role.example'));
  });

  it('policy-from-document-read-at-apply-format-0.1.json (format 0.1, Terraform 0.13.5): 1 pending finding, right; exit 1', () => {
    const { exitCode, errors, findings } = check('policy-from-document-read-at-apply-format-0.1.json');
    expect([exitCode, errors]).toEqual([1, []]);
    // The policy's document is an aws_iam_policy_document read at apply (one of its resources is a bucket's ARN):
    // fail closed, saying which attribute and which data source.
    expect(lines(findings)).toEqual(['no-wildcard-privilege mandatory aws_iam_policy.example - pending']);
    expect(findings.map((f) => f.message)).toEqual([
      'Policy aws_iam_policy.example cannot be verified until apply: aws_iam_policy.example.policy is not known until ' +
        'apply (from data.aws_iam_policy_document.example).',
    ]);
  });

  it('bucket-policies-format-0.2.json: 4 findings, right; exit 1', () => {
    // Two aws_s3_bucket_policy resources let everyone in (s3:ListBucket to Principal *, every action to AWS *); the
    // third denies. Since session 31 the buckets' own inline `policy` argument is read too: the same two grants.
    const { exitCode, errors, findings } = check('bucket-policies-format-0.2.json');
    expect([exitCode, errors]).toEqual([1, []]);
    expect(lines(findings)).toEqual([
      'restrict-trust mandatory aws_s3_bucket.allowget-inline-policy Principal::*',
      'restrict-trust mandatory aws_s3_bucket.allowlist-inline-policy Principal::*',
      'restrict-trust mandatory aws_s3_bucket_policy.allowget-policy Principal::*',
      'restrict-trust mandatory aws_s3_bucket_policy.allowlist-policy Principal::*',
    ]);
  });

  it.each([
    // KMS keys with their default key policy: key rotation (regula FG_R00036, FG_R00378) is not in the model.
    'kms-keys-rotation-format-0.1.json',
    'gcp-kms-crypto-keys-rotation-format-0.1.json',
    // A Compute Engine instance without a service_account block (no account at all), a launch template without an
    // instance profile, an Auto Scaling group and two buckets.
    'compute-without-identity-format-0.1.json',
    // A CloudFront origin access identity (a CloudFront principal, no IAM identity) and three distributions.
    'cloudfront-origin-access-identity-format-0.1.json',
    // Security groups in the plan shape of Terraform 0.12.20.
    'security-groups-terraform-0.12.json',
  ])('%s: 0 findings, right; exit 0', (file) => {
    expect(check(file)).toEqual({ exitCode: 0, errors: [], findings: [] });
  });
});
