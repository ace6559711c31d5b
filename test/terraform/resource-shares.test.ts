/**
 * Resource Access Manager shares in a Terraform plan, through the CLI (`entitlement-guard check plan.json`): the
 * principal and resource associations are linked to their share through the references of `resource_share_arn` (the
 * share's ARN is known only after apply), so restrict-trust reports the account the share names that the catalog does
 * not list, with the subnet it shares, and passes the organization the catalog lists.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/cli/check.js';
import { terraformPlan, type PlannedResource } from './support.js';

const REPO = join(import.meta.dirname, '../..');
const DIR = mkdtempSync(join(tmpdir(), 'eg-resource-shares-'));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

const SHARE = { resource_share_arn: ['aws_ram_resource_share.network.arn', 'aws_ram_resource_share.network'] };
const RESOURCES: PlannedResource[] = [
  {
    address: 'aws_subnet.shared',
    values: { vpc_id: 'vpc-0a1b2c3d', cidr_block: '10.0.1.0/24' },
    unknown: { arn: true, id: true },
  },
  {
    address: 'aws_ram_resource_share.network',
    values: { name: 'network', allow_external_principals: true },
    unknown: { arn: true, id: true },
  },
  {
    address: 'aws_ram_resource_association.subnet',
    values: {},
    unknown: { id: true, resource_arn: true, resource_share_arn: true },
    references: { ...SHARE, resource_arn: ['aws_subnet.shared.arn', 'aws_subnet.shared'] },
  },
  {
    address: 'aws_ram_principal_association.partner',
    values: { principal: '999999999999' },
    unknown: { id: true, resource_share_arn: true },
    references: SHARE,
  },
  {
    address: 'aws_ram_principal_association.organization',
    values: { principal: 'arn:aws:organizations::111122223333:organization/o-a1b2c3d4e5' },
    unknown: { id: true, resource_share_arn: true },
    references: SHARE,
  },
];

describe('Resource Access Manager shares in a Terraform plan', () => {
  it('are judged by restrict-trust through the CLI', () => {
    const file = join(DIR, 'plan.json');
    writeFileSync(file, JSON.stringify(terraformPlan(RESOURCES)));
    const catalog = join(DIR, 'catalog.yaml');
    writeFileSync(
      catalog,
      [
        'apiVersion: entitlement-guard/v1',
        'owners: [{ id: team-platform, contact: platform@example.com }]',
        'trust:',
        '  accounts: { "111122223333": { owner: team-platform } }',
        '  organizations: { "o-a1b2c3d4e5": { owner: team-platform } }',
        '',
      ].join('\n'),
    );
    const result = runCheck({
      paths: [file],
      catalogPath: catalog,
      format: 'json',
      now: new Date('2026-06-01T00:00:00Z'),
      cwd: REPO,
      toolVersion: 'test',
    });
    expect([result.exitCode, result.errors]).toEqual([1, []]);
    const findings = result.result?.findings ?? [];
    expect(
      findings.map((f) => `${f.ruleId} ${f.level} ${f.resource.name} ${f.detail ?? '-'}${f.pending ? ' pending' : ''}`),
    ).toEqual(['restrict-trust mandatory aws_ram_principal_association.partner Account::999999999999']);
    expect(findings.map((f) => f.message)).toEqual([
      'Resource share network shares <aws_ram_resource_association.subnet.resource_arn is not known until apply ' +
        '(from aws_subnet.shared.arn, aws_subnet.shared)> with account 999999999999 (999999999999), which the catalog ' +
        `(${catalog}) does not list under trust.accounts (listed: 111122223333): its principals may use them with no ` +
        'policy of the own account involved. Remove the principal from the share, or record the account with its ' +
        'owner under trust.accounts after review.',
    ]);
  });
});
