import { randomBytes } from 'node:crypto';
import type { Insertable, Selectable } from 'kysely';
import type { Database } from '../src/server/db/database';
import type {
  ActionsTable,
  AssignmentsTable,
  EntitiesTable,
  HubMembersTable,
  RecommendationsTable,
  ReviewsTable,
  UserRow,
} from '../src/server/db/schema';
import { hashPassword } from '../src/server/lib/secrets';
import { type EntityRow, insertEntities } from '../src/server/modules/entities/entities.repo';
import { insertUser } from '../src/server/modules/users/users.repo';
import type { Locale } from '../src/shared/i18n/locales';
import type { Seat } from '../src/shared/schemas/entities';
import type { Role } from '../src/shared/schemas/identity';

export const testPassword = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;

/** Inserts an active user with `testPassword`, unique e-mail per call. */
export async function makeUser(
  db: Database,
  overrides: Partial<{
    role: Role;
    email: string;
    name: string;
    locale: Locale;
    status: 'active' | 'invited' | 'disabled';
  }> = {},
): Promise<UserRow> {
  passwordHash ??= hashPassword(testPassword);
  const role = overrides.role ?? 'viewer';
  const suffix = randomBytes(4).toString('hex');
  return insertUser(db, {
    email: overrides.email ?? `${role}.${suffix}@test.implementa.example`,
    name: overrides.name ?? `Test ${role} ${suffix}`,
    role,
    organisation: 'Test organisation',
    locale: overrides.locale ?? 'en',
    status: overrides.status ?? 'active',
    password_hash: overrides.status === 'invited' ? null : await passwordHash,
  });
}

/** Inserts an entity (a ministry unless told; an LRG is level 1 unless told), unique name per call. */
export async function makeEntity(db: Database, overrides: Partial<Insertable<EntitiesTable>> = {}): Promise<EntityRow> {
  const kind = overrides.kind ?? 'ministry';
  const [row] = await insertEntities(db, [
    {
      name: `Test ${kind} ${randomBytes(4).toString('hex')}`,
      lrg_level: kind === 'lrg' ? 1 : null,
      ...overrides,
      kind,
    },
  ]);
  if (!row) throw new Error('no entity');
  return row;
}

/** The State's profile with these LRG levels (English names, level 1 first), if it has none yet. */
export async function makeStateProfile(db: Database, levels: string[] = ['Municipality']): Promise<void> {
  await db
    .insertInto('state_profile')
    .values({
      id: 1,
      country_iso2: 'SI',
      country_name: JSON.stringify({ en: 'Slovenia' }),
      nmirf_name: JSON.stringify({ en: 'Test NMIRF' }),
      nmirf_mandate: JSON.stringify({}),
      system_of_government: levels.length > 1 ? 'federal' : 'unitary',
      lrg_level_names: JSON.stringify(levels.map((name, index) => ({ level: index + 1, name: { en: name } }))),
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

/** Seats a person in an entity. */
export async function seatPerson(db: Database, entityId: string, userId: string, seat: Seat): Promise<void> {
  await db.insertInto('entity_people').values({ entity_id: entityId, user_id: userId, role: seat }).execute();
}

/**
 * Inserts an action of that responsible entity (planned, no dates, no budget unless told), with
 * its supporting entities, recommendations and clusters; no reminders are scheduled.
 */
export async function makeAction(
  db: Database,
  responsibleEntityId: string,
  overrides: Partial<Insertable<ActionsTable>> & {
    supportingEntityIds?: string[];
    recommendationIds?: string[];
    clusterIds?: string[];
  } = {},
): Promise<{ id: string; version: number }> {
  const { supportingEntityIds = [], recommendationIds = [], clusterIds = [], ...columns } = overrides;
  const row = await db
    .insertInto('actions')
    .values({
      title: `Test action ${randomBytes(4).toString('hex')}`,
      responsible_entity_id: responsibleEntityId,
      ...columns,
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
  for (const [table, column, ids] of [
    ['action_entities', 'entity_id', supportingEntityIds],
    ['action_recommendations', 'recommendation_id', recommendationIds],
    ['action_clusters', 'cluster_id', clusterIds],
  ] as const) {
    if (ids.length > 0)
      await db
        .insertInto(table)
        .values(ids.map((id) => ({ action_id: row.id, [column]: id }) as never))
        .execute();
  }
  return row;
}

/** Inserts a review of a body (UPR unless told), dated unless told; symbol unique per call. */
export async function makeReview(db: Database, overrides: Partial<Insertable<ReviewsTable>> = {}) {
  return db
    .insertInto('reviews')
    .values({
      body_code: 'UPR',
      country_iso2: 'SI',
      symbol: `TEST/${randomBytes(4).toString('hex')}`,
      review_date: '2024-11-05',
      ...overrides,
    })
    .returning(['id', 'body_code', 'symbol', 'cycle'])
    .executeTakeFirstOrThrow();
}

/**
 * Inserts recommendations of a review as the importer leaves them, one per row of columns (none
 * told: one): numbered 1, 2… and sorted by their number, the review's body and cycle, an English
 * text, no sub-items or sources, unique content keys. Returns their ids and numbers, in order.
 */
export async function makeRecommendations(
  db: Database,
  review: { id: string; body_code: string; cycle?: number | null },
  rows: Partial<Insertable<RecommendationsTable>>[] = [{}],
): Promise<{ id: string; number: string | null }[]> {
  if (rows.length === 0) return [];
  return db
    .insertInto('recommendations')
    .values(
      rows.map((columns, index) => {
        const number = columns.number === undefined ? String(index + 1) : columns.number;
        return {
          review_id: review.id,
          body_code: review.body_code,
          cycle: review.cycle ?? null,
          number,
          ...(number && /^\d+(\.\d+)*$/.test(number) ? { number_sort: number.split('.').map(Number) } : {}),
          original_lang: 'en',
          text_en: `Recommendation ${number ?? index + 1} on adequate housing`,
          content_key: `${review.id}-${index}-${randomBytes(4).toString('hex')}`,
          sub_items: '[]',
          sources: '[]',
          ...columns,
        };
      }),
    )
    .returning(['id', 'number'])
    .execute();
}

/** Inserts a cluster (its name unique per call unless told) with these recommendations as members. */
export async function makeCluster(
  db: Database,
  recommendationIds: string[] = [],
  name = `Test cluster ${randomBytes(4).toString('hex')}`,
): Promise<{ id: string }> {
  const cluster = await db.insertInto('clusters').values({ name }).returning('id').executeTakeFirstOrThrow();
  if (recommendationIds.length > 0)
    await db
      .insertInto('cluster_members')
      .values(recommendationIds.map((id) => ({ cluster_id: cluster.id, recommendation_id: id })))
      .execute();
  return cluster;
}

/** Assigns an entity to a recommendation: lead, without due date or delegation unless told. */
export async function makeAssignment(
  db: Database,
  recommendationId: string,
  entityId: string,
  overrides: Partial<Insertable<AssignmentsTable>> = {},
): Promise<{ id: string }> {
  return db
    .insertInto('assignments')
    .values({ recommendation_id: recommendationId, entity_id: entityId, role: 'lead', ...overrides })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** Inserts a hub member (an NMIRF of one country; decision 034), unique name per call. */
export async function makeHubMember(
  db: Database,
  overrides: Partial<Insertable<HubMembersTable>> = {},
): Promise<Selectable<HubMembersTable>> {
  const suffix = randomBytes(4).toString('hex');
  return db
    .insertInto('hub_members')
    .values({
      country_code: 'SI',
      name: `Test mechanism ${suffix}`,
      system_of_government: 'unitary',
      ...overrides,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Makes a hub account act for a member (its staff). */
export async function actForHubMember(db: Database, memberId: string, userId: string): Promise<void> {
  await db.insertInto('hub_member_people').values({ member_id: memberId, user_id: userId }).execute();
}
