/**
 * Snapshots (snapshot.ts, exception-store/): the completed-exception table, and random writes to
 * an origin and its snapshots checked against a model that keeps a full copy of what each device
 * must read back; then a merge, after which the origin reads what the merged snapshot did. The
 * kernel's own outputs for the same targets are the golden files 500-506.
 */

import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Engine } from "../engine.ts";
import { ShmemFile } from "../shmem.ts";
import { sameBytes } from "../test/helpers.ts";
import { ExceptionTable, snapshotsOf, type DmSnapshot } from "./snapshot.ts";
import { EV, RECORD_SLOTS, ev } from "../events.ts";
import { Md5 } from "../../shell/md5.ts";

describe("the completed exception table (dm_insert_exception, dm_lookup_exception)", () => {
  it("keeps runs of consecutive chunks as one exception, before and after, within a bucket", () => {
    const t = new ExceptionTable();
    t.insert({ oldChunk: 10, newChunk: 2, consecutive: 0 });
    t.insert({ oldChunk: 11, newChunk: 3, consecutive: 0 });
    t.insert({ oldChunk: 9, newChunk: 1, consecutive: 0 });
    t.insert({ oldChunk: 12, newChunk: 9, consecutive: 0 });
    expect(t.list()).toEqual([
      { oldChunk: 9, newChunk: 1, consecutive: 2 },
      { oldChunk: 12, newChunk: 9, consecutive: 0 },
    ]);
    expect(t.lookup(11)).toEqual({ oldChunk: 9, newChunk: 1, consecutive: 2 });
    expect(t.lookup(13)).toBeNull();
    // 255 and 256 are in different buckets (chunk >> 8): never one run.
    t.insert({ oldChunk: 255, newChunk: 40, consecutive: 0 });
    t.insert({ oldChunk: 256, newChunk: 41, consecutive: 0 });
    expect(t.list().filter((e) => e.oldChunk >= 255)).toEqual([
      { oldChunk: 255, newChunk: 40, consecutive: 0 },
      { oldChunk: 256, newChunk: 41, consecutive: 0 },
    ]);
  });
});

const ORIGIN_SECTORS = 512;

async function create(e: Engine, name: string, table: string): Promise<void> {
  e.dm.create(name);
  await e.dm.loadAsync(name, table);
  await e.dm.resume(name);
}

/**
 * An origin with two snapshots, persistent (chunk 8) and transient (chunk 16), created the way
 * LVM does it: the origin is suspended while the snapshots appear and resumed after, so its
 * writes are split at the smallest chunk size.
 */
async function setup(seed: number): Promise<Engine> {
  const e = new Engine({ seed });
  e.loadBrd(3, 1024);
  await create(e, "o", `0 ${ORIGIN_SECTORS} snapshot-origin /dev/ram0`);
  await e.dm.suspend("o");
  await create(e, "s1", `0 ${ORIGIN_SECTORS} snapshot /dev/ram0 /dev/ram1 P 8`);
  await create(e, "s2", `0 ${ORIGIN_SECTORS} snapshot /dev/ram0 /dev/ram2 N 16`);
  await e.dm.resume("o");
  return e;
}

const op = fc.record({
  dev: fc.constantFrom("o", "s1", "s2"),
  write: fc.boolean(),
  at: fc.nat(ORIGIN_SECTORS - 1),
  len: fc.integer({ min: 1, max: 40 }),
  seed: fc.nat(255),
  /** Issued together with the next op (both in flight at once). */
  together: fc.boolean(),
});

describe("snapshot vs a model of every device's contents", () => {
  it("reads back what the model predicts, through copies, overwrites and a merge", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(op, { minLength: 1, maxLength: 30 }),
        fc.nat(9),
        async (ops, seed) => {
          const e = await setup(seed + 1);
          // Fill the origin first (before the snapshots saw anything else, so through o).
          const model: Record<string, Uint8Array> = {
            o: new Uint8Array(ORIGIN_SECTORS * 512),
            s1: new Uint8Array(ORIGIN_SECTORS * 512),
            s2: new Uint8Array(ORIGIN_SECTORS * 512),
          };
          const dev = (n: string) => e.lookup(`/dev/mapper/${n}`)!;
          let batch: Array<Promise<void>> = [];
          // Ops issued together touch distinct devices' ranges only when they do not overlap;
          // overlapping ones run one after the other.
          const inFlight: Array<{ dev: string; from: number; to: number }> = [];
          for (const o of ops) {
            const len = Math.min(o.len, ORIGIN_SECTORS - o.at);
            const from = o.at;
            const to = o.at + len;
            // Anything touching the origin's sectors touches every device's view of them.
            if (inFlight.some((f) => f.from < to && from < f.to)) {
              await Promise.all(batch);
              batch = [];
              inFlight.length = 0;
            }
            const data = new Uint8Array(len * 512);
            if (o.write) {
              for (let k = 0; k < data.length; k++) data[k] = (o.seed + k * 7 + (k >> 9)) & 0xff;
              // What the others must still read: an origin write leaves the snapshots as they were.
              if (o.dev === "o") model.o!.set(data, from * 512);
              else model[o.dev]!.set(data, from * 512);
              batch.push(e.io(dev(o.dev), "WRITE", from, data).then((st) => expect(st).toBe("OK")));
            } else {
              const want = model[o.dev]!.slice(from * 512, to * 512);
              batch.push(
                e.io(dev(o.dev), "READ", from, data).then((st) => {
                  expect(st).toBe("OK");
                  expect(sameBytes(data, want)).toBe(true);
                }),
              );
            }
            inFlight.push({ dev: o.dev, from, to });
            if (!o.together) {
              await Promise.all(batch);
              batch = [];
              inFlight.length = 0;
            }
          }
          await Promise.all(batch);
          for (const n of ["o", "s1", "s2"])
            expect(
              sameBytes(await e.read(`/dev/mapper/${n}`, 0, ORIGIN_SECTORS * 512), model[n]!),
            ).toBe(true);
          // Merge s1 back into the origin as LVM does: s1 and o suspended, o becomes the merge.
          await e.dm.suspend("s1");
          await e.dm.suspend("o");
          await e.dm.loadAsync("o", `0 ${ORIGIN_SECTORS} snapshot-merge /dev/ram0 /dev/ram1 P 8`);
          await e.dm.resume("o");
          // At once, before the merge has copied anything: o reads what s1 held.
          expect(sameBytes(await e.read("/dev/mapper/o", 0, ORIGIN_SECTORS * 512), model.s1!)).toBe(
            true,
          );
          await e.settled();
          const s = e.dm.byName("o")!.live!.targets[0]!.private as DmSnapshot;
          expect(s.complete.list()).toEqual([]);
          expect(sameBytes(await e.read("/dev/ram0", 0, ORIGIN_SECTORS * 512), model.s1!)).toBe(
            true,
          );
          // The transient snapshot kept its contents through the merge's writes to the origin.
          expect(
            sameBytes(await e.read("/dev/mapper/s2", 0, ORIGIN_SECTORS * 512), model.s2!),
          ).toBe(true);
          expect(e.faults).toEqual([]);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("records each exception as a snap_exception event, and registers both snapshots on the origin", async () => {
    const e = await setup(1);
    const seen: Array<[number, number]> = [];
    const data = new Uint8Array(4096).fill(0x41);
    expect(await e.io(e.lookup("/dev/mapper/o")!, "WRITE", 16, data)).toBe("OK");
    const log = e.events;
    const n = Math.min(log.seq, log.capacity);
    for (let i = log.seq - n; i < log.seq; i++) {
      const o = (i % log.capacity) * RECORD_SLOTS;
      if (ev.type(log.records, o) === EV.SNAP_EXCEPTION)
        seen.push([ev.sector(log.records, o), ev.a(log.records, o)]);
    }
    // s1 (chunk 8): origin chunk 2 to COW chunk 2 (after the header and the first area);
    // s2 (chunk 16): origin chunk 1 to COW chunk 0.
    expect(seen.sort()).toEqual([
      [1, 0],
      [2, 2],
    ]);
    const origin = (e.dm.byName("s1")!.live!.targets[0]!.private as DmSnapshot).origin;
    expect(snapshotsOf(origin).map((s) => s.store.chunkSize)).toEqual([16, 8]);
  });

  it("zeroes the COW chunks of exceptions a discard covers (discard_zeroes_cow), chunk by chunk", async () => {
    const e = new Engine({ seed: 3 });
    // On loop devices: brd takes no discards, so a snapshot on RAM disks takes none either
    // (discard_max_bytes 0, golden 208) and the block layer fails them.
    e.loop.load();
    for (const name of ["/tmp/o.img", "/tmp/c.img"])
      e.loop.configure(e.loop.getFree(), new ShmemFile(e.storage, name, 1 << 20), name);
    await create(e, "o", "0 512 snapshot-origin /dev/loop0");
    const o = e.lookup("/dev/mapper/o")!;
    const a = new Uint8Array(64 * 512).fill(0x41);
    expect(await e.io(o, "WRITE", 0, a)).toBe("OK");
    await create(e, "s", "0 512 snapshot /dev/loop0 /dev/loop1 N 8 1 discard_zeroes_cow");
    const s = e.lookup("/dev/mapper/s")!;
    // Chunks 1 and 3 of the snapshot written: exceptions; chunk 2 still shared.
    const b = new Uint8Array(8 * 512).fill(0x42);
    expect(await e.io(s, "WRITE", 8, b)).toBe("OK");
    expect(await e.io(s, "WRITE", 24, b)).toBe("OK");
    // A discard of sectors 8..31: chunk 1 and chunk 3 zeroed on the COW, chunk 2 left alone.
    expect(await e.io(s, "DISCARD", 8, null, 24)).toBe("OK");
    const got = await e.read("/dev/mapper/s", 0, 32 * 512);
    const zero = new Uint8Array(8 * 512);
    expect(sameBytes(got.subarray(8 * 512, 16 * 512), zero)).toBe(true);
    expect(sameBytes(got.subarray(16 * 512, 24 * 512), new Uint8Array(8 * 512).fill(0x41))).toBe(
      true,
    );
    expect(sameBytes(got.subarray(24 * 512, 32 * 512), zero)).toBe(true);
    expect(e.faults).toEqual([]);
  });

  it("reads back a COW device Linux wrote (golden 502's hexdump), exceptions and data", async () => {
    // The COW device as `hexdump -C` printed it on 6.1.192 after the script's writes.
    const out = readFileSync(
      join(import.meta.dirname, "../../../golden/502-snapshot-cow-bytes.out"),
      "latin1",
    ).split("\n");
    const cow = new Uint8Array(4 * 1024 * 1024);
    let last: number[] = [];
    let lastAt = 0;
    let star = false;
    for (const line of out.slice(out.indexOf("0 8192 snapshot 48/8192 16") + 1)) {
      if (line === "*") {
        star = true;
        continue;
      }
      const m = /^([0-9a-f]{8})((?:  ?[0-9a-f]{2}){0,16})/.exec(line);
      if (!m) break;
      const at = parseInt(m[1]!, 16);
      // The lines a star left out repeat the one before it.
      if (star) for (let o = lastAt + 16; o < at; o += 16) cow.set(last, o);
      star = false;
      if (!m[2]) break;
      last = m[2]
        .trim()
        .split(/\s+/)
        .map((h) => parseInt(h, 16));
      cow.set(last, at);
      lastAt = at;
    }
    expect(String.fromCharCode(...cow.subarray(0, 4))).toBe("SnAp");
    const e = new Engine({ seed: 1 });
    e.loadBrd(2, 4096);
    const ram0 = e.lookup("/dev/ram0")!;
    const fill = (c: string, sectors: number) =>
      new Uint8Array(sectors * 512).fill(c.charCodeAt(0));
    // The origin as the script left it: E's, then A at chunk 1, B at chunk 3, a D at sector 2.
    expect(await e.io(ram0, "WRITE", 0, fill("E", 32))).toBe("OK");
    expect(await e.io(ram0, "WRITE", 8, fill("A", 8))).toBe("OK");
    expect(await e.io(ram0, "WRITE", 24, fill("B", 8))).toBe("OK");
    expect(await e.io(ram0, "WRITE", 2, fill("D", 1))).toBe("OK");
    expect(await e.io(e.lookup("/dev/ram1")!, "WRITE", 0, cow)).toBe("OK");
    await create(e, "s", "0 8192 snapshot /dev/ram0 /dev/ram1 P 8");
    expect(e.dm.status("s", "INFO")[0]!.params).toBe("48/8192 16");
    const md5 = (b: Uint8Array) =>
      [...new Md5().update(b).digest()].map((x) => x.toString(16).padStart(2, "0")).join("");
    // What Linux's snapshot read before the remove (golden 502): the same bytes.
    expect(md5(await e.read("/dev/mapper/s", 0, 32 * 1024))).toBe(
      out.find((l) => l.endsWith("  -") && l.startsWith("c75c"))!.slice(0, 32),
    );
  });
});
