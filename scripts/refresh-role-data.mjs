// Writes the cloud role data the engine reads: data/azure-built-in-roles.json (every Azure built-in role: id, name,
// actions, notActions, dataActions, notDataActions) and data/gcp-predefined-roles.json (every Google Cloud
// predefined role, with only what the rules need: its privileged permissions and whether it spans most services).
//
//   npm run build && node scripts/refresh-role-data.mjs
//       offline: re-reads the checked-in data, checks its shape, re-derives what the current code derives (the GCP
//       privileged permissions under src/iam/gcp/permissions.ts) and writes it back sorted; no change means in step.
//       With --check it writes nothing and exits 1 when the files are not what it would write (a test runs this).
//   node scripts/refresh-role-data.mjs --azure roles.json --gcp roles-dir/ --source "…" --date YYYY-MM-DD
//       from fresh data:
//       --azure  the output of `az role definition list --query "[?roleType=='BuiltInRole']" -o json` (Microsoft's
//                published list), or azure/built-in-roles-raw.json of github.com/iann0036/iam-dataset (MIT), which
//                runs that command daily;
//       --gcp    a directory of `gcloud iam roles describe roles/<name> --format json` files, one per role of
//                `gcloud iam roles list`, or gcp/roles/ of the same dataset;
//       --source what the files are (repository and commit, or the command and account), recorded with --date.
// Only facts are kept (ids, names, actions, permissions); descriptions are left out.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const root = new URL('../', import.meta.url);
const AZURE_FILE = new URL('data/azure-built-in-roles.json', root);
const GCP_FILE = new URL('data/gcp-predefined-roles.json', root);
const LICENSE_NOTE =
  'Facts from the cloud provider’s published role definitions; when taken from github.com/iann0036/iam-dataset, that dataset is MIT-licensed (Copyright (c) 2021 Ian Mckay).';

const { values } = parseArgs({
  options: {
    azure: { type: 'string' },
    gcp: { type: 'string' },
    source: { type: 'string' },
    date: { type: 'string' },
    check: { type: 'boolean' },
  },
});
let stale = false;
if ((values.azure || values.gcp) && (!values.source || !/^\d{4}-\d{2}-\d{2}$/.test(values.date ?? ''))) {
  fail('--source and --date YYYY-MM-DD are required with fresh data');
}
const { privilegedGcpPermissions, GCP_READ_VERBS, GCP_BROAD_SERVICE_SHARE } = await import(
  new URL('dist/src/iam/gcp/permissions.js', root).href
).catch(() => fail('build first (npm run build): the GCP categories are read from dist/src/iam/gcp/permissions.js'));

writeJson(AZURE_FILE, values.azure ? azureFromFresh(values.azure) : azureOffline());
writeJson(GCP_FILE, values.gcp ? gcpFromFresh(values.gcp) : gcpOffline());
if (stale) process.exit(1);

function azureFromFresh(file) {
  const raw = JSON.parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(raw)) fail(`${file}: expected the JSON array of \`az role definition list\``);
  const roles = raw
    .filter((role) => role.roleType === 'BuiltInRole')
    .map((role, index) => {
      if (typeof role.name !== 'string' || typeof role.roleName !== 'string' || !Array.isArray(role.permissions))
        fail(`${file}: [${index}] has no name, roleName or permissions`);
      return { id: role.name.toLowerCase(), name: role.roleName, permissions: role.permissions.map(compactPermission) };
    });
  return azureData(roles, values.source, values.date);
}

function azureOffline() {
  const data = JSON.parse(readFileSync(AZURE_FILE, 'utf8'));
  checkAzure(data);
  return azureData(data.roles, data.source, data.date);
}

function azureData(roles, source, date) {
  const sorted = [...roles].sort((a, b) => (a.id < b.id ? -1 : 1));
  checkAzure({ roles: sorted });
  return { source, date, license: LICENSE_NOTE, count: sorted.length, roles: sorted };
}

function compactPermission(block) {
  const result = {};
  for (const key of ['actions', 'notActions', 'dataActions', 'notDataActions']) {
    const list = block[key] ?? [];
    if (!Array.isArray(list) || list.some((item) => typeof item !== 'string'))
      fail(`permission block ${key} is not a list of strings`);
    if (list.length) result[key] = list;
  }
  return result;
}

function checkAzure(data) {
  if (!Array.isArray(data.roles)) fail('azure data: roles missing');
  const ids = new Set();
  const names = new Set();
  for (const role of data.roles) {
    if (!/^[0-9a-f-]{36}$/.test(role.id)) fail(`azure data: bad role id ${role.id}`);
    const key = role.name.toLowerCase().replace(/\s+/g, '');
    if (ids.has(role.id) || names.has(key)) fail(`azure data: duplicate role ${role.id} ${role.name}`);
    ids.add(role.id);
    names.add(key);
  }
}

function gcpFromFresh(dir) {
  const roles = readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .map((file) => JSON.parse(readFileSync(join(dir, file), 'utf8')))
    .filter((role) => typeof role.name === 'string' && role.name.startsWith('roles/'));
  const services = new Set();
  const writes = new Map();
  for (const role of roles) {
    const permissions = role.includedPermissions ?? [];
    for (const permission of permissions) services.add(permission.split('.')[0]);
    writes.set(
      role.name,
      new Set(
        permissions
          .filter((permission) => !GCP_READ_VERBS.test(permission))
          .map((permission) => permission.split('.')[0]),
      ),
    );
  }
  const threshold = services.size * GCP_BROAD_SERVICE_SHARE;
  const entries = roles.map((role) => {
    const privileged = privilegedGcpPermissions(role.includedPermissions ?? []).flatMap((entry) => entry.permissions);
    return [
      role.name,
      {
        ...(writes.get(role.name).size > threshold ? { broad: true } : {}),
        ...(role.deleted ? { deleted: true } : {}),
        privileged,
      },
    ];
  });
  return gcpData(Object.fromEntries(entries), services.size, values.source, values.date);
}

function gcpOffline() {
  const data = JSON.parse(readFileSync(GCP_FILE, 'utf8'));
  if (typeof data.roles !== 'object' || data.roles === null) fail('gcp data: roles missing');
  const roles = Object.fromEntries(
    Object.entries(data.roles).map(([name, role]) => {
      if (!name.startsWith('roles/') || !Array.isArray(role.privileged)) fail(`gcp data: bad role ${name}`);
      // Offline the categories can only narrow what was kept; a new category needs fresh data.
      const privileged = privilegedGcpPermissions(role.privileged).flatMap((entry) => entry.permissions);
      return [name, { ...(role.broad ? { broad: true } : {}), ...(role.deleted ? { deleted: true } : {}), privileged }];
    }),
  );
  return gcpData(roles, data.services, data.source, data.date);
}

function gcpData(roles, services, source, date) {
  const sorted = Object.fromEntries(Object.entries(roles).sort(([a], [b]) => (a < b ? -1 : 1)));
  return { source, date, license: LICENSE_NOTE, services, count: Object.keys(sorted).length, roles: sorted };
}

function writeJson(url, data) {
  // One role per line: reviewable diffs when the data is refreshed.
  const lines = Object.entries(data).map(([key, value]) => {
    if (key !== 'roles') return `  ${JSON.stringify(key)}: ${JSON.stringify(value)}`;
    const items = Array.isArray(value)
      ? value.map((role) => `    ${JSON.stringify(role)}`)
      : Object.entries(value).map(([name, role]) => `    ${JSON.stringify(name)}: ${JSON.stringify(role)}`);
    return `  "roles": ${Array.isArray(value) ? '[' : '{'}\n${items.join(',\n')}\n  ${Array.isArray(value) ? ']' : '}'}`;
  });
  const text = `{\n${lines.join(',\n')}\n}\n`;
  if (values.check) {
    const same = readFileSync(url, 'utf8') === text;
    console.log(
      `${url.pathname.split('/').slice(-2).join('/')}: ${same ? 'in step' : 'NOT what the script writes: run it and review the diff'}`,
    );
    stale ||= !same;
    return;
  }
  writeFileSync(url, text);
  console.log(
    `wrote ${url.pathname.split('/').slice(-2).join('/')}: ${data.count} roles (${data.source}, ${data.date})`,
  );
}

function fail(message) {
  console.error(`refresh-role-data: ${message}`);
  process.exit(2);
}
