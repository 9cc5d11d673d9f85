import { describe, expect, it } from "vitest";
import { deviceNames, matchOutcome, type OutcomeBreakpoint, type OutcomeFacts } from "./outcome.ts";

const top = deviceNames("top", "dm-2", "254:2");
const facts = (f: Partial<OutcomeFacts>): OutcomeFacts => ({
  point: "map",
  deviceNames: top,
  target: "proxy",
  op: "WRITE",
  sector: 100,
  sectors: 8,
  mapState: "REMAPPED",
  ...f,
});
const bp = (b: Partial<OutcomeBreakpoint>): OutcomeBreakpoint => ({
  id: 1,
  enabled: true,
  point: "map",
  ...b,
});

describe("matchOutcome", () => {
  it("matches on everything left out", () => {
    expect(matchOutcome(bp({}), facts({}))).toBe(true);
    expect(matchOutcome(bp({ enabled: false }), facts({}))).toBe(false);
    expect(matchOutcome(bp({ point: "endio" }), facts({}))).toBe(false);
  });

  it("knows a device by any of its names", () => {
    for (const name of ["top", "/dev/mapper/top", "dm-2", "/dev/dm-2", "254:2"])
      expect(matchOutcome(bp({ device: name }), facts({}))).toBe(true);
    expect(matchOutcome(bp({ device: "bottom" }), facts({}))).toBe(false);
    expect(deviceNames("ram0", "ram0", "1:0")).toContain("/dev/ram0");
  });

  it("matches a sector range that the bio overlaps", () => {
    expect(matchOutcome(bp({ sectorFrom: 104, sectorTo: 200 }), facts({}))).toBe(true);
    expect(matchOutcome(bp({ sectorFrom: 108 }), facts({}))).toBe(false); // [100, 108)
    expect(matchOutcome(bp({ sectorTo: 100 }), facts({}))).toBe(false);
    expect(matchOutcome(bp({ sectorTo: 101 }), facts({}))).toBe(true);
    // an empty flush is at one sector
    expect(matchOutcome(bp({ sectorFrom: 0, sectorTo: 1 }), facts({ sector: 0, sectors: 0 }))).toBe(
      true,
    );
  });

  it("matches the MapState, op, target and completion status", () => {
    expect(matchOutcome(bp({ mapState: "KILL" }), facts({}))).toBe(false);
    expect(matchOutcome(bp({ mapState: "KILL" }), facts({ mapState: "KILL" }))).toBe(true);
    expect(matchOutcome(bp({ op: "READ" }), facts({}))).toBe(false);
    expect(matchOutcome(bp({ target: "linear" }), facts({}))).toBe(false);
    const done = facts({ point: "complete", status: "IOERR" });
    expect(matchOutcome(bp({ point: "complete", status: "error" }), done)).toBe(true);
    expect(matchOutcome(bp({ point: "complete", status: "OK" }), done)).toBe(false);
    expect(
      matchOutcome(
        bp({ point: "complete", status: "error" }),
        facts({ point: "complete", status: "OK" }),
      ),
    ).toBe(false);
  });
});
