import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultCatalog, parseCatalog } from '../../catalog/index.js';
import type { Catalog } from '../../catalog/types.js';
import { expandActionPattern } from '../../src/iam/aws/actions.js';
import { parsePolicyDocument } from '../../src/iam/aws/document.js';
import { allowancesFor, effectiveAllows } from '../../src/iam/aws/evaluate.js';
import {
  allowsAllOfIam,
  awsManagedPolicy,
  iamActions,
  isAdminLevel,
  managedPolicyAllows,
  type ManagedPolicyInfo,
} from '../../src/iam/aws/managed.js';
import { managedPolicyNamed, managedPolicyNames } from '../../src/iam/aws/managed-policies.js';
import { mayAllowPrivilegedOnEveryResource, privilegedCategory } from '../../src/iam/aws/privileged.js';
import { mayAllowOnEveryResource, type ActionNamesOf } from '../../src/iam/aws/reach.js';
import { catalog as testCatalog } from '../support/builders.js';

// The quick proof that a document allows none of a few actions on every resource (src/iam/aws/reach.ts) stands in
// for expanding it: wherever it says "no", evaluating the document must say "none" too.

/** The names asked about: `iam:PassRole` and `s3:PutBucketPolicy`. */
const ASKED: ActionNamesOf = (service) =>
  service === 'iam' ? ['iam:PassRole'] : service === 's3' ? ['s3:PutBucketPolicy'] : [];

function statement(fields: Record<string, unknown>) {
  return parsePolicyDocument({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', ...fields }] });
}

describe('mayAllowOnEveryResource', () => {
  const valid: [string, Record<string, unknown>][] = [
    ['another action of the service', { Action: 'iam:GetRole', Resource: '*' }],
    ['a pattern that matches none of the names', { Action: ['iam:Get*', 's3:List*'], Resource: '*' }],
    ['another service', { Action: 'ec2:*', Resource: '*' }],
    ['the action, on one resource only', { Action: 'iam:PassRole', Resource: 'arn:aws:iam::111122223333:role/app' }],
    ['the action, denied', { Effect: 'Deny', Action: 'iam:PassRole', Resource: '*' }],
  ];
  const invalid: [string, Record<string, unknown>][] = [
    ['the action on *', { Action: 'iam:PassRole', Resource: '*' }],
    ['the action in another case', { Action: 'IAM:passrole', Resource: '*' }],
    ['a pattern naming it', { Action: 's3:Put*Policy', Resource: '*' }],
    ['the action with NotResource', { Action: 'iam:PassRole', NotResource: 'arn:aws:iam::111122223333:role/x' }],
    ['the action on * among other resources', { Action: 'iam:PassRole', Resource: ['arn:aws:s3:::b', '*'] }],
    ['NotAction', { NotAction: 'ec2:*', Resource: '*' }],
    ['a pattern whose service is a wildcard', { Action: 'i*:GetRole', Resource: '*' }],
    ['a pattern without a service', { Action: '*', Resource: '*' }],
  ];
  it.each(valid)('proves none is allowed on every resource: %s', (_, fields) => {
    expect(mayAllowOnEveryResource(statement(fields), ASKED)).toBe(false);
  });
  it.each(invalid)('may allow one (or cannot tell): %s', (_, fields) => {
    expect(mayAllowOnEveryResource(statement(fields), ASKED)).toBe(true);
  });

  it('cannot tell for an unreadable document, nor when the names of a service cannot be listed', () => {
    expect(mayAllowOnEveryResource(parsePolicyDocument('not a policy'), ASKED)).toBe(true);
    expect(mayAllowOnEveryResource(statement({ Action: 'iam:GetRole', Resource: '*' }), () => undefined)).toBe(true);
  });

  it('agrees with evaluating the document: "none" wherever it proves none (property)', () => {
    const services = ['iam', 's3', 'kms', 'sts'];
    const asked = [...new Set(services.flatMap((service) => expandActionPattern(`${service}:*`)))]
      .filter((_, index) => index % 7 === 0)
      .map((action) => action.name);
    const namesOf: ActionNamesOf = (service) => asked.filter((name) => name.startsWith(`${service}:`));
    const pattern = fc.oneof(
      fc.constantFrom(...asked),
      fc
        .constantFrom(...services)
        .chain((service) =>
          fc.constantFrom(
            `${service}:*`,
            `${service}:Get*`,
            `${service}:Put*`,
            `${service}:*Policy`,
            `${service}:Pass?ole`,
          ),
        ),
    );
    const resource = fc.constantFrom<unknown>('*', 'arn:aws:s3:::bucket/*', ['arn:aws:kms:eu-west-1:1:key/k', '*']);
    const policy = fc.array(
      fc.record({
        Effect: fc.constantFrom('Allow', 'Deny'),
        Action: fc.array(pattern, { minLength: 1, maxLength: 4 }),
        Resource: resource,
      }),
      { minLength: 1, maxLength: 4 },
    );
    fc.assert(
      fc.property(policy, (statements) => {
        const document = parsePolicyDocument({ Version: '2012-10-17', Statement: statements });
        if (mayAllowOnEveryResource(document, namesOf)) return;
        const reached = effectiveAllows([document]).filter(
          (allowed) => allowed.resources.includes('*') && asked.includes(allowed.action.name),
        );
        expect(reached).toEqual([]);
      }),
      { seed: 2412031, numRuns: 300 },
    );
  });
});

describe('on every AWS managed policy of the dataset', () => {
  const policies = managedPolicyNames().map((name) => {
    const data = managedPolicyNamed(name);
    const info = data && awsManagedPolicy(`arn:aws:iam::aws:policy/${data.path}${name}`);
    if (!info) throw new Error(`${name}: listed but not found`);
    return info;
  });
  const plainAdminLevel = (info: ManagedPolicyInfo) =>
    allowsAllOfIam(allowancesFor([info.document], iamActions()).values());

  it('isAdminLevel gives what evaluating the document gives', () => {
    const disagreeing = policies.filter((info) => isAdminLevel([info.document]) !== plainAdminLevel(info));
    expect(disagreeing.map((info) => info.name)).toEqual([]);
    expect(isAdminLevel([mustHave('AdministratorAccess').document])).toBe(true);
  });

  // Per catalog: whether SecurityAudit may reach a privileged action on * (it reads s3:GetBucket* there).
  const catalogs: [string, Catalog, boolean][] = [
    ['examples/catalog.yaml', exampleCatalog(), false],
    ['the built-in list', defaultCatalog(), false],
    [
      'a list with wildcards',
      testCatalog({
        privilegedActions: [{ id: 'gets', category: 'data-exfiltration', aws: ['s3:Get*', 'ssm:GetParameter*'] }],
      }),
      true,
    ],
  ];
  it.each(catalogs)(
    'under %s, a policy proven to reach nothing privileged on * reaches nothing',
    (_, catalog, audit) => {
      const wrong = policies.filter(
        (info) => !mayAllowPrivilegedOnEveryResource(info.document, catalog) && reachesPrivilege(info, catalog),
      );
      expect(wrong.map((info) => info.name)).toEqual([]);
      // The broad read-only policies are the ones the proof is for; an administrator is never proven harmless.
      expect(mayAllowPrivilegedOnEveryResource(mustHave('SecurityAudit').document, catalog)).toBe(audit);
      expect(reachesPrivilege(mustHave('SecurityAudit'), catalog)).toBe(audit);
      expect(mayAllowPrivilegedOnEveryResource(mustHave('AdministratorAccess').document, catalog)).toBe(true);
    },
  );

  it('cannot tell under a catalog whose AWS pattern may name any service', () => {
    const anyService = testCatalog({
      privilegedActions: [{ id: 'pass-anything', category: 'privilege-escalation', aws: ['*:PassRole'] }],
    });
    expect(mayAllowPrivilegedOnEveryResource(mustHave('SecurityAudit').document, anyService)).toBe(true);
  });

  function mustHave(name: string): ManagedPolicyInfo {
    const info = policies.find((candidate) => candidate.name === name);
    if (!info) throw new Error(`the dataset has no ${name}`);
    return info;
  }

  /** What just-in-time.ts's privilegedReach asks of a managed policy, by evaluating it. */
  function reachesPrivilege(info: ManagedPolicyInfo, catalog: Catalog): boolean {
    return (
      plainAdminLevel(info) ||
      managedPolicyAllows(info).some(
        (allowed) => allowed.resources.includes('*') && privilegedCategory(allowed.action, catalog) !== undefined,
      )
    );
  }
});

function exampleCatalog(): Catalog {
  const file = fileURLToPath(new URL('../../examples/catalog.yaml', import.meta.url));
  return parseCatalog(readFileSync(file, 'utf8'), 'examples/catalog.yaml');
}
