/**
 * What every CLI command reads before it judges: the catalog and the inputs given (cdk.out directories, templates,
 * Kubernetes manifests, Terraform plans and states, Pulumi stack exports, or directories of them) as one model, and
 * that model's evaluation as the template gate makes it. `check`, `audit`, `diff` and `catalog init` share it.
 */
import { existsSync, lstatSync, readdirSync, statSync } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';
import { CatalogError, defaultCatalog, formatCatalogIssue, loadCatalog, type Catalog } from '../../catalog/index.js';
import {
  cloudAssemblyOwnFiles,
  loadTemplates,
  streamTemplates,
  type DeploymentParameters,
} from '../adapters/cloudformation/load.js';
import { TemplateError, type TemplateInput } from '../adapters/cloudformation/template.js';
import { InputFileError } from '../adapters/input-error.js';
import { TemplateModelBuilder } from '../adapters/cloudformation/to-model.js';
import { kubernetesManifestFiles, loadManifests } from '../adapters/kubernetes/load.js';
import { duplicateSubjects, loadPlanAndStateFiles } from '../adapters/plan-and-state.js';
import { modelFromKubernetesObjects, type KubernetesObject } from '../adapters/kubernetes/to-model.js';
import { evaluate } from '../engine/index.js';
import type { EvaluationResult } from '../engine/evaluate.js';
import { mergeModels } from '../model/merge.js';
import { resolveEksAccess } from '../iam/aws/eks-access-grants.js';
import type { Model } from '../model/model.js';
import type { Progress } from '../reporters/progress.js';
import { withReadCache } from '../util/read-input.js';
import { failure, type CommandResult } from './command-result.js';

export interface LoadOptions {
  /** cdk.out directories, template files, Kubernetes manifests, plans, stack exports, or directories of them. */
  paths: string[];
  catalogPath?: string;
  /** Template paths in findings are made relative to this directory (default: the process's). */
  cwd?: string;
  /** Terminal progress for long runs; the CLI passes one only for a terminal outside CI. */
  progress?: Progress;
  /**
   * The values the deployment passes to the templates' parameters (`--parameters`, `--parameter-overrides`): each
   * top-level template that declares one is judged at that value; a name no template declares is an error.
   */
  parameters?: Readonly<Record<string, string>>;
}

export interface EvaluateOptions {
  now?: Date;
  progress?: Progress;
}

/** What `check` and `audit` work on: the catalog and one model of every template given. */
export interface LoadedChange {
  catalog: Catalog;
  model: Model;
}

/** Loads the catalog and every template into one model, or fails (exit 2) saying which input cannot be read and where. */
export function loadChange(options: LoadOptions): LoadedChange | CommandResult {
  // Each path's files are looked at as plans, manifests and templates in turn: read each once.
  return withReadCache(() => readChange(options));
}

/** A template read: its stack and file (as read, then relative to the working directory), and the template while held. */
interface TemplateRead {
  stack: string;
  file?: string;
  /** Held until every input is read (see readChange); undefined once handed to the model builder. */
  input?: TemplateInput;
}

function readChange(options: LoadOptions): LoadedChange | CommandResult {
  const cwd = options.cwd ?? process.cwd();
  const catalog = readCatalog(options.catalogPath, cwd);
  if (!('apiVersion' in catalog)) return catalog;
  // Each template goes into the model as it is read and is dropped once its stack is built (TemplateModelBuilder),
  // unless it may yet be left out: a template read from a subdirectory of a directory argument may be a nested stack
  // that another template nests, known only once all are read. From the first such template on, every template is
  // held until then, so the builder takes them in the order read.
  const builder = new TemplateModelBuilder({ streamed: true });
  const templates: TemplateRead[] = [];
  const seen = new Set<string>();
  let holding = false;
  const objects: KubernetesObject[] = [];
  const manifestFilesRead = new Set<string>();
  const planModels: Model[] = [];
  /** Templates read from a subdirectory of a directory argument: a nested stack's file there is its parent's, not a stack of its own. */
  const fromSubdirectories = new Set<TemplateRead>();
  const deployment: DeploymentParameters | undefined = options.parameters
    ? { values: options.parameters, declared: new Set() }
    : undefined;
  /** Reads one file or directory (its own entries); false when a directory holds nothing to read and `optional`. */
  const read = (path: string, optional: boolean): boolean => {
    // A cloud assembly's templates and other output are the template loader's alone.
    const assemblyFiles = statSync(path).isDirectory() ? cloudAssemblyOwnFiles(path) : new Set<string>();
    // Terraform plans and states, Pulumi stack exports: JSON told apart by its content.
    const plans = loadPlanAndStateFiles(path, (file) => relativeFile(cwd, file), assemblyFiles);
    planModels.push(...plans.models);
    if (plans.files.includes(path)) return true;
    // Kubernetes manifests (apiVersion and kind) are told from CloudFormation templates by their content.
    const manifests = kubernetesManifestFiles(path, assemblyFiles);
    for (const file of manifests) {
      // The same manifest named twice (a file and its directory) is read once. Within a file every object is kept:
      // kubectl applies an object written twice once per document, so the last one is what the cluster holds.
      if (manifestFilesRead.has(resolve(file))) continue;
      manifestFilesRead.add(resolve(file));
      objects.push(
        ...loadManifests(file).map((object) => ({ ...object, ref: { ...object.ref, file: relativeFile(cwd, file) } })),
      );
    }
    if (manifests.length > 0 && manifests.includes(path)) return true;
    let count = 0;
    const take = (input: TemplateInput): void => {
      count++;
      // The same template named twice (a file and its directory) is read once.
      const key = `${input.file ?? ''}\u0000${input.stack}`;
      if (seen.has(key)) return;
      seen.add(key);
      const template: TemplateRead = { stack: input.stack, ...(input.file !== undefined ? { file: input.file } : {}) };
      templates.push(template);
      if (optional) fromSubdirectories.add(template);
      if (optional || holding) {
        holding = true;
        template.input = input;
        return;
      }
      if (input.file) input.file = relativeFile(cwd, input.file);
      builder.add(input);
    };
    try {
      readTemplatesUnlessOnlyManifests(path, [...manifests, ...plans.files], take, deployment);
    } catch (error) {
      if (optional && error instanceof TemplateError && error.reason.startsWith(NO_TEMPLATE_IN_DIRECTORY))
        return plans.files.length + manifests.length > 0;
      throw error;
    }
    return plans.files.length + manifests.length + count > 0;
  };
  for (const [index, path] of options.paths.entries()) {
    options.progress?.update(index + 1, options.paths.length, `reading ${path}`);
    // A path that names nothing is the user's typo, said as such (every reader below would stat it and throw).
    if (!statSync(path, { throwIfNoEntry: false }))
      return failure([`${relativeFile(cwd, path)}: no such file or directory`]);
    try {
      // A directory is read with its subdirectories; only the tree as a whole must hold something to read.
      const subdirectories = subdirectoriesOf(path);
      let found = false;
      for (const directory of subdirectories) found = read(directory, true) || found;
      if (!read(path, subdirectories.length > 0) && !found) read(path, false);
    } catch (error) {
      if (error instanceof InputFileError)
        return failure([
          `${relativeFile(cwd, error.file)}${error.line !== undefined ? `:${error.line}:${error.column ?? 1}` : ''}: ${error.reason}`,
        ]);
      throw error;
    }
  }
  const undeclared = Object.keys(options.parameters ?? {}).filter((name) => !deployment?.declared.has(name));
  if (undeclared.length > 0)
    return failure(
      undeclared.map(
        (name) =>
          `--parameters: ${name} is not a parameter of any template read (${templates.length} template${templates.length === 1 ? '' : 's'}); a value for it would be refused at deployment`,
      ),
    );
  dropNestedTemplatesReadAsStacks(templates, fromSubdirectories);
  for (const template of templates) {
    if (template.file) template.file = relativeFile(cwd, template.file);
    if (template.input?.file) template.input.file = template.file;
  }
  const clash = [...duplicateStacks(templates), ...duplicateSubjects(planModels)];
  if (clash.length > 0) return failure(clash);
  for (const template of templates) {
    if (template.input) builder.add(template.input);
    delete template.input;
  }
  const templateModel = builder.finish();
  const otherModels = [...(objects.length ? [modelFromKubernetesObjects(objects)] : []), ...planModels];
  const model = otherModels.length > 0 ? mergeModels([templateModel, ...otherModels]) : templateModel;
  // An aws-auth ConfigMap of the manifests may name a role of the templates or plans: its grants are that role's.
  if (otherModels.length > 0) resolveEksAccess(model);
  return { catalog, model };
}

const NO_TEMPLATE_IN_DIRECTORY = 'no CloudFormation template';
/** Not read below a directory argument: dependencies and hidden directories (VCS, tool caches), and symbolic links (cycles). */
const SKIPPED_DIRECTORIES = new Set(['node_modules']);

/**
 * The subdirectories of a directory argument, depth first in name order. A cloud assembly (a directory with
 * manifest.json, such as cdk.out) is read through its manifest, so nothing below it is listed separately.
 */
function subdirectoriesOf(path: string): string[] {
  if (!statSync(path).isDirectory() || existsSync(join(path, 'manifest.json'))) return [];
  const found: string[] = [];
  const walk = (directory: string): void => {
    for (const entry of readdirSync(directory).sort()) {
      if (entry.startsWith('.') || SKIPPED_DIRECTORIES.has(entry)) continue;
      const child = join(directory, entry);
      if (!lstatSync(child).isDirectory()) continue;
      found.push(child);
      if (!existsSync(join(child, 'manifest.json'))) walk(child);
    }
  };
  walk(path);
  return found;
}

/**
 * A template read from a subdirectory that another template nests (`children/workers.yaml` under `parent.yaml`'s
 * TemplateURL) is part of that stack, as loadTemplates has it within one directory, not a stack of its own.
 */
function dropNestedTemplatesReadAsStacks(inputs: TemplateRead[], fromSubdirectories: Set<TemplateRead>): void {
  const stacks = new Set(inputs.map((input) => input.stack));
  const isNested = (input: TemplateRead) =>
    input.stack.includes('/') && stacks.has(input.stack.slice(0, input.stack.lastIndexOf('/')));
  const nestedFiles = new Set(inputs.filter(isNested).map((input) => input.file));
  let kept = 0;
  for (const input of inputs)
    if (!(fromSubdirectories.has(input) && !isNested(input) && nestedFiles.has(input.file))) inputs[kept++] = input;
  inputs.length = kept;
}

/**
 * The templates a path holds besides the Kubernetes manifests found there. A directory that holds manifests is read
 * file by file, so a multi-document manifest is never parsed as a template and YAML that is neither is left alone.
 */
function readTemplatesUnlessOnlyManifests(
  path: string,
  manifests: string[],
  take: (input: TemplateInput) => void,
  deployment: DeploymentParameters | undefined,
): void {
  if (manifests.length === 0 || !statSync(path).isDirectory()) {
    streamTemplates(path, take, deployment);
    return;
  }
  const others = readdirSync(path)
    .sort()
    .map((entry) => join(path, entry))
    .filter(
      (file) => TEMPLATE_EXTENSIONS.includes(extname(file)) && !manifests.includes(file) && statSync(file).isFile(),
    );
  const inputs = others.flatMap((file) => {
    try {
      return loadTemplates(file, deployment);
    } catch (error) {
      if (error instanceof TemplateError && error.reason.startsWith('not a CloudFormation template')) return [];
      throw error;
    }
  });
  for (const input of inputs) take(input);
}

const TEMPLATE_EXTENSIONS = ['.json', '.yaml', '.yml', '.template'];

/** The template gate's evaluation (fail-closed on unresolvable values), showing each rule as it runs on a terminal. */
export function evaluateChange({ catalog, model }: LoadedChange, options: EvaluateOptions): EvaluationResult {
  const progress = options.progress;
  const onRule = progress
    ? (ruleId: string, index: number, total: number) => {
        progress.update(index, total, `checking ${ruleId}`);
      }
    : undefined;
  // A template gate has no later check before deployment: an unreadable value fails closed under a mandatory rule.
  const result = evaluate(model, {
    catalog,
    pending: 'fail-closed',
    ...(options.now ? { now: options.now } : {}),
    ...(onRule ? { onRule } : {}),
  });
  progress?.done();
  return result;
}

/** The catalog, named relative to `cwd` in findings and issues like the templates are. */
export function readCatalog(path: string | undefined, cwd: string): Catalog | CommandResult {
  if (path === undefined) return defaultCatalog();
  const absolute = resolve(cwd, path);
  try {
    return { ...loadCatalog(absolute), source: relativeFile(cwd, absolute) };
  } catch (error) {
    if (error instanceof CatalogError)
      return failure(
        error.errors.map((issue) => formatCatalogIssue({ ...issue, file: relativeFile(cwd, issue.file) })),
      );
    throw error;
  }
}

/** Identities are named `stack/logicalId`, so two templates read as the same stack would be merged: refuse. */
function duplicateStacks(inputs: TemplateRead[]): string[] {
  const files = new Map<string, string[]>();
  for (const input of inputs) files.set(input.stack, [...(files.get(input.stack) ?? []), input.file ?? '(inline)']);
  return [...files]
    .filter(([, list]) => list.length > 1)
    .map(
      ([stack, list]) => `${list.join(', ')}: all read as stack "${stack}"; check them in separate runs or rename one`,
    );
}

/** Findings name template files relative to where the check runs, with forward slashes, so reports are portable. */
function relativeFile(cwd: string, file: string): string {
  const path = relative(cwd, file);
  return (path.startsWith('..') ? file : path).split('\\').join('/');
}
