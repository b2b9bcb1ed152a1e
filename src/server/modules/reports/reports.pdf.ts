import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AppError } from '../../../shared/errors';

/**
 * DOCX → PDF through LibreOffice headless (decision 012): the same document the DOCX export
 * writes, so there is one layout to keep right. Each conversion runs in a child process with
 * its own temporary profile (-env:UserInstallation), so concurrent conversions never share
 * LibreOffice's profile lock, and is killed after `timeoutMs`.
 *
 * Nothing is left behind (issue 14 part 8). soffice starts soffice.bin and may leave it running
 * when its parent dies, so each conversion runs in a process group of its own (spawned detached)
 * and the whole group is killed on timeout, on abort (the person went away), on server shutdown
 * (`stopPdfConversions`) and at exit. Each run's draft lives in `<tmp>/implementa-pdf/<server
 * pid>-<random>/` with the group's id in `soffice.pgid`, so that after a crash (kill -9, power
 * loss) the next start (`cleanLeftoverPdfRuns`) kills the groups and removes the drafts of every
 * server that is no longer running.
 */
export const pdfRunsDir = () => join(tmpdir(), 'implementa-pdf');
const groupFile = 'soffice.pgid';
const running = new Set<number>();

export async function docxToPdf(
  docx: Buffer,
  options: { soffice?: string; timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<Buffer> {
  const soffice = options.soffice ?? 'soffice';
  await mkdir(pdfRunsDir(), { recursive: true, mode: 0o700 });
  const dir = await mkdtemp(join(pdfRunsDir(), `${process.pid}-`));
  try {
    const input = join(dir, 'report.docx');
    await writeFile(input, docx);
    const profile = pathToFileURL(join(dir, 'profile')).href;
    await run(
      soffice,
      [
        `-env:UserInstallation=${profile}`,
        '--headless',
        '--norestore',
        '--nolockcheck',
        '--convert-to',
        'pdf:writer_pdf_Export',
        '--outdir',
        dir,
        input,
      ],
      { dir, timeoutMs: options.timeoutMs ?? 120_000, signal: options.signal },
    );
    try {
      return await readFile(join(dir, 'report.pdf'));
    } catch (cause) {
      throw new AppError('PDF_CONVERSION_FAILED', { cause, detail: 'soffice wrote no PDF' });
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Kills every conversion this process runs (server shutdown; also at exit, synchronously). */
export function stopPdfConversions(): void {
  for (const group of running) killGroup(group);
  running.clear();
}
process.once('exit', stopPdfConversions);

function killGroup(group: number): void {
  try {
    process.kill(-group, 'SIGKILL');
  } catch {
    // ESRCH: the group is gone already.
  }
}

function run(command: string, args: string[], options: { dir: string; timeoutMs: number; signal?: AbortSignal }) {
  return new Promise<void>((resolve, reject) => {
    if (options.signal?.aborted) return reject(new AppError('PDF_CONVERSION_FAILED', { detail: 'aborted' }));
    const child = spawn(command, args, {
      stdio: ['ignore', 'ignore', 'pipe'],
      // Its own process group (pgid = its pid), so that soffice.bin dies with it.
      detached: true,
      env: { ...process.env, HOME: options.dir },
    });
    const group = child.pid;
    if (group !== undefined) {
      running.add(group);
      // Written before the conversion can take long: a crash from here on is cleaned up at start-up.
      writeFile(join(options.dir, groupFile), String(group)).catch(() => undefined);
    }
    let stderr = '';
    let stoppedBy = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-2000);
    });
    const stop = (why: string) => {
      stoppedBy ||= why;
      if (group !== undefined) killGroup(group);
    };
    const timer = setTimeout(() => stop(`timed out after ${options.timeoutMs} ms`), options.timeoutMs);
    const onAbort = () => stop('aborted');
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const done = () => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      if (group !== undefined) {
        // soffice may exit before soffice.bin: whatever is left of the group goes too.
        killGroup(group);
        running.delete(group);
      }
    };
    child.on('error', (error: NodeJS.ErrnoException) => {
      done();
      reject(
        error.code === 'ENOENT'
          ? new AppError('PDF_ENGINE_MISSING', { cause: error })
          : new AppError('PDF_CONVERSION_FAILED', { cause: error }),
      );
    });
    child.on('close', (code, signal) => {
      done();
      if (code === 0 && !stoppedBy) resolve();
      else
        reject(
          new AppError('PDF_CONVERSION_FAILED', {
            detail: stoppedBy
              ? `soffice stopped: ${stoppedBy}`
              : signal
                ? `soffice killed (${signal})`
                : `soffice exited ${code}: ${stderr}`,
          }),
        );
    });
  });
}

/**
 * At start-up: the conversions of servers that are no longer running (crashed, killed) left their
 * draft and perhaps a LibreOffice behind. Their process groups are killed (only when the group's
 * leader is still soffice, so that a recycled pid is never hit) and their folders removed. Folders
 * of a server still running (another instance on this machine) are left alone. Returns what it did.
 */
export async function cleanLeftoverPdfRuns(root = tmpdir()): Promise<{ removed: number; killed: number }> {
  let removed = 0;
  let killed = 0;
  const runs = join(root, 'implementa-pdf');
  for (const name of await readdir(runs).catch(() => [] as string[])) {
    const owner = Number(name.split('-')[0]);
    if (!Number.isInteger(owner) || owner === process.pid || isAlive(owner)) continue;
    const dir = join(runs, name);
    const group = Number(await readFile(join(dir, groupFile), 'utf8').catch(() => ''));
    if (Number.isInteger(group) && group > 1 && (await isSofficeGroup(group))) {
      killGroup(group);
      killed++;
    }
    await rm(dir, { recursive: true, force: true });
    removed++;
  }
  // Drafts of versions before this one (straight in the temp folder), once no conversion can still be running.
  for (const name of await readdir(root).catch(() => [] as string[])) {
    if (!name.startsWith('implementa-pdf-')) continue;
    const dir = join(root, name);
    const age = Date.now() - (await stat(dir).catch(() => ({ mtimeMs: Date.now() }))).mtimeMs;
    if (age > 60 * 60_000) {
      await rm(dir, { recursive: true, force: true });
      removed++;
    }
  }
  return { removed, killed };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether a process of that group is still LibreOffice (Linux /proc; elsewhere: whether it lives). */
async function isSofficeGroup(group: number): Promise<boolean> {
  const procs = await readdir('/proc').catch(() => undefined);
  if (!procs) return isAlive(group);
  for (const pid of procs) {
    if (!/^\d+$/.test(pid)) continue;
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
    // pid (comm) state ppid pgrp …: the fields after the command name, which may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[2]) !== group) continue;
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (/soffice|libreoffice/i.test(cmdline)) return true;
  }
  return false;
}
