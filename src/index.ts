/**
 * Entitlement Guard's engine API: the model, the catalog, AWS IAM evaluation, the rules, evaluation and reporters.
 * Front-ends: `entitlement-guard/cdk` (aspect, cdk-nag pack, validation plugin) and `entitlement-guard/pulumi` (policy pack).
 */
export * from './model/model.js';
export { mergeModels } from './model/merge.js';
export * from '../catalog/index.js';
export { parsePolicyDocument } from './iam/aws/document.js';
export {
  actionMatches,
  expandActionPattern,
  lookupAction,
  type AwsAction,
  type AccessLevel,
} from './iam/aws/actions.js';
export { effectiveAllows, isActionAllowed, type AllowedAction } from './iam/aws/evaluate.js';
export { awsManagedPolicy, documentsOf, isAdminLevel, type ManagedPolicyInfo } from './iam/aws/managed.js';
export { defineRule, type Rule, type RuleMeta, type RuleContext, type Report } from './rules/define.js';
export { allRules, ruleById } from './rules/index.js';
export { ruleDocsUrl } from './rules/docs.js';
export { FRAMEWORKS, type FrameworkControl } from './rules/frameworks.js';
export { evaluate } from './engine/index.js';
export { isExceptionValid } from '../catalog/exception-scope.js';
export {
  runRules,
  effectiveLevel,
  type EvaluateOptions,
  type EvaluationResult,
  type Summary,
} from './engine/evaluate.js';
export { isBlocking, type Finding, type FindingLevel } from './model/finding.js';
export { profileOf, type IdentityProfile } from '../catalog/profile.js';
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
export { modelFromPulumiResources, type PulumiResource } from './adapters/pulumi/index.js';
export { buildAudit, type Audit } from './audit/index.js';
export { renderAudit, type AuditFormat } from './reporters/audit.js';
export { writeAuditFile } from './reporters/audit-file.js';
export { formatText } from './reporters/text.js';
export { formatJunit } from './reporters/junit.js';
export { formatMarkdown } from './reporters/markdown.js';
export { formatJson } from './reporters/json.js';
export { formatSarif } from './reporters/sarif.js';
