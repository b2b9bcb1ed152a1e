import type { Locale } from '../../../shared/i18n/locales';
import type { Translate } from '../../../shared/i18n/translate';
import type { PublicQuery } from '../../../shared/schemas/public';
import { publicPageSize } from '../../../shared/schemas/public';
import { type Html, html, trusted } from '../../lib/html';
import { sanitizeNarrative, textToHtml } from '../progress/sanitize';
import { bars, lineChart } from './public.chart';
import { publicRoot } from './public.layout';
import { type Dataset, datasets, dictionaryOf, licenceOf } from './public.open';
import type { FacetCount, PublicRow, PublicUpdate } from './public.repo';
import type {
  Labels,
  publicEntity,
  publicHome,
  publicRecommendation,
  publicRegister,
  publicReview,
} from './public.service';

// The body of each public page type, from what public.service read. Titles are returned beside
// the body so that layout() puts them in <title>.

type Data<F extends (...args: never[]) => unknown> = NonNullable<Awaited<ReturnType<F>>>;
export interface PageBody {
  title: string;
  body: Html;
}
interface Ctx {
  locale: Locale;
  t: Translate;
}

const positionLabel = (t: Translate, position: string | null) => t(`register.position.${position ?? 'none'}`);
const mechanismLabel = (t: Translate, mechanism: string) => t(`register.mechanism.${mechanism}`);

/** The query string of the register with `change` applied (a facet link, a page link). */
function registerHref(locale: Locale, base: string, query: PublicQuery, change: Partial<PublicQuery>): string {
  const merged: Record<string, unknown> = { ...query, page: undefined, ...change };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) {
    if (value !== undefined && value !== null && value !== '' && !(key === 'page' && value === 1))
      params.set(key, String(value));
  }
  const search = params.toString();
  return `${publicRoot(locale)}${base}${search ? `?${search}` : ''}`;
}

function rowList({ locale, t }: Ctx, rows: PublicRow[], labels: Labels): Html {
  const root = publicRoot(locale);
  return html`<ol class="cards">${rows.map(
    (row) => html`<li><h3><a href="${root}/recommendations/${row.id}">${[row.symbol, row.number && `¶ ${row.number}`]
      .filter(Boolean)
      .join(' ')}</a></h3>
<p lang="${row.text_lang ?? undefined}" dir="${row.text_lang === 'ar' ? 'rtl' : 'ltr'}">${row.text.length > 400 ? `${row.text.slice(0, 400)}…` : row.text}</p>
<p class="meta">${labels.body(row.body_code)} · ${positionLabel(t, row.position)}${
      row.status ? html` · <span class="status">${labels.status(row.status)}</span>` : ''
    }</p></li>`,
  )}</ol>`;
}

function pager(ctx: Ctx, base: string, query: PublicQuery, total: number): Html {
  const pages = Math.max(1, Math.ceil(total / publicPageSize));
  if (pages === 1) return html``;
  const { t, locale } = ctx;
  return html`<nav class="pager" aria-label="${t('public.pager.label')}">
${query.page > 1 ? html`<a rel="prev" href="${registerHref(locale, base, query, { page: query.page - 1 })}">${t('public.pager.previous')}</a>` : ''}
<span>${t('public.pager.page', { page: query.page, pages })}</span>
${query.page < pages ? html`<a rel="next" href="${registerHref(locale, base, query, { page: query.page + 1 })}">${t('public.pager.next')}</a>` : ''}
</nav>`;
}

const facetOrder: FacetCount['facet'][] = ['mechanism', 'status', 'position', 'sdg', 'theme', 'review'];
const facetKey: Record<FacetCount['facet'], keyof PublicQuery> = {
  mechanism: 'mechanism',
  status: 'status',
  position: 'position',
  sdg: 'sdg',
  theme: 'theme',
  review: 'review',
};
const facetTitle: Record<FacetCount['facet'], string> = {
  mechanism: 'register.facet.mechanism',
  status: 'register.facet.status',
  position: 'register.facet.position',
  sdg: 'register.facet.sdgGoal',
  theme: 'register.facet.theme',
  review: 'register.facet.review',
};

function facetLabel(ctx: Ctx, data: Data<typeof publicRegister>, facet: FacetCount['facet'], value: string): string {
  switch (facet) {
    case 'mechanism':
      return mechanismLabel(ctx.t, value);
    case 'status':
      return data.labels.status(value);
    case 'position':
      return positionLabel(ctx.t, value);
    case 'sdg':
      return data.labels.sdg(value);
    case 'theme':
      return data.labels.theme(value);
    case 'review':
      return data.reviewSymbols.get(value) ?? value;
  }
}

/** The register: search box, facets (links, so they work without script) and the page of results. */
export function registerBody(ctx: Ctx, data: Data<typeof publicRegister>, query: PublicQuery, base: string): Html {
  const { t } = ctx;
  const facets = facetOrder
    .map((facet) => ({ facet, entries: data.facets.filter((entry) => entry.facet === facet).slice(0, 12) }))
    .filter(({ entries }) => entries.length > 0);
  // Results before the facets in the page's order: on a phone they come first; on a wide screen
  // the facets sit at the inline end, in the same reading order.
  return html`<form method="get" action="${publicRoot(ctx.locale)}${base}" role="search">
<label for="q">${t('register.searchLabel')}</label>
<input type="search" id="q" name="q" value="${query.q ?? ''}">
${facetOrder.map((facet) => {
  const value = query[facetKey[facet]];
  return value !== undefined ? html`<input type="hidden" name="${facetKey[facet]}" value="${String(value)}">` : '';
})}
<button type="submit">${t('register.search')}</button></form>
<div class="layout"><div>
<h2 class="results"><span role="status">${t('public.register.results', { count: data.total })}</span></h2>
${rowList(ctx, data.rows, data.labels)}
${pager(ctx, base, query, data.total)}
</div><div class="facets">
${facets.map(({ facet, entries }) => {
  const selected = query[facetKey[facet]];
  return html`<nav class="facet" aria-label="${t(facetTitle[facet])}"><h2>${t(facetTitle[facet])}</h2><ul>
${selected !== undefined ? html`<li><a href="${registerHref(ctx.locale, base, query, { [facetKey[facet]]: undefined })}">${t('public.register.all')}</a></li>` : ''}
${entries.map((entry) =>
  String(selected) === entry.value
    ? html`<li class="current" aria-current="true">${facetLabel(ctx, data, facet, entry.value)} (${entry.count})</li>`
    : html`<li><a href="${registerHref(ctx.locale, base, query, { [facetKey[facet]]: entry.value })}">${facetLabel(ctx, data, facet, entry.value)}</a> (${entry.count})</li>`,
)}</ul></nav>`;
})}
</div></div>`;
}

function updateList(ctx: Ctx, updates: PublicUpdate[], labels: Labels, withLink: boolean): Html {
  const { t, locale } = ctx;
  if (updates.length === 0) return html`<p>${t('public.rec.noProgress')}</p>`;
  return html`<ol class="cards">${updates.map(
    (update) => html`<li id="update-${update.id}"><p class="meta">${t('public.update.by', {
      entity: update.entity_name,
      date: update.validated_on ?? '',
    })}${update.period_start && update.period_end ? ` · ${t('public.update.period', { start: update.period_start, end: update.period_end })}` : ''}</p>
${update.proposed_status ? html`<p>${t('register.facet.status')}: <span class="status">${labels.status(update.proposed_status)}</span></p>` : ''}
<blockquote>${trusted(update.narrative_format === 'html' ? sanitizeNarrative(update.narrative ?? '') : textToHtml(update.narrative ?? ''))}</blockquote>
${withLink ? html`<p><a href="${publicRoot(locale)}/recommendations/${update.recommendation_id}">${t('public.update.recommendation')}</a></p>` : ''}</li>`,
  )}</ol>`;
}

function indicatorList(ctx: Ctx, indicators: Data<typeof publicEntity>['indicators']): Html {
  const { t } = ctx;
  if (indicators.length === 0) return html`<p>${t('public.indicator.none')}</p>`;
  return html`${indicators.map(
    (
      indicator,
    ) => html`<section aria-labelledby="ind-${indicator.id}"><h3 id="ind-${indicator.id}">${indicator.code} · ${indicator.title}</h3>
<p class="meta">${indicator.owner_name}${indicator.unit ? ` · ${indicator.unit}` : ''}
${indicator.baseline_value !== null ? ` · ${t('public.indicator.baseline', { value: indicator.baseline_value, year: String(indicator.baseline_year ?? '') })}` : ''}
${indicator.target_value !== null ? ` · ${t('public.indicator.target', { value: indicator.target_value, year: String(indicator.target_year ?? '') })}` : ''}</p>
${
  indicator.points.length === 0
    ? html`<p>${t('public.indicator.noData')}</p>`
    : html`${lineChart(indicator.points, t('public.indicator.chart', { title: indicator.title }), {
        baseline: indicator.baseline_value,
        target: indicator.target_value,
      })}
<table><caption class="meta">${indicator.title}</caption><thead><tr><th scope="col">${t('public.indicator.period')}</th><th scope="col">${t('public.indicator.value')}</th></tr></thead>
<tbody>${indicator.points.map((point) => html`<tr><td>${point.period}</td><td>${point.value}</td></tr>`)}</tbody></table>`
}</section>`,
  )}`;
}

export function recommendationPage(ctx: Ctx, data: Data<typeof publicRecommendation>): PageBody {
  const { t, locale } = ctx;
  const root = publicRoot(locale);
  const { recommendation: r, labels, followUp } = data;
  const title = [r.symbol, r.number && `¶ ${r.number}`].filter(Boolean).join(' ') || t('public.rec.title');
  const body = html`<h1>${title}</h1>
<blockquote lang="${r.text_lang ?? undefined}" dir="${r.text_lang === 'ar' ? 'rtl' : 'ltr'}">${r.text.split('\n').map((line, index) => html`${index ? html`<br>` : ''}${line}`)}</blockquote>
<dl>
<dt>${t('public.rec.source')}</dt><dd><a href="${root}/reviews/${r.review_id}">${r.symbol ?? r.review_title ?? r.body_code}</a>${r.review_date ? ` (${r.review_date})` : ''}${r.number ? ` · ${t('public.rec.paragraph', { number: r.number })}` : ''}</dd>
<dt>${t('register.facet.body')}</dt><dd><a href="${root}/mechanisms/${r.mechanism}">${mechanismLabel(t, r.mechanism)}</a> · ${localizeName(r.body_name, locale)}</dd>
<dt>${t('register.facet.position')}</dt><dd>${positionLabel(t, r.position)}</dd>
${r.recommending_states.length ? html`<dt>${t('register.facet.state')}</dt><dd>${r.recommending_states.join(', ')}</dd>` : ''}
${r.theme_ids.length ? html`<dt>${t('register.facet.theme')}</dt><dd>${r.theme_ids.map((id, index) => html`${index ? ', ' : ''}<a href="${root}/themes/${id}">${labels.theme(String(id))}</a>`)}</dd>` : ''}
${r.sdg_goals.length ? html`<dt>${t('register.facet.sdgGoal')}</dt><dd>${r.sdg_goals.map((goal, index) => html`${index ? ', ' : ''}<a href="${root}/sdgs/${goal}">${labels.sdg(String(goal))}</a>`)}</dd>` : ''}
${followUp ? html`<dt>${t('register.facet.status')}</dt><dd><span class="status">${labels.status(followUp.status)}</span></dd>` : ''}
</dl>
${
  followUp
    ? html`<h2>${t('public.rec.responsible')}</h2>
${followUp.responsible.length ? html`<ul>${followUp.responsible.map((entity) => html`<li><a href="${root}/entities/${entity.id}">${entity.name}</a> (${t(`assignments.role.${entity.role}`)})</li>`)}</ul>` : html`<p>${t('assignments.none')}</p>`}
<h2>${t('public.rec.progress')}</h2>${updateList(ctx, followUp.updates, labels, false)}
<h2>${t('public.rec.history')}</h2>
<table><thead><tr><th scope="col">${t('public.rec.date')}</th><th scope="col">${t('register.facet.status')}</th></tr></thead>
<tbody>${followUp.history.map((row) => html`<tr><td>${row.on}</td><td>${labels.status(row.status)}</td></tr>`)}</tbody></table>
<h2>${t('public.rec.indicators')}</h2>${indicatorList(ctx, followUp.indicators)}`
    : html`<p>${t('public.rec.noFollowUp')}</p>`
}`;
  return { title, body };
}

function localizeName(name: Record<string, string>, locale: Locale): string {
  return name[locale] || name.en || Object.values(name)[0] || '';
}

export function reviewPage(ctx: Ctx, data: Data<typeof publicReview>, query: PublicQuery): PageBody {
  const { review } = data;
  const title = review.symbol ?? review.title ?? review.bodyLabel;
  return {
    title,
    body: html`<h1>${title}</h1>
<p class="meta">${[review.bodyLabel, mechanismLabel(ctx.t, review.mechanism), review.review_date].filter(Boolean).join(' · ')}</p>
${review.title && review.symbol ? html`<p>${review.title}</p>` : ''}
${registerBody(ctx, data.register, query, `/reviews/${review.id}`)}`,
  };
}

export function entityPage(ctx: Ctx, data: Data<typeof publicEntity>, query: PublicQuery): PageBody {
  const { t } = ctx;
  const { entity } = data;
  const title = entity.acronym ? `${entity.name} (${entity.acronym})` : entity.name;
  return {
    title,
    body: html`<h1>${title}</h1><p class="meta">${t(`entities.kind.${entity.kind}`)}</p>
<h2>${t('public.entity.asked')}</h2>${registerBody(ctx, data.register, query, `/entities/${entity.id}`)}
<h2>${t('public.entity.did')}</h2>${updateList(ctx, data.updates, data.register.labels, true)}
<h2>${t('public.entity.indicators')}</h2>${indicatorList(ctx, data.indicators)}`,
  };
}

export function homePage(ctx: Ctx, data: Data<typeof publicHome>): PageBody {
  const { t, locale } = ctx;
  const root = publicRoot(locale);
  const count = (facet: FacetCount['facet']) => data.facets.filter((entry) => entry.facet === facet);
  const total = count('mechanism').reduce((sum, entry) => sum + entry.count, 0);
  const title = t('public.nav.home');
  return {
    title,
    body: html`<h1>${t('public.siteName')}</h1><p>${t('public.home.intro')}</p>
<p><a href="${root}/recommendations">${t('public.count.recommendations', { count: total })}</a></p>
<h2>${t('public.home.byStatus')}</h2>
${bars(count('status').map((entry) => ({ label: data.labels.status(entry.value), count: entry.count, href: `${root}/recommendations?status=${encodeURIComponent(entry.value)}` })))}
<h2>${t('public.home.byMechanism')}</h2>
${bars(count('mechanism').map((entry) => ({ label: mechanismLabel(t, entry.value), count: entry.count, href: `${root}/mechanisms/${entry.value}` })))}
<h2>${t('public.home.bySdg')}</h2>
${bars(count('sdg').map((entry) => ({ label: data.labels.sdg(entry.value), count: entry.count, href: `${root}/sdgs/${entry.value}` })))}
<h2>${t('public.home.reviews')}</h2>
<ul class="cards">${data.reviews.map(
      (
        review,
      ) => html`<li><a href="${root}/reviews/${review.id}">${review.symbol ?? review.title ?? review.body_code}</a>
<p class="meta">${[mechanismLabel(t, review.mechanism), review.review_date].filter(Boolean).join(' · ')} · ${t('public.count.recommendations', { count: review.shown })} · ${t('public.count.followed', { count: review.followed })}</p></li>`,
    )}</ul>
<h2>${t('public.home.latest')}</h2>${updateList(ctx, data.updates, data.labels, true)}
<h2>${t('public.data.title')}</h2><p>${t('public.data.intro')}</p>
${downloadList(ctx)}
<p><a href="${root}/data">${t('public.data.dictionaryLink')}</a></p>
<h2>${t('public.home.entities')}</h2>
<ul>${data.entities.map((entity) => html`<li><a href="${root}/entities/${entity.id}">${entity.name}</a> · ${t(`entities.kind.${entity.kind}`)} · ${t('public.count.recommendations', { count: entity.n })}</li>`)}</ul>`,
  };
}

export function notFoundPage(ctx: Ctx): PageBody {
  const title = ctx.t('public.notFound.title');
  return {
    title,
    body: html`<h1>${title}</h1><p>${ctx.t('public.notFound.body')}</p><p><a href="${publicRoot(ctx.locale)}/">${ctx.t('public.nav.home')}</a></p>`,
  };
}

const formats = ['csv', 'xlsx', 'json'] as const;

/** Every download: each table in three formats, then the two feeds. */
function downloadList({ locale, t }: Ctx, only?: Dataset): Html {
  const root = publicRoot(locale);
  return html`<ul>${(only ? [only] : datasets).map((dataset) =>
    formats.map(
      (format) =>
        html`<li><a href="${root}/data/${dataset}.${format}">${t('public.data.download', { set: t(`public.data.set.${dataset}`), format: format.toUpperCase() })}</a></li>`,
    ),
  )}${
    only
      ? ''
      : html`<li><a href="${root}/data/changes.atom">${t('public.data.atom')}</a></li>
<li><a href="${root}/data/changes.json">${t('public.data.feedJson')}</a></li>`
  }</ul>`;
}

/** Open data: each table's downloads and its data dictionary; the licence and how to cite. */
export function dataPage(ctx: Ctx, base: string): PageBody {
  const { t, locale } = ctx;
  const title = t('public.data.title');
  const { licence, citation } = licenceOf(locale, base);
  return {
    title,
    body: html`<h1>${title}</h1><p>${t('public.data.intro')}</p>
<h2>${t('public.data.licenceTitle')}</h2><p>${licence}</p><p>${t('public.data.cite')} <q>${citation}</q></p>
<p>${t('public.data.identifiers')}</p>
${datasets.map(
  (
    dataset,
  ) => html`<section aria-labelledby="set-${dataset}"><h2 id="set-${dataset}">${t(`public.data.set.${dataset}`)}</h2>
${downloadList(ctx, dataset)}
<table><caption class="meta">${t('public.data.dictionary', { set: t(`public.data.set.${dataset}`) })}</caption>
<thead><tr><th scope="col">${t('public.data.column')}</th><th scope="col">${t('public.data.meaning')}</th></tr></thead>
<tbody>${Object.entries(dictionaryOf(dataset, locale)).map(
    ([column, meaning]) => html`<tr><td dir="ltr"><code>${column}</code></td><td>${meaning}</td></tr>`,
  )}</tbody></table></section>`,
)}
<h2>${t('public.data.feeds')}</h2>
<ul><li><a href="${publicRoot(locale)}/data/changes.atom">${t('public.data.atom')}</a></li>
<li><a href="${publicRoot(locale)}/data/changes.json">${t('public.data.feedJson')}</a></li></ul>`,
  };
}
