import { useId } from 'react';
import { type DashboardDimension, dashboardDimensions, type StatusBreakdown } from '../../../shared/schemas/dashboards';
import { DataChart } from '../../components/data-chart';
import { ErrorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { useApi } from '../../components/use-api';
import { useT } from '../../i18n/i18n-provider';
import { type DashboardFilterValues, filterQuery } from './filters';
import { statusColors } from './status-colors';

const limits = ['5', '12', '25', '50'];
const multiValued = new Set<DashboardDimension>(['theme', 'sdgGoal', 'entity', 'lrgLevel', 'lrg']);

/** Recommendations per status for each value of the chosen dimension, as a stacked bar chart. */
export function StatusBreakdownCard(props: {
  filters: DashboardFilterValues;
  dimension: string;
  limit: string;
  onView: (dimension: string, limit: string) => void;
}) {
  const { t, formatNumber } = useT();
  const titleId = useId();
  const dimension = (dashboardDimensions as readonly string[]).includes(props.dimension)
    ? (props.dimension as DashboardDimension)
    : 'mechanism';
  const limit = limits.includes(props.limit) ? props.limit : '12';
  const breakdown = useApi<StatusBreakdown>('/api/dashboards/status', {
    ...filterQuery(props.filters),
    dimension,
    limit,
  });
  const data = breakdown.data;
  const rows = data ? [...data.rows, ...(data.other ? [data.other] : [])] : [];
  const dimensionLabel = t(`dashboards.dimension.${dimension}`);

  return (
    <section className="card" aria-labelledby={titleId} aria-busy={breakdown.loading}>
      <h2 id={titleId}>{t('dashboards.statusTitle')}</h2>
      <div className="filters">
        <label>
          {t('dashboards.groupBy')}{' '}
          <select value={dimension} onChange={(event) => props.onView(event.target.value, limit)}>
            {dashboardDimensions.map((value) => (
              <option key={value} value={value}>
                {t(`dashboards.dimension.${value}`)}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          {t('dashboards.limit')}{' '}
          <select value={limit} onChange={(event) => props.onView(dimension, event.target.value)}>
            {limits.map((value) => (
              <option key={value} value={value}>
                {formatNumber(Number(value))}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ErrorMessage error={breakdown.error} />
      {breakdown.loading && !data ? <Loading /> : null}
      {data ? (
        <>
          <p className="field-hint">
            {t('dashboards.matching', { count: data.recommendations })}
            {multiValued.has(dimension) ? ` ${t('dashboards.multiValued')}` : ''}
          </p>
          <DataChart
            kind="stacked-bar"
            title={t('dashboards.statusBy', { dimension: dimensionLabel })}
            categoryLabel={dimensionLabel}
            categories={rows.map((row) => row.label)}
            series={data.statuses.map((status) => ({
              label: status.label,
              values: rows.map((row) => row.counts[status.code] ?? 0),
            }))}
            colors={statusColors(data.statuses.map((status) => status.code))}
            unit={t('dashboards.unit')}
            csvFileName={`status-by-${dimension}`}
          />
        </>
      ) : null}
    </section>
  );
}
