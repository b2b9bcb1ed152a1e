/** One changed field of an audited record: its value before and after the change. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Nested objects and lists become dotted paths (`nmirf_name.fr`, `levels.1.name.en`), so that a
 * change shows only what changed.
 */
function flatten(
  value: Record<string, unknown> | unknown[],
  prefix = '',
  into: Record<string, unknown> = {},
  depth = 0,
) {
  for (const [key, inner] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if ((isRecord(inner) || (Array.isArray(inner) && inner.length > 0)) && depth < 4) {
      flatten(inner as Record<string, unknown> | unknown[], path, into, depth + 1);
    } else into[path] = inner;
  }
  return into;
}

/**
 * The fields that differ between two snapshots; a creation lists every field of `after`, a
 * deletion every field of `before`. Values that are not objects compare as one "value" field.
 */
export function diffSnapshots(before: unknown, after: unknown): FieldChange[] {
  if (before == null && after == null) return [];
  if (!isRecord(before) && !isRecord(after)) {
    return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ field: '', before, after }];
  }
  const from = isRecord(before) ? flatten(before) : {};
  const to = isRecord(after) ? flatten(after) : {};
  const fields = [...new Set([...Object.keys(from), ...Object.keys(to)])];
  return fields
    .filter((field) => JSON.stringify(from[field]) !== JSON.stringify(to[field]))
    .map((field) => ({ field, before: from[field], after: to[field] }));
}

/** A snapshot value as short readable text. */
export function formatValue(value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
