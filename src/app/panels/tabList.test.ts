import { describe, expect, it } from "vitest";
import { nextTab } from "./tabList.ts";

describe("the tabs pattern's keys", () => {
  const ids = ["disks", "outcomes", "timeline"] as const;
  it("arrows move to the next and previous tab, wrapping; Home and End to the ends", () => {
    expect(nextTab(ids, "disks", "ArrowRight")).toBe("outcomes");
    expect(nextTab(ids, "timeline", "ArrowRight")).toBe("disks");
    expect(nextTab(ids, "disks", "ArrowLeft")).toBe("timeline");
    expect(nextTab(ids, "outcomes", "Home")).toBe("disks");
    expect(nextTab(ids, "outcomes", "End")).toBe("timeline");
  });
  it("other keys move nowhere", () => {
    expect(nextTab(ids, "disks", "ArrowDown")).toBeNull();
    expect(nextTab(ids, "disks", "Enter")).toBeNull();
    expect(nextTab([], "x", "ArrowRight")).toBeNull();
  });
});
