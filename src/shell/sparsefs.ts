/**
 * dmsh's root file system: just-bash's in-memory file system, where a file that `truncate`,
 * `fallocate` or `losetup` touched is kept sparsely in the engine's storage (a ShmemFile, as
 * tmpfs keeps it in Linux) instead of as one array: a `truncate -s 64G` file costs nothing, and
 * a loop device bound to it and the file read the same bytes. The in-memory file system still
 * holds an empty placeholder under the name, so directories list it.
 *
 * Whole-file reads (cat, `<`, dd's file input) of a sparse file fail with EFBIG past
 * SPARSE_READ_LIMIT, as whole reads of large devices do.
 */

import type { CpOptions, FileContent, FsStat, RmOptions } from "just-bash";

type WriteFileOptions = Parameters<InMemoryFs["writeFile"]>[2];
import { InMemoryFs } from "just-bash";
import { ShmemFile, type Storage } from "../engine/index.ts";
import { FsError, latin1 } from "./util.ts";

/** Whole reads of a sparse file stop here (bytes). */
export const SPARSE_READ_LIMIT = 256 << 20;

function norm(p: string): string {
  const s = p.replace(/\/+/g, "/").replace(/(.)\/$/, "$1");
  return s === "" ? "/" : s;
}

function toBytes(content: FileContent, options: unknown): Uint8Array {
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

export class SparseFs extends InMemoryFs {
  readonly #storage: Storage;
  readonly #sparse = new Map<string, ShmemFile>();
  /** Inode numbers, by first write (tmpfs' get_next_ino; the reference machine's first is 394). */
  readonly #inos = new Map<string, number>();
  #nextIno = 394;

  constructor(storage: Storage) {
    super();
    this.#storage = storage;
  }

  /** The inode number of the file at `path` (losetup -a shows it). */
  ino(path: string): number {
    const p = norm(path);
    let i = this.#inos.get(p);
    if (i === undefined) {
      i = this.#nextIno++;
      this.#inos.set(p, i);
    }
    return i;
  }

  /** The sparse file at `path`, if it is one. */
  sparse(path: string): ShmemFile | undefined {
    return this.#sparse.get(norm(path));
  }

  /**
   * The file at `path` as a ShmemFile, converting a plain file (its bytes move to sparse
   * storage) or creating an empty one when `create`. Throws FsError ENOENT / EISDIR.
   */
  async shmem(path: string, create: boolean): Promise<ShmemFile> {
    const p = norm(path);
    const have = this.#sparse.get(p);
    if (have) return have;
    let content: Uint8Array | null = null;
    try {
      const st = await super.stat(p);
      if (st.isDirectory) throw new FsError("EISDIR", "open", p);
      content = await super.readFileBuffer(p);
    } catch (e) {
      if (e instanceof FsError) throw e;
      if (!create) throw new FsError("ENOENT", "open", p);
      // open(O_CREAT) in a directory that is not there (just-bash's writeFile would make it).
      const parent = p.slice(0, p.lastIndexOf("/")) || "/";
      const st = await super.stat(parent).catch(() => null);
      if (!st) throw new FsError("ENOENT", "open", p);
      if (!st.isDirectory) throw new FsError("ENOTDIR", "open", p);
    }
    // The placeholder: an empty file, so that the name lists (ENOENT if the directory is not there).
    await super.writeFile(p, new Uint8Array(0));
    this.ino(p);
    const f = new ShmemFile(this.#storage, p);
    if (content && content.length) f.write(0, content);
    this.#sparse.set(p, f);
    return f;
  }

  #drop(p: string, recursive: boolean): void {
    for (const k of [...this.#inos.keys()])
      if (k === p || (recursive && k.startsWith(`${p}/`))) this.#inos.delete(k);
    for (const [k, f] of [...this.#sparse]) {
      if (k === p || (recursive && k.startsWith(`${p}/`))) {
        this.#sparse.delete(k);
        f.unlink();
      }
    }
  }

  #read(f: ShmemFile, p: string): Uint8Array {
    if (f.size > SPARSE_READ_LIMIT) throw new FsError("EFBIG", "read", p);
    return f.contents();
  }

  override async readFileBuffer(path: string): Promise<Uint8Array> {
    const f = this.#sparse.get(norm(path));
    return f ? this.#read(f, norm(path)) : super.readFileBuffer(path);
  }

  override async readFileBytes(
    path: string,
  ): Promise<ReturnType<InMemoryFs["readFileBytes"]> extends Promise<infer B> ? B : never> {
    const f = this.#sparse.get(norm(path));
    if (!f) return super.readFileBytes(path);
    return latin1(this.#read(f, norm(path))) as unknown as Awaited<
      ReturnType<InMemoryFs["readFileBytes"]>
    >;
  }

  override async readFile(
    path: string,
    options?: Parameters<InMemoryFs["readFile"]>[1],
  ): Promise<string> {
    const f = this.#sparse.get(norm(path));
    if (!f) return super.readFile(path, options);
    const b = this.#read(f, norm(path));
    const enc = typeof options === "string" ? options : options?.encoding;
    if (enc === "binary" || enc === "latin1") return latin1(b);
    return new TextDecoder().decode(b);
  }

  override async writeFile(
    path: string,
    content: FileContent,
    options?: WriteFileOptions,
  ): Promise<void> {
    const f = this.#sparse.get(norm(path));
    if (!f) {
      await super.writeFile(path, content, options);
      this.ino(path);
      return;
    }
    const b = toBytes(content, options);
    f.truncate(0);
    f.write(0, b);
  }

  override async appendFile(
    path: string,
    content: FileContent,
    options?: WriteFileOptions,
  ): Promise<void> {
    const f = this.#sparse.get(norm(path));
    if (!f) {
      await super.appendFile(path, content, options);
      this.ino(path);
      return;
    }
    f.write(f.size, toBytes(content, options));
  }

  override async stat(path: string): Promise<FsStat> {
    const st = await super.stat(path);
    const f = this.#sparse.get(norm(path));
    return f ? { ...st, size: f.size } : st;
  }

  override async lstat(path: string): Promise<FsStat> {
    const st = await super.lstat(path);
    const f = this.#sparse.get(norm(path));
    return f ? { ...st, size: f.size } : st;
  }

  override async rm(path: string, options?: RmOptions): Promise<void> {
    await super.rm(path, options);
    this.#drop(norm(path), options?.recursive ?? false);
  }

  override async mv(src: string, dest: string): Promise<void> {
    await super.mv(src, dest);
    const s = norm(src);
    let d = norm(dest);
    // Into a directory: dest/basename.
    try {
      if ((await super.stat(d)).isDirectory && !(await super.exists(s))) {
        const inside = `${d}/${s.slice(s.lastIndexOf("/") + 1)}`;
        if (await super.exists(inside)) d = inside;
      }
    } catch {
      // dest vanished: nothing to move
    }
    for (const [k, f] of [...this.#sparse]) {
      if (k === s || k.startsWith(`${s}/`)) {
        this.#sparse.delete(k);
        const to = d + k.slice(s.length);
        this.#sparse.get(to)?.unlink();
        f.path = to;
        this.#sparse.set(to, f);
      }
    }
  }

  override async cp(src: string, dest: string, options?: CpOptions): Promise<void> {
    await super.cp(src, dest, options);
    const s = norm(src);
    const d = norm(dest);
    for (const [k, f] of [...this.#sparse]) {
      if (k === s || k.startsWith(`${s}/`)) {
        const to = d + k.slice(s.length);
        this.#sparse.get(to)?.unlink();
        this.#sparse.set(to, f.clone(to));
      }
    }
  }
}
