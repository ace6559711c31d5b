/**
 * The resource policies and principal lists that were left unread after the last survey (fail-open: each passed in
 * silence): a log delivery destination's policy, a RUM app monitor's, a multi-region access point policy in Pulumi and
 * Terraform (`details.policy`), Lake Formation permissions (an account, an organization, IAM_ALLOWED_PRINCIPALS),
 * Service Catalog portfolio shares and License Manager grants, in CloudFormation, Pulumi (the aws provider and
 * aws-native) and Terraform plans, each judged by restrict-trust as any resource policy's principals.
 */
import { describe, expect, it } from 'vitest';
import { defaultCatalog } from '../../catalog/index.js';
import { modelFromTemplates } from '../../src/adapters/cloudformation/index.js';
import { modelFromPulumiResources } from '../../src/adapters/pulumi/index.js';
import { modelFromTerraformPlan } from '../../src/adapters/terraform/index.js';
import { evaluate } from '../../src/engine/index.js';
import { unknownValue, type Model } from '../../src/model/model.js';
import { pulumiResource as resource } from '../multicloud/builders.js';
import { terraformPlan } from '../terraform/support.js';

const NOW = new Date('2026-12-01T00:00:00Z');
const OTHER = '999999999999';
const OTHER_ORG = `arn:aws:organizations::${OTHER}:organization/o-other12345`;
const LICENSE = 'arn:aws:license-manager::111122223333:license:l-0a1b2c3d';
const open = (action: string) => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: '*', Action: action, Resource: '*' }],
});

/** `level resource detail [pending]` of restrict-trust. */
function trust(model: Model): string[] {
  return evaluate(model, { catalog: defaultCatalog(), now: NOW })
    .findings.filter((f) => f.ruleId === 'restrict-trust')
    .map((f) => `${f.level} ${f.resource.name} ${f.detail ?? '-'}${f.pending ? ' pending' : ''}`)
    .sort();
}

describe('CloudFormation', () => {
  it('a delivery destination, a RUM app monitor, Lake Formation permissions, a portfolio share, a license grant', () => {
    const model = modelFromTemplates([
      {
        stack: 'App',
        template: {
          Resources: {
            Deliveries: {
              Type: 'AWS::Logs::DeliveryDestination',
              Properties: {
                Name: 'central',
                DestinationResourceArn: 'arn:aws:s3:::central-logs',
                DeliveryDestinationPolicy: {
                  DeliveryDestinationName: 'central',
                  DeliveryDestinationPolicy: open('logs:CreateDelivery'),
                },
              },
            },
            Monitor: {
              Type: 'AWS::RUM::AppMonitor',
              Properties: {
                Name: 'web',
                Domain: 'example.com',
                ResourcePolicy: { PolicyDocument: JSON.stringify(open('rum:PutRumEvents')) },
              },
            },
            PartnerRead: {
              Type: 'AWS::LakeFormation::Permissions',
              Properties: {
                DataLakePrincipal: { DataLakePrincipalIdentifier: OTHER },
                Permissions: ['SELECT'],
                Resource: { TableResource: { DatabaseName: 'sales', Name: 'orders' } },
              },
            },
            OrganizationDescribe: {
              Type: 'AWS::LakeFormation::PrincipalPermissions',
              Properties: {
                Principal: { DataLakePrincipalIdentifier: OTHER_ORG },
                Permissions: ['DESCRIBE'],
                PermissionsWithGrantOption: [],
                Resource: { Database: { CatalogId: { Ref: 'AWS::AccountId' }, Name: 'sales' } },
              },
            },
            IamAllowed: {
              Type: 'AWS::LakeFormation::Permissions',
              Properties: {
                DataLakePrincipal: { DataLakePrincipalIdentifier: 'IAM_ALLOWED_PRINCIPALS' },
                Permissions: ['ALL'],
                Resource: { DatabaseResource: { Name: 'sales' } },
              },
            },
            Portfolio: { Type: 'AWS::ServiceCatalog::Portfolio', Properties: { DisplayName: 'p', ProviderName: 'x' } },
            PortfolioShare: {
              Type: 'AWS::ServiceCatalog::PortfolioShare',
              Properties: { AccountId: OTHER, PortfolioId: { Ref: 'Portfolio' } },
            },
            LicenseGrant: {
              Type: 'AWS::LicenseManager::Grant',
              Properties: {
                GrantName: 'partner',
                LicenseArn: LICENSE,
                Principals: [`arn:aws:iam::${OTHER}:root`],
                AllowedOperations: ['CheckoutLicense'],
              },
            },
          },
        },
      },
    ]);
    expect(trust(model)).toEqual([
      'mandatory Deliveries Principal::*',
      `mandatory LicenseGrant Account::${OTHER}`,
      'mandatory Monitor Principal::*',
      'mandatory OrganizationDescribe Organization::o-other12345',
      `mandatory PartnerRead Account::${OTHER}`,
      `mandatory PortfolioShare Account::${OTHER}`,
    ]);
  });
});

describe('Pulumi', () => {
  it('the aws provider: a delivery destination policy, a multi-region access point policy, Lake Formation, a share, a license grant', () => {
    const model = modelFromPulumiResources([
      resource('aws:cloudwatch/logDeliveryDestinationPolicy:LogDeliveryDestinationPolicy', 'deliveries', {
        deliveryDestinationName: 'central',
        deliveryDestinationPolicy: JSON.stringify(open('logs:CreateDelivery')),
      }),
      resource('aws:s3control/multiRegionAccessPointPolicy:MultiRegionAccessPointPolicy', 'global', {
        details: { name: 'global', policy: JSON.stringify(open('s3:GetObject')) },
      }),
      resource('aws:s3control/multiRegionAccessPointPolicy:MultiRegionAccessPointPolicy', 'pending', {
        details: unknownValue('output of a stack reference'),
      }),
      resource('aws:lakeformation/permissions:Permissions', 'partner-read', {
        principal: OTHER,
        permissions: ['SELECT'],
        table: { databaseName: 'sales', name: 'orders' },
      }),
      resource('aws:lakeformation/permissions:Permissions', 'iam-allowed', {
        principal: 'IAM_ALLOWED_PRINCIPALS',
        permissions: ['ALL'],
        database: { name: 'sales' },
      }),
      resource('aws:servicecatalog/portfolioShare:PortfolioShare', 'org-share', {
        portfolioId: 'port-0a1b2c3d',
        principalId: OTHER_ORG,
        type: 'ORGANIZATION',
      }),
      resource('aws:licensemanager/licenseGrant:LicenseGrant', 'license-grant', {
        licenseArn: LICENSE,
        principal: `arn:aws:iam::${OTHER}:root`,
        allowedOperations: ['CheckoutLicense'],
      }),
    ]);
    // A policy known only at apply is advisory and pending, as any resource policy's (a bucket policy's) is.
    expect(trust(model)).toEqual([
      'advisory pending - pending',
      'mandatory deliveries Principal::*',
      'mandatory global Principal::*',
      `mandatory license-grant Account::${OTHER}`,
      'mandatory org-share Organization::o-other12345',
      `mandatory partner-read Account::${OTHER}`,
    ]);
  });

  it("aws-native: CloudFormation's types in its spelling", () => {
    const model = modelFromPulumiResources([
      resource('aws-native:logs:DeliveryDestination', 'deliveries', {
        name: 'central',
        deliveryDestinationPolicy: {
          deliveryDestinationName: 'central',
          deliveryDestinationPolicy: open('logs:CreateDelivery'),
        },
      }),
      resource('aws-native:rum:AppMonitor', 'monitor', {
        name: 'web',
        resourcePolicy: { policyDocument: JSON.stringify(open('rum:PutRumEvents')) },
      }),
      resource('aws-native:lakeformation:PrincipalPermissions', 'partner-read', {
        principal: { dataLakePrincipalIdentifier: OTHER },
        permissions: ['SELECT'],
        permissionsWithGrantOption: [],
      }),
      resource('aws-native:servicecatalog:PortfolioShare', 'share', { accountId: OTHER, portfolioId: 'port-0a1b2c3d' }),
    ]);
    expect(trust(model)).toEqual([
      'mandatory deliveries Principal::*',
      'mandatory monitor Principal::*',
      `mandatory partner-read Account::${OTHER}`,
      `mandatory share Account::${OTHER}`,
    ]);
  });
});

describe('QuickSight permissions', () => {
  const OWN_USER = { 'Fn::Sub': 'arn:aws:quicksight:${AWS::Region}:${AWS::AccountId}:user/default/admin' };
  it('CloudFormation: a user of the own account passes; a group of another account, a template shared with another account are findings', () => {
    const model = modelFromTemplates([
      {
        stack: 'App',
        template: {
          Resources: {
            Dashboard: {
              Type: 'AWS::QuickSight::Dashboard',
              Properties: {
                AwsAccountId: { Ref: 'AWS::AccountId' },
                DashboardId: 'sales',
                Name: 'sales',
                Permissions: [
                  { Principal: OWN_USER, Actions: ['quicksight:DescribeDashboard', 'quicksight:QueryDashboard'] },
                  {
                    Principal: `arn:aws:quicksight:us-east-1:${OTHER}:group/default/readers`,
                    Actions: ['quicksight:DescribeDashboard'],
                  },
                ],
              },
            },
            OwnDataSource: {
              Type: 'AWS::QuickSight::DataSource',
              Properties: {
                DataSourceId: 'athena',
                Name: 'athena',
                Type: 'ATHENA',
                Permissions: [{ Principal: OWN_USER, Actions: ['quicksight:DescribeDataSource'] }],
              },
            },
            SharedTemplate: {
              Type: 'AWS::QuickSight::Template',
              Properties: {
                TemplateId: 'shared',
                Permissions: [{ Principal: `arn:aws:iam::${OTHER}:root`, Actions: ['quicksight:DescribeTemplate'] }],
              },
            },
          },
        },
      },
    ]);
    expect(trust(model)).toEqual([
      `mandatory Dashboard Account::${OTHER}`,
      `mandatory SharedTemplate Account::${OTHER}`,
    ]);
  });

  it('Pulumi (the aws provider and aws-native) and a Terraform plan', () => {
    const pulumi = modelFromPulumiResources([
      resource('aws:quicksight/template:Template', 'shared-template', {
        templateId: 'shared',
        permissions: [{ principal: `arn:aws:iam::${OTHER}:root`, actions: ['quicksight:DescribeTemplate'] }],
      }),
      resource('aws:quicksight/dataSet:DataSet', 'pending-data-set', {
        dataSetId: 'sales',
        permissions: unknownValue('output of a stack reference'),
      }),
      resource('aws-native:quicksight:Dashboard', 'native-dashboard', {
        dashboardId: 'sales',
        permissions: [
          {
            principal: `arn:aws:quicksight:us-east-1:${OTHER}:user/default/bob`,
            actions: ['quicksight:DescribeDashboard'],
          },
        ],
      }),
    ]);
    // A list known only at apply: pending (advisory in a preview, as any principal not yet known).
    expect(trust(pulumi)).toEqual([
      'advisory pending-data-set Principal::unknown pending',
      `mandatory native-dashboard Account::${OTHER}`,
      `mandatory shared-template Account::${OTHER}`,
    ]);
    const terraform = modelFromTerraformPlan(
      terraformPlan([
        {
          address: 'aws_quicksight_theme.shared',
          values: {
            theme_id: 'shared',
            name: 'shared',
            base_theme_id: 'MIDNIGHT',
            permissions: [{ principal: `arn:aws:iam::${OTHER}:root`, actions: ['quicksight:DescribeTheme'] }],
          },
          unknown: { arn: true, id: true },
        },
      ]),
    );
    expect(trust(terraform)).toEqual([`mandatory aws_quicksight_theme.shared Account::${OTHER}`]);
  });
});

describe('profiling agents, Config aggregation, Lightsail read-only accounts, MediaConnect subscribers', () => {
  it('CloudFormation: each account it names that the catalog does not list is a finding; the own account passes', () => {
    const model = modelFromTemplates([
      {
        stack: 'App',
        template: {
          Resources: {
            Profiling: {
              Type: 'AWS::CodeGuruProfiler::ProfilingGroup',
              Properties: {
                ProfilingGroupName: 'api',
                AgentPermissions: { Principals: [`arn:aws:iam::${OTHER}:role/agent`] },
              },
            },
            Aggregation: {
              Type: 'AWS::Config::AggregationAuthorization',
              Properties: { AuthorizedAccountId: OTHER, AuthorizedAwsRegion: 'eu-west-1' },
            },
            OwnAggregation: {
              Type: 'AWS::Config::AggregationAuthorization',
              Properties: { AuthorizedAccountId: { Ref: 'AWS::AccountId' }, AuthorizedAwsRegion: 'eu-west-1' },
            },
            Assets: {
              Type: 'AWS::Lightsail::Bucket',
              Properties: { BucketName: 'assets', BundleId: 'small_1_0', ReadOnlyAccessAccounts: [OTHER] },
            },
            Entitlement: {
              Type: 'AWS::MediaConnect::FlowEntitlement',
              Properties: {
                FlowArn: 'arn:aws:mediaconnect:eu-west-1:111122223333:flow:1-abc:live',
                Name: 'partner',
                Description: 'partner feed',
                Subscribers: [OTHER],
              },
            },
          },
        },
      },
    ]);
    expect(trust(model)).toEqual([
      `mandatory Aggregation Account::${OTHER}`,
      `mandatory Assets Account::${OTHER}`,
      `mandatory Entitlement Account::${OTHER}`,
      `mandatory Profiling Account::${OTHER}`,
    ]);
  });

  it('Pulumi and a Terraform plan: an aggregation authorization', () => {
    expect(
      trust(
        modelFromPulumiResources([
          resource('aws:cfg/aggregateAuthorization:AggregateAuthorization', 'central', {
            accountId: OTHER,
            authorizedAwsRegion: 'eu-west-1',
          }),
        ]),
      ),
    ).toEqual([`mandatory central Account::${OTHER}`]);
    expect(
      trust(
        modelFromTerraformPlan(
          terraformPlan([
            {
              address: 'aws_config_aggregate_authorization.central',
              values: { account_id: OTHER, authorized_aws_region: 'eu-west-1' },
              unknown: { arn: true, id: true },
            },
          ]),
        ),
      ),
    ).toEqual([`mandatory aws_config_aggregate_authorization.central Account::${OTHER}`]);
  });
});

describe('Terraform plans', () => {
  it('read through the Pulumi records of the same names (a multi-region access point policy its details block)', () => {
    const model = modelFromTerraformPlan(
      terraformPlan([
        {
          address: 'aws_s3control_multi_region_access_point_policy.global',
          values: { details: [{ name: 'global', policy: JSON.stringify(open('s3:GetObject')) }] },
          unknown: { id: true, established: true, proposed: true },
        },
        {
          address: 'aws_cloudwatch_log_delivery_destination_policy.central',
          values: {
            delivery_destination_name: 'central',
            delivery_destination_policy: JSON.stringify(open('logs:CreateDelivery')),
          },
        },
        {
          address: 'aws_lakeformation_permissions.partner',
          values: { principal: OTHER, permissions: ['SELECT'], table: [{ database_name: 'sales', name: 'orders' }] },
        },
        {
          address: 'aws_servicecatalog_portfolio_share.ou',
          values: {
            portfolio_id: 'port-0a1b2c3d',
            principal_id: `arn:aws:organizations::${OTHER}:ou/o-other12345/ou-ab12-cdef3456`,
            type: 'ORGANIZATIONAL_UNIT',
          },
        },
        {
          address: 'aws_licensemanager_grant.partner',
          values: {
            name: 'partner',
            license_arn: LICENSE,
            principal: `arn:aws:iam::${OTHER}:root`,
            allowed_operations: ['CheckoutLicense'],
          },
        },
      ]),
    );
    expect(trust(model)).toEqual([
      'mandatory aws_cloudwatch_log_delivery_destination_policy.central Principal::*',
      `mandatory aws_lakeformation_permissions.partner Account::${OTHER}`,
      `mandatory aws_licensemanager_grant.partner Account::${OTHER}`,
      'mandatory aws_s3control_multi_region_access_point_policy.global Principal::*',
      'mandatory aws_servicecatalog_portfolio_share.ou Organization::o-other12345',
    ]);
  });
});
