/**
 * /dev, backed by the engine: ram0.., dm-0.., mapper/control and mapper/NAME (the nodes dmsetup
 * made), zero, null, urandom and random. Block devices read and write through BlockFile, so a
 * redirection (`< /dev/mapper/x`, `> /dev/ram0`) is a process doing I/O, bios and all.
 *
 * Whole-file reads are how just-bash's own commands (cat, head, wc, `<`) see a file. A stream
 * device has no end, so /dev/zero reads as 1 MiB and /dev/urandom as 64 KiB; dmsh's own
 * commands (dd, hexdump, md5sum...) stream from them without limit.
 */

import type { ByteString, FsStat, IFileSystem } from "just-bash";
import { isMappedDevice, type BlockDevice, type MappedDevice } from "../engine/index.ts";
import { BlockFile } from "./blockio.ts";
import type { DmshContext } from "./context.ts";
import { FsError, latin1 } from "./util.ts";

const ZERO_READ = 1 << 20;
const URANDOM_READ = 1 << 16;
/** Larger devices are not read whole into memory (a command reading one fails with EFBIG). */
const DEVICE_READ_LIMIT = 256 << 20;
const EPOCH = new Date(0);

export type DevNode =
  | { kind: "dir" }
  | { kind: "block"; bdev: BlockDevice }
  | { kind: "char"; name: "zero" | "null" | "urandom" | "random" | "control" | "loop-control" }
  /** A regular file: `name` is its path relative to /dev ("/mapper/x" or "/x"). */
  | { kind: "file"; name: string };

const CHAR_DEVICES = ["null", "random", "urandom", "zero"] as const;

export class DevFs implements IFileSystem {
  readonly #ctx: DmshContext;
  /**
   * Regular files directly in /dev, by name: devtmpfs takes any file (`dd of=/dev/x` with no
   * device x makes one). A device of the same name hides it.
   */
  readonly #files = new Map<string, Uint8Array>();

  constructor(ctx: DmshContext) {
    this.#ctx = ctx;
  }

  /** The /dev/mapper nodes that exist, by name. */
  mapperNodes(): Map<string, MappedDevice> {
    const out = new Map<string, MappedDevice>();
    for (const md of this.#ctx.engine.dm.list())
      if (this.#ctx.nodes.has(md)) out.set(md.dmName, md);
    return out;
  }

  /** The map and key of the regular file `path` is or would be (null: no file can be there). */
  #fileAt(path: string): [Map<string, Uint8Array>, string] | null {
    const m = /^\/mapper\/([^/]+)$/.exec(path);
    if (m) return m[1] === "control" ? null : [this.#ctx.nodes.files, m[1]!];
    const top = /^\/([^/]+)$/.exec(path);
    return top && top[1] !== "mapper" ? [this.#files, top[1]!] : null;
  }

  /** What a path (relative to /dev, starting with "/") names, if anything. */
  node(path: string): DevNode | undefined {
    const p = path.replace(/\/+$/, "") || "/";
    if (p === "/" || p === "/mapper") return { kind: "dir" };
    if (p === "/mapper/control") return { kind: "char", name: "control" };
    const m = /^\/mapper\/([^/]+)$/.exec(p);
    if (m) {
      if (this.#ctx.nodes.files.has(m[1]!)) return { kind: "file", name: p };
      const md = this.mapperNodes().get(m[1]!);
      return md ? { kind: "block", bdev: md } : undefined;
    }
    const name = p.slice(1);
    // The loop module's misc device, while it is loaded.
    if (name === "loop-control" && this.#ctx.engine.loop.loaded)
      return { kind: "char", name: "loop-control" };
    if ((CHAR_DEVICES as readonly string[]).includes(name))
      return { kind: "char", name: name as (typeof CHAR_DEVICES)[number] };
    if (name.includes("/")) return undefined;
    for (const d of this.#diskNodes()) if (d.name === name) return { kind: "block", bdev: d };
    if (this.#files.has(name)) return { kind: "file", name: p };
    return undefined;
  }

  /**
   * Block devices with a node in /dev: devtmpfs makes /dev/dm-N when the disk is added (the
   * first table load, dm_setup_md_queue), not when the device is created.
   */
  #diskNodes(): BlockDevice[] {
    return [...this.#ctx.engine.devices.values()].filter(
      (d) => !isMappedDevice(d) || this.#ctx.nodes.hasDisk(d),
    );
  }

  /** The contents of the regular file `path` (as `node` names it). */
  #file(path: string): Uint8Array {
    const at = this.#fileAt(path);
    return (at && at[0].get(at[1])) ?? new Uint8Array(0);
  }

  /** The block device `path` names if a process could open it now, else null (fdtable.ts). */
  openableBlockDevice(path: string): BlockDevice | null {
    const n = this.node(path);
    if (n?.kind !== "block") return null;
    if (isMappedDevice(n.bdev) && !this.#ctx.nodes.hasDisk(n.bdev)) return null;
    return n.bdev;
  }

  /** A dm device whose disk was never added (no table ever loaded) cannot be opened. */
  #openable(bdev: BlockDevice, path: string): void {
    if (isMappedDevice(bdev) && !this.#ctx.nodes.hasDisk(bdev))
      throw new FsError("ENXIO", "open", `/dev${path}`);
  }

  #must(path: string, op: string): DevNode {
    const n = this.node(path);
    if (!n) throw new FsError("ENOENT", op, `/dev${path}`);
    return n;
  }

  async readFileBuffer(path: string): Promise<Uint8Array> {
    const n = this.#must(path, "open");
    if (n.kind === "dir") throw new FsError("EISDIR", "read", `/dev${path}`);
    if (n.kind === "file") return this.#file(n.name).slice();
    if (n.kind === "char") {
      switch (n.name) {
        case "zero":
          return new Uint8Array(ZERO_READ);
        case "urandom":
        case "random": {
          const b = new Uint8Array(URANDOM_READ);
          this.#ctx.urandom.fill(b);
          return b;
        }
        case "null":
          return new Uint8Array(0);
        case "control":
        case "loop-control":
          throw new FsError("EINVAL", "read", `/dev${path}`);
      }
    }
    this.#openable(n.bdev, path);
    const f = new BlockFile(this.#ctx, n.bdev);
    if (f.size > DEVICE_READ_LIMIT) throw new FsError("EFBIG", "read", `/dev${path}`);
    const buf = new Uint8Array(f.size);
    let pos = 0;
    while (pos < buf.length) {
      const r = await f.read(pos, buf.subarray(pos, Math.min(pos + (1 << 20), buf.length)));
      if (r.errno !== undefined) throw new FsError(r.errno, "read", `/dev${path}`);
      if (r.n === 0) break;
      pos += r.n;
    }
    return buf.subarray(0, pos);
  }

  async readFileBytes(path: string): Promise<ByteString> {
    // A ByteString is a latin1 string (unsafeBytesFromLatin1 is this cast; the browser build of
    // just-bash does not export it).
    return latin1(await this.readFileBuffer(path)) as unknown as ByteString;
  }

  async readFile(path: string, options?: unknown): Promise<string> {
    const b = await this.readFileBuffer(path);
    const enc =
      typeof options === "string"
        ? options
        : (options as { encoding?: string } | undefined)?.encoding;
    if (enc === "binary" || enc === "latin1") return latin1(b);
    return new TextDecoder().decode(b);
  }

  async #write(
    path: string,
    content: string | Uint8Array,
    options: unknown,
    append: boolean,
  ): Promise<void> {
    const n = this.node(path);
    const at = this.#fileAt(path);
    if (at && (!n || n.kind === "file")) {
      // A new regular file in /dev or /dev/mapper, or one written again.
      const [files, name] = at;
      const data = toBytes(content, options);
      const old = append ? (files.get(name) ?? new Uint8Array(0)) : null;
      const file = old ? new Uint8Array(old.length + data.length) : data.slice();
      if (old) {
        file.set(old);
        file.set(data, old.length);
      }
      files.set(name, file);
      return;
    }
    if (!n) throw new FsError("EACCES", "open", `/dev${path}`);
    if (n.kind === "dir") throw new FsError("EISDIR", "open", `/dev${path}`);
    if (n.kind === "char") {
      if (n.name === "control" || n.name === "loop-control")
        throw new FsError("EINVAL", "write", `/dev${path}`);
      return;
    }
    // (A regular file always has a place: written above.)
    if (n.kind === "file") throw new FsError("EACCES", "open", `/dev${path}`);
    const data = toBytes(content, options);
    if (data.length === 0) return;
    this.#openable(n.bdev, path);
    if (append) throw new FsError("ENOSPC", "write", `/dev${path}`);
    const f = new BlockFile(this.#ctx, n.bdev);
    // A redirection opens the device, writes through its page cache, and closes it.
    f.open();
    try {
      let pos = 0;
      while (pos < data.length) {
        const r = await f.write(pos, data.subarray(pos));
        if (r.errno !== undefined) throw new FsError(r.errno, "write", `/dev${path}`);
        pos += r.n;
      }
    } finally {
      await f.release();
    }
  }

  writeFile(path: string, content: string | Uint8Array, options?: unknown): Promise<void> {
    return this.#write(path, content, options, false);
  }

  appendFile(path: string, content: string | Uint8Array, options?: unknown): Promise<void> {
    return this.#write(path, content, options, true);
  }

  async exists(path: string): Promise<boolean> {
    return this.node(path) !== undefined;
  }

  async stat(path: string): Promise<FsStat> {
    const n = this.#must(path, "stat");
    if (n.kind === "dir")
      return {
        isFile: false,
        isDirectory: true,
        isSymbolicLink: false,
        mode: 0o40755,
        size: 0,
        mtime: EPOCH,
      };
    if (n.kind === "file")
      return {
        isFile: true,
        isDirectory: false,
        isSymbolicLink: false,
        mode: 0o100644,
        size: this.#file(n.name).length,
        mtime: EPOCH,
      };
    if (n.kind === "char")
      return {
        isFile: true,
        isDirectory: false,
        isSymbolicLink: false,
        mode: n.name === "loop-control" ? 0o20600 : 0o20666,
        size: 0,
        mtime: EPOCH,
      };
    return {
      isFile: true,
      isDirectory: false,
      isSymbolicLink: false,
      mode: 0o60660,
      size: n.bdev.sizeSectors * 512,
      mtime: EPOCH,
    };
  }

  lstat(path: string): Promise<FsStat> {
    return this.stat(path);
  }

  async readdir(path: string): Promise<string[]> {
    const p = path.replace(/\/+$/, "") || "/";
    if (p === "/mapper") {
      const names = new Set([...this.mapperNodes().keys(), ...this.#ctx.nodes.files.keys()]);
      return ["control", ...[...names].sort()];
    }
    if (p === "/") {
      const names = new Set([
        "mapper",
        ...CHAR_DEVICES,
        ...this.#diskNodes().map((d) => d.name),
        ...this.#files.keys(),
        ...(this.#ctx.engine.loop.loaded ? ["loop-control"] : []),
      ]);
      return [...names].sort();
    }
    const n = this.#must(path, "scandir");
    throw new FsError(n.kind === "dir" ? "EIO" : "ENOTDIR", "scandir", `/dev${path}`);
  }

  async readdirWithFileTypes(
    path: string,
  ): Promise<
    Array<{ name: string; isFile: boolean; isDirectory: boolean; isSymbolicLink: boolean }>
  > {
    const names = await this.readdir(path);
    const base = (path.replace(/\/+$/, "") || "") + "/";
    return names.map((name) => {
      const dir = this.node(base + name)?.kind === "dir";
      return { name, isFile: !dir, isDirectory: dir, isSymbolicLink: false };
    });
  }

  async rm(path: string, options?: { force?: boolean }): Promise<void> {
    const n = this.node(path);
    const at = this.#fileAt(path);
    if (at && n?.kind === "file" && at[0].delete(at[1])) return;
    const m = /^\/mapper\/([^/]+)$/.exec(path);
    const md = m ? this.mapperNodes().get(m[1]!) : undefined;
    if (md) {
      this.#ctx.nodes.remove(md);
      return;
    }
    if (!n) {
      if (options?.force) return;
      throw new FsError("ENOENT", "rm", `/dev${path}`);
    }
    throw new FsError("EPERM", "rm", `/dev${path}`);
  }

  async mkdir(path: string): Promise<void> {
    throw new FsError(this.node(path) ? "EEXIST" : "EPERM", "mkdir", `/dev${path}`);
  }

  async cp(_src: string, dest: string): Promise<void> {
    throw new FsError("EPERM", "cp", `/dev${dest}`);
  }

  async mv(src: string): Promise<void> {
    throw new FsError("EPERM", "mv", `/dev${src}`);
  }

  resolvePath(base: string, path: string): string {
    return path.startsWith("/") ? path : `${base.replace(/\/$/, "")}/${path}`;
  }

  getAllPaths(): string[] {
    const out = ["/", "/mapper", "/mapper/control"];
    for (const name of this.mapperNodes().keys()) out.push(`/mapper/${name}`);
    for (const name of this.#ctx.nodes.files.keys()) out.push(`/mapper/${name}`);
    for (const name of this.#files.keys()) out.push(`/${name}`);
    for (const name of CHAR_DEVICES) out.push(`/${name}`);
    for (const d of this.#diskNodes()) out.push(`/${d.name}`);
    return out;
  }

  async chmod(path: string): Promise<void> {
    this.#must(path, "chmod");
  }

  async symlink(_target: string, link: string): Promise<void> {
    throw new FsError("EPERM", "symlink", `/dev${link}`);
  }

  async link(_existing: string, link: string): Promise<void> {
    throw new FsError("EPERM", "link", `/dev${link}`);
  }

  async readlink(path: string): Promise<string> {
    throw new FsError("EINVAL", "readlink", `/dev${path}`);
  }

  async realpath(path: string): Promise<string> {
    this.#must(path, "realpath");
    return path;
  }

  async utimes(path: string): Promise<void> {
    this.#must(path, "utimes");
  }
}

function toBytes(content: string | Uint8Array, options: unknown): Uint8Array {
  if (typeof content !== "string") return content;
  const enc =
    typeof options === "string"
      ? options
      : (options as { encoding?: string } | undefined)?.encoding;
  if (enc === "binary" || enc === "latin1") {
    const b = new Uint8Array(content.length);
    for (let i = 0; i < content.length; i++) b[i] = content.charCodeAt(i) & 0xff;
    return b;
  }
  return new TextEncoder().encode(content);
}
