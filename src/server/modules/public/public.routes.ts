import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { isLocale, type Locale, negotiateLocale } from '../../../shared/i18n/locales';
import { type PublicQuery, publicQuerySchema } from '../../../shared/schemas/public';
import { mechanisms } from '../../../shared/schemas/register';
import type { Deps } from '../../deps';
import { translatorFor } from '../../i18n';
import { html } from '../../lib/html';
import { cachedPage, cachePage, publicCacheSeconds } from '../../lib/page-cache';
import { changesAtom, changesJson, registerCsv, registerJson, registerXlsx } from './public.data';
import { layout } from './public.layout';
import {
  entityPage,
  homePage,
  notFoundPage,
  type PageBody,
  recommendationPage,
  registerBody,
  reviewPage,
} from './public.pages';
import {
  publicEntity,
  publicHome,
  publicIdBySymbol,
  publicRecommendation,
  publicRegister,
  publicReview,
} from './public.service';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Options {
  /** Requests per minute per address on the public pages (anonymous traffic's own bucket). */
  ratePerMinute: number;
}

/**
 * The public portal (decision 032): server-rendered HTML under /public/<locale>/, no script, no
 * session needed, the same page for everyone and so served from one cache. An id that is unknown,
 * withheld or not a uuid gets the one 404 page.
 */
export function publicRoutes(deps: Deps, options: Options): FastifyPluginAsyncZod {
  const { db } = deps;
  return async (app) => {
    // publicData: a read_public API token reads these (as no one), and nothing else (decision 033).
    const config = { rateLimit: { max: options.ratePerMinute, timeWindow: '1 minute' }, publicData: true };
    const schema = { hide: true };
    // When each request reached this plugin's routes (after the session and rate-limit hooks).
    const arrived = new WeakMap<FastifyRequest, number>();
    app.addHook('onRequest', async (request) => {
      arrived.set(request, performance.now());
    });

    type Render = (locale: Locale, params: Record<string, string>, query: PublicQuery) => Promise<PageBody | undefined>;
    const page = (url: string, render: Render) =>
      app.get(url, { schema, config }, async (request: FastifyRequest, reply: FastifyReply) => {
        const params = request.params as Record<string, string>;
        const locale = isLocale(params.locale) ? params.locale : null;
        const key = request.url;
        const hit = cachedPage(db, key);
        if (hit) return send(reply, hit.status, hit.body, 'hit');
        const query = publicQuerySchema.parse(request.query ?? {});
        const found = locale ? await render(locale, params, query) : undefined;
        const shownLocale = locale ?? negotiateLocale(request.headers['accept-language'], 'en');
        const t = translatorFor(shownLocale);
        const content = found ?? notFoundPage({ locale: shownLocale, t });
        const path = request.url.replace(/^\/public\/[^/?]*/, '') || '/';
        const body = layout({ locale: shownLocale, t, path, ...content });
        const status = found ? 200 : 404;
        // Only a page in a real language is kept: /public/xx/… should not fill the cache.
        if (locale) cachePage(db, key, { status, body, type: 'text/html' });
        return send(reply, status, body, 'miss');
      });

    function send(reply: FastifyReply, status: number, body: string, cache: 'hit' | 'miss') {
      return (
        reply
          .status(status)
          .header('content-type', 'text/html; charset=utf-8')
          .header('cache-control', `public, max-age=${publicCacheSeconds}`)
          .header('x-public-cache', cache)
          // From the route's first hook to the answer ready, for the bench (and any reader's devtools).
          .header(
            'server-timing',
            `app;dur=${(performance.now() - (arrived.get(reply.request) ?? performance.now())).toFixed(2)}`,
          )
          .send(body)
      );
    }

    const ctxOf = (locale: Locale) => ({ locale, t: translatorFor(locale) });

    app.get('/public', { schema, config }, (request, reply) =>
      reply.redirect(`/public/${negotiateLocale(request.headers['accept-language'], 'en')}/`),
    );
    app.get('/public/:locale', { schema, config }, (request, reply) =>
      reply.redirect(`/public/${(request.params as { locale: string }).locale}/`),
    );
    page('/public/:locale/', async (locale) => homePage(ctxOf(locale), await publicHome(db, locale)));
    page('/public/:locale/recommendations', async (locale, _params, query) => {
      const ctx = ctxOf(locale);
      const data = await publicRegister(db, locale, query);
      return {
        title: ctx.t('public.nav.register'),
        body: registerBodyWithTitle(ctx, ctx.t('public.nav.register'), data, query, '/recommendations'),
      };
    });
    page('/public/:locale/recommendations/:id', async (locale, { id }) => {
      if (!id || !uuid.test(id)) return undefined;
      const data = await publicRecommendation(db, locale, id);
      return data && recommendationPage(ctxOf(locale), data);
    });
    // The stable identifier of a UN text: the document symbol (its slashes encoded) and paragraph.
    page('/public/:locale/documents/:symbol/:paragraph', async (locale, { symbol, paragraph }) => {
      const id = symbol && paragraph ? await publicIdBySymbol(db, symbol, paragraph) : undefined;
      const data = id && (await publicRecommendation(db, locale, id));
      return data ? recommendationPage(ctxOf(locale), data) : undefined;
    });
    page('/public/:locale/reviews/:id', async (locale, { id }, query) => {
      if (!id || !uuid.test(id)) return undefined;
      const data = await publicReview(db, locale, id, query.page);
      return data && reviewPage(ctxOf(locale), data, { ...query, review: id });
    });
    page('/public/:locale/entities/:id', async (locale, { id }, query) => {
      if (!id || !uuid.test(id)) return undefined;
      const data = await publicEntity(db, locale, id, query.page);
      return data && entityPage(ctxOf(locale), data, { ...query, entity: id });
    });
    page('/public/:locale/mechanisms/:mechanism', async (locale, { mechanism }, query) => {
      if (!(mechanisms as readonly string[]).includes(mechanism ?? '')) return undefined;
      const ctx = ctxOf(locale);
      const preset = { ...query, mechanism };
      const data = await publicRegister(db, locale, preset);
      const title = ctx.t(`register.mechanism.${mechanism}`);
      return { title, body: registerBodyWithTitle(ctx, title, data, preset, `/mechanisms/${mechanism}`) };
    });
    page('/public/:locale/themes/:theme', async (locale, { theme }, query) => {
      if (!/^\d{1,9}$/.test(theme ?? '')) return undefined;
      const ctx = ctxOf(locale);
      const preset = { ...query, theme: Number(theme) };
      const data = await publicRegister(db, locale, preset);
      if (data.total === 0 && !query.q) return undefined;
      const title = data.labels.theme(String(theme));
      return { title, body: registerBodyWithTitle(ctx, title, data, preset, `/themes/${theme}`) };
    });
    page('/public/:locale/sdgs/:goal', async (locale, { goal }, query) => {
      const n = Number(goal);
      if (!Number.isInteger(n) || n < 1 || n > 17) return undefined;
      const ctx = ctxOf(locale);
      const preset = { ...query, sdg: n };
      const data = await publicRegister(db, locale, preset);
      const title = data.labels.sdg(String(n));
      return { title, body: registerBodyWithTitle(ctx, title, data, preset, `/sdgs/${n}`) };
    });
    // Open data: the published register and the changes feed, in the reader's language.
    const data = (url: string, type: string, produce: (locale: Locale, base: string) => Promise<string>) =>
      app.get(url, { schema, config }, async (request, reply) => {
        const { locale } = request.params as { locale: string };
        if (!isLocale(locale)) return reply.callNotFound();
        const hit = cachedPage(db, request.url);
        const body = hit?.body ?? (await produce(locale, deps.settings.publicUrl));
        if (!hit) cachePage(db, request.url, { status: 200, body, type });
        return reply
          .header('content-type', type)
          .header('cache-control', `public, max-age=${publicCacheSeconds}`)
          .header('access-control-allow-origin', '*')
          .send(body);
      });
    data('/public/:locale/data/recommendations.json', 'application/json; charset=utf-8', async (locale, base) =>
      JSON.stringify(await registerJson(db, locale, base)),
    );
    data('/public/:locale/data/recommendations.csv', 'text/csv; charset=utf-8', (locale, base) =>
      registerCsv(db, locale, base),
    );
    // A workbook is bytes, not text: made afresh each time (the rate limit bounds it).
    app.get('/public/:locale/data/recommendations.xlsx', { schema, config }, async (request, reply) => {
      const { locale } = request.params as { locale: string };
      if (!isLocale(locale)) return reply.callNotFound();
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', 'attachment; filename="recommendations.xlsx"')
        .header('access-control-allow-origin', '*')
        .send(await registerXlsx(db, locale, deps.settings.publicUrl));
    });
    data('/public/:locale/data/changes.json', 'application/feed+json; charset=utf-8', async (locale, base) =>
      JSON.stringify(await changesJson(db, locale, base)),
    );
    data('/public/:locale/data/changes.atom', 'application/atom+xml; charset=utf-8', (locale, base) =>
      changesAtom(db, locale, base),
    );
    // Anything else under /public/ is the same 404 page.
    page('/public/:locale/*', async () => undefined);
  };
}

function registerBodyWithTitle(
  ctx: { locale: Locale; t: ReturnType<typeof translatorFor> },
  title: string,
  data: Awaited<ReturnType<typeof publicRegister>>,
  query: PublicQuery,
  base: string,
) {
  return html`<h1>${title}</h1>${registerBody(ctx, data, query, base)}`;
}
