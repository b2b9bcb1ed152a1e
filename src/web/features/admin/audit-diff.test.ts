import { describe, expect, it } from 'vitest';
import { diffSnapshots, formatValue } from './audit-diff';

describe('diffSnapshots', () => {
  it('lists only the fields that changed, nested texts by language and list items by position', () => {
    const before = { version: 2, name: { en: 'Commission', fr: 'Commission' }, levels: [1], status: 'active' };
    const after = {
      version: 3,
      name: { en: 'Commission on Human Rights', fr: 'Commission' },
      levels: [1, 2],
      status: 'active',
    };
    expect(diffSnapshots(before, after)).toEqual([
      { field: 'version', before: 2, after: 3 },
      { field: 'name.en', before: 'Commission', after: 'Commission on Human Rights' },
      { field: 'levels.1', before: undefined, after: 2 },
    ]);
  });

  it('shows every field of a created record and of a deleted one', () => {
    expect(diffSnapshots(null, { role: 'viewer' })).toEqual([{ field: 'role', before: undefined, after: 'viewer' }]);
    expect(diffSnapshots({ role: 'viewer' }, null)).toEqual([{ field: 'role', before: 'viewer', after: undefined }]);
  });

  it('compares plain values as one field, and nothing when both are empty', () => {
    expect(diffSnapshots('draft', 'submitted')).toEqual([{ field: '', before: 'draft', after: 'submitted' }]);
    expect(diffSnapshots(null, null)).toEqual([]);
  });
});

describe('formatValue', () => {
  it('writes empty values as a dash and objects as JSON', () => {
    expect(formatValue(null)).toBe('—');
    expect(formatValue('')).toBe('—');
    expect(formatValue(true)).toBe('true');
    expect(formatValue([1, 2])).toBe('[1,2]');
  });
});
