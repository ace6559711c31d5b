import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { createResolver } from './intrinsics.js';
import { isRecord } from '../../util/records.js';
import { isTemplate, TemplateError, type CfnTemplate, type TemplateInput } from './template.js';
import { JsonSyntaxError, parseLocatedJson, type KeyTree } from '../../util/located-json.js';
import { yaml } from '../../util/yaml.js';
import { cloudFormationTags } from './yaml-tags.js';
import type { Document, LineCounter } from 'yaml';

const TEMPLATE_EXTENSIONS = ['.json', '.yaml', '.yml', '.template'];

/**
 * Reads every template under `path`: a CDK `cdk.out` directory (via its manifest), a single template file
 * (JSON or YAML with CloudFormation short tags), or a directory of templates. Nested stacks are included as
 * `Parent/NestedLogicalId`. Unreadable input throws a located TemplateError. Transforms and macros are read as
 * written: the model builder expands SAM and reports what no one can see before deployment.
 */
export function loadTemplates(path: string): TemplateInput[] {
  if (!existsSync(path)) throw new TemplateError(path, 'no such file or directory');
  if (!statSync(path).isDirectory()) return withNested(readTemplateFile(path, true)!, stackNameOf(path));
  if (existsSync(join(path, 'manifest.json'))) return loadCloudAssembly(path);
  const stacks: TemplateInput[][] = [];
  for (const entry of readdirSync(path).sort()) {
    const file = join(path, entry);
    if (!TEMPLATE_EXTENSIONS.includes(extname(entry)) || !statSync(file).isFile()) continue;
    const template = readTemplateFile(file, false);
    if (template) stacks.push(withNested(template, stackNameOf(file)));
  }
  // A template that another one in the directory nests is part of that stack, not a stack of its own.
  const nestedFiles = new Set(stacks.flatMap(([, ...nested]) => nested.map((input) => input.file)));
  const inputs = stacks.filter(([root]) => !nestedFiles.has(root!.file)).flat();
  if (inputs.length === 0) throw new TemplateError(path, 'no CloudFormation template (a file with a Resources map) in this directory');
  return inputs;
}

/** A CDK cloud assembly: every `aws:cloudformation:stack` artifact, and nested assemblies (stages). */
function loadCloudAssembly(directory: string): TemplateInput[] {
  const manifestFile = join(directory, 'manifest.json');
  const manifest = readJsonFile(manifestFile);
  const artifacts = isRecord(manifest) && isRecord(manifest.artifacts) ? manifest.artifacts : undefined;
  if (!artifacts) throw new TemplateError(manifestFile, 'cloud assembly manifest has no "artifacts" map');
  const inputs: TemplateInput[] = [];
  for (const [artifactId, artifact] of Object.entries(artifacts)) {
    if (!isRecord(artifact) || !isRecord(artifact.properties)) continue;
    const properties = artifact.properties;
    if (artifact.type === 'cdk:cloud-assembly' && typeof properties.directoryName === 'string') {
      inputs.push(...loadCloudAssembly(join(directory, properties.directoryName)));
    } else if (artifact.type === 'aws:cloudformation:stack') {
      if (typeof properties.templateFile !== 'string') {
        throw new TemplateError(manifestFile, `artifact ${artifactId} has no templateFile`);
      }
      const file = join(directory, properties.templateFile);
      const stack = typeof artifact.displayName === 'string' ? artifact.displayName : typeof properties.stackName === 'string' ? properties.stackName : artifactId;
      inputs.push(...withNested(readTemplateFile(file, true)!, stack));
    }
  }
  return inputs;
}

/**
 * The template followed by its nested stacks. CDK names a nested template in the parent's
 * `AWS::CloudFormation::Stack` Metadata (`aws:asset:path`); before `aws cloudformation package`, `TemplateURL`
 * is a local path. Both are relative to the parent's directory. A nested stack whose TemplateURL is remote
 * (S3, HTTPS) cannot be read offline: the model builder reports it as content the check cannot see.
 */
function withNested(input: Omit<TemplateInput, 'stack'>, stack: string): TemplateInput[] {
  const parent: TemplateInput = { ...input, stack };
  const inputs = [parent];
  const resolver = createResolver(parent);
  for (const [logicalId, resource] of Object.entries(input.template.Resources)) {
    if (resource.Type !== 'AWS::CloudFormation::Stack') continue;
    const assetPath = resource.Metadata?.['aws:asset:path'] ?? localTemplateUrl(resource.Properties?.TemplateURL);
    if (typeof assetPath !== 'string' || !input.file) continue;
    const file = join(dirname(input.file), assetPath);
    const nested = readTemplateFile(file, true)!;
    const passed = resource.Properties?.Parameters;
    const parameters = isRecord(passed) ? Object.fromEntries(Object.entries(passed).map(([key, value]) => [key, resolver.resolve(value)])) : undefined;
    inputs.push(...withNested({ ...nested, ...(parameters ? { parameters } : {}) }, `${stack}/${logicalId}`));
  }
  return inputs;
}

function localTemplateUrl(url: unknown): string | undefined {
  return typeof url === 'string' && !/^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : undefined;
}

/** Returns undefined for a readable file that is not a template, unless `required`. */
function readTemplateFile(file: string, required: boolean): { file: string; template: CfnTemplate; keys: KeyTree } | undefined {
  const { value, keys } = parseTemplateText(file, readText(file), extname(file) === '.json');
  if (isTemplate(value)) return { file, template: value, keys };
  if (required) throw new TemplateError(file, 'not a CloudFormation template: no "Resources" map');
  return undefined;
}

/**
 * A template's text, JSON or YAML (with CloudFormation's short tags), and where its keys are. Also used for a
 * template held in a string (a stack set's `TemplateBody`); `file` names where it came from in errors.
 */
export function parseTemplateText(file: string, text: string, json = false): { value: unknown; keys: KeyTree } {
  return json || /^\uFEFF?\s*\{/.test(text) ? parseJson(file, text) : parseYaml(file, text);
}

/** A JSON file's value; a file that cannot be read or parsed is a TemplateError that names it (and the line). */
export function readJsonFile(file: string): unknown {
  return parseJson(file, readText(file)).value;
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new TemplateError(file, `cannot read file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

/** Duplicate keys are refused, as in YAML: a second `Effect` or logical id must not silently win. */
function parseJson(file: string, text: string): { value: unknown; keys: KeyTree } {
  try {
    return parseLocatedJson(text);
  } catch (error) {
    if (error instanceof JsonSyntaxError) throw new TemplateError(file, `invalid JSON: ${error.reason}`, error.line, error.column);
    throw error;
  }
}

function parseYaml(file: string, text: string): { value: unknown; keys: KeyTree } {
  const lineCounter = new (yaml().LineCounter)();
  const document = yaml().parseDocument(text, { customTags: cloudFormationTags, uniqueKeys: true, lineCounter });
  const problem = document.errors[0] ?? document.warnings.find((warning) => warning.code === 'TAG_RESOLVE_FAILED');
  if (problem) {
    const position = problem.linePos?.[0];
    throw new TemplateError(file, `invalid YAML: ${problem.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`, position?.line, position?.col);
  }
  return { value: document.toJS({ maxAliasCount: 100 }), keys: yamlKeys(document, lineCounter) };
}

/** The same key positions the JSON parser records: sections, logical ids, and their `Type` and `Properties`. */
function yamlKeys(document: Document, lineCounter: LineCounter, depth = 3): KeyTree {
  const { isMap, isScalar } = yaml();
  const walk = (node: unknown, level: number): KeyTree => {
    const tree: KeyTree = new Map();
    if (!isMap(node)) return tree;
    for (const pair of node.items) {
      const key = pair.key;
      if (!isScalar(key) || !key.range) continue;
      const { line, col } = lineCounter.linePos(key.range[0]);
      tree.set(String(key.value), { position: { line, column: col }, ...(level < depth ? { children: walk(pair.value, level + 1) } : {}) });
    }
    return tree;
  };
  return walk(document.contents, 1);
}

function stackNameOf(file: string): string {
  return basename(file).replace(/(\.template)?\.(json|ya?ml|template)$/, '');
}
