/**
 * The aspect as an app gets it from the built package (`entitlement-guard/cdk`, run after `npm run build`): the
 * engine runs on a worker thread there. The annotations must be those of the main-thread evaluation, message for
 * message, in every shape of synthesis that decides when verdicts are collected.
 */
import { readFileSync } from 'node:fs';
import { App, Aspects, Stack, Stage } from 'aws-cdk-lib';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import * as iam from 'aws-cdk-lib/aws-iam';
import { EntitlementGuard } from 'entitlement-guard/cdk';
import { describe, expect, it } from 'vitest';
import { BadStack, GoodStack } from '../../examples/cdk-app/lib/stacks.js';
import { batchUserWithKey, EXAMPLE_CATALOG, NOW } from './support.js';

/** Every annotation the synthesis put in the assembly (ours and the CDK's), by stack: what `cdk synth` prints. */
function annotationsOf(build: (app: App) => void, evaluateInWorker: boolean): { thread: string; messages: string[] } {
  const app = new App({ builtinCloudFormationValidation: false });
  build(app);
  const guard = new EntitlementGuard({ catalog: EXAMPLE_CATALOG, now: NOW, evaluateInWorker });
  // The CDK applies an App's aspects only outside its Stages: each Stage gets the aspect too (as in CDK Pipelines).
  for (const scope of [app, ...app.node.children.filter((child) => Stage.isStage(child))]) Aspects.of(scope).add(guard);
  const assembly = app.synth();
  const stacks = [assembly, ...assembly.nestedAssemblies.map((nested) => nested.nestedAssembly)].flatMap((each) => each.stacks);
  const messages = stacks.flatMap((stack) => stack.messages.map((message) => `${stack.hierarchicalId} ${message.level} ${message.id}\n${String(message.entry.data)}`));
  return { thread: guard.evaluatesOn, messages };
}

function expectSameOnBothThreads(build: (app: App) => void): string[] {
  const inWorker = annotationsOf(build, true);
  const onMain = annotationsOf(build, false);
  expect([inWorker.thread, onMain.thread]).toEqual(['worker', 'main']);
  expect(inWorker.messages).toEqual(onMain.messages);
  return inWorker.messages;
}

const ruleIds = (messages: string[]) => [...new Set(messages.map((message) => /\[EntitlementGuard\] (\S+)/.exec(message)?.[1]))].sort();

describe('EntitlementGuard evaluating on a worker thread', () => {
  it('annotates the example app exactly as the main-thread evaluation does', () => {
    const messages = expectSameOnBothThreads((app) => {
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
    expect(messages.filter((message) => message.startsWith('PaymentsGood ') && message.includes(' error '))).toEqual([]);
  });

  it('collects the stacks of a nested Stage when that Stage synthesizes, and the app’s own when the app does', () => {
    const messages = expectSameOnBothThreads((app) => {
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

  it('starts a synthesis afresh after a stack was validated on its own', () => {
    const app = new App({ builtinCloudFormationValidation: false });
    const stack = new Stack(app, 'S');
    batchUserWithKey(stack);
    const other = new Stack(app, 'Other');
    Aspects.of(app).add(new EntitlementGuard({ catalog: EXAMPLE_CATALOG, now: NOW }));
    const keyErrors = (assembly: CloudAssembly, stackName: string) =>
      assembly
        .getStackArtifact(stackName)
        .messages.filter((message) => message.level === 'error' && String(message.entry.data).includes('no-long-lived-credentials'))
        .map((message) => message.id);
    expect(keyErrors(app.synth(), 'S')).toEqual(['/S/Key']);
    // Outside synthesis, S is submitted alone; the next synthesis must still collect both of its stacks.
    stack.node.validate();
    new iam.AccessKey(other, 'Key', { user: new iam.User(other, 'User', { userName: 'payments-api-other' }) });
    expect(keyErrors(app.synth({ force: true }), 'Other')).toEqual(['/Other/Key']);
  });

  it('serves every Stage of a synthesis with one worker, and stops it once the synthesis has returned', async () => {
    // Linux counts a process' threads in /proc; a worker is one more until it has stopped.
    const threads = () => Number(/^Threads:\s+(\d+)$/m.exec(readFileSync('/proc/self/status', 'utf8'))![1]);
    const settle = () => new Promise((resolve) => setTimeout(resolve, 500));
    const synthesizeOnce = () => {
      const app = new App({ builtinCloudFormationValidation: false });
      const guard = new EntitlementGuard({ catalog: EXAMPLE_CATALOG, now: NOW });
      new BadStack(app, 'Bad');
      Aspects.of(app).add(guard);
      for (const name of ['Dev', 'Staging', 'Prod']) {
        const stage = new Stage(app, name);
        new BadStack(stage, 'Bad');
        Aspects.of(stage).add(guard);
      }
      app.synth();
    };
    synthesizeOnce();
    await settle();
    const before = threads();
    synthesizeOnce();
    // Four syntheses (three Stages, then the App) have collected their verdicts: one worker is still up.
    expect(threads()).toBe(before + 1);
    await settle();
    expect(threads()).toBe(before);
  });

  it('evaluates on the main thread when asked to, and when it writes an audit (which needs every model there)', () => {
    expect(new EntitlementGuard({ evaluateInWorker: false }).evaluatesOn).toBe('main');
    expect(new EntitlementGuard({ auditFile: 'audit.json' }).evaluatesOn).toBe('main');
    expect(new EntitlementGuard().evaluatesOn).toBe('worker');
  });

  it('fails the synthesis with the located catalog error the worker met', () => {
    const app = new App({ builtinCloudFormationValidation: false });
    new iam.User(new Stack(app, 'S'), 'User', { userName: 'payments-api-batch' });
    const guard = new EntitlementGuard({ catalog: '/nonexistent/catalog.yaml' });
    expect(guard.evaluatesOn).toBe('worker');
    Aspects.of(app).add(guard);
    expect(() => app.synth()).toThrow(/^invalid catalog: 1 issue\n\/nonexistent\/catalog\.yaml: cannot read catalog/);
  });
});
