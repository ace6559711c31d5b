import type { Audit } from '../../src/audit/types.js';

export function syntheticAudits(
  identities: number,
  added?: number,
): {
  base: Audit;
  head: Audit;
  expected: { passRole: number; keys: number; widened: number; removed: number; renamed: number; added: number };
};
