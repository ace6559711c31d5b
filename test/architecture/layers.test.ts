/**
 * The import-boundary lint (.dependency-cruiser.cjs): the tree passes it, and each kind of violation it exists for is
 * reported when planted (an upward import from each layer that has one above it, a cycle), and nothing else is.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import { afterAll, describe, expect, it } from 'vitest';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const config = require(join(REPO, '.dependency-cruiser.cjs')) as { forbidden: unknown[] };
const { LAYERS } = require(join(REPO, 'scripts/architecture/layers.cjs')) as {
  LAYERS: { name: string; paths: string[] }[];
};
const SOURCES = ['src', 'catalog', 'policypack/src', 'cdk-aspects'];

async function violations(baseDir: string, tsConfig?: string): Promise<string[]> {
  const previous = process.cwd();
  process.chdir(baseDir);
  try {
    const result = await cruise(
      SOURCES.filter((dir) => existsSync(join(baseDir, dir))),
      {
        ruleSet: { forbidden: config.forbidden } as never,
        validate: true,
        tsPreCompilationDeps: true,
        doNotFollow: { path: 'node_modules' },
        exclude: { path: '^(node_modules|dist|test|bench|scripts)/' },
        ...(tsConfig ? { tsConfig: { fileName: tsConfig } } : {}),
      },
    );
    const output = result.output as ICruiseResult;
    return output.summary.violations
      .map((violation) => `${violation.rule.name}: ${violation.from} -> ${violation.to}`)
      .sort();
  } finally {
    process.chdir(previous);
  }
}

describe('layers that only point down', () => {
  it('the tree has no upward import and no cycle', async () => {
    expect(await violations(REPO, 'tsconfig.json')).toEqual([]);
  }, 120_000);

  describe('planted violations', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eg-layers-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const write = (file: string, text: string) => {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), text);
    };

    it('reports each upward import and each cycle, and nothing that points down', async () => {
      // Downward imports, allowed: a rule reads the model, the engine runs rules, a front-end renders a report.
      write('src/model/model.ts', 'export const model = 1;\n');
      write('src/rules/rule.ts', "import { model } from '../model/model';\nexport const rule = model;\n");
      write('src/engine/engine.ts', "import { rule } from '../rules/rule';\nexport const engine = rule;\n");
      write('src/reporters/report.ts', "import { engine } from '../engine/engine';\nexport const report = engine;\n");
      write('src/cli/main.ts', "import { report } from '../reporters/report';\nexport const main = report;\n");
      // Upward: the model reaching into the engine, a rule into the engine, the catalog into the rules, the audit
      // into the reporters, the engine into an adapter.
      write('src/model/upward.ts', "import { engine } from '../engine/engine';\nexport const upward = engine;\n");
      write('src/rules/upward.ts', "import { engine } from '../engine/engine';\nexport const upward = engine;\n");
      write('catalog/upward.ts', "import { rule } from '../src/rules/rule';\nexport const upward = rule;\n");
      write('src/audit/upward.ts', "import { report } from '../reporters/report';\nexport const upward = report;\n");
      write('src/adapters/adapter.ts', 'export const adapter = 1;\n');
      write('src/engine/upward.ts', "import { adapter } from '../adapters/adapter';\nexport const upward = adapter;\n");
      // A cycle inside one layer: reported once.
      write('src/util/a.ts', "import { b } from './b';\nexport const a = () => b;\n");
      write('src/util/b.ts', "import { a } from './a';\nexport const b = () => a;\n");
      expect(await violations(dir)).toEqual(
        [
          'layer-engine: src/engine/upward.ts -> src/adapters/adapter.ts',
          'layer-audit: src/audit/upward.ts -> src/reporters/report.ts',
          'layer-catalog: catalog/upward.ts -> src/rules/rule.ts',
          'layer-model: src/model/upward.ts -> src/engine/engine.ts',
          'layer-rules: src/rules/upward.ts -> src/engine/engine.ts',
          'no-circular: src/util/a.ts -> src/util/b.ts',
        ].sort(),
      );
    }, 120_000);
  });

  it('names every layer once, lowest first, each path in one layer only', () => {
    expect(LAYERS.map((layer) => layer.name)).toEqual([
      'model',
      'catalog',
      'cloud-iam',
      'rules',
      'engine',
      'adapters',
      'audit',
      'diff-and-bootstrap',
      'reporters',
      'front-ends',
    ]);
    const paths = LAYERS.flatMap((layer) => layer.paths);
    expect(new Set(paths).size).toBe(paths.length);
  });
});
