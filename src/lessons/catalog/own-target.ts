import { TWO_DISKS, type Lesson } from "../lesson.ts";

/** The smallest target worth writing: linear, counting what it maps. */
const SOURCE = `import { ctrError, defineTarget, parseU64, type DmDev } from "dm-playground";

// <start> <length> pass <dev_path> <offset>: linear, counting reads and writes.
export default defineTarget<{ dev: DmDev; start: number; reads: number; writes: number }>({
  name: "pass",
  version: [1, 0, 0],
  ctr(t, args) {
    if (args.length !== 2) ctrError("Invalid argument count");
    const start = parseU64(args[1]!);
    if (start === null) ctrError("Invalid device sector");
    t.numFlushBios = 1;
    t.private = { dev: t.getDevice(args[0]!), start, reads: 0, writes: 0 };
  },
  dtr(t) {
    t.putDevice(t.priv.dev);
  },
  map(t, bio) {
    if (bio.op === "READ") t.priv.reads++;
    if (bio.op === "WRITE") t.priv.writes++;
    bio.bdev = t.priv.dev.bdev;
    if (bio.sectors > 0) bio.sector = t.priv.start + t.offset(bio.sector);
    return "REMAPPED";
  },
  iterateDevices(t, fn) {
    fn(t.priv.dev, t.priv.start, t.len);
  },
  status(t, type) {
    const p = t.priv;
    return type === "INFO" ? \`\${p.reads} reads \${p.writes} writes\` : \`\${p.dev.name} \${p.start}\`;
  },
});
`;

/** Writing your own target: a module, insmod, a table using it, its map at work. */
export const ownTarget: Lesson = {
  id: "own-target",
  title: "Writing your own target",
  summary:
    "A target is a constructor, a map function and a status line: write one, load it, use it.",
  setup: [TWO_DISKS],
  steps: [
    {
      title: "Write and load a module",
      text: `A target module default-exports \`defineTarget({...})\`: \`ctr\` parses the table line's arguments and takes the device (\`t.getDevice\`), \`map\` points each bio somewhere and says what it did, \`status\` prints a status line. \`insmod\` loads it as module dm_pass, registering the target type "pass". (The target editor, Alt+6, is the comfortable place to write one.)`,
      commands: [
        `cat > /tmp/dm-pass.ts <<'EOF'\n${SOURCE}EOF`,
        "insmod /tmp/dm-pass.ts",
        "lsmod | head -3",
      ],
      focus: { panel: "console" },
      check: { text: "module dm_pass is loaded", test: (w) => w.modules.includes("dm_pass") },
    },
    {
      title: "Use it in a table",
      text: `Your type is now a target like linear: \`0 8192 pass /dev/ram0 0\`. Its constructor runs on create; a refusal (\`ctrError\`) is reported as the kernel reports ti->error.`,
      commands: ["dmsetup create p --table '0 8192 pass /dev/ram0 0'", "dmsetup table p"],
      focus: { panel: "stack", device: "p" },
      check: {
        text: "p's live table is a pass segment on ram0",
        test: (w) => w.liveTypes("p").join() === "pass" && w.uses("p", "ram0"),
      },
    },
    {
      title: "Its map at work",
      text: `Write and read through p: each clone goes through your \`map\`, which counts it and remaps it to ram0. \`dmsetup status p\` prints your INFO line. Set a breakpoint on the \`map\` line in the target editor to stop there.`,
      commands: [
        "dd if=/dev/urandom of=/dev/mapper/p bs=4096 count=2 oflag=direct",
        "dd if=/dev/mapper/p of=/dev/null bs=4096 count=1 iflag=direct",
        "dmsetup status p",
      ],
      focus: { panel: "views", view: "inspector", device: "p" },
      check: {
        text: "p's map remapped writes and reads onto ram0",
        test: (w) => {
          const m = w.mapped("p", "REMAPPED");
          return (
            m.some((b) => b.op === "WRITE") &&
            m.some((b) => b.op === "READ") &&
            w.remapsOnto("ram0", "p").length >= 3
          );
        },
      },
    },
  ],
};
