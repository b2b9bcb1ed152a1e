import type { FastifyReply, FastifyRequest } from 'fastify';
import { isLocale, type Locale, localeNames, negotiateLocale } from '../../../shared/i18n/locales';
import type { Translate } from '../../../shared/i18n/translate';
import {
  type HubSearchFacet,
  type HubSearchQuery,
  type HubSearchResult,
  hubSearchFacetNames,
  hubSearchQuerySchema,
} from '../../../shared/schemas/hub-search';
import type { Database } from '../../db/database';
import { translatorFor } from '../../i18n';
import { type Html, html } from '../../lib/html';
import { hubPage, hubRoot } from '../../lib/hub-site';
import { findNetworkNames } from './hub-search.repo';
import { searchHub } from './hub-search.service';

// The search's public page (issue 19 item 7): a GET form, facets as links that add or remove one
// filter, a pager; server-rendered with no script, in the page's language and direction.

const styles = `.hits{list-style:none;padding:0;margin:0;display:grid;gap:12px}.hits li{border:1px solid #c9c9c9;border-radius:6px;padding:12px}
.hits h2{font-size:1.1rem;margin:0 0 4px}.hits mark{background:#fff1b8;color:inherit}.kind{font-size:.85rem;text-transform:uppercase;letter-spacing:.02em;color:#4a4a4a}
.facet a{text-decoration:none}.facet a:hover{text-decoration:underline}.facet .on{font-weight:700}.count{color:#4a4a4a}
.search-row{display:flex;gap:8px;align-items:end;flex-wrap:wrap}.search-row label{flex:1 1 14rem}.search-row button{margin:0}
.error{border:2px solid #b00020;padding:8px 12px;border-radius:6px}.suggest{font-size:1.05rem}`;

type Filters = Omit<HubSearchQuery, 'page' | 'prefer' | 'q'>;

/** The page's address with these parameters (empty ones left out). */
function hrefOf(locale: Locale, params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== '') search.set(key, String(value));
  const text = search.toString();
  return `${hubRoot(locale)}/search${text ? `?${text}` : ''}`;
}

/** The extract's matched words (between U+0002 and U+0003) in <mark>, everything else escaped. */
function marked(snippet: string): Html[] {
  return snippet.split('\u0002').flatMap((part, index) => {
    if (index === 0) return [html`${part}`];
    const [hit = '', rest = ''] = part.split('\u0003');
    return [html`<mark>${hit}</mark>${rest}`];
  });
}

function facetLabel(t: Translate, locale: Locale, facet: HubSearchFacet, value: string, networks: Map<string, string>) {
  switch (facet) {
    case 'kind':
      return t(`hubSearch.kind.${value}`);
    case 'theme':
      return t(`hubThemes.${value}`);
    case 'level':
      return t(`hubSearch.level.${value}`);
    case 'system':
      return t(`stateProfile.system.${value}`);
    case 'language':
      return isLocale(value) ? localeNames[value] : value;
    case 'country':
      return countryName(locale, value);
    case 'network':
      return networks.get(value) ?? value;
  }
}

function countryName(locale: Locale, code: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export async function hubSearchPage(db: Database, request: FastifyRequest, reply: FastifyReply) {
  const params = request.params as { locale?: string };
  const locale: Locale = isLocale(params.locale)
    ? params.locale
    : negotiateLocale(request.headers['accept-language'], 'en');
  const t = translatorFor(locale);
  const path = request.url.replace(/^\/hub\/[^/?]*/, '') || '/search';
  const send = (status: number, body: Html) =>
    reply
      .status(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'private, no-cache')
      .send(hubPage({ locale, t, path, title: t('hubSearch.title'), body, styles }));
  if (!isLocale(params.locale)) return send(404, html`<h1>${t('hubSearch.notFound')}</h1>`);
  const parsed = hubSearchQuerySchema.safeParse(request.query ?? {});
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.')))].join(', ');
    return send(
      400,
      html`<h1>${t('hubSearch.title')}</h1><p class="error" role="alert">${t('hubSearch.badQuery', { fields })}</p>
<p><a href="${hrefOf(locale, {})}">${t('hubSearch.startAgain')}</a></p>`,
    );
  }
  const query = { ...parsed.data, prefer: locale };
  const result = await searchHub(db, request.actor.user, locale, query);
  const networkIds = result.facets.network.map((row) => row.value);
  const networks = new Map<string, string>();
  for (const row of await findNetworkNames(db, networkIds))
    networks.set(row.id, (row.name_i18n as Partial<Record<Locale, string>>)[locale] ?? row.name);
  return send(200, body(locale, t, query, result, networks));
}

function body(
  locale: Locale,
  t: Translate,
  query: HubSearchQuery,
  result: HubSearchResult,
  networks: Map<string, string>,
): Html {
  const filters: Filters = {
    kind: query.kind,
    country: query.country,
    theme: query.theme,
    level: query.level,
    system: query.system,
    network: query.network,
    language: query.language,
  };
  const base = { q: query.q, ...filters };
  const format = new Intl.NumberFormat(locale);
  const lastPage = Math.max(1, Math.ceil(result.total / result.pageSize));
  const facetBlock = (facet: HubSearchFacet) => {
    const rows = result.facets[facet];
    if (rows.length === 0) return html``;
    const current = filters[facet as keyof Filters];
    return html`<nav class="facet" aria-labelledby="facet-${facet}"><h2 id="facet-${facet}">${t(`hubSearch.facet.${facet}`)}</h2><ul>
${rows.slice(0, 15).map((row) => {
  const on = current === row.value;
  const href = hrefOf(locale, { ...base, [facet]: on ? undefined : row.value });
  const label = facetLabel(t, locale, facet, row.value, networks);
  return html`<li><a href="${href}" ${on ? html`class="on" aria-current="true"` : html``}>${on ? '☑' : '☐'} ${label}</a> <span class="count">(${format.format(row.count)})</span></li>`;
})}</ul></nav>`;
  };
  const hidden = Object.entries(filters)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => html`<input type="hidden" name="${key}" value="${String(value)}">`);
  const hits = result.items.map(
    (item) => html`<li lang="${item.locale}" dir="${item.locale === 'ar' ? 'rtl' : 'ltr'}">
<p class="kind">${t(`hubSearch.kind.${item.kind}`)}${item.countryCode ? html` · ${countryName(locale, item.countryCode)}` : html``}</p>
<h2><a href="${hubRoot(locale)}${item.path}">${item.title}</a></h2>
<p>${marked(item.snippet)}</p>
<p class="meta" lang="${locale}" dir="${locale === 'ar' ? 'rtl' : 'ltr'}">${item.locale !== locale ? html`${t('hubSearch.shownIn', { language: localeNames[item.locale] })} ` : html``}${
      item.languages.length > 1
        ? t('hubSearch.alsoIn', {
            languages: item.languages
              .filter((other) => other !== item.locale)
              .map((other) => localeNames[other])
              .join(', '),
          })
        : ''
    }${item.visibility === 'accounts' ? html` <span class="status">${t('hubSearch.forAccounts')}</span>` : html``}</p></li>`,
  );
  return html`<h1>${t('hubSearch.title')}</h1>
<form role="search" method="get" action="${hubRoot(locale)}/search"><div class="search-row">
<label for="q">${t('hubSearch.query')}<input id="q" type="search" name="q" value="${query.q ?? ''}" maxlength="200"></label>
${hidden}<button type="submit">${t('hubSearch.submit')}</button></div></form>
<div class="layout"><section aria-labelledby="results-title">
<h2 id="results-title">${t('hubSearch.results', { count: result.total, shown: format.format(result.total) })}</h2>
${
  result.suggestion
    ? html`<p class="suggest">${t('hubSearch.didYouMean')} <a href="${hrefOf(locale, { ...base, q: result.suggestion })}">${result.suggestion}</a></p>`
    : html``
}
${result.items.length === 0 ? html`<p>${t('hubSearch.none')}</p>` : html`<ol class="hits">${hits}</ol>`}
${
  lastPage > 1
    ? html`<nav class="pager" aria-label="${t('hubSearch.pages')}">${
        query.page > 1
          ? html`<a href="${hrefOf(locale, { ...base, page: query.page - 1 })}" rel="prev">${t('hubSearch.previous')}</a>`
          : html``
      }<span>${t('hubSearch.pageOf', { page: format.format(query.page), pages: format.format(lastPage) })}</span>${
        query.page < lastPage
          ? html`<a href="${hrefOf(locale, { ...base, page: query.page + 1 })}" rel="next">${t('hubSearch.next')}</a>`
          : html``
      }</nav>`
    : html``
}
</section><aside aria-label="${t('hubSearch.filters')}">${hubSearchFacetNames.map(facetBlock)}</aside></div>`;
}
