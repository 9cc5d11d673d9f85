/**
 * Accessibility, checked by axe-core (WCAG 2 A and AA rules) in Chromium: the page as it
 * opens, with the Learn panel open, with the target code editor (Monaco), and with the Target
 * views tab showing a striped view. Any
 * violation fails the test, with the rule and the elements it found.
 */

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { expect, test, type Page } from "@playwright/test";
import { openApp } from "./helpers.ts";

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

async function violations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: AXE });
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (...a: unknown[]) => Promise<unknown> } }).axe;
    const r = (await axe.run(document, {
      runOnly: {
        type: "tag",
        values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
      },
      resultTypes: ["violations"],
    })) as { violations: AxeViolation[] };
    return r.violations;
  });
  return found.map(
    (v) =>
      `${v.impact ?? ""} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
  );
}

test.use({ viewport: { width: 1600, height: 1000 } });

test("the page has no axe-core violations: at first, with the Learn panel, the editors, a target view", async ({
  page,
}) => {
  test.setTimeout(300_000);
  const errors = await openApp(page);
  expect(await violations(page)).toEqual([]);

  await page.getByRole("button", { name: "Learn", exact: true }).click();
  await expect(page.getByRole("tab", { name: "Lessons" })).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await page.getByRole("button", { name: "Close the Learn panel" }).click();

  // The editor: the table editor and the target code editor (Monaco).
  await page.getByRole("tab", { name: "Target code", exact: true }).click();
  expect(await violations(page)).toEqual([]);
  await page.getByRole("button", { name: "New target file" }).click();
  await expect(page.locator(".monaco-editor").first()).toBeVisible({ timeout: 60_000 });
  expect(await violations(page)).toEqual([]);
  await page.getByRole("tab", { name: "Table", exact: true }).click();

  await page.getByRole("tab", { name: "Target views", exact: true }).click();
  await page.getByRole("group", { name: "device stripes", exact: true }).click();
  expect(await violations(page)).toEqual([]);
  expect(errors).toEqual([]);
});
