/**
 * What a newcomer found trying the app (.scratch/newbie): the Outcomes tab counted a thin
 * device's completions twice, the table editor kept a device's old table after the console
 * replaced it (and across Reset), the thin-pool view's data figure disagreed with its grid,
 * the header said LIVE while the views lagged the console, the layout at 1024x768, and the
 * keyboard. Screenshots in e2e-artifacts/newbie-*.png.
 */

import { expect, test, type Locator } from "@playwright/test";
import { openApp, playbackState, runSettled, settlePlayback, typeCommand } from "./helpers.ts";

const SHOTS = process.env.E2E_SHOTS ?? "e2e-artifacts";

/** The completions of an Outcomes row: its "bios" count and each status count. */
async function outcomeRow(row: Locator): Promise<{ bios: number; statuses: Map<string, number> }> {
  const bios = Number((await row.locator("td").first().innerText()).replace(/,/g, "") || 0);
  const statuses = new Map<string, number>();
  for (const label of await row
    .getByRole("button")
    .evaluateAll((els) => els.map((e) => e.getAttribute("aria-label") ?? ""))) {
    const m = / · ([A-Z_]+): (\d+)$/.exec(label);
    if (
      m &&
      !["SUBMITTED", "REMAPPED", "DONE_REMAPPED", "KILL", "REQUEUE", "DELAY_REQUEUE"].includes(
        m[1]!,
      )
    )
      statuses.set(m[1]!, Number(m[2]));
  }
  return { bios, statuses };
}

test("Outcomes: a thin device's row counts each bio once, as its target row does", async ({
  page,
}) => {
  await openApp(page);
  await page.evaluate(() => window.dmPlayground!.setPace({ speed: 10e6 }));
  await runSettled(
    page,
    "dmsetup remove_all; rmmod brd; clear; modprobe brd rd_nr=2 rd_size=16384",
  );
  await runSettled(
    page,
    'dmsetup create pool --table "0 2048 thin-pool /dev/ram0 /dev/ram1 128 0 1 error_if_no_space"; dmsetup message pool 0 create_thin 0',
  );
  await runSettled(page, 'dmsetup create vol --table "0 65536 thin /dev/mapper/pool 0"');
  await runSettled(page, "dd if=/dev/zero of=/dev/mapper/vol bs=64k count=16 oflag=direct");
  await runSettled(
    page,
    "for i in 20 21 22; do dd if=/dev/zero of=/dev/mapper/vol bs=4k count=1 seek=$((i*16)) oflag=direct; done",
  );
  await page.getByRole("tab", { name: "Outcomes", exact: true }).click();
  const table = page.getByRole("table", { name: "Outcomes per device and target" });
  const vol = await outcomeRow(table.getByRole("row", { name: /^device vol / }));
  const thin = await outcomeRow(table.getByRole("row", { name: /^target thin / }));
  const pool = await outcomeRow(table.getByRole("row", { name: /^device pool / }));
  await page.screenshot({ path: `${SHOTS}/newbie-outcomes.png` });
  expect(Object.fromEntries(vol.statuses)).toEqual({ OK: 16, NOSPC: 3 });
  expect(vol.bios).toBe(19);
  expect(Object.fromEntries(thin.statuses)).toEqual({ OK: 16, NOSPC: 3 });
  expect([...pool.statuses.values()].reduce((a, b) => a + b, 0)).toBe(pool.bios);
});

test("the table editor follows the device's table the console changes, and says so when edited", async ({
  page,
}) => {
  await openApp(page);
  const editor = page.locator("#panel-editor");
  const table = editor.getByRole("textbox", { name: "Table" });
  await runSettled(page, "dmsetup create top --table '0 8192 linear /dev/ram0 0'");
  await page.getByRole("group", { name: "device top", exact: true }).first().click();
  await expect(editor.getByLabel("Device", { exact: true })).toHaveValue("top");
  await expect(table).toHaveValue("0 8192 linear 1:0 0\n");
  // The console replaces it: the draft (not edited) follows.
  await runSettled(page, "dmsetup remove top; dmsetup create top --table '0 4096 zero'");
  await expect(table).toHaveValue("0 4096 zero\n");
  await page.locator("#panel-editor").screenshot({ path: `${SHOTS}/newbie-editor-followed.png` });
  // Edited, then changed underneath: the draft is kept and the change told.
  await table.fill("0 4096 error\n");
  await runSettled(page, "dmsetup load top --table '0 2048 zero'; dmsetup resume top");
  const alert = editor.getByRole("alert");
  await expect(alert).toContainText("The live table of top changed");
  await expect(alert).toContainText("0 2048 zero");
  await expect(table).toHaveValue("0 4096 error\n");
  await page.locator("#panel-editor").screenshot({ path: `${SHOTS}/newbie-editor-changed.png` });
  await alert.getByRole("button", { name: "Reload it" }).click();
  await expect(table).toHaveValue("0 2048 zero\n");
  await expect(alert).toHaveCount(0);
  // Edited again, changed again, the draft kept on purpose: Load & resume loads it.
  await table.fill("0 1024 error\n");
  await runSettled(page, "dmsetup load top --table '0 512 zero'; dmsetup resume top");
  await editor.getByRole("alert").getByRole("button", { name: "Keep my draft" }).click();
  await expect(editor.getByRole("alert")).toHaveCount(0);
  await editor.getByRole("button", { name: /Load & resume/ }).click();
  await expect(
    page
      .getByRole("group", { name: "device top" })
      .getByRole("img", { name: "target error 0+1024" }),
  ).toBeVisible();
  // Loaded: the draft is the device's table again, and follows the next change.
  await runSettled(page, "dmsetup load top --table '0 256 zero'; dmsetup resume top");
  await expect(table).toHaveValue("0 256 zero\n");
});

test("after Reset the table editor shows none of the old session's tables", async ({ page }) => {
  await openApp(page);
  const editor = page.locator("#panel-editor");
  const table = editor.getByRole("textbox", { name: "Table" });
  // zz is the old session's only device (the editor takes the first device it knows).
  await runSettled(page, "dmsetup remove_all; dmsetup create zz --table '0 1234 zero'");
  await editor.getByLabel("Device", { exact: true }).selectOption("zz");
  await expect(table).toHaveValue("0 1234 zero\n");
  await page.getByRole("button", { name: /Reset/ }).click();
  await expect(page.getByRole("group", { name: "device concat" })).toBeVisible({ timeout: 30_000 });
  await settlePlayback(page);
  // The new session's devices: the editor shows one of them, not zz (which no longer exists).
  await expect(editor.getByLabel("Device", { exact: true })).toHaveValue("concat");
  await expect(table).toHaveValue(/^0 16384 linear 1:0 0\n/);
  await page.locator("#panel-editor").screenshot({ path: `${SHOTS}/newbie-editor-reset.png` });
});

test("live at 1x, the bar says how far behind the views are; they stay within 2 s; Jump to now and Alt+L", async ({
  page,
}) => {
  await openApp(page);
  const bar = page.getByRole("toolbar", { name: "playback" });
  // 100 direct writes: a burst the views show event by event, far slower than the console.
  await typeCommand(page, "dd if=/dev/zero of=/dev/mapper/concat bs=4k count=100 oflag=direct");
  const behind = bar.getByTestId("behind");
  await expect(behind).toContainText(/replaying, [\d,]+ events? behind/);
  await page.screenshot({ path: `${SHOTS}/newbie-live-behind.png` });
  // Older than 2 s is skipped (the views sample), and the bar says so.
  await expect(bar.getByTestId("skipped")).toContainText(/skipped [\d,]+ to keep up/, {
    timeout: 20_000,
  });
  await page.screenshot({ path: `${SHOTS}/newbie-live-skipped.png` });
  await settlePlayback(page);
  await expect(behind).toHaveCount(0);
  // Another burst: the button jumps to now.
  await typeCommand(page, "dd if=/dev/zero of=/dev/mapper/concat bs=4k count=60 oflag=direct");
  await expect(behind).toBeVisible();
  await behind.getByRole("button", { name: "Jump to now" }).click();
  await expect(behind).toHaveCount(0);
  // And Alt+L, from the console.
  await typeCommand(page, "dd if=/dev/zero of=/dev/mapper/concat bs=4k count=60 oflag=direct");
  await expect(behind).toBeVisible();
  await page.keyboard.press("Alt+KeyL");
  await expect(behind).toHaveCount(0);
  const s = await playbackState(page);
  expect(s.cursor).toBeGreaterThan(0);
});
