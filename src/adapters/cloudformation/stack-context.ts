import { parsePolicyDocument } from '../../iam/aws/document.js';
import type { Maybe, PolicyDocument, ResourceRef } from '../../model/model.js';
import { createResolver, type Resolver } from './intrinsics.js';
import type { CfnResource, TemplateInput } from './template.js';

/** One template as the model builder walks it: its resolver and how its resources are named in findings. */
export interface StackContext {
  input: TemplateInput;
  resolver: Resolver;
  resources: { logicalId: string; resource: CfnResource }[];
  ref(logicalId: string): ResourceRef;
  /** Model id of a resource: `${stack}/${logicalId}`. */
  id(logicalId: string): string;
  /** A policy document as written in this template, resolved and parsed. */
  policyDocument(raw: unknown): PolicyDocument;
  /**
   * The same, once per distinct content: CDK gives every
   * Lambda role the same trust policy. Holders share the parsed document, which nothing modifies.
   */
  sharedPolicyDocument(raw: unknown): PolicyDocument;
  /** A string property resolved once per distinct content: every CDK role repeats the same managed policy ARN `Fn::Join`. */
  sharedString(raw: unknown, what: string): Maybe<string>;
}

export function stackContext(input: TemplateInput): StackContext {
  const { Resources } = input.template;
  const resolver = createResolver(input);
  // A resource whose Condition is false at plan time is not created; one whose Condition deploy time decides is judged.
  const resources: StackContext['resources'] = [];
  for (const logicalId of Object.keys(Resources)) {
    const resource = Resources[logicalId];
    if (resource === undefined) continue;
    const condition = resource.Condition;
    if (typeof condition !== 'string' || resolver.condition(condition) !== false)
      resources.push({ logicalId, resource });
  }
  const positions = input.keys?.get('Resources')?.children;
  // Keyed by the JSON text: serializing is native code, cheaper on a cold run than resolving and parsing again.
  // A template resolves the same content the same way, so the caches live as long as this context.
  const documents = new Map<string, PolicyDocument>();
  /** Per property name (`what`), by the value's JSON text. */
  const strings = new Map<string, Map<string, Maybe<string>>>();
  // Most policy documents are static JSON: resolving one without intrinsics walks it only to return it unchanged.
  const parseDocument = (raw: unknown, json: string | undefined): PolicyDocument =>
    parsePolicyDocument(json !== undefined && mayHoldIntrinsic(json) ? resolver.resolveDocument(raw) : raw);
  // Each resource's id is asked for several times (its identity, the policies and schedules that name it, every
  // lookup by id): made once, it is one string whose hash the maps keyed by id compute once.
  const ids = new Map<string, string>();
  return {
    input,
    resolver,
    resources,
    id(logicalId) {
      let id = ids.get(logicalId);
      if (id === undefined) ids.set(logicalId, (id = `${input.stack}/${logicalId}`));
      return id;
    },
    ref(logicalId) {
      const resource = input.template.Resources[logicalId];
      if (!resource) throw new Error(`internal error: no resource ${logicalId} in stack ${input.stack}`);
      const cdkPath = resource.Metadata?.['aws:cdk:path'];
      const path = input.paths?.[logicalId] ?? (typeof cdkPath === 'string' ? cdkPath : undefined);
      // A resource SAM generates (an implicit role) is located at the SAM resource it comes from.
      const position = positions?.get(input.generatedBy?.[logicalId] ?? logicalId)?.position;
      // A CDK app's resource read from its file, the usual case, in one literal: all seven fields in the object itself,
      // not two there and five in a store grown twice as they are added (one ref is kept per identity, policy and secret).
      if (path && input.file && position)
        return {
          type: resource.Type,
          name: logicalId,
          path,
          file: input.file,
          stack: input.stack,
          line: position.line,
          column: position.column,
        };
      // Built field by field rather than with conditional spreads, in the same order.
      const ref: ResourceRef = { type: resource.Type, name: logicalId };
      if (path) ref.path = path;
      if (input.file) ref.file = input.file;
      ref.stack = input.stack;
      // A construct path names a CDK app's resource in every CDK front-end; a plain template's is its stack and logical id.
      if (!path) ref.location = `stack:${input.stack}/${logicalId}`;
      if (position) {
        ref.line = position.line;
        ref.column = position.column;
      }
      return ref;
    },
    policyDocument(raw) {
      // Read without its JSON text, which only this check needs here (one policy document per policy resource).
      return parsePolicyDocument(mayHoldIntrinsicValue(raw) ? resolver.resolveDocument(raw) : raw);
    },
    sharedPolicyDocument(raw) {
      const key = jsonText(raw);
      if (key === undefined) return parseDocument(raw, key);
      let document = documents.get(key);
      if (!document) documents.set(key, (document = parseDocument(raw, key)));
      return document;
    },
    sharedString(raw, what) {
      const json = jsonText(raw);
      if (json === undefined) return resolver.resolveString(raw, what);
      // `what` names the property in the Unknown a non-string gives.
      let byJson = strings.get(what);
      if (!byJson) strings.set(what, (byJson = new Map<string, Maybe<string>>()));
      let value = byJson.get(json);
      if (value === undefined) byJson.set(json, (value = resolver.resolveString(raw, what)));
      return value;
    },
  };
}

/** JSON.stringify, typed as it behaves: undefined for undefined, a function, a symbol, or what a toJSON makes so. */
function jsonText(value: unknown): string | undefined {
  return JSON.stringify(value);
}

/** Whether JSON text has an object that may be an intrinsic function (`{"Ref": …}`, `{"Fn::…": …}`). */
function mayHoldIntrinsic(json: string): boolean {
  return json.includes('{"Ref":') || json.includes('{"Fn::');
}

/**
 * mayHoldIntrinsic of the value's JSON text, without writing the text: an object whose first key as JSON.stringify
 * writes it (the first whose value is written: not undefined, a function or a symbol) is `Ref` or starts `Fn::`.
 * An object with a `toJSON` is written as that gives it, so it is judged by its text.
 */
export function mayHoldIntrinsicValue(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    const json = jsonText(value);
    return json !== undefined && mayHoldIntrinsic(json);
  }
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) if (mayHoldIntrinsicValue(value[index])) return true;
    return false;
  }
  let first = true;
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key];
    if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
    if (first && (key === 'Ref' || key.startsWith('Fn::'))) return true;
    first = false;
    if (mayHoldIntrinsicValue(item)) return true;
  }
  return false;
}
