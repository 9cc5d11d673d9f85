import { describe, expect, it } from "vitest";
import type { DmDeviceInfo, TargetInfo } from "./protocol.ts";
import { dependencyOrder, planScript, rebuildPlan } from "./rebuild.ts";

const linear = (dev: string, length: number, offset = 0, start = 0): TargetInfo => ({
  start,
  length,
  type: "linear",
  args: `${dev} ${offset}`,
  maps: [{ dev, start: offset, length }],
});

function device(
  name: string,
  minor: number,
  live: TargetInfo[] | null,
  more: Partial<DmDeviceInfo> = {},
): DmDeviceInfo {
  const sectors = live?.reduce((s, t) => s + t.length, 0) ?? 0;
  return {
    name,
    dev: `254:${minor}`,
    uuid: "",
    suspended: false,
    openCount: 0,
    sectors,
    live,
    inactive: null,
    ...more,
  };
}

describe("rebuildPlan", () => {
  it("is empty without devices", () => {
    expect(rebuildPlan([])).toEqual([]);
  });

  it("creates with the old minors, then loads lower devices before the ones stacked on them", () => {
    // top (254:0) was reloaded onto bottom (254:3), which was created after it.
    const top = device("top", 0, [linear("254:3", 100)]);
    const bottom = device("bottom", 3, [linear("1:0", 100, 8)]);
    expect(rebuildPlan([bottom, top])).toEqual([
      { op: "create", name: "top", uuid: "", minor: 0 },
      { op: "create", name: "bottom", uuid: "", minor: 3 },
      { op: "load", name: "bottom", table: "0 100 linear 1:0 8" },
      { op: "resume", name: "bottom" },
      { op: "load", name: "top", table: "0 100 linear 254:3 0" },
      { op: "resume", name: "top" },
    ]);
  });

  it("keeps uuids, inactive tables, suspension; prints as dmsetup commands", () => {
    const a = device("a", 2, [linear("1:0", 8), linear("1:1", 8, 0, 8)], {
      uuid: "LVM-xyz",
      suspended: true,
      inactive: [linear("1:1", 16)],
    });
    const empty = device("b c", 0, null);
    expect(planScript(rebuildPlan([a, empty]))).toBe(
      [
        "dmsetup create 'b c' --minor 0 --notable",
        "dmsetup create a -u LVM-xyz --minor 2 --notable",
        "dmsetup load a <<'EOF'",
        "0 8 linear 1:0 0",
        "8 8 linear 1:1 0",
        "EOF",
        "dmsetup resume a",
        "dmsetup load a --table '0 16 linear 1:1 0'",
        "dmsetup suspend a",
      ].join("\n"),
    );
  });

  it("orders a three-deep stack bottom-up whatever the input order", () => {
    const d0 = device("d0", 0, [linear("254:2", 10)]);
    const d1 = device("d1", 1, [linear("7:0", 10)]);
    const d2 = device("d2", 2, [linear("254:1", 10)]);
    expect(dependencyOrder([d0, d1, d2]).map((d) => d.name)).toEqual(["d1", "d2", "d0"]);
  });
});
