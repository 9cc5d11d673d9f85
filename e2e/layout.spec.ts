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

/** A target whose map has a line to stop on (line 8: `return "REMAPPED"`, after the remap). */
const PASS = `import { defineTarget, type DmDev } from "dm-playground";
export default defineTarget<{ dev: DmDev }>({
  name: "pass",
  version: [1, 0, 0],
  ctr(t, args) { t.private = { dev: t.getDevice(args[0]!) }; },
  dtr(t) { t.putDevice(t.priv.dev); },
  map(t, bio) { bio.bdev = t.priv.dev.bdev;
    return "REMAPPED"; },
});
`;

test("paused with the target editor open: the paused frame is on screen, not a 60 px strip", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const errors = await openApp(page);
  await page.locator("#panel-editor").getByRole("tab", { name: "Target code" }).click();
  await page.locator("#panel-console .xterm").click();
  await page.evaluate((text) => {
    const textarea = document.querySelector("#panel-console .xterm textarea");
    const data = new DataTransfer();
    data.setData("text/plain", text);
    textarea?.dispatchEvent(
      new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, `cat > dm-pass.ts <<'EOF'\n${PASS}EOF\ninsmod dm-pass.ts && dmsetup create ps --table "0 8192 pass /dev/ram0"\n`);
  await expect(page.getByRole("group", { name: "device ps" })).toBeVisible({ timeout: 30_000 });
  const dbg = page.locator("#panel-debugger");
  await dbg.getByLabel("Breakpoint file").fill("dm-pass.ts");
  await dbg.getByLabel("Breakpoint line").fill("8");
  await dbg.getByRole("button", { name: "Add", exact: true }).click();
  await expect(dbg.getByText("Reloaded dm_pass")).toBeVisible({ timeout: 30_000 });
  await typeCommand(page, "dd if=/dev/zero of=/dev/mapper/ps bs=4k count=1 oflag=direct");
  const where = dbg.getByTestId("dbg-location");
  await expect(where).toHaveText("Paused in map at dm-pass.ts:8", { timeout: 30_000 });
  // The panel's head, where it stopped, the call stack and the locals: all in the viewport.
  await expect(page.locator("#h-debugger")).toBeInViewport();
  await expect(where).toBeInViewport();
  const paused = dbg.getByRole("region", { name: "Paused" });
  await expect(paused.getByRole("tree", { name: "Locals" })).toBeInViewport();
  const box = await dbg.boundingBox();
  expect(box!.height).toBeGreaterThan(300);
  await page.screenshot({ path: test.info().outputPath("paused-target-tab.png") });
  await page.keyboard.press("F8");
  await expect(dbg.getByText("Running.")).toBeVisible();
  expect(errors).toEqual([]);
});
