/**
 * printf, writing bytes: `printf '\001\377'` writes the bytes 01 ff, as busybox's printf does
 * (just-bash's builtin writes the UTF-8 encoding of U+00FF instead). Text from the script and
 * from arguments is written as UTF-8.
 */

import { utf8Bytes } from "../util.ts";
import { command, type DmshCommand } from "./command.ts";

/** Process backslash escapes of a printf format (or of a %b argument) into a byte string. */
function escapes(s: string, forB: boolean): { text: string; stop: boolean } {
  let out = "";
  const src = utf8Bytes(s);
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (c !== "\\" || i + 1 >= src.length) {
      out += c;
      continue;
    }
    const n = src[++i]!;
    switch (n) {
      case "a":
        out += "\x07";
        break;
      case "b":
        out += "\b";
        break;
      case "c":
        return { text: out, stop: true };
      case "e":
      case "E":
        out += "\x1b";
        break;
      case "f":
        out += "\f";
        break;
      case "n":
        out += "\n";
        break;
      case "r":
        out += "\r";
        break;
      case "t":
        out += "\t";
        break;
      case "v":
        out += "\v";
        break;
      case "\\":
        out += "\\";
        break;
      case "x": {
        const m = /^[0-9a-fA-F]{1,2}/.exec(src.slice(i + 1));
        if (!m) {
          out += "\\x";
          break;
        }
        out += String.fromCharCode(parseInt(m[0], 16));
        i += m[0].length;
        break;
      }
      default:
        if (n >= "0" && n <= "7") {
          // %b takes \0NNN (up to 3 digits after the 0); the format takes \NNN.
          let j = i;
          if (forB && n === "0") j++;
          const m = /^[0-7]{1,3}/.exec(src.slice(j));
          const digits = m ? m[0] : "";
          out += String.fromCharCode(parseInt(digits || "0", 8) & 0xff);
          i = j + digits.length - 1;
          if (!m) i = j - 1;
        } else {
          out += "\\" + n;
        }
    }
  }
  return { text: out, stop: false };
}

/** A C-style numeric argument (123, 0x1f, 017, 'c'), or null. */
function num(arg: string): number | null {
  if (arg === "") return 0;
  if (arg[0] === "'" || arg[0] === '"') return arg.length > 1 ? arg.codePointAt(1)! : 0;
  const m = /^\s*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)\s*$/.exec(arg);
  if (!m) return null;
  const b = m[2]!;
  const v =
    b.startsWith("0x") || b.startsWith("0X")
      ? parseInt(b, 16)
      : b.length > 1 && b[0] === "0"
        ? parseInt(b, 8)
        : Number(b);
  return m[1] === "-" ? -v : v;
}

function pad(s: string, width: number, left: boolean, zero: boolean): string {
  if (s.length >= width) return s;
  if (left) return s + " ".repeat(width - s.length);
  if (zero) {
    const sign = /^[+-]/.test(s) ? s[0]! : "";
    const body = sign ? s.slice(1) : s;
    return sign + "0".repeat(width - s.length) + body;
  }
  return " ".repeat(width - s.length) + s;
}

export const printf = command("printf", async (args, { ctx, out }) => {
  let argv = args;
  let assignTo: string | null = null;
  if (argv[0] === "-v" && argv.length > 1) {
    assignTo = argv[1]!;
    argv = argv.slice(2);
  }
  if (argv[0] === "--") argv = argv.slice(1);
  if (argv.length === 0) {
    out.e("printf: usage: printf [-v var] format [arguments]\n");
    return 2;
  }
  const fmt = argv[0]!;
  const rest = argv.slice(1);
  let ai = 0;
  let status = 0;
  let text = "";
  const next = (): string | undefined => (ai < rest.length ? rest[ai++] : undefined);
  const nextNum = (): number => {
    const a = next();
    if (a === undefined) return 0;
    const v = num(a);
    if (v === null) {
      out.e(`printf: invalid number '${a}'\n`);
      status = 1;
      const lead = /^\s*[+-]?\d+/.exec(a);
      return lead ? Number(lead[0]) : 0;
    }
    return v;
  };
  for (;;) {
    const startArgs = ai;
    let stop = false;
    for (let i = 0; i < fmt.length && !stop; i++) {
      const c = fmt[i]!;
      if (c === "\\") {
        // Copy one escape sequence.
        const m = /^\\(x[0-9a-fA-F]{1,2}|[0-7]{1,3}|.)/s.exec(fmt.slice(i));
        const r = escapes(m ? m[0] : "\\", false);
        text += r.text;
        if (r.stop) stop = true;
        i += (m ? m[0].length : 1) - 1;
        continue;
      }
      if (c !== "%") {
        text += utf8Bytes(c);
        continue;
      }
      const m = /^%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?([a-zA-Z%])/.exec(fmt.slice(i));
      if (!m) {
        text += "%";
        continue;
      }
      i += m[0].length - 1;
      const flags = m[1]!;
      const conv = m[4]!;
      if (conv === "%") {
        text += "%";
        continue;
      }
      const width = m[2] === "*" ? nextNum() : m[2] ? Number(m[2]) : 0;
      const prec =
        m[3] === undefined ? undefined : m[3] === "*" ? nextNum() : m[3] === "" ? 0 : Number(m[3]);
      const left = flags.includes("-") || width < 0;
      const w = Math.abs(width);
      const zero = flags.includes("0") && !left;
      switch (conv) {
        case "s": {
          let s = utf8Bytes(next() ?? "");
          if (prec !== undefined) s = s.slice(0, prec);
          text += pad(s, w, left, false);
          break;
        }
        case "b": {
          const r = escapes(next() ?? "", true);
          let s = r.text;
          if (prec !== undefined) s = s.slice(0, prec);
          text += pad(s, w, left, false);
          if (r.stop) stop = true;
          break;
        }
        case "c": {
          const a = next() ?? "";
          text += pad(utf8Bytes(a).slice(0, 1), w, left, false);
          break;
        }
        case "d":
        case "i":
        case "u":
        case "o":
        case "x":
        case "X": {
          let v = Math.trunc(nextNum());
          let s: string;
          if (conv === "d" || conv === "i") s = String(v);
          else {
            if (v < 0) v = Number(BigInt.asUintN(64, BigInt(v)));
            s = conv === "o" ? v.toString(8) : conv === "u" ? String(v) : v.toString(16);
            if (conv === "X") s = s.toUpperCase();
            if (flags.includes("#") && v !== 0)
              s = (conv === "o" ? "0" : conv === "x" ? "0x" : conv === "X" ? "0X" : "") + s;
          }
          if (prec !== undefined) {
            const neg = s.startsWith("-");
            const body = neg ? s.slice(1) : s;
            s = (neg ? "-" : "") + body.padStart(prec, "0");
          }
          if ((conv === "d" || conv === "i") && v >= 0) {
            if (flags.includes("+")) s = "+" + s;
            else if (flags.includes(" ")) s = " " + s;
          }
          text += pad(s, w, left, zero && prec === undefined);
          break;
        }
        case "f":
        case "F":
        case "e":
        case "E":
        case "g":
        case "G": {
          const a = next();
          const v = a === undefined ? 0 : Number(a);
          let s: string;
          const p = prec ?? 6;
          if (conv === "f" || conv === "F") s = v.toFixed(p);
          else if (conv === "e" || conv === "E")
            s = v.toExponential(p).replace(/e([+-])(\d)$/, "e$10$2");
          else s = String(Number(v.toPrecision(p || 1)));
          if (conv === "E" || conv === "G") s = s.toUpperCase();
          if (v >= 0 && flags.includes("+")) s = "+" + s;
          text += pad(s, w, left, zero);
          break;
        }
        default:
          out.e(`printf: %${conv}: invalid format\n`);
          status = 1;
          stop = true;
      }
    }
    if (stop || rest.length === 0 || ai >= rest.length || ai === startArgs) break;
  }
  if (assignTo !== null) {
    await ctx.assignShellVariable?.(
      assignTo,
      new TextDecoder().decode(Uint8Array.from(text, (ch) => ch.charCodeAt(0))),
    );
  } else {
    out.o(text);
  }
  return status;
});

export const printfCommands: DmshCommand[] = [printf];
