import type { Locale } from '../../../shared/i18n/locales';
import type { Translate } from '../../../shared/i18n/translate';
import type { Page } from '../../../shared/schemas/common';
import type { HubEvent, Space, Thread, ThreadSummary } from '../../../shared/schemas/community';
import { type Html, html, trusted } from '../../lib/html';
import { hubRoot } from '../../lib/hub-site';

// The community's public pages (decision 037), rendered on the server without script: bodies
// only; community.public.ts frames them with hubPage and answers 404 for what the public may not see.

export interface PageBody {
  title: string;
  body: Html;
}

export const communityStyles = `.post{border:1px solid #c9c9c9;border-radius:6px;padding:12px;margin:0 0 12px}
.post.accepted{border:2px solid #1d7a3a;background:#f2f9f4}.post header{background:none;color:#4a4a4a;padding:0;font-size:.9rem}
.badge{display:inline-block;border-radius:12px;padding:0 8px;font-size:.85rem;background:#e6eef5;color:#0b3d66}
.badge.ok{background:#1d7a3a;color:#fff}.post pre{overflow-x:auto;background:#f4f4f4;padding:8px}.post p{margin:0 0 8px;overflow-wrap:anywhere}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:4px 12px}dl.facts dt{font-weight:600}dl.facts dd{margin:0;overflow-wrap:anywhere}
@media(max-width:600px){dl.facts{grid-template-columns:1fr}dl.facts dd{margin-bottom:6px}}`;

function when(locale: Locale, iso: string): string {
  const instant = new Date(iso);
  return `${new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(instant)} UTC`;
}

export function spacesPage(locale: Locale, t: Translate, spaces: Space[]): PageBody {
  const root = hubRoot(locale);
  return {
    title: t('hubCommunity.public.title'),
    body: html`<h1>${t('hubCommunity.public.title')}</h1>
<p>${t('hubCommunity.public.intro')}</p>
<ul class="cards">${spaces.map(
      (space) => html`<li><h2><a href="${root}/community/${space.theme ?? space.id}">${space.name}</a></h2>
<p class="meta">${t('hubCommunity.public.threadCount', { count: space.threadCount })}</p></li>`,
    )}</ul>
<p class="meta">${t('hubCommunity.public.networksNote')} <a href="/sign-in">${t('public.nav.signIn')}</a></p>
<p><a href="${root}/events">${t('hubCommunity.public.eventsLink')}</a></p>`,
  };
}

function threadItem(root: string, t: Translate, locale: Locale, thread: ThreadSummary): Html {
  return html`<li><h2><a href="${root}/community/threads/${thread.id}" dir="auto">${thread.title}</a></h2>
<p class="meta">${thread.kind === 'question' ? html`<span class="badge">${t('hubCommunity.kind.question')}</span> ` : ''}${
    thread.answered ? html`<span class="badge ok">${t('hubCommunity.answered')}</span> ` : ''
  }${t('hubCommunity.public.replies', { count: thread.replyCount })} · ${t('hubCommunity.public.lastPost', {
    when: when(locale, thread.lastPostAt),
  })}</p></li>`;
}

export function spacePage(locale: Locale, t: Translate, space: Space, threads: Page<ThreadSummary>): PageBody {
  const root = hubRoot(locale);
  const slug = space.theme ?? space.id;
  const pages = Math.max(1, Math.ceil(threads.total / threads.pageSize));
  return {
    title: space.name,
    body: html`<p><a href="${root}/community">${t('hubCommunity.public.title')}</a></p>
<h1>${space.name}</h1>
${threads.items.length === 0 ? html`<p>${t('hubCommunity.public.noThreads')}</p>` : html`<ul class="cards">${threads.items.map((thread) => threadItem(root, t, locale, thread))}</ul>`}
${
  pages > 1
    ? html`<nav class="pager" aria-label="${t('hubCommunity.public.pages')}">${
        threads.page > 1
          ? html`<a href="${root}/community/${slug}?page=${threads.page - 1}">${t('hubCommunity.public.previous')}</a>`
          : ''
      }<span>${t('hubCommunity.public.pageOf', { page: threads.page, pages })}</span>${
        threads.page < pages
          ? html`<a href="${root}/community/${slug}?page=${threads.page + 1}">${t('hubCommunity.public.next')}</a>`
          : ''
      }</nav>`
    : ''
}
<p class="meta">${t('hubCommunity.public.joinNote')} <a href="/sign-in">${t('public.nav.signIn')}</a></p>`,
  };
}

export function threadPage(locale: Locale, t: Translate, thread: Thread, spaceSlug: string): PageBody {
  const root = hubRoot(locale);
  return {
    title: thread.title,
    body: html`<p><a href="${root}/community">${t('hubCommunity.public.title')}</a> › <a href="${root}/community/${spaceSlug}">${thread.spaceName}</a></p>
<h1 lang="${thread.locale}" dir="auto">${thread.title}</h1>
<p class="meta">${thread.kind === 'question' ? html`<span class="badge">${t('hubCommunity.kind.question')}</span> ` : ''}${
      thread.answered ? html`<span class="badge ok">${t('hubCommunity.answered')}</span> ` : ''
    }${t('hubCommunity.public.replies', { count: thread.replyCount })}</p>
${thread.source ? html`<p class="meta">${t('hubCommunity.source')}: ${thread.source}</p>` : ''}
${thread.posts.map(
  (post) => html`<article class="post${post.accepted ? ' accepted' : ''}" lang="${thread.locale}" dir="auto">
<header>${post.author?.name ?? t('hubCommunity.formerAccount')} · <time datetime="${post.createdAt}">${when(locale, post.createdAt)}</time>${
    post.accepted ? html` · <strong>${t('hubCommunity.acceptedAnswer')}</strong>` : ''
  }</header>
${trusted(post.html)}</article>`,
)}
<p class="meta">${t('hubCommunity.public.replyNote')} <a href="/sign-in">${t('public.nav.signIn')}</a></p>`,
  };
}

function eventTimes(locale: Locale, t: Translate, event: HubEvent): Html {
  const zoned = new Intl.DateTimeFormat(locale, {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone: event.timeZone,
  });
  const range = zoned.formatRange(new Date(event.startsAt), new Date(event.endsAt));
  const utc = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).formatRange(
    new Date(event.startsAt),
    new Date(event.endsAt),
  );
  return html`<span>${range} (${event.timeZone})</span><br><span class="meta">${t('hubCommunity.public.utc', { range: utc })}</span>`;
}

function eventItem(root: string, locale: Locale, t: Translate, event: HubEvent): Html {
  return html`<li><h2><a href="${root}/events/${event.id}" dir="auto">${event.title}</a>${
    event.status === 'cancelled' ? html` <span class="badge">${t('hubCommunity.events.cancelled')}</span>` : ''
  }</h2><p>${eventTimes(locale, t, event)}</p><p class="meta">${event.place ?? t('hubCommunity.events.online')} · ${t(
    'hubCommunity.events.organisedBy',
    { organiser: event.organiser },
  )}</p></li>`;
}

export function eventsPage(locale: Locale, t: Translate, upcoming: HubEvent[], past: HubEvent[]): PageBody {
  const root = hubRoot(locale);
  return {
    title: t('hubCommunity.events.title'),
    body: html`<h1>${t('hubCommunity.events.title')}</h1>
<p>${t('hubCommunity.events.intro')} <a href="${root}/events.ics">${t('hubCommunity.events.feed')}</a></p>
<h2>${t('hubCommunity.events.upcoming')}</h2>
${upcoming.length === 0 ? html`<p>${t('hubCommunity.events.none')}</p>` : html`<ul class="cards">${upcoming.map((event) => eventItem(root, locale, t, event))}</ul>`}
<h2>${t('hubCommunity.events.past')}</h2>
${past.length === 0 ? html`<p>${t('hubCommunity.events.none')}</p>` : html`<ul class="cards">${past.map((event) => eventItem(root, locale, t, event))}</ul>`}`,
  };
}

export function eventPage(locale: Locale, t: Translate, event: HubEvent): PageBody {
  const root = hubRoot(locale);
  const places =
    event.capacity === null
      ? t('hubCommunity.events.noLimit')
      : t('hubCommunity.events.places', { taken: event.registered, capacity: event.capacity });
  return {
    title: event.title,
    body: html`<p><a href="${root}/events">${t('hubCommunity.events.title')}</a></p>
<h1 dir="auto">${event.title}</h1>
${event.status === 'cancelled' ? html`<p><strong>${t('hubCommunity.events.cancelled')}</strong></p>` : ''}
<dl class="facts">
<dt>${t('hubCommunity.events.when')}</dt><dd>${eventTimes(locale, t, event)}</dd>
${event.place ? html`<dt>${t('hubCommunity.events.place')}</dt><dd>${event.place}</dd>` : ''}
${event.onlineUrl ? html`<dt>${t('hubCommunity.events.link')}</dt><dd><a href="${event.onlineUrl}" rel="nofollow noopener noreferrer">${event.onlineUrl}</a></dd>` : ''}
<dt>${t('hubCommunity.events.organiser')}</dt><dd>${event.organiser}</dd>
<dt>${t('hubCommunity.events.capacity')}</dt><dd>${places}</dd>
${event.source ? html`<dt>${t('hubCommunity.source')}</dt><dd>${event.source}</dd>` : ''}
</dl>
${event.description ? html`<h2>${t('hubCommunity.events.about')}</h2>${event.description.split(/\n{2,}/).map((paragraph) => html`<p dir="auto">${paragraph}</p>`)}` : ''}
<p><a href="${root}/events/${event.id}.ics">${t('hubCommunity.events.download')}</a></p>
<p class="meta">${t('hubCommunity.events.registerNote')} <a href="/community/events/${event.id}">${t('hubCommunity.events.register')}</a></p>`,
  };
}

export function notFoundBody(t: Translate): PageBody {
  return {
    title: t('hubCommunity.public.notFound'),
    body: html`<h1>${t('hubCommunity.public.notFound')}</h1><p>${t('hubCommunity.public.notFoundText')}</p>`,
  };
}
