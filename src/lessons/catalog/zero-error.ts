import { TWO_DISKS, type Lesson } from "../lesson.ts";

/** zero and error: targets with no device under them. */
export const zeroError: Lesson = {
  id: "zero-error",
  title: "zero and error",
  summary:
    "Two targets with nothing below: one reads zeroes and swallows writes, one fails everything.",
  setup: [TWO_DISKS],
  steps: [
    {
      title: "zero",
      text: `\`zero\` answers reads with zeroes and drops writes. Its map ends the bio itself and returns SUBMITTED: nothing goes to any disk. A huge zero device costs nothing (\`0 2147483648 zero\` is 1 TiB).`,
      commands: [
        "dmsetup create z --table '0 2147483648 zero'",
        "dd if=/dev/mapper/z bs=4096 count=1 iflag=direct 2>/dev/null | hexdump -C",
        "dd if=/dev/urandom of=/dev/mapper/z bs=4096 count=1 oflag=direct",
      ],
      focus: { panel: "views", view: "outcomes" },
      check: {
        text: "z mapped bios as SUBMITTED and they completed OK",
        test: (w) => w.mapped("z", "SUBMITTED").length >= 2 && w.completed("z", "OK").length >= 2,
      },
    },
    {
      title: "error",
      text: `\`error\` fails every bio: map returns KILL and the bio ends with an I/O error. dd reports it, and dmesg too.`,
      commands: [
        "dmsetup create e --table '0 8192 error'",
        "dd if=/dev/mapper/e of=/dev/null bs=4096 count=1 iflag=direct",
      ],
      focus: { panel: "views", view: "outcomes" },
      check: {
        text: "a bio of e ended with IOERR",
        test: (w) => w.completed("e", "IOERR").length >= 1,
      },
    },
    {
      title: "A hole in a device",
      text: `Mixed in a table, error makes a range unusable: here the first 2 MiB are ram0, the next 2 MiB fail. Reading the start works; reading past sector 4096 fails.`,
      commands: [
        "dmsetup create holey <<'EOF'\n0 4096 linear /dev/ram0 0\n4096 4096 error\nEOF",
        "dd if=/dev/mapper/holey of=/dev/null bs=4096 count=1 iflag=direct",
        "dd if=/dev/mapper/holey of=/dev/null bs=4096 skip=512 count=1 iflag=direct",
      ],
      focus: { panel: "stack", device: "holey" },
      check: {
        text: "holey read OK from its linear part and IOERR from its error part",
        test: (w) =>
          w.issued("holey").some((b) => b.sector < 4096 && b.status === "OK") &&
          w.issued("holey").some((b) => b.sector >= 4096 && b.status === "IOERR"),
      },
    },
  ],
};
