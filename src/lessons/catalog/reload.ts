import { TWO_DISKS, type Lesson } from "../lesson.ts";

/** load fills the inactive slot, resume swaps it in; clear drops it. */
export const reload: Lesson = {
  id: "reload",
  title: "Reload and table swap",
  summary:
    "Two table slots per device: load a new table beside the live one, swap it in on resume.",
  setup: [TWO_DISKS, "dmsetup create lin --table '0 8192 linear /dev/ram0 0'"],
  steps: [
    {
      title: "Load into the inactive slot",
      text: `\`dmsetup load\` builds a table (every constructor runs, with the kernel's checks) and puts it in the device's inactive slot. The live table keeps serving I/O: lin still maps onto ram0. \`dmsetup info\` shows "Tables present: LIVE & INACTIVE".`,
      commands: ["dmsetup load lin --table '0 8192 linear /dev/ram1 0'", "dmsetup info lin"],
      focus: { panel: "stack", device: "lin" },
      check: {
        text: "lin has an inactive table on ram1 and its live table still on ram0",
        test: (w) => w.uses("lin", "ram0") && w.inactiveUses("lin", "ram1"),
      },
    },
    {
      title: "Resume swaps",
      text: `\`dmsetup resume\` on a device with an inactive table suspends it, makes the inactive table live (table_swap), destroys the old one and resumes. From now on lin's sectors are ram1's.`,
      commands: ["dmsetup resume lin", "dmsetup table lin"],
      focus: { panel: "views", view: "timeline" },
      check: {
        text: "lin's live table is on ram1",
        test: (w) => w.uses("lin", "ram1") && !w.uses("lin", "ram0"),
      },
    },
    {
      title: "Change your mind: clear",
      text: `A loaded table that was never resumed can be dropped with \`dmsetup clear\`; the live table is untouched.`,
      commands: [
        "dmsetup load lin --table '0 8192 zero'",
        "dmsetup clear lin",
        "dmsetup table lin",
      ],
      focus: { panel: "stack", device: "lin" },
      check: {
        text: "a third table was loaded into lin and cleared; lin is still linear",
        test: (w) => {
          const d = w.device("lin");
          return (
            !!d && d.loads >= 3 && d.inactive === null && w.liveTypes("lin").join() === "linear"
          );
        },
      },
    },
  ],
};
