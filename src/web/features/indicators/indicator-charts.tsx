import { useState } from 'react';
import type { EntityRef } from '../../../shared/schemas/entities';
import type { AcrossPlaces, IndicatorDetail, OverTime } from '../../../shared/schemas/indicators';
import { DataChart } from '../../components/data-chart';
import { ErrorMessage } from '../../components/error-message';
import { Loading } from '../../components/loading';
import { useApi } from '../../components/use-api';
import { useT } from '../../i18n/i18n-provider';
import { EntityPicker } from '../assignments/entity-picker';
import { useFormatPeriod } from './labels';

type PlacePeriod = { start: string; end: string; placeCount: number };

const hasAny = (values: readonly (number | null)[]) => values.some((value) => value !== null);

/**
 * The indicator over time (national totals, and one LRG beside them when chosen) with its
 * uncertainty band where the data has bounds; and, for one period, the LRGs side by side.
 * `version` changes when observations change, so both charts read again.
 */
export function IndicatorCharts(props: { indicator: IndicatorDetail; version: number }) {
  const { t } = useT();
  const { indicator } = props;
  const formatPeriod = useFormatPeriod();
  const [lrg, setLrg] = useState<EntityRef | null>(null);
  const overTime = useApi<OverTime>(`/api/indicators/${indicator.id}/series/over-time`, {
    placeId: lrg?.id,
    v: props.version,
  });
  const data = overTime.data;
  const fileBase = indicator.code.replace(/[^\p{L}\p{N}._-]+/gu, '-');

  return (
    <section className="card" aria-labelledby="charts-title">
      <h2 id="charts-title">{t('indicators.charts')}</h2>
      {indicator.byPlace ? (
        lrg ? (
          <div className="chosen-record">
            <p>
              <strong>{t('indicators.compareWith')}</strong> {lrg.name}
            </p>
            <button type="button" className="button-link" onClick={() => setLrg(null)}>
              {t('indicators.nationalOnly')}
            </button>
          </div>
        ) : (
          <EntityPicker name="chartLrg" lrgOnly label={t('indicators.compareWith')} onChoose={setLrg} />
        )
      ) : null}
      <ErrorMessage error={overTime.error} />
      {data?.localOnly ? <p className="field-hint">{t('indicators.localOnly')}</p> : null}
      {data ? (
        <DataChart
          kind="line"
          title={t('indicators.overTimeTitle', { title: indicator.title })}
          categories={data.periods.map((period) => formatPeriod(period.start, period.end))}
          categoryLabel={t('indicators.fields.period')}
          series={data.series
            // With only local values, the empty national line would only be noise in the legend.
            .filter((series) => !data.localOnly || series.placeId !== null)
            .map((series) => ({
              label: series.label,
              values: series.values,
              ...(hasAny(series.lower) && hasAny(series.upper) ? { lower: series.lower, upper: series.upper } : {}),
            }))}
          unit={data.unit}
          csvFileName={`${fileBase}-over-time`}
        />
      ) : overTime.loading ? (
        <Loading />
      ) : null}
      {indicator.byPlace ? (
        <AcrossPlacesChart indicator={indicator} version={props.version} fileBase={fileBase} />
      ) : null}
    </section>
  );
}

function AcrossPlacesChart(props: { indicator: IndicatorDetail; version: number; fileBase: string }) {
  const { t } = useT();
  const { indicator } = props;
  const formatPeriod = useFormatPeriod();
  const periods = useApi<PlacePeriod[]>(`/api/indicators/${indicator.id}/series/periods`, { v: props.version });
  const [chosen, setChosen] = useState('');
  const options = periods.data ?? [];
  // The latest period with LRG values until the reader chooses another.
  const period = options.find((item) => `${item.start}/${item.end}` === chosen) ?? options[0];
  const across = useApi<AcrossPlaces>(
    period ? `/api/indicators/${indicator.id}/series/across-places` : null,
    period ? { periodStart: period.start, periodEnd: period.end, v: props.version } : undefined,
  );
  const data = across.data;

  return (
    <>
      <h3 id="across-title">{t('indicators.acrossTitle')}</h3>
      <ErrorMessage error={periods.error ?? across.error} />
      {options.length === 0 ? (
        periods.loading ? (
          <Loading />
        ) : (
          <p className="subtle">{t('indicators.noLrgData')}</p>
        )
      ) : (
        <>
          <div className="field">
            <label htmlFor="across-period">{t('indicators.fields.period')}</label>
            <select
              id="across-period"
              value={period ? `${period.start}/${period.end}` : ''}
              onChange={(event) => setChosen(event.target.value)}
            >
              {options.map((item) => (
                <option key={`${item.start}/${item.end}`} value={`${item.start}/${item.end}`}>
                  {t('indicators.periodOption', {
                    period: formatPeriod(item.start, item.end),
                    count: item.placeCount,
                  })}
                </option>
              ))}
            </select>
          </div>
          {data && period ? (
            <>
              <DataChart
                kind="bar"
                title={t('indicators.acrossChartTitle', {
                  title: indicator.title,
                  period: formatPeriod(period.start, period.end),
                })}
                categories={data.places.map((place) => place.name)}
                categoryLabel={t('indicators.fields.place')}
                series={[
                  {
                    label: formatPeriod(period.start, period.end),
                    values: data.values,
                    ...(hasAny(data.lower) && hasAny(data.upper) ? { lower: data.lower, upper: data.upper } : {}),
                  },
                ]}
                unit={data.unit}
                csvFileName={`${props.fileBase}-${period.start}-${period.end}`}
              />
              {data.truncated ? (
                <p className="field-hint">{t('indicators.truncated', { count: data.places.length })}</p>
              ) : null}
            </>
          ) : across.loading ? (
            <Loading />
          ) : null}
        </>
      )}
    </>
  );
}
