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

describe("sysfs queue/ and stat", () => {
  const run = async (script: string): Promise<string> => {
    const sh = createShell(new Engine({ seed: 1 }));
    let out = "";
    await sh.run(script, { onOutput: (_s, t) => (out += t) });
    return out;
  };

  it("stacks the targets' limits: striped chunks, thin discards over a pool on brd", async () => {
    const out = await run(
      [
        "modprobe brd rd_nr=4 rd_size=16384",
        "dmsetup create st --table '0 8192 striped 2 64 /dev/ram0 0 /dev/ram1 0'",
        "cd /sys/block/dm-0/queue; cat minimum_io_size optimal_io_size max_sectors_kb",
        "dmsetup create pool --table '0 16384 thin-pool /dev/ram2 /dev/ram3 128 0'",
        "dmsetup message pool 0 'create_thin 1'",
        "dmsetup create thin --table '0 2048 thin /dev/mapper/pool 1'",
        "cd /sys/block/dm-1/queue; cat discard_max_bytes",
        "cd /sys/block/dm-2/queue",
        "cat discard_granularity discard_max_bytes discard_max_hw_bytes write_cache fua",
      ].join("\n"),
    );
    expect(out).toBe(
      ["32768", "65536", "127", "0", "65536", "17179869184", "0", "write back", "1", ""].join("\n"),
    );
  });

  it("counts each piece dm splits a bio into as an I/O of its own", async () => {
    const out = await run(
      [
        "modprobe brd rd_nr=2 rd_size=16384",
        "dmsetup create st --table '0 8192 striped 2 128 /dev/ram0 0 /dev/ram1 0'",
        "dd if=/dev/zero of=/dev/mapper/st bs=1M count=1 oflag=direct 2>/dev/null",
        "dd if=/dev/mapper/st of=/dev/null bs=4k count=1 iflag=direct 2>/dev/null",
        "cat /sys/block/dm-0/stat /sys/block/dm-0/inflight /sys/block/ram0/stat",
      ].join("\n"),
    );
    const [dm, inflight, ram] = out.split("\n");
    const f = dm!.trim().split(/ +/).map(Number);
    // reads: 1 of 8 sectors; writes: 16 pieces of a 64 KiB chunk, 2048 sectors.
    expect([f[0], f[2], f[4], f[6], f[8]]).toEqual([1, 8, 16, 2048, 0]);
    expect(inflight).toBe("       0        0");
    // brd does no I/O accounting.
    expect(ram!.trim().split(/ +/)).toEqual(Array(17).fill("0"));
  });
});
