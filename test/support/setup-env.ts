/**
 * Every test runs as outside CI, whatever machine runs it: the audit records lineage from a CI system's environment
 * variables (src/audit/lineage.ts), which would make its output depend on where the suite runs. Tests that read
 * lineage pass an environment of their own. Children the tests start inherit this environment.
 */
import { CI_MARKERS } from '../../src/audit/lineage.js';

for (const name of CI_MARKERS) delete process.env[name];
