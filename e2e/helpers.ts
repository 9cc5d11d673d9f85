/** What the end-to-end tests share: opening the app and typing into its console. */

import { expect, type Page } from "@playwright/test";

/** Types a command into the xterm console and presses Enter. */
export async function typeCommand(page: Page, command: string): Promise<void> {
  await page.locator("#panel-console .xterm").click();
  await page.keyboard.type(command, { delay: 2 });
  await page.keyboard.press("Enter");
}

/**
 * Opens the app and waits for the default stack and the console's prompt (and `ready`, if
 * given, for a panel the test needs). Returns the page errors seen from then on.
 */
export async function openApp(
  page: Page,
  ready?: (page: Page) => Promise<void>,
): Promise<string[]> {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto("/");
  await expect(page.getByRole("group", { name: "device stripes" })).toBeVisible();
  await expect(page.locator("#panel-console .xterm-rows")).toContainText("dmsh#");
  await ready?.(page);
  return errors;
}
