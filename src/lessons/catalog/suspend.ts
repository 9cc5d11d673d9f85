import { TWO_DISKS, type Lesson } from "../lesson.ts";

/** suspend/resume: bios deferred while suspended, re-driven on resume; flush vs noflush. */
export const suspendResume: Lesson = {
  id: "suspend-resume",
  title: "Suspend, resume and deferred I/O",
  summary: "A suspended device holds new bios and lets them go on resume; what --noflush changes.",
  setup: [TWO_DISKS, "dmsetup create lin --table '0 8192 linear /dev/ram0 0'"],
  steps: [
    {
      title: "Suspend",
      text: `\`dmsetup suspend\` calls each target's presuspend, stops new I/O, waits for the I/O in flight to end, then calls postsuspend. The device stays, with its table; \`dmsetup info\` says SUSPENDED.`,
      commands: ["dmsetup suspend lin", "dmsetup info lin"],
      focus: { panel: "stack", device: "lin" },
      check: { text: "lin is suspended", test: (w) => w.device("lin")?.suspended === true },
    },
    {
      title: "A write to a suspended device waits",
      text: `Start a write in the background (\`&\`): its bio reaches lin and is held there (bio_defer). dd does not finish; the stack shows the bio waiting at the device.`,
      commands: ["dd if=/dev/zero of=/dev/mapper/lin bs=4096 count=1 oflag=direct 2>/dev/null &"],
      focus: { panel: "stack", device: "lin" },
      check: { text: "a bio is held at lin", test: (w) => w.deferred("lin").length >= 1 },
    },
    {
      title: "Resume lets it go",
      text: `\`dmsetup resume\` calls preresume and resume on each target, then re-drives the held bios (bio_redrive): the write is mapped and lands, and dd ends.`,
      commands: ["dmsetup resume lin", "wait"],
      focus: { panel: "views", view: "timeline" },
      check: {
        text: "the held bio was re-driven and completed",
        test: (w) => w.deferred("lin").some((b) => b.redriven && b.status === "OK"),
      },
    },
    {
      title: "Flush or noflush",
      text: `A plain suspend first flushes: it waits for every bio in flight, and any bio a target asks to REQUEUE fails. With \`--noflush\` the bios a target requeues are kept for after the resume instead (multipath relies on this when every path is down). The timeline marks the suspend as noflush.`,
      commands: ["dmsetup suspend --noflush lin", "dmsetup resume lin"],
      focus: { panel: "views", view: "timeline" },
      check: {
        text: "lin was suspended with --noflush, then resumed",
        test: (w) => {
          const d = w.device("lin");
          return !!d && d.suspends.includes(true) && !d.suspended;
        },
      },
    },
  ],
};
