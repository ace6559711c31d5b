/**
 * Through the CLI on plain CloudFormation: a custom resource runs its provider's code while the stack deploys, with
 * the provider's role. A provider function whose role may change access (iam:*) makes what no resource of the
 * template shows: a no-unseen-content finding at the custom resource. One whose role reads DynamoDB changes no
 * access and passes. A provider that is no function of the template is unseen only when the custom resource hands it
 * a policy document. Before, every custom resource passed unread.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/cli/check.js';

const REPO = join(import.meta.dirname, '../..');
const FIXTURES = 'test/fixtures/cloudformation/custom-resources';

function unseen(file: string) {
  const result = runCheck({
    paths: [join(REPO, FIXTURES, file)],
    format: 'json',
    now: new Date('2026-06-01T00:00:00Z'),
    cwd: REPO,
    toolVersion: 'test',
  });
  expect(result.errors).toEqual([]);
  return (result.result?.findings ?? []).filter(({ ruleId }) => ruleId === 'no-unseen-content');
}

describe('custom resources whose provider may change access', () => {
  it('a provider function whose role is allowed iam:* is one mandatory, pending finding at the custom resource; one whose role reads DynamoDB is none', () => {
    expect(unseen('reader-provider.template.yaml')).toEqual([]);
    const findings = unseen('iam-provider.template.yaml');
    expect(
      findings.map(
        (f) =>
          `${f.level} ${f.resource.type} ${f.resource.stack}/${f.resource.name}@${f.resource.line} ${f.identity ?? '-'} ${f.detail} ${f.pending}`,
      ),
    ).toEqual(['mandatory Custom::PartnerAccess iam-provider/PartnerAccess@32 - Unseen::Provisioner true']);
    expect(findings[0]?.message).toBe(
      'iam-provider/PartnerAccess is a custom resource whose code runs while CloudFormation deploys it: Lambda function ' +
        'Provisioner runs for it as ProvisionerRole, and ProvisionerRole may call iam:AttachGroupPolicy, ' +
        'iam:AttachRolePolicy, iam:AttachUserPolicy (94 access-changing actions in all). What that code makes (an identity, a ' +
        'credential, a secret, a policy) is no resource of the template and cannot be seen here, so it cannot be verified. ' +
        'Define what it makes with the resources the check reads, narrow the role to the actions the code needs, or have ' +
        'the code reviewed and set this rule to advisory in the catalog.',
    );
  });

  it('a provider that is no function of the template: unseen when handed a policy document, not otherwise', () => {
    expect(
      unseen('imported-provider.template.yaml').map(
        (f) => `${f.level} ${f.resource.stack}/${f.resource.name}@${f.resource.line} ${f.detail} ${f.pending}`,
      ),
    ).toEqual(['mandatory imported-provider/GrantPartner@8 Unseen::{"Fn::ImportValue":"shared-policy-writer"} true']);
  });
});
