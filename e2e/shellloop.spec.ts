/**
 * A shell loop that never waits keeps the engine worker from reading messages. It must not be
 * taken for a hung target (the watchdog reads the shell's heartbeat in shared memory), and
 * Ctrl-C must reach it through the same memory: the newcomer's `while` loop once "rebooted the
 * kernel" and lost the shell's variables.
 */

import { expect, test } from "@playwright/test";
import { openApp, typeCommand } from "./helpers.ts";

test.describe.configure({ timeout: 120_000 });

test("a long shell loop finishes without a watchdog restart, and Ctrl-C stops an endless one", async ({
  page,
}) => {
  const errors = await openApp(page);
  const restarts = () => page.evaluate(() => window.dmPlayground!.store.getState().restarts);
  const rows = page.locator("#panel-console .xterm-rows");

  // Long enough to keep the worker busy well past the watchdog's 1.5 s.
  await typeCommand(page, "X=5; i=0; while [ $i -lt 200000 ]; do i=$((i+1)); done; echo done=$i");
  await expect(rows).toContainText("done=200000", { timeout: 90_000 });
  expect(await restarts()).toBe(0);

  await typeCommand(page, "while true; do :; done");
  await page.waitForTimeout(2500);
  await page.keyboard.press("Control+C");
  await typeCommand(page, "echo X=$X");
  // The same shell, variables kept, and no restart.
  await expect(rows).toContainText("X=5");
  expect(await restarts()).toBe(0);
  await expect(rows).not.toContainText("[watchdog]");
  expect(errors).toEqual([]);
});
