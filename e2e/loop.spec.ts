/**
 * Tutorials paste in unchanged: a file, a loop device over it, a dm device over that, and the
 * tools that look at them (lsblk, losetup, /sys/block), in the browser's console; the stack
 * view draws the loop device under the new dm device.
 */

import { expect, test } from "@playwright/test";
import { openApp, typeCommand } from "./helpers.ts";

test("a tutorial's loop device setup works in the console and shows in the stack", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const errors = await openApp(page);
  const rows = page.locator("#panel-console .xterm-rows");
  await typeCommand(page, "truncate -s 64M /tmp/disk.img && losetup -f --show /tmp/disk.img");
  await expect(rows).toContainText("/dev/loop0");
  await typeCommand(page, "dmsetup create onloop --table '0 131072 linear /dev/loop0 0'");
  await typeCommand(page, "lsblk");
  await expect(rows).toContainText("`-onloop");
  await typeCommand(page, "cat /sys/block/loop0/holders/dm-2/dm/name /proc/partitions | head -3");
  await expect(rows).toContainText("onloop");
  await typeCommand(page, "dd if=/dev/zero of=/dev/mapper/onloop bs=64k count=4; losetup -l");
  await expect(rows).toContainText("BACK-FILE");
  // The stack view has the new device, standing on the loop device.
  await expect(page.getByRole("group", { name: "device onloop" })).toBeVisible();
  await expect(page.locator("#panel-stack")).toContainText("loop0");
  await page.screenshot({ path: "test-results-h2/loop-stack.png", fullPage: false });
  expect(errors).toEqual([]);
});
