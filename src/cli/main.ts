#!/usr/bin/env node
/** The `entitlement-guard` command: argument parsing and wiring only; the work is in check.ts and audit.ts. */
import { realpathSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { AUDIT_FORMATS, type AuditFormat } from '../audit/index.js';
import { createProgress, type Progress } from '../reporters/progress.js';
import { runAudit } from './audit.js';
import { EXIT, FORMATS, runCatalogValidate, runCheck, type CommandResult, type Format } from './check.js';

const USAGE = `Usage:
  entitlement-guard check <cdk.out|template|manifest|tfplan.json|stack-export.json|directory>... [--catalog FILE] [--format text|json|sarif|junit|markdown] [--out FILE] [--now YYYY-MM-DD]
  entitlement-guard audit <cdk.out|template|manifest|tfplan.json|stack-export.json|directory>... [--catalog FILE] [--format json|markdown|html] [--out FILE] [--now YYYY-MM-DD]
  entitlement-guard catalog validate FILE
  entitlement-guard --help | --version

Checks the identities and secrets a change creates (CloudFormation or CDK, Kubernetes manifests, a Terraform plan
from \`terraform show -json\`, a Pulumi stack export) against the entitlement catalog.
The audit lists every identity of the change and of the catalog (owner, class, entitlements, credentials, trust,
exceptions, findings) and the catalog's hygiene; it is a report and exits 0 unless an input cannot be read.
Without --catalog the built-in defaults are used. Progress shows on a terminal (stderr), never in CI or when piped.

Exit codes: 0 nothing blocks, 1 blocking findings (check), 2 usage, template or catalog error.
`;

function version(): string {
  // The package's own manifest by its self-reference: the same from src/, dist/ and the bundle.
  const manifest = createRequire(import.meta.url)('entitlement-guard/package.json') as { version: string };
  return manifest.version;
}

function usageError(message: string): CommandResult {
  return { exitCode: EXIT.error, output: '', errors: [`entitlement-guard: ${message}`, '', USAGE.trimEnd()] };
}

export function main(argv: string[], progress?: Progress): CommandResult {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        catalog: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        now: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    return usageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { exitCode: EXIT.clean, output: USAGE, errors: [] };
  if (values.version) return { exitCode: EXIT.clean, output: `${version()}\n`, errors: [] };
  const [command, ...rest] = positionals;
  if (command === 'catalog') {
    if (rest[0] !== 'validate' || rest.length !== 2) return usageError('expected: catalog validate FILE');
    return runCatalogValidate(rest[1]!);
  }
  if (command !== 'check' && command !== 'audit') return usageError(command ? `unknown command "${command}"` : 'missing command');
  if (rest.length === 0) return usageError(`${command} needs at least one path (cdk.out, template file or directory)`);
  const formats: readonly string[] = command === 'audit' ? AUDIT_FORMATS : FORMATS;
  const format = values.format ?? formats[0]!;
  if (!formats.includes(format)) return usageError(`unknown format "${format}"; expected one of: ${formats.join(', ')}`);
  let now: Date | undefined;
  if (values.now !== undefined) {
    now = new Date(`${values.now}T00:00:00Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(values.now) || Number.isNaN(now.getTime())) return usageError(`--now must be a date YYYY-MM-DD, got "${values.now}"`);
  }
  const shared = {
    paths: rest,
    ...(values.catalog !== undefined ? { catalogPath: values.catalog } : {}),
    ...(now ? { now } : {}),
    ...(progress ? { progress } : {}),
  };
  const result =
    command === 'audit'
      ? runAudit({ ...shared, format: format as AuditFormat })
      : runCheck({
          ...shared,
          format: format as Format,
          toolVersion: version(),
          color: values.out === undefined && process.stdout.isTTY === true && !process.env.NO_COLOR,
        });
  progress?.done();
  if (values.out !== undefined && result.exitCode !== EXIT.error) {
    writeFileSync(values.out, result.output);
    return { ...result, output: '' };
  }
  return result;
}

/** True when this file is the program (also through the npm bin symlink), not when a test imports main(). */
function isProgram(): boolean {
  try {
    return import.meta.url === pathToFileURL(realpathSync(process.argv[1] ?? '')).href;
  } catch {
    return false;
  }
}

if (isProgram()) {
  const result = main(process.argv.slice(2), createProgress(process.stderr));
  if (result.output) process.stdout.write(result.output);
  for (const line of result.errors) process.stderr.write(`${line}\n`);
  process.exitCode = result.exitCode;
}
