/**
 * A service account bound, with a role that acts as it (roles/iam.workloadIdentityUser, token creator), to members of a
 * workload identity pool whose providers the change does not show: which issuer, claim mapping and attribute condition
 * the pool holds tokens to is unseen, so the whole pool, a group or another attribute is reported (never pending:
 * applying the change does not show the providers either), and an exact subject or one repository is held to the
 * catalog's trust.oidc subjects of any issuer. The same through the Pulumi pack's resources and a Terraform plan, for an
 * account of the change and one outside it.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { defaultCatalog, loadCatalog } from '../../catalog/index.js';
import { modelFromPulumiResources, type PulumiResource } from '../../src/adapters/pulumi/index.js';
import { modelFromTerraformPlan } from '../../src/adapters/terraform/index.js';
import { evaluate } from '../../src/engine/index.js';
import type { Catalog } from '../../catalog/types.js';
import type { Finding } from '../../src/model/finding.js';
import { catalog as testCatalog } from '../support/builders.js';
import { terraformPlan } from '../terraform/support.js';

const now = new Date('2026-12-01T00:00:00Z');
const examples = loadCatalog(fileURLToPath(new URL('../../examples/catalog.yaml', import.meta.url)));
const POOL = 'projects/123/locations/global/workloadIdentityPools/gh';
const urn = (type: string, name: string) => `urn:pulumi:dev::records::${type}::${name}`;
const ACCOUNT = 'gcp:serviceaccount/account:Account';
const SA_MEMBER = 'gcp:serviceaccount/iAMMember:IAMMember';
const PROVIDER = 'gcp:iam/workloadIdentityPoolProvider:WorkloadIdentityPoolProvider';

function record(type: string, name: string, props: Record<string, unknown>): PulumiResource {
  return { type, name, urn: urn(type, name), props };
}
const account = record(ACCOUNT, 'etl', {
  accountId: 'analytics-etl',
  project: 'p',
  email: 'analytics-etl@p.iam.gserviceaccount.com',
  name: 'projects/p/serviceAccounts/analytics-etl@p.iam.gserviceaccount.com',
});
const bind = (name: string, member: string, role = 'roles/iam.workloadIdentityUser', sa = 'analytics-etl') =>
  record(SA_MEMBER, name, {
    serviceAccountId: `projects/p/serviceAccounts/${sa}@p.iam.gserviceaccount.com`,
    role,
    member,
  });

/** `rule level resource detail` of the trust findings. */
const trust = (findings: readonly Finding[]) =>
  findings
    .filter((f) => f.ruleId === 'restrict-trust')
    .map((f) => `${f.level}${f.pending ? ' pending' : ''} ${f.resource.name} ${f.detail ?? ''}`)
    .sort();
const pulumi = (resources: PulumiResource[], catalog: Catalog = examples) =>
  evaluate(modelFromPulumiResources(resources), { catalog, now }).findings;

describe('Pulumi: an impersonating binding to a pool no provider of the change can be', () => {
  it('reports the whole pool, a group and an attribute other than the repository, for the account of the change and one outside it', () => {
    const findings = pulumi([
      account,
      bind('pool', `principalSet://iam.googleapis.com/${POOL}/*`),
      bind(
        'group',
        `principalSet://iam.googleapis.com/${POOL}/group/deployers`,
        'roles/iam.serviceAccountTokenCreator',
      ),
      bind('aud', `principalSet://iam.googleapis.com/${POOL}/attribute.aud/ci`),
      bind('outside', `principalSet://iam.googleapis.com/${POOL}/*`, 'roles/iam.workloadIdentityUser', 'vendor'),
      // Not a role that acts as the account: no credential.
      bind('viewer', `principalSet://iam.googleapis.com/${POOL}/*`, 'roles/iam.serviceAccountViewer'),
      // A provider of another pool of the change does not serve this one.
      record(PROVIDER, 'other-pool', {
        workloadIdentityPoolId: 'other',
        attributeCondition: 'assertion.repository == "example-co/payments"',
        oidc: { issuerUri: 'https://token.actions.githubusercontent.com' },
      }),
    ]);
    expect(trust(findings)).toEqual([
      'mandatory aud Pool::attribute.aud/ci',
      'mandatory group Pool::group/deployers',
      'mandatory outside Pool::*',
      'mandatory pool Pool::*',
    ]);
    const message = (name: string) => findings.find((f) => f.resource.name === name && f.ruleId === 'restrict-trust')!;
    expect(message('pool').message).toBe(
      `Binding pool lets every identity of workload identity pool ${POOL} act as analytics-etl, but none of the pool's ` +
        'providers is in this change, so which issuers it accepts, how it maps their claims and what attribute condition ' +
        'it requires cannot be seen: the binding admits whatever those providers let in, now or later. Bind the exact ' +
        'subject (principal://…/subject/<subject>) or one repository (principalSet://…/attribute.repository/<org>/<repo>) ' +
        "the catalog lists under trust.oidc, or manage the pool's providers in this change.",
    );
    expect(message('group').message).toContain('lets group "deployers" of workload identity pool');
    expect(message('aud').message).toContain(
      'lets every identity whose attribute.aud is "ci" of workload identity pool',
    );
    expect(message('outside').identity).toBe('dev/external-service-account:vendor@p.iam.gserviceaccount.com');
  });

  it('holds an exact subject or one repository to the trust.oidc subjects of any issuer', () => {
    const resources = [
      account,
      bind('listed', `principal://iam.googleapis.com/${POOL}/subject/repo:example-co/payments:ref:refs/heads/main`),
      bind('unlisted', `principal://iam.googleapis.com/${POOL}/subject/repo:example-co/payments:pull_request`),
      bind('repository', `principalSet://iam.googleapis.com/${POOL}/attribute.repository/example-co/payments`),
    ];
    expect(trust(pulumi(resources))).toEqual([
      'mandatory repository Subject::repo:example-co/payments:*',
      'mandatory unlisted Subject::repo:example-co/payments:pull_request',
    ]);
    // The pool's owner chose the issuer: a subject another issuer's entry lists passes.
    const gitlab = testCatalog({
      trust: {
        ...defaultCatalog().trust,
        oidc: [{ issuer: 'https://gitlab.example.com', subjects: ['repo:example-co/payments:*'] }],
      },
    });
    expect(trust(pulumi(resources, gitlab))).toEqual([]);
    const none = pulumi(resources, defaultCatalog());
    expect(trust(none)).toEqual([
      'mandatory listed Subject::repo:example-co/payments:ref:refs/heads/main',
      'mandatory repository Subject::repo:example-co/payments:*',
      'mandatory unlisted Subject::repo:example-co/payments:pull_request',
    ]);
    expect(none.find((f) => f.resource.name === 'repository' && f.ruleId === 'restrict-trust')!.message).toBe(
      `Binding repository lets subject "repo:example-co/payments:*" of workload identity pool ${POOL} act as ` +
        'analytics-etl, but no catalog was given, so the subject cannot be checked against trusted OIDC subjects (the ' +
        "pool's providers are not in this change). Pass a catalog that lists the subject under trust.oidc.",
    );
  });

  it('leaves a binding to a provider of the change, or to one whose pool is unknown, to that provider; an account outside the change keeps it', () => {
    const provider = (pool: unknown) =>
      record(PROVIDER, 'github', {
        workloadIdentityPoolId: pool,
        oidc: { issuerUri: 'https://token.actions.githubusercontent.com' },
      });
    const members = [
      bind('pool', `principalSet://iam.googleapis.com/${POOL}/*`),
      bind('outside', `principalSet://iam.googleapis.com/${POOL}/*`, 'roles/iam.workloadIdentityUser', 'vendor'),
    ];
    const UNKNOWN = '04da6b54-80e4-46f7-96ec-b56ff0331ba9';
    for (const pool of ['gh', UNKNOWN])
      // No attribute condition on the provider: every repository of GitHub, for both accounts.
      expect(trust(pulumi([account, provider(pool), ...members])).filter((line) => !line.includes('Pool::'))).toEqual([
        'mandatory github Condition::attributeCondition',
        'mandatory github Condition::attributeCondition',
        'mandatory github Subject::*',
        'mandatory github Subject::*',
      ]);
  });
});

describe('Terraform plan: the same through the plan adapter', () => {
  const plan = (member: string, role = 'roles/iam.workloadIdentityUser') =>
    terraformPlan([
      {
        address: 'google_service_account.ci',
        values: { account_id: 'analytics-etl', project: 'p' },
        unknown: { email: true, name: true, id: true },
      },
      {
        address: 'google_service_account_iam_member.wi',
        values: { role, member },
        unknown: { service_account_id: true },
        references: { service_account_id: ['google_service_account.ci.name', 'google_service_account.ci'] },
      },
      {
        address: 'google_service_account_iam_member.outside',
        values: {
          role,
          member,
          service_account_id: 'projects/p/serviceAccounts/vendor@p.iam.gserviceaccount.com',
        },
      },
    ]);
  const check = (json: Record<string, unknown>) =>
    evaluate(modelFromTerraformPlan(json), { catalog: examples, now, pending: 'fail-closed' }).findings;

  it('reports the whole pool for the account of the change and one outside it, and holds a repository to the catalog', () => {
    expect(trust(check(plan(`principalSet://iam.googleapis.com/${POOL}/*`)))).toEqual([
      'mandatory google_service_account_iam_member.outside Pool::*',
      'mandatory google_service_account_iam_member.wi Pool::*',
    ]);
    expect(
      trust(
        check(
          plan(
            `principalSet://iam.googleapis.com/${POOL}/attribute.repository/org/repo`,
            'roles/iam.serviceAccountTokenCreator',
          ),
        ),
      ),
    ).toEqual([
      'mandatory google_service_account_iam_member.outside Subject::repo:org/repo:*',
      'mandatory google_service_account_iam_member.wi Subject::repo:org/repo:*',
    ]);
    expect(
      trust(check(plan(`principal://iam.googleapis.com/${POOL}/subject/repo:example-co/payments:ref:refs/heads/main`))),
    ).toEqual([]);
  });
});
