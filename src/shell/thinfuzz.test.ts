/**
 * The thin-provisioning differential fuzzer's golden seeds: golden/thinfuzz/seed-NNN.sh is the
 * script src/shell/thinfuzz.ts generates for seed NNN, and seed-NNN.out what real Linux (Debian's
 * 6.1.192, dmsetup 1.02.185, busybox, thin-provisioning-tools 0.9) printed for it, recorded by
 * `scripts/record-fuzz.mjs --thin`. Each script runs through dmsh on a fresh engine and must print
 * the same bytes, the metadata device's md5sum included.
 */

import { join } from "node:path";
import { generateThinFuzzScript } from "./thinfuzz.ts";
import { replaySeeds } from "./test/replaySeeds.ts";

replaySeeds(
  "thin differential fuzzer: recorded seeds replayed through dmsh",
  join(import.meta.dirname, "../../golden/thinfuzz"),
  generateThinFuzzScript,
  "scripts/record-fuzz.mjs --thin FIRST LAST --force",
);
