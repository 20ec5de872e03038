import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "packages/*/src/**/*.test.ts",
      "packages/*/test/**/*.test.ts",
      "packages/console/src/**/*.test.tsx",
    ],
    // The console's browser tests drive the built console: build it once before any test runs.
    globalSetup: ["packages/console/test/global-setup.ts"],
    // A server test file migrates a database and starts a job queue in its beforeAll, and a test runs
    // whole conversations through it. Vitest's defaults (10 s a hook, 5 s a test) fit unit tests; on a
    // busy two-core machine a quiet 3 s start takes 15, so the limits are set for that work instead.
    hookTimeout: 60_000,
    testTimeout: 30_000,
    // Vitest's default on two cores is one worker, but most of a server test is spent waiting on
    // PostgreSQL, timers and child processes: two workers took the suite from 17.6 to 12.8 minutes
    // on our two-core machines, with every test passing.
    maxWorkers: 2,
  },
});
