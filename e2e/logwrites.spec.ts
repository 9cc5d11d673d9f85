/**
 * log-writes in the page: a log written from the console, the replay viewer (Target views tab)
 * listing its entries and marks, stepping entry by entry, and the md5 at each crash point
 * matching the device as it was at each mark. Screenshots go to E2E_ARTIFACTS.
 */

import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { openApp, settlePlayback, typeCommand } from "./helpers.ts";

const ARTIFACTS = process.env.E2E_ARTIFACTS ?? "e2e-artifacts";

async function run(page: Page, command: string) {
  await typeCommand(page, command);
  await settlePlayback(page);
}

test("the log-writes viewer lists entries and marks, steps through them and checks each crash point", async ({
  page,
}) => {
  test.setTimeout(180_000);
  mkdirSync(ARTIFACTS, { recursive: true });
  const errors = await openApp(page);
  await settlePlayback(page);
  await run(page, "dmsetup remove stripes; dmsetup remove concat; rmmod brd");
  await run(page, "modprobe brd rd_nr=3 rd_size=4096");
  await run(page, 'dmsetup create lw --table "0 8192 log-writes /dev/ram0 /dev/ram1"');
  // Two rounds of writes, each made durable by an fsync, then a mark; the md5 at each mark.
  const at: Record<string, string> = {};
  for (const m of ["one", "two"]) {
    await run(
      page,
      `dd if=/dev/urandom of=/dev/mapper/lw bs=4k count=3 seek=${m === "one" ? 0 : 16} oflag=direct conv=fsync 2>/dev/null`,
    );
    await run(page, `h=$(md5sum < /dev/mapper/lw | cut -c1-32); echo "md5 ${m} $h"`);
    const rows = page.locator("#panel-console .xterm-rows");
    await expect(rows).toContainText(new RegExp(`md5 ${m} [0-9a-f]{32}`));
    at[m] = /md5 (?:one|two) ([0-9a-f]{32})/.exec(
      (await rows.innerText()).split("\n").filter((l) => l.startsWith(`md5 ${m} `))[0]!,
    )![1]!;
    await run(page, `dmsetup message lw 0 mark ${m}`);
  }
  expect(at.one).not.toBe(at.two);
  // Devices that write through the log: one on lw itself, one on its log device.
  await run(
    page,
    'dmsetup create onlw --table "0 8192 linear /dev/mapper/lw 0"; dmsetup create onlog --table "0 8192 linear /dev/ram1 0"',
  );

  await page.getByRole("tab", { name: "Target views", exact: true }).click();
  await page.getByRole("group", { name: "device lw", exact: true }).click();
  const table = page.getByRole("table", { name: "log entries" });
  await expect(table).toBeVisible();
  // 3 writes, a flush, a mark; twice.
  await expect(table.locator("tbody tr")).toHaveCount(10);
  await expect(table.locator("tbody tr.mark")).toHaveCount(2);
  await expect(
    page.getByRole("group", { name: "marks" }).or(page.locator(".lw-marks")),
  ).toContainText("⚑ two");
  await expect(page.getByLabel("replay device")).toHaveValue("ram2");
  // Never lw itself, its log, its data device, nor what writes through lw or the log.
  await expect(page.getByLabel("replay device").locator("option")).toHaveText(["ram2"]);
  await page.locator(".target-views").screenshot({ path: `${ARTIFACTS}/logwrites-viewer.png` });

  // Step: entry 0, then entry 1, each replayed onto ram2 with -v in the console.
  const step = page.getByRole("button", { name: /^Step ▶ entry 0$/ });
  await step.click();
  await expect(page.getByRole("button", { name: /^Step ▶ entry 1$/ })).toBeEnabled();
  await expect(page.locator("#panel-console .xterm-rows")).toContainText(
    "replaying 0@2: sector 0, size 4096, flags 0x0(NONE)",
  );
  await page.getByRole("button", { name: /^Step ▶ entry 1$/ }).click();
  await expect(page.getByRole("button", { name: /^Step ▶ entry 2$/ })).toBeEnabled();
  await expect(table.locator("tbody tr.replayed")).toHaveCount(2);

  // The md5 at each mark, replayed from zeros, is the device's at that mark.
  await page.getByRole("button", { name: "md5 at each crash point" }).click();
  const results = page.getByRole("list", { name: "crash point md5s" });
  await expect(results.locator("li")).toHaveCount(2, { timeout: 30_000 });
  await expect(results.locator("li").nth(0)).toHaveText(`entry 4 (mark one): ${at.one}`);
  await expect(results.locator("li").nth(1)).toHaveText(`entry 9 (mark two): ${at.two}`);
  await page.locator(".target-views").screenshot({ path: `${ARTIFACTS}/logwrites-crash-md5.png` });
  await page.screenshot({ path: `${ARTIFACTS}/logwrites-page.png` });
  expect(errors).toEqual([]);
});

test("the log's own writes are bios in the flow: the entry, the data and the flush's entry on the log disk", async ({
  page,
}) => {
  test.setTimeout(180_000);
  mkdirSync(ARTIFACTS, { recursive: true });
  const errors = await openApp(page, async (p) => expect(p.locator("canvas.flow")).toBeAttached());
  await settlePlayback(page);
  await run(page, "dmsetup remove stripes; dmsetup remove concat; rmmod brd");
  await run(page, "modprobe brd rd_nr=3 rd_size=4096");
  await run(page, 'dmsetup create lw --table "0 8192 log-writes /dev/ram0 /dev/ram1"');
  await run(page, "dd if=/dev/urandom of=/dev/mapper/lw bs=4k count=1 oflag=direct conv=fsync");
  const bar = page.getByRole("toolbar", { name: "playback" });
  await bar.getByRole("button", { name: "Pause" }).click();
  await expect(bar).toHaveAttribute("data-state", "paused");
  const head = await page.evaluate(() => window.dmPlayground!.store.getState().head);
  // Back through the last events: the entry and data writes the target issued to ram1.
  const seen: string[] = [];
  let shot = false;
  for (let c = head; c > head - 30 && !shot; c--) {
    await bar.getByLabel("Time travel: playback cursor").evaluate((el: HTMLInputElement, v) => {
      const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!;
      set.call(el, String(v));
      el.dispatchEvent(new Event("input", { bubbles: true }));
    }, c);
    if ((await page.locator("canvas.flow").count()) === 0) break;
    await expect(page.locator("canvas.flow")).toHaveAttribute("data-mode", "still");
    const lines = await page.locator("#flow-summary li").allTextContents();
    seen.push(...lines);
    if (!shot && lines.some((l) => /ram1:/.test(l))) {
      shot = true;
      await page.locator("#panel-stack").screenshot({ path: `${ARTIFACTS}/logwrites-flow.png` });
    }
  }
  expect(shot).toBe(true);
  // The write and the flush through lw, then what the target wrote to its log, as its own bios:
  // the write's entry block (sector 1), its data (2-9), the flush's entry (10). ram1 is not in
  // the stack (log-writes' iterate_devices names only the data device, as in Linux), so these
  // are in the flow's summary, not drawn.
  const own = [...new Set(seen)].filter((l) => / WRITE ram1:/.test(l));
  expect(own).toEqual([
    expect.stringMatching(/^bio \d+ WRITE ram1:1\+1 COMPLETED OK ended$/),
    expect.stringMatching(/^bio \d+ WRITE ram1:2\+8 COMPLETED OK ended$/),
    expect.stringMatching(/^bio \d+ WRITE ram1:10\+1 COMPLETED OK ended$/),
  ]);
  expect(errors).toEqual([]);
});
