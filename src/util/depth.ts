/**
 * How deep a parsed input nests. Every reader of templates, manifests, policies and Pulumi properties walks values
 * recursively; an input nested thousands of levels deep (2,000 `Fn::Join`s inside each other) would overflow the
 * stack somewhere far from the parser. Inputs are refused at the door instead, with the path to the deep value.
 */

/** Nesting depth no real input comes near: CDK policies nest about 12 levels, Kubernetes manifests about 15. */
export const MAX_VALUE_DEPTH = 100;

export type ValuePath = (string | number)[];

/**
 * The path to the first object or array nested deeper than `limit` levels, or undefined. Iterative: any depth is safe.
 * `tree`: the value holds no object twice (parsed JSON has no aliases), so none is remembered.
 */
export function tooDeepPath(
  value: unknown,
  limit = MAX_VALUE_DEPTH,
  { tree = false }: { tree?: boolean } = {},
): ValuePath | undefined {
  /** The root has no parent; any other value is its parent's `key`. */
  type Frame = { value: unknown; depth: number } & ({ parent: undefined } | { parent: Frame; key: string | number });
  const stack: Frame[] = [{ value, depth: 0, parent: undefined }];
  const seen = tree ? undefined : new Set<object>();
  for (let frame = stack.pop(); frame !== undefined; frame = stack.pop()) {
    const current = frame.value;
    if (typeof current !== 'object' || current === null) continue;
    if (frame.depth > limit) return pathOf(frame);
    // Shared values (YAML aliases) are walked once: their depth below is the same wherever they appear again.
    if (seen) {
      if (seen.has(current)) continue;
      seen.add(current);
    }
    if (Array.isArray(current)) {
      for (let index = 0; index < current.length; index++)
        stack.push({ value: current[index], depth: frame.depth + 1, parent: frame, key: index });
    } else {
      for (const key of Object.keys(current))
        stack.push({ value: (current as Record<string, unknown>)[key], depth: frame.depth + 1, parent: frame, key });
    }
  }
  return undefined;

  function pathOf(frame: Frame): ValuePath {
    const path: ValuePath = [];
    for (let at = frame; at.parent !== undefined; at = at.parent) path.push(at.key);
    return path.reverse();
  }
}

/** `Resources.Role.Properties.Policies[0]`: a value path the way errors name fields. */
export function formatValuePath(path: ValuePath): string {
  return path
    .map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`))
    .join('');
}
