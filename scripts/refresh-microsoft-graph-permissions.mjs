// Writes data/microsoft-graph-permissions.json: every Microsoft Graph application permission (the app role an
// application is assigned, by id, the same in every tenant) and every delegated permission (the OAuth2 scope, by id),
// with its name. The engine reads it to name the Graph permission an app role assignment gives (src/iam/azure/entra.ts).
//
//   node scripts/refresh-microsoft-graph-permissions.mjs
//       offline: re-reads the checked-in data, checks its shape and writes it back normalized; no change means in
//       step. With --check it writes nothing and exits 1 when the file is not what it would write (a test runs this).
//   node scripts/refresh-microsoft-graph-permissions.mjs --from permissions-descriptions.json --source "…" --date YYYY-MM-DD
//       from fresh data: permissions/permissions-descriptions.json of github.com/microsoftgraph/microsoft-graph-devx-content
//       (MIT), the permission list Graph Explorer and the Graph tooling read: `applicationScopesList` (application
//       permissions) and `delegatedScopesList` (delegated scopes), each entry with `id` and `value` (the name).
//       --source names the repository, commit and path ("github.com/microsoftgraph/microsoft-graph-devx-content@<commit>
//       permissions/permissions-descriptions.json"), recorded with --date. Its entries replace the data, sorted by name.
//   --out FILE writes (or with --check compares) FILE instead of data/microsoft-graph-permissions.json.
// An entry without a GUID id or a permission name, or an id or name listed twice, is an error naming the file, line,
// field and what was expected (exit 2), never skipped. Nothing is fetched over the network.
import { readFileSync } from 'node:fs';
import { readDataFile, refreshOptions, writeDataFile } from './support/data-file.mjs';

const root = new URL('../', import.meta.url);
const DATA_FILE = new URL('data/microsoft-graph-permissions.json', root);
const LICENSE_NOTE =
  'Facts from Microsoft Graph’s permission list (github.com/microsoftgraph/microsoft-graph-devx-content, MIT, Copyright (c) 2020 Microsoft Graph); ids and names only.';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// Graph permission names: Directory.ReadWrite.All, User.Read, openid, TenantGovernance-Invitation.Read.All, …
const NAME = /^[A-Za-z][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+)*$/;
/** The source's list of each kind, and the data's. */
const LISTS = [
  { kind: 'application', from: 'applicationScopesList', to: 'applicationPermissions' },
  { kind: 'delegated', from: 'delegatedScopesList', to: 'delegatedScopes' },
];

const { values, target } = refreshOptions(DATA_FILE, fail);
const data = values.from ? fromJson(values.from) : offline(target);
if (!writeJson(target, data)) process.exit(1);

function fromJson(file) {
  let text;
  let json;
  try {
    text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    json = JSON.parse(text);
  } catch (error) {
    fail(`${file}: ${error.message}`);
  }
  const lines = entryLines(text);
  const lists = {};
  for (const { from, to } of LISTS) {
    if (!Array.isArray(json?.[from]))
      fail(`${file}: expected a list ${from}, found ${JSON.stringify(typeof json?.[from])}`);
    lists[to] = json[from].map((entry, index) => ({
      id: entry?.id,
      name: entry?.value,
      where: `${file}:${lines[from]?.[index] ?? 1}: ${from}[${index}]`,
      fields: { id: 'id', name: 'value' },
    }));
  }
  return dataset(lists, values.source, values.date);
}

/**
 * The line each entry of the source's top-level lists starts on (`{` directly in the list), so an error names it: a
 * small scan of the JSON text that skips strings.
 */
function entryLines(text) {
  const found = {};
  let line = 1;
  let depth = 0;
  let key;
  let lastString;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '\n') line++;
    else if (char === '"') {
      let end = index + 1;
      while (text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      lastString = text.slice(index + 1, end);
      index = end;
    } else if (char === ':' && depth === 1) key = lastString;
    else if (char === '{' || char === '[') {
      if (char === '{' && depth === 2 && key !== undefined) (found[key] ??= []).push(line);
      depth++;
    } else if (char === '}' || char === ']') depth--;
  }
  return found;
}

function offline(url) {
  const data = readDataFile(url, fail);
  const lists = {};
  for (const { to } of LISTS) {
    if (!Array.isArray(data[to])) fail(`data: ${to} missing`);
    lists[to] = data[to].map((entry, index) => ({
      // Ids compare without case: a hand edit in upper case is written back lower case.
      id: typeof entry?.id === 'string' ? entry.id.toLowerCase() : entry?.id,
      name: entry?.name,
      where: `data: ${to}[${index}]`,
      fields: { id: 'id', name: 'name' },
    }));
  }
  if (lists.applicationPermissions.length !== data.applicationPermissionCount)
    fail(
      `data: the header says ${data.applicationPermissionCount} application permissions, the file holds ${lists.applicationPermissions.length}`,
    );
  if (lists.delegatedScopes.length !== data.delegatedScopeCount)
    fail(
      `data: the header says ${data.delegatedScopeCount} delegated scopes, the file holds ${lists.delegatedScopes.length}`,
    );
  return dataset(lists, data.source, data.date);
}

/** The file's content: checks each entry's shape and that no id or name of a list appears twice; sorts by name. */
function dataset(lists, source, date) {
  if (typeof source !== 'string' || source === '') fail('data: no source');
  if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date)) fail('data: no date (YYYY-MM-DD)');
  const out = {};
  for (const { to } of LISTS) {
    if (lists[to].length === 0) fail(`data: no ${to}`);
    const ids = new Set();
    const names = new Set();
    out[to] = lists[to]
      .map(({ id, name, where, fields }) => {
        if (typeof id !== 'string' || !GUID.test(id))
          fail(`${where}: ${fields.id}: expected a lower-case GUID, found ${JSON.stringify(id)}`);
        if (typeof name !== 'string' || !NAME.test(name))
          fail(
            `${where}: ${fields.name}: expected a permission name (Resource.Operation.Constraint), found ${JSON.stringify(name)}`,
          );
        if (ids.has(id)) fail(`${where}: ${fields.id}: ${id} appears twice`);
        if (names.has(name)) fail(`${where}: ${fields.name}: ${name} appears twice`);
        ids.add(id);
        names.add(name);
        return { id, name };
      })
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }
  // Permissions every Graph has: a source without them is not Graph's permission list.
  if (!out.applicationPermissions.some((entry) => entry.name === 'RoleManagement.ReadWrite.Directory'))
    fail('data: no application permission RoleManagement.ReadWrite.Directory');
  return {
    source,
    date,
    license: LICENSE_NOTE,
    applicationPermissionCount: out.applicationPermissions.length,
    delegatedScopeCount: out.delegatedScopes.length,
    applicationPermissions: out.applicationPermissions,
    delegatedScopes: out.delegatedScopes,
  };
}

/** Writes (or with --check compares) the file. False when --check finds it stale. */
function writeJson(url, data) {
  return writeDataFile(url, data, {
    check: values.check,
    shown: url === DATA_FILE ? 'data/microsoft-graph-permissions.json' : url.pathname,
    written: `${data.applicationPermissionCount} application permissions and ${data.delegatedScopeCount} delegated scopes (${data.source}, ${data.date})`,
  });
}

function fail(message) {
  console.error(`refresh-microsoft-graph-permissions: ${message}`);
  process.exit(2);
}
