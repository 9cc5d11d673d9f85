/**
 * Web app figures, on the production build:
 *   - initial JavaScript (gzip): what index.html loads before anything lazy, and the lazy parts
 *   - time to first drawn stack: navigation start to the default scenario's devices in the SVG,
 *     in headless Chromium against `vite preview`, cold (fresh browser context) each run
 * Printed, not asserted (goals: under 250 KB and under 1 s).
 *
 *   node --import tsx bench/app.ts            (builds first if dist/ is missing)
 */

import { spawnSync } from "node:child_process";
import { withPreviewBrowser } from "./browser.ts";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const DIST = join(ROOT, "dist");
const PORT = Number(process.env.BENCH_PORT ?? 4392);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

/** Stamps `window.__firstStack` when the default stack's last device is in the SVG. */
const FIRST_STACK_PROBE = `
  (() => {
    const obs = new MutationObserver(() => {
      if (window.__firstStack === undefined &&
          document.querySelector('g[aria-label="device stripes"] rect')) {
        window.__firstStack = performance.now();
        window.__firstStackScripts = performance.getEntriesByType("resource")
          .map((e) => new URL(e.name).pathname)
          .filter((p) => p.endsWith(".js"));
        obs.disconnect();
      }
    });
    obs.observe(document, { subtree: true, childList: true });
  })();
`;

export interface AppBenchResult {
  /** JS the page fetched before its first drawn stack, less the worker: the initial download. */
  initialJsGzipBytes: number;
  initialJsFiles: string[];
  /** Every other page-side chunk (console, editor). */
  lazyJsGzipBytes: number;
  /** The worker's entry and its static imports: what it loads before it can answer. */
  workerJsGzipBytes: number;
  /** just-bash command chunks the worker loads only when such a command runs. */
  workerLazyJsGzipBytes: number;
  firstStackMs: { median: number; min: number; max: number; runs: number[] };
}

function gz(file: string): number {
  return gzipSync(readFileSync(file)).length;
}

interface Probe {
  __firstStack?: number;
  __firstStackScripts?: string[];
}

async function measureFirstStack(runs: number): Promise<{ times: number[]; scripts: string[] }> {
  return withPreviewBrowser(PORT, async (browser, url) => {
    const times: number[] = [];
    let scripts: string[] = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      // (A string, not a function: tsx would wrap a function with helpers the page lacks.)
      await page.addInitScript(FIRST_STACK_PROBE);
      await page.goto(url);
      await page.waitForFunction(() => (window as Probe).__firstStack !== undefined, null, {
        timeout: 30_000,
      });
      const probe = await page.evaluate(() => ({
        t: (window as Probe).__firstStack ?? NaN,
        scripts: (window as Probe).__firstStackScripts ?? [],
      }));
      times.push(probe.t);
      scripts = probe.scripts;
      if (process.env.BENCH_VERBOSE) {
        // Where the time went: the page's own marks (session.ts) against navigation start.
        const marks = await page.evaluate(() =>
          [
            ...performance
              .getEntriesByType("navigation")
              .map((e) => ["dcl", (e as PerformanceNavigationTiming).domContentLoadedEventEnd]),
            ...performance.getEntriesByType("mark").map((m) => [m.name, m.startTime]),
          ].map(([n, t]) => `${String(n)}=${Math.round(Number(t))}`),
        );
        console.log(`  run ${i + 1}: ${marks.join(" ")} stack=${Math.round(probe.t)}`);
      }
      await context.close();
    }
    return { times, scripts };
  });
}

export async function benchApp(runs = RUNS): Promise<AppBenchResult> {
  if (!existsSync(join(DIST, "index.html"))) {
    const r = spawnSync("npx", ["vite", "build"], { cwd: ROOT, stdio: "inherit" });
    if (r.status !== 0) throw new Error("vite build failed");
  }
  const { times, scripts } = await measureFirstStack(runs);
  const assets = readdirSync(join(DIST, "assets")).filter((x) => x.endsWith(".js"));
  // The worker's own graph: its entry and what it imports statically, transitively. (Chromium
  // lists a module worker's fetches among the page's resources, so they are told apart here.)
  const workerEntry = assets.filter((f) => /^engine\.worker-/.test(f));
  const workerFiles = new Set<string>();
  const visit = (f: string) => {
    if (workerFiles.has(f)) return;
    workerFiles.add(f);
    const text = readFileSync(join(DIST, "assets", f), "utf8");
    for (const m of text.matchAll(
      /(?:import|export)[^"'()]*?from\s*["']\.\/([^"']+\.js)["']|import\s*["']\.\/([^"']+\.js)["']/g,
    )) {
      const dep = m[1] ?? m[2];
      if (dep && assets.includes(dep)) visit(dep);
    }
  };
  workerEntry.forEach(visit);
  const initial = [...new Set(scripts.map((p) => p.replace(/^\//, "")))].filter(
    (f) => existsSync(join(DIST, f)) && !workerFiles.has(f.replace(/^assets\//, "")),
  );
  let lazy = 0;
  let worker = 0;
  let workerLazy = 0;
  const pageLazy = new Set<string>();
  for (const f of assets) {
    const rel = `assets/${f}`;
    if (initial.includes(rel)) continue;
    if (workerFiles.has(f)) worker += gz(join(DIST, rel));
    else if (/^(Console|TableEditor|LoadPanel)-/.test(f)) {
      lazy += gz(join(DIST, rel));
      pageLazy.add(f);
    } else workerLazy += gz(join(DIST, rel));
  }
  const sorted = [...times].sort((a, b) => a - b);
  return {
    initialJsGzipBytes: initial.reduce((s, f) => s + gz(join(DIST, f)), 0),
    initialJsFiles: initial,
    lazyJsGzipBytes: lazy,
    workerJsGzipBytes: worker,
    workerLazyJsGzipBytes: workerLazy,
    firstStackMs: {
      median: sorted[Math.floor(sorted.length / 2)] ?? NaN,
      min: sorted[0] ?? NaN,
      max: sorted[sorted.length - 1] ?? NaN,
      runs: times.map((t) => Math.round(t)),
    },
  };
}

export function printApp(r: AppBenchResult): void {
  const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
  const f = r.firstStackMs;
  console.log("web app (production build, headless Chromium, vite preview)");
  console.log(
    `  initial JS, gzip      ${kb(r.initialJsGzipBytes)}   goal < 250 KB   (loaded before the first stack: ${r.initialJsFiles.join(", ")})`,
  );
  console.log(
    `  lazy JS, gzip         ${kb(r.lazyJsGzipBytes)}   (console with xterm.js, table editor, load panel)`,
  );
  console.log(
    `  engine worker, gzip   ${kb(r.workerJsGzipBytes)}   (+ ${kb(r.workerLazyJsGzipBytes)} of shell command chunks loaded on use)`,
  );
  console.log(
    `  first drawn stack     ${f.median.toFixed(0)} ms median   goal < 1000 ms   (${f.min.toFixed(0)}–${f.max.toFixed(0)} ms over ${f.runs.length} cold loads)`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  printApp(await benchApp());
}
