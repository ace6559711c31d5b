// The app both CDK benchmarks use: 2,000 roles (three policy statements and one managed policy each), 200 users
// and 100 secrets (each rotated every 30 days), spread over 20 stacks so each stays within CloudFormation's
// 500-resource limit (a single stack of 4,300 resources makes the CDK throw before the assembly is written, so
// nothing after template rendering, validation plugins included, would run). It complies with support/catalog.yaml.
export const STACKS = 20;
export const ROLES = 2000;
export const USERS = 200;
export const SECRETS = 100;
const ROTATION_FUNCTION = 'arn:aws:lambda:eu-west-1:111122223333:function:secrets-rotation';

/** Adds the benchmark's stacks to `app`; `cdk` is `{ Duration, Stack, Tags, iam, secretsmanager }` from aws-cdk-lib. */
export function addBenchStacks(app, { Duration, Stack, Tags, iam, secretsmanager }) {
  for (let stackIndex = 0; stackIndex < STACKS; stackIndex++) {
    const stack = new Stack(app, `Bench${stackIndex}`);
    for (let index = stackIndex * (ROLES / STACKS); index < (stackIndex + 1) * (ROLES / STACKS); index++) {
      const role = new iam.Role(stack, `Role${index}`, {
        roleName: `payments-api-${index}`,
        assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
        maxSessionDuration: Duration.hours(1),
        managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AWSLambdaBasicExecutionRole')],
      });
      const table = `arn:aws:dynamodb:eu-west-1:111122223333:table/payments-${index}`;
      role.addToPolicy(
        new iam.PolicyStatement({ actions: ['dynamodb:GetItem', 'dynamodb:Query'], resources: [table] }),
      );
      role.addToPolicy(new iam.PolicyStatement({ actions: ['dynamodb:PutItem'], resources: [table] }));
      role.addToPolicy(
        new iam.PolicyStatement({
          actions: ['secretsmanager:GetSecretValue'],
          resources: [`arn:aws:secretsmanager:eu-west-1:111122223333:secret:payments/${index}`],
        }),
      );
    }
    for (let index = stackIndex * (USERS / STACKS); index < (stackIndex + 1) * (USERS / STACKS); index++) {
      const user = new iam.User(stack, `User${index}`, { userName: `batch-user-${index}` });
      Tags.of(user).add('owner', 'team-data');
    }
    for (let index = stackIndex * (SECRETS / STACKS); index < (stackIndex + 1) * (SECRETS / STACKS); index++) {
      const secret = new secretsmanager.Secret(stack, `Secret${index}`, { secretName: `payments/${index}` });
      // Rotated by the organization's shared rotation function (an L1 schedule: the L2 would try to grant an imported function).
      new secretsmanager.CfnRotationSchedule(stack, `Secret${index}Rotation`, {
        secretId: secret.secretArn,
        rotationLambdaArn: ROTATION_FUNCTION,
        rotationRules: { scheduleExpression: 'rate(30 days)' },
      });
      Tags.of(secret).add('owner', 'team-payments');
    }
  }
}
