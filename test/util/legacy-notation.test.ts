import { describe, expect, it } from 'vitest';
import { fromLegacyNotation } from '../../src/util/legacy-notation.js';

describe('fromLegacyNotation', () => {
  it('reads the pseudo parameters of the deployment and Fn::Sub references as the model writes them', () => {
    expect(fromLegacyNotation('arn:aws:iam::${AWS::AccountId}:role/${OpsRole}')).toBe(
      'arn:aws:iam::<own-account>:role/<id of OpsRole>',
    );
    expect(fromLegacyNotation('arn:aws:logs:${AWS::Region}:${AWS::AccountId}:log-group:${Group.Name}-*')).toBe(
      'arn:aws:logs:<own-region>:<own-account>:log-group:<Name of Group>-*',
    );
    expect(fromLegacyNotation('${AWS::StackName}-${AWS::StackId}')).toBe('<own-stack-name>-<own-stack-id>');
  });

  it('leaves IAM policy variables, text without the old notation, and the partition it never held', () => {
    for (const text of [
      'arn:aws:s3:::home/${aws:username}/*',
      'arn:aws:s3:::${*}',
      'arn:aws:iam::<own-account>:role/<id of OpsRole>',
      'arn:${AWS::Partition}:s3:::bucket',
    ])
      expect(fromLegacyNotation(text)).toBe(text);
  });
});
