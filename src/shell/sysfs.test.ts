/** /sys and /proc as dmsh computes them (sysfs.ts). */

import { describe, expect, it } from "vitest";
import { Engine } from "../engine/index.ts";
import { createShell } from "./index.ts";
import { kernfsOrder } from "./sysfs.ts";

describe("sysfs", () => {
  it("lists a kernfs directory in the kernel's hash order (losetup -a on Linux 6.1)", () => {
    expect(kernfsOrder(["loop0", "loop1", "loop2"])).toEqual(["loop1", "loop2", "loop0"]);
  });

  it("follows the devices: holders, slaves and a dm device's state", async () => {
    const sh = createShell(new Engine({ seed: 1 }));
    let out = "";
    await sh.run(
      [
        "modprobe brd rd_nr=1 rd_size=1024",
        "dmsetup create a --table '0 100 linear /dev/ram0 0'",
        "dmsetup create b --table '0 50 linear /dev/mapper/a 0'",
        "cat /sys/block/ram0/holders/dm-0/dm/name /sys/block/dm-1/slaves/dm-0/size",
        "dmsetup suspend b; cat /sys/block/dm-1/dm/suspended; dmsetup resume b",
        "dmsetup remove b; ls /sys/block/dm-0/holders | wc -l",
        "grep dm- /proc/partitions",
      ].join("\n"),
      { onOutput: (_s, t) => (out += t) },
    );
    expect(out).toBe("a\n100\n1\n0\n 254        0         50 dm-0\n");
  });
});
