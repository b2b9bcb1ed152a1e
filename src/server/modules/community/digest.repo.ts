import { sql } from 'kysely';
import type { Executor } from '../../http/context';

// The digest's runs and what each person's digest holds: its only SQL.

export async function claimDigestRun(db: Executor, day: string): Promise<boolean> {
  const row = await db
    .insertInto('hub_digest_runs')
    .values({ day })
    .onConflict((oc) => oc.column('day').doNothing())
    .returning('day')
    .executeTakeFirst();
  return Boolean(row);
}

export async function setDigestJob(db: Executor, day: string, jobId: string): Promise<void> {
  await db.updateTable('hub_digest_runs').set({ job_id: jobId }).where('day', '=', sql<Date>`${day}::date`).execute();
}

export async function finishDigestRun(db: Executor, day: string, mails: number): Promise<void> {
  await db
    .updateTable('hub_digest_runs')
    .set({ status: 'done', mail_count: mails, done_at: sql`now()` })
    .where('day', '=', sql<Date>`${day}::date`)
    .execute();
}

/** The people whose digest is due: daily ones every day, weekly ones on `weekly` days. */
export function dueParticipants(db: Executor, weekly: boolean) {
  return db
    .selectFrom('hub_participants as p')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .select(['u.id', 'u.name', 'u.email', 'u.locale', 'u.role', 'p.digest', 'p.digest_until'])
    .where('u.status', '=', 'active')
    .where('p.digest', 'in', weekly ? ['daily', 'weekly'] : ['daily'])
    .orderBy('u.id')
    .execute();
}

/**
 * The visible posts written in (from, until] by others, in the spaces and threads the person
 * follows, in threads whose opening post is visible: newest threads last, posts by time.
 */
export function digestItems(db: Executor, userId: string, from: Date, until: Date) {
  return db
    .selectFrom('hub_posts as p')
    .innerJoin('hub_threads as t', 't.id', 'p.thread_id')
    .innerJoin('hub_spaces as s', 's.id', 't.space_id')
    .innerJoin('hub_posts as op', (join) => join.onRef('op.thread_id', '=', 't.id').on('op.opening', '=', true))
    .leftJoin('users as a', 'a.id', 'p.author_id')
    .select([
      'p.id',
      'p.opening',
      'p.body',
      'p.created_at',
      't.id as thread_id',
      't.title',
      's.id as space_id',
      's.kind as space_kind',
      's.theme',
      's.network_id',
      'a.name as author_name',
    ])
    .where('p.status', '=', 'visible')
    .where('op.status', '=', 'visible')
    .where('p.created_at', '>', from)
    .where('p.created_at', '<=', until)
    .where((eb) => eb.or([eb('p.author_id', 'is', null), eb('p.author_id', '<>', userId)]))
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('hub_follows as f')
          .where('f.user_id', '=', userId)
          .where((inner) =>
            inner.or([inner('f.space_id', '=', inner.ref('s.id')), inner('f.thread_id', '=', inner.ref('t.id'))]),
          )
          .select('f.id'),
      ),
    )
    .orderBy('t.created_at')
    .orderBy('p.created_at')
    .execute();
}

export async function setDigestUntil(db: Executor, userId: string, until: Date): Promise<void> {
  await db.updateTable('hub_participants').set({ digest_until: until }).where('user_id', '=', userId).execute();
}
