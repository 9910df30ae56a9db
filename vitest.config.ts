import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "src/**/*.test.tsx", "tests/**/*.test.ts"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // `npm test` turns coverage on for the full run: the domain and the workbook logic must stay ≥ 90 % covered.
    coverage: {
      provider: "v8",
      include: ["src/engine/**/*.ts", "src/workbook/**/*.ts"],
      exclude: ["**/*.test.ts", "**/*.test-helpers.ts"],
      reporter: ["text-summary", "json-summary"],
      reportsDirectory: "coverage",
      thresholds: {
        "src/engine/**/*.ts": { lines: 90 },
        "src/workbook/**/*.ts": { lines: 90 },
      },
    },
  },
});
