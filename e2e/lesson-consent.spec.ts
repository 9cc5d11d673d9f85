/**
 * A lesson replaces the session: on a fresh page it starts at once; with history of the
 * person's own (a command typed, a device made) it asks first, in a modal dialog that Enter
 * confirms and Escape cancels, with the focus kept inside. Cancelled, nothing changes. The
 * header's event count is this session's: it starts over with a lesson and with Reset.
 * Screenshots go to E2E_ARTIFACTS.
 */

import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { openApp, settlePlayback, typeCommand } from "./helpers.ts";

const ARTIFACTS = process.env.E2E_ARTIFACTS ?? "e2e-artifacts";

test.setTimeout(180_000);
expect.configure({ timeout: 30_000 });

const learn = (page: Page) => page.getByRole("complementary", { name: "Learn" });
const LESSON = "A mapped device and its table";
const dialog = (page: Page) => page.getByRole("dialog", { name: `Start the lesson “${LESSON}”?` });

/** The header's count, and the page's history of this session's events. */
async function counts(page: Page): Promise<{ header: number; head: number }> {
  const text = await page.locator("header .events").innerText();
  const head = await page.evaluate(
    () => (window as unknown as { dmViews: { history: { head: number } } }).dmViews.history.head,
  );
  return { header: Number(/^([\d,]+) events/.exec(text)![1]!.replace(/,/g, "")), head };
}

/** Waits until the header shows the history's count (published a few times a second). */
async function headerCountsSession(page: Page): Promise<number> {
  await expect
    .poll(async () => {
      const c = await counts(page);
      return c.header === c.head && c.head > 0;
    })
    .toBe(true);
  return (await counts(page)).header;
}

test("a lesson starts at once on a fresh page, asks first over a session with history, and the header counts this session's events", async ({
  page,
}) => {
  mkdirSync(ARTIFACTS, { recursive: true });
  const errors = await openApp(page);
  await settlePlayback(page);
  await page.getByRole("button", { name: "Learn", exact: true }).click();
  const panel = learn(page);

  // Fresh page: no question, the lesson starts.
  await panel.getByRole("button", { name: LESSON }).click();
  await expect(panel.getByTestId("lesson-check")).toBeVisible();
  await expect(dialog(page)).toHaveCount(0);
  await headerCountsSession(page);

  // History of one's own: a device made in the console.
  await panel.getByRole("button", { name: "← All lessons" }).click();
  await typeCommand(page, "dmsetup create mine --table '0 8 zero'");
  await expect(page.getByRole("group", { name: "device mine" })).toBeVisible();
  await settlePlayback(page);
  const before = await headerCountsSession(page);
  const commands = () =>
    page.evaluate(() => window.dmPlayground!.store.getState().sessionCommands.length);
  const typed = await commands();
  expect(typed).toBeGreaterThan(0);

  // Asked; Escape keeps everything as it was.
  const button = panel.getByRole("button", { name: LESSON });
  await button.click();
  const d = dialog(page);
  await expect(d).toBeVisible();
  await expect(d).toContainText(`${typed} command`);
  await expect(d.getByRole("button", { name: "Start the lesson" })).toBeFocused();
  // Tab and Shift+Tab stay in the dialog.
  for (const key of ["Tab", "Tab", "Tab", "Shift+Tab", "Shift+Tab", "Shift+Tab"]) {
    await page.keyboard.press(key);
    expect(
      await d.evaluate(
        (el) => el.contains(document.activeElement) && document.activeElement !== el,
      ),
    ).toBe(true);
  }
  await d.getByRole("button", { name: "Start the lesson" }).focus();
  await page.screenshot({ path: `${ARTIFACTS}/lesson-consent.png` });
  await page.keyboard.press("Escape");
  await expect(d).toHaveCount(0);
  await expect(button).toBeFocused();
  await expect(page.getByRole("group", { name: "device mine" })).toBeVisible();
  await expect(panel.getByTestId("lesson-check")).toHaveCount(0);
  expect(await commands()).toBe(typed);
  expect(await page.evaluate(() => window.dmPlayground!.store.getState().lesson)).toBeNull();
  expect((await counts(page)).head).toBe(before);

  // The cancel button does nothing either.
  await button.click();
  await d.getByRole("button", { name: "Keep my session" }).click();
  await expect(d).toHaveCount(0);
  await expect(page.getByRole("group", { name: "device mine" })).toBeVisible();

  // Asked again; Enter starts the lesson: a fresh engine, the device gone, the count restarted.
  await button.click();
  await expect(d).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(d).toHaveCount(0);
  await expect(panel.getByTestId("lesson-check")).toBeVisible();
  await expect(page.getByRole("group", { name: "device mine" })).toHaveCount(0);
  await settlePlayback(page);
  const lessonCount = await headerCountsSession(page);
  expect(await commands()).toBe(0);

  // Reset: the count starts over again (it used to go on from the session before).
  await typeCommand(page, "dd if=/dev/zero of=/dev/ram0 bs=4k count=64 oflag=direct");
  await settlePlayback(page);
  const grown = await headerCountsSession(page);
  expect(grown).toBeGreaterThan(lessonCount);
  await page.getByRole("button", { name: /Reset/ }).click();
  await expect(page.getByRole("group", { name: "device stripes" })).toBeVisible();
  await settlePlayback(page);
  const afterReset = await headerCountsSession(page);
  expect(afterReset).toBeLessThan(grown);
  await page.locator("header.top").screenshot({ path: `${ARTIFACTS}/lesson-consent-header.png` });
  expect(errors).toEqual([]);
});
