/**
 * The aspect's errors are located at the construct the app wrote, not inside this package: each annotation carries the
 * creation stack the CDK recorded for the resource (what the CDK toolkit shows as the location above the message, and
 * what its editor integration underlines) and names the app's source line in its text, after the construct path.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Aspects, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { describe, expect, it } from 'vitest';
import { EntitlementGuard } from '../../cdk-aspects/index.js';
import { EXAMPLE_CATALOG, NOW, testApp } from './support.js';

const THIS_FILE = fileURLToPath(import.meta.url);
const SHOWN = relative(process.cwd(), THIS_FILE);
/** The 1-based line of this file that holds `text`: where the construct under test is created. */
const lineOf = (text: string) =>
  readFileSync(THIS_FILE, 'utf8')
    .split('\n')
    .findIndex((line) => line.includes(text)) + 1;

function synthesize(context: Record<string, unknown> = {}) {
  const app = testApp();
  for (const [key, value] of Object.entries(context)) app.node.setContext(key, value);
  const stack = new Stack(app, 'Located');
  const deployer = new iam.Role(stack, 'Deployer', {
    roleName: 'deployer',
    assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
  });
  deployer.addToPolicy(new iam.PolicyStatement({ actions: ['s3:*'], resources: ['*'] }));
  Aspects.of(app).add(new EntitlementGuard({ catalog: EXAMPLE_CATALOG, now: NOW }));
  return app
    .synth()
    .getStackArtifact(stack.artifactId)
    .messages.filter((message) => String(message.entry.data).startsWith('[EntitlementGuard] '))
    .map((message) => ({ at: message.id, text: String(message.entry.data), trace: message.entry.trace }));
}

describe('CDK aspect errors located at the construct the app wrote', () => {
  const ROLE_LINE = lineOf("new iam.Role(stack, 'Deployer'");
  const POLICY_LINE = lineOf('deployer.addToPolicy(');
  const GUARD_LINE = lineOf('Aspects.of(app).add(new EntitlementGuard({ catalog: EXAMPLE_CATALOG, now: NOW }));');
  const escaped = THIS_FILE.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const messages = synthesize();
  const about = (resource: string) => messages.filter((message) => message.text.includes(`\n  resource: ${resource} `));

  it('names the source line that created the resource after its construct path', () => {
    const role = about('Located/Deployer/Resource');
    expect(role.map((message) => message.text.split('\n')[2])).toEqual(
      role.map(() => expect.stringMatching(new RegExp(`^  source: ${SHOWN}:${ROLE_LINE}:\\d+$`))),
    );
    expect(role.length).toBeGreaterThan(0);
    // The wildcard grant is in the DefaultPolicy, which the app created by calling addToPolicy: that call is the location.
    const policy = about('Located/Deployer/DefaultPolicy/Resource');
    expect(policy.map((message) => [message.at, message.text.split('\n')[2]])).toEqual([
      ['/Located/Deployer', expect.stringMatching(new RegExp(`^  source: ${SHOWN}:${POLICY_LINE}:\\d+$`))],
    ]);
  });

  it('traces each annotation to that line, not to the aspect or app.synth(); a finding about the catalog to where the guard was created', () => {
    const expired = messages.filter((message) => message.at === '/Located');
    expect(expired.map((message) => message.text.split('\n')[0])).toEqual([
      expect.stringContaining('exception-expiry (advisory): Exception EXC-087'),
    ]);
    expect(expired[0]!.trace?.[0]).toMatch(new RegExp(`^\\S.* \\(${escaped}:${GUARD_LINE}:\\d+\\)$`));
    for (const message of messages) {
      expect(message.trace?.[0]).toMatch(
        new RegExp(`^\\S.* \\(${escaped}:(${ROLE_LINE}|${POLICY_LINE}|${GUARD_LINE}):\\d+\\)$`),
      );
      expect(message.trace!.join('\n')).not.toMatch(/cdk-aspects|dist\/bundle|node_modules/);
    }
  });

  it('records no trace when the app turns traces off, and still names the source line', () => {
    const untraced = synthesize({ 'aws:cdk:disable-stack-trace': true });
    expect(untraced.map((message) => message.trace)).toEqual(untraced.map(() => undefined));
    expect(untraced.map((message) => message.text)).toEqual(messages.map((message) => message.text));
  });

  it("names no source line for a resource when the CDK recorded no creation stack (the guard's own location stays)", () => {
    const bare = synthesize({ 'aws:cdk:disable-creation-stack-traces': true });
    expect(bare.length).toBe(messages.length);
    expect(bare.filter((message) => message.at !== '/Located' && message.text.includes('\n  source: '))).toEqual([]);
  });

  it('a catalog it cannot use is an error on the stack, its trace where the app created the guard', () => {
    const app = testApp();
    const stack = new Stack(app, 'Located');
    new iam.Role(stack, 'Deployer', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    });
    Aspects.of(app).add(new EntitlementGuard({ catalog: 'no-such-catalog.yaml' })); // the guard with the bad catalog
    const errors = app
      .synth()
      .getStackArtifact(stack.artifactId)
      .messages.filter((message) => message.level === 'error');
    expect(errors.map((message) => message.id)).toEqual(['/Located']);
    expect(String(errors[0]?.entry.data)).toContain(
      'no-such-catalog.yaml: cannot read catalog: cannot read file (ENOENT)',
    );
    const trace = errors[0]?.entry.trace ?? [];
    expect(trace[0]).toMatch(new RegExp(`${escaped}:${lineOf('// the guard with the bad catalog')}:\\d+\\)?$`));
    expect(trace.join('\n')).not.toMatch(/cdk-aspects|dist\/bundle|node_modules/);
  });
});
