import type { Locale } from '../../shared/i18n/locales';
import type { Translate } from '../../shared/i18n/translate';
import type { Html } from './html';
import { pageFrame, type Site } from './page-frame';

// A knowledge hub's public pages (decision 034): read without an account, rendered on the server
// with no script, at /hub/<locale>/… Each part of the hub serves its own pages under that root.

export const hubRoot = (locale: Locale) => `/hub/${locale}`;

export function hubSite(locale: Locale, t: Translate): Site {
  const root = hubRoot(locale);
  return {
    name: t('hub.site.name'),
    root: hubRoot,
    description: t('hub.site.description'),
    nav: [
      { href: `${root}/`, label: t('hub.site.nav.home') },
      { href: `${root}/practices`, label: t('hub.site.nav.practices') },
      { href: `${root}/members`, label: t('hub.site.nav.members') },
      { href: `${root}/networks`, label: t('hub.site.nav.networks') },
      { href: `${root}/community`, label: t('hub.site.nav.community') },
      { href: `${root}/events`, label: t('hub.site.nav.events') },
      { href: `${root}/search`, label: t('hub.site.nav.search') },
      { href: '/sign-in', label: t('public.nav.signIn') },
    ],
    footer: t('hub.site.footer'),
  };
}

export interface HubPage {
  locale: Locale;
  t: Translate;
  /** The page's path after /hub/<locale>, with its query. */
  path: string;
  title: string;
  body: Html;
  styles?: string;
}

export function hubPage(page: HubPage): string {
  return pageFrame(hubSite(page.locale, page.t), page);
}
