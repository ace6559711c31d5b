// The variants of the CDK benchmarks, shared by bench/cdk-synth.mjs (which runs one per sample) and
// bench/cdk-synth-instructions.mjs (which counts each under callgrind), so both list the same ones in the same order.

/** Every variant, in table order; `EG_BENCH_ONLY=bare,aspect,…` picks some. */
const ALL_VARIANTS = ['bare', 'aspect', 'aspect-failing', 'plugin', 'nag-pack', 'awssolutions'];

/** The variants this run measures. */
export const VARIANTS = process.env.EG_BENCH_ONLY?.split(',') ?? ALL_VARIANTS;

/** Our front-ends among them: what is compared with bare and with AwsSolutionsChecks. */
export const OUR_VARIANTS = VARIANTS.filter((variant) => !['bare', 'awssolutions'].includes(variant));
