// Refreshes data/aws-sdk-services.json (read by src/iam/aws/sdk-calls.ts on first use) from the tables aws-cdk-lib
// (Apache-2.0) ships for its AwsCustomResource, which name an AWS SDK call by service and action (`IAM`,
// `@aws-sdk/client-iam`; `createAccessKey`, `CreateAccessKeyCommand`):
// - custom-resources/lib/helpers-internal/sdk-v2-to-v3.json: SDK v2 client names → v3 client names;
// - custom-resources/lib/helpers-internal/sdk-v3-metadata.json: per v3 client, the IAM service prefix of its actions
//   (`amp` → `aps`; a client without one has its own name), and the operations whose own name ends in `Command` (`ssm` SendCommand).
// The CDK's Lambda handler and its policy generator (AwsCustomResourcePolicy.fromSdkCalls) read the same tables, so
// the check names the action the deployment calls as the CDK does.
//
//   node scripts/refresh-aws-sdk-services.mjs [<aws-cdk-lib folder>]   (default: the installed node_modules/aws-cdk-lib)
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const library = process.argv[2] ?? join(root, 'node_modules', 'aws-cdk-lib');
const folder = join(library, 'custom-resources', 'lib', 'helpers-internal');
const read = (file) => {
  try {
    return JSON.parse(readFileSync(join(folder, file), 'utf8'));
  } catch (error) {
    console.error(`${join(folder, file)}: ${error.message} (expected aws-cdk-lib's AwsCustomResource SDK tables)`);
    process.exit(2);
  }
};
const { version } = JSON.parse(readFileSync(join(library, 'package.json'), 'utf8'));
const v2ToV3 = read('sdk-v2-to-v3.json');
const metadata = read('sdk-v3-metadata.json');
const clients = {};
for (const name of Object.keys(metadata).sort()) {
  const { iamPrefix, commands } = metadata[name];
  // A client without iamPrefix has its own name as prefix (as the CDK reads it).
  if (
    (iamPrefix !== undefined && typeof iamPrefix !== 'string') ||
    (commands !== undefined && !Array.isArray(commands))
  ) {
    console.error(
      `${join(folder, 'sdk-v3-metadata.json')}: ${name}: expected an optional iamPrefix (a string) and commands (a list)`,
    );
    process.exit(2);
  }
  clients[name] = { ...(iamPrefix ? { iamPrefix } : {}), ...(commands ? { commands } : {}) };
}
const data = {
  source: {
    package: 'aws-cdk-lib',
    version,
    paths: [
      'custom-resources/lib/helpers-internal/sdk-v2-to-v3.json',
      'custom-resources/lib/helpers-internal/sdk-v3-metadata.json',
    ],
    license: 'Apache-2.0',
    extracted: new Date().toISOString().slice(0, 10),
  },
  v2ToV3: Object.fromEntries(
    Object.keys(v2ToV3)
      .sort()
      .map((name) => [name, v2ToV3[name]]),
  ),
  clients,
};
const out = join(root, 'data', 'aws-sdk-services.json');
writeFileSync(out, `${JSON.stringify(data, null, 1)}\n`);
console.log(
  `${out}: ${Object.keys(clients).length} clients, ${Object.keys(v2ToV3).length} v2 names (aws-cdk-lib ${version})`,
);
