import { describe, expect, it } from 'vitest';
import { defaultCatalog } from '../../catalog/index.js';
import { expandActionPattern, lookupAction } from '../../src/iam/aws/actions.js';
import { privilegedCategory, privilegedEntry } from '../../src/iam/aws/privileged.js';
import { catalog } from '../support/builders.js';

const action = (name: string) => {
  const found = lookupAction(name);
  if (!found) throw new Error(`test uses unknown action ${name}`);
  return found;
};

describe('privilegedCategory', () => {
  it('classes every Permissions management action as permissions-management, whatever the catalog', () => {
    const empty = catalog({ privilegedActions: [] });
    expect(privilegedCategory(action('iam:PutRolePolicy'), empty)).toBe('permissions-management');
    expect(privilegedCategory(action('s3:PutBucketPolicy'), empty)).toBe('permissions-management');
    expect(privilegedCategory(action('iam:PassRole'), empty)).toBeUndefined();
  });

  it("does not class a vended log delivery authorization as permissions management: it changes no one's access", () => {
    const empty = catalog({ privilegedActions: [] });
    for (const name of [
      'bedrock:AllowVendedLogDeliveryForResource',
      'ecs:AllowVendedLogDeliveryForResource',
      'ses:AllowVendedLogDeliveryForResource',
      'cloudfront:AllowVendedLogDeliveryForResource',
    ])
      expect([name, privilegedCategory(action(name), empty)]).toEqual([name, undefined]);
    expect(privilegedCategory(action('ses:PutIdentityPolicy'), empty)).toBe('permissions-management');
    // The catalog may still name one.
    const named = catalog({
      privilegedActions: [{ id: 'logs-out', category: 'data-exfiltration', aws: ['bedrock:AllowVendedLog*'] }],
    });
    expect(privilegedCategory(action('bedrock:AllowVendedLogDeliveryForResource'), named)).toBe('data-exfiltration');
  });

  it('takes other categories from the catalog list, with its wildcards', () => {
    const custom = catalog({
      privilegedActions: [
        { id: 'compute', category: 'privilege-escalation', aws: ['lambda:Create*', 'ec2:RunInstances'] },
        { id: 'data', category: 'data-exfiltration', aws: ['s3:GetObject'] },
      ],
    });
    expect(privilegedCategory(action('lambda:CreateFunction'), custom)).toBe('privilege-escalation');
    expect(privilegedCategory(action('EC2:RUNINSTANCES'), custom)).toBe('privilege-escalation');
    expect(privilegedCategory(action('s3:GetObject'), custom)).toBe('data-exfiltration');
    expect(privilegedEntry(action('s3:GetObject'), custom)?.id).toBe('data');
    expect(privilegedCategory(action('s3:ListBucket'), custom)).toBeUndefined();
  });

  it('uses the built-in list when no catalog is given', () => {
    const defaults = defaultCatalog();
    expect(privilegedCategory(action('iam:PassRole'), defaults)).toBe('privilege-escalation');
    expect(privilegedCategory(action('iam:CreateAccessKey'), defaults)).toBeDefined();
    expect(privilegedCategory(action('secretsmanager:GetSecretValue'), defaults)).toBe('credential-access');
  });

  it('finds nothing privileged in read-only listing', () => {
    const defaults = defaultCatalog();
    for (const pattern of ['ec2:Describe*', 's3:Get*', 'iam:Get*', 'iam:List*', 'cloudwatch:Describe*']) {
      expect(
        expandActionPattern(pattern)
          .filter((candidate) => privilegedCategory(candidate, defaults))
          .map((candidate) => candidate.name),
      ).toEqual([]);
    }
  });
});
