/**
 * A user target module that loops for ever in map: the watchdog restarts the worker, the
 * current-call cell names the module and the function that hung, the module is marked faulty
 * and not loaded again, its device is not rebuilt, and the disks (and the other devices) survive
 * with the same contents.
 */

import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { openApp, typeCommand } from "./helpers.ts";

const PROXY = readFileSync(join(import.meta.dirname, "../src/samples/dm-proxy.ts"), "utf8");

const SPIN = `import { defineTarget, type DmDev } from "dm-playground";
export default defineTarget<{ dev: DmDev }>({
  name: "spin",
  version: [1, 0, 0],
  ctr(t, args) {
    t.private = { dev: t.getDevice(args[0]!) };
    t.numFlushBios = 1;
  },
  dtr(t) {
    t.putDevice(t.priv.dev);
  },
  map(t, bio) {
    if (bio.op === "WRITE") for (;;) {} // the bug: an endless loop on every write
    bio.bdev = t.priv.dev.bdev;
    return "REMAPPED";
  },
});
`;

test("an endless loop in a user target's map: restart, module faulty, disks intact", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await openApp(page);
  const sh = (script: string) =>
    page.evaluate(async (s) => {
      let out = "";
      await window.dmPlayground?.client()?.runShell(s, (_st, t) => (out += t));
      return out;
    }, script);
  await sh("dd if=/dev/urandom of=/dev/mapper/concat bs=64k count=4 seek=100 oflag=direct");
  const md5Before = await sh("md5sum /dev/ram0 /dev/ram1");
  expect(md5Before).toMatch(/^[0-9a-f]{32} {2}\/dev\/ram0\n[0-9a-f]{32} {2}\/dev\/ram1\n$/);
  const loaded = await sh(
    `cat > /tmp/dm-spin.ts <<'EOF'\n${SPIN}EOF\ninsmod /tmp/dm-spin.ts; echo rc=$?\ndmsetup create spin --table "0 2048 spin /dev/mapper/stripes 0"\nlsmod | grep -E '^dm_spin '`,
  );
  expect(loaded).toBe("rc=0\ndm_spin                 4096  1 \n");

  await typeCommand(page, "dd if=/dev/zero of=/dev/mapper/spin bs=4k count=1 oflag=direct");
  const rows = page.locator("#panel-console .xterm-rows");
  await expect(rows).toContainText("[watchdog] Engine worker restarted", { timeout: 20_000 });
  await expect(rows).toContainText("dm_spin: map hung; the module is marked faulty", {
    timeout: 10_000,
  });
  await expect(page.getByRole("group", { name: "device concat" })).toBeVisible();
  await expect(page.getByRole("group", { name: "device stripes" })).toBeVisible();
  await expect(page.getByRole("group", { name: "device spin" })).toHaveCount(0);
  expect(await sh("md5sum /dev/ram0 /dev/ram1")).toBe(md5Before);
  expect(await sh("lsmod | grep -c dm_spin; dmsetup ls | sort")).toBe(
    "0\nconcat\t(254:0)\nstripes\t(254:1)\n",
  );
  const faulty = await page.evaluate(() => [
    ...(window.dmPlayground?.client()?.faultyModules ?? new Map()),
  ]);
  expect(faulty).toEqual([["dm_spin", "map hung"]]);
  await page.screenshot({ path: "e2e-artifacts/module-hang.png" });
});

test("hot reload of a user target under a running load generator loses no I/O", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await openApp(page);
  const sh = (script: string) =>
    page.evaluate(async (s) => {
      let out = "";
      await window.dmPlayground?.client()?.runShell(s, (_st, t) => (out += t));
      return out;
    }, script);
  const text = PROXY;
  expect(
    await sh(
      `cat > /tmp/dm-proxy.ts <<'EOF'\n${text}EOF\ninsmod /tmp/dm-proxy.ts; echo rc=$?\ndmsetup create px --table "0 16384 proxy /dev/mapper/stripes 0"`,
    ),
  ).toBe("rc=0\n");
  const result = await page.evaluate(async (src) => {
    const c = window.dmPlayground!.client()!;
    const gen = await c.call("loadStart", {
      spec: { device: "/dev/mapper/px", rate: 2000, queueDepth: 8, readPct: 50 },
    });
    await new Promise((r) => setTimeout(r, 800));
    const report = await c.call("reloadModule", {
      name: "dm_proxy",
      filename: "dm-proxy.ts",
      source: src.replace("version: [1, 0, 0]", "version: [1, 1, 0]"),
    });
    await new Promise((r) => setTimeout(r, 800));
    const stopped = await c.call("loadStop", { id: gen.id });
    await new Promise((r) => setTimeout(r, 300));
    const list = await c.call("loadList", {});
    return { report, list: list.generators, stopped: stopped.generators.length };
  }, text);
  expect(result.report).toEqual({ module: "dm_proxy", reloaded: ["px"], failed: [] });
  const g = result.list[0]!;
  expect(g.issued).toBeGreaterThan(100);
  expect(g.errors).toBe(0);
  expect(g.completed).toBe(g.issued);
  expect(await sh("dmsetup targets | grep proxy")).toBe("proxy            v1.1.0\n");
  await page.getByRole("tab", { name: "Timeline" }).click();
  await page.screenshot({ path: "e2e-artifacts/module-reload.png" });
});
