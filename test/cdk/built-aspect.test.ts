/**
 * The aspect as an app gets it from the built package (`entitlement-guard/cdk`, run after `npm run build`), loaded
 * with `import` (the ES module entry, which requires the CommonJS build) and with `require` (the CommonJS build
 * `cdk init`'s ts-node template loads):
 * its annotations must be those of the aspect built from these sources, message for message, in every shape of
 * synthesis that decides when stacks are annotated.
 */
import { createRequire } from 'node:module';
import { App, Aspects, Stack, Stage, type IAspect } from 'aws-cdk-lib';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import * as iam from 'aws-cdk-lib/aws-iam';
import { EntitlementGuard as BuiltGuard, type EntitlementGuardProps } from 'entitlement-guard/cdk';
import { describe, expect, it } from 'vitest';
import { EntitlementGuard as SourceGuard } from '../../cdk-aspects/index.js';
import { BadStack, GoodStack } from '../../examples/cdk-app/lib/stacks.js';
import { batchUserWithKey, EXAMPLE_CATALOG, NOW } from './support.js';

const { EntitlementGuard: RequiredGuard } = createRequire(import.meta.url)('entitlement-guard/cdk') as {
  EntitlementGuard: typeof BuiltGuard;
};
type Guard = new (props?: EntitlementGuardProps) => IAspect;
const BUILDS: Record<string, Guard> = { import: BuiltGuard, require: RequiredGuard, sources: SourceGuard };

/** Every annotation the synthesis put in the assembly (ours and the CDK's), by stack: what `cdk synth` prints. */
function annotationsOf(Guard: Guard, build: (app: App) => void, props: EntitlementGuardProps = {}): string[] {
  const app = new App({ builtinCloudFormationValidation: false });
  build(app);
  const guard = new Guard({ catalog: EXAMPLE_CATALOG, now: NOW, ...props });
  // The CDK applies an App's aspects only outside its Stages: each Stage gets the aspect too (as in CDK Pipelines).
  for (const scope of [app, ...app.node.children.filter((child) => Stage.isStage(child))]) Aspects.of(scope).add(guard);
  const assembly = app.synth();
  const stacks = [assembly, ...assembly.nestedAssemblies.map((nested) => nested.nestedAssembly)].flatMap(
    (each) => each.stacks,
  );
  return stacks.flatMap((stack) =>
    stack.messages.map(
      (message) => `${stack.hierarchicalId} ${message.level} ${message.id}\n${String(message.entry.data)}`,
    ),
  );
}

function expectSameInEveryBuild(build: (app: App) => void): string[] {
  const [first, ...others] = Object.entries(BUILDS).map(([name, Guard]) => ({
    name,
    messages: annotationsOf(Guard, build),
  }));
  for (const other of others)
    expect({ name: other.name, messages: other.messages }).toEqual({ name: other.name, messages: first!.messages });
  return first!.messages;
}

const ruleIds = (messages: string[]) =>
  [...new Set(messages.map((message) => /\[EntitlementGuard\] (\S+)/.exec(message)?.[1]))].sort();

describe('EntitlementGuard from the built package', () => {
  it('imports and requires one build, the CommonJS one (one class per export), and not the sources', () => {
    expect(BuiltGuard).toBe(RequiredGuard);
    expect(BuiltGuard).not.toBe(SourceGuard);
  });

  it('annotates the example app exactly as the aspect built from the sources does', () => {
    const messages = expectSameInEveryBuild((app) => {
      new GoodStack(app, 'PaymentsGood');
      new BadStack(app, 'PaymentsBad');
    });
    expect(ruleIds(messages)).toEqual([
      'break-glass-isolation',
      'exception-expiry',
      'no-long-lived-credentials',
      'no-privilege-escalation',
      'no-wildcard-privilege',
      'require-entitlement',
      'require-owner',
      'restrict-trust',
      'secret-rotation',
      'session-within-class',
    ]);
    expect(messages.filter((message) => message.startsWith('PaymentsGood ') && message.includes(' error '))).toEqual(
      [],
    );
  });

  it('annotates the stacks of a nested Stage when that Stage synthesizes, and the app’s own when the app does', () => {
    const messages = expectSameInEveryBuild((app) => {
      new BadStack(app, 'Top');
      const stage = new Stage(app, 'Prod');
      new BadStack(stage, 'Inner');
      new GoodStack(stage, 'InnerGood');
    });
    const errorsIn = (stack: string) => messages.filter((message) => message.startsWith(`${stack} error`)).length;
    expect(errorsIn('Top')).toBeGreaterThan(0);
    expect(errorsIn('Prod/Inner')).toBe(errorsIn('Top'));
    expect(errorsIn('Prod/InnerGood')).toBe(0);
  });

  it('accepts the deprecated evaluateInWorker and ignores it: the same annotations either way, on the synthesis thread', () => {
    const build = (app: App) => void new BadStack(app, 'Bad');
    const ignored = [true, false].map((evaluateInWorker) => annotationsOf(BuiltGuard, build, { evaluateInWorker }));
    expect(ignored[0]).toEqual(annotationsOf(BuiltGuard, build));
    expect(ignored[1]).toEqual(ignored[0]);
    expect(new BuiltGuard({ evaluateInWorker: true }).evaluatesOn).toBe('main');
  });

  it('starts a synthesis afresh after a stack was validated on its own', () => {
    const app = new App({ builtinCloudFormationValidation: false });
    const stack = new Stack(app, 'S');
    batchUserWithKey(stack);
    const other = new Stack(app, 'Other');
    Aspects.of(app).add(new BuiltGuard({ catalog: EXAMPLE_CATALOG, now: NOW }));
    const keyErrors = (assembly: CloudAssembly, stackName: string) =>
      assembly
        .getStackArtifact(stackName)
        .messages.filter(
          (message) => message.level === 'error' && String(message.entry.data).includes('no-long-lived-credentials'),
        )
        .map((message) => message.id);
    expect(keyErrors(app.synth(), 'S')).toEqual(['/S/Key']);
    // Outside synthesis, S is judged alone and not annotated; the next synthesis must still annotate both stacks, once.
    stack.node.validate();
    new iam.AccessKey(other, 'Key', { user: new iam.User(other, 'User', { userName: 'payments-api-other' }) });
    const again = app.synth({ force: true });
    expect([keyErrors(again, 'S'), keyErrors(again, 'Other')]).toEqual([['/S/Key'], ['/Other/Key']]);
  });

  it('fails the synthesis with the located catalog error, as an error on the stack', () => {
    const app = new App({ builtinCloudFormationValidation: false });
    new iam.User(new Stack(app, 'S'), 'User', { userName: 'payments-api-batch' });
    Aspects.of(app).add(new BuiltGuard({ catalog: '/nonexistent/catalog.yaml' }));
    const errors = app
      .synth()
      .getStackArtifact('S')
      .messages.filter((message) => message.level === 'error')
      .map((message) => [message.id, String(message.entry.data).split('\n').slice(0, 2).join('\n')]);
    expect(errors).toEqual([
      [
        '/S',
        '[EntitlementGuard] the stack was not checked: invalid catalog: 1 issue\n/nonexistent/catalog.yaml: cannot read catalog: cannot read file (ENOENT)',
      ],
    ]);
  });
});
