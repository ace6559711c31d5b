import { hasOwnValue, hasResourceValue } from '../../model/deployment.js';
import { isUnknown, unknownValue, type Unknown } from '../../model/model.js';
import { isRecord } from '../../util/records.js';
import { asTemplateText } from './pseudo-parameters.js';
import type { CfnTemplate } from './template.js';

/**
 * CloudFormation `Conditions`, evaluated as far as plan-time values allow: `Fn::Equals` on literals, values a parent
 * stack passes, pseudo parameters the check knows (`AWS::Partition`) and parameters whose every allowed value
 * (`AllowedValues`) gives the same answer; `Fn::And`, `Fn::Or`, `Fn::Not` and `Condition` references over those. A
 * condition that depends on anything only deploy time knows (a parameter a deployment may set to another value than
 * its default, `AWS::Region`, an import) is Unknown, and so is a malformed one: both of its branches are judged.
 * `Fn::And` is false as soon as one part is false and `Fn::Or` true as soon as one is true, even if others are unknown.
 */
export interface Conditions {
  condition: (name: string) => boolean | Unknown;
}

/**
 * `resolve`: the template's resolver, for the operands of `Fn::Equals`. `choices`: what a deployment may make of an
 * operand that refers to a parameter (Resolver.choicesOf): a parameter's default is only the value a deployment
 * gets when it passes none, so a comparison with it is decided only where every allowed value gives one answer.
 */
export function createConditions(
  template: CfnTemplate,
  resolve: (value: unknown) => unknown,
  choices: (value: unknown) => readonly string[] | Unknown | undefined,
): Conditions {
  const values = new Map<string, boolean | Unknown>();
  const evaluating = new Set<string>();

  const condition = (name: string): boolean | Unknown => {
    const known = values.get(name);
    if (known !== undefined) return known;
    const definitions = template.Conditions;
    if (!isRecord(definitions) || !Object.hasOwn(definitions, name))
      return unknownValue(`condition ${name} (not defined in the template)`);
    // A condition that refers to itself (CloudFormation rejects it) is unknown rather than an endless loop.
    if (evaluating.has(name)) return unknownValue(`condition ${name} (refers to itself)`);
    evaluating.add(name);
    const value = evaluate(definitions[name], name);
    evaluating.delete(name);
    values.set(name, value);
    return value;
  };

  const evaluate = (expression: unknown, name: string): boolean | Unknown => {
    if (!isRecord(expression) || Object.keys(expression).length !== 1)
      return unknownValue(`condition ${name} (not a condition function)`);
    const [[fn, argument]] = Object.entries(expression) as [[string, unknown]];
    switch (fn) {
      case 'Condition':
        return typeof argument === 'string'
          ? condition(argument)
          : unknownValue(`condition ${name} (Condition with a non-string name)`);
      case 'Fn::Equals': {
        if (!Array.isArray(argument) || argument.length !== 2)
          return unknownValue(`condition ${name} (Fn::Equals without two values)`);
        const left = operandValues(argument[0]);
        const right = operandValues(argument[1]);
        if (isUnknown(left)) return unknownValue(`condition ${name}, which compares ${left.description}`);
        if (isUnknown(right)) return unknownValue(`condition ${name}, which compares ${right.description}`);
        const equal = left.some((value) => right.includes(value));
        const unequal = left.some((value) => right.some((other) => other !== value));
        if (equal && unequal) {
          const chosen: unknown = [argument[0], argument[1]].find((operand) => choices(operand) !== undefined);
          const parameter = isRecord(chosen) && typeof chosen.Ref === 'string' ? `Ref ${chosen.Ref}` : 'a parameter';
          const allowed = [left, right].find((values) => values.length > 1) ?? left;
          return unknownValue(
            `condition ${name}, which compares ${parameter} (the deployment chooses one of ${allowed.map((value) => JSON.stringify(value)).join(', ')})`,
          );
        }
        return equal;
      }
      case 'Fn::Not': {
        const operand =
          Array.isArray(argument) && argument.length === 1
            ? evaluate(argument[0], name)
            : unknownValue(`condition ${name} (Fn::Not without one condition)`);
        return isUnknown(operand) ? operand : !operand;
      }
      case 'Fn::And':
      case 'Fn::Or': {
        if (!Array.isArray(argument) || argument.length === 0)
          return unknownValue(`condition ${name} (${fn} without conditions)`);
        const decisive = fn === 'Fn::Or';
        let unknown: Unknown | undefined;
        for (const part of argument) {
          const value = evaluate(part, name);
          if (value === decisive) return decisive;
          if (isUnknown(value)) unknown ??= value;
        }
        return unknown ?? !decisive;
      }
      default:
        return unknownValue(`condition ${name} (${fn} is not a condition function)`);
    }
  };

  /** The string forms an operand may take: its plan-time value, or every value a deployment may choose. */
  const operandValues = (operand: unknown): readonly string[] | Unknown => {
    const chosen = choices(operand);
    if (chosen !== undefined) return chosen;
    const value = comparable(resolve(operand));
    return isUnknown(value) ? value : [value];
  };

  return { condition };
}

/** What `Fn::Equals` compares: CloudFormation compares the string forms of parameter values and literals. */
function comparable(value: unknown): string | Unknown {
  if (isUnknown(value)) return value;
  // Another resource's values (`<id of Bucket>`), the deployment's own values (`<own-region>`) and IAM policy
  // variables (`${aws:username}`, written `${!aws:username}` in Fn::Sub) are known only at deploy time.
  if (typeof value === 'string') {
    return /\$\{[^}]*\}/.test(value) || hasOwnValue(value) || hasResourceValue(value)
      ? unknownValue(`${asTemplateText(value)} (known only at deploy time)`)
      : value;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.join(',');
  return unknownValue('a value that is not a string');
}

/**
 * The value of an `Fn::If` whose condition deploy time decides, judged on both branches where that can be one value:
 * two lists → the items of both (without Deny statements, which might not apply); a list and `AWS::NoValue` → the
 * list; two policy documents → one with the statements of both. Anything else: undefined (the caller gives Unknown).
 */
export function eitherBranch(whenTrue: unknown, whenFalse: unknown, noValue: unknown): unknown {
  if (Array.isArray(whenTrue) && Array.isArray(whenFalse)) return union(whenTrue, whenFalse);
  if (Array.isArray(whenTrue) && whenFalse === noValue) return union(whenTrue, []);
  if (Array.isArray(whenFalse) && whenTrue === noValue) return union(whenFalse, []);
  if (isPolicyDocument(whenTrue) && isPolicyDocument(whenFalse)) {
    return { ...whenTrue, Statement: union(statementList(whenTrue.Statement), statementList(whenFalse.Statement)) };
  }
  return undefined;
}

export function isDenyStatement(value: unknown): boolean {
  return isRecord(value) && value.Effect === 'Deny';
}

function union(first: unknown[], second: unknown[]): unknown[] {
  const seen = new Set<string>();
  const result: unknown[] = [];
  for (const item of [...first, ...second]) {
    if (isDenyStatement(item)) continue;
    const key = JSON.stringify(item);
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(item);
  }
  return result;
}

function isPolicyDocument(value: unknown): value is Record<string, unknown> & { Statement: unknown } {
  return isRecord(value) && !isUnknown(value) && value.Statement !== undefined;
}

function statementList(statement: unknown): unknown[] {
  return Array.isArray(statement) ? statement : [statement];
}
