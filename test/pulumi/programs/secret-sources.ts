// One Secrets Manager value from each source a program has: a stack config secret, pulumi.secret around a
// literal, and a bare literal.
import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';

const config = new pulumi.Config();
const values: Record<string, pulumi.Input<string>> = {
  'from-config': config.requireSecret('dbPassword'),
  'wrapped-literal': pulumi.secret('not-a-real-password'),
  literal: 'not-a-real-password',
};
for (const [name, secretString] of Object.entries(values)) {
  const secret = new aws.secretsmanager.Secret(name, {
    name,
    tags: { owner: 'team-payments', 'identity-class': 'service' },
  });
  new aws.secretsmanager.SecretVersion(`${name}-v1`, { secretId: secret.id, secretString });
}
