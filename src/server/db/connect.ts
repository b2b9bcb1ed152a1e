import { type Database, ping } from './database';

/** The database named by DATABASE_URL could not be reached at start-up: one line for the operator. */
export class DatabaseUnreachableError extends Error {
  override name = 'DatabaseUnreachableError';
}

// Refusals a retry will not change: a database that does not exist, a role or password refused.
const finalCodes = new Set(['3D000', '28P01', '28000']);

/** Where DATABASE_URL points, without the password: `host:port/database`. */
export function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname || 'localhost'}:${parsed.port || '5432'}${parsed.pathname === '/' ? '' : parsed.pathname}`;
  } catch {
    return '(unreadable URL)';
  }
}

/** What went wrong, in a few words: node-postgres's message, or the socket error's code. */
export function causeOf(error: unknown): string {
  const inner = (error as { errors?: unknown[] } | null)?.errors?.[0];
  const e = (error instanceof Error && !error.message && inner ? inner : error) as {
    message?: string;
    code?: string;
  } | null;
  const text = e?.message || e?.code || String(error);
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Waits until the database answers, for at most `waitSeconds` (PostgreSQL may start after the app,
 * as in a fresh docker compose), trying again every second; then gives up with one line naming
 * DATABASE_URL and the cause. A missing database or a refused password fails at once.
 */
export async function waitForDatabase(db: Database, url: string, waitSeconds: number): Promise<void> {
  const deadline = Date.now() + waitSeconds * 1000;
  for (;;) {
    try {
      await ping(db);
      return;
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      const final = typeof code === 'string' && finalCodes.has(code);
      if (final || Date.now() >= deadline) {
        const waited = final ? '' : ` (tried for ${waitSeconds} s)`;
        throw new DatabaseUnreachableError(
          `Cannot use the database at DATABASE_URL=${describeDatabaseUrl(url)}: ${causeOf(error)}${waited}. Check that PostgreSQL is running there and that DATABASE_URL is right.`,
          { cause: error },
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}
