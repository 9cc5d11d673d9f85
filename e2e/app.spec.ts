import { expect, test, type Page } from "@playwright/test";
import { openApp, typeCommand } from "./helpers.ts";

/** How many chunks of a disk the disk panel shows as holding data. */
async function usedChunks(page: Page, disk: string): Promise<number> {
  return Number(await page.locator(`canvas[data-disk="${disk}"]`).getAttribute("data-used"));
}

test("the page is cross-origin isolated", async ({ page }) => {
  await page.goto("/");
  expect(await page.evaluate(() => window.crossOriginIsolated)).toBe(true);
  expect(await page.evaluate(() => typeof SharedArrayBuffer)).toBe("function");
});

test("the default stack is drawn", async ({ page }) => {
  const errors = await openApp(page);
  const stack = page.getByRole("group", { name: "device stack" });
  const concat = stack.getByRole("group", { name: "device concat" });
  await expect(concat.getByRole("img", { name: "target linear 0+16384" })).toBeVisible();
  await expect(concat.getByRole("img", { name: "target linear 16384+16384" })).toBeVisible();
  await expect(concat.getByRole("group", { name: "disk ram0 0+16384" })).toBeVisible();
  const stripes = stack.getByRole("group", { name: "device stripes" });
  await expect(stripes.getByRole("img", { name: "target striped 0+32768" })).toBeVisible();
  await expect(stripes.getByRole("group", { name: "disk ram1 16384+16384" })).toBeVisible();
  await expect(page.locator('canvas[data-disk="ram0"]')).toHaveAttribute("data-used", "0");
  await page.locator("#panel-stack").screenshot({ path: "e2e-artifacts/stack.png" });
  await page.screenshot({ path: "e2e-artifacts/app.png" });
  expect(errors).toEqual([]);
});

test("a dmsetup create in the console adds the device to the stack; dd through it fills the disks", async ({
  page,
}) => {
  await openApp(page);
  await typeCommand(page, "dmsetup create top --table '0 8192 linear /dev/mapper/stripes 0'");
  const top = page.getByRole("group", { name: "device top" });
  await expect(top).toBeVisible();
  // Stacked: top's linear segment maps onto stripes, whose striped segment maps onto the disks.
  await expect(top.getByRole("img", { name: "target linear 0+8192" })).toBeVisible();
  await expect(top.getByRole("group", { name: "device stripes" })).toBeVisible();
  await expect(top.getByRole("img", { name: "target striped 0+32768" })).toBeVisible();

  expect(await usedChunks(page, "ram0")).toBe(0);
  await typeCommand(page, "dd if=/dev/zero of=/dev/mapper/top bs=64k count=4 oflag=direct");
  // 256 KiB striped in 64 KiB chunks over two disks: two chunks on each.
  await expect(page.locator('canvas[data-disk="ram0"]')).toHaveAttribute("data-used", "2");
  await expect(page.locator('canvas[data-disk="ram1"]')).toHaveAttribute("data-used", "2");
  await expect(page.getByRole("img", { name: "ram0: 2 of 256 chunks hold data" })).toBeVisible();
  await page.locator("#panel-disks").screenshot({ path: "e2e-artifacts/disks.png" });
  await page.locator("#panel-console").screenshot({ path: "e2e-artifacts/console.png" });
  await page.locator("#panel-stack").screenshot({ path: "e2e-artifacts/stack-top.png" });
  // A write across concat's linear boundary: chunks at the end of ram0 and the start of ram1.
  await typeCommand(
    page,
    "dd if=/dev/urandom of=/dev/mapper/concat bs=64k count=6 seek=124 oflag=direct",
  );
  await expect(page.locator('canvas[data-disk="ram0"]')).toHaveAttribute("data-used", "6");
  await expect(page.locator('canvas[data-disk="ram1"]')).toHaveAttribute("data-used", "4");
  await page.screenshot({ path: "e2e-artifacts/app-busy.png" });
});

test("a bad table in the editor shows the kernel's message", async ({ page }) => {
  await openApp(page);
  const editor = page.locator("#panel-editor");
  await editor.getByLabel("Device").selectOption("concat");
  const table = editor.getByRole("textbox", { name: "Table" });
  await expect(table).toHaveValue(/^0 16384 linear 1:0 0\n16384 16384 linear 1:1 0/);
  await expect(editor.getByText("the kernel accepts this table")).toBeVisible();
  await table.fill("0 16384 linear /dev/ram0 0\n16384 16384 linear /dev/ram1");
  const messages = editor.getByRole("status", { name: "Kernel messages" });
  await expect(messages).toContainText(
    "device-mapper: table: 254:0: linear: Invalid argument count (-EINVAL)",
  );
  await expect(messages).toContainText("line 2");
  await table.fill("0 16384 linear /dev/ram0 0\n16384 16384 linear /dev/nosuch 0");
  await expect(messages).toContainText(
    "device-mapper: table: 254:0: linear: Device lookup failed (-ENODEV)",
  );
  await page.locator("#panel-editor").screenshot({ path: "e2e-artifacts/editor.png" });
  // The real device is untouched by validation.
  await expect(page.getByRole("img", { name: "target linear 16384+16384" })).toBeVisible();
});

test("the editor loads a new table and resumes the device", async ({ page }) => {
  await openApp(page);
  const editor = page.locator("#panel-editor");
  await editor.getByLabel("Device").selectOption("concat");
  const table = editor.getByRole("textbox", { name: "Table" });
  await table.fill("0 8192 linear /dev/ram1 0\n8192 4096 zero\n");
  await expect(editor.getByText("the kernel accepts this table")).toBeVisible();
  await editor.getByRole("button", { name: /Load & resume/ }).click();
  const concat = page.getByRole("group", { name: "device concat" });
  await expect(concat.getByRole("img", { name: "target zero 8192+4096" })).toBeVisible();
  await expect(concat.getByRole("img", { name: "target linear 0+8192" })).toBeVisible();
});

test("a hung worker is restarted with disk contents intact", async ({ page }) => {
  await openApp(page);
  await typeCommand(
    page,
    "dd if=/dev/urandom of=/dev/mapper/concat bs=64k count=3 seek=127 oflag=direct",
  );
  await expect(page.locator('canvas[data-disk="ram1"]')).toHaveAttribute("data-used", "2");
  const digest = () =>
    page.evaluate(() => {
      const reader = window.dmPlayground?.disks();
      const a = reader?.bytes("ram0", 127 * 65536, 65536);
      const b = reader?.bytes("ram1", 0, 2 * 65536);
      let h = 0;
      for (const buf of [a, b]) for (const x of buf ?? []) h = (Math.imul(h, 31) + x) | 0;
      return h;
    });
  const before = await digest();
  expect(before).not.toBe(0);
  // The same data as the engine reads it, through the stack.
  const md5 = () =>
    page.evaluate(async () => {
      let out = "";
      await window.dmPlayground
        ?.client()
        ?.runShell(
          "dd if=/dev/mapper/concat bs=64k skip=127 count=3 status=none | md5sum",
          (_s, t) => (out += t),
        );
      return out;
    });
  const md5Before = await md5();
  expect(md5Before).toMatch(/^[0-9a-f]{32} {2}-\n$/);

  // Hang the worker; the page notices after its 1.5 s hang timeout (the threshold itself is unit
  // tested with a controlled clock; wall time here is recorded, not asserted: shared machines).
  const noticedAfterMs = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const store = window.dmPlayground?.store;
        const t0 = performance.now();
        const off = store?.subscribe((s) => {
          if (s.engineStatus === "restarting") {
            off?.();
            resolve(performance.now() - t0);
          }
        });
        window.dmPlayground?.debugHang();
      }),
  );
  expect(noticedAfterMs).toBeGreaterThan(1000);
  test.info().annotations.push({
    type: "watchdog",
    description: `noticed after ${Math.round(noticedAfterMs)} ms`,
  });
  await expect(page.getByTestId("restarts")).toHaveText("restarted ×1");
  await expect(page.getByRole("status", { name: /engine ready, restarted 1 times/ })).toBeVisible();
  await expect(page.locator("#panel-console .xterm-rows")).toContainText(
    "[watchdog] Engine worker restarted",
  );

  // The new worker rebuilt the devices over the same shared disks.
  await expect(page.getByRole("group", { name: "device concat" })).toBeVisible();
  await expect(page.getByRole("group", { name: "device stripes" })).toBeVisible();
  // The page reads the shared disks itself; after a restart it is handed their buffers again.
  await expect.poll(digest).toBe(before);
  expect(await md5()).toBe(md5Before);
  expect(await usedChunks(page, "ram1")).toBe(2);
  // And it serves I/O over them: a new write lands next to the old data, which stays.
  await typeCommand(page, "dd if=/dev/zero of=/dev/mapper/stripes bs=64k count=1 oflag=direct");
  await expect(page.locator('canvas[data-disk="ram0"]')).toHaveAttribute("data-used", "2");
  // The page reads the shared disks itself; after a restart it is handed their buffers again.
  await expect.poll(digest).toBe(before);
  await page.screenshot({ path: "e2e-artifacts/after-restart.png" });
});

test("the console takes a pasted multi-line script whole and recalls history", async ({ page }) => {
  await openApp(page);
  await page.locator("#panel-console .xterm").click();
  // A real paste event (as the clipboard delivers it): a heredoc, which only works if the
  // script runs whole.
  await page.evaluate((text) => {
    const textarea = document.querySelector("#panel-console .xterm textarea");
    const data = new DataTransfer();
    data.setData("text/plain", text);
    textarea?.dispatchEvent(
      new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, "dmsetup create pasted <<EOF\n0 2048 zero\n2048 2048 error\nEOF\ndmsetup ls\n");
  const pasted = page.getByRole("group", { name: "device pasted" });
  await expect(pasted.getByRole("img", { name: "target zero 0+2048" })).toBeVisible();
  await expect(pasted.getByRole("img", { name: "target error 2048+2048" })).toBeVisible();
  const rows = page.locator("#panel-console .xterm-rows");
  await expect(rows).toContainText("pasted (254:2)");
  // ↑ recalls the last line; editing it and Enter runs the edited command.
  await page.keyboard.press("ArrowUp");
  await expect(rows).toContainText(/dmsh# dmsetup ls\s*$/);
  await page.keyboard.press("Control+U");
  await page.keyboard.type("dmsetup remove pasted");
  await page.keyboard.press("Enter");
  await expect(pasted).toHaveCount(0);
});

test("Reset returns to the default scenario", async ({ page }) => {
  await openApp(page);
  await typeCommand(page, "dmsetup create extra --table '0 8 zero'");
  await expect(page.getByRole("group", { name: "device extra" })).toBeVisible();
  await typeCommand(page, "dmsetup remove stripes");
  await expect(page.getByRole("group", { name: "device stripes" })).toHaveCount(0);
  await page.getByRole("button", { name: /Reset/ }).click();
  await expect(page.getByRole("group", { name: "device stripes" })).toBeVisible();
  await expect(page.getByRole("group", { name: "device extra" })).toHaveCount(0);
  await expect(page.getByRole("group", { name: "device concat" })).toBeVisible();
});

test.describe("without cross-origin isolation", () => {
  // A host that sends no COOP/COEP headers, in a browser that will not run the fallback
  // service worker: the page must say why it cannot run, not break.
  test.use({ serviceWorkers: "block" });

  test("explains what is missing instead of starting the app", async ({ page }) => {
    await page.route("**/*", async (route) => {
      const response = await route.fetch();
      const headers = { ...response.headers() };
      delete headers["cross-origin-opener-policy"];
      delete headers["cross-origin-embedder-policy"];
      await route.fulfill({ response, headers });
    });
    await page.goto("/");
    expect(await page.evaluate(() => window.crossOriginIsolated)).toBe(false);
    await expect(
      page.getByRole("heading", { name: "dm-playground needs a cross-origin isolated page" }),
    ).toBeVisible();
    await expect(page.getByText("Cross-Origin-Embedder-Policy: require-corp")).toBeVisible({
      timeout: 8000,
    });
    await expect(page.getByRole("group", { name: "device stack" })).toHaveCount(0);
    await page.screenshot({ path: "e2e-artifacts/not-isolated.png" });
  });
});
