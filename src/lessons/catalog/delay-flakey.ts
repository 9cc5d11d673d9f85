import { TWO_DISKS, type Lesson } from "../lesson.ts";

/** delay and flakey: latency and failures on purpose, on virtual time. */
export const delayFlakey: Lesson = {
  id: "delay-flakey",
  title: "delay and flakey",
  summary:
    "Slow a device down by a fixed time, or make it fail on a schedule: fault injection on virtual time.",
  setup: [TWO_DISKS],
  steps: [
    {
      title: "delay",
      text: `\`delay /dev/ram0 0 200\` holds every bio 200 ms before sending it on (map returns SUBMITTED; a timer sends it later). \`time\` reports the virtual time it took. Slow the clock down to watch the bio wait.`,
      commands: [
        "dmsetup create slow --table '0 8192 delay /dev/ram0 0 200'",
        "time dd if=/dev/mapper/slow of=/dev/null bs=4096 count=1 iflag=direct",
      ],
      focus: { panel: "stack", device: "slow" },
      check: {
        text: "a read of slow took at least 200 ms of virtual time",
        test: (w) =>
          w.completed("slow", "OK").some((b) => b.parent === 0 && (b.latency ?? 0) >= 200e6),
      },
    },
    {
      title: "flakey, down",
      text: `\`flakey /dev/ram0 0 <up> <down>\` alternates: up for \`up\` seconds, then unreliable for \`down\` seconds. With up 0 it is always down: with no features, reads are killed (KILL, IOERR).`,
      commands: [
        "dmsetup create fl --table '0 8192 flakey /dev/ram0 0 0 60'",
        "dd if=/dev/mapper/fl of=/dev/null bs=4096 count=1 iflag=direct",
      ],
      focus: { panel: "views", view: "outcomes" },
      check: { text: "a read of fl was killed", test: (w) => w.mapped("fl", "KILL").length >= 1 },
    },
    {
      title: "flakey, dropping writes",
      text: `With the feature \`drop_writes\`, writes in the down interval are ended as if done but never reach the disk: the quiet data loss fstests' dmflakey helpers reproduce. The write succeeds; the Disks view shows ram0 unchanged.`,
      commands: [
        "dmsetup create dw --table '0 8192 flakey /dev/ram1 0 0 60 1 drop_writes'",
        "dd if=/dev/urandom of=/dev/mapper/dw bs=4096 count=1 oflag=direct",
      ],
      focus: { panel: "views", view: "disks" },
      check: {
        text: "a write to dw completed OK and nothing reached ram1",
        test: (w) =>
          w.issued("dw", "WRITE").some((b) => b.status === "OK") &&
          w.remapsOnto("ram1", "dw").length === 0,
      },
    },
  ],
};
