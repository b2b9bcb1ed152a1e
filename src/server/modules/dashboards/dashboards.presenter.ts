import type { Translate } from '../../../shared/i18n/translate';
import type {
  BreakdownRow,
  DashboardStatus,
  OverdueItem,
  StatusBreakdown,
  StatusTrend,
} from '../../../shared/schemas/dashboards';
import type { BreakdownCell, OverdueRow } from './dashboards.repo';
import type { TrendCell } from './dashboards.trend.repo';

/**
 * The installation's statuses in their order, then any code found in the data that is no longer
 * a term (a status renamed or removed by an admin), so no count goes missing.
 */
export function presentStatuses(
  terms: { code: string; label: string; final: boolean }[],
  seen: Iterable<string>,
): DashboardStatus[] {
  const known = new Set(terms.map((term) => term.code));
  const extra = [...new Set(seen)].filter((code) => !known.has(code)).sort();
  return [...terms, ...extra.map((code) => ({ code, label: code, final: false }))];
}

/** Cells of the breakdown query → one row per value (in rank order) and the remainder. */
export function presentBreakdown(
  dimension: StatusBreakdown['dimension'],
  cells: BreakdownCell[],
  statuses: DashboardStatus[],
  labelOf: (key: string | null) => string,
  t: Translate,
  recommendations: number,
): StatusBreakdown {
  const ranked = new Map<number, BreakdownRow>();
  let other: StatusBreakdown['other'] = null;
  for (const cell of cells) {
    let row: { counts: Record<string, number>; total: number };
    if (cell.rank === null) {
      other ??= { label: '', values: 0, counts: {}, total: 0 };
      row = other;
    } else {
      let found = ranked.get(cell.rank);
      if (!found) {
        found = { key: cell.key, label: labelOf(cell.key), counts: {}, total: 0 };
        ranked.set(cell.rank, found);
      }
      row = found;
    }
    row.counts[cell.status] = (row.counts[cell.status] ?? 0) + cell.n;
    row.total += cell.n;
  }
  const values = cells[0]?.values ?? 0;
  const rows = [...ranked.entries()].sort(([a], [b]) => a - b).map(([, row]) => row);
  if (other) {
    other.values = values - rows.length;
    other.label = t('dashboards.other', { count: other.values });
  }
  return { dimension, statuses, rows, other, values, recommendations };
}

export function presentOverdue(row: OverdueRow, statusLabel: (row: OverdueRow) => string): OverdueItem {
  const common = {
    id: row.id,
    status: row.status,
    statusLabel: statusLabel(row),
    entityId: row.entity_id,
    entityName: row.entity_name,
    dueDate: row.due_date,
    daysOverdue: row.days_overdue,
  };
  if (row.kind === 'action') return { kind: 'action', ...common, title: row.title ?? '' };
  return {
    kind: 'assignment',
    ...common,
    recommendationId: row.recommendation_id ?? '',
    number: row.number,
    bodyCode: row.body_code ?? '',
    reviewSymbol: row.review_symbol,
    text: row.text ?? '',
    textLang: (row.text_lang ?? '').trim(),
    role: row.role ?? 'lead',
    delegated: row.delegated,
  };
}

/** Cells of the trend query → one series per status, one count per period (0 where none). */
export function presentTrend(
  interval: StatusTrend['interval'],
  periods: string[],
  cells: TrendCell[],
  statuses: DashboardStatus[],
): StatusTrend {
  const index = new Map(periods.map((period, position) => [period, position]));
  const byStatus = new Map(statuses.map((status) => [status.code, periods.map(() => 0)]));
  for (const cell of cells) {
    const position = index.get(cell.period);
    const counts = byStatus.get(cell.status);
    if (position !== undefined && counts) counts[position] = cell.count;
  }
  return {
    interval,
    periods,
    statuses,
    series: [...byStatus.entries()].map(([status, counts]) => ({ status, counts })),
  };
}
