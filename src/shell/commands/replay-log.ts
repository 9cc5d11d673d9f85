/**
 * replay-log: fstests' tool for dm-log-writes logs (src/log-writes/replay-log.c and
 * log-writes.c, kdave/xfstests), with its options, output and error texts:
 *
 *     replay-log --log <logfile> [--replay <device>] [--limit N] [--next-flush] [--next-fua]
 *                [--start-entry N | --start-mark M] [--end-mark M] [--find] [--num-entries]
 *                [--no-discard] [--fsck CMD --check N|flush|fua|discard]
 *                [--start-sector S] [--end-sector S] [-v [-v]]
 *
 * Without --replay it prints `Log version=1, sectorsize=N, entries=N`; with --find it prints
 * `<entry>@<block after it>` of the entry it stops at; with --replay it writes each entry's data
 * onto the device (buffered pwrite, then fsync), stopping after --limit entries, at the next
 * flush / FUA, or at --end-mark. Long options may be abbreviated, as getopt_long allows.
 *
 * Discards are replayed as zeros written (zero_range), as replay-log falls back to when
 * BLKDISCARD fails, which it does on Linux's RAM disks (6.1's brd has no discard); its -v line
 * "replay device doesn't support discard, switching to writing zeros" is printed as there.
 */

import type { BlockFile } from "../blockio.ts";
import { openPath } from "../files.ts";
import { command, type Io } from "./command.ts";
import {
  decodeEntry,
  decodeSuper,
  entryFlagsToStr,
  entryValid,
  LOG_DISCARD_FLAG,
  LOG_ENTRY_SIZE,
  LOG_FLUSH_FLAG,
  LOG_FUA_FLAG,
  LOG_MARK_FLAG,
  LOG_SUPER_SIZE,
  WRITE_LOG_MAGIC,
  WRITE_LOG_VERSION,
  type LogEntry,
} from "../../engine/log-writes-format.ts";

const USAGE = [
  "Usage: replay-log --log <logfile> [options]",
  "\t--replay <device> - replay onto a specific device",
  "\t--limit <number> - number of entries to replay",
  "\t--next-flush - replay to/find the next flush",
  "\t--next-fua - replay to/find the next fua",
  "\t--start-entry <entry> - start at the given entry #",
  "\t--start-mark <mark> - mark to start from",
  "\t--end-mark <mark> - replay to/find the given mark",
  "\t--find - put replay-log in find mode, will search based on the other options",
  "\t--number-entries - print the number of entries in the log",
  "\t--no-discard - don't process discard entries",
  "\t--fsck - the fsck command to run, must specify --check",
  "\t--check [<number>|flush|fua|discard] when to check the file system, mush specify --fsck",
  "\t--start-sector <sector> - replay ops on region from <sector> onto <device>",
  "\t--end-sector <sector> - replay ops on region to <sector> onto <device>",
  "\t-v or --verbose - print replayed ops",
  "\t-vv - print also skipped ops",
  "",
].join("\n");

/** long_options[], in order: name -> takes an argument. */
const LONG: [string, boolean][] = [
  ["next-flush", false],
  ["next-fua", false],
  ["start-entry", true],
  ["end-mark", true],
  ["log", true],
  ["replay", true],
  ["limit", true],
  ["verbose", false],
  ["find", false],
  ["num-entries", false],
  ["no-discard", false],
  ["fsck", true],
  ["check", true],
  ["start-mark", true],
  ["start-sector", true],
  ["end-sector", true],
];

class Exit extends Error {
  constructor(readonly status: number) {
    super(`exit ${status}`);
  }
}

/** strtoull(s, &end, 0) with "*end == '\0'" checked: a number, or null when junk follows. */
function strtoull0(s: string): bigint | null {
  const m = /^\s*([+-]?)(0[xX][0-9a-fA-F]*|0[0-7]*|[1-9][0-9]*)(.*)$/s.exec(s);
  if (!m) return s.trim() === "" ? 0n : null;
  // "0x" without a hex digit parses as 0 followed by "x": junk.
  if (m[3] !== "" || /^0[xX]$/.test(m[2]!)) return null;
  let digits = m[2]!;
  let v: bigint;
  if (/^0[xX]/.test(digits)) v = BigInt(digits);
  else if (digits.length > 1 && digits.startsWith("0")) {
    digits = digits.slice(1);
    v = BigInt(`0o${digits}`);
  } else v = BigInt(digits);
  if (v > 0xffffffffffffffffn) v = 0xffffffffffffffffn;
  if (m[1] === "-") v = (0x10000000000000000n - v) & 0xffffffffffffffffn;
  return v;
}

/** struct log (log-writes.h): the open log, where the walk is. */
interface Log {
  read(pos: number, len: number): Promise<Uint8Array | null>;
  replay: BlockFile | null;
  replayName: string;
  ignoreDiscard: boolean;
  discardNotSupp: boolean;
  sectorsize: number;
  startSector: bigint;
  endSector: bigint;
  nrEntries: number;
  curEntry: number;
  curPos: number;
  maxZeroSize: number;
}

export const replayLog = command("replay-log", async (args, io) => {
  try {
    return await run(args, io);
  } catch (e) {
    if (e instanceof Exit) return e.status;
    throw e;
  }
});

async function run(args: string[], io: Io): Promise<number> {
  const { out } = io;
  const usage = (): never => {
    out.e(USAGE);
    throw new Exit(1);
  };
  const opts: [string, string | null][] = [];
  let verbose = 0;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "--") break;
    if (a.startsWith("--")) {
      const eq = a.indexOf("=");
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      const exact = LONG.find(([n]) => n === name);
      const matches = exact ? [exact] : LONG.filter(([n]) => n.startsWith(name));
      if (matches.length === 0) {
        out.e(`replay-log: unrecognized option '${eq >= 0 ? a.slice(0, eq) : a}'\n`);
        usage();
      }
      if (matches.length > 1) {
        out.e(
          `replay-log: option '${eq >= 0 ? a.slice(0, eq) : a}' is ambiguous; possibilities:${matches.map(([n]) => ` '--${n}'`).join("")}\n`,
        );
        usage();
      }
      const [full, hasArg] = matches[0]!;
      let value: string | null = null;
      if (hasArg) {
        if (eq >= 0) value = a.slice(eq + 1);
        else if (i + 1 < args.length) value = args[++i]!;
        else {
          out.e(`replay-log: option '--${full}' requires an argument\n`);
          usage();
        }
      } else if (eq >= 0) {
        out.e(`replay-log: option '--${full}' doesn't allow an argument\n`);
        usage();
      }
      if (full === "verbose") verbose++;
      else opts.push([full, value]);
    } else if (a.startsWith("-") && a.length > 1) {
      for (const ch of a.slice(1)) {
        if (ch === "v") verbose++;
        else {
          out.e(`replay-log: invalid option -- '${ch}'\n`);
          usage();
        }
      }
    }
    // Operands are ignored, as getopt_long permutes them to the end and main never reads them.
  }

  let stopFlags = 0;
  let startEntry = 0n;
  let startSector = 0n;
  let endSector = 0xffffffffffffffffn;
  let runLimit = 0n;
  let checkNumber = 0n;
  let endMark: string | null = null;
  let startMark: string | null = null;
  let logfile: string | null = null;
  let replayfile: string | null = null;
  let fsckCommand: string | null = null;
  let findMode = false;
  let printNumEntries = false;
  let discard = true;
  let checkMode: "" | "number" | "fua" | "flush" | "discard" = "";
  const number = (v: string, what: string): bigint => {
    const n = strtoull0(v);
    if (n === null) {
      out.e(`${what}\n`);
      throw new Exit(1);
    }
    return n;
  };
  // A mark is cut to 4097 - sizeof(struct log_write_entry) bytes (strndup).
  const markArg = (v: string): string => {
    const b = new TextEncoder().encode(v);
    return b.length > 4097 - LOG_ENTRY_SIZE
      ? new TextDecoder().decode(b.subarray(0, 4097 - LOG_ENTRY_SIZE))
      : v;
  };
  for (const [name, value] of opts) {
    const v = value ?? "";
    switch (name) {
      case "next-flush":
        stopFlags |= LOG_FLUSH_FLAG;
        break;
      case "next-fua":
        stopFlags |= LOG_FUA_FLAG;
        break;
      case "start-entry":
        startEntry = number(v, "Invalid entry number");
        break;
      case "start-mark":
        startMark = markArg(v);
        break;
      case "end-mark":
        endMark = markArg(v);
        stopFlags |= LOG_MARK_FLAG;
        break;
      case "log":
        logfile = v;
        break;
      case "replay":
        replayfile = v;
        break;
      case "limit":
        runLimit = number(v, "Invalid entry number");
        break;
      case "find":
        findMode = true;
        break;
      case "num-entries":
        printNumEntries = true;
        break;
      case "no-discard":
        discard = false;
        break;
      case "fsck":
        fsckCommand = v;
        break;
      case "check":
        if (v === "flush") checkMode = "flush";
        else if (v === "fua") checkMode = "fua";
        else if (v === "discard") checkMode = "discard";
        else {
          checkMode = "number";
          const n = strtoull0(v);
          if (!n) {
            out.e("Invalid entry number\n");
            throw new Exit(1);
          }
          checkNumber = n;
        }
        break;
      case "start-sector":
        startSector = number(v, "Invalid sector number");
        break;
      case "end-sector":
        endSector = number(v, "Invalid sector number");
        break;
    }
  }
  if (logfile === null) usage();

  const log = await logOpen(io, logfile!, replayfile);
  if (!log) return 1;
  try {
    log.ignoreDiscard = !discard;
    log.startSector = startSector;
    log.endSector = endSector;
    const p = (s: string) => out.o(s);

    if (startMark !== null) {
      const r = await seekToMark(io, log, startMark, verbose);
      if (r) return 1;
    } else if (await logSeekEntry(io, log, startEntry, verbose)) return 1;

    if ((fsckCommand !== null && !checkMode) || (fsckCommand === null && checkMode)) usage();

    if (findMode) {
      let numEntries = 0n;
      let ret: number;
      for (;;) {
        const r = await logSeekNextEntry(io, log, verbose);
        if (typeof r === "number") {
          ret = r;
          break;
        }
        numEntries++;
        if ((runLimit && numEntries === runLimit) || shouldStop(r, stopFlags, endMark)) {
          p(`${log.curEntry - 1}@${Math.floor(log.curPos / log.sectorsize)}\n`);
          return 0;
        }
      }
      if (ret < 0) return 255;
      out.e("Couldn't find entry\n");
      return 1;
    }

    if (printNumEntries) {
      p(`${log.nrEntries}\n`);
      return 0;
    }

    if (!log.replay) {
      p(
        `Log version=${WRITE_LOG_VERSION}, sectorsize=${log.sectorsize}, entries=${log.nrEntries}\n`,
      );
      return 0;
    }

    let numEntries = 0n;
    let ret = 0;
    for (;;) {
      const r = await logReplayNextEntry(io, log, verbose);
      if (typeof r === "number") {
        ret = r;
        break;
      }
      numEntries++;
      if (fsckCommand !== null) {
        let fr = 0;
        if (
          (checkMode === "number" && numEntries % checkNumber === 0n) ||
          (checkMode === "fua" && shouldStop(r, LOG_FUA_FLAG, null)) ||
          (checkMode === "flush" && shouldStop(r, LOG_FLUSH_FLAG, null)) ||
          (checkMode === "discard" && shouldStop(r, LOG_DISCARD_FLAG, null))
        )
          fr = await runFsck(io, log, fsckCommand);
        if (fr) {
          out.e(`Fsck errored out on entry ${log.curEntry - 1}\n`);
          ret = fr;
          break;
        }
      }
      if ((runLimit && numEntries === runLimit) || shouldStop(r, stopFlags, endMark)) break;
    }
    await log.replay.fsync();
    return ret < 0 ? 1 : 0;
  } finally {
    await log.replay?.release();
  }
}

/** should_stop: the entry has one of `stopFlags`; for a mark, also its text (strncmp). */
function shouldStop(e: LogEntry, stopFlags: number, mark: string | null): boolean {
  if (!(e.flags & stopFlags)) return false;
  if (!(stopFlags & LOG_MARK_FLAG)) return true;
  return (e.flags & LOG_MARK_FLAG) !== 0 && mark !== null && e.mark === mark;
}

async function runFsck(io: Io, log: Log, cmd: string): Promise<number> {
  if (log.replay) {
    const r = await log.replay.fsync();
    if (r.errno !== undefined) return -1;
  }
  const exec = io.ctx.exec;
  if (!exec) return -1;
  const r = await exec(cmd, { cwd: io.ctx.cwd });
  if (r.stdout) io.out.o(r.stdout);
  if (r.stderr) io.out.e(r.stderr);
  return r.exitCode ? -1 : 0;
}

const ERRNO_NUM: Record<string, number> = {
  ENOENT: 2,
  EIO: 5,
  ENXIO: 6,
  EACCES: 13,
  EISDIR: 21,
  EINVAL: 22,
  EPERM: 1,
};

async function logOpen(io: Io, logfile: string, replayfile: string | null): Promise<Log | null> {
  const { shell, out } = io;
  const opened = await openPath(shell, io.path(logfile));
  let read: Log["read"];
  let size: number;
  if ("errno" in opened) {
    out.e(`Couldn't open log ${logfile}: ${ERRNO_NUM[opened.errno] ?? 5}\n`);
    return null;
  }
  if (opened.kind === "block") {
    const f = opened.file;
    size = f.size;
    read = async (pos, len) => {
      const n = Math.max(0, Math.min(len, size - pos));
      const buf = new Uint8Array(n);
      if (n === 0) return buf;
      const r = await f.read(pos, buf);
      return r.errno !== undefined ? null : buf.subarray(0, r.n);
    };
  } else if (opened.kind === "file") {
    const data = await shell.fs.readFileBuffer(opened.path);
    size = data.length;
    read = async (pos, len) => data.slice(pos, Math.min(pos + len, size));
  } else if (opened.kind === "zero" || opened.kind === "null") {
    size = opened.kind === "zero" ? Infinity : 0;
    read = async (_pos, len) => new Uint8Array(opened.kind === "zero" ? len : 0);
  } else {
    // A directory opens O_RDONLY, then read() fails with EISDIR; /dev/urandom reads junk.
    out.e(opened.kind === "dir" ? "Error reading super: 21\n" : "Magic doesn't match\n");
    return null;
  }
  let replay: BlockFile | null = null;
  if (replayfile !== null) {
    const r = await openPath(shell, io.path(replayfile));
    if ("errno" in r || r.kind !== "block") {
      const errno = "errno" in r ? r.errno : r.kind === "dir" ? "EISDIR" : "EINVAL";
      out.e(`Couldn't open replay file ${replayfile}: ${ERRNO_NUM[errno] ?? 22}\n`);
      return null;
    }
    replay = r.file;
    replay.open();
  }
  const fail = async (text: string): Promise<null> => {
    out.e(text);
    await replay?.release();
    return null;
  };
  const sb = await read(0, LOG_SUPER_SIZE);
  if (!sb || sb.length < LOG_SUPER_SIZE) return fail(`Error reading super: ${sb ? 0 : 5}\n`);
  const s = decodeSuper(sb);
  if (s.magic !== WRITE_LOG_MAGIC) return fail("Magic doesn't match\n");
  if (s.version !== WRITE_LOG_VERSION)
    return fail(`Version mismatch, wanted ${WRITE_LOG_VERSION}, have ${s.version | 0}\n`);
  return {
    read,
    replay,
    replayName: replayfile ?? "",
    ignoreDiscard: false,
    discardNotSupp: false,
    sectorsize: s.sectorsize,
    startSector: 0n,
    endSector: 0xffffffffffffffffn,
    nrEntries: s.nrEntries,
    curEntry: 0,
    curPos: s.sectorsize,
    maxZeroSize: 128 * 1024 * 1024,
  };
}

/** Read an entry block at curPos; null (after printing why) when it cannot be read or is bad. */
async function readEntry(io: Io, log: Log, len: number): Promise<LogEntry | number> {
  const b = await log.read(log.curPos, len);
  if (!b || b.length !== len) {
    io.out.e(`Error reading entry: ${b ? 0 : 5}\n`);
    return -1;
  }
  if (!entryValid(b)) {
    io.out.e(`Malformed entry @${Math.floor(log.curPos / log.sectorsize)}\n`);
    return -1;
  }
  return decodeEntry(b, log.curEntry, log.curPos, log.sectorsize);
}

/** log_seek_entry: skip to entry `n` from the first, reading headers only. */
async function logSeekEntry(io: Io, log: Log, n: bigint, verbose: number): Promise<number> {
  if (n >= BigInt(log.nrEntries)) {
    io.out.e("Invalid entry number\n");
    return -1;
  }
  log.curPos = log.sectorsize;
  log.curEntry = 0;
  for (let i = 0; i < Number(n); i++) {
    const e = await readEntry(io, log, LOG_ENTRY_SIZE + 1);
    if (typeof e === "number") return e;
    if (verbose > 1)
      io.out.o(
        `seek entry ${i}@${Math.floor(log.curPos / log.sectorsize)}: ${e.sector}, size ${e.nrSectors}, flags 0x${e.flags.toString(16)}\n`,
      );
    let seek = log.sectorsize;
    if (!(e.flags & LOG_DISCARD_FLAG)) seek += e.nrSectors * log.sectorsize;
    log.curPos += seek;
    log.curEntry++;
  }
  return 0;
}

/** log_seek_next_entry: the next entry, its data skipped. 1 at the end, -1 on error. */
async function logSeekNextEntry(io: Io, log: Log, verbose: number): Promise<LogEntry | number> {
  if (log.curEntry >= log.nrEntries) return 1;
  const e = await readEntry(io, log, log.sectorsize);
  if (typeof e === "number") return e;
  log.curEntry++;
  log.curPos += log.sectorsize;
  if (verbose > 1)
    io.out.o(
      `seek entry ${log.curEntry - 1}@${Math.floor(log.curPos / log.sectorsize)}: ${e.sector}, size ${e.nrSectors}, flags 0x${e.flags.toString(16)}(${entryFlagsToStr(e.flags)})\n`,
    );
  const size = e.nrSectors * log.sectorsize;
  if (!size || e.flags & LOG_DISCARD_FLAG) return e;
  log.curPos += size;
  return e;
}

async function seekToMark(io: Io, log: Log, mark: string, verbose: number): Promise<number> {
  for (;;) {
    const r = await logSeekNextEntry(io, log, verbose);
    if (typeof r === "number") {
      if (r === 1) {
        io.out.e("Couldn't find starting mark\n");
        return -1;
      }
      return r;
    }
    if (shouldStop(r, LOG_MARK_FLAG, mark)) return 0;
  }
}

/** log_should_skip: the entry lies outside [start_sector, end_sector]. */
function shouldSkip(log: Log, e: LogEntry): boolean {
  if (!e.nrSectors) return false;
  const s = BigInt(e.sector);
  return s + BigInt(e.nrSectors) <= log.startSector || s > log.endSector;
}

/** log_replay_next_entry: read the next entry and write its data onto the replay device. */
async function logReplayNextEntry(io: Io, log: Log, verbose: number): Promise<LogEntry | number> {
  const { out } = io;
  if (log.curEntry >= log.nrEntries) return 1;
  const e = await readEntry(io, log, log.sectorsize);
  if (typeof e === "number") return e;
  log.curEntry++;
  const size = e.nrSectors * log.sectorsize;
  log.curPos += log.sectorsize;
  const skip = shouldSkip(log, e);
  if (verbose > 1 || (verbose && !skip))
    out.o(
      `${skip ? "skipping" : "replaying"} ${log.curEntry - 1}@${Math.floor(log.curPos / log.sectorsize)}: sector ${e.sector}, size ${size}, flags 0x${e.flags.toString(16)}(${entryFlagsToStr(e.flags)})\n`,
    );
  if (!size) return e;
  if (e.flags & LOG_DISCARD_FLAG) return (await logDiscard(io, log, e, verbose)) ? -1 : e;
  if (skip) {
    log.curPos += size;
    return e;
  }
  const buf = await log.read(log.curPos, size);
  if (!buf || buf.length !== size) {
    out.e(`Error reading data: ${buf ? 0 : 5}\n`);
    return -1;
  }
  log.curPos += size;
  const w = await log.replay!.write(e.sector * log.sectorsize, buf);
  if (w.errno !== undefined || w.n !== size) {
    out.e(`Error writing data: ${w.errno !== undefined ? (ERRNO_NUM[w.errno] ?? 5) : 0}\n`);
    return -1;
  }
  return e;
}

/** log_discard: BLKDISCARD fails (no discard on the replay device), so zeros are written. */
async function logDiscard(io: Io, log: Log, e: LogEntry, verbose: number): Promise<number> {
  if (log.ignoreDiscard) return 0;
  let start = e.sector * log.sectorsize;
  let size = e.nrSectors * log.sectorsize;
  const maxChunk = 1024 * 1024 * 1024;
  while (size) {
    const len = Math.min(size, maxChunk);
    if (!log.discardNotSupp) {
      if (verbose) io.out.o("replay device doesn't support discard, switching to writing zeros\n");
      log.discardNotSupp = true;
    }
    if (log.maxZeroSize < len) {
      if (verbose) io.out.o(`discard len ${len} larger than max ${log.maxZeroSize}\n`);
    } else {
      for (let off = 0; off < len;) {
        const n = Math.min(len - off, 1 << 20);
        const w = await log.replay!.write(start + off, new Uint8Array(n));
        if (w.errno !== undefined || w.n !== n) {
          io.out.e(
            `Error zeroing file: ${w.errno !== undefined ? (ERRNO_NUM[w.errno] ?? 5) : 0}\n`,
          );
          return -1;
        }
        off += n;
      }
    }
    size -= len;
    start += len;
  }
  return 0;
}
