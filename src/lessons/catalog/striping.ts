import { TWO_DISKS, type Lesson } from "../lesson.ts";

/** striped: chunks dealt round-robin over the stripes; bios split at chunk edges. */
export const striping: Lesson = {
  id: "striping",
  title: "Striping and chunk placement",
  summary: "Chunks of the device dealt out over two disks in turn, and a bio cut at chunk edges.",
  setup: [TWO_DISKS],
  steps: [
    {
      title: "A striped device",
      text: `\`striped 2 128 /dev/ram0 0 /dev/ram1 0\`: two stripes, chunks of 128 sectors (64 KiB). Chunk 0 of the device is on ram0, chunk 1 on ram1, chunk 2 on ram0 again, each disk holding every other chunk.`,
      commands: ["dmsetup create st --table '0 65536 striped 2 128 /dev/ram0 0 /dev/ram1 0'"],
      focus: { panel: "views", view: "target", device: "st" },
      check: {
        text: "st is striped over ram0 and ram1",
        test: (w) =>
          w.liveTypes("st").join() === "striped" && w.uses("st", "ram0") && w.uses("st", "ram1"),
      },
    },
    {
      title: "Chunk 0 and chunk 1",
      text: `Write one chunk at sector 0 and one at sector 128. Device chunk \`c\` lands on stripe \`c mod 2\`, at chunk \`c div 2\` of that disk: both writes land at sector 0, one on each disk.`,
      commands: [
        "dd if=/dev/urandom of=/dev/mapper/st bs=64k count=1 oflag=direct",
        "dd if=/dev/urandom of=/dev/mapper/st bs=64k seek=1 count=1 oflag=direct",
      ],
      focus: { panel: "views", view: "target", device: "st" },
      check: {
        text: "writes to st landed at sector 0 of ram0 and of ram1",
        test: (w) =>
          w.remapsOnto("ram0", "st").some((b) => b.remap?.sector === 0) &&
          w.remapsOnto("ram1", "st").some((b) => b.remap?.sector === 0),
      },
    },
    {
      title: "Sector 1000",
      text: `Where is sector 1000 of st? Chunk 1000 div 128 = 7, offset 1000 mod 128 = 104. Chunk 7 is on stripe 7 mod 2 = 1 (ram1), as that disk's chunk 7 div 2 = 3: sector 3 × 128 + 104 = 488 of ram1.`,
      commands: ["dd if=/dev/mapper/st of=/dev/null bs=512 skip=1000 count=1 iflag=direct"],
      focus: { panel: "views", view: "inspector" },
      check: {
        text: "a read of st landed on ram1 at sector 488",
        test: (w) =>
          w.remapsOnto("ram1", "st").some((b) => b.op === "READ" && b.remap?.sector === 488),
      },
    },
    {
      title: "Cut at chunk edges",
      text: `A bio never crosses a chunk: striped sets \`max_io_len\` to the chunk size, and dm splits anything longer. 256 KiB written at sector 0 covers chunks 0 to 3: four pieces, on ram0, ram1, ram0 and ram1. Select one of its bios in the Inspector to see the split.`,
      commands: ["dd if=/dev/zero of=/dev/mapper/st bs=256k count=1 oflag=direct"],
      focus: { panel: "stack", device: "st" },
      check: {
        text: "a bio on st was split at a chunk edge",
        test: (w) => w.splits("st").length >= 1,
      },
    },
  ],
};
