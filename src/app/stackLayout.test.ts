import { describe, expect, it } from "vitest";
import type { BlockDeviceInfo, DmDeviceInfo } from "../worker/protocol.ts";
import {
  fitScale,
  flatten,
  formatSize,
  layoutStack,
  MIN_STACK_SCALE,
  tabStops,
  topLevelDevices,
} from "./stackLayout.ts";

const blocks: BlockDeviceInfo[] = [
  { name: "ram0", dev: "1:0", sectors: 32768, kind: "ram" },
  { name: "ram1", dev: "1:1", sectors: 32768, kind: "ram" },
];

const concat: DmDeviceInfo = {
  name: "concat",
  dev: "254:0",
  uuid: "",
  suspended: false,
  openCount: 0,
  sectors: 32768,
  live: [
    {
      start: 0,
      length: 8192,
      type: "linear",
      args: "1:0 0",
      maps: [{ dev: "1:0", start: 0, length: 8192 }],
    },
    {
      start: 8192,
      length: 24576,
      type: "linear",
      args: "1:1 0",
      maps: [{ dev: "1:1", start: 0, length: 24576 }],
    },
  ],
  inactive: null,
};
const stripes: DmDeviceInfo = {
  name: "stripes",
  dev: "254:1",
  uuid: "",
  suspended: true,
  openCount: 0,
  sectors: 32768,
  live: [
    {
      start: 0,
      length: 32768,
      type: "striped",
      args: "2 128 1:0 16384 1:1 16384",
      maps: [
        { dev: "1:0", start: 16384, length: 16384 },
        { dev: "1:1", start: 16384, length: 16384 },
      ],
    },
  ],
  inactive: null,
};
const top: DmDeviceInfo = {
  name: "top",
  dev: "254:2",
  uuid: "",
  suspended: false,
  openCount: 0,
  sectors: 100,
  live: [
    {
      start: 0,
      length: 100,
      type: "linear",
      args: "254:1 8",
      maps: [{ dev: "254:1", start: 8, length: 100 }],
    },
  ],
  inactive: [{ start: 0, length: 1, type: "zero", args: "", maps: [] }],
};

describe("stack layout", () => {
  it("puts each top-level device in a column with segments proportional to length", () => {
    const { roots } = layoutStack([concat, stripes], blocks, 1020);
    expect(roots.map((r) => r.aria)).toEqual(["device concat", "device stripes"]);
    const [c] = roots;
    expect(c?.x).toBe(8);
    expect(c?.w).toBe(488);
    const segs = c?.children ?? [];
    expect(segs.map((s) => s.aria)).toEqual(["target linear 0+8192", "target linear 8192+24576"]);
    expect(segs.map((s) => s.w)).toEqual([122, 366]);
    expect(segs[1]?.x).toBe(130);
    expect(segs[0]?.children.map((m) => m.aria)).toEqual(["disk ram0 0+8192"]);
  });

  it("splits a striped segment across its devices and flags device state", () => {
    const { roots } = layoutStack([stripes], blocks, 400);
    const seg = roots[0]?.children[0];
    expect(seg?.children.map((m) => [m.label, m.w])).toEqual([
      ["ram0", 192],
      ["ram1", 192],
    ]);
    expect(roots[0]?.flags).toEqual(["suspended"]);
  });

  it("stacks dm devices under the segments that map onto them, as deep as tables go", () => {
    const layout = layoutStack([concat, stripes, top], blocks, 1000);
    expect(topLevelDevices([concat, stripes, top]).map((d) => d.name)).toEqual(["concat", "top"]);
    const t = layout.roots[1];
    expect(t?.flags).toEqual(["inactive table"]);
    const nested = t?.children[0]?.children[0];
    expect(nested?.aria).toBe("device stripes");
    expect(nested?.sub).toBe("254:1 · 8+100");
    const depths = flatten(layout.roots).map((n) => n.depth);
    expect(Math.max(...depths)).toBe(4);
    expect(layout.height).toBeGreaterThan(4 * 40);
  });

  it("puts every device in the Tab order once, a lower one too, however often it is drawn", () => {
    // stripes is drawn under top (and is no top-level device); top2 maps onto it too.
    const top2 = { ...top, name: "top2", dev: "254:3", inactive: null };
    const layout = layoutStack([concat, stripes, top, top2], blocks, 1000);
    const stops = tabStops(layout.roots);
    const devices = flatten(layout.roots).filter((n) => n.kind === "device");
    expect(devices.map((n) => n.device)).toEqual(["concat", "top", "stripes", "top2", "stripes"]);
    expect(devices.filter((n) => stops.has(n.key)).map((n) => n.device)).toEqual([
      "concat",
      "top",
      "stripes",
      "top2",
    ]);
  });

  it("draws a device without a table and nothing for an empty list", () => {
    const bare = { ...concat, name: "bare", live: null, sectors: 0 };
    expect(layoutStack([bare], [], 300).roots[0]?.flags).toEqual(["no table"]);
    expect(layoutStack([], [], 300).roots).toEqual([]);
  });

  it("formats sizes as Linux tools do, in binary units", () => {
    expect(formatSize(32768)).toBe("16 MiB");
    expect(formatSize(1)).toBe("512 B");
    expect(formatSize(3)).toBe("1.5 KiB");
  });
});

describe("fitScale", () => {
  it("keeps a drawing that fits, or whose room is not measured yet, at full size", () => {
    expect(fitScale(200, 300)).toBe(1);
    expect(fitScale(300, 300)).toBe(1);
    expect(fitScale(300, 0)).toBe(1);
  });
  it("shrinks a taller drawing to its room, never below the readable minimum", () => {
    expect(fitScale(400, 300)).toBe(0.75);
    expect(fitScale(1000, 300)).toBe(MIN_STACK_SCALE);
    expect(fitScale(1000, 300, 0.2)).toBeCloseTo(0.3);
  });
});
