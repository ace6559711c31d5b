#!/usr/bin/env node
// Runs the built CLI (`npm run build` first; `npm run demo` does both) on the two Terraform plan examples (the
// `terraform show -json` plans of examples/terraform/{bad,good}/main.tf) with the example catalog, prints each
// report, and exits 0 only if the bad plan is blocked (exit 1) and the good plan passes (exit 0).
import { runCliCases } from './support/cli-cases.mjs';

const cases = [
  {
    title: 'bad.tfplan.json: long-lived keys, wildcards, admin, open trust, unrotated secret',
    file: 'examples/terraform/bad.tfplan.json',
    expected: 1,
  },
  {
    title: 'good.tfplan.json: compliant with examples/catalog.yaml',
    file: 'examples/terraform/good.tfplan.json',
    expected: 0,
  },
];

runCliCases(cases);
