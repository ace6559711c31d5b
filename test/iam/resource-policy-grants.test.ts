import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePolicyDocument } from '../../src/iam/aws/document.js';
import { addResourcePolicyGrants, type ResourcePolicy } from '../../src/iam/aws/resource-policy-grants.js';
import { unknownValue, type Identity, type PolicyStatement } from '../../src/model/model.js';

const OWN = 'arn:aws:iam::<own-account>:role';

function role(name: string): Identity {
  return {
    id: `s/${name}`,
    cloud: 'aws',
    kind: 'aws-role',
    name,
    resource: { type: 'AWS::IAM::Role', name },
    arn: `${OWN}/${name}`,
    tags: {},
    grants: [],
    credentials: [],
    attachments: [],
  } as Identity;
}

function keyPolicy(...statements: Record<string, unknown>[]): ResourcePolicy {
  return {
    source: { type: 'AWS::KMS::Key', name: 'Key' },
    document: parsePolicyDocument({ Version: '2012-10-17', Statement: statements }),
    attachedTo: ['<Arn of Key>'],
  };
}

describe('addResourcePolicyGrants', () => {
  it('grants a statement that names a role of the change to it, without its principal and on the resource it is on', () => {
    const app = role('app');
    addResourcePolicyGrants(
      [app],
      [keyPolicy({ Effect: 'Allow', Principal: { AWS: `${OWN}/app` }, Action: 'kms:Decrypt', Resource: '*' })],
    );
    expect(app.grants).toEqual([
      {
        kind: 'aws-policy',
        source: { type: 'AWS::KMS::Key', name: 'Key' },
        fromResourcePolicy: true,
        document: { statements: [{ effect: 'Allow', action: ['kms:Decrypt'], resource: ['<Arn of Key>'] }] },
      },
    ]);
  });

  it('keeps the resources, conditions and effect a statement writes', () => {
    const app = role('app');
    const bucket: ResourcePolicy = {
      source: { type: 'AWS::S3::BucketPolicy', name: 'BucketPolicy' },
      document: parsePolicyDocument({
        Statement: [
          {
            Effect: 'Allow',
            Principal: { AWS: [`${OWN}/app`] },
            Action: ['s3:GetObject'],
            Resource: 'arn:aws:s3:::reports/*',
            Condition: { Bool: { 'aws:SecureTransport': 'true' } },
          },
          {
            Effect: 'Deny',
            Principal: { AWS: `${OWN}/app` },
            Action: 's3:DeleteObject',
            Resource: 'arn:aws:s3:::reports/*',
          },
        ],
      }),
      attachedTo: ['arn:aws:s3:::reports'],
    };
    addResourcePolicyGrants([app], [bucket]);
    expect(app.grants.map((grant) => grant.kind === 'aws-policy' && grant.document.statements)).toEqual([
      [
        {
          effect: 'Allow',
          action: ['s3:GetObject'],
          resource: ['arn:aws:s3:::reports/*'],
          condition: { Bool: { 'aws:SecureTransport': ['true'] } },
        },
        { effect: 'Deny', action: ['s3:DeleteObject'], resource: ['arn:aws:s3:::reports/*'] },
      ],
    ]);
  });

  it('grants no identity of the change in particular through everyone, an account, a service or a role it does not create', () => {
    const app = role('app');
    addResourcePolicyGrants(
      [app],
      [
        keyPolicy(
          { Effect: 'Allow', Principal: '*', Action: 'kms:*', Resource: '*' },
          { Effect: 'Allow', Principal: { AWS: '*' }, Action: 'kms:*', Resource: '*' },
          { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::<own-account>:root' }, Action: 'kms:*', Resource: '*' },
          { Effect: 'Allow', Principal: { Service: 'logs.amazonaws.com' }, Action: 'kms:Encrypt', Resource: '*' },
          { Effect: 'Allow', Principal: { AWS: `${OWN}/outside` }, Action: 'kms:*', Resource: '*' },
          { Effect: 'Allow', NotPrincipal: { AWS: `${OWN}/other` }, Action: 'kms:*', Resource: '*' },
        ),
      ],
    );
    expect(app.grants).toEqual([]);
  });

  it('matches a role written in an account the change is known to deploy into (Pulumi)', () => {
    const app = role('app');
    addResourcePolicyGrants(
      [app],
      [keyPolicy({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:role/app' }, Action: 'kms:Decrypt' })],
      ['123456789012'],
    );
    expect(app.grants).toHaveLength(1);
  });

  it('reads a role written in a literal account as the change’s own role only while the own account is not known', () => {
    const written = {
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::111122223333:role/app' },
      Action: 'kms:Decrypt',
    };
    const unknownAccount = role('app');
    addResourcePolicyGrants([unknownAccount], [keyPolicy(written)]);
    expect(unknownAccount.grants).toHaveLength(1);
    const otherAccount = role('app');
    addResourcePolicyGrants([otherAccount], [keyPolicy(written)], ['444455556666']);
    expect(otherAccount.grants).toEqual([]);
  });

  it('grants a statement that names a session of a role of the change (assumed-role ARN) to the role, path or not', () => {
    const app = role('app');
    const deep = { ...role('deep'), arn: `${OWN}/team/a/deep` } as Identity;
    const other = role('other');
    addResourcePolicyGrants(
      [app, deep, other],
      [
        keyPolicy(
          {
            Effect: 'Allow',
            Principal: { AWS: 'arn:aws:sts::<own-account>:assumed-role/app/batch' },
            Action: 'kms:Decrypt',
            Resource: '*',
          },
          // A literal account while the own one is not known, as a role's ARN is read.
          {
            Effect: 'Allow',
            Principal: { AWS: 'arn:aws:sts::111122223333:assumed-role/deep/any' },
            Action: 'kms:Encrypt',
            Resource: '*',
          },
          // The session's ARN names the role, never the path: `team/a/deep` is no role name.
          {
            Effect: 'Allow',
            Principal: { AWS: 'arn:aws:sts::<own-account>:assumed-role/outside/s' },
            Action: 'kms:*',
            Resource: '*',
          },
        ),
      ],
    );
    const actions = (identity: Identity) =>
      identity.grants.flatMap((grant) =>
        grant.kind === 'aws-policy' ? grant.document.statements.flatMap((statement) => statement.action) : [],
      );
    expect(app.grants).toEqual([
      {
        kind: 'aws-policy',
        source: { type: 'AWS::KMS::Key', name: 'Key' },
        fromResourcePolicy: true,
        document: { statements: [{ effect: 'Allow', action: ['kms:Decrypt'], resource: ['<Arn of Key>'] }] },
      },
    ]);
    expect(actions(deep)).toEqual(['kms:Encrypt']);
    expect(other.grants).toEqual([]);
  });

  it('reads a session in another account than the known own one as no role of the change', () => {
    const app = role('app');
    addResourcePolicyGrants(
      [app],
      [
        keyPolicy({
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:sts::444455556666:assumed-role/app/s' },
          Action: 'kms:*',
        }),
      ],
      ['123456789012'],
    );
    expect(app.grants).toEqual([]);
    addResourcePolicyGrants(
      [app],
      [
        keyPolicy({
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:sts::123456789012:assumed-role/app/s' },
          Action: 'kms:*',
        }),
      ],
      ['123456789012'],
    );
    expect(app.grants).toHaveLength(1);
  });

  it('grants a statement open to everyone to the roles its aws:PrincipalArn condition admits, and to no other', () => {
    const [app, batch, other] = [role('payments-app'), role('payments-batch'), role('other')];
    const actions = (identity: Identity) =>
      identity.grants.flatMap((grant) =>
        grant.kind === 'aws-policy' ? grant.document.statements.flatMap((statement) => statement.action) : [],
      );
    addResourcePolicyGrants(
      [app, batch, other],
      [
        keyPolicy(
          {
            Effect: 'Allow',
            Principal: '*',
            Action: 'kms:Decrypt',
            Resource: '*',
            Condition: { ArnEquals: { 'aws:PrincipalArn': `${OWN}/payments-app` } },
          },
          // ArnLike (and ArnEquals) match with wildcards; the key's name is case-insensitive.
          {
            Effect: 'Allow',
            Principal: { AWS: '*' },
            Action: 'kms:Encrypt',
            Resource: '*',
            Condition: { ArnLike: { 'AWS:PrincipalArn': 'arn:aws:iam::*:role/payments-*' } },
          },
          // A literal account while the own one is not known, read as the own one.
          {
            Effect: 'Allow',
            Principal: '*',
            Action: 'kms:ReEncrypt*',
            Resource: '*',
            Condition: {
              StringEqualsIfExists: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/payments-batch' },
            },
          },
          // Conditions on anything else, or operators that admit other principals, name no role.
          {
            Effect: 'Allow',
            Principal: '*',
            Action: 'kms:*',
            Resource: '*',
            Condition: {
              StringEquals: { 'aws:PrincipalAccount': '<own-account>' },
              ArnNotEquals: { 'aws:PrincipalArn': `${OWN}/outside` },
            },
          },
        ),
      ],
    );
    expect(app.grants).toEqual([
      {
        kind: 'aws-policy',
        source: { type: 'AWS::KMS::Key', name: 'Key' },
        fromResourcePolicy: true,
        document: {
          statements: [
            {
              effect: 'Allow',
              action: ['kms:Decrypt'],
              resource: ['<Arn of Key>'],
              condition: { ArnEquals: { 'aws:PrincipalArn': [`${OWN}/payments-app`] } },
            },
            {
              effect: 'Allow',
              action: ['kms:Encrypt'],
              resource: ['<Arn of Key>'],
              condition: { ArnLike: { 'AWS:PrincipalArn': ['arn:aws:iam::*:role/payments-*'] } },
            },
          ],
        },
      },
    ]);
    expect(actions(batch)).toEqual(['kms:Encrypt', 'kms:ReEncrypt*']);
    expect(other.grants).toEqual([]);
  });

  it('reads aws:PrincipalArn under every operator that admits only the values (ForAnyValue:, IgnoreCase) as trust does', () => {
    const [app, batch, other] = [role('payments-app'), role('payments-batch'), role('other')];
    addResourcePolicyGrants(
      [app, batch, other],
      [
        keyPolicy(
          {
            Effect: 'Allow',
            Principal: '*',
            Action: 'kms:Decrypt',
            Resource: '*',
            Condition: { 'ForAnyValue:StringLike': { 'aws:PrincipalArn': `${OWN}/payments-a*` } },
          },
          {
            Effect: 'Allow',
            Principal: '*',
            Action: 'kms:Encrypt',
            Resource: '*',
            Condition: { StringEqualsIgnoreCase: { 'aws:PrincipalArn': `${OWN}/payments-batch` } },
          },
          // ForAllValues: admits requests without the key as well as others: it names no role.
          {
            Effect: 'Allow',
            Principal: '*',
            Action: 'kms:*',
            Resource: '*',
            Condition: { 'ForAllValues:StringEquals': { 'aws:PrincipalArn': `${OWN}/other` } },
          },
        ),
      ],
    );
    const actions = (identity: Identity) =>
      identity.grants.flatMap((grant) =>
        grant.kind === 'aws-policy' ? grant.document.statements.flatMap((statement) => statement.action) : [],
      );
    expect(actions(app)).toEqual(['kms:Decrypt']);
    expect(actions(batch)).toEqual(['kms:Encrypt']);
    expect(other.grants).toEqual([]);
  });

  it('gives what a principal not known yet may grant to each identity the document waits for', () => {
    const [app, other] = [role('app'), role('other')];
    const pending = unknownValue('output of aws:iam/role:Role app.arn');
    const policy: ResourcePolicy = {
      ...keyPolicy(),
      document: {
        statements: [
          { effect: 'Allow', principal: { AWS: [pending] }, action: ['kms:Decrypt'], resource: ['*'] },
          { effect: 'Allow', principal: { Service: ['logs.amazonaws.com'] }, action: ['kms:Encrypt'], resource: ['*'] },
        ],
      },
      dependsOn: [app],
    };
    addResourcePolicyGrants([app, other], [policy]);
    expect(app.grants).toEqual([
      {
        kind: 'aws-policy',
        source: { type: 'AWS::KMS::Key', name: 'Key' },
        fromResourcePolicy: true,
        document: { statements: [{ effect: 'Allow', action: ['kms:Decrypt'], resource: ['<Arn of Key>'] }] },
      },
    ]);
    expect(other.grants).toEqual([]);
  });

  it('gives a document not known at all, as it is, to each identity it waits for, and to no other', () => {
    const [app, other] = [role('app'), role('other')];
    const document = parsePolicyDocument(unknownValue('output of aws:iam/role:Role app.arn'));
    addResourcePolicyGrants([app, other], [{ ...keyPolicy(), document, dependsOn: [app] }]);
    expect(app.grants).toEqual([
      { kind: 'aws-policy', source: { type: 'AWS::KMS::Key', name: 'Key' }, document, fromResourcePolicy: true },
    ]);
    expect(document.unreadable).toBeDefined();
    expect(other.grants).toEqual([]);
  });

  it('gives each policy one grant per identity it names, with only the statements that name it', () => {
    const [a, b] = [role('a'), role('b')];
    addResourcePolicyGrants(
      [a, b],
      [
        keyPolicy(
          { Effect: 'Allow', Principal: { AWS: [`${OWN}/a`, `${OWN}/b`] }, Action: 'kms:Decrypt', Resource: '*' },
          { Effect: 'Allow', Principal: { AWS: `${OWN}/b` }, Action: 'kms:Encrypt', Resource: '*' },
        ),
      ],
    );
    const actions = (identity: Identity) =>
      identity.grants.flatMap((grant) =>
        grant.kind === 'aws-policy' ? grant.document.statements.flatMap((statement) => statement.action) : [],
      );
    expect(actions(a)).toEqual(['kms:Decrypt']);
    expect(actions(b)).toEqual(['kms:Decrypt', 'kms:Encrypt']);
  });

  it('property: an identity is granted exactly the statements whose principals name its ARN', () => {
    const names = ['a', 'b', 'c'];
    const principal = fc.oneof(
      fc.constantFrom(...names.map((name) => `${OWN}/${name}`)),
      fc.constantFrom('*', 'arn:aws:iam::<own-account>:root', 'arn:aws:iam::444455556666:role/a', `${OWN}/outside`),
    );
    const statement = fc.record({
      Effect: fc.constantFrom('Allow', 'Deny'),
      Principal: fc.array(principal, { minLength: 1, maxLength: 3 }).map((AWS) => ({ AWS })),
      Action: fc.constantFrom('kms:Decrypt', 'kms:*', 's3:GetObject'),
      Resource: fc.constantFrom('*', 'arn:aws:s3:::b/*'),
    });
    fc.assert(
      fc.property(fc.array(statement, { maxLength: 8 }), (statements) => {
        const identities = names.map(role);
        const policy = keyPolicy(...statements);
        // The own account known, so a role of another account is not the change's.
        addResourcePolicyGrants(identities, [policy], ['123456789012']);
        for (const identity of identities) {
          const expected: PolicyStatement[] = policy.document.statements
            .filter((s) => s.principal !== '*' && (s.principal?.AWS ?? []).includes(identity.arn as string))
            .map(({ principal: _principal, ...rest }) =>
              rest.resource?.every((value) => value === '*') ? { ...rest, resource: ['<Arn of Key>'] } : rest,
            );
          const granted = identity.grants.flatMap((grant) =>
            grant.kind === 'aws-policy' ? grant.document.statements : [],
          );
          expect(granted).toEqual(expected);
          expect(identity.grants.length).toBe(expected.length > 0 ? 1 : 0);
        }
      }),
    );
  });
});
