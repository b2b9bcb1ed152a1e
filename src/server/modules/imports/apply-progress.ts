import type { Database } from '../../db/database';
import { writeImportProgress } from './imports.repo';

/**
 * Writes an apply's progress to its import row, at most every `everyMs` and one write at a time
 * (on the pool, outside the apply's transaction, so other processes see it while it runs). The
 * apply never waits for these writes: on PGlite's single connection a write queues behind the
 * transaction and lands, as a no-op, once the import is applied.
 */
export function progressWriter(db: Database, id: string, everyMs = 500) {
  let latest: [number, number] | null = null;
  let lastAt = 0;
  let inFlight: Promise<void> | null = null;
  let trailing: NodeJS.Timeout | null = null;

  const flush = () => {
    if (trailing) clearTimeout(trailing);
    trailing = null;
    if (inFlight || !latest) return;
    const [done, total] = latest;
    latest = null;
    lastAt = Date.now();
    inFlight = writeImportProgress(db, id, done, total)
      // A lost write is only a stale progress bar; the apply goes on.
      .catch(() => undefined)
      .finally(() => {
        inFlight = null;
        if (latest) schedule();
      });
  };
  const schedule = () => {
    if (trailing) return;
    trailing = setTimeout(flush, Math.max(0, everyMs - (Date.now() - lastAt)));
    trailing.unref();
  };

  return {
    report(done: number, total: number) {
      latest = [done, total];
      if (Date.now() - lastAt >= everyMs) flush();
      else schedule();
    },
    /** No more writes. Not awaited inside the apply's transaction: see `settled`. */
    stop() {
      if (trailing) clearTimeout(trailing);
      trailing = null;
      latest = null;
    },
    /**
     * Resolves once the write under way, if any, is over. Only after the apply's transaction: on
     * PGlite that write waits for the transaction's connection.
     */
    async settled() {
      await inFlight;
    },
  };
}
