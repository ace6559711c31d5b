import { describe, expect, it } from 'vitest';
import { buildAudit } from '../../src/audit/index.js';
import { modelFromTemplates } from '../../src/adapters/cloudformation/to-model.js';
import { evaluate } from '../../src/engine/index.js';
import { runRules } from '../../src/engine/evaluate.js';
import { emptyModel } from '../../src/model/model.js';
import { parsePolicyDocument } from '../../src/iam/aws/document.js';
import { formatAuditHtml } from '../../src/reporters/html.js';
import { formatAuditMarkdown } from '../../src/reporters/audit-markdown.js';
import { modelFromPulumiResources } from '../../src/adapters/pulumi/index.js';
import { modelFromTerraformPlan } from '../../src/adapters/terraform/index.js';
import {
  CLOUDFORMATION_NESTED_RESOURCE_POLICIES,
  CLOUDFORMATION_RESOURCE_POLICIES,
  CLOUDFORMATION_STATEMENT_POLICIES,
  KMS_GRANTS,
  LAMBDA_PERMISSIONS,
  PRINCIPAL_GRANTS,
  PULUMI_RESOURCE_POLICIES,
} from '../../src/adapters/aws/resource-policies.js';
import { RESOURCE_POLICY_KINDS, resourcePolicyLabel } from '../../src/audit/resource-policy-labels.js';
import { terraformPlan } from '../terraform/support.js';
import { identity, ref, secret } from '../support/builders.js';
import { auditOf, exampleCatalog, NOW } from './support.js';

const EXAMPLES = [
  'examples/cloudformation/bad-stack.template.yaml',
  'examples/cloudformation/good-stack.template.yaml',
];

describe('audit of the examples', () => {
  const { audit } = auditOf(EXAMPLES);
  const row = (name: string) => {
    const found = audit.identities.find((candidate) => candidate.name === name);
    if (!found) throw new Error(`no audit row ${name}`);
    return found;
  };

  it('lists planned identities by stack and name, then the identities declared only in the catalog', () => {
    expect(audit.identities.map((i) => `${i.origin} ${i.id}`)).toEqual([
      'change bad-stack/OrphanRole',
      'change bad-stack/BatchAdminRole',
      'change bad-stack/CiBotUser',
      'change bad-stack/GithubDeployRole',
      'change bad-stack/external-user:legacy-sftp-sync',
      'change bad-stack/OpsRole',
      'change bad-stack/PublicRole',
      'change good-stack/CiDeployerRole',
      'change good-stack/PaymentsApiRole',
      'catalog catalog:alice-admin',
      'catalog catalog:analytics-etl',
      'catalog catalog:break-glass-admin',
      'catalog catalog:jit-admin',
      'catalog catalog:report-agent',
    ]);
    expect(audit.summary).toMatchObject({ identities: 14, catalogOnly: 5, secrets: 2 });
  });

  it('shows owner, class and which entitlement grants each statement', () => {
    const payments = row('payments-api-runtime');
    expect(payments).toMatchObject({
      owner: 'team-payments',
      ownerContact: 'payments-oncall@example.com',
      class: 'service',
      catalogId: 'payments-api',
    });
    expect(payments.entitlements.map((e) => e.id)).toEqual([
      'payments-read',
      'payments-write',
      'payments-secrets-read',
    ]);
    expect(payments.grants.flatMap((g) => g.statements)).toEqual([
      {
        text: 'Allow dynamodb:GetItem, dynamodb:Query, dynamodb:PutItem on arn:aws:dynamodb:<own-region>:<own-account>:table/payments-ledger',
        entitlements: ['payments-read', 'payments-write'],
        beyondEntitlements: false,
      },
      { text: 'Deny iam:* on *', entitlements: [], beyondEntitlements: false },
    ]);
    expect(payments.session).toEqual({ maxSeconds: 3600, classLimitSeconds: 3600 });
    expect(payments.runsOn).toEqual(['lambda PaymentsApiFunction']);
  });

  it('marks grants beyond every entitlement, and privileged paths with their categories', () => {
    expect(row('OrphanRole').grants[0]!.statements).toEqual([
      { text: 'Allow s3:GetObject on arn:aws:s3:::example-co-reports/*', entitlements: [], beyondEntitlements: true },
    ]);
    const batch = row('batch-admin');
    expect(batch.grants.map((g) => g.label)).toEqual(['managed AdministratorAccess']);
    expect(batch.privilegedPaths).toContain(
      'destruction: 2 actions (kms:DisableKey, kms:ScheduleKeyDeletion) via managed AdministratorAccess',
    );
    const escalation = batch.findings
      .filter((f) => f.ruleId === 'no-privilege-escalation')
      .map((f) => f.detail!.replace('Path::', ''));
    expect(escalation.length).toBeGreaterThan(0);
    expect(batch.privilegedPaths.at(-1)).toMatch(
      new RegExp(`^escalation: ${escalation.length} paths? \\(${escalation[0]!.replace(/[*]/g, '\\*')}`),
    );
    expect(row('OrphanRole').privilegedPaths).toEqual([]);
    expect(row('break-glass-admin').privilegedPaths).toEqual(['privileged entitlement emergency-admin']);
  });

  it('shows credentials with their lifetime and who can assume each role', () => {
    expect(row('ci-bot').credentials).toEqual([
      { kind: 'aws-access-key', source: expect.objectContaining({ name: 'CiBotAccessKey' }), lifetime: 'long-lived' },
    ]);
    expect(row('partner-upload').trust).toEqual([{ kind: 'everyone', principal: '*', conditions: [] }]);
    expect(row('ci-deployer').trust).toEqual([
      {
        kind: 'oidc',
        principal: 'token.actions.githubusercontent.com',
        conditions: [
          'StringEquals token.actions.githubusercontent.com:aud = sts.amazonaws.com',
          'StringEquals token.actions.githubusercontent.com:sub = repo:example-co/payments:ref:refs/heads/main',
        ],
      },
    ]);
  });

  it('shows the exceptions covering an identity, with approver, expiry, days left and what they waive', () => {
    expect(row('legacy-sftp-sync').exceptions).toEqual([
      {
        id: 'EXC-101',
        rule: 'no-long-lived-credentials',
        target: 'legacy-sftp-sync',
        reason: "The vendor's SFTP appliance accepts only static access keys; replacement planned for Q2 2027",
        owner: 'team-data',
        approvedBy: 'security-lead@example.com',
        approved: '2026-07-01',
        ticket: 'SEC-1234',
        expires: '2027-06-30',
        daysLeft: 364,
        status: 'active',
        waives: 1,
      },
    ]);
    expect(row('legacy-sftp-sync').findings.map((f) => `${f.ruleId} ${f.waivedBy} ${f.blocking}`)).toEqual([
      'no-long-lived-credentials EXC-101 false',
    ]);
    expect(row('report-agent').exceptions.map((e) => `${e.id} ${e.status} ${e.daysLeft}`)).toEqual([
      'EXC-087 expired -151',
    ]);
  });

  it('counts findings by rule and by owner, findings on catalog exceptions going to the exception owner', () => {
    const { evaluation } = auditOf(EXAMPLES);
    const ownedBy = (names: string[]) => evaluation.findings.filter((f) => names.includes(f.identity ?? '')).length;
    expect(audit.summary.byOwner).toEqual({
      '(no owner)': 3,
      'team-data': ownedBy([
        'bad-stack/BatchAdminRole',
        'bad-stack/external-user:legacy-sftp-sync',
        'bad-stack/PublicRole',
      ]),
      'team-ml': 1,
      'team-payments': 1,
      'team-platform': ownedBy(['bad-stack/CiBotUser', 'bad-stack/GithubDeployRole', 'bad-stack/OpsRole']),
    });
    expect(audit.summary.byRule).toEqual(evaluation.summary.byRule);
    expect(audit.summary.findings.total).toBe(evaluation.findings.length);
    expect(audit.otherFindings.map((f) => `${f.ruleId} ${f.detail}`)).toEqual(['exception-expiry Expires::2026-01-31']);
    expect(
      audit.secrets.map((s) => `${s.name} ${s.owner} ${s.rotationDays} ${s.findings.map((f) => f.ruleId)}`),
    ).toEqual([
      'payments/ledger-db team-payments undefined secret-rotation',
      'payments/processor-api-key team-payments 30 ',
    ]);
  });

  it('reports catalog hygiene', () => {
    expect(audit.hygiene).toMatchObject({
      unusedEntitlements: [],
      ownersWithoutIdentities: [],
      expiringExceptions: [],
      expiredIdentities: [],
      standingPrivilege: [],
    });
    expect(audit.hygiene.expiredExceptions.map((e) => e.id)).toEqual(['EXC-087']);
  });
});

describe('what runs as each role', () => {
  it('lists the CodeBuild projects, the pipeline and the ECS task a CDK pipeline app gives its roles to', () => {
    const { audit } = auditOf(['test/corpus/aws/cdk-codepipeline-build-deploy.template.yaml']);
    const runsOn = Object.fromEntries(
      audit.identities.filter((row) => row.runsOn.length > 0).map((row) => [row.name, row.runsOn]),
    );
    expect(runsOn).toMatchObject({
      BuildDeployPipelineRole3223E55F: ['codepipeline BuildDeployPipeline5EEC284B'],
      BuildImageRoleA9C72406: ['codebuild BuildImage74257FD8'],
      BuildTestRoleC332A422: ['codebuild BuildTestC9659529'],
      FargateTaskDefExecutionRole272677A9: ['ecs-task-execution FargateTaskDefC6FB60B4'],
      FargateTaskDefTaskRole0B257552: ['ecs-task FargateTaskDefC6FB60B4'],
    });
  });

  it("lists a compute once when it names the role twice, and two stacks' computes of one name each", () => {
    const role = { Type: 'AWS::IAM::Role', Properties: { RoleName: 'delivery', AssumeRolePolicyDocument: {} } };
    const stream = (roleArn: unknown) => ({
      Type: 'AWS::KinesisFirehose::DeliveryStream',
      Properties: {
        ExtendedS3DestinationConfiguration: { RoleARN: roleArn, S3BackupConfiguration: { RoleARN: roleArn } },
      },
    });
    // The role by its name in the account the change is deployed to, from another stack.
    const arn = { 'Fn::Sub': 'arn:aws:iam::${AWS::AccountId}:role/delivery' };
    const model = modelFromTemplates([
      { stack: 'Delivery', template: { Resources: { Role: role, Stream: stream({ 'Fn::GetAtt': ['Role', 'Arn'] }) } } },
      { stack: 'Other', template: { Resources: { Stream: stream(arn) } } },
    ]);
    const catalog = exampleCatalog();
    const audit = buildAudit(model, evaluate(model, { catalog, now: NOW }), catalog, NOW);
    expect(audit.identities.find((row) => row.name === 'delivery')?.runsOn).toEqual([
      'firehose Stream',
      'firehose Stream',
    ]);
  });
});

describe('the audit lists the services that act as a role deeper in their settings', () => {
  it('lists and renders a Firehose processor, an EKS cluster and a pipe ECS override as what the role runs on', () => {
    const role = { Type: 'AWS::IAM::Role', Properties: { RoleName: 'worker', AssumeRolePolicyDocument: {} } };
    const arn = { 'Fn::GetAtt': ['Role', 'Arn'] };
    const model = modelFromTemplates([
      {
        stack: 'App',
        template: {
          Resources: {
            Role: role,
            Stream: {
              Type: 'AWS::KinesisFirehose::DeliveryStream',
              Properties: {
                ExtendedS3DestinationConfiguration: {
                  ProcessingConfiguration: {
                    Processors: [{ Type: 'Lambda', Parameters: [{ ParameterName: 'RoleArn', ParameterValue: arn }] }],
                  },
                },
              },
            },
            Cluster: { Type: 'AWS::EKS::Cluster', Properties: { RoleArn: arn } },
            Pipe: {
              Type: 'AWS::Pipes::Pipe',
              Properties: { TargetParameters: { EcsTaskParameters: { Overrides: { TaskRoleArn: arn } } } },
            },
          },
        },
      },
    ]);
    const catalog = exampleCatalog();
    const audit = buildAudit(model, evaluate(model, { catalog, now: NOW }), catalog, NOW);
    const runsOn = ['firehose Stream', 'eks-cluster Cluster', 'ecs-task Pipe'];
    expect([...(audit.identities.find((row) => row.name === 'worker')?.runsOn ?? [])].sort()).toEqual(runsOn.sort());
    const html = formatAuditHtml(audit);
    for (const line of runsOn) expect(html).toContain(line);
  });
});

describe('the audit lists lifecycle hooks, scaling targets, ECS services, Greengrass groups and RDS clusters', () => {
  it('lists and renders each as what the role runs on, a role an Fn::If names on a parameter included', () => {
    const role = { Type: 'AWS::IAM::Role', Properties: { RoleName: 'worker', AssumeRolePolicyDocument: {} } };
    const arn = { 'Fn::GetAtt': ['Role', 'Arn'] };
    const model = modelFromTemplates([
      {
        stack: 'App',
        template: {
          Parameters: { Monitoring: { Type: 'String' } },
          Conditions: { Enhanced: { 'Fn::Equals': [{ Ref: 'Monitoring' }, 'true'] } },
          Resources: {
            Role: role,
            Group: {
              Type: 'AWS::AutoScaling::AutoScalingGroup',
              Properties: { LifecycleHookSpecificationList: [{ LifecycleHookName: 'drain', RoleARN: arn }] },
            },
            Scaling: { Type: 'AWS::ApplicationAutoScaling::ScalableTarget', Properties: { RoleARN: arn } },
            Service: { Type: 'AWS::ECS::Service', Properties: { Role: { Ref: 'Role' } } },
            Core: { Type: 'AWS::Greengrass::Group', Properties: { Name: 'core', RoleArn: arn } },
            Aurora: {
              Type: 'AWS::RDS::DBCluster',
              Properties: { MonitoringRoleArn: { 'Fn::If': ['Enhanced', arn, { Ref: 'AWS::NoValue' }] } },
            },
          },
        },
      },
    ]);
    const catalog = exampleCatalog();
    const audit = buildAudit(model, evaluate(model, { catalog, now: NOW }), catalog, NOW);
    const runsOn = [
      'autoscaling-lifecycle-hook Group',
      'application-autoscaling Scaling',
      'ecs-service Service',
      'greengrass Core',
      'rds-monitoring Aurora',
    ];
    expect([...(audit.identities.find((row) => row.name === 'worker')?.runsOn ?? [])].sort()).toEqual(runsOn.sort());
    const html = formatAuditHtml(audit);
    for (const line of runsOn) expect(html).toContain(line);
  });
});

describe("the audit reads the evaluation's profiles", () => {
  it('gives the audit it gives from profiles worked out afresh (an evaluation result it did not make, another catalog)', () => {
    const { model, catalog, evaluation, audit } = auditOf(EXAMPLES);
    // A copy of the result carries no profiles: the audit works each one out from the catalog, as before.
    expect(buildAudit(model, { ...evaluation }, catalog, NOW)).toEqual(audit);
    // Another catalog object (equal content): the evaluation's profiles are for the catalog it was judged against only.
    expect(buildAudit(model, evaluation, { ...catalog }, NOW)).toEqual(audit);
  });
});

describe('catalog hygiene', () => {
  const catalog = exampleCatalog();
  const audit = (model = emptyModel(), now = NOW) =>
    buildAudit(model, runRules(model, [], { catalog, now }), catalog, now);

  it('lists entitlements nobody holds and owners without identities once the change and catalog leave them unused', () => {
    const trimmed = { ...catalog, identities: catalog.identities.filter((record) => record.id === 'alice-admin') };
    const result = buildAudit(emptyModel(), runRules(emptyModel(), [], { catalog: trimmed, now: NOW }), trimmed, NOW);
    expect(result.hygiene.unusedEntitlements).toEqual([
      'payments-read',
      'payments-write',
      'payments-secrets-read',
      'reports-read',
      'model-invoke',
      'ci-deploy',
      'payments-namespace-edit',
      'emergency-admin',
      'account-admin-jit',
      'sftp-inbox',
      'warehouse-read',
    ]);
    expect(result.hygiene.ownersWithoutIdentities).toEqual(['team-payments', 'team-data', 'team-security', 'team-ml']);
  });

  it('calls out exceptions within 30 days of expiry, then expired ones, and identities past expiry', () => {
    expect(
      audit(emptyModel(), new Date('2027-06-01T00:00:00Z')).hygiene.expiringExceptions.map(
        (e) => `${e.id} ${e.daysLeft}`,
      ),
    ).toEqual(['EXC-101 29']);
    expect(audit(emptyModel(), new Date('2027-05-30T00:00:00Z')).hygiene.expiringExceptions).toEqual([]);
    const later = audit(emptyModel(), new Date('2027-07-02T00:00:00Z')).hygiene;
    expect(later.expiredExceptions.map((e) => `${e.id} ${e.daysLeft}`)).toEqual(['EXC-101 -2', 'EXC-087 -517']);
    expect(later.expiredIdentities).toEqual([
      { id: 'catalog:legacy-sftp-sync', name: 'legacy-sftp-sync', expires: '2027-06-30', daysAgo: 2 },
      { id: 'catalog:report-agent', name: 'report-agent', expires: '2027-03-31', daysAgo: 93 },
    ]);
  });

  it('lists privileged entitlements held without a just-in-time limit by a class that forbids standing privilege', () => {
    const model = emptyModel();
    // The role named ops-human (a physical name), which the record names.
    model.identities.push(identity('aws-role', 'ops-human', { uniqueName: true }));
    // A catalog record holds it: the entitlements tag grants no privileged entitlement.
    const recorded = {
      ...catalog,
      identities: [
        ...catalog.identities,
        {
          id: 'ops-human',
          match: { name: 'ops-human' },
          owner: 'team-platform',
          class: 'human' as const,
          entitlements: ['emergency-admin'],
        },
      ],
    };
    const result = buildAudit(model, runRules(model, [], { catalog: recorded, now: NOW }), recorded, NOW);
    expect(result.hygiene.standingPrivilege).toEqual([
      { id: 'TestStack/ops-human', name: 'ops-human', class: 'human', entitlement: 'emergency-admin' },
    ]);
    expect(result.identities[0]!.entitlements[0]).toMatchObject({
      id: 'emergency-admin',
      privileged: true,
      standing: true,
      notForClass: true,
    });
    // The break-glass class may hold it; deploy-admin is just in time (approval maxDuration 4h).
    expect(result.identities.find((i) => i.name === 'break-glass-admin')!.entitlements[0]).toMatchObject({
      privileged: true,
      standing: false,
    });
    expect(result.identities.find((i) => i.name === 'alice-admin')!.entitlements[0]).toMatchObject({
      id: 'deploy-admin',
      privileged: true,
      standing: false,
    });
  });
});

describe('secrets: who their resource policies let read them', () => {
  const catalog = exampleCatalog();
  const statement = (fields: Record<string, unknown>) => ({ Effect: 'Allow', Resource: '*', ...fields });

  it('lists the principals of the statements that may read the value, with conditions, and nothing without a policy', () => {
    const model = emptyModel();
    model.secrets.push(
      secret('db', {
        resourcePolicies: [
          {
            source: ref('AWS::SecretsManager::ResourcePolicy', 'DbPolicy'),
            document: parsePolicyDocument({
              Statement: [
                statement({
                  Principal: '*',
                  Action: 'secretsmanager:GetSecretValue',
                  Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
                }),
                statement({ Principal: { AWS: 'arn:aws:iam::999999999999:root' }, Action: 'secretsmanager:*' }),
                // Describing the secret reads no value: not listed.
                statement({
                  Principal: { AWS: 'arn:aws:iam::444455556666:root' },
                  Action: 'secretsmanager:DescribeSecret',
                }),
              ],
            }),
          },
        ],
      }),
      secret('api'),
    );
    const audit = buildAudit(model, runRules(model, [], { catalog, now: NOW }), catalog, NOW);
    expect(audit.secrets.map((s) => [s.name, s.readableBy])).toEqual([
      ['api', undefined],
      [
        'db',
        [
          { kind: 'everyone', principal: '*', conditions: ['StringEquals aws:PrincipalOrgID = o-a1b2c3d4e5'] },
          { kind: 'aws-account', principal: 'arn:aws:iam::999999999999:root', conditions: [] },
        ],
      ],
    ]);
    const html = formatAuditHtml(audit);
    expect(html).toContain(
      '<div class="sub">readable by: <code>*</code> when StringEquals aws:PrincipalOrgID = o-a1b2c3d4e5, ' +
        '<code>arn:aws:iam::999999999999:root</code></div>',
    );
    expect(html.match(/readable by:/g)).toHaveLength(1);
  });
});

describe('grants a resource policy makes are labelled by the policy, on the resource it is written on', () => {
  const FIXTURE = 'test/fixtures/cloudformation/resource-policies/grants-to-an-entitled-role.template.yaml';
  const { audit } = auditOf([FIXTURE]);
  const payments = audit.identities.find((row) => row.name === 'payments-api-runtime')!;

  it('names the bucket, key, queue and topic policy, sets resourcePolicy, and leaves the role’s own policy as it was', () => {
    expect(
      payments.grants.map((grant) => ({
        label: grant.label,
        resourcePolicy: grant.resourcePolicy,
        source: `${grant.source.type} ${grant.source.name}`,
        statements: grant.statements.map((statement) => `${statement.text} beyond=${statement.beyondEntitlements}`),
      })),
    ).toEqual([
      {
        label: 'policy ledger-read (PaymentsApiRole)',
        resourcePolicy: undefined,
        source: 'AWS::IAM::Role PaymentsApiRole',
        statements: [
          'Allow dynamodb:GetItem, dynamodb:Query on arn:aws:dynamodb:<own-region>:<own-account>:table/payments-ledger beyond=false',
        ],
      },
      {
        label: 'bucket policy ExportsPolicy',
        resourcePolicy: 'bucket',
        source: 'AWS::S3::BucketPolicy ExportsPolicy',
        statements: ['Allow s3:PutObject on <Arn of Exports>/* beyond=true'],
      },
      {
        label: 'key policy of LedgerKey',
        resourcePolicy: 'key',
        source: 'AWS::KMS::Key LedgerKey',
        statements: ['Allow kms:Decrypt on <Arn of LedgerKey> beyond=true'],
      },
      {
        label: 'queue policy PayoutsPolicy',
        resourcePolicy: 'queue',
        source: 'AWS::SQS::QueuePolicy PayoutsPolicy',
        statements: ['Allow sqs:SendMessage on <Arn of Payouts> beyond=true'],
      },
      {
        label: 'topic policy AlertsPolicy',
        resourcePolicy: 'topic',
        source: 'AWS::SNS::TopicPolicy AlertsPolicy',
        statements: ['Allow sns:Publish on <id of Alerts> beyond=true'],
      },
    ]);
    expect(payments.grants.map((grant) => 'resourcePolicy' in grant)).toEqual([false, true, true, true, true]);
  });

  it('says the privileged path runs through the key policy, in the paths and in the review queue', () => {
    expect(payments.privilegedPaths).toEqual(['data-exfiltration: 1 action (kms:Decrypt) via key policy of LedgerKey']);
    const items = audit
      .review!.owners.flatMap((owner) => owner.items)
      .filter((item) => item.identity === payments.name);
    expect(items.map((item) => [item.subject, item.evidence.grants])).toEqual([
      ['privileged grants', ['Allow kms:Decrypt on <Arn of LedgerKey> [data-exfiltration] (key policy of LedgerKey)']],
    ]);
  });

  it('labels every type the AWS front-ends read resource policies from, and only those', () => {
    // An event bus policy is read as a statement or as the principal it grants: one type, listed once.
    expect(Object.keys(RESOURCE_POLICY_KINDS).sort()).toEqual(
      [
        ...new Set([
          ...Object.keys(CLOUDFORMATION_RESOURCE_POLICIES),
          ...Object.keys(CLOUDFORMATION_NESTED_RESOURCE_POLICIES),
          ...Object.keys(CLOUDFORMATION_STATEMENT_POLICIES),
          ...Object.keys(LAMBDA_PERMISSIONS),
          ...Object.keys(KMS_GRANTS),
          ...Object.keys(PRINCIPAL_GRANTS),
          ...Object.keys(PULUMI_RESOURCE_POLICIES),
        ]),
      ].sort(),
    );
    const label = (type: string, name: string) => resourcePolicyLabel({ type, name })?.label;
    expect([
      label('aws:s3/bucketPolicy:BucketPolicy', 'exports-policy'),
      label('aws:kms/key:Key', 'ledger'),
      label('aws:kms/replicaKey:ReplicaKey', 'ledger-eu'),
      label('aws:kms/keyPolicy:KeyPolicy', 'ledger-policy'),
      label('aws:kms/grant:Grant', 'ledger-grant'),
      label('aws:lambda/layerVersionPermission:LayerVersionPermission', 'shared-layer'),
      label('aws:ec2/vpcEndpointService:VpcEndpointService', 'partner-service'),
      label('aws:sqs/queue:Queue', 'payouts'),
      label('aws:sqs/queuePolicy:QueuePolicy', 'payouts-policy'),
      label('aws:sns/topic:Topic', 'alerts'),
      label('aws:sns/topicPolicy:TopicPolicy', 'alerts-policy'),
      label('AWS::SQS::QueueInlinePolicy', 'PayoutsInline'),
      label('AWS::SNS::TopicInlinePolicy', 'AlertsInline'),
      label('AWS::KMS::ReplicaKey', 'LedgerReplica'),
      label('AWS::DynamoDB::Table', 'Ledger'),
      label('aws:dynamodb/resourcePolicy:ResourcePolicy', 'ledger-policy'),
      label('AWS::Lambda::Permission', 'InvokePermission'),
      label('aws:ecr/repositoryPolicy:RepositoryPolicy', 'images-policy'),
      label('AWS::EFS::FileSystem', 'Shared'),
      label('AWS::IAM::Policy', 'AppPolicy'),
      label('toString', 'NotAType'),
    ]).toEqual([
      'bucket policy exports-policy',
      'key policy of ledger',
      'key policy of ledger-eu',
      'key policy ledger-policy',
      'key grant ledger-grant',
      'layer policy shared-layer',
      'endpoint service policy of partner-service',
      'queue policy of payouts',
      'queue policy payouts-policy',
      'topic policy of alerts',
      'topic policy alerts-policy',
      'queue policy PayoutsInline',
      'topic policy AlertsInline',
      'key policy of LedgerReplica',
      'table policy of Ledger',
      'table policy ledger-policy',
      'function policy InvokePermission',
      'repository policy images-policy',
      'file system policy of Shared',
      undefined,
      undefined,
    ]);
  });
});

describe("a storage account's shared keys are listed on the account, held by no identity", () => {
  const NATIVE = 'azure-native:storage:StorageAccount';
  const account = (name: string, props: Record<string, unknown>) => ({
    type: NATIVE,
    name,
    urn: `urn:pulumi:dev::files::${NATIVE}::${name}`,
    props,
  });
  const UNKNOWN = '04da6b54-80e4-46f7-96ec-b56ff0331ba9';

  it('gives each account’s keys with enabled, unset or pending, the setting, and the finding on the account (Pulumi)', () => {
    const model = modelFromPulumiResources([
      account('sa', { resourceGroupName: 'rg', kind: 'StorageV2' }),
      account('named', { accountName: 'uploads01', allowSharedKeyAccess: true }),
      account('later', { allowSharedKeyAccess: UNKNOWN }),
      account('entra', { allowSharedKeyAccess: false }),
    ]);
    const catalog = exampleCatalog();
    const audit = buildAudit(model, evaluate(model, { catalog, now: NOW }), catalog, NOW);
    expect(audit.identities.filter((row) => row.origin === 'change')).toEqual([]);
    expect(
      audit.sharedKeys!.map((keys) => ({
        ...keys,
        source: keys.source.name,
        findings: keys.findings.map((f) => `${f.ruleId} ${f.level} ${f.detail}${f.pending ? ' pending' : ''}`),
      })),
    ).toEqual([
      {
        kind: 'azure-storage-account',
        cloud: 'azure',
        name: 'sa',
        source: 'sa',
        lifetime: 'long-lived',
        status: 'unset',
        setting: 'allowSharedKeyAccess',
        findings: ['no-long-lived-credentials mandatory SharedKey::azure-storage-account'],
      },
      {
        kind: 'azure-storage-account',
        cloud: 'azure',
        name: 'uploads01',
        source: 'named',
        lifetime: 'long-lived',
        status: 'enabled',
        setting: 'allowSharedKeyAccess',
        findings: ['no-long-lived-credentials mandatory SharedKey::azure-storage-account'],
      },
      {
        kind: 'azure-storage-account',
        cloud: 'azure',
        name: 'later',
        source: 'later',
        lifetime: 'long-lived',
        status: 'pending',
        pendingOn: 'later.allowSharedKeyAccess is not known until apply',
        setting: 'allowSharedKeyAccess',
        findings: ['no-long-lived-credentials advisory SharedKey::azure-storage-account pending'],
      },
    ]);
    const markdown = formatAuditMarkdown(audit).split('\n');
    const section = markdown.indexOf('#### Resource keys (long-lived, held by no identity)');
    expect(markdown.slice(section, section + 7)).toEqual([
      '#### Resource keys (long-lived, held by no identity)',
      '',
      '| resource | keys | status | findings |',
      '|---|---|---|---|',
      '| azure-native:storage:StorageAccount `sa` | azure-storage-account `sa` (long-lived) | enabled by default \\(allowSharedKeyAccess not set\\) | 1 blocking / 1 |',
      '| azure-native:storage:StorageAccount `named` | azure-storage-account `uploads01` (long-lived) | enabled \\(allowSharedKeyAccess: true\\) | 1 blocking / 1 |',
      '| azure-native:storage:StorageAccount `later` | azure-storage-account `later` (long-lived) | known only at apply \\(later.allowSharedKeyAccess is not known until apply\\) | 0 blocking / 1 |',
    ]);
    expect(formatAuditHtml(audit)).toContain(
      '<tr><td>azure-native:storage:StorageAccount <code>named</code></td><td>azure-storage-account <code>uploads01</code> <span class="badge bad">long-lived</span></td><td>enabled (allowSharedKeyAccess: true)</td><td><span class="badge bad">1 blocking</span></td></tr>',
    );
  });

  it('lists a Terraform plan’s account in Terraform’s words, and no section when no account holds keys', () => {
    const plan = (enabled: boolean) =>
      modelFromTerraformPlan(
        terraformPlan([
          {
            address: 'azurerm_storage_account.functionsa',
            values: {
              name: 'functionsa',
              resource_group_name: 'functions-rg',
              location: 'westeurope',
              account_tier: 'Standard',
              account_replication_type: 'LRS',
              shared_access_key_enabled: enabled,
            },
            unknown: { id: true, primary_access_key: true, secondary_access_key: true },
          },
        ]),
        { file: 'plan.json' },
      );
    const catalog = exampleCatalog();
    const auditOfPlan = (model: ReturnType<typeof plan>) =>
      buildAudit(model, evaluate(model, { catalog, now: NOW }), catalog, NOW);
    const audit = auditOfPlan(plan(true));
    expect(
      audit.sharedKeys!.map(
        (keys) => `${keys.source.type} ${keys.source.name} ${keys.name} ${keys.status} ${keys.setting}`,
      ),
    ).toEqual([
      'azurerm_storage_account azurerm_storage_account.functionsa functionsa enabled shared_access_key_enabled',
    ]);
    const off = auditOfPlan(plan(false));
    expect('sharedKeys' in off).toBe(false);
    expect(formatAuditMarkdown(off)).not.toContain('Resource keys');
  });
});
