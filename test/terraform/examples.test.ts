/**
 * The Terraform examples: the committed plans are the plan descriptions of examples-spec.ts (rewrite them with
 * UPDATE_TERRAFORM_EXAMPLES=1), and they give the same verdicts (rule, identity, level, detail) as the
 * CloudFormation examples they mirror, resource for resource.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../../catalog/index.js';
import { loadTemplates } from '../../src/adapters/cloudformation/load.js';
import { modelFromTemplates } from '../../src/adapters/cloudformation/to-model.js';
import { modelFromTerraformPlan } from '../../src/adapters/terraform/index.js';
import { evaluate } from '../../src/engine/index.js';
import type { Model } from '../../src/model/model.js';
import { BAD_PLAN, GOOD_PLAN } from './examples-spec.js';
import { terraformPlan } from './support.js';

const path = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
const CATALOG_FILE = path('../../examples/catalog.yaml');
const catalog = parseCatalog(readFileSync(CATALOG_FILE, 'utf8'), CATALOG_FILE);
const NOW = new Date('2026-06-01T00:00:00Z');

const EXAMPLES = { bad: BAD_PLAN, good: GOOD_PLAN } as const;
const planFile = (variant: keyof typeof EXAMPLES) => path(`../../examples/terraform/${variant}.tfplan.json`);

/** Physical names the CloudFormation example leaves to CloudFormation (the logical id) and Terraform to a name_prefix. */
const UNNAMED: Record<string, string> = { OrphanRole: 'aws_iam_role.orphan' };

function verdicts(model: Model): string[] {
  const names = new Map<string, string>(
    [...model.identities, ...model.secrets].map((subject) => [subject.id, subject.name]),
  );
  const { findings } = evaluate(model, { catalog, now: NOW, pending: 'fail-closed' });
  return [
    ...new Set(
      findings.map((finding) => {
        const name = (finding.identity && names.get(finding.identity)) ?? finding.resource.name;
        return [
          finding.ruleId,
          UNNAMED[name] ?? name,
          finding.level,
          finding.detail ?? '-',
          finding.waivedBy ?? '-',
          finding.pending ? 'pending' : '-',
        ].join(' ');
      }),
    ),
  ].sort();
}

describe('examples/terraform', () => {
  it.each(['bad', 'good'] as const)('%s.tfplan.json is the plan of examples-spec.ts', (variant) => {
    const expected = `${JSON.stringify(terraformPlan(EXAMPLES[variant]), null, 2)}\n`;
    if (process.env.UPDATE_TERRAFORM_EXAMPLES === '1') writeFileSync(planFile(variant), expected);
    expect(readFileSync(planFile(variant), 'utf8')).toBe(expected);
  });

  it.each(['bad', 'good'] as const)('%s plan: the same verdicts as the CloudFormation example', (variant) => {
    const terraform = modelFromTerraformPlan(
      JSON.parse(readFileSync(planFile(variant), 'utf8')) as Record<string, unknown>,
    );
    const cloudformation = modelFromTemplates(
      loadTemplates(path(`../../examples/cloudformation/${variant}-stack.template.yaml`)),
    );
    const expected = verdicts(cloudformation);
    expect(expected.length).toBeGreaterThan(variant === 'bad' ? 20 : 0);
    expect(verdicts(terraform)).toEqual(expected);
  });
});
