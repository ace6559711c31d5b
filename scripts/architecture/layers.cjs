/** The layers of Entitlement Guard, lowest first: the one list .dependency-cruiser.cjs and ARCHITECTURE.md follow. */
const LAYERS = [
  { name: 'model', paths: ['src/model/', 'src/util/'] },
  { name: 'catalog', paths: ['catalog/'] },
  { name: 'cloud-iam', paths: ['src/iam/'] },
  { name: 'rules', paths: ['src/rules/'] },
  { name: 'engine', paths: ['src/engine/'] },
  { name: 'adapters', paths: ['src/adapters/'] },
  { name: 'audit', paths: ['src/audit/'] },
  { name: 'diff-and-bootstrap', paths: ['src/diff/', 'src/bootstrap/'] },
  { name: 'reporters', paths: ['src/reporters/'] },
  { name: 'front-ends', paths: ['src/cli/', 'src/index.ts', 'cdk-aspects/', 'policypack/src/'] },
];

module.exports = { LAYERS };
