/**
 * The golden suite's wall time in dmsh next to booting a kernel to run the same scripts.
 *
 * Each golden/NNN-*.sh runs through dmsh (a fresh engine and shell each time, as in the golden
 * test) several times; the median is printed next to the kernel tool's time for the scripts it
 * was measured on (bench/kernel-baseline.json, measured once: booting Linux under qemu takes
 * seconds per script, so it is not re-run here). Goal: every script at least 20 times faster
 * than the kernel run.
 */

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { runTranscript } from "../src/shell/index.ts";

const RUNS = 5;
const GOAL = 20;

interface Baseline {
  date: string;
  seconds: Record<string, number>;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export interface GoldenTiming {
  script: string;
  /** Median wall time in dmsh, milliseconds. */
  dmshMs: number;
  /** Whether dmsh's output matched the recorded one. */
  matches: boolean;
}

export async function benchGolden(
  log: (line: string) => void = console.log,
): Promise<GoldenTiming[]> {
  const dir = join(import.meta.dirname, "../golden");
  const baseline = JSON.parse(
    readFileSync(join(import.meta.dirname, "kernel-baseline.json"), "utf8"),
  ) as Baseline;
  const kernelTimes = Object.values(baseline.seconds);
  const kernelMedian = median(kernelTimes);
  const scripts = readdirSync(dir)
    .filter((f) => /^\d{3}-.*\.sh$/.test(f))
    .sort();
  const results: GoldenTiming[] = [];
  log(
    `golden suite through dmsh (median of ${RUNS} runs) vs the kernel tool (measured ${baseline.date})`,
  );
  log(
    `${"script".padEnd(34)} ${"dmsh ms".padStart(9)} ${"kernel s".padStart(9)} ${"speedup".padStart(9)}`,
  );
  for (const file of scripts) {
    const script = readFileSync(join(dir, file), "utf8");
    let expected: string | null = null;
    try {
      expected = readFileSync(join(dir, file.replace(/\.sh$/, ".out")), "latin1");
    } catch {
      // not recorded yet
    }
    const times: number[] = [];
    let matches = false;
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      const { output } = await runTranscript(script, { seed: 1 });
      times.push(performance.now() - t0);
      if (i === 0)
        matches = expected !== null && Buffer.from(output).toString("latin1") === expected;
    }
    const name = file.replace(/\.sh$/, "");
    const ms = median(times);
    const kernel = baseline.seconds[name];
    const ref = kernel ?? kernelMedian;
    const speedup = (ref * 1000) / ms;
    log(
      `${name.padEnd(34)} ${ms.toFixed(1).padStart(9)} ${(kernel === undefined ? `~${kernelMedian.toFixed(1)}` : kernel.toFixed(1)).padStart(9)} ${`${speedup.toFixed(0)}x`.padStart(9)}${speedup < GOAL ? "  (below the 20x goal)" : ""}${matches ? "" : "  (output differs from Linux)"}`,
    );
    results.push({ script: name, dmshMs: ms, matches });
  }
  const total = results.reduce((a, r) => a + r.dmshMs, 0);
  const worst = Math.max(...results.map((r) => r.dmshMs));
  log(
    `total ${total.toFixed(0)} ms for ${results.length} scripts; slowest ${worst.toFixed(1)} ms = ${((kernelMedian * 1000) / worst).toFixed(0)}x faster than a typical kernel run (${kernelMedian.toFixed(1)} s); ${results.filter((r) => r.matches).length}/${results.length} outputs identical to Linux`,
  );
  return results;
}

if (process.argv[1] && /golden\.ts$/.test(process.argv[1])) {
  await benchGolden();
}
