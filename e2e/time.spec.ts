/**
 * Time in the tab: `time` reports virtual time (the engine's clock, as a Linux box reports its
 * own), 1x follows wall time, and a command waiting on a paused clock says so. Wall times are
 * recorded as figures (annotations), never asserted: the machine may be busy.
 */

import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { openApp, typeCommand } from "./helpers.ts";

async function rows(page: Page): Promise<string[]> {
  return (await page.locator("#panel-console .xterm-rows > div").allTextContents()).map((r) =>
    r.replace(/\u00a0/g, " ").trimEnd(),
  );
}

/** Rows after the last one that echoes `command`. */
async function after(page: Page, command: string): Promise<string[]> {
  const r = await rows(page);
  const at = r.lastIndexOf(`dmsh# ${command}`);
  return at < 0 ? [] : r.slice(at + 1).filter((x) => x.trim() !== "");
}

/**
 * Runs a command (short enough for one console row) twice: once through the console's action to
 * record its wall time, then typed; returns what the typed one printed.
 */
async function timed(page: Page, info: TestInfo, label: string, command: string) {
  // The wall time, measured in the page around the console's own action (polling the terminal
  // from here would add its own delays).
  const wallMs = await page.evaluate(async (command) => {
    const t0 = performance.now();
    await window.dmPlayground!.runCommand(command);
    return Math.round(performance.now() - t0);
  }, command);
  info.annotations.push({ type: "figure", description: `${label}: ${wallMs} ms of wall time` });
  console.log(`[figure] ${label}: ${wallMs} ms of wall time`);
  // Then typed, as a user would, for what it prints.
  await page.locator("#panel-console .xterm").click();
  await page.keyboard.type(command, { delay: 2 });
  await page.keyboard.press("Enter");
  await expect
    .poll(async () => (await after(page, command)).at(-1), { timeout: 30_000 })
    .toBe("dmsh#");
  return (await after(page, command)).slice(0, -1);
}

const REAL = (s: string) => [`real ${s}`, "user 0m 0.00s", "sys 0m 0.00s"];

/** xterm renders busybox's tabs as spaces: normalise runs of them. */
const squash = (lines: string[]) => lines.map((l) => l.replace(/\s+/g, " "));

test("time sleep 1 reports one virtual second at 1x and at 10x", async ({ page }, info) => {
  const errors = await openApp(page);
  expect(squash(await timed(page, info, "time sleep 1 at 1x", "time sleep 1"))).toEqual(
    REAL("0m 1.00s"),
  );
  await page.evaluate(() => window.dmPlayground!.setPace({ speed: 10e6 }));
  expect(squash(await timed(page, info, "time sleep 1 at 10x", "time -p sleep 1"))).toEqual([
    "real 1.00",
    "user 0.00",
    "sys 0.00",
  ]);
  expect(errors).toEqual([]);
});

test("a read through a 500 ms delay target takes 500 ms of virtual time", async ({
  page,
}, info) => {
  const errors = await openApp(page);
  await typeCommand(page, "dmsetup create slow --table '0 8192 delay /dev/ram0 0 500'");
  await expect(page.getByRole("group", { name: "device slow" })).toBeVisible();
  const out = await timed(
    page,
    info,
    "500 ms delay target read at 1x",
    // busybox's time is an applet: a redirection after it is its own too (2>/dev/null would
    // hide its report, as on Linux), so dd's own stderr goes away inside a shell.
    "time sh -c 'dd if=/dev/mapper/slow of=/dev/null count=1 2>/dev/null'",
  );
  expect(squash(out)).toEqual(REAL("0m 0.50s"));
  // Bulk I/O on a RAM disk at 1x: 4096 bios of 50 µs are 0.20 s on the clock, whatever the
  // wall time (a command's short waits are fast-forwarded).
  await typeCommand(page, "Z='if=/dev/zero of=/dev/ram1 bs=4k count=4096 oflag=direct'");
  const dd = await timed(
    page,
    info,
    "dd of 4096 4k bios to a RAM disk at 1x",
    'time sh -c "dd $Z 2>/dev/null"',
  );
  expect(squash(dd)).toEqual(REAL("0m 0.20s"));
  expect(errors).toEqual([]);
});

test("a command waiting on a paused clock says so, and goes on when the clock runs", async ({
  page,
}) => {
  const errors = await openApp(page);
  await page.evaluate(() => window.dmPlayground!.setPace({ paused: true }));
  await typeCommand(page, "sleep 1; echo woke");
  await expect(page.locator("#panel-console .xterm-rows")).toContainText(
    "[paused] virtual time is paused: this command waits for the clock",
  );
  expect(await after(page, "sleep 1; echo woke")).not.toContain("woke");
  await page.evaluate(() => window.dmPlayground!.setPace({ paused: false }));
  await expect
    .poll(async () => (await after(page, "sleep 1; echo woke")).slice(-2))
    .toEqual(["woke", "dmsh#"]);
  expect(errors).toEqual([]);
});
