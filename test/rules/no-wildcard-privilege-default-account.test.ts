/**
 * no-wildcard-privilege on compute that runs as a cloud's default identity (Model.defaultIdentityUses): Google's
 * Compute Engine and App Engine default service accounts hold roles/editor on the project unless an organization
 * policy stopped that grant. The finding is on the workload, names its access scopes, and its detail says whether its
 * tokens reach every API; an account not known until apply is pending. Model builders only: the adapters' reading is
 * tested in test/multicloud/pulumi-gcp-default-account.test.ts and test/terraform/gcp-default-account.test.ts.
 */
import { unknownValue, type DefaultIdentityUse } from '../../src/model/model.js';
import rule from '../../src/rules/no-wildcard-privilege.js';
import { catalog, identity, model, ref } from '../support/builders.js';
import { ruleTester } from '../support/rule-tester.js';

const POOL_URN = 'urn:pulumi:dev::gke::gcp:container/nodePool:NodePool::pool';
const pool = { ...ref('gcp:container/nodePool:NodePool', 'pool'), urn: POOL_URN };
const use = (parts: Partial<DefaultIdentityUse> = {}): DefaultIdentityUse => ({
  cloud: 'gcp',
  source: pool,
  workload: 'GKE node pool',
  identity: 'gcp-compute-default',
  reason: { kind: 'unset' },
  setting: 'nodeConfig.serviceAccount',
  scopes: ['https://www.googleapis.com/auth/devstorage.read_only', 'https://www.googleapis.com/auth/logging.write'],
  ...parts,
});
const EDITOR =
  'Google grants that account roles/editor on the project (unless the organization policy ' +
  'iam.automaticIamGrantsForDefaultServiceAccounts stopped it; enforced by default only in organizations created since ' +
  'May 2024), and every workload of the project that names no account shares it.';
const FIX = 'Create a dedicated service account with only the roles the workload needs and set';
const CIS = '(CIS Google Cloud 4.1/4.2, CIS GKE 5.2.1).';
/** The message of use()'s node pool, on the default account with its default scopes. */
const SCOPED_POOL =
  'GKE node pool pool runs as the Compute Engine default service account ' +
  '(PROJECT_NUMBER-compute@developer.gserviceaccount.com) because nodeConfig.serviceAccount is not set. ' +
  `${EDITOR} Its access scopes (devstorage.read_only, logging.write) limit what its tokens may call under that ` +
  `role; scopes are a legacy limit that whoever may change the workload lifts. ${FIX} nodeConfig.serviceAccount to it ${CIS}`;

ruleTester(rule, {
  valid: [
    { name: 'a model with no compute on a default identity', model: model() },
    {
      name: 'compute on an account of the change is that account’s attachment, not a default identity use',
      model: model({
        identities: [identity('gcp-service-account', 'nodes', { attachments: ['vm'] })],
      }),
    },
  ],
  invalid: [
    {
      name: 'a node pool on the Compute Engine default account, its scopes named (detail: scoped)',
      model: model({ defaultIdentityUses: [use()] }),
      findings: [
        {
          resource: 'pool',
          detail: 'DefaultAccount::compute/scoped',
          message: SCOPED_POOL,
          level: 'mandatory',
        },
      ],
    },
    {
      name: 'the cloud-platform scope, and a platform without scopes, reach every API (detail: every-api)',
      model: model({
        defaultIdentityUses: [
          use({ reason: { kind: 'named', value: 'default' }, scopes: ['cloud-platform'] }),
          use({
            source: ref('gcp:cloudfunctions/function:Function', 'fn'),
            workload: 'Cloud Functions (1st gen) function',
            identity: 'gcp-app-engine-default',
            setting: 'serviceAccountEmail',
            scopes: undefined,
          }),
        ],
      }),
      findings: [
        {
          resource: 'fn',
          detail: 'DefaultAccount::app-engine/every-api',
          message:
            'Cloud Functions (1st gen) function fn runs as the App Engine default service account ' +
            '(PROJECT_ID@appspot.gserviceaccount.com) because serviceAccountEmail is not set. ' +
            `${EDITOR} Its tokens reach every API that role covers (the platform has no access scopes). ${FIX} ` +
            `serviceAccountEmail to it ${CIS}`,
        },
        {
          resource: 'pool',
          detail: 'DefaultAccount::compute/every-api',
          message:
            'GKE node pool pool runs as the Compute Engine default service account ' +
            '(PROJECT_NUMBER-compute@developer.gserviceaccount.com) because nodeConfig.serviceAccount is "default". ' +
            `${EDITOR} Its cloud-platform access scope lets its tokens reach every API that role covers. ${FIX} ` +
            `nodeConfig.serviceAccount to it ${CIS}`,
        },
      ],
    },
    {
      name: 'an account not known until apply is pending, saying what it waits for',
      model: model({
        defaultIdentityUses: [
          use({
            identity: unknownValue('pool.nodeConfig.serviceAccount is not known until apply'),
            reason: { kind: 'pending' },
          }),
        ],
      }),
      findings: [
        {
          resource: 'pool',
          detail: 'DefaultAccount::unknown',
          message:
            'GKE node pool pool runs as a service account that cannot be verified until apply: ' +
            'pool.nodeConfig.serviceAccount is not known until apply. If it is a default account (Compute Engine or App ' +
            'Engine), which Google grants roles/editor on the project, the workload holds that role; set ' +
            'nodeConfig.serviceAccount to a dedicated service account.',
          level: 'advisory',
          pending: true,
        },
      ],
    },
    {
      name: 'a catalog exception for the workload (its URN) waives it, keeping it visible',
      catalog: catalog({
        owners: [{ id: 'team-platform' }],
        exceptions: [
          {
            id: 'EXC-7',
            rule: 'no-wildcard-privilege',
            target: POOL_URN,
            details: ['DefaultAccount::compute/scoped'],
            reason: 'the organization enforces iam.automaticIamGrantsForDefaultServiceAccounts',
            owner: 'team-platform',
            approvedBy: 'security-lead@example.com',
            ticket: 'SEC-77',
            expires: '2027-01-31',
          },
        ],
      }),
      model: model({ defaultIdentityUses: [use()] }),
      findings: [
        {
          resource: 'pool',
          detail: 'DefaultAccount::compute/scoped',
          message: SCOPED_POOL,
          waivedBy: 'EXC-7',
        },
      ],
    },
  ],
});
