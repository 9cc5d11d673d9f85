/**
 * busybox's ls, blockdev and tr, as the reference machine has them (busybox 1.35, Debian).
 * just-bash has its own ls and tr; these replace them where dm users see the difference: ls
 * lays names out in columns on a terminal, tr understands octal escapes (`tr '\000' '\132'`).
 */

import { initBlockSize } from "../../engine/blockdev.ts";
import { isLoopDevice, isMappedDevice, type BlockDevice } from "../../engine/index.ts";
import { openPath } from "../files.ts";
import { STDOUT_VAR } from "../rewrite.ts";
import { TTY_DIR } from "../tty.ts";
import { bytesOf, latin1, strerrorOf, utf8Bytes } from "../util.ts";
import { command, getopt, type DmshCommand } from "./command.ts";

const BUSYBOX = "BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.\n\n";
/** The serial console of the reference machine reports no size; busybox then assumes 80. */
const TERMINAL_WIDTH = 80;

/**
 * busybox's get_terminal_width (libbb/xfuncs.c wh_helper): COLUMNS, read with atoi, overrides
 * the terminal's size; a value of 1 or less, or 30000 and more, means the default, 80. The
 * console sets COLUMNS to its width (DmShell.setColumns); scripts see 80.
 */
export function terminalWidth(columns: string | undefined): number {
  const n = columns === undefined ? 0 : Number(/^\s*[+-]?\d+/.exec(columns)?.[0] ?? 0);
  return n <= 1 || n >= 30000 ? TERMINAL_WIDTH : n;
}

interface Entry {
  name: string;
  dir: boolean;
  mode: number;
  size: number;
  bdev?: BlockDevice | undefined;
}

function modeString(e: Entry): string {
  const type = e.dir ? "d" : e.bdev ? "b" : (e.mode & 0o170000) === 0o020000 ? "c" : "-";
  const perm = e.mode & 0o777;
  let s = type;
  for (let i = 8; i >= 0; i--) s += perm & (1 << i) ? "rwxrwxrwx"[8 - i] : "-";
  return s;
}

export const ls = command("ls", async (args, { shell, ctx, out, path }) => {
  const p = getopt(
    args,
    {
      long: {},
      short: {
        "1": ["one", false],
        a: ["all", false],
        A: ["almost", false],
        d: ["dir", false],
        l: ["long", false],
        C: ["columns", false],
        x: ["across", false],
        F: ["classify", false],
        h: ["human", false],
        r: ["reverse", false],
      },
    },
    "ls",
  );
  if (!p.ok) {
    out.e(
      p.error +
        BUSYBOX +
        "Usage: ls [-1AaCxdLHRFplinshrSXvctu] [-w WIDTH] [FILE]...\n\nList directory contents\n",
    );
    return 1;
  }
  const o = p.opts;
  const tty = (ctx.env.get(STDOUT_VAR) ?? "").startsWith(TTY_DIR + "/");
  const long = o.has("long");
  const oneCol = o.has("one") || long || (!tty && !o.has("columns") && !o.has("across"));
  const showAll = o.has("all") || o.has("almost");
  const operands = p.operands.length ? p.operands : ["."];
  let status = 0;
  const files: Entry[] = [];
  const dirs: Array<{ shown: string; abs: string }> = [];
  const stat = async (abs: string, name: string): Promise<Entry | null> => {
    try {
      const st = await shell.fs.stat(abs);
      const b = abs.startsWith("/dev/") ? shell.devfs.node(abs.slice(4)) : undefined;
      return {
        name,
        dir: st.isDirectory,
        mode: st.mode,
        size: st.size,
        bdev: b?.kind === "block" ? b.bdev : undefined,
      };
    } catch {
      return null;
    }
  };
  for (const op of operands) {
    const abs = path(op);
    const e = await stat(abs, op);
    if (!e) {
      out.e(`ls: ${op}: No such file or directory\n`);
      status = 1;
      continue;
    }
    if (e.dir && !o.has("dir")) dirs.push({ shown: op, abs });
    else files.push(e);
  }
  const sortEntries = (l: Entry[]) => {
    l.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    if (o.has("reverse")) l.reverse();
  };
  const show = (entries: Entry[]) => {
    if (entries.length === 0) return;
    if (long) {
      for (const e of entries) {
        const size = e.bdev
          ? `${String(e.bdev.major).padStart(3)}, ${String(e.bdev.minor).padStart(3)}`
          : String(e.size).padStart(8);
        const group = e.bdev ? "disk    " : "root    ";
        out.o(
          utf8Bytes(
            `${modeString(e)}    1 root     ${group} ${size} Jan  1 00:00 ${e.name}${o.has("classify") && e.dir ? "/" : ""}\n`,
          ),
        );
      }
      return;
    }
    const names = entries.map((e) => e.name + (o.has("classify") && e.dir ? "/" : ""));
    if (oneCol) {
      out.o(utf8Bytes(names.map((n) => n + "\n").join("")));
      return;
    }
    // busybox display_files: column width = longest name + 2, filled column by column, in
    // one column less than the terminal has (ls_main: "go one less...").
    const width = Math.max(...names.map((n) => n.length)) + 2;
    const lineWidth = terminalWidth(ctx.env.get("COLUMNS")) - 1;
    let ncols = Math.max(1, Math.floor(lineWidth / width));
    let nrows = Math.ceil(names.length / ncols);
    if (ncols <= 1) {
      ncols = 1;
      nrows = names.length;
    }
    let text = "";
    for (let row = 0; row < nrows; row++) {
      let column = 0;
      let nexttab = 0;
      for (let nc = 0; nc < ncols; nc++) {
        const i = o.has("across") ? row * ncols + nc : nc * nrows + row;
        if (i >= names.length) continue;
        if (column > 0) {
          text += " ".repeat(nexttab - column);
          column = nexttab;
        }
        nexttab = column + width;
        text += names[i];
        column += names[i]!.length;
      }
      text += "\n";
    }
    out.o(utf8Bytes(text));
  };
  sortEntries(files);
  show(files);
  dirs.sort((a, b) => (a.shown < b.shown ? -1 : a.shown > b.shown ? 1 : 0));
  const headings = operands.length > 1;
  for (const [i, d] of dirs.entries()) {
    if (headings) out.o(utf8Bytes(`${files.length > 0 || i > 0 ? "\n" : ""}${d.shown}:\n`));
    let names: string[];
    try {
      names = await shell.fs.readdir(d.abs);
    } catch (e) {
      out.e(`ls: ${d.shown}: ${strerrorOf(e)}\n`);
      status = 1;
      continue;
    }
    const entries: Entry[] = [];
    if (o.has("all"))
      entries.push(
        { name: ".", dir: true, mode: 0o40755, size: 0 },
        { name: "..", dir: true, mode: 0o40755, size: 0 },
      );
    for (const n of names) {
      if (n.startsWith(".") && !showAll) continue;
      const e = await stat(`${d.abs.replace(/\/$/, "")}/${n}`, n);
      if (e) entries.push(e);
    }
    sortEntries(entries);
    show(entries);
  }
  return status;
});

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
