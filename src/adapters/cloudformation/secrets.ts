import type { Secret, SecretValueAdvice } from '../../model/model.js';
import { deployedName } from './deployed-names.js';
import { rotationDays } from '../aws/rotation.js';
import type { StackContext } from './stack-context.js';
import { deploymentTagsOf } from './tags.js';
import type { CfnResource } from './template.js';

/** How a template keeps a secret value out of its source. */
const LITERAL_VALUE_ADVICE: SecretValueAdvice = {
  keepOut: 'Generate the value at deploy time (GenerateSecretString) or set it out of band',
};

/** What a template adds to rotate a secret. */
const ROTATION_ADVICE = 'an AWS::SecretsManager::RotationSchedule';

/** A Secrets Manager secret; rotation is added when a RotationSchedule names it. */
export function secretFromResource(stack: StackContext, logicalId: string, resource: CfnResource): Secret {
  const properties = resource.Properties ?? {};
  const physicalName = deployedName(stack.resolver, resource, 'Name');
  return {
    id: stack.id(logicalId),
    cloud: 'aws',
    name: physicalName ?? logicalId,
    ...(physicalName !== undefined ? { uniqueName: true } : {}),
    resource: stack.ref(logicalId),
    ...deploymentTagsOf(stack.resolver, properties.Tags),
    rotationAdvice: ROTATION_ADVICE,
    // Only a value written out in the template is plain text; a Ref to a NoEcho parameter or a generated one is not.
    ...(typeof properties.SecretString === 'string' ? { plaintextValue: true, valueAdvice: LITERAL_VALUE_ADVICE } : {}),
  };
}

/** Sets rotation on the secret an `AWS::SecretsManager::RotationSchedule` names. */
export function applyRotation(stack: StackContext, logicalId: string, resource: CfnResource, secret: Secret): void {
  secret.rotationDays = rotationDays(stack.resolver.resolve(resource.Properties?.RotationRules));
  secret.rotationSource = stack.ref(logicalId);
}
