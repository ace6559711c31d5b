// Preloaded (`node --require`) into a public CDK app that `cdk synth` runs (test/cdk/public-apps.test.ts): writes the
// environment the CDK CLI gave the app (its CDK_* variables and CONTEXT_OVERFLOW_LOCATION_ENV: the output directory, the context of cdk.json and the
// CLI's own settings, the CLI and cloud assembly versions, the default region) as JSON to the file EG_RECORD_CDK_ENV
// names, so the test can run the same app again exactly as the CLI ran it, without loading the CLI a second time.
const { writeFileSync } = require('node:fs');

if (process.env.EG_RECORD_CDK_ENV) {
  const given = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => name.startsWith('CDK_') || name === 'CONTEXT_OVERFLOW_LOCATION_ENV'),
  );
  writeFileSync(process.env.EG_RECORD_CDK_ENV, JSON.stringify(given));
}
