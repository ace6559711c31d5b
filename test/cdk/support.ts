import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, Tags, type Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct, IConstruct } from 'constructs';
import { expect } from 'vitest';
import { parseCatalog } from '../../catalog/index.js';
import type { Catalog } from '../../catalog/types.js';
import { runCheck } from '../../src/cli/check.js';

export const EXAMPLE_CATALOG = fileURLToPath(new URL('../../examples/catalog.yaml', import.meta.url));
/** Fixed evaluation time: the example catalog's exceptions and expiries are judged against it. */
export const NOW = new Date('2026-07-01T00:00:00Z');

export function exampleCatalog(extraYaml = ''): Catalog {
  return parseCatalog(readFileSync(EXAMPLE_CATALOG, 'utf8') + extraYaml, 'examples/catalog.yaml');
}

/**
 * The CLI's result (`check --format json`, no catalog) on a stack's synthesized template, written to a directory of its
 * own: what a CI gate over cdk.out says of the template the aspect judged. No error may come of reading it.
 */
export function checkTemplate(stackName: string, template: unknown): ReturnType<typeof runCheck> {
  const directory = mkdtempSync(join(tmpdir(), 'eg-cdk-template-'));
  const file = join(directory, `${stackName}.template.json`);
  writeFileSync(file, JSON.stringify(template, null, 1));
  const result = runCheck({ paths: [file], format: 'json', now: NOW, cwd: directory, toolVersion: 'test' });
  expect(result.errors).toEqual([]);
  return result;
}

/** An app without the CDK's built-in CloudFormation validation (slow, and not what these tests are about). */
export function testApp(): App {
  return new App({ builtinCloudFormationValidation: false });
}

/** The example catalog's `payments-api-batch` user with an access key (`Key`) in `scope`: a `no-long-lived-credentials` finding. */
export function batchUserWithKey(scope: Construct): iam.AccessKey {
  return new iam.AccessKey(scope, 'Key', { user: new iam.User(scope, 'User', { userName: 'payments-api-batch' }) });
}

export function tag(construct: IConstruct, tags: Record<string, string>): void {
  for (const [key, value] of Object.entries(tags)) Tags.of(construct).add(key, value);
}

export interface Annotated {
  level: string;
  /** Construct the annotation is on. */
  at: string;
  ruleId: string;
  /** Construct path of the resource the finding is about. */
  resource: string;
}

/** Our annotations on a synthesized stack, parsed back into (level, construct, rule id, resource path). */
export function guardAnnotations(app: App, stack: Stack): Annotated[] {
  return app
    .synth()
    .getStackArtifact(stack.artifactId)
    .messages.map((message) => ({ level: message.level, at: message.id, text: String(message.entry.data) }))
    .filter(
      ({ text }) => text.startsWith('[EntitlementGuard] ') && !text.startsWith('[EntitlementGuard] unapproved waiver'),
    )
    .map(({ level, at, text }) => ({
      level,
      at,
      ruleId: /^\[EntitlementGuard\] (\S+)/.exec(text)![1]!,
      resource: /resource: (\S+)/.exec(text)![1]!,
    }));
}

/** Distinct (rule id, resource path) pairs, sorted: the unit of parity between front-ends. */
export function pairs(items: { ruleId: string; resource: string }[]): string[] {
  return [...new Set(items.map((item) => `${item.ruleId} ${item.resource}`))].sort();
}

/** Violations of one plugin in the CDK's validation report: (rule id, construct path). */
export function pluginViolations(outdir: string, pluginName: string) {
  const report = JSON.parse(readFileSync(join(outdir, 'validation-report.json'), 'utf8')) as {
    pluginReports: {
      pluginName: string;
      violations: { ruleName: string; violatingConstructs: { constructPath: string }[] }[];
    }[];
  };
  const plugin = report.pluginReports.find((entry) => entry.pluginName === pluginName)!;
  return plugin.violations.flatMap((violation) =>
    violation.violatingConstructs.map((construct) => ({
      ruleId: violation.ruleName.replace(/^EntitlementGuard-/, '').replace(/\[.*\]$/, ''),
      resource: construct.constructPath,
    })),
  );
}
