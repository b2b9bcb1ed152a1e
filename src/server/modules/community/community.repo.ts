import { sql } from 'kysely';
import { hubThemes } from '../../../shared/schemas/hub';
import type { Executor } from '../../http/context';

// Spaces, participants, threads, posts and follows: the community's only SQL but for moderation
// (moderation.repo.ts), events (events.repo.ts) and the digest (digest.repo.ts).

/**
 * Makes the spaces that are missing: one per theme and one per network. Run before any read of
 * spaces (an insert of nothing when all exist), so a network added later has its space the first
 * time anyone looks (decision 037), without the networks' module knowing about spaces.
 */
export async function ensureSpaces(db: Executor): Promise<void> {
  await sql`insert into hub_spaces (kind, theme)
    select 'theme', theme from unnest(${sql.val([...hubThemes])}::text[]) as theme
    where not exists (select 1 from hub_spaces s where s.theme = theme)
    on conflict do nothing`.execute(db);
  await sql`insert into hub_spaces (kind, network_id)
    select 'network', n.id from hub_networks n
    where not exists (select 1 from hub_spaces s where s.network_id = n.id)
    on conflict do nothing`.execute(db);
}

export function findSpaces(db: Executor, userId: string | null) {
  return db
    .selectFrom('hub_spaces as s')
    .leftJoin('hub_networks as n', 'n.id', 's.network_id')
    .select([
      's.id',
      's.kind',
      's.theme',
      's.network_id',
      'n.name as network_name',
      'n.name_i18n as network_name_i18n',
      (eb) =>
        eb
          .selectFrom('hub_threads as t')
          .innerJoin('hub_posts as p', (join) => join.onRef('p.thread_id', '=', 't.id').on('p.opening', '=', true))
          .whereRef('t.space_id', '=', 's.id')
          .where('p.status', '=', 'visible')
          .select((inner) => inner.fn.countAll<string>().as('c'))
          .as('thread_count'),
      (eb) =>
        eb
          .exists(
            eb
              .selectFrom('hub_follows as f')
              .whereRef('f.space_id', '=', 's.id')
              .where('f.user_id', '=', userId ?? '00000000-0000-0000-0000-000000000000')
              .select('f.id'),
          )
          .as('following'),
      (eb) =>
        eb
          .exists(
            eb
              .selectFrom('hub_network_members as nm')
              .innerJoin('hub_member_people as mp', 'mp.member_id', 'nm.member_id')
              .whereRef('nm.network_id', '=', 's.network_id')
              .where('mp.user_id', '=', userId ?? '00000000-0000-0000-0000-000000000000')
              .select('nm.member_id'),
          )
          .as('in_network'),
    ])
    .orderBy('s.kind', 'desc')
    .orderBy('n.name')
    .execute();
}
export type SpaceRow = Awaited<ReturnType<typeof findSpaces>>[number];

export async function findSpace(db: Executor, id: string, userId: string | null): Promise<SpaceRow | undefined> {
  const rows = await findSpaces(db, userId);
  return rows.find((row) => row.id === id);
}

/** The members (and so the networks) a person acts for. */
export async function networksOf(db: Executor, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('hub_network_members as nm')
    .innerJoin('hub_member_people as mp', 'mp.member_id', 'nm.member_id')
    .where('mp.user_id', '=', userId)
    .select('nm.network_id')
    .distinct()
    .execute();
  return rows.map((row) => row.network_id);
}

export function findParticipant(db: Executor, userId: string) {
  return db.selectFrom('hub_participants').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

export async function handleTaken(db: Executor, handle: string, exceptUserId?: string): Promise<boolean> {
  let query = db.selectFrom('hub_participants').select('user_id').where('handle', '=', handle);
  if (exceptUserId) query = query.where('user_id', '<>', exceptUserId);
  return Boolean(await query.executeTakeFirst());
}

export async function insertParticipant(db: Executor, userId: string, handle: string, trusted: boolean) {
  return db
    .insertInto('hub_participants')
    .values({ user_id: userId, handle, trusted })
    .onConflict((oc) => oc.column('user_id').doNothing())
    .execute();
}

export async function updateParticipant(
  db: Executor,
  userId: string,
  values: { handle?: string; digest?: 'off' | 'daily' | 'weekly'; trusted?: boolean },
) {
  await db
    .updateTable('hub_participants')
    .set({ ...values, updated_at: sql`now()` })
    .where('user_id', '=', userId)
    .execute();
}

/** Active hub accounts whose name or handle starts a word with `text`, for the mention picker. */
export function findAccounts(db: Executor, roles: string[], text: string, limit: number) {
  const like = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db
    .selectFrom('users as u')
    .leftJoin('hub_participants as p', 'p.user_id', 'u.id')
    .select(['u.id', 'u.name', 'u.email', 'p.handle'])
    .where('u.status', '=', 'active')
    .where('u.role', 'in', roles as never[])
    .where((eb) => eb.or([eb('u.name', 'ilike', like), eb('p.handle', 'ilike', like)]))
    .orderBy('u.name')
    .limit(limit)
    .execute();
}

export function findUsersByHandles(db: Executor, handles: string[]) {
  if (handles.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('hub_participants as p')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .select(['u.id', 'u.name', 'u.email', 'u.locale', 'u.role', 'p.handle'])
    .where('p.handle', 'in', handles)
    .where('u.status', '=', 'active')
    .execute();
}

const threadColumns = [
  't.id',
  't.space_id',
  't.kind',
  't.title',
  't.locale',
  't.source',
  't.author_id',
  't.accepted_post_id',
  't.reply_count',
  't.last_post_at',
  't.created_at',
  'op.status',
  'op.id as opening_id',
  'op.body as opening_body',
  'u.name as author_name',
  'pa.handle as author_handle',
] as const;

function threadsQuery(db: Executor) {
  return db
    .selectFrom('hub_threads as t')
    .innerJoin('hub_posts as op', (join) => join.onRef('op.thread_id', '=', 't.id').on('op.opening', '=', true))
    .leftJoin('users as u', 'u.id', 't.author_id')
    .leftJoin('hub_participants as pa', 'pa.user_id', 't.author_id');
}

/**
 * A space's threads, newest activity first: the visible ones, and the viewer's own held ones;
 * a moderator (`all`) sees hidden and held ones too.
 */
export async function findThreads(
  db: Executor,
  spaceId: string,
  options: { viewerId: string | null; all: boolean; kind?: 'discussion' | 'question'; limit: number; offset: number },
) {
  let query = threadsQuery(db).where('t.space_id', '=', spaceId);
  if (!options.all)
    query = query.where((eb) =>
      eb.or([
        eb('op.status', '=', 'visible'),
        ...(options.viewerId ? [eb.and([eb('op.status', '=', 'held'), eb('t.author_id', '=', options.viewerId)])] : []),
      ]),
    );
  if (options.kind) query = query.where('t.kind', '=', options.kind);
  const [items, total] = await Promise.all([
    query
      .select([...threadColumns])
      .orderBy('t.last_post_at', 'desc')
      .limit(options.limit)
      .offset(options.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<string>().as('c')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.c) };
}

export function findThread(db: Executor, id: string) {
  return threadsQuery(db)
    .select([...threadColumns])
    .where('t.id', '=', id)
    .executeTakeFirst();
}
export type ThreadRow = NonNullable<Awaited<ReturnType<typeof findThread>>>;

export function findPosts(db: Executor, threadId: string) {
  return db
    .selectFrom('hub_posts as p')
    .leftJoin('users as u', 'u.id', 'p.author_id')
    .leftJoin('hub_participants as pa', 'pa.user_id', 'p.author_id')
    .select([
      'p.id',
      'p.opening',
      'p.author_id',
      'p.body',
      'p.body_html',
      'p.status',
      'p.created_at',
      'u.name as author_name',
      'pa.handle as author_handle',
    ])
    .where('p.thread_id', '=', threadId)
    .orderBy('p.opening', 'desc')
    .orderBy('p.created_at')
    .orderBy('p.id')
    .execute();
}

export function findPost(db: Executor, id: string) {
  return db
    .selectFrom('hub_posts as p')
    .innerJoin('hub_threads as t', 't.id', 'p.thread_id')
    .select(['p.id', 'p.thread_id', 'p.opening', 'p.author_id', 'p.status', 'p.body', 't.space_id', 't.title'])
    .where('p.id', '=', id)
    .executeTakeFirst();
}

export function insertThread(
  db: Executor,
  values: {
    space_id: string;
    kind: 'discussion' | 'question';
    title: string;
    author_id: string;
    locale: string;
    source?: string | null;
    created_at?: Date;
  },
) {
  return db
    .insertInto('hub_threads')
    .values({ ...values, locale: values.locale as 'en', last_post_at: values.created_at ?? new Date() })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function insertPost(
  db: Executor,
  values: {
    thread_id: string;
    opening: boolean;
    author_id: string;
    body: string;
    body_html: string;
    status: 'visible' | 'held';
    created_at?: Date;
  },
) {
  return db.insertInto('hub_posts').values(values).returning(['id', 'created_at']).executeTakeFirstOrThrow();
}

/** Counts the thread's visible replies again and moves its last activity. */
export async function refreshThread(db: Executor, threadId: string): Promise<void> {
  await sql`update hub_threads t set
      reply_count = (select count(*) from hub_posts p where p.thread_id = t.id and not p.opening and p.status = 'visible'),
      last_post_at = coalesce((select max(p.created_at) from hub_posts p where p.thread_id = t.id and p.status = 'visible'), t.created_at)
    where t.id = ${threadId}`.execute(db);
}

export async function setAccepted(db: Executor, threadId: string, postId: string | null): Promise<void> {
  await db.updateTable('hub_threads').set({ accepted_post_id: postId }).where('id', '=', threadId).execute();
}

/** How many posts the account wrote since `since`. */
export async function countPostsSince(db: Executor, userId: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom('hub_posts')
    .select((eb) => eb.fn.countAll<string>().as('c'))
    .where('author_id', '=', userId)
    .where('created_at', '>', since)
    .executeTakeFirstOrThrow();
  return Number(row.c);
}

export async function insertMentions(db: Executor, postId: string, userIds: string[]): Promise<void> {
  if (userIds.length === 0) return;
  await db
    .insertInto('hub_mentions')
    .values(userIds.map((user_id) => ({ post_id: postId, user_id })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export function findMentions(db: Executor, postId: string) {
  return db
    .selectFrom('hub_mentions as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.name', 'u.email', 'u.locale', 'u.role'])
    .where('m.post_id', '=', postId)
    .where('u.status', '=', 'active')
    .execute();
}

export function findFollows(db: Executor, userId: string) {
  return db
    .selectFrom('hub_follows as f')
    .leftJoin('hub_threads as t', 't.id', 'f.thread_id')
    .select(['f.id', 'f.space_id', 'f.thread_id', 't.title as thread_title'])
    .where('f.user_id', '=', userId)
    .orderBy('f.created_at')
    .execute();
}

export async function insertFollow(db: Executor, userId: string, target: { spaceId?: string; threadId?: string }) {
  await db
    .insertInto('hub_follows')
    .values({ user_id: userId, space_id: target.spaceId ?? null, thread_id: target.threadId ?? null })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function deleteFollow(db: Executor, userId: string, target: { spaceId?: string; threadId?: string }) {
  let query = db.deleteFrom('hub_follows').where('user_id', '=', userId);
  query = target.spaceId
    ? query.where('space_id', '=', target.spaceId)
    : query.where('thread_id', '=', target.threadId ?? '');
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function isFollowingThread(db: Executor, userId: string, threadId: string): Promise<boolean> {
  const row = await db
    .selectFrom('hub_follows')
    .select('id')
    .where('user_id', '=', userId)
    .where('thread_id', '=', threadId)
    .executeTakeFirst();
  return Boolean(row);
}

export function findSpaceKind(db: Executor, spaceId: string) {
  return db.selectFrom('hub_spaces').select(['kind', 'network_id']).where('id', '=', spaceId).executeTakeFirstOrThrow();
}

export function findAccount(db: Executor, userId: string) {
  return db.selectFrom('users').select(['id', 'name', 'email', 'role']).where('id', '=', userId).executeTakeFirst();
}

/** A hidden post is no longer any question's answer. */
export async function clearAcceptedAnswer(db: Executor, postId: string): Promise<void> {
  await db.updateTable('hub_threads').set({ accepted_post_id: null }).where('accepted_post_id', '=', postId).execute();
}

/** What the search needs of a thread: its space's theme, its opening post, its visible replies. */
export async function findThreadForIndex(db: Executor, threadId: string) {
  const thread = await db
    .selectFrom('hub_threads as t')
    .innerJoin('hub_spaces as s', 's.id', 't.space_id')
    .innerJoin('hub_posts as op', (join) => join.onRef('op.thread_id', '=', 't.id').on('op.opening', '=', true))
    .select(['t.id', 't.title', 't.locale', 't.kind', 's.theme', 'op.status', 'op.body'])
    .where('t.id', '=', threadId)
    .executeTakeFirst();
  if (!thread) return undefined;
  const replies = await db
    .selectFrom('hub_posts')
    .select('body')
    .where('thread_id', '=', threadId)
    .where('opening', '=', false)
    .where('status', '=', 'visible')
    .orderBy('created_at')
    .execute();
  return { ...thread, replies: replies.map((reply) => reply.body) };
}
