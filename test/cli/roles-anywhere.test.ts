/**
 * IAM Roles Anywhere through the built CLI (npm run build): the task's probe (a role trusted by
 * rolesanywhere.amazonaws.com with no condition, and a profile naming it) blocks on the trust anchor and the
 * certificate credential, and shows the open certificate subject; a role pinned to its anchor and one CN, whose catalog
 * lets workloads hold certificates, gives no Roles Anywhere finding, and the example catalog, which does not, blocks it.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const REPO = join(import.meta.dirname, '../..');
const BIN = join(REPO, 'dist/bundle/cli.js');

/** The finding lines (`✖`/`!` and the detail) of the Roles Anywhere details, and the exit status. */
function check(template: string, catalog: string): { status: number | null; lines: string[] } {
  const run = spawnSync(
    process.execPath,
    [BIN, 'check', `test/cli/fixtures/${template}`, '--catalog', catalog, '--now', '2026-12-06'],
    { cwd: REPO, encoding: 'utf8' },
  );
  const lines = run.stdout
    .split('\n')
    .map((line) => line.trim())
    .filter((line) =>
      /\[(Condition::aws:SourceArn|Condition::aws:PrincipalTag\/x509Subject|Credential::aws-roles-anywhere|DurationSeconds::[^\]]+)\]/.test(
        line,
      ),
    )
    .map((line) => line.slice(0, line.indexOf(']') + 1));
  return { status: run.status, lines };
}

describe('IAM Roles Anywhere through the built CLI', () => {
  it('the probe blocks: any trust anchor, any certificate subject, a certificate no class allows', () => {
    expect(check('roles-anywhere-open.yaml', 'examples/catalog.yaml')).toEqual({
      status: 1,
      lines: [
        '! [Condition::aws:PrincipalTag/x509Subject]',
        '✖ [Condition::aws:SourceArn]',
        '✖ [Credential::aws-roles-anywhere]',
      ],
    });
  });

  it('a pinned role passes where the catalog lets workloads hold certificates, and blocks where it does not', () => {
    expect(check('roles-anywhere-pinned.yaml', 'test/cli/fixtures/roles-anywhere-catalog.yaml').lines).toEqual([]);
    expect(check('roles-anywhere-pinned.yaml', 'examples/catalog.yaml')).toEqual({
      status: 1,
      lines: ['✖ [Credential::aws-roles-anywhere]'],
    });
  });
});
