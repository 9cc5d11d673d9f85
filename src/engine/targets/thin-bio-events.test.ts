/**
 * A thin bio's own steps (docs/events.md): the lookup of its block (`thin_lookup`, a bio event)
 * and the allocation of a new data block (`thin_alloc`, how the block is filled), both naming the
 * clone the thin target mapped (the id of its `bio_map`), in order between its map and its
 * end_io; the zero or copy bios are the thin target's own bios.
 */

import { describe, expect, it } from "vitest";
import { createShell } from "../../shell/index.ts";
import { Engine } from "../index.ts";
import { EV, type EngineEvent } from "../events.ts";
import type { BlkStatus } from "../types.ts";

const BLOCK = 128; // sectors: 64 KiB data blocks

async function setup(seed = 7) {
  const e = new Engine({ seed });
  const sh = createShell(e);
  const run = (script: string) => sh.run(script, { onOutput: () => undefined });
  expect(
    await run(
      [
        "modprobe brd rd_nr=2 rd_size=16384",
        'dmsetup create pool --table "0 16384 thin-pool /dev/ram0 /dev/ram1 128 0"',
        "dmsetup message pool 0 create_thin 0",
        'dmsetup create t0 --table "0 2048 thin /dev/mapper/pool 0"',
      ].join("\n"),
    ),
  ).toBe(0);
  const t0 = e.lookup("/dev/mapper/t0")!;
  /** One I/O to t0; the events it caused, and the clone at t0 (the bio thin mapped). */
  const io = async (
    op: "READ" | "WRITE",
    sector: number,
    sectors: number,
    name = "t0",
  ): Promise<{ status: BlkStatus; events: EngineEvent[]; clone: number; dev: number }> => {
    const from = e.events.seq;
    const dev = e.lookup(`/dev/mapper/${name}`)!;
    const data = new Uint8Array(sectors * 512).fill(op === "WRITE" ? 0x5a : 0);
    const status = await e.io(dev, op, sector, data);
    // The pool's worker finishes the mapping before the bio ends; commits may follow later.
    const events = e.events.since(from);
    const root = events.find((x) => x.type === EV.BIO_SUBMIT && x.dev === dev.dev && x.b === 0)!;
    const clone = events.find((x) => x.type === EV.BIO_CLONE && x.a === root.bio)!.bio;
    return { status, events, clone, dev: dev.dev };
  };
  return { e, run, io, t0 };
}

const steps = (events: EngineEvent[], bio: number) =>
  events
    .filter((x) => x.bio === bio)
    .filter((x) =>
      ([EV.BIO_MAP, EV.THIN_LOOKUP, EV.THIN_ALLOC, EV.BIO_ENDIO] as number[]).includes(x.type),
    )
    .map((x) =>
      x.type === EV.BIO_MAP
        ? `map ${x.mapState}`
        : x.type === EV.BIO_ENDIO
          ? `endio ${x.status}`
          : `${x.kind} ${x.sector} ${x.a} ${x.text}`,
    );

describe("thin_lookup and thin_alloc: a thin bio's lookup and allocation", () => {
  it("a write to an unmapped block: looked up unmapped, a new block zeroed, named by its clone", async () => {
    const { io } = await setup();
    const w = await io("WRITE", 3 * BLOCK + 8, 8);
    expect(w.status).toBe("OK");
    // At map: unmapped (the worker provisions it); the worker looks it up again, allocates.
    expect(steps(w.events, w.clone)).toEqual([
      "thin_lookup 3 -1 unmapped",
      "map SUBMITTED",
      "thin_lookup 3 -1 unmapped",
      "thin_alloc 3 0 zero",
      "endio OK",
    ]);
    const alloc = w.events.find((x) => x.type === EV.THIN_ALLOC)!;
    expect(alloc).toMatchObject({ dev: w.dev, sector: 3, sectors: BLOCK, a: 0 });
    // The zeroing bios are the thin target's own, issued after the allocation, to data block 0.
    const own = w.events.filter(
      (x) => x.type === EV.BIO_SUBMIT && x.issuer?.dev === w.dev && x.seq > alloc.seq,
    );
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((x) => x.sector >= 0 && x.sector < BLOCK)).toBe(true);
    // The mapping is inserted after the allocation (thin_map, kept without a bio).
    const map = w.events.find((x) => x.type === EV.THIN_MAP)!;
    expect(map).toMatchObject({ sector: 3, a: 0, text: "zero", bio: 0 });
    expect(map.seq).toBeGreaterThan(alloc.seq);
  });

  it("a read of a mapped block: looked up mapped at map time, no allocation", async () => {
    const { io } = await setup();
    await io("WRITE", 5 * BLOCK, 8);
    const r = await io("READ", 5 * BLOCK, 8);
    expect(steps(r.events, r.clone)).toEqual([
      "thin_lookup 5 0 mapped",
      "map REMAPPED",
      "endio OK",
    ]);
    expect(r.events.some((x) => x.type === EV.THIN_ALLOC)).toBe(false);
  });

  it("a read of an unmapped block: looked up unmapped, and zeroes without an allocation", async () => {
    const { io } = await setup();
    const r = await io("READ", 7 * BLOCK, 8);
    expect(steps(r.events, r.clone)).toEqual([
      "thin_lookup 7 -1 unmapped",
      "map SUBMITTED",
      "thin_lookup 7 -1 unmapped",
      "endio OK",
    ]);
  });

  it("a full-block write to an unmapped block: allocated as an overwrite", async () => {
    const { io } = await setup();
    const w = await io("WRITE", 2 * BLOCK, BLOCK);
    expect(steps(w.events, w.clone)).toEqual([
      "thin_lookup 2 -1 unmapped",
      "map SUBMITTED",
      "thin_lookup 2 -1 unmapped",
      "thin_alloc 2 0 overwrite",
      "endio OK",
    ]);
  });

  it("a write to a block shared with a snapshot: looked up shared, copied (breaks sharing)", async () => {
    const { run, io } = await setup();
    await io("WRITE", 3 * BLOCK, 8);
    expect(
      await run(
        [
          "dmsetup suspend t0",
          "dmsetup message pool 0 create_snap 1 0",
          "dmsetup resume t0",
          'dmsetup create s1 --table "0 2048 thin /dev/mapper/pool 1"',
        ].join("\n"),
      ),
    ).toBe(0);
    const w = await io("WRITE", 3 * BLOCK + 16, 8);
    expect(w.status).toBe("OK");
    const got = steps(w.events, w.clone);
    // The worker's lookup says shared; the new block 1 gets a copy of block 0.
    expect(got.slice(-3)).toEqual(["thin_lookup 3 0 shared", "thin_alloc 3 1 copy 0", "endio OK"]);
    expect(got[got.length - 5]).toMatch(/^thin_lookup 3 (0 shared|-1 deferred: would block)$/);
    // The snapshot's block 3 is still data block 0, mapped before the snapshot was taken: Linux
    // calls it shared by time (__snapshotted_since), not by reference count, so a write copies.
    const s = await io("WRITE", 3 * BLOCK, 8, "s1");
    expect(steps(s.events, s.clone).slice(-3)).toEqual([
      "thin_lookup 3 0 shared",
      "thin_alloc 3 2 copy 0",
      "endio OK",
    ]);
    // A full-block write to a shared block is an overwrite that breaks the sharing.
    await io("WRITE", 4 * BLOCK, 8);
    expect(await run("dmsetup message pool 0 create_snap 2 0")).toBe(0);
    const o = await io("WRITE", 4 * BLOCK, BLOCK);
    const fill = o.events.find((x) => x.type === EV.THIN_ALLOC && x.bio === o.clone);
    expect(fill?.text).toMatch(/^overwrite \d+$/);
  });

  it("the same script gives the same events", async () => {
    const trace = async () => {
      const { e, io } = await setup(11);
      await io("WRITE", 0, 8);
      await io("WRITE", BLOCK, BLOCK);
      await io("READ", 0, 8);
      return e.events
        .since(0)
        .filter((x) => x.type === EV.THIN_LOOKUP || x.type === EV.THIN_ALLOC)
        .map((x) => [x.time, x.bio, x.sector, x.a, x.text]);
    };
    const a = await trace();
    expect(a.length).toBeGreaterThan(4);
    expect(await trace()).toEqual(a);
  });

  it("thin_lookup is not recorded while bio events are off; thin_alloc is", async () => {
    const { e, io } = await setup();
    e.events.bioEvents = false;
    const from = e.events.seq;
    await e.io(e.lookup("/dev/mapper/t0")!, "WRITE", 0, new Uint8Array(4096));
    const got = e.events.since(from);
    expect(got.some((x) => x.type === EV.THIN_LOOKUP)).toBe(false);
    expect(got.filter((x) => x.type === EV.THIN_ALLOC).map((x) => x.text)).toEqual(["zero"]);
    e.events.bioEvents = true;
    void io;
  });
});
