/**
 * After watchdog restarts of the engine worker the page keeps tracking the engine: the devices
 * it lists are the new worker's, a second restart rebuilds what existed just before it, and the
 * history's names stay right (string ids of the new engine start over).
 */

import { expect, test, type Page } from "@playwright/test";
import { openApp, typeCommand } from "./helpers.ts";

async function hangAndWait(page: Page, count: number): Promise<void> {
  await page.evaluate(() => window.dmPlayground?.debugHang());
  await expect(page.getByTestId("restarts")).toHaveText(`restarted ×${count}`, {
    timeout: 20_000,
  });
  await expect(page.getByRole("status", { name: /engine ready/ })).toBeVisible();
}

const storeDevices = (page: Page) =>
  page.evaluate(() =>
    window
      .dmPlayground!.store.getState()
      .devices.map((d) => d.name)
      .sort(),
  );

/** Device names in the history's topology at the head (the stack view's source). */
const historyDevices = (page: Page) =>
  page.evaluate(() => {
    const v = (
      window as unknown as {
        dmViews: {
          history: { head: number };
          topologyAt(c: number): { devices: Array<{ name: string }> };
        };
      }
    ).dmViews;
    return v
      .topologyAt(v.history.head)
      .devices.map((d) => d.name)
      .sort();
  });

test("two restarts in a row: devices made between them are rebuilt and shown", async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  await hangAndWait(page, 1);
  await expect.poll(() => storeDevices(page)).toEqual(["concat", "stripes"]);
  await typeCommand(page, "dmsetup create top --table '0 2048 linear /dev/mapper/concat 0'");
  await typeCommand(page, "dd if=/dev/urandom of=/dev/mapper/top bs=4k count=4 oflag=direct");
  await expect.poll(() => storeDevices(page)).toEqual(["concat", "stripes", "top"]);
  await expect.poll(() => historyDevices(page)).toEqual(["concat", "stripes", "top"]);
  await page.screenshot({ path: "test-results-fa/restart-1.png" });

  await hangAndWait(page, 2);
  await expect(page.locator("#panel-console .xterm-rows")).toContainText(
    "rebuilt concat, stripes, top",
  );
  await expect.poll(() => storeDevices(page)).toEqual(["concat", "stripes", "top"]);
  await expect.poll(() => historyDevices(page)).toEqual(["concat", "stripes", "top"]);
  await typeCommand(page, "dmsetup ls");
  await page.screenshot({ path: "test-results-fa/restart-2.png" });
  await expect(page.locator("#panel-stack")).not.toContainText('"start"');
});

/** Bumped each time the page's history starts over (a new engine). */
const historyEpoch = (page: Page) =>
  page.evaluate(
    () => (window as unknown as { dmViews: { history: { epoch: number } } }).dmViews.history.epoch,
  );

/** The names the Device Stack panel draws. */
const drawnStack = (page: Page) => page.locator("#panel-stack").innerText();

test("Reset redraws the default stack without any console command", async ({ page }) => {
  test.setTimeout(90_000);
  await openApp(page);
  await typeCommand(page, "dd if=/dev/urandom of=/dev/ram1 bs=4k count=4 oflag=direct");
  await expect(page.locator("#panel-console .xterm-rows")).toContainText("4+0 records out");
  const epoch = await historyEpoch(page);
  await page.getByRole("button", { name: /Reset/ }).click();
  await expect.poll(() => historyEpoch(page)).toBeGreaterThan(epoch);
  await expect.poll(() => historyDevices(page), { timeout: 15_000 }).toEqual(["concat", "stripes"]);
  await expect(page.getByRole("group", { name: "device stripes" })).toBeVisible();
  await expect.poll(() => drawnStack(page)).toContain("concat");
  // Still drawn once every fade is over.
  await page.waitForTimeout(2000);
  await expect(page.getByRole("group", { name: "device stripes" })).toBeVisible();
  await page.screenshot({ path: "test-results-fa/reset-fresh.png" });
});

test("Reset after a restart: stack, device menus and disks follow the new engine", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openApp(page);
  await hangAndWait(page, 1);
  const epoch = await historyEpoch(page);
  await page.getByRole("button", { name: /Reset/ }).click();
  await expect.poll(() => historyEpoch(page)).toBeGreaterThan(epoch);
  await expect.poll(() => historyDevices(page), { timeout: 15_000 }).toEqual(["concat", "stripes"]);
  await page.waitForTimeout(2000);
  await expect(page.getByRole("group", { name: "device stripes" })).toBeVisible();
  await typeCommand(page, "dmsetup create fresh --table '0 2048 linear /dev/ram1 0'");
  await expect.poll(() => storeDevices(page)).toEqual(["concat", "stripes", "fresh"].sort());
  // The table editor's device menu lists the device made after the restart.
  await expect(page.locator("#panel-editor select").first()).toContainText("fresh");
  // New writes reach the disk panel.
  await typeCommand(page, "dd if=/dev/urandom of=/dev/ram1 bs=64k count=2 seek=100 oflag=direct");
  await expect(page.locator('canvas[data-disk="ram1"]')).toHaveAttribute("data-used", "2");
  await page.screenshot({ path: "test-results-fa/reset-after-restart.png" });
});

const SPIN = `import { defineTarget, type DmDev } from "dm-playground";
export default defineTarget<{ dev: DmDev }>({
  name: "spin",
  version: [1, 0, 0],
  ctr(t, args) {
    t.private = { dev: t.getDevice(args[0]!) };
  },
  dtr(t) {
    t.putDevice(t.priv.dev);
  },
  map(t, bio) {
    if (bio.op === "WRITE") for (;;) {} // an endless loop on every write
    bio.bdev = t.priv.dev.bdev;
    return "REMAPPED";
  },
});
`;

test("a module that hung: its device leaves the device menus, later devices join them", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await openApp(page);
  const sh = (script: string) =>
    page.evaluate(async (s) => {
      let out = "";
      await window.dmPlayground?.client()?.runShell(s, (_st, t) => (out += t));
      return out;
    }, script);
  await sh(
    `cat > /tmp/dm-spin.ts <<'EOF'\n${SPIN}EOF\ninsmod /tmp/dm-spin.ts\ndmsetup create hg --table "0 2048 spin /dev/mapper/stripes 0"`,
  );
  const editorMenu = page.locator("#panel-editor select").first();
  const loadMenu = page.locator("#panel-load select").first();
  await expect(editorMenu).toContainText("hg");
  await expect(loadMenu).toContainText("/dev/mapper/hg");

  await typeCommand(page, "dd if=/dev/zero of=/dev/mapper/hg bs=4k count=1 oflag=direct");
  const rows = page.locator("#panel-console .xterm-rows");
  await expect(rows).toContainText("not rebuilt: hg", { timeout: 20_000 });
  await expect(editorMenu).not.toContainText("hg");
  await expect(loadMenu).not.toContainText("/dev/mapper/hg");

  await typeCommand(page, "dmsetup create later --table '0 2048 linear /dev/ram1 0'");
  await expect(editorMenu).toContainText("later");
  await expect(loadMenu).toContainText("/dev/mapper/later");
  await page.screenshot({ path: "test-results-fa/menus-after-hang.png" });
});
