import { isUnknown } from '../model/model.js';

/** A plain object (not null, not an array): what JSON, YAML and IaC property bags are made of. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A plain object that is not the model's Unknown: a property bag whose fields can be read. */
export function isKnownRecord(value: unknown): value is Record<string, unknown> {
  return isRecord(value) && !isUnknown(value);
}
