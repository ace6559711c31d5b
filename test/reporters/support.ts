/** `check` on the CloudFormation examples with the example catalog, at a fixed time, as the reporters see it. */
import { join } from 'node:path';
import { runCheck, type Format } from '../../src/cli/check.js';

export const REPO = join(import.meta.dirname, '../..');
export const BAD = 'examples/cloudformation/bad-stack.template.yaml';
export const GOOD = 'examples/cloudformation/good-stack.template.yaml';

export function checkExample(template: string, format: Format) {
  return runCheck({
    paths: [join(REPO, template)],
    catalogPath: join(REPO, 'examples/catalog.yaml'),
    format,
    now: new Date('2026-07-01T00:00:00Z'),
    cwd: REPO,
    toolVersion: '0.0.0-test',
  });
}
