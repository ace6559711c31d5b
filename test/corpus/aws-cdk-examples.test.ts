/**
 * Synthesized templates of aws-samples/aws-cdk-examples apps that were not in the corpus (test/corpus/aws-cdk-examples/,
 * kept byte for byte as `cdk synth` wrote them, one of them a whole cloud assembly of stages in three accounts). They go
 * through the CLI as a new user would run it (no catalog); the findings are exactly those judged in the directory's
 * README. No synthesis runs here: the templates are checked as kept.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/cli/check.js';

const REPO = join(import.meta.dirname, '../..');
const CORPUS = join(REPO, 'test/corpus/aws-cdk-examples');
const INPUTS = [
  'amplify-app-plain-oauth-token.template.json',
  'cdk-pipelines-cross-account.cdk.out',
  'codebuild-cdk-deployer-iam-write.template.json',
  'opensearch-cognito-guest-role.template.json',
  's3-object-lambda-access-point-policy.template.json',
];
/** Rules whose findings follow from having no catalog (one or two per identity, one per secret): counted, not listed. */
const CATALOG_RULES = new Set(['require-owner', 'require-entitlement']);

describe('aws-cdk-examples apps, synthesized', () => {
  const result = runCheck({
    paths: INPUTS.map((input) => join(CORPUS, input)),
    format: 'json',
    now: new Date('2026-06-01T00:00:00Z'),
    cwd: REPO,
    toolVersion: 'corpus',
  });
  const findings = result.result?.findings ?? [];

  it('reads every input (no exit 2) and gives exactly the judged findings (rule level stack/resource detail)', () => {
    expect(result.errors).toEqual([]);
    expect(result.exitCode).toBe(1);
    const judged = findings
      .filter(({ ruleId }) => !CATALOG_RULES.has(ruleId))
      .map(({ ruleId, level, resource, detail }) => `${ruleId} ${level} ${resource.stack}/${resource.name} ${detail}`)
      .sort();
    expect(judged).toEqual([
      'no-long-lived-credentials mandatory amplify-app-plain-oauth-token/testapp Credential::plaintext',
      'no-privilege-escalation mandatory aws-codepipeline-stack/pipelineAssetsDockerRole32330C31 Path::start-any-codebuild-build',
      'no-privilege-escalation mandatory aws-codepipeline-stack/pipelineAssetsFileRole3D849373 Path::start-any-codebuild-build',
      'no-privilege-escalation mandatory aws-codepipeline-stack/pipelineUpdatePipelineSelfMutationRole91820177 Path::assume-any-role',
      'no-privilege-escalation mandatory codebuild-cdk-deployer-iam-write/BuildProjectRoleAA92C755 Path::attach-role-policy',
      'no-privilege-escalation mandatory codebuild-cdk-deployer-iam-write/BuildProjectRoleAA92C755 Path::passrole-lambda-add-permission',
      'no-privilege-escalation mandatory codebuild-cdk-deployer-iam-write/BuildProjectRoleAA92C755 Path::put-role-policy',
      'no-privilege-escalation mandatory codebuild-cdk-deployer-iam-write/BuildProjectRoleAA92C755 Path::update-lambda-code',
      // Since session 49 (pathfinding cognitoidentity-001), noisy: AmazonOpenSearchServiceCognitoAccess lets the role set
      // an identity pool's roles and pass roles to Cognito Identity, but only OpenSearch (es.amazonaws.com) may assume it,
      // to set up Dashboards sign-in; src/iam/aws/service-roles.ts does not list OpenSearch, whose roles are not shown
      // there to run no code.
      'no-privilege-escalation mandatory opensearch-cognito-guest-role/OSClusteropensearchCognitoRoleE0A70B84 Path::passrole-cognito-identity-pool',
      'no-wildcard-privilege mandatory aws-codepipeline-stack/pipelinePipelineRoleDefaultPolicy16010F3E Resource::*',
      'no-wildcard-privilege mandatory codebuild-cdk-deployer-iam-write/BuildProjectRoleDefaultPolicy3E9F248C Resource::*',
      'restrict-trust advisory aws-codepipeline-stack/dev-eu-west-1/AsyncLambdasStack/TopicPolicyA1747468 Service::events.amazonaws.com',
      'restrict-trust advisory aws-codepipeline-stack/dev-us-west-2/AsyncLambdasStack/TopicPolicyA1747468 Service::events.amazonaws.com',
      'restrict-trust advisory aws-codepipeline-stack/dev/AsyncLambdasStack/TopicPolicyA1747468 Service::events.amazonaws.com',
      // No Cognito::unauthenticated on OSClustercognitoUnAuthRoleBF17484E since h99: the guest role holds only
      // cognito-identity:GetCredentialsForIdentity, an API a guest calls without credentials (src/iam/aws/public-apis.ts).
      'secret-rotation mandatory aws-codepipeline-stack/dev-eu-west-1/rdsAuroraStack/DatabaseSecret3B817195 Rotation::none',
      'secret-rotation mandatory aws-codepipeline-stack/dev-us-west-2/rdsAuroraStack/DatabaseSecret3B817195 Rotation::none',
      'secret-rotation mandatory aws-codepipeline-stack/dev/rdsAuroraStack/DatabaseSecret3B817195 Rotation::none',
    ]);
    // The catalog rules: one of each per identity, and the owner of each secret.
    const counts = Object.fromEntries(
      [...CATALOG_RULES].map((rule) => [rule, findings.filter(({ ruleId }) => ruleId === rule).length]),
    );
    expect(counts).toEqual({ 'require-owner': 45, 'require-entitlement': 42 });
  });

  it("does not take a stack's own account, written as a literal, for another account", () => {
    // Every key of the cloud assembly has the CDK's default key policy, which lets in the account of its own stack
    // (`aws://<account>/<region>` in the manifest): 111122223333 for the pipeline, 111111111111 and 222222222222 for
    // the stages. Before, each was reported as an account the catalog does not list (8 findings).
    const keys = findings.filter(({ resource }) => resource.type === 'AWS::KMS::Key');
    expect(keys).toEqual([]);
  });
});
