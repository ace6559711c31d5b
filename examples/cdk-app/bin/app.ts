/**
 * The example CDK app. `cdk synth` fails on PaymentsBad and passes on PaymentsGood.
 *   -c stacks=good|bad    synthesize one of the two stacks (default: both)
 *   -c guard=aspect|nag|plugin|all   which Entitlement Guard front-end runs (default: aspect)
 *   -c audit=entitlement-audit.html  the aspect also writes the audit view of the app into cdk.out (.json, .md, .html)
 *   -c catalog=PATH       another catalog than examples/catalog.yaml
 * Run with Node 22 (type stripping), after `npm run build` at the repository root.
 */
import { fileURLToPath } from 'node:url';
import { App, Aspects, Validations } from 'aws-cdk-lib';
import { EntitlementGuard, EntitlementGuardValidation } from 'entitlement-guard/cdk';
import { EntitlementGuardChecks } from 'entitlement-guard/cdk-nag';
import { BadStack, GoodStack } from '../lib/stacks.ts';

const app = new App();
const catalog: string =
  app.node.tryGetContext('catalog') ?? fileURLToPath(new URL('../../catalog.yaml', import.meta.url));
const stacks = app.node.tryGetContext('stacks') ?? 'both';
const guard = app.node.tryGetContext('guard') ?? 'aspect';
const auditFile: string | undefined = app.node.tryGetContext('audit');

if (stacks !== 'bad') new GoodStack(app, 'PaymentsGood');
if (stacks !== 'good') new BadStack(app, 'PaymentsBad');

if (guard === 'aspect' || guard === 'all')
  Aspects.of(app).add(new EntitlementGuard({ catalog, ...(auditFile ? { auditFile } : {}) }));
if (guard === 'nag' || guard === 'all') Validations.of(app).addPlugins(new EntitlementGuardChecks(app, { catalog }));
if (guard === 'plugin' || guard === 'all') Validations.of(app).addPlugins(new EntitlementGuardValidation({ catalog }));

app.synth();
