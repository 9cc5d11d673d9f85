/**
 * Small helpers shared by dmsh's commands: byte strings, output in write order, errno texts.
 *
 * just-bash hands commands their stdin as a latin1 "byte string" (one char per byte) and takes
 * binary stdout the same way (`stdoutKind: "bytes"`). dmsh's commands speak bytes throughout, so
 * what they print is exactly what Linux's tools print, byte for byte.
 */

import type { ExecResult } from "just-bash";

/** A byte string (one char per byte) from bytes. */
export function latin1(bytes: Uint8Array): string {
  let s = "";
  const CHUNK = 0x1000;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    s += String.fromCharCode.apply(null, bytes.subarray(i, i + CHUNK) as unknown as number[]);
  }
  return s;
}

/** Bytes from a byte string (chars above 0xff, which a byte string never has, are truncated). */
export function bytesOf(s: string): Uint8Array {
  const b = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i) & 0xff;
  return b;
}

const enc = new TextEncoder();

/** UTF-8 bytes of text as a byte string (what a C program printing `text` writes). */
export function utf8Bytes(text: string): string {
  // Fast path: plain ASCII is its own byte string.
  let ascii = true;
  for (let i = 0; i < text.length && ascii; i++) if (text.charCodeAt(i) > 0x7f) ascii = false;
  if (ascii) return text;
  return latin1(enc.encode(text));
}

export type Stream = "stdout" | "stderr";

export interface Segment {
  stream: Stream;
  text: string;
}

/**
 * A command's output in the order it was written. just-bash keeps stdout and stderr apart, so a
 * command that writes stderr between two stdout lines (dmsetup info on a device with no node)
 * also reports its segments; the terminal puts them back in order.
 */
export class Out {
  readonly segments: Segment[] = [];

  /** Write to stdout (a byte string). */
  o(text: string): void {
    this.#push("stdout", text);
  }

  /** Write to stderr (a byte string). */
  e(text: string): void {
    this.#push("stderr", text);
  }

  #push(stream: Stream, text: string): void {
    if (!text) return;
    const last = this.segments[this.segments.length - 1];
    if (last && last.stream === stream) last.text += text;
    else this.segments.push({ stream, text });
  }

  get stdout(): string {
    return this.segments
      .filter((s) => s.stream === "stdout")
      .map((s) => s.text)
      .join("");
  }

  get stderr(): string {
    return this.segments
      .filter((s) => s.stream === "stderr")
      .map((s) => s.text)
      .join("");
  }

  /** True when some stderr was written before some stdout (the order just-bash would lose). */
  get interleaved(): boolean {
    let sawErr = false;
    for (const s of this.segments) {
      if (s.stream === "stderr") sawErr = true;
      else if (sawErr) return true;
    }
    return false;
  }

  result(exitCode: number): ExecResult {
    return {
      stdout: this.stdout,
      stderr: this.stderr,
      exitCode,
      stdoutKind: "bytes",
      stdoutEncoding: "binary",
    };
  }
}

/** Error messages of the libc strerror table, by errno name. */
export const STRERROR: Record<string, string> = {
  EPERM: "Operation not permitted",
  ENOENT: "No such file or directory",
  EIO: "Input/output error",
  ENXIO: "No such device or address",
  EBADF: "Bad file descriptor",
  ENOMEM: "Cannot allocate memory",
  EACCES: "Permission denied",
  EBUSY: "Device or resource busy",
  EEXIST: "File exists",
  ENODEV: "No such device",
  ENOTDIR: "Not a directory",
  EISDIR: "Is a directory",
  EINVAL: "Invalid argument",
  EFBIG: "File too large",
  ENOSPC: "No space left on device",
  EROFS: "Read-only file system",
  ENOTBLK: "Block device required",
  EINTR: "Interrupted system call",
};

/** An error from a file operation, shaped like Node's (code + "CODE: text, op 'path'"). */
export class FsError extends Error {
  constructor(
    readonly code: string,
    op: string,
    path: string,
  ) {
    super(`${code}: ${(STRERROR[code] ?? code).toLowerCase()}, ${op} '${path}'`);
    this.name = "FsError";
  }

  /** The strerror text. */
  get text(): string {
    return STRERROR[this.code] ?? this.code;
  }
}

/** errno name of any error a file operation threw (ENOENT for what we cannot tell). */
export function errnoOf(e: unknown): string {
  if (e instanceof FsError) return e.code;
  if (e && typeof e === "object" && "code" in e && typeof e.code === "string") return e.code;
  const m = e instanceof Error ? /^(E[A-Z]+)\b/.exec(e.message) : null;
  return m ? m[1]! : "ENOENT";
}

export function strerrorOf(e: unknown): string {
  const code = errnoOf(e);
  return STRERROR[code] ?? code;
}

/** Resolve `p` against `cwd` without touching the file system. */
export function resolvePath(cwd: string, p: string): string {
  const abs = p.startsWith("/") ? p : `${cwd.replace(/\/$/, "")}/${p}`;
  const parts: string[] = [];
  for (const seg of abs.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") parts.pop();
    else parts.push(seg);
  }
  return "/" + parts.join("/");
}
