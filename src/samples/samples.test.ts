/**
 * Every sample's script runs headless (dmsh on a fresh engine) and prints what it should:
 * the samples of src/samples/index.ts are the editor's "New from sample" menu, and this is
 * what keeps them working.
 */

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Engine } from "../engine/index.ts";
import { createShell } from "../shell/index.ts";
import { SAMPLES, sampleSource } from "./index.ts";

async function runSample(file: string): Promise<{ out: string; status: number; engine: Engine }> {
  const s = SAMPLES.find((x) => x.file === file)!;
  const engine = new Engine({ seed: 1 });
  const shell = createShell(engine);
  await shell.fs.writeFile(`/tmp/${file}`, readFileSync(join(import.meta.dirname, file), "utf8"));
  let out = "";
  const status = await shell.run(s.script, { onOutput: (_st, t) => (out += t) });
  return { out, status, engine };
}

describe("samples", () => {
  it("lists one entry per sample file, each bundled as raw text", async () => {
    for (const s of SAMPLES) {
      const text = await sampleSource(s.file);
      expect(text).toBe(readFileSync(join(import.meta.dirname, s.file), "utf8"));
      expect(text).toContain("export default defineTarget");
    }
  });

  it("ulinear maps like linear: the device's data is the disk's at the offset", async () => {
    const { out, status } = await runSample("dm-ulinear.ts");
    expect(status).toBe(0);
    const sums = out.match(/^[0-9a-f]{32} {2}-$/gm)!;
    expect(sums).toHaveLength(2);
    expect(sums[0]).toBe(sums[1]);
    expect(out).toContain("0 4096 ulinear 1:0 2048\n");
    expect(out).toMatch(/^dm_ulinear +4096 {2}1 $/m);
  });

  it("proxy counts reads, writes and sizes in status and the stats message", async () => {
    const { out } = await runSample("dm-proxy.ts");
    expect(out).toContain(
      "0 8192 proxy reads 1 writes 3 read_bytes 65536 write_bytes 12288 flushes 0 discards 0 max_bio 65536\n",
    );
    expect(out).toContain("reads 1\nwrites 3\nread_bytes 65536\nwrite_bytes 12288\n");
    expect(out).toContain(
      "0 8192 proxy reads 0 writes 0 read_bytes 0 write_bytes 0 flushes 0 discards 0 max_bio 0\n",
    );
  });

  it("stash owns its bios (SUBMITTED) and ends them itself, later", async () => {
    const { out, engine } = await runSample("dm-stash.ts");
    expect(out).toContain("hello stash\n");
    expect(out).toContain("0 2048 stash 250\n");
    const maps = engine.events.since(0).filter((e) => e.kind === "bio_map");
    expect(maps.length).toBeGreaterThan(0);
    expect(maps.every((e) => e.mapState === "SUBMITTED")).toBe(true);
    // Ended 250 virtual µs after it was mapped.
    const done = engine.events.since(0).filter((e) => e.kind === "bio_complete");
    expect(done.some((e) => e.b >= 250_000)).toBe(true);
  });

  it("wbcache keeps writes in the cache until flushed, then the origin has them", async () => {
    const { out } = await runSample("dm-wbcache.ts");
    const sums = out.match(/^[0-9a-f]{32} {2}-$/gm)!;
    expect(sums).toHaveLength(2);
    expect(sums[0]).toBe(sums[1]);
    expect(out).toContain("cached 16 dirty 16 read_hits 16 read_misses 0");
    expect(out).toContain("writing back 16 blocks\n");
    expect(out).toContain(
      "cached 16 dirty 0 read_hits 16 read_misses 0 write_hits 0 writebacks 16",
    );
  });

  for (const s of SAMPLES.filter((x) => !x.trips)) {
    it(`${s.file} runs without a fault or a contract warning`, async () => {
      const { status, engine } = await runSample(s.file);
      expect(status).toBe(0);
      expect(engine.modules.problems()).toEqual([]);
      expect(engine.faults).toEqual([]);
    });
  }

  for (const s of SAMPLES.filter((x) => x.trips)) {
    it(`${s.file} trips the ${s.trips} check`, async () => {
      const { out, engine } = await runSample(s.file);
      expect(out).toMatch(new RegExp(`contract: .*\\(${s.file}:\\d+\\) \\[${s.trips}\\]`));
      const problems = engine.modules.problems();
      expect(problems.map((p) => p.check)).toEqual([s.trips]);
      expect(problems[0]!.file).toBe(s.file);
      expect(problems[0]!.line).toBeGreaterThan(0);
      const ev = engine.events.since(0).filter((e) => e.kind === "contract_warning");
      expect(ev).toHaveLength(1);
    });
  }
});
