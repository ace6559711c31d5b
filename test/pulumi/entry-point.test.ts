/**
 * The package's Pulumi entry point as an app imports it from dist/ (run after `npm run build`): importing it loads
 * the pack and the engine, not the audit view, which is loaded when a stack's config first asks for an audit file.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const CATALOG = fileURLToPath(new URL('../../examples/catalog.yaml', import.meta.url));

/**
 * The CommonJS files requiring `entry` loads before any of its code runs: its top-level requires, transitively (a
 * require inside a function, as the audit writer's, runs when that function is first called).
 */
function requiredOnLoad(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const [, required] of readFileSync(join(DIST, 'cjs', file), 'utf8').matchAll(
      /^(?:const \w+ = )?require\("\.\/([^"]+\.cjs)"\);$/gm,
    )) {
      visit(required!);
    }
  };
  visit(entry);
  return [...seen].sort();
}

describe('entitlement-guard/pulumi', () => {
  it('does not load the audit view on import', () => {
    // Both entries load the pack's CommonJS build (through the install's code cache: test/cdk/entry-points.test.ts).
    expect(readFileSync(join(DIST, 'bundle', 'pulumi.js'), 'utf8')).toContain("('../cjs/pulumi.cjs')");
    expect(readFileSync(join(DIST, 'cjs', 'pulumi.cjs'), 'utf8')).toContain("'./pulumi-pack.cjs'");
    const loaded = requiredOnLoad('pulumi-pack.cjs');
    expect(loaded.length).toBeGreaterThan(2);
    const sources = loaded.map((file) => readFileSync(join(DIST, 'cjs', file), 'utf8'));
    expect(sources.some((source) => source.includes('// dist/src/adapters/pulumi/dispatch.js'))).toBe(true);
    expect(sources.filter((source) => source.includes('// dist/src/audit/build.js'))).toEqual([]);
  });

  it('writes the audit file a stack policy is configured with, loading the audit view then', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'eg-pulumi-audit-')), 'audit.json');
    const script = `
      import { entitlementGuardPolicies } from 'entitlement-guard/pulumi';
      const [policy] = entitlementGuardPolicies({ catalog: ${JSON.stringify(CATALOG)} });
      const role = { type: 'aws:iam/role:Role', name: 'deployer', urn: 'urn:pulumi:dev::payments::aws:iam/role:Role::deployer',
        props: { name: 'deployer', assumeRolePolicy: '{"Version":"2012-10-17","Statement":[]}' }, propertyDependencies: {} };
      await policy.validateStack({ resources: [role], getConfig: () => ({ auditFile: ${JSON.stringify(file)} }) }, () => {});`;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(child.stderr).toBe('');
    const audit = JSON.parse(readFileSync(file, 'utf8')) as { identities: { id: string }[] };
    // The stack's role, then the catalog's inventory (identities the stack does not create).
    expect(audit.identities.map((identity) => identity.id).filter((id) => !id.startsWith('catalog:'))).toEqual([
      'urn:pulumi:dev::payments::aws:iam/role:Role::deployer',
    ]);
  });
});
