/**
 * 1st-gen Cloud Functions (`gcp:cloudfunctions/function:Function`, Terraform's `google_cloudfunctions_function`) and
 * the IAM on them: how the function is triggered, and which function of the change an IAM member, binding or policy is
 * about. A 1st-gen function has one trigger, HTTP (`triggerHttp`) or an event (`eventTrigger`); only one with an HTTP
 * trigger is given a URL, so what an invoker grant on it exposes depends on which (judged in the rules). The Terraform
 * adapter maps the function onto this record and reads its IAM resources itself, so both use these readers.
 */
import { isUnknown, unknownValue, type Maybe } from '../../model/model.js';
import { isKnownRecord } from '../../util/records.js';
import { knownString } from './values.js';

export const GEN1_FUNCTION_TYPE = 'gcp:cloudfunctions/function:Function';

/** A 1st-gen function of the change, as the IAM on it is matched to it. */
export interface Gen1Function {
  /** Its URN (Pulumi) or address (Terraform), which dependencies name. */
  id: string;
  /** Its properties, in Pulumi's names. */
  props: Record<string, unknown>;
  /** For messages: the resource's name or address. */
  label: string;
}

/**
 * How the change triggers the function: `http` when `triggerHttp` is true, `event` when it writes an `eventTrigger`
 * (its fields may be known only at apply: the trigger's kind is not) and no HTTP trigger; Unknown when either setting
 * is known only at apply, or neither is set (the API refuses such a function; nothing here says which it would be).
 */
export function gen1FunctionTrigger(fn: Gen1Function): Maybe<'event' | 'http'> {
  const http = fn.props.triggerHttp;
  if (http === true) return 'http';
  if (isUnknown(http)) return http;
  const event = fn.props.eventTrigger;
  if (isUnknown(event)) return event;
  if (isKnownRecord(event)) return 'event';
  return unknownValue(`${fn.label} sets neither triggerHttp nor eventTrigger`);
}

/**
 * The function of the change an IAM resource's `cloudFunction` names: by value (the function's `name`, or its full
 * `projects/<p>/locations/<r>/functions/<name>`), with project and region held to the function's where both are
 * known; when the value is known only at apply, the one function it is computed from (its dependencies). A known value
 * no function of the change has is a function outside the change: undefined, as is a value computed from several.
 */
export function gen1FunctionNamed(
  reference: unknown,
  where: { project?: unknown; region?: unknown },
  dependencies: readonly string[],
  functions: readonly Gen1Function[],
): Gen1Function | undefined {
  if (typeof reference === 'string') {
    const full = /^projects\/([^/]+)\/locations\/([^/]+)\/functions\/([^/]+)$/.exec(reference);
    const name = full?.[3] ?? reference;
    const project = full?.[1] ?? knownString(where.project);
    const region = full?.[2] ?? knownString(where.region);
    const found = functions.filter(
      (fn) =>
        knownString(fn.props.name) === name &&
        sameWhenKnown(project, fn.props.project) &&
        sameWhenKnown(region, fn.props.region),
    );
    return found.length === 1 ? found[0] : undefined;
  }
  if (!isUnknown(reference)) return undefined;
  const found = functions.filter((fn) => dependencies.includes(fn.id));
  return found.length === 1 ? found[0] : undefined;
}

function sameWhenKnown(value: string | undefined, other: unknown): boolean {
  const known = knownString(other);
  return value === undefined || known === undefined || value === known;
}
