/**
 * The round trip on Pulumi resources: the example programs (examples/pulumi-aws) run under the Pulumi SDK's mocks as
 * `pulumi up` plans them, written as the `pulumi stack export` the CLI reads; every identity binds by its URN or
 * physical name, so each blocking finding becomes an exception and check passes once approvers are filled in.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { captureInParallel } from '../pulumi/support/analyzer-client.mjs';
import { stackExport } from '../pulumi/support/stack-export.js';
import { approved, blocking, check, init, laterChange, scratch } from './support.js';

const path = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

const PROGRAMS = [
  'pulumi-aws/bad/index.ts',
  'pulumi-aws/good/index.ts',
  'pulumi-azure/bad/index.ts',
  'pulumi-azure/good/index.ts',
  'pulumi-gcp/bad/index.ts',
  'pulumi-gcp/good/index.ts',
  'k8s/pulumi/index.ts',
  'privileged-access/pulumi-bad.ts',
  'privileged-access/pulumi-good.ts',
];
const exports: Record<string, string> = {};

beforeAll(async () => {
  const directory = scratch();
  // Every capture in two processes (see captureInParallel).
  const captured = await captureInParallel(
    PROGRAMS.map((program) => ({ program: path(`../../examples/${program}`), mode: 'update' as const })),
  );
  for (const [index, program] of PROGRAMS.entries()) {
    const records = captured[index]!;
    exports[program] = join(directory, `${index}.stack.json`);
    writeFileSync(exports[program], JSON.stringify(stackExport(records)));
  }
}, 300_000);

describe.each(PROGRAMS)('catalog init round trip: examples/%s as a stack export', (name) => {
  it('init, approvers filled in, check exits 0; a later access key and iam:* grant block', () => {
    const first = init([exports[name]!]);
    expect(first.exitCode).toBe(0);
    expect(first.errors.filter((line) => line.includes('no exception can name it'))).toEqual([]);
    expect(init([exports[name]!]).output).toBe(first.output);
    const catalog = approved(first.output);
    const passed = check([exports[name]!], catalog);
    expect(blocking(passed)).toEqual([]);
    expect(passed.exitCode).toBe(0);
    const later = check([exports[name]!, laterChange('eg-no-such-role')], catalog);
    expect(later.exitCode).toBe(1);
    expect(blocking(later)).toEqual(
      expect.arrayContaining([
        'no-long-lived-credentials NewUserKey Credential::aws-access-key',
        'no-wildcard-privilege NewIamGrant Action::iam:*',
      ]),
    );
  });
});
