/**
 * A Terraform plan (or state) into the normalized model, through the Pulumi adapter: each instance becomes the
 * record of the Pulumi resource generated from the same Terraform resource (see providers.ts), values known only
 * after apply become Unknowns that name the attribute and what it comes from, and the configuration's references
 * stand in for Pulumi's property dependencies. Findings then name the Terraform address and type.
 */
import { modelFromPulumiResources, PulumiResourceError, type PulumiResource } from '../pulumi/index.js';
import { hasSystemAssignedType } from '../pulumi/azure-native.js';
import { SERVICE_PRINCIPAL_LOOKUP } from '../pulumi/azuread.js';
import {
  GEN1_FUNCTION_TYPE,
  gen1FunctionNamed,
  gen1FunctionTrigger,
  type Gen1Function,
} from '../pulumi/gcp-functions.js';
import {
  isUnknown,
  unknownValue,
  type Model,
  type ResourceRef,
  type RoleGrant,
  type Secret,
  type SecretValueAdvice,
  type Unknown,
} from '../../model/model.js';
import { forEachResourceRef } from '../../model/refs.js';
import { resourceValue } from '../../model/deployment.js';
import { isKnownRecord, isRecord, setOwn } from '../../util/records.js';
import { formatValuePath, type ValuePath } from '../../util/depth.js';
import { moduleAddress } from './address.js';
import { TerraformConfiguration, type AttributeSource } from './config.js';
import { readTerraformPlan, TerraformPlanError, type TerraformDataSource, type TerraformInstance } from './plan.js';
import { plainCredentialsOfTerraform } from './plain-credentials.js';
import { withProviderDefaults } from './provider-defaults.js';
import { inlineRotationDays } from './secret-rotation.js';
import {
  convertValues,
  GCP_RESOURCE_IAM,
  propertyName,
  pulumiTypeOf,
  TERRAFORM_TYPES,
  UNMODELLED_GRANTING_BLOCKS,
  HELM_RELEASE,
  UNMODELLED_GRANTING_TYPES,
  type ResourceMapping,
} from './providers.js';

/** How a Terraform configuration keeps a secret value out of its source. */
const LITERAL_VALUE_ADVICE: SecretValueAdvice = {
  keepOut: 'Generate the value at apply time (a random provider) or set it out of band',
};

/** What a configuration adds to rotate a secret, per cloud. */
const ROTATION_ADVICE: Partial<Record<Secret['cloud'], string>> = {
  aws: 'an aws_secretsmanager_secret_rotation',
  gcp: 'a rotation block (rotation_period, next_rotation_time)',
};
/** Where a configuration writes a Key Vault secret's expiry. */
const EXPIRY_ADVICE = 'expiration_date';

/**
 * An AzureRM resource of any type with a system-assigned managed identity (`identity { type = "SystemAssigned" }`,
 * alone or with user-assigned ones): Azure creates that identity with the resource. Whether it is there is read from
 * the planned `identity[0].type`; an identity type known only at apply is not guessed.
 */
function hasSystemAssignedIdentity(instance: TerraformInstance): boolean {
  if (!instance.type.startsWith('azurerm_')) return false;
  const identity: unknown = instance.values.identity;
  const block: unknown = Array.isArray(identity) ? identity[0] : undefined;
  return isKnownRecord(block) && hasSystemAssignedType(block.type);
}

/**
 * The resource as the Pulumi Azure adapters read a resource with a system-assigned identity (azure-native's shape:
 * `identity: { type, principalId }`, its name and tags), so the identity, its holder and its findings are the same
 * whichever tool plans it. Its Terraform type is kept under the `azure:` prefix the adapters look for.
 */
function systemAssignedRecord(instance: TerraformInstance, values: Record<string, unknown>): PulumiResource {
  const identity: unknown = Array.isArray(values.identity) ? values.identity[0] : undefined;
  const block = isRecord(identity) ? identity : {};
  return {
    type: `azure:terraform:${instance.type}`,
    name: instance.address,
    urn: instance.address,
    props: {
      ...(values.name !== undefined ? { name: values.name } : {}),
      ...(values.tags !== undefined ? { tags: values.tags } : {}),
      identity: { type: block.type, principalId: block.principal_id },
    },
  };
}

/** The data source type the adapter reads: the service principal an Entra ID grant is on. */
const SERVICE_PRINCIPAL_DATA = 'azuread_service_principal';

/**
 * An `azuread_service_principal` data source as the Pulumi adapter reads a service principal looked up
 * (`azuread.getServicePrincipal`'s token): the API an app role assignment or a delegated permission grant is on, never
 * an identity of the change. Microsoft Graph's, as the provider's documentation finds it, is recognised by its client
 * id; what the plan does not know (a data source read at apply) stays unknown, naming the attribute, so a grant on it
 * stays unseen or pending. azuread 2.x names the client id `application_id`.
 */
function servicePrincipalLookup(data: TerraformDataSource): PulumiResource {
  const whole = unknownValue(`${data.address} is not read until apply`);
  const read = data.readAtApply
    ? withUnknowns(data.values, data.unknown, (path) =>
        unknownValue(`${data.address}.${path} is not known until apply (the data source is read at apply)`),
      )
    : data.values;
  const values = isRecord(read) ? read : {};
  // Read at apply, an attribute the plan leaves out is not known either: the data source has not been read yet.
  const value = (...attributes: string[]): unknown => {
    const found = attributes.map((attribute) => values[attribute]).find((item) => item !== undefined && item !== null);
    return found ?? (data.readAtApply || !isRecord(read) ? whole : undefined);
  };
  return {
    type: SERVICE_PRINCIPAL_LOOKUP,
    name: data.address,
    urn: data.address,
    props: {
      clientId: value('client_id', 'application_id'),
      objectId: value('object_id'),
      id: value('id', 'object_id'),
    },
  };
}

export interface TerraformModelOptions {
  /** The plan file, as findings should name it. */
  file?: string;
}

/** The model of a `terraform show -json` document (plan or state). Throws TerraformPlanError when it cannot be read. */
export function modelFromTerraformPlan(json: Record<string, unknown>, options: TerraformModelOptions = {}): Model {
  const plan = readTerraformPlan(json);
  const lookups = plan.dataSources.filter(({ type }) => type === SERVICE_PRINCIPAL_DATA);
  const configuration = new TerraformConfiguration(plan.configuration, [...plan.instances, ...lookups]);
  const refs = new Map<string, ResourceRef>();
  const refOf = (instance: Pick<TerraformInstance, 'type' | 'address'>): ResourceRef => ({
    type: instance.type,
    name: instance.address,
    ...(options.file ? { file: options.file } : {}),
  });
  const records: PulumiResource[] = [];
  const unseen: Model['unseen'] & object = [];
  const gcpResourceIam: GcpResourceIam[] = [];
  const mappings = new Map<string, ResourceMapping>();
  /** Secrets Manager secrets with their values, for the rotation older AWS providers set on the secret itself. */
  const awsSecrets: { instance: TerraformInstance; values: Record<string, unknown> }[] = [];
  const ownIdentities = new Set(
    plan.instances.filter(({ type }) => OWN_IDENTITY_TYPES.has(type)).map(({ address }) => address),
  );
  for (const planned of plan.instances) {
    const instance = withProviderDefaults(planned, configuration);
    const mapping = TERRAFORM_TYPES[instance.type];
    if (instance.type === HELM_RELEASE) {
      const chart = instance.values.chart;
      unseen.push({
        resource: refOf(instance),
        kind: 'helm-release',
        what: HELM_RELEASE,
        ...(typeof chart === 'string' && chart !== '' ? { named: chart } : {}),
      });
      continue;
    }
    if (!mapping && UNMODELLED_GRANTING_TYPES.has(instance.type)) {
      unseen.push({ resource: refOf(instance), kind: 'unmodelled-terraform-type', what: instance.type });
      continue;
    }
    const grantingBlock = Object.hasOwn(UNMODELLED_GRANTING_BLOCKS, instance.type)
      ? UNMODELLED_GRANTING_BLOCKS[instance.type]
      : undefined;
    if (grantingBlock !== undefined && writesBlock(instance, grantingBlock, configuration))
      unseen.push({
        resource: refOf(instance),
        kind: 'unmodelled-terraform-type',
        what: `${instance.type} ${grantingBlock}`,
      });
    const gcpIam = mapping ? undefined : gcpResourceIamParts(instance.type);
    const systemAssigned = !mapping && !gcpIam && hasSystemAssignedIdentity(instance);
    if (!mapping && !gcpIam && !systemAssigned) continue;
    const sources = configuration.sources(instance);
    const reported = configuration.present
      ? (mapping?.reportsOthers ?? []).filter((attribute) => !sources.has(attribute))
      : [];
    const unknown = configuration.present
      ? unsetUnconfigured(instance.unknown, configuration.expressions(instance), mapping?.unsetUnlessConfigured ?? [])
      : instance.unknown;
    const values = withUnknowns(
      withoutAttributes(instance.values, reported),
      withoutAttributes(unknown, reported),
      (path, attribute) => {
        const from = (sources.get(attribute)?.references ?? []).map((reference) => fromRoot(instance, reference));
        return unknownValue(
          `${instance.address}.${path} is not known until apply${from.length ? ` (from ${from.join(', ')})` : ''}`,
          path === attribute ? ownIdentityArn(from, ownIdentities) : undefined,
        );
      },
    ) as Record<string, unknown>;
    if (!mapping) {
      if (systemAssigned) {
        records.push(systemAssignedRecord(instance, values));
        refs.set(instance.address, refOf(instance));
        continue;
      }
      // A Google Cloud resource's own IAM (the other types without a mapping were passed over above).
      if (gcpIam) {
        // Which resource of the change the IAM is about, where its name is known only at apply (a function's).
        const dependencies = sources.get('cloud_function')?.dependencies ?? [];
        gcpResourceIam.push({ instance, values, ...gcpIam, dependencies });
        refs.set(instance.address, refOf(instance));
      }
      continue;
    }
    const type = pulumiTypeOf(mapping, values);
    if (!type) continue;
    if (instance.type === 'aws_secretsmanager_secret') awsSecrets.push({ instance, values });
    // Attributes are the plan's names: gathered in a Map, so one named `constructor` or `__proto__` is one too.
    const propertyDependencies = new Map<string, string[]>();
    for (const [attribute, source] of sources) {
      const dependencies = dependenciesOf(source, mapping.secretValue?.includes(attribute) ?? false);
      if (dependencies.length === 0) continue;
      const properties =
        mapping.verbatim === attribute
          ? ['metadata', 'subjects', 'data', 'stringData']
          : [propertyName(mapping, attribute)];
      for (const property of properties)
        propertyDependencies.set(property, [...(propertyDependencies.get(property) ?? []), ...dependencies]);
    }
    records.push({
      type,
      name: instance.address,
      urn: instance.address,
      props: convertValues(mapping, values),
      propertyDependencies: Object.fromEntries(propertyDependencies),
    });
    refs.set(instance.address, refOf(instance));
    mappings.set(instance.address, mapping);
  }
  for (const data of lookups) {
    records.push(servicePrincipalLookup(data));
    refs.set(data.address, refOf(data));
  }
  const model = pulumiModelOf(records, mappings);
  // The Pulumi adapter names where a workload's account, a storage account's Shared Key or an EKS cluster's creator
  // admin is set in Pulumi's words:
  // Terraform's are its own.
  for (const use of [
    ...(model.defaultIdentityUses ?? []),
    ...(model.sharedKeys ?? []),
    ...(model.clusterCreatorAdmins ?? []),
  ]) {
    const mapping = use.source.urn !== undefined ? mappings.get(use.source.urn) : undefined;
    if (mapping) use.setting = terraformSetting(mapping, use.setting);
  }
  // A granting property the Pulumi adapter does not read (an azuread_group's `members`) is the plan's, as an
  // azurerm_mssql_server's azuread_administrator block is (UNMODELLED_GRANTING_BLOCKS): named as the plan writes it
  // (`azuread_group members`, not `azuread:index/group:Group members`), and what it grants is not known at plan time.
  for (const entry of model.unseen ?? []) {
    const urn = entry.resource.urn;
    const mapping = urn !== undefined ? mappings.get(urn) : undefined;
    const instanceType = urn !== undefined ? refs.get(urn)?.type : undefined;
    const [type, property] = entry.what.split(' ');
    if (entry.kind !== 'unmodelled-pulumi-type' || !mapping || !instanceType || type !== entry.resource.type) continue;
    entry.kind = 'unmodelled-terraform-type';
    entry.what = property === undefined ? instanceType : `${instanceType} ${terraformSetting(mapping, property)}`;
  }
  addGcpResourceIam(model, gcpResourceIam, refOf, records);
  inTerraformWords(model, mappings);
  renameResources(model, refs);
  // Credentials in plain configuration are read from every instance, mapped or not, and judged on the configuration
  // (which the Pulumi records do not carry): they replace what the Pulumi adapter read from the mapped records.
  delete model.plainCredentials;
  const plainCredentials = plainCredentialsOfTerraform(plan.instances, configuration, refOf);
  if (plainCredentials.length > 0) model.plainCredentials = plainCredentials;
  withOwnIdentityPrincipals(model);
  for (const { instance, values } of awsSecrets) addInlineRotation(model, instance, values, refOf(instance));
  for (const secret of model.secrets) {
    // The Pulumi adapters' rotation and expiry advice is Pulumi's: Terraform's is its own. Advice about a rotation of the
    // plan that rotates nothing (no function: rotationSource without rotationDays) names that resource, in Terraform's
    // words already (inTerraformWords).
    const aboutOwnRotation = secret.rotationSource !== undefined && secret.rotationDays === undefined;
    if (secret.rotationAdvice !== undefined && !aboutOwnRotation) {
      const advice = ROTATION_ADVICE[secret.cloud];
      if (advice === undefined) delete secret.rotationAdvice;
      else secret.rotationAdvice = advice;
    }
    if (secret.expiryAdvice !== undefined) secret.expiryAdvice = EXPIRY_ADVICE;
    // A value the configuration writes as a literal (not from a variable, a resource or a data source) is in the source.
    if (!secret.valueInProgram) continue;
    // The Pulumi adapter's advice is Pulumi's (stack config): Terraform's is its own.
    delete secret.valueAdvice;
    if (!refs.has(secret.resource.name)) continue;
    delete secret.valueInProgram;
    secret.plaintextValue = true;
    secret.valueAdvice = LITERAL_VALUE_ADVICE;
  }
  if (unseen.length) model.unseen = [...(model.unseen ?? []), ...unseen];
  const removed = plan.deleted
    .filter((instance) => TERRAFORM_TYPES[instance.type] || GCP_RESOURCE_IAM.test(instance.type))
    .map(refOf);
  if (removed.length) model.removed = removed;
  return model;
}

/**
 * `after_unknown` without the marks of the given paths (ResourceMapping.unsetUnlessConfigured) where the configuration
 * does not write them: the value is then the default the provider or the API picks, which the change leaves unset.
 * Blocks are lists in both `after_unknown` and the configuration, matched item by item. Without the resource's
 * configuration every mark stays.
 */
export function unsetUnconfigured(
  unknown: unknown,
  expressions: Record<string, unknown> | undefined,
  paths: readonly string[],
): unknown {
  // A resource the configuration does not list (a hand-trimmed plan): nothing says what it leaves out.
  if (expressions === undefined) return unknown;
  let result = unknown;
  for (const path of paths) result = unsetAt(result, expressions, path.split('.'));
  return result;
}

function unsetAt(unknown: unknown, expression: unknown, path: readonly string[]): unknown {
  if (path.length === 0) return expression === undefined ? false : unknown;
  if (Array.isArray(unknown))
    return unknown.map((item: unknown, index) => unsetAt(item, blockExpression(expression, index), path));
  const [head, ...rest] = path;
  if (head === undefined || !isRecord(unknown) || !Object.hasOwn(unknown, head)) return unknown;
  const result = { ...unknown };
  setOwn(result, head, unsetAt(unknown[head], fieldExpression(expression, head), rest));
  return result;
}

/** The configuration of a block's item: blocks are lists of expression objects; a block from one expression is written. */
function blockExpression(expression: unknown, index: number): unknown {
  if (Array.isArray(expression)) return expression[index];
  if (isRecord(expression) && 'constant_value' in expression) {
    const value = expression.constant_value;
    const item: unknown = Array.isArray(value) ? value[index] : value;
    return item === undefined || item === null ? undefined : { constant_value: item };
  }
  return expression;
}

/** The configuration of an attribute of a block (or the resource): undefined where it is not written. */
function fieldExpression(expression: unknown, name: string): unknown {
  if (Array.isArray(expression)) return fieldExpression(expression[0], name);
  if (!isRecord(expression)) return undefined;
  if ('constant_value' in expression) {
    const value = expression.constant_value;
    const field: unknown = isRecord(value) ? value[name] : undefined;
    return field === undefined || field === null ? undefined : { constant_value: field };
  }
  // A whole block from one expression (`references`): whatever it holds is written by the configuration.
  if ('references' in expression) return expression;
  return expression[name];
}

/**
 * What the Pulumi adapter says of a record's property (`aws_iam_role_policy_attachment.a.policyArn is not set`, `<…: user
 * not set>`) in the words of the Terraform input it came from (`….policy_arn is not set`): every value unknown, and every
 * text of the model, that names an instance of the plan followed by a property path (`<address>.<path>`), or by a colon
 * and words naming properties (`<address>: neither roleDefinitionId nor roleDefinitionName is set`), gets the
 * Terraform attribute for each property (the mapping's renames, snake_case otherwise). A Kubernetes object written as is
 * (`kubernetes_manifest`) keeps its own field names.
 */
function inTerraformWords(model: Model, mappings: ReadonlyMap<string, ResourceMapping>): void {
  const translated = new Map<Unknown, Unknown>();
  const seen = new WeakSet<object>();
  const text = (value: string): string =>
    value.includes('.') || value.includes(':') ? terraformWords(value, mappings) : value;
  const visit = (node: object): void => {
    if (seen.has(node)) return;
    seen.add(node);
    if (Object.isFrozen(node)) return;
    const slots: Record<string | number, unknown> = node as Record<string | number, unknown>;
    for (const key of Object.keys(slots)) {
      const value = slots[key];
      if (typeof value === 'string') {
        const words = text(value);
        if (words !== value) slots[key] = words;
      } else if (isUnknown(value)) {
        let words = translated.get(value);
        if (words === undefined) {
          const description = text(value.description);
          words = description === value.description ? value : { ...value, description };
          translated.set(value, words);
        }
        if (words !== value) slots[key] = words;
      } else if (typeof value === 'object' && value !== null) visit(value);
    }
  };
  visit(model);
}

const WORD = /[^\s<>(),;"']+/g;
const PROPERTY_WORD = /\b[a-z][a-z0-9]*(?:[A-Z][a-z0-9]*)+\b/g;

function terraformWords(value: string, mappings: ReadonlyMap<string, ResourceMapping>): string {
  let result = '';
  let last = 0;
  for (const match of value.matchAll(WORD)) {
    const token = match[0];
    const at = match.index;
    // `<address>: words naming properties`: the words after it, up to the end of the text.
    if (token.endsWith(':')) {
      const mapping = mappings.get(token.slice(0, -1));
      if (mapping && mapping.verbatim === undefined) {
        const rest = value.slice(at + token.length).replace(PROPERTY_WORD, (word) => terraformSetting(mapping, word));
        return `${result}${value.slice(last, at + token.length)}${rest}`;
      }
    }
    for (let dot = token.indexOf('.'); dot > 0; dot = token.indexOf('.', dot + 1)) {
      const mapping = mappings.get(token.slice(0, dot));
      if (!mapping) continue;
      if (mapping.verbatim !== undefined) break;
      const [, path = '', tail = ''] = /^(.*?)([.:]*)$/.exec(token.slice(dot + 1)) ?? [];
      result += `${value.slice(last, at)}${token.slice(0, dot + 1)}${terraformSetting(mapping, path)}${tail}`;
      last = at + token.length;
      break;
    }
  }
  return last === 0 ? value : `${result}${value.slice(last)}`;
}

/** `nodePools[0].nodeConfig.serviceAccount` as Terraform writes it: `node_pool[0].node_config.service_account`. */
function terraformSetting(mapping: ResourceMapping, setting: string): string {
  return setting
    .split('.')
    .map((step) => {
      const [, name = step, index = ''] = /^([^[]+)(\[\d+\])?$/.exec(step) ?? [];
      const renamed = Object.entries(mapping.rename ?? {}).find(([, pulumi]) => pulumi === name)?.[0];
      return `${renamed ?? name.replace(/[A-Z]/g, (char) => `_${char.toLowerCase()}`)}${index}`;
    })
    .join('.');
}

/** Reference heads that are no resource, data source or module call: kept as the module writes them. */
const MODULE_SCOPED = new Set(['var', 'local', 'each', 'count', 'path', 'terraform', 'self']);

/**
 * A reference a module's configuration makes (`data.aws_iam_policy_document.r3`), named by its address from the root
 * (`module.poc.data.aws_iam_policy_document.r3`) as the plan names resources; variables, locals and `each`/`count`
 * stay as written.
 */
/** The AWS identities a plan creates or changes, whose ARN another attribute may be (ownIdentityArn). */
const OWN_IDENTITY_TYPES = new Set(['aws_iam_role', 'aws_iam_user']);

/**
 * The ARN, as the model renders it (`<Arn of aws_iam_role.worker>`), of the plan's own role or user that an attribute
 * known only at apply is: its configuration references that identity's `arn` and nothing else (`principal =
 * aws_iam_role.worker.arn`, which the plan lists as `aws_iam_role.worker.arn` and `aws_iam_role.worker`). Kept as the
 * Unknown's pattern (model.ts: a pattern without a wildcard is the value itself), so a Lambda permission or resource
 * policy principal waiting for the role's ARN is that role: its grant, not a principal of unknown account. An
 * expression that builds a string around the ARN references the same; such a principal is not written in practice
 * (IAM takes the ARN as it is).
 */
function ownIdentityArn(references: readonly string[], identities: ReadonlySet<string>): string | undefined {
  if (references.length !== 2) return undefined;
  const address = references.find((reference) => identities.has(reference));
  return address !== undefined && references.includes(`${address}.arn`) ? resourceValue(address, 'Arn') : undefined;
}

/**
 * A resource policy principal known only at apply that is the plan's own role or user (ownIdentityArn: its pattern
 * `<Arn of aws_iam_role.worker>`) gets, as its pattern, that identity's ARN as the model renders it
 * (`arn:aws:iam::<own-account>:role/worker` where the name is known), by which restrict-trust tells it is the change's
 * own identity, whose grant the statement is (resource-policy-grants.ts gives it through the policy's dependencies).
 */
function withOwnIdentityPrincipals(model: Model): void {
  const arnOf = new Map<string, string>();
  for (const identity of model.identities)
    if (identity.cloud === 'aws' && typeof identity.arn === 'string')
      arnOf.set(resourceValue(identity.resource.name, 'Arn'), identity.arn);
  if (arnOf.size === 0) return;
  for (const policy of model.resourcePolicies ?? [])
    for (const statement of policy.document.statements) {
      const values = statement.principal === '*' ? undefined : statement.principal?.AWS;
      if (!values) continue;
      for (let index = 0; index < values.length; index++) {
        const value = values[index];
        const arn = isUnknown(value) && value.pattern !== undefined ? arnOf.get(value.pattern) : undefined;
        if (isUnknown(value) && arn !== undefined) values[index] = unknownValue(value.description, arn);
      }
    }
}

function fromRoot(instance: TerraformInstance, reference: string): string {
  const prefix = moduleAddress(instance.parsed.modules);
  if (!prefix || MODULE_SCOPED.has(reference.split('.')[0] ?? '')) return reference;
  return `${prefix}.${reference}`;
}

function withoutAttributes<T>(values: T, attributes: readonly string[]): T {
  if (attributes.length === 0 || !isRecord(values)) return values;
  return Object.fromEntries(Object.entries(values).filter(([key]) => !attributes.includes(key))) as T;
}

/**
 * What an attribute's value depends on, as property dependencies. A secret value that is not a literal of the
 * configuration (a variable, another resource's output) is marked computed even when it depends on no resource,
 * so the Pulumi adapter does not take it for a value written in the source.
 */
function dependenciesOf(source: AttributeSource, secretValue: boolean): string[] {
  if (source.dependencies.length > 0) return source.dependencies;
  return secretValue && !source.constant ? ['(expression)'] : [];
}

/**
 * The values with an Unknown wherever `after_unknown` says the value is known only after apply. `after_unknown`
 * mirrors the values: `true` at an unknown leaf (or a whole unknown list or block), objects and lists around them.
 */
export function withUnknowns(
  value: unknown,
  unknown: unknown,
  describe: (path: string, attribute: string) => Unknown,
  path = '',
  attribute = '',
): unknown {
  if (unknown === true) return describe(path || '(all values)', attribute);
  if (Array.isArray(unknown)) {
    if (!unknown.some(marksUnknown)) return value;
    const result: unknown[] = Array.isArray(value) ? [...(value as unknown[])] : [];
    for (let index = 0; index < unknown.length; index++) {
      const item: unknown = unknown[index];
      if (marksUnknown(item))
        result[index] = withUnknowns(result[index], item, describe, `${path}[${index}]`, attribute);
    }
    return result;
  }
  if (isRecord(unknown)) {
    let result: Record<string, unknown> | undefined;
    for (const key in unknown) {
      const item = unknown[key];
      if (!marksUnknown(item)) continue;
      result ??= isRecord(value) ? { ...value } : {};
      setOwn(result, key, withUnknowns(result[key], item, describe, path ? `${path}.${key}` : key, attribute || key));
    }
    return result ?? value;
  }
  return value;
}

/** True when an `after_unknown` item marks something unknown (`true`, or a list or block with such an item inside). */
function marksUnknown(item: unknown): boolean {
  if (item === true) return true;
  if (Array.isArray(item)) return item.some(marksUnknown);
  if (isRecord(item)) {
    for (const key in item) if (marksUnknown(item[key])) return true;
  }
  return false;
}

/**
 * Whether the instance holds the block: one or more known items, or a value known only at apply. An optional and
 * computed block the configuration leaves out only reports what other resources write, and those are judged on their own.
 */
function writesBlock(instance: TerraformInstance, block: string, configuration: TerraformConfiguration): boolean {
  if (configuration.present && !configuration.sources(instance).has(block)) return false;
  const value = instance.values[block];
  const unknown = isRecord(instance.unknown) ? instance.unknown[block] : undefined;
  return unknown === true || (Array.isArray(value) && value.length > 0);
}

/**
 * The rotation a secret sets on itself (AWS providers before 5), where no aws_secretsmanager_secret_rotation of the
 * plan sets one: that resource replaced the secret's arguments, and the provider leaves rotation to it.
 */
function addInlineRotation(
  model: Model,
  instance: TerraformInstance,
  values: Record<string, unknown>,
  ref: ResourceRef,
): void {
  const secret = model.secrets.find((candidate) => candidate.id === instance.address);
  if (!secret || secret.rotationDays !== undefined) return;
  const days = inlineRotationDays(instance.address, values);
  if (days === undefined) return;
  secret.rotationDays = days;
  secret.rotationSource = ref;
}

/** Every resource reference in the model names the Terraform address and type, not the Pulumi record it went through. */
function renameResources(model: Model, refs: ReadonlyMap<string, ResourceRef>): void {
  forEachResourceRef(model, (ref) => {
    const terraform = ref.urn !== undefined ? refs.get(ref.urn) : undefined;
    if (!terraform) return;
    delete ref.urn;
    delete ref.stack;
    Object.assign(ref, terraform);
  });
}

/**
 * Google IAM on a single resource (`google_storage_bucket_iam_member`, `google_secret_manager_secret_iam_binding`, …):
 * the Pulumi adapter reads only project, folder, organization and service-account IAM, so these are read here, as
 * grants at resource level to the change's service accounts or to members outside it (`allUsers` included).
 */
/** A Google Cloud resource's own IAM (`google_storage_bucket_iam_member`): its values, resource and form. */
interface GcpResourceIam {
  instance: TerraformInstance;
  values: Record<string, unknown>;
  /** `storage_bucket` */
  resource: string;
  /** `member`, `binding` or `policy` */
  form: string;
  /** The instances its `cloud_function` is computed from (1st-gen function IAM). */
  dependencies: readonly string[];
}

function gcpResourceIamParts(type: string): { resource: string; form: string } | undefined {
  const [, resource, form] = GCP_RESOURCE_IAM.exec(type) ?? [];
  return resource !== undefined && form !== undefined ? { resource, form } : undefined;
}

function addGcpResourceIam(
  model: Model,
  entries: GcpResourceIam[],
  refOf: (instance: TerraformInstance) => ResourceRef,
  records: readonly PulumiResource[],
): void {
  const functions: Gen1Function[] = records
    .filter((record) => record.type === GEN1_FUNCTION_TYPE)
    .map((record) => ({ id: record.urn, props: record.props, label: record.name }));
  for (const { instance, values, resource, form, dependencies } of entries) {
    const source = refOf(instance);
    const target = scopeOf(values, resource);
    // google_cloudfunctions_function_iam_*: the 1st-gen function of the change it is on, if the plan shows which.
    const fn =
      resource === 'cloudfunctions_function'
        ? gen1FunctionNamed(values.cloud_function, values, dependencies, functions)
        : undefined;
    const pairs: { member: unknown; role: unknown }[] =
      form === 'member'
        ? [{ member: values.member, role: values.role }]
        : form === 'binding'
          ? (Array.isArray(values.members) ? (values.members as unknown[]) : [values.members]).map((member) => ({
              member,
              role: values.role,
            }))
          : policyPairs(values.policy_data, instance.address);
    for (const { member, role } of pairs) {
      const grant: RoleGrant = {
        kind: 'role',
        cloud: 'gcp',
        source,
        role: typeof role === 'string' || isUnknown(role) ? role : unknownValue(`${instance.address}.role is not set`),
        scope: target,
        scopeLevel: 'resource',
        ...(fn ? { functionTrigger: gen1FunctionTrigger(fn) } : {}),
      };
      const email =
        typeof member === 'string' && member.startsWith('serviceAccount:')
          ? member.slice('serviceAccount:'.length)
          : undefined;
      const holder = email
        ? model.identities.find((identity) => identity.kind === 'gcp-service-account' && identity.arn === email)
        : undefined;
      if (holder) holder.grants.push(grant);
      else
        (model.externalRoleGrants ??= []).push({
          member:
            typeof member === 'string'
              ? member
              : isUnknown(member)
                ? `<${member.description}>`
                : `<${instance.address}: a member is not set>`,
          grant,
        });
    }
  }
}

/** The resource an IAM resource is about: its first identifying attribute (`bucket`, `secret_id`, `topic`, …). */
function scopeOf(values: Record<string, unknown>, resource: string): string | Unknown {
  for (const key of [
    'bucket',
    'secret_id',
    'topic',
    'subscription',
    'dataset_id',
    'instance_name',
    'repository',
    'crypto_key_id',
    'key_ring_id',
    'service',
    'name',
    'table_id',
  ]) {
    const value = values[key];
    if (typeof value === 'string') return `${resource}/${value}`;
    if (isUnknown(value)) return value;
  }
  return resource;
}

function policyPairs(data: unknown, address: string): { member: unknown; role: unknown }[] {
  if (isUnknown(data)) return [{ member: data, role: data }];
  let policy: unknown;
  try {
    policy = typeof data === 'string' ? JSON.parse(data) : data;
  } catch {
    const unreadable = unknownValue(`${address}.policy_data is not JSON`);
    return [{ member: unreadable, role: unreadable }];
  }
  const bindings = isKnownRecord(policy) && Array.isArray(policy.bindings) ? policy.bindings.filter(isKnownRecord) : [];
  return bindings.flatMap((binding) =>
    (Array.isArray(binding.members) ? (binding.members as unknown[]) : []).map((member) => ({
      member,
      role: binding.role,
    })),
  );
}

/**
 * The Pulumi adapter's model of the records. A value the API refuses where reading it would misjudge the change (a
 * kubernetes_cluster_role_binding's `subject { kind = "foo" }`: the provider does not validate the kind, the API
 * server refuses the binding at apply) is broken input, as in a manifest: a plan error naming the address and the
 * Terraform attribute, which the CLI reports as a located error (exit 2).
 */
function pulumiModelOf(records: readonly PulumiResource[], mappings: ReadonlyMap<string, ResourceMapping>): Model {
  try {
    return modelFromPulumiResources(records);
  } catch (error) {
    if (!(error instanceof PulumiResourceError)) throw error;
    const mapping = mappings.get(error.urn);
    const path = mapping ? terraformPath(mapping, error.path) : error.path;
    throw new TerraformPlanError(`${error.urn}.${formatValuePath(path)}`, error.reason);
  }
}

/** A record's property path as the Terraform attribute it came from: `subjects[1].kind` is `subject[1].kind`. */
function terraformPath(mapping: ResourceMapping, path: ValuePath): ValuePath {
  if (mapping.verbatim !== undefined) return [mapping.verbatim, ...path];
  const [first, ...rest] = path;
  const renamed = Object.entries(mapping.rename ?? {}).find(([, property]) => property === first)?.[0];
  return [renamed ?? first ?? '', ...rest];
}
