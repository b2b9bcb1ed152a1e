import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locale } from '../../shared/i18n/locales';

/** Written by build/preload-plugin.ts; the shape it writes. */
interface RoutePreloads {
  routes: Record<string, { modules: string[]; css: string[]; part: string; public: boolean }>;
  parts: Record<string, string>;
}

interface Route {
  path: string;
  pattern: RegExp;
  /** Literal segments: '/register/new' wins over '/register/:id', as in the client's router. */
  rank: number;
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * The app's index.html for one page request, with the page's chunks and the catalogue parts of
 * the visitor's language named in <head> (modulepreload), so the browser fetches them at once
 * beside the entry instead of after it: entry → catalogue → page chunk was a chain before every
 * paint (decision 029). A build without the preload list gets index.html as it is.
 */
export function webPage(webDir: string): (path: string, locale: Locale, signedIn: boolean, boot?: string) => string {
  const html = readFileSync(join(webDir, 'index.html'), 'utf8');
  const listFile = join(webDir, '.vite/route-preloads.json');
  // The page's first API answers (http/page-boot.ts, decision 041) go last in <head>.
  // A function, not a replacement string: the answers may hold `$&` or `$1`.
  const withBoot = (page: string, boot: string) =>
    boot ? page.replace(/([ \t]*)<\/head>/, (whole, indent: string) => `${indent}  ${boot}\n${whole}`) : page;
  if (!existsSync(listFile)) return (_path, _locale, _signedIn, boot = '') => withBoot(html, boot);
  const preloads = JSON.parse(readFileSync(listFile, 'utf8')) as RoutePreloads;
  const routes: Route[] = Object.keys(preloads.routes)
    .map((path) => {
      const segments = path.split('/').filter(Boolean);
      const source = segments.map((segment) => (segment.startsWith(':') ? '[^/]+' : escapeRegExp(segment))).join('/');
      return {
        path,
        pattern: new RegExp(`^/${source}/?$`),
        rank: segments.filter((segment) => !segment.startsWith(':')).length,
      };
    })
    .sort((a, b) => b.rank - a.rank);
  const cache = new Map<string, string>();
  return (path, locale, signedIn, boot = '') => {
    const found = routes.find((route) => route.pattern.test(path))?.path;
    // A signed-out visitor to a signed-in page is sent to sign-in by the client: preload that one.
    const routePath = found && (signedIn || preloads.routes[found]?.public) ? found : signedIn ? null : '/sign-in';
    const key = `${routePath}|${locale}`;
    let page = cache.get(key);
    if (page === undefined) {
      const route = routePath ? preloads.routes[routePath] : undefined;
      const modules = [
        preloads.parts[`${locale}/@core`],
        ...(route ? [preloads.parts[`${locale}/${route.part}`], ...route.modules] : []),
      ].filter((file): file is string => Boolean(file));
      const links = [
        ...modules.map((file) => `<link rel="modulepreload" crossorigin href="${escapeAttribute(file)}">`),
        ...(route?.css ?? []).map((file) => `<link rel="preload" as="style" href="${escapeAttribute(file)}">`),
      ];
      page = html.replace(
        /([ \t]*)<\/head>/,
        (_, indent: string) => links.map((link) => `${indent}  ${link}\n`).join('') + `${indent}</head>`,
      );
      cache.set(key, page);
    }
    return withBoot(page, boot);
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
