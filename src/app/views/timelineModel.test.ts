import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ev, isLifecycleEvent, RECORD_SLOTS } from "../../engine/events.ts";
import { recordEngine } from "../history/testing.ts";
import { buildLanes, describeLife, lifeEvent, type LifeEvent } from "./timelineModel.ts";

describe("the lifecycle timeline's model", () => {
  it("has a lane per device with its lifecycle and its suspended spans", async () => {
    const { history: h, run } = await recordEngine();
    await run(
      "dmsetup suspend --noflush concat; dmsetup message concat 0 hello || true; dmsetup resume concat; dmsetup remove bad",
    );
    const events: LifeEvent[] = [];
    h.forEach(0, h.head, (r, o, i) => {
      if (isLifecycleEvent(ev.type(r, o))) {
        events.push(lifeEvent(r.subarray(o, o + RECORD_SLOTS), i, (id) => h.string(id)));
      }
    });
    const lanes = buildLanes(events);
    expect(lanes.map((l) => `${l.name}:${l.kind}`)).toEqual([
      "concat:dm",
      "bad:dm",
      "ram0:disk",
      "ram1:disk",
    ]);
    const concat = lanes[0]!;
    // Twice: while its first table was swapped in (resume suspends first), and by hand.
    expect(concat.suspended.length).toBe(2);
    expect(concat.suspended.every((s) => s.to !== null)).toBe(true);
    const lines = concat.events.map((e) => describeLife(e, concat.name));
    expect(lines).toContain("create concat");
    expect(lines).toContain("ctr concat target 1 linear 16384+16384");
    expect(lines).toContain("table load concat: 2 targets, 32768 sectors");
    expect(lines).toContain("suspend concat (noflush)");
    expect(lines).toContain("presuspend concat target 0 linear 0+16384");
    expect(lines).toContain("device resume concat");
    expect(lanes[1]!.events.map((e) => e.kind)).toContain("remove");
  });

  it("gives a device number reused after a remove a lane of its own", async () => {
    const { history: h, run } = await recordEngine();
    // hist takes the next number; removed, the number goes to px.
    await run(
      "dmsetup create hist --table '0 8 zero'; dmsetup remove hist; dmsetup create px --table '0 8 zero'",
    );
    const events: LifeEvent[] = [];
    h.forEach(0, h.head, (r, o, i) => {
      if (isLifecycleEvent(ev.type(r, o))) {
        events.push(lifeEvent(r.subarray(o, o + RECORD_SLOTS), i, (id) => h.string(id)));
      }
    });
    const lanes = buildLanes(events);
    const hist = lanes.find((l) => l.name === "hist");
    const px = lanes.find((l) => l.name === "px");
    expect(hist).toBeDefined();
    expect(px).toBeDefined();
    expect(px!.dev).toBe(hist!.dev);
    expect(px!.key).not.toBe(hist!.key);
    expect(hist!.events.map((e) => e.kind)).toEqual(
      expect.arrayContaining(["create", "table load", "remove"]),
    );
    expect(hist!.events.at(-1)!.kind).toBe("remove");
    expect(px!.events[0]!.kind).toBe("create");
    expect(px!.events.map((e) => e.kind)).not.toContain("remove");
    expect(px!.events.every((e) => e.index > hist!.events.at(-1)!.index)).toBe(true);
  });

  it("shows user modules (load, reload) on their own lane and contract warnings on the device", async () => {
    const { history: h, run, engine } = await recordEngine();
    const src = readFileSync(join(import.meta.dirname, "../../samples/dm-bug-flush.ts"), "utf8");
    await run(`cat > /tmp/dm-bug-flush.ts <<'EOF'\n${src}EOF\ninsmod /tmp/dm-bug-flush.ts`);
    await run(
      'dmsetup create bf --table "0 1024 bug_flush /dev/ram0 0"; dd if=/dev/zero of=/dev/mapper/bf bs=4k count=1 oflag=direct 2>/dev/null',
    );
    await engine.modules.reload("dm_bug_flush", src);
    await run("true");
    const events: LifeEvent[] = [];
    h.forEach(0, h.head, (r, o, i) => {
      if (isLifecycleEvent(ev.type(r, o))) {
        events.push(lifeEvent(r.subarray(o, o + RECORD_SLOTS), i, (id) => h.string(id)));
      }
    });
    const lanes = buildLanes(events);
    const modules = lanes.find((l) => l.name === "modules")!;
    expect(modules.events.map((e) => describeLife(e, modules.name))).toEqual([
      "module load dm_bug_flush",
      "module reload dm_bug_flush",
    ]);
    const bf = lanes.find((l) => l.name === "bf")!;
    const warnings = bf.events
      .map((e) => describeLife(e, bf.name))
      .filter((l) => l.startsWith("contract warning"));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /^contract warning bf target 0 bio \d+: no-flush-bios: map takes writes but t\.numFlushBios is 0: flushes never reach the devices written to \(set it in ctr\) \(dm-bug-flush\.ts:14\)$/,
    );
  });
});
