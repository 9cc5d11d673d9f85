/**
 * The console as a terminal: input typed line by line continues after bash's "> " prompt until
 * the script is whole, Tab completes, Alt+digit leaves the console for other panels, and long
 * output wraps between words.
 */

import { expect, test, type Page } from "@playwright/test";
import { openApp } from "./helpers.ts";

/** The console's visible rows, as text. */
async function rows(page: Page): Promise<string[]> {
  return (await page.locator("#panel-console .xterm-rows > div").allTextContents()).map((r) =>
    r.replace(/\u00a0/g, " ").trimEnd(),
  );
}

/** Types one line into the console and presses Enter (no click: focus stays where it is). */
async function line(page: Page, text: string): Promise<void> {
  await page.keyboard.type(text, { delay: 2 });
  await page.keyboard.press("Enter");
}

/** Waits until the console's last row is exactly `prompt` (with what is typed after it). */
async function expectLastRow(page: Page, text: string): Promise<void> {
  await expect
    .poll(async () => {
      const r = await rows(page);
      const filled = r.filter((x) => x.trim() !== "");
      return filled[filled.length - 1] ?? "";
    })
    .toBe(text);
}

async function focusConsole(page: Page): Promise<void> {
  await page.locator("#panel-console .xterm").click();
  await expectLastRow(page, "dmsh#");
}

test.describe("console", () => {
  test("a heredoc typed line by line continues after > and runs whole", async ({ page }) => {
    const errors = await openApp(page);
    await focusConsole(page);
    await line(page, "cat <<EOF");
    await expectLastRow(page, ">");
    await line(page, "first line");
    await expectLastRow(page, ">");
    await line(page, "second line");
    await line(page, "EOF");
    await expectLastRow(page, "dmsh#");
    const r = await rows(page);
    const at = r.lastIndexOf("dmsh# cat <<EOF");
    expect(r.slice(at, at + 6)).toEqual([
      "dmsh# cat <<EOF",
      "> first line",
      "> second line",
      "> EOF",
      "first line",
      "second line",
    ]);
    expect(r.join("\n")).not.toMatch(/syntax error/);
    expect(errors).toEqual([]);
  });

  test("a for loop and an if typed line by line, a trailing backslash", async ({ page }) => {
    await openApp(page);
    await focusConsole(page);
    await line(page, "for i in 1 2 3; do");
    await expectLastRow(page, ">");
    await line(page, "  echo n=$i");
    await expectLastRow(page, ">");
    await line(page, "done");
    await expectLastRow(page, "dmsh#");
    let r = await rows(page);
    expect(r.slice(-5, -1)).toEqual(["> done", "n=1", "n=2", "n=3"]);

    await line(page, "if dmsetup info concat >/dev/null; then");
    await line(page, "echo concat is here");
    await line(page, "fi");
    await expectLastRow(page, "dmsh#");
    r = await rows(page);
    expect(r[r.length - 2]).toBe("concat is here");

    await line(page, "echo one \\");
    await expectLastRow(page, ">");
    await line(page, "two");
    await expectLastRow(page, "dmsh#");
    r = await rows(page);
    expect(r.slice(-3)).toEqual(["> two", "one two", "dmsh#"]);
  });

  test("Ctrl-C abandons an unfinished script", async ({ page }) => {
    await openApp(page);
    await focusConsole(page);
    await line(page, "while true; do");
    await line(page, "echo never");
    await expectLastRow(page, ">");
    await page.keyboard.press("Control+C");
    await expectLastRow(page, "dmsh#");
    await line(page, "echo after");
    await expectLastRow(page, "dmsh#");
    const r = await rows(page);
    expect(r.slice(-4)).toEqual(["> ^C", "dmsh# echo after", "after", "dmsh#"]);
    expect(r).not.toContain("never");
  });

  test("Tab completes device names, subcommands and paths; Tab Tab lists", async ({ page }) => {
    await openApp(page);
    await focusConsole(page);
    await page.keyboard.type("dmsetup tab", { delay: 2 });
    await page.keyboard.press("Tab");
    await expectLastRow(page, "dmsh# dmsetup table");
    await page.keyboard.type("str", { delay: 2 });
    await page.keyboard.press("Tab");
    await expectLastRow(page, "dmsh# dmsetup table stripes");
    await page.keyboard.press("Enter");
    await expectLastRow(page, "dmsh#");
    let r = await rows(page);
    expect(r[r.length - 2]).toBe("0 32768 striped 2 128 1:0 16384 1:1 16384");

    await page.keyboard.type("blockdev --getsize64 /dev/mapper/con", { delay: 2 });
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    // Two candidates (concat, control): the second Tab lists them, then the line again.
    await expectLastRow(page, "dmsh# blockdev --getsize64 /dev/mapper/con");
    r = await rows(page);
    expect(r[r.length - 2]).toMatch(/^concat {2,}control$/);
    await page.keyboard.type("c", { delay: 2 });
    await page.keyboard.press("Tab");
    await expectLastRow(page, "dmsh# blockdev --getsize64 /dev/mapper/concat");
    await page.keyboard.press("Enter");
    await expectLastRow(page, "dmsh#");
    r = await rows(page);
    expect(r[r.length - 2]).toBe(String(16 * 1024 * 1024));
    await page.locator("#panel-console").screenshot({ path: "e2e-artifacts/console-complete.png" });
  });

  test("Alt+1…5 leave the console for each panel and come back", async ({ page }) => {
    await openApp(page);
    await focusConsole(page);
    const focusedPanel = () =>
      page.evaluate(() => document.activeElement?.closest("section.panel")?.id ?? null);
    for (const [key, panel] of [
      ["1", "panel-stack"],
      ["2", "panel-console"],
      ["3", "panel-editor"],
      ["2", "panel-console"],
      ["4", "panel-disks"],
      ["2", "panel-console"],
      ["5", "panel-load"],
      ["2", "panel-console"],
    ] as const) {
      await page.keyboard.press(`Alt+${key}`);
      await expect.poll(focusedPanel).toBe(panel);
    }
    // The keys went to the page, not into the command line.
    await page.keyboard.type("echo typed", { delay: 2 });
    await expectLastRow(page, "dmsh# echo typed");
  });

  test("long usage text wraps between words at the console's width", async ({ page }) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await openApp(page);
    await focusConsole(page);
    await line(page, "dmsetup");
    await expectLastRow(page, "dmsh#");
    const r = await rows(page);
    const cols = await page.evaluate(() => {
      const row = document.querySelector("#panel-console .xterm-rows > div");
      const screen = document.querySelector("#panel-console .xterm-screen");
      const span = document.querySelector("#panel-console .xterm-char-measure-element");
      // The measuring element holds a run of characters: one cell is its width over their count.
      const cell = span ? span.getBoundingClientRect().width / (span.textContent?.length || 1) : 0;
      return row && screen && cell ? Math.floor(screen.getBoundingClientRect().width / cell) : 0;
    });
    // The usage's longest lines (80 columns) do not fit as printed.
    expect(cols).toBeGreaterThan(30);
    expect(cols).toBeLessThan(80);
    // The shell knows the console's width (busybox's ls lays out by it).
    await line(page, "echo cols=$COLUMNS");
    await expectLastRow(page, "dmsh#");
    const echoed = (await rows(page)).filter((x) => x.startsWith("cols=")).pop();
    expect(Math.abs(Number(echoed?.slice(5)) - cols)).toBeLessThanOrEqual(2);
    // The usage's last lines are longer than the console: every word of them is whole on a row.
    const tail = [
      "Tree specific options are: ascii, utf, vt100; compact, inverted, notrunc;",
      "blkdevname, [no]device, active, open, rw and uuid.",
    ];
    for (const word of tail.join(" ").split(" "))
      expect(
        r.some((row) => row.split(/\s+/).includes(word)),
        `"${word}" whole on a row`,
      ).toBe(true);
    await page.locator("#panel-console").screenshot({ path: "e2e-artifacts/console-usage.png" });
  });
});
