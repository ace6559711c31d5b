/**
 * Terraform plans: grants to the principals a resource lists (aws_lambda_layer_version_permission,
 * aws_vpc_endpoint_service_allowed_principal, aws_cloudwatch_event_permission, aws_ami_launch_permission) and resource
 * policies of types that were not read (aws_media_store_container_policy, aws_codebuild_resource_policy), read through
 * the Pulumi records of the same names (test/adapters/aws-principal-grants.test.ts has the same for CloudFormation and
 * Pulumi). An endpoint service whose allowed_principals the configuration leaves out (known after apply) names no one:
 * its allowed-principal resources are read on their own.
 */
import { describe, expect, it } from 'vitest';
import { defaultCatalog } from '../../catalog/index.js';
import { modelFromTerraformPlan } from '../../src/adapters/terraform/index.js';
import { evaluate } from '../../src/engine/index.js';
import { terraformPlan } from './support.js';

const NOW = new Date('2026-12-01T00:00:00Z');
const OTHER = '999999999999';
const open = (action: string) => ({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: '*', Action: action, Resource: '*' }],
});
const trustFindings = (model: ReturnType<typeof modelFromTerraformPlan>) =>
  evaluate(model, { catalog: defaultCatalog(), now: NOW })
    .findings.filter((f) => f.ruleId === 'restrict-trust')
    .map((f) => `${f.level} ${f.resource.name} ${f.detail ?? '-'}${f.pending ? ' pending' : ''}`);

describe('Terraform: principal grants and resource policies of types that were not read', () => {
  it('read through the Pulumi records of the same names', () => {
    const model = modelFromTerraformPlan(
      terraformPlan([
        {
          address: 'aws_lambda_layer_version_permission.public',
          values: {
            layer_name: 'arn:aws:lambda:eu-west-1:111122223333:layer:shared-utils',
            version_number: 3,
            principal: '*',
            action: 'lambda:GetLayerVersion',
            statement_id: 'public',
            skip_destroy: false,
          },
          unknown: { id: true, policy: true, revision_id: true },
        },
        {
          address: 'aws_vpc_endpoint_service.service',
          values: { acceptance_required: false },
          unknown: { allowed_principals: true, id: true, arn: true },
        },
        {
          address: 'aws_vpc_endpoint_service_allowed_principal.partner',
          values: { principal_arn: `arn:aws:iam::${OTHER}:root` },
          unknown: { id: true, vpc_endpoint_service_id: true },
          references: {
            vpc_endpoint_service_id: ['aws_vpc_endpoint_service.service.id', 'aws_vpc_endpoint_service.service'],
          },
        },
        {
          address: 'aws_cloudwatch_event_permission.organization',
          values: {
            principal: '*',
            statement_id: 'organization',
            event_bus_name: 'default',
            action: 'events:PutEvents',
            condition: [{ key: 'aws:PrincipalOrgID', type: 'StringEquals', value: 'o-a1b2c3d4e5' }],
          },
          unknown: { id: true },
        },
        {
          address: 'aws_ami_launch_permission.public',
          values: { image_id: 'ami-0a1b2c3d', group: 'all' },
          unknown: { id: true },
        },
        {
          address: 'aws_media_store_container_policy.media',
          values: { container_name: 'media', policy: JSON.stringify(open('mediastore:GetObject')) },
          unknown: { id: true },
        },
        {
          address: 'aws_opensearchserverless_access_policy.logs',
          values: {
            name: 'logs-access',
            type: 'data',
            policy: JSON.stringify([
              {
                Rules: [{ ResourceType: 'index', Resource: ['index/logs/*'], Permission: ['aoss:ReadDocument'] }],
                Principal: [`arn:aws:iam::${OTHER}:role/analyst`],
              },
            ]),
          },
          unknown: { id: true, policy_version: true },
        },
        {
          address: 'aws_codebuild_resource_policy.shared',
          values: {
            resource_arn: 'arn:aws:codebuild:eu-west-1:111122223333:project/build',
            policy: JSON.stringify(open('codebuild:BatchGetBuilds')),
          },
          unknown: { id: true },
        },
      ]),
      { file: 'plan.json' },
    );
    expect(trustFindings(model)).toEqual([
      'mandatory aws_ami_launch_permission.public Principal::*',
      'mandatory aws_cloudwatch_event_permission.organization Organization::o-a1b2c3d4e5',
      'mandatory aws_codebuild_resource_policy.shared Principal::*',
      'mandatory aws_lambda_layer_version_permission.public Principal::*',
      'mandatory aws_media_store_container_policy.media Principal::*',
      `mandatory aws_opensearchserverless_access_policy.logs Account::${OTHER}`,
      `mandatory aws_vpc_endpoint_service_allowed_principal.partner Account::${OTHER}`,
    ]);
  });
});
