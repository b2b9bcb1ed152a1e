import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '@formatjs/icu-messageformat-parser';
import type { Plugin } from 'vite';
import { isPlainMessage } from '../src/shared/i18n/translate.ts';
import { type MessagePlan, planMessages } from './i18n-namespaces.ts';

const locales = ['ar', 'en', 'es', 'fr', 'ru', 'zh'];
const planId = 'virtual:i18n';
const partPrefix = 'virtual:i18n-part/';

/** A route path as a chunk-safe part name ('/calls/:id' → 'calls_id'). */
export function partName(routePath: string): string {
  if (routePath === '*') return 'not_found';
  return routePath.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_|_$/g, '') || 'home';
}

/**
 * Serves the message catalogues in parts: `virtual:i18n` maps each route path to a loader of its
 * page's keys in each language, and `virtual:i18n-part/<locale>/<part>` is one part, its own
 * small chunk ('@core' is the shell's). Messages with ICU syntax go out parsed, so the client
 * bundles intl-messageformat without its parser (see the alias in vite.config.ts).
 *
 * The parts are named `assets/i18n-<hash>/<locale>/<part>.js`, one hash of every catalogue and the
 * plan for all of them, rather than a hash each: the entry names every part of every language, and
 * 400-odd random hashes cost it 2.6 KB gzipped, where one folder name repeated compresses away.
 * Any change to a catalogue or to a page's keys gives the folder a new name, so the parts can stay
 * cached for a year like the other hashed assets.
 */
export function i18nParts(root: string): Plugin {
  let plan: MessagePlan | undefined;
  const currentPlan = () => {
    plan ??= planMessages(root);
    return plan;
  };
  const catalogue = (locale: string) =>
    JSON.parse(readFileSync(join(root, 'src/shared/i18n/messages', `${locale}.json`), 'utf8')) as Record<
      string,
      string
    >;
  let hash: string | undefined;
  const partsHash = () => {
    hash ??= createHash('sha256')
      .update(JSON.stringify(currentPlan()))
      .update(locales.map((locale) => JSON.stringify(catalogue(locale))).join('\n'))
      .digest('hex')
      .slice(0, 10);
    return hash;
  };
  return {
    name: 'implementa-i18n-parts',
    config() {
      return {
        build: {
          rollupOptions: {
            output: {
              chunkFileNames: (chunk: { facadeModuleId: string | null }) => {
                const id = chunk.facadeModuleId ?? '';
                return id.startsWith(`\0${partPrefix}`)
                  ? `assets/i18n-${partsHash()}/${id.slice(partPrefix.length + 1)}.js`
                  : 'assets/[name]-[hash].js';
              },
            },
          },
        },
      };
    },
    buildStart() {
      plan = undefined;
      hash = undefined;
    },
    watchChange() {
      plan = undefined;
      hash = undefined;
    },
    resolveId(id) {
      return id === planId || id.startsWith(partPrefix) ? `\0${id}` : null;
    },
    load(id) {
      if (id === `\0${planId}`) {
        const { pages } = currentPlan();
        for (const locale of locales) this.addWatchFile(join(root, 'src/shared/i18n/messages', `${locale}.json`));
        const parts = ['@core', ...Object.keys(pages).map(partName)];
        const loaders = locales.flatMap((locale) =>
          parts.map(
            (part) =>
              `${JSON.stringify(`${locale}/${part}`)}: () => import(${JSON.stringify(`${partPrefix}${locale}/${part}`)})`,
          ),
        );
        const names = Object.fromEntries(Object.keys(pages).map((path) => [path, partName(path)]));
        return [
          `export const parts = ${JSON.stringify(names)};`,
          `const loaders = {\n${loaders.join(',\n')}\n};`,
          'export function loadPart(locale, part) {',
          '  const load = loaders[`${locale}/${part}`];',
          '  return load ? load().then((module) => module.default) : Promise.resolve({});',
          '}',
        ].join('\n');
      }
      if (id.startsWith(`\0${partPrefix}`)) {
        const [locale, part] = id.slice(partPrefix.length + 1).split('/') as [string, string];
        const { core, pages } = currentPlan();
        const wanted =
          part === '@core' ? core : (Object.entries(pages).find(([path]) => partName(path) === part)?.[1] ?? []);
        const messages = catalogue(locale);
        const subset = Object.fromEntries(
          wanted.map((key) => {
            const message = messages[key] ?? '';
            return [key, isPlainMessage(message) ? message : parse(message, { locale: new Intl.Locale(locale) })];
          }),
        );
        return `export default ${JSON.stringify(subset)};`;
      }
      return null;
    },
  };
}
