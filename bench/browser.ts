/**
 * What the browser benchmarks share: the production build served by `vite preview`, and
 * Debian's Chromium driven by Playwright with the same flags as the end-to-end tests.
 */

import { chromium, type Browser } from "@playwright/test";
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

/** The production build the browser benchmarks serve (BENCH_DIST, default dist/). */
export const BENCH_DIST = process.env.BENCH_DIST ?? "dist";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

async function waitForServer(url: string, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`preview server did not start at ${url}`);
}

/** Serve BENCH_DIST on `port`, launch Chromium, run `fn`, then stop both. */
export async function withPreviewBrowser<T>(
  port: number,
  fn: (browser: Browser, url: string) => Promise<T>,
): Promise<T> {
  const server = spawn(
    "npx",
    [
      "vite",
      "preview",
      "--outDir",
      BENCH_DIST,
      "--host",
      "127.0.0.1",
      "--port",
      String(port),
      "--strictPort",
    ],
    { cwd: ROOT, stdio: "ignore", detached: true },
  );
  const url = `http://127.0.0.1:${port}/`;
  try {
    await waitForServer(url, 30_000);
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: CHROMIUM_ARGS,
    });
    try {
      return await fn(browser, url);
    } finally {
      await browser.close();
    }
  } finally {
    try {
      if (server.pid) process.kill(-server.pid, "SIGTERM");
    } catch {
      // already gone (it could not take the port): the error that matters is the one above
    }
  }
}
