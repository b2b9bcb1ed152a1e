import type { Insertable } from 'kysely';
import type { RecommendationsTable } from '../../db/schema';

/** Test data for the dashboards: what a recommendation is counted by, in a few words. */
export interface RecommendationSpec {
  status: string;
  themes?: number[];
  goals?: number[];
  levels?: number[];
  createdAt?: string;
  text?: string;
}

/** The columns of a recommendation of the demo State for a spec (each goal's first target). */
export function specColumns(spec: RecommendationSpec): Partial<Insertable<RecommendationsTable>> {
  return {
    country_iso2: 'SI',
    status: spec.status,
    theme_ids: spec.themes ?? [],
    sdg_goals: spec.goals ?? [],
    sdg_targets: (spec.goals ?? []).map((goal) => `${goal}.1`),
    local_levels: spec.levels ?? [],
    ...(spec.text ? { text_en: spec.text } : {}),
    ...(spec.createdAt ? { created_at: new Date(spec.createdAt) } : {}),
  };
}

/** A day relative to today (UTC), as YYYY-MM-DD. */
export function daysFromToday(days: number): string {
  const day = new Date();
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}
