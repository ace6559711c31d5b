/**
 * Credentials AWS resources of a Terraform plan write into their own configuration, the facts of the CloudFormation
 * and Pulumi adapters' plain-credentials.ts in Terraform's words (the resource address, the attribute path):
 *
 * - An argument named `password` or `…_password` (`master_password` of RDS, DocumentDB and Redshift clusters, `password`
 *   of an RDS instance, an Amazon MQ broker's `user` block, a DMS endpoint) is judged on the configuration, since the
 *   plan shows the value whatever it came from (`terraform show -json` writes a sensitive value in `after` and marks it
 *   in `after_sensitive`: hashicorp/terraform internal/command/jsonplan/plan.go, `changeV.After.UnmarkDeep()`):
 *   a constant written there, or `var.NAME` whose default or module argument is one, is written in the source; a
 *   value from a resource (a `random_password`), a data source (a secret store), or a root variable without a default
 *   (given at plan time) is not. A `local.NAME` is undecidable: the plan's configuration leaves locals out, so a known
 *   value may be a literal of the source or come from a variable; so is a value in a plan or state without the
 *   resource's configuration. Both are `valueInProgram`, as a Pulumi program's password.
 * - A credential of a documented format, or a literal under a secret's name (credential-formats.ts), in a function's
 *   `environment.variables`, a task definition's `container_definitions` (a JSON string) `environment`, a CodeBuild
 *   project's `environment.environment_variable` of type PLAINTEXT, or user data: the cloud keeps it in the resource's
 *   plain configuration whatever the configuration read it from, so the planned value is read, and for user data also
 *   the constant the configuration writes (AWS providers before 5.0 plan `aws_instance.user_data` as its hash,
 *   hashicorp/terraform-provider-aws#7625).
 */
import type { PlainCredential, ResourceRef } from '../../model/model.js';
import { isRecord, lookupTable } from '../../util/records.js';
import { CODEBUILD_VARIABLE_ADVICE, containerEnvironment, plainCodeBuildType } from '../aws/plain-configuration.js';
import {
  credentialInVariable,
  decodedBase64Text,
  credentialsInStartupText,
  credentialsInText,
  literalPassword,
  STARTUP_TEXT_ADVICE,
  ResourceCredentials,
} from '../credential-formats.js';
import type { ModuleStep } from './address.js';
import type { TerraformConfiguration } from './config.js';
import type { TerraformInstance } from './plan.js';

/** How a Terraform configuration keeps a password out of its source. */
const PASSWORD_ADVICE =
  'Let the service keep the password in Secrets Manager (manage_master_user_password where the resource has it), or ' +
  'pass one the configuration does not hold: a random_password, or a value read from a secret store (an ephemeral ' +
  'resource into a write-only argument such as password_wo, Terraform 1.11 and later)';

/** How a Terraform configuration keeps a value out of a function's or container's environment and a VM's user data. */
const VALUE_ADVICE =
  'Keep the value in Secrets Manager or SSM Parameter Store (SecureString) and read it at run time ' +
  "(an ECS container takes it from the container definition's secrets with valueFrom)";

/**
 * AWS types whose `…password` attribute is an output the provider generates, never an argument the configuration
 * writes (the types of the Pulumi adapter's GENERATED_PASSWORD_TYPES, from which those are generated).
 */
const GENERATED_PASSWORD_TYPES: ReadonlySet<string> = new Set([
  'aws_iam_user_login_profile',
  'aws_iam_service_specific_credential',
]);

/** An argument that holds a password: `password`, `master_password`, `admin_user_password`, and their write-only `_wo`. */
const PASSWORD_ARGUMENT = /(?:^|_)password(?:_wo)?$/;

/** Arguments not searched for passwords: environments are read variable by variable, policies and tags hold none. */
const NOT_WALKED = new Set([
  'environment',
  'container_definitions',
  'policy',
  'assume_role_policy',
  'tags',
  'tags_all',
]);

/**
 * The argument holding the resource's own name where AWS keeps it unique in an account and region: a finding on the
 * resource names it as its physical name, which an exception may target (model.ts ResourceRef.physicalName; a
 * Terraform address binds nothing), as the Pulumi adapter names the same resources.
 */
const UNIQUE_NAME: Readonly<Record<string, string>> = lookupTable({
  aws_lambda_function: 'function_name',
  aws_codebuild_project: 'name',
  aws_db_instance: 'identifier',
  aws_rds_cluster: 'cluster_identifier',
  aws_docdb_cluster: 'cluster_identifier',
  aws_redshift_cluster: 'cluster_identifier',
  aws_mq_broker: 'broker_name',
  aws_launch_template: 'name',
});

/** User data, as the EC2 instance, launch configuration and launch template take it: text, or base64. */
const USER_DATA: Readonly<Record<string, readonly { attribute: string; base64: boolean }[]>> = lookupTable({
  aws_instance: [
    { attribute: 'user_data', base64: false },
    { attribute: 'user_data_base64', base64: true },
  ],
  aws_launch_configuration: [
    { attribute: 'user_data', base64: false },
    { attribute: 'user_data_base64', base64: true },
  ],
  aws_launch_template: [{ attribute: 'user_data', base64: true }],
});

export function plainCredentialsOfTerraform(
  instances: readonly TerraformInstance[],
  configuration: TerraformConfiguration,
  refOf: (instance: TerraformInstance) => ResourceRef,
): PlainCredential[] {
  const found: PlainCredential[] = [];
  for (const instance of instances) {
    found.push(...startupTextCredentials(instance, configuration, refOf));
    if (AZURE_PASSWORD_TYPES.has(instance.type)) found.push(...azurePasswords(instance, configuration, refOf));
    if (!instance.type.startsWith('aws_')) continue;
    const nameProperty = Object.hasOwn(UNIQUE_NAME, instance.type) ? UNIQUE_NAME[instance.type] : undefined;
    const uniqueName = nameProperty !== undefined ? instance.values[nameProperty] : undefined;
    const source = {
      ...refOf(instance),
      ...(typeof uniqueName === 'string' && uniqueName !== '' ? { physicalName: uniqueName } : {}),
    };
    const credentials = new ResourceCredentials('aws', () => source);
    const add = credentials.add.bind(credentials);
    const values = instance.values;
    const expressions = configuration.expressions(instance);

    if (!GENERATED_PASSWORD_TYPES.has(instance.type)) {
      if (expressions !== undefined)
        for (const { place, expression, planned } of passwordExpressions(expressions, values, '')) {
          const verdict = writtenPassword(configuration, instance.parsed.modules, expression, planned, 0);
          if (verdict === 'undecidable') add('password', place, PASSWORD_ADVICE, true);
          else if (verdict !== undefined) add('password', `${place}${verdict.where}`, PASSWORD_ADVICE);
        }
      // A plan or state without the resource's configuration: a known password may be a literal or a variable's value.
      else
        for (const { place, value } of passwordValues(values, ''))
          if (literalPassword(value)) add('password', place, PASSWORD_ADVICE, true);
    }

    if (instance.type === 'aws_lambda_function') {
      const variables = firstBlock(values.environment)?.variables;
      if (isRecord(variables))
        for (const [name, value] of Object.entries(variables)) {
          const kind = typeof value === 'string' ? credentialInVariable(name, value) : undefined;
          if (kind) add(kind, `environment[0].variables[${JSON.stringify(name)}]`, VALUE_ADVICE);
        }
    }
    if (instance.type === 'aws_ecs_task_definition')
      for (const { container, name, value } of containerEnvironment(values.container_definitions)) {
        const kind = credentialInVariable(name, value);
        if (kind) add(kind, `container_definitions[${container}].environment.${name}`, VALUE_ADVICE);
      }
    if (instance.type === 'aws_codebuild_project') {
      const variables = firstBlock(values.environment)?.environment_variable;
      for (const [index, variable] of (Array.isArray(variables) ? variables : []).entries()) {
        if (!isRecord(variable) || !plainCodeBuildType(variable.type)) continue;
        const { name, value } = variable;
        if (typeof name !== 'string' || typeof value !== 'string') continue;
        const kind = credentialInVariable(name, value);
        if (kind) add(kind, `environment[0].environment_variable[${index}] (${name})`, CODEBUILD_VARIABLE_ADVICE);
      }
    }
    for (const { attribute, base64 } of USER_DATA[instance.type] ?? []) {
      const written = expressions?.[attribute];
      const texts = [values[attribute], isRecord(written) ? written.constant_value : undefined].filter(
        (text): text is string => typeof text === 'string',
      );
      const decoded = base64 ? texts.flatMap((text) => decodedBase64Text(text) ?? []) : [];
      for (const kind of credentialsInText([...texts, ...decoded].join('\n'))) add(kind, attribute, VALUE_ADVICE);
    }
    found.push(...credentials.found);
  }
  return found;
}

/** How a Terraform configuration keeps an Azure VM's or database server's administrator password out of its source. */
const AZURE_PASSWORD_ADVICE =
  'Pass a password the configuration does not hold: a random_password, or a value read from Key Vault (a data ' +
  'source, or an ephemeral resource into a write-only argument where the resource has one); for a Linux VM, an SSH ' +
  'key with password authentication disabled, and for a database, Entra ID authentication';

/**
 * AzureRM types whose `admin_password` (VMs and scale sets; the legacy VM's `os_profile[0].admin_password`) or
 * `administrator_login_password` (SQL, PostgreSQL and MySQL servers; a Synapse workspace's
 * `sql_administrator_login_password`) is the local administrator's password, an argument
 * the configuration writes. Listed, not matched by name: other AzureRM `…password` attributes are outputs the service
 * generates (a container registry's `admin_password`, a cluster's `kube_config` password).
 */
const AZURE_PASSWORD_TYPES: ReadonlySet<string> = new Set([
  'azurerm_linux_virtual_machine',
  'azurerm_windows_virtual_machine',
  'azurerm_linux_virtual_machine_scale_set',
  'azurerm_windows_virtual_machine_scale_set',
  'azurerm_virtual_machine',
  'azurerm_mssql_server',
  'azurerm_sql_server',
  'azurerm_postgresql_server',
  'azurerm_postgresql_flexible_server',
  'azurerm_mysql_server',
  'azurerm_mysql_flexible_server',
  'azurerm_synapse_workspace',
  // An Entra ID user's `password` (hashicorp/terraform-provider-azuread, docs/resources/user.md): a person's sign-in,
  // valid until someone changes it (`force_password_change` defaults to false). The Pulumi adapter reads
  // azuread.User's `password` the same way.
  'azuread_user',
  // An AKS cluster's `windows_profile.admin_password` and `service_principal.client_secret` (below), as the Pulumi
  // adapter reads azure-native's and the classic provider's.
  'azurerm_kubernetes_cluster',
]);

/**
 * Arguments that hold a password under another name, per type: the client secret of the service principal an AKS
 * cluster without a managed identity runs as (terraform-provider-azurerm website/docs/r/kubernetes_cluster: a
 * `service_principal` block's `client_secret`), an Entra ID application password.
 */
const SECRET_ARGUMENTS: Readonly<Record<string, RegExp>> = { azurerm_kubernetes_cluster: /^client_secret$/ };

/** How a Terraform configuration keeps an AKS cluster's secrets out of its source. */
const AKS_PASSWORD_ADVICE =
  'Give the cluster a managed identity (identity) instead of a service principal and its client_secret, and pass a ' +
  'Windows administrator password the configuration does not hold (a random_password)';

/** How a Terraform configuration keeps an Entra ID user's password out of its source. */
const ENTRA_USER_PASSWORD_ADVICE =
  'Pass a password the configuration does not hold (a random_password handed to the person out of band) with ' +
  'force_password_change set, so the person replaces it at first sign-in, or invite the person ' +
  '(azuread_invitation) instead of giving the account a password';

/**
 * The administrator password an AzureRM VM or database server writes in its configuration, judged as an AWS password
 * argument is (a constant, or a variable whose default or module argument is one; a local is undecidable). Only the
 * configuration is read: without it a known value may come from anywhere.
 */
function azurePasswords(
  instance: TerraformInstance,
  configuration: TerraformConfiguration,
  refOf: (instance: TerraformInstance) => ResourceRef,
): PlainCredential[] {
  const expressions = configuration.expressions(instance);
  if (expressions === undefined) return [];
  const credentials = new ResourceCredentials('azure', () => refOf(instance));
  const advice =
    instance.type === 'azuread_user'
      ? ENTRA_USER_PASSWORD_ADVICE
      : instance.type === 'azurerm_kubernetes_cluster'
        ? AKS_PASSWORD_ADVICE
        : AZURE_PASSWORD_ADVICE;
  const secretArgument = Object.hasOwn(SECRET_ARGUMENTS, instance.type) ? SECRET_ARGUMENTS[instance.type] : undefined;
  const isPassword = (key: string) => PASSWORD_ARGUMENT.test(key) || secretArgument?.test(key) === true;
  for (const { place, expression, planned } of passwordExpressions(expressions, instance.values, '', isPassword)) {
    const verdict = writtenPassword(configuration, instance.parsed.modules, expression, planned, 0);
    if (verdict === 'undecidable') credentials.add('password', place, advice, true);
    else if (verdict !== undefined) credentials.add('password', `${place}${verdict.where}`, advice);
  }
  return credentials.found;
}

/** A block's first item: Terraform plans a block of at most one item as a list of one object. */
function firstBlock(value: unknown): Record<string, unknown> | undefined {
  const item: unknown = Array.isArray(value) ? value[0] : value;
  return isRecord(item) ? item : undefined;
}

/**
 * Every password argument of a resource's configuration with its planned value, through nested blocks (a broker's
 * `user[0].password`), which the configuration writes as lists of expression objects beside the plan's lists.
 */
function passwordExpressions(
  expressions: Record<string, unknown>,
  values: unknown,
  path: string,
  isPassword: (key: string) => boolean = (key) => PASSWORD_ARGUMENT.test(key),
): { place: string; expression: unknown; planned: unknown }[] {
  const planned = isRecord(values) ? values : {};
  return Object.entries(expressions).flatMap(([key, expression]) => {
    const place = path === '' ? key : `${path}.${key}`;
    if (isPassword(key)) return [{ place, expression, planned: planned[key] }];
    if (NOT_WALKED.has(key)) return [];
    // A block or object written as one constant: its password arguments are constants too.
    if (isRecord(expression) && 'constant_value' in expression)
      return passwordValues(expression.constant_value, place, isPassword).map(({ place: at, value }) => ({
        place: at,
        expression: { constant_value: value },
        planned: value,
      }));
    if (!Array.isArray(expression)) return [];
    const items: unknown = planned[key];
    return expression.flatMap((item: unknown, index) =>
      isRecord(item)
        ? passwordExpressions(item, Array.isArray(items) ? items[index] : undefined, `${place}[${index}]`, isPassword)
        : [],
    );
  });
}

/** Every password argument of planned values, through nested blocks. */
function passwordValues(
  value: unknown,
  path: string,
  isPassword: (key: string) => boolean = (key) => PASSWORD_ARGUMENT.test(key),
): { place: string; value: unknown }[] {
  if (Array.isArray(value))
    return value.flatMap((item, index) => passwordValues(item, `${path}[${index}]`, isPassword));
  if (!isRecord(value)) return [];
  return Object.entries(value).flatMap(([key, item]) => {
    const place = path === '' ? key : `${path}.${key}`;
    if (isPassword(key)) return [{ place, value: item }];
    return NOT_WALKED.has(key) ? [] : passwordValues(item, place, isPassword);
  });
}

const MAX_DEPTH = 16;

/** Where a password is written (` (the default of variable db_password)`, or `''` for the argument itself), or that it cannot be told. */
type Written = { where: string } | 'undecidable';

/**
 * Whether a password argument's expression is written in the source: a constant, a variable whose module argument or
 * default is one, `undecidable` (a local's value: locals are not in the plan's configuration), or undefined (a
 * resource's or data source's value, a variable given at plan time).
 */
function writtenPassword(
  configuration: TerraformConfiguration,
  modules: readonly ModuleStep[],
  expression: unknown,
  planned: unknown,
  depth: number,
): Written | undefined {
  if (!isRecord(expression) || depth > MAX_DEPTH) return undefined;
  if ('constant_value' in expression) return literalPassword(expression.constant_value) ? { where: '' } : undefined;
  const references = Array.isArray(expression.references)
    ? expression.references.filter((reference): reference is string => typeof reference === 'string')
    : [];
  const heads = new Set(references.map((reference) => reference.split('.')[0]));
  if (references.length === 0 || [...heads].some((head) => head !== 'var' && head !== 'local')) return undefined;
  if (heads.has('local')) return literalPassword(planned) ? 'undecidable' : undefined;
  // Only variables: written where each one's value is written, when there is one.
  for (const reference of new Set(references)) {
    const name = reference.split('.')[1];
    const source = name !== undefined ? configuration.variable(modules, name) : undefined;
    if (!source) continue;
    const inner = writtenPassword(configuration, source.modules, source.expression, planned, depth + 1);
    if (inner === 'undecidable') return inner;
    if (inner !== undefined) return inner.where === '' ? { where: ` (${source.where})` } : inner;
  }
  return undefined;
}

/** A step of a start-up text's path: an attribute, or the first item of a block. */
const FIRST = 0;

/**
 * Where Azure and Google Cloud VMs take start-up text, which the cloud keeps in the VM's configuration, readable by
 * whoever may read the VM: azurerm's `custom_data` and `user_data` (and the legacy `azurerm_virtual_machine`'s
 * `os_profile` block), google's `metadata_startup_script` and the `startup-script` metadata keys.
 */
const STARTUP_TEXT: Readonly<Record<string, { cloud: 'azure' | 'gcp'; paths: readonly (readonly (string | 0)[])[] }>> =
  {
    azurerm_linux_virtual_machine: { cloud: 'azure', paths: [['custom_data'], ['user_data']] },
    azurerm_windows_virtual_machine: { cloud: 'azure', paths: [['custom_data'], ['user_data']] },
    azurerm_linux_virtual_machine_scale_set: { cloud: 'azure', paths: [['custom_data'], ['user_data']] },
    azurerm_windows_virtual_machine_scale_set: { cloud: 'azure', paths: [['custom_data'], ['user_data']] },
    azurerm_virtual_machine: { cloud: 'azure', paths: [['os_profile', FIRST, 'custom_data']] },
    google_compute_instance: {
      cloud: 'gcp',
      paths: [['metadata_startup_script'], ['metadata', 'startup-script'], ['metadata', 'windows-startup-script-ps1']],
    },
    google_compute_instance_template: {
      cloud: 'gcp',
      paths: [['metadata_startup_script'], ['metadata', 'startup-script'], ['metadata', 'windows-startup-script-ps1']],
    },
  };

/** `os_profile[0].custom_data`, `metadata["startup-script"]`: a path as Terraform writes it. */
function terraformPath(path: readonly (string | 0)[]): string {
  return path
    .map((step, index) =>
      step === FIRST
        ? '[0]'
        : index > 0 && path[index - 1] === 'metadata'
          ? `[${JSON.stringify(step)}]`
          : `${index > 0 ? '.' : ''}${step}`,
    )
    .join('');
}

/**
 * Credentials of a documented format in an Azure or Google Cloud VM's start-up text, one per kind, each place named:
 * the planned value, and the configuration's constant of a top-level argument (a value the provider plans as a hash).
 */
function startupTextCredentials(
  instance: TerraformInstance,
  configuration: TerraformConfiguration,
  refOf: (instance: TerraformInstance) => ResourceRef,
): PlainCredential[] {
  const shape = Object.hasOwn(STARTUP_TEXT, instance.type) ? STARTUP_TEXT[instance.type] : undefined;
  if (!shape) return [];
  const expressions = configuration.expressions(instance);
  // An AWS key on another cloud's VM has no IAM role to give way to: the cloud's secret store is the advice.
  const credentials = new ResourceCredentials(shape.cloud, () => refOf(instance));
  for (const path of shape.paths) {
    const planned = path.reduce<unknown>(
      (at, step) => (step === FIRST ? (Array.isArray(at) ? at[0] : undefined) : isRecord(at) ? at[step] : undefined),
      instance.values,
    );
    const written = path.length === 1 ? expressions?.[path[0] as string] : undefined;
    const texts = [planned, isRecord(written) ? written.constant_value : undefined].filter(
      (text): text is string => typeof text === 'string',
    );
    for (const kind of credentialsInStartupText(texts)) {
      const place = terraformPath(path);
      credentials.add(kind, place, STARTUP_TEXT_ADVICE[shape.cloud]);
    }
  }
  return credentials.found;
}
