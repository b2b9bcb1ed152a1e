import type { Locale } from '../../../shared/i18n/locales';
import type { Translate } from '../../../shared/i18n/translate';
import type { MemberStatistics } from '../../../shared/schemas/federation';
import { type Html, html } from '../../lib/html';
import { hubRoot } from '../../lib/hub-site';
import { localize } from '../../lib/language';

// A member's aggregates on the hub's public pages (/hub/<locale>/members/<id>/statistics): counts
// only, as the member's instance sent them, with where and when they came from. No script: each
// breakdown is a table (its bar drawn in CSS, the number always written).

interface Row {
  label: string;
  count: number;
}

function breakdown(caption: string, rows: Row[], t: Translate, number: Intl.NumberFormat): Html {
  const max = Math.max(1, ...rows.map((row) => row.count));
  return html`<table class="fed-table"><caption>${caption}</caption>
<thead><tr><th scope="col">${t('federation.statistics.value')}</th><th scope="col">${t('federation.statistics.count')}</th></tr></thead>
<tbody>${
    rows.length === 0
      ? html`<tr><td colspan="2">${t('federation.statistics.none')}</td></tr>`
      : rows.map(
          (row) =>
            html`<tr><th scope="row">${row.label}</th><td><span class="fed-bar" aria-hidden="true" style="inline-size:${((row.count / max) * 8).toFixed(2)}em"></span> ${number.format(row.count)}</td></tr>`,
        )
  }</tbody></table>`;
}

export function statisticsBody(locale: Locale, t: Translate, data: MemberStatistics & { memberName: string }): Html {
  const number = new Intl.NumberFormat(locale);
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });
  const { statistics, origin } = data;
  const sorted = (rows: Row[]) => [...rows].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, locale));
  return html`<p class="fed-origin">${t('federation.origin', {
    instance: origin.instanceName,
    time: `${when.format(new Date(origin.receivedAt))} UTC`,
  })}</p>
<p>${t('federation.statistics.intro', { count: statistics.total, total: number.format(statistics.total) })}</p>
<p class="fed-note">${t('federation.statistics.counted', { time: `${when.format(new Date(statistics.countedAt))} UTC` })}</p>
${breakdown(
  t('federation.statistics.byStatus'),
  sorted(statistics.byStatus.map((row) => ({ label: localize(row.label, locale) || row.code, count: row.count }))),
  t,
  number,
)}
${breakdown(
  t('federation.statistics.byMechanism'),
  sorted(statistics.byMechanism.map((row) => ({ label: t(`register.mechanism.${row.code}`), count: row.count }))),
  t,
  number,
)}
${breakdown(
  t('federation.statistics.byTheme'),
  sorted(statistics.byTheme.map((row) => ({ label: localize(row.label, locale) || row.code, count: row.count }))),
  t,
  number,
)}
<p><a href="${hubRoot(locale)}/members/${data.memberId}">${t('federation.statistics.back', { member: data.memberName })}</a></p>`;
}

export function notFoundBody(t: Translate): Html {
  return html`<p>${t('federation.statistics.notFoundBody')}</p>`;
}

export const statisticsStyles =
  '.fed-table{border-collapse:collapse;margin:1.5em 0;min-inline-size:min(100%,32em)}.fed-table caption{text-align:start;font-weight:600;padding-block-end:.4em}.fed-table th,.fed-table td{border-block-end:1px solid #ddd;padding:.35em .6em;text-align:start}.fed-bar{display:inline-block;block-size:.8em;background:#1f5fa8;vertical-align:middle}.fed-origin,.fed-note{color:#444}';
