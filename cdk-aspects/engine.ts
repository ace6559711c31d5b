/**
 * The half of `entitlement-guard/cdk` that judges: the engine, the catalog loader, the CloudFormation adapter. The
 * front-ends reach it through `cdkEngine()` (engine-loader.ts), which the package loads on first use, so an app pays
 * for importing it only when a stack is checked (issue 23: import ≤ 50 ms). The audit writer is apart (audit-loader.ts).
 */
export { isBlocking } from '../src/model/finding.js';
export { loadTemplates } from '../src/adapters/cloudformation/load.js';
export { allRules } from '../src/rules/index.js';
export { resolveOptions, resolveOptionsOrUnreadable } from './options.js';
export { judgeOnSynthesis, resourceKey, stackTemplates } from './stack-templates.js';
export { describeFinding, evaluateTemplates, judgeTemplates } from './verdict.js';
