import { defineConfig } from 'vitest/config';

const BROWSER = ['test/e2e/ui.test.ts', 'test/e2e/ui-accessibility.test.ts', 'test/e2e/harvest-profile.test.ts'];

export default defineConfig({
  resolve: { conditions: ['development'] },
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: true,
    maxWorkers: 2,
    // The browser tests (Chromium plus a fedcat each) run after the rest, so their load cannot skew the timing-sensitive
    // behaviour of other end-to-end tests (sparql-limits: pages answer while a heavy query runs).
    projects: [
      { extends: true, test: { name: 'packages and e2e', include: ['{vocab,catalogue,shapes,harvester,catalogue-api,web,test}/test/**/*.test.ts', 'test/e2e/**/*.test.ts'], exclude: BROWSER, sequence: { groupOrder: 0 } } },
      { extends: true, test: { name: 'browser', include: BROWSER, sequence: { groupOrder: 1 } } },
      // Tests on the one Virtuoso .ci/run starts: one file at a time, as they share its content; last, so its load
      // (Virtuoso and fedcat processes) cannot skew other tests' timing either.
      { extends: true, test: { name: 'virtuoso', include: ['test/virtuoso/**/*.test.ts'], fileParallelism: false, sequence: { groupOrder: 2 } } },
    ],
  },
});
