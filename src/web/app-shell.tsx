import { type ComponentType, type ReactNode, Suspense } from 'react';
import { Link, Outlet } from 'react-router';
import type { AppError } from '../shared/errors';
import type { StateProfile } from '../shared/schemas/state-profile';
import { AppNav, NavToggle, useNavDisclosure, useWaiting } from './components/app-nav';
import { ErrorMessage } from './components/error-message';
import { LanguagePicker } from './components/language-picker';
import { Loading } from './components/loading';
import { pickText } from './components/localized';
import { useApi } from './components/use-api';
import { UserMenu } from './components/user-menu';
import { useT } from './i18n/i18n-provider';
import { useSession } from './session/session-provider';

/** Skip link, banner, navigation built from the registry, main, footer. */
export function AppShell(props: { bootError?: AppError | null; boundary: ComponentType<{ children: ReactNode }> }) {
  const Boundary = props.boundary;
  const { t, locale } = useT();
  const { user, can } = useSession();
  // A hub (decision 034) has no State profile: its accounts see the hub's name instead.
  const national = can('national:read');
  const profile = useApi<StateProfile>(user && national ? '/api/state-profile' : null);
  const nmirfName =
    user && !national ? t('hub.site.name') : pickText(profile.data?.nmirfName, locale) || t('app.nmirf');
  const disclosure = useNavDisclosure();
  const waiting = useWaiting();

  return (
    <div className={user ? 'layout layout-signed-in' : 'layout layout-public'}>
      <a className="skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <header className="app-header">
        <div className="brand">
          <Link to="/" className="brand-name">
            {t('app.name')}
          </Link>
          <span className="brand-nmirf">{nmirfName}</span>
        </div>
        {user ? <NavToggle {...disclosure} waiting={waiting} /> : null}
        <div className="header-tools">
          <LanguagePicker />
          <UserMenu />
        </div>
      </header>
      {user ? <AppNav open={disclosure.open} waiting={waiting} /> : null}
      <main id="main" tabIndex={-1}>
        <ErrorMessage error={props.bootError} />
        <Boundary>
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </Boundary>
      </main>
      <footer className="app-footer">
        <p>{t('shell.footer')}</p>
      </footer>
    </div>
  );
}
