/**
 * Which services a statement allowing iam:PassRole can hand a role to. Every PassRole request carries
 * iam:PassedToService, the service principal that receives the role
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#ck_PassedToService),
 * so a clause on it decides which services a grant reaches: AmazonDynamoDBFullAccess allows iam:PassRole on `*` only
 * to Application Auto Scaling and DAX, which opens no path that needs Lambda to receive the role.
 */
import { isUnknown, type PolicyStatement } from '../../model/model.js';
import { globMatch } from '../../util/glob.js';
import { hasPolicyVariable } from './resource-scope.js';

/**
 * False only when an iam:PassedToService clause of the statement's Condition rules out every service of `services`
 * (principals such as `lambda.amazonaws.com`, as the aws partition names them, which is the partition the check
 * assumes, as `AWS::Partition` resolves). Clauses are ANDed, so one such clause is enough. A clause that names the
 * China partition's form (`lambda.amazonaws.com.cn`) admits the service too: the widest reading. A clause the check
 * cannot read (an Unknown value, a policy variable, an operator other than the String ones) rules nothing out.
 */
export function mayPassToService(condition: PolicyStatement['condition'], services: readonly string[]): boolean {
  if (!condition) return true;
  for (const [written, clauses] of Object.entries(condition)) {
    // The key is single-valued and on every PassRole request: IfExists and the set prefixes compare as the plain operator.
    const operator = written
      .replace(/IfExists$/i, '')
      .replace(/^For(AnyValue|AllValues):/i, '')
      .toLowerCase();
    for (const [key, values] of Object.entries(clauses)) {
      if (key.toLowerCase() !== 'iam:passedtoservice') continue;
      const strings: string[] = [];
      for (const value of values) if (!isUnknown(value) && !hasPolicyVariable(value)) strings.push(value);
      if (strings.length < values.length) continue;
      const admits = (service: string) =>
        clauseAdmits(operator, strings, service) ||
        (!operator.startsWith('stringnot') && clauseAdmits(operator, strings, `${service}.cn`));
      if (!services.some(admits)) return false;
    }
  }
  return true;
}

/** Whether `operator` with `values` lets a request passing the role to `service` through; true for operators it cannot judge. */
function clauseAdmits(operator: string, values: string[], service: string): boolean {
  switch (operator) {
    case 'stringequals':
      return values.includes(service);
    case 'stringequalsignorecase':
      return values.some((value) => value.toLowerCase() === service.toLowerCase());
    case 'stringlike':
      return values.some((value) => globMatch(value, service));
    case 'stringnotequals':
      return !values.includes(service);
    case 'stringnotequalsignorecase':
      return !values.some((value) => value.toLowerCase() === service.toLowerCase());
    case 'stringnotlike':
      return !values.some((value) => globMatch(value, service));
    default:
      return true;
  }
}
