/**
 * data/entra-directory-roles.json and data/microsoft-graph-permissions.json: Entra ID's built-in directory roles and
 * Microsoft Graph's permissions, read on the first lookup (never on import); and the scripts that write them
 * (scripts/refresh-entra-directory-roles.mjs, scripts/refresh-microsoft-graph-permissions.mjs), offline and from
 * Microsoft's published sources, kept verbatim in test/fixtures/entra-directory-roles/ and
 * test/fixtures/microsoft-graph-permissions/.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultCatalog } from '../../catalog/index.js';
import { evaluate } from '../../src/engine/index.js';
import {
  entraDataLoaded,
  entraDirectoryRoleById,
  entraDirectoryRoleData,
  entraDirectoryRoles,
  graphApplicationPermissionName,
  graphPermissionData,
  isGraphPermissionName,
  PRIVILEGED_GRAPH_PERMISSIONS,
} from '../../src/iam/azure/entra.js';
import { allow, model, role } from '../support/builders.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ROLES_SCRIPT = 'scripts/refresh-entra-directory-roles.mjs';
const GRAPH_SCRIPT = 'scripts/refresh-microsoft-graph-permissions.mjs';
const ROLES_DATA = join(ROOT, 'data/entra-directory-roles.json');
const GRAPH_DATA = join(ROOT, 'data/microsoft-graph-permissions.json');
const ROLES_SOURCE = join(ROOT, 'test/fixtures/entra-directory-roles/permissions-reference.md');
const GRAPH_SOURCE = join(ROOT, 'test/fixtures/microsoft-graph-permissions/permissions-descriptions.json');
const ROLES_COMMIT = '00fe95d60143bbf5f832cdd8bb74765b182c2d8f';
const GRAPH_COMMIT = '6cbd6bbd665a877560fdefbad74f3bdb5b57af88';

const run = (script: string, ...args: string[]) =>
  spawnSync(process.execPath, [script, ...args], { cwd: ROOT, encoding: 'utf8' });

describe('data/entra-directory-roles.json and data/microsoft-graph-permissions.json', () => {
  // Runs first in this file (its own module state): nothing has looked a role up yet.
  it('are not read for an AWS change, and each is read on its first lookup', () => {
    evaluate(model({ identities: [role('Plain', { policies: [allow('s3:GetObject', 'arn:aws:s3:::b/*')] })] }), {
      catalog: defaultCatalog(),
    });
    expect(entraDataLoaded()).toEqual({ roles: false, graph: false });
    expect(entraDirectoryRoleById('194AE4CB-B126-40B2-BD5B-6091B380977D')).toEqual({
      id: '194ae4cb-b126-40b2-bd5b-6091b380977d',
      name: 'Security Administrator',
      privileged: true,
    });
    expect(entraDataLoaded()).toEqual({ roles: true, graph: false });
    expect(graphApplicationPermissionName('9e3f62cf-ca93-4989-b6ce-bf83c28f9fe8')).toBe(
      'RoleManagement.ReadWrite.Directory',
    );
    expect(entraDataLoaded()).toEqual({ roles: true, graph: true });
  });

  it("name Microsoft's repositories, commits and paths, their date and licence, and hold every row of the sources", () => {
    const roles = entraDirectoryRoleData();
    expect(roles.source).toBe(
      `github.com/MicrosoftDocs/entra-docs@${ROLES_COMMIT} docs/identity/role-based-access-control/permissions-reference.md`,
    );
    expect(roles.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // Every row of the "All roles" table.
    expect(roles.count).toBe(
      readFileSync(ROLES_SOURCE, 'utf8')
        .split('\n')
        .filter((line) => line.startsWith('> | [')).length,
    );
    expect([roles.count, entraDirectoryRoles().filter((entry) => entry.privileged).length]).toEqual([123, 29]);
    expect(JSON.parse(readFileSync(ROLES_DATA, 'utf8')).license).toMatch(/CC-BY-4\.0.*Microsoft Corporation/);

    const graph = graphPermissionData();
    expect(graph.source).toBe(
      `github.com/microsoftgraph/microsoft-graph-devx-content@${GRAPH_COMMIT} permissions/permissions-descriptions.json`,
    );
    const source = JSON.parse(readFileSync(GRAPH_SOURCE, 'utf8')) as Record<string, unknown[]>;
    expect([graph.count, graph.delegatedCount]).toEqual([
      source.applicationScopesList!.length,
      source.delegatedScopesList!.length,
    ]);
    expect([graph.count, graph.delegatedCount]).toEqual([534, 598]);
    expect(JSON.parse(readFileSync(GRAPH_DATA, 'utf8')).license).toMatch(/\bMIT\b.*Microsoft Graph/);
  });

  it('hold the roles and permissions the hand-written tables held, under the same ids', () => {
    // The seven template ids and four Graph ids src/iam/azure/roles.ts listed by hand before the data.
    const formerRoles = {
      '62e90394-69f5-4237-9190-012177145e10': 'Global Administrator',
      'e8611ab8-c189-46e8-94e1-60213ab1f814': 'Privileged Role Administrator',
      '7be44c8a-adaf-4e2a-84d6-ab2649e08a13': 'Privileged Authentication Administrator',
      '9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3': 'Application Administrator',
      '158c047a-c907-4556-b7ef-446551a6b5f7': 'Cloud Application Administrator',
      'fe930be7-5e62-47db-91af-98c3a49a38b1': 'User Administrator',
      '88d8e3e3-8f55-4a1e-953a-9b9898b8876b': 'Directory Readers',
    };
    for (const [id, name] of Object.entries(formerRoles)) expect(entraDirectoryRoleById(id)?.name).toBe(name);
    // The five the check held privileged are all marked privileged by Microsoft; Directory Readers is not.
    expect(entraDirectoryRoleById('88d8e3e3-8f55-4a1e-953a-9b9898b8876b')?.privileged).toBe(false);
    const formerGraph = {
      '9e3f62cf-ca93-4989-b6ce-bf83c28f9fe8': 'RoleManagement.ReadWrite.Directory',
      '06b708a9-e830-4db3-a914-8e69da51d44f': 'AppRoleAssignment.ReadWrite.All',
      '1bfefb4e-e0b5-418b-a88f-73c46d2cc8e9': 'Application.ReadWrite.All',
      '19dbc75e-c2e2-444c-a770-ec69d8559fc7': 'Directory.ReadWrite.All',
    };
    for (const [id, name] of Object.entries(formerGraph)) expect(graphApplicationPermissionName(id)).toBe(name);
    // The project's judgement names only permissions Graph has, as application permissions and delegated scopes.
    for (const name of PRIVILEGED_GRAPH_PERMISSIONS) {
      expect(isGraphPermissionName(name, 'application')).toBe(true);
      expect(isGraphPermissionName(name, 'delegated')).toBe(true);
    }
  });

  it('are in no built bundle (dist/bundle, dist/cjs): an import parses none of them', () => {
    const bundled = ['bundle', 'cjs'].flatMap((folder) => {
      const dir = new URL(`../../dist/${folder}/`, import.meta.url);
      return readdirSync(dir)
        .filter((file) => file.endsWith('.js') || file.endsWith('.cjs'))
        .filter((file) => {
          const text = readFileSync(new URL(file, dir), 'utf8');
          // Kaizala Administrator and APIConnectors.Read.All are in no source file, only in the data.
          return text.includes('Kaizala Administrator') || text.includes('APIConnectors.Read.All');
        })
        .map((file) => `${folder}/${file}`);
    });
    expect(bundled).toEqual([]);
  });
});

describe.each([
  {
    script: ROLES_SCRIPT,
    data: ROLES_DATA,
    from: ROLES_SOURCE,
    shown: 'data/entra-directory-roles.json',
    // A hand edit the offline run writes back normalized: an id in upper case.
    stale: (text: string) => text.replace('"id":"194ae4cb', '"id":"194AE4CB'),
  },
  {
    script: GRAPH_SCRIPT,
    data: GRAPH_DATA,
    from: GRAPH_SOURCE,
    shown: 'data/microsoft-graph-permissions.json',
    stale: (text: string) => text.replace('"id":"9e3f62cf', '"id":"9E3F62CF'),
  },
])('$script', ({ script, data, from, shown, stale }) => {
  it('runs offline from the checked-in data and finds it in step', () => {
    const output = execFileSync(process.execPath, [script, '--check'], { cwd: ROOT, encoding: 'utf8' });
    expect(output.trim()).toBe(`${shown}: in step`);
  });

  it("rebuilt from Microsoft's source (verbatim fixture) with the recorded source and date, gives the checked-in file byte for byte", () => {
    const { source, date } = JSON.parse(readFileSync(data, 'utf8')) as { source: string; date: string };
    const out = join(mkdtempSync(join(tmpdir(), 'eg-entra-refresh-')), 'data.json');
    expect(run(script, '--from', from, '--out', out).status).toBe(2); // --source and --date are required
    const written = run(script, '--from', from, '--out', out, '--source', source, '--date', date);
    expect([written.status, written.stderr]).toEqual([0, '']);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(data, 'utf8'));
    expect(run(script, '--check', '--out', out).stdout.trim()).toBe(`${out}: in step`);
    writeFileSync(out, stale(readFileSync(out, 'utf8')));
    const result = run(script, '--check', '--out', out);
    expect([result.status, result.stdout.trim()]).toEqual([
      1,
      `${out}: NOT what the script writes: run it and review the diff`,
    ]);
  });
});

describe('malformed sources: the file, line, field and what was expected (exit 2), nothing written', () => {
  const directory = mkdtempSync(join(tmpdir(), 'eg-entra-malformed-'));
  const out = join(directory, 'data.json');
  const fresh = (script: string, file: string) =>
    run(script, '--from', file, '--source', 'test fixture', '--date', '2026-12-06', '--out', out);

  it('the roles table: a bad template id, a name cell without its link, a missing cell, a role twice, no table', () => {
    const lines = readFileSync(ROLES_SOURCE, 'utf8').split('\n');
    const row = lines.findIndex((line) => line.startsWith('> | [Helpdesk Administrator]'));
    const row2 = lines.findIndex((line) => line.startsWith('> | [Exchange Administrator]'));
    const cases: [string, (edit: string[]) => void, string][] = [
      [
        'bad-id.md',
        (edit) => (edit[row] = edit[row]!.replace('729827e3-9c14', '729827e3-9c1')),
        `:${row + 1}: template id: expected a lower-case GUID in "> | [<role name>](#<anchor>) | <description> | <template id> |", found "729827e3-9c1-49f7-bb1b-9608f156bbb8"`,
      ],
      [
        'bad-name.md',
        (edit) =>
          (edit[row] = edit[row]!.replace(
            '[Helpdesk Administrator](#helpdesk-administrator)',
            'Helpdesk Administrator',
          )),
        `:${row + 1}: role name: expected "> | [<role name>](#<anchor>) | <description> | <template id> |", found "Helpdesk Administrator"`,
      ],
      [
        'two-cells.md',
        (edit) =>
          (edit[row2] =
            '> | [Exchange Administrator](#exchange-administrator) | 29232cdf-9323-42fd-ade2-1d097af3e4de |'),
        `:${row2 + 1}: expected "> | [<role name>](#<anchor>) | <description> | <template id> |" (three cells), found `,
      ],
      [
        'twice.md',
        (edit) => edit.splice(row2 + 1, 0, edit[row2]!),
        `:${row2 + 2}: template id 29232cdf-9323-42fd-ade2-1d097af3e4de appears twice`,
      ],
      [
        'no-table.md',
        (edit) => edit.splice(0, edit.length, ...edit.filter((line) => !line.startsWith('> | Role'))),
        ': expected the "All roles" table header "> | Role | Description | Template ID |", found no such line',
      ],
    ];
    for (const [name, change, message] of cases) {
      const file = join(directory, name);
      const edit = [...lines];
      change(edit);
      writeFileSync(file, edit.join('\n'));
      const result = fresh(ROLES_SCRIPT, file);
      expect([result.status, result.stdout]).toEqual([2, '']);
      expect(result.stderr).toContain(`refresh-entra-directory-roles: ${file}${message}`);
    }
    expect(readdirSync(directory).includes('data.json')).toBe(false);
  });

  it('the Graph list: an id that is no GUID, a name missing, a permission twice, a list missing', () => {
    const text = readFileSync(GRAPH_SOURCE, 'utf8');
    const lineOf = (needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;
    // The line of the `{` that opens the entry holding `needle`.
    const entryLine = (needle: string) => {
      const at = text.indexOf(needle);
      return text.slice(0, text.lastIndexOf('{', at)).split('\n').length;
    };
    const mail = '"id": "810c84a8-4a9e-49e6-bf7d-12d183f40d01"';
    const mailIndex = (JSON.parse(text) as { applicationScopesList: { id: string }[] }).applicationScopesList.findIndex(
      (entry) => entry.id === '810c84a8-4a9e-49e6-bf7d-12d183f40d01',
    );
    const cases: [string, string, string][] = [
      [
        'bad-id.json',
        text.replace(mail, '"id": "810c84a8"'),
        `:${entryLine(mail)}: applicationScopesList[${mailIndex}]: id: expected a lower-case GUID, found "810c84a8"`,
      ],
      [
        'no-name.json',
        text.replace(
          /("id": "810c84a8-4a9e-49e6-bf7d-12d183f40d01",\s*"isAdmin": true,\s*"isEnabled": true,\s*)"value": "Mail.Read"/,
          '$1"value": ""',
        ),
        `:${entryLine(mail)}: applicationScopesList[${mailIndex}]: value: expected a permission name (Resource.Operation.Constraint), found ""`,
      ],
      ['twice.json', text.replace(mail, '"id": "9e3f62cf-ca93-4989-b6ce-bf83c28f9fe8"'), 'appears twice'],
      [
        'no-list.json',
        text.replace('"applicationScopesList"', '"applicationList"'),
        ': expected a list applicationScopesList, found "undefined"',
      ],
    ];
    expect(lineOf(mail)).toBeGreaterThan(entryLine(mail));
    for (const [name, content, message] of cases) {
      expect(content).not.toBe(text);
      const file = join(directory, name);
      writeFileSync(file, content);
      const result = fresh(GRAPH_SCRIPT, file);
      expect([result.status, result.stdout]).toEqual([2, '']);
      expect(result.stderr).toContain(message);
      expect(result.stderr).toContain(`refresh-microsoft-graph-permissions: ${file}`);
    }
    expect(readdirSync(directory).includes('data.json')).toBe(false);
  });
});
