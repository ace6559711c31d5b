/**
 * A Map entry the code itself set and must find: a miss is a bug in this program, reported as an internal error that
 * says where, never read on as undefined.
 */
export function mustGet<K, V>(map: ReadonlyMap<K, V>, key: K, where: string): V {
  const value = map.get(key);
  if (value === undefined)
    throw new Error(
      `internal error in ${where}: no entry for ${typeof key === 'string' || typeof key === 'number' ? String(key) : typeof key}`,
    );
  return value;
}
