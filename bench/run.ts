/**
 * `npm run bench`: every benchmark in sequence, each under its own header. Figures are printed,
 * not asserted (see each file for what it measures and its goals).
 *
 *   engine   bios/s through the engine in Node (bench/engine.ts)
 *   modules  a user-written linear (insmod) vs the built-in, and insmod to usable (bench/modules.ts)
 *   pdata    thin metadata btree lookups/s, provisioning/s, a commit (bench/pdata.ts)
 *   snapshot 4 KiB random writes to an origin with a snapshot vs linear (bench/snapshot.ts)
 *   thin     4 KiB random writes to a thin volume (provisioning, overwrites, breaking sharing) vs linear (bench/thin.ts)
 *   golden   the golden suite through dmsh against the real kernel's timings (bench/golden.ts)
 *   app      initial download and time to the first drawn stack, in Chromium (bench/app.ts)
 *   fps      frames per second and engine throughput with the views on and off (bench/fps.ts)
 *   pacer    the paced clock's error against wall time at 1x and 10x (bench/tab.ts)
 *   tab      dd, md5sum and the golden suite in the browser tab against headless (bench/tab.ts)
 *
 * `npm run bench -- fps app` runs only the sections named.
 */

import { benchApp, printApp } from "./app.ts";
import { benchEngine } from "./engine.ts";
import { benchFps, printFps } from "./fps.ts";
import { benchGolden } from "./golden.ts";
import { benchModules } from "./modules.ts";
import { benchPdata } from "./pdata.ts";
import { benchSnapshot } from "./snapshot.ts";
import { benchPacer, benchTab, printPacer, printTab } from "./tab.ts";
import { benchThin } from "./thin.ts";

const SECTIONS: Array<[string, string, () => Promise<void>]> = [
  ["engine", "engine (Node)", () => benchEngine()],
  ["modules", "user target modules (Node)", () => benchModules()],
  ["pdata", "persistent-data: thin metadata (Node)", () => benchPdata()],
  ["snapshot", "snapshots: origin writes vs linear (Node)", () => benchSnapshot()],
  ["thin", "thin provisioning: thin volume writes vs linear (Node)", () => benchThin()],
  ["golden", "golden suite through dmsh", async () => void (await benchGolden())],
  ["app", "web app", async () => printApp(await benchApp())],
  ["fps", "FPS probe", async () => printFps(await benchFps())],
  ["pacer", "paced clock (Node)", async () => printPacer(await benchPacer())],
  ["tab", "the tab against headless", async () => printTab(await benchTab())],
];

const only = process.argv.slice(2);
const unknown = only.filter((n) => !SECTIONS.some(([name]) => name === n));
if (unknown.length > 0) {
  console.error(
    `bench: unknown section ${unknown.join(", ")} (have ${SECTIONS.map(([n]) => n).join(", ")})`,
  );
  process.exit(2);
}

let failed = 0;
for (const [name, title, run] of SECTIONS) {
  if (only.length > 0 && !only.includes(name)) continue;
  console.log(`\n=== ${title} ${"=".repeat(Math.max(0, 86 - title.length))}`);
  const t0 = performance.now();
  try {
    await run();
  } catch (e) {
    failed++;
    console.error(`${name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  }
  console.log(`(${name}: ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
}
process.exitCode = failed > 0 ? 1 : 0;
