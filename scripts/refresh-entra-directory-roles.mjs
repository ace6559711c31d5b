// Writes data/entra-directory-roles.json: every Microsoft Entra ID built-in directory role, by template id (the same in
// every tenant), with its name and whether Microsoft marks it privileged. The engine reads it to name the role a
// directory role assignment gives (src/iam/azure/entra.ts).
//
//   node scripts/refresh-entra-directory-roles.mjs
//       offline: re-reads the checked-in data, checks its shape and writes it back normalized; no change means in
//       step. With --check it writes nothing and exits 1 when the file is not what it would write (a test runs this).
//   node scripts/refresh-entra-directory-roles.mjs --from permissions-reference.md --source "…" --date YYYY-MM-DD
//       from fresh data: docs/identity/role-based-access-control/permissions-reference.md of
//       github.com/MicrosoftDocs/entra-docs (documentation under CC-BY-4.0), the page "Microsoft Entra built-in roles",
//       whose "All roles" table Microsoft generates from the directory's role definitions. --source names the
//       repository, commit and path ("github.com/MicrosoftDocs/entra-docs@<commit> docs/…/permissions-reference.md"),
//       recorded with --date. Its rows replace the data, in the table's order.
//   --out FILE writes (or with --check compares) FILE instead of data/entra-directory-roles.json.
// Each row of the table is `> | [<name>](#<anchor>) | <description> | <template id> |`; a description that carries the
// page's "Privileged label" image is a role Microsoft marks privileged (learn.microsoft.com/entra/identity/
// role-based-access-control/privileged-roles-permissions). A row that is not that shape is an error naming the file,
// line, field and what was expected (exit 2), never skipped. Nothing is fetched over the network.
import { readFileSync } from 'node:fs';
import { readDataFile, refreshOptions, writeDataFile } from './support/data-file.mjs';

const root = new URL('../', import.meta.url);
const DATA_FILE = new URL('data/entra-directory-roles.json', root);
const LICENSE_NOTE =
  'Facts from Microsoft’s “Microsoft Entra built-in roles” (github.com/MicrosoftDocs/entra-docs, documentation licensed CC-BY-4.0, Copyright (c) Microsoft Corporation); names, template ids and the privileged label only.';
const HEADER = '> | Role | Description | Template ID |';
const SEPARATOR = '> | --- | --- | --- |';
const PRIVILEGED_LABEL = '[![Privileged label icon.]';
const TEMPLATE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const NAME = /^[A-Za-z0-9][A-Za-z0-9 ()-]*$/;
const ROW = '"> | [<role name>](#<anchor>) | <description> | <template id> |"';

const { values, target } = refreshOptions(DATA_FILE, fail);
const data = values.from ? fromMarkdown(values.from) : offline(target);
if (!writeJson(target, data)) process.exit(1);

function fromMarkdown(file) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    fail(`${file}: ${error.message}`);
  }
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = lines.indexOf(HEADER);
  if (header < 0) fail(`${file}: expected the "All roles" table header ${JSON.stringify(HEADER)}, found no such line`);
  if (lines[header + 1] !== SEPARATOR)
    fail(
      `${file}:${header + 2}: expected ${JSON.stringify(SEPARATOR)}, found ${JSON.stringify(lines[header + 1] ?? '')}`,
    );
  const entries = [];
  for (let index = header + 2; index < lines.length && lines[index].startsWith('> |'); index++) {
    const line = lines[index];
    const where = `${file}:${index + 1}`;
    const cells = /^> \| (.*) \|$/.exec(line)?.[1].split(' | ');
    if (!cells || cells.length !== 3) fail(`${where}: expected ${ROW} (three cells), found ${JSON.stringify(line)}`);
    const [nameCell, description, templateId] = cells;
    const name = /^\[([^\]]+)\]\(#[a-z0-9-]+\)$/.exec(nameCell)?.[1];
    if (name === undefined) fail(`${where}: role name: expected ${ROW}, found ${JSON.stringify(nameCell)}`);
    if (!TEMPLATE_ID.test(templateId))
      fail(`${where}: template id: expected a lower-case GUID in ${ROW}, found ${JSON.stringify(templateId)}`);
    entries.push({ id: templateId, name, privileged: description.includes(PRIVILEGED_LABEL), where });
  }
  return dataset(entries, values.source, values.date);
}

function offline(url) {
  const data = readDataFile(url, fail);
  if (!Array.isArray(data.roles)) fail('data: roles missing');
  if (data.roles.length !== data.count)
    fail(`data: the header says ${data.count} roles, the file holds ${data.roles.length}`);
  const entries = data.roles.map((entry, index) => ({
    // Template ids compare without case: a hand edit in upper case is written back lower case.
    id: typeof entry?.id === 'string' ? entry.id.toLowerCase() : entry?.id,
    name: entry?.name,
    privileged: entry?.privileged,
    where: `data: roles[${index}]`,
  }));
  return dataset(entries, data.source, data.date);
}

/** The file's content: checks each entry's shape and that no id or name appears twice; keeps their order. */
function dataset(entries, source, date) {
  if (typeof source !== 'string' || source === '') fail('data: no source');
  if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date)) fail('data: no date (YYYY-MM-DD)');
  if (entries.length === 0) fail('data: no roles');
  const ids = new Set();
  const names = new Set();
  const roles = entries.map(({ id, name, privileged, where }) => {
    if (typeof id !== 'string' || !TEMPLATE_ID.test(id)) fail(`${where}: id ${JSON.stringify(id)} is not a GUID`);
    if (typeof name !== 'string' || !NAME.test(name)) fail(`${where}: name ${JSON.stringify(name)} is not a role name`);
    if (typeof privileged !== 'boolean')
      fail(`${where}: privileged ${JSON.stringify(privileged)} is not true or false`);
    if (ids.has(id)) fail(`${where}: template id ${id} appears twice`);
    if (names.has(name)) fail(`${where}: role ${name} appears twice`);
    ids.add(id);
    names.add(name);
    return { id, name, privileged };
  });
  // The roles every Entra tenant has: a source without them is not the built-in role list.
  for (const required of ['Global Administrator', 'Privileged Role Administrator'])
    if (!names.has(required)) fail(`data: no role ${required}`);
  return { source, date, license: LICENSE_NOTE, count: roles.length, roles };
}

/** Writes (or with --check compares) the file. False when --check finds it stale. */
function writeJson(url, data) {
  const privileged = data.roles.filter((role) => role.privileged).length;
  return writeDataFile(url, data, {
    check: values.check,
    shown: url === DATA_FILE ? 'data/entra-directory-roles.json' : url.pathname,
    written: `${data.count} directory roles, ${privileged} marked privileged (${data.source}, ${data.date})`,
  });
}

function fail(message) {
  console.error(`refresh-entra-directory-roles: ${message}`);
  process.exit(2);
}
