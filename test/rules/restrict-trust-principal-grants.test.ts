/**
 * Grants to the principals a resource lists (a Lambda layer version's permission, a VPC endpoint service's allowed
 * principals, an event bus permission in its older form, an AMI's launch permission), each read as the statement it
 * stands for (aws/resource-policies.ts principalGrantDocument), judged as a resource policy's principals: the own
 * account, a trusted account, `*` narrowed to the catalog's organization pass; `*`, another account, an organization
 * the catalog does not list are findings.
 */
import { defaultCatalog } from '../../catalog/index.js';
import rule from '../../src/rules/restrict-trust.js';
import { granted, TRUSTED_ACCOUNT, TRUSTED_ORGANIZATION, trustingCatalog } from '../support/principal-grants.js';
import { ruleTester } from '../support/rule-tester.js';

const TRUSTED = TRUSTED_ACCOUNT;
const OTHER = '999999999999';
const ORG = TRUSTED_ORGANIZATION;
const LAYER = `arn:aws:lambda:eu-west-1:${TRUSTED}:layer:shared-utils:3`;
const SERVICE = 'arn:aws:ec2:<own-region>:<own-account>:vpc-endpoint-service/<id of Service>';
const IMAGE = 'arn:aws:ec2:<own-region>::image/ami-0a1b2c3d';

const trusting = trustingCatalog();

const layer = (props: Record<string, unknown>) =>
  granted('AWS::Lambda::LayerVersionPermission', 'LayerPermission', LAYER, {
    Action: 'lambda:GetLayerVersion',
    LayerVersionArn: LAYER,
    ...props,
  });
const endpointService = (...principals: unknown[]) =>
  granted('AWS::EC2::VPCEndpointServicePermissions', 'Permissions', SERVICE, {
    ServiceId: 'vpce-svc-0a1b',
    AllowedPrincipals: principals,
  });

const ANY_PRINCIPAL_FIX =
  'Narrow Principal to the own account or accounts the catalog lists under trust.accounts, or add a condition on ' +
  'aws:PrincipalAccount or aws:PrincipalOrgID (StringEquals aws:PrincipalOrgID: <your organization>); for an AWS ' +
  'service that delivers to the resource, name the service and add aws:SourceAccount or aws:SourceArn.';

ruleTester(rule, {
  valid: [
    {
      name: 'a layer shared with the own account',
      catalog: defaultCatalog(),
      model: layer({ Principal: '<own-account>' }),
    },
    {
      name: 'a layer shared with an account the catalog trusts',
      catalog: trusting,
      model: layer({ Principal: TRUSTED }),
    },
    {
      name: 'a layer shared with every account of the organization the catalog lists (Principal * and OrganizationId)',
      catalog: trusting,
      model: layer({ Principal: '*', OrganizationId: ORG }),
    },
    {
      name: "an endpoint service's allowed principals: a role of a trusted account and the own account",
      catalog: trusting,
      model: endpointService(`arn:aws:iam::${TRUSTED}:role/consumer`, 'arn:aws:iam::<own-account>:root'),
    },
    {
      name: 'an endpoint service whose allowed principals are left out names no one',
      catalog: defaultCatalog(),
      model: granted('aws:ec2/vpcEndpointService:VpcEndpointService', 'service', SERVICE, { acceptanceRequired: true }),
    },
    {
      name: 'an event permission to every account of the organization the catalog lists',
      catalog: trusting,
      model: granted(
        'aws:cloudwatch/eventPermission:EventPermission',
        'events',
        'arn:aws:events:<own-region>:<own-account>:event-bus/default',
        {
          principal: '*',
          condition: { key: 'aws:PrincipalOrgID', type: 'StringEquals', value: ORG },
        },
      ),
    },
  ],
  invalid: [
    {
      name: 'a layer shared with every AWS account (Principal * without OrganizationId)',
      catalog: trusting,
      model: layer({ Principal: '*' }),
      findings: [
        {
          resource: 'LayerPermission',
          detail: 'Principal::*',
          level: 'mandatory',
          message:
            `Resource policy LayerPermission allows any AWS principal (Principal: "*") Action lambda:GetLayerVersion on ` +
            `${LAYER}, and no condition narrows it: anyone, in any account, may do that. ${ANY_PRINCIPAL_FIX}`,
        },
      ],
    },
    {
      name: "an endpoint service's allowed principal of an account the catalog does not list",
      catalog: trusting,
      model: endpointService(`arn:aws:iam::${OTHER}:root`),
      findings: [
        {
          resource: 'Permissions',
          detail: `Account::${OTHER}`,
          level: 'mandatory',
          message:
            `Resource policy Permissions allows account ${OTHER} (arn:aws:iam::${OTHER}:root) Action ` +
            `ec2:CreateVpcEndpoint on ${SERVICE}, but the catalog (test-catalog.yaml) does not list that account under ` +
            `trust.accounts (listed: ${TRUSTED}). Narrow Principal to accounts the catalog trusts, or record the account ` +
            'with its owner under trust.accounts after review.',
        },
      ],
    },
    {
      name: "an endpoint service's allowed principal `*`: any account may connect",
      catalog: trusting,
      model: endpointService('*'),
      findings: [
        {
          resource: 'Permissions',
          detail: 'Principal::*',
          level: 'mandatory',
          message:
            `Resource policy Permissions allows any AWS principal (Principal: "*") Action ec2:CreateVpcEndpoint on ` +
            `${SERVICE}, and no condition narrows it: anyone, in any account, may do that. ${ANY_PRINCIPAL_FIX}`,
        },
      ],
    },
    {
      name: 'a layer shared with an organization the catalog does not list',
      catalog: trusting,
      model: layer({ Principal: '*', OrganizationId: 'o-zz9y8x7w6v' }),
      findings: [
        {
          resource: 'LayerPermission',
          detail: 'Organization::o-zz9y8x7w6v',
          level: 'mandatory',
          message:
            'Resource policy LayerPermission allows every principal of AWS organization o-zz9y8x7w6v (Principal: "*" ' +
            `with StringEquals aws:PrincipalOrgID "o-zz9y8x7w6v") Action lambda:GetLayerVersion on ${LAYER}, but the ` +
            `catalog (test-catalog.yaml) does not list that organization under trust.organizations (listed: ${ORG}). ` +
            'Narrow the condition to an organization the catalog trusts, or record this one with its owner after review.',
        },
      ],
    },
    {
      name: 'an AMI launch permission to group all: every account may launch it',
      catalog: trusting,
      model: granted('aws:ec2/amiLaunchPermission:AmiLaunchPermission', 'public-image', IMAGE, {
        imageId: 'ami-0a1b2c3d',
        group: 'all',
      }),
      findings: [
        {
          resource: 'public-image',
          detail: 'Principal::*',
          level: 'mandatory',
          message:
            `Resource policy public-image allows any AWS principal (Principal: "*") Action ec2:RunInstances on ${IMAGE}, ` +
            `and no condition narrows it: anyone, in any account, may do that. ${ANY_PRINCIPAL_FIX}`,
        },
      ],
    },
  ],
});
