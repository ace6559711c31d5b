import { COMPUTE_ROLES, EACH, type PathStep } from '../aws/compute-roles.js';
import { awsNativePath, awsNativeProperty, awsNativeType } from './aws-native-names.js';
import {
  AWS_NATIVE_LAMBDA_PERMISSIONS,
  AWS_NATIVE_NESTED_RESOURCE_POLICIES,
  AWS_NATIVE_PRINCIPAL_GRANTS,
  AWS_NATIVE_RESOURCE_POLICIES,
  AWS_NATIVE_STATEMENT_POLICIES,
  type AwsNativeNestedResourcePolicy,
} from './aws-native-resource-policies.js';
import { externalIdentity, externalUser, grantGroupPoliciesToMembers, iamArn } from '../aws/identities.js';
import { rotationDays } from '../aws/rotation.js';
import { secretNamesOf } from '../aws/secret-names.js';
import { parsePolicyDocument } from '../../iam/aws/document.js';
import {
  booleanProperty,
  emptyModel,
  isEncryptedValue,
  isUnknown,
  unknownValue,
  type AwsManagedPolicyGrant,
  type AwsPolicyGrant,
  type ComputeAttachment,
  type Identity,
  type IdentityKind,
  type IdentityPool,
  type Model,
  type PodIdentityWorkload,
  type ResourceRef,
  type Secret,
  type SecretPolicy,
  type Unknown,
  type PolicyValue,
  type Maybe,
} from '../../model/model.js';
import {
  customerPolicyReference,
  IDENTITY_SHAPES,
  identityFrom,
  managedPolicyGrant,
  memberAccountRoleFrom,
  PERMISSION_SET_TYPES,
  permissionSetBoundary,
  permissionSetFrom,
} from './identities.js';
import { describeUrn, resourceRef, revealUnknowns, type PulumiResource } from './resource.js';
import { addResourcePolicyGrants, asModelPolicy, type ResourcePolicy } from '../../iam/aws/resource-policy-grants.js';
import { resourceValue } from '../../model/deployment.js';
import {
  accountResourcesArn,
  attachedArnOf,
  functionArnOf,
  KMS_GRANTS,
  kmsGrantDocument,
  LAMBDA_PERMISSIONS,
  lambdaPermissionDocument,
  openSearchServerlessAccessDocument,
  PRINCIPAL_GRANTS,
  principalGrantDocument,
  PULUMI_RESOURCE_POLICIES,
  type KmsGrantFields,
  type PrincipalGrantFields,
  type NamedBy,
  type PermissionStatement,
  type ResourcePolicyType,
  type StatementPolicyType,
} from '../aws/resource-policies.js';
import { mustGet } from '../../util/must.js';
import { addEksAccess } from '../aws/eks-access.js';
import {
  PULUMI_EKS_ACCESS_ENTRY,
  PULUMI_EKS_ACCESS_POLICY_ASSOCIATION,
  PULUMI_EKS_CLUSTER,
  pulumiClusterAccessConfig,
  pulumiEksAccess,
} from './eks-access.js';
import { clusterAuthentication, clusterCreatorAdmin } from '../aws/eks-cluster-creator.js';
import { POD_IDENTITY_WORKLOAD_PROPERTIES, podIdentityWorkload, unseenPodIdentityRole } from '../aws/pod-identity.js';
import { describeValue, isKnownRecord, lookupTable } from '../../util/records.js';
import { items, knownString, sessionSeconds, tagsOf } from './values.js';
import { rolesAnywhereCredential, settleRolesAnywhere } from '../../iam/aws/roles-anywhere.js';
import { bucketsWithoutAcls } from './s3-buckets.js';
import { RESOURCE_SHARE_TYPES, resourceSharesOf } from './resource-shares.js';

/** A resource with its properties read (unknowns revealed) and how findings name it. */
interface Entry {
  resource: PulumiResource;
  props: Record<string, unknown>;
  ref: ResourceRef;
}

type Linker = (builder: ModelBuilder, entry: Entry) => void;

/** The holder property and kind of a policy or attachment type that names one identity. */
type SingleHolder = readonly [property: string, kind: IdentityKind];
const ROLE_HOLDER: SingleHolder = ['role', 'aws-role'];
const USER_HOLDER: SingleHolder = ['user', 'aws-user'];
const GROUP_HOLDER: SingleHolder = ['group', 'aws-group'];
/** linkPermissionSet's option for a resource that puts a policy on the set: judged on what it adds, wherever the set is. */
const GRANTS = { grants: true } as const;

interface CredentialLink {
  property: string;
  kind:
    | 'aws-access-key'
    | 'aws-login-profile'
    | 'aws-service-specific-credential'
    | 'aws-ssh-public-key'
    | 'aws-signing-certificate';
}

/** A property (`path`, nested; `json`: its first property a JSON string) naming the role compute runs as. */
interface ComputeLink {
  path: readonly PathStep[];
  kind: ComputeAttachment['kind'];
  json?: true;
  /** The property holding the compute's own name (COMPUTE_ROLES `named`). */
  named?: string;
}

const CREDENTIALS: Record<string, CredentialLink> = {
  'aws:iam/accessKey:AccessKey': { property: 'user', kind: 'aws-access-key' },
  'aws:iam/userLoginProfile:UserLoginProfile': { property: 'user', kind: 'aws-login-profile' },
  'aws:iam/serviceSpecificCredential:ServiceSpecificCredential': {
    property: 'userName',
    kind: 'aws-service-specific-credential',
  },
  // The user's SSH public key (CodeCommit) and signing certificate: `username` and `userName` as @pulumi/aws 7.48.0
  // iam/sshKey.d.ts and iam/signingCertificate.d.ts spell them (Terraform's `username` and `user_name`).
  'aws:iam/sshKey:SshKey': { property: 'username', kind: 'aws-ssh-public-key' },
  'aws:iam/signingCertificate:SigningCertificate': { property: 'userName', kind: 'aws-signing-certificate' },
};

/**
 * Compute by type: an instance profile's role, and the roles of COMPUTE_ROLES, in the table's order: through the
 * aws provider's spelling, and through aws-native's, which is CloudFormation's resource (through Cloud Control) in its
 * own naming (aws-native-names.ts).
 */
const COMPUTE: Record<string, ComputeLink[]> = lookupTable({
  'aws:iam/instanceProfile:InstanceProfile': [{ path: ['role'], kind: 'instance-profile' }],
  'aws-native:iam:InstanceProfile': [{ path: ['roles', EACH], kind: 'instance-profile' }],
});
for (const { pulumi, kind, named } of COMPUTE_ROLES)
  if (pulumi)
    (COMPUTE[pulumi.type] ??= []).push({
      path: pulumi.path,
      kind,
      ...(pulumi.json ? { json: true as const } : {}),
      ...(named ? { named: named.pulumi } : {}),
    });
for (const { cloudFormation, kind, named } of COMPUTE_ROLES) {
  const type = cloudFormation && awsNativeType(cloudFormation.type);
  if (!cloudFormation || !type) continue;
  (COMPUTE[type] ??= []).push({
    path: awsNativePath(cloudFormation.type, cloudFormation.path),
    kind,
    ...(named ? { named: awsNativeProperty(named.cloudFormation) } : {}),
  });
}

const LINKERS: Record<string, Linker> = lookupTable({
  // Amazon Cognito identity pools and the roles their attachments give unauthenticated (guest) identities
  // (@pulumi/aws 7.48.0 cognito: IdentityPool `allowUnauthenticatedIdentities`, IdentityPoolRoleAttachment
  // `identityPoolId` and `roles`, a map whose key `unauthenticated` holds the guests' role ARN).
  'aws:cognito/identityPool:IdentityPool': (b, e) => {
    b.addIdentityPool(e);
  },
  'aws:cognito/identityPoolRoleAttachment:IdentityPoolRoleAttachment': (b, e) => {
    b.linkIdentityPoolRoles(e);
  },
  // IAM Roles Anywhere (@pulumi/aws 7.48.0 rolesanywhere.Profile `roleArns`, `durationSeconds`): the roles hold the
  // certificate credential the profile vends their sessions through (iam/aws/roles-anywhere.ts). Its
  // `managedPolicyArns` and `sessionPolicy` only narrow those sessions, so they are not read as grants.
  'aws:rolesanywhere/profile:Profile': (b, e) => {
    b.linkRolesAnywhereProfile(e);
  },
  'aws:iam/role:Role': (b, e) => {
    b.linkManagedPolicyArns(e, b.identityOf(e));
  },
  'aws-native:iam:Role': (b, e) => {
    b.linkManagedPolicyArns(e, b.identityOf(e));
  },
  'aws:iam/rolePolicy:RolePolicy': (b, e) => {
    b.linkInlinePolicy(e, ROLE_HOLDER);
  },
  'aws:iam/userPolicy:UserPolicy': (b, e) => {
    b.linkInlinePolicy(e, USER_HOLDER);
  },
  'aws:iam/groupPolicy:GroupPolicy': (b, e) => {
    b.linkInlinePolicy(e, GROUP_HOLDER);
  },
  'aws:iam/rolePolicyAttachment:RolePolicyAttachment': (b, e) => {
    b.linkAttachment(e, ROLE_HOLDER);
  },
  'aws:iam/userPolicyAttachment:UserPolicyAttachment': (b, e) => {
    b.linkAttachment(e, USER_HOLDER);
  },
  'aws:iam/groupPolicyAttachment:GroupPolicyAttachment': (b, e) => {
    b.linkAttachment(e, GROUP_HOLDER);
  },
  // Each policy in `policyArns` that the holder does not have is attached (terraform-provider-aws 20e0a28a,
  // internal/service/iam/role_policy_attachments_exclusive.go syncAttachments, and its user and group twins): a
  // RolePolicyAttachment for each, besides detaching the others.
  'aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive': (b, e) => {
    b.linkExclusiveAttachments(e, ['roleName', 'aws-role']);
  },
  'aws:iam/userPolicyAttachmentsExclusive:UserPolicyAttachmentsExclusive': (b, e) => {
    b.linkExclusiveAttachments(e, ['userName', 'aws-user']);
  },
  'aws:iam/groupPolicyAttachmentsExclusive:GroupPolicyAttachmentsExclusive': (b, e) => {
    b.linkExclusiveAttachments(e, ['groupName', 'aws-group']);
  },
  'aws:iam/policyAttachment:PolicyAttachment': (b, e) => {
    const grants = b.policyGrants(e, 'policyArn', e.props.policyArn);
    for (const [property, kind] of [
      ['roles', 'aws-role'],
      ['users', 'aws-user'],
      ['groups', 'aws-group'],
    ] as const) {
      for (const holder of b.findIdentities(e, property, kind, { external: true }))
        for (const grant of grants) b.hold(holder, grant);
    }
  },
  'aws:iam/userGroupMembership:UserGroupMembership': (b, e) => {
    const [user] = b.findIdentities(e, 'user', 'aws-user');
    if (!user) return;
    const groups = b.findIdentities(e, 'groups', 'aws-group');
    for (const group of groups) b.addToGroup(user, group);
    for (const outside of b.outsideIdentities(e, 'groups', 'aws-group', groups)) b.addToOutsideGroup(user, outside, e);
  },
  'aws:iam/groupMembership:GroupMembership': (b, e) => {
    const found = b.findIdentities(e, 'group', 'aws-group');
    const users = b.findIdentities(e, 'users', 'aws-user');
    const [group] = found;
    if (group) for (const user of users) b.addToGroup(user, group);
    for (const outside of b.outsideIdentities(e, 'group', 'aws-group', found))
      for (const user of users) b.addToOutsideGroup(user, outside, e);
  },
  // IAM Identity Center: each policy a resource puts on a permission set of the stack is that set's, as CloudFormation's
  // AWS::SSO::PermissionSet holds them itself (@pulumi/aws 7.48.0 ssoadmin: `permissionSetArn` on each; the exclusive
  // attachments attach every policy they list, besides detaching the others). One on a set the stack does not create,
  // and an account assignment of one, hand out what the check cannot see (linkPermissionSet); the policies those put on
  // it are still judged on what they add (GRANTS).
  'aws:ssoadmin/permissionSetInlinePolicy:PermissionSetInlinePolicy': (b, e) => {
    b.linkPermissionSet(
      e,
      (set) => {
        b.hold(set, {
          kind: 'aws-policy',
          source: e.ref,
          policyName: 'InlinePolicy',
          document: parsePolicyDocument(e.props.inlinePolicy),
        });
      },
      GRANTS,
    );
  },
  'aws:ssoadmin/managedPolicyAttachment:ManagedPolicyAttachment': (b, e) => {
    b.linkPermissionSet(
      e,
      (set) => {
        b.hold(set, managedPolicyGrant(e.ref, e.props.managedPolicyArn, `${e.ref.name}.managedPolicyArn`));
      },
      GRANTS,
    );
  },
  'aws:ssoadmin/managedPolicyAttachmentsExclusive:ManagedPolicyAttachmentsExclusive': (b, e) => {
    b.linkPermissionSet(
      e,
      (set) => {
        const arns = e.props.managedPolicyArns;
        for (const arn of items(arns)) b.hold(set, managedPolicyGrant(e.ref, arn, `${e.ref.name}.managedPolicyArns`));
      },
      GRANTS,
    );
  },
  'aws:ssoadmin/customerManagedPolicyAttachment:CustomerManagedPolicyAttachment': (b, e) => {
    b.linkPermissionSet(
      e,
      (set) => {
        const arn = customerPolicyReference(e.props.customerManagedPolicyReference, e.ref);
        b.hold(set, { kind: 'aws-managed-policy', source: e.ref, arn });
      },
      GRANTS,
    );
  },
  'aws:ssoadmin/customerManagedPolicyAttachmentsExclusive:CustomerManagedPolicyAttachmentsExclusive': (b, e) => {
    b.linkPermissionSet(
      e,
      (set) => {
        const references = e.props.customerManagedPolicyReferences;
        for (const reference of items(references))
          b.hold(set, { kind: 'aws-managed-policy', source: e.ref, arn: customerPolicyReference(reference, e.ref) });
      },
      GRANTS,
    );
  },
  'aws:ssoadmin/permissionsBoundaryAttachment:PermissionsBoundaryAttachment': (b, e) => {
    b.linkPermissionSet(e, (set) => {
      set.permissionsBoundary = permissionSetBoundary(e.props.permissionsBoundary, e.ref);
    });
  },
  // An assignment hands a user or group what the set holds, which the rules judge on the set.
  'aws:ssoadmin/accountAssignment:AccountAssignment': (b, e) => {
    b.linkPermissionSet(e, () => undefined);
  },
  'aws-native:sso:Assignment': (b, e) => {
    b.linkPermissionSet(e, () => undefined);
  },
  'aws:cloudwatch/eventRule:EventRule': (b, e) => {
    b.addMonitor(e, 'event-rule', e.props.eventPattern);
  },
  'aws:cloudwatch/logMetricFilter:LogMetricFilter': (b, e) => {
    b.addMonitor(e, 'metric-filter', e.props.pattern);
  },
  'aws:secretsmanager/secretVersion:SecretVersion': (b, e) => {
    const secret = b.findSecret(e, 'secretId');
    // A string set by the program (a literal or stack config); a value computed from another resource (a generated password) is not.
    // A stack export encrypts it (the provider marks secretString secret) but keeps its dependencies: read the same way.
    const value = e.props.secretString;
    const fromProgram =
      (typeof value === 'string' || isEncryptedValue(value)) &&
      !(e.resource.propertyDependencies?.secretString?.length ?? 0);
    if (secret && fromProgram) secret.valueInProgram = true;
  },
  'aws:secretsmanager/secretPolicy:SecretPolicy': (b, e) => {
    b.linkSecretPolicy(e, 'secretArn', 'policy');
  },
  // AWS Cloud Control's AWS::SecretsManager::ResourcePolicy: the same policy, named as CloudFormation names it.
  'aws-native:secretsmanager:ResourcePolicy': (b, e) => {
    b.linkSecretPolicy(e, 'secretId', 'resourcePolicy');
  },
  'aws:secretsmanager/secretRotation:SecretRotation': (b, e) => {
    const secret = b.findSecret(e, 'secretId');
    if (!secret) return;
    // Without a function only a secret another service manages rotates (managed rotation: an RDS instance's own master
    // password, which is no aws.secretsmanager.Secret of a program), so this rotation rotates the secret never.
    const lambda = e.props.rotationLambdaArn;
    if (lambda === undefined || lambda === null || lambda === '') {
      secret.rotationAdvice = `the rotation function ${e.ref.name}.rotationLambdaArn, which is not set (the rotation rotates nothing), with ${e.ref.name}.rotationRules`;
      secret.rotationSource = e.ref;
      return;
    }
    secret.rotationDays = rotationDays(cloudFormationRules(e.props.rotationRules));
    secret.rotationSource = e.ref;
  },
});

// EKS access: Kubernetes grants to the principal, given to the stack's identity of that ARN once models are merged.
for (const type of [PULUMI_EKS_ACCESS_ENTRY, PULUMI_EKS_ACCESS_POLICY_ASSOCIATION])
  LINKERS[type] = (b, e) => {
    b.addEksAccess(e);
  };
// A cluster whose creator (the provider's credentials) becomes its administrator, and whose authentication mode says
// whether it reads aws-auth, after the type's own linker (its role).
const eksClusterLinker = LINKERS[PULUMI_EKS_CLUSTER];
LINKERS[PULUMI_EKS_CLUSTER] = (b, e) => {
  eksClusterLinker?.(b, e);
  b.addEksCluster(e);
};
// Resource policies in the aws provider's spelling and in aws-native's (CloudFormation's tables renamed:
// aws-native-resource-policies.ts), after the type's own linker (a secret's resource policy is its trust too).
for (const [type, policyType] of [
  ...Object.entries(PULUMI_RESOURCE_POLICIES),
  ...Object.entries(AWS_NATIVE_RESOURCE_POLICIES),
]) {
  const own = LINKERS[type];
  LINKERS[type] = (b, e) => {
    own?.(b, e);
    b.addResourcePolicy(e, policyType);
  };
}
for (const [type, nested] of Object.entries(AWS_NATIVE_NESTED_RESOURCE_POLICIES)) {
  const own = LINKERS[type];
  LINKERS[type] = (b, e) => {
    own?.(b, e);
    for (const policy of nested) b.addNestedResourcePolicy(e, policy);
  };
}
for (const [type, statementType] of Object.entries(AWS_NATIVE_STATEMENT_POLICIES))
  LINKERS[type] = (b, e) => {
    b.addStatementPolicy(e, statementType);
  };
const LAMBDA_PERMISSION = 'aws:lambda/permission:Permission';
for (const [type, permissionFields] of [
  [LAMBDA_PERMISSION, LAMBDA_PERMISSIONS[LAMBDA_PERMISSION]] as const,
  ...Object.entries(AWS_NATIVE_LAMBDA_PERMISSIONS),
])
  if (permissionFields)
    LINKERS[type] = (b, e) => {
      b.addLambdaPermission(e, permissionFields);
    };
for (const [type, fields] of Object.entries(KMS_GRANTS))
  LINKERS[type] = (b, e) => {
    b.addKmsGrant(e, fields);
  };
for (const [type, fields] of [...Object.entries(PRINCIPAL_GRANTS), ...Object.entries(AWS_NATIVE_PRINCIPAL_GRANTS)])
  if (!type.startsWith('AWS::')) {
    const own = LINKERS[type];
    LINKERS[type] = (b, e) => {
      own?.(b, e);
      b.addPrincipalGrant(e, fields);
    };
  }
for (const [type, credential] of Object.entries(CREDENTIALS))
  LINKERS[type] = (b, e) => {
    b.linkCredential(e, credential);
  };
// After the type's own linker (an event rule is a monitor too).
for (const [type, computes] of Object.entries(COMPUTE)) {
  const own = LINKERS[type];
  LINKERS[type] = (b, e) => {
    own?.(b, e);
    for (const compute of computes) b.linkCompute(e, compute);
  };
}

/**
 * Builds the normalized model from Pulumi AWS resources (the records a stack policy sees). Identities, secrets
 * and policies come first; then every resource that links to them is applied; users finally receive their
 * groups' grants. A link follows the value the program set (a name or an ARN) and, when that value is unknown
 * in preview, the property's dependencies (`role: role.name` depends on the role's URN). An access key for a
 * user the stack does not create is attached to a synthetic `aws-user` (id `external-user:<name>`).
 */
export function modelFromAwsResources(resources: readonly PulumiResource[]): Model {
  const model = new ModelBuilder(resources).build();
  const aclFree = bucketsWithoutAcls(resources);
  if (aclFree.length > 0) model.bucketsWithoutAcls = aclFree;
  return model;
}

/** A member account of an organization: AWS creates an administrator role in it (memberAccountRoleFrom). */
const MEMBER_ACCOUNT = 'aws:organizations/account:Account';

/** What a Pulumi program adds to rotate a secret. */
export const ROTATION_ADVICE = 'an aws.secretsmanager.SecretRotation';

/** Types the adapter reads; everything else in a stack is ignored. */
export const PULUMI_AWS_TYPES: readonly string[] = [
  ...Object.keys(IDENTITY_SHAPES),
  ...PERMISSION_SET_TYPES,
  'aws:iam/policy:Policy',
  'aws:secretsmanager/secret:Secret',
  MEMBER_ACCOUNT,
  ...RESOURCE_SHARE_TYPES,
  ...Object.keys(LINKERS),
].filter((type, index, all) => all.indexOf(type) === index);

class ModelBuilder {
  private readonly externalReferences: NonNullable<Model['externalReferences']> = [];
  private readonly model: Model = { ...emptyModel(), externalReferences: this.externalReferences };
  private readonly entries: Entry[];
  private readonly identities = new Map<string, Identity>();
  /** Lookups by what programs pass around (a name, an ARN), so linking stays linear in the size of the stack. */
  private readonly identitiesByName = new Map<string, Identity[]>();
  private readonly identitiesByArn = new Map<string, Identity>();
  private readonly secrets = new Map<string, Secret>();
  private readonly secretsByName = new Map<string, Secret>();
  /** `aws:iam/policy:Policy` grants by URN, with whether anyone in the stack holds them. */
  private readonly policies = new Map<string, { grant: AwsPolicyGrant; name: string; held: boolean }>();
  private readonly policiesByName = new Map<string, { grant: AwsPolicyGrant; name: string; held: boolean }[]>();
  /** Bucket, key, queue and topic policies, granted to the identities they name once every identity is known. */
  private readonly resourcePolicies: ResourcePolicy[] = [];
  /** Identity pools by URN, and the role attachments joined to them once every resource is linked. */
  private readonly identityPools = new Map<string, IdentityPool>();
  private readonly poolRoleAttachments: { entry: Entry; roles: Identity[]; perhaps: boolean }[] = [];

  constructor(resources: readonly PulumiResource[]) {
    const known = new Set(PULUMI_AWS_TYPES);
    this.entries = resources
      .filter((resource) => known.has(resource.type))
      .map((resource) => ({ resource, props: revealUnknowns(resource, describeUrn), ref: resourceRef(resource) }));
  }

  /** An event rule or metric filter: break-glass-isolation reads whether it names an identity. */
  addMonitor(e: Entry, kind: 'event-rule' | 'metric-filter', value: unknown): void {
    if (value === undefined) return;
    const pattern =
      typeof value === 'string'
        ? value
        : JSON.stringify(value, (_key, item: unknown) => (isUnknown(item) ? item.description : item));
    (this.model.monitors ??= []).push({ kind, source: e.ref, pattern });
  }

  build(): Model {
    for (const entry of this.entries) {
      const shape = IDENTITY_SHAPES[entry.resource.type];
      if (shape) this.addIdentity(identityFrom(shape, entry.ref, entry.props));
      else if (entry.resource.type === 'aws:iam/policy:Policy') this.addPolicy(entry);
      else if (entry.resource.type === 'aws:secretsmanager/secret:Secret') this.addSecret(entry);
      else if (entry.resource.type === MEMBER_ACCOUNT) this.addIdentity(memberAccountRoleFrom(entry.ref, entry.props));
      else if (PERMISSION_SET_TYPES.has(entry.resource.type))
        this.addIdentity(permissionSetFrom(entry.ref, entry.props));
    }
    for (const entry of this.entries) LINKERS[entry.resource.type]?.(this, entry);
    this.joinIdentityPools();
    settleRolesAnywhere(this.model);
    for (const secret of this.model.secrets) dropRepeatedOwnPolicy(secret);
    for (const { grant, held } of this.policies.values()) if (!held) this.model.unattachedPolicies.push(grant);
    grantGroupPoliciesToMembers(this.model.identities, (id) => this.identities.get(id));
    if (this.externalReferences.length === 0) delete this.model.externalReferences;
    const accountIds = ownAccountIds(this.model.identities);
    if (accountIds.length > 0) this.model.accountIds = accountIds;
    const resourcePolicies = withoutRepeatedOwnPolicies(this.resourcePolicies);
    addResourcePolicyGrants(this.model.identities, resourcePolicies, accountIds);
    if (resourcePolicies.length > 0) this.model.resourcePolicies = resourcePolicies.map(asModelPolicy);
    const resourceShares = resourceSharesOf(this.entries);
    if (resourceShares.length > 0) this.model.resourceShares = resourceShares;
    return this.model;
  }

  /** A Roles Anywhere profile: each role it names (by ARN, or through the dependencies of `roleArns`) holds its credential. */
  linkRolesAnywhereProfile(entry: Entry): void {
    const raw = entry.props.durationSeconds;
    const duration =
      raw === undefined || raw === null ? undefined : sessionSeconds(raw, `${entry.ref.name}.durationSeconds`);
    for (const role of this.findIdentities(entry, 'roleArns', 'aws-role'))
      role.credentials.push(rolesAnywhereCredential(entry.ref, duration));
  }

  /** An identity pool: its id (known once it exists, else as every adapter renders it) and whether it allows guests. */
  addIdentityPool(entry: Entry): void {
    this.identityPools.set(entry.resource.urn, {
      source: entry.ref,
      id: knownString(entry.props.id) ?? resourceValue(entry.ref.name),
      allowsGuests: booleanProperty(entry.props.allowUnauthenticatedIdentities) ?? false,
      guestRoles: [],
    });
  }

  /**
   * A role attachment's role for unauthenticated identities (`roles.unauthenticated`): the stack's role of that ARN,
   * or, unknown in preview, the roles the `roles` map depends on (restrict-trust holds each to whether its trust accepts
   * guest tokens, so an authenticated role among them, whose trust requires amr "authenticated", is not reported).
   */
  linkIdentityPoolRoles(entry: Entry): void {
    const roles = entry.props.roles;
    if (!isKnownRecord(roles) || roles.unauthenticated === undefined) return;
    const found = this.findIdentities(entry, 'roles', 'aws-role', { value: roles.unauthenticated });
    // Found through the dependencies of a map with other roles: any of them may be the guests' one.
    const perhaps = typeof roles.unauthenticated !== 'string' && Object.keys(roles).length > 1;
    if (found.length > 0) this.poolRoleAttachments.push({ entry, roles: found, perhaps });
  }

  /** Each attachment on its pool: the one `identityPoolId` names or depends on; else an entry of its own (outside). */
  private joinIdentityPools(): void {
    for (const { entry, roles, perhaps } of this.poolRoleAttachments) {
      const poolId = entry.props.identityPoolId;
      const pool =
        this.dependencies(entry, 'identityPoolId', (urn) => this.identityPools.get(urn))[0] ??
        [...this.identityPools.values()].find((candidate) => typeof poolId === 'string' && candidate.id === poolId);
      const guestRoles = roles.map((role) => ({
        identity: role.id,
        source: entry.ref,
        ...(perhaps ? { perhaps: true as const } : {}),
      }));
      if (pool) pool.guestRoles.push(...guestRoles);
      else
        this.identityPools.set(entry.resource.urn, {
          source: entry.ref,
          id:
            isUnknown(poolId) || typeof poolId === 'string' ? poolId : unknownValue(`${entry.ref.name}.identityPoolId`),
          allowsGuests: unknownValue('a setting of an identity pool the stack does not create'),
          guestRoles,
          outside: true,
        });
    }
    if (this.identityPools.size > 0) this.model.identityPools = [...this.identityPools.values()];
  }

  identityOf(entry: Entry): Identity {
    return mustGet(this.identities, entry.resource.urn, 'the Pulumi AWS adapter (an identity resource)');
  }

  /**
   * The identities a property names: each known item by name or ARN, then, for items unknown in preview (or
   * names the stack does not create), the property's dependencies of the right kind. What stays unresolved is
   * recorded as an external reference.
   */
  findIdentities(
    entry: Entry,
    property: string,
    kind: IdentityKind,
    options: { external?: boolean; value?: unknown } = {},
  ): Identity[] {
    const found: Identity[] = [];
    let unresolved: unknown[] = [];
    for (const item of items('value' in options ? options.value : entry.props[property])) {
      const match = typeof item === 'string' ? this.identityByReference(item, kind) : undefined;
      if (match) found.push(match);
      else unresolved.push(item);
    }
    if (unresolved.length > 0) {
      const dependencies = this.dependencies(entry, property, (urn) => this.identities.get(urn)).filter(
        (identity) => identity.kind === kind && !found.includes(identity),
      );
      found.push(...dependencies);
      if (dependencies.length > 0) unresolved = [];
    }
    for (const item of unresolved) {
      this.externalReferences.push({
        identity: entry.resource.urn,
        reference: isUnknown(item) ? item.description : describeValue(item),
      });
      // A grant to a role, user or group the program does not create: judged on what it adds, at the granting resource.
      // One named only at apply (a data source or another stack's output) too: read as no holder, its grant was dropped.
      const external = !options.external
        ? undefined
        : typeof item === 'string'
          ? this.externalIdentity(entry, kind, item)
          : isUnknown(item)
            ? this.unknownHolder(entry, property, kind, item)
            : undefined;
      if (external) found.push(external);
    }
    return found;
  }

  private externalIdentity(entry: Entry, kind: IdentityKind, reference: string): Identity | undefined {
    const external = externalIdentity(entry.ref.stack ?? '', kind, reference, entry.ref);
    if (!external) return undefined;
    const existing = this.identities.get(external.id);
    if (existing) return existing;
    this.addIdentity(external);
    return external;
  }

  /**
   * The holder a granting resource names by a value known only at apply that no identity of the change explains: an
   * external identity named after the resource and property (`aws_iam_role_policy_attachment.admin.role`), with the
   * unknown as its ARN. No catalog entry or exception can name it, so what it is granted is judged as granted to a
   * non-human, until the plan names it.
   */
  private unknownHolder(entry: Entry, property: string, kind: IdentityKind, value: Unknown): Identity {
    const name = `${entry.ref.name}.${property}`;
    const id = `${entry.ref.stack ?? ''}/unknown-${kind}:${name}`;
    const existing = this.identities.get(id);
    if (existing) return existing;
    const identity: Identity = {
      id,
      cloud: 'aws',
      kind,
      name,
      resource: entry.ref,
      external: true,
      arn: value,
      tags: {},
      grants: [],
      credentials: [],
      attachments: [],
    };
    this.addIdentity(identity);
    return identity;
  }

  findSecret(entry: Entry, property: string): Secret | undefined {
    const value = entry.props[property];
    const byValue =
      typeof value === 'string'
        ? secretNamesOf(value)
            .map((name) => this.secretsByName.get(name))
            .find(Boolean)
        : undefined;
    return byValue ?? this.dependencies(entry, property, (urn) => this.secrets.get(urn))[0];
  }

  /**
   * A secret resource policy (`aws.secretsmanager.SecretPolicy`, aws-native's `ResourcePolicy`): on the secret
   * `secretProperty` names (by name or ARN, or by its dependency on a secret of the stack while the ARN is unknown in
   * preview), else judged on its own resource.
   */
  linkSecretPolicy(entry: Entry, secretProperty: string, policyProperty: string): void {
    const policy: SecretPolicy = { source: entry.ref, document: parsePolicyDocument(entry.props[policyProperty]) };
    // SecretPolicy's and aws-native ResourcePolicy's flag; Terraform's block_public_policy arrives under this name.
    const block = booleanProperty(entry.props.blockPublicPolicy);
    if (block !== undefined) policy.blockPublicPolicy = block;
    const secret = this.findSecret(entry, secretProperty);
    if (secret) (secret.resourcePolicies ??= []).push(policy);
    else {
      const named = entry.props[secretProperty];
      policy.secret =
        typeof named === 'string' || isUnknown(named)
          ? named
          : unknownValue(`${entry.ref.name}.${secretProperty} is not set`);
      (this.model.unlinkedSecretPolicies ??= []).push(policy);
    }
  }

  /**
   * A bucket, key, queue or topic policy (aws/resource-policies.ts). Unset (a queue, topic or key without a policy of
   * its own) it is none. While its document waits for values (a preview), the identities it depends on may be named.
   */
  addResourcePolicy(entry: Entry, type: ResourcePolicyType): void {
    const holder = type.within === undefined ? entry.props : entry.props[type.within];
    // A structure known only at apply holds a policy no one can read yet: Unknown, which restrict-trust reports.
    const raw = isUnknown(holder) ? holder : isKnownRecord(holder) ? holder[type.document] : undefined;
    if (raw === undefined) return;
    const { attachedTo: by } = type;
    const attachedTo: PolicyValue[] =
      by.kind === 'self'
        ? // The ARN once the resource exists; before, the rendering every adapter shares (`<Arn of Key>`).
          [knownString(entry.props.arn) ?? resourceValue(entry.ref.name, 'Arn')]
        : by.kind === 'account'
          ? [accountResourcesArn(by.resources)]
          : items(entry.props[by.property]).map((item) =>
              attachedArn(item, by.kind, `${entry.ref.name}.${by.property}`),
            );
    const dependsOn = this.dependencies(entry, type.within ?? type.document, (urn) => this.identities.get(urn));
    this.resourcePolicies.push({
      source: entry.ref,
      document: parsePolicyDocument(
        type.form === 'opensearch-serverless-access' ? openSearchServerlessAccessDocument(raw) : raw,
      ),
      attachedTo,
      ...(dependsOn.length > 0 ? { dependsOn } : {}),
    });
  }

  /**
   * A policy inside a property of the resource it is on (aws-native's spelling of CloudFormation's nested policies): each
   * document at the path, on the ARN its output holds, or the CloudFormation attribute's rendering while unknown.
   */
  addNestedResourcePolicy(entry: Entry, nested: AwsNativeNestedResourcePolicy): void {
    let arn: unknown = entry.props;
    for (const key of nested.output) arn = isKnownRecord(arn) ? arn[key] : undefined;
    const attachedTo = knownString(arn) ?? resourceValue(entry.ref.name, nested.attribute);
    for (const raw of valuesAt(entry.props, nested.path, false))
      if (raw !== undefined && raw !== null)
        this.resourcePolicies.push({ source: entry.ref, document: parsePolicyDocument(raw), attachedTo: [attachedTo] });
  }

  /**
   * A policy written as one statement (aws-native's spelling of CloudFormation's statement policies): that statement,
   * on the resource its property names, or the type's default one where unset. Without the statement, none.
   */
  addStatementPolicy(entry: Entry, type: StatementPolicyType): void {
    const statement = entry.props[type.statement];
    if (statement === undefined || statement === null) return;
    const { property, kind } = type.attachedTo;
    this.resourcePolicies.push({
      source: entry.ref,
      document: parsePolicyDocument({ Version: '2012-10-17', Statement: [statement] }),
      attachedTo: [attachedArn(entry.props[property] ?? type.byDefault, kind, `${entry.ref.name}.${property}`)],
    });
  }

  /**
   * An `aws.lambda.Permission`: the statement it adds to its function's policy (lambdaPermissionDocument), on the
   * function `function` names (an ARN; a name stays Unknown). While its principal waits for values (a preview), the
   * identities it depends on may be the one named.
   */
  addLambdaPermission(entry: Entry, fields: PermissionStatement): void {
    const named = entry.props[fields.function];
    const functionArn =
      typeof named === 'string' || isUnknown(named)
        ? functionArnOf(named)
        : unknownValue(`${entry.ref.name}.${fields.function} is not set`);
    const dependsOn = this.dependencies(entry, fields.principal, (urn) => this.identities.get(urn));
    this.resourcePolicies.push({
      source: entry.ref,
      document: parsePolicyDocument(lambdaPermissionDocument(entry.props, fields)),
      attachedTo: [functionArn],
      ...(dependsOn.length > 0 ? { dependsOn } : {}),
    });
  }

  /**
   * An `aws.kms.Grant`: the statements it stands for (kmsGrantDocument) on the key `keyId` names (an id or ARN). While
   * its principals wait for values (a preview), the identities they depend on may be the ones named.
   */
  addKmsGrant(entry: Entry, fields: KmsGrantFields): void {
    const dependsOn = [fields.grantee, fields.retiring].flatMap((property) =>
      this.dependencies(entry, property, (urn) => this.identities.get(urn)),
    );
    this.resourcePolicies.push({
      source: entry.ref,
      document: parsePolicyDocument(kmsGrantDocument(entry.props, fields)),
      attachedTo: [attachedArn(entry.props[fields.key], 'kms-key-id', `${entry.ref.name}.${fields.key}`)],
      ...(dependsOn.length > 0 ? { dependsOn: [...new Set(dependsOn)] } : {}),
    });
  }

  /**
   * A resource that grants the principals it lists (PRINCIPAL_GRANTS): the statements it stands for
   * (principalGrantDocument) on what it names. While its principals wait for values (a preview), the identities they
   * depend on may be the ones named.
   */
  addPrincipalGrant(entry: Entry, fields: PrincipalGrantFields): void {
    const document = principalGrantDocument(entry.props, fields);
    if (!document) return;
    const { attachedTo: by } = fields;
    const attachedTo =
      by.kind === 'self'
        ? (knownString(entry.props.arn) ?? resourceValue(entry.ref.name, 'Arn'))
        : by.kind === 'account'
          ? accountResourcesArn(by.resources)
          : attachedArn(
              entry.props[by.property] ?? fields.attachedByDefault,
              by.kind,
              `${entry.ref.name}.${by.property}`,
            );
    const dependsOn = fields.principals.flatMap(({ property, within }) =>
      this.dependencies(entry, within ?? property, (urn) => this.identities.get(urn)),
    );
    this.resourcePolicies.push({
      source: entry.ref,
      document: parsePolicyDocument(document),
      attachedTo: [attachedTo],
      ...(dependsOn.length > 0 ? { dependsOn: [...new Set(dependsOn)] } : {}),
    });
  }

  addEksCluster(entry: Entry): void {
    const access = pulumiClusterAccessConfig(entry.props, entry.ref);
    const admin = clusterCreatorAdmin(access);
    if (admin) (this.model.clusterCreatorAdmins ??= []).push(admin);
    // Its authentication mode says whether it reads aws-auth.
    (this.model.eksClusters ??= []).push(clusterAuthentication(access));
  }

  addEksAccess(entry: Entry): void {
    addEksAccess(this.model, pulumiEksAccess(entry.resource, entry.props, entry.ref));
  }

  /** The grants a policy ARN stands for: a policy of this stack brings its document, any other ARN stays an ARN. */
  policyGrants(entry: Entry, property: string, value: unknown): (AwsPolicyGrant | AwsManagedPolicyGrant)[] {
    const local =
      typeof value === 'string'
        ? value.startsWith('arn:') && value.includes(':policy/')
          ? (this.policiesByName.get(lastSegment(value)) ?? [])
          : []
        : this.dependencies(entry, property, (urn) => this.policies.get(urn));
    if (local.length > 0) return local.map(({ grant }) => grant);
    return [managedPolicyGrant(entry.ref, value, `${entry.ref.name}.${property}`)];
  }

  linkManagedPolicyArns(entry: Entry, identity: Identity): void {
    const property = 'managedPolicyArns';
    for (const item of items(entry.props[property])) {
      for (const grant of this.policyGrants(entry, property, item)) this.hold(identity, grant);
    }
  }

  linkInlinePolicy(entry: Entry, [property, kind]: SingleHolder): void {
    const name = knownString(entry.props.name);
    const grant: AwsPolicyGrant = {
      kind: 'aws-policy',
      source: entry.ref,
      policyName: name ?? entry.ref.name,
      document: parsePolicyDocument(entry.props.policy),
    };
    const [holder] = this.findIdentities(entry, property, kind, { external: true });
    if (holder) holder.grants.push(grant);
    else this.model.unattachedPolicies.push(grant);
  }

  linkAttachment(entry: Entry, [property, kind]: SingleHolder): void {
    // `role`, `user` and `group` are required (@pulumi/aws 7.48.0 iam/rolePolicyAttachment.d.ts and its user and group
    // twins), yet an output that resolves to nothing (another stack's missing output) leaves the plan without one: the
    // policy is still attached to someone, so it is judged on a holder known only at apply, not dropped.
    const value = entry.props[property] ?? unknownValue(`${entry.ref.name}.${property} is not set`);
    const [holder] = this.findIdentities(entry, property, kind, { external: true, value });
    if (!holder) return;
    for (const grant of this.policyGrants(entry, 'policyArn', entry.props.policyArn)) this.hold(holder, grant);
  }

  /** A `*PolicyAttachmentsExclusive`: every policy of its `policyArns` (a list, or a value known at apply) on the holder. */
  linkExclusiveAttachments(entry: Entry, [property, kind]: SingleHolder): void {
    const value = entry.props[property] ?? unknownValue(`${entry.ref.name}.${property} is not set`);
    const [holder] = this.findIdentities(entry, property, kind, { external: true, value });
    if (!holder) return;
    const arns = entry.props.policyArns;
    for (const item of items(arns))
      for (const grant of this.policyGrants(entry, 'policyArns', item)) this.hold(holder, grant);
  }

  /**
   * The permission set `permissionSetArn` names, handed to `link`; one the stack does not create is content the check
   * cannot see (what it holds, so what the resource adds to or hands out), reported as such, never passed in silence.
   * With `grants` (a resource that puts a policy on the set), that policy is also held by a placeholder for a set the
   * stack does not create, so what it adds is judged where it is made.
   */
  linkPermissionSet(entry: Entry, link: (set: Identity) => void, { grants = false } = {}): void {
    const sets = this.findIdentities(entry, 'permissionSetArn', 'aws-permission-set', { external: grants });
    const set = sets.find((candidate) => !candidate.external);
    if (set) {
      link(set);
      return;
    }
    const value = entry.props.permissionSetArn;
    (this.model.unseen ??= []).push({
      resource: entry.ref,
      kind: 'unseen-permission-set',
      what:
        typeof value === 'string'
          ? value
          : isUnknown(value)
            ? `a permission set known only at apply (${value.description})`
            : `${entry.ref.name}.permissionSetArn, which is not set`,
    });
    // A policy put on it is still judged where it is made, on what it adds (as one put on a role or user the change
    // does not create): `*` on `*` is administrator access whatever else the set holds.
    for (const outside of sets) if (outside.external) link(outside);
  }

  linkCredential(entry: Entry, { property, kind }: CredentialLink): void {
    const [user] = this.findIdentities(entry, property, 'aws-user');
    (user ?? this.externalUser(entry, entry.props[property])).credentials.push({ kind, source: entry.ref });
  }

  /**
   * The role compute runs as: the value at `path`, or, where a level is unknown in preview, the roles the top
   * property depends on (all of them: for Batch's `containerProperties`, its job and execution roles alike).
   */
  linkCompute(entry: Entry, { path, kind, json, named }: ComputeLink): void {
    const [property, ...nested] = path;
    if (typeof property !== 'string') return;
    const values = valuesAt(entry.props[property], nested, json ?? false);
    if (values.length === 0) return;
    const podIdentity = kind === 'eks-pod-identity';
    const workload = podIdentity ? this.podIdentityWorkload(entry) : undefined;
    // The name the program or plan gives the compute (a string it writes, or the provider's name in a preview or
    // state) and its ARN once it exists; an output known only at apply names nothing yet.
    const nameValue = named === undefined ? undefined : entry.props[named];
    const name = typeof nameValue === 'string' && nameValue !== '' ? nameValue : undefined;
    const arnValue = named === undefined ? undefined : entry.props.arn;
    const arn = typeof arnValue === 'string' && arnValue.startsWith('arn:') ? arnValue : undefined;
    // A role the change does not create (a catalog's break-glass role named by ARN) runs the compute all the same.
    const roles = this.findIdentities(entry, property, 'aws-role', { value: values, external: true });
    for (const role of roles)
      role.attachments.push({
        kind,
        source: entry.ref,
        ...(name !== undefined ? { name } : {}),
        ...(arn !== undefined ? { arn } : {}),
        ...(workload ? { workload } : {}),
      });
    // Pods bound to a role the change does not create act with what the check cannot see.
    if (podIdentity)
      for (const role of roles.length > 0 ? roles.filter((role) => role.external) : [undefined]) {
        const value = values.length === 1 ? values[0] : undefined;
        const named = role?.arn ?? (typeof value === 'string' || isUnknown(value) ? value : undefined);
        (this.model.unseen ??= []).push(unseenPodIdentityRole(entry.ref, property, named));
      }
  }

  /** The cluster, namespace and service account a Pod Identity association binds its role to. */
  private podIdentityWorkload(entry: Entry): PodIdentityWorkload {
    const names = POD_IDENTITY_WORKLOAD_PROPERTIES.pulumi;
    return podIdentityWorkload((part) => {
      const value = entry.props[names[part]];
      return typeof value === 'string' || isUnknown(value) ? value : undefined;
    });
  }

  hold(identity: Identity, grant: AwsPolicyGrant | AwsManagedPolicyGrant): void {
    if (!identity.grants.includes(grant)) identity.grants.push(grant);
    if (grant.kind === 'aws-policy' && grant.source.urn) {
      const policy = this.policies.get(grant.source.urn);
      if (policy) policy.held = true;
    }
  }

  /**
   * The items of a property that name no identity of the stack, as findIdentities looks them up: a name or ARN the
   * stack does not create, or a value unknown in preview when none of the property's dependencies was `found`.
   */
  outsideIdentities(entry: Entry, property: string, kind: IdentityKind, found: readonly Identity[]): Maybe<string>[] {
    const outside: Maybe<string>[] = [];
    for (const item of items(entry.props[property])) {
      if (typeof item === 'string') {
        if (!this.identityByReference(item, kind)) outside.push(item);
      } else if (isUnknown(item) && found.length === 0) outside.push(item);
    }
    return outside;
  }

  /** A group the stack does not create: the user gets whatever its policies allow, which cannot be seen here. */
  addToOutsideGroup(user: Identity, group: Maybe<string>, entry: Entry): void {
    (user.outsideGroups ??= []).push({ group, source: entry.ref });
  }

  addToGroup(user: Identity, group: Identity): void {
    user.groups ??= [];
    if (!user.groups.includes(group.id)) user.groups.push(group.id);
  }

  private identityByReference(value: string, kind: IdentityKind): Identity | undefined {
    const byArn = this.identitiesByArn.get(value);
    if (byArn?.kind === kind) return byArn;
    const ofKind = (name: string) => this.identitiesByName.get(name)?.find((identity) => identity.kind === kind);
    return ofKind(value) ?? (value.startsWith('arn:') ? ofKind(lastSegment(value)) : undefined);
  }

  private dependencies<T>(entry: Entry, property: string, lookup: (urn: string) => T | undefined): T[] {
    return (entry.resource.propertyDependencies?.[property] ?? [])
      .map(lookup)
      .filter((found): found is T => found !== undefined);
  }

  private addIdentity(identity: Identity): void {
    this.identities.set(identity.id, identity);
    this.identitiesByName.set(identity.name, [...(this.identitiesByName.get(identity.name) ?? []), identity]);
    if (typeof identity.arn === 'string') this.identitiesByArn.set(identity.arn, identity);
    this.model.identities.push(identity);
  }

  private addPolicy(entry: Entry): void {
    const physicalName = knownString(entry.props.name);
    // A managed policy's name is unique in its account: a finding about the policy alone may be waived by it.
    if (physicalName !== undefined) entry.ref.physicalName = physicalName;
    const name = physicalName ?? entry.ref.name;
    const grant: AwsPolicyGrant = {
      kind: 'aws-policy',
      source: entry.ref,
      policyName: name,
      document: parsePolicyDocument(entry.props.policy),
    };
    const policy = { grant, name, held: false };
    this.policies.set(entry.resource.urn, policy);
    this.policiesByName.set(name, [...(this.policiesByName.get(name) ?? []), policy]);
  }

  private addSecret(entry: Entry): void {
    const physicalName = knownString(entry.props.name);
    const secret: Secret = {
      id: entry.resource.urn,
      cloud: 'aws',
      name: physicalName ?? entry.ref.name,
      ...(physicalName !== undefined ? { uniqueName: true } : {}),
      resource: entry.ref,
      tags: tagsOf(entry.props.tags),
      rotationAdvice: ROTATION_ADVICE,
    };
    // The secret's own `policy` argument writes its resource policy; an empty one (or a stack's `""` output) writes none.
    const policy = entry.props.policy;
    if (policy !== undefined && policy !== null && policy !== '')
      secret.resourcePolicies = [{ source: entry.ref, document: parsePolicyDocument(policy) }];
    this.secrets.set(secret.id, secret);
    this.secretsByName.set(secret.name, secret);
    this.model.secrets.push(secret);
  }

  private externalUser(entry: Entry, value: unknown): Identity {
    const known = typeof value === 'string' ? value : undefined;
    const name = known ?? entry.ref.name;
    const id = `${entry.ref.stack ?? ''}/external-user:${name}`;
    let user = this.identities.get(id);
    if (!user) {
      const arn = known
        ? iamArn('user', known)
        : isUnknown(value)
          ? value
          : unknownValue(`${entry.ref.name}: user not set`);
      user = externalUser(id, name, entry.ref, arn);
      this.addIdentity(user);
    }
    return user;
  }
}

/**
 * The values under `path` (EACH: every item of a list; a NamedValue: the values of the list's pairs of that name) in a
 * property's value, parsed first when `json`: an unknown level is the value (a reference known at apply); none where a
 * level is left out or the JSON does not parse, nor for a pair whose name is known to be another (an unknown name may
 * be the one asked for).
 */
function valuesAt(value: unknown, path: readonly PathStep[], json: boolean): unknown[] {
  if (json && typeof value === 'string') {
    try {
      return valuesAt(JSON.parse(value) as unknown, path, false);
    } catch {
      return [];
    }
  }
  const [key, ...rest] = path;
  if (key === undefined) return items(value);
  if (isUnknown(value)) return [value];
  if (key === EACH) return Array.isArray(value) ? value.flatMap((item: unknown) => valuesAt(item, rest, false)) : [];
  if (typeof key !== 'string')
    return Array.isArray(value)
      ? value.flatMap((item: unknown) =>
          // A name unknown until apply may be the one: its value is taken (fail closed; a value naming no role attaches nothing).
          isKnownRecord(item) && (item[key.name] === key.is || isUnknown(item[key.name]))
            ? valuesAt(item[key.value], rest, false)
            : [],
        )
      : [];
  if (!isKnownRecord(value) || !Object.hasOwn(value, key)) return [];
  return valuesAt(value[key], rest, false);
}

/** The name at the end of an IAM ARN (`arn:aws:iam::1:role/path/name` -> `name`). */
function lastSegment(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}

/**
 * A stack's state holds the secret's `policy` output, which is the policy a SecretPolicy of the stack wrote: the same
 * document read twice would give every finding twice, so the secret's own copy is dropped when a SecretPolicy on it
 * writes the same statements.
 */
function dropRepeatedOwnPolicy(secret: Secret): void {
  const policies = secret.resourcePolicies;
  if (!policies || policies.length < 2) return;
  const written = new Set(
    policies.filter((policy) => policy.source !== secret.resource).map((policy) => JSON.stringify(policy.document)),
  );
  secret.resourcePolicies = policies.filter(
    (policy) => policy.source !== secret.resource || !written.has(JSON.stringify(policy.document)),
  );
}

/** Pulumi's `rotationRules` in CloudFormation's spelling, so both adapters bound a schedule the same way. */
function cloudFormationRules(rules: unknown): unknown {
  if (!isKnownRecord(rules)) return rules;
  return { AutomaticallyAfterDays: rules.automaticallyAfterDays, ScheduleExpression: rules.scheduleExpression };
}

/** The accounts in the ARNs the provider returned for the change's own identities: the accounts it deploys into. */
function ownAccountIds(identities: readonly Identity[]): string[] {
  const accounts = identities.map((identity) =>
    typeof identity.arn === 'string' ? /^arn:[^:]+:iam::(\d{12}):/.exec(identity.arn)?.[1] : undefined,
  );
  return [...new Set(accounts.filter((account): account is string => account !== undefined))].sort();
}

/** The ARN of what a resource policy is on, from a bucket name, a queue URL or an ARN; what cannot be told stays Unknown. */
function attachedArn(value: unknown, kind: NamedBy, what: string): PolicyValue {
  if (isUnknown(value)) return value;
  if (typeof value !== 'string') return unknownValue(`${what} is not set`);
  if (kind !== 'arn') return attachedArnOf(kind, value);
  return value.startsWith('arn:') ? value : unknownValue(`the ARN of ${value}`);
}

/**
 * A stack's state holds a queue's, topic's or key's `policy` output, which is the policy a QueuePolicy, TopicPolicy or
 * KeyPolicy of the stack wrote (@pulumi/aws 7.48.0: `readonly policy: pulumi.Output<string>`, computed): the same
 * document read twice would grant, and report, everything twice, so the resource's own copy is dropped when a policy
 * resource writes the same statements.
 */
function withoutRepeatedOwnPolicies(policies: readonly ResourcePolicy[]): ResourcePolicy[] {
  const own = (policy: ResourcePolicy) => PULUMI_RESOURCE_POLICIES[policy.source.type]?.attachedTo.kind === 'self';
  const written = new Set(policies.filter((policy) => !own(policy)).map((policy) => JSON.stringify(policy.document)));
  return policies.filter((policy) => !own(policy) || !written.has(JSON.stringify(policy.document)));
}
