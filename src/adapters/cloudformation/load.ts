import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { createResolver, type Resolver } from './intrinsics.js';
import { environmentAccount } from './stack-account.js';
import { formatValuePath, MAX_VALUE_DEPTH, tooDeepPath } from '../../util/depth.js';
import { readInputText, unreadableReason } from '../../util/read-input.js';
import { isRecord, setOwn } from '../../util/records.js';
import {
  allowedPattern,
  isProcessedEntry,
  isTemplate,
  TemplateError,
  type CfnTemplate,
  type TemplateInput,
} from './template.js';
import { JsonSyntaxError, parseLocatedJson, type KeyTree, type LocatedJson } from '../../util/located-json.js';
import { documentValue, libyamlProblem, parseLibyamlDocuments, yaml } from '../../util/yaml.js';
import { cloudFormationTags } from './yaml-tags.js';
import type { Document, LineCounter } from 'yaml';
import type { Unknown } from '../../model/model.js';

const TEMPLATE_EXTENSIONS = ['.json', '.yaml', '.yml', '.template'];

/**
 * Key positions kept for a template: its sections and their entries (logical ids, parameter names), which is where
 * findings and load errors point.
 */
const TEMPLATE_KEY_DEPTH = 2;

/**
 * Stacks one path may expand to through nesting. Nesting is a tree written by the change's author: a template that
 * nests another one 500 times, which nests a third 500 times, is 250,000 stacks from two files.
 */
export const MAX_STACKS_PER_INPUT = 5_000;

/**
 * What one `loadTemplates` call shares while it follows nested stacks and nested assemblies: the directory every
 * file it reads must resolve inside, and how many stacks it has read so far.
 */
interface LoadScope {
  root: string;
  stacks: number;
  deployment?: DeploymentParameters | undefined;
}

/**
 * The values a deployment passes to the parameters of the stacks read (`--parameters`): each top-level template that
 * declares a parameter is read at the value passed, as a nested stack is at the value its parent passes, so its
 * conditions, its nested stacks and its policies are judged as that deployment makes them, not over every value.
 */
export interface DeploymentParameters {
  values: Readonly<Record<string, string>>;
  /** The names some template read declares, added as templates are read: a name none declares is the user's typo. */
  declared: Set<string>;
}

/**
 * Reads every template under `path`: a CDK `cdk.out` directory (via its manifest), a single template file
 * (JSON or YAML with CloudFormation short tags), or a directory of templates. Nested stacks are included as
 * `Parent/NestedLogicalId`. Unreadable input throws a located TemplateError. Transforms and macros are read as
 * written: the model builder expands SAM and reports what no one can see before deployment.
 */
export function loadTemplates(path: string, deployment?: DeploymentParameters): TemplateInput[] {
  const inputs: TemplateInput[] = [];
  streamTemplates(path, (input) => inputs.push(input), deployment);
  return inputs;
}

/**
 * loadTemplates, handing each template to `take` as soon as it is read (a parent before the stacks it nests), so the
 * caller need not hold every template at once: a cloud assembly's and a file's templates are handed over one by one,
 * a plain directory's once all are read (which of them are nested by another is known only then). An error thrown
 * after some templates were handed over means the input as a whole cannot be read.
 */
export function streamTemplates(
  path: string,
  take: (input: TemplateInput) => void,
  deployment?: DeploymentParameters,
): void {
  if (!existsSync(path)) throw new TemplateError(path, 'no such file or directory');
  if (!statSync(path).isDirectory()) {
    const scope: LoadScope = { root: dirname(path), stacks: 0, deployment };
    withNested(readTemplateFile(path, scope), stackNameOf(path), scope, [], take);
    return;
  }
  const scope: LoadScope = { root: path, stacks: 0, deployment };
  if (existsSync(join(path, 'manifest.json'))) {
    loadCloudAssembly(path, scope, [], take);
    return;
  }
  const stacks: TemplateInput[][] = [];
  for (const entry of readdirSync(path).sort()) {
    const file = join(path, entry);
    if (!TEMPLATE_EXTENSIONS.includes(extname(entry)) || !isFileEntry(file)) continue;
    const template = readTemplateFileIfAny(file, scope);
    if (!template) continue;
    const stack: TemplateInput[] = [];
    withNested(template, stackNameOf(file), scope, [], (input) => stack.push(input));
    stacks.push(stack);
  }
  // A template that another one in the directory nests is part of that stack, not a stack of its own.
  const nestedFiles = new Set(stacks.flatMap(([, ...nested]) => nested.map((input) => input.file)));
  const inputs = stacks.filter(([root]) => root !== undefined && !nestedFiles.has(root.file)).flat();
  if (inputs.length === 0)
    throw new TemplateError(path, 'no CloudFormation template (a file with a Resources map) in this directory');
  for (const input of inputs) take(input);
}

/**
 * A directory entry to read as a template: anything but a directory. A FIFO, a device or a link out of the directory
 * is not skipped silently: reading it says why it cannot be read.
 */
function isFileEntry(file: string): boolean {
  try {
    return !statSync(file).isDirectory();
  } catch {
    return true; // a dangling link: reading it says so
  }
}

/**
 * The files in `directory` that its cloud assembly manifest names as the CDK's own output (stack templates, asset
 * manifests, the construct tree, stack metadata), and the manifest itself: never a Terraform plan, a stack export or
 * a Kubernetes manifest, so the readers that tell those apart by content need not read them (a 100,000-resource
 * cdk.out holds 48 MB of templates). Empty where `directory` holds no manifest the loader can read: the template
 * loader reports a broken one, and every file is looked at as before.
 */
export function cloudAssemblyOwnFiles(directory: string): ReadonlySet<string> {
  const manifestFile = join(directory, 'manifest.json');
  const own = new Set<string>();
  if (!existsSync(manifestFile)) return own;
  let artifacts: unknown;
  try {
    const manifest: unknown = JSON.parse(
      readInputText(manifestFile, (reason) => new Error(reason), { within: directory }),
    );
    artifacts = isRecord(manifest) ? manifest.artifacts : undefined;
  } catch {
    return own;
  }
  if (!isRecord(artifacts)) return own;
  own.add(manifestFile);
  for (const artifact of Object.values(artifacts)) {
    const properties = isRecord(artifact) && isRecord(artifact.properties) ? artifact.properties : {};
    for (const key of ASSEMBLY_FILE_PROPERTIES) {
      const file = properties[key];
      if (typeof file === 'string') own.add(join(directory, file));
    }
  }
  return own;
}

/** Artifact properties that name a file of the assembly's own directory (cloud-assembly-schema). */
const ASSEMBLY_FILE_PROPERTIES = ['templateFile', 'file', 'additionalMetadataFile'] as const;

/**
 * A CDK cloud assembly: every `aws:cloudformation:stack` artifact, and nested assemblies (stages). `assemblies` are
 * the real paths of the assemblies that lead here, so one that contains itself (`directoryName: "."`, or two that
 * name each other) is an error instead of endless recursion.
 */
function loadCloudAssembly(
  directory: string,
  scope: LoadScope,
  assemblies: string[],
  take: (input: TemplateInput) => void,
): void {
  const manifestFile = join(directory, 'manifest.json');
  const manifest = parseJson(manifestFile, readText(manifestFile, scope)).value;
  const here = realpathSync(directory);
  const artifacts = isRecord(manifest) && isRecord(manifest.artifacts) ? manifest.artifacts : undefined;
  if (!artifacts) throw new TemplateError(manifestFile, 'cloud assembly manifest has no "artifacts" map');
  for (const [artifactId, artifact] of Object.entries(artifacts)) {
    if (!isRecord(artifact) || !isRecord(artifact.properties)) continue;
    const properties = artifact.properties;
    if (artifact.type === 'cdk:cloud-assembly' && typeof properties.directoryName === 'string') {
      const nested = join(directory, properties.directoryName);
      const named = `artifact ${artifactId}: directoryName ${JSON.stringify(properties.directoryName)}`;
      const reason = unreadableReason(nested, { within: scope.root });
      if (reason && !reason.startsWith('not a regular file'))
        throw new TemplateError(manifestFile, `${named} ${reason}`);
      if (!statSync(nested).isDirectory()) throw new TemplateError(manifestFile, `${named} is not a directory`);
      const nestedPath = realpathSync(nested);
      const chain = [...assemblies, here, nestedPath];
      if (chain.indexOf(nestedPath) < chain.length - 1) {
        const names = chain.map((path) => relative(scope.root, path) || '.').join(' -> ');
        throw new TemplateError(
          manifestFile,
          `artifact ${artifactId}: nested cloud assembly contains itself (${names}); a stage's assembly must be a subdirectory`,
        );
      }
      loadCloudAssembly(nested, scope, [...assemblies, here], take);
    } else if (artifact.type === 'aws:cloudformation:stack') {
      if (typeof properties.templateFile !== 'string') {
        throw new TemplateError(manifestFile, `artifact ${artifactId} has no templateFile`);
      }
      const file = join(directory, properties.templateFile);
      const stack =
        typeof artifact.displayName === 'string'
          ? artifact.displayName
          : typeof properties.stackName === 'string'
            ? properties.stackName
            : artifactId;
      const account = environmentAccount(artifact.environment);
      withNested({ ...readTemplateFile(file, scope), ...(account ? { account } : {}) }, stack, scope, [], take);
    }
  }
}

/**
 * The template followed by its nested stacks. CDK names a nested template in the parent's
 * `AWS::CloudFormation::Stack` Metadata (`aws:asset:path`); before `aws cloudformation package`, `TemplateURL`
 * is a local path. Both are relative to the parent's directory. A nested stack whose TemplateURL is remote
 * (S3, HTTPS) or a dynamic reference cannot be read offline: the model builder reports it as content the check
 * cannot see.
 * A local one is read only inside the input's directory. `ancestors` are the real paths of the templates that nest
 * this one: a template that nests itself, directly or through others, is an error located at the nesting resource.
 */
function withNested(
  input: Omit<TemplateInput, 'stack'> & { keys?: KeyTree },
  stack: string,
  scope: LoadScope,
  ancestors: string[],
  take: (input: TemplateInput) => void,
): void {
  const parent: TemplateInput = {
    ...input,
    stack,
    ...(ancestors.length === 0 && scope.deployment ? deployedParameters(input, scope.deployment) : {}),
  };
  if (++scope.stacks > MAX_STACKS_PER_INPUT) {
    throw new TemplateError(
      input.file ?? stack,
      `nested stacks expand to more than ${MAX_STACKS_PER_INPUT} stacks; check the nested templates on their own`,
    );
  }
  take(parent);
  // Only a template read from a file can nest another (its path is relative to the file's directory).
  const parentFile = input.file;
  if (!parentFile) return;
  const chain = [...ancestors, realpathSync(parentFile)];
  let resolver: Resolver | undefined;
  const resources = input.template.Resources;
  for (const logicalId of Object.keys(resources)) {
    const resource = resources[logicalId];
    if (resource === undefined) continue;
    // A SAM application's `Location` may be a local template, which `sam package` uploads like a TemplateURL.
    const url =
      resource.Type === 'AWS::CloudFormation::Stack'
        ? resource.Properties?.TemplateURL
        : resource.Type === 'AWS::Serverless::Application'
          ? resource.Properties?.Location
          : undefined;
    if (url === undefined) continue;
    const assetPath = resource.Metadata?.['aws:asset:path'] ?? localTemplateUrl(url);
    if (typeof assetPath !== 'string') continue;
    const file = resolve(dirname(parentFile), assetPath);
    const where = `Resources.${logicalId}: nested stack ${JSON.stringify(assetPath)}`;
    const position = input.keys?.get('Resources')?.children?.get(logicalId)?.position;
    const at = (message: string) =>
      new TemplateError(parentFile, `${where} ${message}`, position?.line, position?.column);
    const reason = unreadableReason(file, { within: scope.root });
    if (reason) throw at(reason);
    if (chain.includes(realpathSync(file))) {
      throw at(
        `nests a template that nests it (a cycle: ${[...chain, realpathSync(file)].map((path) => basename(path)).join(' -> ')})`,
      );
    }
    const nested = readTemplateFile(file, scope);
    const passed = resource.Properties?.Parameters;
    const parameters: Record<string, unknown> = {};
    // A value passed from the parent's own parameters is the parent's deployment's choice, not only its default.
    const parameterChoices: Record<string, readonly string[] | Unknown> = {};
    if (isRecord(passed)) {
      resolver ??= createResolver(parent);
      for (const [key, value] of Object.entries(passed)) {
        setOwn(parameters, key, resolver.resolve(value));
        const choices = resolver.choicesOf(value);
        if (choices !== undefined) setOwn(parameterChoices, key, choices);
      }
    }
    withNested(
      {
        ...nested,
        // A nested stack deploys into its parent's account.
        ...(input.account ? { account: input.account } : {}),
        ...(isRecord(passed) ? { parameters } : {}),
        ...(Object.keys(parameterChoices).length > 0 ? { parameterChoices } : {}),
      },
      `${stack}/${logicalId}`,
      scope,
      chain,
      take,
    );
  }
}

/**
 * The values `deployment` passes to the parameters a top-level template declares, typed as CloudFormation types them
 * (a list type splits on commas); an SSM-typed parameter is given the name of the SSM parameter, whose value is read
 * at deploy time, so it stays unknown. A value CloudFormation would refuse (not one of the AllowedValues, not matching
 * the AllowedPattern) is a located error, as the deployment would fail.
 */
function deployedParameters(
  input: Omit<TemplateInput, 'stack'> & { keys?: KeyTree },
  deployment: DeploymentParameters,
): Pick<TemplateInput, 'parameters'> {
  const declared = input.template.Parameters;
  if (!isRecord(declared)) return {};
  const parameters: Record<string, unknown> = {};
  for (const name of Object.keys(declared)) {
    if (!Object.hasOwn(deployment.values, name)) continue;
    deployment.declared.add(name);
    const value = deployment.values[name] ?? '';
    const parameter: unknown = declared[name];
    const type = isRecord(parameter) && typeof parameter.Type === 'string' ? parameter.Type : 'String';
    if (type.startsWith('AWS::SSM::Parameter::Value')) continue;
    const refusal = isRecord(parameter) ? refusedValue(parameter, value) : undefined;
    if (refusal) {
      const position = input.keys?.get('Parameters')?.children?.get(name)?.position;
      throw new TemplateError(
        input.file ?? 'template',
        `Parameters.${name}: the deployment's value ${JSON.stringify(value)} ${refusal}`,
        position?.line,
        position?.column,
      );
    }
    const list = type === 'CommaDelimitedList' || type.startsWith('List<');
    setOwn(parameters, name, list ? value.split(',').map((item) => item.trim()) : value);
  }
  return Object.keys(parameters).length > 0 ? { parameters } : {};
}

/** Why CloudFormation would refuse `value` for the parameter, or undefined. */
function refusedValue(parameter: Record<string, unknown>, value: string): string | undefined {
  const allowed = parameter.AllowedValues;
  if (Array.isArray(allowed) && allowed.length > 0 && !allowed.some((choice) => String(choice) === value))
    return `is not one of its AllowedValues (${allowed.map((choice) => String(choice)).join(', ')})`;
  // A pattern JavaScript cannot read (null) is CloudFormation's to check at deploy time.
  const pattern = allowedPattern(parameter);
  return !pattern || pattern.test(value)
    ? undefined
    : `does not match its AllowedPattern ${String(parameter.AllowedPattern)}`;
}

/**
 * A TemplateURL that names a local file: not a URL with a scheme, and no dynamic reference
 * (`{{resolve:ssm:/templates/url}}`), which CloudFormation replaces at deploy time.
 */
function localTemplateUrl(url: unknown): string | undefined {
  return typeof url === 'string' && !/^[a-z][a-z0-9+.-]*:\/\//i.test(url) && !url.includes('{{resolve:')
    ? url
    : undefined;
}

interface TemplateFile {
  file: string;
  template: CfnTemplate;
  keys: KeyTree;
}

/** A file that must be a template: one that is not is a TemplateError. */
function readTemplateFile(file: string, scope: LoadScope): TemplateFile {
  const read = readTemplateFileIfAny(file, scope);
  if (!read) throw new TemplateError(file, 'not a CloudFormation template: no "Resources" map');
  return read;
}

/** Undefined for a readable file that is not a template (a directory's other JSON and YAML files). */
function readTemplateFileIfAny(file: string, scope: LoadScope): TemplateFile | undefined {
  const { value, keys } = parseTemplateText(file, readText(file, scope), extname(file) === '.json');
  if (!isTemplate(value)) return undefined;
  rejectMalformedResources(file, value, keys);
  return { file, template: value, keys };
}

/**
 * Every entry of `Resources` is an object with a `Type` string, or CloudFormation refuses the template: say where,
 * rather than let a `null` resource or a numeric `Type` reach code that reads it. Three entries are written without
 * a Type and filled in by CloudFormation's processing: an `Fn::Transform` key (an AWS::Include of resources), an
 * `Fn::ForEach::` loop, and a resource whose whole body is an `Fn::Transform`; expand.ts reports each as content
 * the check cannot see, at its key.
 */
/**
 * A template written for the rain CLI (`!Rain::Embed`, `!Rain::Module`, `!Rain::S3`) is a source that `rain pkg`
 * turns into the template CloudFormation deploys; the check reads that one.
 */
const RAIN_SOURCE = 'check the template `rain pkg` writes from this source';

function rejectMalformedResources(file: string, template: CfnTemplate, keys: KeyTree): void {
  const resources: Record<string, unknown> = template.Resources;
  for (const logicalId of Object.keys(resources)) {
    const resource = resources[logicalId];
    // The common case first, without the checks below: an object with a Type string and, if any, Properties object.
    if (
      isRecord(resource) &&
      typeof resource.Type === 'string' &&
      (resource.Properties === undefined || isRecord(resource.Properties))
    )
      continue;
    if (isProcessedEntry(logicalId, resource)) continue;
    const problem = !isRecord(resource)
      ? `expected a resource (an object with a Type), got ${resource === null ? 'null' : Array.isArray(resource) ? 'a list' : typeof resource}`
      : isRecord(resource.Type) && Object.hasOwn(resource.Type, 'Rain::Module')
        ? `its Type is a module of the rain CLI (Rain::Module), not a resource type: ${RAIN_SOURCE}`
        : typeof resource.Type !== 'string'
          ? 'has no Type string'
          : resource.Properties !== undefined && !isRecord(resource.Properties)
            ? 'Properties must be an object'
            : undefined;
    if (!problem) continue;
    const position = keys.get('Resources')?.children?.get(logicalId)?.position;
    throw new TemplateError(file, `Resources.${logicalId}: ${problem}`, position?.line, position?.column);
  }
}

/**
 * A template's text, JSON or YAML (with CloudFormation's short tags), and where its keys are. Also used for a
 * template held in a string (a stack set's `TemplateBody`); `file` names where it came from in errors.
 */
export function parseTemplateText(file: string, text: string, json = false): { value: unknown; keys: KeyTree } {
  const isJson = json || /^\uFEFF?\s*\{/.test(text);
  const parsed = isJson ? parseJson(file, text, TEMPLATE_KEY_DEPTH) : parseYaml(file, text);
  rejectDeepNesting(file, parsed, isJson);
  return { value: parsed.value, keys: parsed.keys };
}

/** A value nested deeper than any real template (MAX_VALUE_DEPTH) is refused before anything walks it. */
function rejectDeepNesting(
  file: string,
  { value, keys, depth }: { value: unknown; keys: KeyTree; depth?: number },
  tree: boolean,
): void {
  // The parser measured the nesting: the root is level 1, and tooDeepPath counts the root's children as depth 1.
  if (depth !== undefined && depth <= MAX_VALUE_DEPTH + 1) return;
  const path = tooDeepPath(value, MAX_VALUE_DEPTH, { tree });
  if (!path) return;
  const position =
    typeof path[1] === 'string' ? keys.get(String(path[0]))?.children?.get(path[1])?.position : undefined;
  const field = `${formatValuePath(path.slice(0, 6))}…`;
  throw new TemplateError(
    file,
    `${field}: nested more than ${MAX_VALUE_DEPTH} levels deep; no template needs that, and it is not read`,
    position?.line,
    position?.column,
  );
}

/** A JSON file's value; a file that cannot be read or parsed is a TemplateError that names it (and the line). */
export function readJsonFile(file: string): unknown {
  return parseJson(file, readText(file)).value;
}

/**
 * An input file's text: a regular file within the size limit and, when a scope is given, inside its root. The
 * template loader reads after the CLI's probes for plans and manifests, last.
 */
function readText(file: string, scope?: LoadScope): string {
  return readInputText(file, (reason) => new TemplateError(file, reason), {
    ...(scope ? { within: scope.root } : {}),
    lastRead: true,
  });
}

/** Duplicate keys are refused, as in YAML: a second `Effect` or logical id must not silently win. */
function parseJson(file: string, text: string, keyDepth?: number): LocatedJson {
  try {
    return parseLocatedJson(text, keyDepth);
  } catch (error) {
    if (error instanceof JsonSyntaxError)
      throw new TemplateError(file, `invalid JSON: ${error.reason}`, error.line, error.column);
    throw error;
  }
}

/**
 * A YAML template as CloudFormation reads it: with its short tags, duplicate keys refused, and the continuation lines
 * of a quoted string or a flow collection read at any indentation (`parseLibyamlDocuments`), as CloudFormation and
 * cfn-lint accept them where YAML 1.2 wants them indented deeper than their key.
 */
function parseYaml(file: string, text: string): { value: unknown; keys: KeyTree } {
  const lineCounter = new (yaml().LineCounter)();
  const [document, next] = parseLibyamlDocuments(text, {
    customTags: cloudFormationTags,
    uniqueKeys: true,
    lineCounter,
  });
  const at = (offset: number) => lineCounter.linePos(offset);
  if (!document) throw new TemplateError(file, 'invalid YAML: no document', 1, 1);
  const problem = document.errors[0] ?? document.warnings.find((warning) => warning.code === 'TAG_RESOLVE_FAILED');
  if (problem) {
    const { offset, reason } = libyamlProblem(document, problem, text);
    const { line, col } = at(offset);
    const rain = /^Unresolved tag: (!Rain::\S+)/.exec(reason)?.[1];
    throw new TemplateError(
      file,
      rain ? `${rain} is a directive of the rain CLI, not CloudFormation: ${RAIN_SOURCE}` : `invalid YAML: ${reason}`,
      line,
      col,
    );
  }
  if (next) {
    const { line, col } = at(next.range[0]);
    throw new TemplateError(file, 'invalid YAML: a template is one document, and a second one starts here', line, col);
  }
  const read = documentValue(document);
  if ('problem' in read) {
    const { line, col } = at(read.offset);
    throw new TemplateError(file, `invalid YAML: ${read.problem}`, line, col);
  }
  return { value: read.value, keys: yamlKeys(document, lineCounter) };
}

/** The same key positions the JSON parser records for a template: sections and their entries. */
function yamlKeys(document: Document, lineCounter: LineCounter, depth = TEMPLATE_KEY_DEPTH): KeyTree {
  const { isMap, isScalar } = yaml();
  const walk = (node: unknown, level: number): KeyTree => {
    const tree: KeyTree = new Map();
    if (!isMap(node)) return tree;
    for (const pair of node.items) {
      const key = pair.key;
      if (!isScalar(key) || !key.range) continue;
      const { line, col } = lineCounter.linePos(key.range[0]);
      tree.set(String(key.value), {
        position: { line, column: col },
        ...(level < depth ? { children: walk(pair.value, level + 1) } : {}),
      });
    }
    return tree;
  };
  return walk(document.contents, 1);
}

function stackNameOf(file: string): string {
  return basename(file).replace(/(\.template)?\.(json|ya?ml|template)$/, '');
}
