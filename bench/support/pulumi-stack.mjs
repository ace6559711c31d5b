// The Pulumi stack the Pulumi benchmarks send over the analyzer protocol (bench/pulumi-analyzer.mjs,
// bench/user-setups.mjs): units of five resources (role, its inline policy, a Lambda function, a secret, its
// rotation), the role a service identity of examples/catalog.yaml (payments-api-*).
const ACCOUNT = '111122223333';

/** `count` resources as captured records (type, name, urn, inputs, outputs, propertyDependencies). */
export function pulumiStack(count) {
  const records = [];
  const add = (type, name, outputs, propertyDependencies = {}) => {
    const urn = `urn:pulumi:bench::payments::${type}::${name}`;
    records.push({ type, name, urn, inputs: outputs, outputs, propertyDependencies });
    return urn;
  };
  for (let i = 0; records.length < count; i++) {
    const name = `payments-api-${i}`;
    const roleUrn = add('aws:iam/role:Role', name, {
      name,
      arn: `arn:aws:iam::${ACCOUNT}:role/${name}`,
      assumeRolePolicy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
      }),
      maxSessionDuration: 3600,
      tags: { owner: 'team-payments', 'identity-class': 'service' },
    });
    add(
      'aws:iam/rolePolicy:RolePolicy',
      `${name}-ledger`,
      {
        role: name,
        policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Action: ['dynamodb:GetItem', 'dynamodb:Query'],
              Resource: `arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/payments-${i}`,
            },
          ],
        }),
      },
      { role: [roleUrn] },
    );
    add(
      'aws:lambda/function:Function',
      `${name}-fn`,
      {
        name: `${name}-fn`,
        role: `arn:aws:iam::${ACCOUNT}:role/${name}`,
        runtime: 'nodejs22.x',
        handler: 'index.handler',
      },
      { role: [roleUrn] },
    );
    const secretArn = `arn:aws:secretsmanager:eu-west-1:${ACCOUNT}:secret:${name}-db-a1B2c3`;
    const secretUrn = add('aws:secretsmanager/secret:Secret', `${name}-db`, {
      name: `${name}-db`,
      arn: secretArn,
      tags: { owner: 'team-payments', 'identity-class': 'service' },
    });
    add(
      'aws:secretsmanager/secretRotation:SecretRotation',
      `${name}-db-rotation`,
      { secretId: secretArn, rotationRules: { automaticallyAfterDays: 30 } },
      { secretId: [secretUrn] },
    );
  }
  return records.slice(0, count);
}
