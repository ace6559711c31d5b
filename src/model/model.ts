/**
 * The normalized model: what an IaC change plans to create, independent of the tool that plans it.
 * Adapters (CloudFormation, Pulumi, …) build a Model; rules read it. Nothing here imports Pulumi or the CDK.
 */

export type Cloud = 'aws' | 'azure' | 'gcp' | 'kubernetes';

/** How the user sees a resource: enough to point at it in every front-end. */
export interface ResourceRef {
  /** The tool's type: `AWS::IAM::Role`, `aws:iam/role:Role`, … */
  type: string;
  /** CloudFormation logical id or Pulumi resource name. */
  name: string;
  /** Pulumi URN. */
  urn?: string;
  /** CDK construct path (`Stack/Role/Resource`). */
  path?: string;
  /** Template or manifest file the resource came from. */
  file?: string;
  /** Stack (CloudFormation stack or Pulumi stack) holding the resource. */
  stack?: string;
  /**
   * Where a resource of an input without construct paths or URNs is unique, as an exception target names it
   * (catalog/waivers.ts): `stack:<stack>/<LogicalId>` for a plain CloudFormation template (the stack's own namespace of
   * logical ids, as a construct path is a CDK app's), `k8s:<Kind>/<name>` for a cluster-scoped Kubernetes object and
   * `k8s:<namespace>/<Kind>/<name>` for a namespaced one, `pulumi:<project>/<stack>/<name>` for a Pulumi resource whose
   * name no other identity or secret of its whole stack carries.
   */
  location?: string;
  /**
   * The resource's own name where its cloud keeps it unique in an account or project, set on a resource a finding may
   * concern alone (no identity or secret of the change holds it): a customer-managed IAM policy's name, a Google Cloud
   * custom role's or workload identity pool provider's full name, an Azure custom role's name. An exception may target
   * it (catalog/waivers.ts), as it targets an identity's physical name: without it a Terraform plan's standalone policy,
   * which has no construct path, location or URN, could be waived by nothing.
   */
  physicalName?: string;
  /** Where the resource is declared in `file` (1-based), from the parser's source positions. */
  line?: number;
  column?: number;
}

/**
 * A value the adapter could not read: a Pulumi output unknown during preview, or a CloudFormation
 * token that does not resolve. Rules must never treat it as safe.
 */
export interface Unknown {
  readonly unknown: true;
  /** What it stands for, for the message: `Fn::GetAtt Role.Arn`, `output of aws:iam/role:Role`. */
  readonly description: string;
  /**
   * A value the source holds but hides: a secret `pulumi stack export` wrote encrypted. Whether the program set it or
   * another resource computed it is still known (the property's dependencies), unlike a value unknown until apply.
   */
  readonly encrypted?: true;
  /**
   * A value the source writes but that cannot be read as written (a policy's JSON text with a key twice, a statement
   * that is not an object): no deployment makes it known, so messages say it is unreadable, not "until apply".
   */
  readonly malformed?: true;
  /**
   * What is known of a string built from known and unknown parts (the own account's id and a role name the deployment
   * sets): the value is some string this glob matches, each unknown part a `*` (`arn:aws:iam::<own-account>:role/*`). A `*`
   * written in a known part reads as a wildcard too, which can only widen what the pattern admits.
   */
  readonly pattern?: string;
}

export function unknownValue(description: string, pattern?: string): Unknown {
  return pattern === undefined ? { unknown: true, description } : { unknown: true, description, pattern };
}

export function encryptedValue(description: string): Unknown {
  return { unknown: true, description, encrypted: true };
}

/** A value a Pulumi stack export keeps encrypted (a secret exported without --show-secrets): set, but not readable. */
export function isEncryptedValue(value: unknown): value is Unknown {
  return isUnknown(value) && value.encrypted === true;
}

export function malformedValue(description: string): Unknown {
  return { unknown: true, description, malformed: true };
}

export function isUnknown(value: unknown): value is Unknown {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { unknown?: unknown }).unknown === true &&
    'description' in value
  );
}

export type Maybe<T> = T | Unknown;

// ---------- AWS IAM policy documents (as written, before evaluation) ----------

export type PolicyValue = Maybe<string>;

/** An AWS policy statement with every field normalized to arrays; unknown values kept as Unknown. */
export interface PolicyStatement {
  sid?: string;
  effect: 'Allow' | 'Deny';
  /** Exactly one of action / notAction is set. */
  action?: PolicyValue[];
  notAction?: PolicyValue[];
  /** Absent in trust policies. */
  resource?: PolicyValue[];
  notResource?: PolicyValue[];
  /** Absent outside trust and resource policies. `'*'` means every principal. */
  principal?: PrincipalBlock;
  notPrincipal?: PrincipalBlock;
  /** operator -> condition key -> values */
  condition?: Record<string, Record<string, PolicyValue[]>>;
  /**
   * When the condition ends the statement (ISO time): it bounds the request time (`DateLessThan aws:CurrentTime`, read
   * strictly: src/iam/aws/condition-time.ts), so from then on the statement grants or denies nothing. Unset when the
   * condition sets no end this reading is sure of.
   */
  conditionEnds?: string;
  /**
   * The strings of its Sid, Resource and NotResource that a parameter the deployment sets writes (a CloudFormation
   * `Ref` to a parameter with a default): the plan shows the default, another deployment writes another value, so
   * what IAM would make of them is not known before deployment. Read from SET_BY_DEPLOYMENT on the statement as written.
   */
  setByDeployment?: string[];
  /**
   * Only some deployments write the statement: it is one branch of a condition deploy time decides (CloudFormation's
   * `Fn::If` in a Statement list), judged with the other branch's, which another deployment writes instead. Read from
   * ONLY_SOME_DEPLOYMENTS on the statement as written.
   */
  onlySomeDeployments?: true;
}

/**
 * The key under which an adapter marks a statement as written (before parsePolicyDocument) with the strings a
 * parameter the deployment sets writes in it (PolicyStatement.setByDeployment). A symbol, which no IaC source can
 * write and the parser's check of element names does not see.
 */
export const SET_BY_DEPLOYMENT: unique symbol = Symbol('entitlement-guard.set-by-deployment');

/** The key under which an adapter marks a statement as written that only some deployments write (onlySomeDeployments). */
export const ONLY_SOME_DEPLOYMENTS: unique symbol = Symbol('entitlement-guard.only-some-deployments');

export type PrincipalBlock = '*' | Partial<Record<'AWS' | 'Service' | 'Federated' | 'CanonicalUser', PolicyValue[]>>;

export interface PolicyDocument {
  statements: PolicyStatement[];
  /** Set when the whole document (or its shape) could not be read. */
  unreadable?: Unknown;
}

// ---------- Grants: what an identity is allowed to do ----------

interface GrantBase {
  /** The resource that creates this grant (the policy, the attachment, the role assignment). */
  source: ResourceRef;
  /**
   * Set where some deployments of the change do not give the identity this grant: what decides it (a policy resource
   * whose Condition, or an `Fn::If` naming the holder, only deploy time decides). What it allows is judged as held, as
   * some deployment holds it; what it denies removes nothing, as another deployment lacks it.
   */
  undecided?: string;
}

/** An inline or customer-managed AWS policy document attached to the identity. */
export interface AwsPolicyGrant extends GrantBase {
  kind: 'aws-policy';
  policyName?: string;
  document: PolicyDocument;
  /**
   * Set where the grant is what a resource-based policy (a bucket, key, queue or topic policy) gives the identity its
   * Principal names, read as a policy of the identity's own: the document is the resource policy's statements, whose
   * grammar is not an identity policy's (a Sid may hold other characters, the Resource may be left out).
   */
  fromResourcePolicy?: true;
}

/** An AWS managed (or customer-managed, by ARN) policy attached to the identity. */
export interface AwsManagedPolicyGrant extends GrantBase {
  kind: 'aws-managed-policy';
  arn: Maybe<string>;
}

/** A role assigned at a scope (Azure RBAC, Azure AD directory role, GCP IAM, Kubernetes RBAC). */
export interface RoleGrant extends GrantBase {
  kind: 'role';
  cloud: Exclude<Cloud, 'aws'>;
  /** Role name or id: `Owner`, `roles/editor`, `cluster-admin`, `Global Administrator`. */
  role: Maybe<string>;
  /** `/subscriptions/…`, `projects/p`, `organizations/1`, `cluster`, `namespace/ns`, `directory`. */
  scope: Maybe<string>;
  scopeLevel?:
    | 'management-group'
    | 'subscription'
    | 'resource-group'
    | 'resource'
    | 'organization'
    | 'folder'
    | 'project'
    | 'cluster'
    | 'namespace'
    | 'directory'
    | 'application';
  /** Custom role permissions when the role is defined in the same change (Azure actions, K8s rules, GCP permissions). */
  permissions?: RolePermission[];
  /**
   * Azure: the grant is a Key Vault access policy on the vault of `scope` (role `Key Vault access policy`). Its
   * permission lists as written (`keys`, `secrets`, `certificates`, `storage`: `get`, `all`, …); `permissions` holds the
   * Key Vault data actions they stand for. `applicationId`: the policy is a compound identity, so the principal holds
   * it only when it signs in through that application.
   */
  keyVaultAccessPolicy?: { lists: Partial<Record<KeyVaultPermissionList, string[]>>; applicationId?: Maybe<string> };
  /**
   * Kubernetes: the Role or ClusterRole the binding names is neither defined in the change nor one of Kubernetes'
   * default roles, so what it grants cannot be seen. Unset when the change defines it, even with rules known only at
   * apply.
   */
  roleOutsideChange?: 'Role' | 'ClusterRole';
  /**
   * Kubernetes: the binding names one of Kubernetes' default roles (data/kubernetes-default-roles.json) that the change
   * does not define, so `permissions` are that role's rules as every API server holds them (for admin, edit and view,
   * with what the change's own ClusterRoles aggregate into them). `redefined` when the change also writes a role of
   * that name: the API server keeps the default's rules in it at each start, so both are held.
   */
  kubernetesDefault?: 'default' | 'redefined';
  /** An IAM condition the grant is subject to (GCP conditional bindings): `title: expression`, or Unknown. */
  condition?: Maybe<string>;
  /**
   * When the condition ends the grant (ISO time): its expression bounds `request.time` in a plain conjunction
   * (src/iam/gcp/conditions.ts), so from then on the binding grants nothing. Unset when the condition sets no end.
   */
  conditionEnds?: string;
  /**
   * Google Cloud: the grant is on a 1st-gen Cloud Function the change creates, triggered as the change shows it:
   * `event` (an event trigger, so the function has no URL), `http`, or Unknown (known only at apply, or neither set).
   * Unset for a grant on anything else, or on a function the change does not show.
   */
  functionTrigger?: Maybe<'event' | 'http'>;
  /**
   * Azure: the grant is made through Privileged Identity Management (a PIM eligible or active role assignment, a role
   * eligibility or assignment schedule request), not as a plain role assignment: whether it is held now or only once
   * activated, and when its schedule ends.
   */
  pim?: PimSchedule;
  /**
   * Azure: the grant is a delegated permission (an OAuth2 permission grant, `role` its scope) and not an application
   * permission: the client acts as a signed-in user, on behalf of every user of the tenant (`user` unset: admin
   * consent) or of the one user named, and holds no more than that user may do.
   */
  delegated?: { user?: Maybe<string> };
}

/**
 * An Azure PIM schedule of a role grant. Exactly one of `permanent`, `unreadable` or an end (`ends`, `lastsSeconds`, or
 * both) is set.
 */
export interface PimSchedule {
  /**
   * `eligible`: the principal holds the role only once it activates it through PIM, for as long and with the approval
   * the role's PIM settings ask (just in time); `active`: it holds the role from the schedule's start.
   */
  assignment: 'eligible' | 'active';
  /** The schedule never ends: its expiration is NoExpiration, or none is written (PIM's default is permanent). */
  permanent?: true;
  /** When it ends (ISO time): an end written, or a start and a duration. */
  ends?: string;
  /** How long it lasts from its start, in seconds: a duration written, or a start and an end. */
  lastsSeconds?: number;
  /** Its end cannot be read: known only at apply (`pending`), or written in a form this check does not read. */
  unreadable?: { what: string; pending: boolean };
}

/** The permission lists of a Key Vault access policy. */
export type KeyVaultPermissionList = 'keys' | 'secrets' | 'certificates' | 'storage';

export interface RolePermission {
  /** Azure control-plane actions and exclusions. */
  actions?: string[];
  notActions?: string[];
  /** Azure data-plane actions (Key Vault secrets, blobs) and exclusions. */
  dataActions?: string[];
  notDataActions?: string[];
  /** Google Cloud permissions (`iam.serviceAccounts.actAs`) of a custom role. */
  permissions?: string[];
  /** Kubernetes */
  apiGroups?: string[];
  resources?: string[];
  verbs?: string[];
  /** Kubernetes: the rule reaches only the objects of these names. */
  resourceNames?: string[];
  /** Kubernetes: paths of the API server that are not resources (`/healthz`, `/metrics`, `*`). */
  nonResourceURLs?: string[];
  /**
   * Kubernetes: for a rule limited by resourceNames on roles or clusterroles (`bind` on cluster-admin alone), the roles
   * it names as the adapter found them. Unset where nothing looked them up: every name is then unseen.
   */
  namedRoles?: NamedKubernetesRole[];
}

/** A Role or ClusterRole a rule names (resourceNames), with what it grants where that is known. */
export interface NamedKubernetesRole {
  kind: 'Role' | 'ClusterRole';
  name: string;
  /** Where the Role found is (`namespace/ns`); unset for a ClusterRole. */
  scope?: string;
  /**
   * Its rules: the change's role, or Kubernetes' default of that name (aggregated rules included). Unset when neither
   * defines it (a Role: in no namespace the rule reaches), Unknown when the change's rules are known only at apply.
   */
  rules?: RolePermission[] | Unknown;
}

/**
 * A role the change defines (Kubernetes Role or ClusterRole, Azure or Google Cloud custom role): judged on its own,
 * bound or not, because it is usually bound from elsewhere, by a chart, or later.
 */
export interface RoleDefinition {
  cloud: Exclude<Cloud, 'aws'>;
  kind: 'k8s-role' | 'k8s-cluster-role' | 'azure-custom-role' | 'gcp-custom-role';
  /** The role's name as bindings and assignments name it. */
  name: string;
  source: ResourceRef;
  /** Where it can be granted: `namespace/ns`, `cluster`, the assignable scopes, `projects/p`, `organizations/1`. */
  scope?: string;
  /** Its rules (Kubernetes, aggregated rules included), actions (Azure) or permissions (Google Cloud); Unknown until apply. */
  permissions: RolePermission[] | Unknown;
  /** Kubernetes: roles whose rules an aggregationRule folds in, by name. */
  aggregates?: string[];
  /**
   * A Kubernetes ClusterRole that the change binds, and only through RoleBindings: the namespaces of those bindings,
   * the only ones it holds in (as a Role there would). Unset where the change binds it cluster-wide or not at all, where
   * a binding's role or namespace is not known until apply, and where another ClusterRole aggregates it.
   */
  boundOnlyIn?: string[];
}

/**
 * An identity federation provider the change defines (a Google Cloud workload identity pool provider): judged on its
 * own, since a pool accepts tokens for every principal bound to it now or later.
 */
export interface FederationProvider {
  source: ResourceRef;
  pool: Maybe<string>;
  issuer: Maybe<string>;
  /** The CEL condition every token must satisfy; absent when the provider sets none. */
  attributeCondition?: Maybe<string>;
}

/**
 * An Amazon Cognito identity pool the change defines, as far as it decides who gets AWS credentials: whether it gives
 * identities to unauthenticated (guest) users, and the roles its role attachments give those guests. A guest identity
 * needs no sign-in, so a role the pool gives guests is anyone's (Amazon Cognito Developer Guide, "Identity pools",
 * unauthenticated identities). A role attachment for a pool the change does not create makes an entry of its own, whose
 * `allowsGuests` the change cannot know.
 */
export interface IdentityPool {
  source: ResourceRef;
  /** The pool's id as the change's values write it: what a role trust's cognito-identity.amazonaws.com:aud compares with. */
  id: PolicyValue;
  /** Whether the pool gives identities to unauthenticated users (unset: false, its default). */
  allowsGuests: Maybe<boolean>;
  /**
   * The change's roles (identity ids) a role attachment gives unauthenticated identities, with that attachment.
   * `perhaps`: the attachment's roles are known only at apply and name this role among others (its role for signed-in
   * identities too), so this may not be the guests' one.
   */
  guestRoles: { identity: string; source: ResourceRef; perhaps?: true }[];
  /** Set for a pool the change does not create, known only from its role attachment (`source`). */
  outside?: true;
}

export type Grant = AwsPolicyGrant | AwsManagedPolicyGrant | RoleGrant;

/** A binding's IAM condition as a role grant carries it: the condition, and when it ends the grant if it does. */
export type GrantCondition = Required<Pick<RoleGrant, 'condition'>> & Pick<RoleGrant, 'conditionEnds'>;

/**
 * Whether the condition of a statement (AWS) or a grant (a Google Cloud binding), or the PIM schedule of an Azure
 * grant, has ended it by `now` (PolicyStatement.conditionEnds, RoleGrant.conditionEnds, RoleGrant.pim): it is still
 * written, but grants, admits and denies nothing, so no rule judges it.
 */
export function conditionEnded(subject: { conditionEnds?: string; pim?: PimSchedule }, now: Date): boolean {
  const ends = subject.conditionEnds ?? subject.pim?.ends;
  return ends !== undefined && Date.parse(ends) <= now.getTime();
}

// ---------- Credentials ----------

export type CredentialKind =
  | 'aws-access-key'
  | 'aws-service-specific-credential'
  | 'aws-login-profile'
  /** An IAM user's SSH public key (CodeCommit over SSH): valid until deleted, as an access key. */
  | 'aws-ssh-public-key'
  /** An IAM user's X.509 signing certificate (request signing): valid until deleted, as an access key. */
  | 'aws-signing-certificate'
  | 'azure-client-secret'
  | 'azure-certificate'
  | 'gcp-service-account-key'
  /** A Cloud Storage HMAC key (access id and secret) of a service account: valid until deleted, as a service-account key. */
  | 'gcp-hmac-key'
  | 'k8s-service-account-token'
  /**
   * An X.509 certificate and its private key that an IAM Roles Anywhere trust anchor accepts: a role whose trust admits
   * rolesanywhere.amazonaws.com gives its sessions to whoever holds one (IAM Roles Anywhere User Guide, "Trust model").
   * The certificate lives outside AWS and outside the change: how long it is valid and who holds it is the certificate
   * authority's, not the IaC's. One per Roles Anywhere profile of the change that names the role (its `source`), else one
   * on the role itself (the profile that vends its sessions is not in the change).
   */
  | 'aws-roles-anywhere'
  | 'federated';

export interface Credential {
  kind: CredentialKind;
  source: ResourceRef;
  /** A Kubernetes service-account token Secret's own name (metadata.name), as RBAC resourceNames name it. */
  objectName?: string;
  /** ISO date the credential stops working, when the IaC sets one. */
  expiresAt?: Maybe<string>;
  /** Federated credentials: the issuer and subject they accept. */
  issuer?: Maybe<string>;
  subject?: Maybe<string>;
  audiences?: Maybe<string>[];
  /**
   * GCP workload identity pool providers: the attribute condition (CEL) every token must satisfy, or an Unknown;
   * absent when the provider sets none.
   */
  attributeCondition?: Maybe<string>;
  /**
   * GCP: a binding that lets members of a workload identity pool act as the account when no provider of the change
   * can be that pool's, so its issuer, claim mapping and attribute condition are not seen. `name` is the pool's full
   * name, `member` the member's path in it (`*`, `group/<g>`, `attribute.<name>/<value>`, `subject/<s>`); `subject` is
   * set only where the member pins one (an exact subject, or one repository as `repo:<owner>/<repo>:*`).
   */
  unseenPool?: { name: string; member: string };
  /**
   * IAM Roles Anywhere: how long sessions the profile (`source`) vends last, in seconds: its DurationSeconds, or 3600,
   * AWS's default when the profile leaves it out (`sessionDefault`); an Unknown until apply. Absent when no profile of the
   * change names the role.
   */
  sessionSeconds?: Maybe<number>;
  sessionDefault?: true;
}

// ---------- Identities ----------

export type IdentityKind =
  | 'aws-role'
  | 'aws-user'
  | 'aws-group'
  /** An IAM Identity Center permission set: the role it provisions in each account it is assigned to. */
  | 'aws-permission-set'
  | 'azure-application'
  | 'azure-service-principal'
  | 'azure-managed-identity'
  | 'gcp-service-account'
  | 'k8s-service-account';

export type IdentityClass = 'human' | 'service' | 'workload' | 'agent' | 'break-glass';
export const IDENTITY_CLASSES: readonly IdentityClass[] = ['human', 'service', 'workload', 'agent', 'break-glass'];

/**
 * What runs as the identity: an instance profile, a Lambda function, a pod, a VM or node pool, a serverless service,
 * or an AWS service that acts as the role it is given (adapters/aws/compute-roles.ts). The kind is shown in findings
 * and the audit view (`codebuild BuildProject`).
 */
export interface ComputeAttachment {
  kind:
    | 'instance-profile'
    | 'lambda'
    | 'ecs-task'
    | 'ecs-task-execution'
    | 'codebuild'
    | 'codepipeline'
    | 'codepipeline-action'
    | 'event-target'
    | 'schedule'
    | 'pipe'
    | 'state-machine'
    | 'glue'
    | 'batch'
    | 'sagemaker'
    // Bedrock acts as an agent's role to invoke its model and query its knowledge bases, as a knowledge base's to
    // read and embed its data sources, and as a flow's to run its nodes (models, prompts, agents, Lambda functions).
    | 'bedrock-agent'
    | 'bedrock-knowledge-base'
    | 'bedrock-flow'
    // Bedrock reads a customization job's data and runs an evaluation job's prompts as the job's role.
    | 'bedrock-model-job'
    // AgentCore runs an agent, or code an agent writes, as a runtime's, a code interpreter's and a browser's role (their
    // microVMs hand its credentials to whatever runs there), calls a gateway's targets as its role, and acts as a
    // memory's and an online evaluation's role to invoke models and read the agent's logs.
    | 'bedrock-agentcore-runtime'
    | 'bedrock-agentcore-code-interpreter'
    | 'bedrock-agentcore-browser'
    | 'bedrock-agentcore-gateway'
    | 'bedrock-agentcore-memory'
    | 'bedrock-agentcore-evaluation'
    // A harness runs its agent in an AgentCore runtime it creates, whose microVM hands its role's credentials out.
    | 'bedrock-agentcore-harness'
    // Firehose reads a stream's source and writes its destinations (and their backup buckets) as the roles it is given.
    | 'firehose'
    // EMR acts as a cluster's service and auto-scaling roles to run and scale its instances.
    | 'emr'
    | 'mwaa'
    // CodeDeploy acts as a deployment group's service role on what it deploys to.
    | 'codedeploy'
    | 'kinesis-analytics'
    // IoT acts as a topic rule action's role to deliver the messages the rule matches.
    | 'iot-rule'
    // API Gateway acts as an integration's credentials role; CloudFormation as a pipeline deploy action's role; SNS as
    // a subscription's role to deliver to Firehose.
    | 'api-gateway'
    | 'cloudformation'
    | 'sns-subscription'
    // S3 acts as a bucket's replication role, EKS as a cluster's role, CloudTrail as a trail's logs role, RDS as an
    // instance's enhanced monitoring role, Config as its recorder's role, Kendra as an index's or data source's role.
    | 's3-replication'
    | 'eks-cluster'
    | 'cloudtrail'
    | 'rds-monitoring'
    | 'config-recorder'
    | 'kendra'
    // Athena runs a Spark workgroup's calculations as its execution role, DataBrew a job's or project's recipes as its
    // role, Lake Formation reads a registered location as its role for every engine it vends credentials to.
    | 'athena'
    | 'databrew'
    | 'lakeformation'
    // Comprehend reads a model's training data as its data access role.
    | 'comprehend'
    // EC2 Auto Scaling acts as a lifecycle hook's role to notify its target, Application Auto Scaling as a scalable
    // target's role, ECS as a service's load balancer role, Greengrass as a group's role, Lambda as a capacity
    // provider's operator role.
    | 'autoscaling-lifecycle-hook'
    | 'application-autoscaling'
    | 'ecs-service'
    | 'greengrass'
    | 'lambda-capacity-provider'
    // Synthetics runs a canary's script as its execution role; Redshift acts as the roles associated with a cluster.
    | 'synthetics-canary'
    | 'redshift-cluster'
    | 'app-runner'
    | 'appsync'
    | 'eks-nodes'
    | 'eks-pod-identity'
    | 'pod'
    | 'vm'
    | 'serverless'
    | 'other';
  source: ResourceRef;
  /**
   * The compute's own name where every deployment of the change gives it the same one, as IAM names it in an ARN (a
   * Lambda function's FunctionName, Pulumi's and Terraform's `name` and `function_name`), so a policy that names the
   * compute by it can be followed to the role it runs as. Unset where a deployment chooses it or the cloud generates it.
   */
  name?: string;
  /**
   * The compute's ARN where the change already knows it (a Pulumi stack's or a Terraform plan's value for a function
   * that exists), for a policy that names it by the account and region it is in rather than the deployment's own.
   */
  arn?: string;
  /**
   * Kubernetes pods: whether they get the account's token mounted. The pod spec decides when it says (true or false),
   * else the account does (Identity.automountToken).
   */
  mountsToken?: Maybe<boolean>;
  /**
   * EKS Pod Identity: the workload an association (`source`) binds the role to, the pods of one service account of a
   * namespace in a cluster, as the association writes them (an Unknown where only apply knows; absent where not set).
   * It is the role's subject, as an IRSA trust's `:sub` is: the audit shows it, restrict-trust names it.
   */
  workload?: PodIdentityWorkload;
}

/** The cluster, namespace and service account an EKS Pod Identity association binds a role to. */
export interface PodIdentityWorkload {
  cluster?: Maybe<string>;
  namespace?: Maybe<string>;
  serviceAccount?: Maybe<string>;
}

export interface Identity {
  /** Unique within the model: the stack-qualified resource name. */
  id: string;
  cloud: Cloud;
  kind: IdentityKind;
  /** Physical name where the IaC sets one (RoleName, userName), else the resource name. Catalog matching uses it. */
  name: string;
  /**
   * True when `name` is a physical name the IaC sets and the cloud keeps unique where the identity lives (an IAM
   * name in its account, a GCP service account id in its project). Absent when `name` is the resource's own name
   * (logical id, Pulumi resource name) or a label the cloud does not keep unique: catalog exceptions never bind to it.
   */
  uniqueName?: boolean;
  /**
   * A physical name the IaC gives the identity only where the deployment keeps its choice at the default the source
   * shows (a CloudFormation `RoleName: !Ref RoleName` whose parameter has a Default a deployment may override): `name`
   * stays the resource's own, and `setBy` says what chooses the physical one (`Ref RoleName (a parameter …)`). A rule
   * that would tie a written name to the identity says the tie waits for the deployment.
   */
  defaultName?: { name: string; setBy: string };
  resource: ResourceRef;
  /**
   * Set for an identity the change refers to without creating it (a key's user, a role a policy or attachment grants
   * to): only what the change does to it is known, and `resource` is the (first) resource that refers to it.
   */
  external?: boolean;
  /**
   * The ARN (or cloud id) as the change will know it. Adapters render references to an identity the same way
   * everywhere (`arn:aws:iam::<own-account>:role/Name`, model/deployment.ts), so a trust principal can be matched
   * to the identity.
   */
  arn?: Maybe<string>;
  tags: Record<string, string>;
  /**
   * Tags the deployment gives a value of its choosing (a CloudFormation tag from a parameter it may set), left out of
   * `tags`: key → what sets it. Catalog matching and the profile read no such tag; a rule says why it is not read.
   */
  deploymentTags?: Record<string, string>;
  /** Owners recorded by the platform itself (Azure AD owners). Tags and the catalog are read by the engine. */
  platformOwners?: string[];
  grants: Grant[];
  /** AWS assume-role policy (trust). */
  trustPolicy?: PolicyDocument;
  /** Maximum session in seconds (AWS MaxSessionDuration, token lifetimes). */
  maxSessionSeconds?: Maybe<number>;
  credentials: Credential[];
  attachments: ComputeAttachment[];
  /** AWS groups the user belongs to (ids of group identities). */
  groups?: string[];
  /**
   * Those of `groups` the user belongs to in some deployments only, with what decides it (a UserToGroupAddition whose
   * Condition, or an `Fn::If` item of Groups, only deploy time decides): the group's grants are then held as
   * Grant.undecided ones are, what they allow judged as held and what they deny removing nothing.
   */
  undecidedGroups?: { group: string; undecided: string }[];
  /**
   * AWS groups the user joins that the change does not create (by name or ARN, as written; Unknown while the value
   * waits for apply), with the resource that adds it: what their policies grant the user cannot be seen here.
   */
  outsideGroups?: { group: Maybe<string>; source: ResourceRef }[];
  /** IAM permissions boundary ARN, if any. */
  permissionsBoundary?: Maybe<string>;
  /**
   * Kubernetes: whether pods mount the token, unless their pod spec says otherwise (each pod attachment's mountsToken
   * is what they do).
   */
  automountToken?: boolean;
}

// ---------- Secrets ----------

export interface Secret {
  id: string;
  cloud: Cloud;
  name: string;
  /** As on Identity: `name` is a physical name the cloud keeps unique (a Secrets Manager name in its account and region). */
  uniqueName?: boolean;
  resource: ResourceRef;
  tags: Record<string, string>;
  /** As on Identity: tags whose value the deployment chooses, left out of `tags` (key → what sets it). */
  deploymentTags?: Record<string, string>;
  /** Rotation interval in days; undefined means no rotation is configured. */
  rotationDays?: Maybe<number>;
  rotationSource?: ResourceRef;
  /** True when the secret value itself is written in the IaC source. */
  plaintextValue?: boolean;
  /**
   * Set when the change shows the whole value and it is made only of identifiers of its resources (an ARN, a name),
   * which are no credential: what it holds (`the Arn of ConfigDeliveryKey`). Sharing an ARN across accounts through
   * a secret is common; rotating it changes nothing a leak gives away.
   */
  identifiersOnly?: string;
  /**
   * True when the program that declares the secret sets its value, and the front-end cannot tell a literal in its
   * source from a value it keeps secret (a Pulumi stack config secret: pulumi/pulumi-policy#241).
   */
  valueInProgram?: boolean;
  /** What the front-end that declares the secret says about its value, in its own words; its adapter sets it. */
  valueAdvice?: SecretValueAdvice;
  /**
   * What the front-end that declares the secret adds to rotate it, as a noun phrase in its own words (`an
   * AWS::SecretsManager::RotationSchedule`); its adapter sets it, and rules fall back to advice any front-end can follow.
   */
  rotationAdvice?: string;
  /**
   * Where the front-end that declares the secret writes its expiry, in its own words (`properties.attributes.expires`,
   * `expiration_date`), for a secret that must expire (Azure Key Vault); its adapter sets it.
   */
  expiryAdvice?: string;
  expiresAt?: Maybe<string>;
  /**
   * AWS Secrets Manager: the resource policies the change writes on the secret. A secret holds one policy, but the
   * change may write it from more than one resource (a policy resource and the secret's own `policy` argument), and
   * any of them may be the one in effect, so each is kept and judged.
   */
  resourcePolicies?: SecretPolicy[];
}

/**
 * What a credential written in plain configuration is: a password a property holds, or a credential recognized by its
 * well-known format (an AWS access key id, a PEM private key, a vendor token) or by the name of the variable that holds
 * it (`DB_PASSWORD`, `API_KEY`).
 */
export type PlainCredentialKind = 'password' | 'access-key' | 'private-key' | 'token' | 'secret';

/**
 * A credential written into a resource's own configuration (a database's master password, a function's environment,
 * a container's environment, a VM's user data), where whoever may read that configuration, and every copy of the
 * source, template and state, holds it. It is no managed secret (Secret): nothing owns or rotates it, so it is judged
 * on the resource that holds it. Only values the change writes out are recorded, never references to a secret store.
 */
export interface PlainCredential {
  cloud: Cloud;
  kind: PlainCredentialKind;
  /** The resource whose configuration holds it. */
  source: ResourceRef;
  /**
   * Where in that resource, in the front-end's own words (`MasterUserPassword`, `Environment.Variables.API_TOKEN`,
   * `UserData`), each place once: never the value.
   */
  places: string[];
  /** How the front-end keeps such a value out of the configuration, in its own words; its adapter sets it. */
  keepOut: string;
  /**
   * As on Secret: the program that declares the resource sets the value, and the front-end cannot tell a literal in its
   * source from a value it keeps secret (a Pulumi stack config secret), where only the source would expose it (a
   * database's password, which the cloud does not show).
   */
  valueInProgram?: true;
}

/**
 * A resource policy on an AWS Secrets Manager secret: who, besides the identities its own account's policies let in,
 * may use the secret. Read with the same policy types as identity policies; values not known yet stay Unknown.
 */
export interface SecretPolicy {
  /** The resource that writes the policy (the policy resource, or the secret when it carries the policy itself). */
  source: ResourceRef;
  document: PolicyDocument;
  /**
   * The secret as the policy names it (a name, an ARN, or an Unknown), set on a policy no secret of the change is
   * linked to (Model.unlinkedSecretPolicies), so a finding can say which secret it opens.
   */
  secret?: Maybe<string>;
  /**
   * Whether the resource asks Secrets Manager to refuse a policy that grants broad (public) access (CloudFormation
   * `BlockPublicPolicy`, Pulumi `blockPublicPolicy`, Terraform `block_public_policy`): true, false, Unknown while the
   * value waits for apply, absent when not written.
   */
  blockPublicPolicy?: Maybe<boolean>;
}

/**
 * A resource-based policy the change writes on an AWS resource (a bucket, key, queue or topic policy, a secret's policy,
 * or any other type aws/resource-policies.ts lists): who, besides the identities its own account's policies let in,
 * may use the resource. A secret's is also on the secret (Secret.resourcePolicies), where it is judged as the secret's.
 */
export interface ResourcePolicy {
  /** The resource that writes the policy (a bucket policy, the key, a queue policy): findings point at it. */
  source: ResourceRef;
  document: PolicyDocument;
  /**
   * The resources the policy is attached to, as the change names them (ARNs, or values only deploy time knows): what
   * `Resource: "*"` means in it, and what a finding says it opens.
   */
  attachedTo: PolicyValue[];
}

/**
 * An AWS Resource Access Manager resource share the change creates or adds to: resources of the change's account
 * (subnets, transit gateways, Resolver rules, License Manager configurations, Glue catalogs, Aurora clusters, private
 * CAs, …) handed to other principals, who use them with no policy of the own account involved. It is trust as a
 * resource policy is, and judged the same way (restrict-trust).
 */
export interface ResourceShare {
  /** The share resource; for a share the change does not create, the association that names it. */
  source: ResourceRef;
  /** The share as a message names it: its name where written, else its ARN or the resource's name. */
  name: string;
  /** Every principal the change shares it with, each with the resource that names it (the share or an association). */
  principals: SharePrincipal[];
  /**
   * The resources shared, as the change names them (ARNs, or values known only at deploy time), each with the resource
   * that adds it (the share or an association).
   */
  resources: { value: PolicyValue; source: ResourceRef }[];
  /**
   * Whether principals outside the share's organization may be associated (CloudFormation's default is true, the
   * Terraform provider's and Pulumi's false): true, false, or Unknown while the value waits for deployment.
   */
  allowExternal: Maybe<boolean>;
  /**
   * The accounts a service principal of the share acts for (CloudFormation `Sources`): without them, the service may
   * use the resources for any account that configures it to (confused deputy). Absent where none is written.
   */
  sources?: PolicyValue[];
  /** Where the front-end writes those accounts, in its own words (`Sources`); absent where it cannot write them. */
  sourcesSetting?: string;
  /**
   * The RAM permissions the share names (CloudFormation `PermissionArns`): what its principals may do with each type of
   * resource it shares. Absent where it names none, so RAM attaches each resource type's default AWS managed permission.
   */
  permissions?: SharePermission[];
  /**
   * Set when the change does not create the share and only associates principals or resources with it (by the share's
   * ARN): who else it is shared with, or what else it shares, cannot be seen.
   */
  outside?: true;
}

/**
 * A RAM permission a share names: an AWS managed permission (`arn:aws:ram::aws:permission/<name>`), a customer managed
 * one (`arn:aws:ram:<region>:<account>:permission/<name>`), or a value known only at apply.
 */
export interface SharePermission {
  /** The permission's ARN as the change writes it (a permission of the change by its ARN, `<Arn of Name>`). */
  value: PolicyValue;
  /** The resource that associates it with the share, where that is not the share (CloudFormation's PermissionAssociation). */
  associatedBy?: ResourceRef;
  /**
   * The customer managed permission the change creates that the ARN names (CloudFormation `AWS::RAM::Permission`), with
   * the actions its policy template allows; absent for a permission the change does not create.
   */
  definedBy?: { name: string; source: ResourceRef; actions: PolicyValue[] | Unknown };
}

/** A principal a resource share names: an account id, an organization's or OU's ARN, an IAM ARN or a service. */
export interface SharePrincipal {
  value: PolicyValue;
  /** The resource that names it: the share (`Principals`), or a principal association. */
  source: ResourceRef;
}

/** A boolean property as a template or program writes it (`true`, CloudFormation's `"true"`), Unknown kept, else undefined. */
export function booleanProperty(value: unknown): Maybe<boolean> | undefined {
  if (isUnknown(value)) return value;
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  return undefined;
}

/**
 * Advice about a secret's value that only the front-end knows (its adapter writes it; rules fall back to advice any
 * front-end can follow): a rule states what is wrong, the adapter says how its front-end fixes it.
 */
export interface SecretValueAdvice {
  /** Where a value the program sets may come from (`valueInProgram`), completing "gets its value from …". */
  source?: string;
  /** How to keep the value out of the source, in the front-end's terms (`GenerateSecretString`, a stack config secret). */
  keepOut: string;
}

// ---------- The model ----------

export interface Model {
  identities: Identity[];
  secrets: Secret[];
  /** Policy documents that no identity in the change holds (still checked for wildcards). */
  unattachedPolicies: AwsPolicyGrant[];
  /**
   * Secret resource policies whose secret is no secret of the change (named by an ARN or name of a secret created
   * elsewhere, or known only at apply): judged on their own resource, never dropped.
   */
  unlinkedSecretPolicies?: SecretPolicy[];
  /**
   * Every resource-based policy the change writes on an AWS resource (ResourcePolicy): judged for who it lets in from
   * outside the change's accounts.
   */
  resourcePolicies?: ResourcePolicy[];
  /** Resource Access Manager shares the change creates or adds to (ResourceShare): judged for whom they share with. */
  resourceShares?: ResourceShare[];
  /**
   * AWS accounts the change deploys into, where the adapter can tell (Pulumi: the account in the ARNs the provider
   * returns for the change's own roles). Principals of these accounts are the change's own, like `<own-account>`.
   */
  accountIds?: string[];
  /** Identities referenced but not created here (imported roles), by ARN or name, for trust checks. */
  externalReferences?: { identity: string; reference: string }[];
  /**
   * Role grants to principals this change does not create (a GCP `allUsers` member, a user, a service account of
   * another project, a Kubernetes service account applied elsewhere), still checked for public and privileged grants.
   */
  externalRoleGrants?: ExternalRoleGrant[];
  /**
   * IAM roles and users an EKS access entry or the aws-auth ConfigMap puts in a Kubernetes group other than
   * system:masters: they get what the change's RoleBindings and ClusterRoleBindings bind to the group, once every
   * binding is known (iam/aws/eks-access-grants.ts resolveEksAccess, which empties the list).
   */
  eksGroupMappings?: EksGroupMapping[];
  /**
   * Resources the change deletes (a Terraform plan's deletes): they grant nothing after it, and the audit lists them
   * so a reviewer sees what goes away.
   */
  removed?: ResourceRef[];
  /** Content the change creates that the check cannot read (see UnseenContent). */
  unseen?: UnseenContent[];
  /** Resources whose content code makes while the change deploys (see DeploymentHandler). */
  deploymentHandlers?: DeploymentHandler[];
  /**
   * S3 buckets the change creates with ACLs disabled (Object Ownership BucketOwnerEnforced, set or by default): an ACL
   * written on them grants nothing (iam/aws/s3-acls.ts). `name` and `arn` are the bucket's name and ARN as the
   * policies of its `stack` write them (a value known only at deployment is the model's value of it, which another
   * stack's policies may write for another bucket).
   */
  bucketsWithoutAcls?: { stack: string | undefined; name: string; arn?: string }[];
  /** Roles the change defines, judged bound or not. */
  roleDefinitions?: RoleDefinition[];
  /** Identity federation providers the change defines, judged bound or not. */
  federationProviders?: FederationProvider[];
  /** Amazon Cognito identity pools the change defines or sets roles of: who gets their roles without signing in. */
  identityPools?: IdentityPool[];
  /** What the change sets up to watch identities being used (EventBridge rules, CloudWatch Logs metric filters). */
  monitors?: UsageMonitor[];
  /**
   * Compute the change runs as an identity the cloud supplies rather than one it names (see DefaultIdentityUse).
   * Compute that runs as an identity of the change is that identity's ComputeAttachment instead.
   */
  defaultIdentityUses?: DefaultIdentityUse[];
  /** Resources whose own keys authorize requests to their data (see SharedKeyAccess). */
  sharedKeys?: SharedKeyAccess[];
  /** Credentials written into resources' own configuration (see PlainCredential). */
  plainCredentials?: PlainCredential[];
  /** EKS clusters whose creating IAM principal becomes a cluster administrator (see ClusterCreatorAdmin). */
  clusterCreatorAdmins?: ClusterCreatorAdmin[];
  /** EKS clusters the change creates, with the authentication mode that says whether they read aws-auth (see EksClusterAuthentication). */
  eksClusters?: EksClusterAuthentication[];
}

/**
 * An Amazon EKS cluster of the change and its access configuration's authentication mode, which says how IAM principals
 * get into the cluster: `CONFIG_MAP` (the ConfigMap kube-system/aws-auth only, EKS's default for a cluster created
 * without an access configuration), `API_AND_CONFIG_MAP` (access entries and aws-auth) or `API` (access entries only:
 * aws-auth is never read). EKS moves a cluster's mode only towards `API` (CONFIG_MAP to API_AND_CONFIG_MAP to API; the
 * EKS User Guide's setting-up-access-entries: no change back to a mode without access entries; Pulumi's access-entries
 * migration guide: the ConfigMap method not enabled at creation cannot be enabled later), so an `API` cluster never reads
 * aws-auth again (adapters/aws/eks-cluster-creator.ts reads the mode, rules/support/eks-platform.ts judges it).
 */
export interface EksClusterAuthentication {
  /** The cluster resource. */
  source: ResourceRef;
  /** The cluster as a message names it: its name where the IaC writes one, else the resource's. */
  cluster: string;
  /**
   * The mode as written (`API`, `API_AND_CONFIG_MAP`, `CONFIG_MAP`, or a value EKS would refuse), `default` where the
   * change leaves it out (EKS reads CONFIG_MAP), or an Unknown where it is not known until deploy.
   */
  mode: Maybe<string>;
}

/**
 * An Amazon EKS cluster that makes the IAM principal creating it a cluster administrator: its access configuration's
 * `bootstrapClusterCreatorAdminPermissions` is left out (EKS's default is true) or true. EKS then gives that principal
 * an access entry with AmazonEKSClusterAdminPolicy (or, under the CONFIG_MAP authentication mode, system:masters), a
 * Kubernetes cluster-admin no access entry, aws-auth mapping or binding of the change shows
 * (adapters/aws/eks-cluster-creator.ts has the sources).
 */
export interface ClusterCreatorAdmin {
  /** The cluster resource. */
  source: ResourceRef;
  /** The cluster as a message names it: its name where the IaC writes one, else the resource's. */
  cluster: string;
  /**
   * Where the front-end turns it off, in its own words (`AccessConfig.BootstrapClusterCreatorAdminPermissions`,
   * `accessConfig.bootstrapClusterCreatorAdminPermissions`, `access_config.bootstrap_cluster_creator_admin_permissions`).
   */
  setting: string;
  /** Why: the setting is left out (EKS's default applies), is true, or is not known until deploy (the Unknown says why). */
  reason: { kind: 'unset' } | { kind: 'true' } | { kind: 'pending'; what: string };
  /**
   * The change's identity that creates the cluster, where the IaC names one (a CDK cluster's creation role, which its
   * custom resource's handler assumes to call CreateCluster): its id. Absent where the principal that deploys the
   * change creates the cluster (CloudFormation's service role or the caller, the Pulumi or Terraform provider's
   * credentials), which no identity of the change is.
   */
  creator?: string;
  /** The creator's ARN as written, resolved to `creator` once every identity is known (iam/aws/eks-access-grants.ts). */
  creatorArn?: string;
}

/**
 * The identities a cloud supplies to compute that names none of its own: Google Cloud's Compute Engine default service
 * account (`PROJECT_NUMBER-compute@developer.gserviceaccount.com`: VMs, GKE nodes, Cloud Run, Cloud Functions 2nd gen,
 * Dataproc, Dataflow) and App Engine default service account (`PROJECT_ID@appspot.gserviceaccount.com`: App Engine,
 * Cloud Functions 1st gen). What each is and holds is the cloud's knowledge (src/iam/gcp/default-accounts.ts).
 */
export type DefaultIdentity = 'gcp-compute-default' | 'gcp-app-engine-default';

/**
 * Compute the change runs (a VM, a GKE node pool, a Cloud Run service, a function) whose identity is the cloud's
 * default one, or may be: the account it names is known only at apply and is no identity of the change.
 */
export interface DefaultIdentityUse {
  cloud: Cloud;
  /** The resource that runs the compute (the node pool, the instance, the service). */
  source: ResourceRef;
  /** What runs, in words: `GKE node pool`, `Compute Engine instance template`. */
  workload: string;
  /** The default identity it runs as, or an Unknown: the account it names is not known until apply. */
  identity: DefaultIdentity | Unknown;
  /**
   * Why: the setting is left out (the cloud's default applies), names the default account (`default`, its e-mail), or
   * is not known until apply (the identity's Unknown says what it waits for).
   */
  reason: { kind: 'unset' } | { kind: 'named'; value: string } | { kind: 'pending' };
  /**
   * Where the front-end names the identity, in its own words (`nodeConfig.serviceAccount`, `node_config.service_account`):
   * its adapter writes it, as Secret.rotationAdvice.
   */
  setting: string;
  /**
   * The OAuth access scopes its tokens are limited to, where the compute has them (VMs, GKE nodes, Dataproc): the
   * scopes as written, an empty list where none is set (the platform's defaults apply), or an Unknown. Absent where
   * the platform has no access scopes (Cloud Run, Cloud Functions, Dataflow): its tokens reach every API.
   */
  scopes?: string[] | Unknown;
}

/**
 * Keys a resource holds of its own, valid until someone rotates them, that authorize requests to its data without any
 * identity: an Azure storage account's two account keys (Shared Key authorization, and SAS tokens signed with a key),
 * unless the account turns Shared Key off. No identity of the change holds them (whoever may list the keys may read
 * them), so they are judged on the resource that holds them. Recorded only where the keys work or may work.
 */
/** The resources whose own keys SharedKeyAccess records (what each kind's keys are: src/iam/azure/resource-keys.ts). */
export type SharedKeyKind =
  | 'azure-storage-account'
  | 'azure-cosmos-db-account'
  | 'azure-service-bus-namespace'
  | 'azure-event-hubs-namespace'
  | 'azure-cache-for-redis'
  | 'azure-app-configuration-store'
  | 'azure-ai-search-service'
  | 'azure-event-grid-topic'
  | 'azure-event-grid-domain'
  | 'azure-signalr-service'
  | 'azure-web-pubsub-service'
  | 'azure-ai-services-account'
  | 'azure-container-registry'
  | 'azure-kubernetes-cluster';

export interface SharedKeyAccess {
  cloud: Cloud;
  kind: SharedKeyKind;
  /** The resource that holds the keys (the storage account, the Cosmos DB account, the namespace). */
  source: ResourceRef;
  /** Its name, for the message: the resource's own name (account, namespace, cache), else the resource's name. */
  name: string;
  /**
   * Why the keys work: the setting is left out and the platform's default allows them, the setting allows them, or
   * its value is known only at apply (what it waits for).
   */
  reason: { kind: 'unset' } | { kind: 'enabled' } | { kind: 'pending'; what: string };
  /** Where the front-end turns the keys off, in its own words (`allowSharedKeyAccess`, `shared_access_key_enabled`). */
  setting: string;
  /** The value of `setting` that turns the keys off: false for `allowSharedKeyAccess`, true for `disableLocalAuth`. */
  offValue: boolean;
}

/** A rule or filter that fires on activity: an EventBridge event pattern or a metric filter pattern, as text. */
export interface UsageMonitor {
  kind: 'event-rule' | 'metric-filter';
  source: ResourceRef;
  /** The pattern as written, JSON for event patterns; values not known yet are described in it. */
  pattern: string;
}

/**
 * Something the change creates whose content the check cannot read: a macro's generated resources, a snippet or
 * nested template fetched at deploy time, a resource type that manages IAM and that the adapter does not model.
 * Never dropped: each is reported as a finding that says what could not be seen.
 */
export interface UnseenContent {
  /** The resource (or template section) that holds it. */
  resource: ResourceRef;
  kind: UnseenKind;
  /** What it is, for the message and the finding's detail: the macro name, the template URL, the resource type. */
  what: string;
  /**
   * What the front-end names it besides, for the message only (a Helm release's chart): the detail stays `what`, so
   * an exception matches in every front-end, where the chart may be known in one and computed in another.
   */
  named?: string;
}

/**
 * A resource whose content a function makes while the change deploys (a CloudFormation custom resource): what that
 * code makes is no resource of the change. What it may make is bounded by what the identity it runs as is allowed,
 * which rules judge; the adapter says which compute runs for it.
 */
export interface DeploymentHandler {
  /** The resource (the custom resource). */
  resource: ResourceRef;
  /**
   * The compute of the change that runs for it: the provider function, and the functions a provider framework's
   * function invokes. Whatever runs as an identity of the change is that identity's ComputeAttachment of this source.
   */
  runs: ResourceRef[];
  /** How the resource names a provider that is no compute of the change (an imported ARN, a parameter, a topic). */
  unresolvedProvider?: string;
  /** Whether the properties it hands its code hold a policy document (a `Statement`): the code may write it. */
  writesPolicy: boolean;
  /**
   * When the resource is one whose code a maintained tool ships (the CDK's auto-delete-objects handler): what that code
   * changes access with, and whether only on resources the tool names for it. A role that may change no more than
   * this runs code whose effect is known; one that may change more may run other code under the tool's name.
   */
  shippedCode?: ShippedCode;
}

export interface ShippedCode {
  /** The code, in words: `the AWS CDK's S3 auto-delete-objects handler`. */
  name: string;
  /** The access-changing actions the code calls (IAM action names as the tool grants them). */
  actions: readonly string[];
  /** Whether the tool grants them only on named resources (never on `*`). */
  onNamedResourcesOnly: boolean;
}

export type UnseenKind =
  | 'macro'
  | 'include'
  | 'remote-template'
  | 'stack-set'
  | 'unknown-iam-type'
  | 'unreadable-template'
  | 'unmodelled-terraform-type'
  | 'unmodelled-pulumi-type'
  | 'kustomize'
  | 'k8s-pod-account'
  /** A Helm release (Pulumi's `kubernetes:helm.sh/v3:Release`, Terraform's `helm_release`); `named` is its chart. */
  | 'helm-release'
  /** A CDK EKS KubernetesManifest whose `Manifest`, or an object of it, cannot be read at synth. */
  | 'kubernetes-manifest'
  /** A CDK EKS KubernetesPatch of an object that grants or holds access, or of one not named at synth. */
  | 'kubernetes-patch'
  /**
   * An OLM Subscription (operators.coreos.com): OLM installs the operator package it names (`what`) from a catalog
   * (`named`), with the RBAC and service accounts its ClusterServiceVersion asks for, none of which is in the change.
   */
  | 'olm-subscription'
  /** An AWS SDK call a CDK AwsCustomResource makes at deployment that changes access (`what` is its IAM action). */
  | 'sdk-call'
  /** An AWS SDK call of a CDK AwsCustomResource that cannot be read (`what` says which and why). */
  | 'unreadable-sdk-call'
  /** A custom resource whose code runs as an identity allowed to change access (model.deploymentHandlers). */
  | 'custom-resource'
  /** A custom resource handed a policy document by a provider whose identity is not in the change. */
  | 'custom-resource-policy'
  /**
   * An IAM Identity Center account assignment, or a policy put on a permission set, where the permission set is none
   * of the change (`what` names it): what the assignment hands out, or what else the set holds, cannot be seen.
   */
  | 'unseen-permission-set'
  /**
   * An EKS Pod Identity association that hands pods a role the change does not create (`what` names it): the role's
   * permissions, and who else its trust admits, cannot be seen.
   */
  | 'unseen-pod-identity-role'
  /**
   * An Entra ID delegated permission grant on an API other than Microsoft Graph, or on a service principal the change
   * does not create (`what` names it, `named` the scopes): what those scopes allow is that API's, and cannot be seen.
   */
  | 'unseen-delegated-api';

export interface ExternalRoleGrant {
  /** The principal as the IaC names it: `allUsers`, `serviceAccount:x@p.iam.gserviceaccount.com`, `ServiceAccount kube-system/default`. */
  member: string;
  grant: RoleGrant;
  /**
   * The IAM role or user ARN an EKS access entry or the aws-auth ConfigMap gives the grant to: when it names an identity
   * of the change, the grant is that identity's (iam/aws/eks-access-grants.ts resolveEksAccess).
   */
  awsPrincipal?: string;
  /**
   * The ids of the change's identities an EKS principal's ARN is computed from, while it is known only at apply (a
   * Pulumi preview): the grant may be any of theirs, and is given to each (resolveEksAccess).
   */
  awsPrincipalFrom?: string[];
}

/** An IAM principal put in a Kubernetes group by an EKS access entry or the aws-auth ConfigMap (Model.eksGroupMappings). */
export interface EksGroupMapping {
  /** The access entry or ConfigMap. */
  source: ResourceRef;
  /** The Kubernetes group (a `kind: Group` subject's name). */
  group: string;
  /** The principal as the IaC names it, for findings. */
  member: string;
  /** Its ARN, when written: the change's identity of that ARN is the holder. */
  awsPrincipal?: string;
  /** The ids of the change's identities its ARN is computed from, while it is known only at apply (a Pulumi preview). */
  awsPrincipalFrom?: string[];
}

export function emptyModel(): Model {
  return { identities: [], secrets: [], unattachedPolicies: [] };
}
