/**
 * SAM's policy templates (`S3ReadPolicy`, …), the paths of the AWS managed policies SAM names in `Policies`, and
 * SAM's connector profiles (what a Connector grants per source and destination type and permission), from
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

/**
 * What SAM's connector profiles say a connector from one type to another generates: the kind of resource
 * (`AWS_IAM_ROLE_MANAGED_POLICY` on the source's or the destination's role, or a queue policy, topic policy or Lambda
 * permission) and, per access category (`Read`, `Write`), the statements or permission, with `%{Source.Arn}`-style
 * variables SAM fills in.
 */
export interface SamConnectorProfile {
  Type: string;
  Properties: {
    SourcePolicy?: boolean;
    ValidAccessCategories?: string[][];
    AccessCategories: Record<string, unknown>;
    DependedBy?: string;
  };
}

/** How SAM reads a resource a connector names by `Id`: the property holding its role, and its ARN, URL, name, … */
export interface SamConnectorResourceProperties {
  Inputs?: { Role?: string | { Function: string } };
  Outputs?: Record<string, unknown>;
}

export interface SamConnectorProfiles {
  path: string;
  version: string;
  /** Source type → destination type → profile (CloudFormation types only; SAM maps its own types first). */
  permissions: Readonly<Record<string, Readonly<Record<string, SamConnectorProfile>>>>;
  cfnResourceProperties: Readonly<Record<string, SamConnectorResourceProperties>>;
}

export interface SamPolicyData {
  source: { repository: string; path: string; commit: string; license: string; version: string; extracted: string };
  /** The path of AWS managed policies that have one (`service-role/`), by name, as SAM resolves names in `Policies`. */
  managedPolicyPaths: Readonly<Record<string, string>>;
  templates: Readonly<Record<string, SamPolicyTemplate>>;
  /** SAM's connector profiles (samtranslator/model/connector_profiles/profiles.json), as published. */
  connectorProfiles: SamConnectorProfiles;
}

const FILE = 'sam-policy-templates.json';
let data: SamPolicyData | undefined;

/** The data, read once; a file of another shape is an error naming it (never a SAM without templates). */
export function samPolicyData(): SamPolicyData {
  if (data) return data;
  const read = readPackageJson(FILE, 'the SAM policy template data');
  const fields = isRecord(read) ? read : {};
  const { source, managedPolicyPaths, templates, connectorProfiles } = fields;
  if (
    !isRecord(source) ||
    !isRecord(connectorProfiles) ||
    !isRecord(connectorProfiles.permissions) ||
    !isRecord(connectorProfiles.cfnResourceProperties) ||
    typeof source.commit !== 'string' ||
    !isRecord(managedPolicyPaths) ||
    !isRecord(templates) ||
    !Object.values(templates).every(
      (template) => isRecord(template) && Array.isArray(template.parameters) && isRecord(template.definition),
    )
  )
    throw new Error(
      `${packageDataFile(FILE)}: expected source (with its commit), managedPolicyPaths, templates (each with parameters and definition) and connectorProfiles (permissions, cfnResourceProperties)`,
    );
  return (data = read as SamPolicyData);
}
