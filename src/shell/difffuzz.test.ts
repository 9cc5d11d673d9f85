/**
 * The differential fuzzer's golden seeds: golden/fuzz/seed-NNN.sh is the script
 * src/shell/difffuzz.ts generates for seed NNN, and seed-NNN.out what real Linux (Debian's
 * 6.1.192, dmsetup 1.02.185, busybox) printed for it, recorded by scripts/record-fuzz.mjs. Each
 * script runs through dmsh on a fresh engine and must print the same bytes.
 */

import { join } from "node:path";
import { generateFuzzScript } from "./difffuzz.ts";
import { replaySeeds } from "./test/replaySeeds.ts";

replaySeeds(
  "differential fuzzer: recorded seeds replayed through dmsh",
  join(import.meta.dirname, "../../golden/fuzz"),
  generateFuzzScript,
  "scripts/record-fuzz.mjs FIRST LAST --force",
);
