import { describe, expect, it } from 'vitest';
import type { Catalog, Entitlement } from '../../catalog/types.js';
import { defaultCatalog } from '../../catalog/index.js';
import { modelFromTemplates } from '../../src/adapters/cloudformation/index.js';
import { runRules } from '../../src/engine/evaluate.js';
import { expandActionPattern } from '../../src/iam/aws/actions.js';
import { unknownValue, type IdentityClass } from '../../src/model/model.js';
import rule from '../../src/rules/require-entitlement.js';
import { intersectResource, narrowedStatements, resourceCovered } from '../../src/rules/support/aws-envelope.js';
import { allow, catalog, identity, model, role, user } from '../support/builders.js';
import { ruleTester, type ExpectedFinding } from '../support/rule-tester.js';
import { azureRole, clusterBinding, gcpRole, namespaceBinding } from '../multicloud/builders.js';

const PAYMENTS_TABLE = 'arn:aws:dynamodb:eu-west-1:111122223333:table/payments-orders';
/** The access broker's role: the approval path of the just-in-time entitlements below. */
const BROKER = 'arn:aws:iam::444455556666:role/access-broker';
const trustOf = (principal: Record<string, unknown>, condition?: Record<string, unknown>) => ({
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Action: 'sts:AssumeRole', Principal: principal, ...(condition ? { Condition: condition } : {}) },
  ],
});
const STANDING_FIX =
  "Hold it just in time (a role with sessions of at most the approval's maxDuration, assumable only through approval.via, no long-lived credential), " +
  'or keep it for break-glass identities.';
const UNDERSTATED: ExpectedFinding = {
  resource: 'pass-any-role',
  detail: 'Privileged::pass-any-role',
  message:
    'Entitlement pass-any-role grants iam:PassRole on *, a privileged action on every resource of its kind, but the catalog does not mark it privileged. ' +
    'It is treated as privileged (just in time, or break-glass only). Set privileged: true with an approval, or narrow its grants.',
};

const ENTITLEMENTS: Entitlement[] = [
  {
    id: 'payments-read',
    classes: ['service', 'workload', 'agent'],
    privileged: false,
    aws: [{ actions: ['dynamodb:GetItem', 'dynamodb:Query'], resources: ['arn:aws:dynamodb:*:*:table/payments-*'] }],
  },
  {
    id: 'reports-read',
    classes: ['service', 'workload'],
    privileged: false,
    aws: [{ actions: ['s3:Get*'], resources: ['arn:aws:s3:::reports/*'] }],
    awsManagedPolicies: ['arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess'],
  },
  {
    id: 'deploy-admin',
    classes: ['human', 'workload'],
    privileged: true,
    approval: { by: ['team-platform'], maxDurationSeconds: 3600, via: [BROKER] },
  },
  { id: 'account-admin', classes: ['workload', 'break-glass'], privileged: true, approval: { by: ['team-platform'] } },
  {
    id: 'quick-fix',
    classes: ['human'],
    privileged: true,
    approval: { by: ['team-platform'], maxDurationSeconds: 900, via: [BROKER] },
  },
];

const CATALOG = catalog({
  owners: [{ id: 'team-payments' }, { id: 'team-platform' }],
  entitlements: ENTITLEMENTS,
  identities: [
    {
      id: 'payments-api',
      match: { name: 'payments-api-*' },
      owner: 'team-payments',
      class: 'service',
      entitlements: ['payments-read'],
    },
  ],
});

/** A catalog that leaves `privileged` out of an entitlement granting iam:PassRole on every role. */
const UNDERSTATING_CATALOG = catalog({
  owners: [{ id: 'team-platform' }],
  entitlements: [
    {
      id: 'pass-any-role',
      classes: ['workload'],
      privileged: false,
      aws: [{ actions: ['iam:PassRole'], resources: ['*'] }],
    },
  ],
});

const declared = (cls: string, entitlements: string) => ({ 'identity-class': cls, entitlements });
/**
 * The name a record means its identity by: the role's ARN (the builders' roles carry one), which
 * the catalog controls. A bare name would match only the logical id, which claims no privileged entitlement.
 */
const namedBy = (name: string) => `arn:aws:iam::*:*/${name}`;
/**
 * CATALOG with a record for one identity: privileged entitlements are held only through a catalog record (the
 * entitlements tag cannot grant them), so the tests of holding one declare it here.
 */
const recorded = (name: string, cls: IdentityClass, entitlements: string[], base: Catalog = CATALOG): Catalog => ({
  ...base,
  identities: [
    ...base.identities,
    { id: name, match: { name: namedBy(name) }, owner: 'team-platform', class: cls, entitlements },
  ],
});
const PAYMENTS_SERVICE = declared('service', 'payments-read');
const REPORTS_SERVICE = declared('service', 'reports-read');

/** The finding on a privileged entitlement of a record that matched the identity by its tags alone. */
function byRecordTags(name: string, record: string, tags: string, entitlement: string): ExpectedFinding {
  return {
    resource: name,
    identity: `TestStack/${name}`,
    detail: `Entitlement::${entitlement}`,
    message:
      `${name} matches catalog identity ${record} only by its tags (${tags}, which the IaC sets on any resource of any ` +
      `stack), so it claims the record's privileged entitlement ${entitlement} as a tag would and does not hold it: a ` +
      'privileged entitlement is granted only to the identity the record names by a name the catalog controls. Add to ' +
      "the record's match the physical name, ARN, construct path (path:…), location (stack:…) or URN of the identity " +
      'it means, or give this identity its own record.',
  };
}

/** The finding on a privileged entitlement an identity's entitlements tag claims (no catalog record grants it). */
function claimedByTag(name: string, entitlement: string): ExpectedFinding {
  return {
    resource: name,
    identity: `TestStack/${name}`,
    detail: `Entitlement::${entitlement}`,
    message:
      `${name} claims privileged entitlement ${entitlement} through its entitlements tag, which the IaC sets: a privileged entitlement ` +
      `is granted only by the identity's record in the catalog, where it is reviewed, so ${name} does not hold it. ` +
      'Add a catalog identity record that lists it, or remove it from the tag.',
  };
}

function excess(
  name: string,
  policy: string,
  count: string,
  entitlements: string,
  sample: string,
  resources: string,
  narrowed: unknown,
  resource = `${name}Policy`,
): ExpectedFinding {
  return {
    resource,
    identity: `TestStack/${name}`,
    detail: `Policy::${policy}`,
    message:
      `${policy} grants ${name} ${count} beyond its entitlements (${entitlements}): ${sample} on ${resources}. ` +
      (narrowed === undefined
        ? 'None of it is within the entitlements: remove the policy, or add an entitlement that covers it.'
        : `Narrow it to what the entitlements allow: ${JSON.stringify(narrowed)}`),
  };
}

/** Excess actions of a wildcard grant, read from the same action data the engine uses. */
function expansionExcept(pattern: string, kept: (name: string) => boolean, onNamedResources = false): string[] {
  return (
    expandActionPattern(pattern)
      // A statement naming resources grants no action AWS cannot scope (those are authorized against "*" only).
      .filter((action) => !onNamedResources || action.scopable)
      .map((action) => action.name)
      .filter((name) => !kept(name))
      .sort()
  );
}

const s3Excess = expansionExcept('s3:*', (name) => name.startsWith('s3:Get'), true);
const allActions = expansionExcept('*', () => false);

ruleTester(rule, {
  valid: [
    {
      // The statement's condition ended it (aws:CurrentTime before a day that has passed): written, but granting nothing.
      name: 'a statement beyond the envelope whose time condition ended before now grants nothing',
      catalog: CATALOG,
      model: model({
        identities: [
          role('PaymentsApi', {
            tags: PAYMENTS_SERVICE,
            policies: [
              {
                Version: '2012-10-17',
                Statement: [
                  { Effect: 'Allow', Action: ['dynamodb:GetItem', 'dynamodb:Query'], Resource: PAYMENTS_TABLE },
                  {
                    Effect: 'Allow',
                    Action: 'dynamodb:DeleteItem',
                    Resource: PAYMENTS_TABLE,
                    Condition: { DateLessThan: { 'aws:CurrentTime': '2026-06-01T00:00:00Z' } },
                  },
                ],
              },
            ],
          }),
        ],
      }),
    },
    {
      name: 'a role the change only grants to (external) that the catalog does not record: the privilege rules judge the grant',
      catalog: CATALOG,
      model: model({
        identities: [
          { ...role('existing-role', { policies: [allow('s3:GetObject', 'arn:aws:s3:::b/*')] }), external: true },
        ],
      }),
    },
    {
      name: 'grants exactly the entitlement envelope, on a table its pattern covers',
      catalog: CATALOG,
      model: model({
        identities: [
          role('PaymentsApi', {
            tags: PAYMENTS_SERVICE,
            policies: [allow(['dynamodb:GetItem', 'dynamodb:Query'], PAYMENTS_TABLE)],
          }),
        ],
      }),
    },
    {
      name: 'a granted pattern equal to the envelope pattern is covered',
      catalog: CATALOG,
      model: model({
        identities: [
          role('PaymentsApi', {
            tags: PAYMENTS_SERVICE,
            policies: [allow('dynamodb:GetItem', 'arn:aws:dynamodb:*:*:table/payments-*')],
          }),
        ],
      }),
    },
    {
      name: 'declared through a catalog identity record instead of tags',
      catalog: CATALOG,
      model: model({
        identities: [role('payments-api-prod', { policies: [allow('dynamodb:Query', PAYMENTS_TABLE)] })],
      }),
    },
    {
      name: 'a wildcard action within a wildcard envelope (s3:GetObject* under s3:Get*)',
      catalog: CATALOG,
      model: model({
        identities: [
          role('Reports', { tags: REPORTS_SERVICE, policies: [allow('s3:GetObject*', 'arn:aws:s3:::reports/2026/*')] }),
        ],
      }),
    },
    {
      name: 'an AWS managed policy the entitlement allows as-is, written with a CDK partition token',
      catalog: CATALOG,
      model: model({
        identities: [
          role('Reports', {
            tags: REPORTS_SERVICE,
            managedPolicies: ['arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess'],
          }),
        ],
      }),
    },
    {
      name: 'an unconditional Deny takes the excess action away',
      catalog: CATALOG,
      model: model({
        identities: [
          role('PaymentsApi', {
            tags: PAYMENTS_SERVICE,
            policies: [
              {
                Version: '2012-10-17',
                Statement: [
                  { Effect: 'Allow', Action: ['dynamodb:GetItem', 'dynamodb:DeleteItem'], Resource: PAYMENTS_TABLE },
                  { Effect: 'Deny', Action: 'dynamodb:DeleteItem', Resource: '*' },
                ],
              },
            ],
          }),
        ],
      }),
    },
    {
      name: 'just in time from the plan: a 1h role (AWS default) assumable only through the broker, no keys',
      catalog: recorded('Deployer', 'workload', ['deploy-admin']),
      model: model({
        identities: [role('Deployer', { trust: trustOf({ AWS: BROKER }) })],
      }),
    },
    {
      // The account's trust ended on 2026-06-01 (aws:CurrentTime): it admits nobody, so the broker is the only way in.
      name: 'just in time from the plan: a trust of the account whose time condition ended leaves the broker the only way in',
      catalog: recorded('Deployer', 'workload', ['deploy-admin']),
      model: model({
        identities: [
          role('Deployer', {
            trust: {
              Version: '2012-10-17',
              Statement: [
                { Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { AWS: BROKER } },
                {
                  Effect: 'Allow',
                  Action: 'sts:AssumeRole',
                  Principal: { AWS: 'arn:aws:iam::<own-account>:root' },
                  Condition: { DateLessThan: { 'aws:CurrentTime': '2026-06-01T00:00:00Z' } },
                },
              ],
            },
          }),
        ],
      }),
    },
    {
      name: "just in time for 15 minutes: the trust bounds sts:DurationSeconds below the role's 1h floor",
      catalog: recorded('QuickFix', 'human', ['quick-fix']),
      model: model({
        identities: [
          role('QuickFix', {
            maxSessionSeconds: 3600,
            trust: trustOf({ AWS: BROKER }, { NumericLessThanEquals: { 'sts:DurationSeconds': '900' } }),
          }),
        ],
      }),
    },
    {
      name: 'break-glass may hold standing privilege',
      catalog: recorded('BreakGlass', 'break-glass', ['account-admin']),
      model: model({ identities: [role('BreakGlass')] }),
    },
    {
      name: "a record's privileged entitlement is held though the role's tags name it too: the record is read, not the tags",
      catalog: recorded('BreakGlass', 'break-glass', ['account-admin']),
      model: model({ identities: [role('BreakGlass', { tags: declared('break-glass', 'account-admin') })] }),
    },
    {
      name: 'a non-privileged entitlement may still come from the entitlements tag',
      catalog: CATALOG,
      model: model({
        identities: [
          role('OrdersReader', { tags: PAYMENTS_SERVICE, policies: [allow('dynamodb:Query', PAYMENTS_TABLE)] }),
        ],
      }),
    },
    {
      // Before h113 this record matched by its tags alone and held account-admin; tags alone now hold no privileged
      // entitlement (see the invalid cases), so the record pins the role by its ARN as well.
      name: 'a record that names the role by its ARN and also asks for tags: its privileged entitlement is held',
      catalog: catalog({
        ...CATALOG,
        identities: [
          ...CATALOG.identities,
          {
            id: 'ops-break-glass',
            match: { name: namedBy('OpsEmergency'), tags: { 'access-tier': 'break-glass' } },
            owner: 'team-platform',
            class: 'break-glass',
            entitlements: ['account-admin'],
          },
        ],
      }),
      model: model({ identities: [role('OpsEmergency', { tags: { 'access-tier': 'break-glass' } })] }),
    },
    {
      name: "a record matched by tags alone still gives its non-privileged entitlements: the role's grants are within them",
      catalog: catalog({
        ...CATALOG,
        identities: [
          ...CATALOG.identities,
          {
            id: 'payments-workers',
            match: { tags: { team: 'payments' } },
            owner: 'team-payments',
            class: 'service',
            entitlements: ['payments-read'],
          },
        ],
      }),
      model: model({
        identities: [
          role('Worker', { tags: { team: 'payments' }, policies: [allow('dynamodb:Query', PAYMENTS_TABLE)] }),
        ],
      }),
    },
    {
      name: 'an IAM group is checked through its members, not as an identity of its own',
      catalog: CATALOG,
      model: model({
        identities: [identity('aws-group', 'Readers', { policies: [allow('dynamodb:GetItem', PAYMENTS_TABLE)] })],
      }),
    },
  ],
  invalid: [
    {
      // Of two time-bound statements beyond the envelope, the one whose end has passed grants nothing; the other, whose
      // end is ahead, is judged as written.
      name: 'a statement beyond the envelope whose time condition has not ended yet is judged; an ended one is not',
      catalog: CATALOG,
      model: model({
        identities: [
          role('PaymentsApi', {
            tags: PAYMENTS_SERVICE,
            policies: [
              {
                Version: '2012-10-17',
                Statement: [
                  { Effect: 'Allow', Action: ['dynamodb:GetItem', 'dynamodb:Query'], Resource: PAYMENTS_TABLE },
                  {
                    Effect: 'Allow',
                    Action: 'dynamodb:DeleteItem',
                    Resource: PAYMENTS_TABLE,
                    Condition: { DateLessThan: { 'aws:CurrentTime': '2026-06-01T00:00:00Z' } },
                  },
                  {
                    Effect: 'Allow',
                    Action: 'dynamodb:PutItem',
                    Resource: PAYMENTS_TABLE,
                    Condition: { NumericLessThan: { 'aws:EpochTime': 1798761600 } },
                  },
                ],
              },
            ],
          }),
        ],
      }),
      findings: [
        excess('PaymentsApi', 'PaymentsApiPolicy', '1 action', 'payments-read', 'dynamodb:PutItem', PAYMENTS_TABLE, {
          Effect: 'Allow',
          Action: ['dynamodb:GetItem', 'dynamodb:Query'],
          Resource: PAYMENTS_TABLE,
        }),
      ],
    },
    {
      name: "a record matched by tags alone grants no privileged entitlement: any stack's author writes those tags",
      catalog: catalog({
        ...CATALOG,
        identities: [
          ...CATALOG.identities,
          {
            id: 'ops-break-glass',
            match: { tags: { 'access-tier': 'break-glass' } },
            owner: 'team-platform',
            class: 'break-glass',
            entitlements: ['account-admin'],
          },
        ],
      }),
      model: model({ identities: [role('OpsEmergency', { tags: { 'access-tier': 'break-glass' } })] }),
      findings: [byRecordTags('OpsEmergency', 'ops-break-glass', 'access-tier=break-glass', 'account-admin')],
    },
    {
      name: 'a record matched by tags alone: its non-privileged entitlement is held, its privileged one is not',
      catalog: catalog({
        ...CATALOG,
        identities: [
          ...CATALOG.identities,
          {
            id: 'payments-deployers',
            match: { tags: { team: 'payments', tier: 'deploy' } },
            owner: 'team-payments',
            class: 'workload',
            entitlements: ['payments-read', 'deploy-admin'],
          },
        ],
      }),
      model: model({
        identities: [
          role('Deployer', {
            tags: { team: 'payments', tier: 'deploy' },
            policies: [allow('dynamodb:Query', PAYMENTS_TABLE)],
          }),
        ],
      }),
      findings: [byRecordTags('Deployer', 'payments-deployers', 'team=payments, tier=deploy', 'deploy-admin')],
    },
    {
      name: "a per-cloud match by tags alone (matches[]) grants no privileged entitlement either: the AWS match's tags are named",
      catalog: catalog({
        ...CATALOG,
        identities: [
          ...CATALOG.identities,
          {
            id: 'ops-break-glass',
            matches: [
              { cloud: 'azure', tags: { tier: 'emergency' } },
              { cloud: 'aws', tags: { 'access-tier': 'emergency' } },
            ],
            owner: 'team-platform',
            class: 'break-glass',
            entitlements: ['account-admin'],
          },
        ],
      }),
      model: model({ identities: [role('OpsEmergency', { tags: { 'access-tier': 'emergency', tier: 'emergency' } })] }),
      findings: [byRecordTags('OpsEmergency', 'ops-break-glass', 'access-tier=emergency', 'account-admin')],
    },
    {
      name: 'a role the change only grants to (external) that the catalog records: held to its entitlements',
      catalog: CATALOG,
      model: model({
        identities: [
          {
            ...role('payments-api-legacy', { policies: [allow('dynamodb:DeleteTable', PAYMENTS_TABLE)] }),
            external: true,
          },
        ],
      }),
      findings: [
        {
          resource: 'payments-api-legacyPolicy',
          identity: 'TestStack/payments-api-legacy',
          detail: 'Policy::payments-api-legacyPolicy',
          message:
            'payments-api-legacyPolicy grants payments-api-legacy 1 action beyond its entitlements (payments-read): dynamodb:DeleteTable on ' +
            'arn:aws:dynamodb:eu-west-1:111122223333:table/payments-orders. None of it is within the entitlements: remove the policy, or add an entitlement that covers it.',
        },
      ],
    },
    {
      name: 'with the built-in defaults there is nothing to check against: said once per identity',
      catalog: defaultCatalog(),
      model: model({ identities: [role('AppRole', { tags: PAYMENTS_SERVICE, policies: [allow('s3:*')] })] }),
      findings: [
        {
          resource: 'AppRole',
          identity: 'TestStack/AppRole',
          detail: 'Catalog::default',
          message:
            'AppRole: no catalog given: entitlements cannot be checked. Declare the identity with its class and entitlements in an entitlement catalog and pass it to the check.',
        },
      ],
    },
    {
      name: 'class and entitlements tags a deployment sets are pending, naming what sets them',
      catalog: CATALOG,
      model: model({
        identities: [
          {
            ...role('Chosen'),
            deploymentTags: {
              'identity-class': 'Ref Class (a parameter the deployment may set to a value other than its default)',
              entitlements: 'Ref Grants (one of payments-read, payments-write, as the deployment chooses)',
            },
          },
        ],
      }),
      findings: [
        {
          resource: 'Chosen',
          identity: 'TestStack/Chosen',
          detail: 'Class::deployment',
          pending: true,
          message:
            'Chosen takes its identity-class tag from Ref Class (a parameter the deployment may set to a value other than its ' +
            "default): which class it is, and so what it may hold, is known only at deployment. Give the deployment's values " +
            '(--parameters), write the tag as one class (human, service, workload, agent, break-glass), or record the identity ' +
            'in the catalog identities.',
        },
        {
          resource: 'Chosen',
          identity: 'TestStack/Chosen',
          detail: 'Entitlement::deployment',
          pending: true,
          message:
            'Chosen takes its entitlements tag from Ref Grants (one of payments-read, payments-write, as the deployment ' +
            "chooses): which of its grants are sanctioned is known only at deployment. Give the deployment's values " +
            '(--parameters), write the tag as the entitlement ids, or list them in the catalog.',
        },
      ],
    },
    {
      name: 'no class and no entitlements declared',
      catalog: CATALOG,
      model: model({ identities: [role('Orphan')] }),
      findings: [
        {
          resource: 'Orphan',
          identity: 'TestStack/Orphan',
          detail: 'Class::undeclared',
          message:
            'Orphan declares no identity class. Record it in the catalog identities, or tag it identity-class=<human|service|workload|agent|break-glass>.',
        },
        {
          resource: 'Orphan',
          identity: 'TestStack/Orphan',
          detail: 'Entitlement::none',
          message:
            'Orphan declares no entitlements, so none of its grants are sanctioned. List its entitlements in the catalog, or tag it entitlements=<entitlement ids>.',
        },
      ],
    },
    {
      name: 'a Google service account takes no tags: only its catalog record can declare them; a Kubernetes one is labelled',
      catalog: CATALOG,
      model: model({
        identities: [identity('gcp-service-account', 'etl-runner'), identity('k8s-service-account', 'batch-runner')],
      }),
      findings: [
        {
          resource: 'batch-runner',
          identity: 'TestStack/batch-runner',
          detail: 'Class::undeclared',
          message:
            'batch-runner declares no identity class. Record it in the catalog identities, or label or annotate it identity-class=<human|service|workload|agent|break-glass>.',
        },
        {
          resource: 'batch-runner',
          identity: 'TestStack/batch-runner',
          detail: 'Entitlement::none',
          message:
            'batch-runner declares no entitlements, so none of its grants are sanctioned. List its entitlements in the catalog, or label or annotate it entitlements=<entitlement ids>.',
        },
        {
          resource: 'etl-runner',
          identity: 'TestStack/etl-runner',
          detail: 'Class::undeclared',
          message:
            'etl-runner declares no identity class, and it takes no tags: record it in the catalog identities with its class (human, service, workload, agent, break-glass).',
        },
        {
          resource: 'etl-runner',
          identity: 'TestStack/etl-runner',
          detail: 'Entitlement::none',
          message:
            'etl-runner declares no entitlements, so none of its grants are sanctioned, and it takes no tags: list its entitlements in its catalog identity record.',
        },
      ],
    },
    {
      name: 'a class tag that is not a class is reported as such',
      catalog: CATALOG,
      model: model({ identities: [role('Bot', { tags: declared('robot', 'payments-read') })] }),
      findings: [
        {
          resource: 'Bot',
          identity: 'TestStack/Bot',
          detail: 'Class::robot',
          message:
            'Bot has identity-class tag "robot", which is not an identity class. Use one of: human, service, workload, agent, break-glass.',
        },
      ],
    },
    {
      name: 'an entitlement the catalog does not define',
      catalog: CATALOG,
      model: model({ identities: [role('Writer', { tags: declared('service', 'payments-write') })] }),
      findings: [
        {
          resource: 'Writer',
          identity: 'TestStack/Writer',
          detail: 'Entitlement::payments-write',
          message:
            'Writer declares entitlement "payments-write", which the catalog does not define. Use one of: account-admin, deploy-admin, payments-read, quick-fix, reports-read.',
        },
      ],
    },
    {
      name: 'an entitlement not allowed for the class',
      catalog: CATALOG,
      model: model({ identities: [role('Analyst', { tags: declared('human', 'payments-read') })] }),
      findings: [
        {
          resource: 'Analyst',
          identity: 'TestStack/Analyst',
          detail: 'Entitlement::payments-read',
          message:
            'Analyst holds entitlement payments-read, which class human may not hold (allowed: service, workload, agent). ' +
            'Choose an entitlement made for human identities, or correct the class.',
        },
      ],
    },
    {
      name: 'a privileged entitlement without maxDuration on a class without standing privilege',
      catalog: recorded('Pipeline', 'workload', ['account-admin']),
      model: model({ identities: [role('Pipeline')] }),
      findings: [
        {
          resource: 'Pipeline',
          identity: 'TestStack/Pipeline',
          detail: 'StandingPrivilege::account-admin',
          message:
            'Pipeline holds privileged entitlement account-admin as standing privilege, which class workload does not allow: the entitlement sets no approval maxDuration; ' +
            `the catalog names no approval path for it (approval.via). ${STANDING_FIX}`,
        },
      ],
    },
    {
      name: 'standing admin labelled just in time: 12h sessions, trusted by the account and holding an access key',
      catalog: recorded('Deployer', 'workload', ['deploy-admin']),
      model: model({
        identities: [
          role('Deployer', {
            maxSessionSeconds: 12 * 3600,
            trust: trustOf({ AWS: [BROKER, 'arn:aws:iam::<own-account>:root'] }),
            credentials: ['aws-access-key'],
          }),
        ],
      }),
      findings: [
        {
          resource: 'Deployer',
          identity: 'TestStack/Deployer',
          detail: 'StandingPrivilege::deploy-admin',
          message:
            'Deployer holds privileged entitlement deploy-admin as standing privilege, which class workload does not allow: its sessions last up to 12h ' +
            "(MaxSessionDuration), longer than the approval's maxDuration 1h; AWS arn:aws:iam::<own-account>:root can assume it without the approval path " +
            `(${BROKER}); it holds aws-access-key DeployerCredential, which outlives any approval. ${STANDING_FIX}`,
        },
      ],
    },
    {
      name: 'maxDuration 15m against a role whose sessions last 1h',
      catalog: recorded('QuickFix', 'human', ['quick-fix']),
      model: model({
        identities: [role('QuickFix', { trust: trustOf({ AWS: BROKER }) })],
      }),
      findings: [
        {
          resource: 'QuickFix',
          identity: 'TestStack/QuickFix',
          detail: 'StandingPrivilege::quick-fix',
          message:
            "QuickFix holds privileged entitlement quick-fix as standing privilege, which class human does not allow: its sessions last up to 1h (AWS's default " +
            `MaxSessionDuration), longer than the approval's maxDuration 15m. ${STANDING_FIX}`,
        },
      ],
    },
    {
      name: 'a session that is not known until apply: pending, not passed',
      catalog: recorded('Deployer', 'workload', ['deploy-admin']),
      model: model({
        identities: [
          role('Deployer', {
            maxSessionSeconds: unknownValue('output of aws:iam/role:Role'),
            trust: trustOf({ AWS: BROKER }),
          }),
        ],
      }),
      findings: [
        {
          resource: 'Deployer',
          identity: 'TestStack/Deployer',
          detail: 'StandingPrivilege::deploy-admin',
          pending: true,
          message:
            'Deployer: whether it holds privileged entitlement deploy-admin just in time cannot be verified until apply: its session length is output of aws:iam/role:Role.',
        },
      ],
    },
    {
      name: 'a privileged entitlement named by the entitlements tag is not held: only a catalog record grants one',
      catalog: CATALOG,
      model: model({ identities: [role('Sneaky', { tags: declared('break-glass', 'account-admin') })] }),
      findings: [claimedByTag('Sneaky', 'account-admin')],
    },
    {
      name: 'beside a privileged claim, the non-privileged entitlements of the tag are held and bound the grants',
      catalog: CATALOG,
      model: model({
        identities: [
          role('Mixed', {
            tags: declared('workload', 'payments-read+deploy-admin'),
            trust: trustOf({ AWS: BROKER }),
            policies: [allow('dynamodb:DeleteTable', PAYMENTS_TABLE)],
          }),
        ],
      }),
      findings: [
        claimedByTag('Mixed', 'deploy-admin'),
        excess('Mixed', 'MixedPolicy', '1 action', 'payments-read', 'dynamodb:DeleteTable', PAYMENTS_TABLE, undefined),
      ],
    },
    {
      name: 'privileged by what it grants: a catalog that leaves privileged out of iam:PassRole on * is reported, and the holder is standing',
      catalog: UNDERSTATING_CATALOG,
      model: model({
        identities: [
          role('Pipeline', { tags: declared('workload', 'pass-any-role'), policies: [allow('iam:PassRole')] }),
        ],
      }),
      findings: [
        UNDERSTATED,
        {
          resource: 'Pipeline',
          identity: 'TestStack/Pipeline',
          detail: 'StandingPrivilege::pass-any-role',
          message:
            'Pipeline holds privileged entitlement pass-any-role as standing privilege, which class workload does not allow: the entitlement sets no approval maxDuration; ' +
            `the catalog names no approval path for it (approval.via). ${STANDING_FIX}`,
        },
      ],
    },
    {
      name: 'actions beyond the envelope, with the narrowed statement',
      catalog: CATALOG,
      model: model({
        identities: [
          role('PaymentsApi', {
            tags: PAYMENTS_SERVICE,
            policies: [
              allow(['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:DeleteItem'], PAYMENTS_TABLE),
            ],
          }),
        ],
      }),
      findings: [
        excess(
          'PaymentsApi',
          'PaymentsApiPolicy',
          '2 actions',
          'payments-read',
          'dynamodb:DeleteItem, dynamodb:PutItem',
          PAYMENTS_TABLE,
          {
            Effect: 'Allow',
            Action: ['dynamodb:GetItem', 'dynamodb:Query'],
            Resource: PAYMENTS_TABLE,
          },
        ),
      ],
    },
    {
      name: 'cdk-nag IAM5 fact: the right actions on Resource * exceed a table envelope; narrowed to the envelope resource',
      catalog: CATALOG,
      model: model({
        identities: [
          role('PaymentsApi', { tags: PAYMENTS_SERVICE, policies: [allow(['dynamodb:GetItem', 'dynamodb:Query'])] }),
        ],
      }),
      findings: [
        excess(
          'PaymentsApi',
          'PaymentsApiPolicy',
          '2 actions',
          'payments-read',
          'dynamodb:GetItem, dynamodb:Query',
          '*',
          {
            Effect: 'Allow',
            Action: ['dynamodb:GetItem', 'dynamodb:Query'],
            Resource: 'arn:aws:dynamodb:*:*:table/payments-*',
          },
        ),
      ],
    },
    {
      name: 'cdk-nag IAM5 fact: s3:* on the reports bucket narrows to the covered envelope pattern s3:Get*',
      catalog: CATALOG,
      model: model({
        identities: [role('Reports', { tags: REPORTS_SERVICE, policies: [allow('s3:*', 'arn:aws:s3:::reports/*')] })],
      }),
      findings: [
        excess(
          'Reports',
          'ReportsPolicy',
          `${s3Excess.length} actions`,
          'reports-read',
          `${s3Excess.slice(0, 5).join(', ')}, … (${s3Excess.length - 5} more)`,
          'arn:aws:s3:::reports/*',
          { Effect: 'Allow', Action: 's3:Get*', Resource: 'arn:aws:s3:::reports/*' },
        ),
      ],
    },
    {
      name: 'a grant no entitlement covers: remove it',
      catalog: CATALOG,
      model: model({
        identities: [
          role('PaymentsApi', {
            tags: PAYMENTS_SERVICE,
            policies: [allow('sqs:SendMessage', 'arn:aws:sqs:eu-west-1:111122223333:payouts')],
          }),
        ],
      }),
      findings: [
        excess(
          'PaymentsApi',
          'PaymentsApiPolicy',
          '1 action',
          'payments-read',
          'sqs:SendMessage',
          'arn:aws:sqs:eu-west-1:111122223333:payouts',
          undefined,
        ),
      ],
    },
    {
      name: 'cdk-nag IAM4 fact: AWSLambdaBasicExecutionRole is evaluated by its published content',
      catalog: CATALOG,
      model: model({
        identities: [
          role('PaymentsFn', {
            tags: PAYMENTS_SERVICE,
            managedPolicies: ['arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'],
          }),
        ],
      }),
      findings: [
        excess(
          'PaymentsFn',
          'AWSLambdaBasicExecutionRole',
          '3 actions',
          'payments-read',
          'logs:CreateLogGroup, logs:CreateLogStream, logs:PutLogEvents',
          '*',
          undefined,
          'PaymentsFn',
        ),
      ],
    },
    {
      name: 'Checkov CKV_AWS_274 fact: AdministratorAccess grants every action beyond the entitlements; narrowed to the envelope',
      catalog: CATALOG,
      model: model({
        identities: [
          role('PaymentsApi', {
            tags: PAYMENTS_SERVICE,
            managedPolicies: ['arn:aws:iam::aws:policy/AdministratorAccess'],
          }),
        ],
      }),
      findings: [
        excess(
          'PaymentsApi',
          'AdministratorAccess',
          `${allActions.length} actions`,
          'payments-read',
          `${allActions.slice(0, 5).join(', ')}, … (${allActions.length - 5} more)`,
          '*',
          {
            Effect: 'Allow',
            Action: ['dynamodb:GetItem', 'dynamodb:Query'],
            Resource: 'arn:aws:dynamodb:*:*:table/payments-*',
          },
          'PaymentsApi',
        ),
      ],
    },
    {
      name: 'a customer managed policy outside the change, not listed in the entitlements',
      catalog: CATALOG,
      model: model({
        identities: [
          role('PaymentsApi', {
            tags: PAYMENTS_SERVICE,
            managedPolicies: ['arn:aws:iam::111122223333:policy/legacy-ops'],
          }),
        ],
      }),
      findings: [
        {
          resource: 'PaymentsApi',
          identity: 'TestStack/PaymentsApi',
          detail: 'Policy::arn:aws:iam::111122223333:policy/legacy-ops',
          message:
            'PaymentsApi has managed policy arn:aws:iam::111122223333:policy/legacy-ops attached, which none of its entitlements (payments-read) lists in awsManagedPolicies ' +
            'and whose content the engine does not know. List it in an entitlement, or replace it with a policy within the entitlements.',
        },
      ],
    },
    {
      name: "a group's policy beyond the member's entitlements is reported on the member",
      catalog: CATALOG,
      model: model({
        identities: [
          identity('aws-group', 'Ops', { policies: [allow('dynamodb:DeleteTable', PAYMENTS_TABLE)] }),
          { ...user('payments-batch', { tags: PAYMENTS_SERVICE }), groups: ['TestStack/Ops'] },
        ],
      }),
      findings: [
        excess(
          'payments-batch',
          'OpsPolicy',
          '1 action',
          'payments-read',
          'dynamodb:DeleteTable',
          PAYMENTS_TABLE,
          undefined,
          'OpsPolicy',
        ),
      ],
    },
    {
      name: 'a managed policy ARN imported from another stack is pending',
      catalog: CATALOG,
      model: model({
        identities: [
          role('PaymentsApi', {
            tags: PAYMENTS_SERVICE,
            managedPolicies: [unknownValue('Fn::ImportValue SharedPolicyArn')],
          }),
        ],
      }),
      findings: [
        {
          resource: 'PaymentsApi',
          identity: 'TestStack/PaymentsApi',
          detail: 'Grant::unknown',
          message:
            'PaymentsApi: whether it stays within the entitlements of PaymentsApi cannot be verified until apply: managed policy ARN Fn::ImportValue SharedPolicyArn.',
          level: 'advisory',
          pending: true,
        },
      ],
    },
    {
      name: 'an Unknown action and an Unknown resource are pending',
      catalog: CATALOG,
      model: model({
        identities: [
          role('PaymentsApi', {
            tags: PAYMENTS_SERVICE,
            policies: [
              allow([unknownValue('output of aws:ssm/parameter:Parameter') as never]),
              allow('dynamodb:GetItem', [unknownValue('Fn::GetAtt Table.Arn') as never]),
            ],
          }),
        ],
      }),
      findings: [
        {
          resource: 'PaymentsApiPolicy',
          identity: 'TestStack/PaymentsApi',
          detail: 'Grant::unknown',
          message:
            'PaymentsApiPolicy: whether it stays within the entitlements of PaymentsApi cannot be verified until apply: output of aws:ssm/parameter:Parameter.',
          level: 'advisory',
          pending: true,
        },
        {
          resource: 'PaymentsApiPolicy2',
          identity: 'TestStack/PaymentsApi',
          detail: 'Grant::unknown',
          message:
            'PaymentsApiPolicy2: whether it stays within the entitlements of PaymentsApi cannot be verified until apply: resource Fn::GetAtt Table.Arn.',
          level: 'advisory',
          pending: true,
        },
      ],
    },
  ],
});

describe('require-entitlement: resource coverage (string glob over glob, documented approximation)', () => {
  it('a granted * is covered only by an envelope *', () => {
    expect(resourceCovered('*', ['*'])).toBe(true);
    expect(resourceCovered('*', ['arn:aws:s3:::*'])).toBe(false);
  });

  it('a granted pattern is covered when the envelope pattern matches it as text', () => {
    expect(resourceCovered('arn:aws:s3:::reports/2026/*', ['arn:aws:s3:::reports/*'])).toBe(true);
    expect(resourceCovered('arn:aws:s3:::reports*', ['arn:aws:s3:::reports/*'])).toBe(false);
  });

  it('intersection keeps the narrower side', () => {
    expect(intersectResource('*', 'arn:aws:s3:::reports/*')).toBe('arn:aws:s3:::reports/*');
    expect(intersectResource('arn:aws:s3:::reports/2026/*', 'arn:aws:s3:::reports/*')).toBe(
      'arn:aws:s3:::reports/2026/*',
    );
    expect(intersectResource('arn:aws:s3:::other/*', 'arn:aws:s3:::reports/*')).toBeUndefined();
  });

  it('narrowed statements group resources that share an action list', () => {
    const statements = narrowedStatements(
      [
        { action: 'sqs:SendMessage', resource: 'arn:aws:sqs:*:*:a' },
        { action: 'sqs:SendMessage', resource: 'arn:aws:sqs:*:*:b' },
        { action: 'sqs:ReceiveMessage', resource: 'arn:aws:sqs:*:*:c' },
      ],
      [],
    );
    expect(statements).toEqual([
      { Effect: 'Allow', Action: 'sqs:SendMessage', Resource: ['arn:aws:sqs:*:*:a', 'arn:aws:sqs:*:*:b'] },
      { Effect: 'Allow', Action: 'sqs:ReceiveMessage', Resource: 'arn:aws:sqs:*:*:c' },
    ]);
  });
});

describe('require-entitlement through the CloudFormation adapter', () => {
  it('reads class and entitlements from tags and reports the excess of an inline policy', () => {
    const template = {
      Resources: {
        PaymentsRole: {
          Type: 'AWS::IAM::Role',
          Properties: {
            AssumeRolePolicyDocument: {
              Version: '2012-10-17',
              Statement: [
                { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
              ],
            },
            Tags: [
              { Key: 'identity-class', Value: 'service' },
              { Key: 'entitlements', Value: 'payments-read' },
            ],
            Policies: [
              { PolicyName: 'tables', PolicyDocument: allow(['dynamodb:GetItem', 'dynamodb:PutItem'], PAYMENTS_TABLE) },
            ],
          },
        },
      },
    };
    const findings = runRules(modelFromTemplates([{ stack: 'Payments', template }]), [rule], {
      catalog: CATALOG,
    }).findings;
    expect(
      findings.map((finding) => [finding.resource.name, finding.identity, finding.detail, finding.message]),
    ).toEqual([
      [
        'PaymentsRole',
        'Payments/PaymentsRole',
        'Policy::PaymentsRole/tables',
        `PaymentsRole policy tables grants PaymentsRole 1 action beyond its entitlements (payments-read): dynamodb:PutItem on ${PAYMENTS_TABLE}. ` +
          `Narrow it to what the entitlements allow: {"Effect":"Allow","Action":"dynamodb:GetItem","Resource":"${PAYMENTS_TABLE}"}`,
      ],
    ]);
  });
});

// ---------- Azure, Google Cloud and Kubernetes role grants against the entitlement envelopes ----------

const MULTICLOUD_ENTITLEMENTS: Entitlement[] = [
  {
    id: 'warehouse-read',
    classes: ['service'],
    privileged: false,
    gcp: { roles: ['roles/bigquery.dataViewer'], scopes: ['projects/example-co-analytics'] },
    azure: { roles: ['Storage Blob Data Reader'], scopes: ['/subscriptions/*/resourceGroups/analytics-*'] },
  },
  {
    id: 'payments-deploy',
    classes: ['service'],
    privileged: false,
    kubernetes: { roles: ['edit'], namespaces: ['payments'] },
  },
  { id: 'node-inventory', classes: ['service'], privileged: false, kubernetes: { clusterRoles: ['node-reader'] } },
];
const multicloudCatalog = catalog({ entitlements: MULTICLOUD_ENTITLEMENTS });
const tagged = (entitlements: string) => ({ 'identity-class': 'service', entitlements });
const RG = '/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups';

ruleTester(rule, {
  valid: [
    {
      name: 'Azure and GCP roles inside the envelopes (role and scope glob)',
      catalog: multicloudCatalog,
      model: model({
        identities: [
          identity('azure-managed-identity', 'etl-identity', {
            tags: tagged('warehouse-read'),
            grants: [azureRole('etl-blob', 'storage blob data reader', `${RG}/analytics-eu`, 'resource-group')],
          }),
          identity('gcp-service-account', 'analytics-etl', {
            tags: tagged('warehouse-read'),
            grants: [gcpRole('etl-bq', 'roles/bigquery.dataViewer', 'projects/example-co-analytics', 'project')],
          }),
        ],
      }),
    },
    {
      // The binding's condition ended it (request.time < the day before): it is created but grants nothing.
      name: 'GCP: a role beyond the envelope whose condition ended before now grants nothing',
      catalog: multicloudCatalog,
      model: model({
        identities: [
          identity('gcp-service-account', 'analytics-etl', {
            tags: tagged('warehouse-read'),
            grants: [
              {
                ...gcpRole('etl-bq-admin', 'roles/bigquery.admin', 'projects/example-co-analytics', 'project'),
                condition: 'until-audit: request.time < timestamp("2026-11-25T12:00:00Z")',
                conditionEnds: '2026-11-25T12:00:00.000Z',
              },
            ],
          }),
        ],
      }),
    },
    {
      name: 'Kubernetes: edit in an allowed namespace, a cluster role bound cluster-wide',
      catalog: multicloudCatalog,
      model: model({
        identities: [
          identity('k8s-service-account', 'payments-deployer', {
            tags: tagged('payments-deploy node-inventory'),
            grants: [namespaceBinding('deploy-edit', 'edit', 'payments'), clusterBinding('nodes', 'node-reader')],
          }),
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'Azure: the entitled role on a scope outside the envelope, and a role no entitlement lists',
      catalog: multicloudCatalog,
      model: model({
        identities: [
          identity('azure-managed-identity', 'etl-identity', {
            tags: tagged('warehouse-read'),
            grants: [
              azureRole(
                'etl-blob-all',
                'Storage Blob Data Reader',
                '/subscriptions/00000000-0000-0000-0000-000000000001',
                'subscription',
              ),
              azureRole('etl-contrib', 'Contributor', `${RG}/analytics-eu`, 'resource-group'),
            ],
          }),
        ],
      }),
      findings: [
        {
          resource: 'etl-blob-all',
          identity: 'TestStack/etl-identity',
          detail: 'Role::Storage Blob Data Reader@/subscriptions/00000000-0000-0000-0000-000000000001',
          message:
            'etl-blob-all grants etl-identity Storage Blob Data Reader on /subscriptions/00000000-0000-0000-0000-000000000001, which none of its entitlements (warehouse-read) allows (allowed on azure: Storage Blob Data Reader on /subscriptions/*/resourceGroups/analytics-*). Grant a role on a scope the entitlements list, or add an entitlement that covers it.',
        },
        {
          resource: 'etl-contrib',
          identity: 'TestStack/etl-identity',
          detail: `Role::Contributor@${RG}/analytics-eu`,
          message: `etl-contrib grants etl-identity Contributor on ${RG}/analytics-eu, which none of its entitlements (warehouse-read) allows (allowed on azure: Storage Blob Data Reader on /subscriptions/*/resourceGroups/analytics-*). Grant a role on a scope the entitlements list, or add an entitlement that covers it.`,
        },
      ],
    },
    {
      name: 'GCP: roles/bigquery.admin beyond warehouse-read; Kubernetes: edit outside the namespaces, a cluster-wide binding not listed',
      catalog: multicloudCatalog,
      model: model({
        identities: [
          identity('gcp-service-account', 'analytics-etl', {
            tags: tagged('warehouse-read'),
            grants: [gcpRole('etl-bq-admin', 'roles/bigquery.admin', 'projects/example-co-analytics', 'project')],
          }),
          identity('k8s-service-account', 'payments-deployer', {
            tags: tagged('payments-deploy'),
            grants: [
              namespaceBinding('deploy-kube-system', 'edit', 'kube-system'),
              clusterBinding('deploy-view-all', 'view'),
            ],
          }),
        ],
      }),
      findings: [
        {
          resource: 'deploy-kube-system',
          identity: 'TestStack/payments-deployer',
          detail: 'Role::edit@namespace/kube-system',
          message:
            'deploy-kube-system grants payments-deployer edit on namespace/kube-system, which none of its entitlements (payments-deploy) allows (allowed on kubernetes: edit in namespace payments). Grant a role on a scope the entitlements list, or add an entitlement that covers it.',
        },
        {
          resource: 'deploy-view-all',
          identity: 'TestStack/payments-deployer',
          detail: 'Role::view@cluster',
          message:
            'deploy-view-all grants payments-deployer view on cluster, which none of its entitlements (payments-deploy) allows (allowed on kubernetes: edit in namespace payments). Grant a role on a scope the entitlements list, or add an entitlement that covers it.',
        },
        {
          resource: 'etl-bq-admin',
          identity: 'TestStack/analytics-etl',
          detail: 'Role::roles/bigquery.admin@projects/example-co-analytics',
          message:
            'etl-bq-admin grants analytics-etl roles/bigquery.admin on projects/example-co-analytics, which none of its entitlements (warehouse-read) allows (allowed on gcp: roles/bigquery.dataViewer on projects/example-co-analytics). Grant a role on a scope the entitlements list, or add an entitlement that covers it.',
        },
      ],
    },
    {
      name: 'an entitlement without an envelope for the cloud allows none of its roles; an unknown role is pending',
      catalog: multicloudCatalog,
      model: model({
        identities: [
          identity('azure-service-principal', 'nodes-app', {
            tags: tagged('node-inventory'),
            grants: [
              azureRole('nodes-reader', 'Reader', `${RG}/aks`, 'resource-group'),
              azureRole(
                'nodes-late',
                unknownValue('nodes-late.roleDefinitionId is not known until apply'),
                `${RG}/aks`,
                'resource-group',
              ),
            ],
          }),
        ],
      }),
      findings: [
        {
          resource: 'nodes-late',
          identity: 'TestStack/nodes-app',
          detail: 'Grant::unknown',
          pending: true,
          message:
            'nodes-late: whether it stays within the entitlements of nodes-app cannot be verified until apply: role nodes-late.roleDefinitionId is not known until apply.',
        },
        {
          resource: 'nodes-reader',
          identity: 'TestStack/nodes-app',
          detail: `Role::Reader@${RG}/aks`,
          message: `nodes-reader grants nodes-app Reader on ${RG}/aks, which none of its entitlements (node-inventory) allows (they allow no azure roles). Grant a role on a scope the entitlements list, or add an entitlement that covers it.`,
        },
      ],
    },
  ],
});
