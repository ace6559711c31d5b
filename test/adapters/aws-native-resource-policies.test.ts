/**
 * Pulumi's aws-native provider writes CloudFormation's resources through Cloud Control, so every resource-based policy
 * and principal list the CloudFormation adapter reads (aws/resource-policies.ts) comes in aws-native's spelling too:
 * `aws-native:<service>:<Type>`, each property in lowerCamelCase (pulumi/aws-native-resource-policies.ts derives them
 * from the CloudFormation tables). Only a secret's resource policy was read before: a bucket policy, a key policy, a log
 * group's policy, a layer shared with every account or an endpoint service any account may connect to, written with
 * aws-native, passed unseen (fail-open). Each case is judged as the same resource in a template is, message for
 * message. Tokens and properties are written out here as aws-native's SDK spells them (@pulumi/aws-native is not
 * installed here: the adapter's records, as the other aws-native cases), not derived.
 */
import { describe, expect, it } from 'vitest';
import { defaultCatalog } from '../../catalog/index.js';
import { modelFromTemplates } from '../../src/adapters/cloudformation/index.js';
import { modelFromPulumiResources } from '../../src/adapters/pulumi/index.js';
import {
  AWS_NATIVE_LAMBDA_PERMISSIONS,
  AWS_NATIVE_NESTED_RESOURCE_POLICIES,
  AWS_NATIVE_PRINCIPAL_GRANTS,
  AWS_NATIVE_RESOURCE_POLICIES,
  AWS_NATIVE_STATEMENT_POLICIES,
} from '../../src/adapters/pulumi/aws-native-resource-policies.js';
import {
  CLOUDFORMATION_NESTED_RESOURCE_POLICIES,
  CLOUDFORMATION_RESOURCE_POLICIES,
  PRINCIPAL_GRANTS,
} from '../../src/adapters/aws/resource-policies.js';
import { resourcePolicyLabel } from '../../src/audit/resource-policy-labels.js';
import { evaluate } from '../../src/engine/index.js';
import type { Model } from '../../src/model/model.js';
import { pulumiResource as resource } from '../multicloud/builders.js';

const NOW = new Date('2026-12-01T00:00:00Z');
const OTHER = '999999999999';
const open = (action: string, resourceArn?: string) => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: '*', Action: action, ...(resourceArn ? { Resource: resourceArn } : {}) }],
});
const toOther = (action: string) => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${OTHER}:root` }, Action: action, Resource: '*' }],
});

/** `level resource detail [pending]: message` of restrict-trust. */
function trust(model: Model): string[] {
  return evaluate(model, { catalog: defaultCatalog(), now: NOW })
    .findings.filter((f) => f.ruleId === 'restrict-trust')
    .map((f) => `${f.level} ${f.resource.name} ${f.detail ?? '-'}${f.pending ? ' pending' : ''}: ${f.message}`)
    .sort();
}

interface Row {
  what: string;
  cloudFormation: [type: string, properties: Record<string, unknown>];
  awsNative: [type: string, props: Record<string, unknown>];
  /** restrict-trust's `level detail` on the resource `Shared`. */
  findings: string[];
}

const ROWS: Row[] = [
  {
    what: 'a bucket policy letting anyone read',
    cloudFormation: [
      'AWS::S3::BucketPolicy',
      { Bucket: 'exports', PolicyDocument: open('s3:GetObject', 'arn:aws:s3:::exports/*') },
    ],
    awsNative: [
      'aws-native:s3:BucketPolicy',
      { bucket: 'exports', policyDocument: open('s3:GetObject', 'arn:aws:s3:::exports/*') },
    ],
    findings: ['mandatory Principal::*'],
  },
  {
    what: "a key's policy letting another account decrypt",
    cloudFormation: ['AWS::KMS::Key', { KeyPolicy: toOther('kms:Decrypt') }],
    awsNative: ['aws-native:kms:Key', { keyPolicy: toOther('kms:Decrypt') }],
    findings: [`mandatory Account::${OTHER}`],
  },
  {
    what: "a log group's own policy letting anyone write",
    cloudFormation: ['AWS::Logs::LogGroup', { ResourcePolicyDocument: open('logs:PutLogEvents') }],
    awsNative: ['aws-native:logs:LogGroup', { resourcePolicyDocument: open('logs:PutLogEvents') }],
    findings: ['mandatory Principal::*'],
  },
  {
    what: "a table's policy, written inside the table (a nested policy), for another account",
    cloudFormation: ['AWS::DynamoDB::Table', { ResourcePolicy: { PolicyDocument: toOther('dynamodb:GetItem') } }],
    awsNative: ['aws-native:dynamodb:Table', { resourcePolicy: { policyDocument: toOther('dynamodb:GetItem') } }],
    findings: [`mandatory Account::${OTHER}`],
  },
  {
    what: "a Serverless namespace's policy, on the namespace",
    cloudFormation: [
      'AWS::RedshiftServerless::Namespace',
      { NamespaceName: 'ns', NamespaceResourcePolicy: toOther('redshift:CreateInboundIntegration') },
    ],
    awsNative: [
      'aws-native:redshiftserverless:Namespace',
      { namespaceName: 'ns', namespaceResourcePolicy: toOther('redshift:CreateInboundIntegration') },
    ],
    findings: [`mandatory Account::${OTHER}`],
  },
  {
    what: 'an event bus policy written as one statement',
    cloudFormation: [
      'AWS::Events::EventBusPolicy',
      { StatementId: 'any', Statement: open('events:PutEvents').Statement[0] },
    ],
    awsNative: [
      'aws-native:events:EventBusPolicy',
      { statementId: 'any', statement: open('events:PutEvents').Statement[0] },
    ],
    findings: ['mandatory Principal::*'],
  },
  {
    what: 'an event bus permission in its older form, to another account',
    cloudFormation: [
      'AWS::Events::EventBusPolicy',
      { StatementId: 'partner', Action: 'events:PutEvents', Principal: OTHER },
    ],
    awsNative: [
      'aws-native:events:EventBusPolicy',
      { statementId: 'partner', action: 'events:PutEvents', principal: OTHER },
    ],
    findings: [`mandatory Account::${OTHER}`],
  },
  {
    what: 'a layer version shared with every account',
    cloudFormation: [
      'AWS::Lambda::LayerVersionPermission',
      {
        Action: 'lambda:GetLayerVersion',
        LayerVersionArn: 'arn:aws:lambda:eu-west-1:111122223333:layer:utils:3',
        Principal: '*',
      },
    ],
    awsNative: [
      'aws-native:lambda:LayerVersionPermission',
      {
        action: 'lambda:GetLayerVersion',
        layerVersionArn: 'arn:aws:lambda:eu-west-1:111122223333:layer:utils:3',
        principal: '*',
      },
    ],
    findings: ['mandatory Principal::*'],
  },
  {
    what: 'an endpoint service any account may connect to',
    cloudFormation: [
      'AWS::EC2::VPCEndpointServicePermissions',
      { ServiceId: 'vpce-svc-0a1b2c3d', AllowedPrincipals: ['*'] },
    ],
    awsNative: [
      'aws-native:ec2:VpcEndpointServicePermissions',
      { serviceId: 'vpce-svc-0a1b2c3d', allowedPrincipals: ['*'] },
    ],
    findings: ['mandatory Principal::*'],
  },
  {
    what: 'a function anyone may invoke',
    cloudFormation: [
      'AWS::Lambda::Permission',
      { Action: 'lambda:InvokeFunction', FunctionName: 'payouts', Principal: '*' },
    ],
    awsNative: [
      'aws-native:lambda:Permission',
      { action: 'lambda:InvokeFunction', functionName: 'payouts', principal: '*' },
    ],
    findings: ['mandatory Principal::*'],
  },
  {
    what: 'an OpenSearch Serverless data access policy naming another account (a JSON list of rules)',
    cloudFormation: [
      'AWS::OpenSearchServerless::AccessPolicy',
      {
        Name: 'logs',
        Type: 'data',
        Policy: JSON.stringify([
          {
            Rules: [{ ResourceType: 'index', Resource: ['index/logs/*'], Permission: ['aoss:ReadDocument'] }],
            Principal: [`arn:aws:iam::${OTHER}:role/reader`],
          },
        ]),
      },
    ],
    awsNative: [
      'aws-native:opensearchserverless:AccessPolicy',
      {
        name: 'logs',
        type: 'data',
        policy: JSON.stringify([
          {
            Rules: [{ ResourceType: 'index', Resource: ['index/logs/*'], Permission: ['aoss:ReadDocument'] }],
            Principal: [`arn:aws:iam::${OTHER}:role/reader`],
          },
        ]),
      },
    ],
    findings: [`mandatory Account::${OTHER}`],
  },
];

describe("aws-native's resource policies and principal lists, judged as CloudFormation's", () => {
  it.each(ROWS)('$what', ({ cloudFormation, awsNative, findings }) => {
    const native = trust(modelFromPulumiResources([resource(awsNative[0], 'Shared', awsNative[1])]));
    const template = trust(
      modelFromTemplates([
        {
          stack: 'App',
          template: { Resources: { Shared: { Type: cloudFormation[0], Properties: cloudFormation[1] } } },
        },
      ]),
    );
    expect(native.map((line) => line.split(':')[0]!.replace(' Shared', ''))).toEqual(
      findings.map((finding) => finding.split(':')[0]!),
    );
    expect(native.map((line) => line.split(': ')[0])).toEqual(findings.map((f) => f.replace(' ', ' Shared ')));
    expect(native).toEqual(template);
  });

  it("a log group without a policy document has none; with one, restrict-trust's message", () => {
    expect(
      trust(modelFromPulumiResources([resource('aws-native:logs:LogGroup', 'app-logs', { logGroupName: 'app' })])),
    ).toEqual([]);
    expect(
      trust(
        modelFromPulumiResources([
          resource('aws-native:logs:LogGroup', 'app-logs', { resourcePolicyDocument: open('logs:PutLogEvents') }),
        ]),
      ),
    ).toEqual([
      'mandatory app-logs Principal::*: Resource policy app-logs allows any AWS principal (Principal: "*") Action ' +
        'logs:PutLogEvents on <Arn of app-logs>, and no condition narrows it: anyone, in any account, may do that. ' +
        'Narrow Principal to the own account or accounts the catalog lists under trust.accounts, or add a condition ' +
        'on aws:PrincipalAccount or aws:PrincipalOrgID (StringEquals aws:PrincipalOrgID: <your organization>); for ' +
        'an AWS service that delivers to the resource, name the service and add aws:SourceAccount or aws:SourceArn.',
    ]);
  });

  it('every CloudFormation type read has its aws-native spelling, named as aws-native names it', () => {
    expect(Object.keys(AWS_NATIVE_RESOURCE_POLICIES)).toHaveLength(
      Object.keys(CLOUDFORMATION_RESOURCE_POLICIES).length,
    );
    expect(Object.keys(AWS_NATIVE_NESTED_RESOURCE_POLICIES)).toHaveLength(
      Object.keys(CLOUDFORMATION_NESTED_RESOURCE_POLICIES).length,
    );
    expect(Object.keys(AWS_NATIVE_PRINCIPAL_GRANTS)).toHaveLength(
      Object.keys(PRINCIPAL_GRANTS).filter((type) => type.startsWith('AWS::')).length,
    );
    expect(AWS_NATIVE_RESOURCE_POLICIES['aws-native:s3tables:TableBucketPolicy']).toEqual({
      document: 'resourcePolicy',
      attachedTo: { kind: 'arn', property: 'tableBucketArn' },
    });
    expect(AWS_NATIVE_RESOURCE_POLICIES['aws-native:secretsmanager:ResourcePolicy']).toEqual({
      document: 'resourcePolicy',
      attachedTo: { kind: 'arn', property: 'secretId' },
    });
    expect(AWS_NATIVE_RESOURCE_POLICIES['aws-native:smsvoice:ResourcePolicy']?.document).toBe('policyDocument');
    expect(AWS_NATIVE_NESTED_RESOURCE_POLICIES['aws-native:redshiftserverless:Namespace']).toEqual([
      { path: ['namespaceResourcePolicy'], attribute: 'Namespace.NamespaceArn', output: ['namespace', 'namespaceArn'] },
    ]);
    expect(AWS_NATIVE_STATEMENT_POLICIES['aws-native:events:EventBusPolicy']?.statement).toBe('statement');
    expect(AWS_NATIVE_LAMBDA_PERMISSIONS['aws-native:lambda:Permission']).toMatchObject({
      function: 'functionName',
      principalOrgId: 'principalOrgId',
    });
  });

  it("a nested policy is on the ARN the resource's output holds, once known", () => {
    const model = modelFromPulumiResources([
      resource('aws-native:redshiftserverless:Namespace', 'analytics', {
        namespaceName: 'analytics',
        namespaceResourcePolicy: toOther('redshift:CreateInboundIntegration'),
        namespace: { namespaceArn: 'arn:aws:redshift-serverless:eu-west-1:111122223333:namespace/0a1b' },
      }),
    ]);
    expect(trust(model)).toEqual([
      `mandatory analytics Account::${OTHER}: Resource policy analytics allows account ${OTHER} ` +
        `(arn:aws:iam::${OTHER}:root) Action redshift:CreateInboundIntegration on ` +
        'arn:aws:redshift-serverless:eu-west-1:111122223333:namespace/0a1b, but no catalog was given, so the account ' +
        'cannot be checked against trusted accounts. Pass a catalog that lists it under trust.accounts.',
    ]);
  });

  it('the audit names each as the CloudFormation type it spells', () => {
    expect([
      resourcePolicyLabel({ type: 'aws-native:kms:Key', name: 'ledger' })?.label,
      resourcePolicyLabel({ type: 'aws-native:s3:BucketPolicy', name: 'exports-policy' })?.label,
      resourcePolicyLabel({ type: 'aws-native:lambda:LayerVersionPermission', name: 'utils' })?.label,
      resourcePolicyLabel({ type: 'aws-native:secretsmanager:ResourcePolicy', name: 'db' })?.label,
    ]).toEqual(['key policy of ledger', 'bucket policy exports-policy', 'layer policy utils', 'secret policy db']);
  });
});
