/**
 * The IAM action of an AWS SDK call as a CDK AwsCustomResource names it (iam/aws/sdk-calls.ts), named as aws-cdk-lib's
 * own tables name it (data/aws-sdk-services.json), and whether the call changes access.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { accessChangeOf, iamActionOfSdkCall } from '../../src/iam/aws/sdk-calls.js';

describe('iamActionOfSdkCall', () => {
  it.each([
    // v2 client names and operations, as most AwsCustomResource calls are written
    ['IAM', 'createAccessKey', 'iam:CreateAccessKey'],
    ['SecretsManager', 'putResourcePolicy', 'secretsmanager:PutResourcePolicy'],
    // v3 package names and command classes
    ['@aws-sdk/client-iam', 'AttachRolePolicyCommand', 'iam:AttachRolePolicy'],
    ['iam', 'PutRolePolicy', 'iam:PutRolePolicy'],
    // a v2 name the CDK maps to another v3 client, and a client whose IAM prefix is not its name
    ['ApiGateway', 'getRestApis', 'apigateway:GetRestApis'],
    ['AMP', 'listWorkspaces', 'aps:ListWorkspaces'],
    // an operation whose own name ends in Command keeps it
    ['SSM', 'SendCommand', 'ssm:SendCommand'],
    ['ssm', 'sendCommand', 'ssm:SendCommand'],
  ])('%s %s is %s', (service, action, expected) => {
    expect(iamActionOfSdkCall(service, action)).toBe(expected);
  });
});

describe('accessChangeOf', () => {
  it.each([
    // Permissions management, in any service
    ['iam:AttachRolePolicy', 'permissions'],
    ['iam:UpdateAssumeRolePolicy', 'permissions'],
    ['kms:CreateGrant', 'permissions'],
    ['s3:PutBucketPolicy', 'permissions'],
    ['lambda:AddPermission', 'permissions'],
    // writes of identity services: users, keys, secrets, Identity Center assignments
    ['iam:CreateAccessKey', 'identities'],
    ['iam:CreateUser', 'identities'],
    ['iam:AddUserToGroup', 'identities'],
    ['secretsmanager:CreateSecret', 'identities'],
    ['sso:CreateAccountAssignment', 'identities'],
    ['identitystore:CreateGroupMembership', 'identities'],
    // an operation of an identity service the action data does not know: nothing says it makes nothing
    ['iam:CreateShadowAdmin', 'unknown'],
  ])('%s changes access: %s', (action, expected) => {
    expect(accessChangeOf(action)).toBe(expected);
  });

  it.each([
    'lambda:InvokeFunction',
    'ssm:GetParameter',
    'kms:ReplicateKey',
    's3vectors:CreateVectorBucket',
    'iam:GetRole',
    'iam:TagRole',
    // an operation of another service that the data does not know (the sample's createVectorIndex: S3 Vectors has CreateIndex)
    's3vectors:CreateVectorIndex',
    // a vended log delivery's authorization, which the data classes as Permissions management: it changes no access
    'bedrock:AllowVendedLogDeliveryForResource',
    'ecs:AllowVendedLogDeliveryForResource',
  ])('%s changes none', (action) => {
    expect(accessChangeOf(action)).toBeUndefined();
  });
});

describe('data/aws-sdk-services.json', () => {
  it("is the installed aws-cdk-lib's AwsCustomResource tables (scripts/refresh-aws-sdk-services.mjs after an update)", () => {
    const read = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
    const data = read(new URL('../../data/aws-sdk-services.json', import.meta.url).pathname) as {
      source: { version: string };
      v2ToV3: Record<string, string>;
      clients: Record<string, { iamPrefix?: string; commands?: string[] }>;
    };
    const library = dirname(createRequire(import.meta.url).resolve('aws-cdk-lib/package.json'));
    const tables = join(library, 'custom-resources', 'lib', 'helpers-internal');
    expect(data.source.version).toBe((read(join(library, 'package.json')) as { version: string }).version);
    expect(data.v2ToV3).toEqual(read(join(tables, 'sdk-v2-to-v3.json')));
    // The CDK's metadata with the clients that name no prefix written as an empty entry.
    const metadata = read(join(tables, 'sdk-v3-metadata.json')) as Record<string, object>;
    expect(data.clients).toEqual(metadata);
  });
});
