/**
 * Catalog tags whose value a deployment chooses (a parameter it may set) are not read, by the rules or the audit: the
 * audit shows each one as set at deployment, with what sets it, so a reviewer sees which facts each deployment decides.
 */
import { describe, expect, it } from 'vitest';
import { formatAuditHtml } from '../../src/reporters/html.js';
import { formatAuditMarkdown } from '../../src/reporters/audit-markdown.js';
import { auditOf } from './support.js';

const TEMPLATE = 'test/fixtures/cloudformation/semantics/deployment-set-facts.template.yaml';
const SET = '(a parameter the deployment may set to a value other than its default)';
const TEAM = `Ref Team ${SET}`;
const PURPOSE = `Ref Purpose ${SET}`;

describe('audit: catalog tags a deployment sets', () => {
  const { audit } = auditOf([TEMPLATE]);
  const identity = (name: string) => audit.identities.find((row) => row.name === name);

  it('names each such tag of an identity and a secret, with what sets it, and reads none of them', () => {
    expect(identity('deployment-set-worker')?.setAtDeployment).toEqual([
      { fact: 'owner', tag: 'owner', setBy: TEAM },
      { fact: 'purpose', tag: 'purpose', setBy: PURPOSE },
    ]);
    expect(identity('deployment-set-worker')?.owner).toBeUndefined();
    expect(identity('deployment-set-worker')?.purpose).toBeUndefined();
    expect(audit.secrets.find((secret) => secret.name === 'deployment-set/credentials')?.setAtDeployment).toEqual([
      { fact: 'owner', tag: 'owner', setBy: TEAM },
    ]);
  });

  it('says nothing of tags written as values', () => {
    expect(identity('deployment-set-fixed')).toMatchObject({ owner: 'team-payments', purpose: 'Batch reports' });
    expect(identity('deployment-set-fixed')).not.toHaveProperty('setAtDeployment');
  });

  it('shows them in the Markdown and HTML audit', () => {
    expect(formatAuditMarkdown(audit)).toContain(
      '- set at deployment, not read:\n' +
        '  - owner: tag `owner` from Ref Team \\(a parameter the deployment may set to a value other than its default\\)\n' +
        '  - purpose: tag `purpose` from Ref Purpose \\(a parameter the deployment may set to a value other than its default\\)\n',
    );
    const html = formatAuditHtml(audit);
    expect(html).toContain(
      `<div class="sub">owner set at deployment, not read: tag <code>owner</code> from ${TEAM}</div>`,
    );
    expect(html).toContain(
      `<div class="sub">purpose set at deployment, not read: tag <code>purpose</code> from ${PURPOSE}</div>`,
    );
    expect(html).toContain(`<td>set at deployment: ${TEAM}</td>`);
  });
});
