import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Clock, Prng, nextTask } from "./clock.ts";

describe("Clock", () => {
  it("runs entries in time order, ties in scheduling order", () => {
    const c = new Clock();
    const seen: string[] = [];
    c.schedule(30, () => seen.push("c"));
    c.schedule(10, () => seen.push("a"));
    c.schedule(10, () => seen.push("b"));
    c.schedule(0, () => seen.push("now"));
    c.runUntilIdle();
    expect(seen).toEqual(["now", "a", "b", "c"]);
    expect(c.now).toBe(30);
  });

  it("runUntil stops at the bound and sets the time", () => {
    const c = new Clock();
    const seen: number[] = [];
    for (const t of [5, 15, 25]) c.schedule(t, () => seen.push(t));
    c.runUntil(20);
    expect(seen).toEqual([5, 15]);
    expect(c.now).toBe(20);
    expect(c.nextAt).toBe(25);
  });

  it("entries scheduled while running land in order", () => {
    const c = new Clock();
    const seen: number[] = [];
    c.schedule(10, () => {
      seen.push(c.now);
      c.schedule(5, () => seen.push(c.now));
      c.schedule(0, () => seen.push(c.now));
    });
    c.runUntilIdle();
    expect(seen).toEqual([10, 10, 15]);
  });

  it("is a correct priority queue for any schedule", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(1000), { maxLength: 200 }), (delays) => {
        const c = new Clock();
        const out: Array<[number, number]> = [];
        delays.forEach((d, i) => c.schedule(d, () => out.push([c.now, i])));
        c.runUntilIdle();
        const expected = delays
          .map((d, i) => [d, i] as [number, number])
          .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
        expect(out).toEqual(expected);
      }),
    );
  });
});

describe("Prng", () => {
  it("is deterministic per seed and differs across seeds", () => {
    const a = new Prng(42);
    const b = new Prng(42);
    const c = new Prng(43);
    const xs = Array.from({ length: 8 }, () => a.nextU32());
    expect(Array.from({ length: 8 }, () => b.nextU32())).toEqual(xs);
    expect(Array.from({ length: 8 }, () => c.nextU32())).not.toEqual(xs);
  });

  it("stays in range", () => {
    const p = new Prng(7);
    for (let i = 0; i < 1000; i++) {
      const v = p.next();
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(1);
      expect(p.below(10)).toBeLessThan(10);
    }
  });
});

describe("yields to continuations", () => {
  it("keeps a yield request until it is taken, once", () => {
    const c = new Clock();
    expect(c.takeYield()).toBe(false);
    c.requestYield();
    expect(c.yieldRequested).toBe(true);
    expect(c.takeYield()).toBe(true);
    expect(c.takeYield()).toBe(false);
  });

  it("nextTask resolves after every pending microtask chain", async () => {
    const seen: string[] = [];
    const chain = async (): Promise<void> => {
      for (let i = 0; i < 50; i++) await Promise.resolve();
      seen.push("chain");
    };
    void chain();
    await nextTask();
    seen.push("task");
    expect(seen).toEqual(["chain", "task"]);
  });
});
