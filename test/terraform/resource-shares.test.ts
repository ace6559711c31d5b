/**
 * Resource Access Manager shares in a Terraform plan, through the CLI (`entitlement-guard check plan.json`): the
 * principal and resource associations are linked to their share through the references of `resource_share_arn` (the
 * share's ARN is known only after apply), so restrict-trust reports the account the share names that the catalog does
 * not list, with the subnet it shares, and passes the organization the catalog lists. A share's permission_arns that
 * name an aws_ram_permission of the plan (its ARN known only after apply, so linked through the references) give the
 * finding that permission's actions, and a share with allow_external_principals false that names the trusted
 * organization passes the account it also names.
 */
import { describe, expect, it } from 'vitest';
import { checkBlocked } from '../support/check-manifest.js';
import { trustingCatalogYaml } from '../support/principal-grants.js';
import { terraformPlan, type PlannedResource } from './support.js';

const SHARE = { resource_share_arn: ['aws_ram_resource_share.network.arn', 'aws_ram_resource_share.network'] };
const CATALOG = trustingCatalogYaml({ organization: true });

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

/** The plan checked through the CLI with the catalog (see checkBlocked). */
const checked = (plan: unknown) => checkBlocked('plan.json', JSON.stringify(plan), CATALOG);

describe('Resource Access Manager shares in a Terraform plan', () => {
  it('are judged by restrict-trust through the CLI', () => {
    const plan = terraformPlan(RESOURCES);
    const { catalog, findings, lines } = checked(plan);
    expect(lines).toEqual(['restrict-trust mandatory aws_ram_principal_association.partner Account::999999999999']);
    expect(findings.map((f) => f.message)).toEqual([
      'Resource share network shares <aws_ram_resource_association.subnet.resource_arn is not known until apply ' +
        "(from aws_subnet.shared.arn, aws_subnet.shared)> under each resource type's default AWS managed permission " +
        '(the share names none) with account 999999999999 (999999999999), which the catalog ' +
        `(${catalog}) does not list under trust.accounts (listed: 111122223333): its principals may use them with no ` +
        'policy of the own account involved. Remove the principal from the share, or record the account with its ' +
        'owner under trust.accounts after review.',
    ]);
  });

  it("name the aws_ram_permission a share's permission_arns refer to, and pass an account kept in the organization", () => {
    const TAGGING = { resource_share_arn: ['aws_ram_resource_share.tagging.arn', 'aws_ram_resource_share.tagging'] };
    const INTERNAL = { resource_share_arn: ['aws_ram_resource_share.internal.arn', 'aws_ram_resource_share.internal'] };
    const plan = terraformPlan([
      {
        address: 'aws_ram_permission.tagging',
        values: {
          name: 'subnet-tagging',
          resource_type: 'ec2:Subnet',
          policy_template: JSON.stringify({ Effect: 'Allow', Action: ['ec2:DescribeSubnets', 'ec2:CreateTags'] }),
        },
        unknown: { arn: true, id: true },
      },
      {
        address: 'aws_ram_resource_share.tagging',
        values: { name: 'tagging', allow_external_principals: true },
        unknown: { arn: true, id: true, permission_arns: true },
        references: { permission_arns: ['aws_ram_permission.tagging.arn', 'aws_ram_permission.tagging'] },
      },
      {
        address: 'aws_ram_principal_association.tagging',
        values: { principal: '999999999999' },
        unknown: { id: true, resource_share_arn: true },
        references: TAGGING,
      },
      {
        address: 'aws_ram_resource_share.internal',
        values: { name: 'internal', allow_external_principals: false },
        unknown: { arn: true, id: true },
      },
      {
        address: 'aws_ram_principal_association.internal_organization',
        values: { principal: 'arn:aws:organizations::111122223333:organization/o-a1b2c3d4e5' },
        unknown: { id: true, resource_share_arn: true },
        references: INTERNAL,
      },
      {
        address: 'aws_ram_principal_association.internal_account',
        values: { principal: '777777777777' },
        unknown: { id: true, resource_share_arn: true },
        references: INTERNAL,
      },
    ]);
    const { catalog, findings, lines } = checked(plan);
    expect(lines).toEqual(['restrict-trust mandatory aws_ram_principal_association.tagging Account::999999999999']);
    expect(findings.map((f) => f.message)).toEqual([
      'Resource share tagging shares whatever resources are associated with it under customer managed permission ' +
        'subnet-tagging (Action ec2:DescribeSubnets, ec2:CreateTags; not read-only: ec2:CreateTags) with account ' +
        `999999999999 (999999999999), which the catalog (${catalog}) does not list under trust.accounts (listed: ` +
        '111122223333): its principals may use them with no policy of the own account involved. Remove the principal ' +
        'from the share, or record the account with its owner under trust.accounts after review.',
    ]);
  });

  it('read the principals aws_ram_resource_share_associations_exclusive names (they were not read)', () => {
    const plan = terraformPlan([
      {
        address: 'aws_ram_resource_share.exclusive',
        values: { name: 'exclusive', allow_external_principals: true },
        unknown: { arn: true, id: true },
      },
      {
        address: 'aws_ram_resource_share_associations_exclusive.exclusive',
        values: {
          principals: ['999999999999', 'arn:aws:organizations::111122223333:organization/o-a1b2c3d4e5'],
          resource_arns: ['arn:aws:ec2:eu-west-1:111122223333:subnet/subnet-0a1b2c3d4e5f60718'],
        },
        unknown: { id: true, resource_share_arn: true },
        references: {
          resource_share_arn: ['aws_ram_resource_share.exclusive.arn', 'aws_ram_resource_share.exclusive'],
        },
      },
    ]);
    const { catalog, findings, lines } = checked(plan);
    expect(lines).toEqual([
      'restrict-trust mandatory aws_ram_resource_share_associations_exclusive.exclusive Account::999999999999',
    ]);
    expect(findings.map((f) => f.message)).toEqual([
      'Resource share exclusive shares arn:aws:ec2:eu-west-1:111122223333:subnet/subnet-0a1b2c3d4e5f60718 under each ' +
        "resource type's default AWS managed permission (the share names none) with account 999999999999 " +
        `(999999999999), which the catalog (${catalog}) does not list under trust.accounts (listed: 111122223333): its ` +
        'principals may use them with no policy of the own account involved. Remove the principal from the share, or ' +
        'record the account with its owner under trust.accounts after review.',
    ]);
  });
});
