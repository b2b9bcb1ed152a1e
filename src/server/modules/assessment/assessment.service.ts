import { AppError } from '../../../shared/errors';
import {
  type Characteristic,
  currentQuestionnaireVersion,
  questionnaireOf,
  questionnaires,
} from '../../../shared/hub/questionnaire';
import type { Locale } from '../../../shared/i18n/locales';
import type { HubTheme } from '../../../shared/schemas/hub';
import type {
  AssessmentHome,
  PeerGroup,
  QuestionnaireView,
  Results,
  Round,
  RoundSummary,
  SaveAnswers,
} from '../../../shared/schemas/hub-assessment';
import type { SessionUser } from '../../../shared/schemas/identity';
import type { Database } from '../../db/database';
import type { Actor } from '../../http/context';
import { conflict, invalid, signedIn } from '../../lib/guards';
import { updateAtVersion } from '../../lib/versioned';
import { canAssessment } from './assessment.policy';
import {
  actsFor,
  answersOf,
  findMember,
  findRound,
  hasDraft,
  insertRound,
  type MemberRow,
  membersActedFor,
  minimumPeers,
  peerAggregate,
  peerNetworksOf,
  practicesOnThemes,
  type RoundRow,
  roundsOf,
  sharedRounds,
  upsertAnswers,
} from './assessment.repo';

// A member's self-assessment (issue 19 item 6, decision 039): rounds filled in by those acting for
// the member, compared with peers' aggregates, and answered with practices on the weakest points.

export function questionnaireView(version: number | undefined, locale: Locale): QuestionnaireView {
  const questionnaire = questionnaires[version ?? currentQuestionnaireVersion];
  if (!questionnaire) throw new AppError('NOT_FOUND');
  return {
    version: questionnaire.version,
    locale,
    levels: questionnaire.levels.map((level) => ({
      value: level.value,
      label: level.label[locale],
      description: level.description[locale],
    })),
    characteristics: questionnaire.characteristics.map((characteristic) => ({
      id: characteristic.id,
      themes: characteristic.themes,
      title: characteristic.title[locale],
      question: characteristic.question[locale],
      good: characteristic.good[locale],
      source: characteristic.source,
    })),
  };
}

const memberRef = (member: MemberRow) => ({ id: member.id, name: member.name, countryCode: member.country_code });

function summary(row: RoundRow): RoundSummary {
  return {
    id: row.id,
    round: row.round,
    status: row.status,
    questionnaireVersion: row.questionnaire_version,
    sharedWithHub: row.shared_with_hub,
    submittedAt: row.submitted_at ? row.submitted_at.toISOString() : null,
    updatedAt: row.updated_at.toISOString(),
    answered: Number(row.answered),
    questions: questionnaireOf(row.questionnaire_version).characteristics.length,
    mean: row.mean === null ? null : Math.round(Number(row.mean) * 100) / 100,
  };
}

/** The hub account that may take part: signed in, of the hub's side, sharing for members. */
function participant(actor: Actor): SessionUser {
  const user = signedIn(actor);
  if (!canAssessment(user, 'fill', { actsForMember: true, sharedWithHub: false })) throw new AppError('FORBIDDEN');
  return user;
}

export async function assessmentHome(db: Database, actor: Actor, memberId?: string): Promise<AssessmentHome> {
  const user = participant(actor);
  const members = await membersActedFor(db, user.id);
  const member = memberId ? members.find((each) => each.id === memberId) : members[0];
  if (memberId && !member) throw new AppError('NOT_FOUND');
  const rounds = member ? await roundsOf(db, member.id) : [];
  return {
    members: members.map(memberRef),
    member: member ? memberRef(member) : null,
    rounds: rounds.map(summary),
    demo: rounds.some((round) => round.demo),
  };
}

export async function startRound(db: Database, actor: Actor, memberId: string): Promise<Round> {
  const user = participant(actor);
  if (!(await actsFor(db, user.id, memberId))) throw new AppError('NOT_FOUND');
  const questionIds = questionnaireOf(currentQuestionnaireVersion).characteristics.map((each) => each.id);
  const id = await db.transaction().execute(async (trx) => {
    if (await hasDraft(trx, memberId)) conflict('hubAssessment.errors.draftExists');
    return insertRound(trx, {
      memberId,
      userId: user.id,
      questionnaireVersion: currentQuestionnaireVersion,
      questionIds,
    });
  });
  return getRound(db, actor, id);
}

/** The round and what the reader may do with it; refusals look like absence (404). */
async function readable(db: Database, actor: Actor, id: string) {
  const user = signedIn(actor);
  const row = await findRound(db, id);
  if (!row) throw new AppError('NOT_FOUND');
  const acts = await actsFor(db, user.id, row.member_id);
  const record = { actsForMember: acts, sharedWithHub: row.shared_with_hub };
  if (!canAssessment(user, 'read', record)) throw new AppError('NOT_FOUND');
  const member = await findMember(db, row.member_id);
  if (!member) throw new AppError('NOT_FOUND');
  return { user, row, member, mayFill: canAssessment(user, 'fill', record) };
}

export async function getRound(db: Database, actor: Actor, id: string): Promise<Round> {
  const { row, member, mayFill } = await readable(db, actor, id);
  return {
    ...summary(row),
    member: memberRef(member),
    version: row.version,
    demo: row.demo,
    answers: await answersOf(db, id),
    editable: mayFill && row.status === 'draft',
    mine: mayFill,
  };
}

async function fillable(db: Database, actor: Actor, id: string) {
  const found = await readable(db, actor, id);
  if (!found.mayFill) throw new AppError('NOT_FOUND');
  return found;
}

export async function saveAnswers(db: Database, actor: Actor, id: string, payload: SaveAnswers): Promise<Round> {
  const { row } = await fillable(db, actor, id);
  if (row.status !== 'draft') conflict('hubAssessment.errors.submitted', 'status');
  const known = new Set(questionnaireOf(row.questionnaire_version).characteristics.map((each) => each.id));
  payload.answers.forEach((answer, index) => {
    if (!known.has(answer.questionId)) invalid(`answers.${index}.questionId`, 'hubAssessment.errors.unknownQuestion');
  });
  const seen = new Set<string>();
  payload.answers.forEach((answer, index) => {
    if (seen.has(answer.questionId)) invalid(`answers.${index}.questionId`, 'hubAssessment.errors.duplicateQuestion');
    seen.add(answer.questionId);
  });
  await db.transaction().execute(async (trx) => {
    const bumped = await updateAtVersion(trx, 'hub_assessments', id, payload.version, {})
      .where('status', '=', 'draft')
      .returning('id')
      .executeTakeFirst();
    if (!bumped) throw new AppError('STALE_VERSION');
    await upsertAnswers(trx, id, payload.answers);
  });
  return getRound(db, actor, id);
}

export async function submitRound(db: Database, actor: Actor, id: string, version: number): Promise<Round> {
  const { row, user } = await fillable(db, actor, id);
  if (row.status !== 'draft') conflict('hubAssessment.errors.submitted', 'status');
  const answers = await answersOf(db, id);
  const answered = new Set(answers.filter((answer) => answer.level !== null).map((answer) => answer.questionId));
  const missing = questionnaireOf(row.questionnaire_version).characteristics.filter((each) => !answered.has(each.id));
  if (missing.length > 0)
    throw new AppError('VALIDATION', {
      issues: missing.map((each) => ({ path: `answers.${each.id}.level`, message: 'hubAssessment.errors.unanswered' })),
    });
  const done = await updateAtVersion(db, 'hub_assessments', id, version, {
    status: 'submitted',
    submitted_at: new Date(),
    submitted_by: user.id,
  })
    .where('status', '=', 'draft')
    .returning('id')
    .executeTakeFirst();
  if (!done) throw new AppError('STALE_VERSION');
  return getRound(db, actor, id);
}

export async function shareRound(
  db: Database,
  actor: Actor,
  id: string,
  payload: { version: number; sharedWithHub: boolean },
): Promise<Round> {
  await fillable(db, actor, id);
  const done = await updateAtVersion(db, 'hub_assessments', id, payload.version, {
    shared_with_hub: payload.sharedWithHub,
  })
    .returning('id')
    .executeTakeFirst();
  if (!done) throw new AppError('STALE_VERSION');
  return getRound(db, actor, id);
}

/** How many of the lowest characteristics get suggestions. */
const weakestCount = 3;

/**
 * The round's scores beside its peers' aggregates (regional and language networks, the whole hub),
 * and practices on the themes of its weakest characteristics.
 */
export async function roundResults(db: Database, actor: Actor, id: string, locale: Locale): Promise<Results> {
  const { row, member } = await readable(db, actor, id);
  const questionnaire = questionnaireOf(row.questionnaire_version);
  const answers = new Map((await answersOf(db, id)).map((answer) => [answer.questionId, answer.level]));
  const scores = questionnaire.characteristics.map((each) => ({
    characteristicId: each.id,
    level: answers.get(each.id) ?? null,
  }));
  const networks = await peerNetworksOf(db, member.id);
  const groupsOf = [
    ...networks.map((network) => ({
      kind: network.kind,
      networkId: network.id,
      name: network.name_i18n[locale] ?? network.name,
    })),
    { kind: 'hub' as const, networkId: null, name: '' },
  ];
  const groups: PeerGroup[] = await Promise.all(
    groupsOf.map(async (group) => {
      const aggregate = await peerAggregate(db, member.id, group.networkId);
      const enough = aggregate.members >= minimumPeers;
      const stats = new Map(aggregate.byQuestion.map((each) => [each.question_id, each]));
      return {
        ...group,
        members: aggregate.members,
        enough,
        byCharacteristic: Object.fromEntries(
          questionnaire.characteristics.map((each) => {
            const found = enough ? stats.get(each.id) : undefined;
            return [
              each.id,
              found && found.count >= minimumPeers
                ? { count: found.count, enough: true, q1: found.q1, median: found.median, q3: found.q3 }
                : { count: found?.count ?? 0, enough: false, q1: null, median: null, q3: null },
            ];
          }),
        ),
      };
    }),
  );
  const weakest = weakestOf(questionnaire.characteristics, scores);
  const byId = new Map(questionnaire.characteristics.map((each) => [each.id, each]));
  const themes = [...new Set(weakest.flatMap((each) => byId.get(each)?.themes ?? []))];
  const practices = await practicesOnThemes(db, {
    themes,
    memberId: member.id,
    system: member.system_of_government,
    prefer: locale,
    limit: 6,
  });
  return {
    round: { ...summary(row), member: memberRef(member), demo: row.demo },
    scores,
    minimumPeers,
    groups,
    weakest,
    suggestions: practices.map((practice) => ({
      refId: practice.ref_id,
      locale: practice.locale,
      title: practice.title,
      summary: practice.summary,
      path: practice.path,
      countryCode: practice.country_code,
      themes: practice.themes as HubTheme[],
      sameSystem: practice.same_system,
      characteristicIds: weakest.filter((each) =>
        byId.get(each)?.themes.some((theme) => practice.themes.includes(theme)),
      ),
    })),
  };
}

/** The (up to) three lowest answered characteristics below the top level, in questionnaire order on ties. */
export function weakestOf(
  characteristics: readonly Characteristic[],
  scores: readonly { characteristicId: string; level: number | null }[],
): string[] {
  const order = new Map(characteristics.map((each, index) => [each.id, index]));
  return scores
    .filter((score): score is { characteristicId: string; level: number } => score.level !== null && score.level < 4)
    .sort((a, b) => a.level - b.level || (order.get(a.characteristicId) ?? 0) - (order.get(b.characteristicId) ?? 0))
    .slice(0, weakestCount)
    .map((score) => score.characteristicId);
}

export async function listSharedRounds(db: Database, actor: Actor) {
  const user = signedIn(actor);
  if (!canAssessment(user, 'listShared')) throw new AppError('FORBIDDEN');
  const rows = await sharedRounds(db);
  return {
    items: rows.map((row) => ({
      id: row.id,
      round: row.round,
      submittedAt: row.submitted_at ? row.submitted_at.toISOString() : null,
      member: { id: row.member_id, name: row.name, countryCode: row.country_code },
    })),
  };
}
