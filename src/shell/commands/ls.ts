/**
 * busybox's ls (coreutils/ls.c, busybox 1.35 as Debian 12 builds it), over dmsh's file systems.
 *
 *     ls [-1AaCxdLHRFplngshrSXvk] [-w WIDTH] [FILE]...
 *
 * Output as ls.c prints it: names in columns on a terminal (column width = longest name + 2, in
 * one column less than the terminal has), one per line otherwise; `-l` lines
 * `%-10s %4lu %-8s %-8s %9llu DATE NAME` (devices `%4u, %3u` for the size), with numeric user
 * and group ids as the reference machine has no /etc/passwd (`0        6       `); `-s`
 * allocated KiB `%6u ` first; `total N` (KiB, rounded up) before a directory's entries with `-l`
 * or `-s`; `-R` recurses with `DIR:` headings. Options that select a layout cancel each other
 * as in ls.c's getopt32 spec (`-C` clears `-x` and `-l`, `-l` clears `-C` and `-x`, ...).
 *
 * Stat fields follow Debian's 6.1 VM (no udev): block devices in /dev are `brw-------` root:root
 * (devtmpfs), dmsetup's /dev/mapper nodes `brw-rw----` root:disk (gid 6), character devices have
 * their Linux numbers (control 10:236, null 1:3...). A directory has 2 + subdirectories links;
 * regular files allocate whole 4 KiB pages (tmpfs), sysfs and device nodes none. Every file's
 * time is the epoch (`Jan  1 00:00`): dmsh keeps no file times.
 *
 * Not modelled: inode numbers (-i), time sorts (-t, -c, -u), symlinks (dmsh has none, so -L and
 * -H change nothing; /sys/block's entries are directories here, links on Linux), --color and the
 * other long options.
 */

import type { BlockDevice } from "../../engine/index.ts";
import type { DevFs } from "../devfs.ts";
import { STDOUT_VAR } from "../rewrite.ts";
import { TTY_DIR } from "../tty.ts";
import { strerrorOf, utf8Bytes } from "../util.ts";
import { command } from "./command.ts";

const BUSYBOX = "BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.\n\n";
const USAGE =
  BUSYBOX +
  "Usage: ls [-1AaCxdLHRFplinshrSXvctu] [-w WIDTH] [FILE]...\n\n" +
  "List directory contents\n" +
  "\n" +
  "\t-1\tOne column output\n" +
  "\t-a\tInclude names starting with .\n" +
  "\t-A\tLike -a, but exclude . and ..\n" +
  "\t-x\tList by lines\n" +
  "\t-d\tList directory names, not contents\n" +
  "\t-L\tFollow symlinks\n" +
  "\t-H\tFollow symlinks on command line\n" +
  "\t-R\tRecurse\n" +
  "\t-p\tAppend / to directory names\n" +
  "\t-F\tAppend indicator (one of */=@|) to names\n" +
  "\t-l\tLong format\n" +
  "\t-i\tList inode numbers\n" +
  "\t-n\tList numeric UIDs and GIDs instead of names\n" +
  "\t-s\tList allocated blocks\n" +
  "\t-lc\tList ctime\n" +
  "\t-lu\tList atime\n" +
  "\t--full-time\tList full date/time\n" +
  "\t-h\tHuman readable sizes (1K 243M 2G)\n" +
  "\t--group-directories-first\n" +
  "\t-S\tSort by size\n" +
  "\t-X\tSort by extension\n" +
  "\t-v\tSort by version\n" +
  "\t-t\tSort by mtime\n" +
  "\t-tc\tSort by ctime\n" +
  "\t-tu\tSort by atime\n" +
  "\t-r\tReverse sort order\n" +
  "\t-w N\tFormat N columns wide\n" +
  "\t--color[={always,never,auto}]\n";
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

/** Character devices' numbers on Linux (drivers/char/mem.c, misc minors of dm and loop). */
const CHAR_RDEV: Record<string, [number, number]> = {
  null: [1, 3],
  zero: [1, 5],
  random: [1, 8],
  urandom: [1, 9],
  control: [10, 236],
  "loop-control": [10, 237],
};

/** One file as ls sees it (ls.c struct dnode). */
interface Dnode {
  /** As shown: the operand as typed, or the name in its directory. */
  name: string;
  /** ls.c's fullname: the operand as typed, or its directory's fullname and the name. */
  fullname: string;
  /** Absolute path to read it by. */
  full: string;
  mode: number;
  nlink: number;
  gid: number;
  size: number;
  /** st_blocks: 512-byte units. */
  blocks: number;
  rdev: [number, number] | null;
}

const S_IFMT = 0o170000;
const S_IFDIR = 0o040000;
const S_IFREG = 0o100000;
const S_IFBLK = 0o060000;
const S_IFCHR = 0o020000;
const isDir = (d: Dnode) => (d.mode & S_IFMT) === S_IFDIR;

/** bb_mode_string. */
function modeString(mode: number): string {
  const type = { [S_IFDIR]: "d", [S_IFBLK]: "b", [S_IFCHR]: "c", [S_IFREG]: "-" }[mode & S_IFMT];
  let s = type ?? "?";
  for (let i = 8; i >= 0; i--) s += mode & (1 << i) ? "rwxrwxrwx"[8 - i] : "-";
  return s;
}

/** make_human_readable_str(val, blockSize, 0): `5.0K`, `1.0M`; no fraction when blockSize is 0. */
function humanReadable(val: number, blockSize: number): string {
  if (val === 0) return "0";
  const units = ["", "K", "M", "G", "T", "P", "E"];
  let u = 0;
  let frac = 0;
  while (val >= 1024) {
    u++;
    frac = Math.floor(((val % 1024) * 10 + 512) / 1024);
    val = Math.floor(val / 1024);
  }
  if (frac >= 10) {
    val++;
    frac = 0;
  }
  if (u === 0) return String(val);
  if (blockSize === 0) return `${frac >= 5 ? val + 1 : val}${units[u]}`;
  return `${val}.${frac}${units[u]}`;
}

/** glibc strverscmp, for -v: digit runs compare as numbers (runs with leading zeros as fractions). */
function strverscmp(a: string, b: string): number {
  const re = /(\d+|\D+)/g;
  const pa = a.match(re) ?? [];
  const pb = b.match(re) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i]!;
    const y = pb[i]!;
    if (x === y) continue;
    const dx = /^\d/.test(x);
    const dy = /^\d/.test(y);
    if (dx && dy && !x.startsWith("0") && !y.startsWith("0")) {
      if (x.length !== y.length) return x.length - y.length;
    }
    return x < y ? -1 : 1;
  }
  return pa.length - pb.length;
}

type Flag =
  | "1"
  | "A"
  | "a"
  | "C"
  | "x"
  | "d"
  | "L"
  | "H"
  | "R"
  | "F"
  | "p"
  | "l"
  | "n"
  | "g"
  | "s"
  | "h"
  | "r"
  | "S"
  | "X"
  | "v"
  | "k";
const FLAGS = new Set("1AaCxdLHRFplngshrSXvk");
/** ls.c's getopt32 spec: an option clears the ones it overrides; -n and -g imply -l. */
const CLEARS: Partial<Record<Flag, Flag[]>> = {
  C: ["x", "l", "1"],
  x: ["C", "l", "1"],
  l: ["x", "C"],
  "1": ["C", "x"],
  L: ["H"],
  H: ["L"],
};

export const ls = command("ls", async (args, { shell, ctx, out, path }) => {
  const opt = new Set<Flag>();
  let width: number | null = null;
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "--") {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (!a.startsWith("-") || a === "-") {
      operands.push(a);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j]!;
      if (c === "w") {
        const v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
        if (v === undefined) {
          out.e(`ls: option requires an argument -- 'w'\n${USAGE}`);
          return 1;
        }
        if (!/^\d+$/.test(v)) {
          out.e(`ls: invalid number '${v}'\n`);
          return 1;
        }
        width = Number(v);
        break;
      }
      if (!FLAGS.has(c) || a.startsWith("--")) {
        out.e(
          a.startsWith("--")
            ? `ls: unrecognized option '${a}'\n${USAGE}`
            : `ls: invalid option -- '${c}'\n${USAGE}`,
        );
        return 1;
      }
      const f = c as Flag;
      for (const x of CLEARS[f] ?? []) opt.delete(x);
      opt.add(f);
      if (f === "n" || f === "g") {
        opt.delete("x");
        opt.delete("C");
        opt.add("l");
      }
    }
  }
  if (opt.has("d")) opt.delete("R");
  const long = opt.has("l");
  if (!long && !opt.has("1") && !opt.has("x") && !opt.has("C")) {
    const tty = (ctx.env.get(STDOUT_VAR) ?? "").startsWith(TTY_DIR + "/");
    opt.add(tty ? "C" : "1");
  }
  const lineWidth = width ?? terminalWidth(ctx.env.get("COLUMNS")) - 1;

  const devfs: DevFs = shell.devfs;
  const myStat = async (fullname: string, name: string): Promise<Dnode | null> => {
    const full = path(fullname);
    let st;
    try {
      st = await shell.fs.stat(full);
    } catch (e) {
      out.e(`ls: ${fullname}: ${strerrorOf(e)}\n`);
      return null;
    }
    const node = full.startsWith("/dev/") ? devfs.node(full.slice(4)) : undefined;
    let mode = st.mode;
    let gid = 0;
    let rdev: [number, number] | null = null;
    let bdev: BlockDevice | undefined;
    if (node?.kind === "block") {
      bdev = node.bdev;
      // devtmpfs makes nodes 0600 root:root; dmsetup mknods its own 0660 root:disk.
      const mapper = full.startsWith("/dev/mapper/");
      mode = S_IFBLK | (mapper ? 0o660 : 0o600);
      gid = mapper ? 6 : 0;
      rdev = [bdev.major, bdev.minor];
    } else if (node?.kind === "char") {
      mode = S_IFCHR | (node.name === "control" ? 0o600 : mode & 0o777);
      rdev = CHAR_RDEV[node.name] ?? [0, 0];
    } else if (!st.isDirectory) mode = S_IFREG | (mode & 0o7777);
    else mode = S_IFDIR | (mode & 0o7777);
    let nlink = 1;
    if (st.isDirectory) {
      nlink = 2;
      try {
        for (const n of await shell.fs.readdir(full)) {
          const sub = await shell.fs.stat(`${full.replace(/\/$/, "")}/${n}`).catch(() => null);
          if (sub?.isDirectory) nlink++;
        }
      } catch {
        // An unreadable directory still lists.
      }
    }
    // tmpfs allocates whole pages; sysfs, procfs and device nodes allocate nothing.
    const pseudo = /^\/(sys|proc)(\/|$)/.test(full) || rdev !== null || st.isDirectory;
    const blocks = pseudo ? 0 : Math.ceil(st.size / 4096) * 8;
    let size = st.size;
    if (rdev !== null || /^\/proc\//.test(full)) size = 0;
    else if (st.isDirectory && !/^\/(sys|proc)(\/|$)/.test(full)) {
      // tmpfs counts BOGO_DIRENT_SIZE (20) bytes per entry, "." and ".." included.
      size = 20 * (2 + (await shell.fs.readdir(full).catch(() => [])).length);
    }
    return {
      name,
      fullname,
      full,
      mode,
      nlink,
      gid,
      size,
      blocks,
      rdev,
    };
  };

  const sortcmp = (a: Dnode, b: Dnode): number => {
    let dif = 0;
    if (opt.has("S")) dif = b.size - a.size;
    else if (opt.has("v")) dif = strverscmp(a.name, b.name);
    else if (opt.has("X")) {
      const ext = (n: string) => (n.includes(".") ? n.slice(n.indexOf(".")) : "");
      const x = ext(a.name);
      const y = ext(b.name);
      dif = x < y ? -1 : x > y ? 1 : 0;
    }
    if (dif === 0) dif = a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
    return opt.has("r") ? -dif : dif;
  };

  const appendChar = (d: Dnode): string => {
    if (!opt.has("F") && !opt.has("p")) return "";
    if (isDir(d)) return "/";
    if (!opt.has("F")) return "";
    if ((d.mode & S_IFMT) === S_IFREG && d.mode & 0o111) return "*";
    return "";
  };

  /** display_single: the entry, and the columns it took. */
  const single = (d: Dnode): string => {
    let s = "";
    if (opt.has("s")) s += `${String(d.blocks >> 1).padStart(6)} `;
    if (long) {
      s += `${modeString(d.mode).padEnd(10)} ${String(d.nlink).padStart(4)} `;
      // -n prints ids; without it, names, but the reference machine has no /etc/passwd or
      // /etc/group, so the names are the ids too. Every file belongs to root (uid 0).
      s += opt.has("g")
        ? `${String(d.gid).padEnd(8)} `
        : `${"0".padEnd(8)} ${String(d.gid).padEnd(8)} `;
      if (d.rdev) s += `${String(d.rdev[0]).padStart(4)}, ${String(d.rdev[1]).padStart(3)} `;
      else if (opt.has("h")) s += `${humanReadable(d.size, 1).padStart(7)} `;
      else s += `${String(d.size).padStart(9)} `;
      s += "Jan  1 00:00 ";
    }
    return s + d.name + appendChar(d);
  };

  const displayFiles = (list: Dnode[]) => {
    list.sort(sortcmp);
    if (list.length === 0) return;
    let ncols = 1;
    let columnWidth = 0;
    if (!long && !opt.has("1")) {
      for (const d of list) columnWidth = Math.max(columnWidth, d.name.length);
      // ls.c adds 5 for -s although "%6u " takes 7.
      columnWidth += 2 + (opt.has("s") ? 5 : 0);
      ncols = Math.floor(lineWidth / columnWidth);
    }
    let nrows = list.length;
    if (ncols > 1) nrows = Math.ceil(list.length / ncols);
    else ncols = 1;
    let text = "";
    for (let row = 0; row < nrows; row++) {
      let column = 0;
      let nexttab = 0;
      for (let nc = 0; nc < ncols; nc++) {
        const i = opt.has("x") ? row * ncols + nc : nc * nrows + row;
        if (i >= list.length) continue;
        if (column > 0) {
          text += " ".repeat(Math.max(0, nexttab - column));
          column = nexttab;
        }
        nexttab = column + columnWidth;
        const s = single(list[i]!);
        text += s;
        column += s.length;
      }
      text += "\n";
    }
    out.o(utf8Bytes(text));
  };

  let status = 0;
  const scanDir = async (d: Dnode): Promise<Dnode[] | null> => {
    let names: string[];
    try {
      names = await shell.fs.readdir(d.full);
    } catch (e) {
      out.e(`ls: ${d.fullname}: ${strerrorOf(e)}\n`);
      status = 1;
      return null;
    }
    const all = opt.has("a") ? [".", "..", ...names] : names;
    const list: Dnode[] = [];
    for (const n of all) {
      if (n.startsWith(".") && !opt.has("a") && !opt.has("A")) continue;
      const e = await myStat(`${d.fullname.replace(/\/$/, "")}/${n}`, n);
      if (e) list.push(e);
    }
    return list;
  };

  const showDirname = operands.length > 1;
  const recur = async (dirs: Dnode[], first: boolean) => {
    for (const d of dirs) {
      if (showDirname || opt.has("R")) {
        out.o(utf8Bytes(`${first ? "" : "\n"}${d.name}:\n`));
        first = false;
      }
      const list = await scanDir(d);
      if (long || opt.has("s")) {
        const kib = Math.floor((1 + (list ?? []).reduce((n, e) => n + e.blocks, 0)) / 2);
        out.o(
          utf8Bytes(
            opt.has("h") ? `total ${humanReadable(kib * 1024, 0).padEnd(7)}\n` : `total ${kib}\n`,
          ),
        );
      }
      if (!list || list.length === 0) continue;
      displayFiles(list);
      if (opt.has("R")) {
        const subs = list.filter((e) => isDir(e) && e.name !== "." && e.name !== "..");
        for (const s of subs) s.name = s.fullname;
        subs.sort(sortcmp);
        await recur(subs, false);
      }
    }
  };

  const nodes: Dnode[] = [];
  for (const op of operands.length ? operands : ["."]) {
    const e = await myStat(op, op);
    if (e) nodes.push(e);
    else status = 1;
  }
  if (opt.has("d")) displayFiles(nodes);
  else {
    const files = nodes.filter((n) => !isDir(n));
    const dirs = nodes.filter(isDir);
    displayFiles(files);
    dirs.sort(sortcmp);
    await recur(dirs, files.length === 0);
  }
  return status;
});
