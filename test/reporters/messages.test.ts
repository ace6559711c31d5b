/**
 * Every report format on one change that mixes clouds (the AWS bad stack and the Kubernetes bad manifests): each
 * finding carries the fix for its own cloud and rule, written once, never another cloud's advice.
 * The full output of each format is kept as a snapshot under __snapshots__/messages.*.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck, type CheckOptions } from '../../src/cli/check.js';
import type { Finding } from '../../src/model/finding.js';
import type { Cloud } from '../../src/model/model.js';
import { remediationFor } from '../../src/rules/define.js';
import { ruleById } from '../../src/rules/index.js';

const REPO = join(import.meta.dirname, '../..');
const INPUTS = ['examples/cloudformation/bad-stack.template.yaml', 'examples/k8s/bad.yaml'];
const OTHER_CLOUDS: Record<Cloud, RegExp> = {
  aws: /Azure|Google Cloud|GCP|Kubernetes|Key Vault/,
  azure: /IAM role|AWS|Google Cloud|GCP|Kubernetes/,
  gcp: /IAM role|AWS|Azure|Kubernetes/,
  kubernetes: /IAM role|AWS::|Azure|Google Cloud|GCP/,
};

function check(format: CheckOptions['format']) {
  return runCheck({
    paths: INPUTS.map((path) => join(REPO, path)),
    catalogPath: join(REPO, 'examples/catalog.yaml'),
    format,
    now: new Date('2026-07-01T00:00:00Z'),
    cwd: REPO,
    toolVersion: 'test',
  });
}

const cloudOf = (type: string): Cloud | undefined =>
  type.startsWith('AWS::') ? 'aws' : type.startsWith('kubernetes:') ? 'kubernetes' : undefined;

describe('messages: one fix per finding, for its cloud', () => {
  const findings = (JSON.parse(check('json').output!) as { findings: Finding[] }).findings;

  it('covers both clouds', () => {
    const clouds = new Set(findings.map((finding) => cloudOf(finding.resource.type)));
    expect([...clouds].sort()).toEqual(['aws', 'kubernetes', undefined]);
  });

  it('gives each finding the fix its rule has for its cloud, with no other cloud in it', () => {
    for (const finding of findings) {
      const cloud = cloudOf(finding.resource.type);
      expect(finding.remediation, `${finding.ruleId} ${finding.resource.name}`).toBe(
        remediationFor(ruleById(finding.ruleId)!.meta, cloud),
      );
      if (cloud)
        expect(finding.remediation, `${finding.ruleId} ${finding.resource.name}`).not.toMatch(OTHER_CLOUDS[cloud]);
    }
  });

  it('text: one fix line per resource and rule, after its findings', async () => {
    const text = check('text').output!;
    const groups = new Set(
      findings.map(
        (finding) =>
          `${finding.resource.stack}\u0000${finding.resource.file}\u0000${finding.resource.type}\u0000${finding.resource.name}\u0000${finding.ruleId}`,
      ),
    );
    expect(text.split('\n').filter((line) => line.startsWith('    fix: '))).toHaveLength(groups.size);
    await expect(text).toMatchFileSnapshot('__snapshots__/messages.txt');
  });

  it('JUnit: one fix per failing case, the one for its cloud', async () => {
    const junit = check('junit').output!;
    const failures = junit.match(/<failure [^>]*>[^<]*<\/failure>/g) ?? [];
    expect(failures.length).toBeGreaterThan(0);
    for (const failure of failures) expect(failure.match(/\nfix: /g)).toHaveLength(1);
    await expect(junit).toMatchFileSnapshot('__snapshots__/messages.junit.xml');
  });

  it('JSON, SARIF and Markdown', async () => {
    await expect(check('json').output!).toMatchFileSnapshot('__snapshots__/messages.json');
    // SARIF says a fix once, in its rule's help (every cloud's, labelled), which code scanning shows beside each alert
    // of the rule; a result names its rule by index and carries no fix of its own.
    const output = check('sarif').output!;
    const sarif = JSON.parse(output) as {
      runs: [
        {
          tool: { driver: { rules: { help: { text: string } }[] } };
          results: { ruleIndex: number; properties: object }[];
        },
      ];
    };
    const [run] = sarif.runs;
    expect(run.results).toHaveLength(findings.length);
    run.results.forEach((result, index) => {
      expect(run.tool.driver.rules[result.ruleIndex]!.help.text).toContain(findings[index]!.remediation);
      expect(result.properties).not.toHaveProperty('remediation');
    });
    // Written on one line; the snapshot keeps it indented so a change reads as a diff.
    expect(output).toBe(`${JSON.stringify(sarif)}\n`);
    await expect(`${JSON.stringify(sarif, null, 2)}\n`).toMatchFileSnapshot('__snapshots__/messages.sarif.json');
    await expect(check('markdown').output!).toMatchFileSnapshot('__snapshots__/messages.md');
  });
});
