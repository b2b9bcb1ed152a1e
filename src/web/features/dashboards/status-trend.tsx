import { useId } from 'react';
import { type StatusTrend, type TrendInterval, trendIntervals } from '../../../shared/schemas/dashboards';
import { DataChart } from '../../components/data-chart';
import { ErrorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { useApi } from '../../components/use-api';
import { type I18n, useT } from '../../i18n/i18n-provider';
import { type DashboardFilterValues, filterQuery } from './filters';
import { statusColors } from './status-colors';

const periodChoices: Record<TrendInterval, string[]> = {
  month: ['6', '12', '24', '36'],
  quarter: ['4', '8', '12', '20'],
};

/** "March 2025" or "Q1 2025" in the reader's language, from the period's first day. */
function periodLabel(start: string, interval: TrendInterval, i18n: Pick<I18n, 't' | 'formatDate'>): string {
  if (interval === 'month')
    return i18n.formatDate(`${start}T00:00:00Z`, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const [year, month] = start.split('-').map(Number);
  return i18n.t('dashboards.quarter', { quarter: Math.floor(((month ?? 1) - 1) / 3) + 1, year: String(year) });
}

/** Recommendations per status at the end of each month or quarter, as a line chart. */
export function StatusTrendCard(props: {
  filters: DashboardFilterValues;
  interval: string;
  periods: string;
  onView: (interval: string, periods: string) => void;
}) {
  const i18n = useT();
  const { t, formatNumber } = i18n;
  const titleId = useId();
  const interval: TrendInterval = props.interval === 'quarter' ? 'quarter' : 'month';
  const choices = periodChoices[interval];
  const periods = choices.includes(props.periods) ? props.periods : (choices[1] as string);
  const trend = useApi<StatusTrend>('/api/dashboards/trend', { ...filterQuery(props.filters), interval, periods });
  const data = trend.data;

  return (
    <section className="card" aria-labelledby={titleId} aria-busy={trend.loading}>
      <h2 id={titleId}>{t('dashboards.trendTitle')}</h2>
      <p className="field-hint">{t('dashboards.trendIntro')}</p>
      <div className="filters">
        <label>
          {t('dashboards.interval')}{' '}
          <select
            value={interval}
            onChange={(event) =>
              props.onView(event.target.value, periodChoices[event.target.value as TrendInterval][1] ?? '')
            }
          >
            {trendIntervals.map((value) => (
              <option key={value} value={value}>
                {t(`dashboards.interval.${value}`)}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          {t('dashboards.periods')}{' '}
          <select value={periods} onChange={(event) => props.onView(interval, event.target.value)}>
            {choices.map((value) => (
              <option key={value} value={value}>
                {formatNumber(Number(value))}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ErrorMessage error={trend.error} />
      {trend.loading && !data ? <Loading /> : null}
      {data ? (
        <DataChart
          kind="line"
          title={t('dashboards.trendChart')}
          categoryLabel={t('dashboards.periodEnd')}
          categories={data.periods.map((start) => periodLabel(start, data.interval, i18n))}
          series={data.statuses.map((status) => ({
            label: status.label,
            values: data.series.find((series) => series.status === status.code)?.counts ?? data.periods.map(() => 0),
          }))}
          colors={statusColors(data.statuses.map((status) => status.code))}
          unit={t('dashboards.unit')}
          csvFileName={`status-over-time-${data.interval}`}
        />
      ) : null}
    </section>
  );
}
