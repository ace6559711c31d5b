/**
 * Pulumi's aws-native provider writes CloudFormation's AWS::RAM::ResourceShare through Cloud Control, its principals,
 * resources and source accounts in the share itself (aws-native ram.ResourceShare `principals`, `resourceArns`,
 * `sources`), with CloudFormation's default of external principals allowed. Its principals are judged as the
 * CloudFormation share's are; before, the share was not read and a share to any account passed (fail-open).
 */
import { describe, expect, it } from 'vitest';
import { modelFromPulumiResources } from '../../src/adapters/pulumi/index.js';
import { evaluate } from '../../src/engine/index.js';
import { unknownValue } from '../../src/model/model.js';
import { pulumiResource as resource } from '../multicloud/builders.js';
import { catalog } from '../support/builders.js';

const CATALOG = catalog({
  trust: {
    accounts: [{ id: '444455556666', owner: 'team-platform' }],
    organizations: [{ id: 'o-exampleorg1', owner: 'team-platform' }],
    oidc: [],
  },
});
const SUBNET = 'arn:aws:ec2:eu-west-1:111122223333:subnet/subnet-0123456789abcdef0';

function shareFindings(props: Record<string, unknown>): string[] {
  const model = modelFromPulumiResources([resource('aws-native:ram:ResourceShare', 'subnets', props)]);
  return evaluate(model, { catalog: CATALOG, now: new Date('2026-06-01T00:00:00Z'), pending: 'fail-closed' })
    .findings.filter((finding) => finding.ruleId === 'restrict-trust')
    .map((f) => `${f.level} ${f.resource.name} ${f.detail ?? ''}${f.pending ? ' pending' : ''}`)
    .sort();
}

describe("aws-native's resource share", () => {
  it('reports the accounts and organizations it names that the catalog does not trust, each once', () => {
    expect(
      shareFindings({
        name: 'subnets',
        resourceArns: [SUBNET],
        principals: [
          '999999999999',
          '444455556666',
          'arn:aws:organizations::111122223333:organization/o-exampleorg1',
          'arn:aws:organizations::222233334444:ou/o-otherorg123/ou-ab12-cdef3456',
        ],
      }),
    ).toEqual(['mandatory subnets Account::999999999999', 'mandatory subnets Organization::o-otherorg123']);
  });

  it('a principal list known only at apply is pending; a service principal with source accounts passes', () => {
    expect(
      shareFindings({
        name: 'subnets',
        resourceArns: [SUBNET],
        principals: unknownValue('output of a stack reference'),
      }),
    ).toEqual(['mandatory subnets Principal::unknown pending']);
    expect(
      shareFindings({
        name: 'connector',
        principals: ['pca-connector-scep.amazonaws.com'],
        sources: ['111122223333'],
      }),
    ).toEqual([]);
  });
});
