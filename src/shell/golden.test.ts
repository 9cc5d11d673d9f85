/**
 * The golden suite: every golden/NNN-*.sh was run once on real Linux (kernel 6.1, dmsetup
 * 1.02.185, busybox) by ../shared/tools/kernel-dm/run, and its output committed next to it as
 * NNN-*.out. Here each script runs through dmsh on a fresh engine and must print the same
 * bytes, `exit status N` included.
 */

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Engine } from "../engine/index.ts";
import { runTranscript } from "./index.ts";

const dir = join(import.meta.dirname, "../../golden");
const scripts = readdirSync(dir)
  .filter((f) => /^\d{3}-.*\.sh$/.test(f))
  .sort();

/** Target types dm-playground implements, as `dmsetup targets` names them. */
const implemented = new Set(new Engine().targets.loaded().map((t) => t.name));

/**
 * Known differences, each one also in README's "Differences from Linux". The function turns what
 * Linux printed into what dm-playground must print instead; the test still requires those bytes
 * exactly.
 */
const KNOWN_DIFFERENCES: Record<string, (linux: string) => string> = {
  // Debian loads every target module at boot; dm-playground lists the targets it implements
  // (with the kernel's versions, in the kernel's order).
  "030-version-targets.sh": (linux) =>
    linux
      .split("\n")
      .filter((line) => !/^\S+ +v\d+\.\d+\.\d+$/.test(line) || implemented.has(line.split(" ")[0]!))
      .join("\n"),
};

describe("golden outputs from real Linux", () => {
  for (const file of scripts) {
    it(file, async () => {
      // Every script has its recorded output: a script without one is a mistake, not a skip.
      const linux = readFileSync(join(dir, file.replace(/\.sh$/, ".out")), "latin1");
      const expected = KNOWN_DIFFERENCES[file]?.(linux) ?? linux;
      const script = readFileSync(join(dir, file), "utf8");
      const { output } = await runTranscript(script, { seed: 1 });
      expect(Buffer.from(output).toString("latin1")).toBe(expected);
    });
  }
});
