/**
 * The FPS probe (printed, not asserted): the production build in headless Chromium, a two-layer
 * stack (linear on top of the default scenario's `stripes`, striped over two RAM disks), a load
 * generator issuing 10,000 bios per virtual second at 1x (so 10,000 per wall second) for 10 s
 * of wall time, measured twice:
 *
 *   views shown   the page as a user sees it
 *   views hidden  `?views=off`: the views give way to placeholders; the engine, the event ring
 *                 and the page's drain still run
 *
 * Frames per second are counted in the page with requestAnimationFrame over 1 s windows (the
 * fps-tracker idea from tldraw): the average and the worst window. Engine throughput is the
 * generator's completed bios per wall second, read from the worker at both ends of the run.
 * Goals: 55 fps average with the views; the engine losing under 20% of its throughput to them.
 *
 * Idle CPU (measureIdle): the page's main-thread time per second while nothing happens, from
 * CDP's Performance.getMetrics, and the animation frames it runs meanwhile (the frame loop
 * sleeps when nothing moves: src/app/frame.ts).
 *
 *   node --import tsx bench/fps.ts          (builds first if BENCH_DIST, default dist/, is
 *                                            missing or older than src/)
 *   node --import tsx bench/fps.ts idle     (idle CPU only)
 */

import type { Page } from "@playwright/test";
import { spawnSync } from "node:child_process";
import { BENCH_DIST, withPreviewBrowser } from "./browser.ts";
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const DIST = join(ROOT, BENCH_DIST);
const PORT = Number(process.env.BENCH_FPS_PORT ?? 4393);
/** Wall seconds measured per run (after a warm-up second). */
const SECONDS = Number(process.env.BENCH_FPS_SECONDS ?? 10);
const RATE = 10_000;
const MAX_SECONDS = Number(process.env.BENCH_FPS_MAX_SECONDS ?? 3);

export interface FpsRun {
  views: "shown" | "hidden";
  /** Frames per second: mean of the 1 s windows, and the worst window. */
  fpsAvg: number;
  fpsMin: number;
  /** The longest single frame, ms. */
  longestFrameMs: number;
  /** Generator completions per wall second. */
  biosPerSec: number;
  /** Engine events the page drained per wall second, and how many the ring dropped. */
  eventsPerSec: number;
  dropped: number;
  /** Virtual seconds that passed per wall second (1 at 1x when the engine keeps up). */
  virtualPerWall: number;
  /**
   * Flat out: completions per wall second at speed "max" with an unlimited generator, over
   * MAX_SECONDS (where the views' cost shows, since 1x asks for a fixed rate), and the frame rate
   * meanwhile.
   */
  maxBiosPerSec: number;
  maxFpsAvg: number;
}

export interface FpsResult {
  shown: FpsRun;
  hidden: FpsRun;
  /** The page with nothing happening (measureIdle). */
  idle: IdleRun[];
}

function newest(dir: string): number {
  let t = 0;
  for (const f of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, f.name);
    t = Math.max(t, f.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

function ensureBuild(): void {
  const index = join(DIST, "index.html");
  if (existsSync(index) && statSync(index).mtimeMs >= newest(join(ROOT, "src"))) return;
  console.log(`  (building: ${BENCH_DIST}/ is older than src/)`);
  const r = spawnSync("npx", ["vite", "build", "--outDir", BENCH_DIST], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`vite build failed:\n${r.stdout}${r.stderr}`);
}

/**
 * Counts animation frames into 1 s windows until `__fpsStop()`; `__fps` then holds the frames
 * of each whole window and the longest frame. (A string: tsx would wrap a function with helpers
 * the page lacks.)
 */
const FPS_TRACKER = `
  (() => {
    const windows = [];
    let frames = 0, start = performance.now(), last = start, longest = 0, on = true;
    const tick = (t) => {
      if (!on) return;
      frames++;
      longest = Math.max(longest, t - last);
      last = t;
      if (t - start >= 1000) {
        windows.push(frames * 1000 / (t - start));
        frames = 0;
        start = t;
      }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    window.__fpsStop = () => { on = false; return { windows, longest }; };
  })();
`;

interface Snapshot {
  wall: number;
  now: number;
  completed: number;
  events: number;
  dropped: number;
}

async function snapshot(page: Page): Promise<Snapshot> {
  return page.evaluate(async () => {
    const p = window.dmPlayground!;
    const report = await p.client()!.call("loadList", {});
    const s = p.store.getState();
    return {
      wall: performance.now(),
      now: report.now,
      completed: report.generators.reduce((a, g) => a + g.completed, 0),
      events: s.eventsSeen,
      dropped: s.eventsDropped,
    };
  });
}

async function measure(page: Page, views: "shown" | "hidden", url: string): Promise<FpsRun> {
  await page.goto(`${url}?views=${views === "shown" ? "on" : "off"}`);
  await page.waitForFunction(
    () => window.dmPlayground?.store.getState().devices.some((d) => d.name === "stripes"),
    null,
    { timeout: 30_000 },
  );
  const setup = await page.evaluate(async () => {
    const p = window.dmPlayground!;
    let out = "";
    const r = await p
      .client()!
      .runShell("dmsetup create top --table '0 32768 linear /dev/mapper/stripes 0'", (_s, t) => {
        out += t;
      });
    await p.setPace({ speed: 1_000_000, paused: false });
    return { exitCode: r.exitCode, out };
  });
  if (setup.exitCode !== 0) throw new Error(`setting up the stack failed: ${setup.out}`);
  await page.evaluate(
    (rate) =>
      window.dmPlayground!.loadStart({
        device: "/dev/mapper/top",
        rate,
        queueDepth: 16,
        blockSize: 4096,
        pattern: "random",
        readPct: 50,
      }),
    RATE,
  );
  await page.waitForTimeout(1000); // warm-up: lazy panels, JIT, the first topology refresh
  await page.evaluate(FPS_TRACKER);
  const a = await snapshot(page);
  await page.waitForTimeout(SECONDS * 1000);
  const b = await snapshot(page);
  const fps = (await page.evaluate("window.__fpsStop()")) as { windows: number[]; longest: number };
  await page.evaluate(() => window.dmPlayground!.loadStop());

  // Flat out: as fast as the engine goes.
  await page.evaluate(async () => {
    const p = window.dmPlayground!;
    await p.setPace({ speed: "max" });
    await p.loadStart({ device: "/dev/mapper/top", rate: 0, queueDepth: 16, readPct: 50 });
  });
  await page.waitForTimeout(500);
  await page.evaluate(FPS_TRACKER);
  const c = await snapshot(page);
  await page.waitForTimeout(MAX_SECONDS * 1000);
  const d = await snapshot(page);
  const maxFps = (await page.evaluate("window.__fpsStop()")) as { windows: number[] };
  await page.evaluate(async () => {
    const p = window.dmPlayground!;
    await p.loadStop();
    await p.setPace({ speed: 1_000_000 });
  });

  const wallSec = (b.wall - a.wall) / 1000;
  const w = fps.windows.length > 0 ? fps.windows : [NaN];
  const mw = maxFps.windows.length > 0 ? maxFps.windows : [NaN];
  return {
    views,
    fpsAvg: w.reduce((x, y) => x + y, 0) / w.length,
    fpsMin: Math.min(...w),
    longestFrameMs: fps.longest,
    biosPerSec: (b.completed - a.completed) / wallSec,
    eventsPerSec: (b.events - a.events) / wallSec,
    dropped: b.dropped - a.dropped,
    virtualPerWall: (b.now - a.now) / 1e9 / wallSec,
    maxBiosPerSec: ((d.completed - c.completed) * 1000) / (d.wall - c.wall),
    maxFpsAvg: mw.reduce((x, y) => x + y, 0) / mw.length,
  };
}

/** Wall seconds of each idle measurement. */
const IDLE_SECONDS = Number(process.env.BENCH_FPS_IDLE_SECONDS ?? 5);

/** The page's main thread while nothing happens (printed, not asserted). */
export interface IdleRun {
  /** What led up to the idle stretch. */
  label: string;
  /** Main-thread task time per wall second, ms/s (CDP Performance.getMetrics TaskDuration). */
  taskMsPerSec: number;
  /** Of which JavaScript, ms/s (ScriptDuration). */
  scriptMsPerSec: number;
  /** Animation-frame callbacks the page ran per wall second. */
  framesPerSec: number;
}

/** Counts the page's requestAnimationFrame callbacks into `__rafCalls` (a string: see FPS_TRACKER). */
const RAF_COUNTER = `
  (() => {
    const raf = window.requestAnimationFrame.bind(window);
    window.__rafCalls = 0;
    window.requestAnimationFrame = (cb) => raf((t) => { window.__rafCalls++; cb(t); });
  })();
`;

/**
 * Idle CPU: the default scenario built and nothing happening (while the console's cursor still
 * blinks, and once it stopped), then again after a load generator ran for two seconds and stopped
 * (the views settle and the frame loop sleeps). Each measures IDLE_SECONDS of wall time.
 */
async function measureIdle(page: Page, url: string): Promise<IdleRun[]> {
  await page.addInitScript(RAF_COUNTER);
  await page.goto(`${url}?views=on`);
  await page.waitForFunction(
    () => window.dmPlayground?.store.getState().devices.some((d) => d.name === "stripes"),
    null,
    { timeout: 30_000 },
  );
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  const sample = async () => {
    const { metrics } = await cdp.send("Performance.getMetrics");
    const m = (name: string) => metrics.find((x) => x.name === name)?.value ?? 0;
    const frames = (await page.evaluate("window.__rafCalls")) as number;
    return { task: m("TaskDuration"), script: m("ScriptDuration"), frames, wall: Date.now() };
  };
  const idle = async (label: string, settle = 1000): Promise<IdleRun> => {
    await page.waitForTimeout(settle);
    const a = await sample();
    await page.waitForTimeout(IDLE_SECONDS * 1000);
    const b = await sample();
    const sec = (b.wall - a.wall) / 1000;
    return {
      label,
      taskMsPerSec: ((b.task - a.task) * 1000) / sec,
      scriptMsPerSec: ((b.script - a.script) * 1000) / sec,
      framesPerSec: (b.frames - a.frames) / sec,
    };
  };
  // The console's cursor blinks (a CSS animation: a restyle every frame) for 10 s after the
  // last key or focus, then stands still.
  const runs = [
    await idle("scenario built, cursor blinks"),
    await idle("10 s later, cursor still", 5000),
  ];
  await page.evaluate(() =>
    window.dmPlayground!.loadStart({
      device: "/dev/mapper/stripes",
      rate: 2000,
      queueDepth: 4,
      blockSize: 4096,
      pattern: "random",
      readPct: 50,
    }),
  );
  await page.waitForTimeout(2000);
  await page.evaluate(() => window.dmPlayground!.loadStop());
  await page.waitForTimeout(2000); // the flow's tokens finish, the rate falls to 0
  runs.push(await idle("after a 2 s load generator"));
  await cdp.detach();
  return runs;
}

/** Idle CPU only (`node --import tsx bench/fps.ts idle`). */
export async function benchIdle(): Promise<IdleRun[]> {
  ensureBuild();
  return withPreviewBrowser(PORT, async (browser, url) => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const runs = await measureIdle(page, url);
    await context.close();
    return runs;
  });
}

export function printIdle(runs: readonly IdleRun[]): void {
  console.log(
    `Idle CPU: the page's main thread over ${IDLE_SECONDS} s with nothing happening (CDP Performance.getMetrics)`,
  );
  console.log(
    `  ${"idle".padEnd(30)} ${"task ms/s".padStart(10)} ${"script ms/s".padStart(12)} ${"frames/s".padStart(9)}`,
  );
  for (const r of runs) {
    console.log(
      `  ${r.label.padEnd(30)} ${r.taskMsPerSec.toFixed(1).padStart(10)} ${r.scriptMsPerSec.toFixed(1).padStart(12)} ${r.framesPerSec.toFixed(1).padStart(9)}`,
    );
  }
}

export async function benchFps(): Promise<FpsResult> {
  ensureBuild();
  return withPreviewBrowser(PORT, async (browser, url) => {
    const runs: FpsRun[] = [];
    for (const views of ["shown", "hidden"] as const) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      runs.push(await measure(page, views, url));
      if (errors.length) console.warn(`  page errors (${views}): ${errors.join("; ")}`);
      await context.close();
    }
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const idle = await measureIdle(await context.newPage(), url);
    await context.close();
    return { shown: runs[0]!, hidden: runs[1]!, idle };
  });
}

export function printFps(r: FpsResult): void {
  const n = (x: number) => Math.round(x).toLocaleString("en");
  console.log(
    `FPS probe: ${n(RATE)} bios/s (4 KiB random, 50% reads) through linear over striped over 2 RAM disks, 1x, ${SECONDS} s per run, headless Chromium`,
  );
  console.log(
    `  ${"views".padEnd(8)} ${"fps avg".padStart(8)} ${"fps min".padStart(8)} ${"longest".padStart(9)} ${"bios/s".padStart(8)} ${"events/s".padStart(9)} ${"dropped".padStart(8)} ${"virt s/s".padStart(9)}   ${"max: bios/s".padStart(11)} ${"fps".padStart(5)}`,
  );
  for (const x of [r.shown, r.hidden]) {
    console.log(
      `  ${x.views.padEnd(8)} ${x.fpsAvg.toFixed(1).padStart(8)} ${x.fpsMin.toFixed(1).padStart(8)} ${`${x.longestFrameMs.toFixed(0)} ms`.padStart(9)} ${n(x.biosPerSec).padStart(8)} ${n(x.eventsPerSec).padStart(9)} ${n(x.dropped).padStart(8)} ${x.virtualPerWall.toFixed(2).padStart(9)}   ${n(x.maxBiosPerSec).padStart(11)} ${x.maxFpsAvg.toFixed(1).padStart(5)}`,
    );
  }
  const ratio = r.shown.biosPerSec / r.hidden.biosPerSec;
  const loss = (1 - ratio) * 100;
  console.log(
    `  fps with views: ${r.shown.fpsAvg.toFixed(1)} avg, ${r.shown.fpsMin.toFixed(1)} min (goal: 55 avg) — ${r.shown.fpsAvg >= 55 ? "met" : "NOT met"}`,
  );
  console.log(
    `  engine throughput with views / without: ${ratio.toFixed(3)} (${loss >= 0 ? `${loss.toFixed(1)}% lost` : `${(-loss).toFixed(1)}% gained`}; goal: under 20% lost) — ${loss < 20 ? "met" : "NOT met"}`,
  );
  const maxRatio = r.shown.maxBiosPerSec / r.hidden.maxBiosPerSec;
  console.log(
    `  flat out (speed max, unlimited generator): with views / without ${maxRatio.toFixed(3)} (${((1 - maxRatio) * 100).toFixed(1)}% lost)`,
  );
  printIdle(r.idle);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv[2] === "idle") printIdle(await benchIdle());
  else printFps(await benchFps());
}
