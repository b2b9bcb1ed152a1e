import { sql } from 'kysely';
import type { Database } from '../db/database';
import type { ActionStatus } from '../db/schema';
import { systemActor } from '../http/context';
import { recordAudit } from '../modules/audit/audit.service';

interface DemoAction {
  title: string;
  description: string;
  /** The responsible entity: its acronym, or an LRG's ISO 3166-2 code. */
  responsible: string;
  supporting: string[];
  /** Words of the recommendations it answers (English text, case-insensitive, any of them), and how many. */
  answers: { patterns: string[]; count: number };
  start: string;
  end: string;
  status: ActionStatus;
  budget: { amount: number; source: string } | null;
}

/**
 * Measures of the kind Slovenia's ministries and municipalities report on, each linked to the
 * demo register's recommendations whose text names its subject. One is overdue, one completed.
 */
const demoActions: DemoAction[] = [
  {
    title: 'National Programme of Measures for Roma 2026–2030',
    description:
      'Housing and basic infrastructure in Roma settlements, early childhood education, employment programmes and health mediators, coordinated with the municipalities concerned.',
    responsible: 'UN',
    supporting: ['MDDSZ', 'MVI', 'SI-061'],
    answers: { patterns: ['%Roma%'], count: 4 },
    start: '2026-01-01',
    end: '2030-12-31',
    status: 'in_progress',
    budget: { amount: 2_400_000, source: 'State budget and European Social Fund Plus' },
  },
  {
    title: 'Resolution on the prevention of domestic violence and violence against women',
    description:
      'A new national programme with shelters in every region, a 24-hour helpline and training for social work centres, police and courts.',
    responsible: 'MDDSZ',
    supporting: ['MNZ', 'MP'],
    answers: { patterns: ['%violence against women%', '%domestic violence%'], count: 3 },
    start: '2024-01-01',
    end: '2025-12-31',
    status: 'in_progress',
    budget: { amount: 1_850_000, source: 'State budget' },
  },
  {
    title: 'Criminal Code amendments on hate speech and hate crime',
    description:
      'Clarify the offence of public incitement to hatred and record the bias motive of offences, with guidance for prosecutors.',
    responsible: 'MP',
    supporting: ['MNZ'],
    answers: { patterns: ['%hate speech%', '%hate crime%', '%incitement%'], count: 3 },
    start: '2026-03-01',
    end: '2026-12-31',
    status: 'planned',
    budget: null,
  },
  {
    title: 'Training of police officers on the absolute prohibition of ill-treatment',
    description: 'Modules in the Police Academy curriculum and refresher courses for officers in detention units.',
    responsible: 'MNZ',
    supporting: [],
    answers: { patterns: ['%torture%', '%ill-treatment%', '%police%', '%law enforcement%'], count: 2 },
    start: '2024-09-01',
    end: '2025-06-30',
    status: 'completed',
    budget: { amount: 120_000, source: 'Police budget' },
  },
  {
    title: 'Accessible public transport and public buildings in Ljubljana',
    description: 'Low-floor buses with audio announcements on every line and step-free access to municipal buildings.',
    responsible: 'SI-061',
    supporting: ['MSP'],
    answers: { patterns: ['%disabilit%'], count: 2 },
    start: '2025-01-01',
    end: '2027-06-30',
    status: 'in_progress',
    budget: { amount: 3_500_000, source: 'Municipal budget and the Cohesion Fund' },
  },
];

/**
 * Seeds the demo actions once the register is filled, in one transaction; the same register
 * gives the same links. Their reminders are scheduled once the job queue runs (demo-reminders.ts).
 */
export async function seedDemoActions(db: Database): Promise<void> {
  const actor = systemActor('demo-seed');
  await db.transaction().execute(async (trx) => {
    const entities = await trx
      .selectFrom('entities')
      .select(['id', 'acronym', 'subdivision_code'])
      .where((eb) => eb.or([eb('acronym', 'is not', null), eb('subdivision_code', 'is not', null)]))
      .execute();
    const idOf = new Map<string, string>();
    for (const entity of entities) {
      if (entity.subdivision_code) idOf.set(entity.subdivision_code, entity.id);
      if (entity.acronym && !idOf.has(entity.acronym)) idOf.set(entity.acronym, entity.id);
    }
    const coordinator = await trx
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'coordinator@demo.implementa.example')
      .executeTakeFirst();
    for (const action of demoActions) {
      const responsible = idOf.get(action.responsible);
      if (!responsible) throw new Error(`demo actions: no entity ${action.responsible}`);
      const answers = await trx
        .selectFrom('recommendations as r')
        .innerJoin('reviews as v', 'v.id', 'r.review_id')
        .select('r.id')
        .where(sql<boolean>`r.text_en ilike any (${sql.val(action.answers.patterns)}::text[])`)
        .orderBy(sql`v.review_date desc nulls last`)
        .orderBy('r.number_sort')
        .orderBy('r.id')
        .limit(action.answers.count)
        .execute();
      const { id } = await trx
        .insertInto('actions')
        .values({
          title: action.title,
          description: action.description,
          responsible_entity_id: responsible,
          start_date: action.start,
          end_date: action.end,
          status: action.status,
          budget_amount: action.budget?.amount ?? null,
          budget_currency: action.budget ? 'EUR' : null,
          budget_source: action.budget?.source ?? null,
          created_by: coordinator?.id ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const supporting = action.supporting.map((key) => idOf.get(key)).filter((value) => value !== undefined);
      if (supporting.length > 0)
        await trx
          .insertInto('action_entities')
          .values(supporting.map((entity_id) => ({ action_id: id, entity_id })))
          .execute();
      if (answers.length > 0)
        await trx
          .insertInto('action_recommendations')
          .values(answers.map((row) => ({ action_id: id, recommendation_id: row.id })))
          .execute();
      await recordAudit(trx, actor, {
        action: 'create',
        recordType: 'action',
        recordId: id,
        after: { ...action, recommendationIds: answers.map((row) => row.id) },
      });
    }
  });
}
