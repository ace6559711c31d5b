/**
 * A public Terraform plan, end to end through the CLI: open-policy-agent/conftest's examples/hcl1/gke-show.json, the
 * `terraform show -json` of examples/hcl1/gke.tf (a GKE cluster that removes its default node pool, and a node pool
 * whose node_config names no service_account), copied verbatim into test/corpus/terraform-gke/ (README.md there: source,
 * commit, licence, the finding judged). The plan shows the node pool's service_account as known after apply; its
 * configuration leaves it out, so the nodes run as the Compute Engine default account: one mandatory finding, exit 1.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

const PLAN = join(import.meta.dirname, 'terraform-gke', 'gke-show.json');

describe('conftest’s GKE plan through `entitlement-guard check`', () => {
  const json = main(['check', PLAN, '--format', 'json', '--now', '2026-12-01']);
  const text = main(['check', PLAN, '--now', '2026-12-01']);

  it('blocks (exit 1) on the node pool running as the Compute Engine default account, and on nothing else', () => {
    expect([json.exitCode, text.exitCode, json.errors]).toEqual([1, 1, []]);
    const findings = (
      JSON.parse(json.output) as {
        findings: { ruleId: string; level: string; detail?: string; resource: { type: string; name: string; file: string } }[];
      }
    ).findings;
    expect(
      findings.map((f) => `${f.ruleId} ${f.level} ${f.resource.type} ${f.resource.name} ${f.resource.file} ${f.detail ?? '-'}`),
    ).toEqual([
      'no-wildcard-privilege mandatory google_container_node_pool google_container_node_pool.primary_preemptible_nodes ' +
        'test/corpus/terraform-gke/gke-show.json DefaultAccount::compute/scoped',
    ]);
  });

  it('names the node pool by its full name, its project the provider block’s (project = "instrumenta")', () => {
    // The plan knows the pool's project only after apply (provider google 2.5.0 leaves it to apply), but the
    // configuration leaves it to the provider, whose block writes it as a literal: an exception can bind to the pool.
    const POOL = 'projects/instrumenta/locations/us-central1/clusters/my-gke-cluster/nodePools/my-node-pool';
    expect(json.result?.findings.map((f) => [f.resource.physicalName, f.waiverTarget])).toEqual([[POOL, POOL]]);
    expect(text.output).toContain(`target: ${POOL} }`);
  });

  it('says why, in Terraform’s words, with the scopes the plan sets', () => {
    expect(json.result?.findings.map((f) => f.message)).toEqual([
      'GKE node pool google_container_node_pool.primary_preemptible_nodes runs as the Compute Engine default service ' +
        'account (PROJECT_NUMBER-compute@developer.gserviceaccount.com) because node_config.service_account is not set. ' +
        'Google grants that account roles/editor on the project (unless the organization policy ' +
        'iam.automaticIamGrantsForDefaultServiceAccounts stopped it; enforced by default only in organizations created ' +
        'since May 2024), and every workload of the project that names no account shares it. Its access scopes ' +
        '(monitoring, logging.write) limit what its tokens may call under that role; scopes are a legacy limit that ' +
        'whoever may change the workload lifts. Create a dedicated service account with only the roles the workload ' +
        'needs and set node_config.service_account to it (CIS Google Cloud 4.1/4.2, CIS GKE 5.2.1).',
    ]);
    expect(text.output).toContain('google_container_node_pool.primary_preemptible_nodes');
    expect(text.output).toContain('node_config.service_account is not set');
  });
});
