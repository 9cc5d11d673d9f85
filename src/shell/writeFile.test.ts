/**
 * DmShell.writeFile: how the target editor keeps its files in dmsh's file system (the worker's
 * `writeFile` request), so the console's `insmod` loads the file being edited.
 */

import { describe, expect, it } from "vitest";
import { Engine } from "../engine/index.ts";
import { createShell, type DmShell } from "./index.ts";

async function run(shell: DmShell, script: string): Promise<{ out: string; status: number }> {
  let out = "";
  const status = await shell.run(script, { onOutput: (_s, t) => (out += t) });
  return { out, status };
}

const PROXY = `import { defineTarget } from "dm-playground";
export default defineTarget({
  name: "pass",
  version: [1, 0, 0],
  ctr(t, args) { t.private = t.getDevice(args[0]!); },
  dtr(t) { t.putDevice(t.priv as never); },
  map(t, bio) { bio.bdev = (t.private as { bdev: typeof bio.bdev }).bdev; return "REMAPPED"; },
});
`;

describe("DmShell.writeFile", () => {
  it("writes a file the shell reads, creating its directory, and deletes it", async () => {
    const shell = createShell(new Engine({ seed: 1 }));
    await shell.writeFile("/root/targets/dm-a.ts", "one\n");
    expect(await run(shell, "cat /root/targets/dm-a.ts")).toEqual({ out: "one\n", status: 0 });
    await shell.writeFile("/root/targets/dm-a.ts", "two\n");
    expect((await run(shell, "cat /root/targets/dm-a.ts")).out).toBe("two\n");
    await shell.writeFile("/root/targets/dm-a.ts", null);
    expect((await run(shell, "ls /root/targets")).out).toBe("");
    // Deleting what is not there is not an error.
    await shell.writeFile("/root/targets/dm-a.ts", null);
    await expect(shell.writeFile("dm-a.ts", "x")).rejects.toThrow(/not an absolute path/);
  });

  it("puts the editor's file where the console's insmod finds it (the working directory)", async () => {
    const shell = createShell(new Engine({ seed: 1 }));
    await shell.writeFile("/tmp/dm-pass.ts", PROXY);
    const r = await run(
      shell,
      [
        "modprobe brd rd_nr=1 rd_size=1024",
        "insmod dm-pass.ts",
        "dmsetup create p --table '0 2048 pass /dev/ram0'",
        "dmsetup table p",
        "lsmod | grep ^dm_pass",
      ].join("\n"),
    );
    expect(r.status).toBe(0);
    expect(r.out).toMatch(/^0 2048 pass \ndm_pass +4096 +1 \n$/);
  });
});
