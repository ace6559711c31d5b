/**
 * Two peers' IAM policy fixtures with their verdicts: salesforce/cloudsplaining's privilege-escalation methods (each
 * policy as its test_privilege_escalation_methods.py builds it from constants.py) and policies of its
 * test_policy_document.py and test/files/test_policy_file.json; duo-labs/parliament's policies of tests/unit/ and of its
 * community auditors' tests (malformed documents, unknown actions and operators, resources that are no ARN, principals
 * in an identity policy, resource mismatches, privilege escalation). Each document is kept verbatim as the
 * PolicyDocument of one role in a CloudFormation template we wrote around it (test/corpus/iam-policy-peers/README.md
 * names each one's source and judges every finding). Each file is checked on its own with no catalog, as
 * `entitlement-guard check FILE --format json` checks it; the catalog rules' findings (an owner and entitlements the
 * catalog does not know, one each per role) make every exit code 1 and are left out of the lines.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkEachTemplate } from './support/each-template.js';

const CORPUS = join(import.meta.dirname, 'iam-policy-peers');
const CATALOG_RULES = new Set(['require-owner', 'require-entitlement']);

describe("cloudsplaining's and parliament's IAM policy fixtures", () => {
  const checks = checkEachTemplate(CORPUS);

  it('every file: its exit code, no input error, and the findings of the rules that judge content', () => {
    const verdicts = Object.fromEntries(
      [...checks].map(([file, result]) => {
        expect(result.errors).toEqual([]);
        return [
          file,
          [
            result.exitCode,
            (result.result?.findings ?? [])
              .filter(({ ruleId }) => !CATALOG_RULES.has(ruleId))
              .map(
                ({ ruleId, level, resource, detail, pending }) =>
                  `${ruleId} ${level} ${resource.name} ${detail || '-'}${pending ? ' pending' : ''}`,
              ),
          ],
        ];
      }),
    );
    expect(verdicts).toEqual({
      'cloudsplaining/AddUserToGroup.json': [1, [
        'no-privilege-escalation mandatory PeerRole Path::add-user-to-group',
        'no-wildcard-privilege mandatory PeerRole Resource::*',
      ]],
      'cloudsplaining/AttachGroupPolicy.json': [1, [
        'no-privilege-escalation mandatory PeerRole Path::attach-group-policy',
        'no-wildcard-privilege mandatory PeerRole Resource::*',
      ]],
      'cloudsplaining/AttachRolePolicy.json': [1, [
        'no-privilege-escalation mandatory PeerRole Path::attach-role-policy',
        'no-wildcard-privilege mandatory PeerRole Resource::*',
      ]],
      'cloudsplaining/AttachUserPolicy.json': [1, [
        'no-privilege-escalation mandatory PeerRole Path::attach-user-policy',
        'no-wildcard-privilege mandatory PeerRole Resource::*',
      ]],
      'cloudsplaining/CreateAccessKey.json': [1, [
        'no-privilege-escalation mandatory PeerRole Path::create-access-key',
        'no-wildcard-privilege mandatory PeerRole Resource::*',
      ]],
      'cloudsplaining/CreateEC2WithExistingIP.json': [1, [
        'no-privilege-escalation mandatory PeerRole Path::passrole-ec2',
        'no-wildcard-privilege mandatory PeerRole Resource::*',
      ]],
      'cloudsplaining/CreateLoginProfile.json': [1, [
        'no-privilege-escalation mandatory PeerRole Path::create-login-profile',
        'no-wildcard-privilege mandatory PeerRole Resource::*',
      ]],
      'cloudsplaining/CreateNewPolicyVersion.json': [1, [
        'no-privilege-escalation mandatory PeerRole Path::create-policy-version',
        'no-wildcard-privilege mandatory PeerRole Resource::*',
      ]],
      'cloudsplaining/CreatePolicyVersionThenAssumeRole.json': [1, [
        'no-privilege-escalation mandatory PeerRole Path::assume-any-role',
        'no-privilege-escalation mandatory PeerRole Path::create-policy-version',
        'no-wildcard-privilege mandatory PeerRole Resource::*',
      ]],
      'cloudsplaining/ECSExecuteCommandOnRunningTask.json': [1, [
        'no-privilege-escalation mandatory PeerRole Path::ecs-execute-command',
      ]],
      'cloudsplaining/EditExistingLambdaFunctionWithRole.json': [1, [
        'no-privilege-escalation mandatory PeerRole Path::update-lambda-code',
      ]],
      'cloudsplaining/ExecuteCloudFormationChangeSet.json': [1, [
        'no-privilege-escalation mandatory PeerRole Path::execute-any-cloudformation-change-set',
      ]],
      'cloudsplaining/ModifyEC2InstanceUserDataThenRestart.json': [1, [
        'no-privilege-escalation mandatory PeerRole Path::modify-any-ec2-user-data',
      ]],
      'cloudsplaining/PassExistingRoleToCloudFormation.json': [1, [
        'no-privilege-escalation mandatory PeerRole Path::passrole-cloudformation',
        'no-wildcard-privilege mandatory PeerRole Resource::*',
      ]],
      'cloudsplaining/PassExistingRoleToNewCodeBuildProjectThenBuild.json': [1, [
        'no-privilege-escalation mandatory PeerRole Path::passrole-codebuild',
        'no-privilege-escalation mandatory PeerRole Path::start-any-codebuild-build',
        'no-wildcard-privilege mandatory PeerRole Resource::*',
      ]],
      'cloudsplaining/PassExistingRoleToNewDataPipeline.json': [1, [
        'no-wildcard-privilege mandatory PeerRole Resource::*',
      ]],
      'cloudsplaining/PassExistingRoleToNewECSTaskViaRunTask.json': [1, [
        'no-privilege-escalation mandatory PeerRole Path::passrole-ecs-run-task',
        'no-wildcard-privilege mandatory PeerRole Resource::*',
      ]],
      'cloudsplaining/PassExistingRoleToNewGlueDevEndpoint.json': [1, [
        'no-privilege-escalation mandatory PeerRole Path::passrole-glue-dev-endpoint',
        'no-wildcard-privilege mandatory PeerRole Resource::*',
      ]],
      'cloudsplaining/PassExistingRoleToNewLambdaThenInvoke.json': [1, [
        'no-privilege-escalation mandatory PeerRole Path::passrole-lambda-invoke',
        'no-wildcard-privilege mandatory PeerRole Resource::*',
      ]],
      'cloudsplaining/PassExistingRoleToNewLambdaThenTriggerWithExistingDynamo.json': [1, [
        'no-privilege-escalation mandatory PeerRole Path::passrole-lambda-event-source',
        'no-wildcard-privilege mandatory PeerRole Resource::*',
      ]],
      'cloudsplaining/PassExistingRoleToNewLambdaThenTriggerWithNewDynamo.json': [1, [
        'no-privilege-escalation mandatory PeerRole Path::passrole-lambda-event-source',
        'no-wildcard-privilege mandatory PeerRole Resource::*',
      ]],
      'cloudsplaining/PassExistingRoleToNewSageMakerNotebookInstance.json': [1, [
        'no-privilege-escalation mandatory PeerRole Path::passrole-sagemaker-notebook',
        'no-wildcard-privilege mandatory PeerRole Resource::*',
      ]],
      'cloudsplaining/PutGroupPolicy.json': [1, [
        'no-privilege-escalation mandatory PeerRole Path::put-group-policy',
        'no-wildcard-privilege mandatory PeerRole Resource::*',
      ]],
      'cloudsplaining/PutRolePolicy.json': [1, [
        'no-privilege-escalation mandatory PeerRole Path::put-role-policy',
        'no-wildcard-privilege mandatory PeerRole Resource::*',
      ]],
      'cloudsplaining/PutUserPolicy.json': [1, [
        'no-privilege-escalation mandatory PeerRole Path::put-user-policy',
        'no-wildcard-privilege mandatory PeerRole Resource::*',
      ]],
      'cloudsplaining/SetExistingDefaultPolicyVersion.json': [1, [
        'no-privilege-escalation mandatory PeerRole Path::set-default-policy-version',
        'no-wildcard-privilege mandatory PeerRole Resource::*',
      ]],
      'cloudsplaining/UpdateAndInvokeLambdaFunction.json': [1, [
        'no-privilege-escalation mandatory PeerRole Path::update-lambda-code',
      ]],
      'cloudsplaining/UpdateExistingGlueDevEndpoint.json': [1, [
        'no-privilege-escalation mandatory PeerRole Path::update-glue-dev-endpoint',
      ]],
      'cloudsplaining/UpdateLoginProfile.json': [1, [
        'no-privilege-escalation mandatory PeerRole Path::update-login-profile',
        'no-wildcard-privilege mandatory PeerRole Resource::*',
      ]],
      'cloudsplaining/UpdateRolePolicyToAssumeIt.json': [1, [
        'no-privilege-escalation mandatory PeerRole Path::update-assume-role-policy',
        'no-wildcard-privilege mandatory PeerRole Resource::*',
      ]],
      'cloudsplaining/test_all_allowed_unrestriced_deny.json': [1, []],
      'cloudsplaining/test_allows_privilege_escalation.json': [1, [
        'no-privilege-escalation mandatory PeerRole Path::passrole-lambda-event-source',
        'no-wildcard-privilege mandatory PeerRole Resource::*',
      ]],
      'cloudsplaining/test_policy_document_all_allowed_actions_deny.json': [1, [
        'no-privilege-escalation mandatory PeerRole Path::*',
        'no-wildcard-privilege mandatory PeerRole Action::*',
      ]],
      'cloudsplaining/test_policy_file.json': [1, []],
      'parliament/test_advanced_policy_elements/test_notprincipal_allow-1.json': [1, ['policy-validity mandatory PeerRole NotPrincipal::Statement[0]']],
      'parliament/test_advanced_policy_elements/test_notresource_allow-1.json': [1, []],
      'parliament/test_community_auditors/test_analyze_policy_string_enable_community.json': [1, [
        'no-wildcard-privilege mandatory PeerRole Action::ecr:*',
        'no-wildcard-privilege mandatory PeerRole Action::s3:*',
      ]],
      'parliament/test_credentials_exposure/test_credentials_management.json': [1, []],
      'parliament/test_formatting/test_analyze_policy_string_MFA_formatting.json': [1, []],
      'parliament/test_formatting/test_analyze_policy_string_correct_simple.json': [1, []],
      'parliament/test_formatting/test_analyze_policy_string_invalid_sid.json': [1, ['policy-validity mandatory PeerRole Sid::Statement With Spaces And Special Chars!?']],
      'parliament/test_formatting/test_analyze_policy_string_multiple_statements_one_bad.json': [1, [
        'policy-validity advisory PeerRole Action::iam:list',
      ]],
      'parliament/test_formatting/test_analyze_policy_string_no_action.json': [1, [
        'no-privilege-escalation mandatory PeerRole Path::unknown pending',
        'no-wildcard-privilege mandatory PeerRole - pending',
      ]],
      'parliament/test_formatting/test_analyze_policy_string_no_statement.json': [1, []],
      'parliament/test_formatting/test_analyze_policy_string_not_json.json': [1, [
        'no-privilege-escalation mandatory PeerRole Path::unknown pending',
        'no-wildcard-privilege mandatory PeerRole - pending',
      ]],
      'parliament/test_formatting/test_analyze_policy_string_opposites.json': [1, [
        'no-privilege-escalation mandatory PeerRole Path::unknown pending',
        'no-wildcard-privilege mandatory PeerRole - pending',
      ]],
      'parliament/test_formatting/test_condition_action_specific-2.json': [1, []],
      'parliament/test_formatting/test_condition_action_specific_bad_type.json': [1, []],
      'parliament/test_formatting/test_condition_bad_key.json': [1, []],
      'parliament/test_formatting/test_condition_mismatch.json': [1, [
        'no-privilege-escalation mandatory PeerRole Path::modify-any-ec2-launch-template',
        'no-privilege-escalation mandatory PeerRole Path::modify-any-ec2-user-data',
        'no-wildcard-privilege mandatory PeerRole Action::ec2:*',
        'no-wildcard-privilege mandatory PeerRole Action::s3:*',
      ]],
      'parliament/test_formatting/test_condition_operator-2.json': [1, [
        'policy-validity advisory PeerRole Operator::bad',
      ]],
      'parliament/test_formatting/test_condition_operator-3.json': [1, []],
      'parliament/test_formatting/test_condition_operator_values.json': [1, []],
      // Since h160: Bool kms:GrantIsForAWSResource true restricts kms:CreateGrant as aws:ViaAWSService does.
      'parliament/test_formatting/test_condition_type_unqoted_bool.json': [1, []],
      'parliament/test_formatting/test_condition_with_MultiFactorAuthAge.json': [1, []],
      'parliament/test_formatting/test_condition_with_null.json': [1, ['policy-validity mandatory PeerRole Principal::Statement[0]']],
      'parliament/test_formatting/test_duplicate_sids.json': [1, ['policy-validity mandatory PeerRole DuplicateSid::stmt']],
      'parliament/test_formatting/test_lambda_TerminateInstances.json': [1, []],
      'parliament/test_formatting/test_priv_that_requires_star_resource.json': [1, []],
      'parliament/test_patterns/test_bad_mfa_condition.json': [1, [
        'no-privilege-escalation mandatory PeerRole Path::*',
        'no-wildcard-privilege mandatory PeerRole Action::*',
      ]],
      'parliament/test_patterns/test_resource_effectively_star-1.json': [1, [
        'no-wildcard-privilege mandatory PeerRole Resource::*',
      ]],
      'parliament/test_patterns/test_resource_policy_privilege_escalation-1.json': [1, [
        'no-wildcard-privilege mandatory PeerRole Resource::*',
      ]],
      'parliament/test_patterns/test_resource_policy_privilege_escalation-2.json': [1, [
        'no-wildcard-privilege mandatory PeerRole Action::s3:Put*',
      ]],
      'parliament/test_patterns/test_resource_policy_privilege_escalation_at_bucket_level-2.json': [1, [
        'no-wildcard-privilege mandatory PeerRole Action::s3:*Bucket*',
        'no-wildcard-privilege mandatory PeerRole Action::s3:*Object*',
      ]],
      'parliament/test_patterns/test_resource_policy_privilege_escalation_with_deny.json': [1, []],
      'parliament/test_permissions_management/test_permissions_management.json': [1, [
        'no-wildcard-privilege mandatory PeerRole Resource::*',
      ]],
      'parliament/test_principals/test_policy_with_principal-1.json': [1, ['policy-validity mandatory PeerRole Principal::Statement[0]']],
      'parliament/test_privilege_escalation/test_privilege_escalation.json': [1, [
        'no-privilege-escalation mandatory PeerRole Path::update-glue-dev-endpoint',
        'no-privilege-escalation mandatory PeerRole Path::update-lambda-code',
      ]],
      'parliament/test_resource_formatting/test_resource_bad.json': [1, ['policy-validity mandatory PeerRole Resource::s3']],
      'parliament/test_resources/test_resource_with_sub.json': [1, ['policy-validity mandatory PeerRole Principal::Statement[0]']],
    });
  });
});
