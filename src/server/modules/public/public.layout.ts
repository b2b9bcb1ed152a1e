import type { Locale } from '../../../shared/i18n/locales';
import type { Translate } from '../../../shared/i18n/translate';
import type { Html } from '../../lib/html';
import { pageFrame } from '../../lib/page-frame';

// The portal's pages in the shared frame (lib/page-frame.ts): its name, navigation and feed.

export interface PortalPage {
  locale: Locale;
  t: Translate;
  /** The page's path after /public/<locale>, with its query: the other languages link to it. */
  path: string;
  title: string;
  body: Html;
}

export const publicRoot = (locale: Locale) => `/public/${locale}`;

/**
 * The portal's own rules after the shared frame's: a link alone on a list line (a status bar, a
 * facet, a download) is at least 24 px high, WCAG 2.2's target size, so lists of them stay easy
 * to tap on a phone; the register's count is a heading for its results.
 */
const portalStyles = `main li>a:first-child{display:inline-block;min-block-size:24px}
h2.results{font-size:1rem;font-weight:400;margin:8px 0}`;

export function layout(page: PortalPage): string {
  const { locale, t } = page;
  const root = publicRoot(locale);
  return pageFrame(
    {
      name: t('public.siteName'),
      root: publicRoot,
      description: t('public.home.intro'),
      nav: [
        { href: `${root}/`, label: t('public.nav.home') },
        { href: `${root}/recommendations`, label: t('public.nav.register') },
        { href: '/sign-in', label: t('public.nav.signIn') },
      ],
      feeds: [{ href: `${root}/data/changes.atom`, title: t('public.data.atom'), type: 'application/atom+xml' }],
      footer: t('public.footer.licence'),
    },
    { ...page, styles: portalStyles },
  );
}
