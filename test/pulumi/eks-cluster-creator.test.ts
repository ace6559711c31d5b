/**
 * An EKS cluster that makes its creator a cluster administrator, in a Pulumi program (adapters/aws/eks-cluster-creator.ts):
 * run under the SDK's mocks, a cluster that leaves `accessConfig` out or sets `bootstrapClusterCreatorAdminPermissions`
 * true is reported on the cluster by no-wildcard-privilege, through the engine and through the built policy pack over
 * the analyzer protocol alike; one that sets it false is not; one that computes it from another resource is pending
 * in `pulumi preview` and settled by `pulumi up`. Before, every cluster passed: nothing read the access configuration.
 * Needs the build (`npm run build`): the pack ships compiled.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCatalog } from '../../catalog/index.js';
import { modelFromPulumiResources } from '../../src/adapters/pulumi/index.js';
import { evaluate } from '../../src/engine/index.js';
import { stackResources } from '../multicloud/support/capture.js';
import {
  analyzerClient,
  capturePrograms,
  startEngine,
  startPack,
  type AnalyzerClient,
  type CapturedResource,
  type RunningPack,
} from './support/analyzer-client.mjs';

const path = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
const CATALOG = parseCatalog(readFileSync(path('../../examples/catalog.yaml'), 'utf8'), 'examples/catalog.yaml');
const captured: Record<'update' | 'preview', CapturedResource[]> = { update: [], preview: [] };
let engine: Awaited<ReturnType<typeof startEngine>>;
let pack: RunningPack;
let client: AnalyzerClient;

beforeAll(async () => {
  if (!existsSync(path('../../dist/bundle/policypack.js')))
    throw new Error('the policy pack is not built: run `npm run build` first');
  const program = path('./programs/eks-cluster-creator.ts');
  engine = await startEngine();
  // The captures in one process (see capturePrograms): the SDK and the provider packages loaded once.
  [pack, [captured.update, captured.preview]] = await Promise.all([
    startPack(path('../../policypack'), engine.address),
    capturePrograms([
      { program, mode: 'update' },
      { program, mode: 'preview' },
    ]),
  ]);
  client = analyzerClient(pack.port);
}, 120_000);

afterAll(async () => {
  client?.close();
  await pack?.stop();
  await engine?.close();
});

function findings(mode: 'update' | 'preview') {
  const model = modelFromPulumiResources(stackResources(captured[mode]));
  return evaluate(model, {
    catalog: CATALOG,
    now: new Date('2026-06-01T00:00:00Z'),
    pending: mode === 'preview' ? 'verify-later' : 'fail-closed',
  }).findings.filter((finding) => finding.detail === 'Cluster::creator-admin');
}

const lines = (mode: 'update' | 'preview') =>
  findings(mode).map(
    (f) =>
      `${f.ruleId} ${f.level} ${f.resource.name}${f.identity ? ` @${f.identity}` : ''}${f.pending ? ' pending' : ''}`,
  );

const DEPLOYER = 'the IAM principal that deploys the change (a deployment role, or whoever runs the deployment)';
const OUTSIDE =
  'outside the catalog: no access entry of the change shows it, no catalog identity records it and no owner holds it';
const FIX =
  'Set accessConfig.bootstrapClusterCreatorAdminPermissions to false and grant cluster administration through access ' +
  'entries to catalog identities.';
const ENTRY =
  'EKS gives the IAM principal that creates the cluster an access entry with AmazonEKSClusterAdminPolicy ' +
  '(system:masters under the CONFIG_MAP authentication mode), Kubernetes cluster-admin';

describe('EKS clusters whose creator becomes their administrator, in a Pulumi program', () => {
  it('reports the cluster that leaves accessConfig out and the one that sets it true, once each (pulumi up)', () => {
    expect(lines('update')).toEqual([
      'no-wildcard-privilege mandatory bootstrapped',
      'no-wildcard-privilege mandatory defaulted',
    ]);
    const [bootstrapped, defaulted] = findings('update');
    expect(defaulted?.message).toBe(
      `EKS cluster defaulted makes ${DEPLOYER} a cluster administrator because ` +
        `accessConfig.bootstrapClusterCreatorAdminPermissions is not set and EKS defaults it to true: ${ENTRY} ${OUTSIDE}. ${FIX}`,
    );
    expect(bootstrapped?.message).toBe(
      `EKS cluster payments (bootstrapped) makes ${DEPLOYER} a cluster administrator because ` +
        `accessConfig.bootstrapClusterCreatorAdminPermissions is true: ${ENTRY} ${OUTSIDE}. ${FIX}`,
    );
  });

  it('says what it cannot see while the setting waits for another resource (pulumi preview)', () => {
    expect(lines('preview')).toEqual([
      'no-wildcard-privilege mandatory bootstrapped',
      'no-wildcard-privilege advisory computed pending',
      'no-wildcard-privilege mandatory defaulted',
    ]);
    expect(findings('preview')[1]?.message).toMatch(
      /^EKS cluster computed may make the IAM principal that deploys the change .* a cluster administrator \(Kubernetes cluster-admin outside the catalog: .*\): whether it does cannot be verified until apply \(.+\)\. Set accessConfig\.bootstrapClusterCreatorAdminPermissions to false/,
    );
  });

  it('the pack over the analyzer protocol gives the same verdicts on the cluster URNs', async () => {
    await client.configure({});
    const diagnostics = await client.analyzeAsDeployment(captured.update);
    const creatorAdmin = diagnostics.filter((d) => d.message.includes('a cluster administrator'));
    expect(
      creatorAdmin.map((d) => `${d.policyName} ${d.enforcementLevel} ${d.urn.slice(d.urn.lastIndexOf('::') + 2)}`),
    ).toEqual(
      ['no-wildcard-privilege mandatory bootstrapped', 'no-wildcard-privilege mandatory defaulted'].sort((a, b) =>
        a.localeCompare(b),
      ),
    );
  });
});
