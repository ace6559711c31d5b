import { isEncryptedValue, isUnknown, type PlainCredential } from '../../model/model.js';
import { isRecord, lookupTable } from '../../util/records.js';
import {
  credentialInVariable,
  decodedBase64Text,
  credentialsInStartupText,
  credentialsInText,
  literalPassword,
  STARTUP_TEXT_ADVICE,
  ResourceCredentials,
} from '../credential-formats.js';
import { CODEBUILD_VARIABLE_ADVICE, containerEnvironment, plainCodeBuildType } from '../aws/plain-configuration.js';
import { resourceRef, revealUnknowns, describeUrn, type PulumiResource } from './resource.js';

/** How a Pulumi program keeps a password out of its source. */
const PASSWORD_ADVICE =
  'let the service keep the password in Secrets Manager (manageMasterUserPassword where the resource has it), or pass ' +
  'one the program does not hold: a random.RandomPassword, or a value read from a secret store';

/** How a Pulumi program keeps a value out of a function's or container's environment and a VM's user data. */
const VALUE_ADVICE =
  'Keep the value in Secrets Manager or SSM Parameter Store (SecureString) and read it at run time ' +
  "(an ECS container takes it from the container definition's secrets with valueFrom)";

/**
 * AWS types whose `…password` property is an output the provider generates, never an input the program writes:
 * the only ones in @pulumi/aws 7.48.0 (`resourceInputs["password"] = undefined /*out*\/`, `servicePassword`,
 * `encryptedPassword`); test/adapters/pulumi-plain-credentials.test.ts holds the list to the installed package.
 */
export const GENERATED_PASSWORD_TYPES: ReadonlySet<string> = new Set([
  'aws:iam/userLoginProfile:UserLoginProfile',
  'aws:iam/serviceSpecificCredential:ServiceSpecificCredential',
]);

/**
 * The property holding the resource's own name where AWS keeps it unique in an account and region: a finding on the
 * resource names it as its physical name, which an exception may target (model.ts ResourceRef.physicalName), as the
 * Terraform adapter names the same resources by the same arguments.
 */
const UNIQUE_NAME: Readonly<Record<string, string>> = lookupTable({
  'aws:lambda/function:Function': 'name',
  'aws:codebuild/project:Project': 'name',
  'aws:rds/instance:Instance': 'identifier',
  'aws:rds/cluster:Cluster': 'clusterIdentifier',
  'aws:docdb/cluster:Cluster': 'clusterIdentifier',
  'aws:redshift/cluster:Cluster': 'clusterIdentifier',
  'aws:mq/broker:Broker': 'brokerName',
  'aws:ec2/launchTemplate:LaunchTemplate': 'name',
});

/** User data, as the EC2 instance, launch template and launch configuration take it: text, or base64 (`…Base64`, a launch template's). */
const USER_DATA: Readonly<Record<string, readonly { property: string; base64: boolean }[]>> = lookupTable({
  'aws:ec2/instance:Instance': [
    { property: 'userData', base64: false },
    { property: 'userDataBase64', base64: true },
  ],
  'aws:ec2/launchConfiguration:LaunchConfiguration': [
    { property: 'userData', base64: false },
    { property: 'userDataBase64', base64: true },
  ],
  'aws:ec2/launchTemplate:LaunchTemplate': [{ property: 'userData', base64: true }],
});

/**
 * The credentials AWS resources of a Pulumi program write into their own configuration (see the CloudFormation
 * adapter's plain-credentials.ts, whose facts these are in Pulumi's words):
 * - a property named `…password` set by the program (a string, or one a stack export encrypts, computed from no other
 *   resource): a literal or a stack config secret, which a policy pack cannot tell apart (pulumi/pulumi-policy#241), so
 *   it is `valueInProgram`, as a Secrets Manager value the program sets;
 * - a credential of a documented format, or a literal under a secret's name, in a function's `environment.variables`, a
 *   task definition's `containerDefinitions` (a JSON string) `environment`, a CodeBuild project's
 *   `environment.environmentVariables` of type PLAINTEXT (the default), or user data: there the cloud keeps it in plain
 *   configuration whatever the program read it from, so it is reported as written there.
 */
export function plainCredentialsOfPulumi(resources: readonly PulumiResource[]): PlainCredential[] {
  const found: PlainCredential[] = [];
  for (const resource of resources) {
    found.push(...startupTextCredentials(resource));
    found.push(...azureAdminPasswords(resource));
    if (!resource.type.startsWith('aws:')) continue;
    const props = revealUnknowns(resource, describeUrn);
    const nameProperty = Object.hasOwn(UNIQUE_NAME, resource.type) ? UNIQUE_NAME[resource.type] : undefined;
    const uniqueName = nameProperty !== undefined ? props[nameProperty] : undefined;
    const source = {
      ...resourceRef(resource),
      ...(typeof uniqueName === 'string' && uniqueName !== '' ? { physicalName: uniqueName } : {}),
    };
    const credentials = new ResourceCredentials('aws', () => source);
    const add = credentials.add.bind(credentials);

    if (!GENERATED_PASSWORD_TYPES.has(resource.type))
      for (const [property, value] of Object.entries(props)) {
        // Computed from another resource (a random.RandomPassword): not written in the program.
        if ((resource.propertyDependencies?.[property]?.length ?? 0) > 0) continue;
        for (const place of passwordPlaces(value, property))
          if (literalPassword(place.value) || isEncryptedValue(place.value))
            add('password', place.place, PASSWORD_ADVICE, true);
      }

    if (resource.type === 'aws:lambda/function:Function') {
      const environment = props.environment;
      const variables = isRecord(environment) && !isUnknown(environment) ? environment.variables : environment;
      // A stack export encrypts a value the program marked secret, where the policy SDK hands over the value itself: a
      // secret the program put in the function's plain configuration, of a kind the encryption hides.
      if (isEncryptedValue(variables)) add('secret', 'environment.variables', VALUE_ADVICE);
      else if (isRecord(variables) && !isUnknown(variables))
        for (const [name, value] of Object.entries(variables)) {
          const kind =
            typeof value === 'string'
              ? credentialInVariable(name, value)
              : isEncryptedValue(value)
                ? 'secret'
                : undefined;
          if (kind) add(kind, `environment.variables.${name}`, VALUE_ADVICE);
        }
    }
    if (resource.type === 'aws:ecs/taskDefinition:TaskDefinition') {
      for (const { container, name, value } of containerEnvironment(props.containerDefinitions)) {
        const kind = credentialInVariable(name, value);
        if (kind) add(kind, `containerDefinitions[${container}].environment.${name}`, VALUE_ADVICE);
      }
    }
    if (resource.type === 'aws:codebuild/project:Project') {
      const environment = props.environment;
      const variables = isRecord(environment) && !isUnknown(environment) ? environment.environmentVariables : undefined;
      for (const variable of Array.isArray(variables) ? variables : []) {
        if (!isRecord(variable) || isUnknown(variable) || !plainCodeBuildType(variable.type)) continue;
        const { name, value } = variable;
        if (typeof name !== 'string' || typeof value !== 'string') continue;
        const kind = credentialInVariable(name, value);
        if (kind) add(kind, `environment.environmentVariables[${name}]`, CODEBUILD_VARIABLE_ADVICE);
      }
    }
    for (const { property, base64 } of USER_DATA[resource.type] ?? []) {
      const value = props[property];
      if (typeof value !== 'string') continue;
      const decoded = base64 ? decodedBase64Text(value) : undefined;
      const texts = decoded === undefined ? [value] : [value, decoded];
      for (const kind of credentialsInText(texts.join('\n'))) add(kind, property, VALUE_ADVICE);
    }
    found.push(...credentials.found);
  }
  return found;
}

/** Every `…password` value under a property (`users[0].password`), environments excepted: they are read on their own. */
function passwordPlaces(value: unknown, path: string): { place: string; value: unknown }[] {
  const last = path.split(/[.[]/).at(-1) ?? '';
  if (/password$/i.test(last)) return [{ place: path, value }];
  if (Array.isArray(value)) return value.flatMap((item, index) => passwordPlaces(item, `${path}[${index}]`));
  if (!isRecord(value) || isUnknown(value) || NOT_WALKED.has(last)) return [];
  return Object.entries(value).flatMap(([key, item]) => passwordPlaces(item, `${path}.${key}`));
}

/** Properties not searched for passwords: environments are read variable by variable, policies hold none. */
const NOT_WALKED = new Set(['environment', 'variables', 'containerDefinitions', 'policy', 'assumeRolePolicy', 'tags']);

/**
 * Where Azure and Google Cloud VMs take start-up text, which the cloud keeps in the VM's configuration, readable by
 * whoever may read the VM (Azure custom data and user data, as azure-native's osProfile and the classic provider's
 * arguments write them; Google Cloud instance metadata `startup-script` and the provider's `metadataStartupScript`).
 */
const STARTUP_TEXT: Readonly<Record<string, { cloud: 'azure' | 'gcp'; paths: readonly (readonly string[])[] }>> =
  lookupTable({
    'azure-native:compute:VirtualMachine': { cloud: 'azure', paths: [['osProfile', 'customData'], ['userData']] },
    'azure-native:compute:VirtualMachineScaleSet': {
      cloud: 'azure',
      paths: [
        ['virtualMachineProfile', 'osProfile', 'customData'],
        ['virtualMachineProfile', 'userData'],
      ],
    },
    'azure:compute/linuxVirtualMachine:LinuxVirtualMachine': { cloud: 'azure', paths: [['customData'], ['userData']] },
    'azure:compute/windowsVirtualMachine:WindowsVirtualMachine': {
      cloud: 'azure',
      paths: [['customData'], ['userData']],
    },
    'azure:compute/linuxVirtualMachineScaleSet:LinuxVirtualMachineScaleSet': {
      cloud: 'azure',
      paths: [['customData'], ['userData']],
    },
    'azure:compute/windowsVirtualMachineScaleSet:WindowsVirtualMachineScaleSet': {
      cloud: 'azure',
      paths: [['customData'], ['userData']],
    },
    'gcp:compute/instance:Instance': {
      cloud: 'gcp',
      paths: [['metadataStartupScript'], ['metadata', 'startup-script'], ['metadata', 'windows-startup-script-ps1']],
    },
    'gcp:compute/instanceTemplate:InstanceTemplate': {
      cloud: 'gcp',
      paths: [['metadataStartupScript'], ['metadata', 'startup-script'], ['metadata', 'windows-startup-script-ps1']],
    },
  });

/** Credentials of a documented format in an Azure or Google Cloud VM's start-up text, one per kind, each place named. */
function startupTextCredentials(resource: PulumiResource): PlainCredential[] {
  const shape = Object.hasOwn(STARTUP_TEXT, resource.type) ? STARTUP_TEXT[resource.type] : undefined;
  if (!shape) return [];
  // An AWS key on another cloud's VM has no IAM role to give way to: the cloud's secret store is the advice.
  const credentials = new ResourceCredentials(shape.cloud, () => resourceRef(resource));
  for (const path of shape.paths) {
    const value = path.reduce<unknown>(
      (at, key) => (isRecord(at) && !isUnknown(at) ? at[key] : undefined),
      resource.props,
    );
    if (typeof value !== 'string') continue;
    for (const kind of credentialsInStartupText([value])) {
      credentials.add(kind, path.join('.'), STARTUP_TEXT_ADVICE[shape.cloud]);
    }
  }
  return credentials.found;
}

/** How a Pulumi program keeps an Entra ID user's password out of its source. */
const ENTRA_USER_PASSWORD_ADVICE =
  'pass a password the program does not hold (a random.RandomPassword handed to the person out of band) with ' +
  'forcePasswordChange set, so the person replaces it at first sign-in, or invite the person (azuread.Invitation) ' +
  'instead of giving the account a password';

/**
 * How a Pulumi program keeps an AKS cluster's secrets out of its source: the service principal's client secret (an
 * Entra ID application password, valid until its end date) gives way to a managed identity, and the Windows nodes'
 * administrator password is one the program does not hold.
 */
const AKS_PASSWORD_ADVICE =
  'give the cluster a managed identity (identity) instead of a service principal and its secret, and pass a Windows ' +
  'administrator password the program does not hold (a random.RandomPassword)';

/** How a Pulumi program keeps an Azure VM's or database server's administrator password out of its source. */
const AZURE_PASSWORD_ADVICE =
  'pass a password the program does not hold: a random.RandomPassword, or a value read from Key Vault; for a Linux ' +
  'VM, an SSH key with password authentication disabled, and for a database, Entra ID authentication';

/**
 * Where Azure VMs, scale sets and database servers take their local administrator's password, the Pulumi side of the
 * Terraform adapter's AZURE_PASSWORD_TYPES (terraform/plain-credentials.ts; the same resources, so one verdict for one
 * VM or server whichever tool deploys it). Inputs of @pulumi/azure-native 3.28.0 (compute VirtualMachineArgs and
 * VirtualMachineScaleSetArgs' osProfile, sql ServerArgs, dbforpostgresql and dbformysql ServerArgs, synapse
 * WorkspaceArgs, containerservice ManagedClusterArgs' windowsProfile and servicePrincipalProfile) and of @pulumi/azure 6
 * (pulumi/pulumi-azure a1c2bdf, sdk/nodejs: the VM, scale set, server and kubernetesCluster classes), test/pulumi/plain-credentials.test.ts holding the azure-native ones to the installed package. Listed, not
 * matched by name: other Azure `…password` properties are outputs or other kinds of secret.
 */
const AZURE_ADMIN_PASSWORDS: Readonly<Record<string, readonly (readonly string[])[]>> = lookupTable({
  'azure-native:compute:VirtualMachine': [['osProfile', 'adminPassword']],
  'azure-native:compute:VirtualMachineScaleSet': [['virtualMachineProfile', 'osProfile', 'adminPassword']],
  'azure-native:sql:Server': [['administratorLoginPassword']],
  'azure-native:dbforpostgresql:Server': [['administratorLoginPassword']],
  'azure-native:dbformysql:Server': [['administratorLoginPassword']],
  'azure-native:synapse:Workspace': [['sqlAdministratorLoginPassword']],
  // An AKS cluster's Windows nodes' administrator password, and the client secret of the service principal a cluster
  // without a managed identity runs as (an Entra ID application password: Entra calls them passwordCredentials).
  'azure-native:containerservice:ManagedCluster': [
    ['windowsProfile', 'adminPassword'],
    ['servicePrincipalProfile', 'secret'],
  ],
  'azure:containerservice/kubernetesCluster:KubernetesCluster': [
    ['windowsProfile', 'adminPassword'],
    ['servicePrincipal', 'clientSecret'],
  ],
  'azure:compute/linuxVirtualMachine:LinuxVirtualMachine': [['adminPassword']],
  'azure:compute/windowsVirtualMachine:WindowsVirtualMachine': [['adminPassword']],
  'azure:compute/linuxVirtualMachineScaleSet:LinuxVirtualMachineScaleSet': [['adminPassword']],
  'azure:compute/windowsVirtualMachineScaleSet:WindowsVirtualMachineScaleSet': [['adminPassword']],
  'azure:compute/virtualMachine:VirtualMachine': [['osProfile', 'adminPassword']],
  'azure:mssql/server:Server': [['administratorLoginPassword']],
  'azure:postgresql/server:Server': [['administratorLoginPassword']],
  'azure:postgresql/flexibleServer:FlexibleServer': [['administratorPassword']],
  'azure:mysql/flexibleServer:FlexibleServer': [['administratorPassword']],
  'azure:synapse/workspace:Workspace': [['sqlAdministratorLoginPassword']],
  // An Entra ID user's password (@pulumi/azuread 6.9.1 UserArgs.password; Terraform's azuread_user.password): a sign-in
  // of a person, valid until someone changes it (forcePasswordChange defaults to false), as an administrator's is.
  'azuread:index/user:User': [['password']],
});

const AKS_TYPES: ReadonlySet<string> = new Set([
  'azure-native:containerservice:ManagedCluster',
  'azure:containerservice/kubernetesCluster:KubernetesCluster',
]);

/** Test support: the azure-native tokens and input paths of AZURE_ADMIN_PASSWORDS. */
export const AZURE_NATIVE_ADMIN_PASSWORDS: readonly { type: string; path: readonly string[] }[] = Object.entries(
  AZURE_ADMIN_PASSWORDS,
)
  .filter(([type]) => type.startsWith('azure-native:'))
  .flatMap(([type, paths]) => paths.map((path) => ({ type, path })));

/**
 * The administrator password an Azure VM or database server (or the password an Entra ID user) is given by the program, judged as an AWS `…password`
 * property is: a literal or a stack config secret (which a policy pack cannot tell apart) is written in the program;
 * one computed from another resource (a random.RandomPassword, a Key Vault secret read) is not.
 */
function azureAdminPasswords(resource: PulumiResource): PlainCredential[] {
  const paths = Object.hasOwn(AZURE_ADMIN_PASSWORDS, resource.type) ? AZURE_ADMIN_PASSWORDS[resource.type] : undefined;
  if (!paths) return [];
  const props = revealUnknowns(resource, describeUrn);
  const credentials = new ResourceCredentials('azure', () => resourceRef(resource));
  for (const path of paths) {
    const [property] = path;
    if (property === undefined || (resource.propertyDependencies?.[property]?.length ?? 0) > 0) continue;
    const value = path.reduce<unknown>((at, key) => (isRecord(at) && !isUnknown(at) ? at[key] : undefined), props);
    if (literalPassword(value) || isEncryptedValue(value))
      credentials.add(
        'password',
        path.join('.'),
        resource.type.startsWith('azuread:')
          ? ENTRA_USER_PASSWORD_ADVICE
          : AKS_TYPES.has(resource.type)
            ? AKS_PASSWORD_ADVICE
            : AZURE_PASSWORD_ADVICE,
        true,
      );
  }
  return credentials.found;
}
