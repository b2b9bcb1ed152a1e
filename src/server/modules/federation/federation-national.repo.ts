import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { FederationShareKind } from '../../../shared/schemas/federation';
import type { FederationHubLinkTable, FederationSharesTable } from '../../db/schema-federation';
import type { Executor } from '../../http/context';

// The national side's only SQL: the link to the hub and the items chosen for it.

export type HubLinkRow = Selectable<FederationHubLinkTable>;
export type ShareRow = Selectable<FederationSharesTable>;

export function findHubLink(db: Executor, lock = false): Promise<HubLinkRow | undefined> {
  const query = db.selectFrom('federation_hub_link').selectAll().where('id', '=', 1);
  return (lock ? query.forUpdate() : query).executeTakeFirst();
}

export async function insertHubLink(db: Executor, link: Insertable<FederationHubLinkTable>): Promise<HubLinkRow> {
  return db
    .insertInto('federation_hub_link')
    .values({ ...link, id: 1 })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A change of the link at the version read; undefined when someone changed it first. */
export function updateHubLink(
  db: Executor,
  version: number | null,
  patch: Updateable<FederationHubLinkTable>,
): Promise<HubLinkRow | undefined> {
  let query = db
    .updateTable('federation_hub_link')
    .set({ ...patch, version: sql<number>`version + 1`, updated_at: new Date() })
    .where('id', '=', 1);
  if (version !== null) query = query.where('version', '=', version);
  return query.returningAll().executeTakeFirst();
}

/** Claims the statistics refresh of a day; false when it was already scheduled (by any process). */
export async function claimStatisticsDay(db: Executor, day: string): Promise<boolean> {
  const row = await db
    .updateTable('federation_hub_link')
    .set({ statistics_day: day })
    .where('id', '=', 1)
    .where((eb) => eb.or([eb('statistics_day', 'is', null), eb('statistics_day', '<', day)]))
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export function findShares(db: Executor, page: number, pageSize: number, kind?: FederationShareKind) {
  let query = db.selectFrom('federation_shares');
  if (kind) query = query.where('kind', '=', kind);
  return Promise.all([
    query
      .selectAll()
      .orderBy(sql`case kind when 'profile' then 0 when 'statistics' then 1 else 2 end`)
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]).then(([rows, count]) => ({ rows, total: Number(count.n) }));
}

export function findShare(db: Executor, id: string, lock = false): Promise<ShareRow | undefined> {
  const query = db.selectFrom('federation_shares').selectAll().where('id', '=', id);
  return (lock ? query.forUpdate() : query).executeTakeFirst();
}

export function findShareOfKind(db: Executor, kind: 'profile' | 'statistics'): Promise<ShareRow | undefined> {
  return db.selectFrom('federation_shares').selectAll().where('kind', '=', kind).executeTakeFirst();
}

/** The items the hub should hear about: chosen and not yet sent at their revision, or to withdraw. */
export async function findOutstandingShares(db: Executor): Promise<string[]> {
  const rows = await db
    .selectFrom('federation_shares')
    .select('id')
    .where((eb) =>
      eb.or([
        eb.and([
          eb('shared', '=', true),
          eb.or([
            eb('on_hub', '=', false),
            eb('sent_revision', 'is', null),
            eb('sent_revision', '<', eb.ref('revision')),
          ]),
        ]),
        eb.and([eb('shared', '=', false), eb('on_hub', '=', true)]),
      ]),
    )
    .execute();
  return rows.map((row) => row.id);
}

export function insertShare(db: Executor, share: Insertable<FederationSharesTable>): Promise<ShareRow> {
  return db.insertInto('federation_shares').values(share).returningAll().executeTakeFirstOrThrow();
}

/** A person's change (content or choice): a new revision, at the version read. */
export function reviseShare(
  db: Executor,
  id: string,
  version: number,
  patch: Pick<Updateable<FederationSharesTable>, 'payload' | 'shared'>,
): Promise<ShareRow | undefined> {
  return db
    .updateTable('federation_shares')
    .set({
      ...patch,
      revision: sql<number>`revision + 1`,
      version: sql<number>`version + 1`,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

/** The statistics counted anew differ from the last: a new revision to send. */
export async function reviseStatistics(
  db: Executor,
  id: string,
  fingerprint: string,
  atLeast: number,
): Promise<number> {
  const row = await db
    .updateTable('federation_shares')
    .set({ fingerprint, revision: sql<number>`greatest(revision + 1, ${atLeast})`, updated_at: new Date() })
    .where('id', '=', id)
    .returning('revision')
    .executeTakeFirstOrThrow();
  return row.revision;
}

/** The hub holds a newer revision than this instance (restored from a backup): go past it. */
export async function raiseRevision(db: Executor, id: string, above: number): Promise<void> {
  await db
    .updateTable('federation_shares')
    .set({ revision: sql<number>`greatest(revision, ${above + 1})` })
    .where('id', '=', id)
    .execute();
}

export async function markSent(db: Executor, id: string, revision: number, onHub: boolean): Promise<void> {
  await db
    .updateTable('federation_shares')
    .set({
      sent_revision: revision,
      on_hub: onHub,
      sent_at: new Date(),
      attempts: 0,
      last_error: null,
      next_try_at: null,
    })
    .where('id', '=', id)
    .execute();
}

export async function markFailed(db: Executor, id: string, error: string, nextTryAt: Date | null): Promise<number> {
  const row = await db
    .updateTable('federation_shares')
    .set({ attempts: sql<number>`attempts + 1`, last_error: error.slice(0, 1000), next_try_at: nextTryAt })
    .where('id', '=', id)
    .returning('attempts')
    .executeTakeFirstOrThrow();
  return row.attempts;
}

/** Unlinked: the hub holds nothing any more; each item will be sent again at a new link. */
export async function forgetSent(db: Executor): Promise<void> {
  await db
    .updateTable('federation_shares')
    .set({ sent_revision: null, on_hub: false, sent_at: null, attempts: 0, last_error: null, next_try_at: null })
    .execute();
}

export async function clearNextTry(db: Executor, id: string): Promise<void> {
  await db.updateTable('federation_shares').set({ next_try_at: null }).where('id', '=', id).execute();
}
