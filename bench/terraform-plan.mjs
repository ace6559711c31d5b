// A 10,000-resource Terraform plan checked by the CLI's code path, beside JSON.parse of the same file and the rules'
// own time on the same resources as a CloudFormation template (issue 22's target: the whole check of the plan within
// twice `JSON.parse(plan) + rules on the CloudFormation model`).
//
// The plan and the template describe the same 2,500 units: an IAM role (trust policy, tags), its inline policy
// (three statements; the plan links it through the configuration's reference to the role's id, known after apply),
// an AWS managed policy on the role, and a Secrets Manager secret. The plan has 10,000 resources (the managed policy
// is an aws_iam_role_policy_attachment); the template 7,500 (ManagedPolicyArns on the role).
//
// Each measurement runs in a fresh process (cold, JIT warm-up included, as one CLI run pays), median of RUNS:
//   node bench/terraform-plan.mjs [runs=5]       (after `npm run build`)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, quantile } from './support/stats.mjs';

const RUNS = Number(process.argv[2] ?? 5);
const UNITS = 2500;
const self = fileURLToPath(import.meta.url);
const catalogPath = fileURLToPath(new URL('../examples/catalog.yaml', import.meta.url));

function run() {
  const dir = mkdtempSync(join(tmpdir(), 'eg-terraform-bench-'));
  try {
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan()));
    writeFileSync(join(dir, 'template.json'), JSON.stringify(template()));
    const samples = { terraform: [], cloudformation: [] };
    for (let index = 0; index < RUNS; index++) {
      for (const kind of ['terraform', 'cloudformation']) {
        const child = spawnSync(process.execPath, [self], {
          env: { ...process.env, EG_BENCH_MEASURE: kind, EG_BENCH_DIR: dir },
          encoding: 'utf8',
        });
        if (child.status !== 0) throw new Error(child.stderr);
        samples[kind].push(JSON.parse(child.stdout));
      }
    }
    const tf = samples.terraform;
    const cfn = samples.cloudformation;
    const m = (list, key) => median(list.map((sample) => sample[key]));
    const spread = (list, key) =>
      `${quantile(
        list.map((s) => s[key]),
        0.25,
      ).toFixed(0)}–${quantile(
        list.map((s) => s[key]),
        0.75,
      ).toFixed(0)}`;
    console.log(
      `Terraform plan: ${tf[0].resources} resources, ${(tf[0].bytes / 1e6).toFixed(1)} MB; ${tf[0].identities} identities, ${tf[0].findings} findings`,
    );
    console.log(
      `CloudFormation: ${cfn[0].resources} resources; ${cfn[0].identities} identities, ${cfn[0].findings} findings`,
    );
    console.log(`median of ${RUNS} fresh processes each (ms; interquartile range beside)`);
    const rows = [
      ['plan: JSON.parse', m(tf, 'parse'), spread(tf, 'parse')],
      ['plan: model (adapter)', m(tf, 'model'), spread(tf, 'model')],
      ['plan: rules', m(tf, 'rules'), spread(tf, 'rules')],
      ['plan: check (read+parse+model+rules)', m(tf, 'check'), spread(tf, 'check')],
      ['plan: CLI runCheck, JSON report', m(tf, 'cli'), spread(tf, 'cli')],
      ['template: model', m(cfn, 'model'), spread(cfn, 'model')],
      ['template: rules', m(cfn, 'rules'), spread(cfn, 'rules')],
    ];
    for (const [name, value, range] of rows)
      console.log(`${name.padEnd(40)} ${value.toFixed(0).padStart(7)}   ${range}`);
    const budget = 2 * (m(tf, 'parse') + m(cfn, 'rules'));
    console.log(
      `target: check ≤ 2 × (JSON.parse ${m(tf, 'parse').toFixed(0)} + CloudFormation rules ${m(cfn, 'rules').toFixed(0)}) = ${budget.toFixed(0)} ms`,
    );
    console.log(
      `check ${m(tf, 'check').toFixed(0)} ms: ${(m(tf, 'check') / budget).toFixed(2)} of the budget (${m(tf, 'check') <= budget ? 'met' : 'NOT met'}); CLI ${m(tf, 'cli').toFixed(0)} ms: ${(m(tf, 'cli') / budget).toFixed(2)}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function measure(kind, dir) {
  const { loadCatalog } = await import('entitlement-guard');
  const { evaluate } = await import('../dist/src/engine/index.js');
  const catalog = loadCatalog(catalogPath);
  const times = {};
  let mark = performance.now();
  const lap = (phase) => {
    const now = performance.now();
    times[phase] = now - mark;
    mark = now;
  };
  if (kind === 'terraform') {
    const { modelFromTerraformPlan } = await import('../dist/src/adapters/terraform/index.js');
    const { runCheck } = await import('../dist/src/cli/check.js');
    const file = join(dir, 'plan.json');
    mark = performance.now();
    let text = readFileSync(file, 'utf8');
    lap('read');
    let json = JSON.parse(text);
    lap('parse');
    const model = modelFromTerraformPlan(json, { file: 'plan.json' });
    const facts = { bytes: text.length, resources: json.resource_changes.length };
    // As in the CLI, the document is garbage once the model is built.
    // eslint-disable-next-line no-useless-assignment -- dropping the references is the point
    text = json = undefined;
    lap('model');
    const result = evaluate(model, { catalog, pending: 'fail-closed' });
    lap('rules');
    times.check = times.read + times.parse + times.model + times.rules;
    // The whole CLI path once more in the same process (warm): detection, loading, evaluation, the JSON report.
    mark = performance.now();
    const cli = runCheck({ paths: [file], catalogPath, format: 'json', cwd: dir, toolVersion: 'bench' });
    lap('cli');
    if (cli.exitCode !== 1)
      throw new Error(`expected the plan to be blocked, got exit ${cli.exitCode}: ${cli.errors.join('\n')}`);
    console.log(
      JSON.stringify({ ...times, ...facts, identities: model.identities.length, findings: result.findings.length }),
    );
  } else {
    const { modelFromTemplates } = await import('../dist/src/adapters/cloudformation/to-model.js');
    const template = JSON.parse(readFileSync(join(dir, 'template.json'), 'utf8'));
    mark = performance.now();
    const model = modelFromTemplates([{ stack: 'Bench', template, file: 'template.json' }]);
    lap('model');
    const result = evaluate(model, { catalog, pending: 'fail-closed' });
    lap('rules');
    console.log(
      JSON.stringify({
        ...times,
        resources: Object.keys(template.Resources).length,
        identities: model.identities.length,
        findings: result.findings.length,
      }),
    );
  }
}

const trust = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
};
const statements = (index) => [
  {
    Effect: 'Allow',
    Action: ['dynamodb:GetItem', 'dynamodb:Query'],
    Resource: `arn:aws:dynamodb:eu-west-1:111122223333:table/payments-${index}`,
  },
  { Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::reports-${index}/*` },
  { Effect: 'Allow', Action: 'sqs:SendMessage', Resource: `arn:aws:sqs:eu-west-1:111122223333:queue-${index}` },
];
const MANAGED = 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess';
const tags = (index) => ({ owner: 'team-payments', 'identity-class': 'service', purpose: `unit ${index}` });

/** `terraform show -json` of the 2,500 units (format 1.2), with configuration and references. */
function plan() {
  const resources = [];
  const changes = [];
  const config = [];
  const add = (address, type, values, unknown, expressions) => {
    const name = address.split('.')[1].replace(/\[.*$/, '');
    const index = Number(/\[(\d+)\]/.exec(address)[1]);
    const base = { address, mode: 'managed', type, name, index, provider_name: 'registry.terraform.io/hashicorp/aws' };
    resources.push({ ...base, schema_version: 0, values, sensitive_values: {} });
    changes.push({
      ...base,
      change: {
        actions: ['create'],
        before: null,
        after: values,
        after_unknown: unknown,
        before_sensitive: false,
        after_sensitive: {},
      },
    });
    if (index === 0)
      config.push({
        address: `${type}.${name}`,
        mode: 'managed',
        type,
        name,
        provider_config_key: 'aws',
        expressions,
        schema_version: 0,
        count_expression: { constant_value: UNITS },
      });
  };
  for (let index = 0; index < UNITS; index++) {
    const role = `payments-api-${index}`;
    add(
      `aws_iam_role.unit[${index}]`,
      'aws_iam_role',
      {
        name: role,
        path: '/',
        max_session_duration: 3600,
        assume_role_policy: JSON.stringify(trust),
        tags: tags(index),
      },
      { arn: true, id: true, unique_id: true, managed_policy_arns: true, inline_policy: true, tags_all: true },
      {
        name: { references: ['count.index'] },
        assume_role_policy: { constant_value: JSON.stringify(trust) },
        tags: { references: ['count.index'] },
      },
    );
    add(
      `aws_iam_role_policy.unit[${index}]`,
      'aws_iam_role_policy',
      { name: 'payments', policy: JSON.stringify({ Version: '2012-10-17', Statement: statements(index) }) },
      { id: true, role: true },
      {
        role: { references: ['aws_iam_role.unit', 'count.index'] },
        policy: { references: ['count.index'] },
      },
    );
    add(
      `aws_iam_role_policy_attachment.unit[${index}]`,
      'aws_iam_role_policy_attachment',
      { role, policy_arn: MANAGED },
      { id: true },
      {
        role: { references: ['aws_iam_role.unit', 'count.index'] },
        policy_arn: { constant_value: MANAGED },
      },
    );
    add(
      `aws_secretsmanager_secret.unit[${index}]`,
      'aws_secretsmanager_secret',
      { name: `payments/unit-${index}`, tags: tags(index) },
      { arn: true, id: true, tags_all: true },
      {
        name: { references: ['count.index'] },
      },
    );
  }
  return {
    format_version: '1.2',
    terraform_version: '1.9.5',
    planned_values: { root_module: { resources } },
    resource_changes: changes,
    configuration: { provider_config: {}, root_module: { resources: config } },
    applyable: true,
    complete: true,
    errored: false,
  };
}

/** The same units as a CloudFormation template. */
function template() {
  const Resources = {};
  for (let index = 0; index < UNITS; index++) {
    Resources[`Role${index}`] = {
      Type: 'AWS::IAM::Role',
      Properties: {
        RoleName: `payments-api-${index}`,
        AssumeRolePolicyDocument: trust,
        ManagedPolicyArns: [MANAGED],
        Tags: Object.entries(tags(index)).map(([Key, Value]) => ({ Key, Value })),
      },
    };
    Resources[`Policy${index}`] = {
      Type: 'AWS::IAM::Policy',
      Properties: {
        PolicyName: 'payments',
        Roles: [{ Ref: `Role${index}` }],
        PolicyDocument: { Version: '2012-10-17', Statement: statements(index) },
      },
    };
    Resources[`Secret${index}`] = {
      Type: 'AWS::SecretsManager::Secret',
      Properties: {
        Name: `payments/unit-${index}`,
        Tags: Object.entries(tags(index)).map(([Key, Value]) => ({ Key, Value })),
      },
    };
  }
  return { AWSTemplateFormatVersion: '2010-09-09', Resources };
}

if (process.env.EG_BENCH_MEASURE) await measure(process.env.EG_BENCH_MEASURE, process.env.EG_BENCH_DIR);
else if (process.env.EG_BENCH_WRITE) {
  // The inputs alone, to profile with: EG_BENCH_WRITE=<dir> node bench/terraform-plan.mjs
  writeFileSync(join(process.env.EG_BENCH_WRITE, 'plan.json'), JSON.stringify(plan()));
  writeFileSync(join(process.env.EG_BENCH_WRITE, 'template.json'), JSON.stringify(template()));
} else run();
