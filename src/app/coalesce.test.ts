import { describe, expect, it } from "vitest";
import { coalesced } from "./coalesce.ts";

describe("coalesced", () => {
  it("runs again after a run that finished without awaiting anything", async () => {
    let runs = 0;
    const refresh = coalesced(async () => {
      runs++;
    });
    await refresh();
    await refresh();
    await refresh();
    expect(runs).toBe(3);
  });

  it("calls during a run share it and cause exactly one more run", async () => {
    let runs = 0;
    let release: () => void = () => undefined;
    const refresh = coalesced(async () => {
      runs++;
      if (runs === 1) await new Promise<void>((r) => (release = r));
    });
    const first = refresh();
    const second = refresh();
    const third = refresh();
    expect(second).toBe(first);
    expect(third).toBe(first);
    release();
    await first;
    expect(runs).toBe(2);
    await refresh();
    expect(runs).toBe(3);
  });

  it("a failed run does not block later ones", async () => {
    let runs = 0;
    const refresh = coalesced(async () => {
      runs++;
      if (runs === 1) throw new Error("boom");
    });
    await expect(refresh()).rejects.toThrow("boom");
    await refresh();
    expect(runs).toBe(2);
  });
});
