import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  actionDataVersion,
  actionsInDataset,
  actionsInTable,
  allServices,
  permissionsManagementActionNames,
  readActionTable,
  readsActionTable,
  type ActionTable,
} from '../../src/iam/aws/actions.js';
import { packageFile } from '../../src/util/package-data.js';

// The build's action table (scripts/build-action-table.mjs, dist/data/aws-actions.jsonl) stands in for the dataset's
// own files: every service gives the same actions either way, or a verdict could differ with how the data was read.
const TABLE = packageFile('dist/data/aws-actions.jsonl');
const folder = mkdtempSync(join(tmpdir(), 'eg-action-table-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function builtTable(): ActionTable {
  const table = readActionTable(TABLE);
  if (!table) throw new Error(`${TABLE} is missing: npm run build writes it`);
  return table;
}

describe('the action table of the build', () => {
  it('is of the installed dataset, and the engine reads it', () => {
    expect(builtTable().version).toBe(actionDataVersion());
    expect(readsActionTable()).toBe(true);
  });

  it('gives every service of the dataset the very actions its file gives, in the same order', () => {
    const table = builtTable();
    expect([...table.lines.keys()].sort()).toEqual(allServices());
    for (const service of allServices())
      expect([...actionsInTable(table, service)], service).toEqual([...actionsInDataset(service)]);
  });

  it("names in its header every action the dataset classes as Permissions management, in the table's order", () => {
    const expected = allServices().flatMap((service) =>
      [...actionsInDataset(service).values()]
        .filter((action) => action.accessLevel === 'Permissions management')
        .map((action) => action.name),
    );
    expect(builtTable().permissionsManagement).toEqual(expected);
    expect(permissionsManagementActionNames()).toEqual(expected);
    expect(expected).toContain('iam:AttachRolePolicy');
  });

  it('a header that is not JSON, or lacks a field, is an error naming the file', () => {
    const [header, ...rest] = readFileSync(TABLE, 'utf8').split('\n');
    const broken = join(folder, 'broken-header.jsonl');
    writeFileSync(broken, ['{"version": "0.21', ...rest].join('\n'));
    expect(() => readActionTable(broken)).toThrow(`${broken}: the header line is not JSON (`);
    const { permissionsManagement: _left, ...withoutList } = JSON.parse(header!) as Record<string, unknown>;
    writeFileSync(broken, [JSON.stringify(withoutList), ...rest].join('\n'));
    expect(() => readActionTable(broken)).toThrow(
      `${broken}: the header must hold version (a string), services (a number) and permissionsManagement (action names)`,
    );
  });

  it('is not read when it is of another version of the dataset', () => {
    const [header, ...rest] = readFileSync(TABLE, 'utf8').split('\n');
    const other = join(folder, 'other-version.jsonl');
    writeFileSync(other, [JSON.stringify({ ...JSON.parse(header!), version: '0.0.1' }), ...rest].join('\n'));
    expect(readActionTable(other)?.version).toBe('0.0.1');
    expect(readActionTable(join(folder, 'missing.jsonl'))).toBeUndefined();
  });

  it('a truncated table is an error naming the file, never a smaller action catalog', () => {
    const truncated = join(folder, 'truncated.jsonl');
    writeFileSync(truncated, readFileSync(TABLE, 'utf8').split('\n').slice(0, 100).join('\n'));
    expect(() => readActionTable(truncated)).toThrow(
      `${truncated}: the header says ${allServices().length} services, the file holds 99`,
    );
  });
});
