import { describe, expect, it } from "vitest";
import { EV, ev } from "../../engine/events.ts";
import { EventHistory } from "./history.ts";

function fill(h: EventHistory, n: number, from = 0): void {
  for (let i = from; i < from + n; i++) h.push(EV.BIO_SUBMIT, i * 10, i + 1, 7, i, 8, 1, 0);
}

describe("EventHistory", () => {
  it("appends records into chunks and reads them back by index", () => {
    const h = new EventHistory({ chunkRecords: 4, capacity: 64 });
    fill(h, 10);
    expect(h.head).toBe(10);
    expect(h.base).toBe(0);
    expect(h.bio(0)).toBe(1);
    expect(h.bio(9)).toBe(10);
    expect(h.time(5)).toBe(50);
    expect(h.record(3)).toEqual([EV.BIO_SUBMIT, 30, 4, 7, 3, 8, 1, 0]);
    const seen: number[] = [];
    h.forEach(2, 7, (d, o, i) => seen.push(i * 1000 + ev.bio(d, o)));
    expect(seen).toEqual([2003, 3004, 4005, 5006, 6007]);
  });

  it("forgets whole chunks past its capacity, counting them, after telling listeners", () => {
    const h = new EventHistory({ chunkRecords: 4, capacity: 8 });
    const told: number[] = [];
    h.beforeForget((b) => told.push(b));
    fill(h, 8);
    expect(h.base).toBe(0);
    fill(h, 1, 8);
    expect(told).toEqual([4]);
    expect(h.base).toBe(4);
    expect(h.forgotten).toBe(4);
    expect(h.length).toBe(5);
    expect(h.has(3)).toBe(false);
    expect(h.bio(4)).toBe(5);
    fill(h, 20, 9);
    expect(h.head).toBe(29);
    expect(h.base).toBe(24);
    expect(h.bio(28)).toBe(29);
    // Reading outside the held range is clamped.
    const seen: number[] = [];
    h.forEach(0, 100, (_d, _o, i) => seen.push(i));
    expect(seen).toEqual([24, 25, 26, 27, 28]);
  });

  it("finds the first record after a virtual time", () => {
    const h = new EventHistory({ chunkRecords: 4 });
    fill(h, 10);
    expect(h.upperBoundTime(-1)).toBe(0);
    expect(h.upperBoundTime(30)).toBe(4);
    expect(h.upperBoundTime(35)).toBe(4);
    expect(h.upperBoundTime(1000)).toBe(10);
  });

  it("clear() starts a new epoch", () => {
    const h = new EventHistory({ chunkRecords: 4 });
    let cleared = 0;
    h.onClear(() => cleared++);
    fill(h, 6);
    h.clear();
    expect([h.head, h.base, h.epoch, cleared]).toEqual([0, 0, 1, 1]);
    fill(h, 2);
    expect(h.bio(1)).toBe(2);
  });
});
