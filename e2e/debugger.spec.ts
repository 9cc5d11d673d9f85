/**
 * The debugger in a real Chromium: a user target loaded from the console (a heredoc and
 * insmod), a line breakpoint in its map, a dd that stops there (the worker blocked in
 * Atomics.wait while the page stays live), locals and `t.private` as trees, a watch evaluated in
 * the paused frame, stepping, continue, the bio completing; a breakpoint on MapState KILL; and
 * the watchdog leaving a paused worker alone.
 */

import { expect, test, type Page } from "@playwright/test";
import { typeCommand } from "./helpers.ts";

/** Line numbers matter: the breakpoint is on line 17 (`if (bio.op === "WRITE") ...`). */
const PROXY = `import { defineTarget, type DmDev } from "dm-playground";

interface Proxy { dev: DmDev; reads: number; writes: number; seen: Map<number, string> }

export default defineTarget<Proxy>({
  name: "proxy",
  version: [1, 0, 0],
  ctr(t, args) {
    const dev = t.getDevice(args[0]!);
    t.private = { dev, reads: 0, writes: 0, seen: new Map() };
  },
  dtr(t) {
    t.putDevice(t.priv.dev);
  },
  map(t, bio) {
    const p = t.priv;
    if (bio.op === "WRITE") p.writes++;
    else p.reads++;
    p.seen.set(bio.id, bio.op);
    if (bio.sector >= 4096) return "KILL";
    bio.bdev = p.dev.bdev;
    return "REMAPPED";
  },
});
`;

/**
 * helpers.ts's openApp with room for a loaded machine (other builds share its two cores): the
 * default stack, the console's prompt, then the Debugger panel.
 */
async function openApp(page: Page): Promise<string[]> {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto("/");
  await expect(page.getByRole("group", { name: "device stripes" })).toBeVisible({
    timeout: 60_000,
  });
  await expect(page.locator("#panel-console .xterm-rows")).toContainText("dmsh#", {
    timeout: 30_000,
  });
  await expect(panel(page).getByText("Running.")).toBeVisible({ timeout: 30_000 });
  return errors;
}

const rows = (page: Page) => page.locator("#panel-console .xterm-rows");
const panel = (page: Page) => page.locator("#panel-debugger");
const location = (page: Page) => panel(page).getByTestId("dbg-location");

/** Pastes `text` into the console as the clipboard would deliver it. */
async function paste(page: Page, text: string): Promise<void> {
  await page.locator("#panel-console .xterm").click();
  await page.evaluate((text) => {
    const textarea = document.querySelector("#panel-console .xterm textarea");
    const data = new DataTransfer();
    data.setData("text/plain", text);
    textarea?.dispatchEvent(
      new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, text);
}

/** Loads the proxy module and a device `p` on it, from the console. */
async function loadProxy(page: Page): Promise<void> {
  await paste(
    page,
    `cat > dm-proxy.ts <<'EOF'\n${PROXY}EOF\ninsmod dm-proxy.ts && dmsetup create p --table "0 8192 proxy /dev/ram0" && lsmod | grep '^dm_proxy '\n`,
  );
  await expect(rows(page)).toContainText(/dm_proxy +\d+ +1/);
  await expect(page.getByRole("group", { name: "device p" })).toBeVisible();
}

async function addLineBreakpoint(page: Page, file: string, line: number): Promise<void> {
  const p = panel(page);
  await p.getByLabel("Breakpoint file").fill(file);
  await p.getByLabel("Breakpoint line").fill(String(line));
  await p.getByRole("button", { name: "Add", exact: true }).click();
  await expect(p.getByText(`${file}:${line}`)).toBeVisible();
}

test("a line breakpoint in map: pause with locals and private, watch, step, continue", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const errors = await openApp(page);
  await expect(panel(page).getByText("Running.")).toBeVisible();
  await loadProxy(page);

  // The module was loaded without probes: the first breakpoint reloads it with them.
  await addLineBreakpoint(page, "dm-proxy.ts", 17);
  await expect(panel(page).getByText("Reloaded dm_proxy with breakpoint probes")).toBeVisible();

  await typeCommand(page, "dd if=/dev/urandom of=/dev/mapper/p bs=4k count=1 seek=2 oflag=direct");
  await expect(location(page)).toHaveText("Paused in map at dm-proxy.ts:17");
  const paused = panel(page).getByRole("region", { name: "Paused" });
  await expect(paused.getByText(/^map of proxy #0 on p \(254:2\) · bio \d+$/)).toBeVisible();
  // Call stack: the target call in progress, and the user frame on top.
  await expect(paused.locator(".dbg-stack li.top")).toHaveText("map · dm-proxy.ts:17");
  await expect(paused.locator(".dbg-stack li").nth(1)).toHaveText(
    /^map · proxy #0 on p \(254:2\) · bio \d+$/,
  );
  // Locals: p, t, bio; expand p: the target's counters, the Map of bios seen.
  const locals = paused.getByRole("tree", { name: "Locals" });
  await expect(locals.getByRole("treeitem", { name: /^p/ })).toBeVisible();
  await locals.getByRole("button", { name: /^p:/ }).click();
  await expect(locals).toContainText("writes:0");
  await expect(locals).toContainText("seen:Map(0)");
  // t.private, open; the DmDev shown as the kernel names it.
  const priv = paused.getByRole("tree", { name: "t.private" });
  await expect(priv).toContainText("writes:0");
  await expect(priv).toContainText(/dev:DmDev 1:0 ram0 rw/);
  // The bio, as a tree: a WRITE of 8 sectors at sector 16.
  const bio = paused.getByRole("tree", { name: "Bio" });
  await expect(bio).toContainText(/Bio bio \d+ WRITE dm-2 16\+8 OK/);

  // The Inspector shows the bio where it is: submitted, mapping, not completed.
  const insight = page.locator("#panel-disks");
  await insight.getByRole("tab", { name: "Inspector" }).click();
  await expect(insight.getByRole("tabpanel")).toContainText(/in flight/);

  // Watch expressions, evaluated in the paused frame.
  await panel(page)
    .getByLabel("Watch expression", { exact: true })
    .fill("p.writes * 100 + bio.sectors");
  await panel(page).getByRole("button", { name: "Add watch" }).click();
  const watch = panel(page).locator(".dbg-watch").first();
  await expect(watch).toContainText(/=\s*8\b/);

  // The page stays live while the worker is blocked, and the watchdog leaves it alone.
  await page.waitForTimeout(3500);
  await expect(page.getByRole("status", { name: /engine ready/ })).toBeVisible();
  expect(await page.evaluate(() => window.dmPlayground!.store.getState().restarts)).toBe(0);
  await expect(location(page)).toHaveText("Paused in map at dm-proxy.ts:17");
  await page.screenshot({ path: test.info().outputPath("paused.png") });

  // Step over (F10): the if's own statement, then the next line; the watch follows.
  await page.keyboard.press("F10");
  await expect(location(page)).toHaveText("Paused in map at dm-proxy.ts:17");
  await page.keyboard.press("F10");
  await expect(location(page)).toHaveText("Paused in map at dm-proxy.ts:19");
  await expect(watch).toContainText(/=\s*108\b/);

  // Continue (F8): the dd finishes, the bio completed.
  await page.keyboard.press("F8");
  await expect(panel(page).getByText("Running.")).toBeVisible();
  await expect(rows(page)).toContainText("1+0 records out");
  // The bio it stopped on is still the one inspected, now completed.
  await expect(insight.getByRole("tabpanel")).toContainText(/completed/);

  // Step into the next target call (F11): the next dd's map stops at its first line, before
  // the breakpoint. Removing the breakpoint while paused reaches the worker through the channel.
  await typeCommand(page, "dd if=/dev/urandom of=/dev/mapper/p bs=4k count=1 seek=3 oflag=direct");
  await expect(location(page)).toHaveText("Paused in map at dm-proxy.ts:17");
  await page.keyboard.press("F11");
  await expect(panel(page).getByText("Running.")).toBeVisible();
  await typeCommand(page, "dd if=/dev/urandom of=/dev/mapper/p bs=4k count=1 seek=4 oflag=direct");
  await expect(location(page)).toHaveText("Paused in map at dm-proxy.ts:16");
  await expect(panel(page).locator(".dbg-reason")).toHaveText("step");
  await panel(page).getByRole("button", { name: "Remove breakpoint dm-proxy.ts:17" }).click();
  await page.keyboard.press("F8");
  await expect(panel(page).getByText("Running.")).toBeVisible();
  await expect(rows(page)).toContainText(
    /seek=4 oflag=direct\s*1\+0 records in\s*1\+0 records out/,
  );
  expect(await page.evaluate(() => window.dmPlayground!.store.getState().restarts)).toBe(0);
  expect(errors).toEqual([]);
});

test("an outcome breakpoint on MapState KILL stops with the bio and the target's state", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const errors = await openApp(page);
  await loadProxy(page);
  const form = panel(page).getByRole("form", { name: "New outcome breakpoint" });
  await form.getByLabel("Point").selectOption("map");
  await form.getByLabel("MapState").selectOption("KILL");
  await form.getByLabel("Device").fill("p");
  await form.getByRole("button", { name: "Add outcome breakpoint" }).click();
  await expect(panel(page).getByText("map on p = KILL")).toBeVisible();

  // A write below sector 4096 is remapped: no stop. (4 KiB blocks: smaller ones are read first.)
  await typeCommand(page, "dd if=/dev/zero of=/dev/mapper/p bs=4k count=1 seek=1 oflag=direct");
  await expect(rows(page)).toContainText("1+0 records out");
  // One at 5000 is killed: stop there, before the core acts on it.
  await typeCommand(page, "dd if=/dev/zero of=/dev/mapper/p bs=4k count=1 seek=625 oflag=direct");
  await expect(location(page)).toHaveText("Paused in map at dm-proxy.ts");
  const paused = panel(page).getByRole("region", { name: "Paused" });
  await expect(paused.locator(".dbg-detail")).toHaveText(
    /^map returned KILL on p \(254:2\) \(proxy #0\) bio \d+$/,
  );
  await expect(paused.getByRole("tree", { name: "t.private" })).toContainText("writes:2");
  await expect(paused.getByRole("tree", { name: "Bio" })).toContainText(/WRITE dm-2 5000\+8/);
  await expect(panel(page).locator(".dbg-list li.hit")).toHaveText(/map on p = KILL/);
  await expect(paused.locator(".dbg-stack li")).toHaveText([
    /^map · proxy #0 on p \(254:2\) · bio \d+$/,
  ]);
  await page.screenshot({ path: test.info().outputPath("kill.png") });

  await panel(page)
    .getByRole("button", { name: /Continue/ })
    .click();
  await expect(rows(page)).toContainText("Input/output error");
  await expect(panel(page).getByText("Running.")).toBeVisible();
  expect(errors).toEqual([]);
});
