/**
 * The notation the model wrote before it had values of its own for the deployment and for other resources
 * (model/deployment.ts), read as it writes them now. Audit files (src/diff/read.ts) and catalogs (`catalog init`
 * copied a grant's resources into the entitlements it wrote: catalog/convert.ts) written then hold it:
 * - CloudFormation's pseudo parameters for the deployment's own account, region and stack (`${AWS::AccountId}` is
 *   now `<own-account>`). The partition was never written so: the adapters always resolved it to `aws`.
 * - Fn::Sub's `${Bucket}` and `${Bucket.Arn}` for another resource's value (now `<id of Bucket>`, `<Arn of Bucket>`).
 *   IAM policy variables (`${aws:username}`, `${*}`) hold a colon or no name and stay as they are.
 *
 * One place for both readers, in src/util: the lowest layer the catalog and the diff may both import
 * (.dependency-cruiser.cjs), and not one test/architecture/dialect-free.test.ts guards, since reading an IaC
 * dialect is the point here while the model and the catalog must not speak one.
 */
import { OWN_ACCOUNT, OWN_REGION, OWN_STACK_ID, OWN_STACK_NAME, resourceValue } from '../model/deployment.js';

const LEGACY_DEPLOYMENT_VALUES: ReadonlyArray<readonly [string, string]> = [
  ['${AWS::AccountId}', OWN_ACCOUNT],
  ['${AWS::Region}', OWN_REGION],
  ['${AWS::StackName}', OWN_STACK_NAME],
  ['${AWS::StackId}', OWN_STACK_ID],
];

const LEGACY_RESOURCE_VALUE = /\$\{([A-Za-z0-9_-]+)(?:\.([A-Za-z0-9.]+))?\}/g;

/** The text with the old notation of the deployment's values and of other resources' values as the model writes them. */
export function fromLegacyNotation(text: string): string {
  if (!text.includes('${')) return text;
  const own = text.includes('${AWS::')
    ? LEGACY_DEPLOYMENT_VALUES.reduce((all, [legacy, value]) => all.replaceAll(legacy, value), text)
    : text;
  return own.replace(LEGACY_RESOURCE_VALUE, (_, resource: string, attribute?: string) =>
    resourceValue(resource, attribute),
  );
}
