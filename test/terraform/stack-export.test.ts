/**
 * Pulumi stack state (`pulumi stack export`, deployment v3): the deployed bad and good Pulumi examples, exported,
 * give the verdicts the policy pack's records give; secrets, pending deletes and read-only resources are handled.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCatalog } from '../../catalog/index.js';
import {
  isPulumiStackExport,
  modelFromStackExport,
  resourcesFromStackExport,
  StackExportError,
} from '../../src/adapters/pulumi-state/index.js';
import { modelFromPulumiResources } from '../../src/adapters/pulumi/index.js';
import { evaluate } from '../../src/engine/index.js';
import type { Model } from '../../src/model/model.js';
import { capturePrograms, type CapturedResource } from '../pulumi/support/analyzer-client.mjs';
import { stackExport as exportOf } from '../pulumi/support/stack-export.js';

const path = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
const catalog = parseCatalog(readFileSync(path('../../examples/catalog.yaml'), 'utf8'), 'examples/catalog.yaml');
const NOW = new Date('2026-06-01T00:00:00Z');
const SECRET = '4dabf18193072939515e22adb298388d';

/** What `pulumi stack export` writes for the captured resources after `pulumi up`, with a provider resource beside them. */
function stackExport(records: CapturedResource[]): Record<string, unknown> {
  return exportOf(records, {
    secretsProviders: { type: 'passphrase', state: { salt: 'v1:x' } },
    resources: [
      {
        urn: 'urn:pulumi:dev::payments::pulumi:providers:aws::default_7_0_0',
        custom: true,
        id: 'p',
        type: 'pulumi:providers:aws',
        inputs: { region: 'eu-west-1' },
        outputs: { region: 'eu-west-1' },
      },
    ],
  });
}

function verdicts(model: Model): string[] {
  return evaluate(model, { catalog, now: NOW, pending: 'fail-closed' })
    .findings.map((finding) =>
      [
        finding.ruleId,
        finding.level,
        finding.resource.urn ?? finding.resource.name,
        finding.identity ?? '-',
        finding.detail ?? '-',
        finding.waivedBy ?? '-',
      ].join(' '),
    )
    .sort();
}

const captured: Record<'bad' | 'good', CapturedResource[]> = { bad: [], good: [] };

beforeAll(async () => {
  // The captures in one process (see capturePrograms): the SDK and the provider packages loaded once.
  [captured.bad, captured.good] = await capturePrograms([
    { program: path('../../examples/pulumi-aws/bad/index.ts'), mode: 'update' },
    { program: path('../../examples/pulumi-aws/good/index.ts'), mode: 'update' },
  ]);
}, 120_000);

describe('pulumi stack export', () => {
  it.each(['bad', 'good'] as const)('the deployed %s example gives the verdicts of the policy records', (variant) => {
    const json = stackExport(captured[variant]);
    expect(isPulumiStackExport(json)).toBe(true);
    const expected = verdicts(
      modelFromPulumiResources(
        captured[variant].map(({ type, name, urn, outputs, propertyDependencies }) => ({
          type,
          name,
          urn,
          props: outputs,
          propertyDependencies,
        })),
      ),
    );
    expect(expected.length).toBeGreaterThan(variant === 'bad' ? 15 : 0);
    expect(verdicts(modelFromStackExport(json))).toEqual(expected);
  });

  it('reads a secret version the program set as set by the program though the export encrypts its value (as the pack reads it), and one computed from another resource as not', () => {
    // pulumi/examples' aws-ts-lambda-secrets: the pack said its config secrets' values come from the program, the CLI
    // on the stack export (secretString encrypted, as the provider marks it) said nothing.
    const urn = (type: string, name: string) => `urn:pulumi:dev::app::${type}::${name}`;
    const encrypted = { [SECRET]: '1b47061264138c4ac30d75fd1eb44270', ciphertext: 'v1:abc' };
    const version = (name: string, dependencies: string[]) => ({
      urn: urn('aws:secretsmanager/secretVersion:SecretVersion', name),
      type: 'aws:secretsmanager/secretVersion:SecretVersion',
      inputs: {
        secretId: `arn:aws:secretsmanager:eu-west-1:111122223333:secret:${name}-a1B2c3`,
        secretString: encrypted,
      },
      propertyDependencies: { secretString: dependencies },
    });
    const secret = (name: string) => ({
      urn: urn('aws:secretsmanager/secret:Secret', name),
      type: 'aws:secretsmanager/secret:Secret',
      outputs: { name, arn: `arn:aws:secretsmanager:eu-west-1:111122223333:secret:${name}-a1B2c3` },
    });
    const json = {
      version: 3,
      deployment: {
        resources: [
          secret('typed'),
          secret('generated'),
          version('typed', []),
          version('generated', [urn('random:index/randomPassword:RandomPassword', 'pw')]),
        ],
      },
    };
    expect(modelFromStackExport(json).secrets.map((s) => [s.name, s.valueInProgram])).toEqual([
      ['typed', true],
      ['generated', undefined],
    ]);
  });

  it('reads a Kubernetes Secret’s data and a Google Cloud secret version’s secretData the program set as set by the program though the export encrypts them (as the pack reads them); computed ones as not', () => {
    // pulumi/pulumi-kubernetes' tests/sdk/nodejs/secrets-new-line (test/corpus/pulumi-providers): the pack said the
    // Secret's data comes from the program, the CLI on the stack export (data encrypted, as the provider marks it) said
    // nothing. A GCP secret version's secretData is encrypted the same way.
    const urn = (type: string, name: string) => `urn:pulumi:dev::app::${type}::${name}`;
    const encrypted = { [SECRET]: '1b47061264138c4ac30d75fd1eb44270', ciphertext: 'v1:abc' };
    const RANDOM = urn('random:index/randomString:RandomString', 'pw');
    const k8sSecret = (name: string, dependencies: string[]) => ({
      urn: urn('kubernetes:core/v1:Secret', name),
      type: 'kubernetes:core/v1:Secret',
      inputs: { apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace: 'default' }, data: encrypted },
      propertyDependencies: { data: dependencies },
    });
    const gcpSecret = (name: string) => ({
      urn: urn('gcp:secretmanager/secret:Secret', name),
      type: 'gcp:secretmanager/secret:Secret',
      inputs: { secretId: name, replication: { auto: {} } },
      outputs: {
        secretId: name,
        name: `projects/example-project/secrets/${name}`,
        id: `projects/example-project/secrets/${name}`,
      },
    });
    const gcpVersion = (name: string, dependencies: string[]) => ({
      urn: urn('gcp:secretmanager/secretVersion:SecretVersion', name),
      type: 'gcp:secretmanager/secretVersion:SecretVersion',
      inputs: { secret: `projects/example-project/secrets/${name}`, secretData: encrypted },
      propertyDependencies: { secretData: dependencies },
    });
    const json = {
      version: 3,
      deployment: {
        resources: [
          k8sSecret('typed', []),
          k8sSecret('generated', [RANDOM]),
          gcpSecret('gtyped'),
          gcpSecret('ggenerated'),
          gcpVersion('gtyped', []),
          gcpVersion('ggenerated', [RANDOM]),
        ],
      },
    };
    expect(modelFromStackExport(json).secrets.map((s) => [s.name, s.valueInProgram])).toEqual([
      ['gtyped', true],
      ['ggenerated', undefined],
      ['typed', true],
      ['generated', undefined],
    ]);
  });

  it('an output secret as a whole (the engine marks the object holding a secret input so) keeps its input, read part by part', () => {
    const urn = 'urn:pulumi:dev::app::azure-native:compute:VirtualMachine::server-vm';
    const secret = (ciphertext: string) => ({ [SECRET]: '1b47061264138c4ac30d75fd1eb44270', ciphertext });
    const json = {
      version: 3,
      deployment: {
        resources: [
          {
            urn,
            type: 'azure-native:compute:VirtualMachine',
            inputs: { osProfile: { adminUsername: 'pulumi', adminPassword: secret('v1:pw') }, vmSize: 'B1s' },
            outputs: { osProfile: secret('v1:whole'), vmSize: 'Standard_B1s', tags: secret('v1:tags') },
          },
        ],
      },
    };
    const [vm] = resourcesFromStackExport(json);
    expect(vm!.props.osProfile).toEqual({
      adminUsername: 'pulumi',
      adminPassword: {
        unknown: true,
        description:
          'server-vm.osProfile.adminPassword is a secret encrypted in the export (export with --show-secrets to check it)',
        encrypted: true,
      },
    });
    // An output over an input as before; a secret output with no input object stays unknown.
    expect(vm!.props.vmSize).toBe('Standard_B1s');
    expect(vm!.props.tags).toMatchObject({ unknown: true, encrypted: true });
    expect((modelFromStackExport(json).plainCredentials ?? []).map((c) => [c.source.name, c.kind, c.places])).toEqual([
      ['server-vm', 'password', ['osProfile.adminPassword']],
    ]);
  });

  it('reads plaintext secrets, keeps encrypted ones unknown, and skips pending deletes and read-only resources', () => {
    const urn = (type: string, name: string) => `urn:pulumi:dev::app::${type}::${name}`;
    const json = {
      version: 3,
      deployment: {
        resources: [
          {
            urn: urn('aws:iam/user:User', 'bot'),
            type: 'aws:iam/user:User',
            outputs: { name: 'bot', arn: 'arn:aws:iam::111122223333:user/bot' },
          },
          {
            urn: urn('aws:iam/rolePolicy:RolePolicy', 'p'),
            type: 'aws:iam/rolePolicy:RolePolicy',
            outputs: {
              role: 'r',
              policy: { [SECRET]: '1b47061264138c4ac30d75fd1eb44270', plaintext: '"{\\"Statement\\":[]}"' },
            },
          },
          {
            urn: urn('aws:iam/rolePolicy:RolePolicy', 'q'),
            type: 'aws:iam/rolePolicy:RolePolicy',
            outputs: { role: 'r', policy: { [SECRET]: '1b47061264138c4ac30d75fd1eb44270', ciphertext: 'v1:abc' } },
          },
          {
            urn: urn('aws:iam/accessKey:AccessKey', 'old'),
            type: 'aws:iam/accessKey:AccessKey',
            delete: true,
            outputs: { user: 'bot' },
          },
          {
            urn: urn('aws:iam/role:Role', 'existing'),
            type: 'aws:iam/role:Role',
            external: true,
            outputs: { name: 'existing' },
          },
        ],
      },
    };
    const records = resourcesFromStackExport(json);
    expect(records.map((record) => record.name)).toEqual(['bot', 'p', 'q']);
    expect(records[1]!.props.policy).toBe('{"Statement":[]}');
    expect(records[2]!.props.policy).toEqual({
      unknown: true,
      description: 'q.policy is a secret encrypted in the export (export with --show-secrets to check it)',
      encrypted: true,
    });
    const model = modelFromStackExport(json);
    // `r` is no resource of the stack: the role policies name it, so it is an external role holding what they grant (issue 15).
    expect(model.identities.map((identity) => `${identity.name}${identity.external ? ' (external)' : ''}`)).toEqual([
      'bot',
      'r (external)',
    ]);
    expect(model.accountIds).toEqual(['111122223333']);
  });

  it.each([
    [
      { version: 4, deployment: { resources: [] } },
      'version: 4 is not a deployment version this reader knows (1 to 3)',
    ],
    [{ version: 3, deployment: { resources: {} } }, 'deployment.resources: expected an array'],
    [
      { version: 3, deployment: { resources: [{ urn: 'nope', type: 'aws:iam/role:Role' }] } },
      'deployment.resources[0].urn: expected a Pulumi URN (urn:pulumi:…)',
    ],
  ])('a broken export is a located error: %j', (json, message) => {
    expect(() => resourcesFromStackExport(json)).toThrow(StackExportError);
    expect(() => resourcesFromStackExport(json)).toThrow(message);
  });
});
