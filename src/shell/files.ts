/**
 * Opening a path as dmsh's commands do: a block device (through BlockFile), a character device
 * (/dev/zero, /dev/null, /dev/urandom), or a regular file of the in-memory file system; and
 * reading any of them as a stream of chunks.
 */

import { isMappedDevice } from "../engine/index.ts";
import { BlockFile } from "./blockio.ts";
import type { DmShell } from "./index.ts";
import { bytesOf, errnoOf, FsError } from "./util.ts";

export type Opened =
  | { kind: "block"; file: BlockFile }
  | { kind: "zero" }
  | { kind: "null" }
  | { kind: "urandom" }
  | { kind: "file"; path: string }
  | { kind: "dir" };

/** Open `path` (absolute) or say why not (an errno name). */
export async function openPath(shell: DmShell, path: string): Promise<Opened | { errno: string }> {
  if (path === "/dev" || path.startsWith("/dev/")) {
    const n = shell.devfs.node(path.slice(4) || "/");
    if (!n) return { errno: "ENOENT" };
    if (n.kind === "dir") return { kind: "dir" };
    if (n.kind === "file") return { kind: "file", path };
    if (n.kind === "block") {
      // A dm device whose disk was never added (no table ever loaded) cannot be opened.
      if (isMappedDevice(n.bdev) && !shell.ctx.nodes.hasDisk(n.bdev)) return { errno: "ENXIO" };
      return { kind: "block", file: new BlockFile(shell.ctx, n.bdev) };
    }
    switch (n.name) {
      case "zero":
        return { kind: "zero" };
      case "null":
        return { kind: "null" };
      case "urandom":
      case "random":
        return { kind: "urandom" };
      case "control":
      case "loop-control":
        return { errno: "EINVAL" };
    }
  }
  try {
    const st = await shell.fs.stat(path);
    if (st.isDirectory) return { kind: "dir" };
    return { kind: "file", path };
  } catch (e) {
    return { errno: errnoOf(e) };
  }
}

/** A sequential reader: chunks until an empty one (end of file), or an errno. */
export interface Reader {
  read(max: number): Promise<Uint8Array | { errno: string }>;
}

/**
 * Read `opened` from the start in chunks of at most `chunk` bytes (4 KiB: a stdio buffer).
 * `reuse`: a device's reads all go into one buffer, so a chunk returned is valid only until the
 * next read (for callers that consume each chunk at once, as a hash does; no allocation per
 * read, which in a browser's worker costs more than the read itself).
 */
export async function reader(
  shell: DmShell,
  opened: Opened,
  chunk = 4096,
  reuse = false,
): Promise<Reader> {
  switch (opened.kind) {
    case "block": {
      // Whole `chunk`-sized reads (a stdio buffer), served in whatever sizes are asked for.
      let pos = 0;
      let held: Uint8Array = new Uint8Array(0);
      const f = opened.file;
      const stdio = reuse ? new Uint8Array(chunk) : null;
      return {
        async read(max) {
          if (held.length === 0) {
            const buf = stdio ?? new Uint8Array(chunk);
            const r = await f.read(pos, buf);
            if (r.errno !== undefined) return { errno: r.errno };
            pos += r.n;
            held = buf.subarray(0, r.n);
          }
          const out = held.subarray(0, Math.min(max, held.length));
          held = held.subarray(out.length);
          return out;
        },
      };
    }
    case "zero":
      return { read: async (max) => new Uint8Array(Math.min(max, 1 << 16)) };
    case "urandom":
      return {
        read: async (max) => {
          const b = new Uint8Array(Math.min(max, 1 << 16));
          shell.ctx.urandom.fill(b);
          return b;
        },
      };
    case "null":
      return { read: async () => new Uint8Array(0) };
    case "dir":
      return { read: async () => ({ errno: "EISDIR" }) };
    case "file": {
      const data = await shell.fs.readFileBuffer(opened.path);
      return bufferReader(data);
    }
  }
}

export function bufferReader(data: Uint8Array): Reader {
  let pos = 0;
  return {
    async read(max) {
      const out = data.subarray(pos, Math.min(pos + max, data.length));
      pos += out.length;
      return out;
    },
  };
}

/** A reader over a command's stdin (a byte string). */
export function stdinReader(stdin: string): Reader {
  return bufferReader(bytesOf(stdin));
}

export { FsError };
