/**
 * Learn by doing: a lesson walked through (two steps by its Run button, two typed in the
 * console), an exercise answered wrongly then rightly with the reveal shown in the inspector,
 * a scenario link made, opened, refused and then agreed to (same md5sums, same event count),
 * a real machine's `dmsetup table` imported, and the panel at 1280x720 and on a phone.
 * Screenshots go to e2e-artifacts/lessons-*.png.
 */

import { expect, test, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { exerciseSet } from "../src/lessons/exercises.ts";
import { scenarioHash } from "../src/lessons/share.ts";
import { typeCommand } from "./helpers.ts";

// Two cores shared by many: starting the engine can take a while here.
test.setTimeout(240_000);
test.use({ actionTimeout: 30_000 });
expect.configure({ timeout: 30_000 });

/** helpers' openApp, with the wait for the first stack as long as the machine needs. */
async function openApp(page: Page): Promise<string[]> {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto("/");
  await expect(page.getByRole("group", { name: "device stripes" })).toBeVisible({
    timeout: 90_000,
  });
  await expect(page.locator("#panel-console .xterm-rows")).toContainText("dmsh#");
  return errors;
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `e2e-artifacts/lessons-${name}.png` });

/** Output of a command run in the worker's shell (not echoed in the console). */
function shell(page: Page, command: string): Promise<string> {
  return page.evaluate(async (command) => {
    let out = "";
    await window.dmPlayground!.client()!.runShell(command, (_s, t) => (out += t));
    return out;
  }, command);
}

/**
 * Waits until the page has drained everything and the playback cursor is at the head, the
 * head unchanged for half a second (helpers' settlePlayback counts events across resets).
 */
async function settled(page: Page): Promise<void> {
  let last = -1;
  await expect
    .poll(
      async () => {
        const s = await page.evaluate(() => {
          const st = window.dmPlayground!.store.getState();
          return { cursor: st.cursor, head: st.head };
        });
        const still = s.head === last && s.cursor === s.head;
        last = s.head;
        return still;
      },
      { intervals: [500], timeout: 60_000 },
    )
    .toBe(true);
}

/** Records in the page's history since its engine started (a reset starts it over). */
function eventCount(page: Page): Promise<number> {
  return page.evaluate(() => {
    const h = (window as unknown as { dmViews: { history: { head: number; base: number } } })
      .dmViews.history;
    return h.head;
  });
}

const learn = (page: Page) => page.getByRole("complementary", { name: "Learn" });

test("a lesson, walked through by clicking and by typing", async ({ page }) => {
  const errors = await openApp(page);
  await page.getByRole("button", { name: "Learn", exact: true }).click();
  const panel = learn(page);
  await expect(panel).toBeVisible();
  await shot(page, "list");
  await panel.getByRole("button", { name: "A mapped device and its table" }).click();
  const check = panel.getByTestId("lesson-check");
  await expect(check).toContainText("not yet");
  // Step 1 by its button: the console shows the command, the stack the new device.
  await panel.getByRole("button", { name: "Run in the console" }).click();
  await expect(check).toContainText("✓ lin exists");
  await expect(page.getByRole("group", { name: "device lin" })).toBeVisible();
  await expect(page.locator("#panel-console .xterm-rows")).toContainText(
    "dmsetup create lin --table",
  );
  await shot(page, "step1");
  // Step 2 typed: the check follows the engine's events, whoever typed the command.
  await panel.getByRole("button", { name: "Next" }).click();
  await expect(check).toContainText("not yet");
  await typeCommand(page, "dd if=/dev/urandom of=/dev/mapper/lin bs=4096 count=1 oflag=direct");
  await expect(check).toContainText("✓ a write to lin was remapped onto ram0 at sector 2048", {
    timeout: 15_000,
  });
  // The step brought the Disks view forward.
  await expect(page.getByRole("tab", { name: "Disks" })).toHaveAttribute("aria-selected", "true");
  // Step 3 typed (a heredoc, as a learner would paste it), step 4 clicked.
  await panel.getByRole("button", { name: "Next" }).click();
  await typeCommand(page, "dmsetup create cat --table '0 16384 linear /dev/ram0 16384'");
  // One segment is not the step's concatenation: not yet.
  await page.waitForTimeout(1500);
  await expect(check).toContainText("not yet");
  await typeCommand(page, "dmsetup remove cat");
  await panel.getByRole("button", { name: "Run in the console" }).click();
  await expect(check).toContainText("✓ cat has two linear segments");
  await panel.getByRole("button", { name: "Next" }).click();
  await panel.getByRole("button", { name: "Run in the console" }).click();
  await expect(check).toContainText("✓ writes to cat landed on ram0 at 32760 and on ram1 at 0");
  await expect(panel.getByText("Lesson complete.")).toBeVisible();
  await expect(panel.getByText("4 of 4 steps done")).toBeVisible();
  await shot(page, "complete");
  expect(errors).toEqual([]);
});

test("an exercise answered wrongly, then rightly, with the reveal drawn", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto("/#exercises=7");
  await expect(page.locator("#panel-console .xterm-rows")).toContainText("dmsh#");
  const panel = learn(page);
  await expect(panel.getByRole("tab", { name: "Exercises" })).toHaveAttribute(
    "aria-selected",
    "true",
  );
  const ex = exerciseSet(7)[0]!;
  expect(ex.kind).toBe("stripe");
  const truth = ex.expected as { disk: string; sector: number };
  await expect(
    panel.getByText(`A process reads 4 KiB at sector ${/sector (\d+)/.exec(ex.prompt)![1]} of ex`),
  ).toBeVisible();
  await panel.getByRole("button", { name: "Build it on a fresh engine" }).click();
  await expect(page.getByRole("group", { name: "device ex" })).toBeVisible({ timeout: 20_000 });
  // Wrong: the right disk, a sector off.
  await panel.getByLabel("Disk").selectOption(truth.disk);
  await panel.getByLabel("Sector").fill(String(truth.sector + 1));
  await panel.getByRole("button", { name: "Check: run it" }).click();
  const result = panel.getByTestId("ex-result");
  await expect(result).toContainText("Not quite.");
  await expect(result).toContainText(`The engine says: ${truth.disk} sector ${truth.sector}.`);
  await expect(panel.getByTestId("ex-score")).toHaveText("Score 0 / 1");
  // Why: the read that landed there, in the inspector.
  await expect(page.getByRole("tab", { name: "Inspector" })).toHaveAttribute(
    "aria-selected",
    "true",
  );
  await expect(page.locator("#insight-body")).toContainText(truth.disk);
  await shot(page, "exercise-wrong");
  // Again, right.
  await panel.getByRole("button", { name: "Try again" }).click();
  await expect(panel.getByRole("button", { name: "Check: run it" })).toBeVisible({
    timeout: 20_000,
  });
  await panel.getByLabel("Disk").selectOption(truth.disk);
  await panel.getByLabel("Sector").fill(String(truth.sector));
  await panel.getByRole("button", { name: "Check: run it" }).click();
  await expect(result).toContainText("Right.");
  await expect(panel.getByTestId("ex-score")).toHaveText("Score 1 / 1");
  await shot(page, "exercise-right");
  // The other kinds, answered as the generator says: the page's engine must agree.
  for (const [i, next] of exerciseSet(7).slice(1, 3).entries()) {
    await panel.getByRole("button", { name: "Next exercise" }).click();
    await panel.getByRole("button", { name: "Build it on a fresh engine" }).click();
    await expect(panel.getByRole("button", { name: "Check: run it" })).toBeVisible({
      timeout: 30_000,
    });
    const want = next.expected as { choices: number[] };
    const boxes = panel.locator(".ex-option input");
    if (want.choices.length === 0) await boxes.first().check();
    const skip = next.form.type === "choice" && next.form.multiple ? 1 : 0;
    for (const c of want.choices) await boxes.nth(c + skip).check();
    await panel.getByRole("button", { name: "Check: run it" }).click();
    await expect(result).toContainText("Right.");
    await expect(panel.getByTestId("ex-score")).toHaveText(`Score ${i + 2} / ${i + 2}`);
    await shot(page, `exercise-${next.kind}`);
  }
  expect(errors).toEqual([]);
});

test("a scenario link: made, refused, then agreed to and replayed the same", async ({
  page,
  context,
}) => {
  const errors = await openApp(page);
  await typeCommand(page, "dmsetup create top --table '0 8192 linear /dev/mapper/stripes 0'");
  await expect(page.getByRole("group", { name: "device top" })).toBeVisible();
  await typeCommand(page, "dd if=/dev/urandom of=/dev/mapper/top bs=64k count=4 oflag=direct");
  await expect(page.locator("#panel-console .xterm-rows")).toContainText("4+0 records out");
  await settled(page);
  const events = await eventCount(page);
  const md5 = await shell(page, "md5sum /dev/mapper/top /dev/mapper/concat /dev/ram0 /dev/ram1");
  expect(md5).toMatch(/^[0-9a-f]{32} {2}\/dev\/mapper\/top$/m);

  await page.getByRole("button", { name: "Learn", exact: true }).click();
  await learn(page).getByRole("tab", { name: "Share & Linux" }).click();
  await learn(page).getByRole("button", { name: "Copy link" }).click();
  const link = await learn(page).getByLabel("Scenario link").inputValue();
  expect(link).toMatch(/#scenario=[A-Za-z0-9_-]+$/);
  await shot(page, "share");

  // Opened, refused: nothing ran.
  const other = await context.newPage();
  await other.goto(link);
  const dialog = other.getByRole("dialog", { name: /Replay a scenario from a shared link/ });
  await expect(dialog).toBeVisible({ timeout: 90_000 });
  await expect(dialog.getByLabel("Commands it runs")).toContainText(
    "dmsetup create top --table '0 8192 linear /dev/mapper/stripes 0'",
  );
  await other.screenshot({ path: "e2e-artifacts/lessons-consent.png" });
  await dialog.getByRole("button", { name: "Don’t run it" }).click();
  await expect(dialog).toBeHidden();
  await expect(other.getByRole("group", { name: "device stripes" })).toBeVisible();
  await other.waitForTimeout(500);
  await expect(other.getByRole("group", { name: "device top" })).toHaveCount(0);
  expect(new URL(other.url()).hash).toBe("");
  await other.close();

  // Opened, agreed: the same events, the same data.
  const third = await context.newPage();
  await third.goto(link);
  const d3 = third.getByRole("dialog", { name: /Replay a scenario/ });
  await expect(d3).toBeVisible({ timeout: 90_000 });
  await d3.getByRole("button", { name: "Replay it" }).click();
  await expect(third.getByRole("group", { name: "device top" })).toBeVisible({ timeout: 20_000 });
  await expect
    .poll(() => third.evaluate(() => window.dmPlayground!.store.getState().replaying))
    .toBe(false);
  await settled(third);
  expect(await eventCount(third)).toBe(events);
  expect(await shell(third, "md5sum /dev/mapper/top /dev/mapper/concat /dev/ram0 /dev/ram1")).toBe(
    md5,
  );
  await third.screenshot({ path: "e2e-artifacts/lessons-replayed.png" });
  expect(errors).toEqual([]);
});

test("a link's target code is shown and runs only once agreed to", async ({ page }) => {
  const source = readFileSync("src/samples/dm-ulinear.ts", "utf8");
  const hash = await scenarioHash({
    v: 1,
    base: "default",
    seed: 0x5eed,
    commands: [
      "insmod /tmp/dm-ulinear.ts",
      "dmsetup create u --table '0 8192 ulinear /dev/ram0 0'",
    ],
    targets: [{ name: "dm-ulinear.ts", source }],
    view: { tab: "outcomes", device: "u" },
  });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`/${hash}`);
  const dialog = page.getByRole("dialog", { name: /Replay a scenario from a shared link/ });
  await expect(dialog).toBeVisible({ timeout: 90_000 });
  await expect(dialog).toContainText("brings 1 target module");
  await expect(dialog.getByLabel("Source of dm-ulinear.ts")).toContainText('name: "ulinear",');
  // Nothing ran: no module, no file, no device.
  expect(await shell(page, "lsmod | grep -c ulinear; ls /tmp/dm-ulinear.ts 2>&1 | head -1")).toBe(
    "0\nls: /tmp/dm-ulinear.ts: No such file or directory\n",
  );
  await page.screenshot({ path: "e2e-artifacts/lessons-consent-code.png" });
  await dialog.getByRole("button", { name: "Replay it" }).click();
  await expect(page.getByRole("group", { name: "device u" })).toBeVisible({ timeout: 30_000 });
  expect(await shell(page, "dmsetup table u")).toBe("0 8192 ulinear 1:0 0\n");
  await expect(page.getByRole("tab", { name: "Outcomes" })).toHaveAttribute(
    "aria-selected",
    "true",
  );
  expect(errors).toEqual([]);
});

test("a link carries the table editor's loads too", async ({ page, context }) => {
  const errors = await openApp(page);
  const editor = page.locator("#panel-editor");
  await editor.getByLabel("Device").selectOption("concat");
  await editor
    .getByRole("textbox", { name: "Table" })
    .fill("0 8192 linear /dev/ram1 0\n8192 4096 zero\n");
  await expect(editor.getByText("the kernel accepts this table")).toBeVisible();
  await editor.getByRole("button", { name: /Load & resume/ }).click();
  const zero = page
    .getByRole("group", { name: "device concat" })
    .getByRole("img", { name: "target zero 8192+4096" });
  await expect(zero).toBeVisible();
  await page.getByRole("button", { name: "Learn", exact: true }).click();
  await learn(page).getByRole("tab", { name: "Share & Linux" }).click();
  await learn(page).getByRole("button", { name: "Copy link" }).click();
  const link = await learn(page).getByLabel("Scenario link").inputValue();
  const other = await context.newPage();
  await other.goto(link);
  const dialog = other.getByRole("dialog", { name: /Replay a scenario/ });
  await expect(dialog).toBeVisible({ timeout: 90_000 });
  await expect(dialog.getByLabel("Commands it runs")).toContainText("dmsetup load concat <<'EOF'");
  await dialog.getByRole("button", { name: "Replay it" }).click();
  await expect(
    other
      .getByRole("group", { name: "device concat" })
      .getByRole("img", { name: "target zero 8192+4096" }),
  ).toBeVisible({ timeout: 30_000 });
  expect(await shell(other, "dmsetup table concat")).toBe("0 8192 linear 1:1 0\n8192 4096 zero \n");
  expect(errors).toEqual([]);
});

test("a real machine's dmsetup table, imported over sparse disks", async ({ page }) => {
  const errors = await openApp(page);
  await page.getByRole("button", { name: "Learn", exact: true }).click();
  const panel = learn(page);
  await panel.getByRole("tab", { name: "Share & Linux" }).click();
  await panel.getByLabel(/Paste dmsetup table/).fill(`vg-root: 0 104857600 linear 253:0 2048
vg-home: 0 838860800 linear 253:0 104859648
luks-3f2a: 0 975699968 crypt aes-xts-plain64 0000000000000000000000000000000000000000000000000000000000000000 0 8:2 32768
luks-3f2a	(253:0)
vg-root	(253:1)
vg-home	(253:2)
NAME            MAJ:MIN RM   SIZE RO TYPE  MOUNTPOINTS
sda               8:0    0 465.8G  0 disk
└─sda2            8:2    0 465.3G  0 part
  └─luks-3f2a   253:0    0 465.3G  0 crypt
    ├─vg-root   253:1    0    50G  0 lvm   /
    └─vg-home   253:2    0   400G  0 lvm   /home`);
  await panel.getByRole("button", { name: "Read it" }).click();
  await expect(panel.getByText(/3 devices over 1 disk: sda2 → loop0/)).toBeVisible();
  await panel.getByRole("button", { name: "Build it here (fresh engine)" }).click();
  await expect(page.getByRole("group", { name: "device vg-home" })).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.getByRole("group", { name: "device luks-3f2a" }).first()).toBeVisible();
  expect(await shell(page, "dmsetup table vg-root")).toBe("0 104857600 linear 254:0 2048\n");
  await shot(page, "import");
  expect(errors).toEqual([]);
});

for (const size of [
  { name: "1280x720", width: 1280, height: 720 },
  { name: "390x844", width: 390, height: 844 },
]) {
  test(`the Learn panel at ${size.name}: reachable, nothing sideways`, async ({ page }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await openApp(page);
    // Keyboard only: Tab to the Learn button, Enter.
    const toggle = page.getByRole("button", { name: "Learn", exact: true });
    await toggle.focus();
    await page.keyboard.press("Enter");
    const panel = learn(page);
    await expect(panel).toBeVisible();
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    await panel.getByRole("button", { name: "Striping and chunk placement" }).focus();
    await page.keyboard.press("Enter");
    await expect(panel.getByRole("button", { name: "Run in the console" })).toBeVisible({
      timeout: 20_000,
    });
    await panel.getByRole("button", { name: "Run in the console" }).focus();
    await page.keyboard.press("Enter");
    await expect(panel.getByTestId("lesson-check")).toContainText("✓", { timeout: 15_000 });
    const sideways = await page.evaluate(
      () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
    );
    expect(sideways).toBe(false);
    const box = await panel.boundingBox();
    expect(box!.width).toBeLessThanOrEqual(size.width);
    await shot(page, `panel-${size.name}`);
  });
}
