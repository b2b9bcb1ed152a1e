import { type ComponentType, lazy } from 'react';
import { createBrowserRouter, type RouteObject, useRouteError } from 'react-router';
import type { AppError } from '../shared/errors';
import { toAppError } from './api/client';
import { AppShell } from './app-shell';
import { ErrorMessage } from './components/error-message';
import { PageTitle } from './components/page-title';
import { RequireAuth } from './components/require-auth';
import { useT } from './i18n/i18n-provider';
import { modulePages } from './nav';

/** Pages reachable without a session; each is its own chunk like the module pages. */
const publicPages: { path: string; load: () => Promise<{ default: ComponentType }> }[] = [
  { path: '/sign-in', load: () => import('./features/identity/sign-in-page') },
  { path: '/forgot-password', load: () => import('./features/identity/forgot-password-page') },
  { path: '/reset-password', load: () => import('./features/identity/reset-password-page') },
  { path: '/accept-invitation', load: () => import('./features/identity/accept-invitation-page') },
];

const NotFoundPage = lazy(() => import('./features/errors/not-found-page'));

function RouteError() {
  const { t } = useT();
  const error = toAppError(useRouteError());
  return (
    <>
      <PageTitle>{t('errors.title')}</PageTitle>
      <ErrorMessage error={error} />
    </>
  );
}

function routeOf(path: string, load: () => Promise<{ default: ComponentType }>, signedIn: boolean): RouteObject {
  const Page = lazy(load);
  return {
    path,
    element: signedIn ? (
      <RequireAuth>
        <Page />
      </RequireAuth>
    ) : (
      <Page />
    ),
  };
}

export function createAppRouter(bootError: AppError | null) {
  return createBrowserRouter([
    {
      element: <AppShell bootError={bootError} />,
      children: [
        {
          errorElement: <RouteError />,
          children: [
            ...modulePages.map((page) => routeOf(page.path, page.load, true)),
            ...publicPages.map((page) => routeOf(page.path, page.load, false)),
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
}
