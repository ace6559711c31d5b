// Writes data/azure-key-vault-access-policies.json: what each permission of an Azure Key Vault access policy grants,
// as the Key Vault data actions Azure RBAC names for the same operations (keys get → Microsoft.KeyVault/vaults/keys/read,
// secrets set → …/secrets/setSecret/action and …/secrets/update/action, …). The engine reads it to judge an access
// policy as a grant of those data actions on the vault (src/iam/azure/key-vault-access-policies.ts).
//
//   node scripts/refresh-key-vault-access-policies.mjs
//       offline: re-reads the checked-in data, checks its shape and writes it back normalized; no change means in
//       step. With --check it writes nothing and exits 1 when the file is not what it would write (a test runs this).
//   node scripts/refresh-key-vault-access-policies.mjs --from AcessPolicyRBACMapping.csv --source "…" --date YYYY-MM-DD
//       from fresh data: Tool/AcessPolicyRBACMapping.csv of github.com/Azure/KeyVault-AccessPolicyToRBAC-CompareTool
//       (MIT), Microsoft's mapping for the move from access policies to Azure RBAC. --source names the repository,
//       commit and path ("github.com/Azure/KeyVault-AccessPolicyToRBAC-CompareTool@<commit> Tool/AcessPolicyRBACMapping.csv"),
//       recorded with --date. Its rows replace the data, in the file's order.
//   --out FILE writes (or with --check compares) FILE instead of data/azure-key-vault-access-policies.json.
// The CSV has two columns: "<List> <Permission>" (List one of Key, Secret, Certificate, Storage) and the data actions,
// `;` between several. Permission names are kept lower case, as Azure compares them. A row that is not that shape is
// an error naming the file and line (exit 2), never skipped. Nothing is fetched over the network.
import { readFileSync } from 'node:fs';
import { readDataFile, refreshOptions, writeDataFile } from './support/data-file.mjs';

const root = new URL('../', import.meta.url);
const DATA_FILE = new URL('data/azure-key-vault-access-policies.json', root);
const LICENSE_NOTE =
  'Facts from Microsoft’s access policy to RBAC mapping (github.com/Azure/KeyVault-AccessPolicyToRBAC-CompareTool, MIT, Copyright (c) Microsoft Corporation).';
const HEADER = 'Access Policy Permission,RBAC Data Action';
/** The CSV's list word to the access policy's permission list (the REST API's `permissions.<list>`). */
const LISTS = { Key: 'keys', Secret: 'secrets', Certificate: 'certificates', Storage: 'storage' };
const LIST_NAMES = Object.values(LISTS);
const PERMISSION = /^[a-z]+$/;
const DATA_ACTION = /^Microsoft\.KeyVault\/vaults\/[A-Za-z]+(\/[A-Za-z]+)*$/;

const { values, target } = refreshOptions(DATA_FILE, fail);
const data = values.from ? fromCsv(values.from) : offline(target);
if (!writeJson(target, data)) process.exit(1);

function fromCsv(file) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    fail(`${file}: ${error.message}`);
  }
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  if (lines[0] !== HEADER) fail(`${file}:1: expected the header "${HEADER}", found ${JSON.stringify(lines[0] ?? '')}`);
  const entries = [];
  lines.slice(1).forEach((line, index) => {
    const where = `${file}:${index + 2}`;
    const expected = 'expected "<Key|Secret|Certificate|Storage> <Permission>,<data action>[;<data action>…]"';
    const fields = line.split(',');
    if (fields.length !== 2) fail(`${where}: ${expected} (two columns), found ${JSON.stringify(line)}`);
    const [permissionColumn, actionColumn] = fields.map((field) => field.trim());
    const named = /^(\w+) (\w+)$/.exec(permissionColumn);
    if (!named || !Object.hasOwn(LISTS, named[1]))
      fail(`${where}: ${expected}, found the permission ${JSON.stringify(permissionColumn)}`);
    const dataActions = actionColumn.split(';').map((action) => action.trim());
    const bad = dataActions.find((action) => !DATA_ACTION.test(action));
    if (bad !== undefined) fail(`${where}: ${expected}, found the data action ${JSON.stringify(bad)}`);
    entries.push({ list: LISTS[named[1]], permission: named[2].toLowerCase(), dataActions, where });
  });
  return dataset(entries, values.source, values.date);
}

function offline(url) {
  const data = readDataFile(url, fail);
  if (!Array.isArray(data.permissions)) fail('data: permissions missing');
  if (data.permissions.length !== data.count)
    fail(`data: the header says ${data.count} permissions, the file holds ${data.permissions.length}`);
  const entries = data.permissions.map((entry, index) => ({
    list: entry?.list,
    // Azure compares permission names without case: a hand edit in another case is written back lower case.
    permission: typeof entry?.permission === 'string' ? entry.permission.toLowerCase() : entry?.permission,
    dataActions: entry?.dataActions,
    where: `data: permissions[${index}]`,
  }));
  return dataset(entries, data.source, data.date);
}

/** The file's content: checks each entry's shape and that no list names a permission twice; keeps their order. */
function dataset(entries, source, date) {
  if (typeof source !== 'string' || source === '') fail('data: no source');
  if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date)) fail('data: no date (YYYY-MM-DD)');
  if (entries.length === 0) fail('data: no permissions');
  const seen = new Set();
  const permissions = entries.map(({ list, permission, dataActions, where }) => {
    if (!LIST_NAMES.includes(list))
      fail(`${where}: list ${JSON.stringify(list)} is not one of ${LIST_NAMES.join(', ')}`);
    if (typeof permission !== 'string' || !PERMISSION.test(permission))
      fail(`${where}: permission ${JSON.stringify(permission)} is not a lower-case name`);
    if (
      !Array.isArray(dataActions) ||
      dataActions.length === 0 ||
      dataActions.some((action) => typeof action !== 'string' || !DATA_ACTION.test(action))
    )
      fail(`${where}: dataActions is not a list of Microsoft.KeyVault/vaults/… data actions`);
    if (seen.has(`${list} ${permission}`)) fail(`${where}: ${list} ${permission} appears twice`);
    seen.add(`${list} ${permission}`);
    return { list, permission, dataActions };
  });
  for (const list of LIST_NAMES)
    if (!permissions.some((entry) => entry.list === list)) fail(`data: no permission of the ${list} list`);
  return { source, date, license: LICENSE_NOTE, count: permissions.length, permissions };
}

/** Writes (or with --check compares) the file. False when --check finds it stale. */
function writeJson(url, data) {
  return writeDataFile(url, data, {
    check: values.check,
    shown: url === DATA_FILE ? 'data/azure-key-vault-access-policies.json' : url.pathname,
    written: `${data.count} access policy permissions (${data.source}, ${data.date})`,
  });
}

function fail(message) {
  console.error(`refresh-key-vault-access-policies: ${message}`);
  process.exit(2);
}
