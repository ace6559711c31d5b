/**
 * A binding subject of a kind the API server refuses (anything but ServiceAccount, User and Group, matched exactly) in
 * a `@pulumi/kubernetes` program: broken input, as in a manifest (a located error, exit 2, test/adapters/kubernetes/
 * load.test.ts), never a grant to a holder named `foo default` nor a binding dropped in silence. The engine on the
 * records of the program run under the SDK's mocks throws a PulumiResourceError naming the URN and the property; the
 * pack over the analyzer protocol fails the AnalyzeStack request with that one located line, as it fails on a
 * configuration it cannot use; `entitlement-guard check` on the stack export exits 2 naming it. Needs the build (`npm
 * run build`): the pack ships compiled.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modelFromPulumiResources, PulumiResourceError } from '../../src/adapters/pulumi/index.js';
import { runCheck } from '../../src/cli/check.js';
import { stackResources } from '../multicloud/support/capture.js';
import {
  analyzerClient,
  captureProgram,
  startEngine,
  startPack,
  type AnalyzerClient,
  type CapturedResource,
  type RunningPack,
} from './support/analyzer-client.mjs';
import { stackExport } from './support/stack-export.js';

const path = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
const PACK_DIR = path('../../policypack');
const CATALOG = path('../../examples/catalog.yaml');
const PROGRAM = path('./programs/k8s-refused-subject.ts');

const URN = 'urn:pulumi:dev::payments::kubernetes:rbac.authorization.k8s.io/v1';
const REFUSED =
  '; the API server would refuse it, and read as a holder it would grant the role to one that cannot exist';
const FOO = `${URN}:ClusterRoleBinding::ops: subjects[1].kind must be ServiceAccount, User or Group, not the string "foo"${REFUSED}`;
const LOWERCASE = `${URN}:RoleBinding::lowercase: subjects[0].kind must be ServiceAccount, User or Group, not the string "serviceaccount"${REFUSED}`;

let engine: Awaited<ReturnType<typeof startEngine>>;
let pack: RunningPack;
let client: AnalyzerClient;
let records: CapturedResource[] = [];
/** The service account with one of the bindings (by name), as the program registers them. */
const withBinding = (name: string) => records.filter((record) => record.name === 'ci' || record.name === name);

beforeAll(async () => {
  if (!existsSync(path('../../dist/bundle/policypack.js')))
    throw new Error('the policy pack is not built: run `npm run build` first');
  engine = await startEngine();
  [pack, records] = await Promise.all([startPack(PACK_DIR, engine.address), captureProgram(PROGRAM, 'update')]);
  client = analyzerClient(pack.port);
}, 120_000);

afterAll(async () => {
  client?.close();
  await pack?.stop();
  await engine?.close();
});

/** The PulumiResourceError the engine throws on the service account and one binding. */
function refusal(name: string): { urn: string; path: unknown[]; message: string } | undefined {
  try {
    modelFromPulumiResources(stackResources(withBinding(name)));
    return undefined;
  } catch (error) {
    if (!(error instanceof PulumiResourceError)) throw error;
    return { urn: error.urn, path: error.path, message: error.message };
  }
}

/** The error a call fails with: its gRPC details, or its message. */
async function failureOf(call: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await call();
    return undefined;
  } catch (error) {
    return (error as { details?: string }).details ?? (error as Error).message;
  }
}

describe('@pulumi/kubernetes bindings with a subject of a kind the API server refuses', () => {
  it('the engine: a located error naming the URN and the property, for `foo` and for lowercase `serviceaccount`', () => {
    expect(records.map((record) => `${record.type} ${record.name}`).sort()).toEqual([
      'kubernetes:core/v1:ServiceAccount ci',
      'kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding ops',
      'kubernetes:rbac.authorization.k8s.io/v1:RoleBinding lowercase',
    ]);
    expect(refusal('ops')).toEqual({
      urn: `${URN}:ClusterRoleBinding::ops`,
      path: ['subjects', 1, 'kind'],
      message: FOO,
    });
    expect(refusal('lowercase')).toEqual({
      urn: `${URN}:RoleBinding::lowercase`,
      path: ['subjects', 0, 'kind'],
      message: LOWERCASE,
    });
  });

  it('the engine: the kinds it takes, matched exactly, still grant (cluster-admin to ServiceAccount ops/ci)', () => {
    const taken = stackResources(withBinding('ops')).map((record) =>
      record.name === 'ops'
        ? { ...record, props: { ...record.props, subjects: [(record.props.subjects as unknown[])[0]] } }
        : record,
    );
    const model = modelFromPulumiResources(taken);
    expect(
      model.identities.map(
        (identity) =>
          `${identity.name}: ${identity.grants.map((grant) => grant.kind === 'role' && grant.role).join(', ')}`,
      ),
    ).toEqual(['ci: cluster-admin']);
    expect(model.externalRoleGrants).toBeUndefined();
  });

  it('the pack over the analyzer protocol: AnalyzeStack fails with the located line, no JavaScript frames', async () => {
    await client.configure({});
    for (const [name, line] of [
      ['ops', FOO],
      ['lowercase', LOWERCASE],
    ] as const) {
      const failure = await failureOf(() => client.analyzeStack(withBinding(name)));
      expect(failure).toContain(`PulumiResourceError: ${line}`);
      expect(failure).not.toMatch(/^\s+at /m);
    }
  });

  it('check on the stack export: exit 2 naming the file, the URN and the property', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eg-refused-'));
    writeFileSync(join(dir, 'stack.json'), JSON.stringify(stackExport(withBinding('ops'))));
    const result = runCheck({
      paths: [join(dir, 'stack.json')],
      catalogPath: CATALOG,
      format: 'json',
      now: new Date('2026-06-01T00:00:00Z'),
      cwd: dir,
      toolVersion: 'test',
    });
    expect([result.exitCode, result.errors]).toEqual([2, [`stack.json: Pulumi stack export: ${FOO}`]]);
  });
});
