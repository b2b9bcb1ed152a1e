import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AppError } from '../../../shared/errors';

/**
 * DOCX → PDF through LibreOffice headless (decision 012): the same document the DOCX export
 * writes, so there is one layout to keep right. Each conversion runs in a child process with
 * its own temporary profile (-env:UserInstallation), so concurrent conversions never share
 * LibreOffice's profile lock, and is killed after `timeoutMs`.
 */
export async function docxToPdf(docx: Buffer, options: { soffice?: string; timeoutMs?: number } = {}): Promise<Buffer> {
  const soffice = options.soffice ?? 'soffice';
  const dir = await mkdtemp(join(tmpdir(), 'implementa-pdf-'));
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
      options.timeoutMs ?? 120_000,
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

function run(command: string, args: string[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, HOME: tmpdir() },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-2000);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(
        error.code === 'ENOENT'
          ? new AppError('PDF_ENGINE_MISSING', { cause: error })
          : new AppError('PDF_CONVERSION_FAILED', { cause: error }),
      );
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else
        reject(
          new AppError('PDF_CONVERSION_FAILED', {
            detail: signal ? `soffice killed (${signal}) after ${timeoutMs} ms` : `soffice exited ${code}: ${stderr}`,
          }),
        );
    });
  });
}
