// Refreshes data/sam-policy-templates.json (read by src/adapters/cloudformation/sam-policy-templates.ts on first use)
// from data AWS publishes in aws/serverless-application-model (Apache-2.0):
// - samtranslator/policy_templates_data/policy_templates.json: the SAM policy templates (S3ReadPolicy, …); only each
//   template's parameter names and policy document are kept, descriptions are left out;
// - samtranslator/internal/data/aws_managed_policies.json: the AWS managed policy ARN SAM writes for a policy name in
//   `Policies` (partition aws); only the names whose ARN has a path (`service-role/…`) are kept, the rest are
//   `arn:aws:iam::aws:policy/<name>`;
// - samtranslator/model/connector_profiles/profiles.json: what an AWS::Serverless::Connector (and a `Connectors`
//   attribute, and the connectors SAM writes for a GraphQLApi) generates per source and destination type and
//   permission (`Permissions` by source type, then destination type: the profile type, IAM statements or resource
//   policy per access category), and how SAM reads a resource named by `Id` (`CfnResourceProperties`: its ARN,
//   role, URL, name). Kept as published, under `connectorProfiles`.
//
//   node scripts/refresh-sam-policy-templates.mjs <checkout of aws/serverless-application-model> <its commit>
//
// Get the two files from a checkout, or download them into the same layout from
//   https://raw.githubusercontent.com/aws/serverless-application-model/<commit>/<path>
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [checkout, commit] = process.argv.slice(2);
if (!checkout || !/^[0-9a-f]{40}$/.test(commit ?? '')) {
  console.error(
    'usage: node scripts/refresh-sam-policy-templates.mjs <checkout of aws/serverless-application-model> <40-hex commit>',
  );
  process.exit(2);
}
const file = join(checkout, 'samtranslator/policy_templates_data/policy_templates.json');
const managedFile = join(checkout, 'samtranslator/internal/data/aws_managed_policies.json');
const published = JSON.parse(readFileSync(file, 'utf8'));
if (typeof published !== 'object' || published === null || typeof published.Templates !== 'object') {
  console.error(`${file}: expected SAM's policy_templates.json (an object with "Templates")`);
  process.exit(2);
}
const templates = {};
for (const name of Object.keys(published.Templates).sort()) {
  const template = published.Templates[name];
  if (!template?.Definition?.Statement) {
    console.error(`${file}: template ${name} has no Definition.Statement`);
    process.exit(2);
  }
  templates[name] = { parameters: Object.keys(template.Parameters ?? {}).sort(), definition: template.Definition };
}
const profilesFile = join(checkout, 'samtranslator/model/connector_profiles/profiles.json');
const profiles = JSON.parse(readFileSync(profilesFile, 'utf8'));
if (
  typeof profiles?.Permissions !== 'object' ||
  profiles.Permissions === null ||
  typeof profiles.CfnResourceProperties !== 'object' ||
  profiles.CfnResourceProperties === null
) {
  console.error(
    `${profilesFile}: expected SAM's connector profiles (an object with Permissions and CfnResourceProperties)`,
  );
  process.exit(2);
}
const profileTypes = new Set([
  'AWS_IAM_ROLE_MANAGED_POLICY',
  'AWS_SQS_QUEUE_POLICY',
  'AWS_SNS_TOPIC_POLICY',
  'AWS_LAMBDA_PERMISSION',
]);
let pairs = 0;
for (const [sourceType, destinations] of Object.entries(profiles.Permissions)) {
  for (const [destinationType, profile] of Object.entries(destinations)) {
    // A profile type the adapter does not generate would be read as granting nothing: refuse it here instead.
    if (!profileTypes.has(profile?.Type) || typeof profile?.Properties?.AccessCategories !== 'object') {
      console.error(
        `${profilesFile}: ${sourceType} -> ${destinationType} has type ${profile?.Type}, not one of ${[...profileTypes].join(', ')}`,
      );
      process.exit(2);
    }
    pairs += 1;
  }
}
const managed = JSON.parse(readFileSync(managedFile, 'utf8')).aws;
if (typeof managed !== 'object' || managed === null) {
  console.error(`${managedFile}: expected an "aws" map of policy names to ARNs`);
  process.exit(2);
}
const managedPaths = {};
for (const name of Object.keys(managed).sort()) {
  const match = /^arn:aws:iam::aws:policy\/(.*\/)?([^/]+)$/.exec(managed[name]);
  if (!match || match[2] !== name) {
    console.error(`${managedFile}: ${name} maps to ${managed[name]}, not an AWS managed policy of that name`);
    process.exit(2);
  }
  if (match[1]) managedPaths[name] = match[1];
}
const today = new Date().toISOString().slice(0, 10);
const data = {
  source: {
    repository: 'aws/serverless-application-model',
    path: 'samtranslator/policy_templates_data/policy_templates.json',
    commit,
    license: 'Apache-2.0',
    version: published.Version,
    extracted: today,
  },
  managedPolicyPaths: managedPaths,
  templates,
  connectorProfiles: {
    path: 'samtranslator/model/connector_profiles/profiles.json',
    version: profiles.Version,
    permissions: profiles.Permissions,
    cfnResourceProperties: profiles.CfnResourceProperties,
  },
};
writeFileSync(new URL('../data/sam-policy-templates.json', import.meta.url), `${JSON.stringify(data, null, 1)}\n`);
console.log(
  `wrote ${Object.keys(templates).length} SAM policy templates, ${Object.keys(managedPaths).length} managed policy paths and ${pairs} connector profiles from ${commit}`,
);
