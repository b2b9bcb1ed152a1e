import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isLocale, type Locale, negotiateLocale } from '../../shared/i18n/locales';
import type { Translate } from '../../shared/i18n/translate';
import type { Database } from '../db/database';
import { translatorFor } from '../i18n';
import type { Html } from './html';
import { hubPage } from './hub-site';
import { cachedPage, cachePage, publicCacheSeconds } from './page-cache';

// How a knowledge hub serves its public pages (decision 034): like the State's portal
// (modules/public), each page is the same for every reader, so one rendered copy is cached per
// URL (lib/page-cache.ts), and the pages have their own rate limit bucket. A page renders to
// undefined when what it shows does not exist or is not public: that is the one 404 page.

export interface HubPageBody {
  title: string;
  body: Html;
}
export type HubRender = (
  locale: Locale,
  params: Record<string, string>,
  query: Record<string, unknown>,
) => Promise<HubPageBody | undefined>;

export interface HubPagesOptions {
  db: Database;
  /** Requests per minute per address on the hub's public pages. */
  ratePerMinute: number;
  /** Extra style rules for these pages. */
  styles?: string;
  notFound: (ctx: { locale: Locale; t: Translate }) => HubPageBody;
}

/** Registers one public page at /hub/:locale/…; the caller registers the rest of its pages the same way. */
export function hubPageRoute(app: FastifyInstance, options: HubPagesOptions, url: string, render: HubRender): void {
  const config = { rateLimit: { max: options.ratePerMinute, timeWindow: '1 minute' }, publicData: true };
  app.get(url, { schema: { hide: true }, config }, async (request: FastifyRequest, reply: FastifyReply) => {
    const params = request.params as Record<string, string>;
    const locale = isLocale(params.locale) ? params.locale : null;
    const key = request.url;
    const hit = cachedPage(options.db, key);
    if (hit) return send(reply, hit.status, hit.body, 'hit');
    const found = locale ? await render(locale, params, (request.query ?? {}) as Record<string, unknown>) : undefined;
    const shownLocale = locale ?? negotiateLocale(request.headers['accept-language'], 'en');
    const t = translatorFor(shownLocale);
    const content = found ?? options.notFound({ locale: shownLocale, t });
    const path = request.url.replace(/^\/hub\/[^/?]*/, '') || '/';
    const body = hubPage({ locale: shownLocale, t, path, ...content, styles: options.styles });
    const status = found ? 200 : 404;
    // Only a page in a real language is kept: /hub/xx/… should not fill the cache.
    if (locale) cachePage(options.db, key, { status, body, type: 'text/html' });
    return send(reply, status, body, 'miss');
  });
}

function send(reply: FastifyReply, status: number, body: string, cache: 'hit' | 'miss') {
  return reply
    .status(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', `public, max-age=${publicCacheSeconds}`)
    .header('x-public-cache', cache)
    .send(body);
}

/** /hub and /hub/<locale> lead to the hub's home in the reader's (or the named) language. */
export function hubRootRedirects(app: FastifyInstance, ratePerMinute: number): void {
  const config = { rateLimit: { max: ratePerMinute, timeWindow: '1 minute' } };
  app.get('/hub', { schema: { hide: true }, config }, (request, reply) =>
    reply.redirect(`/hub/${negotiateLocale(request.headers['accept-language'], 'en')}/`),
  );
  app.get('/hub/:locale', { schema: { hide: true }, config }, (request, reply) => {
    const { locale } = request.params as { locale: string };
    return reply.redirect(
      `/hub/${isLocale(locale) ? locale : negotiateLocale(request.headers['accept-language'], 'en')}/`,
    );
  });
}
