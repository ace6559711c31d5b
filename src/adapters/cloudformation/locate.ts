import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ResourceRef } from '../../model/model.js';

/**
 * Finds the line where a resource's logical id is declared under `Resources`, so reports can point into the
 * template (SARIF region, `file:line` in text). Works on the text, for JSON and YAML alike; undefined when unsure.
 */
export function resourceLine(text: string, logicalId: string): number | undefined {
  const lines = text.split(/\r?\n/);
  const resources = lines.findIndex((line) => /^\s*"?Resources"?\s*:/.test(line));
  if (resources < 0) return undefined;
  const escaped = logicalId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const declaration = new RegExp(`^\\s*(?:"${escaped}"|'${escaped}'|${escaped})\\s*:`);
  for (let i = resources + 1; i < lines.length; i++) if (declaration.test(lines[i]!)) return i + 1;
  return undefined;
}

/** A `lineOf` for reporters that reads each template file once; relative files are read from `baseDirectory`. */
export function templateLineFinder(baseDirectory = '.'): (resource: ResourceRef) => number | undefined {
  const texts = new Map<string, string | undefined>();
  return (resource) => {
    if (!resource.file) return undefined;
    if (!texts.has(resource.file)) {
      let text: string | undefined;
      try {
        text = readFileSync(resolve(baseDirectory, resource.file), 'utf8');
      } catch {
        text = undefined; // the file was read once already to load it; a report without a line is still right
      }
      texts.set(resource.file, text);
    }
    const text = texts.get(resource.file);
    return text === undefined ? undefined : resourceLine(text, resource.name);
  };
}
