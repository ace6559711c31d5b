/**
 * An EKS cluster that makes its creator a cluster administrator, through the CLI on a template
 * (adapters/aws/eks-cluster-creator.ts, no-wildcard-privilege): `AccessConfig.BootstrapClusterCreatorAdminPermissions`
 * left out or true is reported on the cluster, false (a boolean or CloudFormation's string) is not, and a value only the
 * deployment knows (a parameter without default, a condition on one) is pending, saying what could not be seen.
 * Before, each of these templates passed.
 */
import { describe, expect, it } from 'vitest';
import { checkManifest } from '../support/check-manifest.js';

const CATALOG = `apiVersion: entitlement-guard/v1
owners: [{ id: team-platform, contact: platform@example.com }]
`;

/** A template with one cluster whose AccessConfig is the given YAML (indented under it), and extra parameters. */
function template(accessConfig: string | undefined, parameters = ''): string {
  return `AWSTemplateFormatVersion: "2010-09-09"
${parameters}Resources:
  Cluster:
    Type: AWS::EKS::Cluster
    Properties:
      Name: payments
      RoleArn: arn:aws:iam::111122223333:role/payments-eks-cluster
      ResourcesVpcConfig:
        SubnetIds: [subnet-0a1b2c3d, subnet-4e5f6a7b]
${accessConfig === undefined ? '' : `      AccessConfig:\n${accessConfig}`}`;
}

function creatorFindings(text: string) {
  const { exitCode, findings } = checkManifest(text, CATALOG);
  return {
    exitCode,
    found: findings
      .filter((f) => f.detail === 'Cluster::creator-admin')
      .map((f) => ({
        rule: f.ruleId,
        level: f.level,
        resource: f.resource.name,
        pending: f.pending ?? false,
        message: f.message,
      })),
  };
}

const FIX =
  'Set AccessConfig.BootstrapClusterCreatorAdminPermissions to false and grant cluster administration through access ' +
  'entries to catalog identities.';
const OUTSIDE =
  'outside the catalog: no access entry of the change shows it, no catalog identity records it and no owner holds it';
const DEPLOYER = 'the IAM principal that deploys the change (a deployment role, or whoever runs the deployment)';

describe('an AWS::EKS::Cluster whose creator becomes its administrator, through the CLI', () => {
  it('reports the setting true at the cluster, blocking the change', () => {
    const { exitCode, found } = creatorFindings(
      template(
        '        AuthenticationMode: API_AND_CONFIG_MAP\n        BootstrapClusterCreatorAdminPermissions: true\n',
      ),
    );
    expect(exitCode).toBe(1);
    expect(found).toEqual([
      {
        rule: 'no-wildcard-privilege',
        level: 'mandatory',
        resource: 'Cluster',
        pending: false,
        message:
          `EKS cluster payments (Cluster) makes ${DEPLOYER} a cluster administrator because ` +
          'AccessConfig.BootstrapClusterCreatorAdminPermissions is true: EKS gives the IAM principal that creates the ' +
          'cluster an access entry with AmazonEKSClusterAdminPolicy (system:masters under the CONFIG_MAP ' +
          `authentication mode), Kubernetes cluster-admin ${OUTSIDE}. ${FIX}`,
      },
    ]);
  });

  it('passes a cluster that turns it off, written as a boolean or as CloudFormation’s string', () => {
    for (const value of ['false', '"false"'])
      expect(
        creatorFindings(
          template(`        AuthenticationMode: API\n        BootstrapClusterCreatorAdminPermissions: ${value}\n`),
        ),
      ).toEqual({ exitCode: 0, found: [] });
  });

  it('an AccessConfig without the setting is EKS’s default: reported', () => {
    expect(creatorFindings(template('        AuthenticationMode: API\n')).found.map((f) => f.message)).toEqual([
      `EKS cluster payments (Cluster) makes ${DEPLOYER} a cluster administrator because ` +
        'AccessConfig.BootstrapClusterCreatorAdminPermissions is not set and EKS defaults it to true: EKS gives the IAM ' +
        'principal that creates the cluster an access entry with AmazonEKSClusterAdminPolicy (system:masters under the ' +
        `CONFIG_MAP authentication mode), Kubernetes cluster-admin ${OUTSIDE}. ${FIX}`,
    ]);
  });

  it('a value only the deployment knows is pending, naming what could not be seen', () => {
    const { found } = creatorFindings(
      template(
        '        BootstrapClusterCreatorAdminPermissions: !Ref KeepCreatorAdmin\n',
        'Parameters:\n  KeepCreatorAdmin:\n    Type: String\n    AllowedValues: ["true", "false"]\n',
      ),
    );
    expect(found.map((f) => [f.level, f.pending])).toEqual([['mandatory', true]]);
    expect(found[0]?.message).toMatch(
      /^EKS cluster payments \(Cluster\) may make the IAM principal that deploys the change .* whether it does cannot be verified until apply \(.*KeepCreatorAdmin.*\)\. Set AccessConfig\.BootstrapClusterCreatorAdminPermissions to false/,
    );
  });
});
