/**
 * Property-based tests (fast-check) for the plan reader's parsers: addresses round-trip through parseAddress, values
 * known only after apply become Unknowns exactly where after_unknown says so, and any plan built from arbitrary
 * resources reads without throwing, every instance once.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { moduleAddress, parseAddress, resourceAddress } from '../../src/adapters/terraform/address.js';
import { modelFromTerraformPlan, readTerraformPlan } from '../../src/adapters/terraform/index.js';
import { withUnknowns } from '../../src/adapters/terraform/to-model.js';
import { isUnknown, unknownValue } from '../../src/model/model.js';
import { isRecord } from '../../src/util/records.js';
import { terraformPlan } from './support.js';

const identifier = fc.stringMatching(/^[a-z][a-z0-9_-]{0,11}$/);
/** Instance keys as Terraform prints them: a number, or a quoted string (with dots, brackets and escaped quotes). */
const instanceKey = fc.oneof(
  fc.nat({ max: 99 }).map(String),
  fc.string({ maxLength: 8 }).map((key) => JSON.stringify(key)),
);
const step = fc.record({ name: identifier, key: fc.option(instanceKey, { nil: undefined }) });
const address = fc.record({
  modules: fc.array(step, { maxLength: 3 }),
  type: fc.constantFrom(
    'aws_iam_role',
    'aws_iam_access_key',
    'google_project_iam_member',
    'kubernetes_secret_v1',
    'random_password',
  ),
  name: identifier,
  key: fc.option(instanceKey, { nil: undefined }),
});
/** The address as Terraform prints it. */
function print(a: {
  modules: { name: string; key?: string | undefined }[];
  type: string;
  name: string;
  key?: string | undefined;
}): string {
  const module = moduleAddress(
    a.modules.map((m) => (m.key === undefined ? { name: m.name } : { name: m.name, key: m.key })),
  );
  return `${module ? `${module}.` : ''}${a.type}.${a.name}${a.key !== undefined ? `[${a.key}]` : ''}`;
}

describe('addresses', () => {
  it('parse back into their module instances, type, name and key', () => {
    fc.assert(
      fc.property(address, (a) => {
        const parsed = parseAddress(print(a))!;
        expect(parsed.type).toBe(a.type);
        expect(parsed.name).toBe(a.name);
        expect(parsed.key).toBe(a.key);
        expect(parsed.modules.map((m) => [m.name, m.key])).toEqual(a.modules.map((m) => [m.name, m.key]));
        expect(`${resourceAddress(parsed)}${parsed.key !== undefined ? `[${parsed.key}]` : ''}`).toBe(print(a));
      }),
    );
  });
});

/** A JSON value and an after_unknown of the same shape (true at some leaves, false or absent elsewhere). */
const valueWithUnknowns = fc.letrec((tie) => ({
  leaf: fc.tuple(fc.oneof(fc.string({ maxLength: 4 }), fc.integer(), fc.boolean(), fc.constant(null)), fc.boolean()),
  list: fc
    .array(tie('node'), { maxLength: 3 })
    .map((items) => [
      items.map((item) => (item as [unknown, unknown])[0]),
      items.map((item) => (item as [unknown, unknown])[1]),
    ]),
  block: fc
    .dictionary(identifier, tie('node'), { maxKeys: 3 })
    .map((entries) => [
      Object.fromEntries(Object.entries(entries).map(([key, item]) => [key, (item as [unknown, unknown])[0]])),
      Object.fromEntries(Object.entries(entries).map(([key, item]) => [key, (item as [unknown, unknown])[1]])),
    ]),
  node: fc.oneof({ depthSize: 'small' }, tie('leaf'), tie('list'), tie('block')),
}));

/** Paths where after_unknown is true. */
function unknownPaths(unknown: unknown, path = ''): string[] {
  if (unknown === true) return [path];
  if (Array.isArray(unknown)) return unknown.flatMap((item, index) => unknownPaths(item, `${path}[${index}]`));
  if (isRecord(unknown))
    return Object.entries(unknown).flatMap(([key, item]) => unknownPaths(item, path ? `${path}.${key}` : key));
  return [];
}
function unknownsIn(value: unknown, path = ''): string[] {
  if (isUnknown(value)) return [path];
  if (Array.isArray(value)) return value.flatMap((item, index) => unknownsIn(item, `${path}[${index}]`));
  if (isRecord(value))
    return Object.entries(value).flatMap(([key, item]) => unknownsIn(item, path ? `${path}.${key}` : key));
  return [];
}

describe('values known only after apply', () => {
  it('become Unknowns exactly where after_unknown is true, and nowhere else', () => {
    fc.assert(
      fc.property(fc.dictionary(identifier, valueWithUnknowns.node, { maxKeys: 4 }), (attributes) => {
        const values = Object.fromEntries(
          Object.entries(attributes).map(([key, item]) => [key, (item as [unknown, unknown])[0]]),
        );
        const unknown = Object.fromEntries(
          Object.entries(attributes).map(([key, item]) => [key, (item as [unknown, unknown])[1]]),
        );
        const result = withUnknowns(values, unknown, (path) => unknownValue(path));
        expect(unknownsIn(result).sort()).toEqual(unknownPaths(unknown).sort());
        for (const path of unknownsIn(result)) expect(unknownPaths(unknown)).toContain(path);
      }),
    );
  });
});

describe('plans', () => {
  it('any set of resources reads without throwing, each instance once, deletes apart', () => {
    const resource = fc.record({
      address,
      actions: fc.constantFrom(['create'], ['update'], ['delete'], ['delete', 'create'], ['no-op']),
      values: fc.dictionary(identifier, fc.oneof(fc.string({ maxLength: 6 }), fc.integer(), fc.constant(null)), {
        maxKeys: 3,
      }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(resource, { selector: (r) => print(r.address), maxLength: 12 }), (resources) => {
        const plan = terraformPlan(
          resources.map((r) => ({ address: print(r.address), actions: [...r.actions], values: r.values })),
        );
        const read = readTerraformPlan(plan);
        const deleted = resources
          .filter((r) => r.actions.length === 1 && r.actions[0] === 'delete')
          .map((r) => print(r.address));
        expect(read.deleted.map((instance) => instance.address).sort()).toEqual(deleted.sort());
        expect(read.instances.length + read.deleted.length).toBe(resources.length);
        modelFromTerraformPlan(plan);
      }),
    );
  });
});
