/**
 * SSM parameter reads are not privileged by default (they are governed by entitlements); the snippet
 * catalog/README.md documents under "Secrets in Parameter Store" puts them back. The snippet is read from the README
 * itself, so the documented YAML is the one tested.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../catalog/types.js';
import { DEFAULT_PRIVILEGED_ACTIONS, defaultCatalog, parseCatalog } from '../../catalog/index.js';
import { evaluate } from '../../src/engine/index.js';
import { allow, model, role } from '../support/builders.js';

const README = readFileSync(fileURLToPath(new URL('../../catalog/README.md', import.meta.url)), 'utf8');

/** The YAML block of the README section "Secrets in Parameter Store". */
function documentedSnippet(): string {
  const section = README.slice(README.indexOf('### Secrets in Parameter Store'));
  const block = /```yaml\n([\s\S]*?)```/.exec(section);
  if (!block) throw new Error('catalog/README.md has no YAML block under "Secrets in Parameter Store"');
  return block[1]!;
}

const SERVICE = { owner: 'team-a', 'identity-class': 'service' };
const ssmCore = role('Instance', {
  tags: SERVICE,
  managedPolicies: ['arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore'],
});
const reader = role('Reader', {
  tags: SERVICE,
  policies: [allow(['ssm:GetParameter', 'ssm:GetParametersByPath'], '*')],
});

/** `detail` of each no-wildcard-privilege finding. */
function wildcardFindings(catalog: Catalog): string[] {
  return evaluate(model({ identities: [ssmCore, reader] }), { catalog })
    .findings.filter((finding) => finding.ruleId === 'no-wildcard-privilege')
    .map((finding) => `${finding.resource.name} ${finding.detail}`)
    .sort();
}

describe('SSM parameter reads', () => {
  it('are not in the built-in privileged list: Secrets Manager reads are', () => {
    const secretRead = DEFAULT_PRIVILEGED_ACTIONS.find((entry) => entry.id === 'aws-secret-read');
    expect(secretRead?.aws).toEqual(['secretsmanager:GetSecretValue']);
    expect(wildcardFindings(defaultCatalog())).toEqual([]);
  });

  it('are privileged again with the snippet of catalog/README.md, which replaces the built-in entry by id', () => {
    const catalog = parseCatalog(`apiVersion: entitlement-guard/v1\n${documentedSnippet()}`, 'catalog/README.md');
    expect(
      catalog.privilegedActions.filter((entry) => entry.id === 'aws-secret-read').map((entry) => entry.aws),
    ).toEqual([['secretsmanager:GetSecretValue', 'ssm:GetParameter', 'ssm:GetParameters', 'ssm:GetParametersByPath']]);
    expect(wildcardFindings(catalog)).toEqual([
      'Instance Policy::AmazonSSMManagedInstanceCore',
      'ReaderPolicy Resource::*',
    ]);
  });
});
