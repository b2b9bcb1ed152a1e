import { AppError } from '../../../shared/errors';
import type { Page } from '../../../shared/schemas/common';
import type {
  DashboardDimension,
  OverdueItem,
  OverdueQuery,
  StatusBreakdown,
  StatusBreakdownQuery,
  StatusTrend,
  StatusTrendQuery,
  TrendInterval,
} from '../../../shared/schemas/dashboards';
import type { Database } from '../../db/database';
import type { Actor } from '../../http/context';
import { translatorFor } from '../../i18n';
import { signedIn } from '../../lib/guards';
import { localize } from '../../lib/language';
import { type Scope, scopeAt, scopeOf } from '../assignments/scope';
import { GenerationMemo, memoKey, readRegisterGeneration } from '../search';
import { cachedCounts, countsKey } from './dashboards.cache';
import { bodyNames, entityNames, goalLabels, levelNames, termLabels } from './dashboards.labels.repo';
import { canDashboards } from './dashboards.policy';
import { presentBreakdown, presentOverdue, presentStatuses, presentTrend } from './dashboards.presenter';
import {
  countByDimension,
  countRecommendations,
  findOverdue,
  findStatusTerms,
  recommendationFilter,
} from './dashboards.repo';
import { countStatusesOverTime } from './dashboards.trend.repo';

async function readerScope(db: Database, actor: Actor): Promise<Scope> {
  const user = signedIn(actor);
  if (!canDashboards(user, 'read')) throw new AppError('FORBIDDEN');
  return scopeOf(db, user);
}

async function statusTerms(db: Database, locale: string) {
  const terms = await findStatusTerms(db);
  return terms.map((term) => ({
    code: term.code,
    label: localize(term.label, locale) || term.code,
    final: term.final,
  }));
}

/** A label in the reader's language for each key a breakdown returned. */
async function labelsFor(
  db: Database,
  dimension: DashboardDimension,
  keys: string[],
  locale: Actor['locale'],
): Promise<(key: string | null) => string> {
  const t = translatorFor(locale);
  const none = t(`dashboards.none.${dimension}`);
  const named = (lookup: (key: string) => string | undefined) => (key: string | null) =>
    key === null ? none : lookup(key) || key;
  switch (dimension) {
    case 'mechanism':
      return named((key) => t(`register.mechanism.${key}`));
    case 'body': {
      const names = await bodyNames(db, keys);
      return named((key) => localize(names.get(key), locale));
    }
    case 'cycle':
      return named((key) => t('dashboards.cycle', { cycle: Number(key) }));
    case 'theme': {
      const terms = await termLabels(db, keys.map(Number));
      return named((key) => {
        const term = terms.get(key);
        return term ? localize(term.label, locale) || term.code : undefined;
      });
    }
    case 'sdgGoal': {
      const goals = await goalLabels(db, keys);
      return named((key) => t('dashboards.sdgGoal', { goal: Number(key), title: localize(goals.get(key), locale) }));
    }
    case 'entity':
    case 'lrg': {
      const names = await entityNames(db, keys);
      return named((key) => names.get(key));
    }
    case 'lrgLevel': {
      const levels = await levelNames(db);
      return named((key) => localize(levels.get(key), locale) || t('entities.levelN', { level: Number(key) }));
    }
  }
}

const breakdowns = new GenerationMemo<StatusBreakdown>(200);

/**
 * Recommendations per status for each value of one dimension (the top `limit`, then the rest).
 * The whole answer, labels included, is kept for the register generation (decision 028: names
 * of bodies, terms, entities and levels move it too); asked again, it costs the generation read.
 */
export async function statusBreakdown(
  db: Database,
  actor: Actor,
  query: StatusBreakdownQuery,
): Promise<StatusBreakdown> {
  const user = signedIn(actor);
  if (!canDashboards(user, 'read')) throw new AppError('FORBIDDEN');
  const generation = await readRegisterGeneration(db);
  const scope = await scopeAt(db, generation, user);
  return breakdowns.get(db, generation, memoKey(countsKey('status', query, scope), actor.locale), () =>
    computeBreakdown(db, actor, query, scope),
  );
}

async function computeBreakdown(
  db: Database,
  actor: Actor,
  query: StatusBreakdownQuery,
  scope: Scope,
): Promise<StatusBreakdown> {
  const where = recommendationFilter(query, scope);
  const [[cells, recommendations], terms] = await Promise.all([
    cachedCounts(db, countsKey('status', query, scope), () =>
      Promise.all([countByDimension(db, query.dimension, where, query.limit), countRecommendations(db, where)]),
    ),
    statusTerms(db, actor.locale),
  ]);
  const keys = [...new Set(cells.flatMap((cell) => (cell.key === null ? [] : [cell.key])))];
  const labelOf = await labelsFor(db, query.dimension, keys, actor.locale);
  const statuses = presentStatuses(
    terms,
    cells.map((cell) => cell.status),
  );
  return presentBreakdown(query.dimension, cells, statuses, labelOf, translatorFor(actor.locale), recommendations);
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/**
 * What is late, longest overdue first: assignments past their due date on recommendations not yet
 * in a final status, and actions past their end date still to be done.
 */
export async function overdueItems(db: Database, actor: Actor, query: OverdueQuery): Promise<Page<OverdueItem>> {
  const { page, pageSize, ...filters } = query;
  const scope = await readerScope(db, actor);
  const [result, terms] = await Promise.all([
    findOverdue(
      db,
      filters,
      scope,
      actor.locale,
      { limit: pageSize, offset: (page - 1) * pageSize },
      isoDay(new Date()),
    ),
    statusTerms(db, actor.locale),
  ]);
  const labelOf = new Map(terms.map((term) => [term.code, term.label]));
  const t = translatorFor(actor.locale);
  return {
    items: result.rows.map((row) =>
      presentOverdue(row, ({ kind, status }) =>
        kind === 'action' ? t(`actions.status.${status}`) : (labelOf.get(status) ?? status),
      ),
    ),
    total: result.total,
    page,
    pageSize,
  };
}

/** First days (UTC) of the `count` months or quarters ending with the one that holds `until`. */
export function periodStarts(interval: TrendInterval, count: number, until: string): string[] {
  const day = new Date(`${until}T00:00:00Z`);
  const months = interval === 'month' ? 1 : 3;
  const lastMonth = day.getUTCMonth() - (day.getUTCMonth() % months);
  return Array.from({ length: count }, (_, index) =>
    isoDay(new Date(Date.UTC(day.getUTCFullYear(), lastMonth - (count - 1 - index) * months, 1))),
  );
}

/** Recommendations per status at the end of each month or quarter, from the status history. */
export async function statusTrend(db: Database, actor: Actor, query: StatusTrendQuery): Promise<StatusTrend> {
  const { interval, periods: count, until, ...filters } = query;
  const scope = await readerScope(db, actor);
  const periods = periodStarts(interval, count, until ?? isoDay(new Date()));
  const first = periods[0] as string;
  const last = periods[periods.length - 1] as string;
  const where = recommendationFilter(filters, scope);
  const [cells, terms] = await Promise.all([
    cachedCounts(db, countsKey('trend', { ...filters, interval, first, last }, scope), () =>
      countStatusesOverTime(db, where, interval, first, last),
    ),
    statusTerms(db, actor.locale),
  ]);
  const statuses = presentStatuses(
    terms,
    cells.map((cell) => cell.status),
  );
  return presentTrend(interval, periods, cells, statuses);
}
