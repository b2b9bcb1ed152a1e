import { Link } from 'react-router';
import type { Assignment } from '../../../shared/schemas/assignments';
import type { Page } from '../../../shared/schemas/common';
import type { IndicatorSummary, OverTime } from '../../../shared/schemas/indicators';
import { DataChart } from '../../components/data-chart';
import { ErrorMessage } from '../../components/error-message';
import { useApi } from '../../components/use-api';
import { useT } from '../../i18n/i18n-provider';
import { useFormatPeriod } from './labels';

/** Charts shown on a recommendation's page; the indicator's own page has them all. */
const shown = 3;

/**
 * The indicators that measure a recommendation, each over time: the national values and those
 * of the first local government the recommendation is assigned or delegated to, so an LRG's
 * data shows where its work on the recommendation is followed.
 */
export function RecommendationIndicators(props: { recommendationId: string }) {
  const { t } = useT();
  const list = useApi<Page<IndicatorSummary>>('/api/indicators', {
    recommendationId: props.recommendationId,
    pageSize: shown,
  });
  const assignments = useApi<Assignment[]>(`/api/recommendations/${props.recommendationId}/assignments`);
  const lrg = assignments.data?.find((assignment) => assignment.entity.lrgLevel !== null)?.entity;
  const items = list.data?.items ?? [];
  if (!list.error && items.length === 0) return null;

  return (
    <section className="card" aria-labelledby="recommendation-indicators-title">
      <h2 id="recommendation-indicators-title">{t('indicators.title')}</h2>
      <ErrorMessage error={list.error} />
      {assignments.loading
        ? null
        : items.map((indicator) => <IndicatorTrend key={indicator.id} indicator={indicator} placeId={lrg?.id} />)}
      {list.data && list.data.total > shown ? (
        <p>
          <Link to={`/indicators?recommendationId=${props.recommendationId}`}>
            {t('indicators.allLinked', { count: list.data.total })}
          </Link>
        </p>
      ) : null}
    </section>
  );
}

function IndicatorTrend(props: { indicator: IndicatorSummary; placeId: string | undefined }) {
  const { t } = useT();
  const formatPeriod = useFormatPeriod();
  const { indicator } = props;
  const overTime = useApi<OverTime>(`/api/indicators/${indicator.id}/series/over-time`, { placeId: props.placeId });
  const data = overTime.data;
  return (
    <div>
      <h3>
        <Link to={`/indicators/${indicator.id}`}>
          {indicator.code} · {indicator.title}
        </Link>
      </h3>
      <ErrorMessage error={overTime.error} />
      {data ? (
        <DataChart
          kind="line"
          title={t('indicators.overTimeTitle', { title: indicator.title })}
          categories={data.periods.map((period) => formatPeriod(period.start, period.end))}
          categoryLabel={t('indicators.fields.period')}
          series={data.series
            .filter((series) => series.values.some((value) => value !== null))
            .map((series) => ({ label: series.label, values: series.values }))}
          unit={data.unit}
          csvFileName={`${indicator.code.replace(/[^\p{L}\p{N}._-]+/gu, '-')}-over-time`}
        />
      ) : null}
    </div>
  );
}
