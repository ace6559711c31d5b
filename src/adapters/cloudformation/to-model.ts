import { resourceValue, startsWithOwnValue, startsWithResourceValue } from '../../model/deployment.js';
import { addResourcePolicyGrants, asModelPolicy, type ResourcePolicy } from '../../iam/aws/resource-policy-grants.js';
import { resolveEksAccess } from '../../iam/aws/eks-access-grants.js';
import { rolesAnywhereCredential, settleRolesAnywhere } from '../../iam/aws/roles-anywhere.js';
import { addEksAccess } from '../aws/eks-access.js';
import { mergeModels } from '../../model/merge.js';
import { modelFromKubernetesObjects, type KubernetesObject } from '../kubernetes/to-model.js';
import { accessEntryAccess, CDK_EKS_CLUSTER, CFN_EKS_CLUSTER, clusterAccessConfig } from './eks-access.js';
import { clusterAuthentication, clusterCreatorAdmin } from '../aws/eks-cluster-creator.js';
import { POD_IDENTITY_WORKLOAD_PROPERTIES, podIdentityWorkload, unseenPodIdentityRole } from '../aws/pod-identity.js';
import {
  CDK_HELM_CHART,
  CDK_KUBERNETES_PATCH,
  CDK_KUBERNETES_RESOURCE,
  cdkHelmChartUnseen,
  cdkManifestObjects,
  cdkPatchUnseen,
} from './eks-manifests.js';
import {
  booleanProperty,
  emptyModel,
  isUnknown,
  unknownValue,
  type AwsPolicyGrant,
  type ComputeAttachment,
  type CredentialKind,
  type Identity,
  type IdentityKind,
  type IdentityPool,
  type Model,
  type PodIdentityWorkload,
  type PolicyValue,
  type ResourceShare,
  type SharePermission,
  type Secret,
  type SecretPolicy,
  type UnseenContent,
} from '../../model/model.js';
import { isRecord, lookupTable } from '../../util/records.js';
import { COMPUTE_ROLES, EACH, type ComputeRole, type NamedValue, type PathStep } from '../aws/compute-roles.js';
import {
  accountResourcesArn,
  attachedArnOf,
  CLOUDFORMATION_NESTED_RESOURCE_POLICIES,
  CLOUDFORMATION_RESOURCE_POLICIES,
  CLOUDFORMATION_STATEMENT_POLICIES,
  functionArnOf,
  LAMBDA_PERMISSIONS,
  lambdaPermissionDocument,
  openSearchServerlessAccessDocument,
  PRINCIPAL_GRANTS,
  principalGrantDocument,
  type NestedResourcePolicy,
  type PrincipalGrantFields,
  type NamedBy,
  type PermissionStatement,
  type ResourcePolicyType,
  type StatementPolicyType,
} from '../aws/resource-policies.js';
import { secretNamesOf } from '../aws/secret-names.js';
import {
  PERMISSION_ASSOCIATIONS,
  policyTemplateActions,
  RESOURCE_SHARES,
  SHARE_PERMISSIONS,
  type ResourceShareFields,
} from '../aws/resource-shares.js';
import { sdkCallChangesOf, type SdkCallChange } from './sdk-call-changes.js';
import { externalIdentity, externalUser, grantGroupPoliciesToMembers, iamArn } from '../aws/identities.js';
import { TemplateExpander } from './expand.js';
import {
  identityFromResource,
  inlinePolicy,
  isIdentityResource,
  memberAccountRoleFromResource,
  permissionSetFromResource,
  profileSessionSeconds,
} from './identities.js';
import { IdentityIndex } from './identity-index.js';
import { isCustomResource, isIntrinsic } from './intrinsics.js';
import { deploymentHandlerOf } from './custom-resources.js';
import { literalName } from './names.js';
import { deployedName } from './deployed-names.js';
import { plainCredentialsOf } from './plain-credentials.js';
import { applyRotation, secretFromResource, secretIdThroughAttachment } from './secrets.js';
import { stackContext, type StackContext } from './stack-context.js';
import { withStackAccount } from './stack-account.js';
import type { CfnResource, TemplateInput } from './template.js';

/**
 * Builds the normalized model from CloudFormation templates (one per stack; nested stacks are separate inputs),
 * after expanding what the check can expand and listing what it cannot see (expand.ts).
 * Identities and secrets come first; then every resource that links to them (policies, attachments, keys,
 * memberships, rotation schedules) is applied; users finally receive their groups' grants.
 *
 * An access key (or service-specific credential) for a user that the change does not create is still a
 * long-lived credential: it is attached to a synthetic `aws-user` identity (id `${stack}/external-user:${name}`,
 * resource = the key, matched to the catalog by the user name) and the user is recorded in `externalReferences`.
 * Stack names must be unique across inputs: ids are `${stack}/${logicalId}`.
 */
export function modelFromTemplates(inputs: TemplateInput[]): Model {
  const builder = new TemplateModelBuilder({ streamed: false });
  for (const input of inputs) builder.add(input);
  return builder.finish();
}

/**
 * modelFromTemplates one template at a time, for a caller that reads them as it goes (the CLI): `add` each input in
 * the order modelFromTemplates would be given them, then `finish`. The model is the same, byte for byte.
 *
 * `streamed`: a stack whose references all name resources of its own template (every `Ref` and `Fn::GetAtt` a
 * linker follows) is linked as soon as its identities exist, and its template can then be dropped by the caller; the
 * first stack that names anything else (an ARN, a name, an import), and every stack after it, is linked in `finish`
 * after every identity exists, as the whole-model build links them all, so every lookup and every list keeps its
 * order. A stack whose name has a `/` (a nested stack, a stack set's body, a stage's stack) waits too: its
 * identities' ids could be another stack's, which only the whole set of stacks tells.
 */
export class TemplateModelBuilder {
  private readonly expander = new TemplateExpander();
  private readonly builder: ModelBuilder;
  private readonly stacks = new Set<string>();

  constructor(options: { streamed: boolean }) {
    this.builder = new ModelBuilder(options.streamed);
  }

  add(input: TemplateInput): void {
    this.stacks.add(input.stack);
    for (const prepared of this.expander.expand(withStackAccount(input))) this.builder.addStack(stackContext(prepared));
  }

  /** How many stacks were linked as they were added rather than in `finish` (tests and the benchmark read it). */
  get stacksLinkedAhead(): number {
    return this.builder.linkedAhead;
  }

  finish(): Model {
    const model = this.builder.finish();
    const unseen = this.expander.unseen(this.stacks);
    if (unseen.length > 0) model.unseen = [...unseen, ...(model.unseen ?? [])];
    return model;
  }
}

const NO_ITEMS: readonly unknown[] = [];

type Linker = (builder: ModelBuilder, stack: StackContext, logicalId: string, resource: CfnResource) => void;

const POLICY_HOLDERS: { property: string; kind: IdentityKind }[] = [
  { property: 'Roles', kind: 'aws-role' },
  { property: 'Users', kind: 'aws-user' },
  { property: 'Groups', kind: 'aws-group' },
];

const LINKERS: Record<string, Linker> = lookupTable({
  // Amazon Cognito identity pools and the roles their attachments give unauthenticated (guest) identities.
  'AWS::Cognito::IdentityPool': (b, stack, id, resource) => {
    b.addIdentityPool(stack, id, resource);
  },
  'AWS::Cognito::IdentityPoolRoleAttachment': (b, stack, id, resource) => {
    b.linkIdentityPoolRoles(stack, id, resource);
  },
  'AWS::IAM::Role': (b, stack, id, resource) => {
    b.linkManagedPolicyArns(stack, id, resource);
  },
  'AWS::S3::Bucket': (b, stack, id, resource) => {
    b.addBucketWithoutAcls(stack, id, resource);
  },
  'AWS::IAM::Group': (b, stack, id, resource) => {
    b.linkManagedPolicyArns(stack, id, resource);
  },
  'AWS::IAM::User': (b, stack, id, resource) => {
    b.linkManagedPolicyArns(stack, id, resource);
    const user = b.identityOf(stack, id);
    const written = resource.Properties?.Groups;
    // A group only one branch of an Fn::If names holds the user in some deployments only.
    const undecided = written === undefined ? NO_ITEMS : stack.resolver.undecidedItems(written);
    b.eachItem(stack, written, (group) => {
      b.addToGroup(stack, id, user, group, undecided.includes(group) ? undecidedItem(id, 'Groups') : undefined);
    });
  },
  'AWS::IAM::Policy': (b, stack, id, resource) => {
    b.linkPolicyHolders(stack, id, resource);
  },
  'AWS::IAM::ManagedPolicy': (b, stack, id, resource) => {
    b.linkPolicyHolders(stack, id, resource);
  },
  'AWS::IAM::RolePolicy': (b, stack, id, resource) => {
    b.linkSingleHolderPolicy(stack, id, resource, 'RoleName', 'aws-role');
  },
  'AWS::IAM::UserPolicy': (b, stack, id, resource) => {
    b.linkSingleHolderPolicy(stack, id, resource, 'UserName', 'aws-user');
  },
  'AWS::IAM::GroupPolicy': (b, stack, id, resource) => {
    b.linkSingleHolderPolicy(stack, id, resource, 'GroupName', 'aws-group');
  },
  'AWS::IAM::UserToGroupAddition': (b, stack, id, resource) => {
    const written = resource.Properties?.Users;
    // Some deployments only: the addition's own Condition, or a user only one branch of an Fn::If names.
    const whole = undecidedCondition(stack, id, resource);
    const undecided = written === undefined ? NO_ITEMS : stack.resolver.undecidedItems(written);
    b.eachItem(stack, written, (user) => {
      const member = b.findIdentity(stack, id, user, 'aws-user');
      const onlySometimes = whole ?? (undecided.includes(user) ? undecidedItem(id, 'Users') : undefined);
      if (member) b.addToGroup(stack, id, member, resource.Properties?.GroupName, onlySometimes);
    });
  },
  'AWS::IAM::AccessKey': (b, stack, id, resource) => {
    b.linkUserCredential(stack, id, resource, 'aws-access-key');
  },
  'AWS::IAM::ServiceSpecificCredential': (b, stack, id, resource) => {
    b.linkUserCredential(stack, id, resource, 'aws-service-specific-credential');
  },
  // IAM Roles Anywhere: a profile's roles hold the certificate credential it vends their sessions through
  // (iam/aws/roles-anywhere.ts). Its ManagedPolicyArns and SessionPolicy only narrow those sessions (they are session
  // policies, intersected with the role's), so they grant nothing and are not read as grants.
  'AWS::RolesAnywhere::Profile': (b, stack, id, resource) => {
    const duration = profileSessionSeconds(stack.resolver, resource.Properties?.DurationSeconds);
    b.eachItem(stack, resource.Properties?.RoleArns, (role) => {
      b.findIdentity(stack, id, role, 'aws-role')?.credentials.push(rolesAnywhereCredential(stack.ref(id), duration));
    });
  },
  'AWS::IAM::InstanceProfile': (b, stack, id, resource) => {
    b.eachItem(stack, resource.Properties?.Roles, (role) => {
      b.runsAs(stack, id, role)?.attachments.push({ kind: 'instance-profile', source: stack.ref(id) });
    });
  },
  'AWS::Events::Rule': (b, stack, id, resource) => {
    b.addMonitor(stack, id, 'event-rule', resource.Properties?.EventPattern);
  },
  'AWS::Logs::MetricFilter': (b, stack, id, resource) => {
    b.addMonitor(stack, id, 'metric-filter', resource.Properties?.FilterPattern);
  },
  'AWS::SecretsManager::RotationSchedule': (b, stack, id, resource) => {
    const secret = b.findSecret(stack, id, resource.Properties?.SecretId);
    if (secret) applyRotation(stack, id, resource, secret);
  },
  'AWS::SecretsManager::ResourcePolicy': (b, stack, id, resource) => {
    b.linkSecretPolicy(stack, id, resource);
  },
  // EKS access: Kubernetes grants to the principal, given to the change's identity of that ARN in finish.
  'AWS::EKS::AccessEntry': (b, stack, id, resource) => {
    addEksAccess(b.model, accessEntryAccess(stack, id, resource));
  },
  // A cluster whose creator becomes its administrator: the CDK's names its creation role, resolved in finish. Its
  // authentication mode says whether it reads aws-auth.
  ...Object.fromEntries(
    [CFN_EKS_CLUSTER, CDK_EKS_CLUSTER].map((type): [string, Linker] => [
      type,
      (b, stack, id, resource) => {
        const access = clusterAccessConfig(stack, id, resource);
        const admin = clusterCreatorAdmin(access);
        if (admin) (b.model.clusterCreatorAdmins ??= []).push(admin);
        (b.model.eksClusters ??= []).push(clusterAuthentication(access));
      },
    ]),
  ),
  // Kubernetes objects a CDK EKS cluster applies: read together once every stack is linked (finish).
  [CDK_KUBERNETES_RESOURCE]: (b, stack, id, resource) => {
    const { objects, unseen } = cdkManifestObjects(stack, id, resource);
    b.kubernetesObjects.push(...objects);
    b.unseen.push(...unseen);
  },
  [CDK_KUBERNETES_PATCH]: (b, stack, id, resource) => {
    b.unseen.push(...cdkPatchUnseen(stack, id, resource));
  },
  [CDK_HELM_CHART]: (b, stack, id, resource) => {
    b.unseen.push(cdkHelmChartUnseen(stack, id, resource));
  },
});

// Resource policies that may name the change's roles and users (aws/resource-policies.ts), after the type's own linker
// (a secret's resource policy is its trust too).
for (const [type, policyType] of Object.entries(CLOUDFORMATION_RESOURCE_POLICIES)) {
  const own = LINKERS[type];
  LINKERS[type] = (b, stack, id, resource) => {
    own?.(b, stack, id, resource);
    b.addResourcePolicy(stack, id, resource, policyType);
  };
}
// The same for policies inside a property (a DynamoDB table's and its stream's) and Lambda permissions.
for (const [type, nested] of Object.entries(CLOUDFORMATION_NESTED_RESOURCE_POLICIES)) {
  const own = LINKERS[type];
  LINKERS[type] = (b, stack, id, resource) => {
    own?.(b, stack, id, resource);
    for (const policy of nested) b.addNestedResourcePolicy(stack, id, resource, policy);
  };
}
for (const [type, statementType] of Object.entries(CLOUDFORMATION_STATEMENT_POLICIES))
  LINKERS[type] = (b, stack, id, resource) => {
    b.addStatementPolicy(stack, id, resource, statementType);
  };
for (const [type, fields] of Object.entries(RESOURCE_SHARES))
  if (type.startsWith('AWS::'))
    LINKERS[type] = (b, stack, id, resource) => {
      b.addResourceShare(stack, id, resource, fields);
    };
// Grants to the principals a resource lists (a layer's permission, an endpoint service's allowed principals), after the
// type's own linker (an event bus policy written as a Statement).
for (const [type, fields] of Object.entries(PRINCIPAL_GRANTS))
  if (type.startsWith('AWS::')) {
    const own = LINKERS[type];
    LINKERS[type] = (b, stack, id, resource) => {
      own?.(b, stack, id, resource);
      b.addPrincipalGrant(stack, id, resource, fields);
    };
  }
for (const [type, fields] of Object.entries(PERMISSION_ASSOCIATIONS))
  LINKERS[type] = (b, stack, id, resource) => {
    b.addOutsidePermissionAssociation(stack, id, resource, fields);
  };
const LAMBDA_PERMISSION = 'AWS::Lambda::Permission';
const permissionFields = LAMBDA_PERMISSIONS[LAMBDA_PERMISSION];
if (permissionFields)
  LINKERS[LAMBDA_PERMISSION] = (b, stack, id, resource) => {
    b.addLambdaPermission(stack, id, resource, permissionFields);
  };

/**
 * Compute that runs as the role a property names (COMPUTE_ROLES), each of a type's properties in the table's order,
 * after the type's own linker (an event rule is a monitor too).
 */
const COMPUTE_BY_TYPE: Record<string, { path: readonly PathStep[]; kind: ComputeRole['kind']; named?: string }[]> =
  lookupTable({});
for (const { cloudFormation, kind, named } of COMPUTE_ROLES)
  if (cloudFormation)
    (COMPUTE_BY_TYPE[cloudFormation.type] ??= []).push({
      path: cloudFormation.path,
      kind,
      ...(named ? { named: named.cloudFormation } : {}),
    });
for (const [type, computes] of Object.entries(COMPUTE_BY_TYPE)) {
  const own = LINKERS[type];
  LINKERS[type] = (b, stack, id, resource) => {
    own?.(b, stack, id, resource);
    for (const { path, kind, named } of computes) b.linkCompute(stack, id, resource, path, kind, named);
  };
}

/**
 * The references each linker of LINKERS looks up as an identity (of `kind`) or a secret: `list` properties item by
 * item (eachItem), the others as one value; `ifSet` ones only when written; `path`, the keys under `property` of a
 * nested one (Batch's `ContainerProperties.JobRoleArn`), read through records written as records (propertyAt). A
 * linker that looks up a property not listed here fails as an internal error when its stack is linked ahead
 * (ModelBuilder.notAhead), so the table and the linkers cannot drift apart silently.
 */
interface Lookup {
  property: string;
  path?: readonly PathStep[];
  kind: IdentityKind | 'secret';
  list?: true;
  ifSet?: true;
}

const NO_PATH: readonly PathStep[] = [];

const LOOKUPS: Record<string, Lookup[]> = lookupTable({
  'AWS::IAM::User': [{ property: 'Groups', kind: 'aws-group', list: true }],
  'AWS::IAM::Policy': POLICY_HOLDERS.map(({ property, kind }) => ({ property, kind, list: true })),
  'AWS::IAM::ManagedPolicy': POLICY_HOLDERS.map(({ property, kind }) => ({ property, kind, list: true })),
  'AWS::IAM::RolePolicy': [{ property: 'RoleName', kind: 'aws-role' }],
  'AWS::IAM::UserPolicy': [{ property: 'UserName', kind: 'aws-user' }],
  'AWS::IAM::GroupPolicy': [{ property: 'GroupName', kind: 'aws-group' }],
  'AWS::IAM::UserToGroupAddition': [
    { property: 'Users', kind: 'aws-user', list: true },
    { property: 'GroupName', kind: 'aws-group' },
  ],
  'AWS::IAM::AccessKey': [{ property: 'UserName', kind: 'aws-user' }],
  'AWS::IAM::ServiceSpecificCredential': [{ property: 'UserName', kind: 'aws-user' }],
  'AWS::IAM::InstanceProfile': [{ property: 'Roles', kind: 'aws-role', list: true }],
  'AWS::RolesAnywhere::Profile': [{ property: 'RoleArns', kind: 'aws-role', list: true }],
  'AWS::SecretsManager::RotationSchedule': [{ property: 'SecretId', kind: 'secret' }],
  'AWS::SecretsManager::ResourcePolicy': [{ property: 'SecretId', kind: 'secret' }],
  'AWS::Cognito::IdentityPoolRoleAttachment': [
    { property: 'Roles', path: ['unauthenticated'], kind: 'aws-role', ifSet: true },
  ],
});
for (const { cloudFormation } of COMPUTE_ROLES) {
  if (!cloudFormation) continue;
  const [property, ...path] = cloudFormation.path;
  if (typeof property !== 'string') continue;
  const lookup: Lookup = { property, kind: 'aws-role', ifSet: true, ...(path.length > 0 ? { path } : {}) };
  (LOOKUPS[cloudFormation.type] ??= []).push(lookup);
}

class ModelBuilder {
  private readonly externalReferences: NonNullable<Model['externalReferences']> = [];
  readonly model: Model = { ...emptyModel(), externalReferences: this.externalReferences };
  readonly identities = new Map<string, Identity>();
  private readonly identityIndex = new IdentityIndex(this.identities);
  private readonly secrets = new Map<string, Secret>();
  private secretsByName: Map<string, Secret> | undefined;
  /** Policy resources (`AWS::IAM::Policy`/`ManagedPolicy`) by model id. */
  private readonly policies = new Map<string, AwsPolicyGrant>();
  /** The policies someone in the change holds. */
  private readonly heldPolicies = new Set<AwsPolicyGrant>();
  /** A policy grant as held by a holder only some deployments give it (hold). */
  private readonly undecidedGrants = new Map<AwsPolicyGrant, AwsPolicyGrant>();
  /** Resource policies, granted to the identities they name once every stack is linked. */
  private readonly resourcePolicies: ResourcePolicy[] = [];
  /** Identity pools by stack-qualified logical id, and role attachments to join to them once every stack is linked. */
  private readonly identityPools = new Map<string, IdentityPool>();
  private readonly poolRoleAttachments: {
    pool: string | undefined;
    poolId: PolicyValue;
    attachment: IdentityPool['guestRoles'][number];
  }[] = [];
  /** The Kubernetes objects CDK EKS manifests apply, in the order their stacks are linked (eks-manifests.ts). */
  readonly kubernetesObjects: KubernetesObject[] = [];
  /** What the linkers could not read (a manifest or a patch only deploy time shows). */
  readonly unseen: UnseenContent[] = [];

  /** Stacks whose linking waits for every identity (see TemplateModelBuilder), in the order added. */
  private readonly waiting: StackContext[] = [];
  /** While a stack is linked ahead of the others: a lookup beyond its own template is an internal error. */
  private linkingAhead = false;
  linkedAhead = 0;

  constructor(private readonly streamed: boolean) {}

  /** The stack's identities and secrets; its links too when they name only its own resources and none waits. */
  addStack(stack: StackContext): void {
    for (const { logicalId, resource } of stack.resources) {
      if (isIdentityResource(resource)) this.addIdentity(identityFromResource(stack, logicalId, resource));
      else if (resource.Type === 'AWS::SSO::PermissionSet')
        this.addIdentity(permissionSetFromResource(stack, logicalId, resource));
      else if (resource.Type === 'AWS::Organizations::Account')
        this.addIdentity(memberAccountRoleFromResource(stack, logicalId, resource));
      if (resource.Type === 'AWS::SecretsManager::Secret') {
        const secret = secretFromResource(stack, logicalId, resource);
        this.secrets.set(secret.id, secret);
        this.model.secrets.push(secret);
      }
      const plain = plainCredentialsOf(stack, logicalId, resource);
      if (plain.length > 0) (this.model.plainCredentials ??= []).push(...plain);
    }
    if (this.streamed && this.waiting.length === 0 && !stack.input.stack.includes('/') && this.linksOnlyOwn(stack)) {
      this.linkingAhead = true;
      this.link(stack);
      this.linkingAhead = false;
      this.linkedAhead++;
    } else this.waiting.push(stack);
  }

  finish(): Model {
    for (const stack of this.waiting) this.link(stack);
    this.waiting.length = 0;
    for (const grant of this.policies.values())
      if (!this.heldPolicies.has(grant)) this.model.unattachedPolicies.push(grant);
    grantGroupPoliciesToMembers(this.model.identities, (id) => this.identities.get(id));
    addResourcePolicyGrants(this.model.identities, this.resourcePolicies, this.model.accountIds);
    if (this.resourcePolicies.length > 0) this.model.resourcePolicies = this.resourcePolicies.map(asModelPolicy);
    this.joinIdentityPools();
    settleRolesAnywhere(this.model);
    if (this.externalReferences.length === 0) delete this.model.externalReferences;
    const model = this.kubernetesObjects.length > 0 ? this.withKubernetes() : this.model;
    if (this.unseen.length > 0) model.unseen = [...(model.unseen ?? []), ...this.unseen];
    // After the Kubernetes objects: the aws-auth ConfigMap maps the change's roles into groups its bindings bind.
    resolveEksAccess(model);
    return model;
  }

  /**
   * The model with the Kubernetes objects' own, read together as one manifest is (a binding in one KubernetesManifest
   * names a service account of another). Their identities and secrets get ids under the resource that applies them
   * (`<stack>/<LogicalId>#ServiceAccount/<namespace>/<name>`), as the template's own resources are `<stack>/<LogicalId>`.
   */
  private withKubernetes(): Model {
    const kubernetes = modelFromKubernetesObjects(this.kubernetesObjects);
    for (const item of [...kubernetes.identities, ...kubernetes.secrets]) {
      const { stack, name } = item.resource;
      const hash = item.id.indexOf('#');
      if (hash >= 0) item.id = `${stack ?? ''}/${name}${item.id.slice(hash)}`;
    }
    return mergeModels([this.model, kubernetes]);
  }

  private link(stack: StackContext): void {
    for (const { logicalId, resource } of stack.resources) {
      const linker = LINKERS[resource.Type];
      if (linker) linker(this, stack, logicalId, resource);
      // Custom resource types are the author's to name (`Custom::Anything`): no entry of LINKERS can be theirs.
      else if (isCustomResource(resource)) {
        this.linkSdkCallChanges(stack, logicalId, resource);
        const handler = deploymentHandlerOf(stack, logicalId, resource);
        if (handler) (this.model.deploymentHandlers ??= []).push(handler);
      }
    }
  }

  /**
   * What a CDK AwsCustomResource's calls change (sdk-call-changes.ts), on what they name: a managed policy attached,
   * held by the role, user or group (one the change does not create is judged on what the call adds to it, at the
   * custom resource); a trust policy, the role's; a key policy, on the key of the template. What the builder cannot
   * find (a name known only at deployment, a key made elsewhere, whose policy the check has no other of) is unseen.
   */
  linkSdkCallChanges(stack: StackContext, logicalId: string, resource: CfnResource): void {
    const changes = sdkCallChangesOf(resource.Properties);
    if (!changes) return;
    for (const change of changes)
      if (!this.applySdkCallChange(stack, logicalId, change))
        this.unseen.push({ resource: stack.ref(logicalId), kind: 'sdk-call', what: change.action });
  }

  /** Whether the change was given to what it changes. */
  private applySdkCallChange(stack: StackContext, logicalId: string, change: SdkCallChange): boolean {
    if (change.kind === 'key-policy') {
      const key = stack.resolver.referencedResource(change.key);
      if (key === undefined || stack.input.template.Resources[key]?.Type !== 'AWS::KMS::Key') return false;
      this.resourcePolicies.push({
        source: stack.ref(logicalId),
        document: stack.policyDocument(change.document),
        attachedTo: [resourceValue(key, 'Arn')],
      });
      return true;
    }
    const kind = change.kind === 'trust' ? 'aws-role' : change.holderKind;
    const raw = change.kind === 'trust' ? change.role : change.holder;
    const identity = this.findIdentity(stack, logicalId, raw, kind) ?? this.externalHolder(stack, logicalId, raw, kind);
    if (!identity) return false;
    if (change.kind === 'trust') {
      // The call replaces the trust once it runs; until then the role has the template's: both are judged.
      const document = stack.policyDocument(change.document);
      const before = identity.trustPolicy;
      identity.trustPolicy = before
        ? {
            statements: [...before.statements, ...document.statements],
            ...((before.unreadable ?? document.unreadable)
              ? { unreadable: before.unreadable ?? document.unreadable }
              : {}),
          }
        : document;
      return true;
    }
    const target = stack.resolver.referencedResource(change.policyArn);
    const policy = target === undefined ? undefined : stack.input.template.Resources[target];
    if (target && policy?.Type === 'AWS::IAM::ManagedPolicy')
      this.hold(identity, this.policyGrant(stack, target, policy));
    else
      identity.grants.push({
        kind: 'aws-managed-policy',
        source: stack.ref(logicalId),
        arn: stack.sharedString(change.policyArn, 'PolicyArn'),
      });
    return true;
  }

  /**
   * Whether every lookup the stack's linkers make (LOOKUPS) is a `Ref` or `Fn::GetAtt` to an identity of the right
   * kind, or a secret, in its own template: then no identity of another stack, added before or after, can change
   * what it finds.
   */
  private linksOnlyOwn(stack: StackContext): boolean {
    for (const { resource } of stack.resources) {
      const lookups = LOOKUPS[resource.Type];
      if (!lookups) {
        // An SDK call's change names its role, user or group as it likes (by name, by ARN): looked up once all exist.
        if (!LINKERS[resource.Type] && isCustomResource(resource) && sdkCallChangesOf(resource.Properties))
          return false;
        continue;
      }
      // Properties written with an intrinsic (`Fn::If` on a condition) are resolved first, as valuesAt does.
      if (isIntrinsic(resource.Properties)) return false;
      const properties = resource.Properties ?? {};
      for (const { property, path = NO_PATH, kind, list, ifSet } of lookups) {
        const raw = properties[property];
        if (raw === undefined) {
          if (list || ifSet) continue;
          return false;
        }
        // A list item by item, as eachItem reads it (ownAt's EACH); a list written any other way is resolved first.
        if (!(list ? this.ownEach(stack, raw, path, 0, kind) : this.ownAt(stack, raw, path, 0, kind))) return false;
      }
    }
    return true;
  }

  /** A `Ref` or `Fn::GetAtt` to an identity of `kind` (or a secret) of the stack's own template. */
  private ownReference(stack: StackContext, raw: unknown, kind: IdentityKind | 'secret'): boolean {
    const logicalId = stack.resolver.referencedResource(
      kind === 'secret' ? secretIdThroughAttachment(stack, raw) : raw,
    );
    if (logicalId === undefined || logicalId.includes('/')) return false;
    return kind === 'secret' || this.identities.get(stack.id(logicalId))?.kind === kind;
  }

  /**
   * A lookup's value names only the stack's own identities: read through records and lists written as such (a level
   * left out names nothing); a level written with an intrinsic is resolved first, so the stack waits. `path` is read
   * from index `from` on, rather than sliced: this runs for every lookup of every resource of a streamed stack.
   */
  private ownAt(
    stack: StackContext,
    raw: unknown,
    path: readonly PathStep[],
    from: number,
    kind: IdentityKind | 'secret',
  ): boolean {
    if (raw === undefined) return true;
    const key = path[from];
    if (key === undefined) return this.ownReference(stack, raw, kind);
    if (key === EACH) return this.ownEach(stack, raw, path, from + 1, kind);
    if (typeof key !== 'string') {
      if (!Array.isArray(raw)) return false;
      for (let index = 0; index < raw.length; index++) {
        const item: unknown = raw[index];
        if (stack.resolver.isNoValue(item)) continue;
        if (!isRecord(item) || isIntrinsic(item)) return false;
        // A name written otherwise than as a literal may be the one (namedValue): its value is looked up too.
        if (typeof item[key.name] === 'string' && item[key.name] !== key.is) continue;
        if (!this.ownAt(stack, item[key.value], path, from + 1, kind)) return false;
      }
      return true;
    }
    if (!isRecord(raw) || isIntrinsic(raw)) return false;
    return this.ownAt(stack, Object.hasOwn(raw, key) ? raw[key] : undefined, path, from + 1, kind);
  }

  /** ownAt of a list's every item (EACH): an `AWS::NoValue` item is left out, as eachItem leaves it. */
  private ownEach(
    stack: StackContext,
    raw: unknown,
    path: readonly PathStep[],
    from: number,
    kind: IdentityKind | 'secret',
  ): boolean {
    if (raw === undefined) return true;
    if (!Array.isArray(raw)) return false;
    for (let index = 0; index < raw.length; index++) {
      const item: unknown = raw[index];
      if (!stack.resolver.isNoValue(item) && !this.ownAt(stack, item, path, from, kind)) return false;
    }
    return true;
  }

  /** An event rule or metric filter: break-glass-isolation reads whether it names an identity. */
  addMonitor(stack: StackContext, logicalId: string, kind: 'event-rule' | 'metric-filter', raw: unknown): void {
    if (raw === undefined) return;
    const value = stack.resolver.resolve(raw);
    const pattern =
      typeof value === 'string'
        ? value
        : JSON.stringify(value, (_key, item: unknown) => (isUnknown(item) ? item.description : item));
    (this.model.monitors ??= []).push({ kind, source: stack.ref(logicalId), pattern });
  }

  /** The identity the first pass made of a role, user or group of the template. */
  identityOf(stack: StackContext, logicalId: string): Identity {
    const identity = this.identities.get(stack.id(logicalId));
    if (!identity) throw new Error(`internal error: no identity for ${logicalId} in stack ${stack.input.stack}`);
    return identity;
  }

  /*
   * Callbacks rather than lists to iterate: these run per resource, per policy holder and per managed policy, mostly
   * in a cold process (one `cdk synth`).
   */

  /**
   * A list-valued property item by item, raw so `Ref`s can be followed, `AWS::NoValue` items left out, an item under
   * a condition only deploy time decides given by both its branches (the grant may exist); an Unknown list is one item.
   */
  eachItem(stack: StackContext, raw: unknown, visit: (item: unknown) => void): void {
    const items = this.listItems(stack, raw);
    for (let index = 0; index < items.length; index++) visit(items[index]);
  }

  /**
   * The identity a property points at: a `Ref`/`Fn::GetAtt` to a resource of the same template, else the resolved
   * ARN or name (a placeholder name only within its own stack). Anything else is recorded as an external reference.
   */
  findIdentity(stack: StackContext, fromLogicalId: string, raw: unknown, kind: IdentityKind): Identity | undefined {
    const logicalId = stack.resolver.referencedResource(raw);
    const local = logicalId ? this.identities.get(stack.id(logicalId)) : undefined;
    if (local?.kind === kind) return local;
    this.notAhead(stack, fromLogicalId);
    const value = stack.resolver.resolveString(raw, `reference to an ${kind}`);
    if (typeof value === 'string') {
      // A name is the last ARN segment: the literal name, or `<id of LogicalId>` for a generated one (what `Ref` gives).
      const named = this.identityIndex.named(kind, value);
      const found =
        this.identityIndex.withArn(kind, value) ??
        named.find((identity) => identity.resource.stack === stack.input.stack) ??
        // Across stacks only a literal name is the same name; a generated one (`<id of LogicalId>`) is per stack.
        (startsWithResourceValue(value) || startsWithOwnValue(value) ? undefined : named[0]);
      if (found) return found;
    }
    this.externalReferences.push({
      identity: stack.id(fromLogicalId),
      reference: isUnknown(value) ? value.description : value,
    });
    return undefined;
  }

  /**
   * The secret a `SecretId` names: a `Ref` or `Fn::GetAtt` to one of the template (a `Ref` to a secret target
   * attachment names the secret it attaches), else its name or ARN.
   */
  findSecret(stack: StackContext, fromLogicalId: string, written: unknown): Secret | undefined {
    const raw = secretIdThroughAttachment(stack, written);
    const logicalId = stack.resolver.referencedResource(raw);
    if (logicalId) return this.secrets.get(stack.id(logicalId));
    this.notAhead(stack, fromLogicalId);
    const value = stack.resolver.resolve(raw);
    if (typeof value !== 'string') return undefined;
    // By name, the first secret added first, as a scan of every secret finds it: built once, when a schedule or policy
    // first names its secret other than by `Ref` (all secrets are added before any of them is linked).
    if (!this.secretsByName) {
      this.secretsByName = new Map();
      for (const secret of this.secrets.values())
        if (!this.secretsByName.has(secret.name)) this.secretsByName.set(secret.name, secret);
    }
    const byName = this.secretsByName;
    return secretNamesOf(value)
      .map((name) => byName.get(name))
      .find(Boolean);
  }

  /**
   * An `AWS::SecretsManager::ResourcePolicy`: on the secret its `SecretId` names, or, when that is no secret of the
   * change (an ARN of a secret made elsewhere, a value known at deploy time), judged on its own resource.
   */
  linkSecretPolicy(stack: StackContext, logicalId: string, resource: CfnResource): void {
    const raw = resource.Properties?.SecretId;
    const policy: SecretPolicy = {
      source: stack.ref(logicalId),
      document: stack.policyDocument(resource.Properties?.ResourcePolicy),
    };
    const block = booleanProperty(stack.resolver.resolve(resource.Properties?.BlockPublicPolicy));
    if (block !== undefined) policy.blockPublicPolicy = block;
    const secret = this.findSecret(stack, logicalId, raw);
    if (secret) (secret.resourcePolicies ??= []).push(policy);
    else {
      policy.secret = stack.resolver.resolveString(raw, 'SecretId');
      (this.model.unlinkedSecretPolicies ??= []).push(policy);
    }
  }

  /** An `AWS::Cognito::IdentityPool`: its id as `Ref` gives it, and AllowUnauthenticatedIdentities (required; unset, false). */
  addIdentityPool(stack: StackContext, logicalId: string, resource: CfnResource): void {
    const allows = stack.resolver.resolve(resource.Properties?.AllowUnauthenticatedIdentities);
    this.identityPools.set(stack.id(logicalId), {
      source: stack.ref(logicalId),
      id: resourceValue(logicalId),
      allowsGuests: booleanProperty(allows) ?? false,
      guestRoles: [],
    });
  }

  /**
   * An `AWS::Cognito::IdentityPoolRoleAttachment`: the role its `Roles.unauthenticated` names (the pool's role for guest
   * identities), joined to its pool (`IdentityPoolId`: a `Ref` to a pool of the template, else the id as written) once
   * every stack is linked. A role the change does not create is not the change's identity: nothing to hold it to.
   */
  linkIdentityPoolRoles(stack: StackContext, logicalId: string, resource: CfnResource): void {
    const properties = resource.Properties ?? {};
    // Read as written where it is a record (`Fn::GetAtt` of the role kept for findIdentity), else resolved first.
    const roles =
      isRecord(properties.Roles) && !isIntrinsic(properties.Roles)
        ? properties.Roles
        : stack.resolver.resolve(properties.Roles);
    if (!isRecord(roles) || roles.unauthenticated === undefined) return;
    const role = this.findIdentity(stack, logicalId, roles.unauthenticated, 'aws-role');
    if (!role) return;
    const referenced = stack.resolver.referencedResource(properties.IdentityPoolId);
    this.poolRoleAttachments.push({
      pool: referenced === undefined ? undefined : stack.id(referenced),
      poolId: stack.resolver.resolveString(properties.IdentityPoolId, 'IdentityPoolId'),
      attachment: { identity: role.id, source: stack.ref(logicalId) },
    });
  }

  /** The identity pools with the guest roles their attachments set; an attachment to a pool not in the change, its own. */
  private joinIdentityPools(): void {
    for (const { pool, poolId, attachment } of this.poolRoleAttachments) {
      const found = pool === undefined ? undefined : this.identityPools.get(pool);
      if (found) found.guestRoles.push(attachment);
      else
        this.identityPools.set(`attachment:${attachment.source.stack ?? ''}/${attachment.source.name}`, {
          source: attachment.source,
          id: poolId,
          allowsGuests: unknownValue('a setting of an identity pool the change does not create'),
          guestRoles: [attachment],
          outside: true,
        });
    }
    if (this.identityPools.size > 0) this.model.identityPools = [...this.identityPools.values()];
  }

  /**
   * A bucket, key, queue or topic policy: kept until every stack is linked, then granted to the identities of the
   * change its statements name (iam/aws/resource-policy-grants.ts), wherever they are. It looks nothing up while
   * linked, so it needs no LOOKUPS entry.
   */
  addResourcePolicy(stack: StackContext, logicalId: string, resource: CfnResource, type: ResourcePolicyType): void {
    const properties = resource.Properties;
    // Unset, it is none (as the Pulumi adapter reads it): a key without KeyPolicy gets the default key policy, which
    // lets in only the own account; a policy resource without its document is not deployable (the property is required).
    if (properties?.[type.document] === undefined) return;
    const attachedTo: PolicyValue[] = [];
    const { attachedTo: by } = type;
    if (by.kind === 'self') attachedTo.push(resourceValue(logicalId, 'Arn'));
    else if (by.kind === 'account') attachedTo.push(accountResourcesArn(by.resources));
    else {
      const add = (raw: unknown) => attachedTo.push(attachedResource(stack, raw, by.kind));
      if (by.list) this.eachItem(stack, properties[by.property], add);
      else add(properties[by.property]);
    }
    const raw = properties[type.document];
    this.resourcePolicies.push({
      source: stack.ref(logicalId),
      document: stack.policyDocument(
        type.form === 'opensearch-serverless-access'
          ? openSearchServerlessAccessDocument(stack.resolver.resolve(raw))
          : raw,
      ),
      attachedTo,
    });
  }

  /**
   * A policy written inside a property of the resource it is on (CLOUDFORMATION_NESTED_RESOURCE_POLICIES): each document
   * at the path (one per replica, one per alternative of an `Fn::If`), on the ARN of the attribute named. Absent, none.
   */
  addNestedResourcePolicy(
    stack: StackContext,
    logicalId: string,
    resource: CfnResource,
    nested: NestedResourcePolicy,
  ): void {
    for (const raw of valuesAt(stack, resource.Properties, nested.path))
      this.resourcePolicies.push({
        source: stack.ref(logicalId),
        document: stack.policyDocument(raw),
        attachedTo: [resourceValue(logicalId, nested.attribute)],
      });
  }

  /**
   * A policy written as one statement (CLOUDFORMATION_STATEMENT_POLICIES): that statement, on the resource its property
   * names, or the type's default one where unset. Without the statement (an older form naming accounts), none.
   */
  addStatementPolicy(stack: StackContext, logicalId: string, resource: CfnResource, type: StatementPolicyType): void {
    const properties = resource.Properties ?? {};
    const statement = properties[type.statement];
    if (statement === undefined) return;
    const named = properties[type.attachedTo.property];
    const { kind } = type.attachedTo;
    this.resourcePolicies.push({
      source: stack.ref(logicalId),
      document: stack.policyDocument({ Version: '2012-10-17', Statement: [statement] }),
      attachedTo: [attachedResource(stack, named ?? type.byDefault, kind)],
    });
  }

  /**
   * An `AWS::Lambda::Permission`: the statement it adds to its function's policy (lambdaPermissionDocument), on the
   * function `FunctionName` names: a function of the template by its ARN, an ARN as written, a name as Unknown.
   */
  addLambdaPermission(
    stack: StackContext,
    logicalId: string,
    resource: CfnResource,
    fields: PermissionStatement,
  ): void {
    const properties = resource.Properties ?? {};
    const raw = properties[fields.function];
    const target = stack.resolver.referencedResource(raw);
    const functionArn =
      target !== undefined && stack.input.template.Resources[target]?.Type === 'AWS::Lambda::Function'
        ? resourceValue(target, 'Arn')
        : functionArnOf(stack.resolver.resolveString(raw, 'FunctionName'));
    this.resourcePolicies.push({
      source: stack.ref(logicalId),
      document: stack.policyDocument(lambdaPermissionDocument(properties, fields)),
      attachedTo: [functionArn],
    });
  }

  /**
   * A resource that grants the principals it lists (PRINCIPAL_GRANTS): the statements it stands for
   * (principalGrantDocument), on the resource its property names (or the type's default one). None where it names no
   * principal.
   */
  addPrincipalGrant(stack: StackContext, logicalId: string, resource: CfnResource, fields: PrincipalGrantFields): void {
    const properties = resource.Properties ?? {};
    // A list of entries (QuickSight's permissions) is read as the template resolves it, each principal's ARN once
    // written out (an Fn::Sub naming the own account).
    const entries = fields.principals.some(({ kind }) => kind === 'entries');
    const resolved = entries ? stack.resolver.resolve(properties) : properties;
    const statements = new Map<string, unknown>();
    for (const written of entries ? [resolved] : principalBranches(stack, properties, fields)) {
      const branch = principalGrantDocument(isRecord(written) ? written : {}, fields);
      for (const statement of (branch?.Statement as unknown[] | undefined) ?? [])
        statements.set(JSON.stringify(statement), statement);
    }
    if (statements.size === 0) return;
    const document = { Version: '2012-10-17', Statement: [...statements.values()] };
    const { attachedTo: by } = fields;
    const attachedTo =
      by.kind === 'self'
        ? resourceValue(logicalId, 'Arn')
        : by.kind === 'account'
          ? accountResourcesArn(by.resources)
          : attachedResource(stack, properties[by.property] ?? fields.attachedByDefault, by.kind);
    this.resourcePolicies.push({
      source: stack.ref(logicalId),
      document: stack.policyDocument(document),
      attachedTo: [attachedTo],
    });
  }

  /**
   * An `AWS::RAM::ResourceShare`: whom it shares which resources with, each principal and resource as the template
   * resolves it (a parameter's value stays Unknown). It looks nothing up, so it needs no LOOKUPS entry.
   */
  addResourceShare(stack: StackContext, logicalId: string, resource: CfnResource, fields: ResourceShareFields): void {
    const properties = resource.Properties ?? {};
    const source = stack.ref(logicalId);
    const strings = (property: string | undefined, what: string): PolicyValue[] => {
      const values: PolicyValue[] = [];
      if (property !== undefined)
        this.eachItem(stack, properties[property], (item) => values.push(stack.resolver.resolveString(item, what)));
      return values;
    };
    const name = stack.resolver.resolveString(properties[fields.name], fields.name);
    const allowExternal =
      booleanProperty(stack.resolver.resolve(properties[fields.allowExternal])) ?? fields.allowExternalByDefault;
    const sources = strings(fields.sources, 'source account');
    const permissions: SharePermission[] = [];
    this.eachItem(stack, properties[fields.permissions], (item) => {
      permissions.push(this.sharePermission(stack, item));
    });
    // A permission association of the template that names the share adds its permission (before or after the share).
    for (const [id, other] of Object.entries(stack.input.template.Resources)) {
      const association = PERMISSION_ASSOCIATIONS[other.Type];
      if (!association || stack.resolver.referencedResource(other.Properties?.[association.share]) !== logicalId)
        continue;
      const raw = other.Properties?.[association.permission];
      permissions.push({ ...this.sharePermission(stack, raw), associatedBy: stack.ref(id) });
    }
    const share: ResourceShare = {
      source,
      name: typeof name === 'string' ? name : logicalId,
      principals: strings(fields.principals, 'principal').map((value) => ({ value, source })),
      resources: strings(fields.resources, 'resource ARN').map((value) => ({ value, source })),
      allowExternal,
      ...(sources.length > 0 ? { sources } : {}),
      ...(fields.sources !== undefined ? { sourcesSetting: fields.sources } : {}),
      ...(permissions.length > 0 ? { permissions } : {}),
    };
    (this.model.resourceShares ??= []).push(share);
  }

  /**
   * A RAM permission a share names: a customer managed permission of the same template (`Ref` and `Fn::GetAtt Arn`
   * both give its ARN) with the actions of its policy template, else the ARN as the template resolves it.
   */
  private sharePermission(stack: StackContext, raw: unknown): SharePermission {
    const target = stack.resolver.referencedResource(raw);
    const permission = target === undefined ? undefined : stack.input.template.Resources[target];
    const fields = permission === undefined ? undefined : SHARE_PERMISSIONS[permission.Type];
    if (target === undefined || permission === undefined || fields === undefined)
      return { value: stack.resolver.resolveString(raw, 'permission ARN') };
    const properties = permission.Properties ?? {};
    const name = stack.resolver.resolveString(properties[fields.name], fields.name);
    const template = stack.resolver.resolve(properties[fields.policyTemplate]);
    return {
      value: resourceValue(target, 'Arn'),
      definedBy: {
        name: typeof name === 'string' ? name : target,
        source: stack.ref(target),
        actions: policyTemplateActions(template, `${target}.${fields.policyTemplate}`),
      },
    };
  }

  /**
   * An `AWS::RAM::PermissionAssociation` with a share the template does not create: what it lets that share's
   * principals do is kept on a share of its own, marked outside (the association to a share of the template is read
   * with the share, addResourceShare).
   */
  addOutsidePermissionAssociation(
    stack: StackContext,
    logicalId: string,
    resource: CfnResource,
    fields: { permission: string; share: string },
  ): void {
    const properties = resource.Properties ?? {};
    const target = stack.resolver.referencedResource(properties[fields.share]);
    if (target !== undefined && stack.input.template.Resources[target]?.Type === 'AWS::RAM::ResourceShare') return;
    const source = stack.ref(logicalId);
    const arn = stack.resolver.resolveString(properties[fields.share], fields.share);
    const name = typeof arn === 'string' ? arn : `<${arn.description}>`;
    (this.model.resourceShares ??= []).push({
      source,
      name,
      principals: [],
      resources: [],
      allowExternal: unknownValue(`a setting of resource share ${name}, which the change does not create`),
      permissions: [{ ...this.sharePermission(stack, properties[fields.permission]), associatedBy: source }],
      outside: true,
    });
  }

  /** A lookup beyond the stack's own template while it is linked ahead: LOOKUPS misses one of its linkers' lookups. */
  private notAhead(stack: StackContext, from: string): void {
    if (this.linkingAhead)
      throw new Error(
        `internal error: ${from} in stack ${stack.input.stack} looks beyond its template while linked ahead`,
      );
  }

  /** The user into the group; `undecided` where some deployments do not add it (Identity.undecidedGroups). */
  addToGroup(stack: StackContext, fromLogicalId: string, user: Identity, rawGroup: unknown, undecided?: string): void {
    const group = this.findIdentity(stack, fromLogicalId, rawGroup, 'aws-group');
    if (!group) {
      // A group the change does not create still gives the user whatever its policies allow.
      const named = stack.resolver.resolveString(rawGroup, 'reference to an aws-group');
      (user.outsideGroups ??= []).push({ group: named, source: stack.ref(fromLogicalId) });
      return;
    }
    user.groups ??= [];
    const known = user.groups.includes(group.id);
    if (!known) user.groups.push(group.id);
    // Added in every deployment by one resource, the user is in the group whatever another adds only sometimes.
    const entries = user.undecidedGroups;
    const entry = entries?.findIndex((item) => item.group === group.id) ?? -1;
    if (undecided === undefined) {
      if (entries && entry >= 0) {
        entries.splice(entry, 1);
        if (entries.length === 0) delete user.undecidedGroups;
      }
    } else if (!known) (user.undecidedGroups ??= []).push({ group: group.id, undecided });
  }

  /**
   * A bucket created with ACLs disabled, named as the change's policies name it (its `Ref`): Object Ownership
   * BucketOwnerEnforced, written or left to S3's default. Object Ownership written otherwise, or in a way known only
   * at deployment, or a canned ACL that is not private (which needs ACLs enabled), leaves ACLs possibly enabled.
   */
  addBucketWithoutAcls(stack: StackContext, logicalId: string, resource: CfnResource): void {
    const properties = isRecord(resource.Properties) ? resource.Properties : {};
    const { OwnershipControls: controls, AccessControl: cannedAcl } = properties;
    const rules = isRecord(controls) ? controls.Rules : undefined;
    const enforced =
      controls === undefined ||
      (Array.isArray(rules) &&
        rules.length > 0 &&
        rules.every((rule) => isRecord(rule) && rule.ObjectOwnership === 'BucketOwnerEnforced'));
    if (!enforced || (cannedAcl !== undefined && cannedAcl !== 'Private')) return;
    const name = stack.resolver.resolve({ Ref: logicalId });
    const arn = stack.resolver.resolve({ 'Fn::GetAtt': [logicalId, 'Arn'] });
    const inStack = stack.ref(logicalId).stack;
    const buckets: NonNullable<Model['bucketsWithoutAcls']> = [];
    if (typeof name === 'string') buckets.push({ stack: inStack, name, ...(typeof arn === 'string' ? { arn } : {}) });
    // A policy may also write the bucket by the name every deployment gives it (`arn:aws:s3:::<BucketName>/*`), as
    // Terraform and Pulumi policies do.
    const named = deployedName(stack.resolver, resource, 'BucketName');
    if (named !== undefined && named !== name) buckets.push({ stack: inStack, name: named });
    if (buckets.length > 0) (this.model.bucketsWithoutAcls ??= []).push(...buckets);
  }

  /** `ManagedPolicyArns`: a reference to a managed policy of the change brings its document; an ARN stays an ARN. */
  linkManagedPolicyArns(stack: StackContext, logicalId: string, resource: CfnResource): void {
    const identity = this.identityOf(stack, logicalId);
    const written = resource.Properties?.ManagedPolicyArns;
    const undecided = written === undefined ? NO_ITEMS : stack.resolver.undecidedItems(written);
    this.eachItem(stack, written, (raw) => {
      const onlySometimes = undecided.includes(raw) ? undecidedItem(logicalId, 'ManagedPolicyArns') : undefined;
      const target = stack.resolver.referencedResource(raw);
      const policy = target === undefined ? undefined : stack.input.template.Resources[target];
      if (target && policy?.Type === 'AWS::IAM::ManagedPolicy') {
        this.hold(identity, this.policyGrant(stack, target, policy), onlySometimes);
        return;
      }
      // An ARN from a parameter is whatever policy the deployment passes (`--parameter-overrides`), not only the
      // default the template shows: each allowed value is held, or, without AllowedValues, a policy unknown until
      // deployment.
      const choices = stack.resolver.choicesOf(raw);
      const arns =
        choices === undefined
          ? [stack.sharedString(raw, 'ManagedPolicyArns item')]
          : isUnknown(choices)
            ? [choices]
            : choices;
      for (const arn of arns)
        identity.grants.push({
          kind: 'aws-managed-policy',
          source: identity.resource,
          arn,
          ...(onlySometimes !== undefined ? { undecided: onlySometimes } : {}),
        });
    });
  }

  linkPolicyHolders(stack: StackContext, logicalId: string, resource: CfnResource): void {
    const grant = this.policyGrant(stack, logicalId, resource);
    const properties = resource.Properties ?? {};
    // Indexed: once per policy resource, and cheaper for V8 to optimize than for…of.
    for (let index = 0; index < POLICY_HOLDERS.length; index++) {
      const holders = POLICY_HOLDERS[index];
      if (holders === undefined) continue;
      const { property, kind } = holders;
      const written = properties[property];
      const items = this.listItems(stack, written);
      // A holder only one branch of an Fn::If names holds the policy in some deployments only.
      const undecided = written === undefined ? NO_ITEMS : stack.resolver.undecidedItems(written);
      for (let item = 0; item < items.length; item++) {
        const raw = items[item];
        const holder =
          this.findIdentity(stack, logicalId, raw, kind) ?? this.externalHolder(stack, logicalId, raw, kind);
        if (holder) this.hold(holder, grant, undecided.includes(raw) ? undecidedItem(logicalId, property) : undefined);
      }
    }
  }

  /**
   * A list property's items (eachItem visits these), `Fn::If` branches and `AWS::NoValue` as Resolver.listItems has
   * them: the property's own array when no item is left out or branches (a CDK policy's `Roles`), so a policy
   * resource, linked once per policy, makes no callback to visit its holders.
   */
  private listItems(stack: StackContext, raw: unknown): readonly unknown[] {
    return raw === undefined ? NO_ITEMS : stack.resolver.listItems(raw);
  }

  /** An `AWS::IAM::RolePolicy`, `UserPolicy` or `GroupPolicy`: one inline policy on the identity `property` names. */
  linkSingleHolderPolicy(
    stack: StackContext,
    logicalId: string,
    resource: CfnResource,
    property: string,
    kind: IdentityKind,
  ): void {
    const grant = inlinePolicy(
      stack.resolver.resolve({
        PolicyName: resource.Properties?.PolicyName,
        PolicyDocument: resource.Properties?.PolicyDocument,
      }),
      stack.ref(logicalId),
    );
    const undecided = undecidedCondition(stack, logicalId, resource);
    if (undecided !== undefined) grant.undecided = undecided;
    const raw = resource.Properties?.[property];
    const holder = this.findIdentity(stack, logicalId, raw, kind) ?? this.externalHolder(stack, logicalId, raw, kind);
    if (holder) holder.grants.push(grant);
    else this.model.unattachedPolicies.push(grant);
  }

  /**
   * A role, user or group a policy names that the change does not create: judged on what the change grants it, at
   * the granting resource. A holder only known at apply stays unheld (its policy is still checked as a policy).
   */
  private externalHolder(
    stack: StackContext,
    logicalId: string,
    raw: unknown,
    kind: IdentityKind,
  ): Identity | undefined {
    const value = stack.resolver.resolveString(raw, `reference to an ${kind}`);
    if (typeof value !== 'string') return undefined;
    const external = externalIdentity(stack.input.stack, kind, value, stack.ref(logicalId));
    if (!external) return undefined;
    const existing = this.identities.get(external.id);
    if (existing) return existing;
    this.addIdentity(external);
    return external;
  }

  /** A static credential (access key, service-specific credential) on the user it names, created here or not. */
  linkUserCredential(stack: StackContext, logicalId: string, resource: CfnResource, kind: CredentialKind): void {
    const raw = resource.Properties?.UserName;
    const user = this.findIdentity(stack, logicalId, raw, 'aws-user') ?? this.externalUser(stack, logicalId, raw);
    user.credentials.push({ kind, source: stack.ref(logicalId) });
  }

  /**
   * The role a compute resource runs as (at property `path`, COMPUTE_ROLES): an attachment of that kind on the role,
   * with the compute's name where property `named` holds one every deployment gives (deployedName).
   */
  linkCompute(
    stack: StackContext,
    logicalId: string,
    resource: CfnResource,
    path: readonly PathStep[],
    kind: ComputeAttachment['kind'],
    named?: string,
  ): void {
    const podIdentity = kind === 'eks-pod-identity';
    const workload = podIdentity ? this.podIdentityWorkload(stack, resource) : undefined;
    const name = named === undefined ? undefined : deployedName(stack.resolver, resource, named);
    for (const raw of valuesAt(stack, resource.Properties, path)) {
      const role = this.runsAs(stack, logicalId, raw);
      role?.attachments.push({
        kind,
        source: stack.ref(logicalId),
        ...(name !== undefined ? { name } : {}),
        ...(workload ? { workload } : {}),
      });
      if (podIdentity && (!role || role.external)) {
        const property = typeof path[0] === 'string' ? path[0] : kind;
        this.unseen.push(
          unseenPodIdentityRole(stack.ref(logicalId), property, stack.resolver.resolveString(raw, property)),
        );
      }
    }
  }

  /** The cluster, namespace and service account a Pod Identity association binds its role to. */
  private podIdentityWorkload(stack: StackContext, resource: CfnResource): PodIdentityWorkload {
    const names = POD_IDENTITY_WORKLOAD_PROPERTIES.cloudFormation;
    return podIdentityWorkload((part) => {
      const raw = resource.Properties?.[names[part]];
      return raw === undefined ? undefined : stack.resolver.resolveString(raw, names[part]);
    });
  }

  /**
   * The role compute runs as: the change's own, or one it does not create (a catalog's break-glass role named by ARN
   * or name), which runs the compute all the same.
   */
  runsAs(stack: StackContext, logicalId: string, raw: unknown): Identity | undefined {
    return (
      this.findIdentity(stack, logicalId, raw, 'aws-role') ?? this.externalHolder(stack, logicalId, raw, 'aws-role')
    );
  }

  private addIdentity(identity: Identity): void {
    this.identityIndex.beforeAdd(identity);
    this.identities.set(identity.id, identity);
    this.model.identities.push(identity);
  }

  /** The grant of an `AWS::IAM::Policy` or `ManagedPolicy` resource, made once. */
  private policyGrant(stack: StackContext, logicalId: string, resource: CfnResource): AwsPolicyGrant {
    const id = stack.id(logicalId);
    let grant = this.policies.get(id);
    if (!grant) {
      const managed = resource.Type === 'AWS::IAM::ManagedPolicy';
      const name = literalName(resource, managed ? 'ManagedPolicyName' : 'PolicyName');
      const source = stack.ref(logicalId);
      // A managed policy's name is unique in its account, so a finding about the policy alone may be waived by it; an
      // inline policy's name is unique only within its holder.
      if (managed && name !== undefined) source.physicalName = name;
      grant = {
        kind: 'aws-policy',
        source,
        policyName: name ?? logicalId,
        document: stack.policyDocument(resource.Properties?.PolicyDocument),
      };
      const undecided = undecidedCondition(stack, logicalId, resource);
      if (undecided !== undefined) grant.undecided = undecided;
      this.policies.set(id, grant);
    }
    return grant;
  }

  /** Gives the identity the policy; `undecided` where some deployments do not (the grant then says so: Grant.undecided). */
  private hold(identity: Identity, grant: AwsPolicyGrant, undecided?: string): void {
    this.heldPolicies.add(grant);
    let held = grant;
    if (undecided !== undefined && grant.undecided === undefined) {
      // One copy per policy, shared by its undecided holders: the same document, so rules count the policy once.
      held = this.undecidedGrants.get(grant) ?? { ...grant, undecided };
      this.undecidedGrants.set(grant, held);
    }
    if (!identity.grants.includes(held)) identity.grants.push(held);
  }

  private externalUser(stack: StackContext, keyLogicalId: string, raw: unknown): Identity {
    const value = stack.resolver.resolveString(raw, 'UserName');
    const name = typeof value === 'string' ? value : keyLogicalId;
    const id = `${stack.input.stack}/external-user:${name}`;
    let user = this.identities.get(id);
    if (!user) {
      user = externalUser(id, name, stack.ref(keyLogicalId), typeof value === 'string' ? iamArn('user', value) : value);
      this.addIdentity(user);
    }
    return user;
  }
}

/**
 * What decides whether a resource is created, where deploy time does: its Condition, when plan-time values leave it
 * open (a resource whose Condition is false at plan time is not read at all: stack-context.ts).
 */
function undecidedCondition(stack: StackContext, logicalId: string, resource: CfnResource): string | undefined {
  const name = resource.Condition;
  return typeof name === 'string' && isUnknown(stack.resolver.condition(name))
    ? `${logicalId} is created only where its Condition ${name} holds, which deploy time decides`
    : undefined;
}

/** Why an item of a holder list is held in some deployments only (Resolver.undecidedItems). */
function undecidedItem(logicalId: string, property: string): string {
  return `${logicalId} names it in ${property} in one branch of an Fn::If that deploy time decides`;
}

/**
 * The values at a property path (EACH: every item of a list, as eachItem reads it; a NamedValue: the values of the
 * list's pairs of that name), raw so a `Ref` can be followed. An `Fn::If` at any level gives the branch plan-time
 * values choose, or, where the deployment decides, both: each role a branch may name is read (fail closed), and
 * `AWS::NoValue` names none. Each level written as a record is read as written, one written with another intrinsic
 * (`Fn::FindInMap`) is resolved first. None where a level is left out; an Unknown level is the value (a reference
 * known at apply), an Unknown pair names no value, a pair whose name the deployment decides may (namedValue).
 */
function valuesAt(stack: StackContext, value: unknown, path: readonly PathStep[]): unknown[] {
  if (value === undefined) return [];
  const [key, ...rest] = path;
  if (key === EACH) return stack.resolver.listItems(value).flatMap((item) => valuesAt(stack, item, rest));
  if (key !== undefined && typeof key !== 'string')
    return stack.resolver.listItems(value).flatMap((item) => valuesAt(stack, namedValue(stack, item, key), rest));
  const alternatives = stack.resolver.alternatives(value);
  if (key === undefined) return [...alternatives];
  return alternatives.flatMap((alternative) => {
    const record = isIntrinsic(alternative) ? stack.resolver.resolve(alternative) : alternative;
    if (isUnknown(record)) return [record];
    if (!isRecord(record) || !Object.hasOwn(record, key)) return [];
    return valuesAt(stack, record[key], rest);
  });
}

/**
 * A pair's value when its name is the one asked for, else none. A name the deployment decides (a parameter, a
 * condition) that may be the one asked for takes the value too: fail closed, as a value that names no role (a Lambda
 * function's ARN) attaches nothing.
 */
function namedValue(stack: StackContext, item: unknown, { name, is, value }: NamedValue): unknown {
  const record = isIntrinsic(item) ? stack.resolver.resolve(item) : item;
  if (!isRecord(record) || isUnknown(record)) return undefined;
  const written = record[name];
  if (typeof written === 'string' || written === undefined) return written === is ? record[value] : undefined;
  const choices = stack.resolver.choicesOf(written);
  if (choices !== undefined && (isUnknown(choices) || choices.includes(is))) return record[value];
  const resolved = stack.resolver.resolve(written);
  return resolved === is || isUnknown(resolved) ? record[value] : undefined;
}

/**
 * The ARN of the resource a resource policy is attached to, from the property that names it: a queue's `Ref` (its URL)
 * as the queue's ARN, a bucket name as the bucket's, an ARN as it is; what cannot be told stays Unknown.
 */
function attachedResource(stack: StackContext, raw: unknown, kind: NamedBy): PolicyValue {
  if (kind === 'queue-url') {
    const queue = stack.resolver.referencedResource(raw);
    if (queue !== undefined && stack.input.template.Resources[queue]?.Type === 'AWS::SQS::Queue')
      return resourceValue(queue, 'Arn');
  }
  const value = stack.resolver.resolveString(
    raw,
    kind === 'arn' ? 'ARN' : kind === 'queue-url' ? 'queue URL' : kind.replaceAll('-', ' '),
  );
  return isUnknown(value) || kind === 'arn' ? value : attachedArnOf(kind, value);
}

/**
 * A principal grant's properties as each deployment may write them where an `Fn::If` that only deploy time decides
 * (or `AWS::NoValue`) writes a principal, or the structure holding one (Lake Formation's `DataLakePrincipal`), whole:
 * one set of properties per branch, so that every principal some deployment grants is judged. The resolver's
 * reading of a deploy-time `Fn::If` keeps both branches of a list or policy document but gives Unknown for two
 * structures, and read as written the structure is an `Fn::If`, not a principal: both named no principal (fail-open).
 */
function principalBranches(
  stack: StackContext,
  properties: Readonly<Record<string, unknown>>,
  fields: PrincipalGrantFields,
): readonly Readonly<Record<string, unknown>>[] {
  let branches: Readonly<Record<string, unknown>>[] = [properties];
  const expand = (holderOf: (props: Readonly<Record<string, unknown>>) => unknown, key: string, within?: string) => {
    branches = branches.flatMap((props) => {
      const holder = holderOf(props);
      if (!isRecord(holder) || !isIntrinsic(holder[key])) return [props];
      const values = stack.resolver.alternatives(holder[key]);
      // A branch of AWS::NoValue leaves the property out, not the grant's other principals.
      return (values.length > 0 ? values : [undefined]).map((value) =>
        within === undefined ? { ...props, [key]: value } : { ...props, [within]: { ...holder, [key]: value } },
      );
    });
  };
  for (const { property, within } of fields.principals) {
    if (within !== undefined) expand((props) => props, within);
    expand((props) => (within === undefined ? props : props[within]), property, within);
  }
  return branches;
}
