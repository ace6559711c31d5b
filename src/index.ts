/**
 * `entitlement-guard`: check a change programmatically, as the CLI's `check` and `audit` do. Load the catalog, turn
 * templates, Kubernetes manifests or Pulumi resources into the model, evaluate it, and write the findings or the
 * audit view. Front-ends: `entitlement-guard/cdk` (aspect, validation plugin), `entitlement-guard/cdk-nag` (cdk-nag
 * pack) and `entitlement-guard/pulumi` (policy pack).
 *
 * This list is the public API (README.md, "Programmatic use"); test/package/public-api.test.ts pins it, so a new
 * export is a deliberate change. Everything else is internal: tests and tools import it by relative path.
 */

// The catalog: load and validate one, or start from the built-in defaults.
export { loadCatalog, parseCatalog } from '../catalog/load.js';
export { CatalogError, formatCatalogIssue, type CatalogIssue } from '../catalog/issues.js';
export { defaultCatalog } from '../catalog/defaults.js';
export { RULE_IDS, type RuleId } from '../catalog/rule-ids.js';
export type {
  RuleLevel,
  Owner,
  CredentialType,
  ClassPolicy,
  PrivilegedAction,
  AwsGrantEnvelope,
  Entitlement,
  Approval,
  IdentityMatch,
  CatalogIdentity,
  TrustedAccount,
  TrustedOidc,
  CatalogException,
  ExceptionPolicy,
  IdentityProvider,
  TagKeys,
  Catalog,
} from '../catalog/types.js';

// Inputs to the model: CloudFormation templates and cdk.out, Kubernetes manifests, Pulumi resources.
export {
  loadTemplates,
  modelFromTemplates,
  TemplateError,
  type CfnTemplate,
  type TemplateInput,
} from './adapters/cloudformation/index.js';
export { InputFileError } from './adapters/input-error.js';
export {
  loadManifests,
  parseManifests,
  ManifestError,
  modelFromKubernetesObjects,
  type KubernetesObject,
} from './adapters/kubernetes/index.js';
export { modelFromPulumiResources } from './adapters/pulumi/dispatch.js';
export type { PulumiResource } from './adapters/pulumi/resource.js';
export { mergeModels } from './model/merge.js';
export type {
  Cloud,
  ResourceRef,
  Unknown,
  Maybe,
  PolicyValue,
  PolicyStatement,
  PrincipalBlock,
  PolicyDocument,
  AwsPolicyGrant,
  AwsManagedPolicyGrant,
  RoleGrant,
  RolePermission,
  RoleDefinition,
  FederationProvider,
  Grant,
  CredentialKind,
  Credential,
  IdentityKind,
  IdentityClass,
  ComputeAttachment,
  Identity,
  Secret,
  SecretValueAdvice,
  Model,
  UsageMonitor,
  UnseenContent,
  UnseenKind,
  ExternalRoleGrant,
} from './model/model.js';
export { isUnknown } from './model/model.js';

// Evaluation: the rules over the model with the catalog's levels and exceptions.
export { evaluate } from './engine/index.js';
export type { EvaluateOptions, EvaluationResult, Summary } from './engine/evaluate.js';
export { allRules, ruleById } from './rules/index.js';
export type { Rule, RuleMeta, Remediation } from './rules/define.js';
export { isBlocking, type Finding, type FindingLevel } from './model/finding.js';

// Reports: the CLI's formats, and the audit view.
export { formatText, type TextOptions } from './reporters/text.js';
export { formatJson } from './reporters/json.js';
export { formatSarif, type SarifOptions } from './reporters/sarif.js';
export { formatJunit, type JunitOptions } from './reporters/junit.js';
export { formatMarkdown } from './reporters/markdown.js';
export { buildAudit, type Audit } from './audit/index.js';
export { renderAudit, type AuditFormat, type AuditRenderOptions } from './reporters/audit.js';
