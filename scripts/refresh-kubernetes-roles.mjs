// Writes data/kubernetes-default-roles.json: Kubernetes' default (bootstrap) ClusterRoles, the ones every API server
// creates at start (cluster-admin, admin, edit, view, system:auth-delegator, system:aggregate-to-*, …), and its default
// Roles in kube-system and kube-public (extension-apiserver-authentication-reader, …), with their labels, annotations,
// aggregation rules and rules. The engine reads it when a binding names a role the change does not define
// (src/iam/kubernetes/default-roles.ts).
//
// admin, edit and view have no rules of their own: an aggregationRule selects the default ClusterRoles whose labels
// match, and the API server's aggregation controller fills in their rules. This script does the same when it writes
// the file, so each aggregated role holds its effective rules, and `aggregatedFrom` names the roles they came from.
//
//   node scripts/refresh-kubernetes-roles.mjs
//       offline: re-reads the checked-in data, checks its shape, resolves the aggregation again and writes it back
//       sorted; no change means in step. With --check it writes nothing and exits 1 when the file is not what it
//       would write (a test runs this).
//   node scripts/refresh-kubernetes-roles.mjs --from cluster-roles.yaml --from namespace-roles.yaml --source "…" --date YYYY-MM-DD
//       from fresh data: plugin/pkg/auth/authorizer/rbac/bootstrappolicy/testdata/{cluster-roles,namespace-roles}.yaml
//       of github.com/kubernetes/kubernetes (Apache-2.0), which the bootstrap policy's own tests hold equal to what the
//       API server creates, or `kubectl get clusterroles,roles -A -l kubernetes.io/bootstrapping=rbac-defaults -o yaml`
//       of a fresh cluster; --source says which (repository, paths and commits, or the cluster's version), recorded
//       with --date. Every file given is read; its ClusterRoles and Roles together replace the data.
//   --out FILE writes (or with --check compares) FILE instead of data/kubernetes-default-roles.json.
// Only facts are kept (names, labels, annotations, aggregation rules, rules); nothing is fetched over the network.
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { readDataFile, refreshOptions, writeDataFile } from './support/data-file.mjs';

const root = new URL('../', import.meta.url);
const DATA_FILE = new URL('data/kubernetes-default-roles.json', root);
const LICENSE_NOTE =
  'Facts from Kubernetes’ bootstrap RBAC policy (github.com/kubernetes/kubernetes, Apache-2.0, Copyright The Kubernetes Authors).';
const AGGREGATION_NOTE =
  'A role with an aggregationRule holds the rules of every role of this file its clusterRoleSelectors match (aggregatedFrom, sorted by name, a rule already held not repeated), as the API server’s clusterrole-aggregation controller fills them in; resolved when the file was written.';
const RULE_FIELDS = ['apiGroups', 'resources', 'resourceNames', 'nonResourceURLs', 'verbs'];

const { values, target } = refreshOptions(DATA_FILE, fail, { fromMany: true });
const data = values.from ? fromFresh(values.from) : offline(target);
if (!writeJson(target, data)) process.exit(1);

function fromFresh(files) {
  const objects = [];
  for (const file of files) {
    let documents;
    try {
      documents = parseAllDocuments(readFileSync(file, 'utf8'));
    } catch (error) {
      fail(`${file}: ${error.message}`);
    }
    for (const document of documents) {
      if (document.errors.length) fail(`${file}: ${document.errors[0].message}`);
      const value = document.toJS();
      // A List (the test data, `kubectl get -o yaml`), a ClusterRoleList, or roles as separate documents.
      if (value && Array.isArray(value.items)) objects.push(...value.items.map((item) => ({ file, item })));
      else if (value) objects.push({ file, item: value });
    }
  }
  const read = (kind) =>
    objects
      .filter(({ item }) => item && item.kind === kind)
      .map(({ file, item }, index) => {
        const metadata = item.metadata ?? {};
        if (typeof metadata.name !== 'string' || metadata.name === '') fail(`${file}: ${kind} [${index}] has no name`);
        if (kind === 'Role' && (typeof metadata.namespace !== 'string' || metadata.namespace === ''))
          fail(`${file}: Role ${metadata.name} has no namespace`);
        return {
          name: metadata.name,
          ...(kind === 'Role' ? { namespace: metadata.namespace } : {}),
          ...(isStringMap(metadata.labels) && Object.keys(metadata.labels).length ? { labels: metadata.labels } : {}),
          ...(isStringMap(metadata.annotations) && Object.keys(metadata.annotations).length
            ? { annotations: metadata.annotations }
            : {}),
          ...(kind === 'ClusterRole' && item.aggregationRule
            ? { aggregationRule: compactAggregation(item.aggregationRule, metadata.name) }
            : {}),
          rules: (item.rules ?? []).map((rule, at) => compactRule(rule, `${metadata.name} rules[${at}]`)),
        };
      });
  const roles = read('ClusterRole');
  if (roles.length === 0) fail(`${files.join(', ')}: no ClusterRole in them`);
  return dataset(roles, read('Role'), values.source, values.date);
}

function offline(url) {
  const data = readDataFile(url, fail);
  if (!Array.isArray(data.roles)) fail('data: roles missing');
  if (data.roles.length !== data.count)
    fail(`data: the header says ${data.count} roles, the file holds ${data.roles.length}`);
  if (!Array.isArray(data.namespaceRoles) || data.namespaceRoles.length !== data.namespaceRoleCount)
    fail(
      `data: the header says ${data.namespaceRoleCount} namespace roles, the file holds ${data.namespaceRoles?.length}`,
    );
  const roles = data.roles.map((role) => ({
    name: role.name,
    ...(role.labels ? { labels: role.labels } : {}),
    ...(role.annotations ? { annotations: role.annotations } : {}),
    ...(role.aggregationRule ? { aggregationRule: compactAggregation(role.aggregationRule, role.name) } : {}),
    // An aggregated role's rules are re-derived below; only the others' are facts read back.
    rules: role.aggregationRule
      ? []
      : (role.rules ?? []).map((rule, at) => compactRule(rule, `${role.name} rules[${at}]`)),
  }));
  const namespaceRoles = data.namespaceRoles.map((role) => ({
    name: role.name,
    namespace: role.namespace,
    ...(role.labels ? { labels: role.labels } : {}),
    ...(role.annotations ? { annotations: role.annotations } : {}),
    rules: (role.rules ?? []).map((rule, at) => compactRule(rule, `${role.namespace}/${role.name} rules[${at}]`)),
  }));
  return dataset(roles, namespaceRoles, data.source, data.date);
}

function dataset(roles, namespaceRoles, source, date) {
  const key = (role) => `${role.namespace ?? ''}/${role.name}`;
  const byKey = (a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
  const sorted = [...roles].sort(byKey);
  const sortedNamespaced = [...namespaceRoles].sort(byKey);
  const keys = new Set();
  for (const role of [...sorted, ...sortedNamespaced]) {
    if (typeof role.name !== 'string' || role.name === '') fail('data: a role has no name');
    if (keys.has(key(role))) fail(`data: duplicate role ${key(role)}`);
    keys.add(key(role));
  }
  return {
    source,
    date,
    license: LICENSE_NOTE,
    aggregation: AGGREGATION_NOTE,
    count: sorted.length,
    namespaceRoleCount: sortedNamespaced.length,
    roles: aggregate(sorted),
    namespaceRoles: sortedNamespaced,
  };
}

/**
 * Each aggregated role with the rules of the roles its selectors pick: those roles sorted by name, their rules in
 * order, a rule equal to one already taken left out. An aggregated role picked by another contributes the rules it
 * aggregates (view into edit into admin), resolved first; a cycle is an error in the data.
 */
function aggregate(roles) {
  const byName = new Map(roles.map((role) => [role.name, role]));
  const effective = new Map();
  const resolve = (role, path) => {
    if (!role.aggregationRule) return role.rules;
    if (effective.has(role.name)) return effective.get(role.name).rules;
    if (path.includes(role.name)) fail(`data: aggregation cycle ${[...path, role.name].join(' → ')}`);
    const picked = roles.filter(
      (candidate) =>
        candidate !== role &&
        role.aggregationRule.clusterRoleSelectors.some((selector) => selects(selector, candidate.labels ?? {})),
    );
    const rules = [];
    const seen = new Set();
    for (const candidate of picked) {
      for (const rule of resolve(byName.get(candidate.name), [...path, role.name])) {
        const key = JSON.stringify(rule);
        if (seen.has(key)) continue;
        seen.add(key);
        rules.push(rule);
      }
    }
    effective.set(role.name, { rules, from: picked.map((candidate) => candidate.name) });
    return rules;
  };
  return roles.map((role) => {
    if (!role.aggregationRule) return role;
    resolve(role, []);
    const { rules, from } = effective.get(role.name);
    const rest = { ...role };
    delete rest.rules;
    return { ...rest, aggregatedFrom: from, rules };
  });
}

/** A label selector as an aggregationRule reads it: matchLabels all equal, matchExpressions all hold; empty selects nothing. */
function selects(selector, labels) {
  const matchLabels = selector.matchLabels ?? {};
  const expressions = selector.matchExpressions ?? [];
  if (Object.keys(matchLabels).length === 0 && expressions.length === 0) return false;
  for (const [key, value] of Object.entries(matchLabels)) if (labels[key] !== value) return false;
  for (const { key, operator, values: listed = [] } of expressions) {
    const has = Object.hasOwn(labels, key);
    if (operator === 'In' && !(has && listed.includes(labels[key]))) return false;
    if (operator === 'NotIn' && has && listed.includes(labels[key])) return false;
    if (operator === 'Exists' && !has) return false;
    if (operator === 'DoesNotExist' && has) return false;
    if (!['In', 'NotIn', 'Exists', 'DoesNotExist'].includes(operator)) fail(`data: selector operator ${operator}`);
  }
  return true;
}

function compactAggregation(rule, name) {
  const selectors = rule?.clusterRoleSelectors;
  if (!Array.isArray(selectors)) fail(`${name}: aggregationRule without clusterRoleSelectors`);
  return {
    clusterRoleSelectors: selectors.map((selector) => {
      const result = {};
      if (selector.matchLabels !== undefined) {
        if (!isStringMap(selector.matchLabels)) fail(`${name}: matchLabels is not a map of strings`);
        result.matchLabels = selector.matchLabels;
      }
      if (selector.matchExpressions !== undefined) {
        if (!Array.isArray(selector.matchExpressions)) fail(`${name}: matchExpressions is not a list`);
        result.matchExpressions = selector.matchExpressions.map(({ key, operator, values: listed }) => ({
          key,
          operator,
          ...(listed ? { values: listed } : {}),
        }));
      }
      return result;
    }),
  };
}

/** A rule with its fields in one order, lists of strings only, empty lists left out (YAML's `rules: null` is none). */
function compactRule(rule, where) {
  if (typeof rule !== 'object' || rule === null) fail(`${where}: not a rule`);
  const unknown = Object.keys(rule).filter((key) => !RULE_FIELDS.includes(key));
  if (unknown.length) fail(`${where}: unknown field ${unknown.join(', ')}`);
  const result = {};
  for (const field of RULE_FIELDS) {
    const list = rule[field] ?? [];
    if (!Array.isArray(list) || list.some((item) => typeof item !== 'string'))
      fail(`${where}: ${field} is not a list of strings`);
    if (list.length) result[field] = list;
  }
  if (!result.verbs) fail(`${where}: no verbs`);
  return result;
}

function isStringMap(value) {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((item) => typeof item === 'string')
  );
}

/** Writes (or with --check compares) the file. False when --check finds it stale. */
function writeJson(url, data) {
  return writeDataFile(url, data, {
    check: values.check,
    shown: url === DATA_FILE ? 'data/kubernetes-default-roles.json' : url.pathname,
    written: `${data.count} ClusterRoles, ${data.namespaceRoleCount} Roles (${data.source}, ${data.date})`,
  });
}

function fail(message) {
  console.error(`refresh-kubernetes-roles: ${message}`);
  process.exit(2);
}
