/** Runs an example program under the SDK's mocks (capture-multicloud.mjs, in its own process) and reads its resources. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { PulumiResource } from '../../../src/adapters/pulumi/index.js';
import type { CapturedResource } from '../../pulumi/support/analyzer-client.mjs';

const CAPTURE = fileURLToPath(new URL('./capture-multicloud.mjs', import.meta.url));

export function captureMulticloud(program: string, mode: 'preview' | 'update', project: string): Promise<CapturedResource[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CAPTURE, program, mode, project], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(stdout) as CapturedResource[]) : reject(new Error(`capture of ${program} failed (${code}):\n${stderr}`))));
  });
}

/** The records as a stack policy sees them: planned outputs, secrets unwrapped (as the policy SDK does), with their property dependencies. */
export function stackResources(records: readonly CapturedResource[]): PulumiResource[] {
  return records.map((record) => ({
    type: record.type,
    name: record.name,
    urn: record.urn,
    props: unwrapSecrets(record.outputs) as Record<string, unknown>,
    propertyDependencies: record.propertyDependencies,
  }));
}

/** The engine's wire form of a secret value: `{ <signature key>: <secret signature>, value }`. */
const SIGNATURE_KEY = '4dabf18193072939515e22adb298388d';
const SECRET_SIGNATURE = '1b47061264138c4ac30d75fd1eb44270';

function unwrapSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unwrapSecrets);
  if (typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  if (record[SIGNATURE_KEY] === SECRET_SIGNATURE) return unwrapSecrets(record.value);
  return Object.fromEntries(Object.entries(record).map(([key, item]) => [key, unwrapSecrets(item)]));
}
