import { describe, expect, it } from 'vitest';
import { modelFromTemplates } from '../../src/adapters/cloudformation/index.js';
import { parseManifests } from '../../src/adapters/kubernetes/load.js';
import { modelFromKubernetesObjects } from '../../src/adapters/kubernetes/to-model.js';
import { PROGRAM_VALUE_ADVICE } from '../../src/adapters/pulumi/dispatch.js';
import { runRules } from '../../src/engine/evaluate.js';
import { evaluate } from '../../src/engine/index.js';
import rule from '../../src/rules/no-long-lived-credentials.js';
import {
  unknownValue,
  type Credential,
  type CredentialKind,
  type Maybe,
  type SharedKeyAccess,
} from '../../src/model/model.js';
import { catalog, identity, model, ref, role, secret, user } from '../support/builders.js';
import { ruleTester } from '../support/rule-tester.js';

const SERVICE = { 'identity-class': 'service' };
const WORKLOAD = { 'identity-class': 'workload' };
const HUMAN = { 'identity-class': 'human' };

function azureCredential(kind: CredentialKind, name: string, expiresAt?: Maybe<string>): Credential {
  const type =
    kind === 'azure-certificate'
      ? 'azuread:index/servicePrincipalCertificate:ServicePrincipalCertificate'
      : 'azuread:index/servicePrincipalPassword:ServicePrincipalPassword';
  return { kind, source: ref(type, name), ...(expiresAt !== undefined ? { expiresAt } : {}) };
}

const storageKeys = (name: string, reason: SharedKeyAccess['reason']): SharedKeyAccess => ({
  cloud: 'azure',
  kind: 'azure-storage-account',
  source: ref('azure-native:storage:StorageAccount', name),
  name,
  reason,
  setting: 'allowSharedKeyAccess',
  offValue: false,
});

const servicePrincipal = (tags: Record<string, string>, credentials: Credential[]) =>
  identity('azure-service-principal', 'PaymentsSp', { tags, credentials });

ruleTester(rule, {
  valid: [
    {
      name: 'an identity with no credentials at all',
      model: model({ identities: [role('AppRole', { tags: WORKLOAD })] }),
    },
    {
      name: 'a federated credential (GitHub Actions OIDC) is temporary by design',
      model: model({
        identities: [
          role('DeployRole', {
            tags: WORKLOAD,
            credentials: [
              {
                kind: 'federated',
                source: ref('AWS::IAM::Role', 'DeployRole'),
                issuer: 'token.actions.githubusercontent.com',
                subject: 'repo:example/app:ref:refs/heads/main',
              },
            ],
          }),
        ],
      }),
    },
    {
      name: 'a console password on a human user is left to human-federated',
      model: model({ identities: [user('alice', { tags: HUMAN, credentials: ['aws-login-profile'] })] }),
    },
    {
      name: 'a service principal client secret ending within the service class 90 days',
      model: model({
        identities: [
          servicePrincipal(SERVICE, [azureCredential('azure-client-secret', 'PaymentsSpPassword', '2027-02-20')]),
        ],
      }),
    },
    {
      name: 'a certificate ending within the limit, for a class the catalog allows certificates',
      catalog: (() => {
        const base = catalog();
        return catalog({
          classes: {
            ...base.classes,
            service: { ...base.classes.service, credentials: [...base.classes.service.credentials, 'certificate'] },
          },
        });
      })(),
      model: model({
        identities: [
          servicePrincipal(SERVICE, [azureCredential('azure-certificate', 'PaymentsSpCert', '2027-01-31T00:00:00Z')]),
        ],
      }),
    },
    {
      name: 'a model without storage accounts whose keys work (an account with Shared Key off records none)',
      model: model({ sharedKeys: [] }),
    },
    {
      name: 'Checkov CKV_AWS_41/45/46 pass when no secret value is written in source: a generated Secrets Manager value',
      model: model({ secrets: [secret('DbPassword', { plaintextValue: false, rotationDays: 30 })] }),
    },
  ],
  invalid: [
    {
      name: 'an AWS::IAM::AccessKey for a service user',
      model: model({ identities: [user('ci-deployer', { tags: SERVICE, credentials: ['aws-access-key'] })] }),
      findings: [
        {
          resource: 'ci-deployerCredential',
          identity: 'TestStack/ci-deployer',
          detail: 'Credential::aws-access-key',
          message:
            'AWS access key ci-deployerCredential for ci-deployer is a long-lived secret: it stays valid until someone deletes it. ' +
            'Remove the key and let the caller assume an IAM role (instance profile, task role, OIDC federation) for temporary credentials.',
        },
      ],
    },
    {
      name: 'an access key is reported on a human user too (keys outlive sessions whoever holds them)',
      model: model({ identities: [user('alice', { tags: HUMAN, credentials: ['aws-access-key'] })] }),
      findings: [
        {
          resource: 'aliceCredential',
          identity: 'TestStack/alice',
          detail: 'Credential::aws-access-key',
          message:
            'AWS access key aliceCredential for alice is a long-lived secret: it stays valid until someone deletes it. ' +
            'Remove the key and let the caller assume an IAM role (instance profile, task role, OIDC federation) for temporary credentials.',
        },
      ],
    },
    {
      name: 'a CodeCommit service-specific credential',
      model: model({
        identities: [user('git-bot', { tags: SERVICE, credentials: ['aws-service-specific-credential'] })],
      }),
      findings: [
        {
          resource: 'git-botCredential',
          identity: 'TestStack/git-bot',
          detail: 'Credential::aws-service-specific-credential',
          message:
            'Service-specific credential git-botCredential for git-bot is a static password that never expires. ' +
            'Remove it and sign requests with temporary role credentials instead (for CodeCommit: git-remote-codecommit).',
        },
      ],
    },
    {
      name: 'an IAM user SSH public key (CodeCommit over SSH)',
      model: model({ identities: [user('git-mirror', { tags: SERVICE, credentials: ['aws-ssh-public-key'] })] }),
      findings: [
        {
          resource: 'git-mirrorCredential',
          identity: 'TestStack/git-mirror',
          detail: 'Credential::aws-ssh-public-key',
          message:
            'SSH public key git-mirrorCredential for git-mirror lets whoever holds its private key use CodeCommit as the user until someone deletes it. ' +
            'Remove it and reach CodeCommit over HTTPS with temporary role credentials (git-remote-codecommit).',
        },
      ],
    },
    {
      name: 'an IAM user signing certificate',
      model: model({ identities: [user('soap-client', { tags: SERVICE, credentials: ['aws-signing-certificate'] })] }),
      findings: [
        {
          resource: 'soap-clientCredential',
          identity: 'TestStack/soap-client',
          detail: 'Credential::aws-signing-certificate',
          message:
            'Signing certificate soap-clientCredential for soap-client lets whoever holds its private key sign requests to AWS as the user until someone deletes it. ' +
            'Remove it and call AWS with temporary credentials from an IAM role.',
        },
      ],
    },
    {
      name: 'a console password on a user without a declared class counts as non-human',
      model: model({ identities: [user('reporting', { credentials: ['aws-login-profile'] })] }),
      findings: [
        {
          resource: 'reportingCredential',
          identity: 'TestStack/reporting',
          detail: 'Credential::aws-login-profile',
          message:
            'Console password reportingCredential on reporting (no declared class): a non-human identity must not hold a password. ' +
            'Remove the login profile; people sign in through federation, workloads assume roles.',
        },
      ],
    },
    {
      name: 'a console password on a workload user',
      model: model({ identities: [user('etl', { tags: WORKLOAD, credentials: ['aws-login-profile'] })] }),
      findings: [
        {
          resource: 'etlCredential',
          identity: 'TestStack/etl',
          detail: 'Credential::aws-login-profile',
          message:
            'Console password etlCredential on etl (class workload): a non-human identity must not hold a password. ' +
            'Remove the login profile; people sign in through federation, workloads assume roles.',
        },
      ],
    },
    {
      name: 'an Azure client secret without an end date',
      model: model({
        identities: [servicePrincipal(SERVICE, [azureCredential('azure-client-secret', 'PaymentsSpPassword')])],
      }),
      findings: [
        {
          resource: 'PaymentsSpPassword',
          identity: 'TestStack/PaymentsSp',
          detail: 'Credential::azure-client-secret',
          message:
            'Client secret PaymentsSpPassword on PaymentsSp has no end date, so it never expires. ' +
            'Set an end date at most 90 days ahead (class service), or use a federated credential.',
        },
      ],
    },
    {
      name: 'an Azure client secret ending beyond the class maxSecretAge',
      model: model({
        identities: [
          servicePrincipal(SERVICE, [azureCredential('azure-client-secret', 'PaymentsSpPassword', '2028-01-01')]),
        ],
      }),
      findings: [
        {
          resource: 'PaymentsSpPassword',
          identity: 'TestStack/PaymentsSp',
          detail: 'Credential::azure-client-secret',
          message:
            'Client secret PaymentsSpPassword on PaymentsSp ends 2028-01-01, 401 days from now: class service allows at most 90 days. ' +
            'Set the end date no later than 2027-02-24, or use a federated credential.',
        },
      ],
    },
    {
      name: 'an Azure client secret whose end date is a preview output is pending',
      model: model({
        identities: [
          servicePrincipal(SERVICE, [
            azureCredential(
              'azure-client-secret',
              'PaymentsSpPassword',
              unknownValue('output of time:index/rotating:Rotating'),
            ),
          ]),
        ],
      }),
      findings: [
        {
          resource: 'PaymentsSpPassword',
          identity: 'TestStack/PaymentsSp',
          detail: 'Credential::azure-client-secret',
          message:
            'Client secret PaymentsSpPassword on PaymentsSp: end date cannot be verified until apply: output of time:index/rotating:Rotating.',
          level: 'advisory',
          pending: true,
        },
      ],
    },
    {
      name: 'an Azure client secret on a workload, whose class allows only workload identity and federation',
      model: model({
        identities: [
          servicePrincipal(WORKLOAD, [azureCredential('azure-client-secret', 'PaymentsSpPassword', '2027-01-01')]),
        ],
      }),
      findings: [
        {
          resource: 'PaymentsSpPassword',
          identity: 'TestStack/PaymentsSp',
          detail: 'Credential::azure-client-secret',
          message:
            'Client secret PaymentsSpPassword on PaymentsSp: class workload does not allow secret credentials (allowed: workload-identity, federated). ' +
            'Replace it with a federated credential (workload identity federation).',
        },
      ],
    },
    {
      name: 'an Azure certificate on an identity with no class',
      model: model({
        identities: [servicePrincipal({}, [azureCredential('azure-certificate', 'PaymentsSpCert', '2027-01-01')])],
      }),
      findings: [
        {
          resource: 'PaymentsSpCert',
          identity: 'TestStack/PaymentsSp',
          detail: 'Credential::azure-certificate',
          message:
            'Certificate PaymentsSpCert on PaymentsSp: the identity declares no class, so no class allows certificate credentials for it. ' +
            'Declare its class in the catalog, or replace the certificate with a federated credential.',
        },
      ],
    },
    {
      name: 'an Azure client secret whose end date is not a date fails closed',
      model: model({
        identities: [
          servicePrincipal(SERVICE, [azureCredential('azure-client-secret', 'PaymentsSpPassword', 'next year')]),
        ],
      }),
      findings: [
        {
          resource: 'PaymentsSpPassword',
          identity: 'TestStack/PaymentsSp',
          detail: 'Credential::azure-client-secret',
          message:
            'Client secret PaymentsSpPassword on PaymentsSp has end date "next year", which is not a date. Write an ISO date (2026-12-31 or 2026-12-31T00:00:00Z).',
        },
      ],
    },
    {
      name: 'a user-managed GCP service-account key',
      model: model({
        identities: [
          identity('gcp-service-account', 'exporter', { tags: SERVICE, credentials: ['gcp-service-account-key'] }),
        ],
      }),
      findings: [
        {
          resource: 'exporterCredential',
          identity: 'TestStack/exporter',
          detail: 'Credential::gcp-service-account-key',
          message:
            'User-managed service-account key exporterCredential for exporter is a private key that stays valid until deleted. ' +
            'Remove it and use workload identity federation or service-account impersonation.',
        },
      ],
    },
    {
      name: 'a Cloud Storage HMAC key of a GCP service account',
      model: model({
        identities: [identity('gcp-service-account', 'xml-uploader', { tags: SERVICE, credentials: ['gcp-hmac-key'] })],
      }),
      findings: [
        {
          resource: 'xml-uploaderCredential',
          identity: 'TestStack/xml-uploader',
          detail: 'Credential::gcp-hmac-key',
          message:
            'Cloud Storage HMAC key xml-uploaderCredential for xml-uploader is an access id and secret that stay valid until the key is deleted. ' +
            'Remove it and call Cloud Storage with OAuth tokens from workload identity federation or service-account impersonation.',
        },
      ],
    },
    {
      name: 'an Azure storage account that leaves Shared Key to the default, one that allows it, and one known only at apply',
      model: model({
        sharedKeys: [
          storageKeys('functionsa', { kind: 'unset' }),
          storageKeys('legacyuploads', { kind: 'enabled' }),
          storageKeys('laterkeys', {
            kind: 'pending',
            what: 'laterkeys.allowSharedKeyAccess is not known until apply',
          }),
        ],
      }),
      findings: [
        {
          resource: 'functionsa',
          detail: 'SharedKey::azure-storage-account',
          level: 'mandatory',
          message:
            'Storage account functionsa allows Shared Key authorization (allowSharedKeyAccess is not set, and Azure allows it by default): ' +
            'its two account keys stay valid until someone rotates them, and a request signed with one, or a SAS token signed with one, ' +
            'is authorized without any identity. Set allowSharedKeyAccess to false and give callers an identity (a managed identity with a Storage data role).',
        },
        {
          resource: 'laterkeys',
          detail: 'SharedKey::azure-storage-account',
          level: 'advisory',
          pending: true,
          message:
            'Storage account laterkeys: whether it allows Shared Key authorization (account keys valid until rotated) cannot be verified ' +
            'until apply: laterkeys.allowSharedKeyAccess is not known until apply.',
        },
        {
          resource: 'legacyuploads',
          detail: 'SharedKey::azure-storage-account',
          level: 'mandatory',
          message:
            'Storage account legacyuploads allows Shared Key authorization (allowSharedKeyAccess: true): ' +
            'its two account keys stay valid until someone rotates them, and a request signed with one, or a SAS token signed with one, ' +
            'is authorized without any identity. Set allowSharedKeyAccess to false and give callers an identity (a managed identity with a Storage data role).',
        },
      ],
    },
    {
      name: 'a Cosmos DB account and a Service Bus namespace that keep their own keys (disableLocalAuth left out, false), one known only at apply',
      model: model({
        sharedKeys: [
          {
            cloud: 'azure',
            kind: 'azure-cosmos-db-account',
            source: ref('azure-native:cosmosdb:DatabaseAccount', 'orders-cosmos'),
            name: 'orders-cosmos',
            reason: { kind: 'unset' },
            setting: 'disableLocalAuth',
            offValue: true,
          },
          {
            cloud: 'azure',
            kind: 'azure-service-bus-namespace',
            source: ref('azure:servicebus/namespace:Namespace', 'orders-bus'),
            name: 'orders-bus',
            reason: { kind: 'enabled' },
            setting: 'localAuthEnabled',
            offValue: false,
          },
          {
            cloud: 'azure',
            kind: 'azure-cache-for-redis',
            source: ref('azure-native:redis:Redis', 'sessions'),
            name: 'sessions',
            reason: { kind: 'pending', what: 'sessions.disableAccessKeyAuthentication is not known until apply' },
            setting: 'disableAccessKeyAuthentication',
            offValue: true,
          },
        ],
      }),
      findings: [
        {
          resource: 'orders-bus',
          detail: 'SharedKey::azure-service-bus-namespace',
          level: 'mandatory',
          message:
            'Service Bus namespace orders-bus allows SAS key authorization (local authentication) (localAuthEnabled: true): ' +
            'its RootManageSharedAccessKey (Manage, Send, Listen) and every other SAS policy key stay valid until someone rotates them, ' +
            'and a SAS token signed with one is authorized without any identity. Set localAuthEnabled to false and give callers an ' +
            'identity (a managed identity with an Azure Service Bus Data role).',
        },
        {
          resource: 'orders-cosmos',
          detail: 'SharedKey::azure-cosmos-db-account',
          level: 'mandatory',
          message:
            'Cosmos DB account orders-cosmos allows key authorization (local authentication) (disableLocalAuth is not set, and Azure ' +
            'allows it by default): its primary and secondary keys, read-write and read-only, stay valid until someone rotates them, ' +
            'and a request signed with one, or a resource token made with one, is authorized without any identity. Set ' +
            'disableLocalAuth to true and give callers an identity (a managed identity with a Cosmos DB data-plane role).',
        },
        {
          resource: 'sessions',
          detail: 'SharedKey::azure-cache-for-redis',
          level: 'advisory',
          pending: true,
          message:
            'Azure Cache for Redis sessions: whether it allows access key authentication (access keys valid until rotated) cannot ' +
            'be verified until apply: sessions.disableAccessKeyAuthentication is not known until apply.',
        },
      ],
    },
    {
      name: 'a Kubernetes service-account token Secret',
      model: model({
        identities: [
          identity('k8s-service-account', 'builder', { tags: WORKLOAD, credentials: ['k8s-service-account-token'] }),
        ],
      }),
      findings: [
        {
          resource: 'builderCredential',
          identity: 'TestStack/builder',
          detail: 'Credential::k8s-service-account-token',
          message:
            'Service-account token Secret builderCredential for builder holds a token that never expires. ' +
            'Remove it and let pods use projected service-account tokens, which expire and are bound to the pod.',
        },
      ],
    },
    {
      name: 'Checkov CKV_AWS_41/45/46 fact: a secret value written in the source (a literal SecretString), with the advice of its front-end',
      model: model({
        secrets: [
          secret('ApiToken', {
            plaintextValue: true,
            rotationDays: 30,
            valueAdvice: { keepOut: 'Generate it (GenerateSecretString)' },
          }),
        ],
      }),
      findings: [
        {
          resource: 'ApiToken',
          identity: 'TestStack/ApiToken',
          detail: 'Secret::plaintext-value',
          message:
            'Secret ApiToken has its value written in the IaC source, so every copy of the code, template and state holds it. ' +
            'Generate it (GenerateSecretString), and rotate the exposed value.',
        },
      ],
    },
    {
      name: 'a secret value written in the source, from a front-end that gives no advice: advice every front-end can follow',
      model: model({ secrets: [secret('ApiToken', { plaintextValue: true, rotationDays: 30 })] }),
      findings: [
        {
          resource: 'ApiToken',
          identity: 'TestStack/ApiToken',
          detail: 'Secret::plaintext-value',
          message:
            'Secret ApiToken has its value written in the IaC source, so every copy of the code, template and state holds it. ' +
            'Generate the value at deploy time or set it out of band, and rotate the exposed value.',
        },
      ],
    },
    {
      name: 'a secret value a program sets, from a front-end that gives no advice: advisory, with advice every front-end can follow',
      model: model({ secrets: [secret('DbPassword', { valueInProgram: true, rotationDays: 30 })] }),
      findings: [
        {
          resource: 'DbPassword',
          identity: 'TestStack/DbPassword',
          detail: 'Secret::value-in-program',
          level: 'advisory',
          message:
            'Secret DbPassword gets its value from the program that declares it: either a literal in its source, which every copy of the code holds, ' +
            'or a value the front-end keeps secret, which this check cannot tell apart. Keep literals out of the source: a generated value, or set it out of band.',
        },
      ],
    },
    {
      name: 'a secret value a Pulumi program sets (literal or stack config, which the pack cannot tell apart): advisory whatever the rule level',
      model: model({
        secrets: [secret('DbPassword', { valueInProgram: true, rotationDays: 30, valueAdvice: PROGRAM_VALUE_ADVICE })],
      }),
      findings: [
        {
          resource: 'DbPassword',
          identity: 'TestStack/DbPassword',
          detail: 'Secret::value-in-program',
          level: 'advisory',
          message:
            'Secret DbPassword gets its value from the Pulumi program: either a literal in its source, which every copy of the code holds, ' +
            'or a stack config secret; a policy pack cannot tell which (pulumi/pulumi-policy#241). Keep literals out of the source: ' +
            '`pulumi config set --secret`, a generated value (random provider), or set it out of band.',
        },
      ],
    },
    {
      name: 'one finding per credential: a user with an access key and a console password',
      model: model({
        identities: [user('legacy-sftp-sync', { tags: SERVICE, credentials: ['aws-access-key', 'aws-login-profile'] })],
      }),
      findings: [
        {
          resource: 'legacy-sftp-syncCredential',
          identity: 'TestStack/legacy-sftp-sync',
          detail: 'Credential::aws-access-key',
          message:
            'AWS access key legacy-sftp-syncCredential for legacy-sftp-sync is a long-lived secret: it stays valid until someone deletes it. ' +
            'Remove the key and let the caller assume an IAM role (instance profile, task role, OIDC federation) for temporary credentials.',
        },
        {
          resource: 'legacy-sftp-syncCredential',
          identity: 'TestStack/legacy-sftp-sync',
          detail: 'Credential::aws-login-profile',
          message:
            'Console password legacy-sftp-syncCredential on legacy-sftp-sync (class service): a non-human identity must not hold a password. ' +
            'Remove the login profile; people sign in through federation, workloads assume roles.',
        },
      ],
    },
    {
      name: 'a valid catalog exception waives the key but keeps the finding visible',
      catalog: catalog({
        owners: [{ id: 'team-data' }],
        exceptions: [
          {
            id: 'EXC-42',
            rule: 'no-long-lived-credentials',
            target: 'legacy-sftp-sync',
            reason: 'vendor cannot federate',
            owner: 'team-data',
            approvedBy: 'security-lead@example.com',
            ticket: 'SEC-1234',
            expires: '2027-01-31',
          },
        ],
      }),
      model: model({
        identities: [user('legacy-sftp-sync', { tags: SERVICE, credentials: ['aws-access-key'], uniqueName: true })],
      }),
      findings: [
        {
          resource: 'legacy-sftp-syncCredential',
          identity: 'TestStack/legacy-sftp-sync',
          detail: 'Credential::aws-access-key',
          message:
            'AWS access key legacy-sftp-syncCredential for legacy-sftp-sync is a long-lived secret: it stays valid until someone deletes it. ' +
            'Remove the key and let the caller assume an IAM role (instance profile, task role, OIDC federation) for temporary credentials.',
          waivedBy: 'EXC-42',
        },
      ],
    },
    {
      name: "a database password written in plain configuration: its own detail, mandatory, the front-end's advice",
      model: model({
        plainCredentials: [
          {
            cloud: 'aws',
            kind: 'password',
            source: ref('AWS::RDS::DBInstance', 'Database'),
            places: ['MasterUserPassword'],
            keepOut: 'Write a dynamic reference',
          },
        ],
      }),
      findings: [
        {
          resource: 'Database',
          detail: 'Credential::plaintext',
          level: 'mandatory',
          message:
            'A password is written in the configuration of Database (MasterUserPassword): whoever may read that configuration, ' +
            'and every copy of the source, template and state, holds it, and nothing rotates it. Write a dynamic reference, and rotate the exposed value.',
        },
      ],
    },
    {
      name: "an access key and a token in one function's environment: one finding per kind, every place named, no value printed",
      model: model({
        plainCredentials: [
          {
            cloud: 'aws',
            kind: 'access-key',
            source: ref('AWS::Lambda::Function', 'Fn'),
            places: ['Environment.Variables.AWS_ACCESS_KEY_ID', 'Environment.Variables.AWS_SECRET_ACCESS_KEY'],
            keepOut: 'Remove the key and let the workload use its IAM role',
          },
          {
            cloud: 'aws',
            kind: 'token',
            source: ref('AWS::Lambda::Function', 'Fn'),
            places: ['Environment.Variables.GITHUB_TOKEN'],
            keepOut: 'Keep the value in Secrets Manager',
          },
        ],
      }),
      findings: [
        {
          resource: 'Fn',
          detail: 'Credential::plaintext',
          level: 'mandatory',
          message:
            'An API token is written in the configuration of Fn (Environment.Variables.GITHUB_TOKEN): ' +
            'whoever may read that configuration, and every copy of the source, template and state, holds it, and nothing rotates it. ' +
            'Keep the value in Secrets Manager, and rotate the exposed value.',
        },
        {
          resource: 'Fn',
          detail: 'Credential::plaintext',
          level: 'mandatory',
          message:
            'An AWS access key is written in the configuration of Fn (Environment.Variables.AWS_ACCESS_KEY_ID, Environment.Variables.AWS_SECRET_ACCESS_KEY): ' +
            'whoever may read that configuration, and every copy of the source, template and state, holds it, and nothing rotates it. ' +
            'Remove the key and let the workload use its IAM role, and rotate the exposed value.',
        },
      ],
    },
    {
      name: 'a password the program sets, where the front-end cannot tell a literal from a value it keeps secret: advisory',
      model: model({
        plainCredentials: [
          {
            cloud: 'aws',
            kind: 'password',
            source: ref('aws:rds/instance:Instance', 'db'),
            places: ['password'],
            keepOut: 'pass a generated one',
            valueInProgram: true,
          },
        ],
      }),
      findings: [
        {
          resource: 'db',
          detail: 'Credential::plaintext',
          level: 'advisory',
          message:
            'A password of db (password) gets its value from the program that declares it: either a literal in its source, ' +
            'which every copy of the code holds, or a value the front-end keeps secret, which this check cannot tell apart. ' +
            'Keep literals out of the source: pass a generated one.',
        },
      ],
    },
    {
      name: 'advice written to open a sentence (Terraform gives one advice to both messages) reads on after the colon',
      model: model({
        plainCredentials: [
          {
            cloud: 'aws',
            kind: 'password',
            source: ref('aws_db_instance', 'aws_db_instance.db'),
            places: ['password'],
            keepOut: 'Pass a generated one',
            valueInProgram: true,
          },
        ],
      }),
      findings: [
        {
          resource: 'aws_db_instance.db',
          detail: 'Credential::plaintext',
          level: 'advisory',
          message:
            'A password of aws_db_instance.db (password) gets its value from the program that declares it: either a literal in its source, ' +
            'which every copy of the code holds, or a value the front-end keeps secret, which this check cannot tell apart. ' +
            'Keep literals out of the source: pass a generated one.',
        },
      ],
    },
    {
      name: "a private key in user data and a secret under a secret's name",
      model: model({
        plainCredentials: [
          {
            cloud: 'aws',
            kind: 'private-key',
            source: ref('AWS::EC2::Instance', 'Vm'),
            places: ['UserData'],
            keepOut: 'Keep it out',
          },
          {
            cloud: 'aws',
            kind: 'secret',
            source: ref('AWS::ECS::TaskDefinition', 'Task'),
            places: ['ContainerDefinitions[web].Environment.SESSION_SECRET'],
            keepOut: 'Keep it out',
          },
        ],
      }),
      findings: [
        {
          resource: 'Task',
          detail: 'Credential::plaintext',
          message:
            'A secret value is written in the configuration of Task (ContainerDefinitions[web].Environment.SESSION_SECRET): whoever may read that configuration, ' +
            'and every copy of the source, template and state, holds it, and nothing rotates it. Keep it out, and rotate the exposed value.',
        },
        {
          resource: 'Vm',
          detail: 'Credential::plaintext',
          message:
            'A private key is written in the configuration of Vm (UserData): whoever may read that configuration, ' +
            'and every copy of the source, template and state, holds it, and nothing rotates it. Keep it out, and rotate the exposed value.',
        },
      ],
    },
  ],
});

describe('no-long-lived-credentials through the CloudFormation adapter', () => {
  it('flags the AWS::IAM::AccessKey, the console password of a non-human user (written in the template) and a literal SecretString', () => {
    const template = {
      Resources: {
        SftpUser: {
          Type: 'AWS::IAM::User',
          Properties: {
            LoginProfile: { Password: 'not-in-source' },
            Tags: [{ Key: 'identity-class', Value: 'service' }],
          },
        },
        SftpKey: { Type: 'AWS::IAM::AccessKey', Properties: { UserName: { Ref: 'SftpUser' } } },
        VendorToken: { Type: 'AWS::SecretsManager::Secret', Properties: { SecretString: 'hunter2' } },
        GeneratedPassword: {
          Type: 'AWS::SecretsManager::Secret',
          Properties: { GenerateSecretString: { PasswordLength: 32 } },
        },
      },
    };
    const findings = runRules(modelFromTemplates([{ stack: 'Sftp', template }]), [rule], {
      catalog: catalog(),
    }).findings;
    expect(findings.map((finding) => [finding.resource.name, finding.identity, finding.detail])).toEqual([
      ['SftpKey', 'Sftp/SftpUser', 'Credential::aws-access-key'],
      // The console password is written in the template too: a credential in plain configuration besides the profile.
      ['SftpUser', undefined, 'Credential::plaintext'],
      ['SftpUser', 'Sftp/SftpUser', 'Credential::aws-login-profile'],
      ['VendorToken', 'Sftp/VendorToken', 'Secret::plaintext-value'],
    ]);
  });

  it("reports a Git provider's token written in an Amplify app (OauthToken, AccessToken), not one kept in a secret or a NoEcho parameter", () => {
    // aws-cdk-examples' amplify-console-app writes `oauthToken: '<your-gitHub-oauth-token>'`, to be replaced in the code.
    const template = {
      Parameters: {
        GitToken: { Type: 'String', NoEcho: true },
        DefaultToken: { Type: 'String', NoEcho: true, Default: 'ghp_default' },
      },
      Resources: {
        Written: { Type: 'AWS::Amplify::App', Properties: { Name: 'w', OauthToken: '<your-gitHub-oauth-token>' } },
        Defaulted: { Type: 'AWS::Amplify::App', Properties: { Name: 'd', AccessToken: { Ref: 'DefaultToken' } } },
        Resolved: {
          Type: 'AWS::Amplify::App',
          Properties: { Name: 'r', AccessToken: '{{resolve:secretsmanager:github-token}}' },
        },
        Parameter: { Type: 'AWS::Amplify::App', Properties: { Name: 'p', OauthToken: { Ref: 'GitToken' } } },
        // An idempotency token is no credential, nor a token type named for its lifetime's unit.
        Idempotent: { Type: 'AWS::EC2::CapacityReservationFleet', Properties: { ClientToken: 'once' } },
        Client: {
          Type: 'AWS::Cognito::UserPoolClient',
          Properties: { UserPoolId: 'pool', TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes' } },
        },
      },
    };
    const findings = evaluate(modelFromTemplates([{ stack: 'Site', template }]), { catalog: catalog() }).findings;
    expect(findings.map((finding) => [finding.ruleId, finding.resource.name, finding.detail, finding.level])).toEqual([
      ['no-long-lived-credentials', 'Defaulted', 'Credential::plaintext', 'mandatory'],
      ['no-long-lived-credentials', 'Written', 'Credential::plaintext', 'mandatory'],
    ]);
    expect(findings.map((finding) => finding.message)).toEqual([
      'An API token is written in the configuration of Defaulted (AccessToken (the Default of parameter DefaultToken)): ' +
        'whoever may read that configuration, and every copy of the source, template and state, holds it, and nothing ' +
        'rotates it. Write a dynamic reference ({{resolve:secretsmanager:…}}) or a Ref to a NoEcho parameter without a ' +
        'Default, and rotate the exposed value.',
      'An API token is written in the configuration of Written (OauthToken): whoever may read that configuration, and every ' +
        'copy of the source, template and state, holds it, and nothing rotates it. Write a dynamic reference ' +
        '({{resolve:secretsmanager:…}}) or a Ref to a NoEcho parameter without a Default, and rotate the exposed value.',
    ]);
  });

  it("reports an OAuth client's secret and refresh token written in the template (an Alexa skill's), not ones kept in a secret store", () => {
    // KICS's alexa_skill_plaintext_client_secret_exposed and refresh_token_is_exposed fixtures (test/corpus/kics-cloudformation).
    const skill = (authentication: Record<string, unknown>) => ({
      Type: 'Alexa::ASK::Skill',
      Properties: {
        VendorId: 'v',
        SkillPackage: { S3Bucket: 'b', S3Key: 'k' },
        AuthenticationConfiguration: { ClientId: 'amzn1.application-oa2-client.1', ...authentication },
      },
    });
    const template = {
      Parameters: { Refresh: { Type: 'String', NoEcho: true } },
      Resources: {
        Written: skill({ ClientSecret: 'lwa-client-secret', RefreshToken: 'Atzr|IwEBIA' }),
        Kept: skill({
          ClientSecret: '{{resolve:secretsmanager:skill:SecretString:clientSecret}}',
          RefreshToken: { Ref: 'Refresh' },
        }),
        // Where a client secret is kept is no secret; a refresh token's lifetime is no token.
        Pointer: {
          Type: 'AWS::Events::Connection',
          Properties: { AuthorizationType: 'OAUTH_CLIENT_CREDENTIALS', ClientSecretArn: 'arn:aws:secretsmanager:x' },
        },
        Client: {
          Type: 'AWS::Cognito::UserPoolClient',
          Properties: { UserPoolId: 'pool', RefreshTokenValidity: 30, TokenValidityUnits: { RefreshToken: 'days' } },
        },
      },
    };
    const findings = evaluate(modelFromTemplates([{ stack: 'Skill', template }]), { catalog: catalog() }).findings;
    expect(findings.map((finding) => [finding.ruleId, finding.resource.name, finding.detail, finding.level])).toEqual([
      ['no-long-lived-credentials', 'Written', 'Credential::plaintext', 'mandatory'],
      ['no-long-lived-credentials', 'Written', 'Credential::plaintext', 'mandatory'],
    ]);
    expect(findings.map((finding) => finding.message)).toEqual([
      'A secret value is written in the configuration of Written (AuthenticationConfiguration.ClientSecret): whoever may ' +
        'read that configuration, and every copy of the source, template and state, holds it, and nothing rotates it. ' +
        'Write a dynamic reference ({{resolve:secretsmanager:…}}) or a Ref to a NoEcho parameter without a Default, and ' +
        'rotate the exposed value.',
      'An API token is written in the configuration of Written (AuthenticationConfiguration.RefreshToken): whoever may ' +
        'read that configuration, and every copy of the source, template and state, holds it, and nothing rotates it. ' +
        'Write a dynamic reference ({{resolve:secretsmanager:…}}) or a Ref to a NoEcho parameter without a Default, and ' +
        'rotate the exposed value.',
    ]);
  });

  it('reports a database password written in the template, and no other rule treats it as a managed secret', () => {
    const template = {
      Resources: {
        Database: {
          Type: 'AWS::RDS::DBInstance',
          Properties: { Engine: 'postgres', MasterUsername: 'admin', MasterUserPassword: 'hunter2hunter2' },
        },
      },
    };
    const findings = evaluate(modelFromTemplates([{ stack: 'Db', template }]), { catalog: catalog() }).findings;
    expect(findings.map((finding) => [finding.ruleId, finding.resource.name, finding.detail, finding.level])).toEqual([
      ['no-long-lived-credentials', 'Database', 'Credential::plaintext', 'mandatory'],
    ]);
    expect(findings[0]?.message).toBe(
      'A password is written in the configuration of Database (MasterUserPassword): whoever may read that configuration, ' +
        'and every copy of the source, template and state, holds it, and nothing rotates it. ' +
        'Write a dynamic reference ({{resolve:secretsmanager:…}}), a Ref to a NoEcho parameter without a Default, or let the ' +
        'service keep the password in Secrets Manager (ManageMasterUserPassword where the resource has it), and rotate the exposed value.',
    );
  });
});

describe('Kubernetes Secrets with literal data in a manifest', () => {
  const secrets = (manifest: string) =>
    runRules(modelFromKubernetesObjects(parseManifests(manifest, 'secrets.yaml')), [rule], {
      catalog: catalog(),
    }).findings.map((finding) => [finding.ruleId, finding.level, finding.resource.name, finding.detail]);
  const secretOf = (name: string, data: string) =>
    `apiVersion: v1\nkind: Secret\nmetadata: {name: ${name}, namespace: apps}\n${data}\n`;

  // checkov's CKV_K8S_35 fixture pod-secretEnvironment-FAILED.yaml (test/corpus/checkov-kubernetes): backend-user and
  // db-user hold user names only; until session 42 each was Secret::plaintext-value.
  it('reports a Secret whose data holds a password beside the user name, not one holding user names alone', () => {
    const manifest = [
      secretOf('backend-user', 'data: {backend-username: YmFja2VuZC1hZG1pbg==}'),
      secretOf('db-user', 'stringData: {POSTGRES_USER: app, db.user: app}'),
      secretOf('basic-auth', 'type: kubernetes.io/basic-auth\nstringData: {username: app}'),
      secretOf('test-secret', 'data: {username: bXktYXBw, password: Mzk1MjgkdmRnN0pi}'),
    ].join('---\n');
    expect(secrets(manifest)).toEqual([
      ['no-long-lived-credentials', 'mandatory', 'test-secret', 'Secret::plaintext-value'],
    ]);
  });

  it('(guard) fails closed: any key beyond user names, a credential word beside one, or data whose keys cannot be read', () => {
    const manifest = [
      secretOf('login', 'stringData: {login: app}'),
      secretOf('password-user', 'stringData: {password-user: hunter2}'),
      secretOf('token-user', 'stringData: {user_token: t0ken}'),
      secretOf('user-and-url', 'stringData: {username: app, url: "postgres://app:hunter2@db/app"}'),
      secretOf('username-then-data', 'stringData: {username: app}\ndata: {api-key: aHVudGVyMg==}'),
    ].join('---\n');
    expect(secrets(manifest)).toEqual([
      ['no-long-lived-credentials', 'mandatory', 'login', 'Secret::plaintext-value'],
      ['no-long-lived-credentials', 'mandatory', 'password-user', 'Secret::plaintext-value'],
      ['no-long-lived-credentials', 'mandatory', 'token-user', 'Secret::plaintext-value'],
      ['no-long-lived-credentials', 'mandatory', 'user-and-url', 'Secret::plaintext-value'],
      ['no-long-lived-credentials', 'mandatory', 'username-then-data', 'Secret::plaintext-value'],
    ]);
  });
});
