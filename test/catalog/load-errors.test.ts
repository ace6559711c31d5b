/**
 * Invalid catalogs, one fixture per kind of mistake: each must fail to load and name every issue by
 * file:line:col, field and what was expected, sorted by position.
 */
import { describe, expect, it } from 'vitest';
import { CatalogError, loadCatalog, parseCatalog } from '../../catalog/index.js';
import { fixture, issuesOf } from './support.js';

const RULE_IDS_LIST =
  'no-long-lived-credentials, no-wildcard-privilege, require-owner, require-entitlement, no-privilege-escalation, policy-validity, ' +
  'restrict-trust, session-within-class, secret-rotation, break-glass-isolation, human-federated, identity-expiry, exception-expiry, no-unseen-content';

const cases: { name: string; issues: string[] }[] = [
  {
    name: 'approval-longer-than-session.yaml',
    issues: [
      'test/catalog/fixtures/approval-longer-than-session.yaml:9:45: entitlements[0].approval.maxDuration: "12h" is longer than the session limit of class agent (30m), ' +
        'so no agent identity can hold the entitlement just in time for that long; expected at most 30m',
    ],
  },
  {
    name: 'exception-abuse.yaml',
    issues: [
      'test/catalog/fixtures/exception-abuse.yaml:7:48: exceptions[0].target: "*" matches every identity and resource; expected the name (or a narrow glob) of what the exception covers, such as legacy-sftp-sync',
      'test/catalog/fixtures/exception-abuse.yaml:8:95: exceptions[1].approvedBy: approved by its own owner "team-a"; expected an approver other than the owner',
      'test/catalog/fixtures/exception-abuse.yaml:9:95: exceptions[2].approvedBy: unknown approver "my-friend@example.com"; expected one of: security-lead@example.com, team-a, team-security (exceptionPolicy.approvers or an owner id)',
      'test/catalog/fixtures/exception-abuse.yaml:10:141: exceptions[3].expires: 2099-12-31 is 26723 days after the approval on 2026-11-01, longer than exceptionPolicy.maxLifetime (90d); expected 2027-01-30 or earlier',
      'test/catalog/fixtures/exception-abuse.yaml:11:5: exceptions[4]: approved is required: exceptionPolicy.maxLifetime (90d) counts from the approval date; expected approved: YYYY-MM-DD',
      'test/catalog/fixtures/exception-abuse.yaml:12:141: exceptions[5].expires: 2027-01-15 is before the approval date 2027-02-01; expected a date after it',
    ],
  },
  {
    name: 'syntax-error.yaml',
    issues: ['test/catalog/fixtures/syntax-error.yaml:5:1: YAML syntax error: Missing closing "quote'],
  },
  {
    // The catalog is our own format and stays YAML 1.2: a quoted string continues deeper than its key. Templates and
    // manifests are read as CloudFormation and kubectl read them (test/adapters/cloudformation/yaml-quoted-scalars.test.ts).
    name: 'quoted-string-continued-at-key.yaml',
    issues: [
      'test/catalog/fixtures/quoted-string-continued-at-key.yaml:4:32: YAML syntax error: Missing closing "quote',
      'test/catalog/fixtures/quoted-string-continued-at-key.yaml:5:5: YAML syntax error: Implicit map keys need to be followed by map values',
    ],
  },
  {
    name: 'duplicate-key.yaml',
    issues: ['test/catalog/fixtures/duplicate-key.yaml:4:5: YAML syntax error: Map keys must be unique'],
  },
  {
    name: 'unknown-key-top-level.yaml',
    issues: [
      'test/catalog/fixtures/unknown-key-top-level.yaml:2:1: owner: unknown key "owner" (did you mean "owners"?); ' +
        'expected one of: $schema, apiVersion, owners, classes, privilegedActions, entitlements, identities, trust, exceptions, exceptionPolicy, tags, rules',
    ],
  },
  {
    // A route the rule does not know would accept nothing, and a typo would leave the deployer's findings unexplained.
    name: 'unknown-kubernetes-route.yaml',
    issues: [
      'test/catalog/fixtures/unknown-kubernetes-route.yaml:9:24: entitlements[0].kubernetes.acceptedRoutes[0]: unknown value "pod-creat"; ' +
        'expected one of: wildcard, escalate, bind, impersonate, webhook-write, apiservice-write, csr-approval, pod-create, pod-exec, nodes-proxy, token-create, secrets-read, pv-create, namespace-modify, aws-auth-write',
    ],
  },
  {
    name: 'unknown-key-nested.yaml',
    issues: [
      'test/catalog/fixtures/unknown-key-nested.yaml:8:9: entitlements[0].aws[0].resources: missing required key "resources"',
      'test/catalog/fixtures/unknown-key-nested.yaml:9:9: entitlements[0].aws[0].resource: unknown key "resource" (did you mean "resources"?); expected one of: actions, resources',
    ],
  },
  {
    name: 'wrong-type.yaml',
    issues: [
      'test/catalog/fixtures/wrong-type.yaml:2:9: owners: got "team-a"; expected a list',
      'test/catalog/fixtures/wrong-type.yaml:5:10: classes.human.mfa: got "yes"; expected true or false',
      'test/catalog/fixtures/wrong-type.yaml:6:18: classes.human.credentials: got "federated"; expected a list',
    ],
  },
  {
    name: 'missing-required.yaml',
    issues: ['test/catalog/fixtures/missing-required.yaml:5:5: identities[0].owner: missing required key "owner"'],
  },
  {
    name: 'dangling-owner.yaml',
    issues: [
      'test/catalog/fixtures/dangling-owner.yaml:9:30: entitlements[0].approval.by[1]: unknown owner "team-platform"; expected one of: team-a, team-b',
      'test/catalog/fixtures/dangling-owner.yaml:12:12: identities[0].owner: unknown owner "team-x"; expected one of: team-a, team-b',
      'test/catalog/fixtures/dangling-owner.yaml:17:30: trust.accounts.111122223333.owner: unknown owner "team-ops"; expected one of: team-a, team-b',
      'test/catalog/fixtures/dangling-owner.yaml:23:12: exceptions[0].owner: unknown owner "team-gone"; expected one of: team-a, team-b',
    ],
  },
  {
    name: 'dangling-entitlement.yaml',
    issues: [
      'test/catalog/fixtures/dangling-entitlement.yaml:11:35: identities[0].entitlements[1]: unknown entitlement "payments-write"; expected one of: payments-read',
    ],
  },
  {
    name: 'class-not-allowed.yaml',
    issues: [
      'test/catalog/fixtures/class-not-allowed.yaml:11:20: identities[0].entitlements[0]: entitlement "deploy-admin" is not allowed for class "agent"; it allows: human, workload',
    ],
  },
  {
    name: 'duplicate-id.yaml',
    issues: [
      'test/catalog/fixtures/duplicate-id.yaml:5:9: owners[2].id: duplicate owner id "team-a"; already defined at line 3 (owners[0])',
      'test/catalog/fixtures/duplicate-id.yaml:8:11: entitlements[1].id: duplicate entitlement id "reports-read"; already defined at line 7 (entitlements[0])',
      'test/catalog/fixtures/duplicate-id.yaml:11:11: identities[1].id: duplicate identity id "ci-deployer"; already defined at line 10 (identities[0])',
      'test/catalog/fixtures/duplicate-id.yaml:14:11: privilegedActions[1].id: duplicate privileged action id "pii-export"; already defined at line 13 (privilegedActions[0])',
      'test/catalog/fixtures/duplicate-id.yaml:17:11: exceptions[1].id: duplicate exception id "EXC-1"; already defined at line 16 (exceptions[0])',
    ],
  },
  {
    name: 'duplicate-item.yaml',
    issues: [
      'test/catalog/fixtures/duplicate-item.yaml:4:29: entitlements[0].classes[2]: duplicate item "human"; each item may appear once',
    ],
  },
  {
    name: 'bad-date.yaml',
    issues: [
      'test/catalog/fixtures/bad-date.yaml:5:81: identities[0].expires: "2027-02-29" is not a calendar date; expected a real date YYYY-MM-DD such as 2027-06-30',
      'test/catalog/fixtures/bad-date.yaml:6:83: identities[1].expires: got "30/06/2027"; expected a date YYYY-MM-DD such as 2027-06-30',
      'test/catalog/fixtures/bad-date.yaml:14:14: exceptions[0].expires: "2027-13-01" is not a calendar date; expected a real date YYYY-MM-DD such as 2027-06-30',
    ],
  },
  {
    name: 'bad-duration.yaml',
    issues: [
      'test/catalog/fixtures/bad-duration.yaml:4:25: classes.agent.maxSessionDuration: got "1hour"; expected a duration such as 90m, 1h, 1h30m or 12h',
      'test/catalog/fixtures/bad-duration.yaml:6:25: classes.workload.maxSessionDuration: "0h" is not a usable duration; expected one longer than zero, such as 1h',
      'test/catalog/fixtures/bad-duration.yaml:8:19: classes.service.maxSecretAge: got "3 months"; expected a number of days such as 90d',
      'test/catalog/fixtures/bad-duration.yaml:14:44: entitlements[0].approval.maxDuration: got "30m1h"; expected a duration such as 90m, 1h, 1h30m or 12h',
    ],
  },
  {
    name: 'unknown-rule-id.yaml',
    issues: [
      `test/catalog/fixtures/unknown-rule-id.yaml:6:11: exceptions[0].rule: unknown rule id "no-wildcards"; expected one of: ${RULE_IDS_LIST}`,
      `test/catalog/fixtures/unknown-rule-id.yaml:14:3: rules.no-wildcards: unknown key "no-wildcards"; expected one of: ${RULE_IDS_LIST}`,
      'test/catalog/fixtures/unknown-rule-id.yaml:15:18: rules.require-owner: unknown rule level "warn"; expected one of: mandatory, advisory, disabled',
    ],
  },
  {
    name: 'bad-account-id.yaml',
    issues: [
      'test/catalog/fixtures/bad-account-id.yaml:5:5: trust.accounts.1234: invalid key "1234"; expected a 12-digit AWS account id',
      'test/catalog/fixtures/bad-account-id.yaml:8:17: trust.oidc[0].subjects: got a list; expected at least 1 item',
    ],
  },
  {
    name: 'many-issues.yaml',
    issues: [
      'test/catalog/fixtures/many-issues.yaml:1:13: apiVersion: got "entitlement-guard/v2"; expected "entitlement-guard/v1"',
      'test/catalog/fixtures/many-issues.yaml:6:12: identities[0].owner: unknown owner "team-x"; expected one of: team-a',
      'test/catalog/fixtures/many-issues.yaml:7:12: identities[0].class: unknown identity class "robot"; expected one of: human, service, workload, agent, break-glass',
      'test/catalog/fixtures/many-issues.yaml:8:20: identities[0].entitlements[0]: unknown entitlement "payments-read"; no entitlements are defined',
      'test/catalog/fixtures/many-issues.yaml:9:5: identities[0].colour: unknown key "colour"; expected one of: id, match, matches, owner, class, entitlements, purpose, expires',
    ],
  },
  {
    name: 'invalid.json',
    issues: [
      'test/catalog/fixtures/invalid.json:5:36: identities[0].owner: unknown owner "team-pay"; expected one of: team-payments',
      'test/catalog/fixtures/invalid.json:5:99: identities[0].expires: "2027-06-31" is not a calendar date; expected a real date YYYY-MM-DD such as 2027-06-30',
    ],
  },
];

describe('invalid catalogs', () => {
  it.each(cases)('$name', ({ name, issues }) => {
    expect(issuesOf(fixture(name))).toEqual(issues);
  });
});

describe('issue records', () => {
  it('carry file, line, column, field and message separately', () => {
    const error = captureError(() => loadCatalog(fixture('dangling-entitlement.yaml')));
    expect(error.errors).toEqual([
      {
        file: 'test/catalog/fixtures/dangling-entitlement.yaml',
        line: 11,
        column: 35,
        field: 'identities[0].entitlements[1]',
        message: 'unknown entitlement "payments-write"; expected one of: payments-read',
      },
    ]);
    expect(error.message).toBe(
      'invalid catalog: 1 issue\ntest/catalog/fixtures/dangling-entitlement.yaml:11:35: identities[0].entitlements[1]: unknown entitlement "payments-write"; expected one of: payments-read',
    );
  });

  it('say which file could not be read, without a position', () => {
    const error = captureError(() => loadCatalog(fixture('no-such-catalog.yaml')));
    expect(error.errors).toHaveLength(1);
    expect(error.errors[0]).toMatchObject({
      file: 'test/catalog/fixtures/no-such-catalog.yaml',
      line: 0,
      column: 0,
      field: '',
    });
    expect(error.errors[0]!.message).toBe('cannot read catalog: cannot read file (ENOENT)');
  });
});

describe('parseCatalog', () => {
  it('rejects an empty document: a catalog needs at least its apiVersion', () => {
    expect(captureError(() => parseCatalog('', 'empty.yaml')).errors).toEqual([
      { file: 'empty.yaml', line: 1, column: 1, field: '', message: 'got nothing; expected a mapping' },
    ]);
  });

  it('names a key left without a value', () => {
    const text = 'apiVersion: entitlement-guard/v1\nowners:\n  - id:\n';
    expect(captureError(() => parseCatalog(text, 'inline.yaml')).errors).toEqual([
      { file: 'inline.yaml', line: 3, column: 5, field: 'owners[0].id', message: 'got nothing; expected a string' },
    ]);
  });

  it('names an alias whose anchor is not defined', () => {
    const text = 'apiVersion: entitlement-guard/v1\nowners: *teams\n';
    expect(captureError(() => parseCatalog(text, 'alias.yaml')).errors).toEqual([
      {
        file: 'alias.yaml',
        line: 2,
        column: 9,
        field: '',
        message: 'YAML syntax error: unknown anchor &teams; define it before *teams',
      },
    ]);
  });

  it('refuses aliases that expand exponentially (billion laughs) instead of running out of memory', () => {
    const lines = ['apiVersion: entitlement-guard/v1', 'l0: &l0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let level = 1; level <= 6; level++)
      lines.push(
        `l${level}: &l${level} [${Array(10)
          .fill(`*l${level - 1}`)
          .join(', ')}]`,
      );
    expect(captureError(() => parseCatalog(lines.join('\n'), 'laughs.yaml')).errors).toEqual([
      {
        file: 'laughs.yaml',
        line: 1,
        column: 1,
        field: '',
        message: 'YAML error: Excessive alias count indicates a resource exhaustion attack',
      },
    ]);
  });

  it('rejects a YAML 1.1 timestamp where a YYYY-MM-DD string belongs', () => {
    const text =
      '%YAML 1.1\n---\napiVersion: entitlement-guard/v1\nowners: [{ id: a }]\nidentities:\n  - { id: x, owner: a, class: human, entitlements: [], expires: 2027-06-30 }\n';
    expect(captureError(() => parseCatalog(text, 'old.yaml')).errors).toEqual([
      {
        file: 'old.yaml',
        line: 6,
        column: 65,
        field: 'identities[0].expires',
        message: 'got the timestamp 2027-06-30T00:00:00.000Z; expected a string',
      },
    ]);
  });
});

function captureError(load: () => unknown): CatalogError {
  try {
    load();
  } catch (error) {
    if (error instanceof CatalogError) return error;
    throw error;
  }
  throw new Error('expected the catalog to be rejected');
}
