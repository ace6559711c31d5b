/**
 * What restrict-trust's cases about principal grants share: the trust they are judged against (one account and its
 * organization, owned by team-platform), as a catalog built in memory for rule cases and as the YAML a user writes for
 * CLI cases, and the model of one grant as the adapters build it.
 */
import { PRINCIPAL_GRANTS, principalGrantDocument } from '../../src/adapters/aws/resource-policies.js';
import { parsePolicyDocument } from '../../src/iam/aws/document.js';
import type { Model } from '../../src/model/model.js';
import { catalog, model, ref } from './builders.js';

export const TRUSTED_ACCOUNT = '111122223333';
export const TRUSTED_ORGANIZATION = 'o-a1b2c3d4e5';

/** A catalog that trusts TRUSTED_ACCOUNT and TRUSTED_ORGANIZATION. */
export const trustingCatalog = () =>
  catalog({
    trust: {
      accounts: [{ id: TRUSTED_ACCOUNT, owner: 'team-platform' }],
      organizations: [{ id: TRUSTED_ORGANIZATION, owner: 'team-platform' }],
      oidc: [],
    },
  });

/** The same trust as a catalog file, with or without the organization. */
export function trustingCatalogYaml({ organization }: { organization: boolean }): string {
  return [
    'apiVersion: entitlement-guard/v1',
    'owners: [{ id: team-platform, contact: platform@example.com }]',
    'trust:',
    `  accounts: { "${TRUSTED_ACCOUNT}": { owner: team-platform } }`,
    ...(organization ? [`  organizations: { "${TRUSTED_ORGANIZATION}": { owner: team-platform } }`] : []),
    '',
  ].join('\n');
}

/** The model of one principal grant of `type`, named `name`, on `on`, as the adapters build it. */
export function granted(type: string, name: string, on: string, props: Record<string, unknown>): Model {
  const document = principalGrantDocument(props, PRINCIPAL_GRANTS[type]!);
  return model({
    resourcePolicies: document
      ? [{ source: ref(type, name), document: parsePolicyDocument(document), attachedTo: [on] }]
      : [],
  });
}
