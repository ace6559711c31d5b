/**
 * Issue 24 item 2 through the CDK aspect: trust narrowed to an untrusted account or by a self-comparing policy
 * variable, and privileged actions on every resource in other spellings, block at the role the user wrote while
 * the catalog sets require-entitlement to advisory.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Aspects, CfnMapping, CfnParameter, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { describe, expect, it } from 'vitest';
import { EntitlementGuard } from '../../cdk-aspects/index.js';
import { parseCatalog } from '../../catalog/index.js';
import { guardAnnotations, NOW, tag, testApp } from './support.js';

const CATALOG_FILE = fileURLToPath(new URL('../fixtures/cloudformation/semantics/catalog.yaml', import.meta.url));
const catalog = parseCatalog(readFileSync(CATALOG_FILE, 'utf8'), CATALOG_FILE);
const lambda = () => new iam.ServicePrincipal('lambda.amazonaws.com');

describe('EntitlementGuard aspect: IAM semantics', () => {
  it('blocks the trust and every-resource cases at the roles the user wrote', () => {
    const app = testApp();
    const stack = new Stack(app, 'S');
    const roles = [
      new iam.Role(stack, 'AnyoneFromOtherAccount', {
        assumedBy: new iam.AnyPrincipal().withConditions({ StringEquals: { 'aws:PrincipalAccount': '999988887777' } }),
      }),
      new iam.Role(stack, 'AnyoneSelfCompared', {
        assumedBy: new iam.AnyPrincipal().withConditions({
          StringEquals: { 'aws:PrincipalOrgID': '${aws:PrincipalOrgID}' },
        }),
      }),
      new iam.Role(stack, 'AnyoneFromTrustedOrg', {
        assumedBy: new iam.AnyPrincipal().withConditions({ StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } }),
      }),
    ];
    const passer = new iam.Role(stack, 'PassAnyRole', { assumedBy: lambda() });
    passer.addToPolicy(
      new iam.PolicyStatement({
        actions: ['iam:PassRole'],
        resources: ['arn:aws:iam::*:role/*'],
        conditions: { Bool: { 'aws:SecureTransport': 'true' } },
      }),
    );
    const assumer = new iam.Role(stack, 'AssumeAnyRole', { assumedBy: lambda() });
    assumer.addToPolicy(new iam.PolicyStatement({ actions: ['sts:AssumeRole'], resources: ['arn:*'] }));
    for (const role of [...roles, passer, assumer]) tag(role, { owner: 'team-platform', 'identity-class': 'workload' });
    Aspects.of(app).add(new EntitlementGuard({ catalog, now: NOW }));
    const errors = guardAnnotations(app, stack)
      .filter((annotation) => annotation.level === 'error')
      .map((annotation) => `${annotation.ruleId} ${annotation.at} ${annotation.resource}`);
    expect([...new Set(errors)].sort()).toEqual([
      'no-privilege-escalation /S/AssumeAnyRole S/AssumeAnyRole/Resource',
      'no-wildcard-privilege /S/AssumeAnyRole S/AssumeAnyRole/DefaultPolicy/Resource',
      'no-wildcard-privilege /S/PassAnyRole S/PassAnyRole/DefaultPolicy/Resource',
      'restrict-trust /S/AnyoneFromOtherAccount S/AnyoneFromOtherAccount/Resource',
      'restrict-trust /S/AnyoneSelfCompared S/AnyoneSelfCompared/Resource',
    ]);
  });
});

describe('EntitlementGuard aspect: a CfnParameter that writes a statement', () => {
  it('blocks an action any deployment may choose, and judges each allowed value of one it may only pick', () => {
    const app = testApp();
    const stack = new Stack(app, 'P');
    const verb = new CfnParameter(stack, 'Verb', { type: 'String', default: 's3:GetObject' });
    const tier = new CfnParameter(stack, 'Tier', {
      type: 'String',
      default: 's3:GetObject',
      allowedValues: ['s3:GetObject', 's3:*'],
    });
    const fixed = new CfnParameter(stack, 'Fixed', {
      type: 'String',
      default: 's3:GetObject',
      allowedValues: ['s3:GetObject', 's3:GetObjectVersion'],
    });
    const roles = [
      ['Chosen', verb],
      ['Tiered', tier],
      ['Picked', fixed],
    ] as const;
    for (const [id, parameter] of roles) {
      const role = new iam.Role(stack, id, { assumedBy: lambda() });
      role.addToPolicy(new iam.PolicyStatement({ actions: [parameter.valueAsString], resources: ['*'] }));
      tag(role, { owner: 'team-platform', 'identity-class': 'workload' });
    }
    Aspects.of(app).add(new EntitlementGuard({ catalog, now: NOW }));
    const errors = guardAnnotations(app, stack)
      .filter((annotation) => annotation.level === 'error')
      .map((annotation) => `${annotation.ruleId} ${annotation.at} ${annotation.resource}`);
    expect([...new Set(errors)].sort()).toEqual([
      'no-privilege-escalation /P/Chosen P/Chosen/Resource',
      'no-wildcard-privilege /P/Chosen P/Chosen/DefaultPolicy/Resource',
      'no-wildcard-privilege /P/Tiered P/Tiered/DefaultPolicy/Resource',
    ]);
  });
});

describe('EntitlementGuard aspect: a CfnParameter that writes an owner tag', () => {
  it('blocks a role whose owner the deployment chooses, and reads one its only allowed value fixes', () => {
    const app = testApp();
    const stack = new Stack(app, 'O');
    const owner = new CfnParameter(stack, 'Owner', { type: 'String', default: 'team-platform' });
    const only = new CfnParameter(stack, 'PlatformOnly', {
      type: 'String',
      default: 'team-platform',
      allowedValues: ['team-platform'],
    });
    for (const [id, parameter] of [
      ['Chosen', owner],
      ['Fixed', only],
    ] as const) {
      const role = new iam.Role(stack, id, { assumedBy: lambda() });
      tag(role, { owner: parameter.valueAsString, 'identity-class': 'workload' });
    }
    Aspects.of(app).add(new EntitlementGuard({ catalog, now: NOW }));
    const errors = guardAnnotations(app, stack)
      .filter((annotation) => annotation.level === 'error' && annotation.ruleId === 'require-owner')
      .map((annotation) => `${annotation.ruleId} ${annotation.at} ${annotation.resource}`);
    expect(errors).toEqual(['require-owner /O/Chosen O/Chosen/Resource']);
  });
});

describe('EntitlementGuard aspect: a CfnMapping looked up by a CfnParameter', () => {
  it('blocks an action the entry of another key grants, though the default key picks a read-only one', () => {
    const app = testApp();
    const stack = new Stack(app, 'M');
    const env = new CfnParameter(stack, 'Env', { type: 'String', default: 'dev' });
    const actions = new CfnMapping(stack, 'EnvActions', {
      mapping: { dev: { Action: 's3:GetObject' }, prod: { Action: 's3:*' } },
    });
    const role = new iam.Role(stack, 'Mapped', { assumedBy: lambda() });
    role.addToPolicy(
      new iam.PolicyStatement({ actions: [actions.findInMap(env.valueAsString, 'Action')], resources: ['*'] }),
    );
    tag(role, { owner: 'team-platform', 'identity-class': 'workload' });
    Aspects.of(app).add(new EntitlementGuard({ catalog, now: NOW }));
    const errors = guardAnnotations(app, stack)
      .filter((annotation) => annotation.level === 'error' && annotation.ruleId === 'no-wildcard-privilege')
      .map((annotation) => `${annotation.ruleId} ${annotation.at} ${annotation.resource}`);
    expect(errors).toEqual(['no-wildcard-privilege /M/Mapped M/Mapped/DefaultPolicy/Resource']);
    // Judged on prod's entry, not held as a value unknown until deployment.
    const texts = app
      .synth()
      .getStackArtifact(stack.artifactId)
      .messages.map((message) => String(message.entry.data))
      .filter((text) => text.startsWith('[EntitlementGuard] no-wildcard-privilege'));
    expect(texts.join('\n')).toContain('allows Action "s3:*" on Resource "*"');
    expect(texts.join('\n')).not.toContain('cannot be verified');
  });
});
