import { directionOf, type Locale, localeNames, locales } from '../../../shared/i18n/locales';
import type { Translate } from '../../../shared/i18n/translate';
import { statusColors } from '../../../shared/status-colors';
import { type Html, html, trusted } from '../../lib/html';
import { narrativeText } from '../progress/sanitize';
import { publicRoot } from './public.layout';
import type { PageBody } from './public.pages';
import type { publicWidget, publicWidgetSubjects, WidgetSubject } from './public.service';

// Embeddable summaries (decision 040): a page small enough for an iframe on a ministry's or an
// LRG's own site, and the page where anyone copies the snippet with the widget itself as preview.
// Like every portal page: server-rendered, no script, no cookie, the public cache.

type Widget = NonNullable<Awaited<ReturnType<typeof publicWidget>>>;
type Subjects = Awaited<ReturnType<typeof publicWidgetSubjects>>;
interface Ctx {
  locale: Locale;
  t: Translate;
}

/** The widget's height in the snippet: enough for five statuses and three lines of progress at 320 px. */
export const widgetHeight = 330;

const styles = `*{box-sizing:border-box}html,body{margin:0;background:#fff}
body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Arabic",sans-serif;color:#1b1b1b}
main{padding:10px 12px;border:1px solid #c9c9c9;border-radius:6px;min-block-size:100vh}
h1{font-size:1rem;line-height:1.3;margin:0}h1 a{color:#0b3d66}
h2{font-size:.875rem;margin:10px 0 2px}p{margin:0}.meta{color:#4a4a4a;font-size:.8125rem;margin:2px 0 8px}
.stack{display:flex;block-size:14px;border-radius:3px;overflow:hidden;background:#e6eef5;margin:0 0 6px}.stack span{block-size:14px}
.legend{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:2px 12px;font-size:.8125rem}
.legend i{display:inline-block;inline-size:10px;block-size:10px;margin-inline-end:4px;border-radius:2px}
.latest{display:-webkit-box;-webkit-line-clamp:3;-webkit-box-orient:vertical;overflow:hidden}
.more{margin-top:8px;font-size:.8125rem}a{color:#0b4f8a}a:focus-visible{outline:3px solid #c25400;outline-offset:1px}`;

/** The whole widget document: no frame, no navigation, links open the portal in a new tab. */
export function widgetDocument(ctx: Ctx, title: string, body: Html): string {
  return html`<!doctype html>
<html lang="${ctx.locale}" dir="${directionOf(ctx.locale)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>${title}</title><style>${trusted(styles)}</style></head>
<body><main>${body}</main></body></html>`.value;
}

export function widgetBody(ctx: Ctx, base: string, widget: Widget): PageBody {
  const { t, locale } = ctx;
  const href = `${base}${publicRoot(locale)}${widget.path}`;
  const followed = widget.statuses.reduce((sum, status) => sum + status.count, 0);
  const colors = statusColors(widget.statuses.map((status) => status.code));
  const latest = widget.latest;
  const text = latest ? narrativeText(latest.narrative ?? '') : '';
  const body = html`<h1><a href="${href}" target="_blank" rel="noopener">${widget.title}</a></h1>
<p class="meta">${t(widget.kind)} · ${t('public.count.recommendations', { count: widget.total })} · ${t('public.count.followed', { count: followed })}</p>
${
  followed === 0
    ? html`<p>${t('public.rec.noFollowUp')}</p>`
    : html`<div class="stack" aria-hidden="true">${widget.statuses.map(
        (status, index) =>
          html`<span style="background:${colors[index] ?? '#5f6b7a'};inline-size:${((100 * status.count) / followed).toFixed(2)}%"></span>`,
      )}</div>
<ul class="legend" aria-label="${t('public.widget.byStatus')}">${widget.statuses.map(
        (status, index) =>
          html`<li><i style="background:${colors[index] ?? '#5f6b7a'}"></i>${status.label}: ${status.count}</li>`,
      )}</ul>`
}
<h2>${t('public.home.latest')}</h2>
${
  latest
    ? html`<p class="meta">${t('public.update.by', { entity: latest.entity_name, date: latest.validated_on ?? '' })}</p>
<p class="latest" dir="auto">${text.length > 280 ? `${text.slice(0, 280)}…` : text}</p>`
    : html`<p>${t('public.rec.noProgress')}</p>`
}
<p class="more"><a href="${href}" target="_blank" rel="noopener">${t('public.widget.more')}</a></p>`;
  return { title: `${widget.title} · ${t('public.siteName')}`, body };
}

/** The widget of a subject nothing public names: the same for an unknown id, honest and still framable. */
export function widgetNotFound(ctx: Ctx, base: string): PageBody {
  const { t, locale } = ctx;
  return {
    title: t('public.siteName'),
    body: html`<h1>${t('public.siteName')}</h1><p class="meta">${t('public.widget.notPublic')}</p>
<p class="more"><a href="${base}${publicRoot(locale)}/" target="_blank" rel="noopener">${t('public.widget.more')}</a></p>`,
  };
}

export function widgetPath(locale: Locale, subject: WidgetSubject): string {
  const kind = { entity: 'entities', review: 'reviews', theme: 'themes' }[subject.kind];
  return `${publicRoot(locale)}/widgets/${kind}/${subject.id}`;
}

/** `entity:<uuid>`, `review:<uuid>`, `theme:<id>` (the snippet page's choice) to a subject. */
export function parseSubject(value: unknown): WidgetSubject | undefined {
  const match = /^(entity|review|theme):(.+)$/.exec(typeof value === 'string' ? value : '');
  if (!match) return undefined;
  const [, kind, id] = match as unknown as [string, 'entity' | 'review' | 'theme', string];
  if (kind === 'theme') return /^\d{1,9}$/.test(id) ? { kind, id: Number(id) } : undefined;
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id) ? { kind, id } : undefined;
}

/** The snippet a site pastes: a fluid-width iframe, small and lazy, with a title for screen readers. */
export function snippetOf(src: string, title: string): string {
  return html`<iframe src="${src}" title="${title}" width="100%" height="${widgetHeight}" style="border:0;max-width:40rem" loading="lazy"></iframe>`
    .value;
}

/**
 * The snippet page: choose what to embed and in which language (a GET form, so it works without
 * script), see the widget itself, copy the code.
 */
export function snippetPage(
  ctx: Ctx,
  base: string,
  subjects: Subjects,
  chosen: { subject: WidgetSubject | undefined; lang: Locale; title: string | undefined },
): PageBody {
  const { t, locale } = ctx;
  const title = t('public.widget.title');
  const value = chosen.subject ? `${chosen.subject.kind}:${chosen.subject.id}` : '';
  const group = (label: string, options: { value: string; label: string }[]) =>
    options.length
      ? html`<optgroup label="${label}">${options.map(
          (option) =>
            html`<option value="${option.value}"${option.value === value ? html` selected` : ''}>${option.label}</option>`,
        )}</optgroup>`
      : '';
  const none = subjects.entities.length + subjects.reviews.length + subjects.themes.length === 0;
  const src = chosen.subject && widgetPath(chosen.lang, chosen.subject);
  const frameTitle = t('public.widget.frameTitle', { title: chosen.title ?? '' });
  return {
    title,
    body: html`<h1>${title}</h1><p>${t('public.widget.intro')}</p>
${
  none
    ? html`<p>${t('public.widget.none')}</p>`
    : html`<form method="get" action="${publicRoot(locale)}/widgets">
<label for="subject">${t('public.widget.subject')}</label>
<select id="subject" name="subject">${group(t('public.home.entities'), subjects.entities)}${group(t('public.home.reviews'), subjects.reviews)}${group(t('register.facet.theme'), subjects.themes)}</select>
<label for="lang">${t('public.widget.language')}</label>
<select id="lang" name="lang">${locales.map(
        (other) =>
          html`<option value="${other}" lang="${other}"${other === chosen.lang ? html` selected` : ''}>${localeNames[other]}</option>`,
      )}</select>
<button type="submit">${t('public.widget.show')}</button></form>
${
  src
    ? html`<h2>${t('public.widget.preview')}</h2>
<iframe src="${src}" title="${frameTitle}" width="100%" height="${widgetHeight}" style="border:0;max-width:40rem"></iframe>
<h2><label for="code">${t('public.widget.code')}</label></h2>
<textarea id="code" readonly rows="4" style="inline-size:100%;font:13px/1.4 ui-monospace,monospace" dir="ltr">${snippetOf(`${base}${src}`, frameTitle)}</textarea>
<p class="meta">${t('public.widget.codeHelp')}</p>`
    : html`<p>${t('public.widget.notPublic')}</p>`
}`
}`,
  };
}

/** The link under a subject's public page to its snippet page. */
export function embedLink(locale: Locale, t: Translate, subject: WidgetSubject): Html {
  return html`<p><a href="${publicRoot(locale)}/widgets?subject=${subject.kind}:${String(subject.id)}&amp;lang=${locale}">${t('public.widget.embed')}</a></p>`;
}
