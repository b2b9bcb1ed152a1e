import { sql } from 'kysely';
import type { Locale } from '../../../shared/i18n/locales';
import type { Answer } from '../../../shared/schemas/hub-assessment';
import type { Executor } from '../../http/context';

// The only SQL of the self-assessment (decision 039). Peers' figures leave the database only as
// aggregates of at least `minimumPeers` members' latest submitted rounds (the `having` below): no
// query here returns another member's individual answers.

export const minimumPeers = 3;

export interface MemberRow {
  id: string;
  name: string;
  country_code: string;
  system_of_government: string | null;
}

/** Who acts for which member: the room's one query (lib/hub-members.ts). */
export { actsForMember as actsFor, membersActedFor } from '../../lib/hub-members';

export async function findMember(db: Executor, memberId: string): Promise<MemberRow | undefined> {
  return db
    .selectFrom('hub_members')
    .select(['id', 'name', 'country_code', 'system_of_government'])
    .where('id', '=', memberId)
    .executeTakeFirst();
}

const roundColumns = [
  'a.id',
  'a.member_id',
  'a.round',
  'a.questionnaire_version',
  'a.status',
  'a.shared_with_hub',
  'a.demo',
  'a.submitted_at',
  'a.updated_at',
  'a.version',
] as const;

export async function roundsOf(db: Executor, memberId: string) {
  return db
    .selectFrom('hub_assessments as a')
    .leftJoin('hub_assessment_answers as x', (join) =>
      join.onRef('x.assessment_id', '=', 'a.id').on('x.level', 'is not', null),
    )
    .select(roundColumns)
    .select((eb) => [eb.fn.count<number>('x.level').as('answered'), eb.fn.avg<number | null>('x.level').as('mean')])
    .where('a.member_id', '=', memberId)
    .groupBy(['a.id'])
    .orderBy('a.round', 'desc')
    .execute();
}

export type RoundRow = Awaited<ReturnType<typeof roundsOf>>[number];

export async function findRound(db: Executor, id: string): Promise<RoundRow | undefined> {
  return db
    .selectFrom('hub_assessments as a')
    .leftJoin('hub_assessment_answers as x', (join) =>
      join.onRef('x.assessment_id', '=', 'a.id').on('x.level', 'is not', null),
    )
    .select(roundColumns)
    .select((eb) => [eb.fn.count<number>('x.level').as('answered'), eb.fn.avg<number | null>('x.level').as('mean')])
    .where('a.id', '=', id)
    .groupBy(['a.id'])
    .executeTakeFirst();
}

export async function answersOf(db: Executor, assessmentId: string): Promise<Answer[]> {
  const rows = await db
    .selectFrom('hub_assessment_answers')
    .select(['question_id', 'level', 'comment', 'evidence_url'])
    .where('assessment_id', '=', assessmentId)
    .orderBy('question_id')
    .execute();
  return rows.map((row) => ({
    questionId: row.question_id,
    level: row.level,
    comment: row.comment,
    evidenceUrl: row.evidence_url,
  }));
}

/** A new draft round, its answers copied from the member's last submitted round (a starting point). */
export async function insertRound(
  db: Executor,
  values: {
    memberId: string;
    userId: string | null;
    questionnaireVersion: number;
    questionIds: string[];
    demo?: boolean;
  },
) {
  const last = await db
    .selectFrom('hub_assessments')
    .select(['id', 'round', 'status'])
    .where('member_id', '=', values.memberId)
    .orderBy('round', 'desc')
    .executeTakeFirst();
  const created = await db
    .insertInto('hub_assessments')
    .values({
      member_id: values.memberId,
      round: (last?.round ?? 0) + 1,
      questionnaire_version: values.questionnaireVersion,
      created_by: values.userId,
      demo: values.demo ?? false,
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
  if (last && last.status === 'submitted' && values.questionIds.length > 0)
    await sql`insert into hub_assessment_answers (assessment_id, question_id, level, comment, evidence_url)
      select ${created.id}, question_id, level, comment, evidence_url from hub_assessment_answers
      where assessment_id = ${last.id} and question_id in (${sql.join(values.questionIds)})`.execute(db);
  return created.id;
}

export async function upsertAnswers(db: Executor, assessmentId: string, answers: readonly Answer[]): Promise<void> {
  if (answers.length === 0) return;
  await db
    .insertInto('hub_assessment_answers')
    .values(
      answers.map((answer) => ({
        assessment_id: assessmentId,
        question_id: answer.questionId,
        level: answer.level,
        comment: answer.comment || null,
        evidence_url: answer.evidenceUrl,
      })),
    )
    .onConflict((conflict) =>
      conflict.columns(['assessment_id', 'question_id']).doUpdateSet((update) => ({
        level: update.ref('excluded.level'),
        comment: update.ref('excluded.comment'),
        evidence_url: update.ref('excluded.evidence_url'),
        updated_at: sql`now()`,
      })),
    )
    .execute();
}

export interface PeerNetwork {
  id: string;
  kind: 'regional' | 'language';
  name: string;
  name_i18n: Partial<Record<Locale, string>>;
}

/** The member's regional and language networks: the groups it is compared with. */
export async function peerNetworksOf(db: Executor, memberId: string): Promise<PeerNetwork[]> {
  const rows = await db
    .selectFrom('hub_networks as n')
    .innerJoin('hub_network_members as nm', 'nm.network_id', 'n.id')
    .select(['n.id', 'n.kind', 'n.name', 'n.name_i18n'])
    .where('nm.member_id', '=', memberId)
    .where('n.kind', 'in', ['regional', 'language'])
    .orderBy('n.kind', 'desc')
    .orderBy('n.name')
    .execute();
  return rows.map((row) => ({
    ...row,
    kind: row.kind as PeerNetwork['kind'],
    name_i18n: row.name_i18n as PeerNetwork['name_i18n'],
  }));
}

export interface PeerAggregate {
  members: number;
  byQuestion: { question_id: string; count: number; q1: number; median: number; q3: number }[];
}

/**
 * Quartiles of the other members' latest submitted rounds, per question, in a network or the
 * whole hub. Figures only for questions answered by at least `minimumPeers` members, and none at
 * all when the group has fewer submitted members than that.
 */
export async function peerAggregate(db: Executor, memberId: string, networkId: string | null): Promise<PeerAggregate> {
  const inGroup = networkId
    ? sql`and a.member_id in (select member_id from hub_network_members where network_id = ${networkId})`
    : sql``;
  const latest = sql`latest as (
    select distinct on (a.member_id) a.id, a.member_id from hub_assessments a
    join hub_members m on m.id = a.member_id and m.status = 'active'
    where a.status = 'submitted' and a.member_id <> ${memberId} ${inGroup}
    order by a.member_id, a.round desc)`;
  const [members, stats] = await Promise.all([
    sql<{ members: number }>`with ${latest} select count(*)::int as members from latest`.execute(db),
    sql<PeerAggregate['byQuestion'][number]>`with ${latest}
      select x.question_id, count(*)::int as count,
        percentile_cont(0.25) within group (order by x.level) as q1,
        percentile_cont(0.5) within group (order by x.level) as median,
        percentile_cont(0.75) within group (order by x.level) as q3
      from latest l join hub_assessment_answers x on x.assessment_id = l.id
      where x.level is not null
      group by x.question_id
      having count(*) >= ${minimumPeers} and (select count(*) from latest) >= ${minimumPeers}`.execute(db),
  ]);
  return {
    members: members.rows[0]?.members ?? 0,
    byQuestion: stats.rows.map((row) => ({
      ...row,
      q1: Number(row.q1),
      median: Number(row.median),
      q3: Number(row.q3),
    })),
  };
}

export interface PracticeRow {
  ref_id: string;
  locale: Locale;
  title: string;
  summary: string;
  path: string;
  country_code: string | null;
  themes: string[];
  same_system: boolean;
}

/**
 * Published practices (public rows of hub_documents) on any of these themes, other members' only,
 * one row per practice in the reader's language when it has it: same system of government first,
 * then those on the weakest characteristic's themes (`themes` comes weakest first), then those
 * matching more of the themes, then the newest.
 */
export async function practicesOnThemes(
  db: Executor,
  options: { themes: string[]; memberId: string; system: string | null; prefer: Locale; limit: number },
): Promise<PracticeRow[]> {
  if (options.themes.length === 0) return [];
  const themes = sql`array[${sql.join(options.themes)}]::text[]`;
  const { rows } = await sql<PracticeRow>`
    select ref_id, locale, title, summary, path, country_code, themes, same_system from (
      select distinct on (d.ref_id) d.ref_id, d.locale, d.title, d.summary, d.path, d.country_code, d.themes,
        coalesce(d.system_of_government = ${options.system}, false) as same_system,
        cardinality(array(select unnest(d.themes) intersect select unnest(${themes}))) as overlap,
        (select min(array_position(${themes}, t)) from unnest(d.themes) as t) as priority,
        d.updated_at
      from hub_documents d
      where d.kind = 'practice' and d.visibility = 'public' and d.themes && ${themes}
        and (d.member_id is null or d.member_id <> ${options.memberId})
      order by d.ref_id, (d.locale = ${options.prefer}) desc, (d.locale = 'en') desc, d.locale
    ) p
    order by same_system desc, priority, overlap desc, updated_at desc, ref_id
    limit ${options.limit}`.execute(db);
  return rows;
}

export async function sharedRounds(db: Executor) {
  return db
    .selectFrom('hub_assessments as a')
    .innerJoin('hub_members as m', 'm.id', 'a.member_id')
    .select(['a.id', 'a.round', 'a.submitted_at', 'm.id as member_id', 'm.name', 'm.country_code'])
    .where('a.shared_with_hub', '=', true)
    .where('a.status', '=', 'submitted')
    .orderBy('a.submitted_at', 'desc')
    .limit(200)
    .execute();
}

/** Whether the member has a round in draft (one at a time). */
export async function hasDraft(db: Executor, memberId: string): Promise<boolean> {
  const draft = await db
    .selectFrom('hub_assessments')
    .select('id')
    .where('member_id', '=', memberId)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return draft !== undefined;
}
