/**
 * The golden suite: every golden/NNN-*.sh was run once on real Linux (kernel 6.1, dmsetup
 * 1.02.185, busybox) by ../shared/tools/kernel-dm/run, and its output committed next to it as
 * NNN-*.out. Here each script runs through dmsh on a fresh engine and must print the same
 * bytes, `exit status N` included.
 */

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runTranscript } from "./index.ts";

const dir = join(import.meta.dirname, "../../golden");
const scripts = readdirSync(dir)
  .filter((f) => /^\d{3}-.*\.sh$/.test(f))
  .sort();

describe("golden outputs from real Linux", () => {
  for (const file of scripts) {
    const outFile = join(dir, file.replace(/\.sh$/, ".out"));
    let expected: string | null = null;
    try {
      expected = readFileSync(outFile, "latin1");
    } catch {
      // Not recorded yet.
    }
    it.skipIf(expected === null)(file, async () => {
      const script = readFileSync(join(dir, file), "utf8");
      const { output } = await runTranscript(script, { seed: 1 });
      expect(Buffer.from(output).toString("latin1")).toBe(expected);
    });
  }
});
