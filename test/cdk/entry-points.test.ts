/**
 * The package's CDK entry points, as an app imports them from dist/ (run after `npm run build`): cdk-nag is an
 * optional peer dependency, so only `entitlement-guard/cdk-nag` may load it.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** Imports `specifier` in a fresh Node process; returns its export names and how many cdk-nag modules got loaded. */
function importInFreshProcess(specifier: string): { exports: string[]; cdkNagModules: number } {
  const script = `
    import { createRequire } from 'node:module';
    const loaded = await import(${JSON.stringify(specifier)});
    const cache = Object.keys(createRequire(import.meta.url).cache);
    console.log(JSON.stringify({ exports: Object.keys(loaded).sort(), cdkNagModules: cache.filter((file) => file.includes('/node_modules/cdk-nag/')).length }));`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(child.stderr);
  return JSON.parse(child.stdout) as { exports: string[]; cdkNagModules: number };
}

describe('CDK entry points', () => {
  it('entitlement-guard/cdk gives the aspect and the validation plugin without loading cdk-nag', () => {
    const { exports, cdkNagModules } = importInFreshProcess('entitlement-guard/cdk');
    expect(exports).toEqual(expect.arrayContaining(['EntitlementGuard', 'EntitlementGuardValidation']));
    expect(exports).not.toContain('EntitlementGuardChecks');
    expect(cdkNagModules).toBe(0);
  });

  it('entitlement-guard/cdk-nag gives the cdk-nag pack', () => {
    const { exports, cdkNagModules } = importInFreshProcess('entitlement-guard/cdk-nag');
    expect(exports).toEqual(['EntitlementGuardChecks', 'NAG_PACK_PREFIX']);
    expect(cdkNagModules).toBeGreaterThan(0);
  });
});
