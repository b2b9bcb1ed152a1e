/**
 * pdf.js, loaded on first use. Its legacy build (the one that runs on Node 20) bundles core-js,
 * which replaces Array.prototype.push, JSON.parse and JSON.stringify for the whole process with
 * polyfills for cases nothing here meets (array lengths past 2^32, JSON.rawJSON): JSON.stringify
 * measured 4–10× slower in the importer, and every push pays too. Both builds (the library and
 * the worker it would load on the first document) are loaded here, then the natives are put
 * back; the additions pdf.js needs (Promise.withResolvers, Set and iterator methods, …) stay.
 */
type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

/** Untyped module (pdfjs-dist declares none for its worker): named by a variable. */
const workerModule = 'pdfjs-dist/legacy/build/pdf.worker.mjs';
let loading: Promise<Pdfjs> | undefined;

export function loadPdfjs(): Promise<Pdfjs> {
  loading ??= (async () => {
    const natives = { push: Array.prototype.push, parse: JSON.parse, stringify: JSON.stringify };
    try {
      const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
      // pdf.js runs its worker in this thread when this global holds it, instead of importing it later.
      (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = await import(workerModule);
      return pdfjs;
    } finally {
      Array.prototype.push = natives.push;
      JSON.parse = natives.parse;
      JSON.stringify = natives.stringify;
    }
  })();
  return loading;
}
