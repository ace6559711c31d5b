// Preloaded (`node --require`) into a public CDK app that is run unchanged (test/cdk/public-apps.test.ts): adds the
// EntitlementGuard aspect of the built package to every App just before its synthesis, as the app's own
// `Aspects.of(app).add(new EntitlementGuard())` would. EG_NOW fixes the date the guard judges expiries against.
const { App, Aspects, Stage } = require('aws-cdk-lib');
const { EntitlementGuard } = require('entitlement-guard/cdk');

const synth = Stage.prototype.synth;
const guarded = new WeakSet();
Stage.prototype.synth = function synthGuarded(options) {
  if (App.isApp(this) && !guarded.has(this)) {
    guarded.add(this);
    Aspects.of(this).add(new EntitlementGuard(process.env.EG_NOW ? { now: new Date(process.env.EG_NOW) } : {}));
  }
  return synth.call(this, options);
};
