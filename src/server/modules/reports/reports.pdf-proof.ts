import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

// What a person sees in an exported PDF, read with poppler (pdftotext, pdfinfo, pdftoppm) as the
// tests' eyes: the text of each page as laid out, the page sizes, and the pages as images.

const run = promisify(execFile);

export interface PdfPage {
  number: number;
  width: number;
  height: number;
  /** Lines as laid out (pdftotext -layout), blank lines dropped, trimmed. */
  lines: string[];
}

export async function withPdf<T>(pdf: Buffer, use: (file: string, dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'implementa-proof-'));
  try {
    const file = join(dir, 'report.pdf');
    await writeFile(file, pdf);
    return await use(file, dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function pdfPages(file: string): Promise<PdfPage[]> {
  const info = (await run('pdfinfo', ['-f', '1', '-l', '9999', file])).stdout;
  const pages: PdfPage[] = [];
  for (const match of info.matchAll(/^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+)/gm)) {
    const number = Number(match[1]);
    const text = (await run('pdftotext', ['-layout', '-f', String(number), '-l', String(number), file, '-'])).stdout;
    pages.push({
      number,
      width: Number(match[2]),
      height: Number(match[3]),
      lines: text
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
    });
  }
  return pages;
}

/** The whole text in reading order (no layout), one line per text line. */
export async function pdfReadingText(file: string): Promise<string> {
  return (await run('pdftotext', [file, '-'])).stdout;
}

/** The fonts embedded (pdffonts), so a test can say the script's font was found. */
export async function pdfFontNames(file: string): Promise<string[]> {
  const out = (await run('pdffonts', [file])).stdout.split('\n').slice(2);
  return out.map((line) => line.split(/\s+/)[0] ?? '').filter(Boolean);
}

export interface Gray {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** A page rendered by pdftoppm as 8-bit grey (PGM), at `dpi`. */
export async function renderPage(file: string, dir: string, number: number, dpi = 72): Promise<Gray> {
  const prefix = join(dir, `page-${number}`);
  await run('pdftoppm', ['-gray', '-r', String(dpi), '-f', String(number), '-l', String(number), file, prefix]);
  const name = (await readdir(dir)).find((entry) => entry.startsWith(`page-${number}`) && entry.endsWith('.pgm'));
  if (!name) throw new Error(`pdftoppm rendered no page ${number}`);
  const bytes = await readFile(join(dir, name));
  // P5 header: magic, width, height, max, each separated by white space, then the pixels.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('not a PGM image');
  const width = Number(header[1]);
  const height = Number(header[2]);
  return { width, height, pixels: bytes.subarray(header[0].length, header[0].length + width * height) };
}

/** The longest run of dark pixels on one row: a table's rules are the page's longest lines. */
export function longestHorizontalRule(image: Gray, threshold = 128): number {
  let longest = 0;
  for (let y = 0; y < image.height; y++) {
    let run = 0;
    for (let x = 0; x < image.width; x++) {
      if ((image.pixels[y * image.width + x] ?? 255) < threshold) {
        run++;
        if (run > longest) longest = run;
      } else run = 0;
    }
  }
  return longest;
}

export interface WordBox {
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
}

/** The words of a page with their boxes (pdftotext -bbox), in the order poppler reads them. */
export async function pageWords(file: string, number: number): Promise<WordBox[]> {
  const html = (await run('pdftotext', ['-bbox', '-f', String(number), '-l', String(number), file, '-'])).stdout;
  const words: WordBox[] = [];
  for (const match of html.matchAll(
    /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g,
  ))
    words.push({ xMin: Number(match[1]), yMin: Number(match[2]), xMax: Number(match[3]), text: match[4] ?? '' });
  return words;
}
