import { TWO_DISKS, type Lesson } from "../lesson.ts";

/** dust: bad blocks on demand, as a failing disk has them (blktests dm/002). */
export const dust: Lesson = {
  id: "dust",
  title: "Fault injection: dust's bad blocks",
  summary:
    "Mark blocks bad, watch reads of them fail, and a write repair them, as on a dying disk.",
  setup: [TWO_DISKS, "dmsetup create d --table '0 8192 dust /dev/ram0 0 4096'"],
  steps: [
    {
      title: "A bad block",
      text: `\`dust <dev> <offset> <block size>\` passes I/O through until told otherwise, by messages: \`addbadblock 7\` marks the 4 KiB block 7 (sectors 56 to 63), \`enable\` makes reads of bad blocks fail. A read of block 7 now ends with an I/O error; dmesg says why.`,
      commands: [
        "dmsetup message d 0 addbadblock 7",
        "dmsetup message d 0 enable",
        "dd if=/dev/mapper/d of=/dev/null bs=4096 skip=7 count=1 iflag=direct",
      ],
      focus: { panel: "views", view: "outcomes", device: "d" },
      check: {
        text: "a read of d's block 7 failed with IOERR",
        test: (w) => w.issued("d", "READ").some((b) => b.sector === 56 && b.status === "IOERR"),
      },
    },
    {
      title: "A write repairs it",
      text: `As a disk remaps a sector on write, dust forgets a bad block once it is written: the write succeeds, the next read too, and \`countbadblocks\` finds none.`,
      commands: [
        "dd if=/dev/zero of=/dev/mapper/d bs=4096 seek=7 count=1 oflag=direct",
        "dd if=/dev/mapper/d of=/dev/null bs=4096 skip=7 count=1 iflag=direct",
        "dmsetup message d 0 countbadblocks",
      ],
      focus: { panel: "views", view: "outcomes", device: "d" },
      check: {
        text: "block 7 was written, then read back OK",
        test: (w) => {
          const write = w.issued("d", "WRITE").find((b) => b.sector === 56 && b.status === "OK");
          return (
            !!write &&
            w
              .issued("d", "READ")
              .some((b) => b.sector === 56 && b.status === "OK" && b.submitSeq > write.submitSeq)
          );
        },
      },
    },
  ],
};
