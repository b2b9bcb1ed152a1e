import './app.css';
import './print.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { AppError } from '../shared/errors';
import type { SessionResponse } from '../shared/schemas/identity';
import { peekBootAnswer, usedBootAnswer } from './api/boot-answers';
import { toAppError } from './api/client';
import { loadCoreMessages } from './i18n/catalogue-parts';
import { applyDocumentLocale, I18nProvider, initialLocale } from './i18n/i18n-provider';
import { AppRoutes } from './routes';
import { fetchSession, SessionProvider } from './session/session-provider';

/**
 * Boot: ask who is signed in while the likely catalogue loads, switch to the user's saved
 * language if there is one, set <html lang dir>, then render.
 */
async function boot(root: HTMLElement) {
  const guess = initialLocale(null);
  const guessedMessages = loadCoreMessages(guess);
  guessedMessages.catch(() => undefined);
  let session: SessionResponse = { user: null, capabilities: null, csrfToken: null, demoAccounts: [] };
  let bootError: AppError | null = null;
  try {
    // Sent with the page (decision 041); asked for when it was not.
    session = peekBootAnswer<SessionResponse>('/api/session') ?? (await fetchSession());
    usedBootAnswer('/api/session');
  } catch (error) {
    bootError = toAppError(error);
  }
  const locale = session.user?.locale ?? guess;
  const messages = locale === guess ? await guessedMessages : await loadCoreMessages(locale);
  applyDocumentLocale(locale);
  createRoot(root).render(
    <StrictMode>
      <SessionProvider initial={session}>
        <I18nProvider locale={locale} messages={messages}>
          <AppRoutes bootError={bootError} />
        </I18nProvider>
      </SessionProvider>
    </StrictMode>,
  );
  root.removeAttribute('aria-busy');
}

const root = document.getElementById('root');
if (root) void boot(root);
