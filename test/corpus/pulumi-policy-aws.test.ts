/**
 * pulumi/pulumi-policy-aws (AWSGuard) regression corpus: the Pulumi program of its IAM integration test, copied
 * verbatim (test/corpus/pulumi-policy-aws, README.md there), run as test/corpus/aws-pulumi.test.ts runs pulumi/examples
 * programs (support/pulumi-corpus.ts): under the SDK's mocks as `pulumi up` and `pulumi preview` plan it, checked with
 * no catalog, asked of the built pack over the analyzer protocol, and adopted with `catalog init`.
 *
 * The program is one file whose stack setting `scenario` picks what it creates; its Go test
 * (integration-tests/integration_test.go TestIAM) runs scenarios 1, 2 and 3 in turn with `aws:region` us-west-2, so each
 * scenario is a program of the corpus with that configuration. Its Pulumi.yaml names the project
 * `awsguard-test-compute` (upstream's own name), which is where `new pulumi.Config()` reads `scenario` from.
 */
import { describe, expect, it } from 'vitest';
import { modelFromPulumiResources } from '../../src/adapters/pulumi/index.js';
import { stackResources } from '../multicloud/support/capture.js';
import type { CapturedResource } from '../pulumi/support/analyzer-client.mjs';
import { itAdoptsAndAsksThePack, pulumiCorpus, type CorpusProgram } from './support/pulumi-corpus.js';

const PROJECT = 'awsguard-test-compute';
/** Scenario `n` of integration-tests/iam, configured as TestIAM configures it (`pulumi config set scenario n`). */
const scenario = (n: number): CorpusProgram => ({
  file: 'iam/index.ts',
  project: PROJECT,
  config: { [`${PROJECT}:scenario`]: String(n) },
});
const PROGRAMS = {
  'iam/scenario-1': scenario(1),
  'iam/scenario-2': scenario(2),
  'iam/scenario-3': scenario(3),
} satisfies Record<string, CorpusProgram>;
type Program = keyof typeof PROGRAMS;
const corpus = pulumiCorpus('pulumi-policy-aws', PROGRAMS, { config: { 'aws:region': 'us-west-2' } });
const { judged, counted, previewFindings } = corpus;

/** `identity: grant, …`: a managed policy by its ARN, a policy of the program by its name and statements. */
const grantsOf = (records: CapturedResource[]) =>
  modelFromPulumiResources(stackResources(records)).identities.map(
    (identity) =>
      `${identity.resource.name}: ${identity.grants
        .map((grant) =>
          grant.kind === 'aws-managed-policy'
            ? String(grant.arn)
            : grant.kind === 'aws-policy'
              ? `${grant.source.name} ${grant.document.statements.map((s) => `${s.effect} ${String(s.action)} on ${String(s.resource)}`).join('; ')}`
              : grant.kind,
        )
        .join(', ')}`,
  );

const MANAGED = 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole';
const DESCRIBE = 'policy Allow ec2:Describe* on *';

describe('pulumi-policy-aws corpus: integration-tests/iam under mocks', () => {
  itAdoptsAndAsksThePack(corpus, { everyProgramHasVerdicts: true });

  it.each(corpus.names)(
    '%s: nothing but the catalog rules, in pulumi up as in preview (right: AWSLambdaBasicExecutionRole writes logs only, ec2:Describe* on "*" is no privilege, the trust is Lambda’s)',
    (program: Program) => {
      expect(judged(program)).toEqual([]);
      expect(judged(program, previewFindings)).toEqual([]);
      // One role, without owner or entitlements: what a catalog would say (README.md).
      expect(counted(program)).toEqual({ 'require-entitlement': 1, 'require-owner': 1 });
    },
  );

  it('the role holds what each scenario gives it: managedPolicyArns, a RolePolicyAttachment of a getPolicyDocument policy, or both (scenario 3, which AWSGuard refuses as a management conflict, is read as the union)', () => {
    const expected = {
      'iam/scenario-1': [`role1: ${MANAGED}`],
      'iam/scenario-2': [`role1: ${DESCRIBE}`],
      'iam/scenario-3': [`role1: ${MANAGED}, ${DESCRIBE}`],
    };
    for (const program of corpus.names) {
      expect(grantsOf(corpus.captured[program])).toEqual(expected[program]);
      // In preview the attachment's role and policyArn are unknown: it is linked through its property dependencies.
      expect(grantsOf(corpus.planned[program])).toEqual(expected[program]);
    }
  });
});
