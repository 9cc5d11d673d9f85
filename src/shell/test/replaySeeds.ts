/**
 * Replays a differential fuzzer's recorded seeds (golden/<dir>/seed-NNN.sh and .out, recorded on
 * the kernel tool by scripts/record-fuzz.mjs) through dmsh, one Vitest test per seed: the
 * recorded script must still be what the generator makes for that seed, and dmsh must print
 * Linux's bytes. Used by difffuzz.test.ts and thinfuzz.test.ts.
 */

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runTranscript } from "../index.ts";

export function replaySeeds(
  title: string,
  dir: string,
  generate: (seed: number) => string,
  rerecord: string,
  /** Seeds whose output still differs from Linux's, with the reason (README, Differences). */
  knownDifferences: Record<string, string> = {},
): void {
  const scripts = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => /^seed-\d{3}\.sh$/.test(f))
        .sort()
    : [];
  describe(title, () => {
    it("has recorded seeds", () => {
      expect(scripts.length).toBeGreaterThan(0);
    });
    for (const file of scripts) {
      const seed = Number(/\d+/.exec(file)![0]);
      it(file, async () => {
        const script = readFileSync(join(dir, file), "utf8");
        // The recorded script is what the generator makes today: a change to the generator
        // that alters old seeds must re-record them.
        expect(script, `re-record: ${rerecord}`).toBe(generate(seed));
        const linux = readFileSync(join(dir, file.replace(/\.sh$/, ".out")), "latin1");
        const { output } = await runTranscript(script, { seed: 1 });
        const ours = Buffer.from(output).toString("latin1");
        const known = knownDifferences[file];
        if (known) {
          console.log(`${file}: known difference from Linux, not compared: ${known}`);
          return;
        }
        expect(ours).toBe(linux);
      });
    }
  });
}
