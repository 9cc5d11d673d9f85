import { describe, expect, it } from "vitest";
import type { DmSnapshot } from "../../engine/targets/snapshot.ts";
import { HistoryIndex } from "../history/indexes.ts";
import { recordEngine } from "../history/testing.ts";
import { viewsFor } from "./index.ts";
import { cowChunkKind, devNumber, parseSnapshotArgs, snapshotModel } from "./snapshot.tsx";

// The recorded engine's scenario has two 16 MiB RAM disks (under `concat`, which stays idle).
const SETUP = [
  "dmsetup create o --table '0 8192 snapshot-origin /dev/ram0'",
  "dmsetup create s --table '0 8192 snapshot /dev/ram0 /dev/ram1 P 8'",
].join("\n");

/** The engine's own exception table of the snapshot device `name`, as origin → COW chunk. */
function engineExceptions(e: Awaited<ReturnType<typeof recordEngine>>["engine"], name: string) {
  const s = e.dm.byName(name)!.live!.targets[0]!.private as DmSnapshot;
  const out = new Map<number, number>();
  for (const x of s.complete.list())
    for (let k = 0; k <= x.consecutive; k++) out.set(x.oldChunk + k, x.newChunk + k);
  return out;
}

describe("the snapshot's view", () => {
  it("is registered for snapshot and snapshot-merge", () => {
    expect(viewsFor("snapshot").map((v) => v.title)).toEqual(["exception table"]);
    expect(viewsFor("snapshot-merge").map((v) => v.title)).toEqual(["exception table and merge"]);
  });

  it("reads table lines as dmsetup table prints them, and the persistent layout", () => {
    expect(parseSnapshotArgs("254:0 1:1 PO 16 1 discard_zeroes_cow")).toEqual({
      origin: "254:0",
      cow: "1:1",
      store: "PO",
      chunk: 16,
      features: ["discard_zeroes_cow"],
    });
    expect(parseSnapshotArgs("254:0")).toBeNull();
    expect(devNumber("254:3")).toBe(254 * 0x100000 + 3);
    // chunk 8: 256 exceptions per area; header, area 0, 256 data chunks, area 1 at 258.
    expect([0, 1, 2, 257, 258, 259].map((c) => cowChunkKind("P", 8, c))).toEqual([
      "header",
      "metadata",
      "data",
      "data",
      "metadata",
      "data",
    ]);
    expect(cowChunkKind("N", 8, 0)).toBe("data");
  });

  it("has the engine's exceptions after origin and snapshot writes, a reopen and a merge", async () => {
    const { engine: e, history: h, run } = await recordEngine();
    expect(await run(SETUP)).toBe(0);
    expect(
      await run(
        [
          "dd if=/dev/urandom of=/dev/mapper/o bs=4096 seek=1 count=3 oflag=direct",
          "dd if=/dev/urandom of=/dev/mapper/s bs=512 seek=80 count=3 oflag=direct",
          "dd if=/dev/mapper/s of=/dev/null bs=4096 count=4 iflag=direct",
        ].join("\n"),
      ),
    ).toBe(0);
    const index = new HistoryIndex(h);
    const sDev = e.dm.byName("s")!.dev;
    const cow = devNumber("1:1");
    let m = snapshotModel(sDev, 0, 8, cow, h, index, h.head);
    expect(m.exceptions).toEqual(engineExceptions(e, "s"));
    expect([...m.exceptions.keys()].sort((a, b) => a - b)).toEqual([1, 2, 3, 10]);
    // The last read of the snapshot: chunks 0..3, 1..3 from the COW, 0 from the origin.
    expect(m.recent.slice(-4)).toEqual([
      { chunk: 0, write: false, cow: false },
      { chunk: 1, write: false, cow: true },
      { chunk: 2, write: false, cow: true },
      { chunk: 3, write: false, cow: true },
    ]);
    // Removed and made again from the same COW: the exceptions read back.
    expect(
      await run(
        "dmsetup remove s\ndmsetup create s --table '0 8192 snapshot /dev/ram0 /dev/ram1 P 8'",
      ),
    ).toBe(0);
    const s2 = e.dm.byName("s")!.dev;
    m = snapshotModel(s2, 0, 8, cow, h, index, h.head);
    expect(m.exceptions).toEqual(engineExceptions(e, "s"));
    // Merged back into the origin, as LVM does it.
    expect(
      await run(
        [
          "dmsetup suspend s",
          "dmsetup suspend o",
          "dmsetup load o --table '0 8192 snapshot-merge /dev/ram0 /dev/ram1 P 8'",
          "dmsetup resume o",
          "sleep 1",
        ].join("\n"),
      ),
    ).toBe(0);
    const oDev = e.dm.byName("o")!.dev;
    // The merge's table line says chunk size 0 (a handover destination, as Linux prints it):
    // the handover's snap_state event has it.
    expect(e.dm.status("o", "TABLE")[0]!.params).toBe("1:0 1:1 P 8");
    m = snapshotModel(oDev, 0, 0, cow, h, index, h.head);
    expect(m.chunk).toBe(8);
    expect(m.exceptions.size).toBe(0);
    expect(m.mergeDone).toBe(true);
    expect(m.merged).toBe(4);
    expect(m.mergeTotal).toBe(4);
  });
});
