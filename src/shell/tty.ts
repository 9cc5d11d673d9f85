/**
 * The terminal dmsh writes to, and the file system node that reaches it.
 *
 * just-bash returns a command's stdout and stderr as two strings once the whole script is done,
 * which loses the order they were written in. dmsh's rewrite (rewrite.ts) therefore redirects
 * every command whose output would reach the terminal to `/.dmsh/1` (stdout) or `/.dmsh/2`
 * (stderr); those writes land here the moment the command finishes, in execution order, and are
 * streamed to the listener.
 *
 * Within one command just-bash writes stdout before stderr. A dmsh command that wrote stderr
 * between stdout lines registers its segments (`expect`); the terminal holds that command's
 * writes until both have arrived and replays them in the order they were written.
 */

import type { FsStat, IFileSystem } from "just-bash";
import { bytesOf, FsError, type Segment, type Stream } from "./util.ts";

export const TTY_DIR = "/.dmsh";
export const TTY_OUT = `${TTY_DIR}/1`;
export const TTY_ERR = `${TTY_DIR}/2`;

export type Sink = (stream: Stream, bytes: Uint8Array) => void;

interface Held {
  stream: Stream;
  text: string;
}

interface Trace {
  segments: Segment[];
  stdout: string;
  stderr: string;
}

export class Terminal {
  sink: Sink;
  /** Bytes written so far (a progress measure for the deadlock watchdog). */
  written = 0;
  #trace: Trace | null = null;
  #held: Held[] = [];
  #timer: ReturnType<typeof setTimeout> | null = null;

  constructor(sink: Sink) {
    this.sink = sink;
  }

  /** A byte string written to the terminal's stdout or stderr. */
  write(stream: Stream, text: string): void {
    if (!text) return;
    if (!this.#trace) {
      this.#emit(stream, text);
      return;
    }
    this.#held.push({ stream, text });
    this.#resolve();
    if (this.#trace && !this.#timer) this.#timer = setTimeout(() => this.flush(), 0);
  }

  /** The command about to return wrote these segments in this order (see the header). */
  expect(segments: Segment[]): void {
    this.flush();
    const stdout = segments
      .filter((s) => s.stream === "stdout")
      .map((s) => s.text)
      .join("");
    const stderr = segments
      .filter((s) => s.stream === "stderr")
      .map((s) => s.text)
      .join("");
    this.#trace = { segments, stdout, stderr };
  }

  /** Give up waiting for the rest of an expected command's output; write what is held. */
  flush(): void {
    if (this.#timer) {
      clearTimeout(this.#timer);
      this.#timer = null;
    }
    this.#trace = null;
    const held = this.#held;
    this.#held = [];
    for (const h of held) this.#emit(h.stream, h.text);
  }

  #resolve(): void {
    const t = this.#trace!;
    const h = this.#held;
    const first = h[0]!;
    if (h.length === 1) {
      // stdout arrived: stderr may follow. stderr alone: stdout went elsewhere.
      if (first.text === t.stdout && t.stderr !== "") return;
      this.flush();
      return;
    }
    const second = h[1]!;
    if (h.length === 2 && first.text === t.stdout && second.text === t.stderr) {
      this.#trace = null;
      this.#held = [];
      if (this.#timer) {
        clearTimeout(this.#timer);
        this.#timer = null;
      }
      for (const s of t.segments)
        this.#emit(s.stream === "stdout" ? first.stream : second.stream, s.text);
      return;
    }
    this.flush();
  }

  #emit(stream: Stream, text: string): void {
    const bytes = bytesOf(text);
    this.written += bytes.length;
    this.sink(stream, bytes);
  }
}

/** A byte string from what just-bash hands a file system write. */
function contentText(content: string | Uint8Array, options?: unknown): string {
  if (typeof content !== "string") {
    let s = "";
    for (let i = 0; i < content.length; i++) s += String.fromCharCode(content[i]!);
    return s;
  }
  const encoding =
    typeof options === "string"
      ? options
      : (options as { encoding?: string } | undefined)?.encoding;
  if (encoding === "binary" || encoding === "latin1") return content;
  // Text: its UTF-8 bytes.
  const b = new TextEncoder().encode(content);
  let s = "";
  for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i]!);
  return s;
}

const EPOCH = new Date(0);

/** `/.dmsh`: two write-only nodes, 1 (the terminal's stdout) and 2 (its stderr). */
export class TtyFs implements IFileSystem {
  readonly #term: () => Terminal;

  /** `term` is looked up at each write: background jobs and runs may swap terminals. */
  constructor(term: () => Terminal) {
    this.#term = term;
  }

  #stream(path: string): Stream {
    if (path === "/1") return "stdout";
    if (path === "/2") return "stderr";
    throw new FsError("ENOENT", "open", TTY_DIR + path);
  }

  async writeFile(path: string, content: string | Uint8Array, options?: unknown): Promise<void> {
    this.#term().write(this.#stream(path), contentText(content, options));
  }

  async appendFile(path: string, content: string | Uint8Array, options?: unknown): Promise<void> {
    this.#term().write(this.#stream(path), contentText(content, options));
  }

  async readFile(path: string): Promise<string> {
    this.#stream(path);
    return "";
  }

  async readFileBuffer(path: string): Promise<Uint8Array> {
    this.#stream(path);
    return new Uint8Array(0);
  }

  async exists(path: string): Promise<boolean> {
    return path === "/" || path === "/1" || path === "/2";
  }

  async stat(path: string): Promise<FsStat> {
    if (path !== "/") this.#stream(path);
    const dir = path === "/";
    return {
      isFile: !dir,
      isDirectory: dir,
      isSymbolicLink: false,
      mode: dir ? 0o755 : 0o620,
      size: 0,
      mtime: EPOCH,
    };
  }

  lstat(path: string): Promise<FsStat> {
    return this.stat(path);
  }

  async readdir(): Promise<string[]> {
    return ["1", "2"];
  }

  async mkdir(path: string): Promise<void> {
    throw new FsError("EEXIST", "mkdir", TTY_DIR + path);
  }

  async rm(path: string): Promise<void> {
    throw new FsError("EPERM", "rm", TTY_DIR + path);
  }

  async cp(_src: string, dest: string): Promise<void> {
    throw new FsError("EPERM", "cp", TTY_DIR + dest);
  }

  async mv(src: string): Promise<void> {
    throw new FsError("EPERM", "mv", TTY_DIR + src);
  }

  resolvePath(base: string, path: string): string {
    return path.startsWith("/") ? path : `${base.replace(/\/$/, "")}/${path}`;
  }

  getAllPaths(): string[] {
    return [];
  }

  async chmod(): Promise<void> {}

  async symlink(_target: string, link: string): Promise<void> {
    throw new FsError("EPERM", "symlink", TTY_DIR + link);
  }

  async link(_existing: string, link: string): Promise<void> {
    throw new FsError("EPERM", "link", TTY_DIR + link);
  }

  async readlink(path: string): Promise<string> {
    throw new FsError("EINVAL", "readlink", TTY_DIR + path);
  }

  async realpath(path: string): Promise<string> {
    return path;
  }

  async utimes(): Promise<void> {}
}
