/**
 * Credentials a Pulumi program writes into AWS resources' own configuration (Model.plainCredentials), read from the
 * resources as the policy SDK and a stack export present them, and judged by no-long-lived-credentials: a password
 * the program sets is advisory (a literal or a stack config secret, which a policy pack cannot tell apart, as for a
 * secret's value), a credential in a function's or container's environment or in user data is mandatory (the cloud keeps
 * it in plain configuration whatever the program read it from).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { modelFromPulumiResources, type PulumiResource } from '../../src/adapters/pulumi/index.js';
import { AZURE_NATIVE_ADMIN_PASSWORDS, GENERATED_PASSWORD_TYPES } from '../../src/adapters/pulumi/plain-credentials.js';
import { runRules } from '../../src/engine/evaluate.js';
import { encryptedValue } from '../../src/model/model.js';
import rule from '../../src/rules/no-long-lived-credentials.js';
import { catalog } from '../support/builders.js';

const urn = (type: string, name: string) => `urn:pulumi:dev::app::${type}::${name}`;
const resource = (
  type: string,
  name: string,
  props: Record<string, unknown>,
  propertyDependencies?: Record<string, string[]>,
): PulumiResource => ({
  type,
  name,
  urn: urn(type, name),
  props,
  ...(propertyDependencies ? { propertyDependencies } : {}),
});

const KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
const SECRET_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const RANDOM = 'urn:pulumi:dev::app::random:index/randomPassword:RandomPassword::db';

function plain(resources: PulumiResource[]) {
  return (modelFromPulumiResources(resources).plainCredentials ?? []).map((credential) => [
    credential.source.name,
    credential.kind,
    credential.places,
    credential.valueInProgram ?? false,
  ]);
}

describe('Pulumi: credentials written in plain configuration', () => {
  it('a password the program sets, as a string or encrypted in a stack export; not one computed from a resource', () => {
    expect(
      plain([
        resource('aws:rds/instance:Instance', 'literal', { username: 'admin', password: 'hunter2hunter2' }),
        resource('aws:rds/cluster:Cluster', 'exported', { masterPassword: encryptedValue('exported.masterPassword') }),
        resource('aws:mq/broker:Broker', 'broker', { users: [{ username: 'mq', password: 'mq-password-1' }] }),
        resource('aws:rds/instance:Instance', 'generated', { password: 'Zq8#kL2!pX' }, { password: [RANDOM] }),
        resource('aws:rds/cluster:Cluster', 'managed', { manageMasterUserPassword: true }),
        // The provider generates these: outputs a stack export holds, never written by the program.
        resource('aws:iam/userLoginProfile:UserLoginProfile', 'console', { password: 'generated-by-aws-1' }),
      ]),
    ).toEqual([
      ['literal', 'password', ['password'], true],
      ['exported', 'password', ['masterPassword'], true],
      ['broker', 'password', ['users[0].password'], true],
    ]);
  });

  it("a function's environment, a container's environment (a JSON string) and user data, base64 or not", () => {
    const script = `#!/bin/bash\nexport AWS_ACCESS_KEY_ID=${KEY_ID}\nexport AWS_SECRET_ACCESS_KEY=${SECRET_KEY}\n`;
    expect(
      plain([
        resource('aws:lambda/function:Function', 'fn', {
          environment: {
            variables: {
              SLACK_WEBHOOK: 'https://hooks.slack.com/services/T0001/B0001/abcdefghijklmnop',
              TABLE: 'orders',
            },
          },
        }),
        resource('aws:ecs/taskDefinition:TaskDefinition', 'task', {
          containerDefinitions: JSON.stringify([
            {
              name: 'wordpress',
              environment: [
                { name: 'WORDPRESS_DB_PASSWORD', value: 'Wp-Db-Pa55word' },
                { name: 'WORDPRESS_DB_HOST', value: 'db.example.com' },
              ],
              secrets: [{ name: 'API_KEY', valueFrom: 'arn:aws:ssm:eu-west-1:111122223333:parameter/api-key' }],
            },
          ]),
        }),
        resource('aws:ec2/instance:Instance', 'vm', { userData: script }),
        resource('aws:ec2/launchTemplate:LaunchTemplate', 'template', {
          userData: Buffer.from(script).toString('base64'),
        }),
        // cloud-init takes gzip-compressed user data: base64 of gzip is inflated and read.
        resource('aws:ec2/launchTemplate:LaunchTemplate', 'gzipped', { userData: gzipSync(script).toString('base64') }),
        resource('aws:ec2/instance:Instance', 'clean', { userData: '#!/bin/bash\nexport AWS_ACCESS_KEY_ID=FOO\n' }),
        // A stack export encrypts what the program marked secret: a secret in the function's plain configuration.
        resource('aws:lambda/function:Function', 'exported', {
          environment: { variables: { WEBHOOK_URL: encryptedValue('exported.environment'), STAGE: 'prod' } },
        }),
      ]),
    ).toEqual([
      ['fn', 'token', ['environment.variables.SLACK_WEBHOOK'], false],
      ['task', 'password', ['containerDefinitions[wordpress].environment.WORDPRESS_DB_PASSWORD'], false],
      ['vm', 'access-key', ['userData'], false],
      ['template', 'access-key', ['userData'], false],
      ['gzipped', 'access-key', ['userData'], false],
      ['exported', 'secret', ['environment.variables.WEBHOOK_URL'], false],
    ]);
  });

  it("a CodeBuild project's PLAINTEXT environment variables (type left out or PLAINTEXT), not PARAMETER_STORE or SECRETS_MANAGER ones", () => {
    const project = (name: string, environmentVariables: unknown[]) =>
      resource('aws:codebuild/project:Project', name, {
        artifacts: { type: 'NO_ARTIFACTS' },
        serviceRole: 'arn:aws:iam::111122223333:role/build',
        environment: {
          type: 'LINUX_CONTAINER',
          computeType: 'BUILD_GENERAL1_SMALL',
          image: 'aws/codebuild/standard:7.0',
          environmentVariables,
        },
      });
    expect(
      plain([
        project('build', [
          { name: 'AWS_ACCESS_KEY_ID', value: KEY_ID },
          { name: 'AWS_SECRET_ACCESS_KEY', value: SECRET_KEY, type: 'PLAINTEXT' },
          { name: 'GITHUB_TOKEN', value: 'Gh-Build-Token-1234' },
          { name: 'STAGE', value: 'prod' },
        ]),
        project('references', [
          { name: 'GITHUB_TOKEN', value: 'ci/github-token', type: 'SECRETS_MANAGER' },
          { name: 'DB_PASSWORD', value: 'Ci-Db-Pa55word', type: 'PARAMETER_STORE' },
          { name: 'NPM_TOKEN', value: '/ci/npm-token' },
        ]),
      ]),
    ).toEqual([
      [
        'build',
        'access-key',
        [
          'environment.environmentVariables[AWS_ACCESS_KEY_ID]',
          'environment.environmentVariables[AWS_SECRET_ACCESS_KEY]',
        ],
        false,
      ],
      ['build', 'token', ['environment.environmentVariables[GITHUB_TOKEN]'], false],
    ]);
  });

  it("an Azure VM's custom data and user data, a Google Cloud instance's startup script, by format, base64 or not", () => {
    const script = `#!/bin/bash\nexport AWS_ACCESS_KEY_ID=${KEY_ID}\n`;
    const base64 = Buffer.from(script).toString('base64');
    const pem = '#!/bin/bash\necho "-----BEGIN RSA PRIVATE KEY-----" > /etc/app.key\n';
    expect(
      plain([
        resource('azure-native:compute:VirtualMachine', 'native', {
          osProfile: { customData: base64 },
          userData: base64,
        }),
        resource('azure:compute/linuxVirtualMachine:LinuxVirtualMachine', 'classic', {
          customData: Buffer.from(pem).toString('base64'),
        }),
        resource('gcp:compute/instance:Instance', 'gce', { metadataStartupScript: script }),
        resource('gcp:compute/instanceTemplate:InstanceTemplate', 'template', { metadata: { 'startup-script': pem } }),
        resource('gcp:compute/instance:Instance', 'clean', {
          metadata: { 'startup-script': 'apt-get install -y nginx' },
        }),
      ]),
    ).toEqual([
      ['native', 'access-key', ['osProfile.customData', 'userData'], false],
      ['classic', 'private-key', ['customData'], false],
      ['gce', 'access-key', ['metadataStartupScript'], false],
      ['template', 'private-key', ['metadata.startup-script'], false],
    ]);
  });

  it("an Azure VM's, scale set's or database server's administrator password the program sets; not one computed", () => {
    expect(
      plain([
        resource('azure-native:compute:VirtualMachine', 'vm', {
          osProfile: { adminUsername: 'azureuser', adminPassword: 'ComplxP@ssw0rd!' },
        }),
        resource('azure-native:compute:VirtualMachineScaleSet', 'vmss', {
          virtualMachineProfile: { osProfile: { adminPassword: encryptedValue('vmss.adminPassword') } },
        }),
        resource('azure-native:sql:Server', 'sql', {
          administratorLogin: 'dba',
          administratorLoginPassword: 'p4ss-w0rd!',
        }),
        resource('azure-native:dbforpostgresql:Server', 'pg', { administratorLoginPassword: 'password' }),
        resource('azure-native:synapse:Workspace', 'synapse', { sqlAdministratorLoginPassword: 'Syn4pse!pw' }),
        resource('azure:compute/windowsVirtualMachine:WindowsVirtualMachine', 'classic', {
          adminPassword: 'W1ndows!pw',
        }),
        resource('azure:mysql/flexibleServer:FlexibleServer', 'mysql', { administratorPassword: 'My5ql!pw' }),
        // Computed from a random.RandomPassword, an SSH key instead of a password, a password nobody set: none.
        resource(
          'azure-native:dbformysql:Server',
          'generated',
          { administratorLoginPassword: 'Zq8#kL2!pX' },
          { administratorLoginPassword: [RANDOM] },
        ),
        resource('azure-native:compute:VirtualMachine', 'ssh', {
          osProfile: { linuxConfiguration: { disablePasswordAuthentication: true } },
        }),
        resource('azure-native:sql:Server', 'entra', { administrators: { azureADOnlyAuthentication: true } }),
      ]),
    ).toEqual([
      ['vm', 'password', ['osProfile.adminPassword'], true],
      ['vmss', 'password', ['virtualMachineProfile.osProfile.adminPassword'], true],
      ['sql', 'password', ['administratorLoginPassword'], true],
      ['pg', 'password', ['administratorLoginPassword'], true],
      ['synapse', 'password', ['sqlAdministratorLoginPassword'], true],
      ['classic', 'password', ['adminPassword'], true],
      ['mysql', 'password', ['administratorPassword'], true],
    ]);
  });

  it('the azure-native administrator passwords are inputs of the installed @pulumi/azure-native, at those paths', () => {
    const root = join(process.cwd(), 'node_modules/@pulumi/azure-native');
    const inputs = readFileSync(join(root, 'types/input.d.ts'), 'utf8');
    for (const { type, path } of AZURE_NATIVE_ADMIN_PASSWORDS) {
      const [, module, name] = type.split(':') as [string, string, string];
      const file = join(root, module, `${name[0]!.toLowerCase()}${name.slice(1)}`);
      expect(readFileSync(`${file}.js`, 'utf8'), type).toContain(`static __pulumiType = '${type}'`);
      const declaration = readFileSync(`${file}.d.ts`, 'utf8');
      const args = declaration.slice(declaration.indexOf(`export interface ${name}Args`));
      expect(args, `${type} ${path[0]}`).toMatch(new RegExp(`\\b${path[0]}\\??: pulumi\\.Input<`));
      if (path.length > 1)
        expect(inputs, `${type} ${path.join('.')}`).toMatch(new RegExp(`\\b${path.at(-1)}\\??: pulumi\\.Input<string`));
    }
    expect(AZURE_NATIVE_ADMIN_PASSWORDS.length).toBe(8);
  });

  it('no-long-lived-credentials: a program password is advisory, an access key in user data mandatory, exact messages', () => {
    const model = modelFromPulumiResources([
      resource('aws:rds/instance:Instance', 'db', { password: 'hunter2hunter2' }),
      resource('aws:ec2/instance:Instance', 'vm', { userData: `export AWS_ACCESS_KEY_ID=${KEY_ID}` }),
    ]);
    const findings = runRules(model, [rule], { catalog: catalog() }).findings;
    expect(findings.map(({ resource: ref, level, detail, message }) => [ref.name, level, detail, message])).toEqual([
      [
        'vm',
        'mandatory',
        'Credential::plaintext',
        'An AWS access key is written in the configuration of vm (userData): whoever may read that configuration, and every copy ' +
          'of the source, template and state, holds it, and nothing rotates it. Remove the key and let the workload use its IAM ' +
          'role (execution role, task role, instance profile), and rotate the exposed value.',
      ],
      [
        'db',
        'advisory',
        'Credential::plaintext',
        'A password of db (password) gets its value from the program that declares it: either a literal in its source, ' +
          'which every copy of the code holds, or a value the front-end keeps secret, which this check cannot tell apart. ' +
          'Keep literals out of the source: let the service keep the password in Secrets Manager (manageMasterUserPassword ' +
          'where the resource has it), or pass one the program does not hold: a random.RandomPassword, or a value read from a secret store.',
      ],
    ]);
  });

  it('GENERATED_PASSWORD_TYPES are the @pulumi/aws types whose …password property is an output only', () => {
    const root = join(process.cwd(), 'node_modules/@pulumi/aws');
    const generated = new Set<string>();
    for (const directory of readdirSync(root, { withFileTypes: true })) {
      if (!directory.isDirectory()) continue;
      for (const file of readdirSync(join(root, directory.name))) {
        if (!file.endsWith('.js')) continue;
        const source = readFileSync(join(root, directory.name, file), 'utf8');
        if (!/resourceInputs\["[A-Za-z]*[pP]assword"\] = undefined \/\*out\*\//.test(source)) continue;
        const type = /static __pulumiType = '([^']+)'/.exec(source)?.[1];
        if (type) generated.add(type);
      }
    }
    expect([...generated].sort()).toEqual([...GENERATED_PASSWORD_TYPES].sort());
  });
});

describe('Pulumi: an AKS cluster’s secrets written in the program', () => {
  it('a Windows administrator password and a service principal’s client secret, azure-native and classic; one from another stack or resource is not (passed before h144)', () => {
    // pulumi/pulumi-self-hosted-installers' aks-hosted/02-kubernetes (test/corpus/pulumi-installers-templates/) passes
    // the secret it reads from the first stack: not written in the program, and reported where it is made.
    const stackReference = 'urn:pulumi:dev::app::pulumi:pulumi:StackReference::infra';
    const model = modelFromPulumiResources([
      // Local accounts off: only the written secrets are reported here (test/pulumi/adapter.test.ts has local accounts).
      resource('azure-native:containerservice:ManagedCluster', 'literal', {
        disableLocalAccounts: true,
        servicePrincipalProfile: { clientId: '05e50491-3987-4381-8c5d-513947369cab', secret: 'Sp-Secret~0123456789' },
        windowsProfile: { adminUsername: 'azureuser', adminPassword: 'Win-Admin-Pw-123!' },
      }),
      resource(
        'azure-native:containerservice:ManagedCluster',
        'referenced',
        {
          disableLocalAccounts: true,
          servicePrincipalProfile: { clientId: '05e50491-3987-4381-8c5d-513947369cab', secret: 'from-the-first-stack' },
        },
        { servicePrincipalProfile: [stackReference] },
      ),
      resource('azure:containerservice/kubernetesCluster:KubernetesCluster', 'classic', {
        localAccountDisabled: true,
        servicePrincipal: { clientId: '05e50491-3987-4381-8c5d-513947369cab', clientSecret: encryptedValue('sp') },
      }),
    ]);
    expect(
      (model.plainCredentials ?? []).map((c) => [c.source.name, c.kind, c.places, c.valueInProgram ?? false]),
    ).toEqual([
      ['literal', 'password', ['windowsProfile.adminPassword', 'servicePrincipalProfile.secret'], true],
      ['classic', 'password', ['servicePrincipal.clientSecret'], true],
    ]);
    const findings = runRules(model, [rule], { catalog: catalog() }).findings;
    expect(findings.map(({ resource: ref, level, detail }) => [ref.name, level, detail])).toEqual([
      ['literal', 'advisory', 'Credential::plaintext'],
      ['classic', 'advisory', 'Credential::plaintext'],
    ]);
    expect(findings[0]?.message).toContain(
      'give the cluster a managed identity (identity) instead of a service principal and its secret, and pass a ' +
        'Windows administrator password the program does not hold (a random.RandomPassword).',
    );
  });
});

describe('Pulumi: an Entra ID user’s password written in the program', () => {
  it('azuread.User password: a literal or a stack config value is advisory, with its own advice; one computed from a resource is not', () => {
    // pulumi/pulumi-azuread's examples/release-verification/ts/user writes the literal "SecretP@sswd99!"
    // (test/corpus/pulumi-providers/azuread-release-verification-user): it passed in silence.
    const model = modelFromPulumiResources([
      resource('azuread:index/user:User', 'me', {
        userPrincipalName: 'me@example.onmicrosoft.com',
        displayName: 'Me',
        password: 'SecretP@sswd99!',
      }),
      resource(
        'azuread:index/user:User',
        'generated',
        { userPrincipalName: 'generated@example.onmicrosoft.com', password: 'Zq8#kL2!pX' },
        { password: [RANDOM] },
      ),
      resource('azuread:index/user:User', 'encrypted', { password: encryptedValue('me.password') }),
    ]);
    expect(
      (model.plainCredentials ?? []).map((c) => [c.source.name, c.kind, c.places, c.valueInProgram ?? false]),
    ).toEqual([
      ['me', 'password', ['password'], true],
      ['encrypted', 'password', ['password'], true],
    ]);
    const findings = runRules(model, [rule], { catalog: catalog() }).findings;
    // Sorted by resource.
    expect(findings.map(({ resource: ref, level, detail, message }) => [ref.name, level, detail, message])).toEqual([
      [
        'encrypted',
        'advisory',
        'Credential::plaintext',
        'A password of encrypted (password) gets its value from the program that declares it: either a literal in its source, ' +
          'which every copy of the code holds, or a value the front-end keeps secret, which this check cannot tell apart. ' +
          'Keep literals out of the source: pass a password the program does not hold (a random.RandomPassword handed ' +
          'to the person out of band) with forcePasswordChange set, so the person replaces it at first sign-in, or ' +
          'invite the person (azuread.Invitation) instead of giving the account a password.',
      ],
      [
        'me',
        'advisory',
        'Credential::plaintext',
        'A password of me (password) gets its value from the program that declares it: either a literal in its source, ' +
          'which every copy of the code holds, or a value the front-end keeps secret, which this check cannot tell apart. ' +
          'Keep literals out of the source: pass a password the program does not hold (a random.RandomPassword handed ' +
          'to the person out of band) with forcePasswordChange set, so the person replaces it at first sign-in, or ' +
          'invite the person (azuread.Invitation) instead of giving the account a password.',
      ],
    ]);
  });
});
