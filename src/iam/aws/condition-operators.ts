/**
 * IAM condition operators by what they do to a key the request carries (IAM User Guide, "IAM JSON policy elements:
 * Condition operators"): one source for the rules that read who a trust or resource policy admits.
 */

/**
 * Operators under which a condition key must be present and match one of the values: the only ones that narrow who is
 * admitted to those values. `…IfExists` and `ForAllValues:` pass when the key is absent; negated operators admit
 * everything else.
 */
const NARROWING_OPERATOR = /^(ForAnyValue:)?(StringEquals|StringEqualsIgnoreCase|StringLike|ArnEquals|ArnLike)$/i;
const PATTERN_OPERATOR = /(StringLike|ArnLike|ArnEquals)$/i;

export function isNarrowingOperator(operator: string): boolean {
  return NARROWING_OPERATOR.test(operator);
}

/** True when the operator reads `*` and `?` as wildcards (ArnEquals does, like ArnLike). */
export function isPatternOperator(operator: string): boolean {
  return PATTERN_OPERATOR.test(operator);
}
