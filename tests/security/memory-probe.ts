/**
 * Loaded into the app's process by the soak (`node --import`): every second it writes the
 * process's memory (RSS, V8 heap used and total, external) to MEMORY_PROBE_FILE, so the soak reads
 * the heap as well as the RSS that /proc shows. Test code only; the app knows nothing of it.
 */
import { writeFileSync } from 'node:fs';

const file = process.env.MEMORY_PROBE_FILE;
if (file) {
  setInterval(() => {
    const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
    try {
      writeFileSync(file, JSON.stringify({ at: Date.now(), rss, heapUsed, heapTotal, external }));
    } catch {}
  }, 1000).unref();
}
