// `catalog init` on a 5,000-identity input (target: seconds), cold in a fresh process each round, after `npm run build`:
// one CloudFormation template of 4,000 roles (Lambda, GitHub OIDC and SAML trust; 40 distinct inline policies, so
// identities share entitlements; a quarter with AdministratorAccess or s3:* on *, so exceptions are written) and
// 1,000 users (half with access keys), owner tags on two thirds. Reports the median seconds of the rounds and what
// the catalog holds, and beside it the time of `check` on the same input under that catalog (which must pass).
//   node bench/catalog-init.mjs [identities=5000] [rounds=3]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median } from './support/stats.mjs';

const IDENTITIES = Number(process.argv[2] ?? 5_000);
const ROUNDS = Number(process.argv[3] ?? 3);
const CLI = new URL('../dist/bundle/cli.js', import.meta.url).pathname;

function template(count) {
  const resources = {};
  const roles = Math.round(count * 0.8);
  for (let i = 0; i < count; i++) {
    const tags = i % 3 === 2 ? [] : [{ Key: 'owner', Value: `team-${i % 12}` }];
    if (i < roles) {
      const trust =
        i % 10 === 0
          ? {
              Effect: 'Allow',
              Principal: { Federated: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com' },
              Action: 'sts:AssumeRoleWithWebIdentity',
              Condition: {
                StringEquals: {
                  'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
                  'token.actions.githubusercontent.com:sub': `repo:example-co/app-${i % 50}:ref:refs/heads/main`,
                },
              },
            }
          : i % 10 === 1
            ? {
                Effect: 'Allow',
                Principal: { Federated: 'arn:aws:iam::111122223333:saml-provider/ExampleIdP' },
                Action: 'sts:AssumeRoleWithSAML',
                Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
              }
            : { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' };
      const statement =
        i % 8 === 0
          ? { Effect: 'Allow', Action: 's3:*', Resource: '*' }
          : {
              Effect: 'Allow',
              Action: ['dynamodb:GetItem', 'dynamodb:Query'],
              Resource: `arn:aws:dynamodb:eu-west-1:111122223333:table/table-${i % 40}`,
            };
      resources[`Role${i}`] = {
        Type: 'AWS::IAM::Role',
        Properties: {
          RoleName: `role-${i}`,
          AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [trust] },
          Policies: [{ PolicyName: 'main', PolicyDocument: { Version: '2012-10-17', Statement: [statement] } }],
          ...(i % 16 === 4 ? { ManagedPolicyArns: ['arn:aws:iam::aws:policy/AdministratorAccess'] } : {}),
          Tags: tags,
        },
      };
    } else {
      resources[`User${i}`] = { Type: 'AWS::IAM::User', Properties: { UserName: `user-${i}`, Tags: tags } };
      if (i % 2 === 0)
        resources[`User${i}Key`] = { Type: 'AWS::IAM::AccessKey', Properties: { UserName: { Ref: `User${i}` } } };
    }
  }
  return { AWSTemplateFormatVersion: '2010-09-09', Resources: resources };
}

const directory = mkdtempSync(join(tmpdir(), 'eg-bench-init-'));
const input = join(directory, 'estate.template.json');
writeFileSync(input, JSON.stringify(template(IDENTITIES)));
const seconds = [];
let summary = '';
let bytes = 0;
for (let round = 0; round < ROUNDS; round++) {
  const out = join(directory, `catalog-${round}.yaml`);
  const start = performance.now();
  const run = spawnSync(process.execPath, [CLI, 'catalog', 'init', input, '--today', '2026-12-02', '--out', out], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  seconds.push((performance.now() - start) / 1000);
  if (run.status !== 0) {
    console.error(run.stderr);
    process.exit(1);
  }
  summary = run.stderr.split('\n')[0];
  bytes = readFileSync(out).length;
  if (round > 0 && readFileSync(out, 'utf8') !== readFileSync(join(directory, 'catalog-0.yaml'), 'utf8')) {
    console.error('catalog init gave different catalogs for the same input');
    process.exit(1);
  }
}
// For scale: the gate itself on the same input under the catalog init wrote (approvers filled in), which must pass.
const approved = join(directory, 'approved.yaml');
writeFileSync(
  approved,
  readFileSync(join(directory, 'catalog-0.yaml'), 'utf8').replaceAll('FILL-IN-APPROVER', 'security-lead@example.com'),
);
const checkStart = performance.now();
const check = spawnSync(
  process.execPath,
  [CLI, 'check', input, '--catalog', approved, '--now', '2026-12-02', '--format', 'json'],
  { encoding: 'utf8', maxBuffer: 1 << 28 },
);
const checkSeconds = (performance.now() - checkStart) / 1000;
if (check.status !== 0) {
  console.error(`check with the generated catalog exited ${check.status}`);
  process.exit(1);
}
rmSync(directory, { recursive: true, force: true });
console.log(
  `catalog init, ${IDENTITIES} identities: median ${median(seconds).toFixed(2)} s over ${ROUNDS} cold runs (${seconds.map((s) => s.toFixed(2)).join(', ')}); ${(bytes / 1e6).toFixed(2)} MB catalog, identical each run`,
);
console.log(summary);
console.log(`check on the same input with that catalog (approvers filled in): ${checkSeconds.toFixed(2)} s, exit 0`);
