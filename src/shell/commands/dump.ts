/**
 * Reading tools: busybox hexdump (its bb_dump format engine, quirks included), od (busybox's
 * GNU-compatible od), md5sum, sha1sum and sha256sum. Files, devices and stdin alike; devices are
 * read in 4 KiB reads as a stdio buffer would, so I/O errors surface exactly where they do on
 * Linux (and log the same `Buffer I/O error` lines).
 */

import { sha1 } from "@noble/hashes/legacy.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { Md5 } from "../md5.ts";
import { bufferReader, openPath, reader, stdinReader, type Reader } from "../files.ts";
import { latin1, STRERROR, utf8Bytes } from "../util.ts";
import { command, getopt, type DmshCommand, type Io } from "./command.ts";

const BUSYBOX = "BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.\n\n";

/** The files named on a command line read one after another (stdin when none, or "-"). */
async function concatenated(
  io: Io,
  files: string[],
  onError: (file: string, errno: string, phase: "open" | "read") => void,
): Promise<Reader> {
  const list = files.length ? files : ["-"];
  let i = -1;
  let cur: Reader | null = null;
  return {
    async read(max) {
      for (;;) {
        if (io.interrupted()) return new Uint8Array(0);
        if (!cur) {
          i++;
          if (i >= list.length) return new Uint8Array(0);
          const f = list[i]!;
          if (f === "-") cur = stdinReader(io.stdin());
          else {
            const o = await openPath(io.shell, io.path(f));
            if ("errno" in o) {
              onError(f, o.errno, "open");
              continue;
            }
            try {
              cur = await reader(io.shell, o);
            } catch (e) {
              onError(f, (e as { code?: string }).code ?? "EIO", "read");
              continue;
            }
          }
        }
        const r = await cur.read(max);
        if (!(r instanceof Uint8Array)) {
          onError(list[i]!, r.errno, "read");
          cur = null;
          continue;
        }
        if (r.length === 0) {
          cur = null;
          continue;
        }
        return r;
      }
    },
  };
}

// ---- the bb_dump engine ------------------------------------------------------------------------

type Conv =
  | { kind: "text" }
  | { kind: "addr"; final: boolean; radix: "d" | "o" | "x" }
  | { kind: "char" }
  | { kind: "print" }
  | { kind: "cchar" }
  | { kind: "int"; conv: "d" | "i" | "o" | "u" | "x" | "X" }
  | { kind: "float"; conv: string }
  | { kind: "str" };

interface Pr {
  conv: Conv;
  /** printf flags, width and precision of the conversion. */
  flags: string;
  width: number;
  prec: number | undefined;
  bcnt: number;
  /** Text before and after the conversion. */
  pre: string;
  post: string;
  /** On the last iteration, the final space of `post` is dropped. */
  nospace: boolean;
}

interface Fu {
  reps: number;
  bcnt: number;
  setRep: boolean;
  prs: Pr[];
}

interface Fs {
  fus: Fu[];
  bcnt: number;
}

function unescapeFormat(s: string): string {
  return s.replace(/\\(n|t|r|a|b|f|v|\\|"|[0-7]{1,3})/g, (_m, c: string) => {
    const map: Record<string, string> = {
      n: "\n",
      t: "\t",
      r: "\r",
      a: "\x07",
      b: "\b",
      f: "\f",
      v: "\v",
      "\\": "\\",
      '"': '"',
    };
    return map[c] ?? String.fromCharCode(parseInt(c, 8));
  });
}

/** bb_dump_add: parse one format string into format units. */
function parseFormat(fmt: string): Fs | string {
  const fs: Fs = { fus: [], bcnt: 0 };
  let p = 0;
  while (p < fmt.length) {
    while (p < fmt.length && /\s/.test(fmt[p]!)) p++;
    if (p >= fmt.length) break;
    const fu: Fu = { reps: 1, bcnt: 0, setRep: false, prs: [] };
    let m = /^\d+/.exec(fmt.slice(p));
    if (m) {
      fu.reps = Number(m[0]);
      fu.setRep = true;
      p += m[0].length;
      while (p < fmt.length && /\s/.test(fmt[p]!)) p++;
      if (fmt[p] !== "/") fu.bcnt = 0;
    }
    if (fmt[p] === "/") {
      p++;
      while (p < fmt.length && /\s/.test(fmt[p]!)) p++;
      m = /^\d+/.exec(fmt.slice(p));
      if (!m) return `bad byte count for conversion character`;
      fu.bcnt = Number(m[0]);
      p += m[0].length;
      while (p < fmt.length && /\s/.test(fmt[p]!)) p++;
    }
    if (fmt[p] !== '"') return `bad format {${fmt}}`;
    const end = fmt.indexOf('"', p + 1);
    if (end < 0) return `bad format {${fmt}}`;
    const body = unescapeFormat(fmt.slice(p + 1, end));
    p = end + 1;
    // Split into conversions, each with the text before it; trailing text goes on the last.
    const re = /%([-+ #0]*)(\d*)(?:\.(\d*))?(_[aA][dox]|_[cpu]|[cdiouxXeEfgGs%])/g;
    let last = 0;
    let mm: RegExpExecArray | null;
    let pending = "";
    while ((mm = re.exec(body))) {
      const text = body.slice(last, mm.index);
      last = re.lastIndex;
      if (mm[4] === "%") {
        pending += text + "%";
        continue;
      }
      const c = mm[4]!;
      let conv: Conv;
      let bcnt = 0;
      if (c.startsWith("_a") || c.startsWith("_A")) {
        conv = { kind: "addr", final: c[1] === "A", radix: c[2] as "d" | "o" | "x" };
      } else if (c === "_c" || c === "_p" || c === "_u" || c === "c") {
        conv = { kind: c === "_c" ? "cchar" : c === "c" ? "char" : "print" };
        bcnt = 1;
      } else if ("diouxX".includes(c)) {
        conv = { kind: "int", conv: c as "d" };
        bcnt = fu.bcnt || 4;
      } else if ("eEfgG".includes(c)) {
        conv = { kind: "float", conv: c };
        bcnt = fu.bcnt || 8;
      } else {
        conv = { kind: "str" };
        bcnt = fu.bcnt || 0;
      }
      if (conv.kind === "int" && ![1, 2, 4, 8].includes(bcnt))
        return `bad byte count for conversion character ${c}`;
      const prev = fu.prs[fu.prs.length - 1];
      if (prev) prev.post += pending + text;
      fu.prs.push({
        conv,
        flags: mm[1]!,
        width: mm[2] ? Number(mm[2]) : 0,
        prec: mm[3] === undefined ? undefined : Number(mm[3] || "0"),
        bcnt,
        pre: prev ? "" : pending + text,
        post: "",
        nospace: false,
      });
      pending = "";
    }
    const tail = pending + body.slice(last);
    if (fu.prs.length === 0)
      fu.prs.push({
        conv: { kind: "text" },
        flags: "",
        width: 0,
        prec: undefined,
        bcnt: 0,
        pre: tail,
        post: "",
        nospace: false,
      });
    else fu.prs[fu.prs.length - 1]!.post += tail;
    if (!fu.bcnt) fu.bcnt = fu.prs.reduce((a, pr) => a + pr.bcnt, 0);
    fs.fus.push(fu);
  }
  fs.bcnt = fs.fus.reduce((a, fu) => a + fu.reps * fu.bcnt, 0);
  return fs;
}

function printfInt(
  v: bigint,
  conv: string,
  flags: string,
  width: number,
  prec: number | undefined,
): string {
  let s: string;
  const neg = v < 0n;
  const abs = neg ? -v : v;
  if (conv === "o") s = abs.toString(8);
  else if (conv === "x") s = abs.toString(16);
  else if (conv === "X") s = abs.toString(16).toUpperCase();
  else s = abs.toString(10);
  if (prec !== undefined) s = s.padStart(prec, "0");
  if (flags.includes("#") && v !== 0n)
    s = (conv === "o" ? "0" : conv === "x" ? "0x" : conv === "X" ? "0X" : "") + s;
  let sign = neg
    ? "-"
    : flags.includes("+") && (conv === "d" || conv === "i")
      ? "+"
      : flags.includes(" ") && (conv === "d" || conv === "i")
        ? " "
        : "";
  if (flags.includes("-")) return (sign + s).padEnd(width);
  if (flags.includes("0") && prec === undefined) {
    s = s.padStart(width - sign.length, "0");
    const r = sign + s;
    sign = "";
    return r;
  }
  return (sign + s).padStart(width);
}

function padStr(s: string, flags: string, width: number, prec: number | undefined): string {
  if (prec !== undefined) s = s.slice(0, prec);
  return flags.includes("-") ? s.padEnd(width) : s.padStart(width);
}

const CCHARS: Record<number, string> = {
  0: "\\0",
  7: "\\a",
  8: "\\b",
  12: "\\f",
  10: "\\n",
  13: "\\r",
  9: "\\t",
  11: "\\v",
};

function readValue(b: Uint8Array, off: number, n: number, signed: boolean): bigint {
  let v = 0n;
  for (let i = n - 1; i >= 0; i--) v = (v << 8n) | BigInt(b[off + i] ?? 0);
  if (signed && n > 0 && v >= 1n << BigInt(n * 8 - 1)) v -= 1n << BigInt(n * 8);
  return v;
}

/** One rendered print unit; `pad` renders it as blanks of its width (past the end of data). */
function render(
  pr: Pr,
  data: Uint8Array,
  off: number,
  address: number,
  pad: boolean,
  last: boolean,
): string {
  let post = pr.post;
  if (last && pr.nospace && post.endsWith(" ")) post = post.slice(0, -1);
  const c = pr.conv;
  let body = "";
  if (pad && c.kind !== "text" && c.kind !== "addr")
    body = padStr("", pr.flags, pr.width, undefined);
  else {
    switch (c.kind) {
      case "text":
        break;
      case "addr":
        body = printfInt(BigInt(address), c.radix, pr.flags, pr.width, pr.prec);
        break;
      case "char":
        body = padStr(String.fromCharCode(data[off]!), pr.flags, pr.width, undefined);
        break;
      case "print": {
        const ch = data[off]!;
        body = padStr(
          ch >= 0x20 && ch < 0x7f ? String.fromCharCode(ch) : ".",
          pr.flags,
          pr.width,
          undefined,
        );
        break;
      }
      case "cchar": {
        const ch = data[off]!;
        if (ch >= 0x20 && ch < 0x7f)
          body = padStr(String.fromCharCode(ch), pr.flags, pr.width, undefined);
        else if (CCHARS[ch] !== undefined)
          body = padStr(CCHARS[ch]!, pr.flags, pr.width, undefined);
        else body = printfInt(BigInt(ch), "o", "0", pr.width || 3, undefined);
        break;
      }
      case "int":
        body = printfInt(
          readValue(data, off, pr.bcnt, c.conv === "d" || c.conv === "i"),
          c.conv,
          pr.flags,
          pr.width,
          pr.prec,
        );
        break;
      case "float": {
        const dv = new DataView(data.buffer, data.byteOffset + off, pr.bcnt);
        const v = pr.bcnt === 4 ? dv.getFloat32(0, true) : dv.getFloat64(0, true);
        const p = pr.prec ?? 6;
        body = padStr(
          c.conv === "f" ? v.toFixed(p) : v.toExponential(p),
          pr.flags,
          pr.width,
          undefined,
        );
        break;
      }
      case "str":
        body = padStr(
          latin1(data.subarray(off, off + pr.bcnt)).replace(/\0.*$/s, ""),
          pr.flags,
          pr.width,
          pr.prec,
        );
        break;
    }
  }
  return pr.pre + body + post;
}

interface DumpOptions {
  skip: number;
  length: number;
  all: boolean;
}

/** bb_dump_dump: display `input` through the format strings. */
async function bbDump(
  formats: Fs[],
  input: Reader,
  opt: DumpOptions,
  write: (s: string) => void,
): Promise<void> {
  const blocksize = Math.max(1, ...formats.map((f) => f.bcnt));
  for (const fs of formats) {
    // Repeat the last unit to fill a block; its last iteration loses its trailing space.
    const lastFu = fs.fus[fs.fus.length - 1];
    if (lastFu && fs.bcnt < blocksize && !lastFu.setRep && lastFu.bcnt)
      lastFu.reps += Math.floor((blocksize - fs.bcnt) / lastFu.bcnt);
    for (const fu of fs.fus)
      if (fu.reps > 1 && fu.prs.length) fu.prs[fu.prs.length - 1]!.nospace = true;
  }
  // Skip.
  let toSkip = opt.skip;
  let pending: Uint8Array = new Uint8Array(0);
  while (toSkip > 0) {
    const r = await input.read(Math.min(toSkip, 1 << 16));
    if (!(r instanceof Uint8Array) || r.length === 0) break;
    if (r.length > toSkip) pending = r.subarray(toSkip);
    toSkip -= Math.min(r.length, toSkip);
  }
  let remaining = opt.length;
  const fill = async (buf: Uint8Array): Promise<number> => {
    let n = 0;
    while (n < buf.length && remaining !== 0) {
      const want = remaining < 0 ? buf.length - n : Math.min(remaining, buf.length - n);
      let chunk: Uint8Array;
      if (pending.length) {
        chunk = pending.subarray(0, want);
        pending = pending.subarray(chunk.length);
      } else {
        const r = await input.read(want);
        if (!(r instanceof Uint8Array) || r.length === 0) break;
        chunk = r;
      }
      buf.set(chunk, n);
      n += chunk.length;
      if (remaining > 0) remaining -= chunk.length;
    }
    return n;
  };
  let cur = new Uint8Array(blocksize);
  let sav = new Uint8Array(blocksize);
  let address = opt.skip;
  let state: "FIRST" | "WAIT" | "DUP" | "ALL" = opt.all ? "ALL" : "FIRST";
  let started = false;
  let eaddress: number | null = null;
  let text = "";
  for (;;) {
    // get()
    if (started) {
      [cur, sav] = [sav, cur];
      address += blocksize;
    }
    started = true;
    let block: Uint8Array | null = null;
    for (;;) {
      const n = await fill(cur);
      if (n === blocksize) {
        if (state === "ALL" || state === "FIRST" || !equal(cur, sav, blocksize)) {
          if (state === "FIRST" || state === "DUP") state = "WAIT";
          block = cur;
          break;
        }
        if (state === "WAIT") text += "*\n";
        state = "DUP";
        address += blocksize;
        continue;
      }
      if (n === 0) break;
      // A partial last block. busybox prints "*" here when it starts like the previous block.
      if (state !== "ALL" && equal(cur, sav, n) && state !== "DUP") text += "*\n";
      cur.fill(0, n);
      eaddress = address + n;
      block = cur;
      break;
    }
    if (!block) break;
    for (const fs of formats) {
      let off = 0;
      let addr = address;
      for (const fu of fs.fus) {
        for (let cnt = fu.reps; cnt > 0; cnt--) {
          for (const [k, pr] of fu.prs.entries()) {
            if (pr.conv.kind === "addr" && pr.conv.final) continue;
            const past = eaddress !== null && addr >= eaddress;
            text += render(pr, block, off, addr, past, cnt === 1 && k === fu.prs.length - 1);
            off += pr.bcnt;
            addr += pr.bcnt;
          }
        }
      }
    }
    if (text.length > 1 << 16) {
      write(text);
      text = "";
    }
    if (eaddress !== null) break;
  }
  // The final address line, unless nothing at all was read.
  if (eaddress === null && address === 0) {
    write(text);
    return;
  }
  const end = eaddress ?? address;
  for (const fs of formats) {
    for (const fu of fs.fus) {
      for (const pr of fu.prs) {
        if (pr.conv.kind === "addr" && pr.conv.final)
          text +=
            pr.pre + printfInt(BigInt(end), pr.conv.radix, pr.flags, pr.width, pr.prec) + pr.post;
      }
    }
  }
  write(text);
}

function equal(a: Uint8Array, b: Uint8Array, n: number): boolean {
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}

const ADD_FIRST = '"%07.7_Ax\\n"';
const HEXDUMP_FORMATS: Record<string, string[]> = {
  b: [ADD_FIRST, '"%07.7_ax " 16/1 "%03o " "\\n"'],
  c: [ADD_FIRST, '"%07.7_ax " 16/1 "%3_c " "\\n"'],
  d: [ADD_FIRST, '"%07.7_ax " 8/2 "  %05u " "\\n"'],
  o: [ADD_FIRST, '"%07.7_ax " 8/2 " %06o " "\\n"'],
  x: [ADD_FIRST, '"%07.7_ax " 8/2 "   %04x " "\\n"'],
  C: ['"%08.8_Ax\\n"', '"%08.8_ax  " 8/1 "%02x " "  " 8/1 "%02x "', '"  |" 16/1 "%_p" "|\\n"'],
};

const HEXDUMP_USAGE =
  BUSYBOX +
  'Usage: hexdump [-bcdoxCv] [-e FMT] [-f FMT_FILE] [-n LEN] [-s OFS] [FILE]...\n\nDisplay FILEs (or stdin) in a user specified format\n\n\t-b\t\t1-byte octal display\n\t-c\t\t1-byte character display\n\t-d\t\t2-byte decimal display\n\t-o\t\t2-byte octal display\n\t-x\t\t2-byte hex display\n\t-C\t\thex+ASCII 16 bytes per line\n\t-v\t\tShow all (no dup folding)\n\t-e FORMAT_STR\tExample: \'16/1 "%02x|""\\n"\'\n\t-f FORMAT_FILE\n\t-n LENGTH\tShow only first LENGTH bytes\n\t-s OFFSET\tSkip OFFSET bytes\n';

/** libbb's number parsing with hexdump's suffixes (b, k, m) and 0x / 0 prefixes. */
function dumpNumber(s: string): number | null {
  const m = /^(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)([bkm]?)$/.exec(s);
  if (!m) return null;
  const b = m[1]!;
  const v =
    b.startsWith("0x") || b.startsWith("0X")
      ? parseInt(b, 16)
      : b.length > 1 && b[0] === "0"
        ? parseInt(b, 8)
        : Number(b);
  return v * ({ "": 1, b: 512, k: 1024, m: 1048576 }[m[2] as "" | "b" | "k" | "m"] ?? 1);
}

export const hexdump = command("hexdump", async (args, io) => {
  const formats: Fs[] = [];
  let skip = 0;
  let length = -1;
  let all = false;
  const files: string[] = [];
  const add = (f: string): string | null => {
    const fs = parseFormat(f);
    if (typeof fs === "string") return fs;
    formats.push(fs);
    return null;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith("-") || a === "-") {
      files.push(a);
      continue;
    }
    if (a === "--") {
      files.push(...args.slice(i + 1));
      break;
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j]!;
      if ("bcdoxC".includes(c)) {
        for (const f of HEXDUMP_FORMATS[c]!) add(f);
        continue;
      }
      if (c === "v") {
        all = true;
        continue;
      }
      if ("efns".includes(c)) {
        const val = j + 1 < a.length ? a.slice(j + 1) : args[++i];
        if (val === undefined) {
          io.out.e(`hexdump: option requires an argument -- '${c}'\n${HEXDUMP_USAGE}`);
          return 1;
        }
        if (c === "e") {
          const err = add(val);
          if (err) {
            io.out.e(`hexdump: ${err}\n`);
            return 1;
          }
        } else if (c === "f") {
          try {
            for (const line of (await io.shell.fs.readFile(io.path(val))).split("\n"))
              if (line.trim() && !line.trim().startsWith("#")) add(line);
          } catch {
            io.out.e(`hexdump: can't open '${val}': No such file or directory\n`);
            return 1;
          }
        } else {
          const v = dumpNumber(val);
          if (v === null) {
            io.out.e(`hexdump: invalid number '${val}'\n`);
            return 1;
          }
          if (c === "n") length = v;
          else skip = v;
        }
        break;
      }
      io.out.e(`hexdump: invalid option -- '${c}'\n${HEXDUMP_USAGE}`);
      return 1;
    }
  }
  if (formats.length === 0) {
    add('"%07.7_Ax\\n"');
    add('"%07.7_ax " 8/2 "%04x " "\\n"');
  }
  let status = 0;
  const input = await concatenated(io, files, (f, errno, phase) => {
    io.out.e(
      phase === "open"
        ? `hexdump: ${f}: ${STRERROR[errno] ?? errno}\n`
        : `hexdump: ${f}: ${STRERROR[errno] ?? errno}\n`,
    );
    if (phase === "open") status = 1;
  });
  await bbDump(formats, input, { skip, length, all }, (s) => io.out.o(s));
  return status;
});

// ---- od -----------------------------------------------------------------------------------------

interface OdType {
  kind: "a" | "c" | "d" | "u" | "o" | "x" | "f";
  size: number;
}

const OD_WIDTH: Record<string, Record<number, number>> = {
  d: { 1: 4, 2: 6, 4: 11, 8: 20 },
  u: { 1: 3, 2: 5, 4: 10, 8: 20 },
  o: { 1: 3, 2: 6, 4: 11, 8: 22 },
  x: { 1: 2, 2: 4, 4: 8, 8: 16 },
  f: { 4: 14, 8: 23 },
  a: { 1: 3 },
  c: { 1: 3 },
};

const OD_NAMES = [
  "nul",
  "soh",
  "stx",
  "etx",
  "eot",
  "enq",
  "ack",
  "bel",
  "bs",
  "ht",
  "nl",
  "vt",
  "ff",
  "cr",
  "so",
  "si",
  "dle",
  "dc1",
  "dc2",
  "dc3",
  "dc4",
  "nak",
  "syn",
  "etb",
  "can",
  "em",
  "sub",
  "esc",
  "fs",
  "gs",
  "rs",
  "us",
  "sp",
];

function parseOdType(s: string): OdType[] | null {
  const out: OdType[] = [];
  let i = 0;
  while (i < s.length) {
    const k = s[i++]!;
    if (k === "a" || k === "c") {
      out.push({ kind: k, size: 1 });
      continue;
    }
    if (!"duoxf".includes(k)) return null;
    let size = k === "f" ? 8 : 4;
    const m = /^(\d+|[CSILFDL])/.exec(s.slice(i));
    if (m) {
      i += m[0].length;
      const named: Record<string, number> = { C: 1, S: 2, I: 4, L: 8, F: 4, D: 8 };
      size = named[m[0]] ?? Number(m[0]);
    }
    if (!OD_WIDTH[k]![size]) return null;
    out.push({ kind: k as OdType["kind"], size });
  }
  return out;
}

function odField(t: OdType, b: Uint8Array, off: number): string {
  const w = OD_WIDTH[t.kind]![t.size]!;
  switch (t.kind) {
    case "c": {
      const ch = b[off]!;
      let s: string;
      if (ch >= 0x20 && ch < 0x7f) s = String.fromCharCode(ch);
      else if (CCHARS[ch] !== undefined) s = CCHARS[ch]!;
      else s = ch.toString(8).padStart(3, "0");
      return " " + s.padStart(w);
    }
    case "a": {
      const ch = b[off]! & 0x7f;
      const s = ch === 0x7f ? "del" : ch <= 0x20 ? OD_NAMES[ch]! : String.fromCharCode(ch);
      return " " + s.padStart(w);
    }
    case "f": {
      const dv = new DataView(b.buffer, b.byteOffset + off, t.size);
      const v = t.size === 4 ? dv.getFloat32(0, true) : dv.getFloat64(0, true);
      return " " + String(v).padStart(w);
    }
    default: {
      const v = readValue(b, off, t.size, t.kind === "d");
      const s =
        t.kind === "o"
          ? v.toString(8).padStart(w, "0")
          : t.kind === "x"
            ? v.toString(16).padStart(w, "0")
            : v.toString(10).padStart(w);
      return " " + s;
    }
  }
}

export const od = command("od", async (args, io) => {
  const p = getopt(
    args,
    {
      long: {
        "address-radix": true,
        "skip-bytes": true,
        "read-bytes": true,
        format: true,
        "output-duplicates": false,
        width: true,
      },
      short: {
        A: ["address-radix", true],
        j: ["skip-bytes", true],
        N: ["read-bytes", true],
        t: ["format", true],
        v: ["output-duplicates", false],
        w: ["width", true],
        b: ["b", false],
        c: ["c", false],
        d: ["d", false],
        o: ["o", false],
        x: ["x", false],
        s: ["s", false],
        i: ["i", false],
        l: ["l", false],
      },
    },
    "od",
  );
  if (!p.ok) {
    io.out.e(p.error);
    return 1;
  }
  const types: OdType[] = [];
  const short: Record<string, OdType> = {
    b: { kind: "o", size: 1 },
    c: { kind: "c", size: 1 },
    d: { kind: "u", size: 2 },
    o: { kind: "o", size: 2 },
    x: { kind: "x", size: 2 },
    s: { kind: "d", size: 2 },
    i: { kind: "d", size: 4 },
    l: { kind: "d", size: 8 },
  };
  // Types in command-line order.
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "-t" || a === "--format") {
      const t = parseOdType(args[++i] ?? "");
      if (!t) {
        io.out.e(`od: invalid type string '${args[i] ?? ""}'\n`);
        return 1;
      }
      types.push(...t);
    } else if (a.startsWith("-t")) {
      const t = parseOdType(a.slice(2));
      if (!t) {
        io.out.e(`od: invalid type string '${a.slice(2)}'\n`);
        return 1;
      }
      types.push(...t);
    } else if (/^-[bcdoxsil]+$/.test(a)) {
      for (const c of a.slice(1)) types.push(short[c]!);
    } else if (a === "-A" || a === "-j" || a === "-N" || a === "-w") i++;
  }
  if (types.length === 0) types.push({ kind: "o", size: 2 });
  const radix = p.opts.get("address-radix")?.at(-1) ?? "o";
  if (!"doxn".includes(radix) || radix.length !== 1) {
    io.out.e(`od: invalid output address radix '${radix}'; it must be one character from [doxn]\n`);
    return 1;
  }
  const num = (s: string | undefined): number | null => (s === undefined ? null : dumpNumber(s));
  const skip = num(p.opts.get("skip-bytes")?.at(-1)) ?? 0;
  const limit = num(p.opts.get("read-bytes")?.at(-1));
  const width = num(p.opts.get("width")?.at(-1)) ?? 16;
  const maxSize = Math.max(...types.map((t) => t.size));
  if (width % maxSize !== 0) {
    io.out.e(`od: invalid width ${width}\n`);
    return 1;
  }
  let status = 0;
  const input = await concatenated(io, p.operands, (f, errno) => {
    io.out.e(`od: ${f}: ${STRERROR[errno] ?? errno}\n`);
    status = 1;
  });
  // Read everything wanted (od input is small in practice: it is for looking at bytes).
  const chunks: Uint8Array[] = [];
  let total = 0;
  let skipLeft = skip;
  for (;;) {
    const want = limit === null ? 1 << 16 : Math.min(1 << 16, limit - total + skipLeft);
    if (want <= 0) break;
    const r = await input.read(want);
    if (!(r instanceof Uint8Array) || r.length === 0) break;
    let c = r;
    if (skipLeft > 0) {
      const d = Math.min(skipLeft, c.length);
      skipLeft -= d;
      c = c.subarray(d);
    }
    if (limit !== null && total + c.length > limit) c = c.subarray(0, limit - total);
    chunks.push(c);
    total += c.length;
    if (total > 64 << 20) break;
  }
  const data = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    data.set(c, o);
    o += c.length;
  }
  const addr = (a: number) =>
    radix === "n"
      ? ""
      : radix === "d"
        ? String(a).padStart(7, "0")
        : radix === "x"
          ? a.toString(16).padStart(6, "0")
          : a.toString(8).padStart(7, "0");
  let text = "";
  let prev: Uint8Array | null = null;
  let starred = false;
  for (let off = 0; off < data.length; off += width) {
    const line = data.subarray(off, off + width);
    if (
      !p.opts.has("output-duplicates") &&
      prev &&
      line.length === width &&
      equal(line, prev, width)
    ) {
      if (!starred) text += "*\n";
      starred = true;
      continue;
    }
    starred = false;
    prev = line;
    const padded = new Uint8Array(Math.ceil(line.length / maxSize) * maxSize);
    padded.set(line);
    for (const [ti, t] of types.entries()) {
      text += ti === 0 ? addr(off + skip) : radix === "n" ? "" : " ".repeat(addr(0).length);
      for (let k = 0; k < line.length; k += t.size) text += odField(t, padded, k);
      text += "\n";
    }
  }
  if (radix !== "n") text += addr(data.length + skip) + "\n";
  io.out.o(text);
  return status;
});

// ---- md5sum and friends ------------------------------------------------------------------------

function hashCommand(
  name: string,
  make: () => { update(b: Uint8Array): unknown; digest(): Uint8Array },
) {
  return command(name, async (args, io) => {
    const p = getopt(
      args,
      {
        long: { check: false, status: false, warn: false },
        short: { c: ["check", false], s: ["status", false], w: ["warn", false] },
      },
      name,
    );
    if (!p.ok) {
      io.out.e(p.error);
      return 1;
    }
    const files = p.operands.length ? p.operands : ["-"];
    let status = 0;
    const digest = async (f: string): Promise<string | null> => {
      let r: Reader;
      if (f === "-") r = stdinReader(io.stdin());
      else {
        const o = await openPath(io.shell, io.path(f));
        if ("errno" in o) {
          io.out.e(`${name}: can't open '${f}': ${STRERROR[o.errno] ?? o.errno}\n`);
          return null;
        }
        if (o.kind === "dir") {
          io.out.e(`${name}: can't read '${f}': Is a directory\n`);
          return null;
        }
        r =
          o.kind === "file"
            ? bufferReader(await io.shell.fs.readFileBuffer(o.path))
            : await reader(io.shell, o, 4096, true); // each chunk is hashed at once
      }
      const h = make();
      for (;;) {
        const c = io.interrupted() ? { errno: "EINTR" } : await r.read(4096);
        if (!(c instanceof Uint8Array)) {
          io.out.e(`${name}: can't read '${f}': ${STRERROR[c.errno] ?? c.errno}\n`);
          return null;
        }
        if (c.length === 0) break;
        h.update(c);
      }
      return [...h.digest()].map((x) => x.toString(16).padStart(2, "0")).join("");
    };
    if (p.opts.has("check")) {
      let bad = 0;
      for (const f of files) {
        const text =
          f === "-"
            ? io.stdin()
            : latin1(await io.shell.fs.readFileBuffer(io.path(f)).catch(() => new Uint8Array(0)));
        for (const line of text.split("\n")) {
          const m = /^([0-9a-fA-F]+) [ *](.*)$/.exec(line);
          if (!m) continue;
          const d = await digest(m[2]!);
          const ok = d !== null && d === m[1]!.toLowerCase();
          if (!ok) bad++;
          if (!p.opts.has("status")) io.out.o(utf8Bytes(`${m[2]}: ${ok ? "OK" : "FAILED"}\n`));
        }
      }
      if (bad && !p.opts.has("status"))
        io.out.e(`${name}: WARNING: ${bad} of ${bad} computed checksums did NOT match\n`);
      return bad ? 1 : 0;
    }
    for (const f of files) {
      const d = await digest(f);
      if (d === null) {
        status = 1;
        continue;
      }
      io.out.o(`${d}  ${utf8Bytes(f)}\n`);
    }
    return status;
  });
}

export const md5sum = hashCommand("md5sum", () => new Md5());
export const sha1sum = hashCommand("sha1sum", () => sha1.create());
export const sha256sum = hashCommand("sha256sum", () => sha256.create());

/**
 * busybox cat: files, devices and stdin ("-") in order, streamed; `can't open` on a missing
 * file. Options beyond -u go to just-bash's cat.
 */
export const cat = command("cat", async (args, io) => {
  if (args.some((a) => a.startsWith("-") && a !== "-" && a !== "-u")) {
    const r = await io.ctx.origCommand?.(args);
    if (!r) return 1;
    io.out.o(r.stdoutKind === "bytes" ? r.stdout : utf8Bytes(r.stdout));
    io.out.e(utf8Bytes(r.stderr));
    return r.exitCode;
  }
  let status = 0;
  const files = args.filter((a) => a !== "-u");
  const input = await concatenated(io, files, (f, errno, phase) => {
    io.out.e(
      phase === "open"
        ? `cat: can't open '${f}': ${STRERROR[errno] ?? errno}\n`
        : `cat: read error: ${STRERROR[errno] ?? errno}\n`,
    );
    status = 1;
  });
  const parts: string[] = [];
  let size = 0;
  for (;;) {
    const c = await input.read(1 << 16);
    if (!(c instanceof Uint8Array) || c.length === 0) break;
    parts.push(latin1(c));
    size += c.length;
    if (size > 256 << 20) {
      io.out.e("cat: write error: File too large\n");
      status = 1;
      break;
    }
  }
  io.out.o(parts.join(""));
  return status;
});

export const dumpCommands: DmshCommand[] = [hexdump, od, md5sum, sha1sum, sha256sum, cat];
