import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Tests run as outside CI: no CI system's lineage in the audits they write (see the file).
    setupFiles: ['test/support/setup-env.ts'],
    // End-to-end tests run the real `cdk synth` and start the policy pack as a plugin: give them room on a 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 240_000,
  },
});
