/**
 * The layers of Entitlement Guard, lowest first (ARCHITECTURE.md draws them). A module may import from its own layer
 * and the layers below it, never from a layer above; and no two modules may import each other, directly or around a
 * cycle. `npm test` runs this (`npm run lint:layers`); test/architecture/layers.test.ts plants violations and expects
 * exactly those to be reported.
 */
const { LAYERS } = require('./scripts/architecture/layers.cjs');

const pathPattern = (paths) => `^(${paths.map((path) => path.replace(/[.]/g, '\\.')).join('|')})`;

const upward = LAYERS.slice(0, -1).map((layer, index) => ({
  name: `layer-${layer.name}`,
  comment: `${layer.name} may import only from itself and the layers below it (${
    LAYERS.slice(0, index)
      .map((below) => below.name)
      .join(', ') || 'none'
  })`,
  severity: 'error',
  from: { path: pathPattern(layer.paths) },
  to: { path: pathPattern(LAYERS.slice(index + 1).flatMap((above) => above.paths)) },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment:
        'Two modules that import each other (directly or around a cycle) belong in one module, or share a lower one.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...upward,
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|test|bench|scripts)/' },
  },
};
