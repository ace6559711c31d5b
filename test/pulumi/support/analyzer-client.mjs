/**
 * What the Pulumi CLI does with a policy pack, without the CLI: serve a minimal `pulumirpc.Engine`, start the pack
 * as the CLI starts an analyzer plugin (`node run-policy-pack <engine> <pack dir>`, cwd = pack dir, port read from
 * stdout), and speak `pulumirpc.Analyzer` to it with the stubs that ship in `@pulumi/pulumi/proto`.
 * Plain JavaScript so the benchmark can use it too.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const pulumiDir = dirname(require.resolve('@pulumi/pulumi/package.json'));
// Messages must come from the copies @pulumi/pulumi itself loads, or the stubs' instanceof checks fail.
const fromPulumi = createRequire(join(pulumiDir, 'proto', 'analyzer_pb.js'));
const grpc = fromPulumi('@grpc/grpc-js');
const { Struct } = fromPulumi('google-protobuf/google/protobuf/struct_pb.js');
const { Empty } = fromPulumi('google-protobuf/google/protobuf/empty_pb.js');
const analyzer = fromPulumi('./analyzer_pb.js');
const analyzerGrpc = fromPulumi('./analyzer_grpc_pb.js');
const engineGrpc = fromPulumi('./engine_grpc_pb.js');
const engineProto = fromPulumi('./engine_pb.js');

const RUNNER = join(pulumiDir, 'cmd', 'run-policy-pack');
const LEVELS = ['advisory', 'mandatory', 'disabled', 'remediate'];
const CAPTURE = join(dirname(fileURLToPath(import.meta.url)), 'capture-program.mjs');

/** The engine side a pack may call back into: logs are kept so a test can show them. */
export async function startEngine() {
  const logs = [];
  const server = new grpc.Server();
  server.addService(engineGrpc.EngineService, {
    log: (call, callback) => {
      logs.push(call.request.getMessage());
      callback(null, new Empty());
    },
    getRootResource: (_call, callback) => callback(null, new engineProto.GetRootResourceResponse()),
    setRootResource: (_call, callback) => callback(null, new engineProto.SetRootResourceResponse()),
    startDebugging: (_call, callback) => callback(null, new Empty()),
    requirePulumiVersion: (_call, callback) => callback(null, new engineProto.RequirePulumiVersionResponse()),
  });
  const port = await new Promise((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, bound) =>
      error ? reject(error) : resolve(bound),
    ),
  );
  return { address: `127.0.0.1:${port}`, logs, close: () => new Promise((resolve) => server.tryShutdown(resolve)) };
}

/** Starts a pack the way the CLI does and resolves once it has printed its port. */
export function startPack(packDir, engineAddress, { timeoutMs = 60_000 } = {}) {
  const started = performance.now();
  const child = spawn(process.execPath, [RUNNER, engineAddress, packDir], {
    cwd: packDir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => fail(new Error(`policy pack did not print a port within ${timeoutMs} ms\n${stderr}`)),
      timeoutMs,
    );
    const fail = (error) => {
      clearTimeout(timer);
      child.kill();
      reject(error);
    };
    child.on('exit', (code) => fail(new Error(`policy pack exited with code ${code} before serving\n${stderr}`)));
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const match = /^(\d+)\s*$/m.exec(stdout);
      if (!match) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({
        port: Number(match[1]),
        pid: child.pid,
        startupMs: performance.now() - started,
        stderr: () => stderr,
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill();
          }),
      });
    });
  });
}

/** A captured resource as the engine sends it: `props` are the inputs (Analyze) or the planned outputs (AnalyzeStack). */
function analyzerResource(Message, record, props) {
  const resource = new Message();
  resource.setType(record.type);
  resource.setName(record.name);
  resource.setUrn(record.urn);
  resource.setProperties(Struct.fromJavaScript(props));
  resource.setOptions(new analyzer.AnalyzerResourceOptions());
  return resource;
}

function stackResource(record) {
  const resource = analyzerResource(analyzer.AnalyzerResource, record, record.outputs);
  const dependencies = new Set();
  for (const [key, urns] of Object.entries(record.propertyDependencies ?? {})) {
    const entry = new analyzer.AnalyzerPropertyDependencies();
    entry.setUrnsList(urns);
    resource.getPropertydependenciesMap().set(key, entry);
    for (const urn of urns) dependencies.add(urn);
  }
  resource.setDependenciesList([...dependencies]);
  return resource;
}

/** The AnalyzeStack request the engine sends for these resources (their planned outputs). */
export function analyzeStackRequest(records) {
  const request = new analyzer.AnalyzeStackRequest();
  request.setResourcesList(records.map(stackResource));
  return request;
}

function diagnostics(response) {
  return response.getDiagnosticsList().map((diagnostic) => ({
    policyName: diagnostic.getPolicyname(),
    policyPackName: diagnostic.getPolicypackname(),
    enforcementLevel: LEVELS[diagnostic.getEnforcementlevel()],
    urn: diagnostic.getUrn(),
    message: diagnostic.getMessage(),
    description: diagnostic.getDescription(),
  }));
}

/** The catalog exception that waived a diagnostic's finding, as the pack writes it at the end of the message. */
export function waiverOf(diagnostic) {
  return /\nWaived by catalog exception (.+)\.$/.exec(diagnostic.message)?.[1];
}

/** The resource name at the end of a diagnostic's URN; undefined for a diagnostic about no resource (the catalog's). */
export function resourceNameOf(diagnostic) {
  return diagnostic.urn ? diagnostic.urn.slice(diagnostic.urn.lastIndexOf('::') + 2) : undefined;
}

export function analyzerClient(port) {
  const client = new analyzerGrpc.AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure(), {
    'grpc.max_receive_message_length': 400 * 1024 * 1024,
    'grpc.max_send_message_length': 400 * 1024 * 1024,
  });
  const call = (method, request) =>
    new Promise((resolve, reject) =>
      client[method](request, (error, response) => (error ? reject(error) : resolve(response))),
    );
  const analyze = async (record) =>
    diagnostics(await call('analyze', analyzerResource(analyzer.AnalyzeRequest, record, record.inputs)));
  const analyzeStack = async (records) => diagnostics(await call('analyzeStack', analyzeStackRequest(records)));
  return {
    async getAnalyzerInfo() {
      const info = await call('getAnalyzerInfo', new Empty());
      return {
        name: info.getName(),
        version: info.getVersion(),
        supportsConfig: info.getSupportsconfig(),
        policies: info.getPoliciesList().map((policy) => ({
          name: policy.getName(),
          description: policy.getDescription(),
          enforcementLevel: LEVELS[policy.getEnforcementlevel()],
          policyType: policy.getPolicyType(),
          severity: policy.getSeverity(),
          remediationSteps: policy.getRemediationSteps(),
          url: policy.getUrl(),
          tags: policy.getTagsList(),
          framework: policy.getFramework()?.toObject(),
          configSchema: policy.getConfigschema()?.getProperties()?.toJavaScript(),
        })),
      };
    },
    async getPluginInfo() {
      return (await call('getPluginInfo', new Empty())).getVersion();
    },
    /** `configs`: policy name -> { enforcementLevel?, properties? }. Replaces the whole configuration, as the CLI does. */
    async configure(configs) {
      const request = new analyzer.ConfigureAnalyzerRequest();
      for (const [name, config] of Object.entries(configs)) {
        const entry = new analyzer.PolicyConfig();
        if (config.enforcementLevel) entry.setEnforcementlevel(LEVELS.indexOf(config.enforcementLevel));
        entry.setProperties(Struct.fromJavaScript(config.properties ?? {}));
        request.getPolicyconfigMap().set(name, entry);
      }
      await call('configure', request);
    },
    analyze,
    analyzeStack,
    /** What the pack says of these resources as a preview or update asks it: Analyze as each is registered, then AnalyzeStack. */
    async analyzeAsDeployment(records) {
      const perResource = await Promise.all(records.map(analyze));
      return [...perResource.flat(), ...(await analyzeStack(records))];
    },
    /** Sends a request built beforehand (analyzeStackRequest), so that timing it leaves out building it. */
    async sendAnalyzeStack(request) {
      return diagnostics(await call('analyzeStack', request));
    },
    close: () => client.close(),
  };
}

/**
 * Runs a Pulumi program under mocks in its own process (see capture-program.mjs) and returns its resources.
 * `project` names the Pulumi project in the URNs (capture-program.mjs's default when omitted); `config` and
 * `secretKeys` are the stack configuration, set as the CLI passes it to a program (PULUMI_CONFIG and
 * PULUMI_CONFIG_SECRET_KEYS), so `config.requireSecret` reads a secret. The CLI runs a program in its project
 * directory, which holds its package.json; corpus folders hold none, so a program runs from the repository root, whose
 * package.json stands in (a CallbackFunction packs the dependencies it lists). `inOwnDirectory` runs it in its own
 * directory instead, for a program that reads its own files by relative path (pulumi/examples' aws-ts-stepfunctions
 * reads `./Pulumi.README.md`).
 */
export async function captureProgram(program, mode, options = {}) {
  const [records] = await capturePrograms([{ program, mode, ...options }]);
  return records;
}

/**
 * Captures as capturePrograms does, spread over `processes` processes (two: the machines that run the tests have two
 * cores), the i-th capture in process i mod `processes`; their resources in the order of `captures`. A file that ran
 * one process per capture loaded the SDK and the provider packages once per capture; this loads them once a process.
 */
export async function captureInParallel(captures, processes = 2) {
  const results = new Array(captures.length);
  await Promise.all(
    Array.from({ length: Math.min(processes, captures.length) }, async (_, worker) => {
      const mine = captures.flatMap((capture, index) => (index % processes === worker ? [index] : []));
      const records = await capturePrograms(mine.map((index) => captures[index]));
      mine.forEach((index, position) => (results[index] = records[position]));
    }),
  );
  return results;
}

/**
 * Captures several programs (`{ program, mode, ...captureProgram's options }` each) in one process, one after
 * another, and returns their resources in the same order: the process loads the SDK and the provider packages once,
 * the larger part of a capture's time.
 */
export function capturePrograms(captures) {
  const jobs = captures.map(({ program, ...capture }) => ({ program: resolve(program), ...capture }));
  return new Promise((settle, reject) => {
    const child = spawn(process.execPath, [CAPTURE, '--jobs'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const failed = (why) =>
      new Error(`capture of ${jobs.map((job) => job.program).join(', ')} failed (${why}):\n${stderr}`);
    child.on('exit', (code) => {
      if (code !== 0) return reject(failed(code));
      // A parse error thrown here would be uncaught and leave the promise pending until the caller's timeout.
      try {
        settle(JSON.parse(stdout));
      } catch (error) {
        reject(failed(`its output is not JSON: ${error.message}`));
      }
    });
    child.stdin.end(JSON.stringify(jobs));
  });
}
