import { describe, expect, it } from "vitest";
import {
  decodeEvent,
  decodeTable,
  encodeTable,
  EV,
  ev,
  EVENT_KINDS,
  eventHasText,
  eventKind,
  EventLog,
  isBioEvent,
  isLifecycleEvent,
  namesBio,
  RECORD_SLOTS,
  tableLines,
  type SegmentDesc,
} from "./events.ts";
import { BIO_OPS, MAP_STATES } from "./types.ts";

describe("event kinds", () => {
  it("name every code in EV once, with a category", () => {
    const codes = Object.values(EV);
    expect(EVENT_KINDS.map((k) => k.code).sort((a, b) => a - b)).toEqual(
      [...codes].sort((a, b) => a - b),
    );
    expect(eventKind(EV.BIO_REMAP)).toMatchObject({ name: "bio_remap", category: "bio" });
    expect(eventKind(EV.TABLE_LOAD)).toMatchObject({ name: "table_load", text: true });
    expect(eventKind(999)).toBeUndefined();
  });

  it("answer the predicates from the table, not from numeric ranges", () => {
    for (const k of EVENT_KINDS) {
      expect(isBioEvent(k.code)).toBe(k.category === "bio");
      expect(isLifecycleEvent(k.code)).toBe(k.category !== "bio");
      expect(eventHasText(k.code)).toBe(k.text);
    }
    expect(isBioEvent(0)).toBe(false);
    expect(isLifecycleEvent(12345)).toBe(false);
  });
});

describe("named record reads", () => {
  const log = new EventLog(16);
  const op = BIO_OPS.indexOf("WRITE");
  log.emit(EV.BIO_SUBMIT, 100, 7, 3, 8, 16, op | (4 << 8), 5);
  log.emit(EV.BIO_CLONE, 110, 9, 3, 8, 16, 7, 2);
  log.emit(EV.BIO_MAP, 120, 9, 3, 8, 16, MAP_STATES.indexOf("KILL"), 2);
  log.emit(EV.BIO_REMAP, 130, 9, 1, 40, 16, 3, 2);
  log.emit(EV.TARGET_FAULT, 140, 0, 3, 0, 0, 1, log.intern("map threw"));
  const at = (seq: number) => seq * RECORD_SLOTS;
  const r = log.records;

  it("read each field by name", () => {
    expect([ev.type(r, at(0)), ev.time(r, at(0)), ev.bio(r, at(0)), ev.dev(r, at(0))]).toEqual([
      EV.BIO_SUBMIT,
      100,
      7,
      3,
    ]);
    expect([ev.sector(r, at(0)), ev.sectors(r, at(0))]).toEqual([8, 16]);
    expect([ev.op(r, at(0)), ev.opFlags(r, at(0)), ev.parent(r, at(0))]).toEqual([op, 4, 5]);
    expect([ev.parent(r, at(1)), ev.target(r, at(1))]).toEqual([7, 2]);
    expect(ev.mapState(r, at(2))).toBe(MAP_STATES.indexOf("KILL"));
    expect([ev.fromDev(r, at(3)), ev.target(r, at(3))]).toEqual([3, 2]);
    expect([ev.target(r, at(4)), log.strings[ev.text(r, at(4))]]).toEqual([1, "map threw"]);
  });

  it("give -1 for a field the kind does not have", () => {
    expect(ev.mapState(r, at(0))).toBe(-1);
    expect(ev.status(r, at(2))).toBe(-1);
    expect(ev.text(r, at(0))).toBe(-1);
    expect(ev.parent(r, at(2))).toBe(0);
  });

  it("say which records name a bio", () => {
    expect(namesBio(r, at(0))).toBe(true);
    expect(namesBio(r, at(4))).toBe(false); // a fault with no bio
  });

  it("decode as before", () => {
    const e = decodeEvent(r, at(0), 0, log.strings);
    expect(e).toMatchObject({ kind: "bio_submit", op: "WRITE", flags: 4, b: 5 });
    expect(decodeEvent(r, at(4), 4, log.strings).text).toBe("map threw");
  });
});

describe("table descriptions", () => {
  const segs: SegmentDesc[] = [
    {
      start: 0,
      length: 16384,
      type: "linear",
      args: "1:0 0",
      devices: [{ dev: "1:0", start: 0, length: 16384 }],
    },
    { start: 16384, length: 8, type: "error", args: "", devices: [] },
  ];

  it("round-trip through the interned text", () => {
    expect(decodeTable(encodeTable(segs))).toEqual(segs);
    expect(tableLines(segs)).toBe("0 16384 linear 1:0 0\n16384 8 error");
  });

  it("refuse what is not one", () => {
    expect(decodeTable(undefined)).toBeNull();
    expect(decodeTable("ram0")).toBeNull();
    expect(decodeTable("[1,2")).toBeNull();
    expect(decodeTable('[{"start":0}]')).toBeNull();
  });
});
