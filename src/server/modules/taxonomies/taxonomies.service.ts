import type { Insertable } from 'kysely';
import { AppError } from '../../../shared/errors';
import type { Locale } from '../../../shared/i18n/locales';
import type { Page } from '../../../shared/schemas/common';
import type { Taxonomy, Term, UntranslatedCounts, VariantGroup } from '../../../shared/schemas/taxonomies';
import type { Database } from '../../db/database';
import type { LocalizedText, TaxonomyTermsTable } from '../../db/schema';
import type { Actor, Executor } from '../../http/context';
import { signedIn } from '../../lib/guards';
import { localize } from '../../lib/language';
import { recordAudit } from '../audit/audit.service';
import { replaceTerm } from '../register/changes.service';
import { findAllBodies, findCountries, insertMissingTerms } from './reference.repo';
import { canTaxonomies, type TaxonomyAction } from './taxonomies.policy';
import {
  countUntranslated,
  deleteTermRow,
  findStatusTerms,
  findTaxonomies,
  findTaxonomy,
  findTerm,
  findTermCodes,
  findTerms,
  findTermsById,
  insertTaxonomy,
  insertTerm,
  lockTaxonomy,
  termColumnOf,
  termUsage,
  updateTermAtVersion,
} from './taxonomies.repo';
import { foldTerm, TermMap } from './term-fold';

function requireCan(actor: Actor, action: TaxonomyAction) {
  const user = signedIn(actor);
  if (!canTaxonomies(user, action)) throw new AppError('FORBIDDEN');
}

type TermRow = {
  id: number;
  taxonomy: string;
  code: string;
  label: LocalizedText;
  parent_id: number | null;
  final: boolean;
  version: number;
};
const presentTerm = (row: TermRow, usage: number, childCount = 0): Term => ({
  id: row.id,
  taxonomy: row.taxonomy,
  code: row.code,
  label: row.label,
  parentId: row.parent_id,
  usage,
  childCount,
  final: row.final,
  version: row.version,
});

/** Only a status can be final: the flag on another taxonomy's term would mean nothing. */
function requireStatusForFinal(taxonomy: string, final: boolean | undefined) {
  if (final !== undefined && taxonomy !== 'status')
    throw new AppError('VALIDATION', { issues: [{ path: 'final', message: 'issues.finalOnlyForStatus' }] });
}

export async function listTaxonomies(db: Database, actor: Actor): Promise<Taxonomy[]> {
  requireCan(actor, 'read');
  const rows = await findTaxonomies(db);
  return rows.map((row) => ({
    code: row.code,
    name: row.name,
    builtin: row.builtin,
    termCount: Number(row.term_count ?? 0),
    version: row.version,
  }));
}

/** A custom taxonomy, for example the chapters of a national human rights action plan. */
export async function createTaxonomy(
  db: Database,
  actor: Actor,
  input: { code: string; name: LocalizedText },
): Promise<Taxonomy> {
  requireCan(actor, 'manage');
  return db.transaction().execute(async (trx) => {
    if (await findTaxonomy(trx, input.code)) throw new AppError('CONFLICT', { params: { code: input.code } });
    await insertTaxonomy(trx, input.code, JSON.stringify(input.name));
    await recordAudit(trx, actor, { action: 'create', recordType: 'taxonomy', recordId: input.code, after: input });
    return { code: input.code, name: input.name, builtin: false, termCount: 0, version: 1 };
  });
}

export async function listTerms(
  db: Database,
  actor: Actor,
  taxonomy: string,
  query: { q?: string; parentId?: number; root?: boolean; untranslated?: Locale; page: number; pageSize: number },
): Promise<Page<Term>> {
  requireCan(actor, 'read');
  if (!(await findTaxonomy(db, taxonomy))) throw new AppError('NOT_FOUND');
  const { rows, total } = await findTerms(db, taxonomy, query);
  return {
    items: rows.map((row) => presentTerm(row, Number(row.usage), Number(row.child_count))),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function createTerm(
  db: Database,
  actor: Actor,
  taxonomy: string,
  input: { code: string; label: LocalizedText; parentId?: number | null; final?: boolean },
): Promise<Term> {
  requireCan(actor, 'manage');
  return db.transaction().execute(async (trx) => {
    if (!(await findTaxonomy(trx, taxonomy))) throw new AppError('NOT_FOUND');
    requireStatusForFinal(taxonomy, input.final);
    await lockTaxonomy(trx, taxonomy);
    // "children" beside "Children" would split every count: another spelling of a stored code is that term.
    const stored = (await findTermCodes(trx, taxonomy)).find((term) => foldTerm(term.code) === foldTerm(input.code));
    if (stored)
      throw new AppError('CONFLICT', {
        params: { code: stored.code },
        issues: [{ path: 'code', message: 'issues.termSpellingExists' }],
      });
    if (input.parentId) {
      const parent = await findTerm(trx, input.parentId);
      if (parent?.taxonomy !== taxonomy)
        throw new AppError('VALIDATION', { issues: [{ path: 'parentId', message: 'issues.parentOutsideTaxonomy' }] });
    }
    const row = await insertTerm(trx, {
      taxonomy,
      code: input.code,
      label: JSON.stringify(input.label),
      parent_id: input.parentId ?? null,
      final: input.final ?? false,
    });
    await recordAudit(trx, actor, {
      action: 'create',
      recordType: 'taxonomy_term',
      recordId: String(row.id),
      after: row,
    });
    return presentTerm(row, 0);
  });
}

/**
 * Relabels a term (for example adds its Arabic and Chinese labels), or makes a status final or not,
 * at a known version.
 */
export async function updateTerm(
  db: Database,
  actor: Actor,
  id: number,
  input: { label: LocalizedText; parentId?: number | null; final?: boolean; version: number },
): Promise<Term> {
  requireCan(actor, 'manage');
  return db.transaction().execute(async (trx) => {
    const before = await findTerm(trx, id);
    if (!before) throw new AppError('NOT_FOUND');
    if (input.parentId === id)
      throw new AppError('VALIDATION', { issues: [{ path: 'parentId', message: 'issues.parentIsSelf' }] });
    requireStatusForFinal(before.taxonomy, input.final);
    const after = await updateTermAtVersion(trx, id, input.version, {
      label: JSON.stringify(input.label),
      ...(input.parentId !== undefined ? { parent_id: input.parentId } : {}),
      ...(input.final !== undefined ? { final: input.final } : {}),
    });
    if (!after) throw new AppError('STALE_VERSION');
    await recordAudit(trx, actor, {
      action: 'update',
      recordType: 'taxonomy_term',
      recordId: String(id),
      before,
      after,
    });
    return presentTerm(after, await termUsage(trx, after.taxonomy, id));
  });
}

/** Deletes a term that no recommendation uses; a used one is refused with the count. */
export async function deleteTerm(db: Database, actor: Actor, id: number): Promise<void> {
  requireCan(actor, 'manage');
  await db.transaction().execute(async (trx) => {
    const before = await findTerm(trx, id);
    if (!before) throw new AppError('NOT_FOUND');
    const used = await termUsage(trx, before.taxonomy, id);
    if (used > 0) throw new AppError('CONFLICT', { params: { count: used } });
    await deleteTermRow(trx, id);
    await recordAudit(trx, actor, { action: 'delete', recordType: 'taxonomy_term', recordId: String(id), before });
  });
}

/**
 * Merges a term into another of its taxonomy (the import's "16 - PEACE, JUSTICE…" theme into
 * nothing, "children" into "Children"), or removes it from every recommendation (`into` null),
 * then deletes it.
 */
export async function mergeTerm(
  db: Database,
  actor: Actor,
  id: number,
  input: { into: number | null; version: number },
): Promise<{ recommendations: number }> {
  requireCan(actor, 'administer');
  return db.transaction().execute(async (trx) => ({
    recommendations: await mergeOne(trx, actor, { id, version: input.version }, input.into),
  }));
}

/**
 * Merges a group of spellings of one term (a variant group, or any terms an admin picked) into
 * one of them, all or nothing. Returns how many recommendations changed.
 */
export async function mergeTerms(
  db: Database,
  actor: Actor,
  input: { into: number; terms: { id: number; version: number }[] },
): Promise<{ recommendations: number }> {
  requireCan(actor, 'administer');
  return db.transaction().execute(async (trx) => {
    let recommendations = 0;
    for (const term of input.terms.filter((term) => term.id !== input.into))
      recommendations += await mergeOne(trx, actor, term, input.into);
    return { recommendations };
  });
}

/**
 * One term into another (or out of every recommendation), inside the caller's transaction. The
 * recommendations change through the register's writer (replaceTerm), each at its version with
 * its audit event, and the register's change log (decision 025) tells the search index which rows
 * moved, so facet counts are exact on the next search; the term's deletion is audited with where
 * it went.
 */
async function mergeOne(
  trx: Executor,
  actor: Actor,
  term: { id: number; version: number },
  into: number | null,
): Promise<number> {
  const before = await findTerm(trx, term.id);
  if (!before) throw new AppError('NOT_FOUND');
  if (before.version !== term.version) throw new AppError('STALE_VERSION');
  const column = termColumnOf(before.taxonomy);
  if (!column) throw new AppError('VALIDATION', { issues: [{ path: 'into', message: 'issues.termNotMergeable' }] });
  if (into !== null) {
    const target = await findTerm(trx, into);
    if (!target || target.taxonomy !== before.taxonomy || target.id === term.id)
      throw new AppError('VALIDATION', { issues: [{ path: 'into', message: 'issues.mergeTargetInvalid' }] });
  }
  const recommendations = await replaceTerm(trx, actor, { column, from: term.id, to: into });
  await deleteTermRow(trx, term.id);
  await recordAudit(trx, actor, {
    action: 'delete',
    recordType: 'taxonomy_term',
    recordId: String(term.id),
    before,
    after: { mergedInto: into, recommendations },
  });
  return recommendations;
}

/** The taxonomy's terms whose codes fold to one key (term-fold.ts), with their usage, largest first. */
export async function listVariantGroups(db: Database, actor: Actor, taxonomy: string): Promise<VariantGroup[]> {
  requireCan(actor, 'read');
  if (!(await findTaxonomy(db, taxonomy))) throw new AppError('NOT_FOUND');
  const byKey = new Map<string, number[]>();
  for (const term of await findTermCodes(db, taxonomy)) {
    const key = foldTerm(term.code);
    byKey.set(key, [...(byKey.get(key) ?? []), term.id]);
  }
  const groups = [...byKey].filter(([, ids]) => ids.length > 1);
  const rows = new Map(
    (
      await findTermsById(
        db,
        taxonomy,
        groups.flatMap(([, ids]) => ids),
      )
    ).map((row) => [row.id, row]),
  );
  return groups
    .map(([key, ids]) => ({
      key,
      terms: ids
        .flatMap((id) => {
          const row = rows.get(id);
          return row ? [presentTerm(row, Number(row.usage))] : [];
        })
        .sort((a, b) => b.usage - a.usage || a.id - b.id),
    }))
    .sort((a, b) => sumUsage(b) - sumUsage(a) || a.key.localeCompare(b.key));
}
const sumUsage = (group: { terms: Term[] }) => group.terms.reduce((sum, term) => sum + term.usage, 0);

/** How many of a taxonomy's terms lack a label in each language (the translators' to-do counts). */
export async function untranslatedCounts(db: Database, actor: Actor, taxonomy: string): Promise<UntranslatedCounts> {
  requireCan(actor, 'read');
  if (!(await findTaxonomy(db, taxonomy))) throw new AppError('NOT_FOUND');
  return countUntranslated(db, taxonomy);
}

/** Countries with their names in the reader's language, sorted for that language. */
export async function listCountries(db: Database, actor: Actor) {
  requireCan(actor, 'read');
  const rows = await findCountries(db);
  return rows
    .map((row) => ({ iso2: row.iso2, name: localize(row.name, actor.locale) }))
    .sort((a, b) => a.name.localeCompare(b.name, actor.locale));
}

export async function listBodies(db: Database, actor: Actor) {
  requireCan(actor, 'read');
  const rows = await findAllBodies(db);
  return rows.map((row) => ({ code: row.code, mechanism: row.mechanism, name: localize(row.name, actor.locale) }));
}

/** The implementation statuses a progress update may propose, in their order (codes and labels). */
export function statusTerms(db: Executor) {
  return findStatusTerms(db);
}

/**
 * Adds the terms whose code the taxonomy does not have yet, in any spelling: every writer that
 * creates terms without an admin (the importer, the reference seed) comes through here, so
 * "children" finds the stored "Children" and "B32 Racial discrimination" the stored "Racial
 * discrimination" (term-fold.ts). Returns every term of the taxonomy, found by any spelling.
 */
export async function ensureTerms(
  db: Executor,
  taxonomy: string,
  terms: Omit<Insertable<TaxonomyTermsTable>, 'taxonomy'>[],
): Promise<TermMap> {
  await lockTaxonomy(db, taxonomy);
  const stored = TermMap.of((await findTermCodes(db, taxonomy)).map((row) => [row.code, row.id]));
  const added = new Set<string>();
  const missing = terms.filter((term) => {
    const key = foldTerm(term.code);
    if (stored.has(term.code) || added.has(key)) return false;
    added.add(key);
    return true;
  });
  if (!missing.length) return stored;
  await insertMissingTerms(
    db,
    missing.map((term) => ({ ...term, taxonomy })),
  );
  return TermMap.of((await findTermCodes(db, taxonomy)).map((row) => [row.code, row.id]));
}
