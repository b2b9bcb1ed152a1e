import { createHash } from 'node:crypto';
import { currentQuestionnaireVersion, questionnaireOf } from '../../../shared/hub/questionnaire';
import type { Database } from '../../db/database';

/**
 * The demo hub's self-assessments (decision 039). These answers are the demo's own data, NOT facts
 * about any country or its mechanism: no country has answered this questionnaire here. Each round
 * is stored with `demo = true` and every page showing it says "demo data". Levels are derived from
 * a hash of the country code and the characteristic, so the demo is the same on every run and shows
 * the peer comparison (groups of at least three) and suggestions for the weakest points.
 *
 * The lead wires this into the demo hub's seed (written by the profiles part) after members,
 * networks and accounts exist.
 */
export interface HubSeedContext {
  memberIdByCountry: ReadonlyMap<string, string>;
  networkIdByName: ReadonlyMap<string, string>;
  accountIdByRole: ReadonlyMap<string, string>;
}

const day = 24 * 60 * 60 * 1000;

/** A demo level 0–4 for a country and a characteristic (shifted by `lift` for a later round). */
function demoLevel(country: string, characteristic: string, lift = 0): number {
  const byte = createHash('sha256').update(`${country}/${characteristic}`).digest()[0] ?? 0;
  // Mostly 1–3, now and then 0 or 4, as a field of young mechanisms would look.
  const base = [0, 1, 1, 2, 2, 2, 3, 3, 3, 4][byte % 10] ?? 2;
  return Math.min(4, base + lift);
}

export async function seedHubAssessments(db: Database, ctx: HubSeedContext): Promise<void> {
  const characteristics = questionnaireOf(currentQuestionnaireVersion).characteristics;
  const memberAccount = ctx.accountIdByRole.get('member') ?? null;
  const actedFor = memberAccount
    ? await db.selectFrom('hub_member_people').select('member_id').where('user_id', '=', memberAccount).execute()
    : [];
  const ownMembers = new Set(actedFor.map((row) => row.member_id));
  const now = Date.now();
  for (const [country, memberId] of ctx.memberIdByCountry) {
    const existing = await db
      .selectFrom('hub_assessments')
      .select('id')
      .where('member_id', '=', memberId)
      .executeTakeFirst();
    if (existing) continue; // seeded before: the demo keeps what people changed since
    // The demo member account's mechanism gets a history: a round a year ago, one last month.
    const rounds = ownMembers.has(memberId) ? [0, 1] : [0];
    for (const [index, lift] of rounds.entries()) {
      const submittedAt = new Date(now - (rounds.length - index === 1 ? 30 : 395) * day);
      const round = await db
        .insertInto('hub_assessments')
        .values({
          member_id: memberId,
          round: index + 1,
          questionnaire_version: currentQuestionnaireVersion,
          status: 'submitted',
          demo: true,
          created_by: ownMembers.has(memberId) ? memberAccount : null,
          submitted_by: ownMembers.has(memberId) ? memberAccount : null,
          submitted_at: submittedAt,
          created_at: new Date(submittedAt.getTime() - 14 * day),
          updated_at: submittedAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('hub_assessment_answers')
        .values(
          characteristics.map((characteristic) => ({
            assessment_id: round.id,
            question_id: characteristic.id,
            level: demoLevel(country, characteristic.id, lift),
            comment: null,
            evidence_url: null,
          })),
        )
        .execute();
    }
  }
}
