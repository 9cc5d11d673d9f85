import { describe, expect, it } from "vitest";
import { EV, ev } from "../../engine/events.ts";
import { devString, OP_READ } from "../history/model.ts";
import { HistoryIndex } from "../history/indexes.ts";
import { recordEngine } from "../history/testing.ts";
import { TARGET_VIEWS, viewsFor } from "./index.ts";
import { chunkTraffic, parseStripedArgs, stripeMapSector } from "./striped.tsx";

const TABLE = "0 8192 striped 2 64 /dev/ram0 16384 /dev/ram1 16384";

describe("the striped target's view", () => {
  it("is registered for its type", () => {
    expect(viewsFor("striped").map((v) => v.title)).toEqual(["chunk placement"]);
    expect(viewsFor("linear")).toEqual([]);
    expect(new Set(TARGET_VIEWS.map((v) => `${v.type}/${v.title}`)).size).toBe(TARGET_VIEWS.length);
  });

  it("reads the table line as dmsetup table prints it", () => {
    expect(parseStripedArgs("2 64 1:0 16384 1:1 16384")).toEqual({
      stripes: 2,
      chunk: 64,
      devices: [
        { dev: "1:0", offset: 16384 },
        { dev: "1:1", offset: 16384 },
      ],
    });
    expect(parseStripedArgs("1:0 0")).toBeNull();
    expect(parseStripedArgs("2 64 1:0 16384")).toBeNull();
  });

  it("places every piece where the engine remapped it, and counts writes by chunk", async () => {
    const { history: h, run } = await recordEngine();
    expect(await run(`dmsetup create stripes --table '${TABLE}'`)).toBe(0);
    const start = h.head;
    // 16 KiB at sector 24: chunk 0 (24..63), chunk 1 (64..87); then a read of chunk 5.
    expect(
      await run("dd if=/dev/urandom of=/dev/mapper/stripes bs=8k count=2 seek=3 oflag=direct"),
    ).toBe(0);
    expect(
      await run("dd if=/dev/mapper/stripes of=/dev/null bs=32k count=1 skip=5 iflag=direct"),
    ).toBe(0);
    const p = parseStripedArgs("2 64 1:0 16384 1:1 16384")!;
    let remaps = 0;
    let dev = -1;
    h.forEach(start, h.head, (r, o) => {
      if (ev.type(r, o) !== EV.BIO_REMAP || ev.target(r, o) !== 0) return;
      dev = ev.fromDev(r, o);
      // The clone's sector before the remap is its bio_clone's.
      remaps++;
    });
    expect(remaps).toBeGreaterThan(0);
    const index = new HistoryIndex(h);
    for (let i = start; i < h.head; i++) {
      if (h.type(i) !== EV.BIO_REMAP || h.get(i, ev.fromDev) !== dev) continue;
      const clone = index.bioRecords(h.bio(i), i).find((j) => h.type(j) === EV.BIO_CLONE)!;
      const at = stripeMapSector(p, h.get(clone, ev.sector));
      expect(devString(h.dev(i))).toBe(p.devices[at.stripe]!.dev);
      expect(h.get(i, ev.sector)).toBe(at.sector);
    }
    const t = chunkTraffic(p, 0, 8192, dev, 0, h, index, h.head);
    expect([...t.writes.slice(0, 3)]).toEqual([1, 1, 0]);
    expect(t.reads[5]).toBe(1);
    expect(t.writes.reduce((a, b) => a + b, 0)).toBe(2);
    expect(t.reads.reduce((a, b) => a + b, 0)).toBe(1);
    expect(t.latest).toEqual([0, 1, 5]);
    // Scrubbed back to the read's submission: the writes only.
    let read = start;
    while (h.type(read) !== EV.BIO_SUBMIT || h.get(read, ev.op) !== OP_READ) read++;
    const before = chunkTraffic(p, 0, 8192, dev, 0, h, index, read);
    expect([before.pieces, before.reads[5], before.writes[0], before.writes[1]]).toEqual([
      2, 0, 1, 1,
    ]);
    expect(before.latest).toEqual([0, 1]);
  });
});
