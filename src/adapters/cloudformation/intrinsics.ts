import {
  isUnknown,
  ONLY_SOME_DEPLOYMENTS,
  SET_BY_DEPLOYMENT,
  unknownValue,
  type Maybe,
  type Unknown,
} from '../../model/model.js';
import { resourceValue } from '../../model/deployment.js';
import { identityArn, identityRefName, providerArn } from './names.js';
import { isRecord, setOwn } from '../../util/records.js';
import { createConditions, eitherBranch, isDenyStatement } from './conditions.js';
import { PSEUDO_PARAMETERS } from './pseudo-parameters.js';
import { allowedPattern, type CfnResource, type CfnTemplate, type TemplateInput } from './template.js';

/**
 * Resolves CloudFormation intrinsic functions as far as the template alone allows, never guessing:
 * - `Ref`/`Fn::GetAtt` to a resource → the model's value of that resource (`<id of LogicalId>`, `<Attr of LogicalId>`, model/deployment.ts); for an IAM
 *   role/user/group, `Ref` → its name and `.Arn` → the ARN the identity itself carries; for an OIDC or SAML
 *   provider with a literal URL/name, both → its ARN (see names.ts); for a custom resource → Unknown (its provider
 *   returns its id and attributes when it runs at deploy time);
 * - pseudo parameters → `aws`, `amazonaws.com` or the model's values for the deployment's own account, region and
 *   stack (`<own-account>`, model/deployment.ts);
 * - parameters → the value a parent stack passes, else the Default (SSM-typed parameters have no readable default);
 * - `Fn::Join`, `Fn::Sub`, `Fn::Select`, `Fn::Split`, `Fn::FindInMap`, `Fn::Base64` → computed;
 * - `Conditions` → evaluated where plan-time values decide them (`Fn::Equals` on literals, on values a parent stack
 *   fixes and on parameters only where every value a deployment may give them agrees: a default is what a deployment
 *   that passes nothing gets, not what every deployment gets), `Fn::And`/`Or`/`Not`, `Condition` references);
 *   `Fn::If` on such a condition → its branch. On a
 *   condition that only deploy time decides, both branches are judged: in a list (statements, actions, ARNs) the
 *   items of both are kept, except Deny statements, which might not apply (conditions.ts);
 * - everything else (`Fn::ImportValue`, parameters without default, …) → Unknown, and a string built from an
 *   Unknown is Unknown. `AWS::NoValue` removes the property or list item.
 */
export interface Resolver {
  /** Deep resolution; `undefined` when the whole value is `AWS::NoValue`. */
  resolve(value: unknown): unknown;
  /** A string, or Unknown when the value does not resolve to one. */
  resolveString(value: unknown, what: string): Maybe<string>;
  /** The logical id a `Ref` or `Fn::GetAtt` points at, when it is a resource of this template. */
  referencedResource(value: unknown): string | undefined;
  /** Whether `resolve` gives `undefined` (`AWS::NoValue`: a list item or property that is left out). */
  isNoValue(value: unknown): boolean;
  /**
   * A list property's items as written, so a caller can follow each item's `Ref`: an `Fn::If` (around the list or
   * an item) gives the branch plan-time values choose, or both branches where only deploy time decides, as `resolve`
   * keeps the items of both; `AWS::NoValue` items are left out. A value that is no list is resolved: its items, or
   * itself as the one item.
   */
  listItems(value: unknown): readonly unknown[];
  /**
   * The values one property may take, as written, so a caller can follow each one's `Ref`: an `Fn::If` gives the
   * branch plan-time values choose, or both branches where only deploy time decides (each read the same way);
   * `AWS::NoValue` gives none; anything else is itself.
   */
  alternatives(value: unknown): readonly unknown[];
  /**
   * The items `listItems` gives that some deployment leaves out: those only one branch of an `Fn::If` deploy time
   * decides writes (an item both branches write alike is every deployment's), each the same object `listItems` gives.
   */
  undecidedItems(value: unknown): readonly unknown[];
  /**
   * A policy document as `resolve` reads it, except that one a parameter the deployment sets writes whole (a JSON
   * string from `Ref`, `Fn::Sub`, `Fn::Join`) is Unknown: any statement may be deployed there. Its statements'
   * fields are read as every deployment may write them (see `resolve`).
   */
  resolveDocument(value: unknown): unknown;
  /** A named condition of the template: true or false when plan-time values decide it, else Unknown. */
  condition(name: string): boolean | Unknown;
  /**
   * The values a deployment may give `value` beyond what `resolve` reads, where it refers to a parameter: the
   * parameter's AllowedValues for a plain `Ref`, else Unknown; undefined when no deployment can change it.
   */
  choicesOf(value: unknown): readonly string[] | Unknown | undefined;
}

const NO_VALUE = Symbol('AWS::NoValue');

/** No items: shared, never modified. */
const NO_ITEMS: readonly unknown[] = [];

/** The properties that hold a policy document, written whole by a parameter where a deployment sets it (`resolveDocument`). */
const DOCUMENT_KEYS = new Set(['PolicyDocument', 'AssumeRolePolicyDocument']);

/**
 * Marks a resolved statement for the parser (PolicyStatement.setByDeployment, onlySomeDeployments): not enumerable, so
 * the mark is no element of the statement to anything that walks or compares it, only to parsePolicyDocument.
 */
function markStatement(statement: Record<string, unknown>, key: symbol, value: unknown): void {
  Object.defineProperty(statement, key, { value, enumerable: false });
}

/** The fields of a statement whose values policy validity judges as written (Resolver.setByDeployment). */
const DEPLOYMENT_SET_FIELDS = ['Sid', 'Resource', 'NotResource'] as const;

/** The fields of a policy statement that say what is granted, to whom and when (see `resolveStatementField`). */
const STATEMENT_FIELDS = new Set([
  'Action',
  'NotAction',
  'Principal',
  'NotPrincipal',
  'Resource',
  'NotResource',
  'Condition',
]);

/**
 * The intrinsics that can resolve to nothing: a `Ref` (to `AWS::NoValue`, or a parameter a parent stack leaves
 * out) or one that picks a value. Every other one gives a string, a list or an Unknown, so an item need not be
 * resolved to know it is kept.
 */
const MAY_GIVE_NO_VALUE = new Set(['Ref', 'Fn::If', 'Fn::Select', 'Fn::FindInMap']);

/**
 * The value every deployment gives where `Resolver.choicesOf` lists what a deployment may choose and every choice is
 * the same (a parameter with one allowed value); undefined where a deployment picks among others, or nothing is chosen.
 */
export function onlyChoice(choices: readonly string[] | Unknown | undefined): string | undefined {
  return Array.isArray(choices) && new Set(choices).size === 1 ? (choices as readonly string[])[0] : undefined;
}

export function createResolver(input: TemplateInput): Resolver {
  const { template } = input;
  const resources = template.Resources;

  // Memoized per name: CDK templates repeat the same few `Ref`s (AWS::Partition, each role) thousands of times.
  const refValues = new Map<string, unknown>();
  const refValue = (name: string): unknown => {
    let value = refValues.get(name);
    if (value === undefined && !refValues.has(name)) refValues.set(name, (value = computeRefValue(name)));
    return value;
  };

  const computeRefValue = (name: string): unknown => {
    if (name === 'AWS::NoValue') return NO_VALUE;
    if (Object.hasOwn(PSEUDO_PARAMETERS, name)) return PSEUDO_PARAMETERS[name];
    if (input.parameters && Object.hasOwn(input.parameters, name)) return input.parameters[name];
    const parameter = own(template.Parameters, name);
    if (isRecord(parameter)) return parameterValue(name, parameter.Type, parameter.Default);
    const resource = own(resources, name) as CfnResource | undefined;
    if (resource)
      return (
        identityRefName(name, resource) ??
        providerArn(resource) ??
        (isCustomResource(resource) ? customResourceValue(`Ref ${name}`, name) : resourceValue(name))
      );
    return unknownValue(`Ref ${name} (not defined in the template)`);
  };

  /**
   * The values a deployment may give parameter `name` other than the one the template shows: its AllowedValues, or
   * an Unknown when it may take any value. Undefined when the value is fixed: a parent stack passes a value that does
   * not depend on its own parameters, or the template gives none (no default: the value is already Unknown).
   */
  const parameterChoices = (name: string): readonly string[] | Unknown | undefined => {
    if (input.parameterChoices && Object.hasOwn(input.parameterChoices, name)) return input.parameterChoices[name];
    if (input.parameters && Object.hasOwn(input.parameters, name)) return undefined;
    const parameter = own(template.Parameters, name);
    if (!isRecord(parameter)) return undefined;
    const type = typeof parameter.Type === 'string' ? parameter.Type : '';
    if (type.startsWith('AWS::SSM::Parameter::Value')) return undefined;
    const allowed = parameter.AllowedValues;
    const listType = type === 'CommaDelimitedList' || type.startsWith('List<');
    // Without a default the deployment must still pass one of the AllowedValues (CloudFormation refuses any other):
    // each is judged where the choices are read; elsewhere the value stays unknown.
    if (!listType && Array.isArray(allowed) && allowed.length > 0 && allowed.every(isScalar))
      return allowed.map((value) => String(value));
    if (parameter.Default === undefined) return undefined;
    return unknownValue(`Ref ${name} (a parameter the deployment may set to a value other than its default)`);
  };

  // What overridableParameterIn found in each list and record, per way of reading a parameter's choices.
  const walks = new Map<typeof parameterChoices, WeakMap<object, string | null>>();
  const parameterIn = (value: unknown, choices: typeof parameterChoices): string | undefined => {
    let walked = walks.get(choices);
    if (!walked) walks.set(choices, (walked = new WeakMap()));
    return overridableParameterIn(value, choices, walked);
  };

  /**
   * What a deployment may make of an operand beyond its plan-time value: a `Ref` to a parameter → its choices; any
   * other value that refers to such a parameter (in a `Ref` or an `Fn::Sub` variable) → Unknown; else undefined.
   */
  const choicesOf = (value: unknown): readonly string[] | Unknown | undefined => {
    // Without a parameter the deployment sets, every value is the one the template shows (a CDK app's usual case):
    // nothing to search, for each managed policy ARN, name and tag read.
    if (!hasOverridableParameter()) return undefined;
    if (isRecord(value) && typeof value.Ref === 'string' && Object.keys(value).length === 1)
      return parameterChoices(value.Ref);
    const name = parameterIn(value, parameterChoices);
    if (name === undefined) return undefined;
    const entries = mapEntries(value) ?? eachAllowedValue(value, name);
    if (Array.isArray(entries) && entries.every(isScalar)) return [...new Set(entries.map((entry) => String(entry)))];
    return isUnknown(entries)
      ? entries
      : unknownValue(`a value built from Ref ${name} (a parameter the deployment may set)`);
  };

  /**
   * The entries an `Fn::FindInMap` may pick where a parameter the deployment sets writes a key: for that key the
   * parameter's AllowedValues, or every key the map has there when it may take any value (a key the map lacks is no
   * deployment: CloudFormation refuses it); each entry resolved. Unknown when an allowed key names no entry or a key
   * is built some other way; undefined when `value` is no lookup in a mapping of the template.
   */
  const mapEntries = (value: unknown): unknown[] | Unknown | undefined => {
    if (!isRecord(value) || singleKeyOf(value) !== 'Fn::FindInMap') return undefined;
    const argument = value['Fn::FindInMap'];
    if (!Array.isArray(argument) || argument.length !== 3) return undefined;
    const mapParameter = parameterIn(argument[0], parameterChoices);
    if (mapParameter !== undefined)
      return unknownValue(`an Fn::FindInMap mapping named by Ref ${mapParameter} (a parameter the deployment may set)`);
    const mapName = resolveValue(argument[0]);
    const map = typeof mapName === 'string' ? own(template.Mappings, mapName) : undefined;
    if (!isRecord(map)) return undefined;
    const entries: unknown[] = [];
    const tops = mapKeys(argument[1], map);
    if (isUnknown(tops)) return tops;
    for (const top of tops) {
      const level = own(map, top);
      if (!isRecord(level)) return unknownValue(`Fn::FindInMap ${String(mapName)}.${top} (no such entry)`);
      const seconds = mapKeys(argument[2], level);
      if (isUnknown(seconds)) return seconds;
      for (const second of seconds) {
        const found = own(level, second);
        if (found === undefined)
          return unknownValue(`Fn::FindInMap ${String(mapName)}.${top}.${second} (no such entry)`);
        entries.push(resolveValue(found));
      }
    }
    return entries;
  };

  /** The keys one `Fn::FindInMap` key argument may take at a level of the map (see `mapEntries`). */
  const mapKeys = (written: unknown, level: Record<string, unknown>): readonly string[] | Unknown => {
    if (isRecord(written) && typeof written.Ref === 'string' && Object.keys(written).length === 1) {
      const choices = parameterChoices(written.Ref);
      if (choices !== undefined) return isUnknown(choices) ? Object.keys(level) : choices;
    }
    const name = parameterIn(written, parameterChoices);
    if (name !== undefined)
      return unknownValue(`an Fn::FindInMap key built from Ref ${name} (a parameter the deployment may set)`);
    const key = resolveValue(written);
    if (isScalar(key)) return [String(key)];
    return unknownOr(key, 'an Fn::FindInMap key that does not resolve');
  };

  /** The items of each entry an `Fn::FindInMap` may pick (mapEntries): a list's items, or the entry itself. */
  const entryItems = (entries: readonly unknown[]): unknown[][] =>
    entries.map((entry): unknown[] =>
      entry === NO_VALUE ? [] : Array.isArray(entry) ? (entry as unknown[]) : [entry],
    );

  /** Whether any parameter's value is the deployment's to choose: only then can a statement's field differ. */
  let overridable: boolean | undefined;
  const hasOverridableParameter = (): boolean =>
    (overridable ??=
      (input.parameterChoices !== undefined && Object.keys(input.parameterChoices).length > 0) ||
      (isRecord(template.Parameters) &&
        Object.keys(template.Parameters).some((name) => parameterChoices(name) !== undefined)));

  /** Whether plan-time values may leave a statement's field undecided: a parameter a deployment sets, or a condition. */
  let varies: boolean | undefined;
  const mayVary = (): boolean =>
    (varies ??=
      hasOverridableParameter() || (isRecord(template.Conditions) && Object.keys(template.Conditions).length > 0));

  /**
   * A policy statement's field as every deployment may make it, where a parameter the deployment sets or a condition
   * only deploy time decides writes it. What is judged must be at least what any deployment grants:
   * - a field that widens the grant (an Allow's `Action`, `Resource`, `Principal`; a Deny's `Not` fields, which
   *   spare more as they name more): every value is kept. `Action: !Ref Verb` defaulting to `s3:GetObject` is `*`
   *   with `--parameter-overrides Verb=*`: an item a parameter with AllowedValues writes is each of them, any other
   *   item a parameter writes is Unknown (pending); an `Fn::If` keeps the items of both branches;
   * - a field that narrows it (an Allow's `Not` fields, which exclude; a Deny's `Action`, `Resource`, `Principal`,
   *   which remove): only what every deployment writes. An item a parameter writes is Unknown (an Unknown exclusion
   *   excludes nothing, an Unknown Deny action removes nothing); an `Fn::If` keeps the items both branches share.
   */
  const resolveStatementField = (key: string, value: unknown, deny: boolean): unknown => {
    if (key === 'Condition') return statementCondition(value, deny);
    if (key.startsWith('Not') !== deny) return narrowedField(key, value);
    // A field written whole as an Fn::If deploy time decides is read as a list of that one item: the items of both
    // branches are kept, as for an Fn::If item of a list (a whole Principal, a map of types, is not a list of values).
    const principal = key.endsWith('Principal');
    if (!hasOverridableParameter()) return resolveValue(principal ? value : asList(value));
    const choices = key === 'Resource' ? resourceParameterChoices : parameterChoices;
    return perPrincipalType(key, value, (written) =>
      eachChoice(principal && written === value ? written : asList(written), choices),
    );
  };

  /** A value written as an Fn::If deploy time decides, as a list of that one item; anything else as written. */
  const asList = (value: unknown): unknown => (isUndecided(value) ? [value] : value);

  /**
   * The values a deployment may give `value`, built (with `Fn::Sub`, `Fn::Join`…) from `parameter`, a parameter it
   * sets with AllowedValues and the only one `value` refers to: `value` resolved with the parameter at each allowed
   * value. Undefined when the parameter may take any value, or `value` refers to another parameter a deployment sets.
   */
  const eachAllowedValue = (value: unknown, parameter: string): unknown[] | undefined => {
    const allowed = parameterChoices(parameter);
    if (!Array.isArray(allowed)) return undefined;
    const values: unknown[] = [];
    for (const choice of allowed as readonly string[]) {
      const fixed = createResolver({ ...input, parameters: { ...input.parameters, [parameter]: choice } });
      if (fixed.choicesOf(value) !== undefined) return undefined;
      values.push(fixed.resolve(value));
    }
    return values;
  };

  /**
   * A statement's `Condition`, which narrows it (an Allow to when it grants, a Deny to when it removes): a value a
   * parameter the deployment sets writes is Unknown (the trusted organization, repository or account is the
   * deployment's choice), and of a value an `Fn::If` only deploy time decides writes only the items both branches
   * share count (sharedItems). A Deny's condition is read so too, and where deploy time decides whether or which
   * clauses apply (an `Fn::If` around the whole condition or one operator's keys), the clauses of both branches are
   * kept together (conjoined): the Deny is taken to remove no more than any deployment's, and a Deny with a
   * condition is taken to remove nothing (iam/aws/evaluate.ts). Its document stays readable.
   */
  const statementCondition = (value: unknown, deny: boolean): unknown => {
    // Most conditions (every one of a CDK app's) hold neither: read as written, without a copy.
    if (!hasOverridableParameter() && !holdsIf(value)) return resolveValue(value);
    const branches = deny ? undecidedBranches(value) : undefined;
    if (branches) return conjoined(branches, value, (branch) => statementCondition(branch, true));
    if (!isRecord(value) || isIntrinsic(value)) return resolveValue(value);
    const operators: Record<string, unknown> = {};
    for (const operator of Object.keys(value)) setOwn(operators, operator, conditionClauses(value[operator], deny));
    return operators;
  };

  /** One operator's condition keys, each value read as every deployment narrows by it (see statementCondition). */
  const conditionClauses = (clauses: unknown, deny: boolean): unknown => {
    const branches = deny ? undecidedBranches(clauses) : undefined;
    if (branches) return conjoined(branches, clauses, (branch) => conditionClauses(branch, true));
    if (!isRecord(clauses) || isIntrinsic(clauses)) return resolveValue(clauses);
    const keys: Record<string, unknown> = {};
    for (const conditionKey of Object.keys(clauses)) {
      const written = clauses[conditionKey];
      setOwn(
        keys,
        conditionKey,
        Array.isArray(written) ? written.flatMap((item) => sharedItems(item)) : sharedItemsOrValue(written),
      );
    }
    return keys;
  };

  /**
   * The clauses of both branches of an `Fn::If` deploy time decides, each read by `read`, kept together: a clause only
   * one writes is kept, one both write with other values keeps what both share and an Unknown that says so. A branch
   * that is `AWS::NoValue` writes none; one that does not read as clauses makes the whole an Unknown.
   */
  const conjoined = (branches: [unknown, unknown], written: unknown, read: (branch: unknown) => unknown): unknown => {
    const [first, second] = branches.map((branch) => (isNoValue(branch) ? {} : read(branch)));
    if (!isRecord(first) || isUnknown(first)) return unknownOr(first, 'a condition that does not resolve');
    if (!isRecord(second) || isUnknown(second)) return unknownOr(second, 'a condition that does not resolve');
    const name = String((written as Record<string, unknown[]>)['Fn::If']?.[0]);
    const conjoin = (a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> => {
      const result: Record<string, unknown> = {};
      for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
        const inA = Object.hasOwn(a, key);
        const inB = Object.hasOwn(b, key);
        if (!inA || !inB) {
          setOwn(result, key, inA ? a[key] : b[key]);
          continue;
        }
        const [left, right] = [a[key], b[key]];
        if (isRecord(left) && !isUnknown(left) && isRecord(right) && !isUnknown(right)) {
          setOwn(result, key, conjoin(left, right));
          continue;
        }
        const leftItems: unknown[] = Array.isArray(left) ? left : [left];
        const rightItems: unknown[] = Array.isArray(right) ? right : [right];
        const shared = leftItems.filter((item) => rightItems.some((other) => sameValue(item, other)));
        setOwn(
          result,
          key,
          shared.length === leftItems.length && shared.length === rightItems.length
            ? shared
            : [...shared, unknownValue(`what Fn::If ${name} writes in one branch only (deploy time decides it)`)],
        );
      }
      return result;
    };
    return conjoin(first, second);
  };

  /** One written value of a narrowing field: the value as read, or the items every deployment shares (sharedItems). */
  const sharedItemsOrValue = (written: unknown): unknown =>
    isUndecided(written) || writtenByParameter(written) !== undefined ? sharedItems(written) : resolveValue(written);

  /** `resolveDocument` before `AWS::NoValue` is taken out (see `resolve`). */
  const documentValue = (value: unknown): unknown => {
    // A document the AWS::LanguageExtensions transform writes as JSON text is the object it writes: read as written.
    if (singleKeyOf(value) === 'Fn::ToJsonString') {
      const argument = (value as Record<string, unknown>)['Fn::ToJsonString'];
      if (isRecord(argument)) return documentValue(argument);
    }
    if (isIntrinsic(value) && singleKeyOf(value) !== 'Fn::If') {
      const parameter = writtenByParameter(value);
      if (parameter !== undefined)
        return unknownValue(`a policy document written by Ref ${parameter} (a parameter the deployment may set)`);
    }
    return resolveValue(value);
  };

  /** `read` applied to each principal type's value of a `Principal` map, else to the whole field. */
  const perPrincipalType = (key: string, value: unknown, read: (written: unknown) => unknown): unknown => {
    if (!key.endsWith('Principal') || !isRecord(value) || isIntrinsic(value)) return read(value);
    const principals: Record<string, unknown> = {};
    for (const type of Object.keys(value)) setOwn(principals, type, read(value[type]));
    return principals;
  };

  const narrowedField = (key: string, value: unknown): unknown =>
    perPrincipalType(key, value, (written) => {
      if (Array.isArray(written)) return written.flatMap((item) => sharedItems(item));
      return sharedItemsOrValue(written);
    });

  /** The items every deployment gives one item of a narrowing field (see `resolveStatementField`). */
  const sharedItems = (item: unknown): unknown[] => {
    const parameter = writtenByParameter(item);
    if (parameter !== undefined) {
      const entries = mapEntries(item);
      if (!Array.isArray(entries)) return [unknownValue(`Ref ${parameter} (a parameter the deployment may set)`)];
      // Of the entries the key may pick, only the items every one writes narrow.
      const [first = [], ...others] = entryItems(entries);
      const shared = first.filter((kept) => others.every((other) => other.some((each) => sameValue(kept, each))));
      if (others.every((other) => other.length === shared.length) && first.length === shared.length) return shared;
      const map = String((item as Record<string, unknown[]>)['Fn::FindInMap']?.[0]);
      return [
        ...shared,
        unknownValue(`what Fn::FindInMap ${map} writes for some keys only (Ref ${parameter} chooses the key)`),
      ];
    }
    const branches = undecidedBranches(item);
    if (!branches) {
      const resolved = resolveValue(item);
      return resolved === NO_VALUE ? [] : Array.isArray(resolved) ? resolved : [resolved];
    }
    const [whenTrue = [], whenFalse = []] = branches.map((branch) => sharedItems(branch));
    const shared = whenTrue.filter((kept) => whenFalse.some((other) => sameValue(kept, other)));
    if (shared.length === whenTrue.length && shared.length === whenFalse.length) return shared;
    // What only one branch writes is said, as an Unknown: it narrows nothing, and the finding names it.
    const name = (item as Record<string, unknown[]>)['Fn::If']?.[0];
    return [...shared, unknownValue(`what Fn::If ${String(name)} writes in one branch only (deploy time decides it)`)];
  };

  /** The parameter a deployment sets that writes `value`, if any. */
  const writtenByParameter = (value: unknown): string | undefined =>
    hasOverridableParameter() ? parameterIn(value, parameterChoices) : undefined;

  const isUndecided = (value: unknown): boolean => undecidedBranches(value) !== undefined;

  /**
   * A parameter's choices where it writes a statement's `Resource`: one whose AllowedPattern admits no wildcard can
   * name another resource but not widen the statement to many, so its default is read there as elsewhere.
   */
  const resourceParameterChoices = (name: string): readonly string[] | Unknown | undefined =>
    parameterAdmitsWildcard(name) ? parameterChoices(name) : undefined;

  // Memoized per parameter: its AllowedPattern is compiled and probed once, not once per statement that names it.
  const wildcards = new Map<string, boolean>();
  const parameterAdmitsWildcard = (name: string): boolean => {
    let admits = wildcards.get(name);
    if (admits === undefined) wildcards.set(name, (admits = admitsWildcard(own(template.Parameters, name))));
    return admits;
  };

  /**
   * A field's items, each item a parameter writes replaced by its choices (or an Unknown). Each item is searched for
   * such a parameter once; a field none writes is resolved as it is (copy on write, see `resolveValue`).
   */
  const eachChoice = (value: unknown, choices: typeof parameterChoices): unknown => {
    if (!Array.isArray(value)) {
      const parameter = parameterIn(value, keyedChoices(value, choices));
      return parameter === undefined ? resolveValue(value) : choicesOfItem(value, parameter);
    }
    let items: unknown[] | undefined;
    for (let index = 0; index < value.length; index++) {
      const item: unknown = value[index];
      const parameter = parameterIn(item, keyedChoices(item, choices));
      if (parameter === undefined) {
        if (items) items.push(...resolveList([item]));
        continue;
      }
      items ??= [...resolveList(value.slice(0, index))];
      items.push(...choicesOfItem(item, parameter));
    }
    return items ?? resolveValue(value);
  };

  /**
   * How to read a parameter's choices in one item: in an `Fn::FindInMap` it picks an entry, which may hold a wildcard
   * whatever the parameter's AllowedPattern admits, so every parameter a deployment sets counts there.
   */
  const keyedChoices = (item: unknown, choices: typeof parameterChoices): typeof parameterChoices =>
    singleKeyOf(item) === 'Fn::FindInMap' ? parameterChoices : choices;

  /** The values a deployment may give one item that `parameter` (a parameter it sets) writes. */
  const choicesOfItem = (item: unknown, parameter: string): unknown[] => {
    const entries = mapEntries(item);
    if (Array.isArray(entries)) {
      // Each entry the key may pick: all of their items are granted by some deployment.
      const items: unknown[] = [];
      for (const each of entryItems(entries).flat()) if (!items.some((kept) => sameValue(kept, each))) items.push(each);
      return items;
    }
    if (isUnknown(entries)) return [entries];
    const plain = isRecord(item) && item.Ref === parameter && Object.keys(item).length === 1;
    const built = plain ? undefined : eachAllowedValue(item, parameter);
    if (built) return built.flatMap((each): unknown[] => (Array.isArray(each) ? (each as unknown[]) : [each]));
    const choices = plain
      ? parameterChoices(parameter)
      : unknownValue(
          `a value built from Ref ${parameter} (a parameter the deployment may set)`,
          patternWithoutDefaults(item),
        );
    if (choices === undefined) return [resolveValue(item)];
    return isUnknown(choices) ? [choices] : [...choices];
  };

  /**
   * What is known of a value built from parameters the deployment may set, whatever it sets them to: the value as a
   * template whose parameters have no default resolves it (the pattern of its Unknown, joinStrings), so
   * `arn:aws:iam::${AWS::AccountId}:${KeyManager}` stays a principal of the own account. Built once, when first asked.
   */
  let withoutDefaults: Resolver | undefined;
  const patternWithoutDefaults = (item: unknown): string | undefined => {
    withoutDefaults ??= createResolver({
      ...input,
      template: { ...template, Parameters: parametersWithoutDefaults() },
    });
    const value = withoutDefaults.resolve(item);
    return isUnknown(value) ? value.pattern : undefined;
  };
  const parametersWithoutDefaults = (): NonNullable<CfnTemplate['Parameters']> => {
    const parameters: NonNullable<CfnTemplate['Parameters']> = {};
    for (const [name, parameter] of Object.entries(template.Parameters ?? {})) {
      if (!isRecord(parameter)) continue;
      const { Default: _default, ...rest } = parameter;
      parameters[name] = rest;
    }
    return parameters;
  };

  const conditions = createConditions(template, (value) => resolveValue(value), choicesOf);
  const { condition } = conditions;

  const getAtt = (logicalId: string, attribute: string): unknown => {
    const resource = own(resources, logicalId) as CfnResource | undefined;
    if (!resource) return unknownValue(`Fn::GetAtt ${logicalId}.${attribute} (no such resource)`);
    if (attribute === 'Arn') {
      const arn = identityArn(logicalId, resource) ?? providerArn(resource);
      if (arn) return arn;
    }
    if (isCustomResource(resource)) return customResourceValue(`Fn::GetAtt ${logicalId}.${attribute}`, logicalId);
    return resourceValue(logicalId, attribute);
  };

  const sub = (text: string, variables: Record<string, unknown>): unknown => {
    const parts: unknown[] = [];
    let last = 0;
    for (const match of text.matchAll(/\$\{([^}]*)\}/g)) {
      parts.push(text.slice(last, match.index));
      last = match.index + match[0].length;
      // The group always takes part in a match; `${}` names the empty string.
      const name = (match[1] ?? '').trim();
      if (name.startsWith('!')) parts.push(`\${${name.slice(1)}}`);
      else if (Object.hasOwn(variables, name)) parts.push(resolveValue(variables[name]));
      else if (name.includes('.') && !name.startsWith('AWS::')) {
        const dot = name.indexOf('.');
        parts.push(getAtt(name.slice(0, dot), name.slice(dot + 1)));
      } else parts.push(refValue(name));
    }
    parts.push(text.slice(last));
    return joinStrings(parts, '', `Fn::Sub "${text}"`);
  };

  const intrinsic = (name: string, argument: unknown): unknown => {
    switch (name) {
      case 'Ref':
        return typeof argument === 'string' ? refValue(argument) : unknownValue('Ref with a non-string argument');
      case 'Fn::GetAtt': {
        // Indexed rather than destructured (no iterator while cold): CDK policies name most resources this way.
        const parts =
          typeof argument === 'string'
            ? splitOnce(argument)
            : Array.isArray(argument)
              ? argument.map((part) => resolveValue(part))
              : [];
        const logicalId = parts[0];
        const attribute = parts[1];
        return typeof logicalId === 'string' && typeof attribute === 'string'
          ? getAtt(logicalId, attribute)
          : unknownValue(`Fn::GetAtt ${JSON.stringify(argument)}`);
      }
      case 'Fn::Sub': {
        if (typeof argument === 'string') return sub(argument, {});
        if (Array.isArray(argument) && typeof argument[0] === 'string') {
          const variables: unknown = argument[1];
          if (variables === undefined) return sub(argument[0], {});
          if (isRecord(variables)) return sub(argument[0], variables);
        }
        return unknownValue('Fn::Sub with an unreadable argument');
      }
      case 'Fn::Join': {
        if (!Array.isArray(argument) || typeof argument[0] !== 'string')
          return unknownValue('Fn::Join with an unreadable argument');
        const list = resolveValue(argument[1]);
        return Array.isArray(list)
          ? joinStrings(list, argument[0], 'Fn::Join')
          : unknownOr(list, 'Fn::Join over a list that does not resolve');
      }
      case 'Fn::Select': {
        const [index, list] = Array.isArray(argument) ? argument.map((part) => resolveValue(part)) : [];
        const position =
          typeof index === 'number'
            ? index
            : typeof index === 'string' && /^\d+$/.test(index)
              ? Number(index)
              : undefined;
        if (position === undefined || !Array.isArray(list))
          return unknownOr(isUnknown(list) ? list : index, 'Fn::Select that does not resolve');
        return position < list.length ? list[position] : unknownValue(`Fn::Select index ${position} out of range`);
      }
      case 'Fn::Split': {
        const [delimiter, source] = Array.isArray(argument) ? argument.map((part) => resolveValue(part)) : [];
        if (typeof delimiter === 'string' && typeof source === 'string') return source.split(delimiter);
        return unknownOr(source, 'Fn::Split that does not resolve');
      }
      case 'Fn::FindInMap': {
        const [map, top, second] = Array.isArray(argument)
          ? argument.slice(0, 3).map((part) => resolveValue(part))
          : [];
        if (typeof map !== 'string' || typeof top !== 'string' || typeof second !== 'string') {
          return unknownValue(`Fn::FindInMap ${JSON.stringify(argument)} with keys that do not resolve`);
        }
        const found = own(own(own(template.Mappings, map), top), second);
        return found === undefined
          ? unknownValue(`Fn::FindInMap ${map}.${top}.${second} (no such entry)`)
          : resolveValue(found);
      }
      case 'Fn::If': {
        if (!Array.isArray(argument) || argument.length !== 3 || typeof argument[0] !== 'string')
          return unknownValue('Fn::If with an unreadable argument');
        const known = condition(argument[0]);
        if (known === true) return resolveValue(argument[1]);
        if (known === false) return resolveValue(argument[2]);
        const whenTrue = resolveValue(argument[1]);
        const whenFalse = resolveValue(argument[2]);
        if (sameValue(whenTrue, whenFalse)) return whenTrue;
        return (
          eitherBranch(whenTrue, whenFalse, NO_VALUE) ??
          unknownValue(`Fn::If ${argument[0]} (depends on ${known.description})`)
        );
      }
      case 'Fn::Base64': {
        const text = resolveValue(argument);
        return typeof text === 'string'
          ? Buffer.from(text, 'utf8').toString('base64')
          : unknownOr(text, 'Fn::Base64 of a value that does not resolve');
      }
      case 'Fn::ToJsonString': {
        // The AWS::LanguageExtensions transform writes its object or list argument as JSON text; a value of it that
        // only deployment gives leaves the text unknown (the Unknown it holds says which). A policy document written
        // so is read as its object instead (documentValue), keeping such a value where it stands.
        const value = resolveValue(argument);
        if (value === NO_VALUE) return unknownValue('Fn::ToJsonString of no value');
        const unknown = firstUnknown(value);
        return (
          unknown ??
          (typeof value === 'object' && value !== null
            ? JSON.stringify(value)
            : unknownValue('Fn::ToJsonString of a value that is neither an object nor a list'))
        );
      }
      case 'Fn::ImportValue': {
        const exported = resolveValue(argument);
        return unknownValue(
          `Fn::ImportValue ${typeof exported === 'string' ? exported : 'of a computed name'} (exported by another stack)`,
        );
      }
      default:
        return unknownValue(`${name} (not resolvable from the template)`);
    }
  };

  /**
   * Copy on write: a list or object in which nothing resolves differently is returned as it is, so the static
   * bulk of a template (policy statements, trust policies) is walked but not copied. Callers never mutate results.
   */
  function resolveValue(value: unknown): unknown {
    if (typeof value !== 'object' || value === null) return value;
    if (Array.isArray(value)) return resolveList(value);
    if (isUnknown(value)) return value;
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    const first = keys[0];
    if (keys.length === 1 && first !== undefined && (first === 'Ref' || first.startsWith('Fn::')))
      return intrinsic(first, record[first]);
    let result: Record<string, unknown> | undefined;
    // Most templates (a CDK app's) have no parameter a deployment sets and no condition: one cached test each.
    const statement = mayVary() && Object.hasOwn(record, 'Effect');
    const documents = hasOverridableParameter();
    const deny = statement && record.Effect === 'Deny';
    for (const key of keys) {
      const resolved =
        statement && STATEMENT_FIELDS.has(key)
          ? resolveStatementField(key, record[key], deny)
          : documents && DOCUMENT_KEYS.has(key)
            ? documentValue(record[key])
            : resolveValue(record[key]);
      if (!result) {
        if (resolved === record[key]) continue;
        result = {};
        // The keys before this one, as they are (keys are unique).
        for (const earlier of keys) {
          if (earlier === key) break;
          setOwn(result, earlier, record[earlier]);
        }
      }
      if (resolved !== NO_VALUE) setOwn(result, key, resolved);
    }
    // A value a parameter writes changes the statement as resolved, so the mark goes on a copy, never the template.
    if (statement && result && documents) {
      const chosen = setByDeployment(record);
      if (chosen.length > 0) markStatement(result, SET_BY_DEPLOYMENT, chosen);
    }
    return result ?? record;
  }

  /**
   * The strings a statement's Sid, Resource and NotResource items take from a parameter the deployment sets, as this
   * plan resolves them (its default): PolicyStatement.setByDeployment.
   */
  function setByDeployment(record: Record<string, unknown>): string[] {
    const chosen: string[] = [];
    for (const key of DEPLOYMENT_SET_FIELDS) {
      const written = record[key];
      if (written === undefined) continue;
      const items: readonly unknown[] = Array.isArray(written) ? written : [written];
      for (const item of items) {
        if (writtenByParameter(item) === undefined) continue;
        // The default this plan reads, and each value a deployment may choose instead (AllowedValues).
        const resolved = resolveValue(item);
        const choices = choicesOf(item);
        const values: readonly unknown[] = [
          ...(Array.isArray(resolved) ? (resolved as unknown[]) : [resolved]),
          ...(Array.isArray(choices) ? (choices as readonly string[]) : []),
        ];
        for (const value of values) if (typeof value === 'string') chosen.push(value);
      }
    }
    return chosen;
  }

  function resolveList(list: unknown[]): unknown[] {
    let result: unknown[] | undefined;
    for (let index = 0; index < list.length; index++) {
      const branches = undecidedBranches(list[index]);
      if (branches) {
        // A list item under a condition deploy time decides: judge the items of both branches.
        result ??= list.slice(0, index);
        for (const branch of branches) {
          const resolved = resolveValue(branch);
          if (resolved !== NO_VALUE && !isDenyStatement(resolved)) result.push(markedOnlySome(resolved));
        }
        continue;
      }
      const resolved = resolveValue(list[index]);
      if (!result) {
        if (resolved === list[index]) continue;
        result = list.slice(0, index);
      }
      if (resolved !== NO_VALUE) result.push(resolved);
    }
    return result ?? list;
  }

  /**
   * A statement one branch of an undecided `Fn::If` writes, marked so (PolicyStatement.onlySomeDeployments) on a copy:
   * the template's own object is never changed. Anything else as it is.
   */
  function markedOnlySome(value: unknown): unknown {
    if (!isRecord(value) || isUnknown(value) || !Object.hasOwn(value, 'Effect')) return value;
    const copy: Record<string, unknown> = { ...value };
    const chosen = (value as { [SET_BY_DEPLOYMENT]?: unknown })[SET_BY_DEPLOYMENT];
    if (chosen !== undefined) markStatement(copy, SET_BY_DEPLOYMENT, chosen);
    markStatement(copy, ONLY_SOME_DEPLOYMENTS, true);
    return copy;
  }

  /** The two branches of an `Fn::If` whose condition only deploy time decides, else undefined. */
  function undecidedBranches(value: unknown): [unknown, unknown] | undefined {
    const branches = ifBranches(value);
    return branches?.length === 2 ? branches : undefined;
  }

  /** The branches an `Fn::If` may take: the one plan-time values choose, or both; undefined for anything else. */
  function ifBranches(value: unknown): [unknown] | [unknown, unknown] | undefined {
    if (!isRecord(value) || isUnknown(value)) return undefined;
    const argument = value['Fn::If'];
    if (argument === undefined || Object.keys(value).length !== 1) return undefined;
    if (!Array.isArray(argument) || argument.length !== 3 || typeof argument[0] !== 'string') return undefined;
    const known = condition(argument[0]);
    if (known === true) return [argument[1]];
    if (known === false) return [argument[2]];
    return [argument[1], argument[2]];
  }

  function isNoValue(value: unknown): boolean {
    if (!isRecord(value)) return value === undefined;
    const keys = Object.keys(value);
    const first = keys[0];
    return keys.length === 1 && first !== undefined && MAY_GIVE_NO_VALUE.has(first) && resolve(value) === undefined;
  }

  function listItems(value: unknown): readonly unknown[] {
    if (!Array.isArray(value)) {
      const branches = ifBranches(value);
      if (branches)
        return branches.length === 1 ? listItems(branches[0]) : [...listItems(branches[0]), ...listItems(branches[1])];
      const resolved = resolve(value);
      if (Array.isArray(resolved)) return resolved;
      return resolved === undefined ? [] : [resolved];
    }
    // Most lists hold no item that can be left out or has branches: the list itself, not a copy.
    let items: unknown[] | undefined;
    for (let index = 0; index < value.length; index++) {
      const item: unknown = value[index];
      const kept = MAY_GIVE_NO_VALUE.has(singleKeyOf(item) ?? '') ? keptItems(item) : undefined;
      if (kept === undefined) {
        items?.push(item);
        continue;
      }
      items ??= value.slice(0, index);
      for (const each of kept) items.push(each);
    }
    return items ?? value;
  }

  function undecidedItems(value: unknown): readonly unknown[] {
    if (!Array.isArray(value)) {
      const branches = ifBranches(value);
      if (!branches) return NO_ITEMS;
      if (branches.length === 1) return undecidedItems(branches[0]);
      return eitherOnly(branches, listItems, undecidedItems);
    }
    let undecided: unknown[] | undefined;
    for (let index = 0; index < value.length; index++) {
      const item: unknown = value[index];
      if (singleKeyOf(item) !== 'Fn::If') continue;
      const found = undecidedItem(item);
      if (found.length > 0) (undecided ??= []).push(...found);
    }
    return undecided ?? NO_ITEMS;
  }

  /** undecidedItems of one list item (keptItems gives what it stands for). */
  function undecidedItem(item: unknown): readonly unknown[] {
    const branches = ifBranches(item);
    if (!branches) return NO_ITEMS;
    if (branches.length === 1) return undecidedItem(branches[0]);
    return eitherOnly(
      branches,
      (branch) => keptItems(branch) ?? [branch],
      (branch) => undecidedItem(branch),
    );
  }

  /** Of both branches' items, those the other branch does not write alike, and those each branch leaves undecided. */
  function eitherOnly(
    branches: [unknown, unknown],
    items: (branch: unknown) => readonly unknown[],
    undecided: (branch: unknown) => readonly unknown[],
  ): unknown[] {
    const [first, second] = branches;
    const [ofFirst, ofSecond] = [items(first), items(second)];
    const [openFirst, openSecond] = [undecided(first), undecided(second)];
    return [
      ...ofFirst.filter((item) => openFirst.includes(item) || !ofSecond.some((other) => sameValue(item, other))),
      ...ofSecond.filter((item) => openSecond.includes(item) || !ofFirst.some((other) => sameValue(item, other))),
    ];
  }

  function alternatives(value: unknown): readonly unknown[] {
    return keptItems(value) ?? [value];
  }

  /** What one list item that may be left out or may branch stands for: nothing, its branches' items, or undefined for itself. */
  function keptItems(item: unknown): unknown[] | undefined {
    const branches = ifBranches(item);
    if (branches) return branches.flatMap((branch) => keptItems(branch) ?? [branch]);
    return isNoValue(item) ? [] : undefined;
  }

  const resolve = (value: unknown): unknown => {
    const resolved = resolveValue(value);
    return resolved === NO_VALUE ? undefined : resolved;
  };

  return {
    resolve,
    resolveDocument(value) {
      const resolved = documentValue(value);
      return resolved === NO_VALUE ? undefined : resolved;
    },
    resolveString(value, what) {
      const resolved = resolveValue(value);
      if (typeof resolved === 'string') return resolved;
      if (typeof resolved === 'number' || typeof resolved === 'boolean') return String(resolved);
      return isUnknown(resolved) ? resolved : unknownValue(`${what} is not a string`);
    },
    isNoValue,
    listItems,
    alternatives,
    undecidedItems,
    condition,
    choicesOf,
    referencedResource(value) {
      if (!isRecord(value)) return undefined;
      const target =
        typeof value.Ref === 'string'
          ? value.Ref
          : (referencedByGetAtt(value['Fn::GetAtt']) ?? referencedBySub(value['Fn::Sub']));
      return target !== undefined && Object.hasOwn(resources, target) ? target : undefined;
    },
  };
}

/**
 * `record[key]` when the record has it as its own property. Names in a template are the author's: `Ref: __proto__`,
 * `constructor` or `toString` must read as undefined names, never as what every object inherits.
 */
function own(record: unknown, key: string): unknown {
  return isRecord(record) && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Whether an `Fn::If` is written anywhere in `value` (a condition: a few levels of records and lists). */
function holdsIf(value: unknown, depth = 0): boolean {
  if (depth > 100 || typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return value.some((item) => holdsIf(item, depth + 1));
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    if (key === 'Fn::If' || holdsIf((value as Record<string, unknown>)[key], depth + 1)) return true;
  }
  return false;
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/**
 * The first parameter `value` refers to (a `Ref`, or a variable of an `Fn::Sub` string that its own variables do
 * not define) whose value a deployment may choose, by `choices`; undefined when it refers to none. `walked` keeps the
 * answer for each list and record (one map per `choices`): a statement field is asked about as a whole, per principal
 * type and per item, and each of those is walked once.
 */
function overridableParameterIn(
  value: unknown,
  choices: (name: string) => readonly string[] | Unknown | undefined,
  walked: WeakMap<object, string | null>,
  depth = 0,
): string | undefined {
  // Deeper than any condition operand is written; the caller's resolution bounds the rest.
  if (depth > 100 || typeof value !== 'object' || value === null) return undefined;
  const known = walked.get(value);
  if (known !== undefined) return known ?? undefined;
  const found = parameterOf(value, choices, walked, depth);
  walked.set(value, found ?? null);
  return found;
}

/** overridableParameterIn of one list or record, not yet walked. */
function parameterOf(
  value: object,
  choices: (name: string) => readonly string[] | Unknown | undefined,
  walked: WeakMap<object, string | null>,
  depth: number,
): string | undefined {
  const items: unknown[] = Array.isArray(value) ? value : Object.values(value);
  if (!Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    if (typeof record.Ref === 'string' && choices(record.Ref) !== undefined) return record.Ref;
    const sub = record['Fn::Sub'];
    const [text, variables] = typeof sub === 'string' ? [sub, {}] : Array.isArray(sub) ? [sub[0], sub[1]] : [];
    if (typeof text === 'string') {
      for (const match of text.matchAll(/\$\{([^}!][^}]*)\}/g)) {
        const name = (match[1] ?? '').trim();
        if (isRecord(variables) && Object.hasOwn(variables, name)) continue;
        if (choices(name) !== undefined) return name;
      }
    }
  }
  for (const item of items) {
    const found = overridableParameterIn(item, choices, walked, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * A custom resource (`Custom::*`, `AWS::CloudFormation::CustomResource`): its physical id and attributes are whatever
 * its provider returns when it runs at deploy time, so they may name any action, resource or principal.
 */
export function isCustomResource(resource: CfnResource): boolean {
  // A template's entry may lack a Type (an include CloudFormation fills in; or no valid template at all).
  const type: unknown = resource.Type;
  return typeof type === 'string' && (type.startsWith('Custom::') || type === 'AWS::CloudFormation::CustomResource');
}

function customResourceValue(what: string, logicalId: string): Unknown {
  return unknownValue(`${what} (what custom resource ${logicalId} returns when it runs at deploy time)`);
}

/** Values a pattern would have to reject for a parameter's value never to hold an IAM wildcard (`*`, `?`). */
const WILDCARD_PROBES = ['*', '?', 'a*', '*a', 'a*a', 'a?a', 'a/*', 'arn:aws:s3:::*'];

/**
 * Whether a parameter may take a value holding a wildcard: unless its AllowedPattern (a regular expression
 * CloudFormation matches the whole value against) rejects every probe. A pattern JavaScript cannot read admits one.
 */
function admitsWildcard(parameter: unknown): boolean {
  const pattern = allowedPattern(parameter);
  return !pattern || WILDCARD_PROBES.some((probe) => pattern.test(probe));
}

function parameterValue(name: string, type: unknown, fallback: unknown): unknown {
  if (typeof type === 'string' && type.startsWith('AWS::SSM::Parameter::Value'))
    return unknownValue(`Ref ${name} (SSM parameter, read at deploy time)`);
  if (fallback === undefined) return unknownValue(`Ref ${name} (parameter without a default)`);
  if (
    typeof type === 'string' &&
    (type === 'CommaDelimitedList' || type.startsWith('List<')) &&
    typeof fallback === 'string'
  ) {
    return fallback.split(',').map((item) => item.trim());
  }
  return typeof fallback === 'number' ? String(fallback) : fallback;
}

function referencedByGetAtt(argument: unknown): string | undefined {
  if (typeof argument === 'string') return splitOnce(argument)[0];
  return Array.isArray(argument) && typeof argument[0] === 'string' ? argument[0] : undefined;
}

/**
 * The resource an `Fn::Sub` that is one reference and nothing else names: `!Sub ${Policy.PolicyArn}` is
 * `!GetAtt Policy.PolicyArn`, `!Sub ${Role}` is `!Ref Role` (the SRA templates attach their managed policy so). A
 * variable the Sub's own map defines, a `${!Literal}` escape or any text around the reference names no resource here.
 */
function referencedBySub(argument: unknown): string | undefined {
  const [text, variables]: unknown[] = Array.isArray(argument) ? (argument as unknown[]) : [argument];
  if (typeof text !== 'string') return undefined;
  const name = /^\$\{([^!}][^}]*)\}$/.exec(text)?.[1];
  if (name === undefined || (isRecord(variables) && Object.hasOwn(variables, name))) return undefined;
  return splitOnce(name)[0];
}

function splitOnce(text: string): [string, string | undefined] {
  const dot = text.indexOf('.');
  return dot < 0 ? [text, undefined] : [text.slice(0, dot), text.slice(dot + 1)];
}

/**
 * Concatenates resolved parts; any part that is not a string makes the whole string Unknown. Where the others are
 * strings, the Unknown keeps what they say as its pattern (an unknown part as `*`, or as its own pattern): a principal
 * `arn:aws:iam::${AWS::AccountId}:role/${Name}` is still a role of the own account.
 */
function joinStrings(parts: unknown[], delimiter: string, what: string): Maybe<string> {
  const strings: string[] = [];
  let unknown: Unknown | undefined;
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index];
    if (typeof part === 'string') strings.push(part);
    else if (typeof part === 'number' || typeof part === 'boolean') strings.push(String(part));
    else if (isUnknown(part)) {
      unknown ??= part;
      strings.push(part.pattern ?? '*');
    } else return unknownValue(`${what} containing a value that is not a string`);
  }
  if (unknown === undefined) return strings.join(delimiter);
  const pattern = strings.join(delimiter);
  // Nothing known (`${ExternalRoleArn}` alone): no pattern.
  return unknownValue(`${what} containing ${unknown.description}`, /^\**$/.test(pattern) ? undefined : pattern);
}

/** The first Unknown in a resolved value, depth first; undefined when every part of it is known. */
function firstUnknown(value: unknown): Unknown | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  if (isUnknown(value)) return value;
  for (const item of Array.isArray(value) ? value : Object.values(value)) {
    const found = firstUnknown(item);
    if (found) return found;
  }
  return undefined;
}

function unknownOr(value: unknown, description: string): Unknown {
  return isUnknown(value) ? value : unknownValue(description);
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b) && !isUnknown(a);
}

/** The key of an object with exactly one, as an intrinsic function is written; undefined for anything else. */
/** Whether `value` is one intrinsic function (`Ref`, `Fn::…`) rather than a record of properties. */
export function isIntrinsic(value: unknown): boolean {
  const only = singleKeyOf(value);
  return only !== undefined && (only === 'Ref' || only.startsWith('Fn::'));
}

function singleKeyOf(value: unknown): string | undefined {
  if (!isRecord(value)) return undefined;
  let only: string | undefined;
  for (const key in value) {
    if (only !== undefined) return undefined;
    only = key;
  }
  return only;
}
