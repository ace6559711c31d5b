import { describe, expect, it } from 'vitest';
import { countedEntries } from '../../src/util/package-data.js';

describe('countedEntries: a data file holds as many entries as its header says', () => {
  it('gives the list back when the count matches', () => {
    const roles = [{ name: 'a' }, { name: 'b' }];
    expect(countedEntries('roles.json', roles, 2, 'roles')).toBe(roles);
    expect(countedEntries('roles.json', [], 0, 'roles')).toEqual([]);
  });

  it.each([
    ['a truncated list', [1, 2], 3, 'roles.json: the header says 3 roles, the file holds 2'],
    ['a longer list', [1, 2, 3], 2, 'roles.json: the header says 2 roles, the file holds 3'],
    ['no list', undefined, 3, 'roles.json: the header says 3 roles, the file holds undefined'],
    ['no count', [1], undefined, 'roles.json: the header says undefined roles, the file holds 1'],
    ['an object where a list belongs', { length: 1 }, 1, 'roles.json: the header says 1 roles, the file holds 1'],
  ])('refuses %s, naming the file', (_, entries, count, message) => {
    expect(() => countedEntries('roles.json', entries as readonly number[] | undefined, count, 'roles')).toThrow(
      new Error(message),
    );
  });
});
