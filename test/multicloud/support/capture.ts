/** Captured Pulumi resources (test/pulumi/support/capture-program.mjs) as the Pulumi adapter reads them. */
import type { PulumiResource } from '../../../src/adapters/pulumi/index.js';
import { fileURLToPath } from 'node:url';
import type { CapturedResource } from '../../pulumi/support/analyzer-client.mjs';

const example = (file: string) => fileURLToPath(new URL(`../../../examples/${file}`, import.meta.url));

/** The example programs beyond AWS, with the Pulumi project each is written for. */
export const EXAMPLE_PROGRAMS = {
  azureBad: { file: example('pulumi-azure/bad/index.ts'), project: 'payments-azure' },
  azureGood: { file: example('pulumi-azure/good/index.ts'), project: 'payments-azure' },
  gcpBad: { file: example('pulumi-gcp/bad/index.ts'), project: 'analytics-gcp' },
  gcpGood: { file: example('pulumi-gcp/good/index.ts'), project: 'analytics-gcp' },
  k8s: { file: example('k8s/pulumi/index.ts'), project: 'payments-k8s' },
} as const;

const program = (file: string) => fileURLToPath(new URL(`../programs/${file}`, import.meta.url));

/** Programs that show each route and binding form of Kubernetes, Azure and Google Cloud (test/multicloud/programs). */
export const ROUTE_PROGRAMS = {
  k8sRoutes: { file: program('k8s-routes.ts'), project: 'routes-k8s' },
  azureRoles: { file: program('azure-roles.ts'), project: 'roles-azure' },
  gcpBindings: { file: program('gcp-bindings.ts'), project: 'bindings-gcp' },
} as const;

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
