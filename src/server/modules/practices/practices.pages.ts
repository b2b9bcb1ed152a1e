import { directionOf, type Locale, languageName } from '../../../shared/i18n/locales';
import type { Translate } from '../../../shared/i18n/translate';
import type { PracticeFacetName, PracticeSearchQuery } from '../../../shared/schemas/hub-practices';
import { type Html, html, trusted } from '../../lib/html';
import { hubRoot } from '../../lib/hub-site';
import type { PublicPractice, PublicPracticeList } from './practices.public.service';

// The practices' public pages (decision 036): rendered on the server, no script, every stored
// text escaped by the html template; the body is the sanitised HTML (practices.sanitize.ts).

export interface Ctx {
  locale: Locale;
  t: Translate;
}
export interface PageBody {
  title: string;
  body: Html;
}

export const practiceStyles = `.facet h3{font-size:1rem;margin:8px 0 4px}.shown{background:#fff6d6;border:1px solid #d9b44a;border-radius:6px;padding:6px 10px}
.practice-body{max-width:48rem}.practice-body h2{font-size:1.2rem}.tags{list-style:none;padding:0;margin:4px 0;display:flex;flex-wrap:wrap;gap:6px}
.tags li{border:1px solid #0b4f8a;border-radius:12px;padding:0 8px;font-size:.9rem}dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:4px 12px;margin:8px 0}
dl.facts dt{font-weight:600}dl.facts dd{margin:0}.cards h2{font-size:1.1rem;margin:0 0 4px}.summary{margin:4px 0}
@media(max-width:600px){dl.facts{grid-template-columns:1fr}}`;

export function countryName(code: string | null, locale: Locale): string {
  if (!code) return '';
  try {
    return new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}

function facetLabel(ctx: Ctx, facet: PracticeFacetName, value: string, networks: Map<string, string>): string {
  switch (facet) {
    case 'country':
      return countryName(value, ctx.locale);
    case 'level':
      return ctx.t(`hubPractices.level.${value}`);
    case 'system':
      return ctx.t(`stateProfile.system.${value}`);
    case 'theme':
      return ctx.t(`hubThemes.${value}`);
    case 'network':
      return networks.get(value) ?? value;
    case 'language':
      return languageName(value, ctx.locale);
  }
}

const queryKeys = ['q', 'country', 'level', 'system', 'theme', 'network', 'language'] as const;

/** The list's address with these filters (the page starts again at 1 unless given). */
function listHref(ctx: Ctx, query: PracticeSearchQuery, change: Partial<Record<string, string | number | undefined>>) {
  const params = new URLSearchParams();
  const merged: Record<string, string | number | undefined> = { ...query, page: undefined, ...change };
  for (const key of [...queryKeys, 'page'] as const) {
    const value = merged[key];
    if (value !== undefined && value !== '' && !(key === 'page' && value === 1)) params.set(key, String(value));
  }
  const search = params.toString();
  return `${hubRoot(ctx.locale)}/practices${search ? `?${search}` : ''}`;
}

export function practiceListPage(ctx: Ctx, data: PublicPracticeList, query: PracticeSearchQuery): PageBody {
  const { t } = ctx;
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  const facetNames: PracticeFacetName[] = ['country', 'level', 'system', 'theme', 'network', 'language'];
  const facetKey: Record<PracticeFacetName, keyof PracticeSearchQuery> = {
    country: 'country',
    level: 'level',
    system: 'system',
    theme: 'theme',
    network: 'network',
    language: 'language',
  };
  const active = facetNames.filter((facet) => query[facetKey[facet]] !== undefined);
  const facets = html`<aside aria-labelledby="filters"><h2 id="filters">${t('hubPractices.public.filters')}</h2>
${
  active.length > 0
    ? html`<p><a href="${listHref(ctx, { page: 1, ...(query.q ? { q: query.q } : {}) }, {})}">${t('hubPractices.public.clear')}</a></p>`
    : ''
}
${facetNames.map((facet) => {
  const values = data.facets[facet];
  const current = query[facetKey[facet]] as string | undefined;
  if (values.length === 0 && !current) return '';
  return html`<section class="facet"><h3>${t(`hubPractices.facet.${facet}`)}</h3><ul>${values.map((row) =>
    row.value === current
      ? html`<li class="current">${facetLabel(ctx, facet, row.value, data.networks)} (${row.count}) · <a href="${listHref(ctx, query, { [facet]: undefined })}">${t('hubPractices.public.remove')}</a></li>`
      : html`<li><a href="${listHref(ctx, query, { [facet]: row.value })}">${facetLabel(ctx, facet, row.value, data.networks)}</a> (${row.count})</li>`,
  )}</ul></section>`;
})}</aside>`;
  const hidden = queryKeys
    .filter((key) => key !== 'q' && query[key] !== undefined)
    .map((key) => html`<input type="hidden" name="${key}" value="${String(query[key])}">`);
  const results =
    data.rows.length === 0
      ? html`<p>${t('hubPractices.public.none')}</p>`
      : html`<ul class="cards">${data.rows.map(
          (row) => html`<li lang="${row.locale}" dir="${directionOf(row.locale)}">
<h2><a href="${hubRoot(ctx.locale)}/practices/${row.ref_id}">${row.title}</a></h2>
<p class="meta" lang="${ctx.locale}" dir="${directionOf(ctx.locale)}">${row.member_name} · ${countryName(row.country_code, ctx.locale)}${
            row.level ? html` · ${t(`hubPractices.level.${row.level}`)}` : ''
          }${row.locale !== ctx.locale ? html` · ${t('hubPractices.public.shownInShort', { language: languageName(row.locale, ctx.locale) })}` : ''}</p>
<p class="summary">${row.summary}</p>
<ul class="tags" lang="${ctx.locale}" aria-label="${t('hubPractices.public.themes')}">${row.themes.map((theme) => html`<li>${t(`hubThemes.${theme}`)}</li>`)}</ul></li>`,
        )}</ul>`;
  const pager =
    pages > 1
      ? html`<nav class="pager" aria-label="${t('hubPractices.public.pages')}">${
          query.page > 1
            ? html`<a rel="prev" href="${listHref(ctx, query, { page: query.page - 1 })}">${t('hubPractices.public.previous')}</a>`
            : ''
        }<span>${t('hubPractices.public.pageOf', { page: Math.min(query.page, pages), pages })}</span>${
          query.page < pages
            ? html`<a rel="next" href="${listHref(ctx, query, { page: query.page + 1 })}">${t('hubPractices.public.next')}</a>`
            : ''
        }</nav>`
      : '';
  return {
    title: t('hubPractices.public.title'),
    body: html`<h1>${t('hubPractices.public.title')}</h1><p>${t('hubPractices.public.intro')}</p>
<form role="search" method="get" action="${hubRoot(ctx.locale)}/practices"><label for="q">${t('hubPractices.public.searchLabel')}</label>
<input type="search" id="q" name="q" value="${query.q ?? ''}">${hidden}<button type="submit">${t('hubPractices.public.search')}</button></form>
<div class="layout"><section aria-labelledby="results"><h2 id="results">${t('hubPractices.public.results', { count: data.total })}</h2>${results}${pager}</section>${facets}</div>`,
  };
}

function sizeOf(bytes: number, locale: Locale): string {
  const mb = bytes / 1_048_576;
  const format = new Intl.NumberFormat(locale, { maximumFractionDigits: mb < 1 ? 0 : 1 });
  return mb < 1 ? `${format.format(Math.max(1, bytes / 1024))} KB` : `${format.format(mb)} MB`;
}

export function practicePage(ctx: Ctx, practice: PublicPractice): PageBody {
  const { t, locale } = ctx;
  const root = hubRoot(locale);
  const shownElsewhere = practice.shownLocale !== locale;
  const date = practice.publishedAt
    ? new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(practice.publishedAt)
    : '';
  const facts = html`<dl class="facts">
<dt>${t('hubPractices.public.member')}</dt><dd dir="auto">${practice.memberName}</dd>
<dt>${t('hubPractices.public.country')}</dt><dd><a href="${root}/practices?country=${practice.countryCode}">${countryName(practice.countryCode, locale)}</a></dd>
<dt>${t('hubPractices.public.level')}</dt><dd>${t(`hubPractices.level.${practice.level}`)}</dd>
${practice.systemOfGovernment ? html`<dt>${t('hubPractices.public.system')}</dt><dd>${t(`stateProfile.system.${practice.systemOfGovernment}`)}</dd>` : ''}
<dt>${t('hubPractices.public.themes')}</dt><dd><ul class="tags">${practice.themes.map(
    (theme) => html`<li><a href="${root}/practices?theme=${theme}">${t(`hubThemes.${theme}`)}</a></li>`,
  )}</ul></dd>
<dt>${t('hubPractices.public.published')}</dt><dd>${date}</dd>
<dt>${t('hubPractices.public.languages')}</dt><dd>${new Intl.ListFormat(locale, { type: 'conjunction' }).format(
    practice.locales.map(
      (one) =>
        `${languageName(one, locale)}${one === practice.originalLocale ? ` (${t('hubPractices.public.original')})` : ''}`,
    ),
  )}</dd>
</dl>`;
  const links =
    practice.links.length > 0
      ? html`<h2>${t('hubPractices.public.links')}</h2><ul>${practice.links.map(
          (link) =>
            html`<li><a dir="auto" href="${/^https?:\/\//i.test(link.url) ? link.url : '#'}" rel="noopener noreferrer">${link.label}</a></li>`,
        )}</ul>`
      : '';
  const files =
    practice.files.length > 0
      ? html`<h2>${t('hubPractices.public.files')}</h2><ul>${practice.files.map(
          (file) =>
            html`<li><a dir="auto" href="/hub/practices/${practice.id}/files/${file.id}" download>${file.fileName}</a> <span class="meta">(${sizeOf(file.sizeBytes, locale)})</span></li>`,
        )}</ul>`
      : '';
  const related = html`<h2>${t('hubPractices.public.related')}</h2>${
    practice.related.length === 0
      ? html`<p>${t('hubPractices.public.noRelated')}</p>`
      : html`<ul>${practice.related.map(
          (one) =>
            html`<li><a href="${root}/practices/${one.id}" lang="${one.locale}" dir="auto">${one.title}</a> <span class="meta">(${countryName(one.country_code, locale)})</span></li>`,
        )}</ul>`
  }`;
  return {
    title: practice.title,
    body: html`<p><a href="${root}/practices">${t('hubPractices.public.back')}</a></p>
<article lang="${practice.shownLocale}" dir="${directionOf(practice.shownLocale)}">
${shownElsewhere ? html`<p class="shown" lang="${locale}" dir="${directionOf(locale)}">${t('hubPractices.public.shownIn', { language: languageName(practice.shownLocale, locale) })}</p>` : ''}
<h1>${practice.title}</h1>
<p class="summary"><strong>${practice.summary}</strong></p>
<div lang="${locale}" dir="${directionOf(locale)}">${facts}</div>
<div class="practice-body">${trusted(practice.body)}</div>
</article>
<div lang="${locale}" dir="${directionOf(locale)}">${links}${files}
${practice.contact ? html`<h2>${t('hubPractices.public.contact')}</h2><p dir="auto">${practice.contact}</p>` : ''}
${practice.source ? html`<h2>${t('hubPractices.public.source')}</h2><p dir="auto">${practice.source}</p>` : ''}
${related}</div>`,
  };
}

export function notFoundPage(ctx: Ctx): PageBody {
  return {
    title: ctx.t('hubPractices.public.notFoundTitle'),
    body: html`<h1>${ctx.t('hubPractices.public.notFoundTitle')}</h1><p>${ctx.t('hubPractices.public.notFound')}</p>
<p><a href="${hubRoot(ctx.locale)}/practices">${ctx.t('hubPractices.public.back')}</a></p>`,
  };
}
