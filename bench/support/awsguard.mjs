/**
 * @pulumi/awsguard for the Pulumi benchmark only. It pulls in aws-sdk v2 and an old @pulumi/aws (~220 MB), so it is
 * not a dependency of the project: the benchmark installs it on first use into its own npm project under
 * node_modules/.cache (gone with node_modules, never in the lockfile or the tests), and says so before it does.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The version the figures in policypack/README.md were measured with. */
export const AWSGUARD_VERSION = '0.3.1';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DIR = join(ROOT, 'node_modules', '.cache', 'entitlement-guard', `bench-awsguard-${AWSGUARD_VERSION}`);

/** The path of @pulumi/awsguard's entry point, installing it first if this checkout has not yet. */
export function resolveAwsguard() {
  const manifest = join(DIR, 'package.json');
  const resolve = () => createRequire(manifest).resolve('@pulumi/awsguard');
  if (existsSync(join(DIR, 'node_modules', '@pulumi', 'awsguard'))) return resolve();
  console.error(
    `bench: installing @pulumi/awsguard@${AWSGUARD_VERSION} (benchmark only, not a project dependency) into ${DIR}`,
  );
  mkdirSync(DIR, { recursive: true });
  writeFileSync(
    manifest,
    JSON.stringify(
      { name: 'bench-awsguard', private: true, dependencies: { '@pulumi/awsguard': AWSGUARD_VERSION } },
      null,
      2,
    ),
  );
  try {
    // npm puts the bench's own Node 22 first on PATH; the package's plugin install scripts are not needed to load it.
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], {
      cwd: DIR,
      stdio: 'inherit',
    });
  } catch {
    throw new Error(
      `bench: could not install @pulumi/awsguard@${AWSGUARD_VERSION} into ${DIR} (the registry must be reachable the first time)`,
    );
  }
  return resolve();
}
