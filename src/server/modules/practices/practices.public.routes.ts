import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { isLocale, type Locale, negotiateLocale } from '../../../shared/i18n/locales';
import { practiceSearchQuerySchema } from '../../../shared/schemas/hub-practices';
import type { Deps } from '../../deps';
import { translatorFor } from '../../i18n';
import { hubPage } from '../../lib/hub-site';
import { downloadPublishedFile } from './practices.files.service';
import { notFoundPage, type PageBody, practiceListPage, practicePage, practiceStyles } from './practices.pages';
import { publicPractice, publicPracticeList } from './practices.public.service';
import { asciiName } from './practices.routes';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The practices' public pages, read without an account (decision 036): /hub/<locale>/practices
 * (list, facets, search, pager) and /hub/<locale>/practices/<id>. What is not published (a draft,
 * a submitted or returned practice, a withdrawn one) answers the same 404 page as an unknown id.
 * Pages are not cached: a withdrawal must take a practice off at once; the rate limit per address
 * bounds what anonymous traffic costs.
 */
export function practicesPublicRoutes(deps: Deps, options: { ratePerMinute: number }): FastifyPluginAsyncZod {
  const { db } = deps;
  return async (app) => {
    const config = { rateLimit: { max: options.ratePerMinute, timeWindow: '1 minute' }, publicData: true };
    const schema = { hide: true };

    type Render = (locale: Locale, params: Record<string, string>, query: unknown) => Promise<PageBody | undefined>;
    const page = (url: string, render: Render) =>
      app.get(url, { schema, config }, async (request: FastifyRequest, reply: FastifyReply) => {
        const params = request.params as Record<string, string>;
        const locale = isLocale(params.locale) ? params.locale : null;
        const found = locale ? await render(locale, params, request.query ?? {}) : undefined;
        const shown = locale ?? negotiateLocale(request.headers['accept-language'], 'en');
        const t = translatorFor(shown);
        const content = found ?? notFoundPage({ locale: shown, t });
        const path = request.url.replace(/^\/hub\/[^/?]*/, '') || '/';
        const body = hubPage({ locale: shown, t, path, styles: practiceStyles, ...content });
        return (
          reply
            .status(found ? 200 : 404)
            .header('content-type', 'text/html; charset=utf-8')
            // Revalidated every time: a withdrawn practice must not linger in a shared cache.
            .header('cache-control', 'no-cache')
            .send(body)
        );
      });
    const ctxOf = (locale: Locale) => ({ locale, t: translatorFor(locale) });

    page('/hub/:locale/practices', async (locale, _params, raw) => {
      const query = practiceSearchQuerySchema.parse(raw);
      return practiceListPage(ctxOf(locale), await publicPracticeList(db, locale, query), query);
    });
    page('/hub/:locale/practices/:id', async (locale, { id }) => {
      if (!id || !uuid.test(id)) return undefined;
      const practice = await publicPractice(db, locale, id);
      return practice && practicePage(ctxOf(locale), practice);
    });
    app.get('/hub/practices/:id/files/:fileId', { schema, config }, async (request, reply) => {
      const { id, fileId } = request.params as { id: string; fileId: string };
      const file = uuid.test(id) && uuid.test(fileId) ? await downloadPublishedFile(deps, id, fileId) : undefined;
      if (!file) {
        const locale = negotiateLocale(request.headers['accept-language'], 'en');
        const t = translatorFor(locale);
        const body = hubPage({ locale, t, path: '/practices', styles: practiceStyles, ...notFoundPage({ locale, t }) });
        return reply.status(404).header('content-type', 'text/html; charset=utf-8').send(body);
      }
      return reply
        .header('content-type', file.contentType)
        .header(
          'content-disposition',
          `attachment; filename="${asciiName(file.fileName)}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        )
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'no-cache')
        .send(file.data);
    });
  };
}
