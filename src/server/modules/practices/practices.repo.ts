import { type Insertable, sql, type Updateable } from 'kysely';
import type { Locale } from '../../../shared/i18n/locales';
import type { PracticeStatus } from '../../../shared/schemas/hub';
import type { PracticeVersionOutcome } from '../../../shared/schemas/hub-practices';
import type { HubPracticeAttachmentsTable, HubPracticesTable, PracticeSnapshot } from '../../db/schema';
import type { Executor } from '../../http/context';

// The practices library's SQL (decision 036): the working copy (hub_practices, hub_practice_texts),
// the versions submitted (hub_practice_versions) and the files (hub_practice_attachments). The
// public search reads hub_documents (practices.search.repo.ts).

export interface PracticeText {
  title: string;
  summary: string;
  body: string;
}

/** Who acts for which member: the room's one query (lib/hub-members.ts). */
export { actsForMember, membersActedFor as findMembersOf } from '../../lib/hub-members';

export function findMember(db: Executor, id: string) {
  return db
    .selectFrom('hub_members')
    .select(['id', 'name', 'country_code', 'system_of_government'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The networks a member belongs to (a facet of its practices). */
export async function findNetworkIdsOf(db: Executor, memberId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('hub_network_members')
    .select('network_id')
    .where('member_id', '=', memberId)
    .orderBy('network_id')
    .execute();
  return rows.map((row) => row.network_id);
}

export function insertPractice(db: Executor, row: Insertable<HubPracticesTable>) {
  return db.insertInto('hub_practices').values(row).returning(['id', 'version']).executeTakeFirstOrThrow();
}

/** The working copy with its member; locked when it changes in this transaction. */
export function findPractice(db: Executor, id: string, lock = false) {
  const query = db
    .selectFrom('hub_practices as p')
    .innerJoin('hub_members as m', 'm.id', 'p.member_id')
    .selectAll('p')
    .select(['m.name as member_name', 'm.country_code', 'm.system_of_government'])
    .where('p.id', '=', id);
  return (lock ? query.forUpdate('p') : query).executeTakeFirst();
}
export type PracticeRow = NonNullable<Awaited<ReturnType<typeof findPractice>>>;

export async function updatePractice(db: Executor, id: string, patch: Updateable<HubPracticesTable>) {
  return db
    .updateTable('hub_practices')
    .set({ ...patch, version: sql`version + 1`, updated_at: new Date() })
    .where('id', '=', id)
    .returning(['version'])
    .executeTakeFirstOrThrow();
}

export async function findTexts(db: Executor, practiceId: string) {
  const rows = await db
    .selectFrom('hub_practice_texts')
    .select(['locale', 'title', 'summary', 'body'])
    .where('practice_id', '=', practiceId)
    .execute();
  return Object.fromEntries(rows.map(({ locale, ...text }) => [locale, text])) as Partial<Record<Locale, PracticeText>>;
}

/** Writes the working copy's texts: the languages given are written, the others removed. */
export async function replaceTexts(db: Executor, practiceId: string, texts: Partial<Record<Locale, PracticeText>>) {
  const locales = Object.keys(texts) as Locale[];
  await db
    .deleteFrom('hub_practice_texts')
    .where('practice_id', '=', practiceId)
    .$if(locales.length > 0, (query) => query.where('locale', 'not in', locales))
    .execute();
  for (const locale of locales) await upsertText(db, practiceId, locale, texts[locale] as PracticeText);
}

export async function upsertText(db: Executor, practiceId: string, locale: Locale, text: PracticeText) {
  await db
    .insertInto('hub_practice_texts')
    .values({ practice_id: practiceId, locale, ...text })
    .onConflict((conflict) =>
      conflict
        .columns(['practice_id', 'locale'])
        .doUpdateSet({ title: text.title, summary: text.summary, body: text.body, updated_at: new Date() }),
    )
    .execute();
}

export async function nextVersionNumber(db: Executor, practiceId: string): Promise<number> {
  const row = await db
    .selectFrom('hub_practice_versions')
    .select((eb) => eb.fn.max('version').as('last'))
    .where('practice_id', '=', practiceId)
    .executeTakeFirst();
  return Number(row?.last ?? 0) + 1;
}

export async function insertVersion(
  db: Executor,
  row: { practiceId: string; version: number; content: PracticeSnapshot; submittedBy: string | null },
) {
  await db
    .insertInto('hub_practice_versions')
    .values({
      practice_id: row.practiceId,
      version: row.version,
      content: JSON.stringify(row.content),
      submitted_by: row.submittedBy,
    })
    .execute();
}

/** The version waiting for a moderator (one at most: a practice is submitted once at a time). */
export function findPendingVersion(db: Executor, practiceId: string) {
  return db
    .selectFrom('hub_practice_versions')
    .selectAll()
    .where('practice_id', '=', practiceId)
    .where('outcome', '=', 'pending')
    .executeTakeFirst();
}

export function findVersion(db: Executor, practiceId: string, version: number) {
  return db
    .selectFrom('hub_practice_versions')
    .selectAll()
    .where('practice_id', '=', practiceId)
    .where('version', '=', version)
    .executeTakeFirst();
}

export async function decideVersion(
  db: Executor,
  practiceId: string,
  version: number,
  decision: { outcome: PracticeVersionOutcome; decidedBy: string | null; note?: string | null },
) {
  await db
    .updateTable('hub_practice_versions')
    .set({
      outcome: decision.outcome,
      decided_by: decision.decidedBy,
      decided_at: new Date(),
      note: decision.note ?? null,
    })
    .where('practice_id', '=', practiceId)
    .where('version', '=', version)
    .execute();
}

/** The version that was public until another replaced it (or the practice was withdrawn). */
export async function retirePublished(db: Executor, practiceId: string, outcome: 'superseded' | 'withdrawn') {
  await db
    .updateTable('hub_practice_versions')
    .set({ outcome })
    .where('practice_id', '=', practiceId)
    .where('outcome', '=', 'published')
    .execute();
}

/** Every version submitted, newest first, with who submitted and decided. */
export function findVersions(db: Executor, practiceId: string) {
  return db
    .selectFrom('hub_practice_versions as v')
    .leftJoin('users as s', 's.id', 'v.submitted_by')
    .leftJoin('users as d', 'd.id', 'v.decided_by')
    .select([
      'v.version',
      'v.outcome',
      'v.content',
      'v.submitted_at',
      'v.decided_at',
      'v.note',
      's.name as submitted_by',
      'd.name as decided_by',
    ])
    .where('v.practice_id', '=', practiceId)
    .orderBy('v.version', 'desc')
    .execute();
}

/** The authors to tell of a decision: whoever submitted the version. */
export function findUser(db: Executor, id: string) {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'locale', 'status'])
    .where('id', '=', id)
    .executeTakeFirst();
}

// Lists

function titleIn(locale: Locale) {
  // The reader's language, else the practice's original language, else any.
  return sql<string>`coalesce(
    (select t.title from hub_practice_texts t where t.practice_id = p.id and t.locale = ${locale}),
    (select t.title from hub_practice_texts t where t.practice_id = p.id and t.locale = p.original_locale),
    (select t.title from hub_practice_texts t where t.practice_id = p.id order by t.locale limit 1), '')`;
}
function titleLocaleIn(locale: Locale) {
  return sql<Locale>`case
    when exists (select 1 from hub_practice_texts t where t.practice_id = p.id and t.locale = ${locale}) then ${locale}
    else p.original_locale end`;
}

function practiceList(db: Executor, locale: Locale) {
  return db
    .selectFrom('hub_practices as p')
    .innerJoin('hub_members as m', 'm.id', 'p.member_id')
    .select([
      'p.id',
      'p.status',
      'p.published_version',
      'p.version',
      'p.updated_at',
      'm.name as member_name',
      'm.country_code',
      titleIn(locale).as('title'),
      titleLocaleIn(locale).as('title_locale'),
    ]);
}

/** The practices of the members an account acts for, newest change first. */
export async function findPracticesOfUser(
  db: Executor,
  userId: string,
  locale: Locale,
  query: { page: number; pageSize: number; status?: PracticeStatus | undefined },
) {
  const mine = db.selectFrom('hub_member_people').select('member_id').where('user_id', '=', userId);
  let base = db.selectFrom('hub_practices as p').where('p.member_id', 'in', mine);
  if (query.status) base = base.where('p.status', '=', query.status);
  const [rows, total] = await Promise.all([
    practiceList(db, locale)
      .where('p.member_id', 'in', mine)
      .$if(query.status !== undefined, (q) => q.where('p.status', '=', query.status as PracticeStatus))
      .orderBy('p.updated_at', 'desc')
      .orderBy('p.id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** The moderation queue: submitted practices, oldest first (first come, first read). */
export async function findQueue(db: Executor, locale: Locale, query: { page: number; pageSize: number }) {
  const [rows, total] = await Promise.all([
    practiceList(db, locale)
      .where('p.status', '=', 'submitted')
      .orderBy('p.updated_at', 'asc')
      .orderBy('p.id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    db
      .selectFrom('hub_practices')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('status', '=', 'submitted')
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

// Files

export function findAttachments(db: Executor, practiceId: string) {
  return db
    .selectFrom('hub_practice_attachments')
    .select(['id', 'filename', 'content_type', 'size_bytes', 'created_at'])
    .where('practice_id', '=', practiceId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export function findAttachment(db: Executor, practiceId: string, id: string) {
  return db
    .selectFrom('hub_practice_attachments')
    .selectAll()
    .where('practice_id', '=', practiceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function insertAttachment(db: Executor, row: Insertable<HubPracticeAttachmentsTable>) {
  return db
    .insertInto('hub_practice_attachments')
    .values(row)
    .returning(['id', 'filename', 'content_type', 'size_bytes', 'created_at'])
    .executeTakeFirstOrThrow();
}

export async function deleteAttachmentRow(db: Executor, id: string) {
  await db.deleteFrom('hub_practice_attachments').where('id', '=', id).execute();
}

/** Whether a published version still names the file (its bytes must stay while it does). */
export async function attachmentIsPublished(db: Executor, practiceId: string, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('hub_practice_versions')
    .select('version')
    .where('practice_id', '=', practiceId)
    .where('outcome', 'in', ['published', 'pending'])
    .where(sql<boolean>`content->'attachmentIds' ? ${id}`)
    .executeTakeFirst();
  return row !== undefined;
}

// The public side

/** A published practice as the public reads it: its published version and its member. */
export function findPublished(db: Executor, id: string) {
  return db
    .selectFrom('hub_practices as p')
    .innerJoin('hub_members as m', 'm.id', 'p.member_id')
    .innerJoin('hub_practice_versions as v', (join) =>
      join.onRef('v.practice_id', '=', 'p.id').onRef('v.version', '=', 'p.published_version'),
    )
    .select([
      'p.id',
      'p.published_at',
      'p.member_id',
      'm.name as member_name',
      'm.name_i18n as member_name_i18n',
      'm.country_code',
      'm.system_of_government',
      'v.content',
      'v.version',
      'v.decided_at',
    ])
    .where('p.id', '=', id)
    .where('p.published_version', 'is not', null)
    .executeTakeFirst();
}
