/**
 * Not cdk-nag's file: this repository's stand-in for cdk-nag's test/rules/utils.ts, which the copied test files
 * import as './utils'. It keeps their calls and records, for each case, the stack it checked, the rule id and
 * cdk-nag's verdict (non-compliance or compliance); ../../../cdk-nag-fixtures.test.ts checks the stacks with
 * Entitlement Guard instead of cdk-nag.
 */
export enum TestType {
  NON_COMPLIANCE,
  COMPLIANCE,
  ERROR,
}

export interface Validation {
  stack: unknown;
  ruleId: string;
  type: TestType;
}

/** What the cases asked cdk-nag to validate, in order; the corpus test reads and empties it. */
export const validations: Validation[] = [];

export function validateStack(stack: unknown, ruleId: string, type: TestType): void {
  validations.push({ stack, ruleId, type });
}

/** cdk-nag's rules are not run here: a pack is the list of their names (../../src/rules/*.ts). */
export class TestPack {
  constructor(readonly rules: string[]) {}
}

export function setActivePack(pack: TestPack): void {
  void pack;
}
