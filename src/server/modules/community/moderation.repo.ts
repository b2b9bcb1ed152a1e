import { sql } from 'kysely';
import type { Executor } from '../../http/context';

// Reports, hiding and bans: the moderation's only SQL.

export function findActiveBan(db: Executor, userId: string) {
  return db
    .selectFrom('hub_bans')
    .select(['id', 'reason', 'ends_at'])
    .where('user_id', '=', userId)
    .where('lifted_at', 'is', null)
    .where((eb) => eb.or([eb('ends_at', 'is', null), eb('ends_at', '>', sql<Date>`now()`)]))
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}

export function insertBan(
  db: Executor,
  values: { user_id: string; reason: string; ends_at: Date | null; created_by: string },
) {
  return db.insertInto('hub_bans').values(values).returning('id').executeTakeFirstOrThrow();
}

export async function liftBan(db: Executor, id: string, by: string): Promise<string | null> {
  const row = await db
    .updateTable('hub_bans')
    .set({ lifted_at: sql`now()`, lifted_by: by })
    .where('id', '=', id)
    .where('lifted_at', 'is', null)
    .returning('user_id')
    .executeTakeFirst();
  return row?.user_id ?? null;
}

export function findActiveBans(db: Executor) {
  return db
    .selectFrom('hub_bans as b')
    .innerJoin('users as u', 'u.id', 'b.user_id')
    .leftJoin('hub_participants as p', 'p.user_id', 'b.user_id')
    .select(['b.id', 'b.user_id', 'u.name', 'p.handle', 'b.reason', 'b.ends_at', 'b.created_at'])
    .where('b.lifted_at', 'is', null)
    .where((eb) => eb.or([eb('b.ends_at', 'is', null), eb('b.ends_at', '>', sql<Date>`now()`)]))
    .orderBy('b.created_at', 'desc')
    .execute();
}

export async function insertReport(
  db: Executor,
  values: {
    post_id: string;
    reporter_id: string;
    reason: 'spam' | 'abuse' | 'off_topic' | 'other';
    note: string | null;
  },
): Promise<string | null> {
  const row = await db
    .insertInto('hub_reports')
    .values(values)
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Closes a post's open reports (resolved when it was hidden, dismissed when it stays). */
export async function closeReports(db: Executor, postId: string, status: 'resolved' | 'dismissed', by: string) {
  const result = await db
    .updateTable('hub_reports')
    .set({ status, resolved_by: by, resolved_at: sql`now()` })
    .where('post_id', '=', postId)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function setPostStatus(
  db: Executor,
  postId: string,
  status: 'visible' | 'held' | 'hidden',
  reason: string | null,
) {
  await db
    .updateTable('hub_posts')
    .set({ status, hidden_reason: status === 'hidden' ? reason : null, updated_at: sql`now()` })
    .where('id', '=', postId)
    .execute();
}

/**
 * The moderation queue: posts with open reports (the most reported, then the oldest, first) or
 * posts held for a moderator (the oldest first).
 */
export async function findQueue(db: Executor, queue: 'reported' | 'held', limit: number, offset: number) {
  let query = db
    .selectFrom('hub_posts as p')
    .innerJoin('hub_threads as t', 't.id', 'p.thread_id')
    .leftJoin('users as u', 'u.id', 'p.author_id')
    .leftJoin('hub_participants as pa', 'pa.user_id', 'p.author_id');
  query =
    queue === 'held'
      ? query.where('p.status', '=', 'held')
      : query.where((eb) =>
          eb.exists(
            eb
              .selectFrom('hub_reports as r')
              .whereRef('r.post_id', '=', 'p.id')
              .where('r.status', '=', 'open')
              .select('r.id'),
          ),
        );
  const [items, total] = await Promise.all([
    query
      .select([
        'p.id',
        'p.thread_id',
        'p.opening',
        'p.author_id',
        'p.body',
        'p.status',
        'p.created_at',
        't.title',
        'u.name as author_name',
        'pa.handle as author_handle',
      ])
      .orderBy('p.created_at')
      .limit(limit)
      .offset(offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<string>().as('c')).executeTakeFirstOrThrow(),
  ]);
  const ids = items.map((item) => item.id);
  const reports =
    ids.length === 0
      ? []
      : await db
          .selectFrom('hub_reports')
          .select(['id', 'post_id', 'reason', 'note'])
          .where('post_id', 'in', ids)
          .where('status', '=', 'open')
          .orderBy('created_at')
          .execute();
  return { items, reports, total: Number(total.c) };
}
