/**
 * A model free of IaC dialects (issue 19, item 2): below the adapters, no source names CloudFormation's pseudo
 * parameters (`${AWS::AccountId}`; the model writes `<own-account>`, src/model/deployment.ts) or references
 * (`${LogicalId.Attr}`; the model writes `<Attr of LogicalId>`), or gives a front-end's advice (`pulumi config`; the adapter that knows its front-end supplies it). The tree passes, and a planted leak in
 * each guarded folder is reported while the same text in an adapter is not.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '../..');

/** The folders that must speak the model's language, not an IaC dialect's. */
const GUARDED = ['src/model', 'src/rules', 'src/iam', 'src/engine', 'src/audit', 'catalog'];

const DIALECT = [
  { what: 'a CloudFormation pseudo parameter', pattern: /\$\{AWS::/ },
  { what: 'Pulumi-specific advice', pattern: /pulumi config/i },
  // Another resource's value is `<id of Bucket>`, `<Arn of Bucket>` (resourceValue, src/model/deployment.ts), not
  // Fn::Sub's `${Bucket}`, `${Bucket.Arn}`, written out or built. `${Partition}` is how AWS's service reference writes
  // an ARN format's partition (src/iam/aws reads it), and `${OWN_ACCOUNT}` an interpolated constant.
  {
    what: "a CloudFormation reference (Fn::Sub's ${LogicalId})",
    pattern: /\$\{(?!Partition\})[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*(\.[A-Za-z0-9.]+)?\}|\\\$\{\$\{/,
  },
];

function sourceFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|mts|cts|js|mjs|cjs)$/.test(entry) ? [path] : [];
  });
}

/** `file:line what` for each line of a guarded source that holds a dialect's syntax or advice. */
function dialectLeaks(root: string): string[] {
  const leaks: string[] = [];
  for (const file of GUARDED.flatMap((dir) => sourceFiles(join(root, dir)))) {
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, index) => {
        for (const { what, pattern } of DIALECT) {
          if (pattern.test(line)) leaks.push(`${relative(root, file)}:${index + 1} ${what}`);
        }
      });
  }
  return leaks.sort();
}

describe('a model free of IaC dialects', () => {
  it('no guarded source names a CloudFormation pseudo parameter or reference, or gives Pulumi advice', () => {
    expect(dialectLeaks(REPO)).toEqual([]);
  });

  describe('planted leaks', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eg-dialect-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const write = (file: string, text: string) => {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), text);
    };

    it('reports each guarded folder that speaks a dialect, and not the adapters, whose job it is', () => {
      const own = "export const OWN = '${AWS::AccountId}';\n";
      for (const folder of GUARDED) write(`${folder}/leak.ts`, own);
      write('src/rules/advice.ts', "// fix it\nexport const fix = 'run `pulumi config set --secret`';\n");
      write(
        'src/audit/reference.ts',
        '// a generated name: `${LogicalId}`\nexport const ARN = `arn:aws:s3:::\\${${name}.Arn}`;\n',
      );
      write(
        'src/model/clean.ts',
        "export const OWN_ACCOUNT = '<own-account>';\nexport const BUCKET = '<Arn of Bucket>';\n",
      );
      write('src/iam/aws/formats.ts', "const arn = format.replace('${Partition}', 'aws') + `${OWN_ACCOUNT}`;\n");
      write('src/adapters/cloudformation/intrinsics.ts', 'return `\\${${logicalId}}`;\n');
      write('src/adapters/cloudformation/pseudo.ts', own);
      write('src/adapters/pulumi/advice.ts', "export const fix = 'pulumi config set --secret';\n");
      expect(dialectLeaks(dir)).toEqual(
        [
          ...GUARDED.map((folder) => `${folder}/leak.ts:1 a CloudFormation pseudo parameter`),
          'src/rules/advice.ts:2 Pulumi-specific advice',
          "src/audit/reference.ts:1 a CloudFormation reference (Fn::Sub's ${LogicalId})",
          "src/audit/reference.ts:2 a CloudFormation reference (Fn::Sub's ${LogicalId})",
        ].sort(),
      );
    });
  });
});
