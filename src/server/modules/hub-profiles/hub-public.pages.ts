import { directionOf, type Locale, localeNames, locales } from '../../../shared/i18n/locales';
import type { Translate } from '../../../shared/i18n/translate';
import { type HubPublicMembersQuery, hubRegions } from '../../../shared/schemas/hub-profiles';
import { systemsOfGovernment } from '../../../shared/schemas/state-profile';
import type { LocalizedText } from '../../db/schema';
import { type Html, html } from '../../lib/html';
import { hubRoot } from '../../lib/hub-site';
import type { PublicItem } from './hub-public.repo';
import type { PublicHome, PublicMember, PublicMembers, PublicNetwork, PublicNetworks } from './hub-public.service';

// The bodies of the hub's public pages (decision 035), from what hub-public.service read: no
// script, every stored text escaped (lib/html.ts). A text missing in the reader's language is
// shown in the language it exists in, marked as such with its own lang and direction.

export interface PageBody {
  title: string;
  body: Html;
}
export interface Ctx {
  locale: Locale;
  t: Translate;
}

export const hubPageSize = 20;
export const hubStyles =
  'aside{overflow-wrap:anywhere}dl.profile dt{font-weight:700;margin-top:16px}dl.profile dd{margin:4px 0 0}.fallback{font-size:.85rem;color:#4a4a4a;margin:2px 0}.counts{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:12px}.counts li{border:1px solid #c9c9c9;border-radius:6px;padding:8px 12px;min-width:9rem}.counts strong{display:block;font-size:1.5rem}.filters{display:grid;gap:8px;grid-template-columns:repeat(auto-fit,minmax(12rem,1fr));align-items:end}';

/** A text in the reader's language, else English, else the first language it has. */
export function pick(text: LocalizedText | null | undefined, locale: Locale): { text: string; lang: Locale } | null {
  if (!text) return null;
  for (const candidate of [locale, 'en' as Locale, ...locales]) {
    const value = text[candidate]?.trim();
    if (value) return { text: value, lang: candidate };
  }
  return null;
}

/** Plain text as paragraphs, with "- " lines as a list. */
function paragraphs(text: string): Html {
  return html`${text.split(/\n\s*\n/).map((block) => {
    const lines = block.split('\n').map((line) => line.trim());
    if (lines.every((line) => line.startsWith('- ')))
      return html`<ul>${lines.map((line) => html`<li>${line.slice(2)}</li>`)}</ul>`;
    return html`<p>${lines.join(' ')}</p>`;
  })}`;
}

/** A language's name in the reader's language ("anglais" on a French page). */
export function languageName(lang: Locale, locale: Locale): string {
  return new Intl.DisplayNames([locale], { type: 'language' }).of(lang) ?? localeNames[lang];
}

function fallbackNote({ locale, t }: Ctx, lang: Locale): Html {
  return lang === locale
    ? html``
    : html`<p class="fallback">${t('hubProfiles.fallback', { language: languageName(lang, locale) })}</p>`;
}

/** A date as the reader's language writes it. */
const dateOf = (date: Date, locale: Locale) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);

/** Plain text with its web addresses as links (each part escaped by the template). */
function linked(text: string): Html {
  const parts = text.split(/(https?:\/\/[^\s)]+)/g);
  return html`${parts.map((part, index) => (index % 2 === 1 ? html`<a href="${part}" rel="noopener">${part}</a>` : part))}`;
}

/** A per-language text in the reader's language or its fallback, marked. */
function localized(ctx: Ctx, text: LocalizedText | null | undefined): Html | null {
  const shown = pick(text, ctx.locale);
  if (!shown) return null;
  return html`${fallbackNote(ctx, shown.lang)}<div lang="${shown.lang}" dir="${directionOf(shown.lang)}">${paragraphs(shown.text)}</div>`;
}

const nameOf = (row: { name: string; name_i18n: LocalizedText }, locale: Locale) =>
  pick(row.name_i18n, locale)?.text ?? row.name;
/** A name with its language marked when it is not the reader's. */
function nameHtml(row: { name: string; name_i18n: LocalizedText }, locale: Locale): Html {
  const shown = pick(row.name_i18n, locale);
  if (shown?.lang === locale) return html`${shown.text}`;
  return html`<span dir="auto" lang="${shown?.lang ?? undefined}">${shown?.text ?? row.name}</span>`;
}
const countryOf = (names: LocalizedText | null, code: string, locale: Locale) => names?.[locale] ?? names?.en ?? code;

function itemList(ctx: Ctx, items: PublicItem[]): Html {
  const root = hubRoot(ctx.locale);
  return html`<ul class="cards">${items.map(
    (
      item,
    ) => html`<li><h3><a href="${root}${item.path}" lang="${item.locale}" dir="${directionOf(item.locale)}">${item.title}</a></h3>
<p class="meta">${ctx.t(`hubProfiles.kind.${item.kind}`)} · <time datetime="${item.updated_at.toISOString()}">${ctx.t('hubProfiles.public.updated', { date: dateOf(item.updated_at, ctx.locale) })}</time>${
      item.locale === ctx.locale ? '' : html` · ${languageName(item.locale, ctx.locale)}`
    }</p>${item.summary ? html`<p lang="${item.locale}" dir="${directionOf(item.locale)}">${item.summary.length > 300 ? `${item.summary.slice(0, 300)}…` : item.summary}</p>` : ''}</li>`,
  )}</ul>`;
}

export function homePage(ctx: Ctx, data: PublicHome): PageBody {
  const { t, locale } = ctx;
  const root = hubRoot(locale);
  const count = (kind: string) => data.counts[kind] ?? 0;
  return {
    title: t('hub.home.title'),
    body: html`<h1>${t('hub.home.title')}</h1>
<p>${t('hub.home.intro')}</p>
<h2>${t('hub.home.counts')}</h2>
<ul class="counts">
<li><strong>${count('profile')}</strong><a href="${root}/members">${t('hub.home.members', { count: count('profile') })}</a></li>
<li><strong>${count('network')}</strong><a href="${root}/networks">${t('hub.home.networks', { count: count('network') })}</a></li>
<li><strong>${count('practice')}</strong><a href="${root}/practices">${t('hub.home.practices', { count: count('practice') })}</a></li>
<li><strong>${count('thread')}</strong><a href="${root}/community">${t('hub.home.threads', { count: count('thread') })}</a></li>
<li><strong>${count('event')}</strong><a href="${root}/events">${t('hub.home.events', { count: count('event') })}</a></li>
</ul>
<h2>${t('hub.home.latest')}</h2>
${data.latest.length > 0 ? itemList(ctx, data.latest) : html`<p>${t('hub.home.nothingYet')}</p>`}
<h2>${t('hub.home.takePart')}</h2>
<p>${t('hub.home.takePartText')}</p>
<p><a href="/sign-in">${t('public.nav.signIn')}</a> · <a href="${root}/search">${t('hub.site.nav.search')}</a></p>`,
  };
}

function membersHref(locale: Locale, query: HubPublicMembersQuery, change: Partial<HubPublicMembersQuery>): string {
  const merged: Record<string, unknown> = { ...query, page: undefined, ...change };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(merged))
    if (value !== undefined && value !== '' && !(key === 'page' && value === 1)) params.set(key, String(value));
  const search = params.toString();
  return `${hubRoot(locale)}/members${search ? `?${search}` : ''}`;
}

const selected = (on: boolean) => (on ? html` selected` : '');

export function membersPage(ctx: Ctx, data: PublicMembers, query: HubPublicMembersQuery): PageBody {
  const { t, locale } = ctx;
  const root = hubRoot(locale);
  const pages = Math.max(1, Math.ceil(data.total / hubPageSize));
  const filters = html`<form method="get" action="${root}/members" role="search" class="filters">
<div><label for="q">${t('hubProfiles.public.search')}</label><input type="search" id="q" name="q" value="${query.q ?? ''}"></div>
<div><label for="region">${t('hubProfiles.public.region')}</label><select id="region" name="region"><option value="">${t('hubProfiles.public.any')}</option>${hubRegions.map(
    (region) =>
      html`<option value="${region}"${selected(query.region === region)}>${t(`hubProfiles.region.${region}`)}</option>`,
  )}</select></div>
<div><label for="system">${t('hubProfiles.public.system')}</label><select id="system" name="system"><option value="">${t('hubProfiles.public.any')}</option>${systemsOfGovernment.map(
    (system) =>
      html`<option value="${system}"${selected(query.system === system)}>${t(`stateProfile.system.${system}`)}</option>`,
  )}</select></div>
<div><label for="network">${t('hubProfiles.public.network')}</label><select id="network" name="network"><option value="">${t('hubProfiles.public.any')}</option>${data.networks.map(
    (network) =>
      html`<option value="${network.id}"${selected(query.network === network.id)}>${nameOf(network, locale)}</option>`,
  )}</select></div>
<div><button type="submit">${t('hubProfiles.public.apply')}</button></div></form>`;
  const list = html`<ul class="cards">${data.rows.map((row) => {
    const mandate = pick(row.mandate, locale);
    return html`<li><h2><a href="${root}/members/${row.id}">${nameHtml(row, locale)}</a>${row.acronym ? html` <bdi>(${row.acronym})</bdi>` : ''}</h2>
<p class="meta">${countryOf(row.country_name, row.country_code, locale)}${row.system_of_government ? html` · ${t(`stateProfile.system.${row.system_of_government}`)}` : ''}${row.established ? html` · ${t('hubProfiles.public.establishedIn', { year: String(row.established) })}` : ''}</p>
${mandate ? html`<p lang="${mandate.lang}" dir="${directionOf(mandate.lang)}">${mandate.text.length > 280 ? `${mandate.text.slice(0, 280)}…` : mandate.text}</p>` : ''}</li>`;
  })}</ul>`;
  return {
    title: t('hubProfiles.public.membersTitle'),
    body: html`<h1>${t('hubProfiles.public.membersTitle')}</h1>
<p>${t('hubProfiles.public.membersIntro')}</p>
${filters}
<p class="meta" role="status">${t('hubProfiles.public.found', { count: data.total })}</p>
${data.rows.length > 0 ? list : html`<p>${t('hubProfiles.public.noneFound')}</p>`}
${
  pages > 1
    ? html`<nav class="pager" aria-label="${t('public.pager.label')}">
${query.page > 1 ? html`<a rel="prev" href="${membersHref(locale, query, { page: query.page - 1 })}">${t('public.pager.previous')}</a>` : ''}
<span>${t('public.pager.page', { page: query.page, pages })}</span>
${query.page < pages ? html`<a rel="next" href="${membersHref(locale, query, { page: query.page + 1 })}">${t('public.pager.next')}</a>` : ''}</nav>`
    : ''
}`,
  };
}

export function memberPage(ctx: Ctx, data: PublicMember): PageBody {
  const { t, locale } = ctx;
  const root = hubRoot(locale);
  const { member } = data;
  const name = nameOf(member, locale);
  const fields: [string, LocalizedText][] = [
    ['hubProfiles.field.mandate', member.mandate],
    ['hubProfiles.field.legalBasis', member.legal_basis],
    ['hubProfiles.field.composition', member.composition],
    ['hubProfiles.field.secretariat', member.secretariat],
    ['hubProfiles.field.focalPoints', member.focal_points],
  ];
  const shown = fields
    .map(([key, text]) => [key, localized(ctx, text)] as const)
    .filter((entry): entry is readonly [string, Html] => entry[1] !== null);
  return {
    title: name,
    body: html`<p class="meta"><a href="${root}/members">${t('hubProfiles.public.membersTitle')}</a></p>
<h1>${nameHtml(member, locale)}${member.acronym ? html` <bdi>(${member.acronym})</bdi>` : ''}</h1>
<p class="meta">${countryOf(member.country_name, member.country_code, locale)}${member.system_of_government ? html` · ${t(`stateProfile.system.${member.system_of_government}`)}` : ''}${member.established ? html` · ${t('hubProfiles.public.establishedIn', { year: String(member.established) })}` : ''}</p>
<div class="layout"><div>
<dl class="profile">${shown.map(([key, value]) => html`<dt>${t(key)}</dt><dd>${value}</dd>`)}</dl>
<h2>${t('hubProfiles.public.practices')}</h2>
${data.practices.length > 0 ? itemList(ctx, data.practices) : html`<p>${t('hubProfiles.public.noPractices')}</p>`}
</div><aside>
<h2>${t('hubProfiles.field.networks')}</h2>
${
  data.networks.length > 0
    ? html`<ul>${data.networks.map((network) => html`<li><a href="${root}/networks/${network.id}">${nameHtml(network, locale)}</a></li>`)}</ul>`
    : html`<p>${t('hubProfiles.public.noNetworks')}</p>`
}
${member.website ? html`<h2>${t('hubProfiles.field.website')}</h2><p><a href="${member.website}" rel="noopener">${member.website}</a></p>` : ''}
${member.source ? html`<h2>${t('hubProfiles.field.source')}</h2><p class="source" dir="auto">${linked(member.source)}</p>` : ''}
<p class="meta">${t('hubProfiles.public.updated', { date: dateOf(member.updated_at, locale) })}</p>
</aside></div>`,
  };
}

export function networksPage(ctx: Ctx, data: PublicNetworks): PageBody {
  const { t, locale } = ctx;
  const root = hubRoot(locale);
  return {
    title: t('hubProfiles.public.networksTitle'),
    body: html`<h1>${t('hubProfiles.public.networksTitle')}</h1>
<p>${t('hubProfiles.public.networksIntro')}</p>
${
  data.length > 0
    ? html`<ul class="cards">${data.map((network) => {
        const description = pick(network.description_i18n, locale);
        return html`<li><h2><a href="${root}/networks/${network.id}">${nameHtml(network, locale)}</a></h2>
<p class="meta">${t(`hubProfiles.networkKind.${network.kind}`)} · ${t('hubProfiles.public.memberCount', { count: network.members })}</p>
${description ? html`<p lang="${description.lang}" dir="${directionOf(description.lang)}">${description.text}</p>` : ''}</li>`;
      })}</ul>`
    : html`<p>${t('hubProfiles.public.noNetworks')}</p>`
}`,
  };
}

export function networkPage(ctx: Ctx, data: PublicNetwork): PageBody {
  const { t, locale } = ctx;
  const root = hubRoot(locale);
  const { network, members } = data;
  const name = nameOf(network, locale);
  return {
    title: name,
    body: html`<p class="meta"><a href="${root}/networks">${t('hubProfiles.public.networksTitle')}</a></p>
<h1>${nameHtml(network, locale)}</h1>
<p class="meta">${t(`hubProfiles.networkKind.${network.kind}`)}</p>
${localized(ctx, network.description_i18n) ?? ''}
${network.website ? html`<p><a href="${network.website}" rel="noopener">${network.website}</a></p>` : ''}
<h2>${t('hubProfiles.public.networkMembers')}</h2>
${
  members.length > 0
    ? html`<ul>${members.map(
        (member) =>
          html`<li><a href="${root}/members/${member.id}">${nameHtml(member, locale)}</a> · ${countryOf(member.country_name, member.country_code, locale)}</li>`,
      )}</ul>`
    : html`<p>${t('hubProfiles.public.noMembersShown')}</p>`
}`,
  };
}

export function notFoundPage({ t }: Ctx): PageBody {
  return {
    title: t('hubProfiles.public.notFound'),
    body: html`<h1>${t('hubProfiles.public.notFound')}</h1><p>${t('hubProfiles.public.notFoundText')}</p>`,
  };
}
