/**
 * The Azure and Google Cloud role data live in data/ and are read on the first lookup: an AWS-only change never
 * reads them, and no build of the package carries them inside its code (where every import would parse them).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultCatalog } from '../../catalog/index.js';
import { evaluate } from '../../src/engine/index.js';
import { azureRoleDataLoaded, builtInRoleByName } from '../../src/iam/azure/roles.js';
import { gcpRoleDataLoaded, predefinedRole } from '../../src/iam/gcp/roles.js';
import { allow, model, role } from '../support/builders.js';

describe('data/azure-built-in-roles.json and data/gcp-predefined-roles.json', () => {
  // Runs first in this file (its own module state): nothing has looked a role up yet.
  it('are not read for an AWS change, and each is read on its first lookup', () => {
    evaluate(model({ identities: [role('Plain', { policies: [allow('s3:GetObject', 'arn:aws:s3:::b/*')] })] }), {
      catalog: defaultCatalog(),
    });
    expect([azureRoleDataLoaded(), gcpRoleDataLoaded()]).toEqual([false, false]);
    expect(builtInRoleByName('Owner')?.id).toBe('8e3af657-a8ff-443c-a75c-2fe8c4bcb635');
    expect([azureRoleDataLoaded(), gcpRoleDataLoaded()]).toEqual([true, false]);
    expect(predefinedRole('roles/owner')?.broad).toBe(true);
    expect([azureRoleDataLoaded(), gcpRoleDataLoaded()]).toEqual([true, true]);
  });

  it('are in no built bundle (dist/bundle, dist/cjs): an import parses none of them', () => {
    const bundled = ['bundle', 'cjs'].flatMap((folder) => {
      const dir = new URL(`../../dist/${folder}/`, import.meta.url);
      return readdirSync(dir)
        .filter((file) => file.endsWith('.js'))
        .filter((file) =>
          /b86a8fe4-44ce-4948-aee5-eccb2c155cd7|roles\/accessapproval\.configEditor/.test(
            readFileSync(new URL(file, dir), 'utf8'),
          ),
        )
        .map((file) => `${folder}/${file}`);
    });
    expect(bundled).toEqual([]);
  });
});
