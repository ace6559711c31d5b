/**
 * When an AWS principal known only in part (model.ts Unknown.pattern) is in the own account whatever its unknown parts
 * are (iam/aws/resource-policy-grants.ts isOwnAccountPattern): only when the partition and account fields are written and the
 * account is the own one.
 */
import { describe, expect, it } from 'vitest';
import { unknownValue } from '../../src/model/model.js';
import { isOwnAccountPattern } from '../../src/iam/aws/resource-policy-grants.js';

const partly = (pattern?: string) => unknownValue('Fn::Sub containing Ref Name', pattern);

describe('a principal known in part', () => {
  it('is of the own account when its ARN writes the own account before any unknown part', () => {
    expect(
      [
        'arn:aws:iam::<own-account>:role/*',
        'arn:aws:iam::<own-account>:*',
        'arn:aws:sts::<own-account>:assumed-role/*/*',
        'arn:aws-us-gov:iam::<own-account>:user/ops-*',
      ].map((pattern) => isOwnAccountPattern(partly(pattern))),
    ).toEqual([true, true, true, true]);
    expect(isOwnAccountPattern(partly('arn:aws:iam::111122223333:role/*'), ['111122223333'])).toBe(true);
  });

  it('is not when the account, the partition or what comes before them is unknown, or the account is another', () => {
    expect(
      [
        'arn:aws:iam::*:role/deployer',
        'arn:*:iam::<own-account>:role/deployer',
        '*arn:aws:iam::<own-account>:role/deployer',
        'arn:aws:iam::<own-account>*:root',
        'arn:aws:iam::111122223333:role/*',
        'arn:aws:s3:::<own-account>*',
        '*',
      ].map((pattern) => isOwnAccountPattern(partly(pattern))),
    ).toEqual([false, false, false, false, false, false, false]);
    expect(isOwnAccountPattern(partly())).toBe(false);
  });
});
