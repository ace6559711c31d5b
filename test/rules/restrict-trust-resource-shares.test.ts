/**
 * Resource Access Manager shares: each principal a share names is judged as a resource policy's principal is (an own
 * or trusted account, an organization the catalog lists or an OU of it passes; another account or organization, a
 * principal known only at apply, a service without source accounts are findings).
 */
import { defaultCatalog } from '../../catalog/index.js';
import {
  malformedValue,
  unknownValue,
  type Model,
  type PolicyValue,
  type ResourceShare,
  type SharePermission,
  type Unknown,
} from '../../src/model/model.js';
import rule from '../../src/rules/restrict-trust.js';
import { catalog, model, ref } from '../support/builders.js';
import { ruleTester } from '../support/rule-tester.js';

const TRUSTED = '111122223333';
const OTHER = '999999999999';
const ORG = 'o-a1b2c3d4e5';
const OTHER_ORG = 'o-zz9y8x7w6v';
const SUBNET = 'arn:aws:ec2:<own-region>:<own-account>:subnet/<id of Subnet>';
const TGW = 'arn:aws:ec2:<own-region>:<own-account>:transit-gateway/<id of Tgw>';

const trusting = catalog({
  trust: {
    accounts: [{ id: TRUSTED, owner: 'team-platform' }],
    organizations: [{ id: ORG, owner: 'team-platform' }],
    oidc: [],
  },
});

const SHARE = ref('AWS::RAM::ResourceShare', 'NetworkShare');
const share = (principals: PolicyValue[], extra: Partial<ResourceShare> = {}): ResourceShare => ({
  source: SHARE,
  name: 'network',
  principals: principals.map((value) => ({ value, source: SHARE })),
  resources: [SUBNET, TGW].map((value) => ({ value, source: SHARE })),
  allowExternal: true,
  sourcesSetting: 'Sources',
  ...extra,
});
const shares = (...resourceShares: ResourceShare[]): Model => model({ resourceShares });

const SHARED = `${SUBNET}, ${TGW}`;
const DEFAULT = "each resource type's default AWS managed permission (the share names none)";
const untrustedAccount = (
  principal: string,
  resource = 'NetworkShare',
  resources = SHARED,
  { permission = DEFAULT, external = '' } = {},
) => ({
  resource,
  detail: `Account::${OTHER}`,
  level: 'mandatory' as const,
  message:
    `Resource share network shares ${resources} under ${permission} with account ${OTHER} (${principal}), which the ` +
    `catalog (test-catalog.yaml) does not list under trust.accounts (listed: ${TRUSTED}): its principals may use them ` +
    `with no policy of the own account involved.${external} Remove the principal from the share, or record the ` +
    'account with its owner under trust.accounts after review.',
});
const ORGANIZATION = `arn:aws:organizations::${TRUSTED}:organization/${ORG}`;
const OTHER_ORGANIZATION = `arn:aws:organizations::${OTHER}:organization/${OTHER_ORG}`;
const INTERNAL =
  " The share allows no external principals, so RAM associates the account only if it is in the share's own organization";
const PERMISSION = ref('AWS::RAM::Permission', 'SubnetTagging');
const customer = (actions: PolicyValue[] | Unknown): SharePermission => ({
  value: '<Arn of SubnetTagging>',
  definedBy: { name: 'subnet-tagging', source: PERMISSION, actions },
});

ruleTester(rule, {
  valid: [
    {
      name: 'an account the catalog trusts, by id and as an IAM role ARN',
      catalog: trusting,
      model: shares(share([TRUSTED, `arn:aws:iam::${TRUSTED}:role/network-admin`])),
    },
    {
      name: 'the own account (AWS::AccountId) and an account the change deploys into',
      catalog: defaultCatalog(),
      model: { ...shares(share(['<own-account>', OTHER])), accountIds: [OTHER] },
    },
    {
      name: 'the organization the catalog lists, AllowExternalPrincipals left true: organization principals keep it inside',
      catalog: trusting,
      model: shares(share([`arn:aws:organizations::${TRUSTED}:organization/${ORG}`])),
    },
    {
      name: 'an OU of the organization the catalog lists',
      catalog: trusting,
      model: shares(share([`arn:aws:organizations::${TRUSTED}:ou/${ORG}/ou-ab12-cdefgh34`])),
    },
    {
      name: 'a service principal with its source accounts',
      catalog: defaultCatalog(),
      model: shares(share(['pca-connector-scep.amazonaws.com'], { sources: ['<own-account>'] })),
    },
    {
      name: 'a principal known only at apply that is a role of the own account',
      catalog: defaultCatalog(),
      model: shares(share([unknownValue('the ARN of role Consumer', 'arn:aws:iam::<own-account>:role/*')])),
    },
    {
      name: 'allowing no external principals, an account the catalog does not list in the organization it trusts',
      catalog: trusting,
      model: shares(share([OTHER, ORGANIZATION], { allowExternal: false })),
    },
    {
      name: 'allowing no external principals, an account of the trusted organization under a customer permission',
      catalog: trusting,
      model: shares(
        share([`arn:aws:organizations::${TRUSTED}:ou/${ORG}/ou-ab12-cdefgh34`, OTHER], {
          allowExternal: false,
          permissions: [customer(['ec2:CreateTags'])],
        }),
      ),
    },
    {
      name: 'a share with no principals',
      catalog: defaultCatalog(),
      model: shares(share([])),
    },
  ],
  invalid: [
    {
      name: 'an account the catalog does not list',
      catalog: trusting,
      model: shares(share([OTHER])),
      findings: [untrustedAccount(OTHER)],
    },
    {
      name: "another account's role, named twice, is one finding",
      catalog: trusting,
      model: shares(share([`arn:aws:iam::${OTHER}:role/consumer`, `arn:aws:iam::${OTHER}:role/consumer`])),
      findings: [untrustedAccount(`arn:aws:iam::${OTHER}:role/consumer`)],
    },
    {
      name: 'an account with no catalog given',
      catalog: defaultCatalog(),
      model: shares(share([OTHER])),
      findings: [
        {
          resource: 'NetworkShare',
          detail: `Account::${OTHER}`,
          message:
            `Resource share network shares ${SHARED} under ${DEFAULT} with account ${OTHER} (${OTHER}), but no catalog was given, so ` +
            'the account cannot be checked against trusted accounts. Pass a catalog that lists it under trust.accounts.',
        },
      ],
    },
    {
      name: 'an organization the catalog does not list, and an OU of it',
      catalog: trusting,
      model: shares(
        share([
          `arn:aws:organizations::${OTHER}:organization/${OTHER_ORG}`,
          `arn:aws:organizations::${OTHER}:ou/${OTHER_ORG}/ou-ab12-cdefgh34`,
        ]),
      ),
      findings: [
        {
          resource: 'NetworkShare',
          detail: `Organization::${OTHER_ORG}`,
          level: 'mandatory',
          message:
            `Resource share network shares ${SHARED} under ${DEFAULT} with every account of AWS organization ${OTHER_ORG} ` +
            `(arn:aws:organizations::${OTHER}:organization/${OTHER_ORG}), which the catalog (test-catalog.yaml) does ` +
            `not list under trust.organizations (listed: ${ORG}). Share with an organization the catalog trusts (or ` +
            'an OU of it), or record this one with its owner under trust.organizations after review.',
        },
      ],
    },
    {
      name: 'an OU alone of an organization the catalog does not list',
      catalog: trusting,
      model: shares(share([`arn:aws:organizations::${OTHER}:ou/${OTHER_ORG}/ou-ab12-cdefgh34`])),
      findings: [
        {
          resource: 'NetworkShare',
          detail: `Organization::${OTHER_ORG}`,
          message:
            `Resource share network shares ${SHARED} under ${DEFAULT} with every account of organizational unit ou-ab12-cdefgh34 of ` +
            `AWS organization ${OTHER_ORG} (arn:aws:organizations::${OTHER}:ou/${OTHER_ORG}/ou-ab12-cdefgh34), which ` +
            `the catalog (test-catalog.yaml) does not list under trust.organizations (listed: ${ORG}). Share with an ` +
            'organization the catalog trusts (or an OU of it), or record this one with its owner under ' +
            'trust.organizations after review.',
        },
      ],
    },
    {
      name: 'an organization with no catalog given',
      catalog: defaultCatalog(),
      model: shares(share([`arn:aws:organizations::${TRUSTED}:organization/${ORG}`])),
      findings: [
        {
          resource: 'NetworkShare',
          detail: `Organization::${ORG}`,
          message:
            `Resource share network shares ${SHARED} under ${DEFAULT} with every account of AWS organization ${ORG} ` +
            `(arn:aws:organizations::${TRUSTED}:organization/${ORG}), but no catalog was given, so the organization ` +
            'cannot be checked against trusted organizations. Pass a catalog that lists it under trust.organizations.',
        },
      ],
    },
    {
      name: 'a principal known only at apply (a parameter)',
      catalog: trusting,
      model: shares(share([unknownValue('the value of parameter ConsumerAccount')])),
      findings: [
        {
          resource: 'NetworkShare',
          detail: 'Principal::unknown',
          pending: true,
          message:
            `Resource share network shares ${SHARED} under ${DEFAULT} with a principal that cannot be verified until apply: the ` +
            'principal is the value of parameter ConsumerAccount.',
        },
      ],
    },
    {
      name: 'a value that is no principal RAM takes',
      catalog: trusting,
      model: shares(share(['*'])),
      findings: [
        {
          resource: 'NetworkShare',
          detail: 'Principal::*',
          message:
            `Resource share network shares ${SHARED} under ${DEFAULT} with "*", which is neither an account id, an organization's or ` +
            "OU's ARN, an IAM role's or user's ARN nor a service principal, so whose it is cannot be checked. Write it " +
            'as a 12-digit account id or arn:aws:organizations::<management account>:organization/<o-id>.',
        },
      ],
    },
    {
      name: 'a service principal without source accounts (advisory)',
      catalog: trusting,
      model: shares(share(['pca-connector-scep.amazonaws.com'])),
      findings: [
        {
          resource: 'NetworkShare',
          detail: 'Service::pca-connector-scep.amazonaws.com',
          level: 'advisory',
          message:
            `Resource share network shares ${SHARED} under ${DEFAULT} with AWS service pca-connector-scep.amazonaws.com without source ` +
            'accounts, so the service may use them for any account that configures it to (confused deputy). Name the ' +
            "accounts it acts for in the share's source accounts (Sources).",
        },
      ],
    },
    {
      name: 'associations with a share the change does not create: the principal judged, the resource pending',
      catalog: trusting,
      model: shares({
        source: ref('aws:ram/principalAssociation:PrincipalAssociation', 'consumer'),
        name: 'arn:aws:ram:us-east-1:111122223333:resource-share/abc',
        outside: true,
        allowExternal: unknownValue('a setting of a share the change does not create'),
        principals: [{ value: OTHER, source: ref('aws:ram/principalAssociation:PrincipalAssociation', 'consumer') }],
        resources: [{ value: SUBNET, source: ref('aws:ram/resourceAssociation:ResourceAssociation', 'subnet') }],
      }),
      findings: [
        {
          resource: 'consumer',
          detail: `Account::${OTHER}`,
          message:
            `Resource share arn:aws:ram:us-east-1:111122223333:resource-share/abc shares ${SUBNET} and whatever else ` +
            'resource share arn:aws:ram:us-east-1:111122223333:resource-share/abc holds (a share this change does not ' +
            `create) under whatever permissions it has with account ${OTHER} (${OTHER}), which the catalog (test-catalog.yaml) does not list under ` +
            `trust.accounts (listed: ${TRUSTED}): its principals may use them with no policy of the own account ` +
            'involved. Remove the principal from the share, or record the account with its owner under trust.accounts ' +
            'after review.',
        },
        {
          resource: 'subnet',
          detail: 'Principal::unseen',
          pending: true,
          message:
            `Resource association subnet adds ${SUBNET} to resource share ` +
            'arn:aws:ram:us-east-1:111122223333:resource-share/abc, which this change does not create, so whom the ' +
            'share gives them to cannot be seen. Create the share and its principals in this change, or share these ' +
            'resources through a share it creates.',
        },
      ],
    },
    {
      name: 'allowing no external principals, but naming no organization: which one the account is in cannot be seen',
      catalog: trusting,
      model: shares(share([OTHER], { allowExternal: false })),
      findings: [
        untrustedAccount(OTHER, 'NetworkShare', SHARED, {
          external: `${INTERNAL}, which the share does not name, so that cannot be checked against trust.organizations.`,
        }),
      ],
    },
    {
      name: 'allowing no external principals, in an organization the catalog does not list',
      catalog: trusting,
      model: shares(share([OTHER_ORGANIZATION, OTHER], { allowExternal: false })),
      findings: [
        untrustedAccount(OTHER, 'NetworkShare', SHARED, {
          external: `${INTERNAL}, ${OTHER_ORG}, which the catalog does not list under trust.organizations.`,
        }),
        {
          resource: 'NetworkShare',
          detail: `Organization::${OTHER_ORG}`,
          message:
            `Resource share network shares ${SHARED} under ${DEFAULT} with every account of AWS organization ` +
            `${OTHER_ORG} (${OTHER_ORGANIZATION}), which the catalog (test-catalog.yaml) does not list under ` +
            `trust.organizations (listed: ${ORG}). Share with an organization the catalog trusts (or an OU of it), or ` +
            'record this one with its owner under trust.organizations after review.',
        },
      ],
    },
    {
      name: 'allowing no external principals, with no catalog given: the account and the organization it is in',
      catalog: defaultCatalog(),
      model: shares(share([OTHER, ORGANIZATION], { allowExternal: false })),
      findings: [
        {
          resource: 'NetworkShare',
          detail: `Account::${OTHER}`,
          message:
            `Resource share network shares ${SHARED} under ${DEFAULT} with account ${OTHER} (${OTHER}), but no ` +
            `catalog was given, so the account cannot be checked against trusted accounts.${INTERNAL}, ${ORG}. Pass ` +
            'a catalog that lists it under trust.accounts.',
        },
        {
          resource: 'NetworkShare',
          detail: `Organization::${ORG}`,
          message:
            `Resource share network shares ${SHARED} under ${DEFAULT} with every account of AWS organization ${ORG} ` +
            `(${ORGANIZATION}), but no catalog was given, so the organization cannot be checked against trusted ` +
            'organizations. Pass a catalog that lists it under trust.organizations.',
        },
      ],
    },
    {
      name: 'an AWS managed permission, by its name',
      catalog: trusting,
      model: shares(
        share([OTHER], { permissions: [{ value: 'arn:aws:ram::aws:permission/AWSRAMDefaultPermissionSubnet' }] }),
      ),
      findings: [
        untrustedAccount(OTHER, 'NetworkShare', SHARED, {
          permission: 'AWS managed permission AWSRAMDefaultPermissionSubnet',
        }),
      ],
    },
    {
      name: 'a customer managed permission of the change: its actions, and those that are not read-only',
      catalog: trusting,
      model: shares(share([OTHER], { permissions: [customer(['ec2:DescribeSubnets', 'ec2:CreateTags'])] })),
      findings: [
        untrustedAccount(OTHER, 'NetworkShare', SHARED, {
          permission:
            'customer managed permission subnet-tagging (Action ec2:DescribeSubnets, ec2:CreateTags; not read-only: ' +
            'ec2:CreateTags)',
        }),
      ],
    },
    {
      name: 'a read-only customer managed permission: still a finding, as a resource policy is whatever its actions',
      catalog: trusting,
      model: shares(share([OTHER], { permissions: [customer(['ec2:DescribeSubnets'])] })),
      findings: [
        untrustedAccount(OTHER, 'NetworkShare', SHARED, {
          permission: 'customer managed permission subnet-tagging (Action ec2:DescribeSubnets; read-only)',
        }),
      ],
    },
    {
      name: 'a customer permission whose template cannot be read, one known only at apply, and one of another stack',
      catalog: trusting,
      model: shares(
        share([OTHER], {
          permissions: [
            customer(malformedValue('SubnetTagging.PolicyTemplate is not JSON')),
            { value: unknownValue('the value of parameter PermissionArn') },
            { value: 'arn:aws:ram:us-east-1:111122223333:permission/shared-tagging' },
          ],
        }),
      ),
      findings: [
        untrustedAccount(OTHER, 'NetworkShare', SHARED, {
          permission:
            'customer managed permission subnet-tagging (its actions cannot be seen: SubnetTagging.PolicyTemplate is ' +
            'not JSON); a permission known only at apply (the value of parameter PermissionArn); permission ' +
            'arn:aws:ram:us-east-1:111122223333:permission/shared-tagging (not created by this change, so what it ' +
            'allows cannot be seen)',
        }),
      ],
    },
    {
      name: 'a permission associated with a share the change does not create: whom it gives that cannot be seen',
      catalog: trusting,
      model: shares({
        source: ref('AWS::RAM::PermissionAssociation', 'ElsewhereTagging'),
        name: 'arn:aws:ram:us-east-1:111122223333:resource-share/abc',
        principals: [],
        resources: [],
        allowExternal: unknownValue('a setting of a share the change does not create'),
        permissions: [
          {
            value: 'arn:aws:ram::aws:permission/AWSRAMDefaultPermissionSubnet',
            associatedBy: ref('AWS::RAM::PermissionAssociation', 'ElsewhereTagging'),
          },
        ],
        outside: true,
      }),
      findings: [
        {
          resource: 'ElsewhereTagging',
          detail: 'Principal::unseen',
          pending: true,
          message:
            'Permission association ElsewhereTagging gives the principals of resource share ' +
            'arn:aws:ram:us-east-1:111122223333:resource-share/abc, which this change does not create, AWS managed ' +
            'permission AWSRAMDefaultPermissionSubnet on what it shares, so whom it gives that cannot be seen. Create ' +
            'the share and its principals in this change, or associate the permission with a share it creates.',
        },
      ],
    },
  ],
});
