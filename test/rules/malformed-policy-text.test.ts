/**
 * A policy written as JSON text that IAM cannot be said to read (a key twice in one object, src/iam/aws/document.ts) is
 * unreadable as written: no deployment makes it known, so the findings say "cannot be read as written", not "cannot be
 * verified until apply" (their verdict, pending, is unchanged). A value known only at apply keeps its own wording
 * (break-glass-isolation.test.ts, restrict-trust tests).
 */
import { describe, expect, it } from 'vitest';
import { modelFromTemplates, type CfnTemplate } from '../../src/adapters/cloudformation/index.js';
import breakGlassIsolation from '../../src/rules/break-glass-isolation.js';
import noPrivilegeEscalation from '../../src/rules/no-privilege-escalation.js';
import restrictTrust from '../../src/rules/restrict-trust.js';
import { model, role } from '../support/builders.js';
import { findingsOf } from '../support/rule-tester.js';

/** Allow then Deny of the same statement: JSON.parse keeps the Deny, which IAM is not documented to. */
const TWICE =
  '{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*", "Effect": "Deny"}]}';
const WHAT =
  'policy document text writes the same key twice (duplicate key "Effect" at 1:86); IAM documents no reading of a repeated key';
const shown = (findings: ReturnType<typeof findingsOf>) =>
  findings.map((finding) => `${finding.resource.name}${finding.pending ? ' (pending)' : ''}: ${finding.message}`);

describe('a policy text with a key twice', () => {
  it("restrict-trust: a role's trust policy", () => {
    const findings = findingsOf(restrictTrust, {
      name: 'twice',
      model: model({ identities: [role('R', { trust: TWICE })] }),
    });
    expect(shown(findings)).toEqual([
      `R (pending): Trust policy of role R cannot be read as written: ${WHAT}, so who may assume the role is not known.`,
    ]);
  });

  it('break-glass-isolation: the trust of a break-glass role', () => {
    const findings = findingsOf(breakGlassIsolation, {
      name: 'twice',
      model: model({ identities: [role('BreakGlass', { tags: { 'identity-class': 'break-glass' }, trust: TWICE })] }),
    });
    expect(shown(findings)).toEqual([
      `BreakGlass (pending): Isolation of break-glass role BreakGlass cannot be verified: its trust policy cannot be read as written (${WHAT}).`,
    ]);
  });

  it('no-privilege-escalation: a policy the identity holds', () => {
    const findings = findingsOf(noPrivilegeEscalation, {
      name: 'twice',
      model: model({ identities: [role('R', { policies: [TWICE] })] }),
    });
    expect(shown(findings)).toEqual([
      `R (pending): R: escalation paths cannot be verified: a policy cannot be read as written (${WHAT}), so what it allows is not known.`,
    ]);
  });

  it("restrict-trust: a bucket's and a secret's resource policy written as text", () => {
    const template = {
      Resources: {
        Bucket: { Type: 'AWS::S3::Bucket' },
        BucketPolicy: {
          Type: 'AWS::S3::BucketPolicy',
          Properties: { Bucket: { Ref: 'Bucket' }, PolicyDocument: TWICE },
        },
        Secret: { Type: 'AWS::SecretsManager::Secret', Properties: { Name: 'app' } },
        SecretPolicy: {
          Type: 'AWS::SecretsManager::ResourcePolicy',
          Properties: { SecretId: { Ref: 'Secret' }, ResourcePolicy: TWICE },
        },
      },
    } as unknown as CfnTemplate;
    const findings = findingsOf(restrictTrust, {
      name: 'twice',
      model: modelFromTemplates([{ stack: 'App', template }]),
    });
    expect(shown(findings).sort()).toEqual([
      `BucketPolicy (pending): Resource policy BucketPolicy on arn:aws:s3:::<id of Bucket> cannot be read as written: ${WHAT}, so who may use the resource is not known.`,
      `SecretPolicy (pending): Resource policy SecretPolicy of secret app cannot be read as written: ${WHAT}, so who may read the secret is not known.`,
    ]);
  });
});
