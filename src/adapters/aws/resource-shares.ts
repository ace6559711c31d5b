/**
 * AWS Resource Access Manager shares as each AWS front-end writes them (model.ts ResourceShare). CloudFormation writes a
 * share whole (`AWS::RAM::ResourceShare`: `Principals`, `ResourceArns`, `AllowExternalPrincipals`, `Sources`; its
 * AllowExternalPrincipals defaults to true, CfnResourceShareProps of aws-cdk-lib 2.276.0 and the CloudFormation
 * resource reference). The Pulumi AWS provider (@pulumi/aws 7.48.0's ram.ResourceShare, PrincipalAssociation,
 * ResourceAssociation) and the Terraform provider it is bridged from (aws_ram_resource_share,
 * aws_ram_principal_association, aws_ram_resource_association, through Pulumi's records) write the share without its
 * principals and resources, each added by an association naming the share by its ARN (`resourceShareArn`); their
 * `allowExternalPrincipals` defaults to false (the Terraform provider's schema default), and they cannot write source
 * accounts. CloudFormation has no association resources; Pulumi's aws-native provider writes CloudFormation's share
 * through Cloud Control, principals and all. Every one of them names the share's RAM permissions in the share
 * (`PermissionArns`, `permissionArns`, Terraform's `permission_arns`), each an ARN, and may create a customer managed
 * permission (`AWS::RAM::Permission`, `aws.ram.Permission`, `aws_ram_permission`) whose policy template (Effect, Action,
 * Condition; RAM fills in Principal and Resource) says what the share's principals may do.
 */
import { isUnknown, malformedValue, unknownValue, type PolicyValue, type Unknown } from '../../model/model.js';

export interface ResourceShareFields {
  name: string;
  allowExternal: string;
  /** What AllowExternalPrincipals is where the resource leaves it out. */
  allowExternalByDefault: boolean;
  /** The principals and resources the share names itself, where it can (CloudFormation). */
  principals?: string;
  resources?: string;
  sources?: string;
  /** The RAM permissions (ARNs) the share names. */
  permissions: string;
}

export const RESOURCE_SHARES: Readonly<Record<string, ResourceShareFields>> = {
  'AWS::RAM::ResourceShare': {
    name: 'Name',
    allowExternal: 'AllowExternalPrincipals',
    allowExternalByDefault: true,
    principals: 'Principals',
    resources: 'ResourceArns',
    sources: 'Sources',
    permissions: 'PermissionArns',
  },
  // Cloud Control's spelling of CloudFormation's resource (Pulumi aws-native ram.ResourceShare: `name`, `principals`,
  // `resourceArns`, `allowExternalPrincipals`, `sources`), with CloudFormation's default.
  'aws-native:ram:ResourceShare': {
    name: 'name',
    allowExternal: 'allowExternalPrincipals',
    allowExternalByDefault: true,
    principals: 'principals',
    resources: 'resourceArns',
    sources: 'sources',
    permissions: 'permissionArns',
  },
  'aws:ram/resourceShare:ResourceShare': {
    name: 'name',
    allowExternal: 'allowExternalPrincipals',
    allowExternalByDefault: false,
    permissions: 'permissionArns',
  },
};

/** Resources that add one principal or one resource to a share named by its ARN. */
export interface ShareAssociationFields {
  adds: 'principal' | 'resource';
  /** The property holding the principal or the resource's ARN. */
  value: string;
  share: string;
}

export const SHARE_ASSOCIATIONS: Readonly<Record<string, ShareAssociationFields>> = {
  'aws:ram/principalAssociation:PrincipalAssociation': {
    adds: 'principal',
    value: 'principal',
    share: 'resourceShareArn',
  },
  'aws:ram/resourceAssociation:ResourceAssociation': {
    adds: 'resource',
    value: 'resourceArn',
    share: 'resourceShareArn',
  },
};

/**
 * A resource that names every principal, resource and source account of a share by its ARN at once (@pulumi/aws
 * 7.48.0's ram.ResourceShareAssociationsExclusive, the Terraform provider's aws_ram_resource_share_associations_exclusive:
 * `principals`, `resourceArns`, `sources`, `resourceShareArn`), instead of one association each.
 */
export interface ShareExclusiveAssociationFields {
  principals: string;
  resources: string;
  sources: string;
  share: string;
}

export const SHARE_EXCLUSIVE_ASSOCIATIONS: Readonly<Record<string, ShareExclusiveAssociationFields>> = {
  'aws:ram/resourceShareAssociationsExclusive:ResourceShareAssociationsExclusive': {
    principals: 'principals',
    resources: 'resourceArns',
    sources: 'sources',
    share: 'resourceShareArn',
  },
};

/**
 * A resource that associates one RAM permission with a share named by its ARN (CloudFormation's
 * `AWS::RAM::PermissionAssociation`: `PermissionArn`, `ResourceShareArn`; `Replace` swaps the permission the share has
 * for the resource type, so either way the share's principals get what it allows).
 */
export const PERMISSION_ASSOCIATIONS: Readonly<Record<string, { permission: string; share: string }>> = {
  'AWS::RAM::PermissionAssociation': { permission: 'PermissionArn', share: 'ResourceShareArn' },
};

/** Customer managed RAM permissions: their name and their policy template (a JSON object, or its text in Pulumi's). */
export interface SharePermissionFields {
  name: string;
  policyTemplate: string;
}

export const SHARE_PERMISSIONS: Readonly<Record<string, SharePermissionFields>> = {
  'AWS::RAM::Permission': { name: 'Name', policyTemplate: 'PolicyTemplate' },
  'aws-native:ram:Permission': { name: 'name', policyTemplate: 'policyTemplate' },
  'aws:ram/permission:Permission': { name: 'name', policyTemplate: 'policyTemplate' },
};

/**
 * The actions a permission's policy template allows, each as written (a value known only at apply kept as it is); an
 * Unknown that says why where the template, or its Action, cannot be read. RAM takes one statement whose Effect must be
 * Allow, so a template of any other shape is read as unreadable rather than as allowing nothing.
 */
export function policyTemplateActions(template: unknown, what: string): PolicyValue[] | Unknown {
  if (isUnknown(template)) return template;
  let parsed: unknown = template;
  if (typeof template === 'string') {
    try {
      parsed = JSON.parse(template);
    } catch {
      return malformedValue(`${what} is not JSON`);
    }
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return parsed === undefined ? unknownValue(`${what} is not set`) : malformedValue(`${what} is not an object`);
  const record = parsed as Record<string, unknown>;
  if (isUnknown(record.Effect)) return record.Effect;
  // The CloudFormation reference writes ALLOW, the providers' examples Allow.
  if (typeof record.Effect !== 'string' || record.Effect.toLowerCase() !== 'allow')
    return malformedValue(`${what} has Effect ${JSON.stringify(record.Effect)}, not Allow`);
  const action = record.Action;
  if (isUnknown(action)) return action;
  const actions = typeof action === 'string' ? [action] : action;
  if (!Array.isArray(actions) || actions.length === 0) return malformedValue(`${what} names no Action`);
  return actions.map((item: unknown, index): PolicyValue =>
    typeof item === 'string' || isUnknown(item)
      ? item
      : malformedValue(`${what}.Action[${String(index)}] is not a string`),
  );
}
