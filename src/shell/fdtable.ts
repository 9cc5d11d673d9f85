/**
 * The shell's open block devices: which descriptors of which process hold which device open,
 * as Linux's files_struct (include/linux/fdtable.h) and struct file keep them.
 *
 * just-bash reads a redirection (`< /dev/mapper/x`, `exec 3< /dev/mapper/x`) through the file
 * system without opening anything, so on its own a device would never look open to dmsetup. The
 * rewrite (rewrite.ts) adds `__dmsh_fd` marker commands around every statement with a
 * redirection that may name a block device, and after every `exec` that changes descriptors;
 * they drive this table:
 *
 * - `hold`/`release` bracket one statement: each file-opening redirection of the statement
 *   (`<`, `>`, `>>`, `>|`, `<>`, `&>`, `>&file`) opens its device for as long as the statement
 *   runs (its command, pipeline, loop, group, subshell or function call), as the process that
 *   runs it keeps the descriptor on Linux.
 * - `exec` replays an `exec`'s redirections on the process's descriptor table: an open replaces
 *   what the descriptor held, `N<&M`/`N>&M` shares M's open file (dup2: one open, two
 *   descriptors), `N<&-` closes, `N<&M-` moves.
 * - A background job (`cmd &`) and a subshell (`( ... )`) are new processes: they inherit a copy
 *   of the parent's descriptors (fork: the open files are shared, not opened again) and close
 *   them all when they end. So `exec 3< x; sleep 1 &; exec 3<&-` leaves x open until the sleep
 *   ends, as on Linux.
 *
 * An open file is one blkdev_get (the device's open count, `dmsetup info`'s "Open count"); the
 * last descriptor closing it is blkdev_put (BlockFile.release: dirty pages are written back, a
 * deferred remove happens). Only block devices are tracked; any other path is left to just-bash.
 */

import type { BlockDevice } from "../engine/index.ts";
import { BlockFile } from "./blockio.ts";
import type { DmshContext } from "./context.ts";

/** struct file of an open block device: shared by every descriptor dup'ed or inherited from it. */
export class OpenFile {
  readonly file: BlockFile;
  /** Descriptors (in any process) and statement holds referring to it. */
  refs = 1;

  constructor(file: BlockFile) {
    this.file = file;
  }

  get bdev(): BlockDevice {
    return this.file.bdev;
  }
}

/** A process's descriptors (files_struct), its statement holds, and its parent. */
interface Proc {
  readonly id: string;
  readonly fds: Map<number, OpenFile>;
  /** Holds of the statements running in it: static id -> stack (a statement may recurse). */
  readonly holds: Map<string, OpenFile[][]>;
  /** A subshell ends with its run at the latest; a job when it ends. */
  readonly kind: "shell" | "subshell" | "job";
}

/** Redirection operators that open a file (the descriptor they set, when no number is given). */
const OPENS: Record<string, number[]> = {
  "<": [0],
  "<>": [0],
  ">": [1],
  ">>": [1],
  ">|": [1],
  "&>": [1, 2],
  "&>>": [1, 2],
  ">&": [1, 2],
};

/** The main shell's process id (the variable `__DMSH_PROC` is unset there). */
export const SHELL_PROC = "0";

export class FdTables {
  readonly #ctx: DmshContext;
  /** Resolves a path to the block device it names (null: not a block device, or not openable). */
  readonly #lookup: (path: string) => BlockDevice | null;
  readonly #procs = new Map<string, Proc>();
  #nextProc = 1;

  constructor(ctx: DmshContext, lookup: (path: string) => BlockDevice | null) {
    this.#ctx = ctx;
    this.#lookup = lookup;
    this.#procs.set(SHELL_PROC, {
      id: SHELL_PROC,
      fds: new Map(),
      holds: new Map(),
      kind: "shell",
    });
  }

  #proc(id: string): Proc {
    return this.#procs.get(id) ?? this.#procs.get(SHELL_PROC)!;
  }

  /** blkdev_get for a redirection of `path` with operator `op`, or null (not a block device). */
  #open(op: string, path: string): OpenFile | null {
    const bdev = this.#lookup(path);
    if (!bdev) return null;
    // Opening a read-only device for writing fails (the redirection itself reports it).
    if (op !== "<" && bdev.readOnly) return null;
    const f = new BlockFile(this.#ctx, bdev);
    f.open();
    return new OpenFile(f);
  }

  /** fput: the last reference closes the device (blkdev_put). */
  async #put(f: OpenFile | undefined): Promise<void> {
    if (!f || --f.refs > 0) return;
    await f.file.release();
  }

  /**
   * `hold`: a statement with redirections `[op, target]...` starts in process `proc`; each
   * target that is a block device is opened until `release` with the same `id`.
   */
  hold(proc: string, id: string, redirs: ReadonlyArray<readonly [string, string]>): void {
    const p = this.#proc(proc);
    const opened: OpenFile[] = [];
    for (const [op, target] of redirs) {
      if (!(op in OPENS)) continue;
      const f = this.#open(op, target);
      if (f) opened.push(f);
    }
    const stack = p.holds.get(id) ?? [];
    stack.push(opened);
    p.holds.set(id, stack);
  }

  /** `release`: the statement `id` of process `proc` ended; its holds are closed. */
  async release(proc: string, id: string): Promise<void> {
    const p = this.#proc(proc);
    const stack = p.holds.get(id);
    const opened = stack?.pop();
    if (stack && stack.length === 0) p.holds.delete(id);
    for (const f of opened ?? []) await this.#put(f);
  }

  /**
   * `exec` with only redirections: apply them, in order, to the descriptors of `proc`. Each is
   * `[fd, op, target]` with fd "" when the redirection names none.
   */
  async exec(
    proc: string,
    redirs: ReadonlyArray<readonly [string, string, string]>,
  ): Promise<void> {
    const p = this.#proc(proc);
    const set = async (fd: number, f: OpenFile | undefined) => {
      const old = p.fds.get(fd);
      if (f) {
        f.refs++;
        p.fds.set(fd, f);
      } else p.fds.delete(fd);
      await this.#put(old);
    };
    for (const [fdText, op, target] of redirs) {
      const fd = fdText === "" ? null : Number(fdText);
      if (
        (op === "<&" || op === ">&") &&
        (fd !== null || op === "<&" || /^\d+-?$|^-$/.test(target))
      ) {
        const to = fd ?? (op === "<&" ? 0 : 1);
        if (target === "-") {
          await set(to, undefined);
          continue;
        }
        const m = /^(\d+)(-?)$/.exec(target);
        if (!m) continue;
        const from = Number(m[1]);
        if (from === to) continue;
        await set(to, p.fds.get(from));
        if (m[2] === "-") await set(from, undefined);
        continue;
      }
      const fds = OPENS[op];
      if (!fds) continue;
      const f = this.#open(op, target);
      const targets = fd === null ? fds : [fd];
      for (const t of targets) await set(t, f ?? undefined);
      // The descriptors hold the references now; the open's own one goes.
      if (f) await this.#put(f);
    }
  }

  /** fork: a new process (a background job or a subshell) with a copy of `parent`'s descriptors. */
  fork(parent: string, kind: "subshell" | "job"): string {
    const from = this.#proc(parent);
    const id = String(this.#nextProc++);
    const fds = new Map<number, OpenFile>();
    for (const [fd, f] of from.fds) {
      f.refs++;
      fds.set(fd, f);
    }
    this.#procs.set(id, { id, fds, holds: new Map(), kind });
    return id;
  }

  /** The process ended (exit): every descriptor and hold it had is closed. */
  async exit(id: string): Promise<void> {
    const p = this.#procs.get(id);
    if (!p || id === SHELL_PROC) return;
    this.#procs.delete(id);
    await this.#closeAll(p);
  }

  async #closeAll(p: Proc): Promise<void> {
    const files = [...p.fds.values()];
    p.fds.clear();
    for (const stack of p.holds.values()) for (const opened of stack) files.push(...opened);
    p.holds.clear();
    for (const f of files) await this.#put(f);
  }

  /**
   * A run of the shell ended: statements it left unfinished (an `exit`, `return` or `break`
   * out of them) and subshells it left release what they held. The shell's own descriptors
   * (`exec 3< x`) stay open, as an interactive shell keeps them.
   */
  async endRun(): Promise<void> {
    for (const p of [...this.#procs.values()]) {
      if (p.kind === "subshell") await this.exit(p.id);
    }
    const shell = this.#proc(SHELL_PROC);
    const files: OpenFile[] = [];
    for (const stack of shell.holds.values()) for (const opened of stack) files.push(...opened);
    shell.holds.clear();
    for (const f of files) await this.#put(f);
  }

  /** The descriptors of `proc` that hold a block device open (for tests and /proc). */
  openFds(proc: string = SHELL_PROC): Map<number, BlockDevice> {
    const out = new Map<number, BlockDevice>();
    for (const [fd, f] of this.#proc(proc).fds) out.set(fd, f.bdev);
    return out;
  }
}
