/**
 * The `Fn::ForEach` loops of the AWS::LanguageExtensions transform in a template's Resources, expanded as
 * CloudFormation expands them, where the collection is known before deployment: a list of strings, or a mapping
 * entry or parameter default that gives one (a list a parameter the deployment sets writes is expanded at its default
 * and reported too: see `atDefault`)
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-foreach.html).
 *
 * `"Fn::ForEach::Name": [Identifier, Collection, { "Key${Identifier}": fragment, … }]` gives, for each value of the
 * collection, the fragment's entries with `${Identifier}` in their keys replaced by the value (`&{Identifier}`: the
 * value without its non-alphanumeric characters), `{ "Ref": "Identifier" }` replaced by the value and
 * `${Identifier}` replaced in `Fn::Sub` strings. A fragment may hold loops of its own.
 *
 * A loop whose collection is not known (a parameter without a default, a mapping keyed by one), that holds such a
 * loop, or whose keys would clash with another resource is left as written: expand.ts reports it as content the
 * check cannot see, as before.
 */
import { isUnknown } from '../../model/model.js';
import { isRecord, setOwn } from '../../util/records.js';
import { createResolver, type Resolver } from './intrinsics.js';
import type { CfnResource, TemplateInput } from './template.js';

export const LANGUAGE_EXTENSIONS = 'AWS::LanguageExtensions';
const LOOP = 'Fn::ForEach::';
/**
 * More entries than a loop may make: CloudFormation deploys at most 500 resources per stack, so a loop past this is
 * no deployable template, and nested loops over long lists would otherwise multiply without bound. Left unexpanded.
 */
const MAX_GENERATED = 2500;

/**
 * Every loop's resources where it can be expanded, and which loop key (as written) made each generated one.
 * `atDefault`: the loops whose list (or a nested loop's) a parameter the deployment sets writes. Their default's
 * iterations are judged, and the loop is also kept as written, so expand.ts reports the lists nobody sees: a deployment
 * that passes `PolicyNames=AdministratorAccess` makes a role the default never shows.
 */
export function expandForEachLoops(input: TemplateInput): {
  resources: Record<string, CfnResource>;
  generatedBy: Record<string, string>;
  atDefault: Set<string>;
} {
  const written = input.template.Resources as Record<string, unknown>;
  const generatedBy: Record<string, string> = { ...input.generatedBy };
  const atDefault = new Set<string>();
  if (!Object.keys(written).some((key) => key.startsWith(LOOP)))
    return { resources: input.template.Resources, generatedBy, atDefault };
  const resolver = createResolver(input);
  const resources: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(written)) {
    const expanded = key.startsWith(LOOP) ? expandLoop(value, resolver) : undefined;
    if (!expanded || Object.keys(expanded).some((id) => Object.hasOwn(written, id) || Object.hasOwn(resources, id))) {
      setOwn(resources, key, value);
      continue;
    }
    for (const [id, resource] of Object.entries(expanded)) {
      setOwn(resources, id, resource);
      setOwn(generatedBy, id, input.generatedBy?.[key] ?? key);
    }
    if (loopCollections(value).some((collection) => resolver.choicesOf(collection) !== undefined)) {
      setOwn(resources, key, value);
      atDefault.add(key);
    }
  }
  return { resources: resources as Record<string, CfnResource>, generatedBy, atDefault };
}

/** The collection of a loop and of each loop nested in its fragment, as written. */
function loopCollections(loop: unknown): unknown[] {
  if (!Array.isArray(loop) || loop.length !== 3) return [];
  const [, collection, fragment] = loop as [unknown, unknown, unknown];
  if (!isRecord(fragment)) return [collection];
  return [
    collection,
    ...Object.entries(fragment).flatMap(([key, entry]) => (key.startsWith(LOOP) ? loopCollections(entry) : [])),
  ];
}

/** One loop's entries, its nested loops expanded; undefined when it or a loop inside cannot be expanded. */
function expandLoop(loop: unknown, resolver: Resolver): Record<string, unknown> | undefined {
  if (!Array.isArray(loop) || loop.length !== 3) return undefined;
  const [identifier, collection, fragment] = loop as [unknown, unknown, unknown];
  if (typeof identifier !== 'string' || !isRecord(fragment)) return undefined;
  const values = resolver.resolve(collection);
  if (!Array.isArray(values) || !values.every((value): value is string => typeof value === 'string')) return undefined;
  if (values.length > MAX_GENERATED) return undefined;
  const result: Record<string, unknown> = {};
  for (const value of values) {
    const entries = substitute(fragment, identifier, value) as Record<string, unknown>;
    for (const [key, entry] of Object.entries(entries)) {
      const generated = key.startsWith(LOOP) ? expandLoop(entry, resolver) : { [key]: entry };
      if (!generated) return undefined;
      for (const [id, resource] of Object.entries(generated)) {
        // Two iterations giving one key (a collection that repeats a value): CloudFormation refuses the template.
        if (Object.hasOwn(result, id)) return undefined;
        setOwn(result, id, resource);
      }
    }
    if (Object.keys(result).length > MAX_GENERATED) return undefined;
  }
  return result;
}

/** The fragment for one value of the loop: keys, `Ref`s to the identifier and `Fn::Sub` strings replaced. */
function substitute(node: unknown, identifier: string, value: string): unknown {
  if (Array.isArray(node)) return node.map((item) => substitute(item, identifier, value));
  if (!isRecord(node) || isUnknown(node)) return node;
  const keys = Object.keys(node);
  if (keys.length === 1 && node.Ref === identifier) return value;
  if (keys.length === 1 && keys[0] === 'Fn::Sub') {
    const sub = node['Fn::Sub'];
    if (typeof sub === 'string') return { 'Fn::Sub': substituteText(sub, identifier, value) };
    if (Array.isArray(sub) && typeof sub[0] === 'string')
      return {
        'Fn::Sub': [
          substituteText(sub[0], identifier, value),
          ...sub.slice(1).map((part) => substitute(part, identifier, value)),
        ],
      };
  }
  const result: Record<string, unknown> = {};
  for (const key of keys) {
    const replaced = substituteText(key, identifier, value)
      .split(`&{${identifier}}`)
      .join(value.replace(/[^A-Za-z0-9]/g, ''));
    setOwn(result, replaced, substitute(node[key], identifier, value));
  }
  return result;
}

function substituteText(text: string, identifier: string, value: string): string {
  return text.split(`\${${identifier}}`).join(value);
}
