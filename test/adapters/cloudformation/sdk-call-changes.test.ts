/**
 * AWS SDK calls that change a role, user, group or key rather than make a resource (sdk-call-changes.ts), as the model
 * builder gives them to what they name: each call of a custom resource read (Create and Update may differ), the trust
 * a call writes judged beside the template's, a call with a parameter beyond those read left unseen.
 */
import { describe, expect, it } from 'vitest';
import { modelFromTemplates } from '../../../src/adapters/cloudformation/to-model.js';
import type { CfnTemplate } from '../../../src/adapters/cloudformation/template.js';

const SERVICE_TOKEN = 'arn:aws:lambda:eu-west-1:111122223333:function:aws-custom-resource';

function callResource(create: Record<string, unknown>, update?: Record<string, unknown>) {
  return {
    Type: 'Custom::AWS',
    Properties: {
      ServiceToken: SERVICE_TOKEN,
      Create: JSON.stringify(create),
      ...(update ? { Update: JSON.stringify(update) } : {}),
      InstallLatestAwsSdk: false,
    },
  };
}

const worker = {
  Type: 'AWS::IAM::Role',
  Properties: {
    RoleName: 'worker',
    AssumeRolePolicyDocument: {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    },
  },
};

function model(resources: Record<string, unknown>) {
  return modelFromTemplates([{ stack: 'App', template: { Resources: resources } as CfnTemplate }]);
}

describe('SDK calls read as changes', () => {
  it('attaches what the Create call and a different Update call attach, each at the custom resource', () => {
    const attach = (PolicyArn: string) => ({
      service: 'IAM',
      action: 'attachRolePolicy',
      parameters: { RoleName: { 'Fn::Join': ['', [{ Ref: 'Worker' }]] }, PolicyArn },
    });
    const { identities, unseen } = model({
      Worker: worker,
      Attach: callResource(
        attach('arn:aws:iam::aws:policy/ReadOnlyAccess'),
        attach('arn:aws:iam::aws:policy/AdministratorAccess'),
      ),
    });
    expect(unseen).toBeUndefined();
    expect(
      identities
        .find(({ id }) => id === 'App/Worker')
        ?.grants.map((grant) => [grant.kind, grant.source.name, 'arn' in grant ? grant.arn : '']),
    ).toEqual([
      ['aws-managed-policy', 'Attach', 'arn:aws:iam::aws:policy/ReadOnlyAccess'],
      ['aws-managed-policy', 'Attach', 'arn:aws:iam::aws:policy/AdministratorAccess'],
    ]);
  });

  it("judges the trust an UpdateAssumeRolePolicy call writes beside the template's, which the role has until it runs", () => {
    const { identities } = model({
      Worker: worker,
      Trust: callResource({
        service: 'IAM',
        action: 'updateAssumeRolePolicy',
        parameters: {
          RoleName: 'worker',
          PolicyDocument: JSON.stringify({
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }],
          }),
        },
      }),
    });
    expect(
      identities.find(({ id }) => id === 'App/Worker')?.trustPolicy?.statements.map(({ principal }) => principal),
    ).toEqual([{ Service: ['lambda.amazonaws.com'] }, { AWS: ['*'] }]);
  });

  it('leaves unseen an attachment call with a parameter it does not read, and reads the same call without it', () => {
    const admin = 'arn:aws:iam::aws:policy/AdministratorAccess';
    const { identities, unseen } = model({
      Worker: worker,
      Attach: callResource({
        service: 'IAM',
        action: 'attachRolePolicy',
        parameters: { RoleName: 'worker', PolicyArn: admin, Extra: true },
      }),
      AttachRead: callResource({
        service: 'IAM',
        action: 'attachRolePolicy',
        parameters: { RoleName: 'worker', PolicyArn: admin },
      }),
    });
    expect(identities.find(({ id }) => id === 'App/Worker')?.grants.map(({ source }) => source.name)).toEqual([
      'AttachRead',
    ]);
    expect(unseen?.map(({ kind, what, resource }) => `${kind} ${what} ${resource.name}`)).toEqual([
      'sdk-call iam:AttachRolePolicy Attach',
    ]);
  });
});
