/** The catalog validates rule ids without importing the engine: its list must stay the engine's list. */
import { expect, it } from 'vitest';
import { RULE_IDS } from '../../catalog/index.js';
import { allRules } from '../../src/rules/index.js';

it('RULE_IDS names exactly the registered rules, in the same order', () => {
  expect(allRules.map((rule) => rule.meta.id)).toEqual([...RULE_IDS]);
});
