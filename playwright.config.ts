import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_PASSWORD = "e2e-password-not-secret";

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  // Guards against a hang, not speed checks: on a busy 2-core machine a step can take many seconds.
  timeout: 5 * 60_000,
  expect: { timeout: 120_000 },
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
    },
  },
  projects: [
    { name: "api", testMatch: "api/**/*.spec.ts" },
    { name: "ui", testMatch: "ui/**/*.spec.ts" },
  ],
  webServer: {
    // The README start command on a fresh data dir, on the embedded default database.
    command: "rm -rf .sightline-e2e && npm start",
    url: `http://localhost:${PORT}/api/health`,
    timeout: 15 * 60_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(PORT),
      SIGHTLINE_DATA_DIR: ".sightline-e2e",
      SIGHTLINE_INITIAL_PASSWORD: E2E_PASSWORD,
      DATABASE_URL: "",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
