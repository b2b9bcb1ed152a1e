import { sql } from 'kysely';
import type { Database } from '../db/database';
import { systemActor } from '../http/context';
import { recordAudit } from '../modules/audit/audit.service';

interface DemoUpdate {
  /** The entity: a ministry's acronym, or an LRG's ISO 3166-2 code. */
  entity: string;
  /** Words of the recommendation it answers (English text, case-insensitive); the first match of the latest review. */
  pattern: string;
  narrative: string;
}

/**
 * A few validated progress updates from real demo entities on real demo recommendations, so the
 * report builder has something to pull in and its LRG annex has municipalities in it. Only
 * seeded when the demo has no validated update yet; the same rows every time.
 */
const demoUpdates: DemoUpdate[] = [
  {
    entity: 'MDDSZ',
    pattern: '%violence against women%',
    narrative:
      '<p>The Resolution on the National Programme for the Prevention of Domestic Violence and Violence against Women was adopted; every region now has a shelter and a 24-hour helpline answers in Slovenian, Italian, Hungarian and English.</p>',
  },
  {
    entity: 'SI-061',
    pattern: '%violence against women%',
    narrative:
      '<p>The City Municipality of Ljubljana opened a second safe house with 12 places and trained 140 municipal staff to recognise and refer cases of domestic violence.</p>',
  },
  {
    entity: 'UN',
    pattern: '%Roma%',
    narrative:
      '<p>The Government Office for National Minorities coordinated the National Programme of Measures for Roma; water supply reached three more Roma settlements in south-eastern Slovenia.</p>',
  },
  {
    entity: 'SI-070',
    pattern: '%Roma%',
    narrative:
      '<p>The City Municipality of Maribor funded after-school learning support for Roma children in two primary schools and a mediator in the municipal social work centre.</p>',
  },
  {
    entity: 'MNZ',
    pattern: '%hate speech%',
    narrative:
      '<p>The police introduced a bias-motive field in crime records and trained 300 officers on investigating hate crime and online hate speech.</p>',
  },
];

export async function seedDemoProgress(db: Database): Promise<void> {
  const actor = systemActor('demo-seed');
  await db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('progress_updates')
      .select('id')
      .where('status', '=', 'validated')
      .limit(1)
      .executeTakeFirst();
    if (existing) return;
    const coordinator = await trx
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'coordinator@demo.implementa.example')
      .executeTakeFirst();
    for (const update of demoUpdates) {
      const entity = await trx
        .selectFrom('entities')
        .select('id')
        .where((eb) => eb.or([eb('acronym', '=', update.entity), eb('subdivision_code', '=', update.entity)]))
        .orderBy('id')
        .executeTakeFirst();
      const recommendation = await trx
        .selectFrom('recommendations as r')
        .innerJoin('reviews as v', 'v.id', 'r.review_id')
        .select('r.id')
        .where('r.text_en', 'ilike', update.pattern)
        .orderBy(sql`v.review_date desc nulls last`)
        .orderBy('r.number_sort')
        .orderBy('r.id')
        .executeTakeFirst();
      if (!entity || !recommendation)
        throw new Error(`demo progress: no entity ${update.entity} or no ${update.pattern}`);
      const { id } = await trx
        .insertInto('progress_updates')
        .values({
          recommendation_id: recommendation.id,
          entity_id: entity.id,
          narrative: update.narrative,
          narrative_format: 'html',
          status: 'validated',
          period_start: '2023-01-01',
          period_end: '2024-12-31',
          created_by: coordinator?.id ?? null,
          validated_by: coordinator?.id ?? null,
          validated_at: new Date('2025-03-31T12:00:00Z'),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(trx, actor, {
        action: 'create',
        recordType: 'progress_update',
        recordId: id,
        after: { ...update, recommendationId: recommendation.id, status: 'validated' },
      });
    }
  });
}
