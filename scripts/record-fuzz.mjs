#!/usr/bin/env node
/**
 * Records the differential fuzzer's golden data: for each seed, writes the script
 * src/shell/difffuzz.ts generates to golden/fuzz/seed-NNN.sh, runs it on real Linux with
 * ../shared/tools/kernel-dm/run (one at a time: each boots its own qemu), and writes what Linux
 * printed, "exit status N" included, to golden/fuzz/seed-NNN.out.
 *
 *   node --import tsx scripts/record-fuzz.mjs 1 40        seeds 1..40
 *   node --import tsx scripts/record-fuzz.mjs 7            seed 7 only
 *   ... --force                                            re-record seeds already recorded
 *   ... --dir /tmp/fuzz                                    write somewhere else than golden/fuzz
 *   ... --thin                                             src/shell/thinfuzz.ts's scripts, into
 *                                                          golden/thinfuzz (thinfuzz.test.ts)
 *
 * A seed whose script and output are already there and whose script is unchanged is skipped.
 * src/shell/difffuzz.test.ts replays every recorded seed through dmsh.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateFuzzScript } from "../src/shell/difffuzz.ts";
import { generateThinFuzzScript } from "../src/shell/thinfuzz.ts";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const force = args.includes("--force");
const thin = args.includes("--thin");
const dirAt = args.indexOf("--dir");
const dir = dirAt >= 0 ? args[dirAt + 1] : join(root, thin ? "golden/thinfuzz" : "golden/fuzz");
const generate = thin ? generateThinFuzzScript : generateFuzzScript;
const nums = args.filter((a, i) => /^\d+$/.test(a) && (dirAt < 0 || i !== dirAt + 1)).map(Number);
if (!nums.length) {
  console.error("usage: record-fuzz.mjs FIRST [LAST] [--force] [--dir DIR] [--thin]");
  process.exit(2);
}
const [first, last = first] = nums;
const run = join(root, "../shared/tools/kernel-dm/run");
mkdirSync(dir, { recursive: true });

for (let seed = first; seed <= last; seed++) {
  const base = join(dir, `seed-${String(seed).padStart(3, "0")}`);
  const script = generate(seed);
  if (
    !force &&
    existsSync(`${base}.out`) &&
    existsSync(`${base}.sh`) &&
    readFileSync(`${base}.sh`, "utf8") === script
  ) {
    console.log(`seed ${seed}: already recorded`);
    continue;
  }
  // The script goes to golden/fuzz only with its output: a .sh there always has its .out.
  const tmp = join(tmpdir(), `${thin ? "thinfuzz" : "difffuzz"}-seed-${seed}.sh`);
  writeFileSync(tmp, script);
  const t0 = process.hrtime.bigint();
  let out;
  try {
    out = execFileSync(run, [tmp], {
      env: { ...process.env, KERNEL_DM_TIMEOUT: process.env.KERNEL_DM_TIMEOUT ?? "90" },
      maxBuffer: 64 << 20,
    });
  } catch (e) {
    console.error(`seed ${seed}: kernel-dm/run failed: ${e.message}`);
    continue;
  }
  writeFileSync(`${base}.sh`, script);
  writeFileSync(`${base}.out`, out);
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  console.log(`seed ${seed}: ${out.length} bytes in ${s.toFixed(1)} s`);
}
