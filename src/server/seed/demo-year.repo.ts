import { sql } from 'kysely';
import type { SessionUser } from '../../shared/schemas/identity';
import type { Actor, Executor } from '../http/context';

/** The demo register's recommendations with what the story picks them by, in a fixed order. */
export async function demoRecommendations(db: Executor) {
  return db
    .selectFrom('recommendations as r')
    .innerJoin('reviews as v', 'v.id', 'r.review_id')
    .select(['r.id', 'r.text_en', 'r.review_id', 'v.cycle', 'v.body_code', 'r.position'])
    .orderBy(sql`v.review_date desc nulls last`)
    .orderBy('r.number_sort')
    .orderBy('r.id')
    .execute();
}

/** Entity ids by acronym or ISO 3166-2 code, as the demo files name them. */
export async function demoEntityIds(db: Executor): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('entities')
    .select(['id', 'acronym', 'subdivision_code'])
    .where((eb) => eb.or([eb('acronym', 'is not', null), eb('subdivision_code', 'is not', null)]))
    .orderBy('id')
    .execute();
  const ids = new Map<string, string>();
  for (const row of rows) {
    if (row.subdivision_code) ids.set(row.subdivision_code, row.id);
    if (row.acronym && !ids.has(row.acronym)) ids.set(row.acronym, row.id);
  }
  // demo-state.ts names the Ministry of Foreign and European Affairs MFEA, its acronym is MZEZ.
  const mfea = ids.get('MZEZ');
  if (mfea) ids.set('MFEA', mfea);
  return ids;
}

/** A person of the demo acting: as the auth hook would build them for a request. */
export async function demoActor(db: Executor, email: string): Promise<Actor & { user: SessionUser }> {
  const row = await db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'role', 'locale', 'organisation', 'version'])
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  const user = { ...row, locale: row.locale as SessionUser['locale'] };
  return { user, sessionId: null, requestId: 'demo-seed', ip: null, locale: user.locale };
}

/** Whether the demo year has been played already (a call exists). */
export async function hasDemoYear(db: Executor): Promise<boolean> {
  return Boolean(await db.selectFrom('calls').select('id').limit(1).executeTakeFirst());
}

/** An entity's update on a call's recommendation: the answer the story goes on with. */
export async function answerOf(db: Executor, callId: string, entityId: string, recommendationId: string) {
  return db
    .selectFrom('progress_updates')
    .select(['id', 'version', 'status'])
    .where('call_id', '=', callId)
    .where('entity_id', '=', entityId)
    .where('recommendation_id', '=', recommendationId)
    .executeTakeFirst();
}

/** The recommendations of a call that are an entity's to answer (assigned or delegated to it). */
export async function callItemsOf(db: Executor, callId: string, entityId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('call_recommendations as c')
    .innerJoin('assignments as a', 'a.recommendation_id', 'c.recommendation_id')
    .innerJoin('recommendations as r', 'r.id', 'c.recommendation_id')
    .select('c.recommendation_id')
    .distinct()
    .where('c.call_id', '=', callId)
    .where('a.entity_id', '=', entityId)
    .orderBy('c.recommendation_id')
    .execute();
  return rows.map((row) => row.recommendation_id);
}

/** An assignment of a recommendation to an entity (the lead ministry's, before delegating). */
export async function assignmentId(db: Executor, recommendationId: string, entityId: string) {
  const row = await db
    .selectFrom('assignments')
    .select('id')
    .where('recommendation_id', '=', recommendationId)
    .where('entity_id', '=', entityId)
    .executeTakeFirst();
  return row?.id;
}

/** The current status of each recommendation named. */
export async function statusesOf(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('recommendations').select(['id', 'status']).where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, row.status]));
}

/** A demo action by its title. */
export async function demoActionId(db: Executor, title: string): Promise<string | undefined> {
  const row = await db.selectFrom('actions').select('id').where('title', '=', title).executeTakeFirst();
  return row?.id;
}

/** The version of a progress update, for the next step of its workflow. */
export async function updateVersion(db: Executor, id: string): Promise<number> {
  const row = await db.selectFrom('progress_updates').select('version').where('id', '=', id).executeTakeFirstOrThrow();
  return row.version;
}
