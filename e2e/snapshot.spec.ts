/**
 * Snapshots in the page: an origin with two snapshots built from the console, the snapshot view
 * (Target views tab) after origin and snapshot writes (origin chunks copied, the exception
 * table, the COW's header, metadata area and data chunks, the latest bios to COW or origin),
 * half way through a run of origin writes and half way through a merge (the history scrubbed
 * back to between its `snap_exception` records, and between `merge started` and `merge done`). Screenshots go to E2E_ARTIFACTS.
 */

import { mkdirSync } from "node:fs";
import { expect, test } from "@playwright/test";
import {
  historyRecords,
  openApp,
  runSettled,
  scrubTo,
  settlePlayback,
  typeCommand,
} from "./helpers.ts";

const ARTIFACTS = process.env.E2E_ARTIFACTS ?? "e2e-artifacts";
/** events.ts EV.SNAP_EXCEPTION, EV.SNAP_STATE */
const SNAP_EXCEPTION = 70;
const SNAP_STATE = 72;

test.use({ viewport: { width: 1600, height: 1000 } });

test("the snapshot view shows copy-on-write, the exception table and a merge", async ({ page }) => {
  test.setTimeout(600_000);
  mkdirSync(ARTIFACTS, { recursive: true });
  const errors = await openApp(page);
  await settlePlayback(page, 120_000);
  await runSettled(page, "dmsetup remove stripes; dmsetup remove concat; rmmod brd");
  await runSettled(page, "modprobe brd rd_nr=3 rd_size=2048");
  // The origin, then its snapshots with the origin suspended, as LVM does it.
  await runSettled(page, 'dmsetup create o --table "0 2048 snapshot-origin /dev/ram0"');
  await runSettled(
    page,
    'dmsetup suspend o; dmsetup create s1 --table "0 2048 snapshot /dev/ram0 /dev/ram1 P 8"; dmsetup create s2 --table "0 2048 snapshot /dev/ram0 /dev/ram2 N 16"; dmsetup resume o',
  );
  await runSettled(page, "dd if=/dev/urandom of=/dev/mapper/o bs=4k count=6 seek=2 oflag=direct");
  await runSettled(page, "dd if=/dev/urandom of=/dev/mapper/s1 bs=4k count=2 seek=20 oflag=direct");
  await runSettled(
    page,
    "dd if=/dev/urandom of=/dev/mapper/s1 bs=512 count=1 seek=200 oflag=direct",
  );
  await runSettled(page, "dd if=/dev/mapper/s1 of=/dev/null bs=4k count=10 iflag=direct");
  await runSettled(page, "dmsetup status s1");
  await expect(page.locator("#panel-console .xterm-rows")).toContainText(
    "0 2048 snapshot 88/4096 16",
  );

  await page.getByRole("tab", { name: "Target views", exact: true }).click();
  const views = page.getByRole("region", { name: "Target views" });
  await page.getByRole("group", { name: "device s1", exact: true }).click();
  const view = page.getByRole("img", { name: /^snapshot exception table/ });
  await expect(view).toHaveAttribute(
    "aria-label",
    "snapshot exception table: 9 of 256 origin chunks copied, valid",
  );
  const table = page.getByRole("table", { name: "exceptions" });
  // Origin chunks 2..7 copied first (COW chunks 2..7), then 20, 21 and 25 written to s1.
  await expect(table.locator("tbody tr")).toHaveCount(9);
  await expect(table.locator("tbody tr").first()).toHaveText("2216");
  await expect(view.locator("rect.hot-cow").first()).toBeVisible();
  await expect(view.locator("rect.cow.header")).toHaveCount(1);
  await views.screenshot({ path: `${ARTIFACTS}/snapshot-view.png` });

  // Origin writes, one chunk at a time: each copies the chunk to both snapshots first. The view
  // is shown half way through them (the history scrubbed back), then live again.
  const firstCopy = (await historyRecords(page, SNAP_EXCEPTION)).length;
  // On a busy machine the loop may take a while: wait for it to end, then for the playback.
  await typeCommand(
    page,
    "for c in 40 90 130 170 200 230 250 12 60 100 150 190; do dd if=/dev/urandom of=/dev/mapper/o bs=4k seek=$c count=1 oflag=direct 2>/dev/null; done; echo writes-$((1 + 1))-done",
  );
  await expect(page.locator("#panel-console .xterm-rows")).toContainText("writes-2-done", {
    timeout: 120_000,
  });
  await settlePlayback(page, 120_000);
  const copies = (await historyRecords(page, SNAP_EXCEPTION)).slice(firstCopy);
  // Two snapshots, twelve chunks (s2's chunks are 8 KiB: 12 as well, none shared).
  expect(copies.length).toBe(24);
  await expect(view).toHaveAttribute(
    "aria-label",
    "snapshot exception table: 21 of 256 origin chunks copied, valid",
  );
  await scrubTo(page, copies[11]!.index + 1);
  await expect(view).toHaveAttribute(
    "aria-label",
    "snapshot exception table: 15 of 256 origin chunks copied, valid",
  );
  await views.screenshot({ path: `${ARTIFACTS}/snapshot-view-origin-writes.png` });
  await page
    .getByRole("toolbar", { name: "playback" })
    .getByRole("button", { name: "Live" })
    .click();
  await settlePlayback(page, 120_000);

  // Merge s1 back into the origin: s1 and o suspended, o's table becomes the merge.
  const before = (await historyRecords(page, SNAP_STATE)).length;
  await runSettled(
    page,
    'dmsetup suspend s1; dmsetup suspend o; dmsetup load o --table "0 2048 snapshot-merge /dev/ram0 /dev/ram1 P 8"; dmsetup resume o; sleep 1; dmsetup status o',
  );
  await expect(page.locator("#panel-console .xterm-rows")).toContainText(
    "0 2048 snapshot-merge 16/4096 16",
  );
  const states = (await historyRecords(page, SNAP_STATE)).slice(before);
  const started = states.find((s) => s.text === "merge started");
  const done = states.find((s) => s.text === "merge done");
  expect(started && done).toBeTruthy();
  await page.getByRole("group", { name: "device o", exact: true }).click();
  const merge = page.getByRole("img", { name: /^snapshot exception table/ });
  await expect(merge).toHaveAttribute(
    "aria-label",
    "snapshot exception table: 0 of 256 origin chunks copied, merged",
    // The playback may still be drawing the merge on a busy machine.
    { timeout: 120_000 },
  );
  await views.screenshot({ path: `${ARTIFACTS}/snapshot-merged.png` });
  // Back in time, half way through the merge.
  await scrubTo(page, Math.floor((started!.index + done!.index) / 2));
  const bar = page.getByRole("progressbar", { name: "merge progress" });
  await expect(bar).toBeVisible();
  const now = Number(await bar.getAttribute("aria-valuenow"));
  const max = Number(await bar.getAttribute("aria-valuemax"));
  expect(now).toBeGreaterThan(0);
  expect(now).toBeLessThan(max);
  await views.screenshot({ path: `${ARTIFACTS}/snapshot-merging.png` });
  await page.screenshot({ path: `${ARTIFACTS}/snapshot-page.png` });
  expect(errors).toEqual([]);
});
