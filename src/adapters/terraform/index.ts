export {
  isTerraformJson,
  readTerraformPlan,
  TerraformPlanError,
  type TerraformInstance,
  type TerraformPlan,
} from './plan.js';
export { modelFromTerraformPlan, type TerraformModelOptions } from './to-model.js';
export { TERRAFORM_TYPES } from './providers.js';
