import { TWO_DISKS, type Lesson } from "../lesson.ts";

/** snapshot-origin and snapshot: copy-on-write, LVM's way. */
export const snapshot: Lesson = {
  id: "snapshot",
  title: "Snapshots: copy on write",
  summary:
    "A snapshot keeps an old picture of a device: the first write to each chunk copies it to the COW device.",
  setup: [
    TWO_DISKS,
    "dmsetup create vol-real --table '0 8192 linear /dev/ram0 0'",
    "printf 'old data' | dd of=/dev/mapper/vol-real bs=512 conv=notrunc,fsync 2>/dev/null",
    "dmsetup create vol-cow --table '0 4096 linear /dev/ram1 0'",
  ],
  steps: [
    {
      title: "Origin and snapshot",
      text: `LVM's layout: the volume's data is \`vol-real\`; \`vol\` is a \`snapshot-origin\` over it (what users write to), and \`snap\` a \`snapshot\` of it that keeps its copies on \`vol-cow\`: \`P\` for persistent (a header and metadata on the COW device), chunks of 8 sectors.`,
      commands: [
        "dmsetup create vol --table '0 8192 snapshot-origin /dev/mapper/vol-real'",
        "dmsetup create snap --table '0 8192 snapshot /dev/mapper/vol-real /dev/mapper/vol-cow P 8'",
        "dmsetup ls --tree",
      ],
      focus: { panel: "views", view: "target", device: "snap" },
      check: {
        text: "vol is a snapshot-origin and snap a snapshot using vol-cow",
        test: (w) =>
          w.liveTypes("vol").join() === "snapshot-origin" &&
          w.liveTypes("snap").join() === "snapshot" &&
          w.uses("snap", "vol-cow"),
      },
    },
    {
      title: "Write to the origin",
      text: `Write to \`vol\`. Before the write may land, the snapshot copies the chunk's old contents from vol-real to vol-cow (kcopyd: a read, then a write, bios of the target's own) and records the exception; then the write goes on to vol-real.`,
      commands: [
        "printf 'new data' | dd of=/dev/mapper/vol bs=512 conv=notrunc oflag=direct 2>/dev/null",
      ],
      focus: { panel: "stack", device: "vol" },
      check: {
        text: "a write to vol completed, and the old chunk was read from vol-real to be copied",
        test: (w) =>
          w.issued("vol", "WRITE").some((b) => b.status === "OK") &&
          w.issued("vol-real", "READ").length >= 1,
      },
    },
    {
      title: "The snapshot still sees the old data",
      text: `Read sector 0 through \`snap\`: its chunk has an exception now, so the read goes to vol-cow, where the copy is: "old data". Through \`vol\`: "new data". \`dmsetup status snap\` counts the COW sectors in use.`,
      commands: [
        "dd if=/dev/mapper/snap bs=512 count=1 iflag=direct 2>/dev/null | head -c 8; echo",
        "dd if=/dev/mapper/vol bs=512 count=1 iflag=direct 2>/dev/null | head -c 8; echo",
        "dmsetup status snap",
      ],
      focus: { panel: "views", view: "target", device: "snap" },
      check: {
        text: "a read of snap went to vol-cow",
        test: (w) => w.remapsOnto("vol-cow", "snap").some((b) => b.op === "READ"),
      },
    },
  ],
};
