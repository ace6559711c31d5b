/**
 * A Google Cloud binding whose condition has ended it grants nothing (src/iam/gcp/conditions.ts): Google's temporary
 * access is a conditional binding `request.time < timestamp(…)`, and once that time has passed the binding is still
 * created but no request meets its condition. Before, KICS's `service_account_with_improper_privileges/positive2`
 * binding of roles/container.admin, which expired in 2020, was reported as held (noisy). A bound still ahead, a
 * condition that may hold otherwise (`||`), and a title that only says it expires keep the grant judged.
 */
import { describe, expect, it } from 'vitest';
import { defaultCatalog } from '../../catalog/index.js';
import { modelFromTerraformPlan } from '../../src/adapters/terraform/index.js';
import { buildAudit } from '../../src/audit/index.js';
import { evaluate } from '../../src/engine/index.js';
import { terraformPlan, type PlannedResource } from './support.js';

const NOW = new Date('2026-12-01T00:00:00Z');
const SA = 'serviceAccount:deployer@outside-project.iam.gserviceaccount.com';

const member = (name: string, condition: { title: string; expression: string }): PlannedResource => ({
  address: `google_project_iam_member.${name}`,
  values: { project: 'example-co-prod', role: 'roles/owner', member: SA, condition: [condition] },
  unknown: { id: true, etag: true },
});

function verdicts(resources: PlannedResource[]): string[] {
  return evaluate(modelFromTerraformPlan(terraformPlan(resources)), { catalog: defaultCatalog(), now: NOW })
    .findings.filter((f) => f.ruleId === 'no-wildcard-privilege')
    .map((f) => `${f.ruleId} ${f.level} ${f.resource.name} ${f.detail ?? '-'}`);
}

describe('Google Cloud bindings whose condition ended them', () => {
  it('passes roles/owner whose condition ended before now, alone or in a conjunction', () => {
    expect(
      verdicts([
        member('ended', { title: 'until-2026-06', expression: 'request.time < timestamp("2026-06-01T00:00:00Z")' }),
        member('ended-bucket', {
          title: 'logs until 2025',
          expression:
            'resource.name.startsWith("projects/_/buckets/logs") && request.time < timestamp("2025-01-01T00:00:00Z")',
        }),
      ]),
    ).toEqual([]);
  });

  it('reports roles/owner whose end is still ahead, whose condition may hold otherwise, or whose title alone says it ends', () => {
    expect(
      verdicts([
        member('ahead', { title: 'until-2027', expression: 'request.time < timestamp("2027-01-01T00:00:00Z")' }),
        member('either', {
          title: 'either',
          expression: 'request.time < timestamp("2020-01-01T00:00:00Z") || resource.name.startsWith("projects/")',
        }),
        member('titled', {
          title: 'request.time < timestamp("2020-01-01T00:00:00Z")',
          expression: 'resource.name.startsWith("projects/")',
        }),
      ]),
    ).toEqual([
      'no-wildcard-privilege mandatory google_project_iam_member.ahead Role::roles/owner',
      'no-wildcard-privilege mandatory google_project_iam_member.either Role::roles/owner',
      'no-wildcard-privilege mandatory google_project_iam_member.titled Role::roles/owner',
    ]);
  });

  it('the audit lists each binding with when its condition ends it; one that ended is privileged in nothing and not queued for review', () => {
    const model = modelFromTerraformPlan(
      terraformPlan([
        member('ended', { title: 'until-2026-06', expression: 'request.time < timestamp("2026-06-01T00:00:00Z")' }),
        {
          ...member('ahead', { title: 'until-2027', expression: 'request.time < timestamp("2027-01-01T00:00:00Z")' }),
          values: {
            project: 'example-co-prod',
            role: 'roles/owner',
            member: 'serviceAccount:builder@outside-project.iam.gserviceaccount.com',
            condition: [{ title: 'until-2027', expression: 'request.time < timestamp("2027-01-01T00:00:00Z")' }],
          },
        },
      ]),
    );
    const catalog = defaultCatalog();
    const audit = buildAudit(model, evaluate(model, { catalog, now: NOW }), catalog, NOW);
    expect(
      audit.identities.flatMap((identity) =>
        identity.grants.flatMap((grant) =>
          grant.statements.map(
            (statement) =>
              `${identity.name}: ${statement.text}; beyond entitlements ${statement.beyondEntitlements}; privileged ${statement.privileged?.length ?? 0} (${grant.privileged.length} in the grant)`,
          ),
        ),
      ),
    ).toEqual([
      'builder: role roles/owner at projects/example-co-prod (its condition ends it at 2027-01-01T00:00:00.000Z); beyond entitlements true; privileged 1 (1 in the grant)',
      'deployer: role roles/owner at projects/example-co-prod (its condition ends it at 2026-06-01T00:00:00.000Z); beyond entitlements false; privileged 0 (0 in the grant)',
    ]);
    // The review queue asks for a review of the binding still running only.
    expect(
      (audit.review?.owners ?? []).flatMap((owner) =>
        owner.items.filter((item) => item.kind === 'privileged-access').map((item) => item.identity),
      ),
    ).toEqual(['builder']);
  });
});
