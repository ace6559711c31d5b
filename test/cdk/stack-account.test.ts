/**
 * A CDK stack with an explicit environment is written with its account as a literal wherever the app asks for the
 * stack's account: a key's default policy lets `arn:aws:iam::111122223333:root` in, a pipeline's roles name
 * `arn:*:iam::111122223333:role/*`. CloudFormation deploys the template into that account, so the literal is the
 * stack's own account (`AWS::AccountId`), and only another stack's account is cross-account trust. Before, a key of
 * every such stack was reported as trusting an unlisted account, and a role that may assume any role of its own account
 * passed (aws-cdk-examples' aws-codepipeline-ecs-lambda, test/corpus/aws-cdk-examples/). Built with the real
 * aws-cdk-lib, judged by the aspect and by the CLI on the cloud assembly.
 */
import { Aspects, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { describe, expect, it } from 'vitest';
import { EntitlementGuard } from '../../cdk-aspects/index.js';
import { environmentAccount } from '../../src/adapters/cloudformation/stack-account.js';
import { runCheck } from '../../src/cli/check.js';
import { guardAnnotations, NOW, testApp } from './support.js';

const OWN = '111122223333';
const OTHER = '444455556666';
/** Rules whose findings follow from having no catalog. */
const CATALOG_RULES = new Set(['require-owner', 'require-entitlement']);

/** Stack `Own` in account OWN, with a key and a deployer role; stack `Shared` in OTHER, whose key lets OWN decrypt. */
function twoAccounts() {
  const app = testApp();
  const own = new Stack(app, 'Own', { env: { account: OWN, region: 'eu-west-1' } });
  new kms.Key(own, 'ArtifactsKey');
  const deployer = new iam.Role(own, 'Deployer', { assumedBy: new iam.ServicePrincipal('codebuild.amazonaws.com') });
  deployer.addToPolicy(
    new iam.PolicyStatement({
      actions: ['sts:AssumeRole'],
      resources: [own.formatArn({ service: 'iam', region: '', resource: 'role', resourceName: '*' })],
    }),
  );
  const shared = new Stack(app, 'Shared', { env: { account: OTHER, region: 'eu-west-1' } });
  new kms.Key(shared, 'SharedKey').grantDecrypt(new iam.AccountPrincipal(OWN));
  return { app, own, shared };
}

describe("a CDK stack's own account, written as a literal", () => {
  it('is read from the cloud assembly environment; an environment-agnostic stack has none', () => {
    expect(environmentAccount(`aws://${OWN}/eu-west-1`)).toBe(OWN);
    expect(environmentAccount('aws://unknown-account/unknown-region')).toBeUndefined();
    expect(environmentAccount(undefined)).toBeUndefined();
  });

  it("is the stack's own account for the CLI on the cloud assembly: another stack's account stays cross-account", () => {
    const { app } = twoAccounts();
    const directory = app.synth().directory;
    const result = runCheck({ paths: [directory], format: 'json', now: NOW, cwd: directory, toolVersion: 'test' });
    expect(result.errors).toEqual([]);
    const findings = (result.result?.findings ?? []).filter(({ ruleId }) => !CATALOG_RULES.has(ruleId));
    expect(
      findings.map(({ ruleId, level, resource, detail }) => [
        ruleId,
        level,
        `${resource.stack}/${resource.name}`,
        detail,
      ]),
    ).toEqual([
      // Any role of its own account, whose trust may admit the account: both are right (sts:AssumeRole is privileged).
      ['no-privilege-escalation', 'mandatory', 'Own/Deployer92EF8763', 'Path::assume-any-role'],
      ['no-wildcard-privilege', 'mandatory', 'Own/DeployerDefaultPolicy7237DBBA', 'Resource::*'],
      // Own's key (its default policy names Own's account) is silent; Shared's lets Own's account in.
      ['restrict-trust', 'mandatory', 'Shared/SharedKey1EE60F1E', `Account::${OWN}`],
    ]);
  });

  it('is the same for the aspect', () => {
    const { app, own, shared } = twoAccounts();
    Aspects.of(app).add(new EntitlementGuard({ now: NOW }));
    const judged = [...guardAnnotations(app, own), ...guardAnnotations(app, shared)].filter(
      ({ ruleId }) => !CATALOG_RULES.has(ruleId),
    );
    expect(judged.map(({ ruleId, resource }) => [ruleId, resource])).toEqual([
      ['no-privilege-escalation', 'Own/Deployer/Resource'],
      ['no-wildcard-privilege', 'Own/Deployer/DefaultPolicy/Resource'],
      ['restrict-trust', 'Shared/SharedKey/Resource'],
    ]);
  });
});
