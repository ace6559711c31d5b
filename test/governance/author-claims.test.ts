/**
 * What a stack author writes (resource names, tags, template metadata) claims catalog facts; it never grants what the
 * catalog's review exists for. Hand-written probes (test/governance/fixtures/author-claims), through the CLI, the CDK
 * aspect (the same templates through cloudformation-include) and the Pulumi pack (the same roles as Pulumi resources):
 *
 * - a catalog record matched only by a role's bare logical id or Pulumi resource name (every stack picks those) gives
 *   no privileged entitlement: before, a role named like the platform team's break-glass record in any stack held its
 *   AdministratorAccess with no finding at all;
 * - nor does a record matched only by tags (`match: { tags: … }`): the catalog author chose them, but any stack's author
 *   writes them on any role; before, a generated-name role tagged like the ops-emergency record held its
 *   AdministratorAccess with no require-entitlement finding. A record that also names the role keeps granting;
 * - a person's or break-glass class claimed by a tag lifts no check meant for machines: before, a Lambda's role tagged
 *   `identity-class: human` could be trusted by the break-glass role with no finding, and its AdministratorAccess was
 *   left out of no-wildcard-privilege;
 * - cfn_nag, checkov and cdk-nag metadata an author writes waive nothing in the CLI gate;
 * - the audit view shows a reviewer which facts of a row are the author's claims (`claims`).
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PolicyResource, ReportViolation, StackValidationArgs } from '@pulumi/policy';
import { Aspects, Stack } from 'aws-cdk-lib';
import { CfnInclude } from 'aws-cdk-lib/cloudformation-include';
import { describe, expect, it } from 'vitest';
import { EntitlementGuard } from '../../cdk-aspects/index.js';
import { entitlementGuardPolicies } from '../../policypack/src/index.js';
import type { Audit } from '../../src/audit/index.js';
import { runAudit } from '../../src/cli/audit.js';
import { runCheck } from '../../src/cli/check.js';
import { guardAnnotations, testApp } from '../cdk/support.js';

const path = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
const FIXTURES = path('./fixtures/author-claims');
const CATALOG = join(FIXTURES, 'catalog.yaml');
const NOW = new Date('2026-12-06T00:00:00Z');

interface JsonFinding {
  ruleId: string;
  level: string;
  resource: { name: string };
  detail?: string;
  message: string;
}

function check(file: string) {
  const result = runCheck({
    paths: [join(FIXTURES, file)],
    catalogPath: CATALOG,
    format: 'json',
    now: NOW,
    cwd: FIXTURES,
    toolVersion: 'test',
  });
  expect(result.errors).toEqual([]);
  const findings = (JSON.parse(result.output) as { findings: JsonFinding[] }).findings;
  return {
    exitCode: result.exitCode,
    findings,
    lines: findings.map((f) => `${f.ruleId} ${f.level} ${f.resource.name} ${f.detail ?? ''}`).sort(),
    message: (ruleId: string) => findings.find((finding) => finding.ruleId === ruleId)?.message,
  };
}

/** The aspect's verdict on a fixture included into a CDK stack: `rule level logical-id`. */
function aspect(file: string): string[] {
  const app = testApp();
  const stack = new Stack(app, 'claims');
  new CfnInclude(stack, 'Template', { templateFile: join(FIXTURES, file) });
  Aspects.of(app).add(new EntitlementGuard({ catalog: CATALOG, now: NOW }));
  const level = (cdkLevel: string) => (cdkLevel === 'error' ? 'mandatory' : 'advisory');
  return [
    ...new Set(
      guardAnnotations(app, stack).map(
        (a) => `${a.ruleId} ${level(a.level)} ${a.resource.replace('claims/Template/', '')}`,
      ),
    ),
  ].sort();
}

const BARE_NAME_MESSAGE =
  'BreakGlassAdmin matches catalog identity break-glass-admin only by its resource name BreakGlassAdmin (a logical id ' +
  "or Pulumi resource name, which every stack picks freely), so it claims the record's privileged entitlement " +
  'emergency-admin as a tag would and does not hold it: a privileged entitlement is granted only to the identity the ' +
  'record names by a name the catalog controls. Match the record by the physical name, ARN, construct path (path:…), ' +
  'location (stack:…) or URN of the identity it means, or give this identity its own record.';

describe('a catalog record matched by a bare resource name', () => {
  it("gives no privileged entitlement: a generated-name role with the record's name as logical id is blocked", () => {
    const { exitCode, lines, message } = check('bare-logical-id.template.yaml');
    expect(lines).toEqual([
      'no-privilege-escalation mandatory BreakGlassAdmin Path::*',
      'no-wildcard-privilege mandatory BreakGlassAdmin Policy::AdministratorAccess',
      'require-entitlement mandatory BreakGlassAdmin Entitlement::emergency-admin',
    ]);
    expect(message('require-entitlement')).toBe(BARE_NAME_MESSAGE);
    expect(message('no-wildcard-privilege')).toBe(
      'AWS managed policy AdministratorAccess on BreakGlassAdmin (class break-glass claimed by the IaC, which no ' +
        'catalog record gives it, so treated as non-human) grants administrator-level access to a non-human identity. ' +
        'Detach it and attach a customer-managed policy with the specific actions and resources the identity needs.',
    );
    expect(exitCode).toBe(1);
  });

  it('still grants to the role the record names by its physical name: no finding', () => {
    const { exitCode, findings } = check('physical-name.template.yaml');
    expect(findings).toEqual([]);
    expect(exitCode).toBe(0);
  });

  it('gives the same verdict in the CDK aspect', () => {
    expect(aspect('bare-logical-id.template.yaml')).toEqual([
      'no-privilege-escalation mandatory BreakGlassAdmin',
      'no-wildcard-privilege mandatory BreakGlassAdmin',
      'require-entitlement mandatory BreakGlassAdmin',
    ]);
    expect(aspect('physical-name.template.yaml')).toEqual([]);
  });

  it('gives the same verdict in the Pulumi pack: a resource named like the record, auto-named by Pulumi', async () => {
    const bare = await pulumiVerdict(pulumiRole('BreakGlassAdmin', { name: 'BreakGlassAdmin-4f1c2a9' }));
    expect(bare.map((r) => `${r.message.split(' ')[0]} ${r.enforcementLevel}`).sort()).toEqual([
      'no-privilege-escalation mandatory',
      'no-wildcard-privilege mandatory',
      'require-entitlement mandatory',
    ]);
    expect(bare.find((r) => r.message.startsWith('require-entitlement '))?.message).toContain(
      'BreakGlassAdmin-4f1c2a9 matches catalog identity break-glass-admin only by its resource name BreakGlassAdmin',
    );
    expect(await pulumiVerdict(pulumiRole('admin', { name: 'BreakGlassAdmin' }))).toEqual([]);
  });
});

const TAG_MATCH_MESSAGE =
  'Helper matches catalog identity ops-emergency only by its tags (access-tier=emergency, which the IaC sets on any ' +
  "resource of any stack), so it claims the record's privileged entitlement emergency-admin as a tag would and does " +
  'not hold it: a privileged entitlement is granted only to the identity the record names by a name the catalog ' +
  "controls. Add to the record's match the physical name, ARN, construct path (path:…), location (stack:…) or URN of " +
  'the identity it means, or give this identity its own record.';

describe('a catalog record matched by tags alone', () => {
  it("gives no privileged entitlement: a generated-name role carrying the record's tag is blocked", () => {
    const { exitCode, lines, message } = check('tag-matched.template.yaml');
    // The break-glass class the record gives by tags alone is the author's claim too: no-wildcard-privilege does not
    // leave the AdministratorAccess to the break-glass rules.
    expect(lines).toEqual([
      'no-privilege-escalation mandatory Helper Path::*',
      'no-wildcard-privilege mandatory Helper Policy::AdministratorAccess',
      'require-entitlement mandatory Helper Entitlement::emergency-admin',
    ]);
    expect(message('no-wildcard-privilege')).toBe(
      'AWS managed policy AdministratorAccess on Helper (class break-glass from catalog identity ops-emergency, ' +
        'matched only by tags the IaC sets, so treated as non-human) grants administrator-level access to a non-human ' +
        'identity. Detach it and attach a customer-managed policy with the specific actions and resources the ' +
        'identity needs.',
    );
    expect(message('require-entitlement')).toBe(TAG_MATCH_MESSAGE);
    expect(exitCode).toBe(1);
  });

  it("gives a class that lifts no check meant for machines: a Lambda's role tagged as staff does not reach break-glass", () => {
    const { exitCode, lines, message } = check('record-tags-reach-break-glass.template.yaml');
    expect(lines).toEqual([
      'break-glass-isolation mandatory BreakGlass Principal::arn:aws:iam::<own-account>:role/helper',
    ]);
    expect(message('break-glass-isolation')).toBe(
      'Break-glass role BreakGlassAdmin can be assumed by helper (arn:aws:iam::<own-account>:role/helper), an identity ' +
        'of class human (from catalog identity payments-staff, matched only by tags the IaC sets). Remove it from the ' +
        'trust policy; no workload, service or agent may reach break-glass.',
    );
    expect(exitCode).toBe(1);
  });

  it('still grants to the role a record names by its physical name and tag: no finding', () => {
    const { exitCode, findings } = check('tag-and-name.template.yaml');
    expect(findings).toEqual([]);
    expect(exitCode).toBe(0);
  });

  it('gives the same verdict in the CDK aspect', () => {
    expect(aspect('tag-matched.template.yaml')).toEqual([
      'no-privilege-escalation mandatory Helper',
      'no-wildcard-privilege mandatory Helper',
      'require-entitlement mandatory Helper',
    ]);
    expect(aspect('record-tags-reach-break-glass.template.yaml')).toEqual([
      'break-glass-isolation mandatory BreakGlass',
    ]);
    expect(aspect('tag-and-name.template.yaml')).toEqual([]);
  });

  it('gives the same verdict in the Pulumi pack', async () => {
    const tags = { 'access-tier': 'emergency' };
    const tagged = await pulumiVerdict(pulumiRole('helper', { name: 'helper-4f1c2a9', tags }));
    expect(tagged.map((r) => `${r.message.split(' ')[0]} ${r.enforcementLevel}`).sort()).toEqual([
      'no-privilege-escalation mandatory',
      'no-wildcard-privilege mandatory',
      'require-entitlement mandatory',
    ]);
    expect(tagged.find((r) => r.message.startsWith('require-entitlement '))?.message).toBe(
      `require-entitlement ${TAG_MATCH_MESSAGE.replaceAll('Helper', 'helper-4f1c2a9')}` +
        '\nIf this is intended, request a catalog exception for rule require-entitlement, target helper-4f1c2a9.',
    );
    expect(await pulumiVerdict(pulumiRole('emergency', { name: 'PaymentsEmergency', tags }))).toEqual([]);
  });
});

function pulumiRole(name: string, props: Record<string, unknown>): PolicyResource {
  const type = 'aws:iam/role:Role';
  return {
    type,
    name,
    urn: `urn:pulumi:prod::payments::${type}::${name}`,
    props: {
      assumeRolePolicy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { Federated: 'arn:aws:iam::111122223333:saml-provider/CorpIdP' },
            Action: 'sts:AssumeRoleWithSAML',
          },
        ],
      }),
      maxSessionDuration: 3600,
      managedPolicyArns: ['arn:aws:iam::aws:policy/AdministratorAccess'],
      ...props,
    },
    propertyDependencies: {},
    dependencies: [],
  } as unknown as PolicyResource;
}

/** Each stack policy's violations, prefixed by the policy's name (its rule id). */
async function pulumiVerdict(resource: PolicyResource) {
  const reported: { message: string; enforcementLevel?: string }[] = [];
  for (const policy of entitlementGuardPolicies({ catalog: CATALOG, now: () => NOW })) {
    if (!policy.validateStack) continue;
    const report = ((violation: { message: string; enforcementLevel?: string }) =>
      reported.push({
        ...violation,
        message: `${policy.name} ${violation.message}`,
      })) as unknown as ReportViolation;
    await policy.validateStack(
      { resources: [resource], getConfig: () => ({}) } as unknown as StackValidationArgs,
      report,
    );
  }
  return reported;
}

describe('a person or break-glass class claimed by a tag', () => {
  it("does not let a Lambda's role reach the recorded break-glass role", () => {
    const { exitCode, lines, message } = check('claimed-human-reaches-break-glass.template.yaml');
    expect(lines).toEqual([
      'break-glass-isolation mandatory BreakGlass Principal::arn:aws:iam::<own-account>:role/helper',
    ]);
    expect(message('break-glass-isolation')).toBe(
      'Break-glass role BreakGlassAdmin can be assumed by helper (arn:aws:iam::<own-account>:role/helper), an identity ' +
        'of class human (claimed by the IaC; no catalog record gives it). Remove it from the trust policy; no workload, ' +
        'service or agent may reach break-glass.',
    );
    expect(exitCode).toBe(1);
    expect(aspect('claimed-human-reaches-break-glass.template.yaml')).toEqual([
      'break-glass-isolation mandatory BreakGlass',
    ]);
  });

  it("does not lift no-wildcard-privilege's administrator-policy check from a machine's role", () => {
    const { lines, message } = check('claimed-human-admin.template.yaml');
    expect(lines).toEqual([
      'no-privilege-escalation mandatory AppRole Path::*',
      'no-wildcard-privilege mandatory AppRole Policy::AdministratorAccess',
      'require-entitlement mandatory AppRole Policy::AdministratorAccess',
    ]);
    expect(message('no-wildcard-privilege')).toBe(
      'AWS managed policy AdministratorAccess on app-role (class human claimed by the IaC, which no catalog record ' +
        'gives it, so treated as non-human) grants administrator-level access to a non-human identity. Detach it and ' +
        'attach a customer-managed policy with the specific actions and resources the identity needs.',
    );
  });
});

describe('suppressions an author writes into the template', () => {
  it('waive nothing in the CLI gate: cfn_nag, checkov and cdk_nag metadata, with our rule ids and nag ids', () => {
    const { exitCode, lines, findings } = check('metadata-suppressions.template.yaml');
    expect(lines).toEqual([
      'no-privilege-escalation mandatory AppRole Path::*',
      'no-wildcard-privilege mandatory AppRole Policy::AdministratorAccess',
      'require-entitlement mandatory AppRole Policy::AdministratorAccess',
    ]);
    expect(findings.filter((finding) => 'waivedBy' in finding)).toEqual([]);
    expect(exitCode).toBe(1);
  });
});

describe('the audit view', () => {
  const FILES = [
    'bare-logical-id.template.yaml',
    'claimed-human-admin.template.yaml',
    'physical-name.template.yaml',
    'tag-matched.template.yaml',
    'tag-and-name.template.yaml',
  ];
  const audit = (format: 'json' | 'markdown') =>
    runAudit({
      paths: FILES.map((file) => join(FIXTURES, file)),
      catalogPath: CATALOG,
      format,
      now: NOW,
      cwd: FIXTURES,
    }).output;

  it('shows what the author claimed: a record matched by a bare name, a class by tag, privilege not held', () => {
    const identities = (JSON.parse(audit('json')) as Audit).identities.map((identity) => [
      identity.resource?.location,
      identity.catalogId,
      identity.class,
      identity.entitlements.map((entitlement) => entitlement.id),
      identity.claims,
    ]);
    expect(identities).toEqual([
      [
        'stack:bare-logical-id/BreakGlassAdmin',
        'break-glass-admin',
        'break-glass',
        [],
        { recordByResourceName: 'break-glass-admin', classBy: 'resource-name', privilegedNotHeld: ['emergency-admin'] },
      ],
      ['stack:claimed-human-admin/AppRole', undefined, 'human', ['queue-read'], { classBy: 'tag' }],
      // The role the record names by its physical name: every fact is the catalog's.
      ['stack:physical-name/Admin', 'break-glass-admin', 'break-glass', ['emergency-admin'], undefined],
      // The role a record names by its physical name and tag: every fact is the catalog's.
      ['stack:tag-and-name/Emergency', 'payments-emergency', 'break-glass', ['emergency-admin'], undefined],
      // A record matched by its tags alone: its class and its privileged entitlement are the author's claims.
      [
        'stack:tag-matched/Helper',
        'ops-emergency',
        'break-glass',
        [],
        { recordByTags: 'ops-emergency', classBy: 'record-tags', privilegedNotHeld: ['emergency-admin'] },
      ],
      // The staff record no role of these files carries the tag of: listed from the catalog alone.
      [undefined, 'payments-staff', 'human', ['queue-read'], undefined],
    ]);
  });

  it('says so in the Markdown view', () => {
    const claimed = audit('markdown')
      .split('\n')
      .filter((line) => line.startsWith('- claimed by the IaC'));
    expect(claimed).toEqual([
      '- claimed by the IaC: catalog record break-glass-admin, matched only by its resource name \\(binds no exception, grants no privileged entitlement\\)',
      '- claimed by the IaC: its class, by that resource name \\(lifts no check meant for machines\\)',
      '- claimed by the IaC: privileged entitlements, not held: emergency-admin',
      '- claimed by the IaC: its class, by its class tag \\(lifts no check meant for machines\\)',
      '- claimed by the IaC: catalog record ops-emergency, matched only by its tags \\(binds no exception, grants no privileged entitlement\\)',
      '- claimed by the IaC: its class, by those tags \\(lifts no check meant for machines\\)',
      '- claimed by the IaC: privileged entitlements, not held: emergency-admin',
    ]);
  });
});
