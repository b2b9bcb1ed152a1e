import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { build, type Plugin } from 'esbuild';

const root = join(import.meta.dirname, '..');
const outFile = join(root, 'dist/server/main.js');

/**
 * Source files find their neighbours through `import.meta.url` (migrations, the demo's data, the
 * built web client). Bundled into one file they would all look from dist/server/, so each file's
 * `import.meta.url` is replaced by its own source location, computed from the bundle's: the
 * compiled server reads the same folders the source does, and the source stays as it is.
 */
const ownLocation: Plugin = {
  name: 'own-import-meta-url',
  setup(context) {
    context.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return { contents: text, loader: 'ts' };
      const fromBundle = relative(dirname(outFile), args.path).split('\\').join('/');
      const replaced = text.replaceAll('import.meta.url', `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`);
      return { contents: replaced, loader: 'ts' };
    });
  },
};

/**
 * The production server: src/server/main.ts and everything it imports from src/ in one ES module,
 * the packages left to node_modules (they are loaded as installed). `npm start` runs it with
 * node, so nothing is transpiled at run time (scripts/start.mjs).
 */
export async function buildServer(): Promise<void> {
  await build({
    entryPoints: [join(root, 'src/server/main.ts')],
    outfile: outFile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
    plugins: [ownLocation],
  });
}

await buildServer();
// Last step of `npm run build`: scripts/start.mjs compares the sources' times with this stamp.
await writeFile(join(root, 'dist/.built'), `${new Date().toISOString()}\n`);
