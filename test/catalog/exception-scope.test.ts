import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exceptionTargets } from '../../catalog/exception-scope.js';
import { bindingOf, matchCatalogRecord, profileOf, profileSharing } from '../../catalog/profile.js';
import { recordMatches, type Catalog, type CatalogException, type CatalogIdentity } from '../../catalog/types.js';
import { subjectNames, targetMatches } from '../../catalog/waivers.js';
import { globMatch } from '../../src/util/glob.js';
import type { Identity, Model, Secret } from '../../src/model/model.js';
import { catalog, model, role, secret, user } from '../support/builders.js';

const exception = (target: string): CatalogException => ({
  id: 'EXC-1',
  rule: 'no-long-lived-credentials',
  target,
  reason: 'r',
  owner: 'team-data',
  approvedBy: 'security-lead@example.com',
  expires: '2027-01-31',
});

/** What exceptionTargets must give: every subject whose binding (bindingOf) the target matches, in model order. */
const plainTargets = (target: string, changed: Model, cat: Catalog): string[] =>
  [...changed.identities, ...changed.secrets]
    .filter((subject) => targetMatches(target, bindingOf(subject, cat, changed)))
    .map((subject) => subject.name);

// Generated changes and catalogs over a small vocabulary, so that names, record ids, record match names, ARNs,
// construct paths, locations and URNs collide: a target may name a subject by any of its binding names, by a record
// that binds it exactly, by a pattern or tags (which bind nothing), by a bare resource name (which binds nothing), or
// by a name an external identity or a location-form physical name must not bind by.
const NAMES = ['app', 'legacy-sync', 'ci', 'path:Stack/app', 'stack:app/Admin'];
const ACCOUNT = '111122223333';
const PATHS = ['Stack/app', 'Stack/app/Resource', 'Stack/ci/Default', 'Stack/legacy-sync'];
const LOCATIONS = ['stack:app/Admin', 'pulumi:proj/dev/app', 'k8s:default/ServiceAccount/ci'];
const URNS = ['urn:pulumi:dev::proj::aws:iam/role:Role::app', 'urn:pulumi:dev::proj::aws:iam/user:User::ci'];
const ARNS = [
  'arn:aws:iam::<own-account>:role/app',
  `arn:aws:iam::${ACCOUNT}:role/legacy-sync`,
  'arn:aws:iam::<own-account>:role/${Role}',
  'arn:aws:iam::<own-account>:user/ci',
];

const subject = fc
  .record(
    {
      kind: fc.constantFrom('role', 'user', 'secret'),
      name: fc.constantFrom(...NAMES),
      resourceName: fc.option(fc.constantFrom(...NAMES), { nil: undefined }),
      uniqueName: fc.boolean(),
      external: fc.boolean(),
      arn: fc.option(fc.constantFrom(...ARNS), { nil: undefined }),
      path: fc.option(fc.constantFrom(...PATHS), { nil: undefined }),
      location: fc.option(fc.constantFrom(...LOCATIONS), { nil: undefined }),
      urn: fc.option(fc.constantFrom(...URNS), { nil: undefined }),
      tagged: fc.boolean(),
    },
    { noNullPrototype: true },
  )
  .map((parts): Identity | Secret => {
    const base =
      parts.kind === 'secret'
        ? secret(parts.name)
        : (parts.kind === 'role' ? role : user)(parts.name, {
            uniqueName: parts.uniqueName,
            ...(parts.arn ? { arn: parts.arn } : {}),
            ...(parts.path ? { path: parts.path } : {}),
            ...(parts.urn ? { urn: parts.urn } : {}),
          });
    const resource = {
      ...base.resource,
      ...(parts.resourceName ? { name: parts.resourceName } : {}),
      ...(parts.location ? { location: parts.location } : {}),
      ...(parts.kind === 'secret' && parts.path ? { path: parts.path } : {}),
      ...(parts.kind === 'secret' && parts.urn ? { urn: parts.urn } : {}),
    };
    return {
      ...base,
      resource,
      ...(parts.kind === 'secret' && parts.uniqueName ? { uniqueName: true } : {}),
      ...(parts.kind !== 'secret' && parts.external ? { external: true } : {}),
      ...(parts.tagged ? { tags: { team: 'data' } } : {}),
    } as Identity | Secret;
  });

const RECORD_IDS = ['app', 'legacy-sync', 'payments', 'ci'];
const MATCH_NAMES = [
  ...NAMES,
  ...PATHS.map((path) => `path:${path}`),
  ...LOCATIONS,
  ...URNS,
  'arn:aws:iam::<own-account>:role/app',
  `arn:aws:iam::${ACCOUNT}:role/app`,
  `arn:aws:iam::${ACCOUNT}:role/legacy-sync`,
  'arn:aws:iam::<own-account>:user/ci',
  'legacy-*',
  'path:Stack/*',
  'path:*/app',
  `arn:aws:iam::${ACCOUNT}:role/a*`,
  'a?p',
];
const match = fc.record(
  {
    name: fc.option(fc.constantFrom(...MATCH_NAMES), { nil: undefined }),
    tags: fc.option(fc.constant({ team: 'data' }), { nil: undefined }),
    cloud: fc.option(fc.constantFrom('aws' as const, 'azure' as const), { nil: undefined }),
  },
  { requiredKeys: [], noNullPrototype: true },
);
const record = fc
  .record(
    {
      id: fc.constantFrom(...RECORD_IDS),
      matches: fc.oneof(
        match.map((one) => ({ match: one })),
        fc.array(match, { minLength: 1, maxLength: 2 }).map((many) => ({ matches: many })),
        fc.constant({}),
      ),
    },
    { noNullPrototype: true },
  )
  .map(({ id, matches }): CatalogIdentity => ({
    id,
    ...matches,
    owner: 'team-data',
    class: 'service',
    entitlements: [],
  }));
const TARGETS = [
  ...RECORD_IDS,
  ...MATCH_NAMES,
  'arn:aws:iam::<own-account>:role/${Role}',
  'arn:aws:iam::*:role/app',
  '*',
  'ci',
];

const change = fc.record(
  {
    subjects: fc.array(subject, { maxLength: 6 }),
    accounts: fc.option(fc.constant<string[]>([ACCOUNT]), { nil: undefined }),
  },
  { noNullPrototype: true },
);
const fresh = (parts: { subjects: (Identity | Secret)[]; accounts?: string[] }): Model =>
  model({
    identities: parts.subjects.filter((one): one is Identity => 'kind' in one),
    secrets: parts.subjects.filter((one): one is Secret => !('kind' in one)),
    ...(parts.accounts ? { accountIds: parts.accounts } : {}),
  });

describe('exceptionTargets', () => {
  it("binds the subjects whose binding the target matches, whether or not the change's bindings were worked out", () => {
    fc.assert(
      fc.property(change, fc.array(record, { maxLength: 4 }), fc.constantFrom(...TARGETS), (parts, records, target) => {
        const cat = catalog({ owners: [{ id: 'team-data' }], identities: records });
        const expected = plainTargets(target, fresh(parts), cat);
        // A fresh model: an exact target passes over the subjects without a name equal to it.
        expect(exceptionTargets(exception(target), fresh(parts), cat)).toEqual(expected);
        // Once a wildcard target has worked out every subject's binding, the index of binding names answers.
        const worked = fresh(parts);
        exceptionTargets(exception('*'), worked, cat);
        expect(exceptionTargets(exception(target), worked, cat)).toEqual(expected);
      }),
      { seed: 2026_12_03, numRuns: 2000 },
    );
  });

  it("binds through a catalog record whose pattern matches only the construct's path (not its L1 resource's)", () => {
    const changed = model({ identities: [role('AppRole', { path: 'Stack/app/Resource' })] });
    const cat = catalog({
      owners: [{ id: 'team-data' }],
      identities: [
        { id: 'payments', match: { name: 'path:*/app' }, owner: 'team-data', class: 'service', entitlements: [] },
      ],
    });
    expect(exceptionTargets(exception('payments'), changed, cat)).toEqual(['AppRole']);
  });

  it('answers for the catalog it is asked with, when one model is judged against two catalogs', () => {
    const changed = model({ identities: [role('app', { uniqueName: true })] });
    const bound = catalog({
      owners: [{ id: 'team-data' }],
      identities: [{ id: 'payments', match: { name: 'app' }, owner: 'team-data', class: 'service', entitlements: [] }],
    });
    const unbound = catalog({ owners: [{ id: 'team-data' }] });
    expect(exceptionTargets(exception('payments'), changed, bound)).toEqual(['app']);
    expect(exceptionTargets(exception('payments'), changed, unbound)).toEqual([]);
  });
});

/** The record matchCatalogRecord must find: every record's matches tried in catalog order, no index. */
function scannedRecord(
  cat: Catalog,
  subject: Identity | Secret,
): { record: CatalogIdentity; bound: boolean; bareName: boolean } | undefined {
  const names = subjectNames(subject);
  for (const record of cat.identities)
    for (const match of recordMatches(record)) {
      if (!(match.name || match.tags)) continue;
      if (match.cloud && match.cloud !== subject.cloud) continue;
      if (match.tags && !Object.entries(match.tags).every(([key, value]) => subject.tags[key] === value)) continue;
      const pattern = match.name;
      if (pattern === undefined) return { record, bound: false, bareName: false };
      const hits = names.filter((name) => globMatch(pattern, name.value));
      // Matched by a name that binds, or only by the bare resource name (which claims no privileged entitlement).
      const bound = hits.some((name) => name.binds);
      if (hits.length) return { record, bound, bareName: !bound };
    }
  return undefined;
}

describe("profileSharing: one shared profile and match for a subject's profile and binding", () => {
  it('gives the profile and binding worked out without it, and the record a scan of the catalog finds', () => {
    fc.assert(
      fc.property(change, fc.array(record, { maxLength: 4 }), (parts, records) => {
        const cat = catalog({ owners: [{ id: 'team-data' }], identities: records });
        const changed = fresh(parts);
        const shared = profileSharing(cat);
        for (const one of [...changed.identities, ...changed.secrets]) {
          const entry = shared(one);
          expect(matchCatalogRecord(cat, one)).toEqual(scannedRecord(cat, one));
          expect(entry.match).toStrictEqual(scannedRecord(cat, one));
          expect(entry.profile).toStrictEqual(profileOf(cat, one));
          expect(bindingOf(one, cat, changed, entry)).toEqual(bindingOf(one, cat, changed));
        }
      }),
      { seed: 2026_12_03, numRuns: 2000 },
    );
  });

  // Tags, platform owners and records that leave purpose and expiry to the tags: each fact a profile reads, with
  // values that collide, so that two subjects share a profile exactly when profileOf gives them equal ones.
  const TAG_VALUES = ['team-data', 'team-ops', 'service', 'human', 'robot', 'read, write', 'read', '', '2027-01-01'];
  const taggedSubject = fc
    .record(
      {
        kind: fc.constantFrom('role', 'user', 'secret'),
        name: fc.constantFrom('app', 'app-2', 'ci'),
        tags: fc.dictionary(
          fc.constantFrom('owner', 'identity-class', 'entitlements', 'purpose', 'expires', 'team'),
          fc.constantFrom(...TAG_VALUES),
        ),
        platformOwners: fc.option(fc.array(fc.constantFrom('team-data', 'team-x'), { maxLength: 2 }), {
          nil: undefined,
        }),
      },
      { noNullPrototype: true },
    )
    .map(({ kind, name, tags, platformOwners }): Identity | Secret => {
      if (kind === 'secret') return { ...secret(name), tags };
      const base = (kind === 'role' ? role : user)(name, { uniqueName: true });
      return { ...base, tags, ...(platformOwners ? { platformOwners } : {}) };
    });
  const taggedRecord = fc
    .record(
      {
        id: fc.constantFrom('apps', 'ci'),
        name: fc.constantFrom('app*', 'ci', 'app-2'),
        owner: fc.constantFrom('team-data', 'team-gone'),
        class: fc.constantFrom('service' as const, 'human' as const),
        entitlements: fc.array(fc.constantFrom('read', 'write'), { maxLength: 2 }),
        purpose: fc.option(fc.constantFrom('runs the app', ''), { nil: undefined }),
        expires: fc.option(fc.constant('2027-06-30'), { nil: undefined }),
        tags: fc.option(fc.constant({ team: 'data' }), { nil: undefined }),
      },
      { noNullPrototype: true },
    )
    .map(({ name, tags, purpose, expires, ...rest }): CatalogIdentity => ({
      ...rest,
      match: tags ? { name, tags } : { name },
      ...(purpose !== undefined ? { purpose } : {}),
      ...(expires !== undefined ? { expires } : {}),
    }));

  it('gives each subject the profile profileOf gives, and one object to subjects with the same facts and match', () => {
    fc.assert(
      fc.property(
        fc.array(taggedSubject, { maxLength: 8 }),
        fc.array(taggedRecord, { maxLength: 3 }),
        (subjects, records) => {
          const cat = catalog({ owners: [{ id: 'team-data' }, { id: 'team-ops' }], identities: records });
          const shared = profileSharing(cat);
          const rows = subjects.map((one) => ({
            entry: shared(one),
            plain: profileOf(cat, one),
            scanned: scannedRecord(cat, one),
            facts: JSON.stringify([
              Object.entries(one.tags).sort(),
              'platformOwners' in one ? one.platformOwners : undefined,
            ]),
          }));
          for (const { entry, plain, scanned } of rows) {
            expect(entry.profile).toStrictEqual(plain);
            expect(entry.match).toStrictEqual(scanned);
          }
          // Subjects with the same tags and platform owners that match one record the same way share one object.
          for (const first of rows)
            for (const second of rows)
              if (
                first.facts === second.facts &&
                first.scanned?.record === second.scanned?.record &&
                first.scanned?.bound === second.scanned?.bound &&
                first.scanned?.bareName === second.scanned?.bareName
              )
                expect(first.entry).toBe(second.entry);
        },
      ),
      { seed: 2026_12_03, numRuns: 2000 },
    );
  });

  it('keeps one profile for the subjects of one record', () => {
    const cat = catalog({
      owners: [{ id: 'team-data' }],
      identities: [{ id: 'apps', match: { name: 'app-*' }, owner: 'team-data', class: 'service', entitlements: [] }],
    });
    const shared = profileSharing(cat);
    const [first, second] = [role('app-1', { uniqueName: true }), role('app-2', { uniqueName: true })].map((subject) =>
      shared(subject),
    );
    expect(first).toBe(second);
    expect(first?.profile.owner).toBe('team-data');
  });
});

describe('subjectNames: the construct paths a subject binds by', () => {
  // The reading the names were first written with: the path, and the construct the user wrote when its last step is
  // the L1 `Resource` or `Default` child and that construct is in a stack (holds a `/`).
  const regexPaths = (path: string): string[] => {
    const parent = /^(.+)\/(Resource|Default)$/.exec(path)?.[1];
    return parent && parent.includes('/') ? [path, parent] : [path];
  };
  const step = fc.constantFrom('Stack', 'Role', 'Resource', 'Default', 'a\nb', '', 'x\u2028', 'Resources', '/');
  const path = fc.array(step, { minLength: 1, maxLength: 5 }).map((steps) => steps.join('/'));

  it('names `path:` forms of exactly the paths the regular-expression reading gives', () => {
    fc.assert(
      fc.property(path, (written) => {
        const subject = role('app', { path: written });
        const paths = subjectNames(subject)
          .filter((name) => name.value.startsWith('path:'))
          .map((name) => name.value.slice('path:'.length));
        expect(paths).toEqual(written ? [...new Set(regexPaths(written))] : []);
      }),
      { seed: 2026_12_07, numRuns: 3000 },
    );
  });

  it('cuts `Stack/Role/Resource` to the construct the user wrote, and a top-level `Role/Resource` not', () => {
    const paths = (path: string) =>
      subjectNames(role('app', { path }))
        .filter((name) => name.binds && name.value.startsWith('path:'))
        .map((name) => name.value);
    expect(paths('Stack/Role/Resource')).toEqual(['path:Stack/Role/Resource', 'path:Stack/Role']);
    expect(paths('Stack/Role/Default')).toEqual(['path:Stack/Role/Default', 'path:Stack/Role']);
    expect(paths('Role/Resource')).toEqual(['path:Role/Resource']);
    expect(paths('Stack/Role/Resources')).toEqual(['path:Stack/Role/Resources']);
    expect(paths('Stack/Ro\nle/Resource')).toEqual(['path:Stack/Ro\nle/Resource']);
  });
});
