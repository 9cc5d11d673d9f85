import { defineConfig, devices } from "@playwright/test";
import { createServer } from "node:net";

/**
 * End-to-end tests in a real Chromium against the production build served by `vite preview`
 * (`npm run test:e2e` builds first). Debian's chromium, not a downloaded browser: set
 * CHROMIUM_PATH to use another.
 */

/** A TCP port nobody listens on now: the kernel's pick for port 0 on 127.0.0.1. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address
          ? resolve(address.port)
          : reject(new Error("no port")),
      );
    });
  });
}

// The preview server's port: E2E_PORT, or a free one. Playwright loads this file again in each
// test worker; those inherit the environment, so the port is chosen once and then kept there.
process.env.E2E_PORT ??= String(await freePort());
const PORT = Number(process.env.E2E_PORT);
/** The build to serve (`vite build --outDir DIR`): lets several checkouts' runs coexist. */
const DIST = process.env.E2E_DIST ?? "dist";

export default defineConfig({
  testDir: "e2e",
  outputDir: process.env.E2E_RESULTS ?? "test-results",
  fullyParallel: false,
  // Two shared cores: one browser at a time keeps timings honest (the watchdog test measures).
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1440, height: 900 },
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    {
      name: "chromium",
      use: { ...devices["Desktop Chrome"], viewport: { width: 1440, height: 900 } },
    },
  ],
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort --outDir ${DIST}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
