#!/usr/bin/env node
// Runs the built CLI (`npm run build` first; `npm run demo` does both) on the two CloudFormation examples
// with the example catalog, prints each report, and exits 0 only if the bad stack is blocked (exit 1) and the
// good stack passes (exit 0).
import { runCliCases } from './support/cli-cases.mjs';

const cases = [
  {
    title: 'bad-stack: long-lived keys, wildcards, admin, open trust, unrotated secret',
    file: 'examples/cloudformation/bad-stack.template.yaml',
    expected: 1,
  },
  {
    title: 'good-stack: compliant with examples/catalog.yaml',
    file: 'examples/cloudformation/good-stack.template.yaml',
    expected: 0,
  },
  {
    title:
      'privileged-access/bad: break-glass trusting the account root (CI reaches it), break-glass without MFA, standing admin labelled just in time',
    file: 'examples/privileged-access/bad.template.yaml',
    expected: 1,
  },
  {
    title: 'privileged-access/good: a break-glass role and a just-in-time admin role, with no exception',
    file: 'examples/privileged-access/good.template.yaml',
    expected: 0,
  },
];

runCliCases(cases);
