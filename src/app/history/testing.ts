/**
 * Test helper: runs dmsh scripts on a fresh engine and records its events into an
 * EventHistory, as the page's drain would.
 */

import { Engine, RECORD_SLOTS } from "../../engine/index.ts";
import { createShell } from "../../shell/index.ts";
import { EventHistory } from "./history.ts";

export const SCENARIO = [
  "modprobe brd rd_nr=2 rd_size=16384",
  "dmsetup create concat <<'EOF'\n0 16384 linear /dev/ram0 0\n16384 16384 linear /dev/ram1 0\nEOF",
  "dmsetup create bad --table '0 1024 error'",
].join("\n");

export interface Recorded {
  engine: Engine;
  history: EventHistory;
  /** Runs a script and records the events it produced. */
  run(script: string): Promise<number>;
}

export async function recordEngine(
  opts: { capacity?: number; chunkRecords?: number } = {},
): Promise<Recorded> {
  const engine = new Engine({ seed: 1 });
  const shell = createShell(engine);
  const history = new EventHistory({ ...opts, strings: (id) => engine.events.strings[id] });
  let seen = 0;
  const out = new Float64Array(RECORD_SLOTS);
  const pump = () => {
    const log = engine.events;
    for (; seen < log.seq; seen++) {
      log.copySince(seen, out);
      history.append(out, 0);
    }
  };
  const run = async (script: string) => {
    const code = await shell.run(script, { onOutput: () => undefined });
    pump();
    return code;
  };
  await run(SCENARIO);
  return { engine, history, run };
}
