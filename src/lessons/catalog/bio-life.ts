import { TWO_DISKS, type Lesson } from "../lesson.ts";

/** A bio's life: submit, split, clone, map (MapState), remap, end_io, complete. */
export const bioLife: Lesson = {
  id: "bio-life",
  title: "A bio's life",
  summary:
    "Submit, split, clone, map, remap, end_io, complete: every step of one write, and what map can answer.",
  setup: [
    TWO_DISKS,
    "dmsetup create cat <<'EOF'\n0 16384 linear /dev/ram0 0\n16384 16384 linear /dev/ram1 0\nEOF",
  ],
  steps: [
    {
      title: "Clone, map, remap",
      text: `A bio submitted to a mapped device is never sent down itself: dm makes a clone for the target, calls the target's \`map\`, and linear answers REMAPPED after pointing the clone at ram0. The clone is submitted there; when it ends, the target's \`end_io\` sees it, then the original completes. Open the Inspector and pick the write to read its life event by event.`,
      commands: ["dd if=/dev/urandom of=/dev/mapper/cat bs=4096 count=1 oflag=direct"],
      focus: { panel: "views", view: "inspector", device: "cat" },
      check: {
        text: "a clone on cat was mapped REMAPPED and went to ram0",
        test: (w) =>
          w.mapped("cat", "REMAPPED").some((b) => b.op === "WRITE" && b.remap !== undefined),
      },
    },
    {
      title: "Split at a target boundary",
      text: `cat's two segments meet at sector 16384. A write of 12 sectors from 16380 belongs to both: dm splits it (bio_split, reason: target boundary), and each piece gets its own clone and map call: 4 sectors to ram0, 8 to ram1.`,
      commands: ["dd if=/dev/urandom of=/dev/mapper/cat bs=6144 seek=1365 count=1 oflag=direct"],
      focus: { panel: "stack", device: "cat" },
      check: {
        text: "a write to cat was split, and pieces landed on ram0 and ram1",
        test: (w) =>
          w.splits("cat").length >= 1 && w.remapsOnto("ram1", "cat").some((b) => b.op === "WRITE"),
      },
    },
    {
      title: "KILL: map refuses",
      text: `\`map\` may also answer KILL: the bio ends at once with an I/O error and nothing goes down. The error target does that for every bio. Other answers: SUBMITTED (the target keeps the bio and ends it later, as zero and delay do) and REQUEUE (try again after resume, during a noflush suspend).`,
      commands: [
        "dmsetup create bad --table '0 8 error'",
        "dd if=/dev/mapper/bad of=/dev/null bs=4096 count=1 iflag=direct",
      ],
      focus: { panel: "views", view: "outcomes" },
      check: {
        text: "a clone on bad was mapped KILL and its bio ended with IOERR",
        test: (w) => w.mapped("bad", "KILL").length >= 1 && w.completed("bad", "IOERR").length >= 1,
      },
    },
  ],
};
