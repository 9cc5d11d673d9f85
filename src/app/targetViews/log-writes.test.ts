/**
 * The log-writes viewer's model against the engine: the log it reads from the disk is the one
 * the target wrote, and its crash-point script, run through dmsh, gives back the device as it
 * was at each mark.
 */

import { describe, expect, it } from "vitest";
import { Engine } from "../../engine/index.ts";
import { LOG_MARK_FLAG, readLog } from "../../engine/log-writes-format.ts";
import { runTranscript } from "../../shell/index.ts";
import { crashCheckScript, crashPoints, parseLogWritesArgs } from "./log-writes.tsx";

const text = (b: Uint8Array) => Buffer.from(b).toString("latin1");

describe("log-writes view", () => {
  it("parses the table line", () => {
    expect(parseLogWritesArgs("1:0 1:1")).toEqual({ dev: "1:0", logdev: "1:1" });
    expect(parseLogWritesArgs("1:0")).toBeNull();
  });

  it("checks the md5 at each crash point as the device was there", async () => {
    const e = new Engine({ seed: 3 });
    const first = await runTranscript(
      `modprobe brd rd_nr=3 rd_size=2048
dmsetup create lw --table "0 4096 log-writes /dev/ram0 /dev/ram1"
for i in 1 2 3; do
  dd if=/dev/urandom of=/dev/mapper/lw bs=4096 seek=$((i * 5)) count=$i oflag=direct 2>/dev/null
  dd if=/dev/urandom of=/dev/mapper/lw bs=4096 seek=$((i * 40)) count=1 oflag=direct conv=fsync 2>/dev/null
  echo "at m$i: $(md5sum < /dev/mapper/lw | cut -d' ' -f1)"
  dmsetup message lw 0 mark m$i
done
`,
      { engine: e },
    );
    const at = [...text(first.output).matchAll(/^at (m\d): (\w+)$/gm)].map((m) => [m[1], m[2]]);
    expect(at).toHaveLength(3);
    await e.settled();
    const size = 2048 * 1024;
    const bytes = await e.read("/dev/ram1", 0, size);
    const log = readLog((off, len) => bytes.slice(off, off + len), size);
    expect(log.error).toBeNull();
    const marks = crashPoints(log.entries, "marks");
    expect(marks.map((m) => m.mark)).toEqual(["m1", "m2", "m3"]);
    expect(marks.every((m) => m.flags & LOG_MARK_FLAG)).toBe(true);
    // Every flush and mark: 3 flushes and 3 marks.
    expect(crashPoints(log.entries, "durable")).toHaveLength(6);
    const script = crashCheckScript("/dev/ram1", "/dev/ram2", marks, { sizeBytes: size });
    const second = await runTranscript(script, { engine: e });
    const got = [...text(second.output).matchAll(/^entry \d+ \(mark (m\d)\): (\w+)$/gm)].map(
      (m) => [m[1], m[2]],
    );
    expect(got).toEqual(at);
  });
});
