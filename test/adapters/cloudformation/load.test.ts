import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTemplates } from '../../../src/adapters/cloudformation/load.js';
import { TemplateError } from '../../../src/adapters/cloudformation/template.js';

const fixtures = join(import.meta.dirname, '../../fixtures/cloudformation');

function loadError(path: string): TemplateError {
  try {
    loadTemplates(path);
  } catch (error) {
    if (error instanceof TemplateError) return error;
    throw error;
  }
  throw new Error(`expected ${path} to fail`);
}

describe('loadTemplates', () => {
  it('rewrites YAML short tags to the long form', () => {
    const [input] = loadTemplates(join(fixtures, 'yaml-short-tags.template.yaml'));
    expect(input!.stack).toBe('yaml-short-tags');
    const role = input!.template.Resources.ReaderRole!.Properties!;
    expect(role.RoleName).toEqual({ 'Fn::Sub': 'reader-${Env}' });
    const statements = (role.Policies as { PolicyDocument: { Statement: Record<string, unknown>[] } }[])[0]!
      .PolicyDocument.Statement;
    expect(statements.map((statement) => [statement.Action, statement.Resource])).toEqual([
      [
        { 'Fn::If': ['IsProd', 's3:GetObject', 's3:GetObject'] },
        { 'Fn::Sub': 'arn:${AWS::Partition}:s3:::${Bucket}/*' },
      ],
      [
        { 'Fn::Select': [0, { 'Fn::Split': [',', 'sqs:ReceiveMessage,sqs:DeleteMessage'] }] },
        { 'Fn::GetAtt': ['Queue', 'Arn'] },
      ],
      ['kms:Decrypt', { 'Fn::ImportValue': 'SharedKeyArn' }],
    ]);
    expect(input!.template.Conditions).toEqual({ IsProd: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] } });
    expect((input!.template as { Rules?: unknown }).Rules).toEqual({
      ProdSubnets: {
        RuleCondition: { 'Fn::Contains': [['prod'], { Ref: 'Env' }] },
        Assertions: [
          {
            Assert: {
              'Fn::EachMemberIn': [
                { 'Fn::ValueOfAll': ['AWS::EC2::Subnet::Id', 'VpcId'] },
                { 'Fn::RefAll': 'AWS::EC2::VPC::Id' },
              ],
            },
          },
          {
            Assert: {
              'Fn::EachMemberEquals': [{ 'Fn::ValueOfAll': ['AWS::EC2::Subnet::Id', 'Tags.Env'] }, 'prod'],
            },
          },
          { Assert: { 'Fn::Equals': [{ 'Fn::ValueOf': ['VpcParameter', 'Tags.Env'] }, 'prod'] } },
        ],
      },
    });
  });

  it('reads a CDK cloud assembly through its manifest, nested stacks as Parent/NestedLogicalId', () => {
    const inputs = loadTemplates(join(fixtures, 'cdk-out-nested-stack'));
    expect(inputs.map((input) => [input.stack, input.file?.slice(fixtures.length + 1)])).toEqual([
      ['PaymentsStack', 'cdk-out-nested-stack/PaymentsStack.template.json'],
      [
        'PaymentsStack/WorkersNestedStackWorkersNestedStackResourceCEAEF017',
        'cdk-out-nested-stack/PaymentsStackWorkers22EC12DC.nested.template.json',
      ],
    ]);
    expect(inputs[1]!.parameters).toEqual({
      referencetoPaymentsStackApiRole118A7542Arn: 'arn:aws:iam::<own-account>:role/payments-api-runtime',
    });
  });

  it('follows a CDK stage into its nested cloud assembly, naming the stack by its display name', () => {
    const inputs = loadTemplates(join(fixtures, 'cdk-out-stage'));
    expect(
      inputs.map((input) => [
        input.stack,
        input.file?.slice(fixtures.length + 1),
        Object.keys(input.template.Resources),
      ]),
    ).toEqual([['Prod/Ci', 'cdk-out-stage/assembly-Prod/ProdCi0BF93539.template.json', ['Deployer92EF8763']]]);
  });

  it('reads a nested stack from a local TemplateURL, with the parameters the parent passes; a remote one cannot be read', () => {
    const inputs = loadTemplates(join(fixtures, 'nested-template-url/parent.template.yaml'));
    expect(inputs.map((input) => [input.stack, input.file?.slice(fixtures.length + 1), input.parameters])).toEqual([
      ['parent', 'nested-template-url/parent.template.yaml', undefined],
      [
        'parent/Workers',
        'nested-template-url/children/workers.template.yaml',
        { DeployerArn: 'arn:aws:iam::<own-account>:role/ci-deployer' },
      ],
    ]);
  });

  it('reads a SAM application whose Location is a local template as a nested stack, with its parameters', () => {
    const inputs = loadTemplates(join(import.meta.dirname, '../../corpus/aws/sam-cognito-httpapi.template.yaml'));
    expect(inputs.map((input) => [input.stack, input.parameters])).toEqual([
      ['sam-cognito-httpapi', undefined],
      ['sam-cognito-httpapi/AuthStack', { ClientDomain: 'https://myapp.com', Postman: 'false' }],
    ]);
  });

  it('reads a directory template that another one nests only as the nested stack', () => {
    expect(loadTemplates(join(fixtures, 'nested-same-directory')).map((input) => input.stack)).toEqual([
      'parent',
      'parent/Child',
    ]);
  });

  it('reads every template of a plain directory and skips JSON that is not a template', () => {
    const inputs = loadTemplates(join(fixtures, 'template-directory'));
    expect(inputs.map((input) => input.stack)).toEqual(['identities', 'network']);
  });

  it('locates a JSON syntax error', () => {
    const error = loadError(join(fixtures, 'invalid-json-missing-comma.template.json'));
    expect([error.line, error.column]).toEqual([5, 7]);
    expect(error.message).toMatch(/invalid-json-missing-comma\.template\.json:5:7: invalid JSON: /);
  });

  it('locates an unknown YAML tag instead of reading it as a plain string', () => {
    const error = loadError(join(fixtures, 'invalid-yaml-unknown-tag.template.yaml'));
    expect(error.message).toBe(
      `${join(fixtures, 'invalid-yaml-unknown-tag.template.yaml')}:5:17: invalid YAML: Unresolved tag: !Reff`,
    );
  });

  it('says a rain source template (!Rain::Embed, a Rain::Module type) is to be checked as `rain pkg` writes it', () => {
    const rainPkg = 'check the template `rain pkg` writes from this source';
    expect(loadError(join(fixtures, 'rain-source.template.yaml')).message).toBe(
      `${join(fixtures, 'rain-source.template.yaml')}:9:18: !Rain::Embed is a directive of the rain CLI, not CloudFormation: ${rainPkg}`,
    );
    expect(loadError(join(fixtures, 'rain-module.template.json')).message).toBe(
      `${join(fixtures, 'rain-module.template.json')}:3:5: Resources.Network: its Type is a module of the rain CLI (Rain::Module), not a resource type: ${rainPkg}`,
    );
  });

  it('reads a template with a Transform as written (the model builder expands SAM and reports other macros), with key positions', () => {
    const [input] = loadTemplates(join(fixtures, 'sam-transform.template.yaml'));
    expect(input!.template.Transform).toBe('AWS::Serverless-2016-10-31');
    expect(input!.keys!.get('Transform')!.position).toEqual({ line: 3, column: 1 });
    expect(input!.keys!.get('Resources')!.children!.get('Handler')!.position).toEqual({ line: 5, column: 3 });
  });

  it('refuses duplicate keys in a JSON template with their location, as YAML does', () => {
    const error = loadError(join(fixtures, 'invalid-json-duplicate-key.template.json'));
    expect(error.message).toBe(
      `${join(fixtures, 'invalid-json-duplicate-key.template.json')}:9:7: invalid JSON: duplicate key "Effect"`,
    );
  });

  it('fails on a missing path and on a file without Resources', () => {
    expect(loadError(join(fixtures, 'nope.json')).reason).toBe('no such file or directory');
    expect(loadError(join(fixtures, 'template-directory/parameters.json')).reason).toBe(
      'not a CloudFormation template: no "Resources" map',
    );
  });
});
