import { expect, test, type Page } from "@playwright/test";
import { openApp, typeCommand } from "./helpers.ts";

/**
 * What drives the views: load generators (from the Load panel and from dmsh), the paced virtual
 * clock (pause, single step), and bios held by a suspended device.
 */

/** A generator's counter as the Load panel shows it. */
async function counter(page: Page, id: number, col: string): Promise<number> {
  const text = await page
    .locator(`#panel-load tr[aria-label="generator ${id}"] td[data-col="${col}"]`)
    .textContent();
  return Number((text ?? "").replace(/,/g, ""));
}

const eventsSeen = (page: Page) =>
  page.evaluate(() => window.dmPlayground?.store.getState().eventsSeen ?? 0);

const pace = (page: Page) =>
  page.evaluate(() => window.dmPlayground?.client()?.call("getPace", {}) ?? null);

test("a generator started from the Load panel drives bios; Stop stops it", async ({ page }) => {
  const errors = await openApp(page, async (p) =>
    expect(p.locator("#panel-load").getByRole("button", { name: /Start/ })).toBeEnabled(),
  );
  const panel = page.locator("#panel-load");
  await panel.getByLabel("Device").selectOption("/dev/mapper/concat");
  await panel.getByLabel("Pattern").selectOption("seq");
  await panel.getByLabel("Reads %").fill("30");
  await panel.getByLabel("Block").selectOption("16k");
  await panel.getByLabel("Rate (IOPS)").fill("2000");
  const events0 = await eventsSeen(page);
  await panel.getByRole("button", { name: /Start/ }).click();

  const row = panel.getByRole("row", { name: "generator 1" });
  await expect(row).toHaveAttribute("data-state", "running");
  await expect(row).toContainText("concat");
  await expect(row).toContainText("seq 30% r · 16k · qd 4 · 2,000/s");
  await expect.poll(() => counter(page, 1, "completed")).toBeGreaterThan(200);
  const done1 = await counter(page, 1, "completed");
  await expect.poll(() => counter(page, 1, "completed")).toBeGreaterThan(done1 + 200);
  // At 1x, 2000 bios per virtual second are 2000 per wall second: the panel's rate says so.
  await expect.poll(() => counter(page, 1, "iops")).toBeGreaterThan(1500);
  expect(await counter(page, 1, "iops")).toBeLessThan(2500);
  expect(await eventsSeen(page)).toBeGreaterThan(events0 + 1000);
  // The disks fill as the writes land.
  await expect
    .poll(async () =>
      Number(await page.locator('canvas[data-disk="ram0"]').getAttribute("data-used")),
    )
    .toBeGreaterThan(0);
  await panel.screenshot({ path: "e2e-artifacts/load-panel.png" });
  await page.screenshot({ path: "e2e-artifacts/load-app.png" });

  await row.getByRole("button", { name: "Stop" }).click();
  await expect(row).toHaveAttribute("data-state", "stopped");
  const done = await counter(page, 1, "completed");
  expect(await counter(page, 1, "issued")).toBe(done);
  // Events already produced may still be draining from the ring (a busy page lags): wait for
  // the count to settle, then nothing more may come.
  await expect
    .poll(async () => {
      const a = await eventsSeen(page);
      await page.waitForTimeout(300);
      return (await eventsSeen(page)) - a;
    })
    .toBe(0);
  const seen = await eventsSeen(page);
  await page.waitForTimeout(700);
  expect(await counter(page, 1, "completed")).toBe(done);
  expect(await eventsSeen(page)).toBe(seen);
  await panel.getByRole("button", { name: "Clear" }).click();
  await expect(row).toHaveCount(0);
  expect(errors).toEqual([]);
});

test("loadgen in the console starts, lists and stops generators the panel shows", async ({
  page,
}) => {
  await openApp(page, async (p) =>
    expect(p.locator("#panel-load").getByRole("button", { name: /Start/ })).toBeEnabled(),
  );
  const rows = page.locator("#panel-console .xterm-rows");
  await typeCommand(page, "loadgen start stripes --rate 1000 --qd 2 --read 100");
  await expect(rows).toContainText(/--read 100\s*1\s*dmsh#/);
  const panelRow = page.locator("#panel-load").getByRole("row", { name: "generator 1" });
  await expect(panelRow).toHaveAttribute("data-state", "running");
  await expect(panelRow).toContainText("random 100% r · 4k · qd 2 · 1,000/s");
  await expect.poll(() => counter(page, 1, "completed")).toBeGreaterThan(300);
  await typeCommand(page, "loadgen list");
  await expect(rows).toContainText(
    /1 +\/dev\/mapper\/stripes +\d+ +\d+ +0 +\d +\d+ +[\d.]+ +running/,
  );
  await typeCommand(page, "loadgen start nosuch");
  await expect(rows).toContainText("loadgen: nosuch: No such device");
  await typeCommand(page, "loadgen stop 1");
  await expect(panelRow).toHaveAttribute("data-state", "stopped");
  const done = await counter(page, 1, "completed");
  await page.waitForTimeout(600);
  expect(await counter(page, 1, "completed")).toBe(done);
  await page.locator("#panel-console").screenshot({ path: "e2e-artifacts/loadgen-console.png" });

  // Errors are counted: a generator on a device whose second half is an error target.
  await typeCommand(
    page,
    "printf '0 64 linear /dev/ram0 0\\n64 64 error\\n' | dmsetup create half && loadgen start half --rate 500",
  );
  const halfRow = page.locator("#panel-load").getByRole("row", { name: "generator 2" });
  await expect(halfRow).toHaveAttribute("data-state", "running");
  await expect.poll(() => counter(page, 2, "errors")).toBeGreaterThan(10);
  expect(await counter(page, 2, "errors")).toBeLessThan(await counter(page, 2, "completed"));
  await page.locator("#panel-load").screenshot({ path: "e2e-artifacts/load-panel-errors.png" });
  await page.locator("#panel-load").getByRole("button", { name: "Stop all" }).click();
  await expect(halfRow).toHaveAttribute("data-state", "stopped");
});

test("bios sent to a suspended device wait, and complete after resume", async ({ page }) => {
  await openApp(page, async (p) =>
    expect(p.locator("#panel-load").getByRole("button", { name: /Start/ })).toBeEnabled(),
  );
  const rows = page.locator("#panel-console .xterm-rows");
  const used = async () =>
    Number(await page.locator('canvas[data-disk="ram0"]').getAttribute("data-used"));
  await typeCommand(page, "dmsetup suspend concat");
  await expect(page.getByRole("group", { name: "device concat" })).toBeVisible();
  // In the background, as a second terminal would: the write waits in the suspended device.
  await typeCommand(page, "dd if=/dev/urandom of=/dev/mapper/concat bs=64k count=2 oflag=direct &");
  await expect(rows).toContainText(/oflag=direct &\s*dmsh#/);
  await page.waitForTimeout(500);
  const state = await page.evaluate(() => window.dmPlayground?.client()?.refreshState());
  expect(state?.devices.find((d) => d.name === "concat")?.suspended).toBe(true);
  await expect(rows).not.toContainText("records out");
  expect(await used()).toBe(0);
  // Nothing is scheduled while the bio waits: virtual time stands still.
  const held = await pace(page);
  expect(held?.pending).toBe(0);

  await typeCommand(page, "dmsetup resume concat");
  await expect(rows).toContainText(/2\+0 records in\s*2\+0 records out/);
  await expect.poll(used).toBe(2);
  const after = await page.evaluate(() => window.dmPlayground?.client()?.refreshState());
  expect(after?.devices.find((d) => d.name === "concat")?.suspended).toBe(false);
  await page.locator("#panel-console").screenshot({ path: "e2e-artifacts/suspend-resume.png" });
});

test("pausing freezes virtual time; a step runs exactly one clock entry", async ({ page }) => {
  await openApp(page, async (p) =>
    expect(p.locator("#panel-load").getByRole("button", { name: /Start/ })).toBeEnabled(),
  );
  await page.evaluate(() =>
    window.dmPlayground?.loadStart({ device: "/dev/mapper/stripes", rate: 500, queueDepth: 2 }),
  );
  await expect.poll(() => counter(page, 1, "completed")).toBeGreaterThan(50);
  await page.evaluate(() => window.dmPlayground?.setPace({ paused: true }));
  const frozen = await pace(page);
  expect(frozen?.paused).toBe(true);
  await page.waitForTimeout(400); // the last events reach the page's counter
  const seen = await eventsSeen(page);
  await page.waitForTimeout(600);
  const still = await pace(page);
  expect(still?.now).toBe(frozen?.now);
  expect(await eventsSeen(page)).toBe(seen);
  await expect(page.locator("#panel-load")).toContainText("Virtual time is paused");

  let total = 0;
  for (let i = 0; i < 3; i++) {
    const before = await pace(page);
    expect(before?.next).not.toBeNull();
    const r = await page.evaluate(() => window.dmPlayground?.step());
    expect(r?.ran).toBe(true);
    // Exactly the next entry ran: time is its time, and the one after is now next.
    expect(r?.now).toBe(before?.next);
    expect(r?.events).toBeGreaterThan(0);
    const after = await pace(page);
    expect(after?.now).toBe(r?.now);
    expect(after?.paused).toBe(true);
    // Its events, and only those, reach the page.
    total += r?.events ?? 0;
    await expect.poll(() => eventsSeen(page)).toBe(seen + total);
  }
  await page.waitForTimeout(300);
  expect(await eventsSeen(page)).toBe(seen + total);

  await page.evaluate(() => window.dmPlayground?.setPace({ paused: false }));
  await expect.poll(async () => (await pace(page))?.now ?? 0).toBeGreaterThan(frozen?.now ?? 0);
  await page.evaluate(() => window.dmPlayground?.loadStop());
});
