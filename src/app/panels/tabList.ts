/**
 * The WAI-ARIA tabs pattern (https://www.w3.org/WAI/ARIA/apg/patterns/tabs/) for the page's tab
 * lists (the views, the editors, Learn): only the selected tab is in the Tab order (roving
 * tabindex); ← and → move to the previous and next tab (wrapping), Home and End to the first and
 * last, each selecting the tab it reaches (automatic activation) and putting the focus on it.
 */

import type { KeyboardEvent } from "react";

/** The tab a key moves to from `current` among `ids`, or null for a key that moves nowhere. */
export function nextTab<T>(ids: readonly T[], current: T, key: string): T | null {
  const n = ids.length;
  const i = ids.indexOf(current);
  if (n === 0) return null;
  switch (key) {
    case "ArrowRight":
      return ids[(i + 1) % n]!;
    case "ArrowLeft":
      return ids[(i - 1 + n) % n]!;
    case "Home":
      return ids[0]!;
    case "End":
      return ids[n - 1]!;
    default:
      return null;
  }
}

/**
 * The tab list's keydown handler: selects the tab the key moves to and focuses its element (the
 * one whose id is `domId(tab)`, focused after the selection renders).
 */
export function tabListKeys<T>(
  ids: readonly T[],
  current: T,
  choose: (id: T) => void,
  domId: (id: T) => string,
): (ev: KeyboardEvent) => void {
  return (ev) => {
    if (ev.altKey || ev.ctrlKey || ev.metaKey) return;
    const to = nextTab(ids, current, ev.key);
    if (to === null) return;
    ev.preventDefault();
    ev.stopPropagation();
    choose(to);
    // The selected tab is the one in the Tab order once it renders; focus it now (it exists).
    document.getElementById(domId(to))?.focus();
  };
}
