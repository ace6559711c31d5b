/**
 * Pulumi's aws-native provider writes CloudFormation's AWS::RAM::ResourceShare through Cloud Control, its principals,
 * resources and source accounts in the share itself (aws-native ram.ResourceShare `principals`, `resourceArns`,
 * `sources`), with CloudFormation's default of external principals allowed. Its principals are judged as the
 * CloudFormation share's are; before, the share was not read and a share to any account passed (fail-open). Its
 * `permissionArns` name what the principals may do: a customer managed permission of the stack (aws-native
 * ram.Permission, its `policyTemplate` an object), linked by its ARN's dependency while the ARN is not known.
 */
import { describe, expect, it } from 'vitest';
import { modelFromPulumiResources } from '../../src/adapters/pulumi/index.js';
import { evaluate } from '../../src/engine/index.js';
import { unknownValue } from '../../src/model/model.js';
import { pulumiResource as resource, pulumiUrn } from '../multicloud/builders.js';
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

  it("names the stack's customer managed permission its permissionArns depend on, with its template's actions", () => {
    const PERMISSION = 'aws-native:ram:Permission';
    const model = modelFromPulumiResources([
      resource(PERMISSION, 'tagging', {
        name: 'subnet-tagging',
        resourceType: 'ec2:Subnet',
        policyTemplate: { Effect: 'Allow', Action: ['ec2:DescribeSubnets', 'ec2:CreateTags'] },
      }),
      resource(
        'aws-native:ram:ResourceShare',
        'subnets',
        {
          name: 'subnets',
          resourceArns: [SUBNET],
          principals: ['999999999999'],
          permissionArns: [unknownValue('tagging.arn (output of aws-native:ram:Permission tagging)')],
        },
        { permissionArns: [pulumiUrn(PERMISSION, 'tagging')] },
      ),
    ]);
    const messages = evaluate(model, { catalog: CATALOG, now: new Date('2026-06-01T00:00:00Z') })
      .findings.filter((finding) => finding.ruleId === 'restrict-trust')
      .map((finding) => finding.message);
    expect(messages).toEqual([
      `Resource share subnets shares ${SUBNET} under customer managed permission subnet-tagging (Action ` +
        'ec2:DescribeSubnets, ec2:CreateTags; not read-only: ec2:CreateTags) with account 999999999999 (999999999999), ' +
        'which the catalog (test-catalog.yaml) does not list under trust.accounts (listed: 444455556666): its ' +
        'principals may use them with no policy of the own account involved. Remove the principal from the share, or ' +
        'record the account with its owner under trust.accounts after review.',
    ]);
  });
});
