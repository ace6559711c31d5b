/**
 * The model's values written back in the notation it used before it had its own (what old audit files and old
 * generated catalogs hold), for tests that check those files still read as they did. The reverse of
 * src/util/legacy-notation.ts, written out here so a test does not check that module against itself.
 */

/** `<own-account>` and the other deployment values as CloudFormation's pseudo parameters. */
export function inOldDeploymentNotation(text: string): string {
  return text
    .replaceAll('<own-account>', '${AWS::AccountId}')
    .replaceAll('<own-region>', '${AWS::Region}')
    .replaceAll('<own-stack-name>', '${AWS::StackName}')
    .replaceAll('<own-stack-id>', '${AWS::StackId}');
}

/** `<id of Bucket>` and `<Arn of Bucket>` as Fn::Sub's `${Bucket}` and `${Bucket.Arn}`. */
export function inOldReferenceNotation(text: string): string {
  return text.replace(/<([A-Za-z][A-Za-z0-9.]*) of ([A-Za-z0-9]+)>/g, (_, attribute: string, resource: string) =>
    attribute === 'id' ? `\${${resource}}` : `\${${resource}.${attribute}}`,
  );
}
