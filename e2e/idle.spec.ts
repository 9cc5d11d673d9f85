/**
 * An idle page draws no frames: the app's frame loop (src/app/frame.ts) sleeps once nothing
 * moves, and wakes for new events in the ring, a playback command, a resize. The views stay
 * right across the sleeps: the flow's tokens finish their animation, the Live button, the
 * scrubber and the header's count show the head. Screenshots go to E2E_ARTIFACTS.
 */

import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { openApp, playbackState, scrubTo, settlePlayback, typeCommand } from "./helpers.ts";

const ARTIFACTS = process.env.E2E_ARTIFACTS ?? "e2e-artifacts";

/** Counts the page's animation-frame callbacks into window.__rafCalls. */
const RAF_COUNTER = `
  (() => {
    const raf = window.requestAnimationFrame.bind(window);
    window.__rafCalls = 0;
    window.requestAnimationFrame = (cb) => raf((t) => { window.__rafCalls++; cb(t); });
  })();
`;

const frames = (page: Page) => page.evaluate("window.__rafCalls") as Promise<number>;

/** Frames drawn over a quarter of a second. */
async function framesIn250ms(page: Page): Promise<number> {
  const a = await frames(page);
  await page.waitForTimeout(250);
  return (await frames(page)) - a;
}

/** Waits until the page stops drawing frames (the loop went to sleep). */
async function asleep(page: Page): Promise<void> {
  await expect.poll(() => framesIn250ms(page), { timeout: 20_000 }).toBe(0);
}

const flow = (page: Page) => page.locator("canvas.flow");
const bar = (page: Page) => page.getByRole("toolbar", { name: "playback" });

test("the idle page draws no frames; events, playback and a resize wake it, and the views stay right", async ({
  page,
}) => {
  test.setTimeout(120_000);
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.addInitScript(RAF_COUNTER);
  const errors = await openApp(page, async (p) => expect(p.locator("canvas.flow")).toBeAttached());
  await settlePlayback(page);
  await asleep(page);
  // Still asleep a second later: nothing polls with frames.
  const before = await frames(page);
  await page.waitForTimeout(1000);
  expect(await frames(page)).toBe(before);

  // A write wakes it: the flow animates its bios, then they finish and fade, and it sleeps.
  await typeCommand(
    page,
    "dd if=/dev/zero of=/dev/mapper/concat bs=6k count=1 seek=1365 oflag=direct",
  );
  await expect(page.locator("#panel-console .xterm-rows")).toContainText("1+0 records out");
  await expect.poll(() => frames(page)).toBeGreaterThan(before + 5);
  await settlePlayback(page);
  await asleep(page);
  // The last picture drawn is the settled one: no token left, the bar live at the head.
  await expect(flow(page)).toHaveAttribute("data-tokens", "0");
  await expect(flow(page)).toHaveAttribute("data-mode", "live");
  const s = await playbackState(page);
  await expect(bar(page)).toHaveAttribute("data-state", "live");
  await expect(bar(page).getByRole("button", { name: "Live" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await expect(bar(page).getByLabel("Time travel: playback cursor")).toHaveValue(String(s.head));
  await expect(page.locator("header .events")).toContainText(
    `${s.head.toLocaleString("en")} events`,
  );
  // The events/s figure went back to nothing before the loop slept.
  await expect(page.locator("header .events")).not.toContainText("/s");

  // Scrubbing back while asleep draws the still picture at the cursor.
  await scrubTo(page, s.head - 4);
  await expect(flow(page)).toHaveAttribute("data-mode", "still");
  await expect(flow(page)).toHaveAttribute("data-cursor", String(s.head - 4));
  await asleep(page);
  // Live again: the cursor goes to the head.
  await bar(page).getByRole("button", { name: "Live" }).click();
  await expect(bar(page)).toHaveAttribute("data-state", "live");
  await expect(bar(page).getByTestId("cursor")).toHaveText(s.head.toLocaleString("en"));
  await asleep(page);

  // A resize wakes it: the disk grid is drawn again at its new width.
  const grid = page.locator("canvas[data-disk='ram0']");
  const width = Number(await grid.getAttribute("width"));
  await page.setViewportSize({ width: 1100, height: 900 });
  await expect.poll(async () => Number(await grid.getAttribute("width"))).not.toBe(width);
  await asleep(page);
  await page.screenshot({ path: `${ARTIFACTS}/idle-after-resize.png` });
  expect(errors).toEqual([]);
});
