/**
 * The file system policy the CDK writes on every efs.FileSystem since @aws-cdk/aws-efs:denyAnonymousAccess (aws-cdk-lib
 * 2.93, aws-efs/lib/efs-file-system.js): `AWS: "*"` may write and act as root only through a mount target
 * (Bool elasticfilesystem:AccessedViaMountTarget "true"), which Amazon EFS does not count as public (EFS User Guide,
 * "Blocking public access to Amazon EFS file systems", The meaning of "public"). restrict-trust blocked every CDK app
 * with a file system on it; a statement the app adds for AWS "*" without that condition stays a finding. Both through
 * the aspect and through the CLI on the synthesized cloud assembly.
 */
import { App, Aspects, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as efs from 'aws-cdk-lib/aws-efs';
import * as iam from 'aws-cdk-lib/aws-iam';
import { describe, expect, it } from 'vitest';
import { EntitlementGuard } from '../../cdk-aspects/index.js';
import { runCheck } from '../../src/cli/check.js';
import { NOW } from './support.js';

const MOUNT_TARGET_ONLY = {
  Effect: 'Allow',
  Principal: { AWS: '*' },
  Action: ['elasticfilesystem:ClientWrite', 'elasticfilesystem:ClientRootAccess'],
  Condition: { Bool: { 'elasticfilesystem:AccessedViaMountTarget': 'true' } },
};

/** A stack with a VPC and two file systems: one as the CDK writes it, one whose own policy also lets AWS "*" mount. */
function efsApp(): { app: App; stack: Stack } {
  const app = new App({
    builtinCloudFormationValidation: false,
    context: { '@aws-cdk/aws-efs:denyAnonymousAccess': true },
  });
  const stack = new Stack(app, 'S');
  const vpc = new ec2.Vpc(stack, 'Vpc', { natGateways: 0, maxAzs: 1 });
  new efs.FileSystem(stack, 'Shared', { vpc });
  new efs.FileSystem(stack, 'Open', {
    vpc,
    fileSystemPolicy: new iam.PolicyDocument({
      statements: [
        new iam.PolicyStatement({ principals: [new iam.AnyPrincipal()], actions: ['elasticfilesystem:ClientMount'] }),
      ],
    }),
  });
  return { app, stack };
}

const OPEN_MESSAGE =
  'Resource policy Open2F4367FD allows any AWS principal (AWS: "*") Action elasticfilesystem:ClientMount on ' +
  '<Arn of Open2F4367FD>, and no condition narrows it: anyone, in any account, may do that. Narrow Principal to the ' +
  'own account or accounts the catalog lists under trust.accounts, or add a condition on aws:PrincipalAccount or ' +
  'aws:PrincipalOrgID (StringEquals aws:PrincipalOrgID: <your organization>); for an AWS service that delivers to ' +
  'the resource, name the service and add aws:SourceAccount or aws:SourceArn.';

describe('restrict-trust on the CDK efs.FileSystem', () => {
  it('passes the mount-target-only policy the CDK writes and blocks a statement for AWS "*" without it', () => {
    const { app, stack } = efsApp();
    Aspects.of(app).add(new EntitlementGuard({ now: NOW }));
    const assembly = app.synth();
    const template = assembly.getStackArtifact(stack.artifactId).template as {
      Resources: Record<string, { Type: string; Properties: { FileSystemPolicy?: { Statement: unknown[] } } }>;
    };
    const policies = Object.entries(template.Resources)
      .filter(([, resource]) => resource.Type === 'AWS::EFS::FileSystem')
      .map(([id, resource]) => [id, resource.Properties.FileSystemPolicy?.Statement]);
    expect(policies).toEqual([
      ['SharedDACC02AA', [MOUNT_TARGET_ONLY]],
      [
        'Open2F4367FD',
        [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'elasticfilesystem:ClientMount' }, MOUNT_TARGET_ONLY],
      ],
    ]);

    const annotations = assembly
      .getStackArtifact(stack.artifactId)
      .messages.map((message) => `${message.level} ${message.id} ${String(message.entry.data)}`)
      .filter((text) => text.includes('] restrict-trust '))
      .map((text) => text.split('\n').slice(0, 2).join('\n'));
    expect(annotations).toEqual([
      `error /S/Open [EntitlementGuard] restrict-trust (mandatory): ${OPEN_MESSAGE}\n` +
        '  resource: S/Open/Resource (AWS::EFS::FileSystem Open2F4367FD) Principal::*',
    ]);

    const cli = runCheck({ paths: [assembly.directory], format: 'json', now: NOW, toolVersion: 'test' });
    const trust = cli.result!.findings.filter((finding) => finding.ruleId === 'restrict-trust');
    expect(trust.map((finding) => [finding.resource.name, finding.detail, finding.level, finding.message])).toEqual([
      ['Open2F4367FD', 'Principal::*', 'mandatory', OPEN_MESSAGE],
    ]);
  });
});
