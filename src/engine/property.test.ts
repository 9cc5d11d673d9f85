/**
 * Random tables of linear, striped, zero and error, stacked up to three deep, and random bios:
 * the engine must give exactly the bytes and statuses a simple reference model predicts.
 */

import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Engine } from "./engine.ts";
import { sameBytes } from "./test/helpers.ts";

const DISK_SECTORS = 256;
const DISKS = 3;

type Seg =
  | { kind: "linear"; len: number; dev: number; off: number }
  | { kind: "striped"; len: number; chunk: number; devs: Array<[number, number]> }
  | { kind: "zero"; len: number }
  | { kind: "error"; len: number };

/** A device by index: 0..DISKS-1 are RAM disks, then dm devices in creation order. */
interface Layer {
  segs: Seg[];
}

/** Where one sector of device `d` ends up. */
type Loc = { disk: number; sector: number } | "zero" | "error";

function resolve(layers: Layer[], d: number, sector: number): Loc {
  if (d < DISKS) return { disk: d, sector };
  const layer = layers[d - DISKS]!;
  let base = 0;
  for (const s of layer.segs) {
    if (sector < base + s.len) {
      const off = sector - base;
      switch (s.kind) {
        case "zero":
          return "zero";
        case "error":
          return "error";
        case "linear":
          return resolve(layers, s.dev, s.off + off);
        case "striped": {
          const chunk = Math.floor(off / s.chunk);
          const stripe = chunk % s.devs.length;
          const [dev, start] = s.devs[stripe]!;
          return resolve(
            layers,
            dev,
            start + Math.floor(chunk / s.devs.length) * s.chunk + (off % s.chunk),
          );
        }
      }
    }
    base += s.len;
  }
  throw new Error("sector past the end of the model device");
}

function sizeOf(layers: Layer[], d: number): number {
  return d < DISKS ? DISK_SECTORS : layers[d - DISKS]!.segs.reduce((a, s) => a + s.len, 0);
}

/** Build random segments over the devices below. */
function segArb(below: number, sizeOfDev: (d: number) => number): fc.Arbitrary<Seg> {
  return fc.oneof(
    fc
      .record({
        len: fc.integer({ min: 1, max: 64 }),
        dev: fc.nat(below - 1),
        frac: fc.double({ min: 0, max: 1, noNaN: true }),
      })
      .map(({ len, dev, frac }) => {
        const size = sizeOfDev(dev);
        const l = Math.min(len, size);
        return { kind: "linear" as const, len: l, dev, off: Math.floor(frac * (size - l)) };
      }),
    fc
      .record({
        stripes: fc.integer({ min: 1, max: 3 }),
        chunk: fc.constantFrom(1, 2, 3, 4, 8),
        chunks: fc.integer({ min: 1, max: 4 }),
        devs: fc.array(fc.nat(below - 1), { minLength: 3, maxLength: 3 }),
      })
      .map(({ stripes, chunk, chunks, devs }) => {
        const width = chunk * chunks;
        const ds = devs
          .slice(0, stripes)
          .map(
            (dev) => [dev, Math.max(0, Math.min(sizeOfDev(dev) - width, 7))] as [number, number],
          );
        const fits = ds.every(([dev, st]) => st + width <= sizeOfDev(dev));
        return fits
          ? ({ kind: "striped" as const, len: width * stripes, chunk, devs: ds } as Seg)
          : ({ kind: "zero" as const, len: width } as Seg);
      }),
    fc.integer({ min: 1, max: 32 }).map((len) => ({ kind: "zero" as const, len })),
    fc.integer({ min: 1, max: 16 }).map((len) => ({ kind: "error" as const, len })),
  );
}

function tableLine(s: Seg, start: number): string {
  const name = (d: number) => (d < DISKS ? `/dev/ram${d}` : `/dev/mapper/d${d - DISKS}`);
  switch (s.kind) {
    case "linear":
      return `${start} ${s.len} linear ${name(s.dev)} ${s.off}`;
    case "striped":
      return `${start} ${s.len} striped ${s.devs.length} ${s.chunk} ${s.devs.map(([d, o]) => `${name(d)} ${o}`).join(" ")}`;
    default:
      return `${start} ${s.len} ${s.kind}`;
  }
}

const scenario = fc
  .integer({ min: 1, max: 3 })
  .chain((depth) => {
    // Layer k may use RAM disks and any dm device below it.
    let arb: fc.Arbitrary<Layer[]> = fc.constant([]);
    for (let k = 0; k < depth; k++) {
      arb = arb.chain((layers) =>
        fc
          .array(
            segArb(DISKS + layers.length, (d) => sizeOf(layers, d)),
            { minLength: 1, maxLength: 4 },
          )
          .map((segs) => [...layers, { segs }]),
      );
    }
    return arb;
  })
  .chain((layers) =>
    fc.tuple(
      fc.constant(layers),
      fc.array(
        fc.record({
          write: fc.boolean(),
          dev: fc.nat(DISKS + layers.length - 1),
          at: fc.double({ min: 0, max: 1, noNaN: true }),
          len: fc.integer({ min: 1, max: 40 }),
          seed: fc.nat(),
        }),
        { minLength: 1, maxLength: 25 },
      ),
    ),
  );

describe("engine vs reference model", () => {
  it("gives the bytes and statuses the model predicts", async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ([layers, ops]) => {
        const e = new Engine({ seed: 5 });
        e.loadBrd(DISKS, DISK_SECTORS / 2);
        const model = Array.from({ length: DISKS }, () => new Uint8Array(DISK_SECTORS * 512));
        for (const [i, layer] of layers.entries()) {
          let start = 0;
          const lines = layer.segs.map((s) => {
            const l = tableLine(s, start);
            start += s.len;
            return l;
          });
          e.dm.create(`d${i}`);
          e.dm.load(`d${i}`, lines.join("\n"));
          await e.dm.resume(`d${i}`);
        }
        for (const op of ops) {
          const size = sizeOf(layers, op.dev);
          const len = Math.min(op.len, size);
          const sector = Math.min(size - len, Math.floor(op.at * (size - len + 1)));
          const bdev = e.lookup(
            op.dev < DISKS ? `/dev/ram${op.dev}` : `/dev/mapper/d${op.dev - DISKS}`,
          )!;
          const locs = Array.from({ length: len }, (_, k) => resolve(layers, op.dev, sector + k));
          const expectErr = locs.includes("error");
          if (op.write) {
            const data = new Uint8Array(len * 512);
            for (let k = 0; k < data.length; k++) data[k] = (op.seed + k * 31) & 0xff;
            const st = await e.io(bdev, "WRITE", sector, data);
            expect(st).toBe(expectErr ? "IOERR" : "OK");
            locs.forEach((loc, k) => {
              if (typeof loc === "object")
                model[loc.disk]!.set(data.subarray(k * 512, (k + 1) * 512), loc.sector * 512);
            });
          } else {
            const data = new Uint8Array(len * 512);
            const st = await e.io(bdev, "READ", sector, data);
            expect(st).toBe(expectErr ? "IOERR" : "OK");
            if (!expectErr) {
              const want = new Uint8Array(len * 512);
              locs.forEach((loc, k) => {
                if (typeof loc === "object")
                  want.set(
                    model[loc.disk]!.subarray(loc.sector * 512, (loc.sector + 1) * 512),
                    k * 512,
                  );
              });
              expect(sameBytes(data, want)).toBe(true);
            }
          }
        }
        // The disks hold exactly what the model says.
        for (let d = 0; d < DISKS; d++)
          expect(sameBytes(await e.read(`/dev/ram${d}`, 0, DISK_SECTORS * 512), model[d]!)).toBe(
            true,
          );
        expect(e.faults).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});
