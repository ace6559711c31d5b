/**
 * Names an input writes are looked up in tables of known names (resource types, SAM event and destination types,
 * Pulumi and Terraform types, condition operators). A name that is also a member of Object.prototype (`constructor`,
 * `toString`, `__proto__`) is as unknown as any other: the check reads on and judges the rest. A template typed
 * `__proto__` stopped the CLI with "internal error, the check did not complete" (found by fuzzing the corpus).
 */
import { describe, expect, it } from 'vitest';
import { defaultCatalog, parseCatalog } from '../../catalog/index.js';
import { modelFromTemplates } from '../../src/adapters/cloudformation/index.js';
import type { CfnTemplate } from '../../src/adapters/cloudformation/template.js';
import { parseManifests } from '../../src/adapters/kubernetes/load.js';
import { modelFromKubernetesObjects } from '../../src/adapters/kubernetes/to-model.js';
import { modelFromPulumiResources } from '../../src/adapters/pulumi/index.js';
import { modelFromTerraformPlan } from '../../src/adapters/terraform/index.js';
import { buildAudit } from '../../src/audit/index.js';
import { evaluate } from '../../src/engine/index.js';
import type { Model } from '../../src/model/model.js';
import { terraformPlan } from '../terraform/support.js';

const NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'];
const ADMIN = { Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };
const LAMBDA_TRUST = {
  Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
};

/** The rule ids and resources of the blocking findings, beside the catalog's own (no catalog is given). */
function blocking(model: Model): string[] {
  return evaluate(model, { catalog: defaultCatalog(), now: new Date('2026-06-01T00:00:00Z'), pending: 'fail-closed' })
    .findings.filter(
      (f) => f.level === 'mandatory' && f.ruleId !== 'require-entitlement' && f.ruleId !== 'require-owner',
    )
    .map((f) => `${f.ruleId} ${f.resource.name}`);
}

describe.each(NAMES)('a name an input writes that Object.prototype also has: %s', (name) => {
  it('CloudFormation and SAM: a resource, an event source, a dead-letter queue, a destination and an authorizer of that type, and a condition operator of that name, read as unknown; the administrator role beside them still blocks', () => {
    const template = {
      Transform: 'AWS::Serverless-2016-10-31',
      Resources: {
        Odd: { Type: name, Properties: { Role: 'x' } },
        Fn: {
          Type: 'AWS::Serverless::Function',
          Properties: {
            Runtime: 'python3.12',
            Handler: 'index.handler',
            InlineCode: 'pass',
            Events: { Odd: { Type: name, Properties: {} } },
            DeadLetterQueue: { Type: name, TargetArn: 'arn:aws:sqs:eu-west-1:111122223333:dlq' },
            EventInvokeConfig: {
              DestinationConfig: { OnFailure: { Type: name, Destination: 'arn:aws:sqs:eu-west-1:111122223333:q' } },
            },
          },
        },
        Api: { Type: 'AWS::Serverless::GraphQLApi', Properties: { Auth: { Type: name } } },
        Admin: {
          Type: 'AWS::IAM::Role',
          Properties: {
            AssumeRolePolicyDocument: {
              Statement: [
                { ...LAMBDA_TRUST.Statement[0], Condition: { [name]: { 'aws:SourceAccount': '111122223333' } } },
              ],
            },
            Policies: [{ PolicyName: 'admin', PolicyDocument: ADMIN }],
          },
        },
      },
    } as unknown as CfnTemplate;
    const model = modelFromTemplates([{ stack: 'App', template }]);
    expect(blocking(model)).toContain('no-wildcard-privilege Admin');
  });

  it('Terraform: a planned resource of that type, and an attribute of that name, read as unknown; the administrator role beside them still blocks', () => {
    const written = terraformPlan([
      { address: 'odd_type.odd', values: { name: 'odd' } },
      // A configured attribute of that name, its expression a reference, on types the check reads (one that renames
      // attributes, one that does not).
      {
        address: 'aws_iam_role.named',
        values: { name: 'named', assume_role_policy: JSON.stringify(LAMBDA_TRUST), [name]: 'x' },
        unknown: { arn: true, id: true },
        references: { [name]: ['aws_iam_role.admin.arn', 'aws_iam_role.admin'] },
      },
      {
        address: 'aws_codebuild_project.build',
        values: { name: 'build', [name]: 'x' },
        unknown: { arn: true, id: true, service_role: true },
        references: {
          service_role: ['aws_iam_role.admin.arn'],
          [name]: ['aws_iam_role.admin.arn', 'aws_iam_role.admin'],
        },
      },
      {
        address: 'aws_iam_role.admin',
        values: {
          name: 'admin',
          assume_role_policy: JSON.stringify(LAMBDA_TRUST),
          inline_policy: [{ name: 'admin', policy: JSON.stringify(ADMIN) }],
        },
        unknown: { arn: true, id: true },
      },
    ]);
    // The plan's `type` fields, as a plan file writes them (an address would not parse with every name).
    const plan = JSON.parse(JSON.stringify(written).replaceAll('"odd_type"', JSON.stringify(name))) as Record<
      string,
      unknown
    >;
    expect(blocking(modelFromTerraformPlan(plan, { file: 'plan.json' }))).toContain(
      'no-wildcard-privilege aws_iam_role.admin',
    );
  });

  it('Pulumi: a resource of that type reads as unknown; the administrator role beside it still blocks', () => {
    const model = modelFromPulumiResources([
      { type: name, name: 'odd', urn: `urn:pulumi:dev::app::${name}::odd`, props: {} },
      {
        type: 'aws:iam/role:Role',
        name: 'admin',
        urn: 'urn:pulumi:dev::app::aws:iam/role:Role::admin',
        props: {
          assumeRolePolicy: JSON.stringify(LAMBDA_TRUST),
          inlinePolicies: [{ name: 'admin', policy: JSON.stringify(ADMIN) }],
        },
      },
    ]);
    expect(blocking(model)).toContain('no-wildcard-privilege admin');
  });

  it('Kubernetes: an object of that kind reads as unknown; the ClusterRole of every verb on every resource beside it still blocks', () => {
    const text = [
      `apiVersion: v1\nkind: ${JSON.stringify(name)}\nmetadata:\n  name: odd\n`,
      'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: all\nrules:\n  - apiGroups: ["*"]\n    resources: ["*"]\n    verbs: ["*"]\n',
      'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ci\n  namespace: build\n',
      'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: ci-all\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: all\nsubjects:\n  - kind: ServiceAccount\n    name: ci\n    namespace: build\n',
    ].join('---\n');
    const model = modelFromKubernetesObjects(parseManifests(text, 'manifests.yaml'));
    expect(blocking(model).some((finding) => finding.startsWith('no-wildcard-privilege '))).toBe(true);
  });
});

describe('the audit counts owners whatever their name', () => {
  it('owners named constructor and toString are counted as owners (their counts went into Object.prototype members)', () => {
    const role = (owner: string) => ({
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: LAMBDA_TRUST,
        Policies: [{ PolicyName: 'admin', PolicyDocument: ADMIN }],
        Tags: [{ Key: 'owner', Value: owner }],
      },
    });
    const template = {
      Resources: { A: role('constructor'), B: role('toString'), C: role('team-data') },
    } as unknown as CfnTemplate;
    const model = modelFromTemplates([{ stack: 'App', template }]);
    const catalog = parseCatalog(
      'apiVersion: entitlement-guard/v1\nowners:\n  - id: constructor\n  - id: toString\n  - id: team-data\n',
      'catalog.yaml',
    );
    const now = new Date('2026-06-01T00:00:00Z');
    const evaluation = evaluate(model, { catalog, now });
    const { byOwner } = buildAudit(model, evaluation, catalog, now).summary;
    const perRole = evaluation.findings.filter((f) => f.identity === 'App/C').length;
    expect(perRole).toBeGreaterThan(0);
    expect(Object.entries(byOwner)).toEqual([
      ['constructor', perRole],
      ['team-data', perRole],
      ['toString', perRole],
    ]);
  });
});

describe('a template key __proto__ in a stack whose account the cloud assembly names', () => {
  it('is copied as the key it is when the account is rewritten as the own account: no policy is inherited from it', () => {
    // JSON.parse defines `__proto__` as an own key; CloudFormation would refuse the property, and it grants nothing.
    const template = JSON.parse(
      JSON.stringify({
        Resources: {
          Worker: {
            Type: 'AWS::IAM::Role',
            Properties: {
              AssumeRolePolicyDocument: {
                Statement: [
                  { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole' },
                ],
              },
              PROTO: { Policies: [{ PolicyName: 'admin', PolicyDocument: ADMIN }] },
            },
          },
        },
      }).replace('"PROTO"', '"__proto__"'),
    ) as CfnTemplate;
    const model = modelFromTemplates([{ stack: 'App', template, account: '111122223333' }]);
    const role = model.identities.find((identity) => identity.name === 'Worker');
    expect(role?.grants).toEqual([]);
    expect(blocking(model)).toEqual([]);
  });
});
