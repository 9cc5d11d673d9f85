import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type * as Frame from "./frame.ts";

/** A hand-driven requestAnimationFrame: `run()` fires the frame requested, if any. */
function fakeRaf() {
  let pending: FrameRequestCallback | null = null;
  let time = 0;
  let requests = 0;
  vi.stubGlobal("requestAnimationFrame", (cb: FrameRequestCallback) => {
    if (pending) throw new Error("two frames requested at once");
    pending = cb;
    requests++;
    return requests;
  });
  return {
    get requested() {
      return pending !== null;
    },
    get requests() {
      return requests;
    },
    run(dt = 16) {
      const cb = pending;
      if (!cb) throw new Error("no frame requested");
      pending = null;
      time += dt;
      cb(time);
    },
  };
}

describe("the frame loop", () => {
  let raf: ReturnType<typeof fakeRaf>;
  let frame: typeof Frame;

  beforeEach(async () => {
    vi.resetModules();
    raf = fakeRaf();
    frame = await import("./frame.ts");
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("sleeps after a frame in which no job asked for another", () => {
    const calls: boolean[] = [];
    frame.onFrame((_t, resumed) => {
      calls.push(resumed);
    });
    expect(raf.requested).toBe(true);
    raf.run();
    // Nothing asked for more: no frame requested, none costs anything while idle.
    expect(raf.requested).toBe(false);
    expect(frame.framesAwake()).toBe(false);
    expect(calls).toEqual([true]);
  });

  it("runs while a job returns true, and wakes on wakeFrames()", () => {
    let busyFor = 3;
    const seen: Array<[number, boolean]> = [];
    frame.onFrame((t, resumed) => {
      seen.push([t, resumed]);
      return --busyFor > 0;
    });
    raf.run();
    raf.run();
    raf.run();
    expect(raf.requested).toBe(false);
    expect(seen.map(([, r]) => r)).toEqual([true, false, false]);
    frame.wakeFrames();
    frame.wakeFrames(); // one frame, however often woken
    expect(raf.requested).toBe(true);
    raf.run(500);
    // The first frame after a sleep says so (the playback clock counts the idle time).
    expect(seen.at(-1)).toEqual([548, true]);
    expect(raf.requested).toBe(false);
  });

  it("a wake from inside a frame (an event's visitor registering or invalidating) gives one more", () => {
    let woke = false;
    let frames = 0;
    frame.onFrame(() => {
      frames++;
      if (!woke) {
        woke = true;
        frame.wakeFrames();
      }
    });
    raf.run();
    expect(raf.requested).toBe(true);
    raf.run();
    expect(raf.requested).toBe(false);
    expect(frames).toBe(2);
  });

  it("tells sleep listeners, which arm what wakes it", () => {
    const sleeps: number[] = [];
    frame.onFramesSleep(() => sleeps.push(raf.requests));
    const stop = frame.onFrame(() => true);
    raf.run();
    raf.run();
    expect(sleeps).toEqual([]);
    stop();
    raf.run();
    expect(sleeps).toEqual([3]);
    expect(raf.requested).toBe(false);
    // No job: waking asks for nothing.
    frame.wakeFrames();
    expect(raf.requested).toBe(false);
  });

  it("a failing job does not stop the others", () => {
    const err = vi.spyOn(console, "error").mockImplementation(() => undefined);
    let ran = 0;
    frame.onFrame(() => {
      throw new Error("boom");
    });
    frame.onFrame(() => {
      ran++;
      return ran < 2;
    });
    raf.run();
    raf.run();
    expect(ran).toBe(2);
    expect(raf.requested).toBe(false);
    expect(err).toHaveBeenCalledTimes(2);
    err.mockRestore();
  });
});
