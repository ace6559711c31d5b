/** Writes an organisation's pack around `catalog` (a path, relative to the pack directory or absolute) and returns its directory. `now`: the pack's evaluation time (ISO date). */
export function writeOrgPack(options: { name?: string; catalog: string; now?: string }): string;
