/**
 * A peer's verdicts on the same templates: the CloudFormation query fixtures of KICS (DataDog/kics, a fork of
 * Checkmarx/kics; assets/queries/cloudFormation/aws/<query>/test) for the queries about identities, privilege, trust
 * and secrets, copied verbatim into test/corpus/kics-cloudformation and renamed for what each shows
 * (`<what>.positiveN.yaml` where KICS reports the query, `<what>.negativeN.yaml` where it passes; the original path of
 * each is in the README). Each file is checked alone with no catalog, as `entitlement-guard check <file> --format json`
 * runs. Each has a row below: its exit code and the exact content findings here; where KICS's verdict and this one
 * differ (KICS reports the query and nothing is found here, or passes and something is), WHY says why. All content
 * findings are held to a snapshot and judged in test/corpus/kics-cloudformation/README.md.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/model/finding.js';
import { checkEachTemplate, snapshotOf } from './support/each-template.js';

const CORPUS = join(import.meta.dirname, 'kics-cloudformation');
const CATALOG_RULES = new Set(['require-owner', 'require-entitlement']);

/**
 * A content finding as a row names it: rule, resource, detail, `pending` where it waits for deploy time, and for a
 * credential written in a resource's configuration (whose detail names no kind) the places its message names.
 */
function rowOf(finding: Finding): string {
  const places = / configuration of .+? \((.*)\): whoever/.exec(finding.message)?.[1];
  return [
    finding.ruleId,
    finding.resource.name,
    finding.detail || '-',
    ...(finding.pending ? ['pending'] : []),
    ...(finding.detail === 'Credential::plaintext' && places !== undefined ? [`(${places})`] : []),
  ].join(' ');
}

/** Each file: its exit code and its content findings here (rowOf), sorted. */
const FILES: [file: string, exit: number, here: string[]][] = [
  ["access-key-for-user-named-root.negative1.yaml", 1, ["no-long-lived-credentials CFNKeys Credential::aws-access-key"]],
  ["access-key-for-user-named-root.negative2.json", 1, ["no-long-lived-credentials CFNKeys Credential::aws-access-key"]],
  ["access-key-for-user-named-root.positive1.yaml", 1, ["no-long-lived-credentials CFNKeys Credential::aws-access-key"]],
  ["access-key-for-user-named-root.positive2.json", 1, ["no-long-lived-credentials CFNKeys Credential::aws-access-key"]],
  ["alexa-skill-client-secret.negative1.yaml", 1, ["no-long-lived-credentials MySkill Credential::plaintext (AuthenticationConfiguration.RefreshToken)", "no-long-lived-credentials MySkill2 Credential::plaintext (AuthenticationConfiguration.RefreshToken)"]],
  ["alexa-skill-client-secret.negative2.json", 1, ["no-long-lived-credentials MySkill Credential::plaintext (AuthenticationConfiguration.RefreshToken)", "no-long-lived-credentials MySkill2 Credential::plaintext (AuthenticationConfiguration.RefreshToken)"]],
  ["alexa-skill-client-secret.positive1.yaml", 1, ["no-long-lived-credentials MySkill Credential::plaintext (AuthenticationConfiguration.ClientSecret)", "no-long-lived-credentials MySkill Credential::plaintext (AuthenticationConfiguration.RefreshToken)"]],
  ["alexa-skill-client-secret.positive2.json", 1, ["no-long-lived-credentials MySkill Credential::plaintext (AuthenticationConfiguration.ClientSecret)", "no-long-lived-credentials MySkill Credential::plaintext (AuthenticationConfiguration.RefreshToken)"]],
  ["alexa-skill-refresh-token.negative1.yaml", 1, ["no-long-lived-credentials MySkill Credential::plaintext (AuthenticationConfiguration.ClientSecret)", "no-long-lived-credentials MySkill2 Credential::plaintext (AuthenticationConfiguration.ClientSecret)"]],
  ["alexa-skill-refresh-token.negative2.json", 1, ["no-long-lived-credentials MySkill Credential::plaintext (AuthenticationConfiguration.ClientSecret)", "no-long-lived-credentials MySkill2 Credential::plaintext (AuthenticationConfiguration.ClientSecret)"]],
  ["alexa-skill-refresh-token.positive1.yaml", 1, ["no-long-lived-credentials MySkill Credential::plaintext (AuthenticationConfiguration.ClientSecret)", "no-long-lived-credentials MySkill Credential::plaintext (AuthenticationConfiguration.RefreshToken)"]],
  ["alexa-skill-refresh-token.positive2.json", 1, ["no-long-lived-credentials MySkill Credential::plaintext (AuthenticationConfiguration.ClientSecret)", "no-long-lived-credentials MySkill Credential::plaintext (AuthenticationConfiguration.RefreshToken)"]],
  ["amplify-app-access-token.negative1.yaml", 1, ["no-long-lived-credentials NewAmpApp Credential::plaintext (OauthToken)", "secret-rotation MyAmpAppSecretManagerRotater Rotation::none"]],
  ["amplify-app-access-token.negative2.yaml", 1, ["no-long-lived-credentials NewAmp Credential::plaintext (OauthToken)"]],
  ["amplify-app-access-token.negative3.yaml", 1, ["no-long-lived-credentials AmpApp Credential::plaintext (OauthToken)"]],
  ["amplify-app-access-token.negative4.json", 1, ["no-long-lived-credentials NewAmpApp Credential::plaintext (OauthToken)", "secret-rotation MyAmpAppSecretManagerRotater Rotation::none"]],
  ["amplify-app-access-token.negative5.json", 1, ["no-long-lived-credentials NewAmp Credential::plaintext (AccessToken, OauthToken)"]],
  ["amplify-app-access-token.negative6.json", 1, ["no-long-lived-credentials AmpApp Credential::plaintext (AccessToken, OauthToken)"]],
  ["amplify-app-access-token.positive1.yaml", 1, ["no-long-lived-credentials NewAmpApp Credential::plaintext (AccessToken, OauthToken)"]],
  ["amplify-app-access-token.positive2.yaml", 1, ["no-long-lived-credentials AmpApp Credential::plaintext (AccessToken (the Default of parameter ParentAccessToken), OauthToken)"]],
  ["amplify-app-access-token.positive3.yaml", 1, ["no-long-lived-credentials NewApp Credential::plaintext (AccessToken, OauthToken)"]],
  ["amplify-app-access-token.positive4.json", 1, ["no-long-lived-credentials NewAmpApp Credential::plaintext (OauthToken, AccessToken)"]],
  ["amplify-app-access-token.positive5.json", 1, ["no-long-lived-credentials AmpApp Credential::plaintext (OauthToken, AccessToken)"]],
  ["amplify-app-access-token.positive6.json", 1, ["no-long-lived-credentials NewApp Credential::plaintext (AccessToken, OauthToken)"]],
  ["amplify-app-basic-auth-password.negative1.yaml", 1, ["no-long-lived-credentials NewAmpApp-2 Credential::plaintext (OauthToken)", "secret-rotation MyAmpAppSecretManagerRotater Rotation::none"]],
  ["amplify-app-basic-auth-password.negative2.yaml", 1, ["no-long-lived-credentials NewAmpApp-1 Credential::plaintext (OauthToken)"]],
  ["amplify-app-basic-auth-password.negative3.yaml", 1, ["no-long-lived-credentials NewAmpApp-4 Credential::plaintext (OauthToken)"]],
  ["amplify-app-basic-auth-password.negative4.json", 1, ["no-long-lived-credentials NewAmpApp-2 Credential::plaintext (OauthToken)", "secret-rotation MyAmpAppSecretManagerRotater Rotation::none"]],
  ["amplify-app-basic-auth-password.negative5.json", 1, ["no-long-lived-credentials NewAmpApp-1 Credential::plaintext (BasicAuthConfig.Password)", "no-long-lived-credentials NewAmpApp-1 Credential::plaintext (OauthToken)"]],
  ["amplify-app-basic-auth-password.negative6.json", 1, ["no-long-lived-credentials NewAmpApp-4 Credential::plaintext (BasicAuthConfig.Password)", "no-long-lived-credentials NewAmpApp-4 Credential::plaintext (OauthToken)"]],
  ["amplify-app-basic-auth-password.positive1.yaml", 1, ["no-long-lived-credentials NewAmpApp-1 Credential::plaintext (BasicAuthConfig.Password)", "no-long-lived-credentials NewAmpApp-1 Credential::plaintext (OauthToken)"]],
  ["amplify-app-basic-auth-password.positive2.yaml", 1, ["no-long-lived-credentials NewAmpApp-4 Credential::plaintext (BasicAuthConfig.Password (the Default of parameter ParentPassword))", "no-long-lived-credentials NewAmpApp-4 Credential::plaintext (OauthToken)"]],
  ["amplify-app-basic-auth-password.positive3.json", 1, ["no-long-lived-credentials NewAmpApp-1 Credential::plaintext (BasicAuthConfig.Password)", "no-long-lived-credentials NewAmpApp-1 Credential::plaintext (OauthToken)"]],
  ["amplify-app-basic-auth-password.positive4.json", 1, ["no-long-lived-credentials NewAmpApp-4 Credential::plaintext (BasicAuthConfig.Password)", "no-long-lived-credentials NewAmpApp-4 Credential::plaintext (OauthToken)"]],
  ["amplify-app-oauth-token.negative1.yaml", 1, ["secret-rotation MyAmpAppSecretManagerRotater Rotation::none"]],
  ["amplify-app-oauth-token.negative2.yaml", 0, []],
  ["amplify-app-oauth-token.negative3.yaml", 0, []],
  ["amplify-app-oauth-token.negative4.json", 1, ["secret-rotation MyAmpAppSecretManagerRotater Rotation::none"]],
  ["amplify-app-oauth-token.negative5.json", 1, ["no-long-lived-credentials NewAmpApp-1 Credential::plaintext (OauthToken)"]],
  ["amplify-app-oauth-token.negative6.json", 1, ["no-long-lived-credentials NewAmpApp-4 Credential::plaintext (OauthToken)"]],
  ["amplify-app-oauth-token.positive1.yaml", 1, ["no-long-lived-credentials NewAmpApp-1 Credential::plaintext (OauthToken)"]],
  ["amplify-app-oauth-token.positive2.yaml", 1, ["no-long-lived-credentials NewAmpApp-4 Credential::plaintext (BasicAuthConfig.Password (the Default of parameter ParentPassword))", "no-long-lived-credentials NewAmpApp-4 Credential::plaintext (OauthToken (the Default of parameter ParentPassword))"]],
  ["amplify-app-oauth-token.positive3.json", 1, ["no-long-lived-credentials NewAmpApp-1 Credential::plaintext (OauthToken)"]],
  ["amplify-app-oauth-token.positive4.json", 1, ["no-long-lived-credentials NewAmpApp-4 Credential::plaintext (BasicAuthConfig.Password)", "no-long-lived-credentials NewAmpApp-4 Credential::plaintext (OauthToken)"]],
  ["amplify-branch-basic-auth-password.negative1.yaml", 1, ["no-long-lived-credentials NewAmpApp Credential::plaintext (OauthToken)", "secret-rotation MyAmpAppSecretManagerRotater Rotation::none"]],
  ["amplify-branch-basic-auth-password.negative2.yaml", 0, []],
  ["amplify-branch-basic-auth-password.negative3.yaml", 0, []],
  ["amplify-branch-basic-auth-password.negative4.json", 1, ["no-long-lived-credentials NewAmpApp Credential::plaintext (OauthToken)", "secret-rotation MyAmpAppSecretManagerRotater Rotation::none"]],
  ["amplify-branch-basic-auth-password.negative5.json", 1, ["no-long-lived-credentials NewAmpApp1 Credential::plaintext (BasicAuthConfig.Password)"]],
  ["amplify-branch-basic-auth-password.negative6.json", 1, ["no-long-lived-credentials NewAmpApp4 Credential::plaintext (BasicAuthConfig.Password)"]],
  ["amplify-branch-basic-auth-password.positive1.yaml", 1, ["no-long-lived-credentials NewAmpApp1 Credential::plaintext (BasicAuthConfig.Password)"]],
  ["amplify-branch-basic-auth-password.positive2.yaml", 1, ["no-long-lived-credentials NewAmpApp4 Credential::plaintext (BasicAuthConfig.Password (the Default of parameter ParentPassword))"]],
  ["amplify-branch-basic-auth-password.positive3.json", 1, ["no-long-lived-credentials NewAmpApp1 Credential::plaintext (BasicAuthConfig.Password)"]],
  ["amplify-branch-basic-auth-password.positive4.json", 1, ["no-long-lived-credentials NewAmpApp4 Credential::plaintext (BasicAuthConfig.Password)"]],
  ["bucket-policy-any-principal.negative1.yaml", 1, ["restrict-trust BucketPolicy Account::111122223333", "restrict-trust BucketPolicy Account::111122223333"]],
  ["bucket-policy-any-principal.negative2.json", 1, ["restrict-trust BucketPolicy Account::111122223333", "restrict-trust BucketPolicy Account::111122223333"]],
  ["bucket-policy-any-principal.positive1.yaml", 1, ["restrict-trust BucketPolicy Principal::*", "restrict-trust BucketPolicy2 Principal::*"]],
  ["bucket-policy-any-principal.positive2.json", 1, ["restrict-trust BucketPolicy Principal::*", "restrict-trust BucketPolicy2 Principal::*"]],
  ["bucket-policy-public-delete.negative1.yaml", 0, []],
  ["bucket-policy-public-delete.negative2.json", 0, []],
  ["bucket-policy-public-delete.positive1.yaml", 1, ["restrict-trust SampleBucketPolicy3 Principal::*", "restrict-trust SampleBucketPolicy4 Principal::*"]],
  ["bucket-policy-public-delete.positive2.json", 1, ["restrict-trust SampleBucketPolicy5 Principal::*", "restrict-trust SampleBucketPolicy6 Principal::*"]],
  ["bucket-policy-public-get.negative1.yaml", 0, []],
  ["bucket-policy-public-get.negative2.json", 0, []],
  ["bucket-policy-public-get.positive1.yaml", 1, ["restrict-trust SampleBucketPolicy3 Principal::*", "restrict-trust SampleBucketPolicy4 Principal::*"]],
  ["bucket-policy-public-get.positive2.json", 1, ["restrict-trust SampleBucketPolicy5 Principal::*", "restrict-trust SampleBucketPolicy6 Principal::*"]],
  ["bucket-policy-public-list.negative1.yaml", 0, []],
  ["bucket-policy-public-list.negative2.json", 0, []],
  ["bucket-policy-public-list.positive1.yaml", 1, ["restrict-trust SampleBucketPolicy3 Principal::*", "restrict-trust SampleBucketPolicy4 Principal::*"]],
  ["bucket-policy-public-list.positive2.json", 1, ["restrict-trust SampleBucketPolicy5 Principal::*", "restrict-trust SampleBucketPolicy6 Principal::*"]],
  ["bucket-policy-public-put.negative1.yaml", 0, []],
  ["bucket-policy-public-put.negative2.json", 0, []],
  ["bucket-policy-public-put.positive1.yaml", 1, ["restrict-trust SampleBucketPolicy3 Principal::*", "restrict-trust SampleBucketPolicy4 Principal::*"]],
  ["bucket-policy-public-put.positive2.json", 1, ["restrict-trust SampleBucketPolicy5 Principal::*", "restrict-trust SampleBucketPolicy6 Principal::*"]],
  ["bucket-policy-public-restore.negative1.yaml", 0, []],
  ["bucket-policy-public-restore.negative2.json", 0, []],
  ["bucket-policy-public-restore.positive1.yaml", 1, ["restrict-trust SampleBucketPolicy3 Principal::*", "restrict-trust SampleBucketPolicy4 Principal::*"]],
  ["bucket-policy-public-restore.positive2.json", 1, ["restrict-trust SampleBucketPolicy5 Principal::*", "restrict-trust SampleBucketPolicy6 Principal::*"]],
  ["cfn-init-authentication-credentials.negative1.yaml", 0, []],
  ["cfn-init-authentication-credentials.negative2.json", 0, []],
  ["cfn-init-authentication-credentials.positive1.yaml", 0, []],
  ["cfn-init-authentication-credentials.positive2.json", 0, []],
  ["config-rule-access-keys-rotated.negative1.yaml", 0, []],
  ["config-rule-access-keys-rotated.negative2.json", 0, []],
  ["config-rule-access-keys-rotated.positive1.yaml", 0, []],
  ["config-rule-access-keys-rotated.positive2.json", 0, []],
  ["cross-account-trust-without-external-id.negative1.yaml", 1, ["restrict-trust RootRole Account::987654321145"]],
  ["cross-account-trust-without-external-id.negative2.json", 1, ["restrict-trust RootRole Account::987654321145"]],
  ["cross-account-trust-without-external-id.negative2.yaml", 1, ["restrict-trust RootRole Account::987654321145"]],
  ["cross-account-trust-without-external-id.negative4.json", 1, ["restrict-trust RootRole Account::987654321145"]],
  ["cross-account-trust-without-external-id.positive1.yaml", 1, ["restrict-trust RootRole Account::987654321145"]],
  ["cross-account-trust-without-external-id.positive2.json", 1, ["restrict-trust RootRole Account::987654321145"]],
  ["cross-account-trust-without-external-id.positive3.yaml", 1, ["restrict-trust RootRole Account::987654321145"]],
  ["cross-account-trust-without-external-id.positive4.json", 1, ["restrict-trust RootRole Account::987654321145"]],
  ["cross-account-trust-without-external-id.positive5.yaml", 1, ["restrict-trust RootRole Account::987654321145"]],
  ["cross-account-trust-without-external-id.positive6.json", 1, ["restrict-trust RootRole Account::987654321145"]],
  ["dms-endpoint-mongodb-password.negative1.yaml", 0, []],
  ["dms-endpoint-mongodb-password.negative2.yaml", 0, []],
  ["dms-endpoint-mongodb-password.negative3.yaml", 1, ["secret-rotation MongoDBSecretManagerRotater Rotation::none", "secret-rotation MyAmpAppSecretManagerRotater Rotation::none"]],
  ["dms-endpoint-mongodb-password.negative4.json", 1, ["no-long-lived-credentials NewAmpApp1 Credential::plaintext (Password, MongoDbSettings.Password)"]],
  ["dms-endpoint-mongodb-password.negative5.json", 1, ["no-long-lived-credentials NewAmpApp2 Credential::plaintext (Password, MongoDbSettings.Password)"]],
  ["dms-endpoint-mongodb-password.negative6.json", 1, ["secret-rotation MongoDBSecretManagerRotater Rotation::none", "secret-rotation MyAmpAppSecretManagerRotater Rotation::none"]],
  ["dms-endpoint-mongodb-password.positive1.yaml", 1, ["no-long-lived-credentials NewAmpApp4 Credential::plaintext (MongoDbSettings.Password (the Default of parameter MasterMongoDBPassword))"]],
  ["dms-endpoint-mongodb-password.positive2.yaml", 1, ["no-long-lived-credentials NewAmpApp5 Credential::plaintext (MongoDbSettings.Password, Password)"]],
  ["dms-endpoint-mongodb-password.positive3.yaml", 1, ["no-long-lived-credentials NewAmpApp6 Credential::plaintext (MongoDbSettings.Password)"]],
  ["dms-endpoint-mongodb-password.positive4.json", 1, ["no-long-lived-credentials NewAmpApp4 Credential::plaintext (MongoDbSettings.Password, Password)"]],
  ["dms-endpoint-mongodb-password.positive5.json", 1, ["no-long-lived-credentials NewAmpApp5 Credential::plaintext (MongoDbSettings.Password, Password)"]],
  ["dms-endpoint-mongodb-password.positive6.json", 1, ["no-long-lived-credentials NewAmpApp6 Credential::plaintext (Password, MongoDbSettings.Password)"]],
  ["dms-endpoint-password.negative1.yaml", 0, []],
  ["dms-endpoint-password.negative2.yaml", 0, []],
  ["dms-endpoint-password.negative3.yaml", 1, ["secret-rotation MyAmpAppSecretManagerRotater Rotation::none"]],
  ["dms-endpoint-password.negative4.json", 1, ["no-long-lived-credentials DMSEndpoint1 Credential::plaintext (Password)"]],
  ["dms-endpoint-password.negative5.json", 1, ["no-long-lived-credentials DMSEndpoint2 Credential::plaintext (Password)"]],
  ["dms-endpoint-password.negative6.json", 1, ["secret-rotation MyAmpAppSecretManagerRotater Rotation::none"]],
  ["dms-endpoint-password.positive1.yaml", 1, ["no-long-lived-credentials DMSEndpoint4 Credential::plaintext (Password)"]],
  ["dms-endpoint-password.positive2.yaml", 1, ["no-long-lived-credentials DMSEndpoint5 Credential::plaintext (Password (the Default of parameter ParentMasterPassword))"]],
  ["dms-endpoint-password.positive3.yaml", 1, ["no-long-lived-credentials DMSEndpoint6 Credential::plaintext (Password)"]],
  ["dms-endpoint-password.positive4.json", 1, ["no-long-lived-credentials DMSEndpoint4 Credential::plaintext (Password)"]],
  ["dms-endpoint-password.positive5.json", 1, ["no-long-lived-credentials DMSEndpoint5 Credential::plaintext (Password)"]],
  ["dms-endpoint-password.positive6.json", 1, ["no-long-lived-credentials DMSEndpoint6 Credential::plaintext (Password)"]],
  ["docdb-master-password.negative1.yaml", 0, []],
  ["docdb-master-password.negative10.json", 1, ["no-long-lived-credentials NewAmpApp4 Credential::plaintext (AccessToken, OauthToken)"]],
  ["docdb-master-password.negative2.yaml", 0, []],
  ["docdb-master-password.negative3.yaml", 1, ["secret-rotation MyAmpAppSecretManagerRotater Rotation::none"]],
  ["docdb-master-password.negative4.yaml", 1, ["no-long-lived-credentials NewAmpApp1 Credential::plaintext (OauthToken)"]],
  ["docdb-master-password.negative5.yaml", 1, ["no-long-lived-credentials NewAmpApp4 Credential::plaintext (OauthToken)"]],
  ["docdb-master-password.negative6.json", 1, ["no-long-lived-credentials NewAmpApp1 Credential::plaintext (MasterUserPassword)"]],
  ["docdb-master-password.negative7.json", 1, ["no-long-lived-credentials NewAmpApp1 Credential::plaintext (MasterUserPassword)"]],
  ["docdb-master-password.negative8.json", 1, ["secret-rotation MyAmpAppSecretManagerRotater Rotation::none"]],
  ["docdb-master-password.negative9.json", 1, ["no-long-lived-credentials NewAmpApp1 Credential::plaintext (OauthToken, AccessToken)"]],
  ["docdb-master-password.positive1.yaml", 1, ["no-long-lived-credentials NewAmpApp Credential::plaintext (MasterUserPassword)"]],
  ["docdb-master-password.positive2.yaml", 1, ["no-long-lived-credentials NewAmpApp1 Credential::plaintext (MasterUserPassword (the Default of parameter ParentMasterPassword))"]],
  ["docdb-master-password.positive3.yaml", 1, ["no-long-lived-credentials NewAmpApp03 Credential::plaintext (MasterUserPassword)"]],
  ["docdb-master-password.positive4.json", 1, ["no-long-lived-credentials NewAmpApp Credential::plaintext (MasterUserPassword)"]],
  ["docdb-master-password.positive5.json", 1, ["no-long-lived-credentials NewAmpApp1 Credential::plaintext (MasterUserPassword)"]],
  ["docdb-master-password.positive6.json", 1, ["no-long-lived-credentials NewAmpApp03 Credential::plaintext (MasterUserPassword)"]],
  ["ecr-repository-policy-any-principal.negative1.yaml", 1, ["restrict-trust MyRepository1 Account::123456789012", "restrict-trust MyRepository1 Account::123456789012"]],
  ["ecr-repository-policy-any-principal.negative2.json", 1, ["restrict-trust MyRepository2 Account::123456789012", "restrict-trust MyRepository2 Account::123456789012"]],
  ["ecr-repository-policy-any-principal.positive1.yaml", 1, ["restrict-trust MyRepository3 Principal::*"]],
  ["ecr-repository-policy-any-principal.positive2.json", 1, ["restrict-trust MyRepository4 Principal::*"]],
  ["ecs-service-inline-policy.negative1.yaml", 1, ["no-wildcard-privilege IAMPolicy Action::*"]],
  ["ecs-service-inline-policy.negative2.json", 1, ["no-wildcard-privilege IAMPolicy Action::*"]],
  ["ecs-service-inline-policy.positive1.yaml", 1, ["no-wildcard-privilege IAMPolicy Action::*"]],
  ["ecs-service-inline-policy.positive2.json", 1, ["no-wildcard-privilege IAMPolicy Action::*"]],
  ["ecs-service-role-named-admin.negative1.yaml", 0, []],
  ["ecs-service-role-named-admin.negative2.json", 0, []],
  ["ecs-service-role-named-admin.positive1.yaml", 0, []],
  ["ecs-service-role-named-admin.positive2.json", 0, []],
  ["group-inline-policy.negative1.yaml", 1, []],
  ["group-inline-policy.negative2.json", 1, []],
  ["group-inline-policy.positive1.yaml", 1, ["no-long-lived-credentials myuser Credential::plaintext (LoginProfile.Password)", "no-wildcard-privilege myuser Action::sqs:*"]],
  ["group-inline-policy.positive2.json", 1, ["no-long-lived-credentials myuser Credential::plaintext (LoginProfile.Password)", "policy-validity myuser NotResource::myqueue.Arn", "policy-validity myuser Resource::myqueue.Arn"]],
  ["iot-policy-wildcard-action.negative1.yaml", 0, []],
  ["iot-policy-wildcard-action.negative2.json", 0, []],
  ["iot-policy-wildcard-action.positive1.yaml", 0, []],
  ["iot-policy-wildcard-action.positive2.json", 0, []],
  ["iot-policy-wildcard-resource.negative1.yaml", 0, []],
  ["iot-policy-wildcard-resource.negative2.json", 0, []],
  ["iot-policy-wildcard-resource.positive1.yaml", 0, []],
  ["iot-policy-wildcard-resource.positive2.json", 0, []],
  ["kms-key-policy-any-principal.negative1.yaml", 1, ["restrict-trust myKey Account::111122223333", "restrict-trust myKey Account::123456789012", "restrict-trust myKey Account::123456789012"]],
  ["kms-key-policy-any-principal.negative2.json", 1, ["restrict-trust myKey Account::111122223333", "restrict-trust myKey Account::123456789012", "restrict-trust myKey Account::123456789012"]],
  ["kms-key-policy-any-principal.positive1.yaml", 1, ["restrict-trust myKey Account::123456789012", "restrict-trust myKey Account::123456789012", "restrict-trust myKey Principal::*"]],
  ["kms-key-policy-any-principal.positive2.json", 1, ["restrict-trust myKey Account::123456789012", "restrict-trust myKey Account::123456789012", "restrict-trust myKey Principal::*"]],
  ["kms-key-policy-full-permissions.negative.json", 1, ["restrict-trust RSASigningKey Account::111122223333"]],
  ["kms-key-policy-full-permissions.negative.yaml", 1, ["restrict-trust RSASigningKey Account::111122223333"]],
  ["kms-key-policy-full-permissions.positive.json", 1, ["restrict-trust RSASigningKey Principal::*"]],
  ["kms-key-policy-full-permissions.positive.yaml", 1, ["restrict-trust RSASigningKey Principal::*"]],
  ["kms-key-policy-full-permissions.positive2.json", 0, []],
  ["kms-key-policy-full-permissions.positive2.yaml", 0, []],
  ["lambda-environment-long-number.negative1.yaml", 0, []],
  ["lambda-environment-long-number.negative2.json", 0, []],
  ["lambda-environment-long-number.positive1.yaml", 0, []],
  ["lambda-environment-long-number.positive2.yaml", 0, []],
  ["lambda-environment-long-number.positive3.json", 0, []],
  ["lambda-environment-long-number.positive4.json", 0, []],
  ["lambda-permission-any-principal.negative1.yaml", 0, []],
  ["lambda-permission-any-principal.negative2.json", 0, []],
  ["lambda-permission-any-principal.positive1.yaml", 0, []],
  ["lambda-permission-any-principal.positive2.json", 1, ["restrict-trust s3Permission Principal::*"]],
  ["lambda-role-wildcard-action.negative1.yaml", 1, []],
  ["lambda-role-wildcard-action.negative2.json", 1, []],
  ["lambda-role-wildcard-action.positive1.yaml", 1, ["no-unseen-content AllSecurityGroups Unseen::AppendItemToListFunction pending", "no-wildcard-privilege LambdaExecutionRole Action::*"]],
  ["lambda-role-wildcard-action.positive2.json", 1, ["no-wildcard-privilege LambdaExecutionRole Action::*"]],
  ["login-profile-password.negative1.yaml", 1, ["no-long-lived-credentials myTopuser Credential::aws-login-profile", "no-wildcard-privilege myTopuser Action::sqs:*"]],
  ["login-profile-password.negative2.yaml", 1, ["no-long-lived-credentials myNewuser Credential::aws-login-profile", "no-wildcard-privilege myNewuser Action::sqs:*"]],
  ["login-profile-password.negative3.json", 1, ["no-long-lived-credentials myTopuser Credential::aws-login-profile", "policy-validity myTopuser NotResource::myqueue.Arn", "policy-validity myTopuser Resource::myqueue.Arn"]],
  ["login-profile-password.negative4.json", 1, ["no-long-lived-credentials myNewuser Credential::aws-login-profile", "policy-validity myNewuser NotResource::myqueue.Arn", "policy-validity myNewuser Resource::myqueue.Arn"]],
  ["login-profile-password.positive1.yaml", 1, ["no-long-lived-credentials myuser Credential::aws-login-profile", "no-long-lived-credentials myuser Credential::plaintext (LoginProfile.Password)", "no-wildcard-privilege myuser Action::sqs:*"]],
  ["login-profile-password.positive2.json", 1, ["no-long-lived-credentials myuser Credential::aws-login-profile", "no-long-lived-credentials myuser Credential::plaintext (LoginProfile.Password)", "policy-validity myuser NotResource::myqueue.Arn", "policy-validity myuser Resource::myqueue.Arn"]],
  ["managed-policy-on-user.negative1.yaml", 0, []],
  ["managed-policy-on-user.negative2.json", 0, []],
  ["managed-policy-on-user.positive1.yaml", 0, []],
  ["managed-policy-on-user.positive2.json", 0, []],
  ["microsoft-ad-password.negative1.yaml", 0, []],
  ["microsoft-ad-password.negative2.yaml", 0, []],
  ["microsoft-ad-password.negative3.yaml", 1, ["secret-rotation MyAmpAppSecretManagerRotater Rotation::none"]],
  ["microsoft-ad-password.negative4.json", 1, ["no-long-lived-credentials NewAmpApp-1 Credential::plaintext (Password)"]],
  ["microsoft-ad-password.negative5.json", 1, ["no-long-lived-credentials NewAmpApp-1 Credential::plaintext (Password)"]],
  ["microsoft-ad-password.negative6.json", 1, ["secret-rotation MyAmpAppSecretManagerRotater Rotation::none"]],
  ["microsoft-ad-password.positive1.yaml", 1, ["no-long-lived-credentials NewAmpApp-2 Credential::plaintext (Password)"]],
  ["microsoft-ad-password.positive2.yaml", 1, ["no-long-lived-credentials NewAmpApp Credential::plaintext (Password)"]],
  ["microsoft-ad-password.positive3.yaml", 1, ["no-long-lived-credentials NewAmpApp-1 Credential::plaintext (Password (the Default of parameter ParentMasterPassword))"]],
  ["microsoft-ad-password.positive4.json", 1, ["no-long-lived-credentials NewAmpApp-2 Credential::plaintext (Password)"]],
  ["microsoft-ad-password.positive5.json", 1, ["no-long-lived-credentials NewAmpApp Credential::plaintext (Password)"]],
  ["microsoft-ad-password.positive6.json", 1, ["no-long-lived-credentials NewAmpApp-1 Credential::plaintext (Password)"]],
  ["policy-assume-role-any-resource.negative1.yaml", 0, []],
  ["policy-assume-role-any-resource.negative2.json", 0, []],
  ["policy-assume-role-any-resource.positive1.yaml", 1, ["no-privilege-escalation mypolicy Path::assume-any-role", "no-wildcard-privilege mypolicy Resource::*"]],
  ["policy-assume-role-any-resource.positive2.json", 1, ["no-privilege-escalation mypolicy Path::assume-any-role", "no-wildcard-privilege mypolicy Resource::*"]],
  ["policy-attached-to-user.negative1.yaml", 1, ["no-long-lived-credentials myuser Credential::aws-login-profile", "no-long-lived-credentials myuser Credential::plaintext (LoginProfile.Password)"]],
  ["policy-attached-to-user.negative2.json", 1, ["no-long-lived-credentials myuser Credential::aws-login-profile", "no-long-lived-credentials myuser Credential::plaintext (LoginProfile.Password)"]],
  ["policy-attached-to-user.positive1.yaml", 1, ["no-long-lived-credentials myuser Credential::aws-login-profile", "no-long-lived-credentials myuser Credential::plaintext (LoginProfile.Password)", "no-wildcard-privilege myuser Action::sqs:*"]],
  ["policy-attached-to-user.positive2.json", 1, ["no-long-lived-credentials myuser Credential::aws-login-profile", "no-long-lived-credentials myuser Credential::plaintext (LoginProfile.Password)", "policy-validity myuser NotResource::myqueue.Arn", "policy-validity myuser Resource::myqueue.Arn"]],
  ["policy-full-privileges.negative1.yaml", 0, []],
  ["policy-full-privileges.negative2.json", 0, []],
  ["policy-full-privileges.positive1.yaml", 1, ["no-privilege-escalation mypolicy Path::*", "no-wildcard-privilege mypolicy Action::*", "no-wildcard-privilege mypolicy2 Action::*"]],
  ["policy-full-privileges.positive2.json", 1, ["no-privilege-escalation mypolicy Path::*", "no-privilege-escalation mypolicy Path::*", "no-wildcard-privilege mypolicy Action::*", "no-wildcard-privilege mypolicy Action::*", "no-wildcard-privilege mypolicy2 Action::*", "no-wildcard-privilege mypolicy2 Action::*"]],
  ["policy-grants-full-permissions.negative1.yaml", 0, []],
  ["policy-grants-full-permissions.negative2.json", 0, []],
  ["policy-grants-full-permissions.negative3.yaml", 0, []],
  ["policy-grants-full-permissions.positive1.yaml", 1, ["no-privilege-escalation mypolicy Path::*", "no-wildcard-privilege mypolicy Action::*", "no-wildcard-privilege mypolicy2 Action::*"]],
  ["policy-grants-full-permissions.positive2.json", 1, ["no-privilege-escalation mypolicy2 Path::*", "no-privilege-escalation mypolicy2 Path::*", "no-wildcard-privilege mypolicy Action::*", "no-wildcard-privilege mypolicy Action::*", "no-wildcard-privilege mypolicy2 Action::*", "no-wildcard-privilege mypolicy2 Action::*"]],
  ["policy-on-user.negative1.yaml", 0, []],
  ["policy-on-user.negative2.json", 0, []],
  ["policy-on-user.positive1.yaml", 0, []],
  ["policy-on-user.positive2.json", 0, []],
  ["secret-without-kms-key.negative1.yaml", 1, ["no-long-lived-credentials SecretsManagerSecret Secret::plaintext-value", "secret-rotation SecretsManagerSecret Rotation::none"]],
  ["secret-without-kms-key.negative2.json", 1, ["no-long-lived-credentials SecretsManagerSecret Secret::plaintext-value", "secret-rotation SecretsManagerSecret Rotation::none"]],
  ["secret-without-kms-key.positive1.yaml", 1, ["no-long-lived-credentials SecretsManagerSecret Secret::plaintext-value", "secret-rotation SecretsManagerSecret Rotation::none"]],
  ["secret-without-kms-key.positive2.json", 1, ["no-long-lived-credentials SecretsManagerSecret Secret::plaintext-value", "secret-rotation SecretsManagerSecret Rotation::none"]],
  ["simple-ad-password.negative1.yaml", 0, []],
  ["simple-ad-password.negative2.yaml", 0, []],
  ["simple-ad-password.negative3.yaml", 1, ["secret-rotation MyAmpAppSecretManagerRotater Rotation::none"]],
  ["simple-ad-password.negative4.json", 1, ["no-long-lived-credentials NewAmpApp1 Credential::plaintext (Password)"]],
  ["simple-ad-password.negative5.json", 1, ["no-long-lived-credentials NewAmpApp2 Credential::plaintext (Password)"]],
  ["simple-ad-password.negative6.json", 1, ["secret-rotation MyAmpAppSecretManagerRotater Rotation::none"]],
  ["simple-ad-password.positive1.yaml", 1, ["no-long-lived-credentials NewAmpApp4 Credential::plaintext (Password)"]],
  ["simple-ad-password.positive2.yaml", 1, ["no-long-lived-credentials NewAmpApp5 Credential::plaintext (Password)"]],
  ["simple-ad-password.positive3.yaml", 1, ["no-long-lived-credentials NewAmpApp6 Credential::plaintext (Password (the Default of parameter ParentMasterPassword))"]],
  ["simple-ad-password.positive4.json", 1, ["no-long-lived-credentials NewAmpApp4 Credential::plaintext (Password)"]],
  ["simple-ad-password.positive5.json", 1, ["no-long-lived-credentials NewAmpApp5 Credential::plaintext (Password)"]],
  ["simple-ad-password.positive6.json", 1, ["no-long-lived-credentials NewAmpApp6 Credential::plaintext (Password)"]],
  ["sns-topic-policy-any-principal.negative1.yaml", 1, ["restrict-trust snsPolicy - pending"]],
  ["sns-topic-policy-any-principal.negative2.json", 1, ["restrict-trust mysnspolicy0 - pending"]],
  ["sns-topic-policy-any-principal.positive1.yaml", 1, ["restrict-trust snsPolicy Principal::*"]],
  ["sns-topic-policy-any-principal.positive2.json", 1, ["restrict-trust mysnspolicy0 Principal::*"]],
  ["sqs-queue-policy-any-principal.negative1.yaml", 1, ["restrict-trust SampleSQSPolicy Account::111122223333", "restrict-trust SampleSQSPolicy Principal::*"]],
  ["sqs-queue-policy-any-principal.negative2.yaml", 1, ["restrict-trust SampleSQSPolicy2 Account::111122223333"]],
  ["sqs-queue-policy-any-principal.negative3.yaml", 0, []],
  ["sqs-queue-policy-any-principal.negative4.json", 1, ["restrict-trust SampleSQSPolicy Account::111122223333", "restrict-trust SampleSQSPolicy Principal::*"]],
  ["sqs-queue-policy-any-principal.negative5.json", 1, ["restrict-trust SampleSQSPolicy2 Account::111122223333"]],
  ["sqs-queue-policy-any-principal.negative6.json", 0, []],
  ["sqs-queue-policy-any-principal.positive1.yaml", 1, ["restrict-trust SampleSQSPolicy Account::111122223333", "restrict-trust SampleSQSPolicy Principal::*"]],
  ["sqs-queue-policy-any-principal.positive2.yaml", 1, ["restrict-trust SampleSQSPolicy Account::111122223333", "restrict-trust SampleSQSPolicy Principal::arn:aws:iam::437628376:*"]],
  ["sqs-queue-policy-any-principal.positive3.json", 1, ["restrict-trust SampleSQSPolicy Account::111122223333", "restrict-trust SampleSQSPolicy Principal::*"]],
  ["sqs-queue-policy-any-principal.positive4.json", 1, ["restrict-trust SampleSQSPolicy Account::111122223333", "restrict-trust SampleSQSPolicy Principal::arn:aws:iam::437628376:*"]],
  ["trust-malformed-root-principal.negative1.yaml", 1, []],
  ["trust-malformed-root-principal.negative2.json", 1, []],
  ["trust-malformed-root-principal.positive1.yaml", 1, ["restrict-trust RootRole Principal::arn:aws:iam::root"]],
  ["trust-malformed-root-principal.positive2.json", 1, ["restrict-trust RootRole Principal::arn:aws:iam::root"]],
  ["user-data-private-key.negative.json", 0, []],
  ["user-data-private-key.negative.yaml", 0, []],
  ["user-data-private-key.positive.json", 1, ["no-long-lived-credentials myLaunchConfig3 Credential::plaintext (UserData)"]],
  ["user-data-private-key.positive.yaml", 1, ["no-long-lived-credentials myLaunchConfig4 Credential::plaintext (UserData)"]],
  ["user-two-access-keys.negative1.yaml", 1, ["no-long-lived-credentials firstKey Credential::aws-access-key", "no-long-lived-credentials myuser Credential::aws-login-profile", "no-long-lived-credentials myuser Credential::plaintext (LoginProfile.Password)"]],
  ["user-two-access-keys.negative2.json", 1, ["no-long-lived-credentials firstKey Credential::aws-access-key", "no-long-lived-credentials myuser Credential::aws-login-profile", "no-long-lived-credentials myuser Credential::plaintext (LoginProfile.Password)"]],
  ["user-two-access-keys.positive1.yaml", 1, ["no-long-lived-credentials firstKey Credential::aws-access-key", "no-long-lived-credentials myuser Credential::aws-login-profile", "no-long-lived-credentials myuser Credential::plaintext (LoginProfile.Password)", "no-long-lived-credentials secondKey Credential::aws-access-key"]],
  ["user-two-access-keys.positive2.json", 1, ["no-long-lived-credentials firstKey Credential::aws-access-key", "no-long-lived-credentials myuser Credential::aws-login-profile", "no-long-lived-credentials myuser Credential::plaintext (LoginProfile.Password)", "no-long-lived-credentials secondKey Credential::aws-access-key"]],
];

const AT_DEPLOY = 'CloudFormation refuses it';
/** JSON negatives that write the parameter's name where their YAML twin writes `Ref`: that name is the literal value deployed. */
const NAME_AS_VALUE =
  "KICS's JSON negative writes the parameter's name as a string where its YAML twin has a Ref, so that name is the " +
  'value deployed: a literal credential';
const GENERATED_SECRET =
  'a Secrets Manager secret the template generates (GenerateSecretString) with no rotation schedule: secret-rotation';
const NO_CATALOG_ACCOUNT =
  'another account is allowed, and without a catalog no account can be checked against trusted accounts (restrict-trust ' +
  'Account::<id>, passed by a catalog that lists it under trust.accounts)';
const NO_KEY_POLICY =
  "a key without KeyPolicy gets the default key policy: kms:* for the own account's root, which leaves access to the " +
  "account's IAM policies; nothing is public or cross-account";
const LITERAL_OAUTH = "the app's OauthToken is the literal String (the docs' placeholder), which the app deploys with as its token";

/**
 * Why KICS's verdict and this one differ, by the file's name before its number (`policy-on-user.positive`) or by the
 * whole name. "Outside" says what this product does not claim to check; every other reason is about what the template
 * plans.
 */
const WHY: Record<string, string> = {
  // KICS reports, nothing here.
  'cfn-init-authentication-credentials.positive':
    'outside: no credential value is written in the template; the S3 block takes an access key by Ref and GetAtt of ' +
    'CfnKeys and the basic block a password by Ref of a parameter, none of which the template defines, so ' +
    `${AT_DEPLOY} (an AWS::IAM::AccessKey in the template is no-long-lived-credentials' finding wherever its secret goes)`,
  'config-rule-access-keys-rotated.positive':
    "outside: an AWS Config rule's maxAccessKeyAge is monitoring of keys made elsewhere, no identity or credential of the change",
  'ecs-service-role-named-admin.positive':
    'outside: the service names a role by the string AdminRole, which the change does not define; what it grants is ' +
    'judged where it is defined, and a name is no evidence of privilege',
  'iot-policy-wildcard-action.positive':
    "outside: an IoT Core policy authorizes devices' certificates on IoT's own data plane (connect, publish, shadows), " +
    'not AWS identities; this product does not model IoT policies',
  'iot-policy-wildcard-resource.positive':
    "outside: an IoT Core policy authorizes devices' certificates on IoT's own data plane, not AWS identities; this " +
    'product does not model IoT policies',
  'kms-key-policy-full-permissions.positive2.json': NO_KEY_POLICY,
  'kms-key-policy-full-permissions.positive2.yaml': NO_KEY_POLICY,
  'lambda-environment-long-number.positive':
    'the variable foo holds a run of digits ending in $: no documented credential format, and its name says no secret ' +
    "(KICS matches any 40 characters; an AWS secret key is 40 base64 characters, and this has 41)",
  'lambda-permission-any-principal.positive1.yaml':
    "Principal '*' with SourceAccount (the own account) and SourceArn (the template's bucket): only S3 acting for that " +
    'bucket may invoke the function',
  'managed-policy-on-user.positive':
    'the policy has no statement and grants nothing; attaching policies to users rather than groups is hygiene, outside ' +
    'what this product checks',
  'policy-on-user.positive':
    'the policy has no statement and grants nothing; attaching policies to users rather than groups is hygiene, outside ' +
    'what this product checks',
  // KICS passes, something here.
  'access-key-for-user-named-root.negative':
    'an access key is a long-lived credential whoever holds it (KICS passes it for a user not named Root)',
  'alexa-skill-client-secret.negative':
    "the client secret is kept in a secret store, but the refresh token is written out (KICS's refresh_token_is_exposed reports it)",
  'alexa-skill-refresh-token.negative':
    "the refresh token is kept in a secret store, but the client secret is written out (KICS's alexa_skill_plaintext_client_secret_exposed reports it)",
  'amplify-app-access-token.negative1.yaml': `${LITERAL_OAUTH}; and ${GENERATED_SECRET}`,
  'amplify-app-access-token.negative2.yaml': LITERAL_OAUTH,
  'amplify-app-access-token.negative3.yaml': LITERAL_OAUTH,
  'amplify-app-access-token.negative4.json': `${LITERAL_OAUTH}; and ${GENERATED_SECRET}`,
  'amplify-app-access-token.negative5.json': `${NAME_AS_VALUE} (AccessToken); and ${LITERAL_OAUTH}`,
  'amplify-app-access-token.negative6.json': `${NAME_AS_VALUE} (AccessToken); and ${LITERAL_OAUTH}`,
  'amplify-app-basic-auth-password.negative1.yaml': `${LITERAL_OAUTH}; and ${GENERATED_SECRET}`,
  'amplify-app-basic-auth-password.negative2.yaml': LITERAL_OAUTH,
  'amplify-app-basic-auth-password.negative3.yaml': LITERAL_OAUTH,
  'amplify-app-basic-auth-password.negative4.json': `${LITERAL_OAUTH}; and ${GENERATED_SECRET}`,
  'amplify-app-basic-auth-password.negative5.json': `${NAME_AS_VALUE} (BasicAuthConfig.Password); and ${LITERAL_OAUTH}`,
  'amplify-app-basic-auth-password.negative6.json': `${NAME_AS_VALUE} (BasicAuthConfig.Password); and ${LITERAL_OAUTH}`,
  'amplify-app-oauth-token.negative1.yaml': GENERATED_SECRET,
  'amplify-app-oauth-token.negative4.json': GENERATED_SECRET,
  'amplify-app-oauth-token.negative5.json': `${NAME_AS_VALUE} (OauthToken)`,
  'amplify-app-oauth-token.negative6.json': `${NAME_AS_VALUE} (OauthToken)`,
  'amplify-branch-basic-auth-password.negative1.yaml': `the branch's app: ${LITERAL_OAUTH}; and ${GENERATED_SECRET}`,
  'amplify-branch-basic-auth-password.negative4.json': `the branch's app: ${LITERAL_OAUTH}; and ${GENERATED_SECRET}`,
  'amplify-branch-basic-auth-password.negative5.json': `${NAME_AS_VALUE} (BasicAuthConfig.Password)`,
  'amplify-branch-basic-auth-password.negative6.json': `${NAME_AS_VALUE} (BasicAuthConfig.Password)`,
  'bucket-policy-any-principal.negative': NO_CATALOG_ACCOUNT,
  'cross-account-trust-without-external-id.negative':
    `the trust requires an ExternalId or MFA, as KICS asks, but ${NO_CATALOG_ACCOUNT}`,
  'dms-endpoint-mongodb-password.negative3.yaml': `${GENERATED_SECRET} (two secrets)`,
  'dms-endpoint-mongodb-password.negative4.json': `${NAME_AS_VALUE} (Password, MongoDbSettings.Password)`,
  'dms-endpoint-mongodb-password.negative5.json': `${NAME_AS_VALUE} (Password, MongoDbSettings.Password)`,
  'dms-endpoint-mongodb-password.negative6.json': `${GENERATED_SECRET} (two secrets)`,
  'dms-endpoint-password.negative3.yaml': GENERATED_SECRET,
  'dms-endpoint-password.negative4.json': `${NAME_AS_VALUE} (Password)`,
  'dms-endpoint-password.negative5.json': `${NAME_AS_VALUE} (Password)`,
  'dms-endpoint-password.negative6.json': GENERATED_SECRET,
  'docdb-master-password.negative3.yaml': GENERATED_SECRET,
  'docdb-master-password.negative4.yaml': `an Amplify app (KICS's copy of another query's fixture): ${LITERAL_OAUTH}`,
  'docdb-master-password.negative5.yaml': `an Amplify app (KICS's copy of another query's fixture): ${LITERAL_OAUTH}`,
  'docdb-master-password.negative6.json': `${NAME_AS_VALUE} (MasterUserPassword)`,
  'docdb-master-password.negative7.json': `${NAME_AS_VALUE} (MasterUserPassword)`,
  'docdb-master-password.negative8.json': GENERATED_SECRET,
  'docdb-master-password.negative9.json': `an Amplify app: ${NAME_AS_VALUE} (AccessToken); and ${LITERAL_OAUTH}`,
  'docdb-master-password.negative10.json': `an Amplify app: ${NAME_AS_VALUE} (AccessToken); and ${LITERAL_OAUTH}`,
  'ecr-repository-policy-any-principal.negative': NO_CATALOG_ACCOUNT,
  'ecs-service-inline-policy.negative':
    'a policy of Action "*" on Resource "*" is administrator access wherever it is attached (KICS passes it for being no ECS service\'s)',
  'kms-key-policy-any-principal.negative': NO_CATALOG_ACCOUNT,
  'kms-key-policy-full-permissions.negative': NO_CATALOG_ACCOUNT,
  'login-profile-password.negative':
    'the password is a NoEcho parameter, as KICS asks, but a console password on an identity of no declared class, and ' +
    'sqs:* on a queue (reaching sqs:AddPermission), are findings of their own',
  'microsoft-ad-password.negative3.yaml': GENERATED_SECRET,
  'microsoft-ad-password.negative4.json': `${NAME_AS_VALUE} (Password)`,
  'microsoft-ad-password.negative5.json': `${NAME_AS_VALUE} (Password)`,
  'microsoft-ad-password.negative6.json': GENERATED_SECRET,
  'policy-attached-to-user.negative':
    "no policy on the user, as KICS asks, but its console password is written in the template and it is an identity " +
    'of no declared class',
  'secret-without-kms-key.negative':
    'a KMS key is named, as KICS asks, but the SecretString is written in the template, and nothing rotates it',
  'simple-ad-password.negative3.yaml': GENERATED_SECRET,
  'simple-ad-password.negative4.json': `${NAME_AS_VALUE} (Password)`,
  'simple-ad-password.negative5.json': `${NAME_AS_VALUE} (Password)`,
  'simple-ad-password.negative6.json': GENERATED_SECRET,
  'sns-topic-policy-any-principal.negative':
    'Principal is the string otherPrincipal, neither "*" nor an object: SNS refuses the policy, and who may use the ' +
    'topic cannot be read, so it is said (pending), not passed',
  'sqs-queue-policy-any-principal.negative1.yaml':
    'Principal AWS lists "*" beside an account: the queue is open to anyone (KICS looks only for SQS:* actions)',
  'sqs-queue-policy-any-principal.negative2.yaml': NO_CATALOG_ACCOUNT,
  'sqs-queue-policy-any-principal.negative4.json':
    'Principal AWS lists "*" beside an account: the queue is open to anyone (KICS looks only for SQS:* actions)',
  'sqs-queue-policy-any-principal.negative5.json': NO_CATALOG_ACCOUNT,
  'user-two-access-keys.negative':
    'one access key is still a long-lived credential, and the user has a console password written in the template',
};

/** The WHY of a file: by its whole name, else by its name up to its number. */
function whyOf(file: string): string | undefined {
  return WHY[file] ?? WHY[file.replace(/\d*\.(json|ya?ml)$/, '')];
}

describe("KICS's CloudFormation identity, privilege, trust and secret fixtures: a peer's verdicts", () => {
  const checks = checkEachTemplate(CORPUS);

  it(`reads all ${FILES.length} files; none exits 2`, () => {
    expect([...checks.keys()]).toEqual(FILES.map(([file]) => file));
    for (const [file, result] of checks) expect(result.errors, file).toEqual([]);
  });

  it.each(FILES)('%s exits %i with exactly these content findings', (file, exit, here) => {
    const result = checks.get(file);
    expect(result?.exitCode).toBe(exit);
    const findings = (result?.result?.findings ?? []).filter((f) => !CATALOG_RULES.has(f.ruleId));
    expect(findings.map(rowOf).sort()).toEqual(here);
    for (const finding of findings) expect(finding.level, rowOf(finding)).toBe('mandatory');
    // A verdict that differs from KICS's says why; one that agrees says nothing.
    const kicsReports = /\.positive\d*\./.test(file);
    expect(whyOf(file) !== undefined, `why for ${file}`).toBe(kicsReports === (here.length === 0));
  });

  it('agrees with KICS on 168 of the 269 verdicts; every difference says why', () => {
    const agreed = FILES.filter(([file, , here]) => /\.positive\d*\./.test(file) === here.length > 0);
    expect([FILES.length, agreed.length]).toEqual([269, 168]);
  });

  it('gives exactly the snapshot verdicts and content findings (rule level resource identity detail)', async () => {
    await expect(snapshotOf(checks, CORPUS)).toMatchFileSnapshot('__snapshots__/kics-cloudformation-corpus.txt');
  });
});
