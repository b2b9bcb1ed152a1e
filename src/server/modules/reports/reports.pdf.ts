import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { AppError } from '../../../shared/errors';

/**
 * DOCX → PDF through LibreOffice headless (decision 012): the same document the DOCX export
 * writes, so there is one layout to keep right.
 *
 * One warm LibreOffice converts them all (decision 031): `reports.pdf-engine.py` (Debian's
 * python3-uno) starts soffice on a private pipe with the engine's own profile and converts one
 * document at a time; conversions queue for it. It starts with the first PDF, is restarted when it
 * dies or a conversion runs over `timeoutMs` (the whole group killed), and stops after ten idle
 * minutes or a hundred conversions (LibreOffice's memory grows). Where python3-uno is missing, each
 * conversion starts soffice itself, with a temporary profile, as before.
 *
 * Nothing is left behind (issue 14 part 8). soffice starts soffice.bin and may leave it running
 * when its parent dies, so the engine (or a one-off soffice) runs in a process group of its own
 * (spawned detached), killed whole on timeout, on abort (the person went away), on server shutdown
 * (`stopPdfConversions`) and at exit. Its draft and profile live in `<tmp>/implementa-pdf/<server
 * pid>-<random>/` with the group's id in `soffice.pgid`, so that after a crash (kill -9, power
 * loss) the next start (`cleanLeftoverPdfRuns`) kills the groups and removes the drafts of every
 * server that is no longer running.
 */
export const pdfRunsDir = () => join(tmpdir(), 'implementa-pdf');
const groupFile = 'soffice.pgid';
const running = new Set<number>();
const engineScript = fileURLToPath(new URL('./reports.pdf-engine.py', import.meta.url));
/** Debian's python3, the one python3-uno serves (a python3 earlier on the PATH may lack `uno`). */
const enginePython = '/usr/bin/python3';
const idleMs = 10 * 60_000;
const conversionsPerEngine = 100;

interface PdfOptions {
  soffice?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export async function docxToPdf(docx: Buffer, options: PdfOptions = {}): Promise<Buffer> {
  if (engineUnavailable) return convertOnce(docx, options);
  // One at a time through the engine; a conversion given up while it waits never starts.
  const turn = queue.then(() => convertWarm(docx, options));
  queue = turn.catch(() => undefined);
  return turn;
}

/** The engine: python3 with soffice as its child, in their own process group. */
interface Engine {
  soffice: string;
  dir: string;
  group: number;
  child: ChildProcess;
  /** The next line the engine answers (its first: ready or not). */
  answer: () => Promise<EngineAnswer>;
  conversions: number;
  idle?: NodeJS.Timeout;
}
type EngineAnswer = { ready?: boolean; missing?: boolean; ok?: boolean; error?: string; gone?: boolean };
const engineGone = new Error('the warm engine had died');

let engine: Engine | undefined;
let queue: Promise<unknown> = Promise.resolve();
/** python3-uno (or the script) missing: one soffice per conversion from then on. */
let engineUnavailable = false;

async function convertWarm(docx: Buffer, options: PdfOptions): Promise<Buffer> {
  if (options.signal?.aborted) throw new AppError('PDF_CONVERSION_FAILED', { detail: 'aborted' });
  const soffice = options.soffice ?? 'soffice';
  if (engine && engine.soffice !== soffice) stopEngine(engine);
  const current = engine;
  if (current?.idle) clearTimeout(current.idle);
  // The draft is written before the engine starts: a crash from here on finds it beside the group.
  const dir = current?.dir ?? (await newRunDir());
  const input = join(dir, 'report.docx');
  const output = join(dir, 'report.pdf');
  await writeFile(input, docx);
  try {
    const started = current ?? (await startEngine(soffice, dir));
    await deadline(options, started, async () => {
      if (!current) {
        const ready = await started.answer();
        if (ready.missing) throw new AppError('PDF_ENGINE_MISSING', { detail: ready.error });
        if (!ready.ready) throw new AppError('PDF_CONVERSION_FAILED', { detail: `LibreOffice: ${ready.error}` });
      }
      started.child.stdin?.write(`${JSON.stringify({ input, output })}\n`);
      const answer = await started.answer();
      if (answer.gone && current) throw engineGone;
      if (!answer.ok) throw new AppError('PDF_CONVERSION_FAILED', { detail: `LibreOffice: ${answer.error}` });
    });
    try {
      return await readFile(output);
    } catch (cause) {
      throw new AppError('PDF_CONVERSION_FAILED', { cause, detail: 'soffice wrote no PDF' });
    }
  } catch (error) {
    // An engine that ran over or died has been stopped already (`deadline`, its `close`).
    if (engineUnavailable) return convertOnce(docx, options);
    // The warm engine had died while idle (LibreOffice crashed): once more with a new one.
    if (error === engineGone) return convertWarm(docx, options);
    throw error;
  } finally {
    await rm(input, { force: true });
    await rm(output, { force: true });
    if (engine?.dir !== dir) await rm(dir, { recursive: true, force: true });
    else if (engine) {
      const idle = engine;
      if (++idle.conversions >= conversionsPerEngine) stopEngine(idle);
      else idle.idle = setTimeout(() => stopEngine(idle), idleMs).unref();
    }
  }
}

/**
 * The group's id beside the draft, whole or not at all (written aside, then renamed): read while
 * being written, or after a crash mid-write, an empty file would name no group to kill.
 */
async function writeGroup(dir: string, group: number): Promise<void> {
  const aside = join(dir, `${groupFile}.part`);
  await writeFile(aside, String(group));
  await rename(aside, join(dir, groupFile));
}

async function newRunDir(): Promise<string> {
  await mkdir(pdfRunsDir(), { recursive: true, mode: 0o700 });
  return mkdtemp(join(pdfRunsDir(), `${process.pid}-`));
}

async function startEngine(soffice: string, dir: string): Promise<Engine> {
  const child = spawn(
    enginePython,
    [engineScript, soffice, pathToFileURL(join(dir, 'profile')).href, `implementa-${basename(dir)}`],
    {
      stdio: ['pipe', 'pipe', 'pipe'],
      // Its own process group (pgid = its pid), so that soffice and soffice.bin die with it.
      detached: true,
      env: { ...process.env, HOME: dir },
    },
  );
  const group = child.pid;
  const answers: EngineAnswer[] = [];
  const waiting: ((answer: EngineAnswer) => void)[] = [];
  let stderr = '';
  let gone: EngineAnswer | undefined;
  const deliver = (answer: EngineAnswer) => {
    const next = waiting.shift();
    if (next) next(answer);
    else answers.push(answer);
  };
  createInterface({ input: child.stdout as Readable }).on('line', (line) => {
    try {
      deliver(JSON.parse(line) as EngineAnswer);
    } catch {
      deliver({ ok: false, error: line.slice(0, 500) });
    }
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-2000);
  });
  // Writing to an engine that just died (EPIPE) is answered by its `close`, not by a crash here.
  child.stdin?.on('error', () => undefined);
  const ended = (error: string) => {
    gone ??= { ok: false, ready: false, error, gone: true };
    if (/No module named .?uno|can't open file/.test(stderr)) engineUnavailable = true;
    for (const next of waiting.splice(0)) next(gone);
    if (engine?.child === child) stopEngine(engine);
  };
  child.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') engineUnavailable = true;
    ended(`python3 could not start: ${error.message}`);
  });
  child.on('close', (code, signal) => ended(`the engine exited (${signal ?? code}): ${stderr}`));
  // The server may exit with the engine warm: nothing here keeps it running (`exit` kills the group).
  child.unref();
  for (const stream of [child.stdin, child.stdout, child.stderr])
    (stream as unknown as { unref?: () => void })?.unref?.();
  if (group !== undefined) {
    running.add(group);
    await writeGroup(dir, group);
  }
  const started: Engine = {
    soffice,
    dir,
    group: group ?? 0,
    child,
    conversions: 0,
    answer: () =>
      new Promise((resolve) => {
        const ready = answers.shift() ?? gone;
        if (ready) resolve(ready);
        else waiting.push(resolve);
      }),
  };
  if (!engineUnavailable) engine = started;
  return started;
}

/** Kills the engine's group and removes its folder (profile, drafts). */
function stopEngine(stopped: Engine): void {
  if (engine === stopped) engine = undefined;
  if (stopped.idle) clearTimeout(stopped.idle);
  if (stopped.group) {
    killGroup(stopped.group);
    running.delete(stopped.group);
  }
  rm(stopped.dir, { recursive: true, force: true }).catch(() => undefined);
}

/** Runs `work` within the conversion's time, stopping the engine when it runs over or is aborted. */
async function deadline(options: PdfOptions, used: Engine, work: () => Promise<void>): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 120_000;
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const stop = new Promise<never>((_, reject) => {
    const fail = (why: string) => {
      stopEngine(used);
      reject(new AppError('PDF_CONVERSION_FAILED', { detail: `soffice stopped: ${why}` }));
    };
    timer = setTimeout(() => fail(`timed out after ${timeoutMs} ms`), timeoutMs);
    onAbort = () => fail('aborted');
    options.signal?.addEventListener('abort', onAbort, { once: true });
  });
  try {
    await Promise.race([work(), stop]);
  } finally {
    clearTimeout(timer);
    if (onAbort) options.signal?.removeEventListener('abort', onAbort);
  }
}

/** Without the engine: soffice started for this one conversion, with a temporary profile. */
async function convertOnce(docx: Buffer, options: PdfOptions): Promise<Buffer> {
  const soffice = options.soffice ?? 'soffice';
  const dir = await newRunDir();
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
  if (engine) stopEngine(engine);
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
      writeGroup(options.dir, group).catch(() => undefined);
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
