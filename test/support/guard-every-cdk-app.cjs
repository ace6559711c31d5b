// Preloaded (`node --require`) into a public CDK app that is run unchanged (test/cdk/public-apps.test.ts): adds
// Entitlement Guard's CDK front-ends, from the built package, to every App just before its synthesis, as the app's
// own code would (`Aspects.of(app).add(new EntitlementGuard())`, `Validations.of(app).addPlugins(…)`): the aspect, the
// cdk-nag pack and the validation plugin, each with the catalog file EG_CATALOG names (the built-in one without it).
// EG_NOW fixes the date expiries are judged at.
const { App, Aspects, Stage, Validations } = require('aws-cdk-lib');
const { EntitlementGuard, EntitlementGuardValidation } = require('entitlement-guard/cdk');
const { EntitlementGuardChecks } = require('entitlement-guard/cdk-nag');

const options = {
  ...(process.env.EG_CATALOG ? { catalog: process.env.EG_CATALOG } : {}),
  ...(process.env.EG_NOW ? { now: new Date(process.env.EG_NOW) } : {}),
};
const synth = Stage.prototype.synth;
const guarded = new WeakSet();
Stage.prototype.synth = function synthGuarded(synthOptions) {
  if (App.isApp(this) && !guarded.has(this)) {
    guarded.add(this);
    Aspects.of(this).add(new EntitlementGuard(options));
    Validations.of(this).addPlugins(new EntitlementGuardChecks(this, options), new EntitlementGuardValidation(options));
  }
  return synth.call(this, synthOptions);
};
