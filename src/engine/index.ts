import type { Model } from '../model/model.js';
import type { Rule } from '../rules/define.js';
import { allRules } from '../rules/index.js';
import { runRules, type EvaluateOptions, type EvaluationResult } from './evaluate.js';

/** Evaluates a model against every rule (or the given subset) with the catalog's enforcement levels. */
export function evaluate(model: Model, options: EvaluateOptions & { rules?: readonly Rule[] }): EvaluationResult {
  return runRules(model, options.rules ?? allRules, options);
}
