/**
 * The log-writes viewer's model against the engine: the log it reads from the disk is the one
 * the target wrote, and its crash-point script, run through dmsh, gives back the device as it
 * was at each mark.
 */

import { describe, expect, it } from "vitest";
import { Engine } from "../../engine/index.ts";
import { LOG_MARK_FLAG, readLog } from "../../engine/log-writes-format.ts";
import { runTranscript } from "../../shell/index.ts";
import {
  crashCheckScript,
  crashPoints,
  parseLogWritesArgs,
  replayCandidates,
} from "./log-writes.tsx";

const text = (b: Uint8Array) => Buffer.from(b).toString("latin1");

describe("log-writes view", () => {
  it("parses the table line", () => {
    expect(parseLogWritesArgs("1:0 1:1")).toEqual({ dev: "1:0", logdev: "1:1" });
    expect(parseLogWritesArgs("1:0")).toBeNull();
  });

  it("offers neither the log-writes device, nor its log, nor what writes through them as replay targets", () => {
    // ram0 data, ram1 log, lw = log-writes on them; top on lw, onlog on ram1 and deeper on
    // onlog; free on ram2; ondata on ram0 (the data device's other user: still a target).
    const block = [
      ["ram0", "1:0"],
      ["ram1", "1:1"],
      ["ram2", "1:2"],
      ["ram3", "1:3"],
      ["dm-0", "254:0"],
      ["dm-1", "254:1"],
      ["dm-2", "254:2"],
      ["dm-3", "254:3"],
      ["dm-4", "254:4"],
      ["dm-5", "254:5"],
    ].map(([name, dev]) => ({ name: name!, dev: dev! }));
    const on = (dev: string, ...lower: string[]) => ({
      dev,
      live: [
        {
          start: 0,
          length: 8,
          type: "linear",
          args: "",
          maps: lower.map((l) => ({ dev: l, start: 0, length: 8 })),
        },
      ],
    });
    const devices = [
      on("254:0", "1:0"), // lw: iterate_devices names only the data device, as on Linux
      on("254:1", "254:0"), // top
      on("254:2", "1:1"), // onlog
      on("254:3", "254:2"), // deeper
      on("254:4", "1:2"), // free
      on("254:5", "1:0"), // ondata
      { dev: "254:9", live: null }, // no table
    ];
    const ends = { self: "254:0", log: "1:1", data: "1:0" };
    expect(replayCandidates(block, devices, ends)).toEqual(["ram2", "ram3", "dm-4", "dm-5"]);
    // Names and paths are taken for the ends too (a table line with /dev paths).
    expect(
      replayCandidates(block, devices, { self: "dm-0", log: "/dev/ram1", data: "ram0" }),
    ).toEqual(["ram2", "ram3", "dm-4", "dm-5"]);
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
