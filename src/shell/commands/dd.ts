/**
 * busybox 1.35 dd (coreutils/dd.c), step for step: the same operands and number suffixes, the
 * same order of open, truncate, skip and seek, the same record counting (`N+M records in/out`
 * on stderr, no third line in Debian's build), the same messages, and busybox's habit of
 * retrying without O_DIRECT when O_DIRECT says EINVAL (which small, malloc'd buffers cause).
 */

import type { BlockFile } from "../blockio.ts";
import { openPath, type Opened } from "../files.ts";
import { latin1, STRERROR, bytesOf } from "../util.ts";
import { command, type DmshCommand, type Io } from "./command.ts";

const USAGE = `BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.

Usage: dd [if=FILE] [of=FILE] [ibs=N obs=N/bs=N] [count=N] [skip=N] [seek=N]
\t[conv=notrunc|noerror|sync|fsync]
\t[iflag=skip_bytes|count_bytes|fullblock|direct] [oflag=seek_bytes|append|direct]

Copy a file with converting and formatting

\tif=FILE\t\tRead from FILE instead of stdin
\tof=FILE\t\tWrite to FILE instead of stdout
\tbs=N\t\tRead and write N bytes at a time
\tibs=N\t\tRead N bytes at a time
\tobs=N\t\tWrite N bytes at a time
\tcount=N\t\tCopy only N input blocks
\tskip=N\t\tSkip N input blocks
\tseek=N\t\tSkip N output blocks
\tconv=notrunc\tDon't truncate output file
\tconv=noerror\tContinue after read errors
\tconv=sync\tPad blocks with zeros
\tconv=fsync\tPhysically write data out before finishing
\tconv=swab\tSwap every pair of bytes
\tiflag=skip_bytes\tskip=N is in bytes
\tiflag=count_bytes\tcount=N is in bytes
\toflag=seek_bytes\tseek=N is in bytes
\tiflag=direct\tO_DIRECT input
\toflag=direct\tO_DIRECT output
\tiflag=fullblock\tRead full blocks
\toflag=append\tOpen output in append mode
\tstatus=noxfer\tSuppress rate output
\tstatus=none\tSuppress all output

N may be suffixed by c (1), w (2), b (512), kB (1000), k (1024), MB, M, GB, G
`;

/** cwbkMG_suffixes. */
const SUFFIXES: Record<string, bigint> = {
  c: 1n,
  w: 2n,
  b: 512n,
  kB: 1000n,
  kD: 1000n,
  k: 1024n,
  K: 1024n,
  MB: 1000000n,
  MD: 1000000n,
  M: 1048576n,
  GB: 1000000000n,
  GD: 1000000000n,
  G: 1073741824n,
};

const ULLONG_MAX = 0xffffffffffffffffn;
/** A buffer this large is mmap'ed, hence page aligned, and O_DIRECT accepts it. */
const PAGE = 4096;
/** dmsh refuses blocks larger than this (busybox would try to allocate them). */
const MAX_BLOCK = 256 << 20;

class Die extends Error {}

/** libbb's xstrtou*_range_sfx. */
function parseNum(s: string, lower: bigint, upper: bigint): bigint | string {
  const m = /^(\d+)(.*)$/s.exec(s);
  if (s.startsWith("-") || s.startsWith("+") || /^\s/.test(s) || !m) return `invalid number '${s}'`;
  let v = BigInt(m[1]!);
  if (v > ULLONG_MAX) return `invalid number '${s}'`;
  const sfx = m[2]!;
  if (sfx !== "") {
    const mult = SUFFIXES[sfx];
    if (mult === undefined) return `invalid number '${s}'`;
    if (ULLONG_MAX / mult < v) return `number ${s} is not in ${lower}..${upper} range`;
    v *= mult;
  }
  if (v < lower || v > upper) return `number ${s} is not in ${lower}..${upper} range`;
  return v;
}

/** One end of the copy: what read(2), write(2) and lseek(2) do on it. */
interface End {
  name: string;
  /**
   * read(2) of up to `n` bytes: the bytes or an errno. Like dd's own input buffer, what it
   * returns may be the end's one buffer, valid until the next read (it costs no allocation per
   * block, which in a browser's worker costs more than the I/O it carries).
   */
  read(n: number): Promise<Uint8Array | string>;
  write(data: Uint8Array): Promise<number | string>;
  /** lseek(fd, off, SEEK_CUR): null or an errno. */
  seek(off: bigint): string | null;
  close(): Promise<void>;
  /** Set when O_DIRECT was on and got dropped. */
  clearDirect(): boolean;
  /** fsync(2): null, or the errno it failed with. Ends without a page cache have none. */
  fsync?(): Promise<string | null>;
}

function blockEnd(name: string, file: BlockFile, append: boolean): End {
  let pos = 0;
  file.open();
  let closed = false;
  let ibuf = new Uint8Array(0);
  return {
    name,
    async read(n) {
      if (ibuf.length !== n) ibuf = new Uint8Array(n);
      const buf = ibuf;
      const r = await file.read(pos, buf);
      if (r.errno !== undefined) return r.errno;
      pos += r.n;
      return buf.subarray(0, r.n);
    },
    async write(data) {
      if (append) pos = file.size;
      const r = await file.write(pos, data);
      if (r.errno !== undefined) return r.errno;
      pos += r.n;
      return r.n;
    },
    seek(off) {
      const to = BigInt(pos) + off;
      if (to > BigInt(file.size)) return "EINVAL";
      pos = Number(to);
      return null;
    },
    async close() {
      if (closed) return;
      closed = true;
      await file.release();
    },
    async fsync() {
      const r = await file.fsync();
      return r.errno ?? null;
    },
    clearDirect() {
      if (!file.direct) return false;
      file.direct = false;
      return true;
    },
  };
}

/** A regular file, edited in memory and written back at close. */
async function fileEnd(
  io: Io,
  name: string,
  path: string,
  data: Uint8Array,
  append: boolean,
): Promise<End & { truncate(len: number): void }> {
  let buf = data;
  let size = data.length;
  let pos = 0;
  let dirty = false;
  let closed = false;
  const grow = (n: number) => {
    if (n <= buf.length) return;
    const nb = new Uint8Array(Math.max(n, buf.length * 2));
    nb.set(buf.subarray(0, size));
    buf = nb;
  };
  return {
    name,
    async read(n) {
      const out = buf.slice(pos, Math.min(pos + n, size));
      pos += out.length;
      return out;
    },
    async write(d) {
      if (append) pos = size;
      grow(pos + d.length);
      if (pos > size) buf.fill(0, size, pos);
      buf.set(d, pos);
      pos += d.length;
      size = Math.max(size, pos);
      dirty = true;
      return d.length;
    },
    seek(off) {
      pos = Number(BigInt(pos) + off);
      return null;
    },
    truncate(len) {
      grow(len);
      if (len > size) buf.fill(0, size, len);
      size = len;
      dirty = true;
    },
    async close() {
      if (dirty && !closed) await io.shell.fs.writeFile(path, buf.slice(0, size));
      closed = true;
    },
    clearDirect: () => false,
  };
}

function streamEnd(name: string, kind: "zero" | "urandom" | "null", io: Io): End {
  let ibuf = new Uint8Array(0);
  return {
    name,
    async read(n) {
      if (kind === "null") return new Uint8Array(0);
      if (ibuf.length !== n) ibuf = new Uint8Array(n);
      const b = ibuf;
      // Zeroed again: a target may have changed the last block's bytes in place (a corruption).
      if (kind === "urandom") io.shell.ctx.urandom.fill(b);
      else b.fill(0);
      return b;
    },
    async write(d) {
      return d.length;
    },
    seek: () => null,
    async close() {},
    clearDirect: () => false,
  };
}

export const dd = command("dd", async (args, io) => {
  const { out } = io;
  const flags = {
    notrunc: false,
    sync: false,
    noerror: false,
    fsync: false,
    swab: false,
    skipBytes: false,
    countBytes: false,
    fullblock: false,
    idirect: false,
    seekBytes: false,
    append: false,
    odirect: false,
    none: false,
    noxfer: false,
  };
  let ibs = 512n;
  let obs = 512n;
  let count: bigint | null = null;
  let seek = 0n;
  let skip = 0n;
  let infile: string | null = null;
  let outfile: string | null = null;
  const SSIZE_MAX = 0x7fffffffffffffffn;
  const die: (msg: string) => never = (msg) => {
    out.e(`dd: ${msg}\n`);
    throw new Die();
  };
  const comma = (val: string, words: Record<string, keyof typeof flags>, what: string) => {
    for (const w of val.split(",")) {
      const f = words[w];
      if (!f) die(`invalid argument '${w}' to '${what}'`);
      flags[f!] = true;
    }
  };
  const number = (s: string, lower: bigint, upper: bigint): bigint => {
    const v = parseNum(s, lower, upper);
    if (typeof v === "string") die(v);
    return v as bigint;
  };
  let in_full = 0;
  let in_part = 0;
  let out_full = 0;
  let out_part = 0;
  const status = () => {
    if (!flags.none)
      out.e(`${in_full}+${in_part} records in\n${out_full}+${out_part} records out\n`);
  };
  const ends: End[] = [];
  try {
    for (const arg of args) {
      if (arg === "--") continue;
      const eq = arg.indexOf("=");
      const key = eq < 0 ? "" : arg.slice(0, eq);
      const val = arg.slice(eq + 1);
      switch (eq < 0 ? "" : key) {
        case "bs":
          ibs = obs = number(val, 1n, SSIZE_MAX);
          break;
        case "ibs":
          ibs = number(val, 1n, SSIZE_MAX);
          break;
        case "obs":
          obs = number(val, 1n, SSIZE_MAX);
          break;
        case "count":
          count = number(val, 0n, ULLONG_MAX);
          break;
        case "seek":
          seek = number(val, 0n, ULLONG_MAX);
          break;
        case "skip":
          skip = number(val, 0n, ULLONG_MAX);
          break;
        case "if":
          infile = val;
          break;
        case "of":
          outfile = val;
          break;
        case "conv":
          comma(
            val,
            { notrunc: "notrunc", sync: "sync", noerror: "noerror", fsync: "fsync", swab: "swab" },
            "conv",
          );
          break;
        case "iflag":
          comma(
            val,
            {
              skip_bytes: "skipBytes",
              count_bytes: "countBytes",
              fullblock: "fullblock",
              direct: "idirect",
            },
            "iflag",
          );
          break;
        case "oflag":
          comma(val, { seek_bytes: "seekBytes", append: "append", direct: "odirect" }, "oflag");
          break;
        case "status":
          if (val === "none") flags.none = true;
          else if (val === "noxfer") flags.noxfer = true;
          else die(`invalid argument '${val}' to 'status'`);
          break;
        default:
          out.e(USAGE);
          return 1;
      }
    }
    if (ibs > BigInt(MAX_BLOCK) || obs > BigInt(MAX_BLOCK)) die("memory exhausted");
    const ib = Number(ibs);
    const ob = Number(obs);
    const twobufs = ib !== ob;

    // Open the input.
    let input: End;
    const inName = infile ?? "standard input";
    if (infile !== null) {
      const o = await openPath(io.shell, io.path(infile));
      if ("errno" in o) die(`can't open '${infile}': ${STRERROR[o.errno] ?? o.errno}`);
      if ((o as Opened).kind === "file" && flags.idirect)
        die(`can't open '${infile}': Invalid argument`);
      input = await openEnd(io, infile, o as Opened, false, flags.idirect && ib >= PAGE, "r");
    } else {
      const data = bytesOf(io.stdin());
      input = await fileEnd(io, inName, "", data, false);
      input.seek = () => "ESPIPE";
    }
    ends.push(input);

    // Open the output.
    let output: End;
    const outName = outfile ?? "standard output";
    const outBytes: Uint8Array[] = [];
    if (outfile !== null) {
      const path = io.path(outfile);
      let o = await openPath(io.shell, path);
      // O_CREAT: a new regular file (devtmpfs takes one in /dev and /dev/mapper too).
      let created = false;
      if (
        "errno" in o &&
        o.errno === "ENOENT" &&
        (!path.startsWith("/dev/") || /^\/dev\/(mapper\/)?[^/]+$/.test(path))
      ) {
        o = { kind: "file", path };
        created = true;
      }
      if ("errno" in o) die(`can't open '${outfile}': ${STRERROR[o.errno] ?? o.errno}`);
      const opened = o as Opened;
      // The in-memory file system is a tmpfs: it refuses O_DIRECT at open, after O_CREAT made
      // the file (6.1.192 leaves it there, empty).
      if (opened.kind === "file" && flags.odirect) {
        if (created) await io.shell.fs.writeFile(path, new Uint8Array(0));
        die(`can't open '${outfile}': Invalid argument`);
      }
      output = await openEnd(
        io,
        outfile,
        opened,
        flags.append,
        flags.odirect && (twobufs ? ob : ib) >= PAGE,
        "w",
      );
      const f = output as End & { truncate?: (len: number) => void };
      if (opened.kind === "file" && f.truncate) {
        if (seek === 0n && !flags.notrunc) f.truncate(0);
        else if (seek !== 0n && !flags.notrunc)
          f.truncate(Number(seek * (flags.seekBytes ? 1n : obs)));
      }
    } else {
      output = {
        name: outName,
        read: async () => "EBADF",
        write: async (d) => {
          outBytes.push(d.slice());
          return d.length;
        },
        seek: () => "ESPIPE",
        close: async () => {},
        clearDirect: () => false,
      };
    }
    ends.push(output);
    const flushStdout = () => {
      for (const b of outBytes) out.o(latin1(b));
      outBytes.length = 0;
    };
    const dieIn = (errno: string): never => {
      flushStdout();
      die(`${inName}: ${STRERROR[errno] ?? errno}`);
    };
    const dieOut = (errno: string): never => {
      flushStdout();
      die(`${outName}: ${STRERROR[errno] ?? errno}`);
    };

    const ddRead = async (n: number): Promise<Uint8Array | string> => {
      if (io.interrupted()) return "EINTR";
      for (;;) {
        let r: Uint8Array | string;
        if (flags.fullblock) {
          // Each read's bytes are copied at once: the next read may reuse the end's buffer.
          const whole = new Uint8Array(n);
          let got = 0;
          r = whole.subarray(0, 0);
          while (got < n) {
            const x = await input.read(n - got);
            if (typeof x === "string") {
              r = got > 0 ? whole.subarray(0, got) : x;
              break;
            }
            if (x.length === 0) break;
            whole.set(x, got);
            got += x.length;
          }
          if (typeof r !== "string") r = whole.subarray(0, got);
        } else {
          r = await input.read(n);
        }
        if (r === "EINVAL" && flags.idirect && input.clearDirect()) continue;
        return r;
      }
    };

    // write_and_stats: true to stop (an error was reported).
    let lastErrno = "EIO";
    const writeAndStats = async (buf: Uint8Array): Promise<boolean> => {
      let n: number;
      for (;;) {
        let total = 0;
        let failed: string | null = null;
        while (total < buf.length) {
          const w = io.interrupted() ? "EINTR" : await output.write(buf.subarray(total));
          if (typeof w === "string") {
            failed = w;
            break;
          }
          if (w === 0) {
            failed = "ENOSPC";
            break;
          }
          total += w;
        }
        if (failed !== null) lastErrno = failed;
        n = failed !== null && total === 0 ? -1 : total;
        if (n < 0 && failed === "EINVAL" && flags.odirect && output.clearDirect()) continue;
        break;
      }
      if (n === ob) {
        out_full++;
        return false;
      }
      if (n === buf.length) {
        out_part++;
        return false;
      }
      flushStdout();
      out.e(`dd: error writing '${outName}': ${STRERROR[lastErrno] ?? lastErrno}\n`);
      return true;
    };

    if (skip !== 0n) {
      const blocksz = flags.skipBytes ? 1 : ib;
      if (input.seek(skip * BigInt(blocksz)) !== null) {
        do {
          const r = await ddRead(blocksz);
          if (typeof r === "string") dieIn(r);
          if ((r as Uint8Array).length === 0) break;
        } while (--skip !== 0n);
      }
    }
    if (seek !== 0n) {
      const blocksz = flags.seekBytes ? 1n : obs;
      const err = output.seek(seek * blocksz);
      if (err !== null) dieOut(err);
    }

    let ocount = 0;
    const obuf = new Uint8Array(twobufs ? ob : 0);
    let stopped = false;
    let prevOdd = false;
    for (;;) {
      let want = ib;
      if (count !== null) {
        if (count === 0n) break;
        if (flags.countBytes && count < ibs) want = Number(count);
      }
      const r = await ddRead(want);
      let data: Uint8Array;
      if (typeof r === "string") {
        if (!flags.noerror) dieIn(r);
        flushStdout();
        out.e(`dd: ${inName}: ${STRERROR[r] ?? r}\n`);
        // GNU dd with conv=noerror skips over bad blocks.
        const err = input.seek(ibs);
        if (err !== null) die(`lseek: ${STRERROR[err] ?? err}`);
        data = new Uint8Array(0);
      } else {
        if (r.length === 0) break;
        data = r;
      }
      if (flags.swab) {
        if (prevOdd) die(`can't swab ${data.length} byte buffer`);
        prevOdd = (data.length & 1) === 1;
        for (let i = 0; i + 1 < data.length; i += 2) {
          const t = data[i]!;
          data[i] = data[i + 1]!;
          data[i + 1] = t;
        }
      }
      if (count !== null) count -= flags.countBytes ? BigInt(data.length) : 1n;
      if (data.length === ib) in_full++;
      else {
        in_part++;
        if (flags.sync) {
          const padded = new Uint8Array(ib);
          padded.set(data);
          data = padded;
        }
      }
      if (twobufs) {
        let off = 0;
        while (off < data.length) {
          const d = Math.min(ob - ocount, data.length - off);
          obuf.set(data.subarray(off, off + d), ocount);
          off += d;
          ocount += d;
          if (ocount === ob) {
            if (await writeAndStats(obuf)) {
              stopped = true;
              break;
            }
            ocount = 0;
          }
        }
        if (stopped) break;
      } else if (await writeAndStats(data)) {
        stopped = true;
        break;
      }
    }
    if (!stopped && ocount !== 0 && (await writeAndStats(obuf.subarray(0, ocount)))) stopped = true;
    if (!stopped && flags.fsync) {
      const err = (await output.fsync?.()) ?? null;
      if (err !== null) dieOut(err);
    }
    flushStdout();
    if (!stopped) {
      await input.close();
      await output.close();
    }
    status();
    return stopped ? 1 : 0;
  } catch (e) {
    if (e instanceof Die) return 1;
    throw e;
  } finally {
    for (const end of ends) await end.close();
  }
});

async function openEnd(
  io: Io,
  name: string,
  o: Opened,
  append: boolean,
  direct: boolean,
  mode: "r" | "w",
): Promise<End> {
  switch (o.kind) {
    case "block":
      o.file.direct = direct;
      return blockEnd(name, o.file, append);
    case "zero":
    case "urandom":
    case "null":
      return streamEnd(name, o.kind, io);
    case "dir":
      return {
        name,
        read: async () => "EISDIR",
        write: async () => "EISDIR",
        seek: () => null,
        close: async () => {},
        clearDirect: () => false,
      };
    case "file": {
      let data: Uint8Array = new Uint8Array(0);
      try {
        data = await io.shell.fs.readFileBuffer(o.path);
      } catch {
        if (mode === "r") throw new Error(`cannot read ${name}`);
      }
      return fileEnd(io, name, o.path, data, append);
    }
  }
}

export const ddCommands: DmshCommand[] = [dd];
