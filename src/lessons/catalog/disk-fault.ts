import { EV } from "../../engine/events.ts";
import type { Lesson } from "../lesson.ts";
import type { World } from "../world.ts";

/** The last disk_config event of disk `name` whose text starts with `prefix` (seq, or -1). */
function configSeq(w: World, name: string, prefix: string): number {
  const dev = w.devOf(name);
  return (
    w.events.findLast(
      (e) => e.type === EV.DISK_CONFIG && e.dev === dev && (e.text ?? "").startsWith(prefix),
    )?.seq ?? -1
  );
}

/** A diskfault rule: writes to a sector range of the disk fail, under a linear device. */
export const diskFault: Lesson = {
  id: "disk-fault",
  title: "A disk fault rule",
  summary:
    "Make a disk fail writes on a range of sectors, see the error travel up through a linear device, and Linux's block layer log it.",
  setup: [
    "modprobe brd rd_nr=2 rd_size=16384",
    "dmsetup create lin --table '0 8192 linear /dev/ram1 0'",
  ],
  steps: [
    {
      title: "A rule on ram1",
      text: `\`diskfault\` is dm-playground's own (QEMU's blkdebug and nbdkit's error filter are the nearest): a rule on a RAM disk that fails, delays or corrupts the bios that match it. This one fails every write touching sectors 100 to 199 of ram1 with EIO. \`diskfault list\` shows it, with how many bios it saw and how many times it fired.`,
      commands: ["diskfault add ram1 --op write --sectors 100-199 --errno EIO", "diskfault list"],
      focus: { panel: "views", view: "disks", device: "ram1" },
      check: {
        text: "a fault rule was added to ram1 (a disk_config event)",
        test: (w) => configSeq(w, "ram1", "diskfault add ram1") >= 0,
      },
    },
    {
      title: "A write fails",
      text: `Write 4 KiB at block 13 of lin (sectors 104 to 111). linear remaps it onto ram1 at the same sectors; the rule fires there: the bio at the disk ends with BLK_STS_IOERR, linear's clone passes the error up, and dd reports \`Input/output error\`. The flow marks the failed bio at ram1. \`dmesg\` has the line Linux's block layer prints for a failed request: \`I/O error, dev ram1, sector 104 op 0x1:(WRITE) ...\`.`,
      commands: [
        "dd if=/dev/zero of=/dev/mapper/lin bs=4k seek=13 count=1 oflag=direct",
        "dmesg | tail -1",
      ],
      focus: { panel: "views", view: "outcomes", device: "lin" },
      check: {
        text: "the rule fired on ram1 and the write to lin ended with IOERR",
        test: (w) =>
          w.events.some(
            (e) => e.type === EV.DISK_FAULT && e.dev === w.devOf("ram1") && e.a === 0,
          ) && w.issued("lin", "WRITE").some((b) => b.sector === 104 && b.status === "IOERR"),
      },
    },
    {
      title: "Only what matches",
      text: `The rule is narrow: a write outside sectors 100 to 199 succeeds, and so does a read of block 13 (the rule is for writes). \`diskfault list\` counts one bio seen and one fired: the rule saw only the bios it could match.`,
      commands: [
        "dd if=/dev/zero of=/dev/mapper/lin bs=4k seek=30 count=1 oflag=direct",
        "dd if=/dev/mapper/lin of=/dev/null bs=4k skip=13 count=1 iflag=direct",
        "diskfault list",
      ],
      focus: { panel: "views", view: "outcomes", device: "lin" },
      check: {
        text: "a write to lin outside the range and a read of block 13 both completed OK",
        test: (w) =>
          w.issued("lin", "WRITE").some((b) => b.sector === 240 && b.status === "OK") &&
          w.issued("lin", "READ").some((b) => b.sector === 104 && b.status === "OK"),
      },
    },
    {
      title: "Clear it",
      text: `\`diskfault clear ram1\` removes ram1's rules; the same write now succeeds. Rules can also fail reads, flushes or discards, with a probability drawn from the engine's seed (\`--prob\`), after N bios (\`--after\`), once (\`--once\`), or add latency or corrupt bytes instead: \`diskfault --help\`. A failing leg of a mirror is made this way.`,
      commands: [
        "diskfault clear ram1",
        "dd if=/dev/zero of=/dev/mapper/lin bs=4k seek=13 count=1 oflag=direct",
      ],
      focus: { panel: "views", view: "outcomes", device: "lin" },
      check: {
        text: "after ram1's rules were cleared, a write to block 13 of lin completed OK",
        test: (w) => {
          const cleared = configSeq(w, "ram1", "diskfault clear");
          return (
            cleared >= 0 &&
            w
              .issued("lin", "WRITE")
              .some((b) => b.sector === 104 && b.status === "OK" && b.submitSeq > cleared)
          );
        },
      },
    },
  ],
};
