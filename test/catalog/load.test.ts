/** Valid catalogs: how file data becomes the Catalog the engine reads. */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CLASSES,
  DEFAULT_PRIVILEGED_ACTIONS,
  DEFAULT_TAG_KEYS,
  loadCatalog,
  parseCatalog,
} from '../../catalog/index.js';
import { fixture } from './support.js';

describe('JSON catalogs', () => {
  const catalog = loadCatalog(fixture('minimal.json'));

  it('load like YAML ones, $schema key included', () => {
    expect(catalog.source).toBe('test/catalog/fixtures/minimal.json');
    expect(catalog.owners).toEqual([{ id: 'team-payments' }]);
    expect(catalog.identities).toEqual([
      {
        id: 'payments-api',
        match: { name: 'payments-api-*' },
        owner: 'team-payments',
        class: 'service',
        entitlements: ['payments-read'],
      },
    ]);
    expect(catalog.classes.agent.maxSessionSeconds).toBe(15 * 60);
  });

  it('keep a leading zero in an account id', () => {
    expect(catalog.trust.accounts).toEqual([{ id: '012345678901', owner: 'team-payments' }]);
  });
});

describe('a catalog with only its apiVersion', () => {
  const catalog = parseCatalog('apiVersion: entitlement-guard/v1\n', 'bare.yaml');

  it('is not the default catalog, but holds the defaults', () => {
    expect(catalog).toEqual({
      apiVersion: 'entitlement-guard/v1',
      source: 'bare.yaml',
      isDefault: false,
      owners: [],
      classes: DEFAULT_CLASSES,
      privilegedActions: DEFAULT_PRIVILEGED_ACTIONS,
      entitlements: [],
      identities: [],
      trust: { accounts: [], organizations: [], oidc: [], identityProviders: [] },
      exceptions: [],
      exceptionPolicy: {},
      tags: DEFAULT_TAG_KEYS,
      rules: {},
    });
  });

  it('gets copies of the defaults, so changing it changes nothing else', () => {
    const changed = parseCatalog('apiVersion: entitlement-guard/v1\n', 'changed.yaml');
    changed.classes.agent.credentials.push('access-key');
    changed.privilegedActions[0]!.aws!.push('iam:Get*');
    expect(DEFAULT_CLASSES.agent.credentials).toEqual(['workload-identity', 'federated']);
    expect(DEFAULT_PRIVILEGED_ACTIONS[0]!.aws).not.toContain('iam:Get*');
  });
});

describe('merging over the defaults', () => {
  const catalog = loadCatalog(fixture('merge-over-defaults.yaml'));

  it('replaces class fields that are set and keeps the others', () => {
    expect(catalog.classes.agent).toEqual({ ...DEFAULT_CLASSES.agent, maxSessionSeconds: 900 });
    // Loosening is allowed when written out: here the service class may also hold certificates.
    expect(catalog.classes.service).toEqual({
      maxSessionSeconds: 3600,
      maxSecretAgeDays: 30,
      credentials: ['workload-identity', 'federated', 'secret', 'certificate'],
      standingPrivilege: false,
    });
    expect(catalog.classes.human).toEqual(DEFAULT_CLASSES.human);
  });

  it('replaces a built-in privileged action by id and appends new ones', () => {
    const assumeRole = catalog.privilegedActions.filter((action) => action.id === 'aws-sts-assume-role');
    expect(assumeRole).toEqual([
      {
        id: 'aws-sts-assume-role',
        category: 'privilege-escalation',
        description: 'Replaces the built-in entry of the same id',
        aws: ['sts:AssumeRole', 'sts:AssumeRoleWithSAML'],
      },
    ]);
    expect(catalog.privilegedActions).toHaveLength(DEFAULT_PRIVILEGED_ACTIONS.length + 1);
    expect(catalog.privilegedActions.at(-1)).toEqual({
      id: 'pii-export',
      category: 'data-exfiltration',
      aws: ['dynamodb:ExportTableToPointInTime'],
    });
  });

  it('merges tag keys one by one', () => {
    expect(catalog.tags).toEqual({ ...DEFAULT_TAG_KEYS, owner: 'example-co:owner' });
  });

  it('drops the https:// scheme from OIDC issuers, as trust policies name them', () => {
    expect(catalog.trust.oidc).toEqual([
      { issuer: 'token.actions.githubusercontent.com', subjects: ['repo:example-co/*:ref:refs/heads/main'] },
    ]);
  });
});

describe('a catalog `catalog init` wrote when the model named another resource as `${Name}`', () => {
  it("reads such a resource as the model's value of it now (`<id of Name>`, `<Attr of Name>`); IAM policy variables stay", () => {
    const catalog = parseCatalog(
      [
        'apiVersion: entitlement-guard/v1',
        'entitlements:',
        '  - id: worker-queue',
        '    classes: [service]',
        '    aws:',
        '      - actions: ["sqs:SendMessage", "s3:GetObject"]',
        '        resources:',
        '          - "arn:aws:sqs:us-east-1:111122223333:${Queue.QueueName}"',
        '          - "arn:aws:s3:::${Bucket}/${aws:username}/*"',
        '          - "arn:aws:s3:::reports/*"',
        '',
      ].join('\n'),
      'init.yaml',
    );
    expect(catalog.entitlements[0]?.aws).toEqual([
      {
        actions: ['sqs:SendMessage', 's3:GetObject'],
        resources: [
          'arn:aws:sqs:us-east-1:111122223333:<QueueName of Queue>',
          'arn:aws:s3:::<id of Bucket>/${aws:username}/*',
          'arn:aws:s3:::reports/*',
        ],
      },
    ]);
  });
});
