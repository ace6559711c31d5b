/**
 * Parity: the Pulumi example (examples/pulumi-aws) and the CDK example (examples/cdk-app) describe the same
 * infrastructure, so the engine must give the same (rule id, identity) findings and the same audit rows for both,
 * through two adapters.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { App, type Stack } from 'aws-cdk-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCatalog } from '../../catalog/index.js';
import { BadStack, GoodStack } from '../../examples/cdk-app/lib/stacks.js';
import { modelFromTemplates, type CfnTemplate } from '../../src/adapters/cloudformation/index.js';
import { modelFromPulumiResources } from '../../src/adapters/pulumi/index.js';
import { buildAudit } from '../../src/audit/index.js';
import { evaluate } from '../../src/engine/index.js';
import type { Model } from '../../src/model/model.js';
import { capturePrograms, type CapturedResource } from './support/analyzer-client.mjs';

const path = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
const CATALOG_FILE = path('../../examples/catalog.yaml');
const catalog = parseCatalog(readFileSync(CATALOG_FILE, 'utf8'), CATALOG_FILE);
/** One fixed evaluation time for both, so expiry-dependent findings agree. */
const NOW = new Date('2026-06-01T00:00:00Z');

/** `rule-id identity-name` per finding (the resource name for findings about no identity), distinct and sorted. */
function pairs(model: Model): string[] {
  const names = new Map<string, string>(
    [...model.identities, ...model.secrets].map((subject) => [subject.id, subject.name]),
  );
  const { findings } = evaluate(model, { catalog, now: NOW });
  return [
    ...new Set(
      findings.map(
        (finding) => `${finding.ruleId} ${(finding.identity && names.get(finding.identity)) ?? finding.resource.name}`,
      ),
    ),
  ].sort();
}

/**
 * One line per audit row, with what a reviewer compares across tools: who owns it, its class, entitlements,
 * credentials, session, what runs as it, who can assume it (by principal type), exceptions and findings.
 * Resource names and ARNs differ by tool (logical ids, URNs, account placeholders), so they are left out.
 */
function auditRows(model: Model): string[] {
  const audit = buildAudit(model, evaluate(model, { catalog, now: NOW }), catalog, NOW);
  return audit.identities
    .map((row) =>
      [
        row.origin,
        row.name,
        row.kind ?? '-',
        row.owner ?? '-',
        row.class ?? '-',
        row.entitlements.map((entitlement) => entitlement.id).join('+') || '-',
        row.credentials.map((credential) => credential.kind).join('+') || '-',
        row.session?.maxSeconds ?? '-',
        row.runsOn.length,
        row.trust
          .map((entry) => entry.kind)
          .sort()
          .join('+') || '-',
        row.exceptions.map((exception) => exception.id).join('+') || '-',
        [...new Set(row.findings.map((finding) => finding.ruleId))].sort().join('+') || '-',
      ].join(' | '),
    )
    .sort();
}

function cdkModel(build: (app: App) => Stack): Model {
  const app = new App({ builtinCloudFormationValidation: false });
  const stack = build(app);
  const template = app.synth().getStackArtifact(stack.artifactId).template as CfnTemplate;
  return modelFromTemplates([{ stack: stack.stackName, template }]);
}

function pulumiModel(records: CapturedResource[]): Model {
  return modelFromPulumiResources(
    records.map(({ type, name, urn, outputs, propertyDependencies }) => ({
      type,
      name,
      urn,
      props: outputs,
      propertyDependencies,
    })),
  );
}

const pulumi: Record<'bad' | 'good', CapturedResource[]> = { bad: [], good: [] };

beforeAll(async () => {
  // The captures in one process (see capturePrograms): the SDK and the provider packages loaded once.
  [pulumi.bad, pulumi.good] = await capturePrograms([
    { program: path('../../examples/pulumi-aws/bad/index.ts'), mode: 'update' },
    { program: path('../../examples/pulumi-aws/good/index.ts'), mode: 'update' },
  ]);
}, 120_000);

describe('Pulumi and CDK examples give the same findings', () => {
  it('bad stack', () => {
    const expected = pairs(cdkModel((app) => new BadStack(app, 'PaymentsBad')));
    expect(expected.length).toBeGreaterThan(10);
    expect(pairs(pulumiModel(pulumi.bad))).toEqual(expected);
  });

  it('good stack', () => {
    expect(pairs(pulumiModel(pulumi.good))).toEqual(pairs(cdkModel((app) => new GoodStack(app, 'PaymentsGood'))));
  });
});

describe('Pulumi and CDK examples give the same audit rows', () => {
  it.each(['bad', 'good'] as const)('%s stack', (variant) => {
    const cdk = cdkModel((app) =>
      variant === 'bad' ? new BadStack(app, 'PaymentsBad') : new GoodStack(app, 'PaymentsGood'),
    );
    const rows = auditRows(cdk);
    expect(rows.filter((row) => row.startsWith('change')).length).toBe(variant === 'bad' ? 8 : 3);
    expect(auditRows(pulumiModel(pulumi[variant]))).toEqual(rows);
  });
});
