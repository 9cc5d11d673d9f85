import { describe, expect, it } from "vitest";
import { describeRanges, diskOwners, mergeRanges } from "./diskOwners.ts";
import type { DiskSnapshot, DmDeviceInfo, TargetInfo } from "../worker/protocol.ts";

const ram0 = {
  name: "ram0",
  major: 1,
  minor: 0,
  sizeBytes: 16 * 1024 * 1024,
} as DiskSnapshot;

function device(name: string, live: TargetInfo[]): DmDeviceInfo {
  return {
    name,
    dev: "254:0",
    uuid: "",
    suspended: false,
    openCount: 0,
    sectors: 0,
    live,
    inactive: null,
  };
}

function linear(start: number, length: number, devStart: number, dev = "1:0"): TargetInfo {
  return { start, length, type: "linear", args: "", maps: [{ dev, start: devStart, length }] };
}

describe("who maps onto a disk", () => {
  it("groups thousands of segments into one legend line with merged ranges", () => {
    // 4096 segments of 8 sectors, 16 to a chunk: together they cover ram0's 256 chunks.
    const segs = Array.from({ length: 4096 }, (_, i) => linear(i * 8, 8, i * 8));
    const other = Array.from({ length: 3000 }, (_, i) =>
      linear(i * 8, 8, 32768 - 8 - i * 8, "1:1"),
    );
    const owners = diskOwners(ram0, [device("many", segs), device("elsewhere", other)]);
    expect(owners.groups).toEqual([
      { label: "many (linear)", type: "linear", segments: 4096, ranges: [[0, 256]] },
    ]);
    expect(owners.chunkOwner[0]).toBe(1);
    expect(owners.chunkOwner[255]).toBe(1);
    expect(describeRanges(owners.groups[0]!.ranges)).toBe("chunks 0–255");
  });

  it("keeps scattered ranges, and the first segment in table order owns a chunk", () => {
    const scattered = Array.from({ length: 1000 }, (_, i) => linear(i * 128, 128, i * 256));
    const owners = diskOwners(ram0, [
      device("a", [linear(0, 128, 0)]),
      device("b", scattered.slice(0, 100)),
      device("c", [{ start: 0, length: 256, type: "zero", args: "", maps: [] }]),
    ]);
    expect(owners.groups.map((g) => [g.label, g.segments, g.ranges.length])).toEqual([
      ["a (linear)", 1, 1],
      ["b (linear)", 100, 100],
    ]);
    expect(owners.chunkOwner[0]).toBe(1); // a's, first in order, though b maps there too
    expect(owners.chunkOwner[2]).toBe(2);
    expect(owners.chunkOwner[1]).toBe(0);
    expect(describeRanges(owners.groups[1]!.ranges)).toBe("chunks 0, 2, 4 and 97 more ranges");
  });

  it("a thin pool's metadata disk has a legend line of its own, the whole disk", () => {
    const pool: TargetInfo = {
      start: 0,
      length: 32768,
      type: "thin-pool",
      args: "1:0 1:1 128 0 1 error_if_no_space",
      maps: [{ dev: "1:1", start: 0, length: 32768 }],
    };
    const owners = diskOwners(ram0, [device("pool", [pool])]);
    expect(owners.groups).toEqual([
      {
        label: "pool (thin-pool metadata)",
        type: "thin-pool metadata",
        segments: 1,
        ranges: [[0, 256]],
      },
    ]);
    expect(owners.chunkOwner[255]).toBe(1);
    // On the data disk, only the data line.
    const ram1 = { ...ram0, minor: 1, name: "ram1" };
    expect(diskOwners(ram1, [device("pool", [pool])]).groups.map((g) => g.label)).toEqual([
      "pool (thin-pool)",
    ]);
  });

  it("merges touching and overlapping ranges", () => {
    expect(
      mergeRanges([
        [5, 6],
        [0, 2],
        [2, 4],
        [1, 3],
        [8, 9],
      ]),
    ).toEqual([
      [0, 4],
      [5, 6],
      [8, 9],
    ]);
    expect(describeRanges([[7, 8]])).toBe("chunk 7");
    expect(
      describeRanges([
        [0, 2],
        [4, 5],
      ]),
    ).toBe("chunks 0–1, 4");
  });
});
