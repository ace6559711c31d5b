/** The pack's policies called directly, the way the policy SDK calls them, without a server. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PolicyResource, ReportViolation, ResourceValidationArgs, StackValidationArgs } from '@pulumi/policy';
import { describe, expect, it } from 'vitest';
import { CatalogError } from '../../catalog/index.js';
import { entitlementGuardPolicies, type EntitlementGuardPolicy } from '../../policypack/src/index.js';
import { primaryFramework } from '../../policypack/src/frameworks.js';

const CATALOG = fileURLToPath(new URL('../../examples/catalog.yaml', import.meta.url));
const UNKNOWN = '04da6b54-80e4-46f7-96ec-b56ff0331ba9';
const NOW = () => new Date('2026-07-01T00:00:00Z');
const urn = (type: string, name: string) => `urn:pulumi:dev::payments::${type}::${name}`;

interface Reported {
  message: string;
  urn?: string;
  enforcementLevel?: string;
}

function policy(name: string): EntitlementGuardPolicy {
  return entitlementGuardPolicies({ catalog: CATALOG, now: NOW }).find((candidate) => candidate.name === name)!;
}

function stackResource(
  type: string,
  name: string,
  props: Record<string, unknown>,
  dependencies: Record<string, string[]> = {},
): PolicyResource {
  const propertyDependencies = Object.fromEntries(
    Object.entries(dependencies).map(([key, urns]) => [key, urns.map((u) => ({ urn: u }) as PolicyResource)]),
  );
  return {
    type,
    name,
    urn: urn(type, name),
    props,
    propertyDependencies,
    dependencies: [],
  } as unknown as PolicyResource;
}

async function runStack(
  target: EntitlementGuardPolicy,
  resources: PolicyResource[],
  config: object = {},
): Promise<Reported[]> {
  const reported: Reported[] = [];
  const args = { resources, getConfig: () => config } as unknown as StackValidationArgs;
  await target.validateStack(args, ((violation: Reported) => reported.push(violation)) as unknown as ReportViolation);
  return reported;
}

async function runResource(target: EntitlementGuardPolicy, resource: PolicyResource): Promise<Reported[]> {
  const reported: Reported[] = [];
  const args = { ...resource, getConfig: () => ({}) } as unknown as ResourceValidationArgs;
  const validate = target.validateResource as (args: ResourceValidationArgs, report: ReportViolation) => void;
  await validate(args, ((violation: Reported) => reported.push(violation)) as unknown as ReportViolation);
  return reported;
}

const KEY = 'aws:iam/accessKey:AccessKey';
const USER = 'aws:iam/user:User';

describe('entitlementGuardPolicies', () => {
  it('takes default levels from the given catalog', () => {
    const levels = Object.fromEntries(
      entitlementGuardPolicies({ catalog: CATALOG }).map((p) => [p.name, p.enforcementLevel]),
    );
    expect(levels).toMatchObject({
      'no-long-lived-credentials': 'mandatory',
      'human-federated': 'mandatory',
      'exception-expiry': 'advisory',
    });
  });

  it('refuses a catalog path that does not load, at start-up', () => {
    expect(() => entitlementGuardPolicies({ catalog: '/nonexistent/catalog.yaml' })).toThrow(CatalogError);
  });

  it('reports a key waived by a valid catalog exception at advisory, naming the exception', async () => {
    const key = stackResource(KEY, 'vendor-key', { user: 'legacy-sftp-sync' });
    const [violation, ...rest] = await runResource(policy('no-long-lived-credentials'), key);
    expect(rest).toEqual([]);
    expect(violation).toMatchObject({ urn: key.urn, enforcementLevel: 'advisory' });
    expect(violation!.message).toMatch(/Waived by catalog exception EXC-101\.$/);
  });

  it('leaves a key whose user is unknown in preview to the stack policy, which links it by dependency', async () => {
    const user = stackResource(USER, 'etl', { name: 'etl-batch-user' });
    const key = stackResource(KEY, 'etl-key', { user: UNKNOWN }, { user: [user.urn] });
    const keys = policy('no-long-lived-credentials');
    expect(await runResource(keys, key)).toEqual([]);
    const reported = await runStack(keys, [user, key]);
    expect(reported.map((r) => [r.urn, r.enforcementLevel])).toEqual([[key.urn, 'mandatory']]);
    expect(reported[0]!.message).toMatch(/^AWS access key etl-key for etl-batch-user is a long-lived secret/);
  });

  it("reports a pending value at advisory, whatever the rule's level", async () => {
    const role = stackResource('aws:iam/role:Role', 'agent', {
      name: 'support-agent',
      assumeRolePolicy: { Version: '2012-10-17', Statement: [] },
      maxSessionDuration: UNKNOWN,
      tags: { owner: 'team-ml', 'identity-class': 'agent' },
    });
    const [violation] = await runStack(policy('session-within-class'), [role]);
    expect(violation).toMatchObject({ urn: role.urn, enforcementLevel: 'advisory' });
    expect(violation!.message).toContain('agent.maxSessionDuration is not known until apply');
  });

  it("takes the catalog from the policy config over the pack's only when the pack allows it (allowStackCatalog)", async () => {
    const role = stackResource('aws:iam/role:Role', 'scratch', {
      name: 'scratch-role',
      assumeRolePolicy: { Version: '2012-10-17', Statement: [] },
      tags: { owner: 'team-nobody-knows' },
    });
    const open = entitlementGuardPolicies({ catalog: CATALOG, now: NOW, allowStackCatalog: true }).find(
      (candidate) => candidate.name === 'require-owner',
    )!;
    expect(await runStack(open, [role])).toHaveLength(1);
    const inline = { apiVersion: 'entitlement-guard/v1', owners: [{ id: 'team-nobody-knows' }] };
    expect(await runStack(open, [role], { catalog: inline })).toEqual([]);
  });

  it("an org pack keeps its catalog: a stack config naming another is refused, and the org's verdict stands", async () => {
    const role = stackResource('aws:iam/role:Role', 'scratch', {
      name: 'scratch-role',
      assumeRolePolicy: { Version: '2012-10-17', Statement: [] },
      tags: { owner: 'team-nobody-knows' },
    });
    const owner = policy('require-owner');
    const inline = { apiVersion: 'entitlement-guard/v1', owners: [{ id: 'team-nobody-knows' }] };
    for (const config of [{ catalog: inline }, { catalogPath: CATALOG }]) {
      await expect(runStack(owner, [role], config)).rejects.toThrow(
        `entitlement-guard policy "require-owner", config "${Object.keys(config)[0]}": this pack holds the organisation's catalog (${CATALOG}); ` +
          'stack configuration may not replace or extend it',
      );
    }
    expect((await runStack(owner, [role])).map((violation) => violation.enforcementLevel)).toEqual(['mandatory']);
  });
});

describe('audit file', () => {
  it('writes the audit view of the stack to the file the pack config names, once per evaluation', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'eg-pulumi-audit-')), 'audit.json');
    const user = stackResource(USER, 'etl', { name: 'etl-batch-user' });
    const key = stackResource(KEY, 'etl-key', { user: 'etl-batch-user' });
    await runStack(policy('no-long-lived-credentials'), [user, key], { auditFile: file });
    const audit = JSON.parse(readFileSync(file, 'utf8'));
    const etl = audit.identities.find((identity: { name: string }) => identity.name === 'etl-batch-user');
    expect(etl.credentials.map((credential: { kind: string }) => credential.kind)).toEqual(['aws-access-key']);
    expect(
      audit.identities.filter((identity: { origin: string }) => identity.origin === 'catalog').length,
    ).toBeGreaterThan(0);
  });

  it('refuses an audit file whose format it cannot tell', async () => {
    await expect(runStack(policy('require-owner'), [], { auditFile: 'audit.txt' })).rejects.toThrow(
      'entitlement-guard policy "require-owner", config "auditFile": expected a file name ending in .json, .md or .html',
    );
  });
});

describe('primaryFramework', () => {
  it('splits each framework family into name, version and reference', () => {
    expect(primaryFramework(['NIST-CSF-2.0:PR.AA-05'])).toMatchObject({
      name: 'NIST Cybersecurity Framework',
      version: '2.0',
      reference: 'PR.AA-05',
    });
    expect(primaryFramework(['CIS-AWS-3.0:1.16'])).toMatchObject({
      name: 'CIS Amazon Web Services Foundations Benchmark',
      version: '3.0',
      reference: '1.16',
    });
    expect(primaryFramework(['MITRE-ATTACK:T1552'])).toEqual({
      name: 'MITRE ATT&CK',
      version: 'Enterprise',
      reference: 'T1552',
      specification: 'Unsecured Credentials',
    });
    expect(primaryFramework([])).toBeUndefined();
  });
});
