import { EV, type EngineEvent } from "../../engine/events.ts";
import type { Lesson } from "../lesson.ts";
import type { World } from "../world.ts";

/** thin_map events of thin device `name`, optionally of one fill kind (`overwrite`, `copy`...). */
function thinMaps(w: World, name: string, fill?: string): EngineEvent[] {
  const dev = w.devOf(name);
  return w.events.filter(
    (e) => e.type === EV.THIN_MAP && e.dev === dev && (fill === undefined || e.text === fill),
  );
}

/** thin_dev events of pool `name` of one kind (`create_thin`, `create_snap`, `delete`). */
function thinDevs(w: World, name: string, what: string): EngineEvent[] {
  const dev = w.devOf(name);
  return w.events.filter((e) => e.type === EV.THIN_DEV && e.dev === dev && e.text === what);
}

/** The held metadata root of pool `name` in its last thin_pool event ("-" or 0: none). */
function heldRoot(w: World, name: string): string {
  const dev = w.devOf(name);
  const e = w.events.findLast((x) => x.type === EV.THIN_POOL && x.dev === dev);
  return e?.text?.split(" ")[2] ?? "0";
}

/** thin-pool and thin: blocks provisioned on first write, snapshots sharing them. */
export const thin: Lesson = {
  id: "thin",
  title: "Thin provisioning",
  summary:
    "A pool hands out data blocks only when a thin volume first writes them; a snapshot shares them until one side writes.",
  setup: ["modprobe brd rd_nr=2 rd_size=16384"],
  steps: [
    {
      title: "A pool and a thin volume",
      text: `\`thin-pool <metadata dev> <data dev> <block size> <low water mark>\`: ram0 holds the metadata (btrees of mappings, the same bytes Linux writes), ram1 the data, in blocks of 128 sectors (64 KiB). \`create_thin 0\` makes thin device 0 in the pool's metadata; the \`thin\` target then gives it a mapped device: \`vol\`, 32 MiB on a 16 MiB pool. Nothing is allocated yet.`,
      commands: [
        "dmsetup create pool --table '0 32768 thin-pool /dev/ram0 /dev/ram1 128 16'",
        "dmsetup message pool 0 create_thin 0",
        "dmsetup create vol --table '0 65536 thin /dev/mapper/pool 0'",
        "dmsetup status pool",
      ],
      focus: { panel: "views", view: "target", device: "pool" },
      check: {
        text: "pool is a thin-pool, thin device 0 was created, vol is a thin device on pool",
        test: (w) =>
          w.liveTypes("pool").join() === "thin-pool" &&
          thinDevs(w, "pool", "create_thin").length === 1 &&
          w.liveTypes("vol").join() === "thin" &&
          w.uses("vol", "pool"),
      },
    },
    {
      title: "Writes provision blocks",
      text: `Write 256 KiB to vol. Each write to a block vol has never written has no mapping: \`map\` returns SUBMITTED, the pool's worker allocates a data block, inserts the mapping into the metadata and sends the write on (the flow shows the wait). Here each write covers its whole block, so nothing needs zeroing first (\`overwrite\`). \`dmsetup status pool\` now says 4 of 256 data blocks are used.`,
      commands: [
        "dd if=/dev/urandom of=/dev/mapper/vol bs=64k count=4 oflag=direct",
        "dmsetup status pool",
        "dmsetup status vol",
      ],
      focus: { panel: "views", view: "target", device: "pool" },
      check: {
        text: "four blocks of vol were provisioned (thin_map events)",
        test: (w) => thinMaps(w, "vol").length === 4,
      },
    },
    {
      title: "A snapshot shares the blocks",
      text: `\`create_snap 1 0\` makes thin device 1 a snapshot of device 0, in the metadata only: it maps the same data blocks, nothing is copied. The origin must be suspended while it is taken (so no write is in flight). Give the snapshot a device, \`snap\`: the pool view hatches the blocks the two share.`,
      commands: [
        "dmsetup suspend vol",
        "dmsetup message pool 0 create_snap 1 0",
        "dmsetup resume vol",
        "dmsetup create snap --table '0 65536 thin /dev/mapper/pool 1'",
      ],
      focus: { panel: "views", view: "target", device: "pool" },
      check: {
        text: "thin device 1 was created as a snapshot, and snap is a thin device on pool",
        test: (w) =>
          thinDevs(w, "pool", "create_snap").length === 1 && w.liveTypes("snap").join() === "thin",
      },
    },
    {
      title: "A write breaks sharing",
      text: `Write 4 KiB at the start of vol. Its block 0 is shared with the snapshot, so the write cannot go where the block is: the pool allocates a new data block, copies the shared one into it (the thin target's own kcopyd bios in the flow), remaps vol's block 0 there, then lets the write land. snap still sees the old block. The pool uses 5 blocks now.`,
      commands: [
        "dd if=/dev/zero of=/dev/mapper/vol bs=4k count=1 oflag=direct",
        "dmsetup status pool",
      ],
      focus: { panel: "views", view: "target", device: "pool" },
      check: {
        text: "vol's block 0 was given a new data block by copying the shared one",
        test: (w) => thinMaps(w, "vol", "copy").some((e) => e.sector === 0),
      },
    },
    {
      title: "Read the metadata",
      text: `The metadata device holds what Linux's tools read. A live pool's metadata can only be read from a metadata snapshot: \`reserve_metadata_snap\` holds one (the status line shows its root instead of \`-\`), and \`thin_ls -m\` and \`thin_dump -m\` read it: device 0 maps block 0 to the new data block 4 and blocks 1 to 3 as before; device 1 maps 0 to 3 to the original blocks.`,
      commands: [
        "dmsetup message pool 0 reserve_metadata_snap",
        "dmsetup status pool",
        "thin_ls -m /dev/ram0",
        "thin_dump -m /dev/ram0",
      ],
      focus: { panel: "views", view: "target", device: "pool" },
      check: {
        text: "the pool holds a metadata snapshot (its held root in a thin_pool event)",
        test: (w) => !["-", "0"].includes(heldRoot(w, "pool")),
      },
    },
  ],
};
