import { defineConfig } from 'vitest/config';

/**
 * The browser tests (`npm run test:e2e`): each file starts EduPlan and Debian's chromium, so files run one at a time
 * on the 2-core machine. Speed is measured in bench/, never asserted here.
 */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
