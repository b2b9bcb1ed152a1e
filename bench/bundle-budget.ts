import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { planMessages } from '../build/i18n-namespaces';
import { partName } from '../build/i18n-plugin';
import type { Table } from './table';

/** The budget of the brief: gzipped JavaScript on a page's first load. */
export const firstLoadBudgetBytes = 150 * 1024;

const locales = ['ar', 'en', 'es', 'fr', 'ru', 'zh'];

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
}

export interface PageWeight {
  /** The route path of the page. */
  page: string;
  /** Gzipped bytes of the JavaScript a first visit to the page downloads. */
  bytes: number;
  /** Of which the message catalogue's parts (the heaviest language). */
  messages: number;
}

/**
 * What a first visit to each page downloads, read from Vite's manifest of a production build:
 * the entry and its static imports, the page's chunk and its static imports, and the catalogue
 * parts the page needs (the shell's core and the page's keys, decision 010) in the
 * language where they weigh most. Chunks that load later (Chart.js on a chart's first render,
 * other languages, other pages' keys) are not counted: the browser does not fetch them.
 */
export function measureFirstLoads(root: string, webDir = join(root, 'dist/web')): PageWeight[] {
  const manifest = JSON.parse(readFileSync(join(webDir, '.vite', 'manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
  const sizes = new Map<string, number>();
  const gzipped = (key: string) => {
    const file = manifest[key]?.file;
    if (!file) throw new Error(`${webDir}: the manifest has no chunk ${key}; rebuild`);
    let size = sizes.get(file);
    if (size === undefined) {
      size = gzipSync(readFileSync(join(webDir, file)), { level: 9 }).length;
      sizes.set(file, size);
    }
    return size;
  };
  const closure = (key: string, into: Set<string>) => {
    if (into.has(key)) return into;
    into.add(key);
    for (const imported of manifest[key]?.imports ?? []) closure(imported, into);
    return into;
  };
  const entry = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  if (!entry) throw new Error(`${webDir}: the manifest has no entry; build with build.manifest`);
  const base = closure(entry, new Set());
  const plan = planMessages(root);
  return Object.entries(plan.modules)
    .map(([page, module]) => {
      const code = [...closure(module, new Set(base))].reduce((sum, key) => sum + gzipped(key), 0);
      const messages = Math.max(
        ...locales.map((locale) =>
          ['@core', partName(page)].reduce((sum, part) => sum + gzipped(`virtual:i18n-part/${locale}/${part}`), 0),
        ),
      );
      return { page, bytes: code + messages, messages };
    })
    .sort((a, b) => b.bytes - a.bytes);
}

export function bundleTable(weights: PageWeight[]): Table {
  const kb = (bytes: number) => (bytes / 1024).toFixed(1);
  return {
    title: 'First-load JavaScript per page (gzip -9)',
    headers: ['page', 'KB gzipped', 'of which messages', `within ${kb(firstLoadBudgetBytes)} KB`],
    align: ['l', 'r', 'r', 'l'],
    rows: weights.map((weight) => [
      weight.page,
      kb(weight.bytes),
      kb(weight.messages),
      weight.bytes <= firstLoadBudgetBytes ? 'yes' : 'NO',
    ]),
    notes: [
      'Entry chunk and its static imports + the page chunk and its static imports + the catalogue parts the page needs in its heaviest language. Chart.js loads after the page has painted, for a chart near the viewport, and is not counted; `--part wire` counts what Chromium actually fetches, Chart.js included.',
    ],
  };
}
