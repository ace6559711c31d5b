// Not cdk-nag's file: a stand-in for cdk-nag's src/rules/secretsmanager, which ../../test/rules/SecretsManager.test.ts
// imports. The rules are not run here (see ../../test/rules/utils.ts); each is its name.
export const SecretsManagerRotationEnabled = 'SecretsManagerRotationEnabled';
export const SecretsManagerUsingKMSKey = 'SecretsManagerUsingKMSKey';
