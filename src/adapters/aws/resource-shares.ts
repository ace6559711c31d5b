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
 * through Cloud Control, principals and all.
 */

export interface ResourceShareFields {
  name: string;
  allowExternal: string;
  /** What AllowExternalPrincipals is where the resource leaves it out. */
  allowExternalByDefault: boolean;
  /** The principals and resources the share names itself, where it can (CloudFormation). */
  principals?: string;
  resources?: string;
  sources?: string;
}

export const RESOURCE_SHARES: Readonly<Record<string, ResourceShareFields>> = {
  'AWS::RAM::ResourceShare': {
    name: 'Name',
    allowExternal: 'AllowExternalPrincipals',
    allowExternalByDefault: true,
    principals: 'Principals',
    resources: 'ResourceArns',
    sources: 'Sources',
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
  },
  'aws:ram/resourceShare:ResourceShare': {
    name: 'name',
    allowExternal: 'allowExternalPrincipals',
    allowExternalByDefault: false,
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
