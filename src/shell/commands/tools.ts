/**
 * busybox's ls, blockdev and tr, as the reference machine has them (busybox 1.35, Debian).
 * just-bash has its own ls and tr; these replace them where dm users see the difference: ls
 * (ls.ts) lays names out in columns on a terminal, tr understands octal escapes
 * (`tr '\000' '\132'`).
 */

import { initBlockSize } from "../../engine/blockdev.ts";
import { isLoopDevice, isMappedDevice } from "../../engine/index.ts";
import { openPath } from "../files.ts";
import { bytesOf, latin1, strerrorOf, utf8Bytes } from "../util.ts";
import { command, getopt, type DmshCommand } from "./command.ts";
import { ls } from "./ls.ts";

const BUSYBOX = "BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.\n\n";
const BLOCKDEV_USAGE =
  BUSYBOX +
  "Usage: blockdev OPTION BLOCKDEV\n\n" +
  "\t--setro\t\tSet ro\n" +
  "\t--setrw\t\tSet rw\n" +
  "\t--getro\t\tGet ro\n" +
  "\t--getss\t\tGet sector size\n" +
  "\t--getbsz\tGet block size\n" +
  "\t--setbsz BYTES\tSet block size\n" +
  "\t--getsz\t\tGet device size in 512-byte sectors\n" +
  "\t--getsize64\tGet device size in bytes\n" +
  "\t--getra\t\tGet readahead in 512-byte sectors\n" +
  "\t--setra SECTORS\tSet readahead\n" +
  "\t--flushbufs\tFlush buffers\n" +
  "\t--rereadpt\tReread partition table\n";

const BLOCKDEV_OPS = [
  "--getsize",
  "--setro",
  "--setrw",
  "--getro",
  "--getss",
  "--getbsz",
  "--setbsz",
  "--getsz",
  "--getsize64",
  "--getra",
  "--setra",
  "--flushbufs",
  "--rereadpt",
];

export const blockdev = command("blockdev", async (args, { shell, out, path }) => {
  const op = args[0];
  if (op === undefined || args.length < 2 || !BLOCKDEV_OPS.includes(op)) {
    out.e(BLOCKDEV_USAGE);
    return 1;
  }
  let rest = args.slice(1);
  if (op === "--setbsz" || op === "--setra") {
    const v = rest[0]!;
    if (!/^\d+$/.test(v)) {
      out.e(`blockdev: invalid number '${v}'\n`);
      return 1;
    }
    rest = rest.slice(1);
  }
  if (rest.length !== 1) {
    out.e(BLOCKDEV_USAGE);
    return 1;
  }
  const dev = rest[0]!;
  const opened = await openPath(shell, path(dev));
  if ("errno" in opened) {
    out.e(`blockdev: can't open '${dev}': ${strerrorOf({ code: opened.errno })}\n`);
    return 1;
  }
  if (opened.kind !== "block") {
    if (op === "--getsize") {
      // busybox tries BLKGETSIZE64, then BLKGETSIZE, and names the device when both fail.
      out.e(`blockdev: ${dev}: Inappropriate ioctl for device\n`);
      return 1;
    }
    const ioctl = {
      "--getsz": "BLKGETSIZE64",
      "--getsize64": "BLKGETSIZE64",
      "--getro": "BLKROGET",
      "--setro": "BLKROSET",
      "--setrw": "BLKROSET",
      "--getss": "BLKSSZGET",
      "--getbsz": "BLKBSZGET",
      "--setbsz": "BLKBSZSET",
      "--getra": "BLKRAGET",
      "--setra": "BLKRASET",
      "--flushbufs": "BLKFLSBUF",
      "--rereadpt": "BLKRRPART",
    }[op];
    out.e(`blockdev: ${ioctl}: Inappropriate ioctl for device\n`);
    return 1;
  }
  const b = opened.file.bdev;
  switch (op) {
    case "--getsz":
    case "--getsize":
      out.o(`${b.sizeSectors}\n`);
      break;
    case "--getsize64":
      // Exact past 2^53 bytes: a 2^52-sector device is 2305843009213693952 bytes.
      out.o(`${BigInt(b.sizeSectors) * 512n}\n`);
      break;
    case "--getss":
      out.o(`${b.limits.logicalBlockSize}\n`);
      break;
    case "--getbsz":
      out.o(`${initBlockSize(b)}\n`);
      break;
    case "--flushbufs":
      // BLKFLSBUF: sync_blockdev, then drop the clean pages (readers re-read the device).
      await opened.file.sync();
      b.writeGeneration++;
      break;
    case "--getro":
      out.o(`${b.readOnly ? 1 : 0}\n`);
      break;
    case "--setro":
      b.readOnly = true;
      break;
    case "--setrw":
      b.readOnly = false;
      break;
    case "--getra":
      out.o(`${b.readAhead}\n`);
      break;
    case "--setra":
      // BLKRASET keeps whole pages: ra_pages = sectors * 512 / PAGE_SIZE.
      b.readAhead = Math.floor((Number(args[1]) * 512) / 4096) * 8;
      break;
    case "--setbsz":
      // BLKBSZSET needs the device opened exclusively; blockdev's own open is not (6.1).
      out.e(`blockdev: ${dev}: Device or resource busy\n`);
      return 1;
    case "--rereadpt":
      if (isMappedDevice(b) || isLoopDevice(b)) {
        // A loop device without partition scanning (LO_FLAGS_PARTSCAN).
        out.e(`blockdev: ${dev}: Invalid argument\n`);
        return 1;
      }
      // brd's disk is open by blockdev itself: bdev_disk_changed refuses (EBUSY).
      out.e(`blockdev: ${dev}: Device or resource busy\n`);
      return 1;
  }
  return 0;
});

const CLASSES: Record<string, (c: number) => boolean> = {
  alnum: (c) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122),
  alpha: (c) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122),
  blank: (c) => c === 32 || c === 9,
  cntrl: (c) => c < 32 || c === 127,
  digit: (c) => c >= 48 && c <= 57,
  graph: (c) => c > 32 && c < 127,
  lower: (c) => c >= 97 && c <= 122,
  print: (c) => c >= 32 && c < 127,
  punct: (c) => c > 32 && c < 127 && !CLASSES.alnum!(c),
  space: (c) => c === 32 || (c >= 9 && c <= 13),
  upper: (c) => c >= 65 && c <= 90,
  xdigit: (c) => (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102),
};

/** Expand a tr set (escapes, ranges, [:class:], [=c=], [c*n]) into byte values. */
function expandSet(spec: string): number[] | string {
  // First the escapes, to bytes; `raw` marks which came from an escape (no range meaning).
  const bytes = bytesOf(utf8Bytes(spec));
  const toks: Array<{ b: number; esc: boolean }> = [];
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i]!;
    if (c !== 0x5c || i + 1 >= bytes.length) {
      toks.push({ b: c, esc: false });
      continue;
    }
    const n = bytes[i + 1]!;
    if (n >= 0x30 && n <= 0x37) {
      let v = 0;
      let j = i + 1;
      while (j < bytes.length && j < i + 4 && bytes[j]! >= 0x30 && bytes[j]! <= 0x37)
        v = v * 8 + (bytes[j++]! - 0x30);
      toks.push({ b: v & 0xff, esc: true });
      i = j - 1;
      continue;
    }
    const map: Record<number, number> = {
      0x61: 7,
      0x62: 8,
      0x66: 12,
      0x6e: 10,
      0x72: 13,
      0x74: 9,
      0x76: 11,
      0x5c: 0x5c,
    };
    toks.push({ b: map[n] ?? n, esc: true });
    i++;
  }
  const out: number[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (!t.esc && t.b === 0x5b && i + 1 < toks.length) {
      // [:class:], [=c=], [c*n]
      const rest = latin1(Uint8Array.from(toks.slice(i).map((x) => x.b)));
      const cls = /^\[:([a-z]+):\]/.exec(rest);
      if (cls) {
        const f = CLASSES[cls[1]!];
        if (!f) return `tr: invalid character class '${cls[1]}'\n`;
        for (let c = 0; c < 256; c++) if (f(c)) out.push(c);
        i += cls[0].length - 1;
        continue;
      }
      const eq = /^\[=(.)=\]/s.exec(rest);
      if (eq) {
        out.push(eq[1]!.charCodeAt(0));
        i += eq[0].length - 1;
        continue;
      }
      const rep = /^\[(.)\*(\d*)\]/s.exec(rest);
      if (rep) {
        const n = rep[2] === "" ? 0 : Number(rep[2]);
        for (let k = 0; k < (n || 1); k++) out.push(rep[1]!.charCodeAt(0));
        i += rep[0].length - 1;
        continue;
      }
    }
    const next = toks[i + 1];
    const end = toks[i + 2];
    if (next && !next.esc && next.b === 0x2d && end) {
      if (end.b < t.b)
        return `tr: range-endpoints of '${String.fromCharCode(t.b)}-${String.fromCharCode(end.b)}' are in reverse collating sequence order\n`;
      for (let c = t.b; c <= end.b; c++) out.push(c);
      i += 2;
      continue;
    }
    out.push(t.b);
  }
  return out;
}

export const tr = command("tr", (args, { out, stdin }) => {
  const p = getopt(
    args,
    {
      long: {},
      short: {
        c: ["complement", false],
        C: ["complement", false],
        d: ["delete", false],
        s: ["squeeze", false],
        t: ["truncate", false],
      },
    },
    "tr",
  );
  if (!p.ok) {
    out.e(p.error);
    return 1;
  }
  const del = p.opts.has("delete");
  const squeeze = p.opts.has("squeeze");
  const [s1, s2] = p.operands;
  if (
    s1 === undefined ||
    (!del && !squeeze && s2 === undefined) ||
    (del && squeeze && s2 === undefined)
  ) {
    out.e(
      BUSYBOX +
        "Usage: tr [-cds] STRING1 [STRING2]\n\nTranslate, squeeze, or delete characters from stdin, writing to stdout\n\n\t-c\tTake complement of STRING1\n\t-d\tDelete input characters coded STRING1\n\t-s\tSqueeze multiple output characters of STRING2 into one character\n",
    );
    return 1;
  }
  let set1 = expandSet(s1);
  if (typeof set1 === "string") {
    out.e(set1);
    return 1;
  }
  if (p.opts.has("complement")) {
    const inSet = new Set(set1);
    set1 = [];
    for (let c = 0; c < 256; c++) if (!inSet.has(c)) set1.push(c);
  }
  let set2: number[] = [];
  if (s2 !== undefined) {
    const e2 = expandSet(s2);
    if (typeof e2 === "string") {
      out.e(e2);
      return 1;
    }
    set2 = e2;
  }
  const map = new Int16Array(256);
  for (let c = 0; c < 256; c++) map[c] = c;
  const deleteSet = new Uint8Array(256);
  const squeezeSet = new Uint8Array(256);
  if (del) {
    for (const c of set1) deleteSet[c] = 1;
    for (const c of set2) squeezeSet[c] = 1;
  } else if (s2 !== undefined) {
    const last = set2[set2.length - 1];
    for (let i = 0; i < set1.length; i++) {
      const to = i < set2.length ? set2[i]! : last;
      if (to !== undefined) map[set1[i]!] = to;
    }
    if (squeeze) for (const c of set2) squeezeSet[c] = 1;
  } else {
    for (const c of set1) squeezeSet[c] = 1;
  }
  const input = bytesOf(stdin());
  const res = new Uint8Array(input.length);
  let n = 0;
  let prev = -1;
  for (let i = 0; i < input.length; i++) {
    const c = input[i]!;
    if (deleteSet[c]) continue;
    const m = map[c]!;
    if (squeeze && squeezeSet[m] && m === prev) continue;
    res[n++] = m;
    prev = m;
  }
  out.o(latin1(res.subarray(0, n)));
  return 0;
});

export const toolCommands: DmshCommand[] = [ls, blockdev, tr];
export { terminalWidth } from "./ls.ts";
