/**
 * The shape of the fields the model reads from a manifest object. A field of the wrong type (`verbs: "*"` instead of
 * a list, a pod template whose `spec` is a list, `subjects` as a map) is something the API server refuses, and the
 * model would otherwise read it as absent: a role with no verbs, a binding with no subjects, pods that run as no
 * account of the change. So a manifest that has one is broken input, said with the field's path, never a pass. So is a
 * subject of a kind the API server does not take (`kind: foo`): read as a holder, the grant would go to one that cannot
 * exist, where the cluster refuses the whole binding.
 * Only fields the model reads are checked; everything else is the API server's business.
 */
import { isRecord } from '../../util/records.js';
import type { ValuePath } from '../../util/depth.js';
import { podSpecPathOf } from './workloads.js';

export interface ShapeProblem {
  /** Where the field is, below the object. */
  path: ValuePath;
  /** What it must be, in words: `a list of strings`. */
  expected: string;
  /** What it is: `a string`. */
  actual: string;
  /** What reading it anyway would do, where that is not reading it as absent. */
  misread?: string;
}

type Check = (value: unknown) => boolean;

const isString: Check = (value) => typeof value === 'string';
const isBoolean: Check = (value) => typeof value === 'boolean';
const isStringList: Check = (value) => Array.isArray(value) && value.every(isString);

const ROLE_KINDS = new Set(['Role', 'ClusterRole']);
const BINDING_KINDS = new Set(['RoleBinding', 'ClusterRoleBinding']);
/**
 * The subject kinds the API server takes: any other is refused with `subjects[i].kind: Unsupported value`
 * (validateRoleBindingSubject, kubernetes/kubernetes pkg/apis/rbac/validation/validation.go).
 */
const SUBJECT_KINDS = ['ServiceAccount', 'User', 'Group'];

/**
 * A binding subject whose kind the API server refuses, as a problem at `subjects[index].kind`, or undefined for a kind
 * it takes (matched exactly: `serviceaccount` is refused) or one that is not a string. Shared with the front-ends that
 * read objects without a manifest's shape check (`@pulumi/kubernetes` resources, Terraform's kubernetes_* objects).
 */
export function refusedSubjectKind(index: number, kind: unknown): Required<ShapeProblem> | undefined {
  if (typeof kind !== 'string' || SUBJECT_KINDS.includes(kind)) return undefined;
  return {
    path: ['subjects', index, 'kind'],
    expected: 'ServiceAccount, User or Group',
    actual: describe(kind),
    misread: 'read as a holder it would grant the role to one that cannot exist',
  };
}

/**
 * What is wrong with the field and why it is not read anyway, after its path: `must be a list, not a string; the API
 * server would refuse it, and read as absent it would hide …`. Manifests and Pulumi resources say it alike.
 */
export function refusalReason(problem: ShapeProblem): string {
  return (
    `must be ${problem.expected}, not ${problem.actual}; the API server would refuse it, and ` +
    (problem.misread ?? 'read as absent it would hide what the object grants or runs as')
  );
}

/** The first field of the object the model reads whose type is wrong, or undefined. */
export function shapeProblem(object: Record<string, unknown>): ShapeProblem | undefined {
  const problems: ShapeProblem[] = [];
  /** `value` at `path` must pass `check` when it is present (null is YAML's absent: `rules:` with nothing after it). */
  const expect = (path: ValuePath, value: unknown, check: Check, expected: string): boolean => {
    if (value === undefined || value === null || check(value)) return true;
    const actual =
      Array.isArray(value) && expected === 'a list of strings'
        ? 'a list with a value that is not a string'
        : describe(value);
    problems.push({ path, expected, actual });
    return false;
  };
  const record = (path: ValuePath, value: unknown): boolean => expect(path, value, isRecord, 'an object');
  const list = (path: ValuePath, value: unknown): boolean => expect(path, value, Array.isArray, 'a list');

  const kind = object.kind;
  if (!record(['metadata'], object.metadata)) return problems[0];
  const metadata = isRecord(object.metadata) ? object.metadata : {};
  expect(['metadata', 'namespace'], metadata.namespace, isString, 'a string');
  record(['metadata', 'labels'], metadata.labels);
  record(['metadata', 'annotations'], metadata.annotations);

  if (kind === 'ServiceAccount') {
    expect(['automountServiceAccountToken'], object.automountServiceAccountToken, isBoolean, 'true or false');
  } else if (typeof kind === 'string' && ROLE_KINDS.has(kind)) {
    if (list(['rules'], object.rules) && Array.isArray(object.rules)) {
      for (const [index, rule] of object.rules.entries()) {
        if (!record(['rules', index], rule) || !isRecord(rule)) continue;
        for (const field of ['apiGroups', 'resources', 'verbs', 'resourceNames', 'nonResourceURLs'])
          expect(['rules', index, field], rule[field], isStringList, 'a list of strings');
      }
    }
    if (record(['aggregationRule'], object.aggregationRule) && isRecord(object.aggregationRule)) {
      const selectors = object.aggregationRule.clusterRoleSelectors;
      if (list(['aggregationRule', 'clusterRoleSelectors'], selectors) && Array.isArray(selectors))
        for (const [index, selector] of selectors.entries())
          record(['aggregationRule', 'clusterRoleSelectors', index], selector);
    }
  } else if (typeof kind === 'string' && BINDING_KINDS.has(kind)) {
    if (record(['roleRef'], object.roleRef) && isRecord(object.roleRef)) {
      expect(['roleRef', 'kind'], object.roleRef.kind, isString, 'a string');
      expect(['roleRef', 'name'], object.roleRef.name, isString, 'a string');
    }
    if (list(['subjects'], object.subjects) && Array.isArray(object.subjects)) {
      for (const [index, subject] of object.subjects.entries()) {
        if (!record(['subjects', index], subject) || !isRecord(subject)) continue;
        // A subject without kind or name names nobody the model could hold to the grant.
        for (const field of ['kind', 'name'])
          if (subject[field] === undefined || subject[field] === null)
            problems.push({ path: ['subjects', index, field], expected: 'a string', actual: 'missing' });
          else expect(['subjects', index, field], subject[field], isString, 'a string');
        // A kind of no holder (`foo`) would be read as one the grant goes to, where the API server refuses the binding.
        const refused = refusedSubjectKind(index, subject.kind);
        if (refused) problems.push(refused);
        expect(['subjects', index, 'namespace'], subject.namespace, isString, 'a string');
      }
    }
  } else if (kind === 'Secret') {
    expect(['type'], object.type, isString, 'a string');
    record(['data'], object.data);
    record(['stringData'], object.stringData);
  } else {
    const podSpecPath = typeof kind === 'string' ? podSpecPathOf(kind, object.apiVersion) : undefined;
    if (podSpecPath) podSpecAt(podSpecPath);
  }
  return problems[0];

  /** Each object on the way to the pod spec, then the pod spec's own fields. */
  function podSpecAt(path: readonly string[]): void {
    let value: unknown = object;
    for (const [depth, key] of path.entries()) {
      if (!isRecord(value)) return;
      value = value[key];
      if (depth < path.length - 1 && !record(path.slice(0, depth + 1), value)) return;
    }
    podSpec([...path], value);
  }

  function podSpec(path: ValuePath, spec: unknown): void {
    if (!record(path, spec) || !isRecord(spec)) return;
    for (const field of ['serviceAccountName', 'serviceAccount'])
      expect([...path, field], spec[field], isString, 'a string');
  }
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (isRecord(value)) return 'an object';
  return `${typeof value === 'string' ? 'the string' : `the ${typeof value}`} ${JSON.stringify(value)}`;
}
