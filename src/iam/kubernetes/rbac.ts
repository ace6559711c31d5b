/**
 * Kubernetes RBAC semantics the rules need: which rules of a Role or ClusterRole give control over the cluster.
 * The routes are those of the Kubernetes RBAC good-practices guide ("Kubernetes RBAC - privilege escalation risks",
 * kubernetes.io/docs/concepts/security/rbac-good-practices), plus every verb on every resource; Checkov flags the
 * same on the definition (CKV_K8S_49 wildcards, CKV_K8S_155 webhooks, CKV_K8S_156 CSR approval, CKV_K8S_157 bind,
 * CKV_K8S_158 escalate). A rule reaches a route when its verbs, resources and API groups, `*` matching anything,
 * cover what the route needs; a `*` that reaches none (every verb on one CRD's objects) is no route.
 */
import { isUnknown, type NamedKubernetesRole, type RolePermission } from '../../model/model.js';

/** The user-facing default ClusterRole that is everything on everything. */
export const CLUSTER_ADMIN = 'cluster-admin';

/**
 * The subjects the API server gives a request it does not authenticate (Kubernetes "Authenticating", anonymous
 * requests: user system:anonymous, group system:unauthenticated; on by default, --anonymous-auth): whatever is bound to
 * them is granted to anyone who can reach the API server, signed in or not, as `allUsers` on Google Cloud.
 */
export function isUnauthenticatedSubject(kind: string, name: string): boolean {
  return (kind === 'User' && name === 'system:anonymous') || (kind === 'Group' && name === 'system:unauthenticated');
}

/**
 * Who a subject that stands for many holders is, in words; undefined for any other subject (one account, user or group
 * of people). The API server puts every request it authenticates in the group system:authenticated, every service
 * account's in system:serviceaccounts and in system:serviceaccounts:<its namespace>, and every request it does not
 * authenticate in system:unauthenticated as the user system:anonymous (Kubernetes "Authenticating", anonymous
 * requests; "Using RBAC Authorization", referring to subjects). A role bound to one of them is held by every such
 * holder, each pod of the namespace (or of the cluster) included: what a workload may do in its own namespace, as
 * reading its secrets, everyone there may then do too.
 */
export function broadSubject(kind: string, name: string): string | undefined {
  if (isUnauthenticatedSubject(kind, name)) return 'anyone who can reach the API server, without signing in';
  if (kind !== 'Group') return undefined;
  if (name === 'system:authenticated') return 'every user and service account the API server authenticates';
  if (name === 'system:serviceaccounts') return 'every service account of every namespace';
  const namespace = /^system:serviceaccounts:(.+)$/.exec(name)?.[1];
  return namespace === undefined ? undefined : `every service account of namespace ${namespace}`;
}

/** Verbs that step around RBAC: grant roles one does not hold (escalate, bind) or act as someone else (impersonate). */
export const RBAC_ESCALATION_VERBS: readonly string[] = ['escalate', 'bind', 'impersonate'];

export type RbacRouteId =
  | 'wildcard'
  | 'escalate'
  | 'bind'
  | 'impersonate'
  | 'webhook-write'
  | 'apiservice-write'
  | 'csr-approval'
  | 'pod-create'
  | 'pod-exec'
  | 'nodes-proxy'
  | 'token-create'
  | 'secrets-read'
  | 'pv-create'
  | 'namespace-modify'
  | 'aws-auth-write';

export interface RbacIssue {
  route: RbacRouteId;
  /** Granular key: `Route::bind`, `Route::secrets-read`. */
  detail: string;
  /** What the rule grants, in words. */
  what: string;
}

/** The API groups, resources and verbs a rule must cover (any one of each list); `*` in the rule matches anything. */
interface Grant {
  apiGroups: readonly string[];
  resources: readonly string[];
  verbs: readonly string[];
}

interface Route extends Grant {
  id: RbacRouteId;
  /** Only where the rule reaches every namespace (a ClusterRole bound, or to be bound, cluster-wide). */
  clusterWideOnly?: boolean;
  /**
   * Only where the rule reaches every namespace, or is held in one namespace by every holder of a broad subject
   * (broadSubject: every authenticated user, every service account of the namespace, …): what one workload may do in
   * its own namespace, everyone there doing it is a route. `broadWhat` says what it gives in one namespace.
   */
  widelyHeldOnly?: boolean;
  broadWhat?: string;
  /** Only where the rule reaches one of these namespaces: every namespace (clusterWide), or the one it holds in. */
  namespaces?: readonly string[];
  /** The objects the route is about: a rule limited to named objects reaches it only when it names one of them. */
  names?: readonly string[];
  /**
   * The verbs that reach the route on one named object too (`resourceNames`), in the main grant and in each
   * alternative: impersonating one user acts as that user; relabelling one namespace opens that namespace; rewriting
   * one webhook configuration points it at any endpoint for any object; exec into one pod acts as what it runs as.
   * Other routes (and other verbs) are about every object of a kind; `create` of a whole object is never limited by
   * name (RBAC has no name at create: kubernetes.io/docs/reference/access-authn-authz/rbac, "Referring to
   * resources"), while `create` on a subresource (`pods/exec`) names the object it acts on.
   */
  namedVerbs?: readonly string[];
  /** What the route gives when reached on named objects only, where that differs from `what`. */
  namedWhat?: string;
  /** What the route gives when reached by `create` alone (no update or patch), where that differs from `what`. */
  createWhat?: string;
  /**
   * A second grant the role must hold as well, in the same rule or another, for the route to open (CSR approval also
   * needs `approve` on the request's signer). Matched with or without resourceNames: a named signer is a signer.
   */
  alsoNeeds?: Grant;
  /** Other grants that reach the same route, each matched as the main one is. */
  alternatives?: readonly Grant[];
  what: string;
}

/**
 * The workload resources that manage pods, by API group: creating one, or rewriting its pod template (update,
 * patch), makes the controller create pods from it, with any service account of the namespace. The Kubernetes RBAC
 * good-practices guide ("Workload creation") counts them with pods; `extensions` is left out, as no cluster since
 * 1.16 serves those resources there.
 */
const WORKLOAD_CONTROLLERS: readonly Grant[] = [
  {
    apiGroups: ['apps'],
    resources: ['deployments', 'replicasets', 'statefulsets', 'daemonsets'],
    verbs: ['create', 'update', 'patch'],
  },
  { apiGroups: ['batch'], resources: ['cronjobs'], verbs: ['create', 'update', 'patch'] },
  // A Job's pod template cannot change once it is created (batch validation's validatePodTemplateUpdate allows only
  // scheduling fields, labels and annotations), so only creating one runs pods as an account it chooses.
  { apiGroups: ['batch'], resources: ['jobs'], verbs: ['create'] },
  { apiGroups: [''], resources: ['replicationcontrollers'], verbs: ['create', 'update', 'patch'] },
];

/** Rewriting running pods (their containers' images): route pod-exec, which pod-create subsumes (SUBSUMED_ROUTES). */
const POD_UPDATE: Grant = { apiGroups: [''], resources: ['pods'], verbs: ['update', 'patch'] };

const APISERVICE_WRITE =
  'writes to APIServices: sending every request for an API group and version, from every user and controller, to a ' +
  'service of its choosing, which reads what they send and answers for the API server';
const WRITE = ['create', 'update', 'patch', 'delete', 'deletecollection'];
const READ_SECRETS = ['get', 'list', 'watch'];

/** The routes, in the order findings name them. */
export const RBAC_ROUTES: readonly Route[] = [
  {
    id: 'escalate',
    apiGroups: ['rbac.authorization.k8s.io'],
    resources: ['roles', 'clusterroles'],
    verbs: ['escalate'],
    // Escalating one named role rewrites its rules with any permission, whatever it holds today, for whoever holds it
    // (the role's own holder too, if bound to it).
    namedVerbs: ['escalate'],
    namedWhat:
      '"escalate" on named roles: rewriting them with any permission, which whoever holds them (it too, if bound to ' +
      'one) then gets',
    what: '"escalate" on roles: writing roles with permissions it does not hold',
  },
  {
    id: 'bind',
    apiGroups: ['rbac.authorization.k8s.io'],
    resources: ['roles', 'clusterroles'],
    verbs: ['bind'],
    // Binding one named role grants what that role holds: a route when it holds one (cluster-admin, a role of the
    // change with a route) or when what it holds cannot be seen (namedBindTargets).
    namedVerbs: ['bind'],
    what: '"bind" on roles: binding any role, cluster-admin included, to anyone',
  },
  {
    id: 'impersonate',
    apiGroups: ['', 'authentication.k8s.io'],
    resources: ['users', 'groups', 'serviceaccounts', 'uids', 'userextras/*'],
    verbs: ['impersonate'],
    namedVerbs: ['impersonate'],
    what: '"impersonate": acting as another user, group or service account',
  },
  {
    id: 'webhook-write',
    apiGroups: ['admissionregistration.k8s.io'],
    resources: ['validatingwebhookconfigurations', 'mutatingwebhookconfigurations'],
    verbs: WRITE,
    // One configuration's webhooks carry their own rules (which objects, which operations) and clientConfig (where
    // they go): updating the one the role names sends every object to any endpoint, to read and, when mutating,
    // rewrite. Create cannot be limited by name (RBAC has no name at create), and deleting one only removes it.
    namedVerbs: ['update', 'patch'],
    what: 'writes to admission webhook configurations: seeing or rewriting every object sent to the API server',
  },
  {
    // Not in the good-practices guide, and no Checkov check: an APIService (apiregistration.k8s.io) tells the API
    // server's aggregator to proxy every request for one API group and version, from every user and controller, to the
    // service its spec names (kubernetes.io/docs/tasks/extend-kubernetes/configure-aggregation-layer), and the API
    // server hands back whatever that service answers. Repointing one is webhook-write's reach and more: the service
    // reads every object sent for that group and version and rewrites every answer, reads included. The API server's
    // own group versions (v1, apps/v1, …) are APIServices too, which kube-aggregator's autoregister controller syncs
    // only when the server starts (`onstart`), so the core API itself can be repointed until a restart. Updating one
    // named object repoints it, so update and patch reach it by name too; deleting one and creating it again does the
    // same (roleRoutes, unnamed: RBAC has no name at create). Create alone only claims a group and version nobody
    // serves, and delete alone only takes one away.
    id: 'apiservice-write',
    apiGroups: ['apiregistration.k8s.io'],
    resources: ['apiservices'],
    verbs: ['update', 'patch'],
    namedVerbs: ['update', 'patch'],
    what: APISERVICE_WRITE,
  },
  {
    id: 'csr-approval',
    apiGroups: ['certificates.k8s.io'],
    resources: ['certificatesigningrequests/approval'],
    verbs: ['update', 'patch'],
    // Approving one named request approves whatever it asks for: its creator, not the approver, chose its subject and
    // groups, and the name is anyone's to take who may create requests (the holder itself, if it may).
    namedVerbs: ['update', 'patch'],
    namedWhat:
      'approval of the named certificate signing requests: a client certificate for any user or group a signer ' +
      'issues, to whoever creates a request of that name',
    what: 'approval of certificate signing requests: client certificates for any user or group a signer issues',
    // The CertificateApproval admission plugin (enabled by default; plugin/pkg/admission/certificates/approval) refuses
    // an approval unless the approver may also `approve` the request's signerName on the synthetic `signers` resource
    // (or `<domain>/*`): kubernetes.io/docs/reference/access-authn-authz/certificate-signing-requests, "Authorization".
    // Update on the approval subresource alone (argo-cd's `patch` on every resource) approves nothing. Checkov's
    // CKV_K8S_156 asks for both as well.
    alsoNeeds: { apiGroups: ['certificates.k8s.io'], resources: ['signers'], verbs: ['approve'] },
  },
  {
    id: 'pod-create',
    apiGroups: [''],
    resources: ['pods'],
    verbs: ['create'],
    alternatives: WORKLOAD_CONTROLLERS,
    // A name cannot limit a create, but updating one named workload rewrites its pod template whole: the controller
    // then creates pods running as any service account of the namespace (serviceAccountName is the template's to
    // choose) with any of its volumes, as creating pods does. A named Job is left out: its template cannot change.
    namedVerbs: ['update', 'patch'],
    namedWhat:
      'rewriting the pod template of the named workloads, which their controller then creates pods from: running as ' +
      'any service account of the namespace and mounting any of its secrets',
    what:
      'pod creation, directly or through a workload controller (deployments, jobs, …): running as any service account ' +
      'of the namespace and mounting any of its secrets',
  },
  {
    id: 'pod-exec',
    apiGroups: [''],
    resources: ['pods/exec', 'pods/attach'],
    verbs: ['create', 'get'],
    alternatives: [
      // An ephemeral container (what `kubectl debug` adds through this subresource) runs beside the pod's own, with its
      // service account's token and its volumes: exec by another name.
      { apiGroups: [''], resources: ['pods/ephemeralcontainers'], verbs: ['update', 'patch'] },
      // A pod update may change its containers' and init containers' images (core validation's ValidatePodUpdate,
      // updatablePodSpecFields), so whoever updates a running pod swaps in its own code, which the kubelet restarts
      // with the pod's service account token and volumes. Not pod-create: no new pod, no account of its choosing; a
      // role that also creates pods is reported for pod-create alone (SUBSUMED_ROUTES).
      POD_UPDATE,
    ],
    // Every grant of the route acts on one existing pod, so naming the pod limits which pods, not what is gained: the
    // named pod's service account token, volumes and process. What that pod runs as cannot be seen from the role (pods
    // are seldom in the same change, and a name may be reused by any pod created later), so the route is reported
    // naming the pods rather than judged by what they hold.
    namedVerbs: ['create', 'get', 'update', 'patch'],
    namedWhat:
      'exec into the named pods, adding ephemeral containers to them, or changing their container images: acting with ' +
      'the token and data of whatever service account and volumes those pods (or any later pod of that name) have',
    what:
      "exec into pods, adding ephemeral containers to them, or changing a running pod's container images: acting " +
      'with the token and data of any pod it reaches',
  },
  {
    id: 'nodes-proxy',
    apiGroups: [''],
    resources: ['nodes/proxy'],
    verbs: ['get', 'create', 'update', 'patch'],
    // Nodes are cluster-scoped: a Role's rule, or a ClusterRole's bound in one namespace by a RoleBinding, grants
    // nothing on them (Kubernetes RBAC authorizes cluster-scoped resources by ClusterRoleBindings only).
    clusterWideOnly: true,
    // The kubelet API of one named node runs commands in every pod scheduled there, whatever their accounts.
    namedVerbs: ['get', 'create', 'update', 'patch'],
    namedWhat: 'nodes/proxy on the named nodes: their kubelet API, which runs commands in every pod of those nodes',
    what: 'nodes/proxy: the kubelet API, which runs commands in every pod of the node',
  },
  {
    id: 'token-create',
    apiGroups: [''],
    resources: ['serviceaccounts/token'],
    verbs: ['create'],
    // No namedVerbs: `create` on one named account's token is that account's token, a route exactly when that account
    // holds one, which only the model's bindings tell (mostly an account requesting its own, cert-manager's
    // tokenrequest Role). namedTokenRequests gives those names; rules/support/kubernetes-holders.ts judges them.
    what: 'creation of service-account tokens: a token for any service account it reaches',
  },
  {
    id: 'secrets-read',
    apiGroups: [''],
    resources: ['secrets'],
    verbs: READ_SECRETS,
    // A workload reading the secrets of its own namespace is its business there; reading those of every namespace, or
    // every holder of a broad subject reading those of one (every service account token Secret and every credential
    // the namespace's workloads use, to every pod and user), is a route.
    widelyHeldOnly: true,
    broadWhat:
      "reading every secret of the namespace: its service-account token Secrets and its workloads' credentials",
    what: 'reading secrets in every namespace',
  },
  {
    // The good-practices guide's "Persistent volume creation": PersistentVolumes are cluster-scoped, so only a grant
    // that reaches the cluster creates one.
    id: 'pv-create',
    apiGroups: [''],
    resources: ['persistentvolumes'],
    verbs: ['create'],
    clusterWideOnly: true,
    what: "creation of persistent volumes: a hostPath volume gives the pods that claim it the node's file system",
  },
  {
    // The guide's "Namespace modification": a RoleBinding in a namespace reaches that namespace's own object too.
    id: 'namespace-modify',
    apiGroups: [''],
    resources: ['namespaces'],
    verbs: ['update', 'patch'],
    namedVerbs: ['update', 'patch'],
    what: 'changes to namespaces: relabelling one for a more permissive Pod Security Admission level (privileged pods)',
  },
  {
    // PaloAltoNetworks/rbac-police's eks_modify_aws_auth; no route of the good-practices guide, which is about any
    // cluster. The ConfigMap kube-system/aws-auth is what the AWS IAM authenticator reads to let IAM roles and users in,
    // each `mapRoles`/`mapUsers` entry naming the Kubernetes groups it is given (EKS User Guide, auth-configmap.adoc):
    // whoever writes it maps any IAM principal, its own role included, into system:masters, which RBAC never limits
    // (cluster-admin). EKS reads it under the CONFIG_MAP and API_AND_CONFIG_MAP authentication modes, and
    // aws-iam-authenticator does on self-managed clusters (kops) configured to. Reported whatever cluster the role is
    // for: a Role, a ClusterRole or a chart's output does not say which cluster it is applied to, the same chart is
    // installed on EKS and elsewhere, and on a cluster whose authenticator does not read it the write reaches nothing,
    // which the role's author, not this check, knows; how the change's own facts (EKS shown or not, its clusters'
    // authentication modes) set the finding's level is rules/support/eks-platform.ts's. Create counts unnamed (RBAC
    // has no name at create): a cluster whose nodes join through access entries has no aws-auth until someone creates
    // it. Only kube-system: a RoleBinding in another namespace, or a Role there, reaches no aws-auth the authenticator
    // reads.
    id: 'aws-auth-write',
    apiGroups: [''],
    resources: ['configmaps'],
    verbs: ['create', 'update', 'patch'],
    namespaces: ['kube-system'],
    names: ['aws-auth'],
    namedVerbs: ['update', 'patch'],
    what:
      'writes to ConfigMaps in kube-system, aws-auth among them: on EKS (authentication mode CONFIG_MAP or ' +
      'API_AND_CONFIG_MAP), and wherever aws-iam-authenticator reads it, mapping any IAM role or user into the group ' +
      'system:masters, which is cluster-admin',
    createWhat:
      'creation of ConfigMaps in kube-system: creating aws-auth where the cluster has none yet (an EKS cluster whose ' +
      'nodes join through access entries, under authentication mode API_AND_CONFIG_MAP), mapping any IAM role or user ' +
      'into the group system:masters, which is cluster-admin',
    namedWhat:
      'writes to the ConfigMap kube-system/aws-auth: on EKS (authentication mode CONFIG_MAP or API_AND_CONFIG_MAP), and ' +
      'wherever aws-iam-authenticator reads it, mapping any IAM role or user into the group system:masters, which is ' +
      'cluster-admin',
  },
];

/**
 * Routes one RBAC rule reaches. `clusterWide` is true for a ClusterRole (bound, or to be bound, cluster-wide): reading
 * secrets matters there, where it reaches every namespace, or where `broad` says the rule is held by every holder of a
 * broad subject (broadSubject). `namespace` is the one namespace the rule holds in otherwise (a Role's, a
 * RoleBinding's), where known: routes about one namespace's objects (aws-auth in kube-system) need it.
 */
export function rbacIssues(
  rule: RolePermission,
  clusterWide: boolean,
  visiting: ReadonlySet<string> = new Set(),
  namespace?: string,
  broad = false,
): RbacIssue[] {
  const verbs = rule.verbs ?? [];
  const resources = rule.resources ?? [];
  // A rule without apiGroups is invalid for resources; read as the core group, which is what `kubectl create role` writes.
  const apiGroups = rule.apiGroups?.length ? rule.apiGroups : [''];
  if (verbs.includes('*') && resources.includes('*') && (apiGroups.includes('*') || apiGroups.includes(''))) {
    const where = apiGroups.includes('*') ? 'of every API group' : 'of the core API group';
    return [
      {
        route: 'wildcard',
        detail: 'Route::wildcard',
        what: `every verb on every resource ${where} ("*" verbs on "*" resources)`,
      },
    ];
  }
  const issues: RbacIssue[] = [];
  const named = (rule.resourceNames?.length ?? 0) > 0;
  for (const route of RBAC_ROUTES) {
    if (!ruleReachesRoute(rule, route, clusterWide, namespace, broad)) continue;
    // A route that needs a second grant is one rule's only when that rule holds both; roleRoutes joins two rules.
    if (route.alsoNeeds && !reaches(grantOf(rule), route.alsoNeeds)) continue;
    const granting = grantingWords(rule);
    if (named && route.id === 'bind') {
      const targets = namedBindTargets(rule, clusterWide, visiting);
      if (targets.length === 0) continue;
      issues.push({
        route: route.id,
        detail: `Route::${route.id}`,
        what: `"bind" on named roles: binding, to anyone, ${targets.join('; ')} (${granting})`,
      });
      continue;
    }
    const createOnly = route.createWhat !== undefined && !coversOne(verbs, ['update', 'patch']);
    const what =
      named && route.namedWhat
        ? route.namedWhat
        : createOnly && route.createWhat
          ? route.createWhat
          : !clusterWide && route.broadWhat
            ? route.broadWhat
            : route.what;
    issues.push({ route: route.id, detail: `Route::${route.id}`, what: `${what} (${granting})` });
  }
  return issues;
}

/**
 * Whether one rule reaches a route by its main grant or one of its alternatives. A rule limited to named objects (its
 * own lease, one Secret) reaches only the routes that one object opens, with the verbs that open it (namedVerbs, in
 * the main grant and in each alternative); a route only a ClusterRole reaches (clusterWideOnly) needs `clusterWide`, and
 * one only a widely held rule reaches (widelyHeldOnly) needs `clusterWide` or `broad`.
 */
function ruleReachesRoute(
  rule: RolePermission,
  route: Route,
  clusterWide: boolean,
  namespace?: string,
  broad = false,
): boolean {
  const named = (rule.resourceNames?.length ?? 0) > 0;
  if (route.clusterWideOnly && !clusterWide) return false;
  if (route.widelyHeldOnly && !clusterWide && !broad) return false;
  if (route.namespaces && !clusterWide && !(namespace !== undefined && route.namespaces.includes(namespace)))
    return false;
  if (named && route.names && !rule.resourceNames?.some((name) => route.names?.includes(name))) return false;
  const grants = [route, ...(route.alternatives ?? [])];
  const needed = named ? grants.flatMap((grant) => namedGrant(grant, route.namedVerbs ?? [])) : grants;
  const granted = grantOf(rule);
  return needed.some((grant) => reaches(granted, grant));
}

/** A grant's verbs that act on one named object, or nothing when none does (a `*` verb would match an empty list). */
function namedGrant(grant: Grant, namedVerbs: readonly string[]): Grant[] {
  const verbs = grant.verbs.filter((verb) => namedVerbs.includes(verb));
  return verbs.length ? [{ ...grant, verbs }] : [];
}

/** The kinds of role a rule's resources reach: `roles` Roles, `clusterroles` ClusterRoles, `*` both. */
function namedRoleKinds(resources: readonly string[]): NamedKubernetesRole['kind'][] {
  const kinds: NamedKubernetesRole['kind'][] = [];
  if (resources.some((resource) => covers(resource, 'roles'))) kinds.push('Role');
  if (resources.some((resource) => covers(resource, 'clusterroles'))) kinds.push('ClusterRole');
  return kinds;
}

/**
 * The roles a named `bind` reaches that make it a route, in words: those holding a route (cluster-admin's wildcard
 * included), and, failing closed, those whose rules cannot be seen (neither the change nor Kubernetes defines them,
 * or they are known only at apply). A Role is judged in its namespace; a ClusterRole cluster-wide when the binder is.
 * A rule nothing looked up (no namedRoles) names roles that are all unseen. `visiting` stops a role that names
 * itself, or a ring of them: what the ring adds is what its members hold, judged on their other rules.
 */
function namedBindTargets(rule: RolePermission, clusterWide: boolean, visiting: ReadonlySet<string>): string[] {
  const kinds = namedRoleKinds(rule.resources ?? []);
  const targets: NamedKubernetesRole[] =
    rule.namedRoles?.filter((role) => kinds.includes(role.kind)) ??
    kinds.flatMap((kind) => (rule.resourceNames ?? []).map((name) => ({ kind, name })));
  const reasons: string[] = [];
  for (const target of targets) {
    const key = `${target.kind}/${target.scope ?? ''}/${target.name}`;
    if (visiting.has(key)) continue;
    const where = target.scope ? ` in ${target.scope.replace('namespace/', 'namespace ')}` : '';
    const named = `${target.kind} ${target.name}${where}`;
    if (target.rules === undefined) {
      reasons.push(`${named}, which neither this change nor Kubernetes defines, so what it grants cannot be seen here`);
      continue;
    }
    if (isUnknown(target.rules)) {
      reasons.push(`${named}, whose rules are not known until apply (${target.rules.description})`);
      continue;
    }
    const held = roleRoutes(
      target.rules,
      clusterWide && target.kind === 'ClusterRole',
      new Set([...visiting, key]),
      namespaceOf(target.scope),
    );
    if (held.length) reasons.push(`${named}, which holds ${held.map((issue) => `Route::${issue.route}`).join(', ')}`);
  }
  return reasons;
}

const SECRET_CREATE: Grant = { apiGroups: [''], resources: ['secrets'], verbs: ['create'] };
const APISERVICE_CREATE: Grant = {
  apiGroups: ['apiregistration.k8s.io'],
  resources: ['apiservices'],
  verbs: ['create'],
};
const APISERVICE_DELETE: Grant = {
  apiGroups: ['apiregistration.k8s.io'],
  resources: ['apiservices'],
  verbs: ['delete', 'deletecollection'],
};
const SECRET_READ: Grant = { apiGroups: [''], resources: ['secrets'], verbs: READ_SECRETS };
/** Deleting one Secret: a request that names it, so a rule limited by resourceNames allows it for those names. */
const SECRET_DELETE: Grant = { apiGroups: [''], resources: ['secrets'], verbs: ['delete'] };
/** Deleting every Secret of a namespace at once: a request that names none, so only a rule that names none allows it. */
const SECRET_DELETE_ALL: Grant = { apiGroups: [''], resources: ['secrets'], verbs: ['deletecollection'] };
const TOKEN_REQUEST: Grant = { apiGroups: [''], resources: ['serviceaccounts/token'], verbs: ['create'] };

/**
 * The service accounts a role's rules request tokens for by name: `create` on `serviceaccounts/token` limited by
 * resourceNames. Each is a token for that account, so a route exactly when the account holds one; which accounts those
 * are, and what they hold, is the model's to say (rules/support/kubernetes-holders.ts). Unnamed, the rule reaches route
 * token-create on its own.
 */
export function namedTokenRequests(rules: readonly RolePermission[]): string[] {
  const named = rules.filter((rule) => rule.resourceNames?.length && reaches(grantOf(rule), TOKEN_REQUEST));
  return [...new Set(named.flatMap((rule) => rule.resourceNames ?? []))];
}

/**
 * Which Secrets a role's rules read (get, list or watch return their data): every one where the role holds (`all`),
 * or only those named. A service-account token Secret among them is its account's token.
 */
export function secretReads(rules: readonly RolePermission[]): 'all' | string[] {
  const reading = rules.filter((rule) => reaches(grantOf(rule), SECRET_READ));
  if (reading.some((rule) => !rule.resourceNames?.length)) return 'all';
  return [...new Set(reading.flatMap((rule) => rule.resourceNames ?? []))];
}

/**
 * The named Secrets a role both reads and may delete (by a rule that names them, or one that names none, which may also
 * delete every Secret of the namespace at once), with the rules that give each; undefined when there are none. Each can
 * be written again as a Secret of any type.
 */
function recreatedSecrets(rules: readonly RolePermission[]): { names: string[]; rules: RolePermission[] } | undefined {
  const deletes = rules.filter(
    (rule) =>
      reaches(grantOf(rule), SECRET_DELETE) ||
      (!rule.resourceNames?.length && reaches(grantOf(rule), SECRET_DELETE_ALL)),
  );
  const names: string[] = [];
  const giving = new Set<RolePermission>();
  for (const read of rules.filter((rule) => rule.resourceNames?.length && reaches(grantOf(rule), SECRET_READ))) {
    for (const name of read.resourceNames ?? []) {
      const deleting = deletes.filter((rule) => !rule.resourceNames?.length || rule.resourceNames.includes(name));
      if (deleting.length === 0) continue;
      if (!names.includes(name)) names.push(name);
      giving.add(read);
      for (const rule of deleting) giving.add(rule);
    }
  }
  return names.length ? { names, rules: rules.filter((rule) => giving.has(rule)) } : undefined;
}

const ADMISSION_POLICY_UPDATE: Grant = {
  apiGroups: ['admissionregistration.k8s.io'],
  resources: ['mutatingadmissionpolicies'],
  verbs: ['update', 'patch'],
};
const ADMISSION_POLICY_CREATE: Grant = { ...ADMISSION_POLICY_UPDATE, verbs: ['create'] };
const ADMISSION_POLICY_BINDING_UPDATE: Grant = {
  apiGroups: ['admissionregistration.k8s.io'],
  resources: ['mutatingadmissionpolicybindings'],
  verbs: ['update', 'patch'],
};
const ADMISSION_POLICY_BINDING_CREATE: Grant = { ...ADMISSION_POLICY_BINDING_UPDATE, verbs: ['create'] };

/**
 * The rules by which a role makes mutating admission policies rewrite objects: updating a policy (named or not),
 * whose bindings then apply the new mutation, or creating one (never limited by name) together with creating or
 * updating a binding; none when it can do neither.
 */
function admissionPolicyWrites(rules: readonly RolePermission[]): RolePermission[] {
  const unnamed = (rule: RolePermission) => !rule.resourceNames?.length;
  const updates = rules.filter((rule) => reaches(grantOf(rule), ADMISSION_POLICY_UPDATE));
  if (updates.length > 0) return updates;
  const creates = rules.filter((rule) => unnamed(rule) && reaches(grantOf(rule), ADMISSION_POLICY_CREATE));
  const binds = rules.filter(
    (rule) =>
      reaches(grantOf(rule), ADMISSION_POLICY_BINDING_UPDATE) ||
      (unnamed(rule) && reaches(grantOf(rule), ADMISSION_POLICY_BINDING_CREATE)),
  );
  return creates.length > 0 && binds.length > 0
    ? rules.filter((rule) => creates.includes(rule) || binds.includes(rule))
    : [];
}

/** A rule as a grant to match, its API groups read as rbacIssues reads them. */
function grantOf(rule: RolePermission): Grant {
  return {
    apiGroups: rule.apiGroups?.length ? rule.apiGroups : [''],
    resources: rule.resources ?? [],
    verbs: rule.verbs ?? [],
  };
}

/** Whether a rule's API groups, resources and verbs each cover one of those the grant needs. */
function reaches(rule: Grant, needed: Grant): boolean {
  return (
    coversOne(rule.apiGroups, needed.apiGroups) &&
    rule.resources.some((granted) => needed.resources.some((resource) => covers(granted, resource))) &&
    coversOne(rule.verbs, needed.verbs)
  );
}

/** Whether a rule's values cover one of the needed ones: `*`, or a needed value itself. */
function coversOne(granted: readonly string[], needed: readonly string[]): boolean {
  return granted.includes('*') || granted.some((value) => needed.includes(value));
}

/**
 * Whether a rule's resource covers one a route needs, as the API server's RBAC authorizer matches them
 * (`ResourceMatches` in plugin/pkg/auth/authorizer/rbac): `*` is every resource and subresource, `*\/scale` is the
 * `scale` subresource of every resource, anything else only itself. A route's `userextras/*` stands for every extra
 * (the subresource is the extra's key), so `userextras/scopes` covers it.
 */
function covers(granted: string, needed: string): boolean {
  if (granted === '*' || granted === needed) return true;
  const slash = needed.indexOf('/');
  if (slash < 0) return false;
  const [resource, subresource] = [needed.slice(0, slash), needed.slice(slash + 1)];
  if (granted === `*/${subresource}`) return true;
  return subresource === '*' && granted.startsWith(`${resource}/`);
}

/** What a rule grants, in words, with the objects it names. */
function grantingWords(rule: RolePermission): string {
  const names = rule.resourceNames?.length ? ` named ${list(rule.resourceNames)}` : '';
  return `verbs ${list(rule.verbs ?? [])} on ${list(rule.resources ?? [])}${names}`;
}

function list(values: readonly string[]): string {
  return values.length ? values.map((value) => `"${value}"`).join(', ') : '(none)';
}

/** The namespace of a Kubernetes scope (`namespace/<name>`), or undefined for the cluster or a scope not known. */
export function namespaceOf(scope: unknown): string | undefined {
  return typeof scope === 'string' && scope.startsWith('namespace/') ? scope.slice('namespace/'.length) : undefined;
}

/**
 * Routes of a whole role, one per route, with the rules that reach it: one finding per route and role, so a
 * waiver can name the route it accepts. `broad`: the role is held by every holder of a broad subject (broadSubject).
 */
export function roleRoutes(
  rules: readonly RolePermission[],
  clusterWide: boolean,
  visiting: ReadonlySet<string> = new Set(),
  namespace?: string,
  broad = false,
): RbacIssue[] {
  const byRoute = new Map<RbacRouteId, RbacIssue>();
  for (const rule of rules) {
    for (const issue of rbacIssues(rule, clusterWide, visiting, namespace, broad)) {
      const seen = byRoute.get(issue.route);
      if (seen) seen.what = `${seen.what}; ${issue.what.replace(/^.*\((verbs .*)\)$/, '$1')}`;
      else byRoute.set(issue.route, { ...issue });
    }
  }
  // A Secret of type kubernetes.io/service-account-token that names an account is filled by the token controller with
  // a token for that account that never expires ("Manually create a long-lived API token for a ServiceAccount",
  // kubernetes.io/docs/tasks/configure-pod-container/configure-service-account): whoever may create secrets and read
  // them back holds a token for any account of the namespace (of every namespace, cluster-wide), as creating
  // serviceaccounts/token does. The two verbs may come from different rules; a named rule creates nothing (RBAC has
  // no name at create) and reads only the Secrets it names, which are what they are unless it may delete them (below).
  const unnamed = rules.filter((rule) => !rule.resourceNames?.length);
  const creates = unnamed.filter((rule) => reaches(grantOf(rule), SECRET_CREATE));
  const reads = unnamed.filter((rule) => reaches(grantOf(rule), SECRET_READ));
  // Named once: a role that already creates serviceaccounts/token reaches the route by its plainer rule.
  if (creates.length > 0 && reads.length > 0 && !byRoute.has('token-create')) {
    const what =
      'creation of secrets it can read back: a kubernetes.io/service-account-token Secret naming any service account ' +
      `it reaches, filled with a token that never expires (${[...new Set([...creates, ...reads])]
        .map((rule) => `verbs ${list(rule.verbs ?? [])} on ${list(rule.resources ?? [])}`)
        .join('; ')})`;
    byRoute.set('token-create', { route: 'token-create', detail: 'Route::token-create', what });
  }
  // Reading back only named Secrets, the same holds for a name it may also delete: it deletes that Secret and creates
  // it again (create is never limited by name) as a token Secret naming any account, then reads it. A Secret's type
  // cannot change once written (core validation's ValidateSecretUpdate), so update or patch alone gives no token.
  // Kyverno's cleanup controller Role: create on secrets, and delete, get, update on its named TLS Secrets.
  const recreated = creates.length > 0 && !byRoute.has('token-create') ? recreatedSecrets(rules) : undefined;
  if (recreated) {
    const what =
      `deleting the Secrets ${list(recreated.names)} it reads back and creating them again as ` +
      'kubernetes.io/service-account-token Secrets naming any service account it reaches, filled with a token that ' +
      `never expires (${[...new Set([...creates, ...recreated.rules])].map(grantingWords).join('; ')})`;
    byRoute.set('token-create', { route: 'token-create', detail: 'Route::token-create', what });
  }
  // A route whose second grant (alsoNeeds) comes from another rule of the role: CSR approval's update on the approval
  // subresource in one rule, `approve` on signers in another, as the Kubernetes documentation writes them.
  for (const route of RBAC_ROUTES) {
    const also = route.alsoNeeds;
    if (!also || byRoute.has(route.id)) continue;
    const main = rules.filter((rule) => ruleReachesRoute(rule, route, clusterWide, namespace, broad));
    const second = rules.filter((rule) => reaches(grantOf(rule), also));
    if (main.length === 0 || second.length === 0) continue;
    const named = main.every((rule) => (rule.resourceNames?.length ?? 0) > 0);
    const what = named && route.namedWhat ? route.namedWhat : route.what;
    const granting = [...new Set([...main, ...second])].map(grantingWords).join('; ');
    byRoute.set(route.id, { route: route.id, detail: `Route::${route.id}`, what: `${what} (${granting})` });
  }
  // Deleting an APIService and creating it again, pointing at another service, repoints it as an update does
  // (calico-kube-controllers' migration controller holds create and delete); the verbs may come from two rules.
  const apiserviceCreates = unnamed.filter((rule) => reaches(grantOf(rule), APISERVICE_CREATE));
  const apiserviceDeletes = rules.filter((rule) => reaches(grantOf(rule), APISERVICE_DELETE));
  if (apiserviceCreates.length > 0 && apiserviceDeletes.length > 0 && !byRoute.has('apiservice-write')) {
    const what =
      `${APISERVICE_WRITE}, by deleting one and creating it again (` +
      [...new Set([...apiserviceCreates, ...apiserviceDeletes])].map(grantingWords).join('; ') +
      ')';
    byRoute.set('apiservice-write', { route: 'apiservice-write', detail: 'Route::apiservice-write', what });
  }
  // A MutatingAdmissionPolicy (admissionregistration.k8s.io, beta since Kubernetes 1.34) rewrites, in the API server
  // itself, every object its bindings match (pods included: their containers, volumes and service account) before it
  // is stored: webhook-write's reach without a webhook. It acts only once bound, so creating one needs a binding too;
  // updating one rewrites what an existing binding applies, by name as well. Both are cluster-scoped: only a grant that
  // reaches the cluster writes them.
  const policyWrites = clusterWide && !byRoute.has('webhook-write') ? admissionPolicyWrites(rules) : [];
  if (policyWrites.length > 0)
    byRoute.set('webhook-write', {
      route: 'webhook-write',
      detail: 'Route::webhook-write',
      what:
        'writes to mutating admission policies: rewriting, in the API server, every object sent to it that a policy ' +
        `matches, pods included (${policyWrites.map(grantingWords).join('; ')})`,
    });
  foldSubsumedRoutes(rules, clusterWide, byRoute);
  // The wildcard route includes every other: name it alone.
  const wildcard = byRoute.get('wildcard');
  return wildcard ? [wildcard] : [...byRoute.values()];
}

/**
 * Routes a wider route of the same role already gives, each only when reached through `through` alone. All of a role's
 * rules hold in the same namespaces (a Role's own, a ClusterRole's wherever it is bound), so the two routes are always
 * at the same scope; a role reaching both is reported for the wider route only, as it is for `wildcard`, and a
 * catalog that accepts the wider route accepts the role. Only pairs whose reasoning holds whatever the cluster's
 * admission does are listed, since admission cannot be read here.
 *
 * pod-create subsumes pod-exec reached by rewriting running pods (update or patch on `pods`: a new container image):
 * - accounts: a running pod runs as a service account of its own namespace; creating a pod (or a workload's pod
 *   template) there names any of them, the same one included;
 * - volumes and secrets: the rewritten container keeps the pod's volumes (secrets, config maps, claims, hostPath); a
 *   created pod names the same ones, and `nodeName` puts it on the same node;
 * - privileges: a pod update that changes an image is judged by Pod Security admission against the namespace's
 *   current level as a create is (only metadata, activeDeadlineSeconds and tolerations updates are exempt,
 *   kubernetes.io/docs/concepts/security/pod-security-admission "Exemptions"), and policy webhooks see the same
 *   pod spec, so a privileged pod admitted under an older level or for an exempt user cannot be rewritten by this
 *   holder either; where admission lets the update through, it lets the same pod be created.
 * What the update reaches that a new pod does not is the pod's scratch data (emptyDir contents, a ReadWriteOncePod
 * claim while the pod holds it): data the pod wrote with the accounts, volumes and privileges above, no identity.
 * The same holds when the update is limited to named pods (`resourceNames`): the name only narrows which pods of the
 * namespace are rewritten, and each runs as an account, with volumes, that creating a pod there names. The converse
 * does not hold: a named pod patch alone is pod-exec, never pod-create, since an update cannot change a pod's
 * service account or volumes and a name cannot limit a create, so the holder cannot make a pod of its own choosing
 * (delete and create again under the same name included).
 *
 * pod-exec reached any other way stays a route of its own, beside pod-create: exec and attach (`pods/exec`,
 * `pods/attach`) and ephemeral containers reach the running process (its memory, environment, and what it fetched
 * with credentials no longer at hand), and exec is no pod write, so admission never re-judges the pod: it reaches a
 * privileged pod admitted under an older namespace level or for an exempt user, which this holder could not create.
 */
const SUBSUMED_ROUTES: readonly { route: RbacRouteId; by: RbacRouteId; through: Grant; how: string }[] = [
  {
    route: 'pod-exec',
    by: 'pod-create',
    through: POD_UPDATE,
    how:
      "rewriting running pods' container images, which runs as no account, with no volume or privilege, that " +
      'creating a pod there does not (so not named apart as route pod-exec)',
  },
];

/**
 * Drops from `byRoute` each route SUBSUMED_ROUTES folds into a wider route the role reaches, and says so in the wider
 * route's words. A rule that reaches the narrower route any other way (a grant of the route besides `through`) keeps
 * it, and so does a route added by a combination of rules rather than by one rule's grant.
 */
function foldSubsumedRoutes(
  rules: readonly RolePermission[],
  clusterWide: boolean,
  byRoute: Map<RbacRouteId, RbacIssue>,
): void {
  for (const { route: id, by, through, how } of SUBSUMED_ROUTES) {
    const wider = byRoute.get(by);
    const route = RBAC_ROUTES.find((candidate) => candidate.id === id);
    if (!wider || !byRoute.has(id) || !route) continue;
    const otherwise: Route = {
      ...route,
      alternatives: route.alternatives?.filter((alternative) => alternative !== through),
    };
    const reaching = rules.filter((rule) => ruleReachesRoute(rule, route, clusterWide));
    if (reaching.length === 0 || reaching.some((rule) => ruleReachesRoute(rule, otherwise, clusterWide))) continue;
    byRoute.delete(id);
    wider.what += `; ${how} (${reaching.map(grantingWords).join('; ')})`;
  }
}

/**
 * Whether an aggregated ClusterRole's selector picks a role with these labels: `matchLabels` must all be equal,
 * `matchExpressions` (In, NotIn, Exists, DoesNotExist) must all hold, as in a Kubernetes label selector.
 */
export function labelSelectorMatches(
  selector: Record<string, unknown>,
  labels: Readonly<Record<string, string>>,
): boolean {
  const matchLabels = selector.matchLabels;
  if (typeof matchLabels === 'object' && matchLabels !== null) {
    for (const [key, value] of Object.entries(matchLabels)) if (labels[key] !== value) return false;
  }
  const expressions = Array.isArray(selector.matchExpressions) ? selector.matchExpressions : [];
  for (const expression of expressions) {
    if (typeof expression !== 'object' || expression === null) return false;
    const { key, operator, values } = expression as { key?: unknown; operator?: unknown; values?: unknown };
    if (typeof key !== 'string') return false;
    const listed = Array.isArray(values) ? values : [];
    const has = Object.hasOwn(labels, key);
    if (operator === 'In' && !(has && listed.includes(labels[key]))) return false;
    if (operator === 'NotIn' && has && listed.includes(labels[key])) return false;
    if (operator === 'Exists' && !has) return false;
    if (operator === 'DoesNotExist' && has) return false;
    if (!['In', 'NotIn', 'Exists', 'DoesNotExist'].includes(String(operator))) return false;
  }
  // An empty selector selects nothing in an aggregationRule (the controller skips it).
  return Boolean((matchLabels && Object.keys(matchLabels).length) || expressions.length);
}

/**
 * A role one holder holds, as its binding gives it: the rules, whether the binding reaches every namespace, and
 * otherwise the namespace it holds in.
 */
export interface HeldRole {
  rules: readonly RolePermission[];
  clusterWide: boolean;
  namespace?: string;
}

/**
 * Routes that roles held by one holder open together and none of them alone: a route whose grants a role may split
 * over rules (CSR approval's update on the approval subresource and `approve` on signers; a Secret created and read
 * back; an APIService deleted and created again) splits over roles as well, since RBAC is a union of every role bound
 * to the subject (kubernetes.io/docs/reference/access-authn-authz/rbac). `clusterWide` is true when all of `held` reach
 * every namespace; otherwise they are judged where they all apply, one namespace (`namespace`). Each route comes with
 * the indexes of the roles it needs (those without which the others no longer reach it; all of them when none is
 * needed alone).
 */
export function joinedRoutes(
  held: readonly HeldRole[],
  clusterWide: boolean,
  namespace?: string,
): { issue: RbacIssue; roles: number[] }[] {
  if (held.length < 2) return [];
  const alone = new Set(
    held.flatMap((role) =>
      roleRoutes(role.rules, role.clusterWide, new Set(), role.clusterWide ? undefined : role.namespace).map(
        (issue) => issue.route,
      ),
    ),
  );
  // A wildcard role holds every route already.
  if (alone.has('wildcard')) return [];
  const routesOf = (roles: readonly HeldRole[]) =>
    new Set(
      roleRoutes(
        roles.flatMap((role) => role.rules),
        clusterWide,
        new Set(),
        namespace,
      ).map((issue) => issue.route),
    );
  return roleRoutes(
    held.flatMap((role) => role.rules),
    clusterWide,
    new Set(),
    namespace,
  )
    .filter((issue) => !alone.has(issue.route))
    .map((issue) => {
      const needed = held
        .map((_, index) => index)
        .filter((index) => !routesOf(held.filter((__, other) => other !== index)).has(issue.route));
      return { issue, roles: needed.length ? needed : held.map((_, index) => index) };
    });
}
