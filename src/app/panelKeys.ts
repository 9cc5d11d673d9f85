/**
 * Alt+1…Alt+9 focus the page's panels, in the order of the list the app passes in (App.tsx's
 * PANELS): a new panel gets its key by being added to that list.
 *
 * The keys are caught on the window in the capture phase, before any element sees them: the
 * console (xterm.js) and code editors handle Alt+digit themselves (xterm turns it into ESC 1 and
 * stops the event), so a listener on the bubbling side would never hear it while they have focus.
 */

/** The subset of a KeyboardEvent the mapping reads. */
export interface PanelKey {
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  /** The physical key ("Digit1"): on macOS, Option+1 types "¡", so `key` cannot be used. */
  code: string;
}

/** The 0-based panel index an Alt+digit key selects, or null for any other key. */
export function panelIndexForKey(ev: PanelKey, panelCount: number): number | null {
  if (!ev.altKey || ev.ctrlKey || ev.metaKey || ev.shiftKey) return null;
  const m = /^(?:Digit|Numpad)([1-9])$/.exec(ev.code);
  if (!m) return null;
  const i = Number(m[1]) - 1;
  return i < panelCount ? i : null;
}

/**
 * Listens for Alt+digit on `target` (the window) and calls `focus(index)`; returns the
 * unsubscribe. The key is consumed (no terminal or editor sees it) only when it names a panel.
 */
export function installPanelKeys(
  target: Pick<Window, "addEventListener" | "removeEventListener">,
  panels: readonly string[],
  focus: (index: number) => void,
): () => void {
  const onKey = (ev: KeyboardEvent) => {
    const i = panelIndexForKey(ev, panels.length);
    if (i === null) return;
    ev.preventDefault();
    ev.stopPropagation();
    focus(i);
  };
  target.addEventListener("keydown", onKey, { capture: true });
  return () => target.removeEventListener("keydown", onKey, { capture: true });
}
