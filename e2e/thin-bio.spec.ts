/**
 * A thin bio's own steps in the page (thin_lookup, thin_alloc; docs/events.md): a write to a
 * thin volume provisions a zeroed block, a write after a snapshot breaks the sharing with a copy,
 * and a write to the snapshot does too. The inspector lists the lookup and the allocation in the
 * bio's life, links the zero/copy bios both ways; the flow marks the bio at the thin device; the
 * timeline marks the allocations. Screenshots go to E2E_ARTIFACTS.
 */

import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import {
  historyRecords,
  openApp,
  runSettled,
  scrubTo,
  settlePlayback,
  typeCommand,
} from "./helpers.ts";

const ARTIFACTS = process.env.E2E_ARTIFACTS ?? "e2e-artifacts";
const THIN_ALLOC = 85; // EV.THIN_ALLOC

test.use({ viewport: { width: 1600, height: 1000 }, deviceScaleFactor: 2 });

const bar = (page: Page) => page.getByRole("toolbar", { name: "playback" });

async function pause(page: Page) {
  await bar(page).getByRole("button", { name: "Pause" }).click();
  await expect(bar(page)).toHaveAttribute("data-state", "paused");
}

/** Process bios submitted so far, and whether every one of them has completed (the history). */
function processBios(page: Page): Promise<[number, boolean]> {
  return page.evaluate(() => {
    const h = (
      window as unknown as {
        dmViews: {
          history: {
            base: number;
            head: number;
            type(i: number): number;
            bio(i: number): number;
            get(i: number, read: (r: Float64Array, o: number) => number): number;
          };
        };
      }
    ).dmViews.history;
    const open = new Set<number>();
    let n = 0;
    for (let i = h.base; i < h.head; i++) {
      const t = h.type(i);
      // bio_submit (1) with b 0: a process's bio; bio_complete (7).
      if (t === 1 && h.get(i, (r, o) => r[o + 7]!) === 0) {
        n++;
        open.add(h.bio(i));
      } else if (t === 7) open.delete(h.bio(i));
    }
    return [n, open.size === 0] as [number, boolean];
  });
}

/** Types a dd and waits until its bio has completed and the playback has caught up. */
async function dd(page: Page, command: string) {
  const [before] = await processBios(page);
  await runSettled(page, command);
  await expect
    .poll(async () => {
      const [n, done] = await processBios(page);
      return n > before && done;
    })
    .toBe(true);
  await settlePlayback(page);
}

async function inspectLatest(page: Page) {
  const panel = page.locator("#panel-disks");
  await panel.getByRole("tab", { name: "Inspector" }).click();
  await panel.getByRole("button", { name: "Latest bio" }).click();
  return panel.getByRole("table", { name: /^Life of bio \d+$/ });
}

test("a thin bio's lookup, allocation and copy are steps of its life", async ({ page }) => {
  test.setTimeout(240_000);
  mkdirSync(ARTIFACTS, { recursive: true });
  const errors = await openApp(page, async (p) => expect(p.locator("canvas.flow")).toBeAttached());
  await settlePlayback(page);
  await runSettled(page, "dmsetup remove stripes; dmsetup remove concat; rmmod brd");
  await runSettled(page, "modprobe brd rd_nr=2 rd_size=16384");
  await runSettled(
    page,
    'dmsetup create pool --table "0 32768 thin-pool /dev/ram0 /dev/ram1 128 32"; dmsetup message pool 0 create_thin 0',
  );
  await runSettled(page, 'dmsetup create vol0 --table "0 8192 thin /dev/mapper/pool 0"');
  // 4 KiB into virtual block 3 (64 KiB blocks): unmapped, a new data block is zeroed.
  await dd(page, "dd if=/dev/urandom of=/dev/mapper/vol0 bs=4k count=1 seek=48 oflag=direct");
  await pause(page);
  let life = await inspectLatest(page);
  await expect(life).toContainText("lookup: virtual block 3 unmapped");
  await expect(life).toContainText(
    /allocated data block 0 for virtual block 3 \(zeroed\) · its own bios? \d+/,
  );
  await expect(life).toContainText("target 0 map → SUBMITTED");
  await expect(life).toContainText("end_io → OK, DONE");
  // The rows come in the order of the bio's life: lookup, map, lookup, allocation, end_io.
  const kinds = await life.locator("tbody tr td:nth-child(3)").allTextContents();
  const thinSteps = kinds.filter((k) => /^(thin_lookup|map|thin_alloc|endio)$/.test(k));
  expect(thinSteps.slice(0, 4)).toEqual(["thin_lookup", "map", "thin_lookup", "thin_alloc"]);
  await page.locator("#panel-disks").screenshot({ path: `${ARTIFACTS}/thin-bio-zero.png` });

  // The flow, at the allocation: the write's clone at vol0's thin target, marked.
  const allocs = await historyRecords(page, THIN_ALLOC);
  expect(allocs.map((a) => a.text)).toEqual(["zero"]);
  await scrubTo(page, allocs[0]!.index + 1);
  await expect(page.locator("canvas.flow")).toHaveAttribute("data-mode", "still");
  await expect(page.locator("#flow-summary li")).toContainText([/thin alloc/]);
  await page.locator("#panel-stack").screenshot({ path: `${ARTIFACTS}/thin-bio-flow.png` });
  const box = (await page.locator("#panel-stack").boundingBox())!;
  await page.screenshot({
    path: `${ARTIFACTS}/thin-bio-flow-zoom.png`,
    clip: { x: box.x, y: box.y + 30, width: 320, height: 110 },
  });

  // A snapshot of vol0, then the same block written again: shared, the sharing is broken.
  await bar(page).getByRole("button", { name: "Play" }).click();
  await runSettled(
    page,
    "dmsetup suspend vol0; dmsetup message pool 0 create_snap 1 0; dmsetup resume vol0; dmsetup create snap --table '0 8192 thin /dev/mapper/pool 1'",
  );
  await dd(page, "dd if=/dev/urandom of=/dev/mapper/vol0 bs=4k count=1 seek=49 oflag=direct");
  await pause(page);
  life = await inspectLatest(page);
  await expect(life).toContainText(
    "lookup: virtual block 3 shared: data block 0 (a write breaks sharing)",
  );
  const copyRow = life.locator("tr", { hasText: "copy of 0: breaks sharing" });
  await expect(copyRow).toContainText(/allocated data block 1 for virtual block 3/);
  await page.locator("#panel-disks").screenshot({ path: `${ARTIFACTS}/thin-bio-copy.png` });

  // The copy's own bios name the bio they work for.
  const own = /its own bios? ([\d, ]+)/.exec((await copyRow.textContent()) ?? "")?.[1] ?? "";
  const ownIds = own.split(",").map((s) => s.trim());
  expect(ownIds.length).toBeGreaterThan(0);
  const selected = /^Life of bio (\d+)$/.exec((await life.getAttribute("aria-label")) ?? "")?.[1];
  const panel = page.locator("#panel-disks");
  await panel.getByRole("textbox", { name: "Bio id" }).fill(ownIds[0]!);
  await panel.getByRole("button", { name: "Inspect" }).click();
  const ownLife = panel.getByRole("table", { name: `Life of bio ${ownIds[0]}` });
  await expect(ownLife).toContainText(
    /issued by vol0 target 0 \(its own I\/O: copy (from|into) data block [01] for bio \d+\)/,
  );
  expect(selected).toBeDefined();
  await panel.screenshot({ path: `${ARTIFACTS}/thin-bio-copy-own.png` });

  // A write to the snapshot's block 3: mapped before the snapshot, shared, copied as well.
  await bar(page).getByRole("button", { name: "Play" }).click();
  await dd(page, "dd if=/dev/urandom of=/dev/mapper/snap bs=4k count=1 seek=50 oflag=direct");
  await pause(page);
  life = await inspectLatest(page);
  await expect(life).toContainText("snap block 3");
  await expect(life).toContainText(/allocated data block 2 for virtual block 3 \(copy of 0/);

  // The timeline marks each allocation on its thin device's lane, with a legend entry.
  await panel.getByRole("tab", { name: "Timeline" }).click();
  const timeline = panel.getByRole("list", { name: "Lifecycle timeline" });
  await expect(
    timeline.getByRole("img", {
      name: /^thin alloc vol0 bio \d+: virtual block 3 → data block 1 \(copy 0\) at /,
    }),
  ).toHaveCount(1);
  await expect(
    timeline.getByRole("img", {
      name: /^thin alloc snap bio \d+: virtual block 3 → data block 2 \(copy 0\) at /,
    }),
  ).toHaveCount(1);
  await expect(panel.getByRole("list", { name: "timeline legend" })).toContainText("thin alloc");
  await panel.screenshot({ path: `${ARTIFACTS}/thin-bio-timeline.png` });

  // Under load: random 4 KiB writes provision blocks as they go; the marks stay light.
  await bar(page).getByRole("button", { name: "Play" }).click();
  await typeCommand(
    page,
    "loadgen start /dev/mapper/vol0 --rate 300 --bs 4k --read 0 --pattern random",
  );
  await expect
    .poll(async () => (await historyRecords(page, THIN_ALLOC)).length, { timeout: 30_000 })
    .toBeGreaterThan(10);
  await page.locator("#panel-stack").screenshot({ path: `${ARTIFACTS}/thin-bio-flow-load.png` });
  await typeCommand(page, "loadgen stop 1");
  expect(errors).toEqual([]);
});
