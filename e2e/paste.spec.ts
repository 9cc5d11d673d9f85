/**
 * A paste is read as a terminal reads typeahead: N pasted commands run one by one, each one's
 * output printed before the next prompt; a heredoc and a loop that span lines stay together.
 */

import { expect, test } from "@playwright/test";
import { openApp } from "./helpers.ts";

// Tall enough for the whole transcript on the console's screen (after a Ctrl-L).
test.use({ viewport: { width: 1440, height: 1400 } });

test("pasted commands run one by one with their output in between", async ({ page }) => {
  const errors = await openApp(page);
  await page.locator("#panel-console .xterm").click();
  await page.keyboard.press("Control+L");
  await page.evaluate((text) => {
    const textarea = document.querySelector("#panel-console .xterm textarea");
    const data = new DataTransfer();
    data.setData("text/plain", text);
    textarea?.dispatchEvent(
      new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, "echo one\ncat <<EOF\nin the heredoc\nEOF\nfor i in 1 2; do\necho loop $i\ndone\necho two\n");
  const rows = page.locator("#panel-console .xterm-rows");
  await expect(rows).toContainText(
    /dmsh# echo one\s*one\s*dmsh# cat <<EOF\s*> in the heredoc\s*> EOF\s*in the heredoc\s*dmsh# for i in 1 2; do\s*> echo loop \$i\s*> done\s*loop 1\s*loop 2\s*dmsh# echo two\s*two\s*dmsh#/,
  );
  expect(errors).toEqual([]);
});
