import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { isLocale, type Locale, negotiateLocale } from '../../../shared/i18n/locales';
import { type PublicQuery, publicQuerySchema } from '../../../shared/schemas/public';
import { mechanisms } from '../../../shared/schemas/register';
import type { Deps } from '../../deps';
import { translatorFor } from '../../i18n';
import { html } from '../../lib/html';
import { cachedPage, cachePage, publicCacheSeconds } from '../../lib/page-cache';
import { changesAtom, changesJson, tableOf } from './public.data';
import { layout } from './public.layout';
import { datasets, tableCsv, tableJson, tableXlsx } from './public.open';
import {
  dataPage,
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
  publicWidget,
  publicWidgetSubjects,
  type WidgetSubject,
} from './public.service';
import { embedLink, parseSubject, snippetPage, widgetBody, widgetDocument, widgetNotFound } from './public.widget';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Options {
  /** Requests per minute per address on the public pages (anonymous traffic's own bucket). */
  ratePerMinute: number;
}

/**
 * The widgets' own policy (decision 040): any site may frame them; nothing else is allowed to load,
 * not even a script of our own, and no form may be sent from them.
 */
export const widgetCsp =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors *";

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

    type Render = (
      locale: Locale,
      params: Record<string, string>,
      query: PublicQuery,
      raw: Record<string, unknown>,
    ) => Promise<PageBody | undefined>;
    const page = (url: string, render: Render) =>
      app.get(url, { schema, config }, async (request: FastifyRequest, reply: FastifyReply) => {
        const params = request.params as Record<string, string>;
        const locale = isLocale(params.locale) ? params.locale : null;
        const key = request.url;
        const hit = cachedPage(db, key);
        if (hit) return send(reply, hit.status, hit.body, 'hit');
        const raw = (request.query ?? {}) as Record<string, unknown>;
        const query = publicQuerySchema.parse(raw);
        const found = locale ? await render(locale, params, query, raw) : undefined;
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

    function send(reply: FastifyReply, status: number, body: string, cache: 'hit' | 'miss', framable = false) {
      if (framable) {
        // Only the widgets: every other page keeps helmet's frame-ancestors 'none' and X-Frame-Options.
        reply.header('content-security-policy', widgetCsp).removeHeader('x-frame-options');
        reply.header('cross-origin-resource-policy', 'cross-origin');
      }
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
      return (
        data && withEmbed(locale, reviewPage(ctxOf(locale), data, { ...query, review: id }), { kind: 'review', id })
      );
    });
    page('/public/:locale/entities/:id', async (locale, { id }, query) => {
      if (!id || !uuid.test(id)) return undefined;
      const data = await publicEntity(db, locale, id, query.page);
      return (
        data && withEmbed(locale, entityPage(ctxOf(locale), data, { ...query, entity: id }), { kind: 'entity', id })
      );
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
      const body = registerBodyWithTitle(ctx, title, data, preset, `/themes/${theme}`);
      return withEmbed(locale, { title, body }, { kind: 'theme', id: Number(theme) });
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
    for (const dataset of datasets) {
      data(`/public/:locale/data/${dataset}.json`, 'application/json; charset=utf-8', async (locale, base) =>
        JSON.stringify(tableJson(await tableOf(db, dataset, locale, base))),
      );
      data(`/public/:locale/data/${dataset}.csv`, 'text/csv; charset=utf-8', async (locale, base) =>
        tableCsv(await tableOf(db, dataset, locale, base)),
      );
      // A workbook is bytes, not text: made afresh each time (the rate limit bounds it).
      app.get(`/public/:locale/data/${dataset}.xlsx`, { schema, config }, async (request, reply) => {
        const { locale } = request.params as { locale: string };
        if (!isLocale(locale)) return reply.callNotFound();
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="${dataset}.xlsx"`)
          .header('cache-control', `public, max-age=${publicCacheSeconds}`)
          .header('access-control-allow-origin', '*')
          .send(await tableXlsx(await tableOf(db, dataset, locale, deps.settings.publicUrl)));
      });
    }
    page('/public/:locale/data', async (locale) => dataPage(ctxOf(locale), deps.settings.publicUrl));
    data('/public/:locale/data/changes.json', 'application/feed+json; charset=utf-8', async (locale, base) =>
      JSON.stringify(await changesJson(db, locale, base)),
    );
    data('/public/:locale/data/changes.atom', 'application/atom+xml; charset=utf-8', (locale, base) =>
      changesAtom(db, locale, base),
    );
    // Embeddable summaries (decision 040): framable by any site, the same 404 rule as the pages.
    const widget = (url: string, subjectOf: (id: string) => WidgetSubject | undefined) =>
      app.get(url, { schema, config }, async (request, reply) => {
        const { locale, id } = request.params as { locale: string; id: string };
        const hit = cachedPage(db, request.url);
        if (hit) return send(reply, hit.status, hit.body, 'hit', true);
        const shownLocale = isLocale(locale) ? locale : negotiateLocale(request.headers['accept-language'], 'en');
        const ctx = ctxOf(shownLocale);
        const subject = isLocale(locale) ? subjectOf(id) : undefined;
        const found = subject && (await publicWidget(db, shownLocale, subject));
        const base = deps.settings.publicUrl;
        const content = found ? widgetBody(ctx, base, found) : widgetNotFound(ctx, base);
        const body = widgetDocument(ctx, content.title, content.body);
        const status = found ? 200 : 404;
        if (isLocale(locale)) cachePage(db, request.url, { status, body, type: 'text/html' });
        return send(reply, status, body, 'miss', true);
      });
    widget('/public/:locale/widgets/entities/:id', (id) => parseSubject(`entity:${id}`));
    widget('/public/:locale/widgets/reviews/:id', (id) => parseSubject(`review:${id}`));
    widget('/public/:locale/widgets/themes/:id', (id) => parseSubject(`theme:${id}`));
    // The snippet page: choose a subject and a language, see the widget, copy the code.
    page('/public/:locale/widgets', async (locale, _params, _query, raw) => {
      const subjects = await publicWidgetSubjects(db, locale);
      const lang = isLocale(raw.lang) ? raw.lang : locale;
      const first = subjects.entities[0] ?? subjects.reviews[0] ?? subjects.themes[0];
      const subject = parseSubject(raw.subject ?? first?.value);
      const found = subject && (await publicWidget(db, lang, subject));
      return snippetPage(ctxOf(locale), deps.settings.publicUrl, subjects, {
        subject: found ? subject : undefined,
        lang,
        title: found ? found.title : undefined,
      });
    });
    // Anything else under /public/ is the same 404 page.
    page('/public/:locale/*', async () => undefined);
  };
}

function withEmbed(locale: Locale, page: PageBody, subject: WidgetSubject): PageBody {
  return { ...page, body: html`${page.body}${embedLink(locale, translatorFor(locale), subject)}` };
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
