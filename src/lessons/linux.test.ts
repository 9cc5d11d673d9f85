/**
 * Back to real Linux. The export: three scenarios are played headless and exported; the
 * scripts must be golden/700-702 exactly, which were run on Linux by the kernel tool (their
 * .out files), and the golden suite (src/shell/golden.test.ts) replays them through dmsh and
 * requires Linux's bytes: every check printed "same". The import: a stack's own listings
 * rebuild the same tables on a fresh engine; a real machine's listing gives sane commands.
 *
 * UPDATE_EXPORTS=1 rewrites the golden scripts (then record their .out with the kernel tool).
 */

import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { headlessSession, replayHeadless } from "./headless.ts";
import { exportScenario, importStack } from "./linux.ts";
import { scenarioCommands } from "./scenario.ts";
import { EXPORT_SCENARIOS } from "./exportScenarios.ts";

const golden = join(import.meta.dirname, "../../golden");

describe("export to a Linux script", () => {
  for (const [file, scenario, title] of EXPORT_SCENARIOS) {
    it(`${file} is what the export of its scenario gives`, async () => {
      const s = await replayHeadless(scenario);
      const script = await exportScenario(
        scenarioCommands(scenario),
        title,
        async (c) => (await s.run(c)).output,
      );
      if (process.env["UPDATE_EXPORTS"]) writeFileSync(join(golden, file), script);
      expect(script).toBe(readFileSync(join(golden, file), "utf8"));
      // What Linux printed for it (recorded): every check the same, none differing.
      const linux = readFileSync(join(golden, file.replace(/\.sh$/, ".out")), "utf8");
      expect(linux).not.toContain("DIFFERS");
      expect(linux.match(/^same: /gm)?.length).toBe(script.match(/^check /gm)?.length);
    });
  }
});

describe("import of dmsetup table, ls --tree and lsblk", () => {
  it("rebuilds a stack from its own listings: the same tables", async () => {
    const a = headlessSession();
    for (const c of [
      "modprobe brd rd_nr=3 rd_size=8192",
      "dmsetup create bottom --table '0 8192 striped 2 8 /dev/ram0 0 /dev/ram1 0'",
      "dmsetup create middle --table '0 4096 linear /dev/mapper/bottom 2048'",
      "dmsetup create top --table '0 1024 linear /dev/mapper/middle 1024'",
      "dmsetup create cat <<'EOF'\n0 2048 linear /dev/ram2 0\n2048 2048 zero\n4096 1024 error\nEOF",
      "dmsetup create sec --table '0 1024 crypt aes-xts-plain64 000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f 0 /dev/ram2 4096'",
    ])
      await a.run(c);
    const listing = (await a.run("dmsetup table; dmsetup ls --tree; lsblk")).output;
    const imported = importStack(listing);
    expect(imported.devices.map((d) => d.name)).toEqual(["bottom", "middle", "top", "cat", "sec"]);
    expect(imported.notes.join("\n")).toContain("key was hidden");
    const b = headlessSession();
    for (const c of imported.commands) {
      const r = await b.run(c);
      expect(r.status, `${c}\n${r.output}`).toBe(0);
    }
    // The same tables (crypt's key is hidden in both listings), the same tree.
    const table = "dmsetup table; dmsetup ls --tree";
    expect((await b.run(table)).output).toBe((await a.run(table)).output);
  });

  it("takes a real machine's LVM-on-LUKS listing, disks over 64 GiB as sparse loop files", async () => {
    const listing = `# dmsetup table
luks-3f2a: 0 975699968 crypt aes-xts-plain64 0000000000000000000000000000000000000000000000000000000000000000 0 8:2 32768
vg-home: 0 838860800 linear 253:0 104859648
vg-root: 0 104857600 linear 253:0 2048
vg-swap: 0 16777216 linear 253:0 943720448
# dmsetup ls
luks-3f2a	(253:0)
vg-home	(253:3)
vg-root	(253:1)
vg-swap	(253:2)
# lsblk
NAME            MAJ:MIN RM   SIZE RO TYPE  MOUNTPOINTS
sda               8:0    0 465.8G  0 disk
├─sda1            8:1    0   512M  0 part  /boot/efi
└─sda2            8:2    0 465.3G  0 part
  └─luks-3f2a   253:0    0 465.3G  0 crypt
    ├─vg-root   253:1    0    50G  0 lvm   /
    ├─vg-swap   253:2    0     8G  0 lvm   [SWAP]
    └─vg-home   253:3    0   400G  0 lvm   /home
`;
    const r = importStack(listing);
    expect(r.disks).toEqual([
      { majmin: "8:2", name: "sda2", sectors: Math.ceil((465.3 * 2 ** 30) / 512), here: "loop0" },
    ]);
    expect(r.devices.map((d) => d.name)).toEqual(["luks-3f2a", "vg-root", "vg-swap", "vg-home"]);
    expect(r.commands).toContain(
      "dmsetup create vg-root --table '0 104857600 linear /dev/mapper/luks-3f2a 2048'",
    );
    const s = headlessSession();
    for (const c of r.commands) {
      const out = await s.run(c);
      expect(out.status, `${c}\n${out.output}`).toBe(0);
    }
    expect((await s.run("dmsetup ls --tree -o ascii")).output).toBe(
      "vg-home (254:3)\n `-luks-3f2a (254:0)\n    `- (7:0)\nvg-root (254:1)\n `-luks-3f2a (254:0)\n    `- (7:0)\nvg-swap (254:2)\n `-luks-3f2a (254:0)\n    `- (7:0)\n",
    );
  });
});
