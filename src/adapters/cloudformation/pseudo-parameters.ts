import {
  OWN_ACCOUNT,
  OWN_REGION,
  OWN_STACK_ID,
  OWN_STACK_NAME,
  PARTITION,
  replaceResourceValues,
} from '../../model/deployment.js';
import { lookupTable } from '../../util/records.js';

/** Pseudo parameters as model values (model/deployment.ts): the deployment's own account, region and stack. */
export const PSEUDO_PARAMETERS: Record<string, string> = lookupTable({
  'AWS::Partition': PARTITION,
  'AWS::URLSuffix': 'amazonaws.com',
  'AWS::AccountId': OWN_ACCOUNT,
  'AWS::Region': OWN_REGION,
  'AWS::StackName': OWN_STACK_NAME,
  'AWS::StackId': OWN_STACK_ID,
});

const AS_WRITTEN: ReadonlyArray<readonly [string, string]> = [
  [OWN_ACCOUNT, '${AWS::AccountId}'],
  [OWN_REGION, '${AWS::Region}'],
  [OWN_STACK_NAME, '${AWS::StackName}'],
  [OWN_STACK_ID, '${AWS::StackId}'],
];

/**
 * A resolved value as a template author writes it (`${AWS::Region}`, `${Bucket.Arn}` for the model's `<Arn of Bucket>`),
 * for the adapter's own messages about the template.
 */
export function asTemplateText(value: string): string {
  const written = replaceResourceValues(value, (resource, attribute) =>
    attribute === 'id' ? `\${${resource}}` : `\${${resource}.${attribute}}`,
  );
  return AS_WRITTEN.reduce((text, [model, template]) => text.replaceAll(model, template), written);
}
