/**
 * `catalog init` writes the entitlements of what each identity holds on the day it is run (`--today`): an AWS statement
 * or a Google Cloud binding whose condition has ended it grants nothing (src/iam/aws/condition-time.ts,
 * src/iam/gcp/conditions.ts), so it gives no entitlement, as require-entitlement no longer judges it. Before, the
 * catalog gained an entitlement for an administrator grant that ended years ago.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { init, scratch } from './support.js';

function template(): string {
  const file = join(scratch(), 'contractor.template.json');
  const statement = (action: string, condition?: Record<string, unknown>) => ({
    Effect: 'Allow',
    Action: action,
    Resource: '*',
    ...(condition ? { Condition: condition } : {}),
  });
  writeFileSync(
    file,
    JSON.stringify({
      Resources: {
        ContractorRole: {
          Type: 'AWS::IAM::Role',
          Properties: {
            RoleName: 'contractor',
            AssumeRolePolicyDocument: {
              Version: '2012-10-17',
              Statement: [
                { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
              ],
            },
            Policies: [
              {
                PolicyName: 'work',
                PolicyDocument: {
                  Version: '2012-10-17',
                  Statement: [
                    statement('s3:GetObject'),
                    statement('iam:*', { DateLessThan: { 'aws:CurrentTime': '2020-06-30T23:59:59Z' } }),
                    statement('ec2:DescribeInstances', { DateLessThan: { 'aws:CurrentTime': '2027-06-30T23:59:59Z' } }),
                  ],
                },
              },
            ],
          },
        },
      },
    }),
  );
  return file;
}

describe('catalog init on grants whose condition has ended them', () => {
  it('writes entitlements for the statements still in effect only', () => {
    const result = init([template()]);
    expect(result.exitCode).toBe(0);
    const text = result.output;
    expect(text).toContain('s3:GetObject');
    expect(text).toContain('ec2:DescribeInstances');
    expect(text).not.toContain('iam:*');
  });
});
