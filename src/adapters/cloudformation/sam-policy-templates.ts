/**
 * SAM's policy templates (`S3ReadPolicy`, …) and the paths of the AWS managed policies SAM names in `Policies`, from
 * data/sam-policy-templates.json: extracted from aws/serverless-application-model (Apache-2.0) by
 * scripts/refresh-sam-policy-templates.mjs, with the commit and date in its `source`. Read on first use: only a
 * template with the SAM transform needs them, and compiled into the adapter they cost every synth ~5 ms to load.
 */
import { packageDataFile, readPackageJson } from '../../util/package-data.js';
import { isRecord } from '../../util/records.js';

/** A SAM policy template: the parameters it takes and the policy document it expands to. */
export interface SamPolicyTemplate {
  parameters: readonly string[];
  definition: { Statement: unknown };
}

export interface SamPolicyData {
  source: { repository: string; path: string; commit: string; license: string; version: string; extracted: string };
  /** The path of AWS managed policies that have one (`service-role/`), by name, as SAM resolves names in `Policies`. */
  managedPolicyPaths: Readonly<Record<string, string>>;
  templates: Readonly<Record<string, SamPolicyTemplate>>;
}

const FILE = 'sam-policy-templates.json';
let data: SamPolicyData | undefined;

/** The data, read once; a file of another shape is an error naming it (never a SAM without templates). */
export function samPolicyData(): SamPolicyData {
  if (data) return data;
  const read = readPackageJson(FILE, 'the SAM policy template data');
  const fields = isRecord(read) ? read : {};
  const { source, managedPolicyPaths, templates } = fields;
  if (
    !isRecord(source) ||
    typeof source.commit !== 'string' ||
    !isRecord(managedPolicyPaths) ||
    !isRecord(templates) ||
    !Object.values(templates).every(
      (template) => isRecord(template) && Array.isArray(template.parameters) && isRecord(template.definition),
    )
  )
    throw new Error(
      `${packageDataFile(FILE)}: expected source (with its commit), managedPolicyPaths and templates (each with parameters and definition)`,
    );
  return (data = read as SamPolicyData);
}
