import { expect, test, type Page } from "@playwright/test";
import { openApp, typeCommand } from "./helpers.ts";

/**
 * The I/O views: the bio flow over the stack, outcomes, the lifecycle timeline, the inspector,
 * and the playback bar (pause, step, speed, time travel). Every picture is drawn from the
 * engine's events up to the playback cursor; the flow's still picture (paused) is summarised,
 * one line per bio, in a list that screen readers (and these tests) read.
 */

const bar = (page: Page) => page.getByRole("toolbar", { name: "playback" });
const flow = (page: Page) => page.locator("canvas.flow");
const consoleRows = (page: Page) => page.locator("#panel-console .xterm-rows");
const num = (s: string | null) => Number((s ?? "").replace(/,/g, ""));
const cursorOf = async (page: Page) => num(await bar(page).getByTestId("cursor").textContent());
const store = (page: Page) =>
  page.evaluate(() => {
    const s = window.dmPlayground!.store.getState();
    return { cursor: s.cursor, head: s.head, mode: s.playMode, seen: s.eventsSeen };
  });

/** The still picture's summary: one line per bio on screen. */
async function summary(page: Page): Promise<string[]> {
  await expect(flow(page)).toHaveAttribute("data-mode", "still");
  return page.locator("#flow-summary li").allTextContents();
}

/** What the flow shows, exactly: its pixels and its summary. */
async function picture(page: Page) {
  await expect(flow(page)).toHaveAttribute("data-mode", "still");
  const lines = await summary(page);
  const pixels = await flow(page).evaluate((c: HTMLCanvasElement) => c.toDataURL());
  const at = await flow(page).getAttribute("data-cursor");
  return { at, lines, pixels };
}

/** Plays until the cursor has caught up with every event (the animation has played). */
async function settle(page: Page) {
  await expect
    .poll(
      async () => {
        const s = await store(page);
        return s.head > 0 && s.cursor === s.head && s.cursor === s.seen;
      },
      { timeout: 30_000 },
    )
    .toBe(true);
}

async function pause(page: Page) {
  await bar(page).getByRole("button", { name: "Pause" }).click();
  await expect(bar(page)).toHaveAttribute("data-state", "paused");
}

async function play(page: Page) {
  await bar(page).getByRole("button", { name: "Play" }).click();
}

/** Moves the time-travel scrubber to `value` as a user dragging it would. */
async function scrub(page: Page, value: number) {
  await bar(page)
    .getByLabel("Time travel: playback cursor")
    .evaluate((el: HTMLInputElement, v) => {
      const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")!.set!;
      set.call(el, String(v));
      el.dispatchEvent(new Event("input", { bubbles: true }));
    }, value);
  await expect(bar(page).getByTestId("cursor")).toHaveText(value.toLocaleString("en"));
}

/** Sets the speed slider to a label (".25×", "1×", "max"). */
async function setSpeed(page: Page, label: string) {
  const labels = ["0.01×", ".05×", ".1×", ".25×", ".5×", "1×", "2×", "4×", "10×", "100×", "max"];
  const slider = bar(page).getByLabel("Speed");
  await slider.focus();
  for (let i = 0; i < 12; i++) {
    if ((await slider.getAttribute("aria-valuetext")) === label) return;
    const v = Number(await slider.inputValue());
    await page.keyboard.press(labels.indexOf(label) > v ? "ArrowRight" : "ArrowLeft");
  }
  await expect(slider).toHaveAttribute("aria-valuetext", label);
}

const tokens = async (page: Page) => Number(await flow(page).getAttribute("data-tokens"));

test("a write across a linear boundary animates as a split into two remapped bios", async ({
  page,
}) => {
  const errors = await openApp(page, async (p) => expect(p.locator("canvas.flow")).toBeAttached());
  await setSpeed(page, ".25×");
  // 12 sectors at 16380: the last 4 of concat's first segment (ram0), the first 8 of its second.
  await typeCommand(
    page,
    "dd if=/dev/zero of=/dev/mapper/concat bs=6k count=1 seek=1365 oflag=direct",
  );
  await expect(consoleRows(page)).toContainText("1+0 records out");
  // Mid-animation: the bio and its two pieces are on screen, moving.
  await expect.poll(() => tokens(page), { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
  await expect(flow(page)).toHaveAttribute("data-mode", "live");
  await page.waitForTimeout(700);
  await page.locator("#panel-stack").screenshot({ path: "e2e-artifacts/flow-split.png" });
  await settle(page);
  await pause(page);
  const lines = await summary(page);
  const root = lines.find((l) => l.includes("concat:16380+12"));
  expect(root).toMatch(
    /^bio \d+ WRITE concat:16380\+12 COMPLETED OK ended; concat:16380\+12 → ram0:16380\+4, ram1:0\+8$/,
  );
  const pieces = lines.filter((l) => / REMAPPED OK ended$/.test(l));
  expect(pieces).toEqual([
    expect.stringMatching(/^bio \d+ WRITE ram0:16380\+4 ENDIO target 0 REMAPPED OK ended$/),
    expect.stringMatching(/^bio \d+ WRITE ram1:0\+8 ENDIO target 1 REMAPPED OK ended$/),
  ]);
  // Back in time, right after the second piece was remapped: the bio waits at concat while its
  // pieces are on ram0 (done) and ram1 (on its way).
  const head = await cursorOf(page);
  let seenSplit = false;
  for (let c = head; c > head - 12 && !seenSplit; c--) {
    await scrub(page, c);
    const l = await summary(page);
    seenSplit =
      l.some((x) =>
        /WRITE concat:16380\+12 SUBMITTED waiting; .*→ ram0:16380\+4, ram1:0\+8/.test(x),
      ) && l.some((x) => /WRITE ram1:0\+8 (REMAPPED|SUBMITTED) REMAPPED$/.test(x));
  }
  expect(seenSplit).toBe(true);
  await page.locator("#panel-stack").screenshot({ path: "e2e-artifacts/flow-split-still.png" });
  expect(errors).toEqual([]);
});

test("a bio to an error target shows KILL and an I/O error", async ({ page }) => {
  const errors = await openApp(page, async (p) => expect(p.locator("canvas.flow")).toBeAttached());
  await typeCommand(page, "dmsetup create bad --table '0 1024 error'");
  await expect(page.getByRole("group", { name: "device bad" })).toBeVisible();
  await setSpeed(page, ".5×");
  await typeCommand(page, "dd if=/dev/mapper/bad of=/dev/null bs=4k count=1 iflag=direct");
  await expect(consoleRows(page)).toContainText("dd: /dev/mapper/bad: Input/output error");
  await expect.poll(() => tokens(page), { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
  await page.waitForTimeout(900);
  await page.locator("#panel-stack").screenshot({ path: "e2e-artifacts/flow-kill.png" });
  await settle(page);
  await pause(page);
  const lines = await summary(page);
  expect(lines).toContainEqual(
    expect.stringMatching(/^bio \d+ READ bad:0\+8 COMPLETED IOERR ended$/),
  );
  expect(lines).toContainEqual(
    expect.stringMatching(/^bio \d+ READ bad:0\+8 MAPPED target 0 KILL ended$/),
  );
  // Outcomes: the error target's KILL and the device's I/O error, counted.
  const panel = page.locator("#panel-disks");
  await panel.getByRole("tab", { name: "Outcomes" }).click();
  const table = panel.getByRole("table", { name: "Outcomes per device and target" });
  await expect(table.getByRole("button", { name: "error 0+1024 · KILL: 1" })).toBeVisible();
  await expect(table.getByRole("button", { name: /^bad 254:2 · IOERR: 1$/ })).toBeVisible();
  // Clicking a count narrows the flow to those bios.
  await table.getByRole("button", { name: "error 0+1024 · KILL: 1" }).click();
  await expect(
    page.getByRole("button", { name: /showing only error 0\+1024 · KILL/ }),
  ).toBeVisible();
  await panel.screenshot({ path: "e2e-artifacts/outcomes-kill.png" });
  await page.locator("#panel-stack").screenshot({ path: "e2e-artifacts/flow-filtered.png" });
  expect(errors).toEqual([]);
});

test("bios sent during a suspend wait at the device and complete after resume", async ({
  page,
}) => {
  const errors = await openApp(page, async (p) => expect(p.locator("canvas.flow")).toBeAttached());
  await typeCommand(page, "dmsetup suspend concat");
  await typeCommand(page, "dd if=/dev/zero of=/dev/mapper/concat bs=4k count=1 oflag=direct &");
  await typeCommand(
    page,
    "dd if=/dev/zero of=/dev/mapper/concat bs=4k count=1 seek=8 oflag=direct &",
  );
  await expect(consoleRows(page)).toContainText(/seek=8 oflag=direct &\s*dmsh#/);
  await settle(page);
  await pause(page);
  const held = await summary(page);
  expect(held.filter((l) => /^bio \d+ WRITE concat:\d+\+8 DEFERRED queued #\d$/.test(l))).toEqual([
    expect.stringMatching(/concat:0\+8 DEFERRED queued #1$/),
    expect.stringMatching(/concat:64\+8 DEFERRED queued #2$/),
  ]);
  await page.locator("#panel-stack").screenshot({ path: "e2e-artifacts/flow-held.png" });
  await play(page);
  await setSpeed(page, ".25×");
  await typeCommand(page, "dmsetup resume concat");
  await expect(consoleRows(page)).toContainText(/1\+0 records out[\s\S]*1\+0 records out/);
  // Draining: the held bios leave the queue and go down the stack.
  await page.waitForTimeout(1200);
  await page.locator("#panel-stack").screenshot({ path: "e2e-artifacts/flow-resume.png" });
  await settle(page);
  await pause(page);
  const after = await summary(page);
  expect(after).toContainEqual(
    expect.stringMatching(/^bio \d+ WRITE concat:0\+8 COMPLETED OK ended/),
  );
  expect(after).toContainEqual(
    expect.stringMatching(/^bio \d+ WRITE concat:64\+8 COMPLETED OK ended/),
  );
  expect(after.some((l) => l.includes("DEFERRED"))).toBe(false);
  // The timeline shows the suspended span and the lifecycle around it.
  const panel = page.locator("#panel-disks");
  await panel.getByRole("tab", { name: "Timeline" }).click();
  const timeline = panel.getByRole("list", { name: "Lifecycle timeline" });
  await expect(timeline.getByRole("listitem", { name: "lane concat" })).toBeVisible();
  // Resumed twice: when it was created, and after the suspend.
  const resume = timeline.getByRole("img", { name: /^device resume concat at / }).last();
  await resume.hover();
  await expect(panel.getByRole("tooltip")).toContainText("device resume concat");
  await panel.screenshot({ path: "e2e-artifacts/timeline.png" });
  expect(errors).toEqual([]);
});

test("single-stepping advances exactly one event", async ({ page }) => {
  const errors = await openApp(page, async (p) => expect(p.locator("canvas.flow")).toBeAttached());
  await typeCommand(page, "dd if=/dev/zero of=/dev/mapper/stripes bs=4k count=2 oflag=direct");
  await expect(consoleRows(page)).toContainText("2+0 records out");
  await settle(page);
  await pause(page);
  const head = await cursorOf(page);
  const step = bar(page).getByRole("button", { name: "Step", exact: true });
  const back = bar(page).getByRole("button", { name: "Step back" });
  // Back through recorded history, and forward again: one event each time.
  for (let i = 1; i <= 3; i++) {
    await back.click();
    await expect(bar(page).getByTestId("cursor")).toHaveText(String(head - i));
    await expect(flow(page)).toHaveAttribute("data-cursor", String(head - i));
  }
  const before = await summary(page);
  await step.click();
  await expect(bar(page).getByTestId("cursor")).toHaveText(String(head - 2));
  await expect(flow(page)).toHaveAttribute("data-cursor", String(head - 2));
  expect(await summary(page)).not.toEqual(before);
  // At the head with the engine paused, a step asks the engine for one more clock entry: the
  // cursor takes exactly one of the events it produces.
  await play(page);
  await page.evaluate(() =>
    window.dmPlayground!.loadStart({ device: "/dev/mapper/concat", rate: 200, queueDepth: 1 }),
  );
  await expect.poll(async () => (await store(page)).seen).toBeGreaterThan(head + 50);
  await pause(page);
  await page.waitForTimeout(500); // the last events before the engine stopped
  const frozen = await store(page);
  await scrub(page, frozen.head);
  await step.click();
  await expect(bar(page).getByTestId("cursor")).toHaveText((frozen.head + 1).toLocaleString("en"));
  await expect.poll(async () => (await store(page)).seen).toBeGreaterThan(frozen.head);
  await page.waitForTimeout(400);
  const s = await store(page);
  expect(s.cursor).toBe(frozen.head + 1);
  expect(s.head).toBeGreaterThan(frozen.head + 1);
  // The next step takes the next of those events: no new engine step.
  await step.click();
  await expect(flow(page)).toHaveAttribute("data-cursor", String(frozen.head + 2));
  await page.waitForTimeout(300);
  expect((await store(page)).seen).toBe(s.seen);
  await page.locator("#panel-stack").screenshot({ path: "e2e-artifacts/flow-step.png" });
  await page.evaluate(() => window.dmPlayground!.loadStop());
  expect(errors).toEqual([]);
});

test("scrubbing back and forward reproduces the same picture", async ({ page }) => {
  const errors = await openApp(page, async (p) => expect(p.locator("canvas.flow")).toBeAttached());
  await typeCommand(page, "dmsetup create bad --table '0 1024 error'");
  await setSpeed(page, "max");
  await typeCommand(
    page,
    "dd if=/dev/zero of=/dev/mapper/concat bs=6k count=1 seek=1365 oflag=direct; dd if=/dev/mapper/bad of=/dev/null bs=4k count=1 iflag=direct",
  );
  await expect(consoleRows(page)).toContainText("Input/output error");
  await settle(page);
  await pause(page);
  const head = await cursorOf(page);
  const atHead = await picture(page);
  const x = head - 14;
  await scrub(page, x);
  const first = await picture(page);
  expect(first.at).toBe(String(x));
  expect(first.lines.length).toBeGreaterThan(0);
  await scrub(page, Math.floor(x / 2));
  const elsewhere = await picture(page);
  expect(elsewhere.pixels).not.toBe(first.pixels);
  await scrub(page, x);
  const again = await picture(page);
  expect(again).toEqual(first);
  // Forward past it and back by steps: the same again.
  await scrub(page, x + 5);
  for (let i = 0; i < 5; i++) await bar(page).getByRole("button", { name: "Step back" }).click();
  expect(await picture(page)).toEqual(first);
  // Replaying from there to the head ends on the picture the head had.
  await setSpeed(page, "1×");
  await play(page);
  await settle(page);
  await pause(page);
  expect(await picture(page)).toEqual(atHead);
  expect(errors).toEqual([]);
});

test("the inspector shows a bio's whole life and its targets' state", async ({ page }) => {
  const errors = await openApp(page, async (p) => expect(p.locator("canvas.flow")).toBeAttached());
  await typeCommand(
    page,
    "dd if=/dev/zero of=/dev/mapper/concat bs=6k count=1 seek=1365 oflag=direct",
  );
  await expect(consoleRows(page)).toContainText("1+0 records out");
  await settle(page);
  await pause(page);
  const panel = page.locator("#panel-disks");
  await panel.getByRole("tab", { name: "Inspector" }).click();
  await panel.getByRole("button", { name: "Latest bio" }).click();
  const life = panel.getByRole("table", { name: /^Life of bio \d+$/ });
  await expect(life).toContainText("split");
  await expect(life).toContainText("piece of bio");
  await expect(life).toContainText("target 0 map → REMAPPED");
  await expect(life).toContainText("target 1 map → REMAPPED");
  await expect(life).toContainText("ram1:0+8");
  await expect(life).toContainText("end_io → OK, DONE");
  // Each range is labelled with the device its sectors belong to: a piece's end_io ran at
  // concat, with the piece's sectors on the disk it was remapped onto (not "concat:0+8").
  const endio = life
    .locator("tbody tr")
    .filter({ has: page.locator("td:nth-child(3)", { hasText: /^endio$/ }) });
  expect((await endio.locator("td:nth-child(4)").allInnerTexts()).sort()).toEqual([
    "ram0:16380+4",
    "ram1:0+8",
  ]);
  await expect(endio.locator("td:nth-child(5)")).toHaveText([
    "concat end_io → OK, DONE",
    "concat end_io → OK, DONE",
  ]);
  await expect(panel.getByRole("region", { name: "Target state" })).toContainText("TABLE 1:1 0");
  await panel.screenshot({ path: "e2e-artifacts/inspector.png" });
  await panel.getByRole("region", { name: "Target state" }).scrollIntoViewIfNeeded();
  await panel.screenshot({ path: "e2e-artifacts/inspector-targets.png" });
  await page.screenshot({ path: "e2e-artifacts/io-paused.png" });
  expect(errors).toEqual([]);
});

test("under load the views sample and count, and the outcomes run live", async ({ page }) => {
  const errors = await openApp(page, async (p) => expect(p.locator("canvas.flow")).toBeAttached());
  await page.evaluate(() =>
    window.dmPlayground!.loadStart({ device: "/dev/mapper/stripes", rate: 3000, queueDepth: 8 }),
  );
  await expect.poll(() => tokens(page), { timeout: 10_000 }).toBeGreaterThan(5);
  const panel = page.locator("#panel-disks");
  await panel.getByRole("tab", { name: "Outcomes" }).click();
  await expect(panel.getByRole("button", { name: /^striped 0\+32768 · REMAPPED: / })).toBeVisible();
  await page.waitForTimeout(1500);
  await page.locator("#panel-stack").screenshot({ path: "e2e-artifacts/flow-load.png" });
  await panel.screenshot({ path: "e2e-artifacts/outcomes-live.png" });
  await page.screenshot({ path: "e2e-artifacts/io-app.png" });
  await page.evaluate(() => window.dmPlayground!.loadStop());
  expect(errors).toEqual([]);
});
