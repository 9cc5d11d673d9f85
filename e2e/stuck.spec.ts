/**
 * Never stuck: a command that cannot finish (a write to a suspended device) does not take the
 * console with it. Ctrl-C interrupts it, control requests (state reads, the editor's check and
 * loads) are answered meanwhile, and Reset really returns to the default scenario: devices
 * resumed, disks holding what a fresh page's hold.
 */

import { expect, test, type Page } from "@playwright/test";
import { openApp, typeCommand } from "./helpers.ts";

/** The console's visible rows, as text. */
async function rows(page: Page): Promise<string[]> {
  return (await page.locator("#panel-console .xterm-rows > div").allTextContents()).map((r) =>
    r.replace(/\u00a0/g, " ").trimEnd(),
  );
}

/** The last non-empty console row. */
async function lastRow(page: Page): Promise<string> {
  const r = (await rows(page)).filter((x) => x.trim() !== "");
  return r[r.length - 1] ?? "";
}

/** Runs a script in the worker's console shell directly and returns its output. */
function shell(page: Page, script: string): Promise<string> {
  return page.evaluate(async (script) => {
    let out = "";
    await window.dmPlayground!.client()!.runShell(script, (_s, t) => (out += t));
    return out;
  }, script);
}

// Several typed commands and three md5sums of 32 MiB each: more than the default minute on a
// busy machine.
test.describe.configure({ timeout: 150_000 });

const STUCK_DD = "dd if=/dev/urandom of=/dev/mapper/concat bs=4k count=1 oflag=direct";

/** Suspends concat and starts a dd that waits on it for ever; checks that it hangs. */
async function startStuckDd(page: Page): Promise<void> {
  await typeCommand(page, "dmsetup suspend concat");
  await expect.poll(() => lastRow(page)).toBe("dmsh#");
  await typeCommand(page, STUCK_DD);
  await expect.poll(() => lastRow(page)).toBe(`dmsh# ${STUCK_DD}`);
  // Long enough for a write to RAM to have ended many times over: it is stuck.
  await page.waitForTimeout(500);
  expect(await lastRow(page)).toBe(`dmsh# ${STUCK_DD}`);
}

test("a dd stuck on a suspended device: control requests are answered, and Ctrl-C rescues the console", async ({
  page,
}) => {
  const errors = await openApp(page);
  await startStuckDd(page);

  // Control requests do not queue behind it: a state read, the editor's check.
  const suspended = await page.evaluate(async () => {
    const s = await window.dmPlayground!.client()!.refreshState();
    return s.devices.find((d) => d.name === "concat")?.suspended;
  });
  expect(suspended).toBe(true);
  const editor = page.locator("#panel-editor");
  await editor.getByLabel("Device").selectOption("stripes");
  await editor.getByRole("textbox", { name: "Table" }).fill("0 8192 zero\n");
  await expect(editor.getByText("the kernel accepts this table")).toBeVisible();

  // Ctrl-C: the prompt comes back at once, dd printed nothing more (killed by the signal).
  await page.locator("#panel-console .xterm").click();
  await page.keyboard.press("Control+C");
  await expect.poll(() => lastRow(page)).toBe("dmsh#");
  const r = await rows(page);
  const at = r.lastIndexOf(`dmsh# ${STUCK_DD}`);
  expect(r.slice(at + 1).filter((x) => x.trim() !== "")).toEqual(["^C", "dmsh#"]);

  // The console works, and the device is still suspended (as on Linux) until resumed.
  await typeCommand(
    page,
    "dmsetup info -c --noheadings -o name,attr concat; dmsetup resume concat",
  );
  await expect(page.locator("#panel-console .xterm-rows")).toContainText("concat:L-sw");
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          window.dmPlayground!.store.getState().devices.find((d) => d.name === "concat")?.suspended,
      ),
    )
    .toBe(false);
  expect(errors).toEqual([]);
});

test("Reset rescues a stuck dd and returns the disks to the default scenario's", async ({
  page,
}) => {
  const errors = await openApp(page);
  const fresh = await shell(page, "md5sum /dev/ram0 /dev/ram1");
  expect(fresh).toMatch(/^[0-9a-f]{32} {2}\/dev\/ram0\n[0-9a-f]{32} {2}\/dev\/ram1\n$/);
  await typeCommand(page, "dd if=/dev/urandom of=/dev/mapper/concat bs=64k count=8 oflag=direct");
  await expect(page.locator("#panel-console .xterm-rows")).toContainText("8+0 records out");
  expect(await shell(page, "md5sum /dev/ram0 /dev/ram1")).not.toBe(fresh);
  await startStuckDd(page);

  await page.getByRole("button", { name: /Reset/ }).click();
  // The scenario is rebuilt in the console (the "[reset]" line above it may have scrolled away).
  await expect(page.locator("#panel-console .xterm-rows")).toContainText("dmsh# dmsetup ls --tree");
  await expect(page.getByRole("group", { name: "device stripes" })).toBeVisible();
  await expect.poll(() => lastRow(page)).toBe("dmsh#");
  // Every device resumed, the disks as a fresh page has them.
  const devices = await page.evaluate(async () => {
    const s = await window.dmPlayground!.client()!.refreshState();
    return s.devices.map((d) => `${d.name}:${d.suspended ? "suspended" : "active"}`);
  });
  expect(devices).toEqual(["concat:active", "stripes:active"]);
  expect(await shell(page, "md5sum /dev/ram0 /dev/ram1")).toBe(fresh);
  // And the console runs commands again.
  await typeCommand(page, "dd if=/dev/zero of=/dev/mapper/concat bs=4k count=1 oflag=direct");
  await expect(page.locator("#panel-console .xterm-rows")).toContainText("1+0 records out");
  expect(errors).toEqual([]);
});

test("the table editor: New device… creates a device; a table too big for its disk is refused before resume; a failed resume says how to get out", async ({
  page,
}) => {
  const errors = await openApp(page);
  const editor = page.locator("#panel-editor");
  const table = editor.getByRole("textbox", { name: "Table" });

  await editor.getByLabel("Device").selectOption({ label: "New device…" });
  const name = editor.getByLabel("New device name");
  await expect(name).toBeVisible();
  await name.fill("fresh");
  await table.fill("0 8192 zero\n");
  await expect(editor.getByText("the kernel accepts this table")).toBeVisible();
  await editor.getByRole("button", { name: /^Create Ctrl/ }).click();
  await expect(page.getByRole("group", { name: "device fresh" })).toBeVisible();

  // Past the end of ram0: a load into concat would pass, its resume would not. The editor says
  // so before anything is loaded.
  await editor.getByLabel("Device").selectOption("concat");
  await table.fill("0 40000 linear /dev/ram0 0\n");
  await expect(editor.getByText("✗ rejected")).toBeVisible();
  await expect(editor.getByRole("status", { name: "Kernel messages" })).toContainText(
    "ram0 too small for target: start=0, len=40000, dev_size=32768",
  );
  await expect(editor.getByRole("status", { name: "Kernel messages" })).toContainText(
    "the resume would fail and leave the device suspended",
  );
  // Loaded and resumed anyway: the result says the device is suspended and how to get out.
  await editor.getByRole("button", { name: /Load & resume/ }).click();
  const result = editor.getByLabel("Load result");
  await expect(result).toContainText("resume ioctl on concat  failed: Invalid argument");
  await expect(result).toContainText("concat is now SUSPENDED");
  await expect(result).toContainText("dmsetup resume concat");
  await typeCommand(page, "dmsetup resume concat; dmsetup table concat");
  await expect(page.locator("#panel-console .xterm-rows")).toContainText(
    "16384 16384 linear 1:1 0",
  );
  expect(errors).toEqual([]);
});

test("a huge RAM disk is refused at once and big ones do not block the page", async ({
  page,
}, testInfo) => {
  const errors = await openApp(page);
  await typeCommand(
    page,
    "dmsetup remove_all; modprobe -r brd; modprobe brd rd_size=1000000000000",
  );
  await expect(page.locator("#panel-console .xterm-rows")).toContainText(
    "modprobe: dm-playground: rd_size=1000000000000 is more than it keeps",
  );
  await expect.poll(() => lastRow(page)).toBe("dmsh#");
  const t0 = Date.now();
  await typeCommand(page, "modprobe brd rd_nr=4 rd_size=67108864; blockdev --getsize64 /dev/ram3");
  // The page answers a click meanwhile.
  const views = page.getByRole("button", { name: /Hide views|Show views/ });
  await views.click();
  await expect(views).toHaveText("Show views");
  await views.click();
  await expect(views).toHaveText("Hide views");
  await expect(page.locator("#panel-console .xterm-rows")).toContainText("68719476736");
  await expect(page.getByRole("region", { name: "disk ram3" })).toBeVisible();
  testInfo.annotations.push({
    type: "figure",
    description: `four 64 GiB RAM disks created and drawn in ${Date.now() - t0} ms of wall time`,
  });
  expect(errors).toEqual([]);
});
