/**
 * The JSON inputs that are neither templates nor manifests, told apart by their content: Terraform plans and states
 * (`terraform show -json`, OpenTofu's `tofu show -json`) and Pulumi stack exports (`pulumi stack export`).
 */
import { readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { Model } from '../model/model.js';
import { forEachResourceRef } from '../model/refs.js';
import { formatValuePath, MAX_VALUE_DEPTH, tooDeepPath } from '../util/depth.js';
import { readInputText } from '../util/read-input.js';
import { InputFileError } from './input-error.js';
import { PulumiResourceError } from './pulumi/resource-error.js';
import { isPulumiStackExport, modelFromStackExport, StackExportError } from './pulumi-state/index.js';
import { isTerraformJson, TerraformPlanError } from './terraform/plan.js';
import { modelFromTerraformPlan } from './terraform/to-model.js';

export interface PlanAndStateFiles {
  /** The files read as plans or stack exports (so no other loader reads them). */
  files: string[];
  models: Model[];
}

/**
 * The plans and stack exports at a path: the file itself, or the `.json` files directly in a directory. A JSON file
 * that is neither is left to the other loaders; one that is but cannot be read is an InputFileError naming the field.
 * `nameOf` gives the file as findings name it.
 */
export function loadPlanAndStateFiles(
  path: string,
  nameOf: (file: string) => string = (file) => file,
  /** Files of the directory another reader owns (a cloud assembly's own output): not looked at here. */
  ownedElsewhere: ReadonlySet<string> = new Set(),
): PlanAndStateFiles {
  const candidates = statSync(path).isDirectory()
    ? readdirSync(path)
        .sort()
        .map((entry) => join(path, entry))
        .filter((file) => extname(file) === '.json' && !ownedElsewhere.has(file) && statSync(file).isFile())
    : [path];
  const result: PlanAndStateFiles = { files: [], models: [] };
  for (const file of candidates) {
    const model = modelOfFile(file, nameOf(file), file === path ? undefined : path);
    if (!model) continue;
    result.files.push(file);
    result.models.push(model);
  }
  return result;
}

function modelOfFile(file: string, name: string, directory: string | undefined): Model | undefined {
  // Only a regular file within the size limit (and inside the directory that lists it) is read.
  const text = readInputText(
    file,
    (reason) => new InputFileError(file, reason),
    directory === undefined ? {} : { within: directory },
  );
  // Cheap before parsing: a plan or state has `format_version`, a stack export its `deployment`.
  if (!text.includes('"format_version"') && !text.includes('"deployment"')) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const deep = tooDeepPath(json);
  if (deep)
    throw new InputFileError(
      file,
      `${formatValuePath(deep.slice(0, 6))}…: nested more than ${MAX_VALUE_DEPTH} levels deep; no plan or stack export needs that, and it is not read`,
    );
  try {
    if (isTerraformJson(json)) return modelFromTerraformPlan(json, { file: name });
    if (isPulumiStackExport(json)) {
      const model = modelFromStackExport(json);
      forEachResourceRef(model, (ref) => {
        ref.file = name;
      });
      return model;
    }
  } catch (error) {
    if (error instanceof TerraformPlanError)
      throw new InputFileError(file, `Terraform plan: ${error.path}: ${error.reason}`);
    if (error instanceof StackExportError)
      throw new InputFileError(file, `Pulumi stack export: ${error.path}: ${error.reason}`);
    if (error instanceof PulumiResourceError) throw new InputFileError(file, `Pulumi stack export: ${error.message}`);
    throw error;
  }
  return undefined;
}

/**
 * Identities and secrets are named by their Terraform address or Pulumi URN, so two plans (or exports) that hold the
 * same one would be merged into one identity: refuse, as two templates read as the same stack are refused.
 */
export function duplicateSubjects(models: readonly Model[]): string[] {
  const files = new Map<string, Set<string>>();
  for (const model of models) {
    for (const subject of [...model.identities, ...model.secrets]) {
      const seen = files.get(subject.id) ?? new Set();
      seen.add(subject.resource.file ?? '(inline)');
      files.set(subject.id, seen);
    }
  }
  return [...files]
    .filter(([, seen]) => seen.size > 1)
    .map(([id, seen]) => `${[...seen].join(', ')}: all hold ${id}; check them in separate runs`);
}
