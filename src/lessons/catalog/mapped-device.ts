import { TWO_DISKS, type Lesson } from "../lesson.ts";

/** What a mapped device and its table are: linear, then two linear segments (concatenation). */
export const mappedDevice: Lesson = {
  id: "mapped-device",
  title: "A mapped device and its table",
  summary:
    "A device whose sectors are a table's: linear onto part of a disk, then two disks end to end.",
  setup: [TWO_DISKS],
  steps: [
    {
      title: "A device made of part of a disk",
      text: `A mapped device has no storage of its own: its table says, for each range of its sectors, which target handles them. One line: \`start length type args\`, in sectors of 512 bytes.

\`0 8192 linear /dev/ram0 2048\` makes a 4 MiB device whose sector 0 is sector 2048 of ram0.`,
      commands: ["dmsetup create lin --table '0 8192 linear /dev/ram0 2048'", "dmsetup table lin"],
      focus: { panel: "stack", device: "lin" },
      check: {
        text: "lin exists, its live table is one linear segment on ram0",
        test: (w) => w.liveTypes("lin").join() === "linear" && w.uses("lin", "ram0"),
      },
    },
    {
      title: "Where a write lands",
      text: `Write 4 KiB at sector 0 of lin. The linear target adds its offset: the write lands at sector 2048 of ram0. The Disks view shows the chunk that now holds data.`,
      commands: ["dd if=/dev/urandom of=/dev/mapper/lin bs=4096 count=1 oflag=direct"],
      focus: { panel: "views", view: "disks", device: "ram0" },
      check: {
        text: "a write to lin was remapped onto ram0 at sector 2048",
        test: (w) =>
          w.remapsOnto("ram0", "lin").some((b) => b.op === "WRITE" && b.remap?.sector === 2048),
      },
    },
    {
      title: "Concatenation: two disks end to end",
      text: `A table with two lines joins two ranges into one device. Here the second half of ram0 (16384 sectors from 16384) is followed by the first half of ram1. The segments must follow each other without a gap.`,
      commands: [
        "dmsetup create cat <<'EOF'\n0 16384 linear /dev/ram0 16384\n16384 16384 linear /dev/ram1 0\nEOF",
        "dmsetup ls --tree",
      ],
      focus: { panel: "stack", device: "cat" },
      check: {
        text: "cat has two linear segments, on ram0 and on ram1",
        test: (w) =>
          w.liveTypes("cat").join() === "linear,linear" &&
          w.uses("cat", "ram0") &&
          w.uses("cat", "ram1"),
      },
    },
    {
      title: "A write across the seam",
      text: `8 KiB written at sector 16376 of cat covers its sectors 16376 to 16391: the first half is in the first segment (ram0, at 32760), the rest in the second (ram1, at 0). dm splits the bio at the segment boundary and each piece goes to its own disk.`,
      commands: ["dd if=/dev/urandom of=/dev/mapper/cat bs=4096 seek=2047 count=2 oflag=direct"],
      focus: { panel: "stack", device: "cat" },
      check: {
        text: "writes to cat landed on ram0 at 32760 and on ram1 at 0",
        test: (w) =>
          w.remapsOnto("ram0", "cat").some((b) => b.remap?.sector === 32760) &&
          w.remapsOnto("ram1", "cat").some((b) => b.remap?.sector === 0),
      },
    },
  ],
};
