/**
 * AWS regression corpus, Pulumi side: programs of pulumi/examples copied verbatim (test/corpus/aws-pulumi, each
 * naming its source and licence), run under the SDK's mocks as `pulumi up` would plan them and checked with no catalog,
 * as a new user would. Every finding of the rules that judge the program itself is listed and judged here; the
 * catalog rules (require-owner, require-entitlement: one or two per identity without a catalog) are counted. The
 * built policy pack, started and asked as `pulumi preview` asks it (Analyze per resource, then AnalyzeStack, over
 * the analyzer protocol), gives each program's verdicts: rule, level and resource.
 */
import { describe, expect, it } from 'vitest';
import { modelFromPulumiResources } from '../../src/adapters/pulumi/index.js';
import { stackResources } from '../multicloud/support/capture.js';
import { itAdoptsAndAsksThePack, pulumiCorpus, runsAs, type CorpusProgram } from './support/pulumi-corpus.js';

/**
 * Each program (test/corpus/aws-pulumi/, README.md there says why each was chosen and judges every finding) with its
 * Pulumi project name and the stack configuration its README asks for (`pulumi config set …`, `--secret` ones as
 * secrets); the programs themselves are unchanged. aws:region is the one provider setting they read.
 */
const PROGRAMS = {
  'aws-ts-serverless-raw': { file: 'aws-ts-serverless-raw.ts', project: 'aws-ts-serverless-raw' },
  'aws-ts-resources': { file: 'aws-ts-resources.ts', project: 'aws-ts-resources' },
  'aws-ts-apigatewayv2-http-api-quickcreate': {
    file: 'aws-ts-apigatewayv2-http-api-quickcreate.ts',
    project: 'aws-ts-apigatewayv2-http-api-quickcreate',
  },
  'aws-ts-lambda-secrets': {
    file: 'aws-ts-lambda-secrets/index.ts',
    project: 'aws-ts-lambda-secrets',
    config: {
      'aws-ts-lambda-secrets:lambdawithsecrets': JSON.stringify({
        envvars: { envvar1: 'envvar1value', envvar2: 'envvar2value' },
        secrets: { secret1: 'secretvalue1', secret2: 'secretvalue2' },
      }),
    },
    secretKeys: ['aws-ts-lambda-secrets:lambdawithsecrets'],
  },
  'aws-ts-assume-role-create-role': {
    file: 'aws-ts-assume-role-create-role/index.ts',
    project: 'create-role',
    config: { 'create-role:unprivilegedUsername': 'somebody@pulumi.com' },
  },
  'aws-ts-organizations': {
    file: 'aws-ts-organizations/index.ts',
    project: 'aws-ts-organizations',
    config: { 'aws-ts-organizations:devAccountEmailContact': 'dev-account@example.com' },
    secretKeys: ['aws-ts-organizations:devAccountEmailContact'],
  },
  'aws-ts-appsync': { file: 'aws-ts-appsync/index.ts', project: 'aws-ts-appsync' },
  'aws-ts-synthetics-canary': { file: 'aws-ts-synthetics-canary/index.ts', project: 'aws-synthetics-canary' },
  'aws-ts-s3-lambda-copyzip': { file: 'aws-ts-s3-lambda-copyzip/index.ts', project: 'slss-tps' },
  'aws-ts-redshift-glue-etl': {
    file: 'aws-ts-redshift-glue-etl/index.ts',
    project: 'aws-ts-redshift-glue-etl',
    // The defaults of its Pulumi.yaml template, and a password (secret, no default).
    config: {
      'aws-ts-redshift-glue-etl:clusterIdentifier': 'my-redshift-cluster',
      'aws-ts-redshift-glue-etl:clusterNodeType': 'ra3.xlplus',
      'aws-ts-redshift-glue-etl:clusterDBName': 'dev',
      'aws-ts-redshift-glue-etl:clusterDBUsername': 'admin',
      'aws-ts-redshift-glue-etl:clusterDBPassword': 'Admin-password-1',
      'aws-ts-redshift-glue-etl:glueDBName': 'my-glue-db',
    },
    secretKeys: ['aws-ts-redshift-glue-etl:clusterDBPassword'],
  },
  'aws-ts-apigateway-eventbridge': { file: 'aws-ts-apigateway-eventbridge/index.ts', project: 'aws-ts-apigateway-eventbridge' },
} satisfies Record<string, CorpusProgram>;
type Program = keyof typeof PROGRAMS;
/** Each program checked, asked of the pack and adopted (support/pulumi-corpus.ts). */
const corpus = pulumiCorpus('aws-pulumi', PROGRAMS, { config: { 'aws:region': 'us-east-1' } });
const { captured, previewFindings, judged, counted } = corpus;

describe('AWS corpus: pulumi/examples programs under mocks', () => {
  itAdoptsAndAsksThePack(corpus, { everyProgramHasVerdicts: true });

  it('aws-ts-serverless-raw: logs:* and cloudwatch:* on "*" for the Lambda role (right: logs:* deletes every log group and rewrites log resource policies)', () => {
    expect(judged('aws-ts-serverless-raw')).toEqual([
      'no-wildcard-privilege mandatory mylambda-policy mylambda-role Action::cloudwatch:*',
      'no-wildcard-privilege mandatory mylambda-policy mylambda-role Action::logs:*',
    ]);
    expect(counted('aws-ts-serverless-raw')).toEqual({ 'require-entitlement': 1, 'require-owner': 1 });
    // In preview the whole document is one unknown (pulumi.output of an object holding the table's ARN): pending.
    expect(judged('aws-ts-serverless-raw', previewFindings)).toEqual([
      'no-privilege-escalation advisory mylambda-role mylambda-role Path::unknown pending',
      'no-wildcard-privilege advisory mylambda-policy mylambda-role - pending',
    ]);
  });
  it('aws-ts-resources: ec2:Describe* on "*" (inline and attached) is no privilege (right); the role, user and group are read; the repository policy lets anyone push and delete (right)', () => {
    // Principal "*" with ecr:PutImage, ecr:DeleteRepository, ecr:SetRepositoryPolicy and no condition (session 31).
    expect(judged('aws-ts-resources')).toEqual(['restrict-trust mandatory myrepositorypolicy - Principal::*']);
    expect(counted('aws-ts-resources')).toEqual({ 'require-entitlement': 2, 'require-owner': 3 });
  });
  it('aws-ts-apigatewayv2-http-api-quickcreate: AWSLambdaBasicExecutionRole is clean by content (right); API Gateway may invoke the function with no aws:SourceArn (advisory, right)', () => {
    expect(judged('aws-ts-apigatewayv2-http-api-quickcreate')).toEqual([
      'restrict-trust advisory lambdaPermission - Service::apigateway.amazonaws.com',
    ]);
    expect(counted('aws-ts-apigatewayv2-http-api-quickcreate')).toEqual({ 'require-entitlement': 1, 'require-owner': 1 });
  });
  it('aws-ts-lambda-secrets: two secrets whose values come from stack config (advisory, noisy: config secrets are what the message advises), not rotated (right); the getPolicyDocument policy reads in pulumi up and is pending in preview (its resources are the secrets’ ARNs)', () => {
    const expected = [
      'no-long-lived-credentials advisory secret1 secret1 Secret::value-in-program',
      'no-long-lived-credentials advisory secret2 secret2 Secret::value-in-program',
      'secret-rotation mandatory secret1 secret1 Rotation::none',
      'secret-rotation mandatory secret2 secret2 Rotation::none',
    ];
    expect(judged('aws-ts-lambda-secrets')).toEqual(expected);
    expect(counted('aws-ts-lambda-secrets')).toEqual({ 'require-entitlement': 1, 'require-owner': 3 });
    expect(judged('aws-ts-lambda-secrets', previewFindings)).toEqual([
      ...expected.slice(0, 2),
      'no-privilege-escalation advisory roleLambdaWithSecrets roleLambdaWithSecrets Path::unknown pending',
      'no-wildcard-privilege advisory secretsPolicy roleLambdaWithSecrets - pending',
      ...expected.slice(2),
    ]);
  });
  it('aws-ts-lambda-secrets: the role holds the rendered secretsmanager:GetSecretValue on the two secrets, and runs the function', () => {
    const model = modelFromPulumiResources(stackResources(captured['aws-ts-lambda-secrets']));
    const [role] = model.identities;
    expect([role?.resource.name, role?.attachments.map((a) => `${a.kind} ${a.source.name}`)]).toEqual(['roleLambdaWithSecrets', ['lambda lambdaWithSecrets']]);
    const policy = role?.grants.find((grant) => grant.source.name === 'secretsPolicy');
    expect(policy?.kind === 'aws-policy' ? policy.document : undefined).toMatchObject({
      statements: [
        {
          effect: 'Allow',
          action: ['secretsmanager:GetSecretValue'],
          resource: [
            'arn:aws:secretsmanager:eu-west-1:111122223333:secret:secret1-a1B2c3',
            'arn:aws:secretsmanager:eu-west-1:111122223333:secret:secret2-a1B2c3',
          ],
        },
      ],
    });
  });
  it('aws-ts-assume-role-create-role: an access key (right), s3:* on "*" (right); the role’s trust names the user through an apply, pending in preview (fail closed)', () => {
    const expected = [
      'no-long-lived-credentials mandatory unprivileged-user-key unprivileged-user Credential::aws-access-key',
      'no-wildcard-privilege mandatory allow-s3-management-policy allow-s3-management Action::s3:*',
    ];
    expect(judged('aws-ts-assume-role-create-role')).toEqual(expected);
    expect(counted('aws-ts-assume-role-create-role')).toEqual({ 'require-entitlement': 2, 'require-owner': 2 });
    expect(judged('aws-ts-assume-role-create-role', previewFindings)).toEqual([
      ...expected,
      'restrict-trust advisory allow-s3-management allow-s3-management - pending',
    ]);
  });
  it('aws-ts-organizations: the new account’s OrganizationalAccountAccessRole, an administrator (right); the roles a component creates in that account are read with their boundary policies: iam:* for AutomationRole (right), s3/ec2/dynamodb/cloudwatch:* for both (right), AWS Backup’s own policy (noisy); the management account’s root as trust is pending (the user’s ARN) or unlisted in preview', () => {
    const expected = [
      'no-privilege-escalation mandatory devAccount devAccount/member-account-role Path::*',
      'no-privilege-escalation mandatory devAutomationUserRole devAutomationUserRole Path::*',
      // Since session 44 (right): the dev role's ec2:* on "*" rewrites any instance's user data and restarts it, running
      // code as that instance's role.
      // Since session 48 (right): the same ec2:* on "*" gives every launch template a default version with its own
      // user data, run by the next instance launched from it as the template's instance role (pathfinding ec2-004).
      'no-privilege-escalation mandatory devDevRole devDevRole Path::modify-any-ec2-launch-template',
      'no-privilege-escalation mandatory devDevRole devDevRole Path::modify-any-ec2-user-data',
      'no-wildcard-privilege mandatory devAccount devAccount/member-account-role Policy::AdministratorAccess',
      'no-wildcard-privilege mandatory devAccountBackupPolicyRole devAccountBackupPolicyRole Policy::AWSBackupServiceRolePolicyForBackup',
      'no-wildcard-privilege mandatory devAutomationUserBoundary devAutomationUserRole Action::cloudwatch:*',
      'no-wildcard-privilege mandatory devAutomationUserBoundary devAutomationUserRole Action::dynamodb:*',
      'no-wildcard-privilege mandatory devAutomationUserBoundary devAutomationUserRole Action::ec2:*',
      'no-wildcard-privilege mandatory devAutomationUserBoundary devAutomationUserRole Action::iam:*',
      'no-wildcard-privilege mandatory devAutomationUserBoundary devAutomationUserRole Action::s3:*',
      'no-wildcard-privilege mandatory devDevBoundary devDevRole Action::cloudwatch:*',
      'no-wildcard-privilege mandatory devDevBoundary devDevRole Action::dynamodb:*',
      'no-wildcard-privilege mandatory devDevBoundary devDevRole Action::ec2:*',
      'no-wildcard-privilege mandatory devDevBoundary devDevRole Action::s3:*',
    ];
    expect(judged('aws-ts-organizations')).toEqual(expected);
    expect(counted('aws-ts-organizations')).toEqual({ 'require-entitlement': 5, 'require-owner': 6 });
    // In pulumi up the management account is an account of the change (the automation user's ARN names it); in preview
    // no ARN is known yet, so its root is an account no catalog lists.
    expect(judged('aws-ts-organizations', previewFindings)).toEqual([
      ...expected,
      'restrict-trust advisory devAutomationUserRole devAutomationUserRole - pending',
      'restrict-trust mandatory devDevRole devDevRole Account::111122223333',
    ]);
  });
  it('aws-ts-appsync: the data source’s role, trust and policy both from getPolicyDocument, is clean (right: PutItem and GetItem on one table); in preview the policy (the table’s ARN) is pending', () => {
    expect(judged('aws-ts-appsync')).toEqual([]);
    expect(counted('aws-ts-appsync')).toEqual({ 'require-entitlement': 1, 'require-owner': 1 });
    expect(judged('aws-ts-appsync', previewFindings)).toEqual([
      'no-privilege-escalation advisory iam-role iam-role Path::unknown pending',
      'no-wildcard-privilege advisory iam-policy iam-role - pending',
    ]);
  });
  it('aws-ts-synthetics-canary: the canary’s role, its policy built in an apply of the bucket’s ARN, is clean (right); pending in preview', () => {
    expect(judged('aws-ts-synthetics-canary')).toEqual([]);
    expect(counted('aws-ts-synthetics-canary')).toEqual({ 'require-entitlement': 1, 'require-owner': 1 });
    expect(judged('aws-ts-synthetics-canary', previewFindings)).toEqual([
      'no-privilege-escalation advisory canary-exec-role canary-exec-role Path::unknown pending',
      'no-wildcard-privilege advisory canary-exec-policy canary-exec-role - pending',
    ]);
  });
  it('aws-ts-s3-lambda-copyzip: the role onObjectCreated’s CallbackFunction makes itself holds six full-access policies and six escalation paths (right), in pulumi up as in preview', () => {
    const expected = [
      'no-privilege-escalation mandatory zipTpsReports zipTpsReports Path::passrole-cognito-identity-pool',
      'no-privilege-escalation mandatory zipTpsReports zipTpsReports Path::passrole-datapipeline',
      'no-privilege-escalation mandatory zipTpsReports zipTpsReports Path::passrole-lambda-add-permission',
      'no-privilege-escalation mandatory zipTpsReports zipTpsReports Path::passrole-lambda-event-source',
      'no-privilege-escalation mandatory zipTpsReports zipTpsReports Path::passrole-lambda-invoke',
      'no-privilege-escalation mandatory zipTpsReports zipTpsReports Path::update-lambda-code',
      'no-wildcard-privilege mandatory zipTpsReports-4aaabb8e zipTpsReports Policy::AmazonS3FullAccess',
      'no-wildcard-privilege mandatory zipTpsReports-74d12784 zipTpsReports Policy::CloudWatchEventsFullAccess',
      'no-wildcard-privilege mandatory zipTpsReports-7cd09230 zipTpsReports Policy::AmazonSQSFullAccess',
      'no-wildcard-privilege mandatory zipTpsReports-a1de8170 zipTpsReports Policy::AmazonDynamoDBFullAccess',
      'no-wildcard-privilege mandatory zipTpsReports-b5aeb6b6 zipTpsReports Policy::AWSLambda_FullAccess',
      'no-wildcard-privilege mandatory zipTpsReports-d32a66fa zipTpsReports Policy::CloudWatchFullAccessV2',
    ];
    expect(judged('aws-ts-s3-lambda-copyzip')).toEqual(expected);
    expect(judged('aws-ts-s3-lambda-copyzip', previewFindings)).toEqual(expected);
    expect(counted('aws-ts-s3-lambda-copyzip')).toEqual({ 'require-entitlement': 1, 'require-owner': 1 });
  });
  it('aws-ts-redshift-glue-etl: the Glue job’s role with AmazonS3FullAccess and AWSGlueServiceRole (right, both; glue:UpdateDevEndpoint an escalation path); Redshift’s S3 read-only role is clean (right); the cluster’s masterPassword the program sets (advisory, noisy: a stack config secret)', () => {
    const expected = [
      'no-long-lived-credentials advisory cluster - Credential::plaintext',
      'no-privilege-escalation mandatory glue-role glue-role Path::update-glue-dev-endpoint',
      'no-wildcard-privilege mandatory glue-role glue-role Policy::AWSGlueServiceRole',
      'no-wildcard-privilege mandatory glue-role glue-role Policy::AmazonS3FullAccess',
    ];
    expect(judged('aws-ts-redshift-glue-etl')).toEqual(expected);
    expect(judged('aws-ts-redshift-glue-etl', previewFindings)).toEqual(expected);
    expect(counted('aws-ts-redshift-glue-etl')).toEqual({ 'require-entitlement': 2, 'require-owner': 2 });
  });
  it('aws-ts-apigateway-eventbridge: API Gateway’s role with AmazonEventBridgeFullAccess (right) and the CallbackFunction role’s CloudWatchLogsFullAccess (right), in pulumi up as in preview', () => {
    const expected = [
      'no-wildcard-privilege mandatory api-gateway-role api-gateway-role Policy::AmazonEventBridgeFullAccess',
      'no-wildcard-privilege mandatory lambda-57e41134 lambda Policy::CloudWatchLogsFullAccess',
    ];
    // The Lambda permission lets EventBridge in only for the program's rule (sourceArn): no confused deputy.
    expect(judged('aws-ts-apigateway-eventbridge')).toEqual(expected);
    expect(judged('aws-ts-apigateway-eventbridge', previewFindings)).toEqual(expected);
    expect(counted('aws-ts-apigateway-eventbridge')).toEqual({ 'require-entitlement': 2, 'require-owner': 2 });
  });
  it('the roles each service runs as are attachments of those roles: a Lambda function, an AppSync data source, a canary, a Glue job and crawler, a Redshift cluster, API Gateway', () => {
    const runs = (program: Program) => runsAs(captured[program]);
    expect(runs('aws-ts-appsync')).toEqual(['iam-role: appsync tenants-ds']);
    expect(runs('aws-ts-synthetics-canary')).toEqual(['canary-exec-role: synthetics-canary canary-simple']);
    // The crawler since h151 (AI/ML and data compute): it crawls the program's bucket as glue-role (right).
    expect(runs('aws-ts-redshift-glue-etl')).toEqual([
      'glue-role: glue glue-crawler, glue glue-job',
      'redshift-role: redshift-cluster cluster',
    ]);
    expect(runs('aws-ts-apigateway-eventbridge')).toEqual(['lambda: lambda lambda', 'api-gateway-role: api-gateway integration']);
  });
});
