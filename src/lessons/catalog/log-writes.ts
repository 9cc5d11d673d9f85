import type { Lesson } from "../lesson.ts";
import type { World } from "../world.ts";

/** Writes a process (replay-log) sent to `disk`, as [first, last] sectors of each. */
function writesTo(w: World, disk: string, after = -1): Array<[number, number]> {
  return w
    .issued(disk, "WRITE")
    .filter((b) => b.submitSeq > after && b.sectors > 0)
    .map((b) => [b.sector, b.sector + b.sectors - 1]);
}

/** The event sequence number of the last message `text` sent to `name` (-1: none). */
function messageSeq(w: World, name: string, text: string): number {
  const dev = w.devOf(name);
  return (
    w.events.findLast((e) => e.dev === dev && e.text === text && e.kind === "target_message")
      ?.seq ?? -1
  );
}

/** log-writes and fstests' replay-log: the crash point, found by replaying (issue 14's scenario). */
export const logWrites: Lesson = {
  id: "log-writes",
  title: "Find the crash point with log-writes",
  summary:
    "Log every write in the order it became durable, mark points in the log, then replay it onto another disk up to each mark and compare.",
  setup: ["modprobe brd rd_nr=3 rd_size=4096"],
  steps: [
    {
      title: "A device that logs its writes",
      text: `\`log-writes <dev> <log dev>\` passes I/O to ram0 and logs each write onto ram1, in the order it became durable: a write is logged when a flush after it completes (a FUA write at once). So the log holds what the disk could contain after a crash at any point. Write 16 KiB and flush (\`conv=fsync\`), take the md5 of the device, then put a mark named \`one\` in the log.`,
      commands: [
        "dmsetup create lw --table '0 8192 log-writes /dev/ram0 /dev/ram1'",
        "dd if=/dev/urandom of=/dev/mapper/lw bs=4k count=4 oflag=direct conv=fsync",
        "md5sum /dev/mapper/lw",
        "dmsetup message lw 0 mark one",
      ],
      focus: { panel: "views", view: "target", device: "lw" },
      check: {
        text: "lw is a log-writes device over ram0, written, then marked `one`",
        test: (w) =>
          w.liveTypes("lw").join() === "log-writes" &&
          w.uses("lw", "ram0") &&
          w.issued("lw", "WRITE").length > 0 &&
          messageSeq(w, "lw", "mark one") >= 0,
      },
    },
    {
      title: "More writes, a second mark",
      text: `Write block 8 (sectors 64 to 71), flush, md5 again, mark \`two\`. \`dmsetup status lw\` counts the log's entries (the writes, the flushes, the marks) and the last sector the log used (\`next_sector - 1\` in dm-log-writes.c). The target's own writes to ram1 (entry blocks, copies of the data, the super block after each FUA and mark) are in the flow as log-writes' bios.`,
      commands: [
        "dd if=/dev/urandom of=/dev/mapper/lw bs=4k seek=8 count=1 oflag=direct conv=fsync",
        "md5sum /dev/mapper/lw",
        "dmsetup message lw 0 mark two",
        "dmsetup status lw",
      ],
      focus: { panel: "views", view: "target", device: "lw" },
      check: {
        text: "block 8 was written through lw, then the log was marked `two`",
        test: (w) => {
          const two = messageSeq(w, "lw", "mark two");
          return (
            two >= 0 && w.issued("lw", "WRITE").some((b) => b.sector === 64 && b.submitSeq < two)
          );
        },
      },
    },
    {
      title: "Read the log",
      text: `fstests' \`replay-log\` reads the log device (dmsh has it, same options and output): its super block says how many entries there are, and \`--find --end-mark one\` prints the entry of mark \`one\` and the log sector after it (\`entry@sector\`). The Target views tab lists the same entries, and the marks by name, in the write log and replay view.`,
      commands: [
        "replay-log --log /dev/ram1",
        "replay-log --log /dev/ram1 --find --end-mark one",
        "replay-log --log /dev/ram1 --find --end-mark two",
      ],
      focus: { panel: "views", view: "target", device: "lw" },
      check: {
        text: "replay-log read the log device ram1",
        test: (w) => w.issued("ram1", "READ").length > 0,
      },
    },
    {
      title: "Replay up to mark one",
      text: `Replay the log onto ram2 (zeros) up to mark \`one\`: ram2 now holds exactly what lw held at the mark, as if the machine had crashed there: \`md5sum /dev/ram2\` is the md5 you took before mark one (\`-v\` prints each entry as it is replayed). Block 8 is not there: it was written after the mark.`,
      commands: [
        "replay-log -v --log /dev/ram1 --replay /dev/ram2 --end-mark one",
        "md5sum /dev/ram2",
      ],
      focus: { panel: "views", view: "outcomes", device: "ram2" },
      check: {
        text: "the replay wrote blocks 0 to 3 onto ram2, and not block 8",
        test: (w) => {
          const ws = writesTo(w, "ram2");
          return ws.some(([a]) => a < 32) && !ws.some(([a, b]) => a <= 64 && b >= 64);
        },
      },
    },
    {
      title: "Replay on to mark two",
      text: `Replay again, from the start, up to mark \`two\`: now block 8 is written too, and \`md5sum /dev/ram2\` is the md5 you took before mark two. This is how a crash-consistency test works: run the workload on log-writes, marking each point where it promises something, then replay to each mark and check the device there (fstests runs fsck at each). Replaying to \`--next-flush\` instead stops at a flush, the other point where a crash is interesting.`,
      commands: [
        "replay-log --log /dev/ram1 --replay /dev/ram2 --end-mark two",
        "md5sum /dev/ram2",
      ],
      focus: { panel: "views", view: "outcomes", device: "ram2" },
      check: {
        text: "a replay wrote block 8 (sector 64) onto ram2",
        test: (w) => writesTo(w, "ram2").some(([a, b]) => a <= 64 && b >= 64),
      },
    },
  ],
};
