import { resolve } from 'node:path';
import type { Plugin, Rollup } from 'vite';
import { planMessages } from './i18n-namespaces.ts';
import { partName } from './i18n-plugin.ts';

/** Where the server finds what to preload for each route (beside Vite's manifest, never served). */
export const routePreloadsFile = '.vite/route-preloads.json';

/**
 * What a first visit to a route needs besides the entry: the page's chunk with the chunks it
 * imports, its CSS, and per language the shell's and the page's catalogue parts. The server names
 * them in index.html (src/server/http/web-page.ts), so the browser fetches them beside the entry
 * instead of one after the other (decision 029).
 */
export interface RoutePreloads {
  routes: Record<string, { modules: string[]; css: string[]; part: string; public: boolean }>;
  /** `<locale>/<part>` → the part's chunk. */
  parts: Record<string, string>;
}

const partModule = /^\0virtual:i18n-part\/([^/]+\/[^/]+)$/;

export function routePreloads(root: string): Plugin {
  return {
    name: 'implementa:route-preloads',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((item): item is Rollup.OutputChunk => item.type === 'chunk');
      const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
      const entry = chunks.find((chunk) => chunk.isEntry);
      // The entry and what it imports statically are in index.html already.
      const inHtml = new Set([entry?.fileName, ...(entry?.imports ?? [])]);
      const closure = (file: string, seen: Set<string>) => {
        if (seen.has(file) || inHtml.has(file)) return;
        seen.add(file);
        for (const next of byFile.get(file)?.imports ?? []) closure(next, seen);
      };
      const plan = planMessages(root);
      const routes: RoutePreloads['routes'] = {};
      for (const [path, module] of Object.entries(plan.modules)) {
        if (path === '*') continue;
        const chunk = chunks.find((candidate) => candidate.facadeModuleId === resolve(root, module));
        if (!chunk) continue;
        const files = new Set<string>();
        closure(chunk.fileName, files);
        const css = [...files].flatMap((file) => [...(byFile.get(file)?.viteMetadata?.importedCss ?? [])]);
        routes[path] = {
          modules: [...files].map((file) => `/${file}`),
          css: css.map((file) => `/${file}`),
          part: partName(path),
          public: plan.publicPaths.includes(path),
        };
      }
      const parts: RoutePreloads['parts'] = {};
      for (const chunk of chunks) {
        const match = partModule.exec(chunk.facadeModuleId ?? '');
        if (match) parts[match[1] as string] = `/${chunk.fileName}`;
      }
      this.emitFile({
        type: 'asset',
        fileName: routePreloadsFile,
        source: JSON.stringify({ routes, parts } satisfies RoutePreloads),
      });
    },
  };
}
