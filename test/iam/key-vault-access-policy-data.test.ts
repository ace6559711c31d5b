/**
 * data/azure-key-vault-access-policies.json: Microsoft's mapping of Key Vault access policy permissions to RBAC data
 * actions, read on the first lookup (never on import); and the script that writes it
 * (scripts/refresh-key-vault-access-policies.mjs), offline and from Microsoft's CSV, kept verbatim in
 * test/fixtures/azure-key-vault-access-policy-mapping/.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultCatalog } from '../../catalog/index.js';
import { evaluate } from '../../src/engine/index.js';
import {
  accessPolicyDataActions,
  keyVaultAccessPolicyData,
  keyVaultAccessPolicyDataLoaded,
} from '../../src/iam/azure/key-vault-access-policies.js';
import { allow, model, role } from '../support/builders.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCRIPT = 'scripts/refresh-key-vault-access-policies.mjs';
const DATA = join(ROOT, 'data/azure-key-vault-access-policies.json');
const CSV = join(ROOT, 'test/fixtures/azure-key-vault-access-policy-mapping/AcessPolicyRBACMapping.csv');
const COMMIT = '6a53e39e324228dccc9b8b0a6ad0076a89ff221f';

const run = (...args: string[]) => spawnSync(process.execPath, [SCRIPT, ...args], { cwd: ROOT, encoding: 'utf8' });

describe('data/azure-key-vault-access-policies.json', () => {
  // Runs first in this file (its own module state): nothing has looked a permission up yet.
  it('is not read for an AWS change, and is read on the first lookup', () => {
    evaluate(model({ identities: [role('Plain', { policies: [allow('s3:GetObject', 'arn:aws:s3:::b/*')] })] }), {
      catalog: defaultCatalog(),
    });
    expect(keyVaultAccessPolicyDataLoaded()).toBe(false);
    expect(accessPolicyDataActions({ secrets: ['Set', 'list'], keys: ['UnwrapKey', 'frobnicate'] })).toEqual({
      dataActions: [
        'Microsoft.KeyVault/vaults/keys/unwrap/action',
        'Microsoft.KeyVault/vaults/secrets/readMetadata/action',
        'Microsoft.KeyVault/vaults/secrets/setSecret/action',
        'Microsoft.KeyVault/vaults/secrets/update/action',
      ],
      unknown: ['keys: frobnicate'],
    });
    expect(keyVaultAccessPolicyDataLoaded()).toBe(true);
  });

  it("names Microsoft's repository, commit and path, its date and licence, and holds every row of the CSV", () => {
    const { source, date, count } = keyVaultAccessPolicyData();
    expect(source).toBe(
      `github.com/Azure/KeyVault-AccessPolicyToRBAC-CompareTool@${COMMIT} Tool/AcessPolicyRBACMapping.csv`,
    );
    expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(count).toBe(readFileSync(CSV, 'utf8').trimEnd().split('\n').length - 1); // the rows under the header
    expect(JSON.parse(readFileSync(DATA, 'utf8')).license).toMatch(/\bMIT\b.*Microsoft Corporation/);
    // `all` of a list is every permission of that list in the data, so counts per list pin what `all` grants.
    const all = (list: 'keys' | 'secrets' | 'certificates' | 'storage') =>
      accessPolicyDataActions({ [list]: ['all'] }).dataActions.length;
    expect([all('keys'), all('secrets'), all('certificates'), all('storage')]).toEqual([19, 9, 13, 11]);
  });

  it('is in no built bundle (dist/bundle, dist/cjs): an import parses none of it', () => {
    const bundled = ['bundle', 'cjs'].flatMap((folder) => {
      const dir = new URL(`../../dist/${folder}/`, import.meta.url);
      return readdirSync(dir)
        .filter((file) => file.endsWith('.js') || file.endsWith('.cjs'))
        .filter((file) => readFileSync(new URL(file, dir), 'utf8').includes('certificatecontacts'))
        .map((file) => `${folder}/${file}`);
    });
    expect(bundled).toEqual([]);
  });
});

describe('scripts/refresh-key-vault-access-policies.mjs', () => {
  it('runs offline from the checked-in data and finds it in step', () => {
    const output = execFileSync(process.execPath, [SCRIPT, '--check'], { cwd: ROOT, encoding: 'utf8' });
    expect(output.trim()).toBe('data/azure-key-vault-access-policies.json: in step');
  });

  it("rebuilt from Microsoft's CSV (verbatim fixture) with the recorded source and date, gives the checked-in file byte for byte", () => {
    const { source, date } = JSON.parse(readFileSync(DATA, 'utf8')) as { source: string; date: string };
    const out = join(mkdtempSync(join(tmpdir(), 'eg-kv-refresh-')), 'policies.json');
    const fresh = ['--from', CSV, '--out', out];
    expect(run(...fresh).status).toBe(2); // --source and --date are required
    const written = run(...fresh, '--source', source, '--date', date);
    expect([written.status, written.stderr]).toEqual([0, '']);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(DATA, 'utf8'));
    expect(run('--check', '--out', out).stdout.trim()).toBe(`${out}: in step`);
    writeFileSync(out, readFileSync(out, 'utf8').replace('"permission":"purge"', '"permission":"Purge"'));
    // Offline, the file is read back and normalized; --check reports that it is not what the script writes.
    const stale = run('--check', '--out', out);
    expect([stale.status, stale.stdout.trim()]).toEqual([
      1,
      `${out}: NOT what the script writes: run it and review the diff`,
    ]);
  });

  it('refuses a malformed CSV with the file, the line and what it expected (exit 2), writing nothing', () => {
    const directory = mkdtempSync(join(tmpdir(), 'eg-kv-malformed-'));
    const out = join(directory, 'policies.json');
    const rows = readFileSync(CSV, 'utf8').split('\n');
    const expected = 'expected "<Key|Secret|Certificate|Storage> <Permission>,<data action>[;<data action>…]"';
    const cases: [string, (lines: string[]) => void, string][] = [
      ['three-columns.csv', (lines) => (lines[3] += ',extra'), `:4: ${expected} (two columns), found `],
      [
        'unknown-list.csv',
        (lines) => (lines[5] = 'Vault Get,Microsoft.KeyVault/vaults/read'),
        `:6: ${expected}, found the permission "Vault Get"`,
      ],
      [
        'bad-action.csv',
        (lines) => (lines[40] = 'Secret Set,Microsoft.KeyVault/vaults/secrets/setSecret/action;'),
        `:41: ${expected}, found the data action ""`,
      ],
      [
        'no-header.csv',
        (lines) => lines.shift(),
        ':1: expected the header "Access Policy Permission,RBAC Data Action"',
      ],
    ];
    for (const [name, change, message] of cases) {
      const file = join(directory, name);
      const lines = [...rows];
      change(lines);
      writeFileSync(file, lines.join('\n'));
      const result = run('--from', file, '--source', 'test fixture', '--date', '2026-12-06', '--out', out);
      expect([result.status, result.stdout]).toEqual([2, '']);
      expect(result.stderr).toContain(`refresh-key-vault-access-policies: ${file}${message}`);
    }
    // A permission listed twice would let one row silently replace the other.
    const twice = join(directory, 'twice.csv');
    copyFileSync(CSV, twice);
    writeFileSync(twice, `${readFileSync(twice, 'utf8')}Key Get,Microsoft.KeyVault/vaults/keys/delete\n`);
    const duplicate = run('--from', twice, '--source', 'test fixture', '--date', '2026-12-06', '--out', out);
    expect([duplicate.status, duplicate.stderr.trim()]).toEqual([
      2,
      `refresh-key-vault-access-policies: ${twice}:60: keys get appears twice`,
    ]);
    expect(readdirSync(directory).includes('policies.json')).toBe(false);
  });
});
