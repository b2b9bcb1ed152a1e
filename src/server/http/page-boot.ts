import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Locale } from '../../shared/i18n/locales';
import { isHubRole } from '../../shared/schemas/identity';
import { registerPageSize } from '../../shared/schemas/register';

/** The element the web client reads its first answers from (web/api/boot-answers.ts). */
export const bootElementId = 'implementa-answers';

/**
 * API answers a page asks for before it can show anything, by the page's path, exactly as the
 * client names them (the same query string, in the same order): sent with the page, they save
 * the request chain entry script → API → render (decision 041). Only for a page address without
 * a query: a filtered register asks another URL, which the client then fetches as before.
 */
const pageAnswers: { path: RegExp; answers: (locale: Locale) => string[] }[] = [
  {
    path: /^\/register\/?$/,
    answers: (locale) => [
      // register-page.tsx: searchOf(an empty query), then pageSize and lang.
      `/api/recommendations?pageSize=${registerPageSize}&lang=${locale}`,
      // labels.ts useStatusTerms (the results' status badges), saved-views.tsx.
      '/api/taxonomies/status/terms?pageSize=200',
      '/api/saved-views',
    ],
  },
  {
    path: /^\/dashboards\/?$/,
    answers: () => [
      // dashboards-page.tsx and its cards, with no filter and the default views.
      '/api/bodies',
      '/api/dashboards/status?dimension=mechanism&limit=12',
      '/api/dashboards/trend?interval=month&periods=12',
      '/api/dashboards/overdue?page=1&pageSize=20',
    ],
  },
];

/** Every page boots on who is signed in (web/main.tsx); a signed-in page's banner names the State (app-shell.tsx). */
const everyPage = ['/api/session'];
const everySignedInPage = [...everyPage, '/api/state-profile'];

/**
 * A `<script type="application/json">` data block (never run, so the CSP's `script-src` does not
 * concern it) holding the answers a page starts with, each asked of this app as the browser would
 * ask it (the request's cookie and languages), so that every policy, scope and schema applies as
 * for the browser's own request; an answer that is not a 200 is left out, and the client asks for
 * it itself. Kept answers cost a memo hit (decision 028).
 */
export async function pageBoot(
  app: FastifyInstance,
  request: FastifyRequest,
  path: string,
  hasQuery: boolean,
): Promise<string> {
  const locale = request.actor.locale;
  const own = hasQuery ? [] : (pageAnswers.find((page) => page.path.test(path))?.answers(locale) ?? []);
  const user = request.actor.user;
  // A hub's accounts (decision 034) have no State profile and no national page to boot.
  const urls = user ? (isHubRole(user.role) ? everyPage : [...everySignedInPage, ...own]) : everyPage;
  const headers: Record<string, string> = {};
  for (const name of ['cookie', 'accept-language', 'user-agent'] as const) {
    const value = request.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  const answers = await Promise.all(
    urls.map(async (url) => {
      const response = await app.inject({ method: 'GET', url, headers });
      const json = /^application\/json/.test(String(response.headers['content-type'] ?? ''));
      return response.statusCode === 200 && json ? `${JSON.stringify(url)}:${response.body}` : null;
    }),
  );
  // `<` escaped inside the JSON (it can only occur in strings), so no text can close the element.
  const data = `{${answers.filter(Boolean).join(',')}}`.replace(/</g, '\\u003c');
  return `<script type="application/json" id="${bootElementId}">${data}</script>`;
}
