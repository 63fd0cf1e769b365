import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Generous bounds: on the 2-core machine several files each open a database, sign in with argon2 and import
    // the sample plans at once. Speed is measured in bench/, never asserted here.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
