/**
 * The aspect on public code: the templates copied verbatim into the AWS corpus (test/corpus/aws: SAM templates of
 * aws-samples/serverless-patterns, CloudFormation templates of amazon-bedrock-samples and others), each included in a CDK stack as an app that adopts it would (`CfnInclude`). The aspect gives
 * the CLI's findings on the same file, (rule id, logical id), and the stack it leaves is the one the CDK writes
 * without it, byte for byte.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Aspects, Stack } from 'aws-cdk-lib';
import { CfnInclude } from 'aws-cdk-lib/cloudformation-include';
import { describe, expect, it } from 'vitest';
import { EntitlementGuard } from '../../cdk-aspects/index.js';
import { runCheck } from '../../src/cli/check.js';
import { NOW, testApp } from './support.js';

const CORPUS = join(import.meta.dirname, '../corpus/aws');
const verbatim = readdirSync(CORPUS).filter(
  (file) => file.endsWith('.template.yaml') && readFileSync(join(CORPUS, file), 'utf8').startsWith('# Copied verbatim'),
);
/**
 * Templates `CfnInclude` refuses, with the CDK's reason: a `DependsOn` on the role SAM generates for a function
 * (`<Function>Role`), which exists only once CloudFormation runs the SAM transform; a function's `Code` given as a
 * local directory, which only `aws cloudformation package` turns into an S3 location; a quoted string or a flow
 * collection continued at its key's indentation, which CloudFormation and the check read and the CDK's YAML reader
 * (the `yaml` 1.x it bundles) refuses; an `AWS::Serverless::GraphQLApi` whose data source names a function or state
 * machine that names the API in turn (its policy, its definition): a cycle only until the SAM transform splits the API
 * into the API, its data sources and their roles; a `Ref` to `<Function>.Alias`, the alias SAM's `AutoPublishAlias`
 * makes, which exists only after the transform.
 */
const REFUSED_BY_CDK: Record<string, RegExp> = {
  'sam-lambda-kendra-bedrock.template.yaml': /depends on 'DataSourceSyncLambdaRole' that doesn't exist/,
  'sam-appsync-bedrock.template.yaml':
    /Found a cycle between resources in the template: AppSyncToBedrockApi depends on/,
  'sam-appsync-bedrock-streaming-sam.template.yaml':
    /Found a cycle between resources in the template: .*BedrockAppSyncApi/,
  'sam-appsync-stepfunctions-express-sam.template.yaml':
    /Found a cycle between resources in the template: AppSyncApi depends on/,
  'sam-appsync-stepfunctions-express-sync-bedrock-sam.template.yaml':
    /Found a cycle between resources in the template: AppSyncApi depends on/,
  'bedrock-managed-kb-observability.template.yaml': /Expected an object, but received: "\.\.\/build\/ingest_sync"/,
  'bedrock-fine-grained-access-agent.template.yaml':
    /Multi-line double-quoted string needs to be sufficiently indented/,
  'sam-systems-manager-automation-to-stepfunctions.template.yaml': /Insufficient indentation in flow collection/,
  'sam-lambda-durable-scheduled-tasks-sam.template.yaml':
    /Element used in Ref expression with logical ID: 'ScheduledTaskFunction.Alias' not found/,
};
const included = verbatim.filter((file) => !(file in REFUSED_BY_CDK));

function synthesized(file: string, guarded: boolean) {
  const app = testApp();
  const stack = new Stack(app, 'S');
  new CfnInclude(stack, 'Adopted', { templateFile: join(CORPUS, file) });
  if (guarded) Aspects.of(app).add(new EntitlementGuard({ now: NOW }));
  const artifact = app.synth().getStackArtifact(stack.artifactId);
  const findings = artifact.messages.flatMap((message) => {
    const text = String(message.entry.data);
    const match = /^\[EntitlementGuard\] (\S+) [\s\S]*?\n {2}resource: \S+ \(\S+ ([^)\s]+)\)/.exec(text);
    return match ? [`${match[1]} ${match[2]}`] : [];
  });
  return { template: readFileSync(artifact.templateFullPath, 'utf8'), findings };
}

describe('EntitlementGuard aspect on public templates (CfnInclude)', () => {
  it('covers the corpus copied verbatim; the CDK refuses to include only the templates it names', () => {
    expect(verbatim.length).toBeGreaterThanOrEqual(12);
    expect(included.length).toBe(verbatim.length - Object.keys(REFUSED_BY_CDK).length);
    for (const [file, reason] of Object.entries(REFUSED_BY_CDK)) expect(() => synthesized(file, false)).toThrow(reason);
  });

  it.each(included)('%s: the CLI findings, and the template as the CDK writes it without the aspect', (file) => {
    const bare = synthesized(file, false);
    const guarded = synthesized(file, true);
    expect(guarded.template).toBe(bare.template);
    const cli = runCheck({ paths: [join(CORPUS, file)], format: 'json', now: NOW, toolVersion: 'test' });
    expect(cli.errors).toEqual([]);
    const expected = cli.result!.findings.map((finding) => `${finding.ruleId} ${finding.resource.name}`);
    expect(expected.length).toBeGreaterThan(0);
    expect([...new Set(guarded.findings)].sort()).toEqual([...new Set(expected)].sort());
  });
});
