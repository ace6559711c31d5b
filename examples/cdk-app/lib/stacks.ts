/**
 * The example infrastructure (the same as examples/pulumi-aws, for the parity test): a compliant stack and a
 * stack with the classic mistakes. Only aws-cdk-lib here; the guard is wired in bin/app.ts.
 */
import { Duration, Stack, Tags, type StackProps } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';

const ACCOUNT = '111122223333';
const GITHUB_OIDC_ARN = `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`;
const GITHUB_MAIN_BRANCH = 'repo:example-co/payments:ref:refs/heads/main';

function tag(scope: Construct, tags: Record<string, string>): void {
  for (const [key, value] of Object.entries(tags)) Tags.of(scope).add(key, value);
}

function githubPrincipal(conditions: Record<string, string>): iam.IPrincipal {
  return new iam.WebIdentityPrincipal(GITHUB_OIDC_ARN, {
    StringEquals: Object.fromEntries(
      Object.entries(conditions).map(([key, value]) => [`token.actions.githubusercontent.com:${key}`, value]),
    ),
  });
}

/** The CI role of the catalog: GitHub OIDC from the main branch only, one-hour sessions, CDK bootstrap roles. */
function ciDeployer(scope: Construct): iam.Role {
  const role = new iam.Role(scope, 'CiDeployer', {
    roleName: 'ci-deployer',
    assumedBy: githubPrincipal({ aud: 'sts.amazonaws.com', sub: GITHUB_MAIN_BRANCH }),
    maxSessionDuration: Duration.hours(1),
  });
  role.addToPolicy(
    new iam.PolicyStatement({
      actions: ['sts:AssumeRole'],
      resources: [`arn:aws:iam::${ACCOUNT}:role/cdk-hnb659fds-*`],
    }),
  );
  return role;
}

/** Everything here is within examples/catalog.yaml: no mandatory finding. */
export class GoodStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    const paymentsRole = new iam.Role(this, 'PaymentsApiRuntime', {
      roleName: 'payments-api-runtime',
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      maxSessionDuration: Duration.hours(1),
      inlinePolicies: {
        'payments-ledger-read': new iam.PolicyDocument({
          statements: [
            new iam.PolicyStatement({
              actions: ['dynamodb:GetItem', 'dynamodb:Query'],
              resources: [`arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/payments-ledger`],
            }),
          ],
        }),
      },
    });
    new lambda.Function(this, 'PaymentsApi', {
      functionName: 'payments-api',
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline('exports.handler = async () => ({ statusCode: 200 });'),
      role: paymentsRole,
    });

    ciDeployer(this);

    const reportAgent = new iam.Role(this, 'ReportAgent', {
      roleName: 'report-agent',
      assumedBy: new iam.ServicePrincipal('bedrock.amazonaws.com'),
      maxSessionDuration: Duration.hours(1),
    });
    reportAgent.addToPolicy(
      new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::example-co-reports/*'] }),
    );

    const dbCredentials = new secretsmanager.Secret(this, 'PaymentsDbCredentials', {
      secretName: 'payments-db-credentials',
      generateSecretString: {
        secretStringTemplate: JSON.stringify({ username: 'payments' }),
        generateStringKey: 'password',
      },
    });
    dbCredentials.addRotationSchedule('Rotation', {
      hostedRotation: secretsmanager.HostedRotation.postgreSqlSingleUser(),
      automaticallyAfter: Duration.days(30),
    });
    tag(dbCredentials, { owner: 'team-payments', 'identity-class': 'service' });
  }
}

/** The classic mistakes, one construct each; the comments name the rule each one must trip. */
export class BadStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    // no-long-lived-credentials: a static access key for a batch job.
    const etlUser = new iam.User(this, 'EtlBatchUser', { userName: 'etl-batch-user' });
    new iam.AccessKey(this, 'EtlBatchUserKey', { user: etlUser });

    // no-wildcard-privilege: AdministratorAccess on a Lambda role.
    const ordersRole = new iam.Role(this, 'OrdersLambdaRole', {
      roleName: 'orders-lambda-role',
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AdministratorAccess')],
    });
    tag(ordersRole, { owner: 'team-payments', 'identity-class': 'service' });

    // no-wildcard-privilege: s3:* on every resource.
    const analyticsRole = new iam.Role(this, 'AnalyticsRole', {
      roleName: 'analytics-role',
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    });
    analyticsRole.addToPolicy(new iam.PolicyStatement({ actions: ['s3:*'], resources: ['*'] }));
    tag(analyticsRole, { owner: 'team-data', 'identity-class': 'service' });

    // require-owner, require-entitlement: nobody owns it, the catalog does not know it.
    new iam.Role(this, 'ScratchRole', {
      roleName: 'scratch-role',
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    });

    // restrict-trust: GitHub OIDC with an audience but no subject, so any repository can assume it.
    const ghDeploy = new iam.Role(this, 'GhActionsDeploy', {
      roleName: 'gh-actions-deploy',
      assumedBy: githubPrincipal({ aud: 'sts.amazonaws.com' }),
      maxSessionDuration: Duration.hours(1),
    });
    tag(ghDeploy, { owner: 'team-platform', 'identity-class': 'workload' });

    // secret-rotation: a password that never rotates.
    const ordersPassword = new secretsmanager.Secret(this, 'OrdersDbPassword', { secretName: 'orders-db-password' });
    tag(ordersPassword, { owner: 'team-payments', 'identity-class': 'service' });

    // session-within-class: an agent with 12-hour sessions.
    const supportAgent = new iam.Role(this, 'SupportAgent', {
      roleName: 'support-agent',
      assumedBy: new iam.ServicePrincipal('bedrock.amazonaws.com'),
      maxSessionDuration: Duration.hours(12),
    });
    tag(supportAgent, { owner: 'team-ml', 'identity-class': 'agent' });

    // break-glass-isolation: the emergency role can be assumed by the CI role.
    const ci = ciDeployer(this);
    new iam.Role(this, 'BreakGlassAdmin', {
      roleName: 'break-glass-admin',
      assumedBy: new iam.ArnPrincipal(ci.roleArn),
      maxSessionDuration: Duration.hours(1),
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AdministratorAccess')],
    });
  }
}
