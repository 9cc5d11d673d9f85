import { EV } from "../../engine/events.ts";
import type { World } from "../world.ts";
import type { Lesson } from "../lesson.ts";

/** The last health character each leg of `name` got (mirror_leg events), by leg index. */
function legHealth(w: World, name: string): Map<number, string> {
  const dev = w.devOf(name);
  const out = new Map<number, string>();
  for (const e of w.events)
    if (e.type === EV.MIRROR_LEG && e.dev === dev) out.set(e.a, e.text ?? "");
  return out;
}

/** Regions of `name` that recovery copied (mirror_region: recovering, then clean). */
function recovered(w: World, name: string): number {
  const dev = w.devOf(name);
  const recovering = new Set<number>();
  let n = 0;
  for (const e of w.events) {
    if (e.type !== EV.MIRROR_REGION || e.dev !== dev) continue;
    if (e.a === 3) recovering.add(e.b);
    else if (e.a === 4 && recovering.delete(e.b)) n++;
  }
  return n;
}

/** mirror: two legs, a region log, recovery, and a leg that dies (issue 14's scenario). */
export const mirror: Lesson = {
  id: "mirror",
  title: "A mirror loses a leg",
  summary:
    "Build a two-legged mirror, watch recovery copy its regions, then kill a leg and see what handle_errors does with the next write.",
  setup: [
    "modprobe brd rd_nr=3 rd_size=4096",
    "dmsetup create leg --table '0 8192 linear /dev/ram1 0'",
  ],
  steps: [
    {
      title: "Two legs, eight regions",
      text: `\`mirror core 1 1024 2 /dev/ram0 0 /dev/mapper/leg 0 1 handle_errors\`: a core (in-memory) dirty log with regions of 1024 sectors, two legs, and \`handle_errors\`. A new mirror knows nothing is in sync: kmirrord recovers each region in turn, kcopyd copying it from the default leg (ram0) to the other. Watch the Target views tab: the regions turn from out of sync to recovering to in sync; \`dmsetup status\` then says \`8/8\` and \`AA\` (both legs alive).`,
      commands: [
        "dmsetup create m --table '0 8192 mirror core 1 1024 2 /dev/ram0 0 /dev/mapper/leg 0 1 handle_errors'",
        "sleep 1",
        "dmsetup status m",
      ],
      focus: { panel: "views", view: "target", device: "m" },
      check: {
        text: "recovery copied all 8 regions of m",
        test: (w) => recovered(w, "m") === 8,
      },
    },
    {
      title: "A write goes to both legs",
      text: `A write to the mirror marks its region dirty in the log, then goes to every leg in one dm_io: the flow shows the mirror's own writes to ram0 and to leg. When both end, the region is clean again.`,
      commands: ["dd if=/dev/urandom of=/dev/mapper/m bs=4k count=2 seek=300 oflag=direct"],
      focus: { panel: "views", view: "outcomes", device: "m" },
      check: {
        text: "a write reached ram0 and leg",
        test: (w) =>
          w.issued("ram0", "WRITE").some((b) => b.sector >= 2400) &&
          w.issued("leg", "WRITE").some((b) => b.sector >= 2400),
      },
    },
    {
      title: "The leg dies",
      text: `Reload \`leg\` as an \`error\` target: every I/O to it fails now, as a dead disk's would. The next write to the mirror fails on that leg: with \`handle_errors\` the mirror marks the leg \`D\` (write failure), takes the region out of sync, and holds the write until someone reconfigures the device. \`dmsetup status m\` shows \`7/8\` and \`AD\`.`,
      commands: [
        "dmsetup suspend leg",
        "dmsetup reload leg --table '0 8192 error'",
        "dmsetup resume leg",
        "dd if=/dev/zero of=/dev/mapper/m bs=4k count=1 seek=10 oflag=direct &",
        "sleep 1",
        "dmsetup status m",
      ],
      focus: { panel: "views", view: "target", device: "m" },
      check: {
        text: "leg 1 of m is marked D (write failed)",
        test: (w) => legHealth(w, "m").get(1) === "D",
      },
    },
    {
      title: "Reconfigure: the held write fails",
      text: `LVM would now replace the dead leg. Suspending the mirror gives up what it holds: the held write fails with an I/O error (with \`noflush\` it would be requeued for the new table instead). Without \`handle_errors\` the write would have completed, the leg only marked.`,
      commands: ["dmsetup suspend m", "wait", "dmsetup resume m", "dmsetup status m"],
      focus: { panel: "views", view: "outcomes", device: "m" },
      check: {
        text: "the write held by m ended with IOERR",
        test: (w) => w.completed("m", "IOERR").some((b) => b.op === "WRITE"),
      },
    },
  ],
};
