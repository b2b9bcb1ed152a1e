import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let fullCollection: (() => void) | undefined;

/**
 * A full garbage collection, soon (decision 028). After a one-off job that allocated a lot (the
 * demo seed, a search index built from 500,000 rows), V8 keeps the old space it grew and the
 * freed typed arrays' memory until its next major collection, which an idle server or one
 * answering small requests may not run for hours: measured at 500,000 recommendations, RSS stayed
 * at 524 MB after the index build and fell to 319 MB after one collection. Exposing `gc` this way
 * (the flag, then a fresh context that sees it) avoids asking every way of starting the server
 * for `--expose-gc`. Run on a later turn of the event loop, once the caller's locals are gone.
 */
export function collectGarbageSoon(): void {
  setTimeout(() => {
    if (!fullCollection) {
      setFlagsFromString('--expose-gc');
      fullCollection = runInNewContext('gc') as () => void;
    }
    fullCollection();
  }, 0).unref();
}
