import { AppError } from '../../../shared/errors';

// Parsing a spreadsheet holds its whole model in memory for seconds: three at once took 2.7 GB.
// At most `running` parses run together; the next `waiting` wait their turn in order, and any
// beyond that are refused at once (RATE_LIMITED, 429 with Retry-After) instead of piling up.

export const parseLimits = { running: 2, waiting: 8, retryAfterSeconds: 5 };

/** Counters for tests and the fuzzing report: parses started, and the most ever running at once. */
export const parseStats = { started: 0, peakRunning: 0 };

let running = 0;
const queue: (() => void)[] = [];

/** Hands the slot straight to the next waiter (no gap where a newcomer could take it too). */
function release(): void {
  const next = queue.shift();
  if (next) next();
  else running--;
}

/** Runs `parse` in one of the parse slots, naming the file when the server is too busy. */
export async function withParseSlot<T>(file: string, parse: () => Promise<T>): Promise<T> {
  if (running >= parseLimits.running) {
    if (queue.length >= parseLimits.waiting)
      throw new AppError('RATE_LIMITED', {
        params: { seconds: parseLimits.retryAfterSeconds },
        issues: [{ file, message: 'issues.parsesBusy' }],
        detail: `${file}: ${parseLimits.running} files are being read and ${parseLimits.waiting} wait; retry`,
      });
    await new Promise<void>((resolve) => queue.push(resolve));
  } else running++;
  parseStats.started++;
  parseStats.peakRunning = Math.max(parseStats.peakRunning, running);
  try {
    return await parse();
  } finally {
    release();
  }
}
