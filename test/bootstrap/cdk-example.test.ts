/**
 * The catalog `catalog init` writes for the example CDK app (examples/cdk-app, both stacks synthesized with the real
 * CDK) is checked in as examples/cdk-app/catalog.generated.yaml: this test keeps it in step, and runs the round trip
 * on it (approvers filled in: check passes; a later access key or `iam:*` grant fails).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { BadStack, GoodStack } from '../../examples/cdk-app/lib/stacks.js';
import { approved, blocking, check, REPO, scratch, TODAY } from './support.js';
import { laterChange } from './support.js';
import { runCatalogInit } from '../../src/cli/catalog-init.js';

const GENERATED = join(REPO, 'examples/cdk-app/catalog.generated.yaml');

function synthesize(): string {
  const outdir = join(scratch(), 'cdk.out');
  const app = new App({ outdir, context: { 'aws:cdk:enable-path-metadata': true } });
  new GoodStack(app, 'PaymentsGood');
  new BadStack(app, 'PaymentsBad');
  app.synth();
  return outdir;
}

describe('catalog init on the example CDK app', () => {
  const cdkOut = synthesize();
  const result = runCatalogInit([cdkOut, '--today', TODAY], undefined, REPO);

  it('gives the checked-in examples/cdk-app/catalog.generated.yaml', () => {
    expect(result.exitCode).toBe(0);
    expect(result.errors[0]).toBe(
      'catalog init: 10 identities, 6 entitlements (2 privileged), 5 owners, 0 trusted accounts, 1 OIDC issuer, 12 exceptions to approve',
    );
    // Regenerate with: node dist/bundle/cli.js catalog init cdk.out --today 2026-12-02 > examples/cdk-app/catalog.generated.yaml
    expect(result.output).toBe(readFileSync(GENERATED, 'utf8'));
  });

  it('passes check with the approvers filled in, and fails on a later access key or iam:* grant', () => {
    const catalog = approved(result.output);
    const passed = check([cdkOut], catalog);
    expect(blocking(passed)).toEqual([]);
    expect(passed.exitCode).toBe(0);
    const later = check([cdkOut, laterChange('payments-api-runtime')], catalog);
    expect(later.exitCode).toBe(1);
    expect(blocking(later)).toEqual([
      'no-long-lived-credentials NewUserKey Credential::aws-access-key',
      'no-privilege-escalation PaymentsApiRuntimeCCE9F728 Path::*',
      'no-wildcard-privilege NewIamGrant Action::iam:*',
      'require-entitlement NewIamGrant Policy::NewIamGrant',
      'require-entitlement NewUser Class::undeclared',
      'require-entitlement NewUser Entitlement::none',
      'require-owner NewUser Owner::missing',
    ]);
  });
});
