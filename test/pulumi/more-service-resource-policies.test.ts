/**
 * Resource policies of further services in a Pulumi program (aws/resource-policies.ts): run under the SDK's mocks as
 * `pulumi up` plans it, each that names the stack's role is judged as the role's policy against examples/catalog.yaml,
 * on what the policy is on; as `pulumi preview` plans it, each that waits for the role's ARN is the role's grant not
 * verifiable until apply. Before, none was read: the program passed in both.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../../catalog/index.js';
import { programFindings } from './support/program-findings.js';

const path = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
const CATALOG = parseCatalog(readFileSync(path('../../examples/catalog.yaml'), 'utf8'), 'examples/catalog.yaml');
const findingsIn = programFindings(path('./programs/more-service-resource-policies.ts'), CATALOG);

function findings(mode: 'update' | 'preview') {
  return findingsIn(mode).filter((finding) => finding.ruleId !== 'exception-expiry');
}

const verdicts = (mode: 'update' | 'preview') =>
  findings(mode)
    .map((f) => `${f.ruleId} ${f.level} ${f.resource.name} ${f.detail ?? ''}${f.pending ? ' pending' : ''}`)
    .sort();

const OWN = '<own-region>:<own-account>';
const ACCOUNT = '111122223333';

/** Each policy and what it grants the role beyond its entitlements. */
const GRANTED: Record<string, string> = {
  catalogPolicy: `glue:GetTable on arn:aws:glue:${OWN}:*`,
  destinationPolicy: `logs:PutSubscriptionFilter on arn:aws:logs:${OWN}:destination:central-logs`,
  domainPolicy: `codeartifact:GetAuthorizationToken on arn:aws:codeartifact:${OWN}:domain/payments`,
  integrationPolicy: `redshift:AuthorizeInboundIntegration on arn:aws:redshift:us-east-1:${ACCOUNT}:namespace:0123-abcd`,
  latticePolicy: `vpc-lattice:CreateServiceNetworkVpcAssociation on arn:aws:vpc-lattice:us-east-1:${ACCOUNT}:servicenetwork/sn-0123`,
  logsPolicy: `logs:PutLogEvents on arn:aws:logs:${OWN}:*`,
  // Named by domain and repository in two arguments: read as any repository of the account.
  packagesPolicy: `codeartifact:PublishPackageVersion on arn:aws:codeartifact:${OWN}:repository/*`,
  redactedPolicy: `s3-object-lambda:GetObject on arn:aws:s3-object-lambda:${OWN}:accesspoint/payments-redacted`,
  registryPolicy: `ecr:ReplicateImage on arn:aws:ecr:${OWN}:repository/*`,
  schemasPolicy: `schemas:DeleteSchema on arn:aws:schemas:${OWN}:registry/payments`,
  snapshotPolicy: `redshift-serverless:RestoreFromSnapshot on arn:aws:redshift-serverless:us-east-1:${ACCOUNT}:snapshot/0123-abcd`,
  streamingPolicy: `kafka:CreateVpcConnection on arn:aws:kafka:us-east-1:${ACCOUNT}:cluster/payments/0123`,
  tracesPolicy: 'xray:PutTraceSegments on *',
};
const POLICIES = Object.keys(GRANTED);

describe('resource policies of further services in a Pulumi program', () => {
  it('are judged as the role’s policies once the role’s ARN is known, on what each is on (pulumi up)', () => {
    expect(verdicts('update')).toEqual(POLICIES.map((name) => `require-entitlement mandatory ${name} Policy::${name}`));
    const found = findings('update');
    expect(
      Object.fromEntries(POLICIES.map((name) => [name, found.find((f) => f.resource.name === name)?.message])),
    ).toEqual(
      Object.fromEntries(
        POLICIES.map((name) => [
          name,
          `${name} grants payments-api-runtime 1 action beyond its entitlements (payments-read, payments-write, payments-secrets-read): ${GRANTED[name]}. None of it is within the entitlements: remove the policy, or add an entitlement that covers it.`,
        ]),
      ),
    );
  });

  it('are the role’s grants not verifiable until apply while its ARN is unknown (pulumi preview)', () => {
    expect(verdicts('preview')).toEqual(
      [
        'no-privilege-escalation advisory payments Path::unknown pending',
        ...POLICIES.flatMap((name) => [
          `no-wildcard-privilege advisory ${name}  pending`,
          `require-entitlement advisory ${name} Grant::unknown pending`,
          `restrict-trust advisory ${name}  pending`,
        ]),
      ].sort(),
    );
  });
});
