/**
 * Time and speed in the tab (issue 10, items 4 and 5):
 *
 *   pacer    the paced clock's error against wall time: `sleep` of 1 s and 0.5 s on a paced
 *            engine in Node (the worker's Pacer, no shell), at 1x and 10x. Error = (wall spent -
 *            virtual / speed) / (virtual / speed). Goal: within 2 %.
 *   tab      commands in the browser tab (production build, Chromium, the default scenario)
 *            next to the same commands headless (Node, the eager engine the tests use):
 *            dd of 16 MiB, md5sum of a device, and the whole golden suite (each script on a fresh
 *            engine: the worker's `reset`). The tab runs them at "max" speed and at 1x (where a
 *            command's short waits, the RAM disks' 50 µs per bio, are fast-forwarded: pacer.ts).
 *            Goal: the tab within 2x of headless.
 *
 * Figures are printed, not asserted. Wall time in the tab is measured in the page, around the
 * request to the worker. On Linux a second table gives the CPU time of the same rounds: the
 * headless process's, the engine worker's thread and the rest of the browser (the page drawing
 * the views meanwhile), which tells what each side computed when a shared machine's load makes
 * the wall times wander.
 *
 *   node --import tsx bench/tab.ts            (builds first if the build is missing)
 *
 * Environment: BENCH_DIST (the build to serve, default dist), BENCH_PORT, BENCH_TAB_RUNS (rounds
 * of each command, default 5), BENCH_TAB_GOLDEN_RUNS (rounds of the golden suite, default 2).
 */

import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Page } from "@playwright/test";
import { Engine, NS_PER_MS, NS_PER_US } from "../src/engine/index.ts";
import { createShell, runTranscript } from "../src/shell/index.ts";
import { Pacer } from "../src/worker/pacer.ts";
import { PACE_REAL_TIME } from "../src/worker/protocol.ts";
import { BENCH_DIST, withPreviewBrowser } from "./browser.ts";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const PORT = Number(process.env.BENCH_PORT ?? 4393);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : ((s[m - 1] ?? NaN) + (s[m] ?? NaN)) / 2;
}

// ------------------------------------------------------------------------------- pacer error

export interface PacerError {
  speed: number;
  sleepMs: number;
  /** Relative errors of each run, in percent (positive: slower than real time). */
  errors: number[];
  /** The same for a bare setTimeout of the expected wall time: what the machine adds. */
  baseline: number[];
}

/** Wall time a paced `engine.sleep(ms)` takes at `speed` x, against the expected. */
export async function benchPacer(runs = 9): Promise<PacerError[]> {
  const out: PacerError[] = [];
  for (const speed of [1, 10]) {
    for (const sleepMs of [1000, 500]) {
      const errors: number[] = [];
      const baseline: number[] = [];
      for (let i = 0; i < runs; i++) {
        const engine = new Engine({ seed: 1, drive: "paced", ramDiskLatency: 50 * NS_PER_US });
        const pacer = new Pacer();
        pacer.attach(engine);
        pacer.set({ speed: speed * PACE_REAL_TIME });
        const expected = sleepMs / speed;
        const t0 = performance.now();
        await engine.sleep(sleepMs * NS_PER_MS);
        const wall = performance.now() - t0;
        pacer.close();
        errors.push(((wall - expected) / expected) * 100);
        const b0 = performance.now();
        await new Promise((r) => setTimeout(r, expected));
        baseline.push(((performance.now() - b0 - expected) / expected) * 100);
      }
      out.push({ speed, sleepMs, errors, baseline });
    }
  }
  return out;
}

export function printPacer(rows: PacerError[], log = console.log): void {
  log("paced sleep, wall time against virtual / speed (goal: within 2 %)");
  log("(setTimeout: a bare timer of the same wall time, the machine's own lateness)");
  log(
    `${"speed".padEnd(7)} ${"sleep".padStart(7)} ${"median err".padStart(11)} ${"worst err".padStart(10)} ${"setTimeout".padStart(11)}`,
  );
  for (const r of rows) {
    const worst = r.errors.reduce((a, b) => (Math.abs(b) > Math.abs(a) ? b : a), 0);
    log(
      `${`${r.speed}x`.padEnd(7)} ${`${r.sleepMs} ms`.padStart(7)} ${`${median(r.errors).toFixed(2)} %`.padStart(11)} ${`${worst.toFixed(2)} %`.padStart(10)} ${`${median(r.baseline).toFixed(2)} %`.padStart(11)}`,
    );
  }
}

// ------------------------------------------------------------------------- tab vs headless

/** The page's default scenario (src/app/scenario.ts), for the headless side. */
const SCENARIO = [
  "modprobe brd rd_nr=2 rd_size=16384",
  "dmsetup create concat <<'EOF'\n0 16384 linear /dev/ram0 0\n16384 16384 linear /dev/ram1 0\nEOF",
  "dmsetup create stripes --table '0 32768 striped 2 128 /dev/ram0 16384 /dev/ram1 16384'",
].join("\n");

const COMMANDS: Array<[string, string]> = [
  [
    "dd 16 MiB, bs=4k direct",
    "dd if=/dev/zero of=/dev/mapper/concat bs=4k count=4096 oflag=direct",
  ],
  ["dd 16 MiB, bs=1M", "dd if=/dev/urandom of=/dev/mapper/stripes bs=1M count=16"],
  ["md5sum of a device", "md5sum /dev/mapper/concat"],
];

function goldenScripts(): Array<[string, string]> {
  const dir = join(ROOT, "golden");
  return readdirSync(dir)
    .filter((f) => /^\d{3}-.*\.sh$/.test(f))
    .sort()
    .map((f) => [f, readFileSync(join(dir, f), "utf8")]);
}

/** Wall ms of `script` headless (Node, eager engine), on a fresh engine with the scenario. */
async function headlessCommand(script: string, cpu?: number[]): Promise<number> {
  const shell = createShell(new Engine({ seed: 1 }));
  await shell.run(SCENARIO, {});
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await shell.run(script, {});
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  cpu?.push((c.user + c.system) / 1000);
  return wall;
}

/**
 * CPU ms so far of this process's Chromium, from /proc (Linux; null elsewhere): its
 * DedicatedWorker threads (the engine's worker; the editor's workers sit idle meanwhile) and
 * every other thread (the page's main thread, compositor, raster, GPU process...).
 */
function browserCpu(): { worker: number; page: number } | null {
  if (!existsSync("/proc/self/stat")) return null;
  const parent = new Map<number, number>();
  const procs = readdirSync("/proc").filter((d) => /^\d+$/.test(d));
  for (const pid of procs) {
    try {
      const st = readFileSync(`/proc/${pid}/stat`, "utf8");
      parent.set(Number(pid), Number(st.slice(st.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // gone meanwhile
    }
  }
  const mine = (pid: number): boolean => {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p))
      if (p === process.pid) return true;
    return false;
  };
  const hz = 100; // USER_HZ: clock ticks per second in /proc's utime and stime
  let worker = 0;
  let page = 0;
  for (const [pid] of parent) {
    if (!mine(pid)) continue;
    let cmd = "";
    try {
      cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8");
    } catch {
      continue;
    }
    if (!cmd.includes("chrom")) continue;
    let tasks: string[] = [];
    try {
      tasks = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tasks) {
      try {
        const st = readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8");
        const comm = st.slice(st.indexOf("(") + 1, st.lastIndexOf(")"));
        const f = st.slice(st.lastIndexOf(")") + 2).split(" ");
        const ms = ((Number(f[11]) + Number(f[12])) * 1000) / hz;
        if (comm.startsWith("DedicatedWorker")) worker += ms;
        else page += ms;
      } catch {
        // thread gone meanwhile
      }
    }
  }
  return { worker, page };
}

async function headlessGolden(): Promise<number> {
  let total = 0;
  for (const [, script] of goldenScripts()) {
    const t0 = performance.now();
    await runTranscript(script, { seed: 1 });
    total += performance.now() - t0;
  }
  return total;
}

type Speed = "max" | "1x";
const SPEEDS: readonly Speed[] = ["max", "1x"];

async function setSpeed(page: Page, speed: Speed): Promise<void> {
  await page.evaluate(
    (s) => window.dmPlayground!.setPace({ speed: s === "max" ? "max" : 1e6, paused: false }),
    speed,
  );
}

/** Wall ms of one command in the tab (measured in the page, around the worker's answer). */
function tabRun(page: Page, script: string): Promise<number> {
  return page.evaluate(async (script) => {
    const c = window.dmPlayground!.client()!;
    const t0 = performance.now();
    await c.runShell(script, () => {});
    return performance.now() - t0;
  }, script);
}

async function tabCommand(
  page: Page,
  script: string,
  cpu?: { worker: number[]; page: number[] },
): Promise<number> {
  await page.evaluate(
    async ([seed, scenario]) => {
      const c = window.dmPlayground!.client()!;
      await c.call("reset", { seed });
      await c.runShell(scenario, () => {});
    },
    [1, SCENARIO] as const,
  );
  const c0 = browserCpu();
  const wall = await tabRun(page, script);
  const c1 = browserCpu();
  if (cpu && c0 && c1) {
    cpu.worker.push(c1.worker - c0.worker);
    cpu.page.push(c1.page - c0.page);
  }
  return wall;
}

async function tabGolden(page: Page): Promise<number> {
  let total = 0;
  for (const [, script] of goldenScripts()) {
    await page.evaluate(() => window.dmPlayground!.client()!.call("reset", { seed: 1 }));
    total += await tabRun(page, script);
  }
  return total;
}

export interface TabRow {
  what: string;
  /** Wall ms of each round, headless and in the tab at each speed. */
  headless: number[];
  tab: Record<Speed, number[]>;
  /**
   * CPU ms of each round (Linux only, commands only): the headless process's, and at each speed
   * the engine worker's and the rest of the browser's (the page drawing meanwhile).
   */
  cpu: { headless: number[]; tab: Record<Speed, { worker: number[]; page: number[] }> };
}

/**
 * Rounds of: the command headless, then in the tab at "max", then at 1x (each on a fresh
 * engine), so that each round's ratios compare figures taken within seconds of each other on a
 * shared, noisy machine. `runs` rounds of each command, `goldenRuns` of the golden suite
 * (BENCH_TAB_RUNS, BENCH_TAB_GOLDEN_RUNS; 0 golden runs leaves the suite out).
 */
export async function benchTab(
  runs = Number(process.env.BENCH_TAB_RUNS ?? 5),
  goldenRuns = Number(process.env.BENCH_TAB_GOLDEN_RUNS ?? 2),
): Promise<TabRow[]> {
  if (!existsSync(join(ROOT, BENCH_DIST, "index.html"))) {
    spawnSync("npx", ["vite", "build", "--outDir", BENCH_DIST], { cwd: ROOT, stdio: "inherit" });
  }
  const fresh = (what: string): TabRow => ({
    what,
    headless: [],
    tab: { max: [], "1x": [] },
    cpu: {
      headless: [],
      tab: { max: { worker: [], page: [] }, "1x": { worker: [], page: [] } },
    },
  });
  const rows = COMMANDS.map(([what]) => fresh(what));
  const golden = fresh(`golden suite (${goldenScripts().length} scripts)`);
  await withPreviewBrowser(PORT, async (browser, url) => {
    const page = await browser.newPage();
    await page.goto(url);
    await page.waitForSelector('g[aria-label="device stripes"]', { timeout: 60_000 });
    // A first round of everything, not counted: both sides' code gets compiled and warm.
    for (const [, script] of COMMANDS) {
      await headlessCommand(script);
      for (const speed of SPEEDS) {
        await setSpeed(page, speed);
        await tabCommand(page, script);
      }
    }
    for (let round = 0; round < runs; round++) {
      for (const [i, [, script]] of COMMANDS.entries()) {
        const row = rows[i]!;
        row.headless.push(await headlessCommand(script, row.cpu.headless));
        for (const speed of SPEEDS) {
          await setSpeed(page, speed);
          row.tab[speed].push(await tabCommand(page, script, row.cpu.tab[speed]));
        }
      }
    }
    for (let round = 0; round < goldenRuns; round++) {
      golden.headless.push(await headlessGolden());
      // The golden suite sleeps in places: at 1x those take their wall time, as they should.
      for (const speed of SPEEDS) {
        await setSpeed(page, speed);
        golden.tab[speed].push(await tabGolden(page));
      }
    }
  });
  return goldenRuns > 0 ? [...rows, golden] : rows;
}

/** Medians of the wall times, and the median of each round's ratio to headless. */
export function printTab(rows: TabRow[], log = console.log): void {
  log("the tab (Chromium, worker) against headless (Node), wall ms (goal: tab within 2x)");
  log("medians over rounds; ratio: median of each round's tab / headless");
  log(
    `${"command".padEnd(30)} ${"runs".padStart(4)} ${"headless".padStart(9)} ${"tab max".padStart(9)} ${"ratio".padStart(6)} ${"tab 1x".padStart(9)} ${"ratio".padStart(6)}`,
  );
  for (const r of rows) {
    const ratio = (speed: Speed) =>
      `${median(r.tab[speed].map((t, i) => t / (r.headless[i] ?? NaN))).toFixed(1)}x`;
    const ms = (xs: number[]) => median(xs).toFixed(0).padStart(9);
    log(
      `${r.what.padEnd(30)} ${String(r.headless.length).padStart(4)} ${ms(r.headless)} ${ms(r.tab.max)} ${ratio("max").padStart(6)} ${ms(r.tab["1x"])} ${ratio("1x").padStart(6)}`,
    );
  }
  const measured = rows.filter((r) => r.cpu.headless.length > 0 && r.cpu.tab.max.worker.length > 0);
  if (measured.length === 0) return;
  log("");
  log("CPU ms of the same rounds (/proc): what each side computed, whatever the machine's load");
  log("(worker: the engine's thread; page: the rest of the browser meanwhile, drawing the views)");
  log(
    `${"command".padEnd(30)} ${"headless".padStart(9)} ${"worker max".padStart(11)} ${"ratio".padStart(6)} ${"page max".padStart(9)} ${"worker 1x".padStart(10)} ${"ratio".padStart(6)} ${"page 1x".padStart(8)}`,
  );
  for (const r of measured) {
    const h = r.cpu.headless;
    const ratio = (xs: number[]) => `${median(xs.map((t, i) => t / (h[i] ?? NaN))).toFixed(1)}x`;
    const ms = (xs: number[], w: number) => median(xs).toFixed(0).padStart(w);
    const m = r.cpu.tab.max;
    const x1 = r.cpu.tab["1x"];
    log(
      `${r.what.padEnd(30)} ${ms(h, 9)} ${ms(m.worker, 11)} ${ratio(m.worker).padStart(6)} ${ms(m.page, 9)} ${ms(x1.worker, 10)} ${ratio(x1.worker).padStart(6)} ${ms(x1.page, 8)}`,
    );
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  printPacer(await benchPacer());
  printTab(await benchTab());
}
