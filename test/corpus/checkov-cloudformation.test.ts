/**
 * A peer's verdicts on the same templates: checkov's CloudFormation IAM check fixtures
 * (bridgecrewio/checkov tests/cloudformation/checks/resource/aws, copied verbatim into
 * test/corpus/checkov-cloudformation). Each file is named for checkov's verdict (FAILED/PASSED, .fail/.pass). Every
 * resource checkov fails for a wildcard action, administrator access, a public or account-wide trust, credentials
 * exposure or permissions management is blocked here by the rule that judges it, but for two kinds of grant this
 * project leaves to the catalog's entitlements (listed below, with why); no file checkov passes for a wildcard action
 * or a public trust has such a finding here. All content findings are held to a snapshot and judged in
 * test/corpus/checkov-cloudformation/README.md.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/finding.js';
import { checkEachTemplate, snapshotOf } from './support/each-template.js';

const CORPUS = join(import.meta.dirname, 'checkov-cloudformation');
/** The rules that judge what checkov's IAM checks judge: privilege, escalation, trust. */
const PRIVILEGE_RULES = new Set(['no-wildcard-privilege', 'no-privilege-escalation', 'restrict-trust']);

/** What checkov fails, by file: each resource must have a blocking finding of PRIVILEGE_RULES here. */
const CHECKOV_FAILED: Record<string, string[]> = {
  'example_IAMStarActionPolicyDocument/iam_group.fail.json': ['mygroup'],
  'example_IAMStarActionPolicyDocument/iam_policy.fail.json': ['NEWPolicy'],
  'example_IAMStarActionPolicyDocument/iam_role.fail.json': ['RootRole'],
  'example_IAMStarActionPolicyDocument/iam_user.fail.json': ['CFNUser'],
  'example_IAMAdminPolicyDocument/iam_group.fail.json': ['mygroup'],
  'example_IAMAdminPolicyDocument/iam_policy.fail.json': ['NEWPolicy'],
  'example_IAMAdminPolicyDocument/iam_role.fail.json': ['RootRole'],
  'example_IAMAdminPolicyDocument/iam_user.fail.json': ['CFNUser'],
  'example_IAMRoleAllowsPublicAssume/FAILED.yml': ['AWSStarPrincipal', 'AWSStarPrincipalInList'],
  'example_IAMRoleAllowsPublicAssume/FAILED-2.yml': ['AWSStarPrincipal2', 'AWSStarPrincipalInList2'],
  'example_IAMRoleAllowAssumeFromAccount/example_IAMRoleAllowAssumeFromAccount-FAILED.yml': ['ExecutionRole'],
  'example_IAMPolicyAttachedToGroupOrRoles/IAMPolicyAttachedToGroupOrRoles-FAILED.yml': ['ExamplePolicy'],
  'Cloudsplaining_IAMCredentialsExposure/FAILED.yml': ['IAMUpdateAccessKeyPolicy'],
  'Cloudsplaining_IAMGroup/FAILED.yml': [
    'PolicyOnePassPolicyTwoFailAdmin',
    'PolicyOneFailPolicyTwoFailPermissionsWildcard',
  ],
  'Cloudsplaining_IAMRole/FAILED.yml': [
    'PolicyOnePassPolicyTwoFailAdmin',
    'PolicyOneFailPolicyTwoFailPermissionsWildcard',
  ],
  'Cloudsplaining_IAMUser/FAILED.yml': [
    'PolicyOnePassPolicyTwoFailAdmin',
    'PolicyOneFailPolicyTwoFailPermissionsWildcard',
  ],
  'Cloudsplaining_IAMPermissionsManagement/FAILED.yml': ['AdminAllow', 'PermissionsWildcard1'],
  'Cloudsplaining_ManagedPolicy/FAILED.yml': ['AdminAllow', 'PermissionsWildcard1'],
  'Cloudsplaining_IAMWriteAccess/FAILED.yml': ['AdminAllow'],
};

/**
 * What checkov fails and this check does not, with why: neither grants privilege as this project defines it
 * (AWS's Permissions management actions, the catalog's privileged actions, escalation paths). Without a catalog
 * require-entitlement blocks their holders anyway; with one, a grant beyond the holder's entitlements is blocked.
 */
const LEFT_TO_ENTITLEMENTS: Record<string, string[]> = {
  // iam:ChangePassword on "*": a user can change only their own password with it.
  'Cloudsplaining_IAMPermissionsManagement/FAILED.yml': ['PermissionsWildcard0'],
  'Cloudsplaining_ManagedPolicy/FAILED.yml': ['PermissionsWildcard0'],
  // s3:PutObject and s3:CreateBucket on "*": data access, judged against the entitlements.
  'Cloudsplaining_IAMWriteAccess/FAILED.yml': ['WriteWildcard0', 'WriteWildcard1'],
};

/** What checkov passes for a wildcard action or a public trust: none of these findings here. */
const CHECKOV_PASSED: Record<string, (finding: Finding) => boolean> = {
  'example_IAMStarActionPolicyDocument/iam_group.pass.json': (f) => f.detail === 'Action::*',
  'example_IAMStarActionPolicyDocument/iam_policy.pass.json': (f) => f.detail === 'Action::*',
  'example_IAMStarActionPolicyDocument/iam_role.pass.json': (f) => f.detail === 'Action::*',
  'example_IAMStarActionPolicyDocument/iam_user.pass.json': (f) => f.detail === 'Action::*',
  'example_IAMAdminPolicyDocument/iam_group.pass.json': (f) => f.detail === 'Action::*',
  'example_IAMAdminPolicyDocument/iam_policy.pass.json': (f) => f.detail === 'Action::*',
  'example_IAMAdminPolicyDocument/iam_role.pass.json': (f) => f.detail === 'Action::*',
  'example_IAMAdminPolicyDocument/iam_user.pass.json': (f) => f.detail === 'Action::*',
  'example_IAMRoleAllowsPublicAssume/PASSED.yml': (f) => f.ruleId === 'restrict-trust',
  'example_IAMRoleAllowsPublicAssume/PASSED-2.yml': (f) => f.ruleId === 'restrict-trust',
  'Cloudsplaining_IAMCredentialsExposure/PASSED.yml': (f) => PRIVILEGE_RULES.has(f.ruleId),
  'Cloudsplaining_IAMGroup/PASSED.yaml': (f) => PRIVILEGE_RULES.has(f.ruleId),
  'Cloudsplaining_IAMRole/PASSED.yaml': (f) => PRIVILEGE_RULES.has(f.ruleId),
  'Cloudsplaining_IAMUser/PASSED.yaml': (f) => PRIVILEGE_RULES.has(f.ruleId),
  'Cloudsplaining_IAMPermissionsManagement/PASSED.yaml': (f) => PRIVILEGE_RULES.has(f.ruleId),
  'Cloudsplaining_IAMWriteAccess/PASSED.yaml': (f) => PRIVILEGE_RULES.has(f.ruleId),
  'Cloudsplaining_ManagedPolicy/PASSED.yaml': (f) => PRIVILEGE_RULES.has(f.ruleId),
};

describe("checkov's CloudFormation IAM fixtures: a peer's verdicts", () => {
  const checks = checkEachTemplate(CORPUS);
  const findingsOf = (file: string) => {
    const result = checks.get(file);
    if (!result) throw new Error(`no such fixture: ${file}`);
    return result.result?.findings ?? [];
  };
  /** The resources a finding is about: the policy or identity resource, and the identity the policy is judged on. */
  const subjectsOf = (finding: Finding) => [finding.resource.name, finding.identity?.split('/').pop()];

  it('reads all 43 files: none exits 2', () => {
    expect(checks.size).toBe(43);
    for (const [file, result] of checks) expect(result.errors, file).toEqual([]);
  });

  it('blocks every resource checkov fails, but the two kinds of grant left to the entitlements', () => {
    for (const [file, resources] of Object.entries(CHECKOV_FAILED)) {
      const blocked = new Set(
        findingsOf(file)
          .filter((f) => PRIVILEGE_RULES.has(f.ruleId) && f.level === 'mandatory')
          .flatMap(subjectsOf),
      );
      for (const resource of resources) expect(blocked, `${file} ${resource}`).toContain(resource);
    }
    for (const [file, resources] of Object.entries(LEFT_TO_ENTITLEMENTS)) {
      const judged = new Set(
        findingsOf(file)
          .filter((f) => PRIVILEGE_RULES.has(f.ruleId))
          .flatMap(subjectsOf),
      );
      for (const resource of resources) expect(judged, `${file} ${resource}`).not.toContain(resource);
    }
  });

  it('gives no wildcard-action or trust finding where checkov passes', () => {
    for (const [file, isSuch] of Object.entries(CHECKOV_PASSED))
      expect(findingsOf(file).filter(isSuch), file).toEqual([]);
  });

  it('gives exactly the snapshot verdicts and content findings (rule level resource identity detail)', async () => {
    await expect(snapshotOf(checks, CORPUS)).toMatchFileSnapshot('__snapshots__/checkov-cloudformation-corpus.txt');
  });
});
