/**
 * What a newcomer found trying the app (.scratch/newbie): the Outcomes tab counted a thin
 * device's completions twice, the table editor kept a device's old table after the console
 * replaced it (and across Reset), the thin-pool view's data figure disagreed with its grid,
 * the header said LIVE while the views lagged the console, the layout at 1024x768, and the
 * keyboard. Screenshots in e2e-artifacts/newbie-*.png.
 */

import { expect, test, type Locator, type Page } from "@playwright/test";
import {
  historyRecords,
  openApp,
  playbackState,
  runSettled,
  scrubTo,
  settlePlayback,
  typeCommand,
} from "./helpers.ts";

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
  // The loop's three writes have all failed (the target row counts them right in any case).
  await expect
    .poll(
      async () =>
        Object.fromEntries(
          (await outcomeRow(table.getByRole("row", { name: /^target thin / }))).statuses,
        ),
      { timeout: 30_000 },
    )
    .toEqual({ OK: 16, NOSPC: 3 });
  await settlePlayback(page);
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

/** A thin pool with error_if_no_space off, one thin volume `vol` with a few blocks written. */
async function thinSetup(page: Page) {
  await runSettled(page, "dmsetup remove_all; rmmod brd; modprobe brd rd_nr=2 rd_size=16384");
  await runSettled(
    page,
    'dmsetup create pool --table "0 32768 thin-pool /dev/ram0 /dev/ram1 128 16"; dmsetup message pool 0 create_thin 0',
  );
  await runSettled(page, 'dmsetup create vol --table "0 65536 thin /dev/mapper/pool 0"');
  await runSettled(page, "dd if=/dev/urandom of=/dev/mapper/vol bs=64k count=6 oflag=direct");
}

test("the thin-pool view's data figure is its grid's at every cursor; names; the metadata disk's legend", async ({
  page,
}) => {
  await openApp(page);
  await thinSetup(page);
  await runSettled(page, "dmsetup status pool >/dev/null");
  // The Disks panel: the pool's metadata disk says whose it is.
  await expect(page.getByRole("list", { name: "ram0: who maps onto it" })).toContainText(
    "pool (thin-pool metadata)",
  );
  await page.getByRole("tab", { name: "Target views", exact: true }).click();
  await page.getByRole("group", { name: "device pool", exact: true }).first().click();
  const grid = page.getByRole("img", { name: /^thin pool data blocks/ });
  const figures = page.locator(".tp-figures");
  const dataFigure = async () =>
    Number(/^(\d+)\//.exec((await figures.locator("dd").nth(2).innerText()).trim())?.[1] ?? -1);
  const gridCount = async () =>
    Number(/: (\d+) of \d+ mapped/.exec((await grid.getAttribute("aria-label")) ?? "")?.[1] ?? -2);
  // At each thin_map (before the commit that counts it) and at the head: the same figure.
  const maps = await historyRecords(page, 80);
  expect(maps.length).toBe(6);
  for (const m of [maps[0]!, maps[2]!, maps[5]!]) {
    await scrubTo(page, m.index + 1);
    expect(await dataFigure()).toBe(await gridCount());
  }
  await page.screenshot({ path: `${SHOTS}/newbie-thin-scrub.png` });
  await page.getByRole("button", { name: "Live", exact: true }).click();
  await settlePlayback(page);
  expect(await dataFigure()).toBe(6);
  expect(await gridCount()).toBe(6);
  // The btree list names the thin device's mapped device, as the legend does.
  await expect(page.locator(".tp-trees")).toContainText("thin 0 (vol)");
  await expect(page.locator(".tp-legend")).toContainText("thin 0 (vol)");
});

test("keyboard: every device box, the view tabs' arrows, a lesson opened with Enter; a thin alloc mark opens its bio", async ({
  page,
}) => {
  await openApp(page);
  await thinSetup(page);
  // The pool is drawn under vol: its box is in the Tab order, and Enter selects it.
  const vol = page.getByRole("group", { name: "device vol", exact: true });
  const pool = vol.getByRole("group", { name: "device pool", exact: true });
  await expect(pool).toHaveAttribute("tabindex", "0");
  await vol.focus();
  await page.keyboard.press("Tab");
  await expect(pool).toBeFocused();
  await page.keyboard.press("Enter");
  const editor = page.locator("#panel-editor");
  await expect(editor.getByLabel("Device", { exact: true })).toHaveValue("pool");
  await page.screenshot({ path: `${SHOTS}/newbie-kbd-pool.png` });

  // The view tabs: one Tab stop, arrows move and select.
  const views = page.getByRole("tablist", { name: "Views" });
  const disks = views.getByRole("tab", { name: "Disks" });
  await disks.click();
  await expect(views.getByRole("tab", { name: "Outcomes" })).toHaveAttribute("tabindex", "-1");
  await disks.focus();
  await page.keyboard.press("ArrowRight");
  const outcomes = views.getByRole("tab", { name: "Outcomes" });
  await expect(outcomes).toBeFocused();
  await expect(outcomes).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("End");
  await expect(views.getByRole("tab", { name: "Target views" })).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await expect(disks).toBeFocused();
  await expect(disks).toHaveAttribute("aria-selected", "true");

  // The timeline: a thin alloc mark opens its bio in the inspector.
  await views.getByRole("tab", { name: "Timeline" }).click();
  const mark = page
    .getByRole("list", { name: "Lifecycle timeline" })
    .getByRole("img", { name: /^thin alloc vol bio (\d+):/ })
    .first();
  const bio = /bio (\d+):/.exec((await mark.getAttribute("aria-label")) ?? "")![1]!;
  await mark.focus();
  await page.keyboard.press("Enter");
  await expect(views.getByRole("tab", { name: "Inspector" })).toHaveAttribute(
    "aria-selected",
    "true",
  );
  // The keyboard goes with it: the focus is on the inspector's title, not lost on <body>.
  await expect(page.locator(".inspector .insp-title")).toBeFocused();
  await expect(page.getByRole("table", { name: /^Life of bio \d+/ })).toContainText(
    `allocated data block`,
  );
  await expect(page.getByRole("table", { name: /^Life of bio \d+/ })).toContainText(bio);
  await page.screenshot({ path: `${SHOTS}/newbie-timeline-to-inspector.png` });
});

test("keyboard: a lesson opened with Enter puts the focus in the lesson", async ({ page }) => {
  await openApp(page);
  const toggle = page.getByRole("button", { name: "Learn", exact: true });
  await toggle.focus();
  await page.keyboard.press("Enter");
  const panel = page.locator("#panel-learn");
  await panel.getByRole("button", { name: "Thin provisioning" }).focus();
  await page.keyboard.press("Enter");
  // A fresh page: the lesson starts at once; the focus is in it, then on its Run button.
  const run = panel.getByRole("button", { name: "Run in the console" });
  await expect(run).toBeFocused({ timeout: 30_000 });
  expect(await page.evaluate(() => document.activeElement?.closest("#panel-learn") !== null)).toBe(
    true,
  );
  await page.screenshot({ path: `${SHOTS}/newbie-lesson-focus.png` });
});

/** Controls inside `root` that an ancestor shows only in part (screens.spec.ts's measure). */
function clippedIn(page: Page, root: string): Promise<string[]> {
  return page.evaluate((root) => {
    const out: string[] = [];
    const sel = "button, select, input, textarea, [role=tab]";
    for (const el of document.querySelectorAll<HTMLElement>(`${root} :is(${sel})`)) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      let left = r.left;
      let right = r.right;
      for (let a = el.parentElement; a; a = a.parentElement) {
        const s = getComputedStyle(a);
        if (s.overflowX === "visible") continue;
        const c = a.getBoundingClientRect();
        left = Math.max(left, c.left);
        right = Math.min(right, c.right);
      }
      if (right - left < r.width - 2)
        out.push(`${el.tagName} ${el.getAttribute("aria-label") ?? el.textContent?.trim()}`);
    }
    return out;
  }, root);
}

test.describe("at 1024x768", () => {
  test.use({ viewport: { width: 1024, height: 768 } });

  test("the header is one line; with Learn open the editor and the playback bar fit", async ({
    page,
  }) => {
    await openApp(page);
    const reset = page.getByRole("button", { name: /Reset/ });
    const learnButton = page.getByRole("button", { name: "Learn", exact: true });
    // As long as the newcomer's counter got (a long session under load).
    await page
      .locator("header.top .events")
      .evaluate((el) => (el.textContent = "806,416 events · 48,564 dropped · 2,824/s"));
    // On the title's line (the header's controls used to wrap under it).
    const title = page.getByRole("heading", { name: "dm-playground", level: 1 });
    const middle = (b: { y: number; height: number } | null) => b!.y + b!.height / 2;
    expect(
      Math.abs(middle(await reset.boundingBox()) - middle(await title.boundingBox())),
    ).toBeLessThan(12);
    await learnButton.click();
    await page.locator("#panel-learn").getByRole("button", { name: "Thin provisioning" }).click();
    await expect(
      page.locator("#panel-learn").getByRole("button", { name: "Run in the console" }),
    ).toBeEnabled({ timeout: 30_000 });
    const editor = page.locator("#panel-editor");
    await editor.getByLabel("Device", { exact: true }).selectOption("__new__");
    await editor.getByRole("textbox", { name: "New device name" }).fill("concat");
    await settlePlayback(page);
    expect(await clippedIn(page, "#panel-editor")).toEqual([]);
    // The playback bar spans the page, above the Learn panel too.
    const barBox = await page.locator(".playback").boundingBox();
    expect(barBox!.width).toBeGreaterThan(1000);
    expect(
      Math.abs(middle(await reset.boundingBox()) - middle(await title.boundingBox())),
    ).toBeLessThan(12);
    await page.screenshot({ path: `${SHOTS}/newbie-1024-learn.png` });
  });

  test("the inspector's what column wraps inside its panel", async ({ page }) => {
    await openApp(page);
    await thinSetup(page);
    await page.getByRole("tab", { name: "Inspector", exact: true }).click();
    await page.getByRole("button", { name: "Latest bio" }).click();
    const table = page.getByRole("table", { name: /^Life of bio/ });
    await expect(table).toBeVisible();
    const over = await table.evaluate((t) => {
      const body = t.closest(".panel-body")!.getBoundingClientRect();
      return [...t.querySelectorAll("td:last-child")].filter(
        (td) => td.getBoundingClientRect().right > body.right + 1,
      ).length;
    });
    expect(over).toBe(0);
    await page.locator("#panel-disks").screenshot({ path: `${SHOTS}/newbie-1024-inspector.png` });
  });
});

test.describe("at 1280x720", () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test("with Learn open the editor's verdict is one line", async ({ page }) => {
    await openApp(page);
    await page.getByRole("button", { name: "Learn", exact: true }).click();
    const verdict = page.locator("#panel-editor .verdict");
    await expect(verdict).toHaveText("✓ the kernel accepts this table");
    const box = await verdict.boundingBox();
    expect(box!.height).toBeLessThan(24);
    await page.locator("#panel-editor").screenshot({ path: `${SHOTS}/newbie-1280-verdict.png` });
  });
});
