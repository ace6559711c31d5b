/**
 * Resource Access Manager shares in the audit: each share with whom it shares which resources and under which
 * permissions, every principal as a trust list names it (what confines it as its condition: the share's own
 * organization where external principals are not allowed, a service's source accounts), and the findings on it, as
 * the Markdown and HTML audits show them.
 */
import { describe, expect, it } from 'vitest';
import { buildAudit } from '../../src/audit/index.js';
import { modelFromTemplates } from '../../src/adapters/cloudformation/to-model.js';
import { evaluate } from '../../src/engine/index.js';
import { formatAuditHtml } from '../../src/reporters/html.js';
import { formatAuditMarkdown } from '../../src/reporters/audit-markdown.js';
import { exampleCatalog, NOW } from './support.js';

const TGW = { 'Fn::Sub': 'arn:aws:ec2:${AWS::Region}:${AWS::AccountId}:transit-gateway/${TransitGateway}' };
const SHARED = 'arn:aws:ec2:<own-region>:<own-account>:transit-gateway/<id of TransitGateway>';
const ORGANIZATION = 'arn:aws:organizations::111122223333:organization/o-a1b2c3d4e5';

function audit() {
  const model = modelFromTemplates([
    {
      stack: 'Network',
      template: {
        Resources: {
          TransitGateway: { Type: 'AWS::EC2::TransitGateway', Properties: { AmazonSideAsn: 64512 } },
          TgwTagging: {
            Type: 'AWS::RAM::Permission',
            Properties: {
              Name: 'tgw-tagging',
              ResourceType: 'ec2:TransitGateway',
              PolicyTemplate: { Effect: 'Allow', Action: ['ec2:DescribeTransitGateways', 'ec2:CreateTags'] },
            },
          },
          PartnerShare: {
            Type: 'AWS::RAM::ResourceShare',
            Properties: {
              Name: 'tgw-partner',
              PermissionArns: ['arn:aws:ram::aws:permission/AWSRAMDefaultPermissionTransitGateway'],
              ResourceArns: [TGW],
              Principals: ['999999999999', '111122223333', { Ref: 'AWS::AccountId' }],
            },
          },
          InternalShare: {
            Type: 'AWS::RAM::ResourceShare',
            Properties: {
              Name: 'tgw-internal',
              AllowExternalPrincipals: false,
              PermissionArns: [{ 'Fn::GetAtt': ['TgwTagging', 'Arn'] }],
              ResourceArns: [TGW],
              Principals: [ORGANIZATION, '777777777777'],
            },
          },
          CaShare: {
            Type: 'AWS::RAM::ResourceShare',
            Properties: {
              Name: 'root-ca',
              ResourceArns: ['arn:aws:acm-pca:eu-west-1:111122223333:certificate-authority/1111'],
              Sources: [{ Ref: 'AWS::AccountId' }],
              Principals: ['pca-connector-scep.amazonaws.com'],
            },
          },
        },
      },
    },
  ]);
  const catalog = exampleCatalog();
  return buildAudit(model, evaluate(model, { catalog, now: NOW }), catalog, NOW);
}

describe('Resource Access Manager shares in the audit', () => {
  it('lists each share with whom it reaches, what it shares, its permissions and its findings', () => {
    const shares = audit().resourceShares ?? [];
    expect(
      shares.map((share) => ({
        ...share,
        resource: share.resource.name,
        findings: share.findings.map((finding) => `${finding.ruleId} ${finding.detail ?? '-'}`),
      })),
    ).toEqual([
      {
        name: 'tgw-partner',
        resource: 'PartnerShare',
        resources: [SHARED],
        permissions: ['AWS managed permission AWSRAMDefaultPermissionTransitGateway'],
        allowExternal: true,
        sharedWith: [
          { kind: 'aws-account', principal: '999999999999', conditions: [] },
          { kind: 'aws-account', principal: '111122223333', conditions: [] },
          { kind: 'own-account', principal: '<own-account>', conditions: [] },
        ],
        findings: ['restrict-trust Account::999999999999'],
      },
      {
        name: 'tgw-internal',
        resource: 'InternalShare',
        resources: [SHARED],
        permissions: [
          'customer managed permission tgw-tagging (Action ec2:DescribeTransitGateways, ec2:CreateTags; not ' +
            'read-only: ec2:CreateTags)',
        ],
        allowExternal: false,
        sharedWith: [
          { kind: 'aws-organization', principal: ORGANIZATION, conditions: [] },
          {
            kind: 'aws-account',
            principal: '777777777777',
            conditions: ["only as an account of the share's own organization (o-a1b2c3d4e5)"],
          },
        ],
        // The examples' catalog lists no organization, so neither the organization nor the account in it is trusted.
        findings: ['restrict-trust Account::777777777777', 'restrict-trust Organization::o-a1b2c3d4e5'],
      },
      {
        name: 'root-ca',
        resource: 'CaShare',
        resources: ['arn:aws:acm-pca:eu-west-1:111122223333:certificate-authority/1111'],
        permissions: ["each resource type's default AWS managed permission (the share names none)"],
        allowExternal: true,
        sharedWith: [
          {
            kind: 'service',
            principal: 'pca-connector-scep.amazonaws.com',
            conditions: ['source accounts <own-account>'],
          },
        ],
        findings: [],
      },
    ]);
  });

  it('shows them in the Markdown and HTML audits', () => {
    const shares = audit();
    const markdown = formatAuditMarkdown(shares);
    expect(markdown).toContain('| share | shared with | resources | permissions | external principals | findings |');
    expect(markdown).toContain(
      '| `tgw-internal` | aws-organization `arn:aws:organizations::111122223333:organization/o-a1b2c3d4e5`, ' +
        "aws-account `777777777777` if only as an account of the share's own organization \\(o-a1b2c3d4e5\\) | " +
        '`arn:aws:ec2:<own-region>:<own-account>:transit-gateway/<id of TransitGateway>` | customer managed ' +
        'permission tgw-tagging \\(Action ec2:DescribeTransitGateways, ec2:CreateTags; not read-only: ec2:CreateTags\\) ' +
        '| not allowed | 2 blocking / 2 |',
    );
    const html = formatAuditHtml(shares);
    expect(html).toContain(
      '<tr><td><code>tgw-partner</code></td><td><ul><li>aws-account <code>999999999999</code></li><li>aws-account ' +
        '<code>111122223333</code></li><li>own-account <code>&lt;own-account&gt;</code></li></ul></td><td><ul><li>' +
        '<code>arn:aws:ec2:&lt;own-region&gt;:&lt;own-account&gt;:transit-gateway/&lt;id of TransitGateway&gt;</code>' +
        '</li></ul></td><td><ul><li>AWS managed permission AWSRAMDefaultPermissionTransitGateway</li></ul></td><td>' +
        'allowed</td><td><span class="badge bad">1 blocking</span></td></tr>',
    );
  });
});
