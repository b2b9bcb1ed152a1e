import { directionOf, type Locale, localeNames, locales } from '../../shared/i18n/locales';
import type { Translate } from '../../shared/i18n/translate';
import { type Html, html, trusted } from './html';

// The frame of every server-rendered page read without an account: a State's public portal
// (modules/public, decision 032) and a knowledge hub's public pages (decision 034). No script, one
// small inline style sheet, the language switcher linking the same page in the five other
// languages, and a skip link.

const styles = `*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Arabic",sans-serif;color:#1b1b1b;background:#fff}
a{color:#0b4f8a}a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible{outline:3px solid #c25400;outline-offset:2px}
.skip{position:absolute;inset-inline-start:-999px}.skip:focus{inset-inline-start:8px;top:8px;background:#fff;padding:4px 8px;z-index:1}
header{background:#0b3d66;color:#fff;padding:12px 16px}header a{color:#fff}.site{font-weight:700;font-size:1.1rem;margin:0 0 6px}
nav ul,.langs{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:4px 16px}.langs{margin-top:6px;font-size:.9rem}
main{max-width:72rem;margin:0 auto;padding:16px}h1{font-size:1.6rem;line-height:1.25;margin:8px 0 12px}h2{font-size:1.25rem;margin:24px 0 8px}
.meta{color:#4a4a4a;font-size:.95rem}.cards{list-style:none;padding:0;margin:0;display:grid;gap:12px}
.cards>li{border:1px solid #c9c9c9;border-radius:6px;padding:12px}.layout{display:grid;gap:16px}
@media(min-width:900px){.layout{grid-template-columns:1fr 17rem}}form[role=search]{margin-bottom:12px;max-width:40rem}
fieldset{border:1px solid #c9c9c9;border-radius:6px;margin:0 0 12px;padding:8px 12px}legend{font-weight:600}
label{display:block;font-weight:600}input,select,button{font:inherit;padding:6px 8px;max-width:100%}
input[type=search]{width:100%}button{background:#0b4f8a;color:#fff;border:0;border-radius:4px;margin-top:8px;cursor:pointer}
.facet li{margin:2px 0}.facet ul{list-style:none;padding:0;margin:0}.current{font-weight:700}
.bars{list-style:none;padding:0;margin:0}.bars li{display:grid;grid-template-columns:minmax(8rem,14rem) 1fr 3rem;gap:8px;align-items:center;margin:4px 0}
.bar{background:#e6eef5;block-size:12px;display:block}.bar span{display:block;block-size:12px;background:#0b4f8a}.bar-count{text-align:end}
.chart{inline-size:100%;max-inline-size:24rem;block-size:auto;border:1px solid #c9c9c9}.chart polyline{fill:none;stroke:#0b4f8a;stroke-width:2}
.chart circle{fill:#0b4f8a}.chart .baseline{stroke:#6b6b6b;stroke-dasharray:4 3}.chart .target{stroke:#1d7a3a;stroke-dasharray:6 3}
table{border-collapse:collapse;margin:8px 0}th,td{border:1px solid #c9c9c9;padding:4px 8px;text-align:start}
.status{display:inline-block;border:1px solid #0b4f8a;border-radius:12px;padding:0 8px;font-size:.9rem}
.pager{display:flex;gap:16px;margin:16px 0}footer{border-top:1px solid #c9c9c9;padding:16px;font-size:.9rem;max-width:72rem;margin:24px auto 0}
blockquote{margin:8px 0;padding:8px 12px;border-inline-start:4px solid #0b4f8a;background:#f4f7fa}`;

/** Which site a page belongs to: its name, its root per language, its navigation and feeds. */
export interface Site {
  name: string;
  /** The root of the site's pages in a language: `/public/en`. */
  root: (locale: Locale) => string;
  description: string;
  nav: { href: string; label: string }[];
  feeds?: { href: string; title: string; type: string }[];
  footer: string;
}

export interface PageFrame {
  locale: Locale;
  t: Translate;
  /** The page's path after the site's root, with its query: the other languages link to it. */
  path: string;
  title: string;
  body: Html;
  /** Extra rules for this site's pages, added after the shared ones. */
  styles?: string;
}

// The style sheets are constants of the code, not data: written as they are (escaped, a quote in a
// font name or a `>` in a selector would break them).
export function pageFrame(site: Site, { locale, t, path, title, body, styles: extra }: PageFrame): string {
  const page = html`<!doctype html>
<html lang="${locale}" dir="${directionOf(locale)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title} · ${site.name}</title>
<meta name="description" content="${site.description}">
${locales.map((other) => html`<link rel="alternate" hreflang="${other}" href="${site.root(other)}${path}">`)}
${(site.feeds ?? []).map((feed) => html`<link rel="alternate" type="${feed.type}" href="${feed.href}" title="${feed.title}">`)}
<style>${trusted(styles + (extra ?? ''))}</style></head>
<body><a class="skip" href="#main">${t('shell.skipToContent')}</a>
<header><p class="site"><a href="${site.root(locale)}/">${site.name}</a></p>
<nav aria-label="${t('public.nav.label')}"><ul>
${site.nav.map((item) => html`<li><a href="${item.href}">${item.label}</a></li>`)}</ul></nav>
<ul class="langs" aria-label="${t('shell.language')}">${locales
    .filter((other) => other !== locale)
    .map(
      (other) =>
        html`<li><a href="${site.root(other)}${path}" lang="${other}" hreflang="${other}">${localeNames[other]}</a></li>`,
    )}</ul></header>
<main id="main" tabindex="-1">${body}</main>
<footer><p>${site.footer}</p></footer>
</body></html>`;
  return page.value;
}
