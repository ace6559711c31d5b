/**
 * Parity: the same resources through Terraform plans and through Pulumi give the same verdicts (rule, identity,
 * level, detail). The Pulumi examples (AWS, Azure, Google Cloud, Kubernetes) are captured as a preview plans them (values
 * known only after apply are unknown in both tools) and compared with their Terraform plans (parity-spec.ts); the
 * Terraform examples (examples/terraform) are compared with the CloudFormation examples in examples.test.ts.
 *
 * One difference is by design: Terraform's configuration tells a secret value written as a literal from one that
 * comes from a variable, so a literal is a plaintext secret (mandatory); a Pulumi policy pack cannot tell a literal
 * from a stack config secret (pulumi/pulumi-policy#241) and reminds instead (advisory).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCatalog } from '../../catalog/index.js';
import { modelFromPulumiResources } from '../../src/adapters/pulumi/index.js';
import { modelFromTerraformPlan } from '../../src/adapters/terraform/index.js';
import { evaluate } from '../../src/engine/index.js';
import type { Model } from '../../src/model/model.js';
import { EXAMPLE_PROGRAMS, stackResources } from '../multicloud/support/capture.js';
import { captureInParallel, type CapturedResource } from '../pulumi/support/analyzer-client.mjs';
import { AWS_BAD, AZURE_BAD, GCP_BAD, KUBERNETES_BAD } from './parity-spec.js';
import { terraformPlan, type PlannedResource } from './support.js';

const path = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
const catalog = parseCatalog(readFileSync(path('../../examples/catalog.yaml'), 'utf8'), 'examples/catalog.yaml');
const NOW = new Date('2026-06-01T00:00:00Z');

/** `rule identity level detail`, distinct and sorted; the secret-value difference written the Terraform way. */
function verdicts(model: Model): string[] {
  const names = new Map<string, string>(
    [...model.identities, ...model.secrets].map((subject) => [subject.id, subject.name]),
  );
  const { findings } = evaluate(model, { catalog, now: NOW, pending: 'fail-closed' });
  return [
    ...new Set(
      findings.map((finding) => {
        // A finding about no identity names its resource: `reports-public` in Pulumi, `google_project_iam_member.reports_public` in Terraform.
        const name =
          (finding.identity && names.get(finding.identity)) ??
          finding.resource.name.split('.').pop()!.replace(/_/g, '-');
        const [detail, level] =
          finding.detail === 'Secret::value-in-program'
            ? ['Secret::plaintext-value', 'mandatory']
            : [finding.detail ?? '-', finding.level];
        return [finding.ruleId, name, level, detail].join(' ');
      }),
    ),
  ].sort();
}

const AWS_PROGRAM = fileURLToPath(new URL('../../examples/pulumi-aws/bad/index.ts', import.meta.url));
const PROGRAMS = {
  aws: { file: AWS_PROGRAM, project: undefined },
  azure: EXAMPLE_PROGRAMS.azureBad,
  gcp: EXAMPLE_PROGRAMS.gcpBad,
  kubernetes: EXAMPLE_PROGRAMS.k8s,
} as const;
const PLANS: Record<keyof typeof PROGRAMS, PlannedResource[]> = {
  aws: AWS_BAD,
  azure: AZURE_BAD,
  gcp: GCP_BAD,
  kubernetes: KUBERNETES_BAD,
};
const captured = {} as Record<keyof typeof PROGRAMS, CapturedResource[]>;

beforeAll(async () => {
  // Every capture in two processes (see captureInParallel).
  const keys = Object.keys(PROGRAMS) as (keyof typeof PROGRAMS)[];
  const records = await captureInParallel(
    keys.map((key) => {
      const { file, project } = PROGRAMS[key];
      return { program: file, mode: 'preview' as const, ...(project ? { project } : {}) };
    }),
  );
  keys.forEach((key, index) => (captured[key] = records[index]!));
}, 180_000);

describe('Terraform and Pulumi give the same verdicts', () => {
  it.each(Object.keys(PROGRAMS) as (keyof typeof PROGRAMS)[])('%s', (key) => {
    const pulumi = verdicts(modelFromPulumiResources(stackResources(captured[key])));
    expect(pulumi.length).toBeGreaterThan(5);
    expect(verdicts(modelFromTerraformPlan(terraformPlan(PLANS[key])))).toEqual(pulumi);
  });
});
