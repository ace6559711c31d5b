/**
 * Runs Pulumi programs (AWS, Azure, Google Cloud or Kubernetes) under the SDK's mocks and prints, as JSON, every
 * resource each registers the way the engine would hand it to an analyzer: type, name, URN, raw inputs (unknowns as
 * the engine's sentinel, secrets in their wire form), the planned outputs, and each property's dependencies.
 *
 *   node capture-program.mjs <program.ts> <preview|update> [project] [stack]
 *   node capture-program.mjs --jobs < jobs.json
 *
 * The first form captures one program, its stack configuration in PULUMI_CONFIG and PULUMI_CONFIG_SECRET_KEYS as
 * the CLI passes it, and prints its records. The second reads a JSON list of captures
 * (`{ program, mode, project?, stack?, config?, secretKeys?, inOwnDirectory?, stackOutputs? }`) and prints the list of their records,
 * in order: one process loads the SDK and the provider packages once for all of them, which is most of a capture's time.
 *
 * In `preview`, computed outputs (ARNs, object ids, emails; see computed-outputs.mjs) are unknown, as they are for
 * resources not yet created; in `update` they are the values the cloud would return. A program registers on import,
 * so each capture imports its own instance of the program's modules (see CAPTURE_RUN) inside its own SDK state (see
 * captureOne).
 */
import { readFileSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import typescript from 'typescript';
import * as pulumi from '@pulumi/pulumi';
// The SDK's per-deployment state (settings, monitor, config, pending registrations), as the automation API's server
// keeps one for each inline program it runs in one process (@pulumi/pulumi/automation/server.js).
import { withLocalStorage } from '@pulumi/pulumi/runtime/state.js';
import { computedOutputs, invokeResult } from './computed-outputs.mjs';

const UNKNOWN = '04da6b54-80e4-46f7-96ec-b56ff0331ba9';
/** The wire form's signature key, and its value for a resource reference. */
const SIGNATURE_KEY = '4dabf18193072939515e22adb298388d';
const RESOURCE_REFERENCE = '5cf8f73096256a8f31e491e813e4eb8e';

/**
 * A property value as the engine hands it to an analyzer. The SDK sends the engine a resource passed as a property
 * (`role: role`) as a resource reference; the engine marshals analyzer requests without resource references
 * (MarshalOptions in pkg/resource/plugin/analyzer_plugin.go keeps unknowns and secrets only), which turns a
 * reference into its id (the unknown sentinel while the id is not known yet) or, for a resource without one, its URN.
 */
function asEngineSends(value) {
  if (Array.isArray(value)) return value.map(asEngineSends);
  if (value === null || typeof value !== 'object') return value;
  if (value[SIGNATURE_KEY] === RESOURCE_REFERENCE) return value.id !== undefined ? value.id : value.urn;
  return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, asEngineSends(entry)]));
}

/**
 * Imports as `pulumi up` resolves them in a TypeScript program: Pulumi's Node.js language host runs it through
 * ts-node as CommonJS, where `./config` is `./config.ts`, (under NodeNext) `./vm.js` is `./vm.ts`, and a package's
 * directory (`@pulumi/azure-native/resources`) is its `index.js`. Node's own type stripping loads the program as an ES
 * module and resolves none of these, so pulumi/examples programs written this way would not load. Only a specifier
 * Node cannot resolve is retried; every other import resolves as before.
 */
registerHooks({
  load(url, context, nextLoad) {
    const { protocol, pathname } = new URL(url);
    if (protocol !== 'file:' || !pathname.endsWith('.ts') || pathname.includes('/node_modules/'))
      return nextLoad(url, context);
    return { format: 'module', source: asTsNodeCompiles(fileURLToPath(url)), shortCircuit: true };
  },
  resolve(specifier, context, nextResolve) {
    return ofTheSameRun(resolveAsTsNode(specifier, context, nextResolve), context.parentURL);
  },
});

function resolveAsTsNode(specifier, context, nextResolve) {
  try {
    return nextResolve(specifier, context);
  } catch (error) {
    const renamed = RENAMED_MODULES[specifier];
    const candidates =
      error?.code === 'ERR_UNSUPPORTED_DIR_IMPORT'
        ? [`${specifier}/index.js`]
        : error?.code === 'ERR_MODULE_NOT_FOUND' && /^\.\.?\//.test(specifier)
          ? [`${specifier}.ts`, specifier.replace(/\.js$/, '.ts'), `${specifier}/index.ts`]
          : renamed !== undefined
            ? [renamed, `${renamed}/index.js`]
            : [];
    for (const candidate of candidates) {
      if (candidate === specifier) continue;
      try {
        return nextResolve(candidate, context);
      } catch {
        // Not this one: the next candidate, or the original error.
      }
    }
    throw error;
  }
}

/**
 * The query that makes a capture's import of a program a module of its own: Node keeps one instance of a module per
 * URL, so a second capture of the same program (its preview after its update) would get the first one's modules,
 * whose resources were registered once, in the first capture's state. The program's own files (a component in
 * `./component.ts`, a `./config.ts` that reads the stack configuration) carry the query of the module importing them;
 * packages do not, so they are loaded once for every capture, as one program loads them once.
 */
const CAPTURE_RUN = 'capture-run';
function ofTheSameRun(resolved, parentURL) {
  const run = parentURL ? new URL(parentURL).searchParams.get(CAPTURE_RUN) : null;
  if (run === null) return resolved;
  const url = new URL(resolved.url);
  if (url.protocol !== 'file:' || url.pathname.includes('/node_modules/')) return resolved;
  url.searchParams.set(CAPTURE_RUN, run);
  return { ...resolved, url: url.href };
}

/**
 * Modules of @pulumi/azure-native 2.x that 3.x renamed, for programs pinned to 2.x run against the installed 3.x: the
 * 3.x resources keep the 2.x tokens as aliases (cosmosdb/databaseAccount.js lists `azure-native:documentdb:DatabaseAccount`),
 * so the program's resources are the same resources under the names 3.x gives them.
 */
const RENAMED_MODULES = { '@pulumi/azure-native/documentdb': '@pulumi/azure-native/cosmosdb' };

/**
 * A program file compiled as ts-node compiles it: TypeScript drops an import whose names the file uses only as types
 * (`import { ComponentResourceOptions } from "@pulumi/pulumi"` in pulumi/examples' aws-ts-organizations). Node's own
 * type stripping keeps it, and the program fails to link: the package has no such export at run time. ts-node runs it
 * as CommonJS, where `require` is defined (pulumi/examples' openclaw programs call `require("crypto")` in an apply);
 * an ES module has none, so the module gets one of its own.
 */
function asTsNodeCompiles(file) {
  const { outputText } = typescript.transpileModule(readFileSync(file, 'utf8'), {
    fileName: file,
    compilerOptions: { module: typescript.ModuleKind.ESNext, target: typescript.ScriptTarget.ES2022 },
    transformers: { before: [exportEqualsAsDefault] },
  });
  return `${COMMONJS_REQUIRE}${outputText}`;
}

/**
 * Stdout carries the records; what a program prints (`console.log`, as awsguard's integration programs do) goes to
 * stderr, as the language host shows a program's output beside the engine's, never in its protocol.
 */
const writeRecords = process.stdout.write.bind(process.stdout);
process.stdout.write = process.stderr.write.bind(process.stderr);

/**
 * `export = async () => { … }` (pulumi/pulumi-self-hosted-installers' aks-hosted/01-infrastructure): ts-node compiles it
 * to `module.exports = …`, and the language host runs an exported function as the program. Compiled as an ES module
 * TypeScript drops the assignment without a word, and the program would register nothing; as `export default` it is
 * the module's one export, which captureOne runs as the language host does.
 */
const exportEqualsAsDefault = (context) => (sourceFile) =>
  typescript.visitEachChild(
    sourceFile,
    (node) =>
      typescript.isExportAssignment(node) && node.isExportEquals
        ? context.factory.createExportAssignment(node.modifiers, false, node.expression)
        : node,
    context,
  );
const COMMONJS_REQUIRE =
  "import { createRequire as __egCreateRequire } from 'node:module'; const require = __egCreateRequire(import.meta.url);\n";

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * The computed outputs as a preview plans them: unknown. An output the program also set (a role's `name`) is what the
 * program wrote; an output block it set (`identity: { type: 'SystemAssigned' }`, whose principalId Azure computes) keeps
 * what the program wrote and has the rest unknown, as the provider's preview gives it.
 */
function unknownOutputs(outputs, inputs) {
  return Object.fromEntries(
    Object.entries(outputs).map(([key, value]) => {
      const written = inputs[key];
      if (written !== undefined && !isObject(written)) return [key, written];
      if (!isObject(value) || !isObject(written)) return [key, UNKNOWN];
      return [
        key,
        Object.fromEntries(Object.keys(value).map((field) => [field, field in written ? written[field] : UNKNOWN])),
      ];
    }),
  );
}

/**
 * Captures one program: its stack configuration set as the CLI passes it, in its own SDK state (mock monitor, config,
 * pending registrations), importing its own instance of the program (CAPTURE_RUN). `run` tells the captures of one
 * process apart.
 */
async function captureOne(
  {
    program,
    mode = 'update',
    project = 'payments',
    stack = 'dev',
    config = {},
    secretKeys = [],
    inOwnDirectory = false,
    stackOutputs = {},
  },
  run,
) {
  if (!program || !['preview', 'update'].includes(mode)) throw new Error(`no such capture: ${program} ${mode}`);
  const preview = mode === 'preview';
  // The SDK reads the configuration from the environment when it makes a deployment's state (LocalStore).
  process.env.PULUMI_CONFIG = JSON.stringify(config);
  process.env.PULUMI_CONFIG_SECRET_KEYS = JSON.stringify(secretKeys);
  // The CLI runs a program in its project directory; a capture runs in the caller's unless asked (analyzer-client.mjs).
  const file = resolve(program);
  const cwd = process.cwd();
  if (inOwnDirectory) process.chdir(dirname(file));
  try {
    return await withLocalStorage(async () => {
      const records = [];
      await pulumi.runtime.setMocks(
        {
          newResource({ type, name, inputs }) {
            // A StackReference reads the outputs of another stack of the organization (a program of several stacks,
            // pulumi/pulumi-self-hosted-installers' aks-hosted/02-kubernetes): what that stack exported, in preview too.
            if (type === 'pulumi:pulumi:StackReference') {
              const outputs = stackOutputs[inputs.name];
              if (!outputs) throw new Error(`no outputs given for the stack ${inputs.name} the program references`);
              return { id: inputs.name, state: { ...inputs, outputs, secretOutputNames: [] } };
            }
            const { id, ...outputs } = computedOutputs(type, name, inputs);
            const planned = preview ? unknownOutputs(outputs, inputs) : outputs;
            return { id: preview ? undefined : id, state: { ...inputs, ...planned } };
          },
          call: ({ token, inputs }) => invokeResult(token, inputs),
        },
        project,
        stack,
        preview,
      );

      // The mock monitor drops each request's property dependencies; the engine passes them to analyzers.
      const monitor = pulumi.runtime.getMonitor();
      const register = monitor.registerResource.bind(monitor);
      monitor.registerResource = (request, callback) =>
        register(request, (error, response) => {
          if (!error && request.getCustom()) {
            const propertyDependencies = {};
            for (const [key, value] of request.getPropertydependenciesMap().entries()) {
              const urns = value.getUrnsList();
              if (urns.length > 0) propertyDependencies[key] = urns;
            }
            records.push({
              type: request.getType(),
              name: request.getName(),
              urn: response.getUrn(),
              inputs: asEngineSends(request.getObject()?.toJavaScript() ?? {}),
              outputs: asEngineSends(response.getObject()?.toJavaScript() ?? {}),
              propertyDependencies,
            });
          }
          callback(error, response);
        });

      // A StackReference is read, not registered; the engine keeps it in the stack (`external: true` in a stack export),
      // so the properties that take its outputs depend on a resource of the stack, as they do in a deployment.
      const read = monitor.readResource.bind(monitor);
      monitor.readResource = (request, callback) =>
        read(request, (error, response) => {
          if (!error && request.getType() === 'pulumi:pulumi:StackReference')
            records.push({
              type: request.getType(),
              name: request.getName(),
              urn: response.getUrn(),
              inputs: asEngineSends(request.getProperties()?.toJavaScript() ?? {}),
              outputs: asEngineSends(response.getProperties()?.toJavaScript() ?? {}),
              propertyDependencies: {},
            });
          callback(error, response);
        });

      const url = pathToFileURL(file);
      url.searchParams.set(CAPTURE_RUN, String(run));
      await runAsTheLanguageHost(await import(url.href));
      await pulumi.runtime.disconnect();
      return records;
    });
  } finally {
    process.chdir(cwd);
  }
}

/**
 * What Pulumi's Node.js language host does with the program's module once imported (@pulumi/pulumi/cmd/run/run.js):
 * a default export that is the module's only export stands for the module, and an exported function is called and
 * awaited as the program (`export = async () => { … }`, `export default async () => …`).
 */
async function runAsTheLanguageHost(module) {
  const exported =
    Object.getOwnPropertyDescriptor(module, 'default') !== undefined && Object.keys(module).length === 1
      ? module.default
      : module;
  if (exported instanceof Function) await exported();
}

if (process.argv[2] === '--jobs') {
  // Read as a stream: the parent's pipe may be non-blocking and not yet written, where readFileSync(0) fails with EAGAIN.
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  const jobs = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  const captured = [];
  // One after another: a capture may change the working directory, and its configuration is read from the environment.
  for (const [run, job] of jobs.entries()) {
    try {
      captured.push(await captureOne(job, run));
    } catch (error) {
      throw new Error(`capture of ${job.program} (${job.mode}) failed`, { cause: error });
    }
  }
  writeRecords(JSON.stringify(captured));
} else {
  const [program, mode, project, stack] = process.argv.slice(2);
  if (!program || !['preview', 'update'].includes(mode ?? 'update')) {
    console.error(
      'usage: node capture-program.mjs <program.ts> <preview|update> [project] [stack] | --jobs < jobs.json',
    );
    process.exit(2);
  }
  const records = await captureOne({
    program,
    mode,
    project,
    stack,
    config: JSON.parse(process.env.PULUMI_CONFIG || '{}'),
    secretKeys: JSON.parse(process.env.PULUMI_CONFIG_SECRET_KEYS || '[]'),
  });
  writeRecords(JSON.stringify(records, null, 2));
}
