/**
 * The Google provider's project, zone and region, where a resource leaves its own to the provider. The provider
 * creates the resource in its configuration's `project` when the resource sets none (GetProjectFromSchema:
 * hashicorp/terraform-provider-google e03b7622, google/tpgresource/field_helpers.go; `getProjectFromSchema` in
 * v2.5.0's google/field_helpers.go), likewise its `zone` (GetZone, google/tpgresource/regional_utils.go) and its
 * `region` (GetRegionFromSchema, field_helpers.go: the resource's region, its zone's region, then the provider's).
 * Providers since 5.0 write the project (and a VM's zone) into the plan themselves (tpgresource.DefaultProviderProject);
 * older ones, and google_container_cluster to this day, leave it known only after apply, so the workload, custom role
 * or pool provider had no full name an exception could bind to, and a service account no e-mail.
 *
 * Read only where the plan says for certain what the provider will use: the provider configuration the resource is
 * keyed to writes the argument as a literal (`constant_value`). Anything else stays unknown:
 * - a reference (`var.project_id`, `local.project`, `data.…`): the plan's JSON lists what an expression refers to, not
 *   the expression (hashicorp/terraform internal/command/jsonconfig/expression.go), so `var.project_id`,
 *   `"${var.project_id}-dev"` and `lower(var.project_id)` read the same; taking the variable's value would let the
 *   author of the change pick the name an exception binds to;
 * - an argument the provider block leaves out (or writes empty): the provider then reads GOOGLE_PROJECT,
 *   GOOGLE_REGION, GOOGLE_ZONE and their aliases from its environment (transport/config.go HandleSDKDefaults);
 * - a resource in a module of a plan from Terraform before 1.2, whose provider key names no configuration (config.ts).
 * A GKE cluster's or node pool's `location` is not read from the provider either: which provider argument it falls back
 * to changed across provider versions (v2.5.0's getLocation takes the provider's zone; today's GetLocation its region,
 * then its zone), and the plan does not say which version made it.
 */
import { isRecord, lookupTable } from '../../util/records.js';
import type { TerraformConfiguration } from './config.js';
import type { TerraformInstance } from './plan.js';

/** An argument the provider supplies when the resource writes none of `writtenBy`. */
interface ProviderDefault {
  attribute: 'project' | 'zone' | 'region';
  /** The resource's own arguments that, written, decide the value instead of the provider's. */
  writtenBy: readonly string[];
}

const PROJECT: ProviderDefault = { attribute: 'project', writtenBy: ['project'] };
const ZONE: ProviderDefault = { attribute: 'zone', writtenBy: ['zone'] };
const REGION: ProviderDefault = { attribute: 'region', writtenBy: ['region', 'zone'] };

/**
 * The types whose project (zone, region) names what the check reads: a workload's full name, a service account's
 * e-mail, a custom role's or pool provider's full name, a project IAM grant's scope (`project` was optional in
 * google_project_iam_* before provider 4.0). Each creates the resource with tpgresource.GetProject (and GetZone,
 * GetRegion) of the provider's config.
 */
const PROVIDER_DEFAULTS: Readonly<Record<string, readonly ProviderDefault[]>> = lookupTable({
  google_container_cluster: [PROJECT],
  google_container_node_pool: [PROJECT],
  google_compute_instance: [PROJECT, ZONE],
  google_compute_instance_from_template: [PROJECT, ZONE],
  google_compute_instance_template: [PROJECT],
  google_compute_region_instance_template: [PROJECT, REGION],
  google_cloud_run_v2_service: [PROJECT],
  google_cloud_run_v2_job: [PROJECT],
  google_cloudfunctions2_function: [PROJECT],
  google_cloudfunctions_function: [PROJECT, REGION],
  google_dataproc_cluster: [PROJECT],
  google_service_account: [PROJECT],
  google_project_iam_custom_role: [PROJECT],
  google_iam_workload_identity_pool_provider: [PROJECT],
  google_project_iam_member: [PROJECT],
  google_project_iam_binding: [PROJECT],
  google_project_iam_policy: [PROJECT],
});

/** The Google provider (and its beta), by source address where the plan has one (`registry.terraform.io/hashicorp/google`). */
const GOOGLE_PROVIDER = /^(?:[^/]+\/)?hashicorp\/google(?:-beta)?$/;

/**
 * The instance with the provider's project, zone or region where the resource leaves its own to the provider, the
 * plan does not know it, and the provider configuration writes it as a literal; else the instance as it is.
 */
export function withProviderDefaults(
  instance: TerraformInstance,
  configuration: TerraformConfiguration,
): TerraformInstance {
  const defaults = Object.hasOwn(PROVIDER_DEFAULTS, instance.type) ? PROVIDER_DEFAULTS[instance.type] : undefined;
  const expressions = defaults ? configuration.expressions(instance) : undefined;
  // A resource the configuration does not list (a state, a hand-trimmed plan): nothing says what it leaves out.
  if (!defaults || !expressions) return instance;
  let values: Record<string, unknown> | undefined;
  let unknown: Record<string, unknown> | undefined;
  for (const { attribute, writtenBy } of defaults) {
    if (writtenBy.some((argument) => Object.hasOwn(expressions, argument))) continue;
    if (!leftToApply(instance, attribute)) continue;
    const value = providerLiteral(configuration.providerConfig(instance), attribute);
    if (value === undefined) continue;
    values ??= { ...instance.values };
    values[attribute] = value;
    unknown ??= isRecord(instance.unknown) ? { ...instance.unknown } : {};
    unknown[attribute] = false;
  }
  return values ? { ...instance, values, ...(unknown ? { unknown } : {}) } : instance;
}

/** True when the plan does not know the value: known only after apply, or null (an optional argument left unset). */
function leftToApply(instance: TerraformInstance, attribute: string): boolean {
  if (isRecord(instance.unknown) && instance.unknown[attribute] === true) return true;
  const value = instance.values[attribute];
  return value === undefined || value === null;
}

/** The provider configuration's argument, where it is a non-empty literal of a Google provider's block. */
function providerLiteral(config: Record<string, unknown> | undefined, argument: string): string | undefined {
  if (!config || !isGoogleProvider(config)) return undefined;
  const expressions = config.expressions;
  const expression = isRecord(expressions) ? expressions[argument] : undefined;
  if (!isRecord(expression) || Object.hasOwn(expression, 'references')) return undefined;
  const value = expression.constant_value;
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A provider configuration of the Google provider: by its source address, or (plan format 0.x) its local name. */
function isGoogleProvider(config: Record<string, unknown>): boolean {
  if (typeof config.full_name === 'string') return GOOGLE_PROVIDER.test(config.full_name);
  return config.name === 'google' || config.name === 'google-beta';
}
