/**
 * Thin provisioning in the page: a pool with two thin volumes built from the console, load
 * generators writing to both, a snapshot of one taken while they run; the thin-pool view (Target
 * views tab): data blocks coloured by thin device, shared blocks hatched, the pool's figures and
 * the mapping btrees read from the metadata device, a node expanded. Screenshots go to
 * E2E_ARTIFACTS.
 */

import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { openApp, settlePlayback, typeCommand } from "./helpers.ts";

const ARTIFACTS = process.env.E2E_ARTIFACTS ?? "e2e-artifacts";

test.use({ viewport: { width: 1600, height: 1000 } });

async function run(page: Page, command: string) {
  await typeCommand(page, command);
  await settlePlayback(page);
}

function mappedOf(label: string | null): number {
  return Number(/: (\d+) of \d+ mapped/.exec(label ?? "")?.[1] ?? -1);
}

test("the thin pool view shows provisioning, sharing after a snapshot and the btrees", async ({
  page,
}) => {
  test.setTimeout(300_000);
  mkdirSync(ARTIFACTS, { recursive: true });
  const errors = await openApp(page);
  await settlePlayback(page);
  await run(page, "dmsetup remove stripes; dmsetup remove concat; rmmod brd");
  await run(page, "modprobe brd rd_nr=2 rd_size=16384");
  await run(page, 'dmsetup create pool --table "0 32768 thin-pool /dev/ram0 /dev/ram1 128 32"');
  await run(page, "dmsetup message pool 0 create_thin 0; dmsetup message pool 0 create_thin 1");
  await run(
    page,
    'dmsetup create vol0 --table "0 8192 thin /dev/mapper/pool 0"; dmsetup create vol1 --table "0 8192 thin /dev/mapper/pool 1"',
  );
  await run(page, "dd if=/dev/urandom of=/dev/mapper/vol0 bs=64k count=8 oflag=direct");
  await run(page, "dmsetup status pool");
  await expect(page.locator("#panel-console .xterm-rows")).toContainText("0 32768 thin-pool 0 ");

  await page.getByRole("tab", { name: "Target views", exact: true }).click();
  await page.getByRole("group", { name: "device pool", exact: true }).first().click();
  const view = page.getByRole("img", { name: /^thin pool data blocks/ });
  await expect(view).toHaveAttribute(
    "aria-label",
    "thin pool data blocks: 8 of 256 mapped, 0 shared, 2 thin devices",
  );

  // Two load generators, random 4 KiB writes: blocks are provisioned as they go.
  await typeCommand(
    page,
    "loadgen start /dev/mapper/vol0 --rate 200 --bs 4k --read 0 --pattern random",
  );
  await typeCommand(
    page,
    "loadgen start /dev/mapper/vol1 --rate 200 --bs 4k --read 0 --pattern random",
  );
  await expect
    .poll(async () => mappedOf(await view.getAttribute("aria-label")))
    .toBeGreaterThan(40);
  await page.locator(".target-views").screenshot({ path: `${ARTIFACTS}/thin-pool-loadgen.png` });

  // A snapshot of vol0, taken with vol0 suspended (its generator stopped first): vol0's blocks
  // are shared with the snapshot until written again.
  // (typed, not settled: vol1's generator keeps the history growing)
  await typeCommand(page, "loadgen stop 1");
  await typeCommand(
    page,
    "dmsetup suspend vol0; dmsetup message pool 0 create_snap 2 0; dmsetup resume vol0",
  );
  const sharedOf = async () =>
    Number(/, (\d+) shared/.exec((await view.getAttribute("aria-label")) ?? "")?.[1] ?? 0);
  await expect.poll(sharedOf).toBeGreaterThan(0);
  await expect(view).toHaveAttribute("aria-label", /3 thin devices$/);
  await page.locator(".target-views").screenshot({ path: `${ARTIFACTS}/thin-pool-snapshot.png` });
  // Writes to vol0 break the sharing: its old blocks stay with the snapshot (thin 2) alone.
  const atSnapshot = await sharedOf();
  await typeCommand(
    page,
    "loadgen start /dev/mapper/vol0 --rate 20 --bs 4k --read 0 --pattern random",
  );
  await expect.poll(sharedOf).toBeLessThan(atSnapshot);
  await page.locator(".target-views").screenshot({ path: `${ARTIFACTS}/thin-pool-broken.png` });
  await page.screenshot({ path: `${ARTIFACTS}/thin-pool-page.png` });
  await typeCommand(page, "loadgen stop");

  // The mapping btrees as committed on the metadata device; open vol1's root node.
  await run(page, "dmsetup status pool");
  const trees = page.locator(".thin-pool-view .tp-trees");
  await expect(trees).toContainText("thin 0");
  await expect(trees).toContainText("thin 2");
  const toggle = trees.locator(".tp-toggle").nth(1);
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  await expect(trees.locator(".tp-entries li").first()).toContainText("→");
  await trees.scrollIntoViewIfNeeded();
  await trees.screenshot({ path: `${ARTIFACTS}/thin-pool-btree.png` });
  expect(errors).toEqual([]);
});
