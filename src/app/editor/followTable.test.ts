import { describe, expect, it } from "vitest";
import type { DmDeviceInfo } from "../../worker/protocol.ts";
import { followTable, type EditorFollowState } from "./followTable.ts";

function dev(name: string, line: string | null): DmDeviceInfo {
  const [start, length, type, ...args] = (line ?? "").split(" ");
  return {
    name,
    dev: "254:0",
    uuid: "",
    suspended: false,
    openCount: 0,
    sectors: line ? Number(length) : 0,
    live: line
      ? [{ start: Number(start), length: Number(length), type: type!, args: args.join(" ") }]
      : null,
    inactive: null,
  } as DmDeviceInfo;
}

const LINEAR = "0 8192 linear 1:0 0\n";
const ZERO = "0 4096 zero\n";

function state(over: Partial<EditorFollowState> = {}): EditorFollowState {
  return {
    editorDevice: "top",
    draft: LINEAR,
    draftBase: LINEAR,
    draftEdited: false,
    editorLoading: false,
    liveChanged: null,
    selectedDevice: "top",
    ...over,
  };
}

describe("the table editor follows its device's table", () => {
  it("nothing changes while the device's table is the draft's base", () => {
    expect(followTable(state(), [dev("top", "0 8192 linear 1:0 0")])).toBeNull();
  });

  it("an unedited draft becomes the device's new table (the console replaced it)", () => {
    expect(followTable(state(), [dev("top", "0 4096 zero")])).toEqual({
      draft: ZERO,
      draftBase: ZERO,
      liveChanged: null,
    });
  });

  it("an edited draft is kept and the change is told", () => {
    const s = state({ draft: "0 8192 linear 1:1 0\n", draftEdited: true });
    expect(followTable(s, [dev("top", "0 4096 zero")])).toEqual({ liveChanged: ZERO });
    // Told once; and no longer when the table is back to the base.
    expect(followTable({ ...s, liveChanged: ZERO }, [dev("top", "0 4096 zero")])).toBeNull();
    expect(followTable({ ...s, liveChanged: ZERO }, [dev("top", "0 8192 linear 1:0 0")])).toEqual({
      liveChanged: null,
    });
  });

  it("the editor's own load becomes the base, the user's words kept", () => {
    const s = state({ draft: "0 4096 zero\n\n", draftEdited: true, editorLoading: true });
    expect(followTable(s, [dev("top", "0 4096 zero")])).toEqual({
      draftBase: ZERO,
      liveChanged: null,
    });
  });

  it("a device gone with the session (not selected) is let go; a selected one is waited for", () => {
    expect(followTable(state({ selectedDevice: null }), [dev("concat", "0 8 zero")])).toEqual({
      editorDevice: "",
      draftBase: null,
      liveChanged: null,
    });
    expect(followTable(state(), [])).toBeNull();
    // An edited draft is never dropped.
    expect(followTable(state({ selectedDevice: null, draftEdited: true }), [])).toBeNull();
    // Removed, then created again with another table: the draft follows.
    expect(followTable(state(), [dev("top", "0 4096 zero")])?.draft).toBe(ZERO);
  });

  it("a new device's draft (no base) follows nothing until the device exists", () => {
    const s = state({
      editorDevice: "new",
      draftBase: null,
      draft: "0 8 zero\n",
      draftEdited: true,
    });
    expect(followTable(s, [])).toBeNull();
  });
});
