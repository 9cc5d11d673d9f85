/**
 * /sys/block (fs/sysfs over the block layer's kobjects) and /proc/partitions (block/genhd.c),
 * read-only, computed from the engine on every read:
 *
 *   /sys/block/<dev>/{size, ro, dev, removable, range, ext_range, hidden, capability,
 *                     alignment_offset, discard_alignment, diskseq, events, events_async,
 *                     events_poll_msecs, uevent, holders/, slaves/, subsystem/, bdi/,
 *                     integrity/, power/, trace/}; stat and inflight for brd and dm (not loop)
 *   /sys/block/<dev>/queue/: every attribute of 6.1's queue_attrs (block/blk-sysfs.c), from
 *                     the device's queue limits and flags
 *   /sys/block/dm-N/dm/{name, uuid, suspended, use_blk_mq, rq_based_seq_io_merge_deadline}
 *   /sys/block/loopN/loop/{backing_file, offset, sizelimit, autoclear, partscan, dio} (bound)
 *   /proc/partitions
 *
 * A dm device appears once its disk is added (its first table load), as in 6.1. Directories
 * list in kernfs order (`kernfsOrder`), which is what readdir gives losetup and lsblk.
 */

import type { FsStat, IFileSystem } from "just-bash";
import { bdevAlignmentOffset } from "../engine/blk-settings.ts";
import {
  isLoopDevice,
  isMappedDevice,
  type BlockDevice,
  type Engine,
  type MappedDevice,
} from "../engine/index.ts";
import type { DmshContext } from "./context.ts";
import { FsError, latin1 } from "./util.ts";

const EPOCH = new Date(0);
const M64 = (1n << 64n) - 1n;

/** kernfs_name_hash (fs/kernfs/dir.c, ns NULL): the order kernfs keeps a directory in. */
export function kernfsHash(name: string): bigint {
  let hash = 0n;
  for (const ch of new TextEncoder().encode(name)) {
    const c = BigInt(ch);
    hash = ((hash + (c << 4n) + (c >> 4n)) * 11n) & M64; // partial_name_hash
  }
  // end_name_hash: hash_long(hash, 32) = hash * GOLDEN_RATIO_64 >> 32
  let v = ((hash * 0x61c8864680b583ebn) & M64) >> 32n;
  v &= 0x7fffffffn;
  if (v < 2n) v += 2n;
  if (v >= 0x7fffffffn) v = 0x7fffffffn - 1n;
  return v;
}

/** Names in the order readdir returns them from a kernfs directory (hash, then name). */
export function kernfsOrder(names: readonly string[]): string[] {
  return [...names]
    .map((n) => [kernfsHash(n), n] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0))
    .map((x) => x[1]);
}

/** Block devices with a disk in sysfs, in registration order. */
export function sysBlockDevices(ctx: DmshContext): BlockDevice[] {
  // A loop device `losetup -d` left to autoclear goes once its holder let go.
  ctx.engine.loop.release();
  return [...ctx.engine.devices.values()].filter((d) => !isMappedDevice(d) || ctx.nodes.hasDisk(d));
}

/** The mapped devices whose tables (live or inactive) hold `b` (its holders/ directory). */
export function holdersOf(e: Engine, b: BlockDevice): MappedDevice[] {
  return e.dm
    .list()
    .filter((md) => [md.live, md.inactive].some((t) => t !== null && t.devices.has(b.dev)));
}

/** The devices `md`'s tables hold (its slaves/ directory). */
export function slavesOf(e: Engine, md: MappedDevice): BlockDevice[] {
  const out = new Map<number, BlockDevice>();
  for (const t of [md.live, md.inactive])
    if (t) for (const h of t.devices.values()) out.set(h.dmDev.bdev.dev, h.dmDev.bdev);
  return [...out.values()];
}

/** A read that fails (cat: read error): a show() returning an errno. */
class ShowError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

type Node = { dir: () => string[] } | { file: () => string };

const dir = (names: () => string[]): Node => ({ dir: names });
const file = (text: () => string): Node => ({ file: text });

/** A read-only file system of computed files. */
abstract class PseudoFs implements IFileSystem {
  protected abstract node(path: string): Node | undefined;
  protected abstract readonly root: string;

  #must(path: string, op: string): Node {
    const n = this.node(path.replace(/\/+$/, "") || "/");
    if (!n) throw new FsError("ENOENT", op, `${this.root}${path}`);
    return n;
  }

  async readFileBuffer(path: string): Promise<Uint8Array> {
    const n = this.#must(path, "open");
    if ("dir" in n) throw new FsError("EISDIR", "read", `${this.root}${path}`);
    try {
      return new TextEncoder().encode(n.file());
    } catch (e) {
      if (e instanceof ShowError) throw new FsError(e.code, "read", `${this.root}${path}`);
      throw e;
    }
  }

  async readFile(path: string): Promise<string> {
    return new TextDecoder().decode(await this.readFileBuffer(path));
  }

  async readFileBytes(path: string): Promise<never> {
    return latin1(await this.readFileBuffer(path)) as never;
  }

  async writeFile(path: string): Promise<void> {
    throw new FsError("EACCES", "open", `${this.root}${path}`);
  }

  async appendFile(path: string): Promise<void> {
    throw new FsError("EACCES", "open", `${this.root}${path}`);
  }

  async exists(path: string): Promise<boolean> {
    return this.node(path.replace(/\/+$/, "") || "/") !== undefined;
  }

  async stat(path: string): Promise<FsStat> {
    const n = this.#must(path, "stat");
    const isDir = "dir" in n;
    return {
      isFile: !isDir,
      isDirectory: isDir,
      isSymbolicLink: false,
      mode: isDir ? 0o40755 : 0o100444,
      size: isDir ? 0 : 4096,
      mtime: EPOCH,
    };
  }

  lstat(path: string): Promise<FsStat> {
    return this.stat(path);
  }

  async readdir(path: string): Promise<string[]> {
    const n = this.#must(path, "scandir");
    if (!("dir" in n)) throw new FsError("ENOTDIR", "scandir", `${this.root}${path}`);
    return n.dir();
  }

  async mkdir(path: string): Promise<void> {
    throw new FsError("EACCES", "mkdir", `${this.root}${path}`);
  }

  async rm(path: string): Promise<void> {
    throw new FsError("EACCES", "rm", `${this.root}${path}`);
  }

  async cp(_src: string, dest: string): Promise<void> {
    throw new FsError("EACCES", "cp", dest);
  }

  async mv(src: string): Promise<void> {
    throw new FsError("EACCES", "mv", `${this.root}${src}`);
  }

  resolvePath(base: string, path: string): string {
    if (path.startsWith("/")) return path;
    return `${base.replace(/\/$/, "")}/${path}`;
  }

  getAllPaths(): string[] {
    return [];
  }

  async chmod(path: string): Promise<void> {
    throw new FsError("EPERM", "chmod", `${this.root}${path}`);
  }

  async symlink(_t: string, linkPath: string): Promise<void> {
    throw new FsError("EACCES", "symlink", linkPath);
  }

  async link(_e: string, newPath: string): Promise<void> {
    throw new FsError("EACCES", "link", newPath);
  }

  async readlink(path: string): Promise<string> {
    throw new FsError("EINVAL", "readlink", `${this.root}${path}`);
  }

  async realpath(path: string): Promise<string> {
    this.#must(path, "realpath");
    return `${this.root}${path}`;
  }

  async utimes(): Promise<void> {}
}

/** /sys: block/ and what lies under it. */
export class SysFs extends PseudoFs {
  protected readonly root = "/sys";
  readonly #ctx: DmshContext;

  constructor(ctx: DmshContext) {
    super();
    this.#ctx = ctx;
  }

  protected node(path: string): Node | undefined {
    const ctx = this.#ctx;
    const e = ctx.engine;
    if (path === "/") return dir(() => ["block"]);
    if (path === "/block") return dir(() => kernfsOrder(sysBlockDevices(ctx).map((d) => d.name)));
    const m = /^\/block\/([^/]+)(?:\/(.*))?$/.exec(path);
    if (!m) return undefined;
    const b = sysBlockDevices(ctx).find((d) => d.name === m[1]);
    if (!b) return undefined;
    const rest = m[2] ?? "";
    const md = isMappedDevice(b) ? b : null;
    const lo = isLoopDevice(b) ? b : null;
    const attrs = diskAttrs(b);
    const entries = (): string[] => {
      const names = [...attrs.keys(), ...DISK_DIRS];
      if (md) names.push("dm");
      if (lo?.bound) names.push("loop");
      return kernfsOrder(names);
    };
    if (rest === "") return dir(entries);
    const attr = attrs.get(rest);
    if (attr) return file(attr);
    switch (rest) {
      case "holders":
        return dir(() => kernfsOrder(holdersOf(e, b).map((h) => h.name)));
      case "slaves":
        return dir(() => kernfsOrder(md ? slavesOf(e, md).map((s) => s.name) : []));
      case "subsystem":
        // -> /sys/class/block: every disk (there are no partitions here).
        return dir(() => kernfsOrder(sysBlockDevices(ctx).map((d) => d.name)));
    }
    // holders/<dev>, slaves/<dev> and subsystem/<dev> are links to the device's directory.
    const held = /^(holders|slaves|subsystem)\/([^/]+)(\/.*)?$/.exec(rest);
    if (held) {
      const list =
        held[1] === "holders"
          ? holdersOf(e, b)
          : held[1] === "subsystem"
            ? sysBlockDevices(ctx)
            : md
              ? slavesOf(e, md)
              : [];
      const d = list.find((x) => x.name === held[2]);
      return d ? this.node(`/block/${d.name}${held[3] ?? ""}`) : undefined;
    }
    const sub = /^(queue|integrity|trace|power|bdi)(?:\/(.*))?$/.exec(rest);
    if (sub) {
      const group =
        sub[1] === "queue"
          ? queueAttrs(b)
          : sub[1] === "integrity"
            ? INTEGRITY_ATTRS
            : sub[1] === "trace"
              ? TRACE_ATTRS
              : sub[1] === "power"
                ? POWER_ATTRS
                : bdiAttrs(b);
      const name = sub[2];
      if (name === undefined) {
        return dir(() =>
          kernfsOrder(
            sub[1] === "bdi" ? [...group.keys(), "power", "subsystem"] : [...group.keys()],
          ),
        );
      }
      const f = group.get(name);
      if (f) return file(f);
      if (sub[1] !== "bdi") return undefined;
      // The bdi's own device: power/ as a disk's; subsystem -> /sys/class/bdi.
      if (name === "power") return dir(() => kernfsOrder([...POWER_ATTRS.keys()]));
      const p = /^power\/(.+)$/.exec(name);
      if (p) {
        const pf = POWER_ATTRS.get(p[1]!);
        return pf ? file(pf) : undefined;
      }
      if (name === "subsystem") return dir(() => kernfsOrder(sysBlockDevices(ctx).map(bdiName)));
      const bs = /^subsystem\/([^/]+)(\/.*)?$/.exec(name);
      if (bs) {
        const d = sysBlockDevices(ctx).find((x) => bdiName(x) === bs[1]);
        return d ? this.node(`/block/${d.name}/bdi${bs[2] ?? ""}`) : undefined;
      }
      return undefined;
    }
    if (md) {
      switch (rest) {
        case "dm":
          return dir(() =>
            kernfsOrder([
              "name",
              "uuid",
              "suspended",
              "use_blk_mq",
              "rq_based_seq_io_merge_deadline",
            ]),
          );
        case "dm/name":
          return file(() => `${md.dmName}\n`);
        case "dm/uuid":
          return file(() => `${md.uuid}\n`);
        case "dm/suspended":
          return file(() => `${md.suspended ? 1 : 0}\n`);
        case "dm/use_blk_mq":
          return file(() => "0\n");
        case "dm/rq_based_seq_io_merge_deadline":
          return file(() => "0\n");
      }
    }
    if (lo?.bound) {
      switch (rest) {
        case "loop":
          return dir(() =>
            kernfsOrder(["backing_file", "offset", "sizelimit", "autoclear", "partscan", "dio"]),
          );
        case "loop/backing_file":
          return file(() => `${lo.backingFile}\n`);
        case "loop/offset":
          return file(() => `${lo.offset}\n`);
        case "loop/sizelimit":
          return file(() => `${lo.sizelimit}\n`);
        case "loop/autoclear":
          return file(() => `${lo.autoclear ? 1 : 0}\n`);
        case "loop/partscan":
          return file(() => "0\n");
        case "loop/dio":
          return file(() => "0\n");
      }
    }
    return undefined;
  }
}

type Show = () => string;

/** Directories (and links to directories) every disk has besides its attributes. */
const DISK_DIRS = ["holders", "slaves", "queue", "integrity", "trace", "power", "bdi", "subsystem"];

/** The bdi's name: the disk's "major:minor" (/sys/class/bdi/1:0). */
const bdiName = (b: BlockDevice): string => `${b.major}:${b.minor}`;

const line = (v: string | number | bigint): string => `${v}\n`;

/**
 * A disk's attributes (disk_attrs in block/genhd.c, dev and uevent from the driver core). stat
 * and inflight are there for brd, which does no I/O accounting in 6.1 (all zeros is exact), and
 * dm (MappedDevice.partStat: dm_io_acct's counts, times on virtual time); loop's accounting is
 * per request after merging, not modelled, so its stat and inflight are left out.
 */
function diskAttrs(b: BlockDevice): Map<string, Show> {
  const md = isMappedDevice(b) ? b : null;
  const lo = isLoopDevice(b) ? b : null;
  const a = new Map<string, Show>([
    ["dev", () => line(`${b.major}:${b.minor}`)],
    // disk->minors: 1 for brd (max_part 1), loop (part_shift 0) and dm.
    ["range", () => line(1)],
    // GENHD_FL_NO_PART (dm): one minor; DISK_MAX_PARTS otherwise.
    ["ext_range", () => line(md ? 1 : 256)],
    ["removable", () => line(0)],
    ["hidden", () => line(0)],
    ["ro", () => line(b.readOnly ? 1 : 0)],
    ["size", () => line(b.sizeSectors)],
    ["alignment_offset", () => line(bdevAlignmentOffset(b.limits))],
    // 6.1's disk_discard_alignment_show prints bdev_alignment_offset too.
    ["discard_alignment", () => line(bdevAlignmentOffset(b.limits))],
    // disk->flags in hex: GENHD_FL_NO_PART (4) for dm.
    ["capability", () => line(md ? 4 : 0)],
    ["events", () => line(lo ? "media_change" : "")],
    ["events_async", () => line("")],
    ["events_poll_msecs", () => line(-1)],
    ["diskseq", () => line(b.diskseq)],
    [
      "uevent",
      () =>
        `MAJOR=${b.major}\nMINOR=${b.minor}\nDEVNAME=${b.name}\nDEVTYPE=disk\nDISKSEQ=${b.diskseq}\n`,
    ],
  ]);
  if (!lo) {
    // brd does no accounting; dm's in-flight I/Os (reads, writes) are counted.
    const inflight = (): [number, number] => (md ? md.inFlightRw() : [0, 0]);
    a.set("inflight", () =>
      line(
        inflight()
          .map((n) => String(n).padStart(8))
          .join(" "),
      ),
    );
    a.set("stat", () => (md ? md.statLine() : line(Array(17).fill("       0").join(" "))));
  }
  return a;
}

/**
 * queue/ (queue_attrs in block/blk-sysfs.c, 6.1): the device's limits, the queue flags it has,
 * and what its kind of queue shows: brd and dm are bio-based (no scheduler, no I/O statistics),
 * loop is blk-mq (Debian's schedulers: none and mq-deadline; wbt on).
 */
function queueAttrs(b: BlockDevice): Map<string, Show> {
  const l = b.limits;
  const mq = isLoopDevice(b);
  const bytes = (sectors: number): string => line(BigInt(sectors) * 512n);
  return new Map<string, Show>([
    ["nr_requests", () => line(128)],
    ["read_ahead_kb", () => line(Math.floor(b.readAhead / 8) * 4)],
    ["max_hw_sectors_kb", () => line(Math.floor(l.maxHwSectors / 2))],
    ["max_sectors_kb", () => line(Math.floor(l.maxSectors / 2))],
    ["max_segments", () => line(l.maxSegments)],
    ["max_discard_segments", () => line(l.maxDiscardSegments)],
    ["max_integrity_segments", () => line(l.maxIntegritySegments)],
    ["max_segment_size", () => line(l.maxSegmentSize)],
    ["scheduler", () => line(mq ? "[none] mq-deadline " : "none")],
    ["hw_sector_size", () => line(l.logicalBlockSize)],
    ["logical_block_size", () => line(l.logicalBlockSize)],
    ["physical_block_size", () => line(l.physicalBlockSize)],
    ["chunk_sectors", () => line(l.chunkSectors)],
    ["minimum_io_size", () => line(l.ioMin)],
    ["optimal_io_size", () => line(l.ioOpt)],
    ["discard_granularity", () => line(l.discardGranularity)],
    ["discard_max_bytes", () => bytes(l.maxDiscardSectors)],
    ["discard_max_hw_bytes", () => bytes(l.maxHwDiscardSectors)],
    ["discard_zeroes_data", () => line(0)],
    ["write_same_max_bytes", () => line(0)],
    ["write_zeroes_max_bytes", () => bytes(l.maxWriteZeroesSectors)],
    ["zone_append_max_bytes", () => line(0)],
    ["zone_write_granularity", () => line(0)],
    ["rotational", () => line(b.nonrot ? 0 : 1)],
    ["zoned", () => line("none")],
    ["nr_zones", () => line(0)],
    ["nomerges", () => line(0)],
    ["rq_affinity", () => line(mq ? 1 : 0)],
    ["iostats", () => line(mq ? 1 : 0)],
    ["stable_writes", () => line(0)],
    ["add_random", () => line(0)],
    ["io_poll", () => line(0)],
    ["write_cache", () => line(b.writeCache ? "write back" : "write through")],
    ["fua", () => line(b.fua ? 1 : 0)],
    ["dax", () => line(0)],
    [
      "wbt_lat_usec",
      () => {
        // No writeback throttling on a bio-based queue: the show() fails.
        if (!mq) throw new ShowError("EINVAL");
        return line(75000);
      },
    ],
    ["io_poll_delay", () => line(mq ? -1 : 0)],
    ["virt_boundary_mask", () => line(l.virtBoundaryMask)],
    ["dma_alignment", () => line(l.dmaAlignment)],
  ]);
}

/** integrity/ of a disk without a blk_integrity profile. */
const INTEGRITY_ATTRS = new Map<string, Show>([
  ["format", () => line("none")],
  ["tag_size", () => line(0)],
  ["protection_interval_bytes", () => line(0)],
  ["read_verify", () => line(0)],
  ["write_generate", () => line(0)],
  ["device_is_integrity_capable", () => line(0)],
]);

/** trace/ (blktrace's attributes) with no trace set up. */
const TRACE_ATTRS = new Map<string, Show>([
  ["enable", () => line(0)],
  ["act_mask", () => line("disabled")],
  ["pid", () => line("disabled")],
  ["start_lba", () => line("disabled")],
  ["end_lba", () => line("disabled")],
]);

/** power/ of a virtual device: runtime PM unsupported. */
const POWER_ATTRS = new Map<string, Show>([
  ["control", () => line("auto")],
  [
    "autosuspend_delay_ms",
    () => {
      throw new ShowError("EIO");
    },
  ],
  ["runtime_active_time", () => line(0)],
  ["runtime_status", () => line("unsupported")],
  ["runtime_suspended_time", () => line(0)],
  ["async", () => line("disabled")],
  ["runtime_enabled", () => line("disabled")],
  ["runtime_active_kids", () => line(0)],
  ["runtime_usage", () => line(0)],
]);

/** The disk's backing_dev_info (/sys/class/bdi/MAJ:MIN). */
function bdiAttrs(b: BlockDevice): Map<string, Show> {
  return new Map<string, Show>([
    ["read_ahead_kb", () => line(Math.floor(b.readAhead / 8) * 4)],
    ["min_ratio", () => line(0)],
    ["max_ratio", () => line(100)],
    ["stable_pages_required", () => line(0)],
    ["uevent", () => ""],
  ]);
}

/** /proc: partitions. */
export class ProcFs extends PseudoFs {
  protected readonly root = "/proc";
  readonly #ctx: DmshContext;

  constructor(ctx: DmshContext) {
    super();
    this.#ctx = ctx;
  }

  protected node(path: string): Node | undefined {
    if (path === "/") return dir(() => ["partitions"]);
    if (path === "/partitions") return file(() => procPartitions(this.#ctx));
    return undefined;
  }
}

/** show_partition: every disk with a size, in registration order; #blocks in KiB. */
export function procPartitions(ctx: DmshContext): string {
  let out = "major minor  #blocks  name\n\n";
  for (const d of sysBlockDevices(ctx)) {
    if (d.sizeSectors === 0) continue;
    const kib = BigInt(d.sizeSectors) >> 1n;
    out += `${String(d.major).padStart(4)}  ${String(d.minor).padStart(7)} ${String(kib).padStart(10)} ${d.name}\n`;
  }
  return out;
}
