import { isRecord, setOwn } from '../../util/records.js';

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
