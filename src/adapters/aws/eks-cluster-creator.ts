/**
 * An Amazon EKS cluster makes the IAM principal that creates it a cluster administrator unless its access
 * configuration says not to. Sources, whichever IaC writes the cluster:
 * - EKS API: CreateAccessConfigRequest.bootstrapClusterCreatorAdminPermissions, "Specifies whether or not the cluster
 *   creator IAM principal was set as a cluster admin access entry during cluster creation time. The default value is
 *   true" (Amazon EKS API Reference); the EKS User Guide's access entries page gives that entry the
 *   AmazonEKSClusterAdminPolicy, and under the CONFIG_MAP authentication mode the creator is system:masters without any
 *   aws-auth entry (EKS rejects false there: "bootstrapClusterCreatorAdminPermissions must be true if cluster
 *   authentication mode is set to CONFIG_MAP").
 * - CloudFormation `AWS::EKS::Cluster` `AccessConfig.BootstrapClusterCreatorAdminPermissions` (aws-cdk-lib 2.276.0
 *   aws-eks/lib/eks.generated.d.ts, CfnCluster.AccessConfigProperty); the creator is the principal that deploys the
 *   stack, CloudFormation's service role or the caller's credentials.
 * - aws-cdk-lib 2.276.0 aws-eks `Cluster` (`bootstrapClusterCreatorAdminPermissions`, "@default true", cluster.d.ts)
 *   renders a `Custom::AWSCDK-EKS-Cluster` whose `Config.accessConfig.bootstrapClusterCreatorAdminPermissions` carries
 *   it and whose `AssumeRoleArn` is the cluster's creation role (cluster-resource.js): the handler assumes that role to
 *   call CreateCluster, so it is the creator, and the CDK's kubectl handler acts as it on the cluster.
 * - Pulumi `aws.eks.Cluster` `accessConfig.bootstrapClusterCreatorAdminPermissions` ("Default is `true`", @pulumi/aws
 *   7.48.0 types/input.d.ts ClusterAccessConfig) and Terraform `aws_eks_cluster` `access_config`
 *   `bootstrap_cluster_creator_admin_permissions` (terraform-provider-aws internal/service/eks/cluster.go
 *   @00555dc5b38f92abbfa230badea0ed0754cea81e: `Default: true`; without the `access_config` block no AccessConfig is
 *   sent and the API's default applies). Provider releases of 2024 sent false for a block that left it out
 *   (hashicorp/terraform-provider-aws#36259, pulumi/pulumi-aws#3997): read as the current providers do, so a plan
 *   written by such a release may be reported where it grants nothing.
 * terraform-aws-modules/eks's `enable_cluster_creator_admin_permissions` writes an access entry for the caller
 * instead, which the access entry's own reading judges.
 */
import { hasOwnValue, hasResourceValue } from '../../model/deployment.js';
import {
  isUnknown,
  unknownValue,
  type ClusterCreatorAdmin,
  type EksClusterAuthentication,
  type Maybe,
  type ResourceRef,
} from '../../model/model.js';
import { describeValue, isKnownRecord } from '../../util/records.js';

export interface ClusterAccessConfig {
  source: ResourceRef;
  /** The cluster's name as written (a string, an Unknown, or undefined where the IaC names it). */
  name: unknown;
  /** The access configuration object as written (undefined where left out). */
  accessConfig: unknown;
  /** The key of the setting in it: `BootstrapClusterCreatorAdminPermissions`, `bootstrapClusterCreatorAdminPermissions`. */
  key: string;
  /** The setting's full name in the front-end's words, for the message. */
  setting: string;
  /** The ARN of the change's role that creates the cluster, where the IaC names one (CDK's creation role). */
  creatorArn?: unknown;
  /** The key of the authentication mode in the access configuration: `AuthenticationMode`, `authenticationMode`. */
  modeKey: string;
}

/**
 * The cluster's authentication mode (Model.eksClusters): whether it reads the aws-auth ConfigMap. Sources: the EKS API's
 * CreateAccessConfigRequest.authenticationMode (`API`, `API_AND_CONFIG_MAP`, `CONFIG_MAP`; a cluster created without
 * it is `CONFIG_MAP`, and so is one whose access configuration leaves the mode out), CloudFormation
 * `AccessConfig.AuthenticationMode`, the CDK's `Config.accessConfig.authenticationMode` (aws-eks `authenticationMode`),
 * Pulumi `accessConfig.authenticationMode`, Terraform `access_config.authentication_mode` (a block left out of the
 * configuration is computed at apply, where EKS's default applies). What is not a string (an Unknown, an object) is
 * kept as an Unknown: rules/support/eks-platform.ts reads anything but `API` as a cluster that reads aws-auth.
 */
export function clusterAuthentication(cluster: ClusterAccessConfig): EksClusterAuthentication {
  const { source, accessConfig, modeKey } = cluster;
  return { source, cluster: clusterName(cluster), mode: authenticationMode(accessConfig, modeKey, source.name) };
}

function authenticationMode(accessConfig: unknown, key: string, resource: string): Maybe<string> {
  if (accessConfig === undefined || accessConfig === null) return 'default';
  if (isUnknown(accessConfig)) return accessConfig;
  if (!isKnownRecord(accessConfig))
    return unknownValue(`${resource}'s access configuration is not an object (${describeValue(accessConfig)})`);
  const value = accessConfig[key];
  if (value === undefined || value === null) return 'default';
  if (typeof value === 'string' || isUnknown(value)) return value;
  return unknownValue(`${resource}'s ${key} is not a string (${describeValue(value)})`);
}

/** Whether the IaC writes the cluster's name as a literal, which EKS keeps unique in its account and Region. */
function literalName(name: unknown): name is string {
  return typeof name === 'string' && name !== '' && !hasOwnValue(name) && !hasResourceValue(name);
}

function clusterName({ name, source }: ClusterAccessConfig): string {
  return literalName(name) ? name : source.name;
}

/** The cluster's creator admin, or undefined where the access configuration turns it off. */
export function clusterCreatorAdmin(cluster: ClusterAccessConfig): ClusterCreatorAdmin | undefined {
  const reason = creatorAdminReason(cluster);
  if (reason === undefined) return undefined;
  const { source, name, setting, creatorArn } = cluster;
  return {
    // An EKS cluster's name is unique in its account and Region: an exception may name it, as a policy's name.
    source: literalName(name) ? { ...source, physicalName: name } : source,
    cluster: clusterName(cluster),
    setting,
    reason,
    ...(typeof creatorArn === 'string' ? { creatorArn } : {}),
  };
}

function creatorAdminReason({ accessConfig, key }: ClusterAccessConfig): ClusterCreatorAdmin['reason'] | undefined {
  if (accessConfig === undefined || accessConfig === null) return { kind: 'unset' };
  if (isUnknown(accessConfig)) return { kind: 'pending', what: accessConfig.description };
  if (!isKnownRecord(accessConfig))
    return { kind: 'pending', what: `the access configuration is not an object (${describeValue(accessConfig)})` };
  const value = accessConfig[key];
  if (value === undefined || value === null) return { kind: 'unset' };
  if (isUnknown(value)) return { kind: 'pending', what: value.description };
  // CloudFormation takes a boolean written as a string too.
  if (value === true || value === 'true') return { kind: 'true' };
  if (value === false || value === 'false') return undefined;
  return { kind: 'pending', what: `${key} is not a boolean (${describeValue(value)})` };
}
