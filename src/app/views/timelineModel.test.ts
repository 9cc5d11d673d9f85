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
});
