/**
 * Waivers bound to the identity a finding is about (issue 24 item 1, issue 18 item 5): an exception's target binds
 * only through names the catalog controls (catalog id, physical name, ARN, `path:` construct path, URN), never through
 * a bare logical id or Pulumi resource name, and never through the key, policy or attachment the finding points at.
 * Each case runs the real adapters and the full rule set; the front-end cases are in test/cli, test/cdk and test/pulumi.
 */
import { describe, expect, it } from 'vitest';
import type { Catalog, CatalogException, CatalogIdentity } from '../../catalog/types.js';
import { modelFromTemplates } from '../../src/adapters/cloudformation/to-model.js';
import { parseManifests } from '../../src/adapters/kubernetes/load.js';
import { modelFromKubernetesObjects } from '../../src/adapters/kubernetes/to-model.js';
import { modelFromPulumiResources } from '../../src/adapters/pulumi/index.js';
import { evaluate } from '../../src/engine/index.js';
import type { Finding } from '../../src/model/finding.js';
import type { Model } from '../../src/model/model.js';
import { catalog as testCatalog } from '../support/builders.js';

const NOW = new Date('2026-06-01T00:00:00Z');
const RULE = 'no-long-lived-credentials';

const exception = (target: string, id = 'EXC-1'): CatalogException => ({
  id,
  rule: RULE,
  target,
  reason: 'vendor cannot federate',
  owner: 'team-data',
  approvedBy: 'security-lead@example.com',
  expires: '2027-01-31',
});

function catalogWith(exceptions: CatalogException[], identities: CatalogIdentity[] = []): Catalog {
  return testCatalog({ owners: [{ id: 'team-data' }], identities, exceptions });
}

/** The no-long-lived-credentials findings, as (resource, identity, waivedBy, waiverTarget). */
function keyFindings(
  model: Model,
  catalog: Catalog,
): (Pick<Finding, 'identity' | 'waivedBy' | 'waiverTarget'> & { resource: string })[] {
  return evaluate(model, { catalog, now: NOW })
    .findings.filter((finding) => finding.ruleId === RULE && finding.detail === 'Credential::aws-access-key')
    .map((finding) => ({
      resource: finding.resource.name,
      identity: finding.identity,
      waivedBy: finding.waivedBy,
      waiverTarget: finding.waiverTarget,
    }));
}

/** A user and an access key for it, as CloudFormation (and cdk.out, with paths) writes them. */
function userWithKey(options: {
  userLogicalId: string;
  userName?: string;
  keyLogicalId: string;
  paths?: boolean;
}): Model {
  const template = {
    Resources: {
      [options.userLogicalId]: {
        Type: 'AWS::IAM::User',
        Properties: options.userName ? { UserName: options.userName } : {},
        ...(options.paths ? { Metadata: { 'aws:cdk:path': `Payments/${options.userLogicalId}/Resource` } } : {}),
      },
      [options.keyLogicalId]: {
        Type: 'AWS::IAM::AccessKey',
        Properties: { UserName: { Ref: options.userLogicalId } },
        ...(options.paths ? { Metadata: { 'aws:cdk:path': `Payments/${options.keyLogicalId}/Resource` } } : {}),
      },
    },
  };
  return modelFromTemplates([{ stack: 'Payments', file: 'payments.template.json', template }]);
}

describe('an exception binds to the identity a finding is about, through names the catalog controls', () => {
  it('does not waive a key named after the target: the key is not the identity (problem list: "Waivers can be spoofed")', () => {
    const model = userWithKey({ userLogicalId: 'CiBot', userName: 'ci-bot', keyLogicalId: 'legacy-sftp-sync' });
    expect(keyFindings(model, catalogWith([exception('legacy-sftp-sync')]))).toEqual([
      { resource: 'legacy-sftp-sync', identity: 'Payments/CiBot', waivedBy: undefined, waiverTarget: 'ci-bot' },
    ]);
  });

  it('does not waive a key whose user the change only names through the key (an unresolved user is named after nothing the catalog controls)', () => {
    const template = {
      Resources: {
        'legacy-sftp-sync': { Type: 'AWS::IAM::AccessKey', Properties: { UserName: { 'Fn::ImportValue': 'ci-user' } } },
      },
    };
    const model = modelFromTemplates([{ stack: 'Payments', template }]);
    expect(keyFindings(model, catalogWith([exception('legacy-sftp-sync'), exception('Payments/*', 'EXC-2')]))).toEqual([
      {
        resource: 'legacy-sftp-sync',
        identity: 'Payments/external-user:legacy-sftp-sync',
        waivedBy: undefined,
        waiverTarget: undefined,
      },
    ]);
  });

  it('does not bind to a bare logical id: a new identity with a generated name named like the target inherits nothing', () => {
    const model = userWithKey({ userLogicalId: 'LegacySftpSync', keyLogicalId: 'Key' });
    expect(keyFindings(model, catalogWith([exception('LegacySftpSync')]))).toEqual([
      {
        resource: 'Key',
        identity: 'Payments/LegacySftpSync',
        waivedBy: undefined,
        waiverTarget: 'stack:Payments/LegacySftpSync',
      },
    ]);
  });

  it.each([
    ['its physical name', 'legacy-sftp-sync'],
    ['a glob over its physical name', 'legacy-sftp-*'],
    ['its ARN, any account', 'arn:aws:iam::*:user/legacy-sftp-sync'],
    ['its construct path (the construct the user wrote)', 'path:Payments/LegacyUser'],
    ['its construct path (the L1 resource)', 'path:Payments/LegacyUser/Resource'],
    ['a glob over construct paths of its stack', 'path:Payments/Legacy*'],
  ])('waives through %s', (_, target) => {
    const model = userWithKey({
      userLogicalId: 'LegacyUser',
      userName: 'legacy-sftp-sync',
      keyLogicalId: 'Key',
      paths: true,
    });
    expect(keyFindings(model, catalogWith([exception(target)]))).toEqual([
      { resource: 'Key', identity: 'Payments/LegacyUser', waivedBy: 'EXC-1', waiverTarget: 'path:Payments/LegacyUser' },
    ]);
  });

  it.each([
    ["the key's construct path", 'path:Payments/Key'],
    ["the key's logical id", 'Key'],
    ["the user's logical id", 'LegacyUser'],
    ['a physical name written as a construct path', 'path:legacy-sftp-sync'],
    ['a construct path written without path:', 'Payments/LegacyUser'],
    ['an ARN in another account', 'arn:aws:iam::999988887777:user/legacy-sftp-sync'],
  ])('does not waive through %s', (_, target) => {
    const model = userWithKey({
      userLogicalId: 'LegacyUser',
      userName: 'legacy-sftp-sync',
      keyLogicalId: 'Key',
      paths: true,
    });
    expect(keyFindings(model, catalogWith([exception(target)]))[0]!.waivedBy).toBeUndefined();
  });

  it('matches an ARN in a literal account when the plan says which account it deploys to', () => {
    const model = {
      ...userWithKey({ userLogicalId: 'LegacyUser', userName: 'legacy-sftp-sync', keyLogicalId: 'Key' }),
      accountIds: ['111122223333'],
    };
    expect(
      keyFindings(model, catalogWith([exception('arn:aws:iam::111122223333:user/legacy-sftp-sync')]))[0]!.waivedBy,
    ).toBe('EXC-1');
    expect(
      keyFindings(model, catalogWith([exception('arn:aws:iam::999988887777:user/legacy-sftp-sync')]))[0]!.waivedBy,
    ).toBeUndefined();
  });

  it('binds the catalog id only when the record matched the identity through a binding name, not a bare logical id or tags', () => {
    const record = (match: CatalogIdentity['match']): CatalogIdentity => ({
      id: 'legacy-vendor',
      match,
      owner: 'team-data',
      class: 'service',
      entitlements: [],
    });
    const named = userWithKey({
      userLogicalId: 'LegacyUser',
      userName: 'legacy-sftp-sync',
      keyLogicalId: 'Key',
      paths: true,
    });
    const target = [exception('legacy-vendor')];
    expect(keyFindings(named, catalogWith(target, [record({ name: 'legacy-sftp-sync' })]))[0]).toMatchObject({
      waivedBy: 'EXC-1',
      waiverTarget: 'legacy-vendor',
    });
    expect(keyFindings(named, catalogWith(target, [record({ name: 'path:Payments/LegacyUser' })]))[0]).toMatchObject({
      waivedBy: 'EXC-1',
      waiverTarget: 'legacy-vendor',
    });
    // Matched by the bare logical id: the record's facts apply (as tags would), its id binds no waiver (its own location would).
    const unnamed = userWithKey({ userLogicalId: 'LegacyUser', keyLogicalId: 'Key' });
    expect(keyFindings(unnamed, catalogWith(target, [record({ name: 'LegacyUser' })]))[0]).toMatchObject({
      waivedBy: undefined,
      waiverTarget: 'stack:Payments/LegacyUser',
    });
    expect(keyFindings(unnamed, catalogWith(target, [record({ name: 'stack:Payments/LegacyUser' })]))[0]).toMatchObject(
      { waivedBy: 'EXC-1', waiverTarget: 'legacy-vendor' },
    );
    const tagged = modelFromTemplates([
      {
        stack: 'Payments',
        template: {
          Resources: {
            LegacyUser: { Type: 'AWS::IAM::User', Properties: { Tags: [{ Key: 'vendor', Value: 'sftp' }] } },
            Key: { Type: 'AWS::IAM::AccessKey', Properties: { UserName: { Ref: 'LegacyUser' } } },
          },
        },
      },
    ]);
    expect(keyFindings(tagged, catalogWith(target, [record({ tags: { vendor: 'sftp' } })]))[0]).toMatchObject({
      waivedBy: undefined,
    });
  });

  it('keeps path: targets and plain names apart: a secret named with "/" binds by its name, and a construct-path glob never reaches it', () => {
    const template = {
      Resources: {
        DbSecret: { Type: 'AWS::SecretsManager::Secret', Properties: { Name: 'Payments/db/password' } },
      },
    };
    const model = modelFromTemplates([{ stack: 'Payments', template }]);
    const rotation = (target: string) =>
      evaluate(model, {
        catalog: testCatalog({
          owners: [{ id: 'team-data' }],
          exceptions: [{ ...exception(target), rule: 'secret-rotation' }],
        }),
        now: NOW,
      }).findings.find((finding) => finding.ruleId === 'secret-rotation')!;
    expect(rotation('Payments/db/password')).toMatchObject({ waivedBy: 'EXC-1', waiverTarget: 'Payments/db/password' });
    expect(rotation('path:Payments/*').waivedBy).toBeUndefined();
    expect(rotation('DbSecret').waivedBy).toBeUndefined();
  });

  it('binds Pulumi findings by URN and physical name, never by the bare resource name', () => {
    const urn = (type: string, name: string) => `urn:pulumi:prod::payments::${type}::${name}`;
    const resources = [
      {
        type: 'aws:iam/user:User',
        name: 'legacy-sftp-sync',
        urn: urn('aws:iam/user:User', 'legacy-sftp-sync'),
        props: {},
      },
      {
        type: 'aws:iam/accessKey:AccessKey',
        name: 'key',
        urn: urn('aws:iam/accessKey:AccessKey', 'key'),
        props: { user: 'legacy-sftp-sync' },
        propertyDependencies: { user: [urn('aws:iam/user:User', 'legacy-sftp-sync')] },
      },
      {
        type: 'aws:iam/user:User',
        name: 'vendor',
        urn: urn('aws:iam/user:User', 'vendor'),
        props: { name: 'vendor-sync' },
      },
      {
        type: 'aws:iam/accessKey:AccessKey',
        name: 'vendor-key',
        urn: urn('aws:iam/accessKey:AccessKey', 'vendor-key'),
        props: { user: 'vendor-sync' },
        propertyDependencies: { user: [urn('aws:iam/user:User', 'vendor')] },
      },
    ];
    const model = modelFromPulumiResources(resources);
    const waived = (target: string) =>
      Object.fromEntries(
        keyFindings(model, catalogWith([exception(target)])).map((finding) => [finding.resource, finding.waivedBy]),
      );
    expect(waived('legacy-sftp-sync')).toEqual({ key: undefined, 'vendor-key': undefined });
    expect(waived('urn:pulumi:prod::payments::aws:iam/user:User::legacy-sftp-sync')).toEqual({
      key: 'EXC-1',
      'vendor-key': undefined,
    });
    expect(waived('vendor-sync')).toEqual({ key: undefined, 'vendor-key': 'EXC-1' });
    expect(waived('vendor')).toEqual({ key: undefined, 'vendor-key': undefined });
    expect(waived('urn:pulumi:prod::payments::aws:iam/accessKey:AccessKey::key')).toEqual({
      key: undefined,
      'vendor-key': undefined,
    });
    expect(keyFindings(model, catalogWith([])).map((finding) => finding.waiverTarget)).toEqual([
      'urn:pulumi:prod::payments::aws:iam/user:User::legacy-sftp-sync',
      // A physical name before the URN: the pack judges a key alone, where its user is known by name only.
      'vendor-sync',
    ]);
  });

  it('suggests, for every finding of the examples, a target that waives that finding when written as an exception', () => {
    for (const model of [
      userWithKey({ userLogicalId: 'LegacyUser', userName: 'legacy-sftp-sync', keyLogicalId: 'Key', paths: true }),
      userWithKey({ userLogicalId: 'CiBot', userName: 'ci-bot', keyLogicalId: 'legacy-sftp-sync' }),
    ]) {
      const findings = evaluate(model, { catalog: catalogWith([]), now: NOW }).findings.filter(
        (finding) => finding.waiverTarget !== undefined,
      );
      expect(findings.length).toBeGreaterThan(0);
      for (const finding of findings) {
        const waiver = { ...exception(finding.waiverTarget!), rule: finding.ruleId };
        const again = evaluate(model, { catalog: catalogWith([waiver]), now: NOW }).findings;
        expect(
          again.find(
            (other) =>
              other.ruleId === finding.ruleId &&
              other.detail === finding.detail &&
              other.resource.name === finding.resource.name,
          )!.waivedBy,
        ).toBe('EXC-1');
      }
    }
  });
});

/**
 * A plain input's identity binds by its own place, as a CDK app's binds by its construct path (issue 21): the stack
 * and logical id of a template without construct paths, the kind, namespace and name of a Kubernetes object. Never by
 * the place of the key or policy the finding points at, nor by a name the author writes in that form.
 */
describe('an identity of a plain input binds by its own location', () => {
  it.each([
    ['its stack and logical id', 'stack:Payments/LegacyUser'],
    ['a glob over its stack', 'stack:Payments/Legacy*'],
  ])('waives through %s', (_, target) => {
    const model = userWithKey({ userLogicalId: 'LegacyUser', keyLogicalId: 'Key' });
    expect(keyFindings(model, catalogWith([exception(target)]))).toEqual([
      {
        resource: 'Key',
        identity: 'Payments/LegacyUser',
        waivedBy: 'EXC-1',
        waiverTarget: 'stack:Payments/LegacyUser',
      },
    ]);
  });

  it.each([
    ["the key's location", 'stack:Payments/Key'],
    ['the same logical id in another stack', 'stack:Other/LegacyUser'],
    ['the location without stack:', 'Payments/LegacyUser'],
    ['the location as a construct path', 'path:Payments/LegacyUser'],
  ])('does not waive through %s', (_, target) => {
    const model = userWithKey({ userLogicalId: 'LegacyUser', keyLogicalId: 'Key' });
    expect(keyFindings(model, catalogWith([exception(target)]))[0]!.waivedBy).toBeUndefined();
  });

  it('does not waive another identity whose physical name is written as the location, nor a CDK resource by its stack and logical id', () => {
    const impostor = userWithKey({
      userLogicalId: 'Impostor',
      userName: 'stack:Payments/LegacyUser',
      keyLogicalId: 'Key',
    });
    expect(keyFindings(impostor, catalogWith([exception('stack:Payments/LegacyUser')]))).toEqual([
      {
        resource: 'Key',
        identity: 'Payments/Impostor',
        waivedBy: undefined,
        waiverTarget: 'arn:aws:iam::<own-account>:user/stack:Payments/LegacyUser',
      },
    ]);
    const cdk = userWithKey({ userLogicalId: 'LegacyUser', keyLogicalId: 'Key', paths: true });
    expect(keyFindings(cdk, catalogWith([exception('stack:Payments/LegacyUser')]))).toEqual([
      {
        resource: 'Key',
        identity: 'Payments/LegacyUser',
        waivedBy: undefined,
        waiverTarget: 'path:Payments/LegacyUser',
      },
    ]);
  });

  it('waives one key where an exception names it, and not a second key made for the same user', () => {
    const model = modelFromTemplates([
      {
        stack: 'Payments',
        template: {
          Resources: {
            LegacyUser: { Type: 'AWS::IAM::User', Properties: {} },
            Key: { Type: 'AWS::IAM::AccessKey', Properties: { UserName: { Ref: 'LegacyUser' } } },
            SecondKey: { Type: 'AWS::IAM::AccessKey', Properties: { UserName: { Ref: 'LegacyUser' } } },
          },
        },
      },
    ]);
    const named = {
      ...exception('stack:Payments/LegacyUser'),
      details: ['Credential::aws-access-key at stack:Payments/Key'],
    };
    expect(keyFindings(model, catalogWith([named])).map(({ resource, waivedBy }) => [resource, waivedBy])).toEqual([
      ['Key', 'EXC-1'],
      ['SecondKey', undefined],
    ]);
    // The detail alone (as a person may write it) still waives every key of the user.
    const any = { ...exception('stack:Payments/LegacyUser'), details: ['Credential::aws-access-key'] };
    expect(keyFindings(model, catalogWith([any])).map(({ waivedBy }) => waivedBy)).toEqual(['EXC-1', 'EXC-1']);
  });

  const manifests = [
    'apiVersion: rbac.authorization.k8s.io/v1',
    'kind: ClusterRole',
    'metadata: { name: everything }',
    'rules: [{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }]',
    '---',
    'apiVersion: v1',
    'kind: Secret',
    'metadata: { name: db-password, namespace: payments, labels: { owner: team-data } }',
    'stringData: { password: hunter2 }',
  ].join('\n');
  const k8s = () => modelFromKubernetesObjects(parseManifests(manifests, 'cluster.yaml'));
  const waived = (rule: string, target: string) =>
    evaluate(k8s(), { catalog: catalogWith([{ ...exception(target), rule }]), now: NOW })
      .findings.filter((finding) => finding.ruleId === rule && finding.level === 'mandatory')
      .map((finding) => [finding.resource.name, finding.detail, finding.waiverTarget, finding.waivedBy]);

  it('binds a cluster-scoped Kubernetes object by kind and name, a namespaced one by namespace, kind and name', () => {
    expect(waived('no-wildcard-privilege', 'k8s:ClusterRole/everything')).toEqual([
      ['everything', 'Route::wildcard', 'k8s:ClusterRole/everything', 'EXC-1'],
    ]);
    expect(waived('no-long-lived-credentials', 'k8s:payments/Secret/db-password')).toEqual([
      ['db-password', 'Secret::plaintext-value', 'k8s:payments/Secret/db-password', 'EXC-1'],
    ]);
  });

  it.each([
    ['no-wildcard-privilege', 'k8s:default/ClusterRole/everything'],
    ['no-wildcard-privilege', 'everything'],
    ['no-long-lived-credentials', 'k8s:default/Secret/db-password'],
    ['no-long-lived-credentials', 'k8s:Secret/db-password'],
    ['no-long-lived-credentials', 'db-password'],
  ])('does not waive %s through %s', (rule, target) => {
    expect(waived(rule, target).map((row) => row[3])).toEqual([undefined]);
  });
});
