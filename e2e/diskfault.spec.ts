/**
 * Breaking disks on purpose from the Disks panel: a fault rule set from its form fails the
 * writes a load generator sends to a RAM disk (the block layer's line in dmesg, the fault on
 * the timeline), a RAM disk's volatile write cache marks the chunks it holds, and the Power cut
 * button (after its confirmation) drops what was cached and every device with its table.
 */

import { expect, test } from "@playwright/test";
import { historyRecords, openApp, scrubTo, settlePlayback, typeCommand } from "./helpers.ts";

const SHOTS = process.env.E2E_RESULTS ?? "test-results";

test("a fault rule and a write cache set from the disk panel, then a power cut under load", async ({
  page,
}) => {
  test.setTimeout(240_000);
  const errors = await openApp(page);
  const panel = page.locator("#panel-disks");
  const consoleRows = page.locator("#panel-console .xterm-rows");
  const form = panel.getByRole("form", { name: "add a disk fault rule" });
  // The controls are behind one button (the panel shows the disks first); Enter opens them.
  const toggle = panel.getByRole("button", { name: /Faults, write caches, power cut/ });
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await expect(form).toHaveCount(0);
  await toggle.focus();
  await page.keyboard.press("Enter");
  await expect(form).toBeVisible();

  // ram0's write cache on, from its checkbox: the console shows the command it ran.
  const ram0 = panel.getByRole("region", { name: "disk ram0" });
  await ram0.getByLabel("volatile write cache").check();
  await expect(consoleRows).toContainText("diskcache ram0 on");
  await expect(ram0.getByLabel("volatile write cache")).toBeChecked();

  // A rule from the form, typed with the keyboard: fail writes to ram1's first 2048 sectors.
  await form.getByLabel("disk", { exact: true }).selectOption("ram1");
  await form.getByLabel("op", { exact: true }).selectOption("write");
  await form.getByLabel("sectors").fill("0-2047");
  await form.getByLabel("sectors").press("Enter");
  await expect(consoleRows).toContainText(
    "diskfault add ram1 --op write --sectors 0-2047 --errno EIO",
  );
  const rules = panel.getByRole("list", { name: "ram1: fault rules" });
  await expect(rules).toContainText("--op write --sectors 0-2047 --errno EIO");

  // Load on concat: its writes land on ram0 (cached) and on ram1 (failing at the start).
  await typeCommand(page, "loadgen start /dev/mapper/concat --pattern random --read 0 --rate 400");
  await expect(ram0.locator(".cached")).toContainText(
    /write cache: [1-9][\d,]* sectors not durable/,
  );
  await expect(rules).toContainText(/fired [1-9]/, { timeout: 30_000 });
  await page.screenshot({ path: `${SHOTS}/diskfault-under-load.png` });
  await panel.screenshot({ path: `${SHOTS}/diskfault-panel.png` });
  await panel.getByRole("region", { name: "disk ram1" }).screenshot({
    path: `${SHOTS}/diskfault-ram1.png`,
  });
  // The faults on the timeline, in ram1's lane.
  await page.getByRole("tab", { name: "Timeline" }).click();
  const timeline = page.getByRole("list", { name: "Lifecycle timeline" });
  await expect(
    timeline.getByRole("img", {
      name: /^disk fault ram1 bio \d+ \d+\+8: rule 1: ram1 --op write --sectors 0-2047 --errno EIO at /,
    }),
  ).not.toHaveCount(0);
  await expect(
    timeline.getByRole("img", { name: /^disk config ram0: diskcache ram0 on at / }),
  ).toHaveCount(1);
  await panel.screenshot({ path: `${SHOTS}/diskfault-timeline.png` });
  await page.getByRole("tab", { name: "Disks" }).click();

  await typeCommand(page, "dmesg | grep 'I/O error' | tail -n 2");
  await expect(consoleRows).toContainText(
    /I\/O error, dev ram1, sector \d+ op 0x1:\(WRITE\) flags 0x0 phys_seg \d+ prio class 2/,
  );

  // The power cut asks first; Escape backs out, then it is done for real.
  const cut = panel.getByRole("button", { name: "Power cut…" });
  await cut.click();
  const dialog = panel.getByRole("alertdialog", { name: "cut the power?" });
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(cut).toBeFocused();
  await cut.click();
  await dialog.getByRole("button", { name: "Cut power" }).click();
  await expect(consoleRows).toContainText(/ram0: \d+ cached sectors? lost/);
  await expect(consoleRows).toContainText("powercut: restarted; gone: concat, stripes");
  await expect(ram0.locator(".cached")).toHaveText("write cache: 0 sectors not durable");
  // After the restart: no mapped devices, the disks and their settings stay. (The playback
  // shows the failed bios before it one by one: let it reach the cut.)
  await settlePlayback(page);
  await expect(page.getByRole("group", { name: "device stripes" })).toHaveCount(0);
  await expect(page.getByText("No device-mapper devices.")).toBeVisible();
  await expect(ram0.getByLabel("volatile write cache")).toBeChecked();
  await expect(rules).toContainText("--errno EIO");
  await page.screenshot({ path: `${SHOTS}/diskfault-after-powercut.png` });
  await page.getByRole("tab", { name: "Timeline" }).click();
  await expect(
    timeline.getByRole("img", { name: /^power cut ram0: ram0: \d+ lost, 0 kept at / }),
  ).toHaveCount(1);
  await expect(
    timeline.getByRole("img", { name: /^power cut ram1: ram1: no write cache at / }),
  ).toHaveCount(1);
  await panel.screenshot({ path: `${SHOTS}/diskfault-timeline-after-powercut.png` });
  expect(errors).toEqual([]);
});

test("a bio a disk fault rule fails is marked in the flow, at the disk", async ({ page }) => {
  test.setTimeout(90_000);
  await openApp(page);
  await typeCommand(page, "diskfault add ram1 --op write --errno EIO");
  // concat's second half is ram1: sector 16800 of concat is sector 416 of ram1.
  await typeCommand(
    page,
    "dd if=/dev/zero of=/dev/mapper/concat bs=4k count=1 seek=2100 oflag=direct; echo rc=$?",
  );
  await expect(page.locator("#panel-console .xterm-rows")).toContainText("rc=1");
  await settlePlayback(page);
  const faults = await historyRecords(page, 60); // EV.DISK_FAULT
  expect(faults.map((f) => f.text)).toEqual(["rule 1: ram1 --op write --errno EIO"]);
  // The picture just after the fault: the clone at ram1, failed, marked.
  await scrubTo(page, faults[0]!.index + 1);
  await expect(page.locator("#flow-summary")).toContainText(/bio \d+ WRITE ram1:416\+8 .*fault/);
  await page
    .getByRole("region", { name: "Device stack" })
    .screenshot({ path: `${SHOTS}/diskfault-flow.png` });
});
