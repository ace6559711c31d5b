/**
 * no-wildcard-privilege on Kubernetes bindings to broad subjects and on ClusterRoles the change binds only through
 * RoleBindings (session 48, h153), on model builders; the adapters' reading (which subjects, which bindings, OLM
 * OperatorGroups) is tested end to end in test/kubernetes/broad-subjects-and-binding-scope.test.ts.
 * - Reading the secrets of one namespace is no route for one holder (its own namespace), but a RoleBinding that gives it
 *   to every authenticated user, to every service account of the cluster or of the namespace, or to the anonymous user
 *   gives every token Secret and credential of the namespace to them all: before, it passed.
 * - A ClusterRole definition with boundOnlyIn holds in those namespaces alone: reading secrets there is no route on it.
 */
import type { RoleDefinition, RolePermission } from '../../src/model/model.js';
import rule from '../../src/rules/no-wildcard-privilege.js';
import { namespaceBinding } from '../multicloud/builders.js';
import { model, ref } from '../support/builders.js';
import { ruleTester } from '../support/rule-tester.js';

const SECRETS_READ: RolePermission = { apiGroups: [''], resources: ['secrets'], verbs: ['get', 'list'] };
const reads = (member: string) => ({ member, grant: namespaceBinding('readers', 'reader', 'apps', [SECRETS_READ]) });
const clusterReader = (boundOnlyIn?: string[]): RoleDefinition => ({
  cloud: 'kubernetes',
  kind: 'k8s-cluster-role',
  name: 'secret-reader',
  source: ref('kubernetes:rbac.authorization.k8s.io/v1:ClusterRole', 'secret-reader'),
  scope: 'cluster',
  permissions: [SECRETS_READ],
  ...(boundOnlyIn ? { boundOnlyIn } : {}),
});
const READS_NAMESPACE =
  'reading every secret of the namespace: its service-account token Secrets and its workloads\' credentials (verbs "get", "list" on "secrets")';
const TAIL =
  ': enough to escalate to cluster-admin (Checkov CKV_K8S_49/157/158, CIS Kubernetes 5.1). Name the verbs, resources and ' +
  'API groups the workload needs; if its holders do need this, list secrets-read in kubernetes.acceptedRoutes of the ' +
  'catalog entitlement that allows the role.';
const finding = (member: string, who: string) => ({
  resource: 'readers',
  detail: 'Role::reader/Route::secrets-read',
  message: `readers binds ${member} to reader in namespace apps, which grants ${READS_NAMESPACE}, to ${who}${TAIL}`,
});

ruleTester(rule, {
  valid: [
    {
      name: 'a Role reading secrets in its namespace, bound to a group of people or to a user: their own namespace',
      model: model({ externalRoleGrants: [reads('Group payments-oncall'), reads('User alice@example.com')] }),
    },
    {
      name: 'a Role reading secrets, bound to a group that only looks broad (system:serviceaccount, singular, is no group)',
      model: model({ externalRoleGrants: [reads('Group system:serviceaccount:apps'), reads('Group system:masters')] }),
    },
    {
      name: 'a ClusterRole reading secrets that the change binds only by RoleBindings, in two namespaces',
      model: model({ roleDefinitions: [clusterReader(['team-a', 'team-b'])] }),
    },
  ],
  invalid: [
    {
      name: 'a Role reading secrets, bound to every authenticated user, every service account, those of one namespace',
      model: model({
        externalRoleGrants: [
          reads('Group system:authenticated'),
          reads('Group system:serviceaccounts'),
          reads('Group system:serviceaccounts:apps'),
        ],
      }),
      findings: [
        finding('Group system:authenticated', 'every user and service account the API server authenticates'),
        finding('Group system:serviceaccounts', 'every service account of every namespace'),
        finding('Group system:serviceaccounts:apps', 'every service account of namespace apps'),
      ],
    },
    {
      name: 'the anonymous user: public, and secrets-read besides',
      model: model({ externalRoleGrants: [reads('User system:anonymous')] }),
      findings: [
        {
          resource: 'readers',
          detail: 'Member::system:anonymous',
          message:
            'readers binds User system:anonymous to reader in namespace apps: the subject the API server gives every request it does not authenticate, so anyone who can reach the API server holds the role without signing in (anonymous requests are on by default). Remove the subject and bind the service accounts or groups that need the role.',
        },
        finding('User system:anonymous', 'anyone who can reach the API server, without signing in'),
      ],
    },
    {
      name: 'a ClusterRole reading secrets that the change does not bind, or binds cluster-wide: every namespace',
      model: model({ roleDefinitions: [clusterReader()] }),
      findings: [
        {
          resource: 'secret-reader',
          detail: 'Route::secrets-read',
          message:
            'ClusterRole secret-reader cluster-wide grants reading secrets in every namespace (verbs "get", "list" on "secrets"): a route to cluster-admin (Kubernetes RBAC good practices; Checkov CKV_K8S_49, 155-158), whoever it is bound to now or later. Name the verbs, resources and API groups the workload needs; if its holders do need this, list secrets-read in kubernetes.acceptedRoutes of the catalog entitlement that allows the role.',
        },
      ],
    },
  ],
});
