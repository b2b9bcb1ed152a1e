import { type Insertable, type Selectable, sql } from 'kysely';
import type { Locale } from '../../../shared/i18n/locales';
import type { FederationLinksTable } from '../../db/schema-federation';
import type { Executor } from '../../http/context';

// The hub side's only SQL: federation links, nonces, and what arrives through a link (practices
// with their origin, the member's profile, its statistics).

export type FederationLinkRow = Selectable<FederationLinksTable>;
export type FederationLinkListRow = FederationLinkRow & {
  member_name: string;
  country_code: string;
  token_prefix: string | null;
  practices: number;
};

export function insertLink(db: Executor, link: Insertable<FederationLinksTable>): Promise<FederationLinkRow> {
  return db.insertInto('federation_links').values(link).returningAll().executeTakeFirstOrThrow();
}

function listed(db: Executor) {
  return db
    .selectFrom('federation_links as l')
    .innerJoin('hub_members as m', 'm.id', 'l.member_id')
    .leftJoin('api_tokens as t', 't.id', 'l.api_token_id')
    .selectAll('l')
    .select([
      'm.name as member_name',
      'm.country_code',
      't.prefix as token_prefix',
      (eb) =>
        eb
          .selectFrom('hub_practices as p')
          .whereRef('p.federation_link_id', '=', 'l.id')
          .where('p.status', '=', 'published')
          .select((inner) => inner.fn.countAll<string>().as('n'))
          .as('practices'),
    ]);
}

function numbered<T extends { practices: unknown }>(row: T): T & { practices: number } {
  return { ...row, practices: Number(row.practices ?? 0) };
}

export async function findLinkById(db: Executor, id: string): Promise<FederationLinkListRow | undefined> {
  const row = await listed(db).where('l.id', '=', id).executeTakeFirst();
  return row ? numbered(row) : undefined;
}

export async function findLinks(
  db: Executor,
  page: number,
  pageSize: number,
): Promise<{ rows: FederationLinkListRow[]; total: number }> {
  const [rows, count] = await Promise.all([
    listed(db)
      .orderBy('l.created_at', 'desc')
      .orderBy('l.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    db
      .selectFrom('federation_links')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map(numbered), total: Number(count.n) };
}

/** The active link an API token was issued for. */
export function findActiveLinkByToken(db: Executor, tokenId: string): Promise<FederationLinkRow | undefined> {
  return db
    .selectFrom('federation_links')
    .selectAll()
    .where('api_token_id', '=', tokenId)
    .where('status', '=', 'active')
    .executeTakeFirst();
}

export function findLinkByKeyId(db: Executor, keyId: string): Promise<FederationLinkRow | undefined> {
  return db.selectFrom('federation_links').selectAll().where('key_id', '=', keyId).executeTakeFirst();
}

export function revokeLinkRow(db: Executor, id: string, userId: string): Promise<FederationLinkRow | undefined> {
  return db
    .updateTable('federation_links')
    .set({ status: 'revoked', revoked_at: new Date(), revoked_by: userId })
    .where('id', '=', id)
    .where('status', '=', 'active')
    .returningAll()
    .executeTakeFirst();
}

export async function touchLink(db: Executor, id: string): Promise<void> {
  await db.updateTable('federation_links').set({ last_received_at: new Date() }).where('id', '=', id).execute();
}

/** Remembers a signature's nonce until it expires; false when it was seen before (a replay). */
export async function claimNonce(db: Executor, linkId: string, nonce: string, expiresAt: Date): Promise<boolean> {
  await db.deleteFrom('federation_nonces').where('expires_at', '<', new Date()).execute();
  const row = await db
    .insertInto('federation_nonces')
    .values({ link_id: linkId, nonce, expires_at: expiresAt })
    .onConflict((conflict) => conflict.columns(['link_id', 'nonce']).doNothing())
    .returning('nonce')
    .executeTakeFirst();
  return row !== undefined;
}

/** A member's facets for the search table, its networks included. */
export async function findMemberFacets(db: Executor, memberId: string) {
  const member = await db
    .selectFrom('hub_members')
    .select(['id', 'name', 'country_code', 'system_of_government'])
    .where('id', '=', memberId)
    .executeTakeFirst();
  if (!member) return undefined;
  const networks = await db
    .selectFrom('hub_network_members')
    .select('network_id')
    .where('member_id', '=', memberId)
    .execute();
  return { ...member, networkIds: networks.map((row) => row.network_id) };
}

export function memberExists(db: Executor, memberId: string) {
  return db.selectFrom('hub_members').select(['id', 'name']).where('id', '=', memberId).executeTakeFirst();
}

// ---- Practices ----

export function findOriginPractice(db: Executor, linkId: string, ref: string) {
  return db
    .selectFrom('hub_practices')
    .select(['id', 'origin_revision', 'status', 'published_at'])
    .where('federation_link_id', '=', linkId)
    .where('origin_ref', '=', ref)
    .forUpdate()
    .executeTakeFirst();
}

export interface PracticeWrite {
  member_id: string;
  level: 'national' | 'regional' | 'local';
  themes: string[];
  contact: string | null;
  links: { url: string; label: string }[];
  source: string | null;
  federation_link_id: string;
  origin_ref: string;
  origin_revision: number;
  received_at: Date;
}

export async function insertOriginPractice(db: Executor, practice: PracticeWrite): Promise<string> {
  const row = await db
    .insertInto('hub_practices')
    .values({
      ...practice,
      themes: practice.themes as never,
      links: JSON.stringify(practice.links) as never,
      status: 'published',
      published_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateOriginPractice(
  db: Executor,
  id: string,
  practice: PracticeWrite,
  firstPublished: Date | null,
) {
  await db
    .updateTable('hub_practices')
    .set({
      level: practice.level,
      themes: practice.themes as never,
      contact: practice.contact,
      links: JSON.stringify(practice.links) as never,
      source: practice.source,
      origin_revision: practice.origin_revision,
      received_at: practice.received_at,
      status: 'published',
      published_at: firstPublished ?? new Date(),
      version: sql<number>`version + 1`,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}

export async function replacePracticeTexts(
  db: Executor,
  practiceId: string,
  texts: { locale: Locale; title: string; summary: string; body: string }[],
): Promise<void> {
  await db
    .deleteFrom('hub_practice_texts')
    .where('practice_id', '=', practiceId)
    .where(
      'locale',
      'not in',
      texts.map((text) => text.locale),
    )
    .execute();
  await db
    .insertInto('hub_practice_texts')
    .values(texts.map((text) => ({ practice_id: practiceId, ...text })))
    .onConflict((conflict) =>
      conflict.columns(['practice_id', 'locale']).doUpdateSet((update) => ({
        title: update.ref('excluded.title'),
        summary: update.ref('excluded.summary'),
        body: update.ref('excluded.body'),
        updated_at: new Date(),
      })),
    )
    .execute();
}

export async function withdrawPracticeRow(db: Executor, id: string, revision: number | null): Promise<void> {
  await db
    .updateTable('hub_practices')
    .set({
      status: 'withdrawn',
      ...(revision === null ? {} : { origin_revision: revision, received_at: new Date() }),
      version: sql<number>`version + 1`,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}

/** The practices a link published, to withdraw them all when it is revoked. */
export async function findLinkPractices(db: Executor, linkId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('hub_practices')
    .select('id')
    .where('federation_link_id', '=', linkId)
    .where('status', '=', 'published')
    .execute();
  return rows.map((row) => row.id);
}

// ---- Profile ----

export function findProfileOrigin(db: Executor, memberId: string) {
  return db
    .selectFrom('hub_profiles')
    .select(['member_id', 'federation_link_id', 'origin_revision', 'published'])
    .where('member_id', '=', memberId)
    .forUpdate()
    .executeTakeFirst();
}

export interface ProfileWrite {
  member_id: string;
  mandate: Record<string, string>;
  legal_basis: Record<string, string>;
  composition: Record<string, string>;
  secretariat: Record<string, string>;
  focal_points: Record<string, string>;
  established: number | null;
  website: string | null;
  source: string | null;
  published: boolean;
  federation_link_id: string;
  origin_revision: number;
  received_at: Date;
}

export async function upsertProfile(db: Executor, profile: ProfileWrite): Promise<void> {
  const json = {
    mandate: JSON.stringify(profile.mandate) as never,
    legal_basis: JSON.stringify(profile.legal_basis) as never,
    composition: JSON.stringify(profile.composition) as never,
    secretariat: JSON.stringify(profile.secretariat) as never,
    focal_points: JSON.stringify(profile.focal_points) as never,
  };
  const values = { ...profile, ...json };
  await db
    .insertInto('hub_profiles')
    .values(values)
    .onConflict((conflict) =>
      conflict.column('member_id').doUpdateSet({
        ...json,
        established: profile.established,
        website: profile.website,
        source: profile.source,
        published: profile.published,
        federation_link_id: profile.federation_link_id,
        origin_revision: profile.origin_revision,
        received_at: profile.received_at,
        version: sql<number>`hub_profiles.version + 1`,
        updated_at: new Date(),
      }),
    )
    .execute();
}

export async function unpublishLinkProfile(db: Executor, linkId: string): Promise<string[]> {
  const rows = await db
    .updateTable('hub_profiles')
    .set({ published: false, version: sql<number>`version + 1`, updated_at: new Date() })
    .where('federation_link_id', '=', linkId)
    .where('published', '=', true)
    .returning('member_id')
    .execute();
  return rows.map((row) => row.member_id);
}

// ---- Statistics ----

export function findStatisticsRevision(db: Executor, linkId: string) {
  return db
    .selectFrom('federation_statistics')
    .select('revision')
    .where('link_id', '=', linkId)
    .forUpdate()
    .executeTakeFirst();
}

export async function upsertStatistics(
  db: Executor,
  row: { link_id: string; member_id: string; revision: number; payload: unknown },
): Promise<void> {
  const payload = JSON.stringify(row.payload);
  await db
    .insertInto('federation_statistics')
    .values({ ...row, payload })
    .onConflict((conflict) =>
      conflict.column('link_id').doUpdateSet({ revision: row.revision, payload, received_at: new Date() }),
    )
    .execute();
}

export async function deleteStatistics(db: Executor, linkId: string): Promise<void> {
  await db.deleteFrom('federation_statistics').where('link_id', '=', linkId).execute();
}

/** A member's latest aggregates from an active link, with the instance that sent them. */
export function findMemberStatistics(db: Executor, memberId: string) {
  return db
    .selectFrom('federation_statistics as s')
    .innerJoin('federation_links as l', 'l.id', 's.link_id')
    .innerJoin('hub_members as m', 'm.id', 's.member_id')
    .select(['s.member_id', 's.revision', 's.payload', 's.received_at', 'l.instance_name', 'm.name as member_name'])
    .where('s.member_id', '=', memberId)
    .where('l.status', '=', 'active')
    .orderBy('s.received_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Where a federated practice came from, for its page ("From <instance>, synced <time>"). */
export function findPracticeOrigin(db: Executor, practiceId: string) {
  return db
    .selectFrom('hub_practices as p')
    .innerJoin('federation_links as l', 'l.id', 'p.federation_link_id')
    .select(['l.instance_name', 'p.received_at', 'p.origin_revision'])
    .where('p.id', '=', practiceId)
    .executeTakeFirst();
}

export function findProfileOriginOf(db: Executor, memberId: string) {
  return db
    .selectFrom('hub_profiles as p')
    .innerJoin('federation_links as l', 'l.id', 'p.federation_link_id')
    .select(['l.instance_name', 'p.received_at', 'p.origin_revision'])
    .where('p.member_id', '=', memberId)
    .executeTakeFirst();
}

/** Members to link, by name or country code, at most 50 (the link form's choice). */
export function findMembersToLink(db: Executor, q: string) {
  let query = db
    .selectFrom('hub_members')
    .select(['id', 'name', 'country_code'])
    .where('status', '=', 'active')
    .orderBy('country_code')
    .orderBy('name')
    .limit(50);
  const term = q.trim();
  if (term) {
    const like = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('name', 'ilike', like), eb('country_code', '=', term.toUpperCase())]));
  }
  return query.execute();
}

/** A federated profile withdrawn by its instance: no longer published, at the revision that withdrew it. */
export async function unpublishOriginProfile(db: Executor, memberId: string, revision: number): Promise<void> {
  await db
    .updateTable('hub_profiles')
    .set({ published: false, origin_revision: revision, received_at: new Date(), updated_at: new Date() })
    .where('member_id', '=', memberId)
    .execute();
}
