/**
 * A peer's verdicts on the same templates: fugue/regula's CloudFormation rule fixtures that create IAM identities,
 * policies, KMS keys and Lambda functions with their roles (rego/tests/rules/cfn/<service>/inputs, copied verbatim
 * into test/corpus/regula-cloudformation). Each template is checked alone with no catalog, as
 * `entitlement-guard check <file>` reads it. Every resource regula's IAM tests judge has a row below: regula's
 * verdict, the exact blocking privilege findings it has here, and, where the two differ, why. regula's other checks
 * on these files judge what no identity holds (public invocation of a function, key rotation, trail logging), listed
 * with why. All content findings are held to a snapshot and judged in test/corpus/regula-cloudformation/README.md.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkEachTemplate, snapshotOf } from './support/each-template.js';

const CORPUS = join(import.meta.dirname, 'regula-cloudformation');
/** The rules that judge what regula's IAM checks judge: privilege, escalation, trust. */
const PRIVILEGE_RULES = new Set(['no-wildcard-privilege', 'no-privilege-escalation', 'restrict-trust']);

interface Row {
  file: string;
  /** The logical id regula's test names. */
  resource: string;
  /** regula's rule package, as its test names it. */
  check: string;
  regula: 'FAILED' | 'PASSED';
  /** This resource's PRIVILEGE_RULES findings here (all mandatory): `rule detail`, sorted. */
  here: string[];
  /** Required where regula fails and nothing is found here, or regula passes and something is: why. */
  why?: string;
}

const ADMIN = 'iam/inputs/admin_policy_infra.yaml';
const POLICY = 'iam/inputs/policy_infra.yaml';
const STAR = 'no-wildcard-privilege Action::*';
const ADMINISTRATOR = ['no-privilege-escalation Path::*', STAR];

const ROWS: Row[] = [
  // cfn_iam_admin_policy: Action "*" on Resource "*" in any policy.
  { file: ADMIN, resource: 'InvalidGroup01', check: 'cfn_iam_admin_policy', regula: 'FAILED', here: ADMINISTRATOR },
  { file: ADMIN, resource: 'InvalidPolicy01', check: 'cfn_iam_admin_policy', regula: 'FAILED', here: [STAR] },
  { file: ADMIN, resource: 'InvalidPolicy02', check: 'cfn_iam_admin_policy', regula: 'FAILED', here: [STAR] },
  { file: ADMIN, resource: 'InvalidPolicy03', check: 'cfn_iam_admin_policy', regula: 'FAILED', here: [STAR] },
  { file: ADMIN, resource: 'InvalidRole01', check: 'cfn_iam_admin_policy', regula: 'FAILED', here: ADMINISTRATOR },
  { file: ADMIN, resource: 'InvalidUser01', check: 'cfn_iam_admin_policy', regula: 'FAILED', here: ADMINISTRATOR },
  { file: ADMIN, resource: 'ValidPolicy01', check: 'cfn_iam_admin_policy', regula: 'PASSED', here: [] },
  { file: ADMIN, resource: 'ValidPolicy02', check: 'cfn_iam_admin_policy', regula: 'PASSED', here: [STAR],
    why: 'Action "*" on the role\'s own ARN is every IAM action on that role, iam:PutRolePolicy and iam:AttachRolePolicy ' +
      'included: the role can grant itself anything. regula looks only for Resource "*". The policy is judged where it ' +
      'is made: the Deny of ValidPolicy03 is another resource, which can go without this one changing' },
  { file: ADMIN, resource: 'ValidPolicy03', check: 'cfn_iam_admin_policy', regula: 'PASSED', here: [] },
  // Its policies' Allow "*" is cancelled by ValidPolicy03's Deny "*" on "*": the role can do nothing, so no path.
  { file: ADMIN, resource: 'ValidRole01', check: 'cfn_iam_admin_policy', regula: 'PASSED', here: [] },
  // cfn_iam_policy: policies attached to groups or roles only, never to users.
  { file: POLICY, resource: 'User01', check: 'cfn_iam_policy', regula: 'PASSED', here: [] },
  { file: POLICY, resource: 'ValidPolicy01', check: 'cfn_iam_policy', regula: 'PASSED', here: [] },
  { file: POLICY, resource: 'InvalidPolicy01', check: 'cfn_iam_policy', regula: 'FAILED', here: [],
    why: 'where a policy hangs (a user, not a group) is no privilege: ec2:StartInstances grants none. The user is held to ' +
      'require-owner and require-entitlement, and human-federated once the catalog classes it human' },
  { file: POLICY, resource: 'InvalidUser01', check: 'cfn_iam_policy', regula: 'FAILED', here: ADMINISTRATOR },
];

/**
 * regula's checks on these files that judge no identity's grant, with why none of their verdicts is a finding here.
 * The roles and generated roles in these files are still held to require-owner and require-entitlement.
 */
const OUTSIDE_IDENTITY: { check: string; files: string[]; why: string; resourcePolicies?: string[] }[] = [
  {
    check: 'cfn_kms_key_rotation',
    files: ['kms/inputs/key_rotation_infra.yaml'],
    why: 'rotation of key material is encryption hygiene, not an identity or a secret; the key policies name their ' +
      'principal as arn:aws:iam::${AWS::AccountId}:${KeyManager}: whatever the deployment sets the parameter to, a ' +
      'principal of the own account, which restrict-trust trusts as it trusts the own account (h84; was pending)',
    resourcePolicies: [],
  },
  {
    check: 'cfn_lambda_function_not_public',
    files: [
      'lambda/inputs/invalid_function_not_public_infra.yaml',
      'lambda/inputs/invalid_function_not_public_sam_infra.yaml',
      'lambda/inputs/invalid_function_not_public_with_valid_infra.yaml',
      'lambda/inputs/valid_function_not_public_account_permission_infra.yaml',
      'lambda/inputs/valid_function_not_public_account_permission_sam_infra.yaml',
      'lambda/inputs/valid_function_not_public_infra.yaml',
      'lambda/inputs/valid_function_not_public_sam_infra.yaml',
      'lambda/inputs/valid_function_not_public_service_permission_infra.yaml',
      'lambda/inputs/valid_function_not_public_service_permission_sam_infra.yaml',
    ],
    why: 'who may invoke a function is its resource policy, not a grant to an identity; the functions\' roles hold ' +
      'AWSLambdaBasicExecutionRole (logs only), no privilege. Since session 31 restrict-trust reads Lambda ' +
      'permissions: the eight regula fails (Principal *, no condition) are blocked, as regula fails them (right); ' +
      'API Gateway let in without aws:SourceArn is advisory (regula passes it: noisy, the confused-deputy advice)',
    resourcePolicies: [
      'lambda/inputs/invalid_function_not_public_infra.yaml FunctionPermissionByArn Principal::*',
      'lambda/inputs/invalid_function_not_public_infra.yaml FunctionPermissionByHardcodedName Principal::*',
      'lambda/inputs/invalid_function_not_public_infra.yaml FunctionPermissionByHardcodedNameAndAlias Principal::*',
      'lambda/inputs/invalid_function_not_public_infra.yaml FunctionPermissionByNameAndAliasUsingFunctions Principal::*',
      'lambda/inputs/invalid_function_not_public_infra.yaml FunctionPermissionByPartialArn Principal::*',
      'lambda/inputs/invalid_function_not_public_infra.yaml FunctionPermissionByRef Principal::*',
      'lambda/inputs/invalid_function_not_public_sam_infra.yaml FunctionPermission Principal::*',
      'lambda/inputs/invalid_function_not_public_with_valid_infra.yaml InvalidFunctionPermission Principal::*',
      'lambda/inputs/invalid_function_not_public_with_valid_infra.yaml ValidFunctionPermission Service::apigateway.amazonaws.com',
      'lambda/inputs/valid_function_not_public_service_permission_infra.yaml FunctionPermission Service::apigateway.amazonaws.com',
      'lambda/inputs/valid_function_not_public_service_permission_sam_infra.yaml FunctionPermission Service::apigateway.amazonaws.com',
    ],
  },
  {
    check: 'cfn_cloudtrail_cloudwatch, cfn_cloudtrail_encryption, cfn_s3_encryption',
    files: [
      'cloudtrail/inputs/invalid_cloudwatch_with_valid_infra.yaml',
      'cloudtrail/inputs/valid_cloudwatch_infra.yaml',
      'cloudtrail/inputs/valid_encryption_infra.yaml',
      's3/inputs/invalid_encryption_with_valid_infra.yaml',
      's3/inputs/valid_encryption_infra.yaml',
    ],
    why: 'logging and encryption settings; the trail\'s role holds logs:CreateLogStream and logs:PutLogEvents, no ' +
      'privilege, and the key policies are the default one (kms:* for the own account root) or a service\'s. The ' +
      'bucket and key policies let cloudtrail.amazonaws.com in without aws:SourceArn, which the CloudTrail User Guide\'s ' +
      'bucket policy now writes (restrict-trust, advisory confused deputy: right; once per policy, its two statements ' +
      '(GetBucketAcl, PutObject) named in the one finding)',
    resourcePolicies: [
      'cloudtrail/inputs/invalid_cloudwatch_with_valid_infra.yaml LoggingBucketPolicy Service::cloudtrail.amazonaws.com',
      'cloudtrail/inputs/valid_cloudwatch_infra.yaml LoggingBucketPolicy Service::cloudtrail.amazonaws.com',
      'cloudtrail/inputs/valid_encryption_infra.yaml KMSKey Service::cloudtrail.amazonaws.com',
      'cloudtrail/inputs/valid_encryption_infra.yaml LoggingBucketPolicy Service::cloudtrail.amazonaws.com',
    ],
  },
];

describe("regula's CloudFormation fixtures: a peer's verdicts", () => {
  const checks = checkEachTemplate(CORPUS);
  const findingsOf = (file: string) => {
    const result = checks.get(file);
    if (!result) throw new Error(`no such fixture: ${file}`);
    return result.result?.findings ?? [];
  };

  it('reads all 17 templates: none exits 2', () => {
    expect(checks.size).toBe(17);
    for (const [file, result] of checks) expect(result.errors, file).toEqual([]);
  });

  it.each(ROWS)('$check $regula $resource', ({ file, resource, regula, here, why }) => {
    const findings = findingsOf(file).filter((f) => PRIVILEGE_RULES.has(f.ruleId) && f.resource.name === resource);
    expect(findings.map((f) => `${f.ruleId} ${f.detail}`).sort()).toEqual(here);
    for (const finding of findings) expect(finding.level, finding.detail).toBe('mandatory');
    // A verdict that differs from regula's says why; one that agrees says nothing.
    expect(why !== undefined, 'why').toBe((regula === 'FAILED') === (here.length === 0));
  });

  it('agrees with regula on 12 of its 14 IAM verdicts; every difference says why', () => {
    const agreed = ROWS.filter((row) => (row.regula === 'FAILED') === (row.here.length > 0));
    expect([ROWS.length, agreed.length]).toEqual([14, 12]);
  });

  it.each(OUTSIDE_IDENTITY)('$check: no finding but the catalog rules\' and resource-policy trust', ({ files, resourcePolicies }) => {
    const found = files.flatMap((file) =>
      findingsOf(file)
        .filter((f) => f.ruleId !== 'require-owner' && f.ruleId !== 'require-entitlement')
        .map((f) => `${file} ${f.ruleId === 'restrict-trust' ? '' : `${f.ruleId} `}${f.resource.name} ${f.detail}${f.pending ? ' pending' : ''}`),
    );
    expect(found.sort()).toEqual(resourcePolicies ?? []);
  });

  it('gives exactly the snapshot verdicts and content findings (rule level resource identity detail)', async () => {
    await expect(snapshotOf(checks, CORPUS)).toMatchFileSnapshot('__snapshots__/regula-cloudformation-corpus.txt');
  });
});
