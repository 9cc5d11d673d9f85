/**
 * The target editor in a real Chromium: a target written from scratch by typing into Monaco
 * (completion offered from the target API), loaded, used from the console, hot-reloaded under
 * a running load generator, a syntax error marked on its line, files kept across a reload, and
 * code from a shared link run only after the user agrees.
 */

import { expect, test, type Page } from "@playwright/test";
import { shareHash } from "../src/app/editor/targetFiles.ts";
import { openApp, typeCommand } from "./helpers.ts";

/**
 * The proxy target, as typed line by line (indentation is left to the editor). As in any
 * editor that closes brackets, a line ending in `{` gets its `}` at once: `{ close: "," }` steps
 * down to that line and types what follows it.
 */
const PROXY = [
  `import { ctrError, defineTarget, parseU64, type DmDev } from "dm-playground";`,
  ``,
  `const VERSION = 1;`,
  ``,
  `interface Proxy { dev: DmDev; start: number; reads: number; writes: number }`,
  ``,
  `export default defineTarget<Proxy>({`,
  `name: "proxy",`,
  `version: [1, 0, 0],`,
  `ctr(t, args) {`,
  `if (args.length !== 2) ctrError("Invalid argument count");`,
  `const start = parseU64(args[1]!);`,
  `if (start === null) ctrError("Invalid device sector");`,
  `t.private = { dev: t.getDevice(args[0]!), start, reads: 0, writes: 0 };`,
  `t.numFlushBios = 1;`,
  { close: "," },
  `dtr(t) {`,
  `t.putDevice(t.priv.dev);`,
  { close: "," },
  `map(t, bio) {`,
  `if (bio.op === "READ") t.priv.reads++;`,
  `if (bio.op === "WRITE") t.priv.writes++;`,
  // Typed key by key up to the dot: the completion widget must offer the bio's fields.
  { typed: "bio.", then: "bdev = t.priv.dev.bdev;" },
  `bio.sector = t.priv.start + t.offset(bio.sector);`,
  `return "REMAPPED";`,
  { close: "," },
  `status(t, type) {`,
  'if (type === "INFO") return `v${VERSION} reads ${t.priv.reads} writes ${t.priv.writes}`;',
  "return `${t.priv.dev.name} ${t.priv.start}`;",
  { close: "," },
  { close: ";" },
];

type Typed = string | { typed: string; then: string } | { close: string };

/** The text a typed line stands for. */
function lineText(l: Typed): string {
  if (typeof l === "string") return l;
  if ("close" in l) return (l.close === ";" ? "})" : "}") + l.close;
  return l.typed + l.then;
}

const rows = (page: Page) => page.locator("#panel-console .xterm-rows");
const editorPanel = (page: Page) => page.locator("#panel-editor");
const code = (page: Page) => page.getByTestId("target-code");

/** Runs a command in the worker's dmsh and returns what it printed. */
function shell(page: Page, script: string): Promise<string> {
  return page.evaluate(async (script) => {
    let out = "";
    await window.dmPlayground?.client()?.runShell(script, (_s, t) => (out += t));
    return out;
  }, script);
}

/** The open file's text, as the editor keeps it. */
function openSource(page: Page): Promise<string | undefined> {
  return page.evaluate(() => {
    const s = window.dmPlayground!.store.getState();
    return s.targetFiles?.find((f) => f.name === s.targetOpen)?.source;
  });
}

async function openTargetEditor(page: Page): Promise<void> {
  await editorPanel(page).getByRole("tab", { name: "Target code" }).click();
  await expect(editorPanel(page).locator(".target-editor")).toBeVisible({ timeout: 20_000 });
}

/** Puts the keyboard in the code (a click near the top of the text). */
async function focusCode(page: Page): Promise<void> {
  await code(page)
    .locator(".monaco-editor")
    .click({ position: { x: 240, y: 12 } });
}

/** A new file named `name`, emptied, with the keyboard in the editor. */
async function newEmptyFile(page: Page, name: string): Promise<void> {
  const panel = editorPanel(page);
  await panel.getByRole("button", { name: "New", exact: true }).click();
  await panel.getByRole("button", { name: "Rename" }).click();
  const input = panel.getByLabel("File name");
  await input.fill(name);
  await input.press("Enter");
  await expect(panel.getByLabel("Open file")).toHaveValue(name);
  await expect(code(page).locator(".view-lines")).toContainText("defineTarget");
  await focusCode(page);
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  await expect.poll(() => openSource(page)).toBe("");
}

/** Types lines into Monaco: each line's text, Escape (closes any suggestion), Enter. */
async function typeLines(page: Page, lines: readonly Typed[]): Promise<void> {
  for (const line of lines) {
    if (typeof line === "string") {
      if (line) await page.keyboard.insertText(line);
    } else if ("close" in line) {
      // (Escape first: with a suggestion or a signature shown, ArrowDown would move in it.)
      await page.keyboard.press("Escape");
      await page.keyboard.press("ArrowDown");
      await page.keyboard.press("End");
      await page.keyboard.insertText(line.close);
    } else {
      await page.keyboard.type(line.typed, { delay: 30 });
      const suggest = code(page).locator(".suggest-widget.visible");
      await expect(suggest).toBeVisible({ timeout: 15_000 });
      // (The list is virtualised: the first entries, alphabetically.)
      await expect(suggest).toContainText("bdev");
      await expect(suggest).toContainText("clone");
      await page.keyboard.press("Escape");
      await page.keyboard.insertText(line.then);
    }
    await page.keyboard.press("Escape");
    await page.keyboard.press("Enter");
    // Let the editor settle (its suggestions come asynchronously) before the next line.
    await page.waitForTimeout(40);
  }
}

test("write a proxy target from scratch, load it, use it, hot-reload it under load", async ({
  page,
}) => {
  test.setTimeout(300_000);
  const errors = await openApp(page);
  await openTargetEditor(page);
  await expect(code(page).locator(".monaco-editor")).toHaveCount(0);
  await editorPanel(page).getByRole("button", { name: "New target file" }).click();
  await expect(code(page).locator(".monaco-editor")).toBeVisible({ timeout: 20_000 });
  await newEmptyFile(page, "dm-proxy.ts");

  await typeLines(page, PROXY);
  // What was typed is the file (indentation and blank lines aside).
  const lines = (text: string) =>
    text
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l !== "");
  await expect
    .poll(async () => lines((await openSource(page)) ?? ""))
    .toEqual(lines(PROXY.map(lineText).join("\n")));
  // No type errors: the language service knows the API.
  await expect(code(page).locator(".squiggly-error")).toHaveCount(0, { timeout: 15_000 });
  await page.screenshot({ path: test.info().outputPath("typed.png") });

  // Load (Ctrl+S in the editor).
  await page.keyboard.press("ControlOrMeta+S");
  const state = editorPanel(page).locator(".module-state");
  await expect(state).toContainText("dm_proxy loaded");
  await expect(editorPanel(page).getByRole("button", { name: /^Reload/ })).toBeVisible();

  // dmsh sees the same file, and the target works in tables.
  expect(await shell(page, "md5sum dm-proxy.ts; lsmod | grep dm_proxy")).toMatch(
    /^[0-9a-f]{32} {2}dm-proxy\.ts\ndm_proxy\s+\d+\s+0/,
  );
  await typeCommand(page, "dmsetup targets | grep proxy");
  await expect(rows(page)).toContainText(/proxy\s+v1\.0\.0/);
  await typeCommand(page, "dmsetup create px --table '0 8192 proxy /dev/ram0 0'");
  await typeCommand(page, "dd if=/dev/urandom of=/dev/mapper/px bs=4k count=8 oflag=direct");
  await expect(rows(page)).toContainText("8+0 records out");
  await typeCommand(page, "dmsetup status px");
  await expect(rows(page)).toContainText(/0 8192 proxy v1 reads \d+ writes 8/);
  await expect(state).toContainText("used ×1");

  // Hot reload while a read-only load generator runs: same data before and after.
  const md5 = "dd if=/dev/mapper/px bs=4k count=8 status=none | md5sum";
  expect(await shell(page, "loadgen start /dev/mapper/px --read 100 --rate 2000 --qd 4")).toMatch(
    /^\d+\n$/,
  );
  const before = await shell(page, md5);
  expect(before).toMatch(/^[0-9a-f]{32} {2}-\n$/);
  // Line 3: VERSION 1 -> 2, then Ctrl+S reloads.
  await focusCode(page);
  await page.keyboard.press("ControlOrMeta+Home");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("End");
  await page.keyboard.press("Shift+Home");
  await page.keyboard.insertText("const VERSION = 2;");
  await expect(state).toContainText("modified");
  await page.keyboard.press("ControlOrMeta+S");
  await expect(editorPanel(page).locator(".load-output.ok")).toContainText("dm_proxy reloaded");
  expect(await shell(page, "dmsetup status px")).toMatch(/^0 8192 proxy v2 reads \d+ writes/);
  expect(await shell(page, md5)).toBe(before);
  const loads = await shell(page, "loadgen list");
  expect(loads).toMatch(/px/);
  await page.screenshot({ path: test.info().outputPath("reloaded.png") });
  await typeCommand(page, "loadgen stop");
  await typeCommand(page, "dmsetup remove px");

  // The files survive a reload of the page.
  await page.reload();
  await expect(page.getByRole("group", { name: "device stripes" })).toBeVisible();
  await openTargetEditor(page);
  await expect(editorPanel(page).getByLabel("Open file")).toHaveValue("dm-proxy.ts");
  await expect(code(page).locator(".view-lines")).toContainText("const VERSION = 2;");
  expect(errors).toEqual([]);
});

test("a syntax error is marked on its line, and breakpoints toggle in the margin", async ({
  page,
}) => {
  test.setTimeout(150_000);
  await openApp(page);
  // Alt+6 opens the target editor with the keyboard in it (here: the button making a file).
  await page.locator("#panel-console .xterm").click();
  await page.keyboard.press("Alt+6");
  const newFile = editorPanel(page).getByRole("button", { name: "New target file" });
  await expect(newFile).toBeFocused({ timeout: 20_000 });
  await page.keyboard.press("Enter");
  await expect(code(page).locator(".monaco-editor")).toBeVisible({ timeout: 20_000 });
  await page.keyboard.press("Alt+2");
  await page.keyboard.press("Alt+6");
  await expect
    .poll(() => page.evaluate(() => !!document.activeElement?.closest(".monaco-editor")))
    .toBe(true);
  await newEmptyFile(page, "dm-broken.ts");
  await typeLines(page, [
    `import { defineTarget } from "dm-playground";`,
    `export default defineTarget({ name: "broken", version: [1, 0, 0],`,
    `ctr(t) { t.private = ; },`,
    `map() { return "KILL"; } });`,
  ]);
  await page.keyboard.press("ControlOrMeta+S");
  const problems = editorPanel(page).getByRole("list", { name: "Problems" });
  await expect(problems).toContainText(/dm-broken\.ts:3:\d+/);
  await expect(editorPanel(page).locator(".load-output.bad")).toContainText("dm-broken.ts:3:");
  // The marker is on line 3: the squiggle sits in that line's band.
  const lineTop = async (n: number) =>
    (
      await code(page)
        .locator(".margin-view-overlays > div")
        .nth(n - 1)
        .boundingBox()
    )?.y;
  const squiggles = code(page).locator(".squiggly-error");
  await expect(squiggles.first()).toBeVisible();
  const y3 = await lineTop(3);
  const ys = await squiggles.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().y));
  expect(ys.some((y) => y3 !== undefined && Math.abs(y - y3) < 19)).toBe(true);
  // Clicking the problem puts the cursor on it: what is typed next lands there.
  await problems.getByRole("button").first().click();
  await page.keyboard.insertText("/*here*/");
  await expect
    .poll(async () => (await openSource(page))?.split("\n")[2]?.trim())
    .toBe("ctr(t) { t.private = /*here*/; },");
  await page.keyboard.press("ControlOrMeta+Z");

  // A breakpoint: click the glyph margin of line 4, again to remove it.
  const glyph = code(page).locator(".glyph-margin");
  const box = (await glyph.boundingBox())!;
  const y4 = (await lineTop(4))!;
  await page.mouse.click(box.x + box.width / 2, y4 + 8);
  await expect(code(page).locator(".bp-glyph")).toHaveCount(1);
  expect(await page.evaluate(() => window.dmPlayground!.store.getState().breakpoints)).toEqual({
    "dm-broken.ts": [4],
  });
  await page.mouse.click(box.x + box.width / 2, y4 + 8);
  await expect(code(page).locator(".bp-glyph")).toHaveCount(0);
});

test("a breakpoint set in the editor's margin pauses map there, and the editor shows the line", async ({
  page,
}) => {
  test.setTimeout(200_000);
  await openApp(page);
  await openTargetEditor(page);
  await editorPanel(page).getByRole("button", { name: "New target file" }).click();
  await newEmptyFile(page, "dm-bp.ts");
  // Pasted rather than typed (typing is the first test's business): line 9 is in map.
  await page.keyboard.insertText(
    [
      `import { defineTarget, type DmDev } from "dm-playground";`,
      `export default defineTarget<DmDev>({`,
      `name: "bp", version: [1, 0, 0],`,
      `ctr(t, args) { t.private = t.getDevice(args[0]!); t.numFlushBios = 1; },`,
      `dtr(t) { t.putDevice(t.priv); },`,
      `map(t, bio) {`,
      `const dev = t.priv;`,
      `bio.bdev = dev.bdev;`,
      `return "REMAPPED";`,
      `},`,
      `});`,
    ].join("\n"),
  );
  await page.keyboard.press("ControlOrMeta+S");
  await expect(editorPanel(page).locator(".module-state")).toContainText("dm_bp loaded");
  await typeCommand(page, "dmsetup create bp --table '0 2048 bp /dev/ram1'");
  await expect(page.getByRole("group", { name: "device bp" })).toBeVisible();

  // Click the glyph margin of line 9 (`return "REMAPPED";`).
  // The top of line n as drawn now (Monaco draws only the lines in view, so find it by number).
  const lineTop = async (n: number) =>
    (await code(page)
      .locator(".line-numbers", { hasText: new RegExp(`^${n}$`) })
      .boundingBox())!.y;
  const glyph = (await code(page).locator(".glyph-margin").boundingBox())!;
  await page.mouse.click(glyph.x + glyph.width / 2, (await lineTop(9)) + 8);
  await expect(code(page).locator(".bp-glyph")).toHaveCount(1);

  await typeCommand(page, "dd if=/dev/zero of=/dev/mapper/bp bs=4k count=1 oflag=direct");
  const debug = page.locator("#panel-debugger");
  await expect(debug.getByTestId("dbg-location")).toContainText("dm-bp.ts:9", {
    timeout: 30_000,
  });
  // The editor marks the line it stopped on.
  const pausedLine = code(page).locator(".paused-line");
  await expect(pausedLine).toHaveCount(1);
  const y = (await pausedLine.boundingBox())!.y;
  expect(Math.abs(y - (await lineTop(9)))).toBeLessThan(4);
  await page.screenshot({ path: test.info().outputPath("paused.png") });

  await debug.getByRole("button", { name: /Continue/ }).click();
  await expect(rows(page)).toContainText("1+0 records out", { timeout: 30_000 });
  await expect(pausedLine).toHaveCount(0);
});

test("code from a shared link is shown and runs only after the user agrees", async ({ page }) => {
  const source = `import { defineTarget } from "dm-playground";
export default defineTarget({ name: "shared", version: [1, 0, 0], ctr() {}, map() { return "KILL"; } });
`;
  const hash = shareHash({ name: "dm-shared.ts", source });
  await page.goto("/" + hash);
  await expect(page.getByRole("group", { name: "device stripes" })).toBeVisible({
    timeout: 30_000,
  });
  const dialog = page.getByRole("dialog", { name: "Run code from a shared link?" });
  await expect(dialog).toBeVisible({ timeout: 20_000 });
  await expect(dialog.getByLabel("Source of dm-shared.ts")).toContainText('name: "shared"');
  // Refused: nothing is loaded, nothing kept.
  await dialog.getByRole("button", { name: "Don’t run it" }).click();
  await expect(dialog).toBeHidden();
  expect(await shell(page, "lsmod | grep -c dm_shared")).toBe("0\n");
  expect(page.url()).not.toContain("#target=");

  // Agreed: it becomes a file and is loaded.
  await page.goto("/" + hash);
  await expect(dialog).toBeVisible({ timeout: 20_000 });
  await page.screenshot({ path: test.info().outputPath("consent.png") });
  await dialog.getByRole("button", { name: "Trust and load it" }).click();
  await expect(editorPanel(page).locator(".module-state")).toContainText("dm_shared loaded");
  await expect(editorPanel(page).getByLabel("Open file")).toHaveValue("dm-shared.ts");
  expect(await shell(page, "dmsetup targets | grep -c shared")).toBe("1\n");

  // An opened file is shown at once, but runs only after the same question, on Load.
  await editorPanel(page)
    .getByLabel("Open a target file")
    .setInputFiles({
      name: "dm-opened.ts",
      mimeType: "text/plain",
      buffer: Buffer.from(source.replace('"shared"', '"opened"')),
    });
  await expect(editorPanel(page).getByLabel("Open file")).toHaveValue("dm-opened.ts");
  await expect(editorPanel(page).getByRole("note")).toContainText("runs only after you agree");
  await expect(code(page).locator(".view-lines")).toContainText('name: "opened"');
  await editorPanel(page).getByRole("button", { name: /^Load/ }).click();
  const asked = page.getByRole("dialog", { name: "Run code from the file dm-opened.ts?" });
  await expect(asked).toBeVisible();
  await asked.getByRole("button", { name: "Trust and load it" }).click();
  await expect(editorPanel(page).locator(".module-state")).toContainText("dm_opened loaded");
});
