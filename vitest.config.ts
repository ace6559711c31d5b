import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // cdk-nag's own test files, copied verbatim: run by test/corpus/cdk-nag-fixtures.test.ts, not as tests of their own.
    exclude: [...configDefaults.exclude, 'test/corpus/cdk-nag-fixtures/test/**'],
    // Tests run as outside CI: no CI system's lineage in the audits they write (see the file).
    setupFiles: ['test/support/setup-env.ts'],
    // End-to-end tests run the real `cdk synth` and start the policy pack as a plugin: give them room on a 2-core machine.
    testTimeout: 120_000,
    // Vitest's default is one worker fewer than the cores: one worker on this project's 2-core machines, idle while a
    // test waits on the `cdk synth` or Pulumi program it started. Two workers there: the whole suite took 613 s
    // (246 files, session 36) where one worker took 687 s for 242 files (session 35), on a quiet machine both times.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    hookTimeout: 240_000,
  },
});
