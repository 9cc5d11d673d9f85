/** The diskfault, diskcache and powercut commands (src/shell/commands/diskfault.ts). */
import { describe, expect, it } from "vitest";
import { Engine } from "../engine/index.ts";
import { createShell, runTranscript } from "./index.ts";

const run = async (script: string) =>
  Buffer.from(
    (await runTranscript(`modprobe brd rd_nr=2 rd_size=4096\n${script}`)).output,
  ).toString();

describe("diskfault", () => {
  it("adds, lists (as add takes them back), deletes and clears rules", async () => {
    const out =
      await run(`diskfault add ram0 --op write --sectors 100+8 --errno enospc --prob 0.5 --after 2 --once
diskfault add /dev/ram1 --op read --latency 1.5ms
diskfault add ram1 --op discard --sectors 7 --corrupt 3
diskfault list
diskfault list ram1
diskfault del 2 9; echo rc=$?
diskfault clear ram1
diskfault list
diskfault clear
diskfault list; echo rc=$?
`);
    expect(out).toBe(`1
2
3
ID SEEN FIRED RULE
 1    0     0 ram0 --op write --sectors 100-107 --errno ENOSPC --prob 0.5 --after 2 --once
 2    0     0 ram1 --op read --latency 1500us
 3    0     0 ram1 --op discard --sectors 7-7 --corrupt 3
ID SEEN FIRED RULE
 2    0     0 ram1 --op read --latency 1500us
 3    0     0 ram1 --op discard --sectors 7-7 --corrupt 3
diskfault: del: no rule 9
rc=1
ID SEEN FIRED RULE
 1    0     0 ram0 --op write --sectors 100-107 --errno ENOSPC --prob 0.5 --after 2 --once
rc=0
exit status 0
`);
  });

  it("counts what each rule saw and fired, and marks a spent --once rule", async () => {
    const out = await run(`diskfault add ram0 --op write --once >/dev/null
dd if=/dev/zero of=/dev/ram0 bs=4k count=1 oflag=direct 2>/dev/null; echo rc=$?
dd if=/dev/zero of=/dev/ram0 bs=4k count=1 oflag=direct 2>/dev/null; echo rc=$?
diskfault list
`);
    expect(out).toContain("rc=1\nrc=0\n");
    expect(out).toContain(" 1    1    1* ram0 --op write --errno EIO --once\n");
    expect(out).toContain("(* a --once rule that fired: spent)\n");
  });

  it("refuses what it cannot do, as a small tool does: usage errors exit 2, failures 1", async () => {
    const out = await run(`diskfault; echo rc=$?
diskfault add; echo rc=$?
diskfault add ram0 --op fsync; echo rc=$?
diskfault add ram0 --sectors 9-3; echo rc=$?
diskfault add ram0 --latency 5 ; echo rc=$?
diskfault add ram0 --errno EIO --latency 1ms; echo rc=$?
diskfault add ram0 --errno EPERM; echo rc=$?
diskfault add ram0 --prob 0; echo rc=$?
diskfault add ram7; echo rc=$?
dmsetup create z --table "0 8 zero"
diskfault add dm-0; echo rc=$?
diskcache ram0 maybe; echo rc=$?
powercut now; echo rc=$?
`);
    expect(out).toBe(`diskfault: missing command: add, list, del or clear
Try 'diskfault --help' for more information.
rc=2
diskfault: add: missing DISK
Try 'diskfault --help' for more information.
rc=2
diskfault: invalid op 'fsync': read, write, flush, discard, any
Try 'diskfault --help' for more information.
rc=2
diskfault: invalid range '9-3': 3 is before 9
Try 'diskfault --help' for more information.
rc=2
diskfault: invalid time '5': a number with ns, us, ms or s
Try 'diskfault --help' for more information.
rc=2
diskfault: --errno and --latency: a rule does one thing
Try 'diskfault --help' for more information.
rc=2
diskfault: invalid errno 'EPERM': EIO, ENOSPC, ETIMEDOUT, ENODATA, EOPNOTSUPP, ENOLINK, EREMOTEIO, EBADE, EILSEQ, ENOMEM, EAGAIN
Try 'diskfault --help' for more information.
rc=2
diskfault: invalid probability '0': 0 < P <= 1
Try 'diskfault --help' for more information.
rc=2
diskfault: ram7: No such disk
rc=1
diskfault: dm-0: not a disk (rules go on RAM disks and loop devices)
rc=1
diskcache: invalid mode 'maybe': on or off
Try 'diskcache --help' for more information.
rc=2
powercut: extra operand 'now'
Try 'powercut --help' for more information.
rc=2
exit status 0
`);
  });

  it("--help of each tool starts with its usage", async () => {
    const out = await run(
      `diskfault --help | head -n 1; diskcache --help | head -n 1; powercut --help | head -n 1`,
    );
    expect(out).toBe(`Usage: diskfault add DISK [OPTION]...
Usage: diskcache [DISK [on|off]]
Usage: powercut [--reorder] [--tear]
exit status 0
`);
  });
});

describe("diskcache and powercut", () => {
  // A buffered write reaches the disk a page-cache block (4 KiB, 8 sectors) at a time.
  it("fsync makes a write durable; a write without it is lost by the cut; the tables go", async () => {
    const out = await run(`diskcache ram0 on
diskcache
dmsetup create a --table "0 8192 linear /dev/ram0 0"
printf 'durable!' | dd of=/dev/mapper/a bs=512 conv=sync,fsync 2>/dev/null
printf 'lost' | dd of=/dev/mapper/a bs=512 seek=8 conv=sync 2>/dev/null
diskcache ram0
powercut
dmsetup ls
diskcache ram0
dd if=/dev/ram0 bs=8 count=1 2>/dev/null; echo
dd if=/dev/ram0 bs=512 skip=8 count=1 2>/dev/null | od -An -c | head -n 1
diskcache ram0 off; diskcache ram0
`);
    expect(out).toBe(`ram0: write cache on, 0 sectors not yet durable
ram1: write cache off
ram0: write cache on, 8 sectors not yet durable
ram0: 8 cached sectors lost
powercut: restarted; gone: a
No devices found
ram0: write cache on, 0 sectors not yet durable
durable!
  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0  \\0
ram0: write cache off
exit status 0
`);
  });
});

describe("tab completion", () => {
  it("completes diskfault's subcommands, disks, options and values, and diskcache's disks", async () => {
    const sh = createShell(new Engine({ seed: 1 }));
    await sh.run("modprobe brd rd_nr=2 rd_size=1024; modprobe loop");
    const c = async (line: string) => (await sh.complete(line)).candidates;
    expect(await c("diskfault ")).toEqual(["add", "clear", "del", "list"]);
    expect(await c("diskfault add r")).toEqual(["ram0", "ram1"]);
    expect(await c("diskfault add loop")).toContain("loop0");
    expect(await c("diskfault add ram0 --o")).toEqual(["--once", "--op"]);
    expect(await c("diskfault add ram0 --op w")).toEqual(["write"]);
    expect(await c("diskfault add ram0 --errno ENO")).toEqual(["ENODATA", "ENOSPC"]);
    expect(await c("diskcache ")).toEqual(["ram0", "ram1"]);
    expect(await c("diskcache ram0 o")).toEqual(["off", "on"]);
  });
});
