/**
 * A mirror in the page: built from the console over a RAM disk and a linear device, its
 * regions recovered (the regions-per-leg view in the Target views tab), then a leg dies (its
 * linear device reloaded as `error`) and a write shows the failed leg in the view and the
 * failed write to the leg in the flow's outcomes. Screenshots go to E2E_ARTIFACTS.
 */

import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { openApp, runSettled, settlePlayback } from "./helpers.ts";

const ARTIFACTS = process.env.E2E_ARTIFACTS ?? "e2e-artifacts";

test.use({ viewport: { width: 1600, height: 1000 } });

/** Select a device in the stack from the keyboard (its node is a focusable group). */
async function selectDevice(page: Page, name: string) {
  await page.getByRole("group", { name: `device ${name}`, exact: true }).focus();
  await page.keyboard.press("Enter");
}

test("a mirror recovers its regions, then loses a leg", async ({ page }) => {
  test.setTimeout(600_000);
  mkdirSync(ARTIFACTS, { recursive: true });
  const errors = await openApp(page);
  await settlePlayback(page, 120_000);
  await runSettled(page, "dmsetup remove stripes; dmsetup remove concat; rmmod brd");
  await runSettled(page, "modprobe brd rd_nr=3 rd_size=4096");
  await runSettled(page, "dmsetup create leg --table '0 8192 linear /dev/ram1 0'");
  await runSettled(
    page,
    "dmsetup create m --table '0 8192 mirror disk 2 /dev/ram2 1024 2 /dev/ram0 0 /dev/mapper/leg 0 1 handle_errors'",
  );
  await runSettled(page, "sleep 1; dmsetup status m");
  const consoleRows = page.locator("#panel-console .xterm-rows");
  await expect(consoleRows).toContainText("0 8192 mirror 2 1:0 254:0 8/8 1 AA 3 disk 1:2 A");

  await page.getByRole("tab", { name: "Target views", exact: true }).click();
  const views = page.getByRole("region", { name: "Target views" });
  await page.screenshot({ path: `${ARTIFACTS}/mirror-page.png` });
  await selectDevice(page, "m");
  await expect(views).toContainText("8/8 in sync");
  await expect(page.getByRole("img", { name: "leg 0 regions" })).toBeVisible();
  await expect(page.getByRole("img", { name: "leg 1 regions" })).toBeVisible();
  await views.screenshot({ path: `${ARTIFACTS}/mirror-in-sync.png` });

  // The second leg dies; the next write fails on it and is held (handle_errors).
  await runSettled(
    page,
    "dmsetup suspend leg; dmsetup reload leg --table '0 8192 error'; dmsetup resume leg",
  );
  await runSettled(page, "dd if=/dev/zero of=/dev/mapper/m bs=4k count=1 seek=10 oflag=direct &");
  await runSettled(page, "sleep 1; dmsetup status m");
  await expect(consoleRows).toContainText("0 8192 mirror 2 1:0 254:0 7/8 1 AD 3 disk 1:2 A");
  await selectDevice(page, "m");
  await expect(views).toContainText("7/8 in sync");
  await expect(views).toContainText("write failed");
  await views.screenshot({ path: `${ARTIFACTS}/mirror-leg-failed.png` });

  // The mirror's write to the dead leg failed: the outcomes view counts it, the flow drew it.
  await page.getByRole("tab", { name: "Outcomes", exact: true }).click();
  await expect(page.getByRole("table", { name: "Outcomes per device and target" })).toContainText(
    "IOERR",
  );
  await page.screenshot({ path: `${ARTIFACTS}/mirror-leg-failed-page.png` });

  // Reconfigured: the held write fails, the console is free again.
  await runSettled(page, "dmsetup suspend m; wait; dmsetup resume m; echo done");
  await expect(consoleRows).toContainText("done");
  expect(errors).toEqual([]);
});
