import { randomBytes } from 'node:crypto';
import type { Database } from '../../db/database';

/** Test data for the dashboards: reviews and recommendations inserted as the importer leaves them. */

export async function makeReview(
  db: Database,
  body: string,
  options: { cycle?: number | null; date?: string | null } = {},
): Promise<{ id: string; body: string; cycle: number | null }> {
  const suffix = randomBytes(4).toString('hex');
  const cycle = options.cycle ?? null;
  const row = await db
    .insertInto('reviews')
    .values({
      body_code: body,
      symbol: `${body}/TEST/${suffix}`,
      country_iso2: 'SI',
      cycle,
      review_date: options.date ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, body, cycle };
}

export interface RecommendationSpec {
  status: string;
  themes?: number[];
  goals?: number[];
  levels?: number[];
  createdAt?: string;
  text?: string;
}

export async function makeRecommendations(
  db: Database,
  review: { id: string; body: string; cycle: number | null },
  specs: RecommendationSpec[],
): Promise<string[]> {
  if (specs.length === 0) return [];
  const rows = await db
    .insertInto('recommendations')
    .values(
      specs.map((spec, index) => ({
        review_id: review.id,
        body_code: review.body,
        cycle: review.cycle,
        country_iso2: 'SI',
        number: String(index + 1),
        number_sort: [index + 1],
        original_lang: 'en',
        text_en: spec.text ?? `Recommendation ${index + 1} on adequate housing`,
        content_key: `${review.id}-${index}-${randomBytes(3).toString('hex')}`,
        sub_items: '[]',
        sources: '[]',
        status: spec.status,
        theme_ids: spec.themes ?? [],
        sdg_goals: spec.goals ?? [],
        sdg_targets: (spec.goals ?? []).map((goal) => `${goal}.1`),
        local_levels: spec.levels ?? [],
        ...(spec.createdAt ? { created_at: new Date(spec.createdAt) } : {}),
      })),
    )
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
}

export async function assign(
  db: Database,
  recommendationId: string,
  entityId: string,
  options: { role?: 'lead' | 'supporting'; due?: string | null; delegatedFrom?: string | null } = {},
): Promise<string> {
  const row = await db
    .insertInto('assignments')
    .values({
      recommendation_id: recommendationId,
      entity_id: entityId,
      role: options.role ?? 'lead',
      due_date: options.due ?? null,
      delegated_from: options.delegatedFrom ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A day relative to today (UTC), as YYYY-MM-DD. */
export function daysFromToday(days: number): string {
  const day = new Date();
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}
