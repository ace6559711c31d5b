import { isUnknown } from '../../model/model.js';
import { isRecord, setOwn } from '../../util/records.js';
import { isIntrinsic, onlyChoice, type Resolver } from './intrinsics.js';

/**
 * `Tags: [{Key, Value}]` (as CDK writes them) after resolution. A tag whose value only resolves at deploy time
 * is left out: an owner the check cannot read is no owner.
 */
export function tagsOf(tags: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  if (!Array.isArray(tags)) return result;
  for (const tag of tags) {
    if (isRecord(tag) && typeof tag.Key === 'string' && typeof tag.Value === 'string')
      setOwn(result, tag.Key, tag.Value);
  }
  return result;
}

/**
 * A resource's `Tags` as every deployment gives them: a tag whose value a parameter the deployment sets writes (its
 * default is only what a deployment that passes nothing tags it with) is left out of `tags` and named in
 * `deploymentTags` (key → what sets it), unless every value the parameter allows is the same. An owner or class tag
 * `!Ref Owner` defaulting to a catalog owner says nothing of `--parameter-overrides Owner=nobody`.
 */
export function deploymentTagsOf(
  resolver: Resolver,
  raw: unknown,
): { tags: Record<string, string>; deploymentTags?: Record<string, string> } {
  if (raw === undefined) return { tags: {} };
  // Every tag a literal Key and Value (as the CDK writes them, on most roles, users and secrets): no deployment changes
  // a literal, and resolving a tag gives its Key and Value back as written, so the list is read as it is, without the
  // resolution and the list of resolved tags the loop below makes for each.
  if (literalTags(raw)) return { tags: tagsOf(raw) };
  const read: unknown[] = [];
  let chosen: Record<string, string> | undefined;
  for (const item of resolver.listItems(raw)) {
    const value = isRecord(item) && !isIntrinsic(item) && !isUnknown(item) ? item.Value : undefined;
    const choices = value === undefined ? undefined : resolver.choicesOf(value);
    const key = choices === undefined ? undefined : resolver.resolve((item as Record<string, unknown>).Key);
    if (choices === undefined || typeof key !== 'string' || onlyChoice(choices) !== undefined) {
      read.push(resolver.resolve(item));
      continue;
    }
    const parameter = isRecord(value) && typeof value.Ref === 'string' ? value.Ref : undefined;
    setOwn(
      (chosen ??= {}),
      key,
      isUnknown(choices)
        ? choices.description
        : `Ref ${parameter ?? '?'} (one of ${choices.join(', ')}, as the deployment chooses)`,
    );
  }
  if (!chosen) return { tags: tagsOf(read) };
  // A key the deployment sets is not read, even where another item (an Fn::If branch) writes it too.
  const set = chosen;
  return {
    tags: tagsOf(read.filter((tag) => !(isRecord(tag) && Object.hasOwn(set, String(tag.Key))))),
    deploymentTags: set,
  };
}

/** Whether `raw` is a list of tags each of whose Key and Value is a string. */
function literalTags(raw: unknown): boolean {
  if (!Array.isArray(raw)) return false;
  for (let index = 0; index < raw.length; index++) {
    const tag: unknown = raw[index];
    if (!isRecord(tag) || typeof tag.Key !== 'string' || typeof tag.Value !== 'string') return false;
  }
  return true;
}
