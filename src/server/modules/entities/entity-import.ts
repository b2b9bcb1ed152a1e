/**
 * Bulk import of entities from a table (CSV or XLSX): the columns are read by their names, each
 * row is matched with an existing entity (by subdivision code, else by kind and name) and with its
 * parent (a code or a name, in the file or in the database), and the result is checked as the
 * hierarchy would be once applied. Pure: no database; the service loads and writes.
 */
import type { ErrorIssue } from '../../../shared/errors';
import { type EntityKind, type entityImportFields, entityKinds } from '../../../shared/schemas/entities';
import type { EntityRow } from './entities.repo';
import { fieldProblems, type Placed, parentProblem } from './hierarchy';

type Field = (typeof entityImportFields)[number];
type Cell = string | number | Date | boolean | undefined;

const headerAliases: Record<Field, string[]> = {
  name: ['name', 'entity', 'entity name', 'english name'],
  nameLocal: ['local name', 'name local', 'name in the local language', 'native name', 'official name'],
  kind: ['kind', 'type', 'entity type'],
  acronym: ['acronym', 'abbreviation', 'short name'],
  level: ['level', 'lrg level'],
  parent: ['parent', 'parent name', 'parent code', 'parent entity'],
  subdivisionCode: ['subdivision code', 'code', 'iso 3166 2', 'iso code', 'subdivision'],
};
const normalise = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

const kindAliases = new Map<string, EntityKind>([
  ...entityKinds.map((kind) => [normalise(kind.replaceAll('_', ' ')), kind] as const),
  ['independent institution', 'independent_body'],
  ['national human rights institution', 'nhri'],
  ['ombudsman', 'nhri'],
  ['civil society', 'cso'],
  ['civil society organisation', 'cso'],
  ['civil society organization', 'cso'],
  ['ngo', 'cso'],
  ['court', 'judiciary'],
  ['local government', 'lrg'],
  ['regional government', 'lrg'],
  ['local and regional government', 'lrg'],
  ['network', 'lrg_network'],
  ['city network', 'lrg_network'],
  ['network of lrgs', 'lrg_network'],
]);

export interface ImportedRow {
  row: number;
  action: 'create' | 'update' | 'skip';
  /** The entity updated or left as it is. */
  id: string | null;
  kind: EntityKind;
  name: string;
  nameLocal: string | null;
  acronym: string | null;
  lrgLevel: number | null;
  subdivisionCode: string | null;
  /** An existing entity's id, or `row:<n>` for an entity created by another row. */
  parentKey: string | null;
  parentLabel: string | null;
  changes: Field[];
}

export interface EntityImportPlanned {
  rows: ImportedRow[];
  issues: ErrorIssue[];
}

const limits: Partial<Record<Field, number>> = { name: 300, nameLocal: 300, acronym: 50, subdivisionCode: 20 };
const codePattern = /^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u;
export const maxImportRows = 20_000;

function cellText(value: Cell): string {
  if (value === undefined || value === null) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).replace(/\s+/g, ' ').trim();
}

export function planEntityImport(
  file: string,
  table: { header: string[]; rows: Cell[][] },
  existing: readonly EntityRow[],
  levelNames: readonly { level: number; name: Record<string, string | undefined> }[],
): EntityImportPlanned {
  const issues: ErrorIssue[] = [];
  const columnOf = new Map<Field, number>();
  table.header.forEach((title, index) => {
    const key = normalise(title);
    for (const [field, aliases] of Object.entries(headerAliases) as [Field, string[]][])
      if (aliases.includes(key) && !columnOf.has(field)) columnOf.set(field, index);
  });
  /** The file's own name of a column, so that each problem points at what the user sees. */
  const label = (field: Field) => table.header[columnOf.get(field) ?? -1] || field;
  if (!columnOf.has('name')) return { rows: [], issues: [{ file, column: 'name', message: 'issues.missingColumn' }] };

  const namedLevels = levelNames.map((level) => level.level);
  const levelByName = new Map<string, number>();
  for (const level of levelNames)
    for (const name of Object.values(level.name)) if (name) levelByName.set(normalise(name), level.level);
  const byId = new Map(existing.map((entity) => [entity.id, entity]));
  const byCode = new Map<string, EntityRow>();
  const byName = new Map<string, EntityRow[]>();
  for (const entity of existing) {
    if (entity.subdivision_code) byCode.set(entity.subdivision_code.toUpperCase(), entity);
    for (const name of [entity.name, entity.name_local])
      if (name) byName.set(normalise(name), [...(byName.get(normalise(name)) ?? []), entity]);
  }

  const rows: (ImportedRow & { parentCell: string; bad: boolean })[] = [];
  const seen = new Set<string>();
  table.rows.forEach((cells, index) => {
    const row = index + 2;
    const get = (field: Field) => cellText(cells[columnOf.get(field) ?? -1]);
    if ((Object.keys(headerAliases) as Field[]).every((field) => get(field) === '')) return;
    const problem = (field: Field, message: string) => issues.push({ row, column: label(field), message });
    const before = issues.length;
    for (const [field, max] of Object.entries(limits) as [Field, number][])
      if (get(field).length > max) problem(field, 'issues.entityImport.tooLong');
    const name = get('name');
    if (!name) problem('name', 'issues.required');
    const code = get('subdivisionCode') || null;
    if (code && !codePattern.test(code)) problem('subdivisionCode', 'issues.entityImport.badCode');
    let lrgLevel: number | null = null;
    const levelText = get('level');
    if (levelText) {
      lrgLevel = /^[1-5]$/.test(levelText) ? Number(levelText) : (levelByName.get(normalise(levelText)) ?? null);
      if (lrgLevel === null) problem('level', 'issues.entityImport.unknownLevel');
    }
    const kindText = get('kind');
    let kind: EntityKind | null = kindText ? (kindAliases.get(normalise(kindText)) ?? null) : null;
    if (kindText && !kind) problem('kind', 'issues.entityImport.unknownKind');

    // The entity this row is about: by code, else by kind and name among those without another code.
    let match: EntityRow | undefined = code ? byCode.get(code.toUpperCase()) : undefined;
    if (!match && name && (kind || !kindText)) {
      const named = (byName.get(normalise(name)) ?? []).filter(
        (entity) =>
          entity.name.toLowerCase() === name.toLowerCase() &&
          (!kind || entity.kind === kind) &&
          (!code || !entity.subdivision_code),
      );
      if (named.length > 1) problem('name', 'issues.entityImport.ambiguousName');
      else match = named[0];
    }
    if (match && kind && match.kind !== kind) problem('kind', 'issues.entityImport.kindChange');
    kind ??= match?.kind ?? (lrgLevel !== null ? 'lrg' : null);
    if (!kind && !kindText) problem('kind', 'issues.entityImport.kindRequired');
    const key = match ? match.id : code ? `code:${code.toUpperCase()}` : `name:${kind}:${name.toLowerCase()}`;
    if (seen.has(key)) problem(code ? 'subdivisionCode' : 'name', 'issues.entityImport.duplicateRow');
    seen.add(key);
    const nameLocal = get('nameLocal') || null;
    const acronym = get('acronym') || null;
    rows.push({
      row,
      action: match ? 'update' : 'create',
      id: match?.id ?? null,
      kind: kind ?? 'agency',
      name: match && !code ? match.name : name,
      nameLocal: nameLocal ?? match?.name_local ?? null,
      acronym: acronym ?? match?.acronym ?? null,
      lrgLevel: lrgLevel ?? match?.lrg_level ?? null,
      subdivisionCode: code ?? match?.subdivision_code ?? null,
      parentKey: match?.parent_id ?? null,
      parentLabel: get('parent') || null,
      parentCell: get('parent'),
      changes: [],
      bad: issues.length > before,
    });
  });
  if (rows.length > maxImportRows) return { rows: [], issues: [{ file, message: 'issues.entityImport.tooManyRows' }] };

  // Parents: a code, else a name (or local name), among the file's rows and the entities stored.
  const keyOf = (r: ImportedRow) => r.id ?? `row:${r.row}`;
  const fileByCode = new Map<string, string>();
  const fileByName = new Map<string, string[]>();
  const nameByKey = new Map<string, string>();
  for (const r of rows) {
    if (r.subdivisionCode) fileByCode.set(r.subdivisionCode.toUpperCase(), keyOf(r));
    for (const name of new Set([r.name, r.nameLocal].filter(Boolean).map((x) => normalise(x as string))))
      fileByName.set(name, [...(fileByName.get(name) ?? []), keyOf(r)]);
    nameByKey.set(keyOf(r), r.name);
  }
  for (const r of rows) {
    if (!r.parentCell) {
      if (r.kind === 'lrg' && r.lrgLevel === 1) r.parentKey = null;
      continue;
    }
    const wanted = r.parentCell.toUpperCase();
    const coded = fileByCode.get(wanted) ?? byCode.get(wanted)?.id;
    const named = normalise(r.parentCell);
    const keys = coded
      ? [coded]
      : [...new Set([...(fileByName.get(named) ?? []), ...(byName.get(named) ?? []).map((entity) => entity.id)])];
    if (keys.length === 1) r.parentKey = keys[0] ?? null;
    else {
      issues.push({
        row: r.row,
        column: label('parent'),
        message: `issues.entityImport.${keys.length ? 'ambiguous' : 'unknown'}Parent`,
      });
      r.bad = true;
    }
  }

  // The hierarchy as it would be: stored entities with the rows' changes over them.
  const finalOf = new Map<string, Placed & { parentKey: string | null }>();
  for (const entity of existing)
    finalOf.set(entity.id, { kind: entity.kind, lrgLevel: entity.lrg_level, parentKey: entity.parent_id });
  for (const r of rows) finalOf.set(keyOf(r), { kind: r.kind, lrgLevel: r.lrgLevel, parentKey: r.parentKey });
  const childrenOf = new Map<string, string[]>();
  for (const [key, node] of finalOf)
    if (node.parentKey) childrenOf.set(node.parentKey, [...(childrenOf.get(node.parentKey) ?? []), key]);

  const column: Record<string, Field> = {
    lrgLevel: 'level',
    subdivisionCode: 'subdivisionCode',
    parentId: 'parent',
    kind: 'kind',
  };
  for (const r of rows) {
    if (r.bad) continue;
    const here = keyOf(r);
    const node = finalOf.get(here) as Placed & { parentKey: string | null };
    const problems = fieldProblems(r, namedLevels).map((p) => ({
      row: r.row,
      column: label(column[p.path] ?? 'name'),
      message: p.message,
    }));
    const parent = node.parentKey ? finalOf.get(node.parentKey) : undefined;
    let walker = node.parentKey;
    for (let steps = 0; walker && steps < 100; steps++) {
      if (walker === here) {
        problems.push({ row: r.row, column: label('parent'), message: 'issues.entity.parentIsDescendant' });
        break;
      }
      walker = finalOf.get(walker)?.parentKey ?? null;
    }
    const misplaced = problems.length === 0 ? parentProblem(node, parent ?? null) : null;
    if (misplaced) problems.push({ row: r.row, column: label('parent'), message: misplaced });
    const stored = r.id ? byId.get(r.id) : undefined;
    if (stored && stored.lrg_level !== r.lrgLevel) {
      const unfit = (childrenOf.get(here) ?? []).some((child) => {
        const placed = finalOf.get(child);
        return placed && parentProblem(placed, node) !== null;
      });
      if (unfit) problems.push({ row: r.row, column: label('level'), message: 'issues.entity.childrenWouldNotFit' });
    }
    issues.push(...problems);
    if (problems.length > 0) continue;
    if (stored) {
      const changes: Field[] = [];
      if (stored.name !== r.name) changes.push('name');
      if (stored.name_local !== r.nameLocal) changes.push('nameLocal');
      if (stored.acronym !== r.acronym) changes.push('acronym');
      if (stored.lrg_level !== r.lrgLevel) changes.push('level');
      if (stored.parent_id !== r.parentKey) changes.push('parent');
      if (stored.subdivision_code !== r.subdivisionCode) changes.push('subdivisionCode');
      r.changes = changes;
      r.action = changes.length > 0 ? 'update' : 'skip';
    }
  }
  const nameOf = (key: string | null) => (key ? (nameByKey.get(key) ?? byId.get(key)?.name ?? null) : null);
  return {
    rows: rows.map(({ parentCell: _p, bad: _b, ...r }) => ({
      ...r,
      parentLabel: nameOf(r.parentKey) ?? r.parentLabel,
    })),
    issues,
  };
}
