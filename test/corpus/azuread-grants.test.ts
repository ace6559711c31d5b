/**
 * Entra ID directory role membership, delegated permission grants and group membership as their providers publish
 * them (test/corpus/azuread-grants/README.md: sources, licence, and every finding judged):
 *
 * - Pulumi: the TypeScript examples of pulumi/pulumi-azuread's SDK (the doc comments of directoryRoleMember.ts,
 *   servicePrincipalDelegatedPermissionGrant.ts and groupMember.ts), each run unchanged under the SDK's mocks as
 *   `pulumi up` and `pulumi preview` plan it, checked with no catalog, asked of the built pack and adopted
 *   (support/pulumi-corpus.ts).
 * - Terraform: plans of the configurations hashicorp/terraform-provider-azuread's documentation publishes for the same
 *   resources, written by us in the shape `terraform show -json` gives (terraform/), checked by the CLI with no catalog.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { modelFromPulumiResources } from '../../src/adapters/pulumi/index.js';
import { modelFromTerraformPlan } from '../../src/adapters/terraform/index.js';
import { runCheck } from '../../src/cli/check.js';
import { isUnknown, type Model } from '../../src/model/model.js';
import { stackResources } from '../multicloud/support/capture.js';
import { itAdoptsAndAsksThePack, pulumiCorpus, type CorpusProgram } from './support/pulumi-corpus.js';

const PROGRAMS = {
  'directory-role-member': {},
  'delegated-grant-all-users': {},
  'delegated-grant-single-user': {},
  'group-member': {},
} satisfies Record<string, CorpusProgram>;
const corpus = pulumiCorpus('azuread-grants', PROGRAMS);
const { captured, judged, previewFindings } = corpus;

/** `member role @ scope (source)` of each grant to a principal the change does not create. */
const externalGrants = (model: Model) =>
  (model.externalRoleGrants ?? []).map(
    ({ member, grant }) =>
      `${member} ${isUnknown(grant.role) ? `<${grant.role.description}>` : grant.role} @ ${String(grant.scope)} (${grant.source.name})`,
  );

const REPO = join(import.meta.dirname, '../..');
const NOW = new Date('2026-12-06T00:00:00Z');
/** `rule level[ pending] resource detail` of every finding of the CLI's check of a plan, with no catalog, sorted. */
function terraform(plan: string): string[] {
  const result = runCheck({
    paths: [join(REPO, 'test/corpus/azuread-grants/terraform', plan)],
    format: 'json',
    now: NOW,
    cwd: REPO,
    toolVersion: 'test',
  });
  return result
    .result!.findings.map((f) => [f.ruleId, f.level, ...(f.pending ? ['pending'] : []), f.resource.name, f.detail ?? '-'].join(' '))
    .sort();
}

describe('Pulumi: pulumi/pulumi-azuread SDK examples', () => {
  itAdoptsAndAsksThePack(corpus);

  it('directory-role-member: Security administrator to a principal looked up is a role Microsoft marks privileged (right)', () => {
    // Was silent while the check held 5 hand-listed roles privileged; Microsoft's label (data/entra-directory-roles.json)
    // marks Security Administrator privileged, and the member is an object id the check cannot tell from a workload.
    const finding = 'no-wildcard-privilege mandatory example - Role::Security Administrator';
    expect(judged('directory-role-member')).toEqual([finding]);
    expect(judged('directory-role-member', previewFindings)).toEqual([finding]);
    // Read, not dropped: the membership is the directory role Security administrator to the user the program looks up.
    expect(externalGrants(modelFromPulumiResources(stackResources(captured['directory-role-member'])))).toEqual([
      expect.stringMatching(/^Principal:[0-9a-f-]{36} Security administrator @ directory \(example\)$/),
    ]);
  });

  it('delegated-grant-all-users: `wellKnown.result?.microsoftGraph` reads no key of the result (the provider returns `MicrosoftGraph`), so the Graph service principal has no client id and the grant is unseen content (right: fail closed)', () => {
    expect(judged('delegated-grant-all-users')).toEqual([
      'no-unseen-content mandatory example - Unseen::service principal msgraph (its client id not set)',
    ]);
  });

  it('delegated-grant-single-user: the same unseen grant (right), and the user’s literal password (right)', () => {
    expect(judged('delegated-grant-single-user')).toEqual([
      'no-long-lived-credentials advisory example - Credential::plaintext',
      'no-unseen-content mandatory example - Unseen::service principal msgraph (its client id not set)',
    ]);
  });

  it('group-member: a group membership stays unseen content (right)', () => {
    expect(judged('group-member')).toEqual([
      'no-unseen-content mandatory example - Unseen::azuread:index/groupMember:GroupMember',
    ]);
  });
});

describe('Terraform: plans of hashicorp/terraform-provider-azuread’s documented configurations', () => {
  it('directory_role_member: Security administrator to a principal of the tenant, a role Microsoft marks privileged (right)', () => {
    expect(terraform('directory_role_member.tfplan.json')).toEqual([
      'no-wildcard-privilege mandatory azuread_directory_role_member.example Role::Security Administrator',
    ]);
    const plan = JSON.parse(
      readFileSync(join(REPO, 'test/corpus/azuread-grants/terraform/directory_role_member.tfplan.json'), 'utf8'),
    ) as Record<string, unknown>;
    expect(externalGrants(modelFromTerraformPlan(plan, { file: 'directory_role_member.tfplan.json' }))).toEqual([
      'Principal:00000000-0000-0000-0000-00000000a1ce Security administrator @ directory (azuread_directory_role_member.example)',
    ]);
  });

  it('delegated_grant_all_users: Graph scopes openid and User.Read.All, neither privileged (right); the client without a catalog (right)', () => {
    expect(terraform('delegated_grant_all_users.tfplan.json')).toEqual([
      'require-entitlement mandatory azuread_service_principal.example Catalog::default',
      'require-owner mandatory azuread_service_principal.example Owner::missing',
    ]);
  });

  it('delegated_grant_single_user: the same for one user (right), and the user’s literal password (right)', () => {
    expect(terraform('delegated_grant_single_user.tfplan.json')).toEqual([
      'no-long-lived-credentials mandatory azuread_user.example Credential::plaintext',
      'require-entitlement mandatory azuread_service_principal.example Catalog::default',
      'require-owner mandatory azuread_service_principal.example Owner::missing',
    ]);
  });

  it('graph_data_source: Graph’s service principal read by a data source; the app role assignment (User.Read.All) and the delegated grant (openid, User.Read.All) are Graph grants, none privileged (right); the data source is no identity (right)', () => {
    // On main the delegated grant was `no-unseen-content` (service principal <object id> not created by the change):
    // the adapter read no data source, so nothing showed the API was Graph.
    expect(terraform('graph_data_source.tfplan.json')).toEqual([
      'require-entitlement mandatory azuread_service_principal.example Catalog::default',
      'require-owner mandatory azuread_service_principal.example Owner::missing',
    ]);
    const plan = JSON.parse(
      readFileSync(join(REPO, 'test/corpus/azuread-grants/terraform/graph_data_source.tfplan.json'), 'utf8'),
    ) as Record<string, unknown>;
    const model = modelFromTerraformPlan(plan, { file: 'graph_data_source.tfplan.json' });
    expect(
      model.identities.map(
        (identity) =>
          `${identity.resource.name}: ${identity.grants.map((grant) => (grant.kind === 'role' ? `${String(grant.role)}${grant.delegated ? ' (delegated)' : ''}` : grant.kind)).join(', ')}`,
      ),
    ).toEqual(['azuread_service_principal.example: openid (delegated), User.Read.All (delegated), User.Read.All']);
  });

  it('graph_data_source_read_at_apply: the same lookup read only at apply (object id unknown) leaves the delegated grant unseen (blocking), saying so, and the assignment pending (right: fail closed)', () => {
    expect(terraform('graph_data_source_read_at_apply.tfplan.json')).toEqual([
      "no-unseen-content mandatory azuread_service_principal_delegated_permission_grant.example Unseen::service principal data.azuread_service_principal.msgraph (Microsoft Graph's, its object id known only at apply)",
      'no-wildcard-privilege mandatory pending azuread_app_role_assignment.example Role::unknown',
      'require-entitlement mandatory azuread_service_principal.example Catalog::default',
      'require-owner mandatory azuread_service_principal.example Owner::missing',
    ]);
  });

  it('group_member: unseen content, pending (right)', () => {
    expect(terraform('group_member.tfplan.json')).toEqual([
      'no-unseen-content mandatory pending azuread_group_member.example Unseen::azuread_group_member',
    ]);
  });
});
