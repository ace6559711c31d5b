// test/fixtures/kubernetes/routes.yaml written as a Pulumi program, object for object: the pack must give the
// verdicts the CLI gives on the manifest.
import { readFileSync } from 'node:fs';
import * as k8s from '@pulumi/kubernetes';
import { parseAllDocuments } from 'yaml';

const manifest = readFileSync(new URL('../../fixtures/kubernetes/routes.yaml', import.meta.url), 'utf8');
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each constructor takes its own args type
const constructors: Record<string, new (name: string, args: any) => unknown> = {
  ClusterRole: k8s.rbac.v1.ClusterRole,
  Role: k8s.rbac.v1.Role,
  ClusterRoleBinding: k8s.rbac.v1.ClusterRoleBinding,
  RoleBinding: k8s.rbac.v1.RoleBinding,
  ServiceAccount: k8s.core.v1.ServiceAccount,
};
for (const document of parseAllDocuments(manifest)) {
  const {
    apiVersion: _apiVersion,
    kind,
    ...args
  } = document.toJS() as { apiVersion: string; kind: string; metadata: { name: string } };
  new constructors[kind]!(args.metadata.name, args);
}
