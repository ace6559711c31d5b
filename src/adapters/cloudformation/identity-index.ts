import type { Identity, IdentityKind } from '../../model/model.js';

interface KindIndex {
  byArn: Map<string, Identity>;
  /** By every ARN tail after a `/`: the name, or `path/name`. */
  byName: Map<string, Identity[]>;
}

/**
 * The model's identities by kind and ARN, and by kind and name, first added first: a reference by ARN or name
 * (one per policy holder, attachment, key) is a map lookup instead of a scan of every identity. Built on first
 * use, since most references are `Ref`s to a resource of the same template and never need it.
 */
export class IdentityIndex {
  private kinds: Map<IdentityKind, KindIndex> | undefined;

  /** `identities`: the builder's map by id, in the order identities were added. */
  constructor(private readonly identities: ReadonlyMap<string, Identity>) {}

  withArn(kind: IdentityKind, arn: string): Identity | undefined {
    return this.kind(kind).byArn.get(arn);
  }

  /** Identities of the kind whose ARN ends with `/${name}`. */
  named(kind: IdentityKind, name: string): readonly Identity[] {
    return this.kind(kind).byName.get(name) ?? [];
  }

  /** Call before the identity goes into the map. An id seen before replaces its identity in place: start over. */
  beforeAdd(identity: Identity): void {
    if (!this.kinds) return;
    if (this.identities.has(identity.id)) this.kinds = undefined;
    else add(this.kinds, identity);
  }

  private kind(kind: IdentityKind): KindIndex {
    if (!this.kinds) {
      const kinds = new Map<IdentityKind, KindIndex>();
      for (const identity of this.identities.values()) add(kinds, identity);
      this.kinds = kinds;
    }
    return this.kinds.get(kind) ?? { byArn: new Map(), byName: new Map() };
  }
}

function add(kinds: Map<IdentityKind, KindIndex>, identity: Identity): void {
  const { arn } = identity;
  if (typeof arn !== 'string') return;
  let index = kinds.get(identity.kind);
  if (!index) kinds.set(identity.kind, (index = { byArn: new Map(), byName: new Map() }));
  if (!index.byArn.has(arn)) index.byArn.set(arn, identity);
  for (let slash = arn.indexOf('/'); slash >= 0; slash = arn.indexOf('/', slash + 1)) {
    const name = arn.slice(slash + 1);
    const named = index.byName.get(name);
    if (named) named.push(identity);
    else index.byName.set(name, [identity]);
  }
}
