import { TWO_DISKS, type Lesson } from "../lesson.ts";

/** Devices on devices: a bio remapped through three layers. */
export const stacking: Lesson = {
  id: "stacking",
  title: "Stacking",
  summary:
    "A mapped device is a block device like any other: build three layers and follow a write down.",
  setup: [TWO_DISKS],
  steps: [
    {
      title: "Three layers",
      text: `Any block device can be under a table, a mapped device too: \`bottom\` stripes both disks, \`middle\` is a linear window on bottom, \`top\` a window on middle. \`dmsetup ls --tree\` draws the same tree as the stack view.`,
      commands: [
        "dmsetup create bottom --table '0 8192 striped 2 8 /dev/ram0 0 /dev/ram1 0'",
        "dmsetup create middle --table '0 4096 linear /dev/mapper/bottom 2048'",
        "dmsetup create top --table '0 1024 linear /dev/mapper/middle 1024'",
        "dmsetup ls --tree",
      ],
      focus: { panel: "stack", device: "top" },
      check: {
        text: "top is on middle, middle on bottom, bottom on both disks",
        test: (w) =>
          w.uses("top", "middle") &&
          w.uses("middle", "bottom") &&
          w.uses("bottom", "ram0") &&
          w.uses("bottom", "ram1"),
      },
    },
    {
      title: "One write, three remaps",
      text: `Sector 0 of top is sector 1024 of middle, which is sector 3072 of bottom: chunk 384 of 8 sectors, an even chunk, so ram0, at chunk 192: sector 1536. Each layer clones, maps and remaps the bio once.`,
      commands: ["dd if=/dev/urandom of=/dev/mapper/top bs=4096 count=1 oflag=direct"],
      focus: { panel: "stack", device: "top" },
      check: {
        text: "the write went top → middle → bottom → ram0 at 1536",
        test: (w) =>
          w.remapsOnto("middle", "top").some((b) => b.remap?.sector === 1024) &&
          w.remapsOnto("bottom", "middle").some((b) => b.remap?.sector === 3072) &&
          w.remapsOnto("ram0", "bottom").some((b) => b.remap?.sector === 1536),
      },
    },
    {
      title: "Take it down from the top",
      text: `A device that another table holds open cannot go: \`dmsetup remove bottom\` says "Device or resource busy". Remove the top first, then the others.`,
      commands: ["dmsetup remove bottom", "dmsetup remove top middle bottom", "dmsetup ls"],
      focus: { panel: "stack" },
      check: {
        text: "top, middle and bottom are removed",
        test: (w) => w.wasRemoved("top") && w.wasRemoved("middle") && w.wasRemoved("bottom"),
      },
    },
  ],
};
