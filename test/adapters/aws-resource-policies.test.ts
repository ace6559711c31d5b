/**
 * What a resource policy is on, as aws/resource-policies.ts reads it from the name or id a policy resource holds, and
 * the one statement a Lambda permission writes into its function's policy.
 */
import { describe, expect, it } from 'vitest';
import {
  attachedArnOf,
  functionArnOf,
  LAMBDA_PERMISSIONS,
  lambdaPermissionDocument,
} from '../../src/adapters/aws/resource-policies.js';
import { isUnknown } from '../../src/model/model.js';

describe('the resource a policy resource names', () => {
  it('is, by name or id, that resource in the own account and region; an ARN as written', () => {
    expect([
      attachedArnOf('repository-name', 'payments-images'),
      attachedArnOf('public-repository-name', 'payments-sdk'),
      attachedArnOf('file-system-id', 'fs-0123456789abcdef0'),
      attachedArnOf('domain-name', 'payments'),
      attachedArnOf('rest-api-id', 'a1b2c3d4e5'),
      attachedArnOf('event-bus-name', 'payments'),
      attachedArnOf('event-bus-name', 'arn:aws:events:eu-west-1:111122223333:event-bus/payments'),
      attachedArnOf('backup-vault-name', 'payments'),
      attachedArnOf('directory-bucket-name', 'payments--use1-az4--x-s3'),
      attachedArnOf('object-lambda-access-point-name', 'payments-redacted'),
      attachedArnOf('log-destination-name', 'central-logs'),
      attachedArnOf('schema-registry-name', 'payments'),
      attachedArnOf('codeartifact-domain-name', 'payments'),
    ]).toEqual([
      'arn:aws:ecr:<own-region>:<own-account>:repository/payments-images',
      'arn:aws:ecr-public::<own-account>:repository/payments-sdk',
      'arn:aws:elasticfilesystem:<own-region>:<own-account>:file-system/fs-0123456789abcdef0',
      'arn:aws:es:<own-region>:<own-account>:domain/payments',
      'arn:aws:execute-api:<own-region>:<own-account>:a1b2c3d4e5/*',
      'arn:aws:events:<own-region>:<own-account>:event-bus/payments',
      'arn:aws:events:eu-west-1:111122223333:event-bus/payments',
      'arn:aws:backup:<own-region>:<own-account>:backup-vault:payments',
      'arn:aws:s3express:<own-region>:<own-account>:bucket/payments--use1-az4--x-s3',
      'arn:aws:s3-object-lambda:<own-region>:<own-account>:accesspoint/payments-redacted',
      'arn:aws:logs:<own-region>:<own-account>:destination:central-logs',
      'arn:aws:schemas:<own-region>:<own-account>:registry/payments',
      'arn:aws:codeartifact:<own-region>:<own-account>:domain/payments',
    ]);
  });

  it('is, for a Lambda permission, the function its FunctionName names in any of the forms Lambda takes', () => {
    expect([
      functionArnOf('payouts'),
      functionArnOf('payouts:live'),
      functionArnOf('111122223333:function:payouts'),
      functionArnOf('arn:aws:lambda:us-east-1:111122223333:function:payouts'),
    ]).toEqual([
      'arn:aws:lambda:<own-region>:<own-account>:function:payouts',
      'arn:aws:lambda:<own-region>:<own-account>:function:payouts:live',
      'arn:aws:lambda:<own-region>:111122223333:function:payouts',
      'arn:aws:lambda:us-east-1:111122223333:function:payouts',
    ]);
    const other = functionArnOf('https://example.com/payouts');
    expect(isUnknown(other) && other.description).toBe('the ARN of the Lambda function https://example.com/payouts');
  });
});

describe('the statement a Lambda permission writes', () => {
  const fields = LAMBDA_PERMISSIONS['AWS::Lambda::Permission']!;

  it('names a role or account as AWS, a service as Service, and narrows by source and organization', () => {
    expect(
      lambdaPermissionDocument(
        {
          Principal: 'arn:aws:iam::111122223333:role/caller',
          Action: 'lambda:InvokeFunction',
          FunctionName: 'payouts',
          PrincipalOrgID: 'o-a1b2c3d4e5',
        },
        fields,
      ),
    ).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::111122223333:role/caller' },
          Action: 'lambda:InvokeFunction',
          Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
        },
      ],
    });
    expect(
      lambdaPermissionDocument(
        {
          Principal: 's3.amazonaws.com',
          Action: 'lambda:InvokeFunction',
          SourceArn: 'arn:aws:s3:::uploads',
          SourceAccount: '111122223333',
        },
        fields,
      ).Statement,
    ).toEqual([
      {
        Effect: 'Allow',
        Principal: { Service: 's3.amazonaws.com' },
        Action: 'lambda:InvokeFunction',
        Condition: {
          ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::uploads' },
          StringEquals: { 'aws:SourceAccount': '111122223333' },
        },
      },
    ]);
    expect(lambdaPermissionDocument({ Principal: '*', Action: 'lambda:InvokeFunctionUrl' }, fields).Statement).toEqual([
      { Effect: 'Allow', Principal: '*', Action: 'lambda:InvokeFunctionUrl' },
    ]);
  });
});
