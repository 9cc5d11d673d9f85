import { describe, expect, it } from "vitest";
import { installPanelKeys, panelIndexForKey, type PanelKey } from "./panelKeys.ts";

const key = (code: string, mods: Partial<PanelKey> = {}): PanelKey => ({
  altKey: true,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  code,
  ...mods,
});

describe("panel keys", () => {
  it("maps Alt+digit (top row or keypad) to the panel at that place in the list", () => {
    expect(panelIndexForKey(key("Digit1"), 5)).toBe(0);
    expect(panelIndexForKey(key("Digit5"), 5)).toBe(4);
    expect(panelIndexForKey(key("Numpad3"), 5)).toBe(2);
    // A seventh panel gets Alt+7 by being in the list.
    expect(panelIndexForKey(key("Digit7"), 7)).toBe(6);
  });

  it("leaves other keys alone", () => {
    expect(panelIndexForKey(key("Digit6"), 5)).toBeNull();
    expect(panelIndexForKey(key("Digit0"), 9)).toBeNull();
    expect(panelIndexForKey(key("KeyA"), 5)).toBeNull();
    expect(panelIndexForKey(key("Digit1", { altKey: false }), 5)).toBeNull();
    expect(panelIndexForKey(key("Digit1", { ctrlKey: true }), 5)).toBeNull();
    expect(panelIndexForKey(key("Digit1", { shiftKey: true }), 5)).toBeNull();
    expect(panelIndexForKey(key("Digit1", { metaKey: true }), 5)).toBeNull();
  });

  it("listens in the capture phase and consumes only the keys it uses", () => {
    const added: Array<{ type: string; capture: unknown; fn: (ev: KeyboardEvent) => void }> = [];
    const target = {
      addEventListener: (type: string, fn: (ev: KeyboardEvent) => void, opts: unknown) =>
        added.push({ type, fn, capture: (opts as { capture?: boolean }).capture }),
      removeEventListener: () => {},
    } as unknown as Window;
    const focused: number[] = [];
    installPanelKeys(target, ["a", "b"], (i) => focused.push(i));
    expect(added.map((a) => [a.type, a.capture])).toEqual([["keydown", true]]);
    const fire = (k: PanelKey) => {
      let stopped = false;
      let prevented = false;
      added[0]!.fn({
        ...k,
        preventDefault: () => (prevented = true),
        stopPropagation: () => (stopped = true),
      } as unknown as KeyboardEvent);
      return { stopped, prevented };
    };
    expect(fire(key("Digit2"))).toEqual({ stopped: true, prevented: true });
    expect(fire(key("Digit3"))).toEqual({ stopped: false, prevented: false });
    expect(focused).toEqual([1]);
  });
});
