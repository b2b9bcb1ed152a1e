import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './build/compress-plugin.ts';
import { i18nParts } from './build/i18n-plugin.ts';
import { routePreloads } from './build/preload-plugin.ts';

const apiTarget = process.env.API_URL ?? 'http://127.0.0.1:3000';

/** The web client: index.html at the root, built to dist/web, which the server serves. */
export default defineConfig({
  root: '.',
  plugins: [react(), i18nParts(import.meta.dirname), routePreloads(import.meta.dirname), precompress()],
  resolve: {
    // Catalogue parts arrive parsed (build/i18n-plugin.ts): intl-messageformat without its parser.
    alias: [
      { find: /^@formatjs\/icu-messageformat-parser$/, replacement: '@formatjs/icu-messageformat-parser/no-parser.js' },
    ],
  },
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // bench/bundle-budget.ts reads it to weigh each page's first load.
    manifest: true,
    // The server names each page's chunks for preloading in the page it sends (decision 029), so
    // the entry does not carry a list of every chunk's imports for Vite's preload helper (1.8 KB
    // gzipped of file names): only style sheets, which a lazily loaded page needs before it shows.
    // Browsers that run this app all support modulepreload: no polyfill.
    modulePreload: {
      polyfill: false,
      resolveDependencies: (_file, dependencies) => dependencies.filter((dependency) => dependency.endsWith('.css')),
    },
  },
  server: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/health': { target: apiTarget, changeOrigin: false },
    },
  },
});
