import { createRequire } from 'node:module';

type Yaml = typeof import('yaml');

let loaded: Yaml | undefined;

/**
 * The `yaml` package, loaded on the first parse rather than on import: importing it costs ~27 ms, and a CDK app
 * using the aspect never parses YAML on its main thread (the evaluation worker loads the catalog).
 */
export function yaml(): Yaml {
  return (loaded ??= createRequire(import.meta.url)('yaml') as Yaml);
}
