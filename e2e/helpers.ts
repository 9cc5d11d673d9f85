/** What the end-to-end tests share: opening the app and typing into its console. */

import { expect, type Page } from "@playwright/test";

/** Types a command into the xterm console and presses Enter. */
export async function typeCommand(page: Page, command: string): Promise<void> {
  await page.locator("#panel-console .xterm").click();
  await page.keyboard.type(command, { delay: 2 });
  await page.keyboard.press("Enter");
}

/**
 * Opens the app and waits for the default stack and the console's prompt (and `ready`, if
 * given, for a panel the test needs). Returns the page errors seen from then on.
 */
export async function openApp(
  page: Page,
  ready?: (page: Page) => Promise<void>,
): Promise<string[]> {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto("/");
  // The engine boots in a worker: on a loaded 2-core machine that takes a while.
  await expect(page.getByRole("group", { name: "device stripes" })).toBeVisible({
    timeout: 60_000,
  });
  await expect(page.locator("#panel-console .xterm-rows")).toContainText("dmsh#", {
    timeout: 30_000,
  });
  await ready?.(page);
  return errors;
}

/** The playback cursor, the head of the history and the events drained, from the store. */
export function playbackState(page: Page) {
  return page.evaluate(() => {
    const s = window.dmPlayground!.store.getState();
    return { cursor: s.cursor, head: s.head, mode: s.playMode, seen: s.eventsSeen };
  });
}

/** Waits until the playback cursor has caught up with every event drained. */
export async function settlePlayback(page: Page, timeout = 30_000): Promise<void> {
  await expect
    .poll(
      async () => {
        const s = await playbackState(page);
        return s.head > 0 && s.cursor === s.head && s.cursor === s.seen;
      },
      { timeout },
    )
    .toBe(true);
}

/** Type `command` in the console, then wait (up to `timeout` ms) for the playback to catch up. */
export async function runSettled(page: Page, command: string, timeout = 120_000): Promise<void> {
  await typeCommand(page, command);
  await settlePlayback(page, timeout);
}

/** Moves the time-travel scrubber to `value` as a user dragging it would (this pauses). */
export async function scrubTo(page: Page, value: number): Promise<void> {
  const bar = page.getByRole("toolbar", { name: "playback" });
  await bar.getByLabel("Time travel: playback cursor").evaluate((el: HTMLInputElement, v) => {
    const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!;
    set.call(el, String(v));
    el.dispatchEvent(new Event("input", { bubbles: true }));
  }, value);
  await expect(bar.getByTestId("cursor")).toHaveText(value.toLocaleString("en"));
}

/**
 * Indexes in the page's event history of the records of type `type` (events.ts EV codes) from
 * `from` on, with the name each names (its interned string, "" if none).
 */
export function historyRecords(
  page: Page,
  type: number,
  from = 0,
): Promise<Array<{ index: number; text: string }>> {
  return page.evaluate(
    ([type, from]) => {
      type Read = (r: Float64Array, o: number) => number;
      const views = (
        window as unknown as {
          dmViews: {
            history: {
              base: number;
              head: number;
              type(i: number): number;
              get(i: number, read: Read): number;
              string(id: number): string | undefined;
            };
            ev: { text: Read };
          };
        }
      ).dmViews;
      const h = views.history;
      const out: Array<{ index: number; text: string }> = [];
      for (let i = Math.max(from, h.base); i < h.head; i++) {
        if (h.type(i) !== type) continue;
        const id = h.get(i, views.ev.text);
        out.push({ index: i, text: h.string(id) ?? "" });
      }
      return out;
    },
    [type, from] as const,
  );
}
