import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { EV } from "../src/engine/events.ts";
import {
  historyRecords,
  openApp,
  playbackState,
  scrubTo,
  settlePlayback,
  typeCommand,
} from "./helpers.ts";

/**
 * Time travel of the stack itself: the stack view draws the devices, their table segments and
 * what each maps onto as they were at the playback cursor, rebuilt from the event history. A
 * device is created, reloaded with another target type, renamed and removed; scrubbing to just
 * before and just after each of these shows the stack of that moment.
 */

const ARTIFACTS = process.env.E2E_ARTIFACTS ?? "e2e-artifacts";

const stack = (page: Page) => page.getByRole("group", { name: "device stack" });
const device = (page: Page, name: string) =>
  stack(page).getByRole("group", { name: `device ${name}`, exact: true });
/**
 * The names of the devices drawn, top-level and stacked, in document order (not those fading
 * out: the stack view hides them from assistive technology at once).
 */
const drawnDevices = (page: Page) =>
  stack(page)
    .locator("g.node.device:not([aria-hidden='true'])")
    .evaluateAll((gs) => gs.map((g) => g.getAttribute("aria-label")));

/** The stack panel and the playback bar, as one picture. */
async function shot(page: Page, name: string) {
  const a = (await page.locator(".stack-wrap").boundingBox())!;
  const b = (await page.getByRole("toolbar", { name: "playback" }).boundingBox())!;
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  await page.screenshot({
    path: `${ARTIFACTS}/${name}`,
    clip: {
      x,
      y,
      width: Math.max(a.x + a.width, b.x + b.width) - x,
      height: Math.max(a.y + a.height, b.y + b.height) - y,
    },
  });
}

async function runAndSettle(page: Page, command: string) {
  await typeCommand(page, command);
  await settlePlayback(page);
}

/** The only record of `type` naming `text` (or the only one) from `from` on. */
async function recordOf(page: Page, type: number, from: number, text?: string) {
  const found = (await historyRecords(page, type, from)).filter(
    (r) => text === undefined || r.text === text,
  );
  expect(found.length).toBeGreaterThan(0);
  return found[0]!.index;
}

test("scrubbing across a create, a reload to another target type, a rename and a remove redraws the stack of each moment", async ({
  page,
}) => {
  // Many scrubs, each redrawn: on a loaded machine this takes longer than the default minute.
  test.setTimeout(180_000);
  mkdirSync(ARTIFACTS, { recursive: true });
  const errors = await openApp(page);
  await settlePlayback(page);
  const start = (await page.evaluate(() => window.dmPlayground!.store.getState().head)) as number;

  // Typed as in the console, one after the other (each waits for the one before).
  await runAndSettle(page, "dmsetup create hist --table '0 4096 linear /dev/ram0 8192'");
  await expect(device(page, "hist")).toBeVisible();
  for (const command of [
    "dd if=/dev/urandom of=/dev/mapper/hist bs=4k count=8 oflag=direct",
    "dmsetup reload hist --table '0 4096 zero'",
    "dmsetup resume hist",
    "dmsetup rename hist renamed",
    "dmsetup remove renamed",
  ]) {
    expect(await page.evaluate((c) => window.dmPlayground!.runCommand(c), command)).toBe(0);
  }
  await settlePlayback(page);
  await expect(device(page, "renamed")).toHaveCount(0);

  // Where each change is in the history.
  const create = await recordOf(page, EV.DEVICE_CREATE, start, "hist");
  const swaps = await historyRecords(page, EV.TABLE_SWAP, create);
  const loads = await historyRecords(page, EV.TABLE_LOAD, create);
  const reloadLoad = loads[1]!.index;
  const reloadSwap = swaps.find((s) => s.index > reloadLoad)!.index;
  const resume = (await historyRecords(page, EV.DEVICE_RESUME, reloadSwap))[0]!.index;
  const remaps = await historyRecords(page, EV.BIO_REMAP, swaps[0]!.index);
  const rename = await recordOf(page, EV.DEVICE_RENAME, create, "renamed");
  const remove = await recordOf(page, EV.DEVICE_REMOVE, rename, "renamed");

  // Before the create: the default stack only.
  await scrubTo(page, create);
  await expect(device(page, "hist")).toHaveCount(0);
  expect(await drawnDevices(page)).toEqual(["device concat", "device stripes"]);
  await expect(page.getByText(/^2 dm devices ·/)).toBeVisible();

  // Just created: the device, with no table yet.
  await scrubTo(page, create + 1);
  await expect(device(page, "hist")).toBeVisible();
  await expect(page.getByText(/^3 dm devices ·/)).toBeVisible();
  await expect(device(page, "hist").getByRole("img")).toHaveCount(0);

  // The create's table live: linear onto ram0's sectors 8192+4096.
  await scrubTo(page, swaps[0]!.index + 1);
  const hist = device(page, "hist");
  await expect(hist.getByRole("img", { name: "target linear 0+4096" })).toBeVisible();
  await expect(hist.getByRole("group", { name: "disk ram0 8192+4096" })).toBeVisible();
  await expect(hist.locator("text.label").first()).toHaveText("hist");

  // Before the reload, in the middle of the dd: its bios on the linear table, on ram0.
  await scrubTo(page, remaps[2]!.index + 1);
  await expect(hist.getByRole("img", { name: "target linear 0+4096" })).toBeVisible();
  await expect(page.locator("canvas.flow")).toHaveAttribute("data-mode", "still");
  await expect(page.locator("#flow-summary li").first()).toBeAttached();
  await page.waitForTimeout(400); // the stack's transitions
  await shot(page, "history-before-reload.png");

  // The reload loaded but not resumed: still linear, with an inactive table.
  await scrubTo(page, reloadLoad + 1);
  await expect(hist.getByRole("img", { name: "target linear 0+4096" })).toBeVisible();
  await expect(hist.getByRole("img", { name: "target zero 0+4096" })).toHaveCount(0);

  // Swapped in (the device still suspended), then resumed: the zero target, mapping onto nothing.
  await scrubTo(page, reloadSwap + 1);
  await expect(hist.getByRole("img", { name: "target zero 0+4096" })).toBeVisible();
  await expect(hist.getByRole("img", { name: "target linear 0+4096" })).toHaveCount(0);
  await expect(hist.getByRole("group", { name: /^disk / })).toHaveCount(0);
  await scrubTo(page, resume + 1);
  await expect(hist.getByRole("img", { name: "target zero 0+4096" })).toBeVisible();
  await page.waitForTimeout(400);
  await shot(page, "history-after-reload.png");

  // Back before the reload again: linear once more (the same picture however we got here).
  await scrubTo(page, reloadLoad);
  await expect(hist.getByRole("img", { name: "target linear 0+4096" })).toBeVisible();
  await expect(hist.getByRole("group", { name: "disk ram0 8192+4096" })).toBeVisible();

  // The rename.
  await scrubTo(page, rename);
  await expect(device(page, "hist")).toBeVisible();
  await expect(device(page, "renamed")).toHaveCount(0);
  await scrubTo(page, rename + 1);
  await expect(device(page, "hist")).toHaveCount(0);
  await expect(
    device(page, "renamed").getByRole("img", { name: "target zero 0+4096" }),
  ).toBeVisible();

  // The remove.
  await scrubTo(page, remove);
  await expect(device(page, "renamed")).toBeVisible();
  await scrubTo(page, remove + 1);
  await expect(device(page, "renamed")).toHaveCount(0);
  expect(await drawnDevices(page)).toEqual(["device concat", "device stripes"]);

  // Live again: the present.
  await page
    .getByRole("toolbar", { name: "playback" })
    .getByRole("button", { name: /live/i })
    .click();
  await expect(device(page, "renamed")).toHaveCount(0);
  await expect(device(page, "concat")).toBeVisible();
  expect(errors).toEqual([]);
});

test("the Target tab draws the striped view of the stack at the cursor", async ({ page }) => {
  test.setTimeout(120_000);
  mkdirSync(ARTIFACTS, { recursive: true });
  const errors = await openApp(page);
  await settlePlayback(page);
  await page.getByRole("tab", { name: "Target views", exact: true }).click();
  await stack(page).getByRole("group", { name: "device stripes", exact: true }).click();
  const view = page.getByRole("img", { name: /^striped chunk placement: 2 stripes/ });
  await expect(view).toBeVisible();
  const before = await view.getAttribute("aria-label");
  await expect(view).toContainText("stripe 0 · ram0");
  await expect(view).toContainText("stripe 1 · ram1");

  const beforeDd = (await playbackState(page)).head;
  await runAndSettle(
    page,
    "dd if=/dev/urandom of=/dev/mapper/stripes bs=64k count=6 seek=2 oflag=direct",
  );
  await expect(view).not.toHaveAttribute("aria-label", before!);
  await expect(view.locator("rect.chunk.latest").first()).toBeVisible();
  await page.locator(".target-views").screenshot({ path: `${ARTIFACTS}/target-view-striped.png` });

  // Scrubbed back before the dd: the pieces are not counted yet.
  await scrubTo(page, beforeDd);
  await expect(view).toHaveAttribute("aria-label", before!);
  expect(errors).toEqual([]);
});
