import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { createResolver } from './intrinsics.js';
import { isRecord } from '../../util/records.js';
import { isTemplate, TemplateError, type CfnTemplate, type TemplateInput } from './template.js';
import { yaml } from '../../util/yaml.js';
import { cloudFormationTags } from './yaml-tags.js';

const TEMPLATE_EXTENSIONS = ['.json', '.yaml', '.yml', '.template'];

/**
 * Reads every template under `path`: a CDK `cdk.out` directory (via its manifest), a single template file
 * (JSON or YAML with CloudFormation short tags), or a directory of templates. Nested stacks are included as
 * `Parent/NestedLogicalId`. Unreadable input throws a located TemplateError.
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
 * (S3, HTTPS) cannot be read offline and is not included: check its template file on its own.
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
function readTemplateFile(file: string, required: boolean): { file: string; template: CfnTemplate } | undefined {
  const text = readText(file);
  const value = extname(file) === '.json' || /^\s*\{/.test(text) ? parseJson(file, text) : parseYaml(file, text);
  if (isTemplate(value)) {
    rejectTransforms(file, text, value);
    return { file, template: value };
  }
  if (required) throw new TemplateError(file, 'not a CloudFormation template: no "Resources" map');
  return undefined;
}

/**
 * A transform (SAM, AWS::Include, language extensions, macros) adds resources, implicit roles among them, that
 * only exist once CloudFormation has processed the template: checking the unprocessed one would pass what it
 * cannot see. Fail closed and say what to check instead.
 */
function rejectTransforms(file: string, text: string, template: CfnTemplate): void {
  const transform = (template as { Transform?: unknown }).Transform;
  if (transform === undefined) return;
  const line = text.split(/\r?\n/).findIndex((candidate) => /^\s*"?Transform"?\s*:/.test(candidate));
  const names = (Array.isArray(transform) ? transform : [transform]).map((name) => (typeof name === 'string' ? name : JSON.stringify(name))).join(', ');
  throw new TemplateError(
    file,
    `template uses Transform ${names}, whose generated resources cannot be checked before processing; ` +
      'check the processed template instead (sam build output, or aws cloudformation get-template --template-stage Processed)',
    line >= 0 ? line + 1 : undefined,
    line >= 0 ? 1 : undefined,
  );
}

/** A JSON file's value; a file that cannot be read or parsed is a TemplateError that names it (and the line). */
export function readJsonFile(file: string): unknown {
  return parseJson(file, readText(file));
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new TemplateError(file, `cannot read file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    // JSON.parse does not say where; the YAML parser in JSON mode locates most syntax errors.
    const located = yaml().parseDocument(text, { schema: 'json' }).errors[0];
    const position = located?.linePos?.[0];
    throw new TemplateError(file, `invalid JSON: ${(error as Error).message}`, position?.line ?? 1, position?.col ?? 1);
  }
}

function parseYaml(file: string, text: string): unknown {
  const document = yaml().parseDocument(text, { customTags: cloudFormationTags, uniqueKeys: true });
  const problem = document.errors[0] ?? document.warnings.find((warning) => warning.code === 'TAG_RESOLVE_FAILED');
  if (problem) {
    const position = problem.linePos?.[0];
    throw new TemplateError(file, `invalid YAML: ${problem.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`, position?.line, position?.col);
  }
  return document.toJS({ maxAliasCount: 100 });
}

function stackNameOf(file: string): string {
  return basename(file).replace(/(\.template)?\.(json|ya?ml|template)$/, '');
}
