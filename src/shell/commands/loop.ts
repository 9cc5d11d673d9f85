/**
 * Files and loop devices, as tutorials start: busybox's `truncate`, util-linux's `fallocate`,
 * `losetup` and `lsblk` (util-linux 2.38, Debian 12, as the reference machine has them).
 *
 *     truncate -s 64M /tmp/disk.img         # a sparse file (sparsefs.ts)
 *     losetup -f --show /tmp/disk.img       # /dev/loop0 (engine/loop.ts), usable in tables
 *     lsblk                                 # the tree of loop and dm devices
 */

import {
  DmError,
  ShmemSizeError,
  checkShmemSize,
  isLoopDevice,
  isMappedDevice,
  strerror,
  type BlockDevice,
  type Engine,
  type LoopDevice,
} from "../../engine/index.ts";
import type { DmShell } from "../index.ts";
import { kernfsOrder, holdersOf, slavesOf, sysBlockDevices } from "../sysfs.ts";
import { FsError, errnoOf, strerrorOf } from "../util.ts";
import { command, getopt, type DmshCommand } from "./command.ts";

const BUSYBOX = "BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.\n\n";

/** busybox's kmg_i_suffixes (xatoull_sfx): K/M/G are 1024-based, KB/MB/GB 1000-based. */
const KMG_I: Record<string, bigint> = {
  "": 1n,
  KiB: 1024n,
  kiB: 1024n,
  K: 1024n,
  k: 1024n,
  MiB: 1n << 20n,
  miB: 1n << 20n,
  M: 1n << 20n,
  m: 1n << 20n,
  GiB: 1n << 30n,
  giB: 1n << 30n,
  G: 1n << 30n,
  g: 1n << 30n,
  KB: 1000n,
  kB: 1000n,
  MB: 1000000n,
  mB: 1000000n,
  GB: 1000000000n,
  gB: 1000000000n,
};

/** busybox xatoull_sfx: digits and one suffix; null when invalid or past 2^64 - 1. */
function bbSize(s: string): bigint | null {
  const m = /^(\d+)(.*)$/.exec(s);
  if (!m) return null;
  const mult = KMG_I[m[2]!];
  if (mult === undefined) return null;
  const v = BigInt(m[1]!) * mult;
  return v > (1n << 64n) - 1n ? null : v;
}

/** util-linux strtosize: K, M, G, T, P, E (Z, Y overflow) with optional iB; B alone: 1000s. */
export function utilSize(s: string): bigint | null {
  const m = /^(\d+)(?:([KMGTPEZYkmgtpezy])(iB|B)?)?$/.exec(s.trim());
  if (!m) return null;
  let v = BigInt(m[1]!);
  if (m[2]) {
    const exp = "KMGTPEZY".indexOf(m[2].toUpperCase()) + 1;
    const base = m[3] === "B" ? 1000n : 1024n;
    v *= base ** BigInt(exp);
  }
  return v > (1n << 64n) - 1n ? null : v;
}

const TRUNCATE_USAGE =
  BUSYBOX +
  "Usage: truncate [-c] -s SIZE FILE...\n\nTruncate FILEs to SIZE\n\n\t-c\tDo not create files\n\t-s SIZE\n";

/** The message a size this project cannot store gets (Linux's tmpfs would take it). */
function tooLarge(prog: string, path: string, err: ShmemSizeError): string {
  return `${prog}: ${path}: ${err.message}\n`;
}

export const truncate = command("truncate", async (args, { shell, out, path }) => {
  let noCreate = false;
  let size: string | null = null;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "-c") noCreate = true;
    else if (a === "-s") {
      if (i + 1 >= args.length) {
        out.e(TRUNCATE_USAGE);
        return 1;
      }
      size = args[++i]!;
    } else if (a.startsWith("-s") && a.length > 2) size = a.slice(2);
    else if (a === "-cs" && i + 1 < args.length) {
      noCreate = true;
      size = args[++i]!;
    } else files.push(a);
  }
  if (size === null || files.length === 0) {
    out.e(TRUNCATE_USAGE);
    return 1;
  }
  const v = bbSize(size);
  if (v === null) {
    out.e(`truncate: invalid number '${size}'\n`);
    return 1;
  }
  let status = 0;
  for (const f of files) {
    const p = path(f);
    try {
      if (noCreate && !(await shell.files.exists(p))) continue;
      const n = checkShmemSize(v);
      const file = await shell.files.shmem(p, true);
      file.truncate(n);
    } catch (err) {
      status = 1;
      if (err instanceof ShmemSizeError) out.e(tooLarge("truncate", f, err));
      else out.e(`truncate: ${f}: open: ${strerrorOf(err)}\n`);
    }
  }
  return status;
});

export const fallocate = command("fallocate", async (args, { shell, out, path }) => {
  const p = getopt(
    args,
    {
      long: {
        length: true,
        offset: true,
        "keep-size": false,
        "punch-hole": false,
        "zero-range": false,
        "dig-holes": false,
        "collapse-range": false,
        "insert-range": false,
        posix: false,
        verbose: false,
      },
      short: {
        l: ["length", true],
        o: ["offset", true],
        n: ["keep-size", false],
        p: ["punch-hole", false],
        z: ["zero-range", false],
        d: ["dig-holes", false],
        c: ["collapse-range", false],
        i: ["insert-range", false],
        x: ["posix", false],
        v: ["verbose", false],
      },
    },
    "fallocate",
  );
  if (!p.ok) {
    out.e(p.error);
    return 1;
  }
  const lenArg = p.opts.get("length")?.at(-1);
  const offArg = p.opts.get("offset")?.at(-1);
  const dig = p.opts.has("dig-holes");
  let length = 0n;
  if (lenArg !== undefined) {
    const v = utilSize(lenArg);
    if (v === null || v === 0n) {
      out.e("fallocate: invalid length value specified\n");
      return 1;
    }
    length = v;
  }
  let offset = 0n;
  if (offArg !== undefined) {
    const v = utilSize(offArg);
    if (v === null) {
      out.e("fallocate: invalid offset value specified\n");
      return 1;
    }
    offset = v;
  }
  if (lenArg === undefined && !dig) {
    out.e("fallocate: no length argument specified\n");
    return 1;
  }
  const name = p.operands[0];
  if (name === undefined) {
    out.e("fallocate: no filename specified\n");
    return 1;
  }
  const fp = path(name);
  let file;
  try {
    file = await shell.files.shmem(fp, !p.opts.has("punch-hole") && !dig);
  } catch (err) {
    out.e(`fallocate: cannot open ${name}: ${strerrorOf(err)}\n`);
    return 1;
  }
  try {
    const end = checkShmemSize(offset + length);
    const off = Number(offset);
    if (p.opts.has("punch-hole") || p.opts.has("zero-range")) {
      file.zero(off, Math.max(0, Math.min(end, file.size) - off));
      if (p.opts.has("zero-range") && !p.opts.has("keep-size") && end > file.size)
        file.truncate(end);
    } else if (!dig && !p.opts.has("keep-size") && end > file.size) {
      // Allocation itself is not modelled: the space reads as zeros either way.
      file.truncate(end);
    }
  } catch (err) {
    if (err instanceof ShmemSizeError) {
      out.e(tooLarge("fallocate", name, err));
      return 1;
    }
    throw err;
  }
  return 0;
});

// ---- losetup ---------------------------------------------------------------------------------

/** The loop module, loaded on first use (Debian's /dev/loop-control autoloads it). */
function loopControl(e: Engine): Engine["loop"] {
  if (!e.loop.loaded) {
    e.loop.load();
    e.modules.noteLoaded("loop");
  }
  return e.loop;
}

/** Loop devices in /sys/block order (kernfs), as losetup walks them. */
function sysfsLoops(shell: DmShell): LoopDevice[] {
  const loops = loopControl(shell.engine).list();
  const byName = new Map(loops.map((l) => [l.name, l]));
  return kernfsOrder(loops.map((l) => l.name)).map((n) => byName.get(n)!);
}

/** "/dev/loop0: [0002]:394 (/tmp/disk.img), offset N, sizelimit N" (losetup -a). */
function infoLine(shell: DmShell, lo: LoopDevice): string {
  let s = `/dev/${lo.name}: [0002]:${lo.inode} (${lo.backingFile})`;
  if (lo.offset) s += `, offset ${lo.offset}`;
  if (lo.sizelimit) s += `, sizelimit ${lo.sizelimit}`;
  return `${s}\n`;
}

/** libsmartcols' plain table: columns as wide as their widest cell, one space apart. */
export function table(
  header: string[],
  rows: string[][],
  right: boolean[],
  noHeadings = false,
): string {
  // Headings count in the widths even when they are not printed.
  const widths = header.map((_, c) => Math.max(...[header, ...rows].map((r) => r[c]!.length)));
  return (noHeadings ? rows : [header, ...rows])
    .map(
      (r) =>
        r
          .map((cell, c) => {
            // The last column is not padded (libsmartcols).
            if (right[c]) return cell.padStart(widths[c]!);
            return c === r.length - 1 ? cell : cell.padEnd(widths[c]!);
          })
          .join(" ") + "\n",
    )
    .join("");
}

function listTable(shell: DmShell, loops: LoopDevice[], noHeadings: boolean): string {
  const rows = loops.map((lo) => [
    `/dev/${lo.name}`,
    String(lo.sizelimit),
    String(lo.offset),
    lo.autoclear ? "1" : "0",
    lo.readOnly ? "1" : "0",
    lo.backingFile,
    "0",
    "512",
  ]);
  return table(
    ["NAME", "SIZELIMIT", "OFFSET", "AUTOCLEAR", "RO", "BACK-FILE", "DIO", "LOG-SEC"],
    rows,
    [false, true, true, true, true, false, true, true],
    noHeadings,
  );
}

function loopByPath(shell: DmShell, p: string): LoopDevice | undefined {
  const d = shell.engine.lookup(p);
  return isLoopDevice(d) ? d : undefined;
}

export const losetup = command("losetup", async (args, { shell, out, path }) => {
  const p = getopt(
    args,
    {
      long: {
        all: false,
        detach: false,
        "detach-all": false,
        find: false,
        offset: true,
        sizelimit: true,
        "read-only": false,
        show: false,
        list: false,
        noheadings: false,
        partscan: false,
        "direct-io": false,
        "sector-size": true,
        "set-capacity": false,
        verbose: false,
      },
      short: {
        a: ["all", false],
        d: ["detach", false],
        D: ["detach-all", false],
        f: ["find", false],
        o: ["offset", true],
        r: ["read-only", false],
        l: ["list", false],
        n: ["noheadings", false],
        P: ["partscan", false],
        b: ["sector-size", true],
        c: ["set-capacity", false],
        v: ["verbose", false],
      },
    },
    "losetup",
  );
  if (!p.ok) {
    out.e(p.error);
    return 1;
  }
  const e = shell.engine;
  // /dev/loop-control and /dev/loopN autoload the module, as on Debian.
  loopControl(e);
  const ops = p.operands;
  const has = (k: string): boolean => p.opts.has(k);
  if (has("set-capacity")) {
    let status = 0;
    for (const a of ops) {
      const lo = loopByPath(shell, path(a));
      try {
        if (!lo) throw new DmError("ENXIO");
        loopControl(e).setCapacity(lo);
      } catch (err) {
        status = 1;
        const why = err instanceof DmError ? strerror(err.errno) : strerrorOf(err);
        out.e(`losetup: ${a}: set capacity failed: ${why}\n`);
      }
    }
    return status;
  }
  if (has("detach-all")) {
    for (const lo of sysfsLoops(shell)) if (lo.bound) e.loop.clear(lo);
    return 0;
  }
  if (has("detach")) {
    let status = 0;
    for (const a of ops) {
      const lo = loopByPath(shell, path(a));
      try {
        if (!lo) throw new DmError("ENXIO");
        loopControl(e).clear(lo);
      } catch (err) {
        status = 1;
        const why =
          err instanceof DmError ? strerror(err.errno) : strerrorOf({ code: errnoOf(err) });
        out.e(`losetup: ${a}: detach failed: ${why}\n`);
      }
    }
    return status;
  }
  const bound = (): LoopDevice[] => sysfsLoops(shell).filter((l) => l.bound);
  if (has("all")) {
    for (const lo of bound()) out.o(infoLine(shell, lo));
    return 0;
  }
  if (has("list") || (ops.length === 0 && !has("find"))) {
    const which =
      ops.length > 0
        ? ops.map((a) => loopByPath(shell, path(a))).filter((l): l is LoopDevice => !!l?.bound)
        : bound();
    if (which.length) out.o(listTable(shell, which, has("noheadings")));
    return 0;
  }
  const parse = (k: string, what: string): number | null | undefined => {
    const v = p.opts.get(k)?.at(-1);
    if (v === undefined) return undefined;
    const n = utilSize(v);
    if (n === null || n > BigInt(Number.MAX_SAFE_INTEGER)) {
      out.e(`losetup: failed to parse ${what}: '${v}'\n`);
      return null;
    }
    return Number(n);
  };
  const offset = parse("offset", "offset");
  const sizelimit = parse("sizelimit", "size limit");
  if (offset === null || sizelimit === null) return 1;
  let lo: LoopDevice | undefined;
  let file: string | undefined;
  if (has("find")) {
    if (ops.length === 0) {
      try {
        out.o(`/dev/${loopControl(e).getFree().name}\n`);
        return 0;
      } catch {
        out.e("losetup: cannot find an unused loop device: No such device\n");
        return 1;
      }
    }
    file = ops[0];
  } else {
    if (ops.length === 1) {
      const one = loopByPath(shell, path(ops[0]!));
      if (!one || !one.bound) {
        out.e(`losetup: ${ops[0]}: No such file or directory\n`);
        return 1;
      }
      out.o(infoLine(shell, one));
      return 0;
    }
    lo = loopByPath(shell, path(ops[0]!));
    file = ops[1];
    if (!lo) {
      out.e(`losetup: ${ops[0]}: failed to set up loop device: No such file or directory\n`);
      return 1;
    }
  }
  const fp = path(file!);
  try {
    const st = await shell.files.stat(fp);
    if (st.isDirectory) throw new FsError("EISDIR", "open", fp);
    const shm = await shell.files.shmem(fp, false);
    const dev = lo ?? loopControl(e).getFree();
    e.loop.configure(dev, shm, fp, {
      offset: offset ?? 0,
      sizelimit: sizelimit ?? 0,
      readOnly: has("read-only"),
      inode: shell.files.ino(fp),
    });
    if (has("show")) out.o(`/dev/${dev.name}\n`);
    return 0;
  } catch (err) {
    const why =
      err instanceof DmError ? strerror(err.errno) : strerrorOf(err instanceof FsError ? err : err);
    out.e(`losetup: ${file}: failed to set up loop device: ${why}\n`);
    return 1;
  }
});

// ---- lsblk -----------------------------------------------------------------------------------

/** size_to_human_string(SIZE_SUFFIX_1LETTER): 16M, 1.5K, 512B. */
export function humanSize(bytes: bigint): string {
  const letters = "BKMGTPE";
  let exp = 0;
  for (let shft = 10; shft <= 60; shft += 10) {
    if (bytes < 1n << BigInt(shft)) break;
    exp = shft;
  }
  const c = letters[exp / 10]!;
  let dec = exp ? bytes >> BigInt(exp) : bytes;
  let frac = exp ? bytes & ((1n << BigInt(exp)) - 1n) : 0n;
  if (frac) {
    frac = (frac * 1000n) >> BigInt(exp);
    frac = ((frac + 50n) / 100n) * 10n;
    if (frac === 100n) {
      dec++;
      frac = 0n;
    }
  }
  if (frac) {
    let s = `${dec}.${String(frac).padStart(2, "0")}`;
    if (s.endsWith("0")) s = s.slice(0, -1);
    return `${s}${c}`;
  }
  return `${dec}${c}`;
}

function byDevno(a: BlockDevice, b: BlockDevice): number {
  return a.major - b.major || a.minor - b.minor;
}

/** lsblk's TYPE: loop, disk, or for dm the uuid's prefix before "-" (lvm, crypt...), else dm. */
function typeOf(b: BlockDevice): string {
  if (isLoopDevice(b)) return "loop";
  if (isMappedDevice(b)) {
    if (!b.uuid) return "dm";
    let prefix = b.uuid.split("-")[0]!;
    if (prefix.toLowerCase().startsWith("part")) prefix = prefix.slice(0, 4);
    return prefix.toLowerCase();
  }
  return "disk";
}

export const lsblk = command("lsblk", (args, { shell, out, path }) => {
  const p = getopt(
    args,
    {
      long: { all: false, bytes: false, noheadings: false, list: false, ascii: false },
      short: {
        a: ["all", false],
        b: ["bytes", false],
        n: ["noheadings", false],
        l: ["list", false],
        i: ["ascii", false],
      },
    },
    "lsblk",
  );
  if (!p.ok) {
    out.e(p.error);
    return 1;
  }
  const e = shell.engine;
  const all = p.opts.has("all");
  const list = p.opts.has("list");
  const devs = sysBlockDevices(shell.ctx);
  // RAM disks (major 1) are excluded by default, and with them what they hold up.
  const excluded = (b: BlockDevice): boolean => b.major === 1;
  const visible = (b: BlockDevice): boolean => !excluded(b) && (all || b.sizeSectors > 0);
  const rows: string[][] = [];
  const nameOf = (b: BlockDevice): string => (isMappedDevice(b) ? b.dmName : b.name);
  const walk = (b: BlockDevice, prefix: string, childPrefix: string): void => {
    const bytes = BigInt(b.sizeSectors) * 512n;
    rows.push([
      list ? nameOf(b) : `${prefix}${nameOf(b)}`,
      `${String(b.major).padStart(3)}:${String(b.minor).padEnd(3)}`,
      "0",
      p.opts.has("bytes") ? String(bytes) : humanSize(bytes),
      b.readOnly ? "1" : "0",
      typeOf(b),
      "",
    ]);
    if (list) return;
    const kids = holdersOf(e, b)
      .filter((h) => devs.includes(h) && visible(h))
      .sort(byDevno);
    kids.forEach((k, i) => {
      const last = i === kids.length - 1;
      walk(k, `${childPrefix}${last ? "`-" : "|-"}`, `${childPrefix}${last ? "  " : "| "}`);
    });
  };
  // Sorted by device number, as lsblk 2.38 sorts its tree.
  const sorted = [...devs].sort(byDevno);
  // What stands on an excluded device is not shown either (lsblk never reaches it).
  const reachable = (b: BlockDevice): boolean =>
    visible(b) && (!isMappedDevice(b) || slavesOf(e, b).every(reachable));
  // Devices named on the command line (RAM disks too): their trees only, by device number.
  if (p.operands.length) {
    const named: BlockDevice[] = [];
    for (const a of p.operands) {
      const b = e.lookup(path(a));
      if (!b || !devs.includes(b)) {
        out.e(`lsblk: ${a}: not a block device\n`);
        return 32;
      }
      named.push(b);
    }
    for (const b of named.sort(byDevno)) walk(b, "", "");
  }
  for (const b of p.operands.length ? [] : sorted) {
    if (!reachable(b)) continue;
    // Top level: devices that hold nothing (no slaves); the list mode shows each device once.
    if (!list && isMappedDevice(b) && slavesOf(e, b).length > 0) continue;
    walk(b, "", "");
  }
  if (rows.length === 0) return 0;
  out.o(
    table(
      ["NAME", "MAJ:MIN", "RM", "SIZE", "RO", "TYPE", "MOUNTPOINTS"],
      rows,
      [false, false, true, true, true, false, false],
      p.opts.has("noheadings"),
    ),
  );
  return 0;
});

export const loopCommands: DmshCommand[] = [truncate, fallocate, losetup, lsblk];

export { FsError };
