// What the cdk CLI passes a CDK app it runs (`cdk synth`): where to write the cloud assembly, and its context, in
// which construct stack traces are off unless `cdk --debug`. Every CDK app the user-set-up benchmarks run gets it.
export function cdkCliEnv(outdir) {
  return {
    CDK_OUTDIR: outdir,
    CDK_CONTEXT_JSON: JSON.stringify({ 'aws:cdk:disable-stack-trace': true }),
    NODE_ENV: 'production',
  };
}
