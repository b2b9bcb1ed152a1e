/**
 * The register's door for the importer: the importer plans (imports/build-plan.ts) and writes
 * through these, so that every write of a recommendation and of its status history is the
 * register's. New rows go in as records in `importedColumns` order, by COPY on a PostgreSQL server
 * (`copyLines` chunks) or by INSERT … SELECT unnest on PGlite.
 */
import type { Updateable } from 'kysely';
import type { RecommendationSource, RecommendationsTable } from '../../db/schema';
import type { Executor } from '../../http/context';
import {
  copyRecommendations,
  fillImportedReviewColumns,
  findSources,
  type ImportedRecord,
  insertRecommendations,
  updateImportedRecommendation,
} from './imported.repo';
import { insertImportedStatuses } from './status-history.repo';

export { copyLines, type ImportedRecord, importedColumns } from './imported.repo';

/** The status every imported recommendation starts with (the column's default). */
const initialStatus = 'not_started';

/** PostgreSQL: streams COPY chunks of new recommendations, inside the transaction. */
export function copyNewRecommendations(trx: Executor, chunks: Iterable<string> | AsyncIterable<string>) {
  return copyRecommendations(trx, chunks);
}

/** PGlite (no COPY through its adapter): the same records by INSERT … SELECT unnest. */
export function insertNewRecommendations(trx: Executor, records: ImportedRecord[]) {
  return insertRecommendations(trx, records);
}

/** The first line of each new recommendation's status history: its initial status, caused by the import. */
export function recordImportedStatuses(
  trx: Executor,
  ids: string[],
  by: { userId: string | null; importId: string },
): Promise<void> {
  return insertImportedStatuses(trx, ids, initialStatus, by.userId, by.importId);
}

/** The sources a stored recommendation was imported from, before an import adds its own. */
export function sourcesOf(trx: Executor, id: string): Promise<RecommendationSource[]> {
  return findSources(trx, id);
}

/** A review's State and cycle, once an import fills them in, on its recommendations that lack them. */
export function fillReviewColumns(
  trx: Executor,
  reviewId: string,
  patch: { country_iso2?: string; cycle?: number },
): Promise<void> {
  return fillImportedReviewColumns(trx, reviewId, patch);
}

/** A stored recommendation's values from a new import (its status stays). */
export function updateImported(
  trx: Executor,
  id: string,
  patch: Omit<Updateable<RecommendationsTable>, 'status'>,
): Promise<void> {
  return updateImportedRecommendation(trx, id, patch);
}
