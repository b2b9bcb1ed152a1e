import { defineConfig } from 'vitest/config';

/** End-to-end: the real server (demo data) in a child process, driven in Debian's Chromium. */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // One server, one browser at a time: two cores.
    fileParallelism: false,
  },
});
