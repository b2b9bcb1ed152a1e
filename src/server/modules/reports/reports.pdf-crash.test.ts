import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixturePath } from '../../../../tests/fixtures';
import { AppError } from '../../../shared/errors';
import { cleanLeftoverPdfRuns, docxToPdf, stopPdfConversions } from './reports.pdf';

// Issue 14 part 8: a crash during a PDF export left LibreOffice running and the draft report in
// /tmp after restart. Here a process converts a real DOCX (OHCHR's thematic list of Slovenia's
// UPR recommendations) and is killed with -9 while LibreOffice works; the next start's clean-up
// must kill LibreOffice's whole process group and remove the draft.

const root = mkdtempSync(join(tmpdir(), 'implementa-crash-'));
const runs = join(root, 'implementa-pdf');
let child: ChildProcess | undefined;

afterAll(() => {
  child?.kill('SIGKILL');
  stopPdfConversions();
  rmSync(root, { recursive: true, force: true });
});

/** The pids whose process group is `group` (Linux ps). */
function groupMembers(group: number): number[] {
  const out = execFileSync('ps', ['-eo', 'pid=,pgid='], { encoding: 'utf8' });
  return out
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number))
    .filter(([, pgid]) => pgid === group)
    .map(([pid]) => pid ?? 0);
}

async function until<T>(what: string, probe: () => T | undefined, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.skipIf(process.platform !== 'linux')('a crash during a PDF export', () => {
  it('leaves nothing behind after the next start', async () => {
    const docx = fixturePath('ohchr-thematic-lists/slovenia-upr-cycle2-thematic-list.docx');
    child = spawn(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'reports.pdf-crash.child.ts'), docx],
      { env: { ...process.env, TMPDIR: root }, stdio: 'ignore' },
    );
    const exited = new Promise((resolve) => child?.once('exit', resolve));
    // LibreOffice at work: its group recorded, soffice.bin running in it.
    const [dir, group] = await until('LibreOffice to start', () => {
      const name = existsSync(runs) ? readdirSync(runs)[0] : undefined;
      const file = name ? join(runs, name, 'soffice.pgid') : '';
      if (!name || !existsSync(file)) return undefined;
      const pgid = Number(readFileSync(file, 'utf8'));
      return pgid > 0 && groupMembers(pgid).length > 0 ? ([join(runs, name), pgid] as const) : undefined;
    });
    child.kill('SIGKILL');
    await exited;
    // The crash as it was: the server gone, LibreOffice and the draft still there.
    expect(groupMembers(group).length).toBeGreaterThan(0);
    expect(existsSync(join(dir, 'report.docx'))).toBe(true);

    expect(await cleanLeftoverPdfRuns(root)).toEqual({ removed: 1, killed: 1 });
    await until('the group to die', () => (groupMembers(group).length === 0 ? true : undefined), 10_000);
    expect(readdirSync(runs)).toEqual([]);
    // A second start finds nothing to do.
    expect(await cleanLeftoverPdfRuns(root)).toEqual({ removed: 0, killed: 0 });
  }, 120_000);

  // Decision 031: one warm LibreOffice converts every PDF. A conversion it runs over its time
  // takes the engine down whole (no soffice left, no draft), and the next one starts a new engine.
  it('leaves nothing behind when a conversion times out, and converts again after it and after a crash', async () => {
    const docx = readFileSync(fixturePath('ohchr-thematic-lists/slovenia-upr-cycle2-thematic-list.docx'));
    const previous = process.env.TMPDIR;
    process.env.TMPDIR = root;
    try {
      const groups = new Set<number>();
      const watch = setInterval(() => {
        for (const name of existsSync(runs) ? readdirSync(runs) : []) {
          const file = join(runs, name, 'soffice.pgid');
          if (existsSync(file)) groups.add(Number(readFileSync(file, 'utf8')));
        }
      }, 50);
      const error = await docxToPdf(docx, { timeoutMs: 1500 }).catch((caught) => caught);
      clearInterval(watch);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('PDF_CONVERSION_FAILED');
      expect(groups.size).toBe(1);
      const [group] = [...groups];
      await until('the engine to die', () => (groupMembers(group ?? 0).length === 0 ? true : undefined), 10_000);
      await until('its folder to go', () => (readdirSync(runs).length === 0 ? true : undefined), 10_000);

      const pdf = await docxToPdf(docx);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      // Warm between conversions: the engine's folder holds its profile, no draft.
      const [dir] = readdirSync(runs);
      expect(readdirSync(join(runs, dir ?? '')).filter((name) => name.startsWith('report'))).toEqual([]);
      const warm = Number(readFileSync(join(runs, dir ?? '', 'soffice.pgid'), 'utf8'));
      expect(groupMembers(warm).length).toBeGreaterThan(0);
      // LibreOffice crashes while warm and idle: the next PDF is converted by a new engine.
      process.kill(-warm, 'SIGKILL');
      expect((await docxToPdf(docx)).subarray(0, 5).toString()).toBe('%PDF-');
      const [next] = readdirSync(runs);
      const restarted = Number(readFileSync(join(runs, next ?? '', 'soffice.pgid'), 'utf8'));
      expect(restarted).not.toBe(warm);
      stopPdfConversions();
      await until('the warm engine to die', () => (groupMembers(restarted).length === 0 ? true : undefined), 10_000);
      await until('its folder to go', () => (readdirSync(runs).length === 0 ? true : undefined), 10_000);
    } finally {
      process.env.TMPDIR = previous;
    }
  }, 180_000);
});
