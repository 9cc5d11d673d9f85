/**
 * The pacer's two real-time rules (pacer.ts): a tick that comes late with nothing due is not a
 * lag, and a waiting process's short waits are fast-forwarded (no wall time spent on them)
 * while long ones (sleep, a delay target) are paced. The wall clock here is the test's own:
 * frozen, or moved by hand, so nothing depends on how fast the machine is.
 */

import { afterEach, describe, expect, it } from "vitest";
import { Engine, NS_PER_MS, NS_PER_US } from "../engine/index.ts";
import { createShell } from "../shell/index.ts";
import { Pacer } from "./pacer.ts";
import { PACE_REAL_TIME, type PaceSpeed } from "./protocol.ts";

let pacers: Pacer[] = [];
afterEach(() => {
  for (const p of pacers) p.close();
  pacers = [];
});

/** A paced engine whose wall clock reads `wall.ms`; `ticks.n` counts ticks that ran entries. */
function withWall(speed: PaceSpeed = PACE_REAL_TIME) {
  const wall = { ms: 0 };
  const ticks = { n: 0 };
  const engine = new Engine({ seed: 5, drive: "paced", ramDiskLatency: 50 * NS_PER_US });
  const pacer = new Pacer({ wallNow: () => wall.ms, afterRun: () => ticks.n++ });
  pacers.push(pacer);
  pacer.attach(engine);
  pacer.set({ speed });
  const shell = createShell(engine);
  const run = async (script: string) => {
    let out = "";
    const status = await shell.run(script, { onOutput: (_s, t) => (out += t) });
    return { status, out };
  };
  return { engine, pacer, wall, ticks, run };
}

/** Two RAM disks and a linear device over both (the page's default scenario, smaller). */
const SETUP =
  "modprobe brd rd_nr=2 rd_size=1024\n" +
  "dmsetup create concat <<'EOF'\n0 2048 linear /dev/ram0 0\n2048 2048 linear /dev/ram1 0\nEOF";

/** Lets real timers and tasks run (the pacer's ticks) without the wall clock moving. */
const turns = (ms = 30) => new Promise((r) => setTimeout(r, ms));

describe("pacer real time", () => {
  it("fast-forwards a command's short waits: bios cost no wall time, their latency stays on the clock", async () => {
    const { engine, run } = withWall();
    await run("modprobe brd rd_nr=1 rd_size=1024");
    // The wall clock never moves: only fast-forwarded entries can run.
    const r = await run("dd if=/dev/zero of=/dev/ram0 bs=4k count=64 oflag=direct status=none");
    expect(r).toEqual({ status: 0, out: "" });
    // 64 bios of 50 µs each, one after the other.
    expect(engine.now).toBe(64 * 50 * NS_PER_US);
  });

  it("follows a command's bios through a mapped device in the tick that ran them: 256 bios, a handful of ticks", async () => {
    const { engine, ticks, run } = withWall();
    await run(SETUP);
    const before = ticks.n;
    const t0 = engine.now;
    // The wall clock never moves. Each bio's end wakes the dd (a dm device's completion wakes
    // its waiters itself); the tick goes on with dd's next bio instead of leaving it a task.
    const r = await run(
      "dd if=/dev/zero of=/dev/mapper/concat bs=4k count=256 oflag=direct status=none",
    );
    expect(r).toEqual({ status: 0, out: "" });
    expect(engine.now - t0).toBe(256 * 50 * NS_PER_US);
    expect(ticks.n - before).toBeLessThan(16);
  });

  it("the same script makes the same events and bytes at 1x (fast-forwarded), at max and headless", async () => {
    const script = `${SETUP}
dd if=/dev/urandom of=/dev/mapper/concat bs=64k count=16 status=none
dd if=/dev/mapper/concat of=/dev/null bs=4k count=64 iflag=direct status=none
sleep 0.001
md5sum /dev/mapper/concat`;
    const outcome = async (engine: Engine, run: (s: string) => Promise<{ out: string }>) => {
      const { out } = await run(script);
      const events = engine.events.since(0).map((e) => JSON.stringify(e));
      return { out, now: engine.now, events };
    };
    const realTime = withWall();
    const atMax = withWall("max");
    const eager = new Engine({ seed: 5, ramDiskLatency: 50 * NS_PER_US });
    const shell = createShell(eager);
    const runEager = async (s: string) => {
      let out = "";
      await shell.run(s, { onOutput: (_s, t) => (out += t) });
      return { out };
    };
    const a = await outcome(realTime.engine, realTime.run);
    const b = await outcome(atMax.engine, atMax.run);
    const c = await outcome(eager, runEager);
    expect(a.out).toMatch(/^[0-9a-f]{32} {2}\/dev\/mapper\/concat\n$/);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
  });

  it("paces long waits: with the wall clock frozen a sleep never ends; moved on, it ends on time", async () => {
    const { engine, pacer, wall, run } = withWall();
    let done = false;
    const sleeping = run("sleep 1").then((r) => ((done = true), r));
    await turns();
    expect(done).toBe(false);
    expect(engine.now).toBe(0);
    // A tick a whole second late, with nothing else due: not a lag, the sleeper wakes at 1 s.
    wall.ms = 1000;
    expect(await sleeping).toEqual({ status: 0, out: "" });
    expect(engine.now).toBe(1000 * NS_PER_MS);
    expect(pacer.state().lagging).toBe(false);
  });

  it("a 500 ms delay target read is paced, not fast-forwarded", async () => {
    const { engine, wall, run } = withWall();
    await run(
      "modprobe brd rd_nr=1 rd_size=1024\ndmsetup create d --table '0 2048 delay /dev/ram0 0 500'",
    );
    const t0 = engine.now;
    let done = false;
    const reading = run(
      "dd if=/dev/mapper/d of=/dev/null bs=4k count=1 iflag=direct status=none",
    ).then((r) => ((done = true), r));
    await turns();
    expect(done).toBe(false);
    wall.ms += 499;
    await turns();
    expect(done).toBe(false);
    wall.ms += 2;
    expect(await reading).toEqual({ status: 0, out: "" });
    // 500 ms of delay plus the RAM disk's 50 µs.
    expect(engine.now - t0).toBe(500 * NS_PER_MS + 50 * NS_PER_US);
  });

  it("idle time is not made up for: a sleep started after a long idle spell still takes its time", async () => {
    const { engine, wall, run } = withWall(10 * PACE_REAL_TIME);
    wall.ms = 5000; // idle for 5 s of wall time
    let done = false;
    const sleeping = run("sleep 1").then((r) => ((done = true), r));
    await turns();
    expect(done).toBe(false);
    wall.ms += 99; // 10x: one virtual second is 100 ms of wall time
    await turns();
    expect(done).toBe(false);
    wall.ms += 2;
    await sleeping;
    expect(engine.now).toBe(1000 * NS_PER_MS);
  });
});
