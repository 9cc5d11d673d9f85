/**
 * Small screens: at 1280x720 and 1024x768 every control is reachable and none is cut in half by
 * the panel it sits in; on a phone (390x844) the header's controls and every tab are on screen
 * (the page scrolls vertically, never sideways). Screenshots of each size go to e2e-artifacts/.
 */

import { expect, test, type Page } from "@playwright/test";
import { openApp } from "./helpers.ts";

const SIZES = [
  { name: "1280x720", width: 1280, height: 720, mobile: false },
  { name: "1024x768", width: 1024, height: 768, mobile: false },
  { name: "390x844", width: 390, height: 844, mobile: true },
] as const;

/** What the user acts on: buttons, fields, tabs, links, the panels' keys and the stack's boxes. */
const CONTROLS =
  "button, select, input, textarea, a[href], [role=tab], kbd.key, svg.stack .node[tabindex] > rect.box";

interface Clipped {
  what: string;
  /** Fraction of the control that its scrolling or clipping ancestors let show. */
  shown: number;
}

/**
 * Controls that an ancestor with overflow other than visible shows only in part (neither whole
 * nor scrolled out of sight), and controls wider than the page (which would scroll sideways).
 */
function clippedControls(page: Page): Promise<Clipped[]> {
  return page.evaluate((selector) => {
    const out: Array<{ what: string; shown: number }> = [];
    const pageWidth = document.documentElement.clientWidth;
    for (const el of document.querySelectorAll<HTMLElement | SVGElement>(selector)) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue; // not rendered (hidden tab, display:none)
      if (el.closest("[hidden], .xterm-helpers")) continue;
      let left = r.left;
      let top = r.top;
      let right = r.right;
      let bottom = r.bottom;
      for (let a = el.parentElement; a; a = a.parentElement) {
        const s = getComputedStyle(a);
        if (s.overflowX === "visible" && s.overflowY === "visible") continue;
        const c = a.getBoundingClientRect();
        if (s.overflowX !== "visible") {
          left = Math.max(left, c.left);
          right = Math.min(right, c.right);
        }
        if (s.overflowY !== "visible") {
          top = Math.max(top, c.top);
          bottom = Math.min(bottom, c.bottom);
        }
      }
      const area = r.width * r.height;
      const shown = Math.max(0, right - left) * Math.max(0, bottom - top);
      const label =
        el.getAttribute("aria-label") ??
        el.textContent?.trim().slice(0, 30) ??
        el.tagName.toLowerCase();
      const what = `${el.tagName.toLowerCase()} "${label}" in #${el.closest("[id]")?.id ?? "?"}`;
      // A pixel of rounding either way is not a cut.
      if (shown > 2 && shown < area - Math.max(r.width, r.height) - 2)
        out.push({ what, shown: Math.round((100 * shown) / area) / 100 });
      else if (r.right > pageWidth + 1 || r.left < -1)
        out.push({ what: `${what} (off the page's side)`, shown: 0 });
    }
    return out;
  }, CONTROLS);
}

/** Whether the element is inside the viewport (after scrolling it into view if need be). */
async function expectOnScreen(page: Page, selector: string): Promise<void> {
  const all = page.locator(selector);
  const n = await all.count();
  expect(n, selector).toBeGreaterThan(0);
  for (let i = 0; i < n; i++) {
    const el = all.nth(i);
    await el.scrollIntoViewIfNeeded();
    await expect(el).toBeVisible();
    await expect(el).toBeInViewport({ ratio: 1 });
  }
}

for (const size of SIZES) {
  test.describe(`at ${size.name}`, () => {
    test.use({
      viewport: { width: size.width, height: size.height },
      isMobile: size.mobile,
      hasTouch: size.mobile,
    });

    test("every control is reachable and none is cut in half", async ({ page }) => {
      const errors = await openApp(page);
      // The lazy panels (console, editors, load) are in.
      await expect(page.locator("#panel-load select").first()).toBeVisible();
      await expect(page.getByRole("button", { name: "Load inactive" })).toBeAttached();
      await page.screenshot({ path: `e2e-artifacts/screen-${size.name}.png` });
      await page.screenshot({ path: `e2e-artifacts/screen-${size.name}-full.png`, fullPage: true });

      // Never sideways: the page is as wide as the screen.
      const widths = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        screen: document.documentElement.clientWidth,
      }));
      expect(widths.page).toBeLessThanOrEqual(widths.screen);

      // The header's controls and every tab of every panel are on screen.
      await expectOnScreen(page, "header.top button, header.top [role=status]");
      await expectOnScreen(page, ".playback button, .playback input");
      await expectOnScreen(page, "[role=tab]");
      await expectOnScreen(page, "section.panel kbd.key");
      // A header button works from there.
      await page.getByRole("button", { name: "Hide views" }).click();
      await expect(page.getByRole("button", { name: "Show views" })).toBeVisible();
      await page.getByRole("button", { name: "Show views" }).click();
      await page.evaluate(() => window.scrollTo(0, 0));

      // At the desktop sizes nothing is clipped by its panel; on the phone neither.
      expect(await clippedControls(page)).toEqual([]);
      expect(errors).toEqual([]);
    });
  });
}

test("a table of thousands of segments keeps the disk legend short", async ({ page }) => {
  const errors = await openApp(page);
  // 2000 segments of 8 sectors, on every other 8 sectors of ram0: one legend line for them.
  const table = Array.from({ length: 2000 }, (_, i) => `${i * 8} 8 linear /dev/ram0 ${i * 16}`);
  const status = await page.evaluate(
    (script) => window.dmPlayground!.runCommand(script),
    `dmsetup create many <<'EOF'\n${table.join("\n")}\nEOF`,
  );
  expect(status).toBe(0);
  const legend = page.getByRole("list", { name: "ram0: who maps onto it" });
  await expect(legend).toContainText("many (linear) 2,000 segments, chunks 0–249");
  // One line per device and target type, however many segments.
  await expect(legend.getByRole("listitem")).toHaveCount(3);
  await page.locator("#panel-disks").screenshot({ path: "e2e-artifacts/disks-many-segments.png" });
  expect(errors).toEqual([]);
});
