/**
 * RAM disks dm-playground cannot hold (Linux would take them: brd allocates on write) are
 * refused at once with a clear message; what Linux itself refuses is golden/191.
 */

import { describe, expect, it } from "vitest";
import { Engine } from "../engine/index.ts";
import { MAX_RD_SIZE } from "./commands/system.ts";
import { createShell } from "./index.ts";

describe("modprobe brd limits", () => {
  it("refuses a RAM disk past 64 GiB with ENOMEM and says why; the largest allowed one works", async () => {
    const engine = new Engine({ seed: 1 });
    const shell = createShell(engine);
    let out = "";
    const status = await shell.run(
      `modprobe brd rd_size=1000000000000; echo rc=$?\nls /dev/ram0\nmodprobe brd rd_nr=1 rd_size=${MAX_RD_SIZE}; echo rc=$?\nblockdev --getsize64 /dev/ram0`,
      { onOutput: (_s, t) => (out += t) },
    );
    expect(status).toBe(0);
    expect(out).toBe(
      "modprobe: can't load module brd (kernel/drivers/block/brd.ko): Cannot allocate memory\n" +
        "modprobe: dm-playground: rd_size=1000000000000 is more than it keeps: RAM disks of at most 64 GiB (rd_size=67108864)\n" +
        "rc=1\n" +
        "ls: /dev/ram0: No such file or directory\n" +
        "rc=0\n" +
        `${MAX_RD_SIZE * 1024}\n`,
    );
  });
});
