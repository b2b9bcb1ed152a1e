import { Component, type ComponentType, type ErrorInfo, lazy, type ReactNode } from 'react';
import { BrowserRouter, Route, Routes, useLocation } from 'react-router';
import type { AppError } from '../shared/errors';
import type { Locale } from '../shared/i18n/locales';
import { toAppError } from './api/client';
import { AppShell } from './app-shell';
import { ErrorMessage } from './components/error-message';
import { PageTitle } from './components/page-title';
import { RequireAuth } from './components/require-auth';
import { loadPageMessages } from './i18n/catalogue-parts';
import { useT } from './i18n/i18n-provider';
import { modulePages } from './nav';

type PageModule = () => Promise<{ default: ComponentType }>;

/** Pages reachable without a session; each is its own chunk like the module pages. */
const publicPages: { path: string; load: PageModule }[] = [
  { path: '/sign-in', load: () => import('./features/identity/sign-in-page') },
  { path: '/forgot-password', load: () => import('./features/identity/forgot-password-page') },
  { path: '/reset-password', load: () => import('./features/identity/reset-password-page') },
  { path: '/accept-invitation', load: () => import('./features/identity/accept-invitation-page') },
];

const notFound = { path: '*', load: () => import('./features/errors/not-found-page') };

const lazyPages = new Map<PageModule, ComponentType>();
/** A page's chunk and its part of the message catalogue load together, before it renders. */
function pageOf(path: string, load: PageModule): ComponentType {
  let page = lazyPages.get(load);
  if (!page) {
    page = lazy(async () => {
      const [module] = await Promise.all([load(), loadPageMessages(document.documentElement.lang as Locale, path)]);
      return module;
    });
    lazyPages.set(load, page);
  }
  return page;
}

const NotFoundPage = pageOf(notFound.path, notFound.load);

function PageError(props: { error: AppError }) {
  const { t } = useT();
  return (
    <>
      <PageTitle>{t('errors.title')}</PageTitle>
      <ErrorMessage error={props.error} />
    </>
  );
}

/** A page that throws (or whose chunk fails to load) shows the translated error inside the shell. */
class PageErrorBoundary extends Component<{ children: ReactNode }, { error: AppError | null }> {
  override state: { error: AppError | null } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error: toAppError(error) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error(error, info.componentStack);
  }

  override render() {
    return this.state.error ? <PageError error={this.state.error} /> : this.props.children;
  }
}

/** Resets the error boundary when the user navigates elsewhere. */
function PerPathBoundary(props: { children: ReactNode }) {
  const location = useLocation();
  return <PageErrorBoundary key={location.pathname}>{props.children}</PageErrorBoundary>;
}

export function AppRoutes(props: { bootError: AppError | null }) {
  return (
    <BrowserRouter>
      <Routes>
        <Route element={<AppShell bootError={props.bootError} boundary={PerPathBoundary} />}>
          {modulePages.map((page) => {
            const Page = pageOf(page.path, page.load);
            return (
              <Route
                key={page.path}
                path={page.path}
                element={
                  <RequireAuth>
                    <Page />
                  </RequireAuth>
                }
              />
            );
          })}
          {publicPages.map((page) => {
            const Page = pageOf(page.path, page.load);
            return <Route key={page.path} path={page.path} element={<Page />} />;
          })}
          <Route path={notFound.path} element={<NotFoundPage />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
