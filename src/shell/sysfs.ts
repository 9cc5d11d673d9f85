/**
 * /sys/block (fs/sysfs over the block layer's kobjects) and /proc/partitions (block/genhd.c),
 * read-only, computed from the engine on every read:
 *
 *   /sys/block/<dev>/{size, ro, dev, removable, holders/, slaves/}
 *   /sys/block/dm-N/dm/{name, uuid, suspended, use_blk_mq, rq_based_seq_io_merge_deadline}
 *   /sys/block/loopN/loop/{backing_file, offset, sizelimit, autoclear, partscan, dio} (bound)
 *   /proc/partitions
 *
 * A dm device appears once its disk is added (its first table load), as in 6.1. Directories
 * list in kernfs order (`kernfsOrder`), which is what readdir gives losetup and lsblk.
 */

import type { FsStat, IFileSystem } from "just-bash";
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
    return new TextEncoder().encode(n.file());
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
    const entries = (): string[] => {
      const names = ["dev", "holders", "removable", "ro", "size", "slaves"];
      if (md) names.push("dm");
      if (lo?.bound) names.push("loop");
      return kernfsOrder(names);
    };
    switch (rest) {
      case "":
        return dir(entries);
      case "size":
        return file(() => `${b.sizeSectors}\n`);
      case "ro":
        return file(() => `${b.readOnly ? 1 : 0}\n`);
      case "dev":
        return file(() => `${b.major}:${b.minor}\n`);
      case "removable":
        return file(() => "0\n");
      case "holders":
        return dir(() => kernfsOrder(holdersOf(e, b).map((h) => h.name)));
      case "slaves":
        return dir(() => kernfsOrder(md ? slavesOf(e, md).map((s) => s.name) : []));
    }
    // holders/<dev> and slaves/<dev> are links to the other device's directory.
    const held = /^(holders|slaves)\/([^/]+)(\/.*)?$/.exec(rest);
    if (held) {
      const list = held[1] === "holders" ? holdersOf(e, b) : md ? slavesOf(e, md) : [];
      const d = list.find((x) => x.name === held[2]);
      return d ? this.node(`/block/${d.name}${held[3] ?? ""}`) : undefined;
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
