import { EV, type EngineEvent } from "../../engine/events.ts";
import type { Lesson } from "../lesson.ts";
import type { World } from "../world.ts";

/** REQ_FUA and REQ_PREFLUSH in a bio_submit's flags (docs/events.md). */
const FUA = 1;
const PREFLUSH = 2;

/** bio_submit events on disk `name` carrying REQ_PREFLUSH (empty flushes and flush+write). */
function flushes(w: World, name: string): EngineEvent[] {
  const dev = w.devOf(name);
  return w.events.filter(
    (e) => e.type === EV.BIO_SUBMIT && e.dev === dev && ((e.flags ?? 0) & PREFLUSH) !== 0,
  );
}

/** The power_cut record of disk `name`, the last one (undefined before any power cut). */
function powerCut(w: World, name: string): EngineEvent | undefined {
  const dev = w.devOf(name);
  return w.events.findLast((e) => e.type === EV.POWER_CUT && e.dev === dev);
}

/** A volatile write cache, flush, and a power cut (issue 14's scenario). */
export const powerCutLesson: Lesson = {
  id: "power-cut",
  title: "What a write without flush loses in a power cut",
  summary:
    "Give a RAM disk a volatile write cache, write one block with a flush and one without, cut the power, and see which came back.",
  setup: ["modprobe brd rd_nr=1 rd_size=4096"],
  steps: [
    {
      title: "A disk with a write cache",
      text: `A real drive acknowledges a write once the data is in its cache, before it is on the media; only a flush (REQ_PREFLUSH) or a write with REQ_FUA is a promise that the data survives the power going. \`brd\` has no cache, so dm-playground adds one as its own disk option: \`diskcache ram0 on\`. From now on a write to ram0 completes into the cache.`,
      commands: ["diskcache ram0 on", "diskcache ram0"],
      focus: { panel: "views", view: "disks", device: "ram0" },
      check: {
        text: "ram0 was given a write cache (a disk_config event)",
        test: (w) =>
          w.events.some(
            (e) =>
              e.type === EV.DISK_CONFIG &&
              e.dev === w.devOf("ram0") &&
              e.text === "diskcache ram0 on",
          ),
      },
    },
    {
      title: "A write, then a flush",
      text: `Write 4 KiB of random bytes to block 1 (sector 8) with \`conv=fsync\`: dd writes, then calls fsync, which on a block device sends an empty write with REQ_PREFLUSH. The flow shows it as a write of 0 sectors with the PREFLUSH flag. When it completes, everything the cache held is on the disk: \`diskcache ram0\` says nothing is pending.`,
      commands: [
        "dd if=/dev/urandom of=/dev/ram0 bs=4k seek=1 count=1 oflag=direct conv=fsync",
        "diskcache ram0",
      ],
      focus: { panel: "views", view: "outcomes", device: "ram0" },
      check: {
        text: "a write to ram0's block 1 was followed by a flush (REQ_PREFLUSH) that completed",
        test: (w) => {
          const write = w.issued("ram0", "WRITE").find((b) => b.sector === 8 && b.sectors === 8);
          if (!write) return false;
          return flushes(w, "ram0").some(
            (f) => f.seq > write.submitSeq && w.bios.get(f.bio)?.status === "OK",
          );
        },
      },
    },
    {
      title: "A write without flush",
      text: `Now write block 0 with \`oflag=direct\` only. O_DIRECT skips the page cache, but not the drive's cache: the write completes as soon as the cache has it, with neither PREFLUSH nor FUA. Reading it back shows the new data (reads see the cache), so nothing looks wrong; \`diskcache ram0\` says 8 sectors are not yet durable. Note the md5 of the first two blocks.`,
      commands: [
        "dd if=/dev/urandom of=/dev/ram0 bs=4k count=1 oflag=direct",
        "diskcache ram0",
        "dd if=/dev/ram0 bs=4k count=2 iflag=direct 2>/dev/null | md5sum",
      ],
      focus: { panel: "views", view: "disks", device: "ram0" },
      check: {
        text: "a write to ram0's block 0 completed without FUA or PREFLUSH, after the last flush",
        test: (w) => {
          const lastFlush = flushes(w, "ram0").at(-1)?.seq ?? -1;
          return w.events.some(
            (e) =>
              e.type === EV.BIO_SUBMIT &&
              e.dev === w.devOf("ram0") &&
              e.op === "WRITE" &&
              e.sector === 0 &&
              e.sectors === 8 &&
              ((e.flags ?? 0) & (FUA | PREFLUSH)) === 0 &&
              e.seq > lastFlush &&
              w.bios.get(e.bio)?.status === "OK",
          );
        },
      },
    },
    {
      title: "The power goes",
      text: `\`powercut\` cuts the power and restarts: what the cache held is lost (\`ram0: 8 cached sectors lost\`), and so is everything a reboot loses (mapped devices, the page cache, the kernel log). The RAM disk keeps what was durable. (\`powercut --reorder --tear\` would let part of the cache reach the disk first, sector by sector: what a real drive may do.)`,
      commands: ["powercut"],
      focus: { panel: "views", view: "disks", device: "ram0" },
      check: {
        text: "a power cut lost ram0's 8 cached sectors (a power_cut event)",
        test: (w) => powerCut(w, "ram0")?.a === 8,
      },
    },
    {
      title: "What survived",
      text: `Read both blocks back. Block 1, written before the flush, has its random bytes. Block 0, acknowledged but never flushed, is zeros again: the md5 of the two blocks differs from the one you noted. A program (or a target) that wants its data to survive must flush, or write with FUA, and a target between it and the disk must pass both on.`,
      commands: [
        "dd if=/dev/ram0 bs=4k count=1 iflag=direct 2>/dev/null | hexdump -C",
        "dd if=/dev/ram0 bs=4k skip=1 count=1 iflag=direct 2>/dev/null | hexdump -C | head -2",
        "dd if=/dev/ram0 bs=4k count=2 iflag=direct 2>/dev/null | md5sum",
      ],
      focus: { panel: "console" },
      check: {
        text: "blocks 0 and 1 of ram0 were read back after the power cut",
        test: (w) => {
          const cut = powerCut(w, "ram0");
          if (!cut) return false;
          const reads = w.issued("ram0", "READ").filter((b) => b.submitSeq > cut.seq);
          return [0, 8].every((s) => reads.some((b) => b.sector === s && b.status === "OK"));
        },
      },
    },
  ],
};
