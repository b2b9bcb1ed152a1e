import type { HubDocument, HubDocumentKind } from '../../shared/schemas/hub';
import type { Executor } from '../http/context';

// The hub's one search (issue 19, decision 034) reads `hub_documents`. Each module that publishes
// something (a practice, a profile, a network, a thread, an event) writes its rows here in the
// same transaction as the change, one per language it has, and removes them when the thing is
// withdrawn or hidden; so the search never shows what is no longer public, and reads one table.

/**
 * Puts a thing's rows in the search (all its languages at once): the languages it no longer has
 * are removed, the others written over.
 */
export async function indexHubDocuments(
  db: Executor,
  kind: HubDocumentKind,
  refId: string,
  documents: readonly HubDocument[],
): Promise<void> {
  const stray = documents.find((document) => document.kind !== kind || document.refId !== refId);
  if (stray) throw new Error(`indexHubDocuments(${kind}, ${refId}) was given a row of ${stray.kind} ${stray.refId}`);
  const locales = documents.map((document) => document.locale);
  let removal = db.deleteFrom('hub_documents').where('kind', '=', kind).where('ref_id', '=', refId);
  if (locales.length > 0) removal = removal.where('locale', 'not in', locales);
  await removal.execute();
  if (documents.length === 0) return;
  await db
    .insertInto('hub_documents')
    .values(
      documents.map((document) => ({
        kind,
        ref_id: refId,
        locale: document.locale,
        visibility: document.visibility,
        title: document.title,
        summary: document.summary,
        body: document.body,
        path: document.path,
        member_id: document.memberId,
        country_code: document.countryCode,
        system_of_government: document.systemOfGovernment,
        level: document.level,
        themes: document.themes,
        network_ids: document.networkIds,
      })),
    )
    .onConflict((conflict) =>
      conflict.columns(['kind', 'ref_id', 'locale']).doUpdateSet((update) => ({
        visibility: update.ref('excluded.visibility'),
        title: update.ref('excluded.title'),
        summary: update.ref('excluded.summary'),
        body: update.ref('excluded.body'),
        path: update.ref('excluded.path'),
        member_id: update.ref('excluded.member_id'),
        country_code: update.ref('excluded.country_code'),
        system_of_government: update.ref('excluded.system_of_government'),
        level: update.ref('excluded.level'),
        themes: update.ref('excluded.themes'),
        network_ids: update.ref('excluded.network_ids'),
        updated_at: new Date(),
      })),
    )
    .execute();
}

/** Takes a thing out of the search, in every language (withdrawn, hidden, unpublished). */
export async function removeHubDocuments(db: Executor, kind: HubDocumentKind, refId: string): Promise<void> {
  await db.deleteFrom('hub_documents').where('kind', '=', kind).where('ref_id', '=', refId).execute();
}
