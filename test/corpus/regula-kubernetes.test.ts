/**
 * A peer's verdicts on the same manifests: fugue/regula's Kubernetes rule fixtures about RBAC, service accounts,
 * their tokens and secrets (rego/tests/rules/k8s/<rule>/inputs, copied verbatim into test/corpus/regula-kubernetes).
 * Each file is checked alone with no catalog, as `entitlement-guard check <file>` reads it and as regula's tests read
 * it. Each resource regula's tests judge has a row below: regula's verdict, the exact no-wildcard-privilege findings it
 * has here (or the located error that refuses its file), and, where the two differ, why. All content findings are held
 * to a snapshot and judged in test/corpus/regula-kubernetes/README.md.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkEachTemplate, snapshotOf } from './support/each-template.js';

const CORPUS = join(import.meta.dirname, 'regula-kubernetes');

interface Row {
  /** The fixture: `<regula rule>/inputs/<valid|invalid>_example.yaml`. */
  file: string;
  /** The object regula's test names (its id is `Kind.namespace.name`). */
  resource: string;
  regula: 'FAILED' | 'PASSED';
  /** The details of this object's no-wildcard-privilege findings here (all mandatory), sorted. */
  here: string[];
  /** Set where the file is broken input (exit 2, no findings): the located error, which blocks as a failure does. */
  refused?: string;
  /** Required where regula fails and nothing blocks here, or regula passes and something does: why. */
  why?: string;
}

const invalid = (rule: string) => `${rule}/inputs/invalid_example.yaml`;
const valid = (rule: string) => `${rule}/inputs/valid_example.yaml`;
/** The API server takes subjects of kind ServiceAccount, User and Group only (validateRoleBindingSubject); both files' first is `foo`. */
const refusedFooSubject = (file: string) =>
  `test/corpus/regula-kubernetes/${file}:11:11: RoleBinding role-grantor-binding: subjects[0].kind must be ServiceAccount, ` +
  'User or Group, not the string "foo"; the API server would refuse it, and read as a holder it would grant the role to ' +
  'one that cannot exist';
const NO_GRANT_TO_DEFAULT =
  'the pods run as the namespace\'s default account, which holds nothing in this change: a mounted token grants nothing ' +
  'seen here (a token of an account holding a privileged grant is a Token::automount finding)';

const ROWS: Row[] = [
  // access_to_create_pods: a Role with "create" on pods.
  { file: invalid('access_to_create_pods'), resource: 'get-pods', regula: 'FAILED', here: ['Route::pod-create'] },
  { file: valid('access_to_create_pods'), resource: 'get-pods', regula: 'PASSED', here: ['Route::pod-create'],
    why: 'regula looks at pods only; create, update and patch on deployments make the Deployment controller create pods ' +
      'from a template this role writes, as any service account of the namespace (Kubernetes RBAC good practices, ' +
      '"Workload creation")' },
  // access_to_secrets: bindings to roles that read secrets.
  { file: invalid('access_to_secrets'), resource: 'invalid1', regula: 'FAILED', here: [],
    why: 'get and list on the secrets of one namespace: reading secrets is a route here only cluster-wide, where it ' +
      'reaches every namespace; in one namespace it is left to the catalog\'s entitlements (require-entitlement)' },
  { file: invalid('access_to_secrets'), resource: 'invalid2', regula: 'FAILED',
    here: ['Role::pod-and-pod-logs-reader-global/Route::secrets-read'] },
  // A ClusterRoleBinding to a missing Role with no subjects: it binds nobody (and the API server refuses the Role kind).
  { file: invalid('access_to_secrets'), resource: 'missing_ref', regula: 'PASSED', here: [] },
  { file: valid('access_to_secrets'), resource: 'valid1', regula: 'PASSED', here: [] },
  { file: valid('access_to_secrets'), resource: 'valid2', regula: 'PASSED', here: [] },
  { file: valid('access_to_secrets'), resource: 'missing_ref', regula: 'PASSED', here: [] },
  // cluster_admin_role_use: bindings to cluster-admin.
  { file: invalid('cluster_admin_role_use'), resource: 'test-rolebinding', regula: 'FAILED', here: ['Role::cluster-admin'] },
  { file: valid('cluster_admin_role_use'), resource: 'test-rolebinding', regula: 'PASSED', here: ['Role::not-cluster-admin'],
    why: 'the ClusterRole not-cluster-admin is not in the file, so what the binding grants cannot be seen: said, not passed' },
  // default_service_account_bindings: bindings whose subject is a namespace's default account.
  // Both files bind subjects of kind foo (and bar), which the API server refuses: broken input, refused where it is.
  { file: invalid('default_service_account_bindings'), resource: 'role-grantor-binding', regula: 'FAILED', here: [],
    refused: refusedFooSubject(invalid('default_service_account_bindings')) },
  { file: valid('default_service_account_bindings'), resource: 'role-grantor-binding', regula: 'PASSED', here: [],
    refused: refusedFooSubject(valid('default_service_account_bindings')),
    why: 'its subjects are of kind "foo" and "bar", which the API server refuses (subjects[i].kind: Unsupported value): ' +
      'the binding cannot be applied as written, so the file is refused as broken input (exit 2) at the first of them' },
  // default_service_account_tokens: a default account that mounts its token.
  { file: invalid('default_service_account_tokens'), resource: 'default', regula: 'FAILED', here: [],
    why: 'the account holds nothing in this change; a token of an account holding a privileged grant is a ' +
      'Token::automount finding' },
  { file: valid('default_service_account_tokens'), resource: 'default', regula: 'PASSED', here: [] },
  // role_wildcards: "*" in a Role's verbs.
  { file: invalid('role_wildcards'), resource: 'RELEASE-NAME-promtail', regula: 'FAILED', here: [],
    why: '"*" verbs on one named podsecuritypolicy of the extensions group: every verb on one object of a kind ' +
      'Kubernetes removed in 1.25 is no route to cluster-admin' },
  { file: valid('role_wildcards'), resource: 'RELEASE-NAME-promtail', regula: 'PASSED', here: [] },
  // secrets_as_environment_variables: secretKeyRef in a container's env.
  ...['invalid1', 'invalid2'].map((resource): Row => ({
    file: invalid('secrets_as_environment_variables'), resource, regula: 'FAILED', here: [],
    why: 'a secret read into an environment variable is how a workload uses a secret, not a grant; the manifest holds ' +
      'no secret value',
  })),
  ...['valid1', 'valid2'].map((resource): Row => ({
    file: valid('secrets_as_environment_variables'), resource, regula: 'PASSED', here: [],
  })),
  // service_account_tokens: workloads that mount their account's token.
  ...['myapp-pod', 'pi', 'nginx-deployment', 'hello'].flatMap((resource): Row[] => [
    { file: invalid('service_account_tokens'), resource, regula: 'FAILED', here: [], why: NO_GRANT_TO_DEFAULT },
    { file: valid('service_account_tokens'), resource, regula: 'PASSED', here: [] },
  ]),
];

describe("regula's Kubernetes fixtures: a peer's verdicts", () => {
  const checks = checkEachTemplate(CORPUS);
  const findingsOf = (file: string) => {
    const result = checks.get(file);
    if (!result) throw new Error(`no such fixture: ${file}`);
    return result.result?.findings ?? [];
  };

  it('reads 14 of the 16 files; the two binding subjects of a kind the API server refuses exit 2, located', () => {
    expect(checks.size).toBe(16);
    const refused = new Map(ROWS.flatMap((row) => (row.refused ? [[row.file, row.refused] as const] : [])));
    expect(refused.size).toBe(2);
    for (const [file, result] of checks) {
      expect(result.errors, file).toEqual(refused.has(file) ? [refused.get(file)] : []);
      expect(result.exitCode === 2, file).toBe(refused.has(file));
    }
  });

  const blocks = (row: Row) => row.here.length > 0 || row.refused !== undefined;

  it.each(ROWS)('$regula $file $resource', (row) => {
    const { file, resource, regula, here, why } = row;
    const findings = findingsOf(file).filter((f) => f.ruleId === 'no-wildcard-privilege' && f.resource.name === resource);
    expect(findings.map((f) => f.detail).sort()).toEqual(here);
    for (const finding of findings) expect(finding.level, finding.detail).toBe('mandatory');
    // A verdict that differs from regula's says why; one that agrees says nothing.
    expect(why !== undefined, 'why').toBe((regula === 'FAILED') !== blocks(row));
  });

  it('agrees with regula on 16 of its 28 verdicts; every difference says why', () => {
    const agreed = ROWS.filter((row) => (row.regula === 'FAILED') === blocks(row));
    expect([ROWS.length, agreed.length]).toEqual([28, 16]);
  });

  it('gives exactly the snapshot verdicts and content findings (rule level resource identity detail)', async () => {
    await expect(snapshotOf(checks, CORPUS)).toMatchFileSnapshot('__snapshots__/regula-kubernetes-corpus.txt');
  });
});
