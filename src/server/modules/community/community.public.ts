import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../../shared/errors';
import { isLocale, type Locale, negotiateLocale } from '../../../shared/i18n/locales';
import { hubThemes } from '../../../shared/schemas/hub';
import type { Deps } from '../../deps';
import type { Actor } from '../../http/context';
import { translatorFor } from '../../i18n';
import { hubPage } from '../../lib/hub-site';
import {
  communityStyles,
  eventPage,
  eventsPage,
  notFoundBody,
  type PageBody,
  spacePage,
  spacesPage,
  threadPage,
} from './community.pages';
import { ensureSpaces, findSpaces } from './community.repo';
import { getThread, listSpaces, listThreads } from './community.service';
import { eventIcs, getEvent, listEvents, publicFeed } from './events.service';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The reader of a public page: no one, whoever is signed in (the page is the same for all). */
const publicActor = (locale: Locale): Actor => ({ user: null, sessionId: null, requestId: 'public', ip: null, locale });

/** NOT_FOUND from a service is the page's 404; anything else is a real error. */
async function orMissing<T>(work: Promise<T>): Promise<T | undefined> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return undefined;
    throw error;
  }
}

/**
 * The community's public pages (decision 037) at /hub/<locale>/community and /hub/<locale>/events,
 * with the events' iCalendar feed. Read as no one: a network's space, a hidden or held thread and
 * an event for accounts answer the same 404 page as an id that does not exist.
 */
export function communityPublicRoutes(deps: Deps): FastifyPluginAsyncZod {
  const { db } = deps;
  return async (app) => {
    const schema = { hide: true };
    const config = { rateLimit: { max: 600, timeWindow: '1 minute' } };
    type Render = (
      locale: Locale,
      params: Record<string, string>,
      query: Record<string, string>,
    ) => Promise<PageBody | undefined>;
    const page = (url: string, render: Render) =>
      app.get(url, { schema, config }, async (request: FastifyRequest, reply: FastifyReply) => {
        const params = request.params as Record<string, string>;
        const locale = isLocale(params.locale) ? params.locale : null;
        const found = locale
          ? await render(locale, params, (request.query ?? {}) as Record<string, string>)
          : undefined;
        const shown = locale ?? negotiateLocale(request.headers['accept-language'], 'en');
        const t = translatorFor(shown);
        const content = found ?? notFoundBody(t);
        const path = request.url.replace(/^\/hub\/[^/?]*/, '') || '/';
        return reply
          .status(found ? 200 : 404)
          .header('content-type', 'text/html; charset=utf-8')
          .header('cache-control', 'public, max-age=60')
          .send(hubPage({ locale: shown, t, path, title: content.title, body: content.body, styles: communityStyles }));
      });

    page('/hub/:locale/community', async (locale) =>
      spacesPage(locale, translatorFor(locale), await listSpaces(db, publicActor(locale))),
    );

    page('/hub/:locale/community/:space', async (locale, params, query) => {
      const theme = hubThemes.find((code) => code === params.space);
      if (!theme) return undefined;
      await ensureSpaces(db);
      const space = (await findSpaces(db, null)).find((row) => row.theme === theme);
      if (!space) return undefined;
      const pageNumber = Math.max(1, Math.min(10_000, Number.parseInt(query.page ?? '1', 10) || 1));
      const threads = await listThreads(db, publicActor(locale), space.id, { page: pageNumber, pageSize: 20 });
      return spacePage(locale, translatorFor(locale), threads.space, threads);
    });

    page('/hub/:locale/community/threads/:id', async (locale, params) => {
      if (!uuid.test(params.id ?? '')) return undefined;
      const thread = await orMissing(getThread(db, publicActor(locale), params.id ?? ''));
      if (!thread) return undefined;
      const space = (await findSpaces(db, null)).find((row) => row.id === thread.spaceId);
      return threadPage(locale, translatorFor(locale), thread, space?.theme ?? '');
    });

    page('/hub/:locale/events', async (locale) => {
      const actor = publicActor(locale);
      const [upcoming, past] = await Promise.all([
        listEvents(db, actor, { past: false, page: 1, pageSize: 50 }),
        listEvents(db, actor, { past: true, page: 1, pageSize: 20 }),
      ]);
      return eventsPage(locale, translatorFor(locale), upcoming.items, past.items);
    });

    // /events/<id> is the page, /events/<id>.ics its iCalendar file.
    app.get('/hub/:locale/events/:file', { schema, config }, async (request, reply) => {
      const { locale: given, file } = request.params as { locale: string; file: string };
      const locale = isLocale(given) ? given : null;
      const match = /^([0-9a-f-]{36})(\.ics)?$/i.exec(file);
      const id = match?.[1] && uuid.test(match[1]) ? match[1] : null;
      if (locale && id && match?.[2]) {
        const text = await orMissing(eventIcs(db, publicActor(locale), id, deps.settings.publicUrl));
        if (text !== undefined)
          return reply
            .header('content-type', 'text/calendar; charset=utf-8')
            .header('content-disposition', `attachment; filename="event-${id}.ics"`)
            .send(text);
      }
      const event = locale && id && !match?.[2] ? await orMissing(getEvent(db, publicActor(locale), id)) : undefined;
      const shown = locale ?? negotiateLocale(request.headers['accept-language'], 'en');
      const t = translatorFor(shown);
      const content = event ? eventPage(shown, t, event) : notFoundBody(t);
      return reply
        .status(event ? 200 : 404)
        .header('content-type', 'text/html; charset=utf-8')
        .header('cache-control', 'public, max-age=60')
        .send(
          hubPage({
            locale: shown,
            t,
            path: request.url.replace(/^\/hub\/[^/?]*/, ''),
            title: content.title,
            body: content.body,
            styles: communityStyles,
          }),
        );
    });

    app.get('/hub/:locale/events.ics', { schema, config }, async (request, reply) => {
      const { locale } = request.params as { locale: string };
      if (!isLocale(locale)) throw new AppError('NOT_FOUND');
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('cache-control', 'public, max-age=300')
        .send(await publicFeed(db, locale, deps.settings.publicUrl));
    });
  };
}
