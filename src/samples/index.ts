/**
 * The sample target modules: one file each (src/samples/dm-*.ts), listed here with a short
 * explanation and a dmsh script that exercises it (the editor's "New from sample" menu; each
 * script also runs headless in samples.test.ts, which checks its output).
 *
 * Scripts find the module as /tmp/<file> (the editor or the test writes it there first).
 * `sampleSource(file)` gives a sample's text (bundled as a raw string in the browser).
 */

export interface Sample {
  /** File name, e.g. "dm-proxy.ts" (the module is dm_proxy). */
  file: string;
  /** Menu title. */
  title: string;
  /** What it shows, in a sentence or two. */
  explanation: string;
  /** The contract check it trips on purpose, for the buggy ones. */
  trips?: string;
  /** A dmsh script exercising it. */
  script: string;
}

const DISKS = "modprobe brd rd_nr=2 rd_size=8192";

export const SAMPLES: readonly Sample[] = [
  {
    file: "dm-ulinear.ts",
    title: "linear, line for line (Rust TargetOperations shape)",
    explanation:
      "dm-linear rewritten as a user module, each operation next to its Rust TargetOperations signature and its C struct target_type member.",
    script: `${DISKS}
insmod /tmp/dm-ulinear.ts
dmsetup create ul --table "0 4096 ulinear /dev/ram0 2048"
dd if=/dev/urandom of=/dev/mapper/ul bs=4k count=8 oflag=direct 2>/dev/null
dd if=/dev/mapper/ul bs=4k count=8 2>/dev/null | md5sum
dd if=/dev/ram0 bs=512 skip=2048 count=64 2>/dev/null | md5sum
dmsetup table ul
lsmod | grep -E '^(Module|dm_ulinear) '
dmsetup remove ul
rmmod dm-ulinear
`,
  },
  {
    file: "dm-proxy.ts",
    title: "proxy: count reads, writes and sizes",
    explanation:
      "Passes bios through to one device and counts them; the counts show in dmsetup status and in the reply to the `stats` message.",
    script: `${DISKS}
insmod /tmp/dm-proxy.ts
dmsetup create px --table "0 8192 proxy /dev/ram0 0"
dd if=/dev/zero of=/dev/mapper/px bs=4k count=3 oflag=direct 2>/dev/null
dd if=/dev/mapper/px of=/dev/null bs=64k count=1 iflag=direct 2>/dev/null
dmsetup status px
dmsetup message px 0 stats
dmsetup message px 0 reset
dmsetup status px
dmsetup remove px
`,
  },
  {
    file: "dm-stash.ts",
    title: "stash: a target that owns its bios (SUBMITTED)",
    explanation:
      "Keeps its data in the target itself; map returns SUBMITTED and the target ends each bio later with bio.end(), after a virtual latency.",
    script: `insmod /tmp/dm-stash.ts
dmsetup create st --table "0 2048 stash 250"
echo hello stash | dd of=/dev/mapper/st bs=512 count=1 conv=sync oflag=direct 2>/dev/null
dd if=/dev/mapper/st bs=512 count=1 2>/dev/null | head -c 11; echo
dmsetup status st
dmsetup table st
dmsetup remove st
`,
  },
  {
    file: "dm-wbcache.ts",
    title: "wbcache: a tiny write-back cache over two devices",
    explanation:
      "Whole 4 KiB blocks are written to a cache device and written back to the origin on eviction, on a flush or on the `flush` message.",
    script: `${DISKS}
insmod /tmp/dm-wbcache.ts
dmsetup create wb --table "0 8192 wbcache /dev/ram1 /dev/ram0"
dd if=/dev/urandom of=/dev/mapper/wb bs=4k count=16 oflag=direct 2>/dev/null
dd if=/dev/mapper/wb bs=4k count=16 2>/dev/null | md5sum
dmsetup status wb
dmsetup message wb 0 flush
sleep 1
dmsetup status wb
dd if=/dev/ram0 bs=4k count=16 2>/dev/null | md5sum
dmsetup remove wb
`,
  },
  {
    file: "dm-bug-private.ts",
    title: "bug: private never set",
    trips: "private-not-set",
    explanation:
      "ctr keeps its state in a module variable instead of t.private: two tables share the last one's device.",
    script: `${DISKS}
insmod /tmp/dm-bug-private.ts
dmsetup create bp --table "0 1024 bug_private /dev/ram0 0"
dmesg | grep contract
dmsetup remove bp
`,
  },
  {
    file: "dm-bug-putdev.ts",
    title: "bug: device got in ctr, never put",
    trips: "device-not-put",
    explanation: "No dtr: the device ctr got is never put, and the kernel has to drop it itself.",
    script: `${DISKS}
insmod /tmp/dm-bug-putdev.ts
dmsetup create bd --table "0 1024 bug_putdev /dev/ram0 0"
dmsetup remove bd
dmesg | grep -E 'contract|put_device'
`,
  },
  {
    file: "dm-bug-remap.ts",
    title: "bug: REMAPPED to a device the target does not hold",
    trips: "remap-not-held",
    explanation: "ctr puts the spare device back, but map still sends writes to it.",
    script: `${DISKS}
insmod /tmp/dm-bug-remap.ts
dmsetup create br --table "0 2048 bug_remap /dev/ram0 /dev/ram1"
dd if=/dev/zero of=/dev/mapper/br bs=512 seek=1500 count=1 oflag=direct 2>/dev/null
dmesg | grep contract
dmsetup remove br
`,
  },
  {
    file: "dm-bug-status.ts",
    title: "bug: status TABLE that does not round-trip",
    trips: "status-round-trip",
    explanation:
      "status TABLE prints offset 0 whatever the table said: dmsetup table shows a line that loads back as another target.",
    script: `${DISKS}
insmod /tmp/dm-bug-status.ts
dmsetup create bs --table "0 1024 bug_status /dev/ram0 2048"
dmsetup table bs
dmesg | grep contract
dmsetup remove bs
`,
  },
  {
    file: "dm-bug-flush.ts",
    title: "bug: maps writes, no flush bios",
    trips: "no-flush-bios",
    explanation:
      "numFlushBios stays 0: a flush completes without reaching the device written to. With a volatile write cache on the disk, a power cut then loses the block fsync said was durable.",
    script: `${DISKS}
diskcache ram0 on
insmod /tmp/dm-bug-flush.ts
dmsetup create bf --table "0 1024 bug_flush /dev/ram0 0"
dd if=/dev/urandom of=/dev/mapper/bf bs=4k count=1 oflag=direct conv=fsync 2>/dev/null
dmesg | grep contract
diskcache ram0
powercut
hexdump -C -n 4096 /dev/ram0
`,
  },
  {
    file: "dm-bug-incomplete.ts",
    title: "bug: end_io INCOMPLETE, never ended",
    trips: "incomplete-never-ended",
    explanation:
      "A failed read is kept for a retry (INCOMPLETE) that never happens; the engine reaps the bio.",
    script: `insmod /tmp/dm-bug-incomplete.ts
dmsetup create bad --table "0 1024 error"
dmsetup create bi --table "0 1024 bug_incomplete /dev/mapper/bad 0"
dd if=/dev/mapper/bi of=/dev/null bs=512 count=1 iflag=direct 2>/dev/null; echo rc=$?
dmesg | grep -E 'contract|never ended'
dmsetup remove bi
dmsetup remove bad
`,
  },
];

/**
 * The text of a sample file. In the browser (and Vitest) the files are bundled as raw strings
 * by Vite; elsewhere (the dmsh CLI) read them from src/samples/ with fs.
 */
export async function sampleSource(file: string): Promise<string> {
  const all = import.meta.glob<string>("./dm-*.ts", { query: "?raw", import: "default" });
  const load = all[`./${file}`];
  if (!load) throw new Error(`no sample ${file}`);
  return load();
}
