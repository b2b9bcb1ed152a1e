import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * PGlite does not lock its folder and two processes writing one folder corrupt it, so the app
 * takes this lock first. The lock file holds the owner's pid: a file left by a process that is
 * gone (kill -9, power loss) is taken over at once instead of waiting for a stale timeout.
 */
export class DataFolderInUseError extends Error {
  override name = 'DataFolderInUseError';
  constructor(
    readonly folder: string,
    readonly pid: number,
  ) {
    super(
      `The data folder ${folder} is in use by another Implementa process (pid ${pid}). Stop it first, or set DATA_DIR to another folder.`,
    );
  }
}

export interface FolderLock {
  release(): void;
}

/** Folders this process holds: a file naming our own pid but not listed here is stale. */
const held = new Set<string>();

export function lockDataFolder(folder: string): FolderLock {
  mkdirSync(folder, { recursive: true });
  const file = join(folder, 'implementa.lock');
  if (held.has(file)) throw new DataFolderInUseError(folder, process.pid);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      held.add(file);
      return {
        release: () => {
          if (!held.delete(file)) return;
          if (readOwner(file) === process.pid) rmSync(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = readOwner(file);
      if (owner !== undefined && owner !== process.pid && isAlive(owner)) throw new DataFolderInUseError(folder, owner);
      rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not lock the data folder ${folder}`);
}

function readOwner(file: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8'), 10);
    return Number.isFinite(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
