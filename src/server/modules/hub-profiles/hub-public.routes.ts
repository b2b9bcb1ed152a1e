import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { negotiateLocale } from '../../../shared/i18n/locales';
import { hubPublicMembersQuerySchema } from '../../../shared/schemas/hub-profiles';
import type { Deps } from '../../deps';
import { translatorFor } from '../../i18n';
import { hubPageRoute, hubRootRedirects } from '../../lib/hub-pages';
import {
  homePage,
  hubStyles,
  memberPage,
  membersPage,
  networkPage,
  networksPage,
  notFoundPage,
} from './hub-public.pages';
import {
  publicHubHome,
  publicHubMember,
  publicHubMembers,
  publicHubNetwork,
  publicHubNetworks,
} from './hub-public.service';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The hub's public pages of members, profiles and networks, and its home (decision 035):
 * server-rendered, no script, no account, shareable URLs in six languages.
 */
export function hubPublicRoutes(deps: Deps, options: { ratePerMinute: number }): FastifyPluginAsyncZod {
  const { db } = deps;
  return async (app) => {
    const pages = { db, ratePerMinute: options.ratePerMinute, styles: hubStyles, notFound: notFoundPage };
    const ctxOf = (locale: Parameters<typeof translatorFor>[0]) => ({ locale, t: translatorFor(locale) });
    hubRootRedirects(app, options.ratePerMinute);
    // A signed-out visitor to the hub's address reads its public home; a signed-in one gets the app.
    app.get('/', { schema: { hide: true } }, (request, reply) =>
      request.actor.user
        ? reply.callNotFound()
        : reply.redirect(`/hub/${negotiateLocale(request.headers['accept-language'], request.actor.locale)}/`),
    );
    hubPageRoute(app, pages, '/hub/:locale/', async (locale) =>
      homePage(ctxOf(locale), await publicHubHome(db, locale)),
    );
    hubPageRoute(app, pages, '/hub/:locale/members', async (locale, _params, rawQuery) => {
      const query = hubPublicMembersQuerySchema.parse(rawQuery);
      return membersPage(ctxOf(locale), await publicHubMembers(db, query), query);
    });
    hubPageRoute(app, pages, '/hub/:locale/members/:id', async (locale, { id }) => {
      if (!id || !uuid.test(id)) return undefined;
      const data = await publicHubMember(db, locale, id);
      return data && memberPage(ctxOf(locale), data);
    });
    hubPageRoute(app, pages, '/hub/:locale/networks', async (locale) =>
      networksPage(ctxOf(locale), await publicHubNetworks(db)),
    );
    hubPageRoute(app, pages, '/hub/:locale/networks/:id', async (locale, { id }) => {
      if (!id || !uuid.test(id)) return undefined;
      const data = await publicHubNetwork(db, id);
      return data && networkPage(ctxOf(locale), data);
    });
  };
}
