import { type Html, html } from '../../lib/html';

// Charts drawn on the server as SVG (no script): each is labelled for screen readers and
// followed on the page by the same numbers as a table.

const width = 320;
const height = 120;
const pad = 8;

/** An indicator's national values over time, with its baseline and target as dashed lines. */
export function lineChart(
  points: { period: string; value: number }[],
  label: string,
  marks: { baseline: number | null; target: number | null },
): Html {
  const values = [...points.map((point) => point.value), marks.baseline, marks.target].filter(
    (value): value is number => value !== null,
  );
  const min = Math.min(...values, 0);
  const max = Math.max(...values, 1);
  const x = (index: number) =>
    pad + (points.length < 2 ? (width - 2 * pad) / 2 : (index * (width - 2 * pad)) / (points.length - 1));
  const y = (value: number) => height - pad - ((value - min) / (max - min || 1)) * (height - 2 * pad);
  const line = (value: number | null, cls: string) =>
    value === null
      ? ''
      : html`<line class="${cls}" x1="${pad}" x2="${width - pad}" y1="${y(value).toFixed(1)}" y2="${y(value).toFixed(1)}"/>`;
  const path = points.map((point, index) => `${x(index).toFixed(1)},${y(point.value).toFixed(1)}`).join(' ');
  return html`<svg class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-label="${label}" focusable="false">
${line(marks.baseline, 'baseline')}${line(marks.target, 'target')}
<polyline points="${path}"/>${points.map((point, index) => html`<circle cx="${x(index).toFixed(1)}" cy="${y(point.value).toFixed(1)}" r="3"/>`)}
</svg>`;
}

/** Counts as horizontal bars, each with its label and number in the HTML beside it. */
export function bars(entries: { label: string; count: number; href?: string }[]): Html {
  const max = Math.max(1, ...entries.map((entry) => entry.count));
  return html`<ul class="bars">${entries.map(
    (entry) =>
      html`<li><span class="bar-label">${entry.href ? html`<a href="${entry.href}">${entry.label}</a>` : entry.label}</span>
<span class="bar" aria-hidden="true"><span style="inline-size:${((entry.count / max) * 100).toFixed(1)}%"></span></span>
<span class="bar-count">${entry.count}</span></li>`,
  )}</ul>`;
}
