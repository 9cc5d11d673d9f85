/**
 * The Disks panel's legend (who maps onto which chunks) follows table reloads and the playback
 * cursor, as the stack view does.
 */

import { expect, test } from "@playwright/test";
import { openApp, playbackState, scrubTo, settlePlayback, typeCommand } from "./helpers.ts";

test("disk legend: a reload changes it, scrubbing back shows the old table's ownership", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await openApp(page);
  const ram0Legend = page.getByRole("list", { name: "ram0: who maps onto it" });
  await typeCommand(page, "dmsetup create hist --table '0 4096 linear /dev/ram0 0'");
  await expect(ram0Legend).toContainText("hist (linear)");
  await settlePlayback(page);
  const beforeReload = (await playbackState(page)).head;

  await typeCommand(page, "dmsetup load hist --table '0 4096 zero'");
  await typeCommand(page, "dmsetup resume hist");
  await expect(ram0Legend).not.toContainText("hist (linear)");
  await expect(ram0Legend).toContainText("concat (linear)");
  await page.screenshot({ path: "test-results-fa/owners-reloaded.png" });

  await settlePlayback(page);
  await scrubTo(page, beforeReload);
  await expect(ram0Legend).toContainText("hist (linear)");
  await page.screenshot({ path: "test-results-fa/owners-scrubbed.png" });
});
