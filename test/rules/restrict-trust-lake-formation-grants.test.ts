/**
 * Lake Formation permissions, Service Catalog portfolio shares and License Manager grants, each read as the statement
 * it stands for (aws/resource-policies.ts PRINCIPAL_GRANTS), judged by restrict-trust as a resource policy's
 * principals: IAM_ALLOWED_PRINCIPALS (the own account's IAM principals), a trusted account or the catalog's
 * organization pass; another account or organization is a finding.
 */
import rule from '../../src/rules/restrict-trust.js';
import { granted, TRUSTED_ACCOUNT, TRUSTED_ORGANIZATION, trustingCatalog } from '../support/principal-grants.js';
import { ruleTester } from '../support/rule-tester.js';

const TRUSTED = TRUSTED_ACCOUNT;
const OTHER = '999999999999';
const ORG = TRUSTED_ORGANIZATION;
const CATALOG_ARNS = 'arn:aws:glue:<own-region>:<own-account>:*';
const LICENSE = `arn:aws:license-manager::${TRUSTED}:license:l-0a1b2c3d`;

const trusting = trustingCatalog();

const lakeFormation = (principal: string) =>
  granted('AWS::LakeFormation::Permissions', 'SalesRead', CATALOG_ARNS, {
    DataLakePrincipal: { DataLakePrincipalIdentifier: principal },
    Permissions: ['SELECT'],
    Resource: { TableResource: { DatabaseName: 'sales', Name: 'orders' } },
  });
const license = (...principals: string[]) =>
  granted('AWS::LicenseManager::Grant', 'LicenseGrant', LICENSE, {
    LicenseArn: LICENSE,
    Principals: principals,
    AllowedOperations: ['CheckoutLicense'],
  });

ruleTester(rule, {
  valid: [
    {
      name: 'Lake Formation permissions to IAM_ALLOWED_PRINCIPALS (the own account)',
      catalog: trusting,
      model: lakeFormation('IAM_ALLOWED_PRINCIPALS'),
    },
    { name: 'Lake Formation permissions to a trusted account', catalog: trusting, model: lakeFormation(TRUSTED) },
    {
      name: "a license granted to the catalog's organization",
      catalog: trusting,
      model: license(`arn:aws:organizations::${TRUSTED}:organization/${ORG}`),
    },
  ],
  invalid: [
    {
      name: 'Lake Formation permissions to an account the catalog does not list',
      catalog: trusting,
      model: lakeFormation(OTHER),
      findings: [
        {
          resource: 'SalesRead',
          detail: `Account::${OTHER}`,
          level: 'mandatory',
          message:
            `Resource policy SalesRead allows account ${OTHER} (${OTHER}) Action lakeformation:GetDataAccess on ` +
            `${CATALOG_ARNS}, but the catalog (test-catalog.yaml) does not list that account under trust.accounts ` +
            `(listed: ${TRUSTED}). Narrow Principal to accounts the catalog trusts, or record the account with its ` +
            'owner under trust.accounts after review.',
        },
      ],
    },
    {
      name: 'a license granted to another organization',
      catalog: trusting,
      model: license(`arn:aws:organizations::${OTHER}:organization/o-other12345`),
      findings: [
        {
          resource: 'LicenseGrant',
          detail: 'Organization::o-other12345',
          level: 'mandatory',
          message:
            'Resource policy LicenseGrant allows every principal of AWS organization o-other12345 (Principal: "*" ' +
            'with StringEquals aws:PrincipalOrgID "o-other12345") Action license-manager:AcceptGrant on ' +
            `${LICENSE}, but the catalog (test-catalog.yaml) does not list that organization under ` +
            `trust.organizations (listed: ${ORG}). Narrow the condition to an organization the catalog trusts, or ` +
            'record this one with its owner after review.',
        },
      ],
    },
  ],
});
