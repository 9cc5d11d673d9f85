import { describe, expect, it } from "vitest";
import { EV } from "../../engine/events.ts";
import { EventHistory } from "./history.ts";
import { Playback, type EngineControl, type MoveKind } from "./playback.ts";

/** `n` records, `gapNs` of virtual time apart. */
function history(n: number, gapNs: number): EventHistory {
  const h = new EventHistory({ chunkRecords: 64 });
  for (let i = 0; i < n; i++) h.push(EV.BIO_SUBMIT, i * gapNs, i + 1, 7, 0, 8, 1, 0);
  return h;
}

function engine() {
  const calls: string[] = [];
  const control: EngineControl = {
    setPace: ({ speed, paused }) => calls.push(`pace ${speed} ${paused}`),
    step: () => {
      calls.push("step");
      return Promise.resolve(true);
    },
  };
  return { calls, control };
}

function record(p: Playback) {
  const moves: Array<[number, number, MoveKind] | ["jump", number]> = [];
  p.subscribe({
    applied: (from, to, how) => moves.push([from, to, how]),
    jumped: (c) => moves.push(["jump", c]),
  });
  return moves;
}

describe("Playback", () => {
  it("follows the head as events arrive at one virtual instant", () => {
    const h = history(0, 0);
    const p = new Playback(h, null);
    p.frame(0);
    for (let i = 0; i < 5; i++) h.push(EV.BIO_SUBMIT, 0, i + 1, 7, 0, 8, 1, 0);
    p.frame(16);
    expect(p.cursor).toBe(5);
    expect(p.live).toBe(true);
  });

  it("plays recorded events as the playback clock reaches their virtual time", () => {
    // One event per virtual 100 ms; at 1x, about one every 100 ms of wall time.
    const h = history(10, 100e6);
    const p = new Playback(h, null);
    p.scrubTo(0);
    p.play();
    expect(p.live).toBe(false);
    let now = 0;
    p.frame(now);
    expect(p.cursor).toBe(1); // the event at t=0
    for (; now <= 450; now += 50) p.frame(now);
    expect(p.cursor).toBe(5);
    p.setSpeed(2);
    for (; now <= 700; now += 50) p.frame(now);
    expect(p.cursor).toBeGreaterThanOrEqual(9);
    for (; now <= 1000; now += 50) p.frame(now);
    expect(p.cursor).toBe(10);
    expect(p.live).toBe(true);
  });

  it("asks for frames only while the cursor moves; a frame after the loop slept counts the idle time", () => {
    const h = history(0, 0);
    const p = new Playback(h, null);
    let changes = 0;
    p.onChange = () => changes++;
    p.frame(0);
    // Live at the head: nothing moves until an event comes.
    expect(p.moving).toBe(false);
    // The loop slept 5 s (no frames); events 4.9 s of virtual time later show at once, as
    // they did when a frame ran every 16 ms meanwhile (not after a wait of idleCap).
    h.push(EV.BIO_SUBMIT, 4.9e9, 1, 7, 0, 8, 1, 0);
    h.push(EV.BIO_SUBMIT, 4.9e9, 2, 7, 0, 8, 1, 0);
    expect(p.moving).toBe(true);
    p.frame(5000, true);
    expect(p.cursor).toBe(2);
    expect(p.moving).toBe(false);
    // Frames that did not follow a sleep move the clock at most 100 ms each (a hidden tab).
    const hq = history(0, 0);
    const q = new Playback(hq, null);
    q.frame(0);
    hq.push(EV.BIO_SUBMIT, 4.9e9, 1, 7, 0, 8, 1, 0);
    q.frame(5000);
    expect(q.cursor).toBe(0);
    // Commands are heard (the page wakes its frame loop to publish them).
    const before = changes;
    p.pause();
    p.scrubTo(1);
    expect(changes).toBeGreaterThanOrEqual(before + 2);
    p.play();
    expect(p.moving).toBe(true);
  });

  it("waits no longer than idleCap through an idle stretch", () => {
    const h = history(0, 0);
    h.push(EV.BIO_SUBMIT, 0, 1, 7, 0, 8, 1, 0);
    h.push(EV.BIO_SUBMIT, 3600e9, 2, 7, 0, 8, 1, 0); // an hour later
    const p = new Playback(h, null, { idleCap: 300 });
    p.scrubTo(0);
    p.play();
    for (let now = 0; now < 250; now += 25) p.frame(now);
    expect(p.cursor).toBe(1);
    for (let now = 250; now < 400; now += 25) p.frame(now);
    expect(p.cursor).toBe(2);
  });

  it("holds a burst back while its animation plays, one event at a time", () => {
    const h = history(0, 0);
    const p = new Playback(h, null, { gate: 100 });
    let busyUntil = 0;
    p.backlog = (now) => Math.max(0, busyUntil - now);
    const moves = record(p);
    p.subscribe({ applied: (_f, _t, _how, now) => (busyUntil = now + 300) });
    for (let i = 0; i < 4; i++) h.push(EV.BIO_SUBMIT, 0, i + 1, 7, 0, 8, 1, 0);
    p.frame(0);
    expect(p.cursor).toBe(1);
    p.frame(100);
    expect(p.cursor).toBe(1);
    p.frame(220);
    expect(p.cursor).toBe(2);
    expect(moves).toEqual([
      [0, 1, "play"],
      [1, 2, "play"],
    ]);
  });

  it("live at 1x, a burst shown event by event is never more than maxLagMs behind", () => {
    const h = history(0, 0);
    const p = new Playback(h, null, { gate: 100, maxLagMs: 2000 });
    let busyUntil = 0;
    p.backlog = (now) => Math.max(0, busyUntil - now);
    const moves = record(p);
    p.subscribe({ applied: (_f, _t, _how, now) => (busyUntil = now + 300) });
    p.frame(0);
    // 100 events at one virtual instant, then 50 more a second later: at one event per 300 ms
    // of animation they would take 45 s to show.
    for (let i = 0; i < 100; i++) h.push(EV.BIO_SUBMIT, 0, i + 1, 7, 0, 8, 1, 0);
    let worst = 0;
    for (let now = 16; now <= 12_000; now += 16) {
      if (now === 1008)
        for (let i = 0; i < 50; i++) h.push(EV.BIO_SUBMIT, 0, 101 + i, 7, 0, 8, 1, 0);
      p.frame(now);
      worst = Math.max(worst, p.lagMs(now));
      expect(p.behind).toBe(h.head - p.cursor);
    }
    expect(worst).toBeLessThanOrEqual(2000 + 16);
    expect(p.cursor).toBe(150);
    expect(p.live).toBe(true);
    // Some events were skipped (views sample), and said; most still played one by one.
    expect(p.skipped).toBeGreaterThan(0);
    expect(moves.some(([, , how]) => how === "catchup")).toBe(true);
    expect(moves.filter(([, , how]) => how === "play").length).toBeGreaterThan(2);
    // Caught up, the count stays for the bar to say; a new burst starts it over.
    const skipped = p.skipped;
    p.frame(12_100);
    expect(p.skipped).toBe(skipped);
    h.push(EV.BIO_SUBMIT, 0, 999, 7, 0, 8, 1, 0);
    p.frame(12_116);
    expect(p.skipped).toBe(0);
  });

  it("slow motion and a replay the user asked for are not skipped", () => {
    for (const how of ["slow", "replay"] as const) {
      const h = history(0, 0);
      const p = new Playback(h, null, { gate: 100, maxLagMs: 2000 });
      let busyUntil = 0;
      p.backlog = (now) => Math.max(0, busyUntil - now);
      p.subscribe({ applied: (_f, _t, _how, now) => (busyUntil = now + 300) });
      if (how === "slow") p.setSpeed(0.25);
      p.frame(0);
      for (let i = 0; i < 40; i++) h.push(EV.BIO_SUBMIT, 0, i + 1, 7, 0, 8, 1, 0);
      if (how === "replay") {
        p.frame(8);
        p.scrubTo(0);
        p.play();
      }
      for (let now = 16; now <= 6000; now += 16) p.frame(now);
      expect([how, p.skipped]).toEqual([how, 0]);
      expect(p.cursor).toBeLessThan(40);
      expect(p.lagMs(6000)).toBeGreaterThan(2000);
    }
  });

  it("catches up when far behind the head, and says so", () => {
    const h = history(10_000, 0);
    const h2 = history(0, 0);
    const p = new Playback(h2, null, { lagEvents: 1000, perFrame: 4000 });
    const moves = record(p);
    p.frame(0);
    h.forEach(0, h.head, (r, o) => h2.append(r, o));
    p.frame(16);
    expect(p.cursor).toBe(4000);
    expect(moves.at(-1)).toEqual([0, 4000, "catchup"]);
  });

  it("pauses the engine with the cursor; steps one event at a time, asking the engine at the head", async () => {
    const h = history(3, 1000);
    const { calls, control } = engine();
    const p = new Playback(h, control);
    const moves = record(p);
    for (let now = 0; now < 100; now += 16) p.frame(now);
    expect(p.cursor).toBe(3);
    p.pause();
    expect(calls).toEqual(["pace 1 true"]);
    p.stepBack();
    expect(p.cursor).toBe(2);
    p.step();
    expect(p.cursor).toBe(3);
    expect(moves.slice(-2)).toEqual([
      ["jump", 2],
      [2, 3, "step"],
    ]);
    // At the head: the engine is asked, and the first event it sends is taken, alone.
    p.step();
    expect(calls.at(-1)).toBe("step");
    expect(p.awaitingEngine).toBe(true);
    p.frame(116);
    expect(p.cursor).toBe(3);
    h.push(EV.BIO_SUBMIT, 5000, 9, 7, 0, 8, 1, 0);
    h.push(EV.BIO_COMPLETE, 5000, 9, 7, 0, 8, 0, 0);
    p.frame(132);
    expect(p.cursor).toBe(4);
    p.frame(148);
    expect(p.cursor).toBe(4);
    expect(p.awaitingEngine).toBe(false);
    await Promise.resolve();
    p.play();
    expect(calls.at(-1)).toBe("pace 1 false");
    p.frame(164);
    expect(p.cursor).toBe(5);
  });

  it("scrubbing jumps the cursor (clamped to what is held) and pauses", () => {
    const h = history(20, 0);
    const p = new Playback(h, null);
    const moves = record(p);
    p.scrubTo(7);
    expect([p.cursor, p.mode]).toEqual([7, "pause"]);
    p.scrubTo(-5);
    expect(p.cursor).toBe(0);
    p.scrubTo(99);
    expect(p.cursor).toBe(20);
    expect(moves).toEqual([
      ["jump", 7],
      ["jump", 0],
      ["jump", 20],
    ]);
    p.goLive();
    expect(p.live).toBe(true);
  });
});
