import { describe, expect, it } from "vitest";
import { EV } from "./events.ts";
import { TARGET_OP_NAMES, type TargetCall, type TargetOp } from "./guard.ts";
import { ctrError, defineTarget, type DmDev } from "./target.ts";
import { createDevice, engineWithDisks, register } from "./test/helpers.ts";
import { DmError, type EndIoResult, type MapState } from "./types.ts";
import type { Engine } from "./engine.ts";

/** A target that throws from the operations named in `throwing` and behaves like linear otherwise. */
function trap(throwing: ReadonlySet<TargetOp>) {
  const boom = (op: TargetOp): void => {
    if (throwing.has(op)) throw new Error(`boom in ${op}`);
  };
  return defineTarget<{ dev: DmDev }>({
    name: "trap",
    version: [1, 0, 0],
    ctr(t, args) {
      boom("ctr");
      if (args.length !== 1) ctrError("Invalid argument count");
      t.private = { dev: t.getDevice(args[0]!) };
      t.numFlushBios = 1;
    },
    dtr(t) {
      t.putDevice(t.priv.dev);
      boom("dtr");
    },
    map(t, bio) {
      boom("map");
      if (bio.op === "WRITE") {
        t.schedule(1000, () => boom("timer"));
        const own = t.newBio("READ", t.priv.dev, 8, 1, new Uint8Array(512), () =>
          boom("completion"),
        );
        t.submit(own);
      }
      bio.bdev = t.priv.dev.bdev;
      return "REMAPPED";
    },
    endIo() {
      boom("endIo");
      return "DONE";
    },
    presuspend: () => boom("presuspend"),
    postsuspend: () => boom("postsuspend"),
    preresume: () => boom("preresume"),
    resume: () => boom("resume"),
    status() {
      boom("status");
      return "";
    },
    message() {
      boom("message");
      return "ok";
    },
    iterateDevices(t, fn) {
      boom("iterateDevices");
      fn(t.priv.dev, 0, t.len);
    },
    ioHints: () => boom("ioHints"),
  });
}

/** Every operation of a device's life: create, I/O, status, message, suspend, resume, remove. */
async function exercise(e: Engine): Promise<void> {
  const steps: Array<() => unknown> = [
    () => createDevice(e, "a", "0 64 trap /dev/ram0"),
    async () => {
      const md = e.dm.byName("a");
      if (md && !md.suspended) await e.io(md, "WRITE", 0, new Uint8Array(512));
    },
    () => e.dm.status("a", "INFO"),
    () => e.dm.message("a", 0, "hello"),
    () => e.dm.suspend("a"),
    () => e.dm.resume("a"),
    () => e.settle(),
    () => e.dm.remove("a"),
  ];
  for (const step of steps) {
    try {
      await step();
    } catch (err) {
      // A refused ctr, message or preresume fails its ioctl; anything else is a test failure.
      if (!(err instanceof DmError)) throw err;
    }
  }
}

const OPS = Object.keys(TARGET_OP_NAMES) as TargetOp[];

describe("the target-call guard", () => {
  for (const op of OPS) {
    it(`reports a throw from ${op} once per call, with the op's name`, async () => {
      const e = engineWithDisks();
      register(e, trap(new Set([op])) as never);
      const calls: TargetOp[] = [];
      const off = e.targetCalls.add({ enter: (c) => void calls.push(c.op) });
      await exercise(e);
      off();
      const made = calls.filter((c) => c === op).length;
      expect(made).toBeGreaterThan(0);
      const what = `${TARGET_OP_NAMES[op]} threw: boom in ${op}`;
      expect(e.faults.map((f) => f.what)).toEqual(Array<string>(made).fill(what));
      const faultEvents = e.events.since(0).filter((v) => v.type === EV.TARGET_FAULT);
      expect(faultEvents).toHaveLength(made);
      expect(e.klog.lines.map((l) => l.text)).toContain(
        `device-mapper: trap: 254:0: target fault: ${what}`,
      );

      // Unobserved, the same calls are made and the same faults reported.
      const plain = engineWithDisks();
      register(plain, trap(new Set([op])) as never);
      await exercise(plain);
      expect(plain.faults.map((f) => f.what)).toEqual(e.faults.map((f) => f.what));
    });
  }

  it("kills the clone of a map that returns no MapState, fails one whose end_io returns no EndIoResult", async () => {
    for (const [bad, expected] of [
      ["map", "map returned an unknown value: SOMETIMES"],
      ["endIo", "end_io returned an unknown value: LATER"],
    ] as const) {
      const e = engineWithDisks();
      register(
        e,
        defineTarget<DmDev>({
          name: "liar",
          version: [1, 0, 0],
          ctr(t) {
            t.private = t.getDevice("/dev/ram0");
          },
          dtr(t) {
            t.putDevice(t.priv);
          },
          map(t, bio) {
            bio.bdev = t.priv.bdev;
            return (bad === "map" ? "SOMETIMES" : "REMAPPED") as MapState;
          },
          endIo: () => (bad === "endIo" ? "LATER" : "DONE") as EndIoResult,
        }) as never,
      );
      await createDevice(e, "a", "0 8 liar");
      const outcomes: unknown[] = [];
      e.targetCalls.add({ exit: (c, o) => void (c.op === bad && outcomes.push(o.result)) });
      const st = await e.io(e.lookup("/dev/mapper/a")!, "WRITE", 0, new Uint8Array(512));
      expect(st).toBe("IOERR");
      expect(e.faults.map((f) => f.what)).toEqual([expected]);
      // The observer sees what the target returned, the bad value included.
      expect(outcomes).toEqual([bad === "map" ? "SOMETIMES" : "LATER"]);
    }
  });

  it("tells observers in registration order on enter and in reverse on exit; current() is the call in progress", async () => {
    const e = engineWithDisks();
    register(e, trap(new Set()) as never);
    const log: string[] = [];
    const seen: Array<TargetCall | undefined> = [];
    e.targetCalls.add({
      enter: (c) => {
        log.push(`A>${c.op}`);
        seen.push(e.targetCalls.current());
      },
      exit: (c, o) => log.push(`A<${c.op}${"error" in o ? "!" : ""}`),
    });
    e.targetCalls.add({
      enter: (c) => log.push(`B>${c.op}`),
      exit: (c) => log.push(`B<${c.op}`),
    });
    await createDevice(e, "a", "0 64 trap /dev/ram0");
    expect(log.slice(0, 4)).toEqual(["A>ctr", "B>ctr", "B<ctr", "A<ctr"]);
    expect(seen[0]?.op).toBe("ctr");
    expect(seen[0]?.args).toEqual(["/dev/ram0"]);
    expect(seen[0]?.mdName).toBe("a");
    expect(seen[0]?.module).toBe("dm-trap");
    expect(e.targetCalls.current()).toBeUndefined();

    // A completion that runs inside map (RAM disks end bios inline) nests inside it.
    let stack: string[] = [];
    e.targetCalls.add({
      enter: (c) => {
        if (c.op === "completion") stack = e.targetCalls.stack().map((s) => s.op);
      },
    });
    log.length = 0;
    await e.io(e.lookup("/dev/mapper/a")!, "WRITE", 0, new Uint8Array(512));
    expect(stack).toEqual(["map", "completion"]);
    expect(log.slice(0, 4)).toEqual(["A>map", "B>map", "A>completion", "B>completion"]);
    expect(e.targetCalls.current()).toBeUndefined();
  });

  it("passes an error to exit after reporting it, and a ctr refusal without a fault", async () => {
    const e = engineWithDisks();
    register(e, trap(new Set(["status"])) as never);
    const exits: Array<[TargetOp, unknown]> = [];
    e.targetCalls.add({ exit: (c, o) => void exits.push([c.op, o.error]) });
    e.dm.create("bad");
    expect(() => e.dm.load("bad", "0 64 trap")).toThrow(DmError); // ctrError: no device argument
    expect(e.faults).toEqual([]);
    expect(exits[0]![0]).toBe("ctr");
    expect(exits[0]![1]).toBeInstanceOf(DmError);
    await createDevice(e, "a", "0 64 trap /dev/ram0");
    exits.length = 0;
    const before = e.faults.length;
    e.dm.status("a", "INFO");
    // status's throw is reported first; exit then sees what the target threw.
    expect(exits.map(([op, err]) => [op, (err as Error).message])).toEqual([
      ["status", "boom in status"],
    ]);
    expect(e.faults.slice(before).map((f) => f.what)).toEqual(["status threw: boom in status"]);
  });

  it("stops telling an observer once it unsubscribes, and costs nothing then", async () => {
    const e = engineWithDisks();
    register(e, trap(new Set()) as never);
    let n = 0;
    const off = e.targetCalls.add({ enter: () => void n++ });
    expect(e.targetCalls.active).toBe(true);
    await createDevice(e, "a", "0 64 trap /dev/ram0");
    const during = n;
    expect(during).toBeGreaterThan(0);
    off();
    expect(e.targetCalls.active).toBe(false);
    await e.io(e.lookup("/dev/mapper/a")!, "WRITE", 0, new Uint8Array(512));
    e.dm.status("a", "TABLE");
    expect(n).toBe(during);
    // Unsubscribing twice is harmless and leaves the others subscribed.
    let m = 0;
    e.targetCalls.add({ enter: () => void m++ });
    off();
    e.dm.status("a", "TABLE");
    expect(m).toBe(1);
  });
});
