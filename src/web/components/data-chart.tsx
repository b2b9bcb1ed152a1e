import type { ChartConfiguration, ChartDataset } from 'chart.js';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useT } from '../i18n/i18n-provider';
import { type ChartSeries, chartColumns, chartCsv } from './chart-data';
import { seriesColor, seriesPalette } from './chart-palette';

export type { ChartSeries } from './chart-data';

export interface DataChartProps {
  kind: 'line' | 'bar' | 'stacked-bar';
  /** Shown as the figure's caption and the table's caption. */
  title: string;
  /** The x axis: years, periods, or names (LRGs, bodies…). */
  categories: string[];
  series: ChartSeries[];
  /** The unit of the values, shown on the value axis and in the table header. */
  unit?: string;
  /** Name of the downloaded file, without extension. */
  csvFileName: string;
  /** One colour per series (e.g. per status); each must pass 3:1 against white. */
  colors?: string[];
  /** Header of the category column in the table and the CSV. */
  categoryLabel?: string;
}

type View = 'chart' | 'table';

/**
 * A chart with the same data as a table and as CSV: the table is the accessible view (a canvas
 * says nothing to a screen reader) and the CSV is what NMIRF staff take into Excel. Chart.js
 * loads on first render, so pages that show no chart never download it.
 */
export function DataChart(props: DataChartProps) {
  const { t, formatNumber, dir } = useT();
  const [view, setView] = useState<View>('chart');
  const captionId = useId();
  const colors = props.colors ?? seriesPalette;
  const columns = useMemo(
    () => chartColumns(props.series, (series, bound) => t(`chart.${bound}`, { series })),
    [props.series, t],
  );
  const categoryLabel = props.categoryLabel ?? t('chart.category');
  const empty = props.categories.length === 0 || props.series.length === 0;

  const download = () => {
    const blob = new Blob([chartCsv(categoryLabel, props.categories, columns)], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = `${props.csvFileName}.csv`;
    link.click();
    URL.revokeObjectURL(url);
  };

  return (
    <figure className="data-chart" aria-labelledby={captionId}>
      <figcaption id={captionId}>
        <span className="data-chart-title">{props.title}</span>
        {props.unit ? <span className="data-chart-unit"> ({props.unit})</span> : null}
      </figcaption>
      <div className="data-chart-tools">
        {(['chart', 'table'] as const).map((option) => (
          <button
            key={option}
            type="button"
            className="button-secondary"
            aria-pressed={view === option}
            onClick={() => setView(option)}
          >
            {t(option === 'chart' ? 'chart.showChart' : 'chart.showTable')}
          </button>
        ))}
        <button type="button" className="button-secondary" onClick={download} disabled={empty}>
          {t('chart.downloadCsv')}
        </button>
      </div>
      {empty ? (
        <p className="field-hint">{t('chart.empty')}</p>
      ) : view === 'chart' ? (
        <ChartCanvas {...props} colors={colors} rtl={dir === 'rtl'} label={`${props.title}. ${t('chart.tableHint')}`} />
      ) : (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">{props.title}</caption>
            <thead>
              <tr>
                <th scope="col">{categoryLabel}</th>
                {columns.map((column) => (
                  <th key={column.label} scope="col">
                    {column.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {props.categories.map((category, row) => (
                <tr key={category}>
                  <th scope="row">{category}</th>
                  {columns.map((column) => {
                    const value = column.values[row];
                    return (
                      <td key={column.label} className="numeric">
                        {value === null || value === undefined ? '–' : formatNumber(value)}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </figure>
  );
}

function ChartCanvas(props: DataChartProps & { colors: string[]; rtl: boolean; label: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const { formatNumber } = useT();

  useEffect(() => {
    let chart: { destroy(): void } | undefined;
    let cancelled = false;
    const stopWaiting = whenWorthDrawing(canvas.current, () => {
      void import('./chart-runtime').then(({ createChart }) => {
        if (cancelled || !canvas.current) return;
        chart = createChart(canvas.current, chartConfig(props, formatNumber));
      });
    });
    return () => {
      cancelled = true;
      stopWaiting();
      chart?.destroy();
    };
  }, [props, formatNumber]);

  return (
    <div className="data-chart-canvas">
      <canvas ref={canvas} role="img" aria-label={props.label} />
    </div>
  );
}

/**
 * Chart.js (about 70 KB) is fetched once the page has painted and the browser is idle, and only
 * for a chart in view or about to be: the page's heading, text and table view never wait for it,
 * and a phone that never scrolls to a chart never downloads it (decisions 010, 041). Printing
 * draws every chart that is still waiting.
 */
function whenWorthDrawing(element: HTMLElement | null, draw: () => void): () => void {
  let done = false;
  let idle = 0;
  const run = () => {
    if (done) return;
    done = true;
    stop();
    draw();
  };
  const observer =
    element && typeof IntersectionObserver === 'function'
      ? new IntersectionObserver(
          (entries) => {
            if (!entries.some((entry) => entry.isIntersecting)) return;
            observer?.disconnect();
            idle =
              typeof requestIdleCallback === 'function'
                ? requestIdleCallback(run, { timeout: 1500 })
                : (setTimeout(run, 200) as unknown as number);
          },
          // In view or about to be (a tenth of a screen below): a chart a screen away used to
          // fetch Chart.js during the first load of a phone's dashboard (decision 041).
          { rootMargin: '0px 0px 10% 0px' },
        )
      : null;
  const stop = () => {
    observer?.disconnect();
    if (typeof cancelIdleCallback === 'function') cancelIdleCallback(idle);
    else clearTimeout(idle as unknown as ReturnType<typeof setTimeout>);
    window.removeEventListener('beforeprint', run);
  };
  window.addEventListener('beforeprint', run);
  if (observer && element) observer.observe(element);
  else run();
  return () => {
    done = true;
    stop();
  };
}

function chartConfig(
  props: DataChartProps & { colors: string[]; rtl: boolean },
  formatNumber: (value: number) => string,
): ChartConfiguration<'bar' | 'line'> {
  const stacked = props.kind === 'stacked-bar';
  const type = props.kind === 'line' ? 'line' : 'bar';
  const datasets: ChartDataset<'bar' | 'line', (number | null)[]>[] = [];
  props.series.forEach((series, index) => {
    const color = seriesColor(index, props.colors);
    // A band between the bounds, drawn first, filled from the lower line to the upper one.
    if (type === 'line' && series.lower && series.upper) {
      datasets.push({ type: 'line', label: '', data: series.lower, borderWidth: 0, pointRadius: 0, fill: false });
      datasets.push({
        type: 'line',
        label: '',
        data: series.upper,
        borderWidth: 0,
        pointRadius: 0,
        fill: '-1',
        backgroundColor: `${color}33`,
      });
    }
    datasets.push({
      type,
      label: series.label,
      data: series.values,
      borderColor: color,
      backgroundColor: color,
      borderWidth: type === 'line' ? 2 : 0,
      spanGaps: true,
    });
  });
  return {
    type,
    data: { labels: props.categories, datasets },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      locale: document.documentElement.lang || undefined,
      plugins: {
        legend: { rtl: props.rtl, labels: { filter: (item) => item.text !== '' } },
        tooltip: {
          rtl: props.rtl,
          filter: (item) => item.dataset.label !== '',
          callbacks: {
            label: (item) =>
              `${item.dataset.label}: ${item.parsed.y === null ? '–' : formatNumber(item.parsed.y)}${props.unit ? ` ${props.unit}` : ''}`,
          },
        },
      },
      scales: {
        x: { stacked, reverse: props.rtl },
        y: {
          stacked,
          beginAtZero: type === 'bar',
          position: props.rtl ? 'right' : 'left',
          title: props.unit ? { display: true, text: props.unit } : undefined,
          ticks: { callback: (value) => (typeof value === 'number' ? formatNumber(value) : value) },
        },
      },
    },
  };
}
