/**
 * dmsetup (LVM2 1.02.185), on the engine's device-mapper ioctls. Output formats, error texts and
 * exit codes are those recorded in golden/ (see golden/FACTS.md): every failure ends with
 * `Command failed.` on stderr and status 1; an ioctl failure reads
 * `device-mapper: <ioctl> ioctl on <name> <uuid> failed: <strerror>`.
 */

import {
  DM_IOCTL_VERSION,
  DmError,
  TableFormatError,
  isMappedDevice,
  parseTable,
  strerror,
  type BlockDevice,
  type MappedDevice,
  type StatusLine,
  type TargetSpec,
} from "../../engine/index.ts";
import type { DmShell } from "../index.ts";
import { STDOUT_VAR } from "../rewrite.ts";
import { TTY_DIR } from "../tty.ts";
import { errnoOf, utf8Bytes } from "../util.ts";
import { command, getopt, type Io, type OptSpec } from "./command.ts";
import { DMSETUP_FIELD_HELP } from "./dmsetup-fields.ts";

const LIBRARY_VERSION = "1.02.185 (2022-05-18)";

const OPTIONS: OptSpec = {
  long: {
    addnodeoncreate: false,
    addnodeonresume: false,
    checks: false,
    columns: false,
    concise: false,
    count: true,
    deferred: false,
    exec: true,
    force: false,
    gid: true,
    headings: true,
    help: false,
    inactive: false,
    interval: true,
    major: true,
    manglename: true,
    minor: true,
    mode: true,
    nameprefixes: false,
    noflush: false,
    noheadings: false,
    nolockfs: false,
    noopencount: false,
    notable: false,
    noudevrules: false,
    noudevsync: false,
    options: true,
    readahead: true,
    readonly: false,
    retry: false,
    rows: false,
    select: true,
    separator: true,
    setuuid: false,
    showkeys: false,
    sort: true,
    table: true,
    target: true,
    tree: false,
    udevcookie: true,
    uid: true,
    unbuffered: false,
    unquoted: false,
    uuid: true,
    verbose: false,
    verifyudev: false,
    version: false,
    yes: false,
  },
  short: {
    c: ["columns", false],
    C: ["columns", false],
    f: ["force", false],
    G: ["gid", true],
    h: ["help", false],
    j: ["major", true],
    m: ["minor", true],
    M: ["mode", true],
    n: ["notable", false],
    o: ["options", true],
    O: ["sort", true],
    r: ["readonly", false],
    S: ["select", true],
    u: ["uuid", true],
    U: ["uid", true],
    v: ["verbose", false],
    y: ["yes", false],
  },
};

const USAGE = `Usage:

dmsetup
        [--version] [-h|--help [-c|-C|--columns]]
        [-v|--verbose [-v|--verbose ...]] [-f|--force]
        [--checks] [--manglename {none|hex|auto}]
        [-r|--readonly] [--noopencount] [--noflush] [--nolockfs] [--inactive]
        [--udevcookie <cookie>] [--noudevrules] [--noudevsync] [--verifyudev]
        [-y|--yes] [--readahead {[+]<sectors>|auto|none}] [--retry]
        [-c|-C|--columns] [-o <fields>] [-O|--sort <sort_fields>]
        [-S|--select <selection>] [--nameprefixes] [--noheadings]
        [--separator <separator>]

\thelp [-c|-C|--columns]
\tcreate <dev_name>
\t    [-j|--major <major> -m|--minor <minor>]
\t    [-U|--uid <uid>] [-G|--gid <gid>] [-M|--mode <octal_mode>]
\t    [-u|--uuid <uuid>] [--addnodeonresume|--addnodeoncreate]
\t    [--readahead {[+]<sectors>|auto|none}]
\t    [-n|--notable|--table {<table>|<table_file>}]
\tcreate --concise [<concise_device_spec_list>]
\tremove [--deferred] [-f|--force] [--retry] <device>...
\tremove_all [-f|--force]
\tsuspend [--noflush] [--nolockfs] <device>...
\tresume [--noflush] [--nolockfs] <device>...
\t       [--addnodeonresume|--addnodeoncreate]
\t       [--readahead {[+]<sectors>|auto|none}]
\tload <device> [<table>|<table_file>]
\tclear <device>
\treload <device> [<table>|<table_file>]
\twipe_table [-f|--force] [--noflush] [--nolockfs] <device>...
\trename <device> [--setuuid] <new_name_or_uuid>
\tmeasure [<device>...]
\tmessage <device> <sector> <message>
\tls [--target <target_type>] [--exec <command>] [-o <options>] [--tree]
\tinfo [<device>...]
\tdeps [-o <options>] [<device>...]
\tstats <command> [<options>] [<device>...]
\tstatus [<device>...] [--noflush] [--target <target_type>]
\ttable [<device>...] [--concise] [--target <target_type>] [--showkeys]
\twait <device> [<event_nr>] [--noflush]
\tmknodes [<device>...]
\tmangle [<device>...]
\tudevcreatecookie 
\tudevreleasecookie [<cookie>]
\tudevflags <cookie>
\tudevcomplete <cookie>
\tudevcomplete_all [<age_in_minutes>]
\tudevcookies 
\ttarget-version [<target>...]
\ttargets 
\tversion 
\tsetgeometry <device> <cyl> <head> <sect> <start>
\tsplitname <device> [<subsystem>]

<device> may be device name or (if only one) -u <uuid> or -j <major> -m <minor>
<mangling_mode> is one of 'none', 'auto' and 'hex'.
<fields> are comma-separated.  Use 'help -c' for list.
<concise_device_specification> has single-device entries separated by semi-colons:
    <name>,<uuid>,<minor>,<flags>,<table>
        where <flags> is 'ro' or 'rw' (the default) and any of <uuid>, <minor>
        and <flags> may be empty. Separate extra table lines with commas.
    E.g.: dev1,,,,0 100 linear 253:1 0,100 100 error;dev2,,,ro,0 1 error
Table_file contents may be supplied on stdin.
Options are: devno, devname, blkdevname.
Tree specific options are: ascii, utf, vt100; compact, inverted, notrunc;
                           blkdevname, [no]device, active, open, rw and uuid.

`;

/** stdio's buffer for a pipe or a file (st_blksize). */
const STDIO_BUFSIZ = 4096;

/** DM_NAME_LEN and DM_UUID_LEN, the terminating NUL included. */
const DM_NAME_LEN = 128;
const DM_UUID_LEN = 129;

/** libdm's name mangling modes (dm_string_mangling_t). */
type Mangling = "none" | "auto" | "hex";

/** _is_whitelisted_char: what udev accepts in a name unmangled. */
function whitelisted(c: string): boolean {
  return /^[0-9A-Za-z#+\-.:=@_]$/.test(c);
}

/**
 * mangle_string (libdm-common.c): every byte off the whitelist as `\xNN`; in auto mode an
 * already mangled `\xNN` is kept. Returns the mangled string (the same one when nothing needed
 * mangling) or the error libdm logs. `what` is "name", "new name", "UUID".
 */
export function mangleString(
  str: string,
  what: string,
  mode: Mangling,
): { ok: true; value: string } | { ok: false; error: string } {
  if (mode === "none") mode = "auto";
  const bytes = [...utf8Bytes(str)];
  const bufLen = what.includes("UUID") ? DM_UUID_LEN : DM_NAME_LEN;
  let need = -1;
  let out = "";
  const bad1 = `The ${what} "${str}" contains mixed mangled and unmangled characters or it's already mangled improperly.`;
  const bad2 = `Mangled form of the ${what} too long for "${str}".`;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i]!;
    if (mode === "auto" && c === "\\" && bytes[i + 1] === "x") {
      if (bytes.length - i < 4 || need === 1) return { ok: false, error: bad1 };
      if (bufLen - out.length < 4) return { ok: false, error: bad2 };
      out += bytes.slice(i, i + 4).join("");
      i += 3;
      need = 0;
      continue;
    }
    if (whitelisted(c)) {
      if (bufLen - out.length < 1) return { ok: false, error: bad2 };
      out += c;
    } else {
      if (mode !== "hex" && need === 0) return { ok: false, error: bad1 };
      if (bufLen - out.length < 4) return { ok: false, error: bad2 };
      out += "\\x" + c.charCodeAt(0).toString(16).padStart(2, "0");
      need = 1;
    }
  }
  if (bufLen - out.length < 1) return { ok: false, error: bad2 };
  return { ok: true, value: need === 1 ? out : str };
}

/**
 * unmangle_string: every `\xNN` back to its byte (a name the kernel returns, shown unmangled
 * unless the mode is none). Strict (mode not none): a byte off the whitelist is an error.
 */
export function unmangleString(str: string, mode: Mangling): string | null {
  const strict = mode !== "none";
  const bytes = utf8Bytes(str);
  let out = "";
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i]!;
    if (strict && !(whitelisted(c) || c === "\\")) return null;
    if (c === "\\" && bytes[i + 1] === "x") {
      const m = /^[0-9a-fA-F]{1,2}/.exec(bytes.slice(i + 2, i + 4));
      if (!m) break;
      out += String.fromCharCode(parseInt(m[0], 16));
      i += 3;
    } else out += c;
  }
  return new TextDecoder().decode(Uint8Array.from(out, (ch) => ch.charCodeAt(0)));
}

/**
 * A failed command: its message lines are already written. With a status, dmsetup exits with it
 * and without "Command failed." (a report that could not be set up, `-o help`).
 */
class Failed extends Error {
  readonly status: number | undefined;
  constructor(status?: number) {
    super();
    this.status = status;
  }
}

/** What one dmsetup invocation needs. */
class Dmsetup {
  readonly shell: DmShell;
  readonly io: Io;
  readonly opts: Map<string, string[]>;

  /** The report `info -c` fills: printed at the end, after "Command failed." if it failed. */
  report: Report | undefined;
  /** --readahead: sectors (0 for none) or auto; `+N` asks for at least N. */
  readAheadArg: { sectors: number | "auto"; minimum: boolean } | undefined;
  /** --manglename (dm_set_name_mangling_mode); auto by default (DEFAULT_DM_NAME_MANGLING). */
  mangling: Mangling = "auto";
  /** stdout is a terminal: line-buffered; else stdio's full buffer (a byte string, 4096). */
  readonly #tty: boolean;
  #pending = "";

  constructor(io: Io, opts: Map<string, string[]>) {
    this.shell = io.shell;
    this.io = io;
    this.opts = opts;
    this.#tty = (io.ctx.env.get(STDOUT_VAR) ?? "").startsWith(TTY_DIR + "/");
  }

  get dm() {
    return this.shell.engine.dm;
  }

  has(o: string): boolean {
    return this.opts.has(o);
  }

  /** How many times an option was given (-vv: 2). */
  count(o: string): number {
    return this.opts.get(o)?.length ?? 0;
  }

  opt(o: string): string | undefined {
    const v = this.opts.get(o);
    return v ? v[v.length - 1] : undefined;
  }

  /**
   * printf to stdout, through stdio's buffer: line-buffered on a terminal; fully buffered (4096
   * bytes) on a pipe or file, where what dmsetup prints on stdout comes after its stderr lines
   * unless the buffer filled.
   */
  o(text: string): void {
    this.#pending += utf8Bytes(text);
    if (this.#tty) {
      // Line-buffered: complete lines go out, a partial one waits.
      const nl = this.#pending.lastIndexOf("\n");
      if (nl < 0) return;
      this.io.out.o(this.#pending.slice(0, nl + 1));
      this.#pending = this.#pending.slice(nl + 1);
      return;
    }
    if (this.#pending.length < STDIO_BUFSIZ) return;
    const keep = this.#pending.length % STDIO_BUFSIZ;
    this.io.out.o(this.#pending.slice(0, this.#pending.length - keep));
    this.#pending = this.#pending.slice(this.#pending.length - keep);
  }

  /** exit(): stdio's buffer goes out. */
  flush(): void {
    if (this.#pending) this.io.out.o(this.#pending);
    this.#pending = "";
  }

  e(text: string): void {
    this.io.out.e(utf8Bytes(text));
  }

  fail(text?: string): never {
    if (text !== undefined) this.e(text + "\n");
    throw new Failed();
  }

  /**
   * `device-mapper: <cmd> ioctl on <name> <uuid|(maj:min)> failed: <strerror>` for the DmError
   * an ioctl threw, then `more` lines if any. Anything else is no ioctl's answer and is thrown on
   * (an interrupted wait goes to the shell; the command's handler reports the rest).
   */
  ioctlFail(cmd: string, name: string, err: unknown, second = "", more?: string): never {
    if (!(err instanceof DmError)) throw err;
    const text = `device-mapper: ${cmd} ioctl on ${name} ${second}failed: ${strerror(err.errno)}`;
    this.fail(more === undefined ? text : `${text}\n${more}`);
  }

  /** The device an operand names: a dm name, /dev/mapper/NAME, /dev/dm-N; -u / -j -m. */
  resolve(arg: string | undefined): { name: string; md: MappedDevice | undefined } {
    const uuid = this.opt("uuid");
    if (arg === undefined && uuid !== undefined) {
      const md = this.dm.byUuid(uuid);
      return { name: md?.dmName ?? "", md };
    }
    if (arg === undefined && this.has("major") && this.has("minor")) {
      const md = this.shell.engine.lookup(`${this.opt("major")}:${this.opt("minor")}`);
      const m = isMappedDevice(md) ? md : undefined;
      return { name: m?.dmName ?? "", md: m };
    }
    if (arg === undefined) this.fail("No device specified.");
    let name = arg;
    if (name.startsWith("/dev/mapper/")) name = this.checkName(name.slice("/dev/mapper/".length));
    else if (name.includes("/")) {
      const b = this.shell.engine.lookup(this.io.path(name));
      if (isMappedDevice(b)) name = b.dmName;
    } else name = this.kernelName(name);
    return { name, md: this.dm.byName(name) };
  }

  /** _dm_task_set_name's length check: DM_NAME_LEN with its NUL. */
  checkName(name: string): string {
    if (utf8Bytes(name).length >= DM_NAME_LEN) this.fail(`Name "${name}" too long.`);
    return name;
  }

  /**
   * dm_task_set_name for a name with no "/": the name as the kernel gets it, mangled in the
   * --manglename mode (auto by default: `a b` is `a\x20b`); its errors as libdm prints them.
   */
  kernelName(name: string): string {
    this.checkName(name);
    if (this.mangling === "auto" && name.includes("\\x5cx"))
      this.fail(
        `The name "${name}" seems to be mangled more than once. This is not allowed in auto mode.`,
      );
    if (this.mangling === "none") return name;
    const m = mangleString(name, "name", this.mangling);
    if (!m.ok) this.fail(`${m.error}\nFailed to mangle device name "${name}".`);
    return m.value;
  }

  /** A name the kernel returned, as libdm hands it back: unmangled unless the mode is none. */
  shown(name: string): string {
    if (this.mangling === "none") return name;
    return unmangleString(name, this.mangling) ?? name;
  }

  /** The devices a query command covers: the operands, or every device in name order. */
  targets(operands: string[]): Array<{ name: string; md: MappedDevice | undefined }> {
    if (operands.length === 0 && !this.has("uuid") && !(this.has("major") && this.has("minor"))) {
      return this.sortedDevices().map((md) => ({ name: md.dmName, md }));
    }
    if (operands.length === 0) return [this.resolve(undefined)];
    return operands.map((a) => this.resolve(a));
  }

  /**
   * DM_LIST_DEVICES in name order. Unless the mode is none, libdm unmangles every name the
   * kernel returns (_dm_ioctl_unmangle_names) and the whole list fails if one name cannot be:
   * mangled twice (auto mode), or holding characters that should have been mangled.
   */
  sortedDevices(): MappedDevice[] {
    const list = [...this.dm.list()].sort((a, b) => cmpBytes(a.dmName, b.dmName));
    if (this.mangling === "none") return list;
    let ok = true;
    for (const md of list) {
      const n = md.dmName;
      if (this.mangling === "auto" && n.includes("\\x5cx")) {
        this.e(
          `The name "${n}" seems to be mangled more than once. This is not allowed in auto mode.\n`,
        );
        ok = false;
      } else if (unmangleString(n, this.mangling) === null) {
        this.e(`The name "${n}" should be mangled but it contains blacklisted characters.\n`);
        ok = false;
      }
    }
    if (!ok) this.fail();
    return list;
  }

  /** A table from --table, a file operand or stdin, parsed as dmsetup's _parse_line. */
  async readTable(fileArg: string | undefined): Promise<TargetSpec[]> {
    let text: string;
    let source: string;
    const t = this.opt("table");
    if (t !== undefined) {
      text = t;
      source = "";
    } else if (fileArg !== undefined) {
      try {
        text = await this.shell.fs.readFile(this.io.path(fileArg), "latin1");
      } catch (e) {
        // fopen failing, for whatever reason the file system gives: dmsetup says only this.
        if (errnoOf(e) === "EINTR") throw e;
        this.fail(`Couldn't open '${fileArg}' for reading.`);
      }
      source = fileArg;
    } else {
      text = this.io.stdin();
      source = "on stdin";
    }
    try {
      return parseTable(text);
    } catch (e) {
      if (!(e instanceof TableFormatError)) throw e;
      this.fail(`Invalid format on line ${e.line} of table ${source}.`);
    }
  }
}

/** C atoi: leading blanks, a sign, digits; 0 when nothing parses (int overflow wraps). */
function atoi(s: string): number {
  const m = /^[ \t\n\v\f\r]*([+-]?\d+)/.exec(s);
  return m ? Number(BigInt.asIntN(32, BigInt(m[1]!))) : 0;
}

function cmpBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

type Cmd = (d: Dmsetup, args: string[]) => Promise<void> | void;

/**
 * The second field of an ioctl failure: the uuid the task was addressed with (`-u`), or nothing
 * (dmsetup names a device by name alone, even one that has a uuid).
 */
const uuidPart = (d: Dmsetup) => {
  const u = d.opt("uuid");
  return u ? `${u} ` : " ";
};

const create: Cmd = async (d: Dmsetup, args: string[]) => {
  const given = args[0];
  if (given === undefined) d.fail("Please provide a name for the new device.");
  if (given.includes("/")) d.fail(`Name "${given}" invalid. It contains "/".`);
  const name = d.kernelName(given);
  const specs = d.has("notable") ? [] : await d.readTable(args[1]);
  const uuid = d.opt("uuid") ?? "";
  let md: MappedDevice;
  try {
    const minor = d.opt("minor");
    md = d.dm.create(
      name,
      minor !== undefined && /^\d+$/.test(minor) ? { uuid, minor: Number(minor) } : { uuid },
    );
  } catch (e) {
    d.ioctlFail("create", name, e, uuid ? `${uuid} ` : " ");
  }
  if (d.has("addnodeoncreate")) makeNode(d, md);
  if (specs.length === 0) {
    verboseInfo(d, name);
    return;
  }
  d.shell.ctx.nodes.disk(md);
  try {
    await d.shell.ctx.wait(d.dm.loadAsync(name, specs, { readOnly: d.has("readonly") }));
  } catch (e) {
    // libdm (_create_and_load_v4) removes the device it just created again, and says so
    // should that fail (something opened it meanwhile: EBUSY).
    let reverted = true;
    try {
      await d.shell.ctx.wait(d.dm.removeAsync(name));
    } catch (r) {
      if (!(r instanceof DmError)) throw r;
      reverted = false;
    }
    d.ioctlFail(
      "reload",
      name,
      e,
      `(254:${md.minor}) `,
      reverted ? undefined : "Failed to revert device creation.",
    );
  }
  try {
    await d.shell.ctx.wait(d.dm.resume(name));
  } catch (e) {
    d.ioctlFail("resume", name, e, `(254:${md.minor}) `);
  }
  makeNode(d, md);
  setReadAhead(d, md);
  verboseInfo(d, name);
};

const load: Cmd = async (d: Dmsetup, args: string[]) => {
  const { name, md } = d.resolve(args[0]);
  const specs = await d.readTable(args[1]);
  try {
    await d.shell.ctx.wait(d.dm.loadAsync(name, specs, { readOnly: d.has("readonly") }));
  } catch (e) {
    d.ioctlFail("reload", name, e, uuidPart(d));
  }
  if (md) d.shell.ctx.nodes.disk(md);
  verboseInfo(d, name);
};

const forEachDevice = (
  fn: (d: Dmsetup, name: string, md: MappedDevice | undefined) => Promise<void> | void,
): Cmd => {
  return async (d, args) => {
    if (args.length === 0) {
      const r = d.resolve(undefined);
      await fn(d, r.name, r.md);
      return;
    }
    for (const a of args) {
      const r = d.resolve(a);
      await fn(d, r.name, r.md);
    }
  };
};

const suspend = forEachDevice(async (d: Dmsetup, name: string) => {
  try {
    await d.shell.ctx.wait(
      d.dm.suspend(name, { noflush: d.has("noflush"), nolockfs: d.has("nolockfs") }),
    );
  } catch (e) {
    d.ioctlFail("suspend", name, e, uuidPart(d));
  }
  verboseInfo(d, name);
});

const resume = forEachDevice(async (d: Dmsetup, name: string, md: MappedDevice | undefined) => {
  try {
    await d.shell.ctx.wait(
      d.dm.resume(name, { noflush: d.has("noflush"), nolockfs: d.has("nolockfs") }),
    );
  } catch (e) {
    d.ioctlFail("resume", name, e, uuidPart(d));
  }
  if (md) {
    makeNode(d, md);
    setReadAhead(d, md);
  }
  verboseInfo(d, name);
});

/**
 * dmsetup's node operation (libdm's _add_dev_node, no udev): /dev/mapper/NAME made, unless a
 * file that is no block device is already there (it stays; the command still succeeds).
 */
function makeNode(d: Dmsetup, md: MappedDevice): void {
  if (d.shell.ctx.nodes.files.has(md.dmName)) {
    d.e(`A non-block device file at '/dev/mapper/${md.dmName}' is already present\n`);
    return;
  }
  d.shell.ctx.nodes.make(md);
}

/**
 * --readahead after a resume (libdm's node ops, _set_dev_node_read_ahead): auto leaves the
 * kernel's value, none sets 0, `+N` sets N only if the device has less; the value is written to
 * sysfs read_ahead_kb rounded up to KiB ((N + 1) / 2), which keeps whole pages of it.
 */
function setReadAhead(d: Dmsetup, md: MappedDevice): void {
  const ra = d.readAheadArg;
  if (ra === undefined || ra.sectors === "auto") return;
  if (ra.minimum && md.readAhead >= ra.sectors) return;
  const kb = Math.floor((ra.sectors + 1) / 2);
  md.readAhead = Math.floor(kb / 4) * 8;
}

/**
 * _error_device (wipe_table, remove --force): load one error target of the device's size and
 * resume it without flushing; if the resume fails, clear the table again. False when a step
 * failed (libdm has already printed the ioctl's error).
 */
async function errorDevice(d: Dmsetup, name: string, md: MappedDevice): Promise<boolean> {
  const report = (cmd: string, e: unknown): false => {
    if (!(e instanceof DmError)) throw e;
    d.e(`device-mapper: ${cmd} ioctl on ${name} ${uuidPart(d)}failed: ${strerror(e.errno)}\n`);
    return false;
  };
  try {
    await d.shell.ctx.wait(
      d.dm.loadAsync(name, [{ start: 0, length: md.sizeSectors, type: "error", params: "" }], {
        readOnly: d.has("readonly"),
      }),
    );
  } catch (e) {
    return report("reload", e);
  }
  try {
    // --force: no flush, so that a device whose I/O cannot finish does not hang the removal.
    await d.shell.ctx.wait(d.dm.resume(name, { noflush: true }));
  } catch (e) {
    report("resume", e);
    try {
      d.dm.clear(name);
    } catch (c) {
      report("clear", c);
    }
    return false;
  }
  return true;
}

const remove = forEachDevice(async (d: Dmsetup, name: string, md: MappedDevice | undefined) => {
  if (md && d.has("force")) await errorDevice(d, name, md);
  try {
    await d.shell.ctx.wait(d.dm.removeAsync(name, { deferred: d.has("deferred") }));
  } catch (e) {
    d.ioctlFail("remove", name, e, uuidPart(d));
  }
  // _rm_dev_node unlinks whatever is at the node's path once the device is gone.
  if (!d.dm.byName(name)) d.shell.ctx.nodes.files.delete(name);
});

/** _remove_all: remove every closed device; with --force, error the rest and try again. */
const removeAll: Cmd = async (d: Dmsetup) => {
  try {
    await removeAllDevices(d);
  } finally {
    // dm_mknodes(NULL) after it: what is left at the path of a device that is gone goes.
    for (const name of [...d.shell.ctx.nodes.files.keys()])
      if (!d.dm.byName(name)) d.shell.ctx.nodes.files.delete(name);
  }
};

async function removeAllDevices(d: Dmsetup): Promise<void> {
  await d.dm.removeAllAsync();
  if (!d.has("force") || d.dm.list().length === 0) return;
  for (const md of d.dm.list()) await errorDevice(d, md.dmName, md);
  await d.dm.removeAllAsync();
  const left = d.dm.list().length;
  if (left > 0) d.e(`Unable to remove ${left} device(s).\n`);
}

const wipeTable = forEachDevice(async (d: Dmsetup, name: string, md: MappedDevice | undefined) => {
  if (!md) d.fail("Device does not exist.");
  if (!(await errorDevice(d, name, md))) d.fail();
});

const clear = forEachDevice((d: Dmsetup, name: string) => {
  try {
    d.dm.clear(name);
  } catch (e) {
    d.ioctlFail("clear", name, e, uuidPart(d));
  }
  verboseInfo(d, name);
});

const rename: Cmd = (d: Dmsetup, args: string[]) => {
  if (args.length < 2 && !(args.length === 1 && d.has("uuid"))) d.fail("No device specified.");
  const { name } = d.resolve(args.length >= 2 ? args[0] : undefined);
  const target = d.has("setuuid")
    ? newUuid(d, args[args.length - 1]!)
    : newName(d, args[args.length - 1]!);
  try {
    d.dm.rename(name, target, { setUuid: d.has("setuuid") });
  } catch (e) {
    d.ioctlFail("rename", name, e, uuidPart(d));
  }
};

/** dm_task_set_newname: its checks and errors, and the name mangled as the kernel gets it. */
function newName(d: Dmsetup, newname: string): string {
  if (newname.includes("/")) d.fail(`Name "${newname}" invalid. It contains "/".`);
  if (utf8Bytes(newname).length >= DM_NAME_LEN) d.fail(`Name "${newname}" too long`);
  if (newname === "") d.fail("Non empty new name is required.");
  if (d.mangling === "auto" && newname.includes("\\x5cx"))
    d.fail(
      `The new name "${newname}" seems to be mangled more than once. This is not allowed in auto mode.`,
    );
  if (d.mangling === "none") return newname;
  const m = mangleString(newname, "new name", d.mangling);
  if (!m.ok) d.fail(`${m.error}\nFailed to mangle new device name "${newname}"`);
  return m.value;
}

/** dm_task_set_newuuid: the same for a new UUID. */
function newUuid(d: Dmsetup, uuid: string): string {
  if (utf8Bytes(uuid).length >= DM_UUID_LEN) d.fail(`Uuid "${uuid}" too long`);
  if (d.mangling === "auto" && uuid.includes("\\x5cx"))
    d.fail(
      `The new UUID "${uuid}" seems to be mangled more than once. This is not allowed in auto mode.`,
    );
  if (d.mangling === "none") return uuid;
  const m = mangleString(uuid, "new UUID", d.mangling);
  if (!m.ok) d.fail(`${m.error}\nFailed to mangle new device UUID "${uuid}"`);
  return m.value;
}

/** C strtoull(s, NULL, 0): 0x hex, 0 octal, else decimal; what does not parse is 0. */
function strtoull0(s: string): number {
  const m = /^\s*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)/.exec(s);
  if (!m) return 0;
  const body = m[2]!;
  let v =
    body.startsWith("0x") || body.startsWith("0X")
      ? BigInt(body)
      : body.length > 1 && body.startsWith("0")
        ? BigInt("0o" + body.slice(1))
        : BigInt(body);
  const max = 0xffffffffffffffffn;
  if (v > max) v = max;
  else if (m[1] === "-") v = (max + 1n - v) & max;
  return Number(v);
}

const message: Cmd = async (d: Dmsetup, args: string[]) => {
  const { name } = d.resolve(args[0]);
  if (args.length < 2) d.fail("No sector supplied.");
  const sector = strtoull0(args[1]!);
  if (args.length < 3) d.e("No message supplied.\n");
  const text = args.slice(2).join(" ");
  let reply: string;
  try {
    reply = await d.shell.ctx.wait(d.dm.message(name, sector, text));
  } catch (e) {
    d.ioctlFail("message", name, e, uuidPart(d));
  }
  // _message: a response ending in a newline is printed as it is, any other gets one.
  if (reply) d.o(reply.endsWith("\n") ? reply : `${reply}\n`);
};

/**
 * _display_info_long: `dmsetup info` of one device, and what -v prints after create, load,
 * suspend, resume, clear, table and status. Read Ahead is BLKRAGET on the node (libdm reads
 * sysfs, which exists once a table was ever loaded; before that it opens the node).
 */
function displayInfoLong(d: Dmsetup, md: MappedDevice): void {
  d.o(`Name:              ${d.shown(md.dmName)}\n`);
  d.o(
    `State:             ${md.suspended ? "SUSPENDED" : "ACTIVE"}${md.readOnly ? " (READ-ONLY)" : ""}${md.deferredRemove ? " (DEFERRED REMOVE)" : ""}\n`,
  );
  const nodes = d.shell.ctx.nodes;
  if (nodes.hasDisk(md)) d.o(`Read Ahead:        ${md.readAhead}\n`);
  else
    d.e(
      `/dev/mapper/${md.dmName}: open failed: ${nodes.has(md) ? "No such device or address" : "No such file or directory"}\n`,
    );
  const tables =
    md.live && md.inactive
      ? "LIVE & INACTIVE"
      : md.live
        ? "LIVE"
        : md.inactive
          ? "INACTIVE"
          : "None";
  d.o(`Tables present:    ${tables}\n`);
  // --noopencount changes nothing: 6.1 reports the open count whatever the flag says.
  d.o(`Open count:        ${md.openCount}\n`);
  d.o(`Event number:      ${md.eventNr}\n`);
  d.o(`Major, minor:      254, ${md.minor}\n`);
  d.o(`Number of targets: ${md.live ? md.live.targets.length : 0}\n`);
  if (md.uuid) d.o(`UUID: ${md.uuid}\n`);
  d.o("\n");
}

/** _display_info as -v calls it after a command on `name`: the device must still exist. */
function verboseInfo(d: Dmsetup, name: string): void {
  if (!d.has("verbose")) return;
  const md = d.dm.byName(name);
  if (!md) d.fail("Device does not exist.");
  if (d.has("columns")) (d.report ??= new Report(d)).add(md);
  else displayInfoLong(d, md);
}

/** _print_string_quoted: `,`, `;` and `\` escaped for --concise. */
function conciseQuoted(s: string): string {
  return s.replace(/[,;\\]/g, (c) => `\\${c}`);
}

/** `table` and `status` (_status): per device, its lines; --concise; -v with each device's info. */
const tableOrStatus =
  (kind: "table" | "status"): Cmd =>
  async (d: Dmsetup, args: string[]) => {
    const devices = d.targets(args);
    if (devices.length === 0) {
      d.o("No devices found\n");
      return;
    }
    const multiple = args.length !== 1 && !(args.length === 0 && (d.has("uuid") || d.has("major")));
    const concise = kind === "table" && d.has("concise");
    const verbose = d.count("verbose");
    const want = d.opt("target");
    let produced = false;
    try {
      for (const { name, md } of devices) {
        if (!md) {
          if (kind === "status") d.fail("Device does not exist.");
          d.ioctlFail("table", name, new DmError("ENXIO"), " ");
        }
        let lines: StatusLine[];
        try {
          lines = await d.shell.ctx.wait(
            d.dm.statusAsync(name, kind === "table" ? "TABLE" : "INFO", {
              inactive: d.has("inactive"),
            }),
          );
        } catch (e) {
          d.ioctlFail(kind, name, e, uuidPart(d));
        }
        const shown = d.shown(md.dmName);
        let matched = false;
        // One pass with no target when the table is empty, as dm_get_next_target gives it.
        const rows: Array<StatusLine | null> = lines.length ? lines : [null];
        for (const l of rows) {
          if (want && (!l || l.type !== want)) continue;
          if (!concise) {
            if (!matched && verbose) displayInfoLong(d, md);
            if (multiple && !verbose) d.o(`${shown}: `);
          } else if (!matched) {
            if (produced) d.o(";");
            produced = true;
            d.o(
              `${conciseQuoted(shown)},${conciseQuoted(md.uuid)},${md.minor},${md.readOnly ? "ro" : "rw"}`,
            );
          }
          if (l) {
            let params = l.params;
            if (kind === "table" && l.type === "crypt" && !d.has("showkeys"))
              params = hideKey(params);
            if (concise) d.o(",");
            d.o(`${l.start} ${l.length} ${l.type} `);
            d.o(concise ? conciseQuoted(params) : params);
          }
          if (!concise) d.o("\n");
          matched = true;
        }
        if (multiple && verbose && matched && (!concise || verbose > 1)) d.o("\n");
      }
    } finally {
      if (produced) d.o("\n");
    }
  };

/** dm-crypt's key in a table line, shown as zeros of the same length (":keyring" keys are not). */
function hideKey(params: string): string {
  const words = params.split(" ");
  const key = words[1];
  if (key !== undefined && !key.startsWith(":")) words[1] = "0".repeat(key.length);
  return words.join(" ");
}

/**
 * The dependency tree dmsetup builds for DR_TREE fields (_build_whole_deptree): every device in
 * name order added with its deps depth first, a node linked to its parent before its own deps
 * are added (libdm-deptree's _add_dev). `uses` and `usedBy` keep link order.
 */
class DepTree {
  readonly uses = new Map<BlockDevice, BlockDevice[]>();
  readonly usedBy = new Map<BlockDevice, BlockDevice[]>();

  constructor(d: Dmsetup) {
    const add = (b: BlockDevice, parent: BlockDevice | null): void => {
      const known = this.uses.has(b);
      if (!known) {
        this.uses.set(b, []);
        this.usedBy.set(b, []);
      }
      if (parent) {
        const pu = this.uses.get(parent)!;
        if (!pu.includes(b)) {
          pu.push(b);
          this.usedBy.get(b)!.push(parent);
        }
      }
      if (known || !isMappedDevice(b)) return;
      for (const c of d.dm.deps(b.dmName)) add(c, b);
    };
    for (const md of d.sortedDevices()) add(md, null);
  }
}

interface ReportField {
  id: string;
  head: string;
  width: number;
  num: boolean;
  get: (md: MappedDevice, d: Dmsetup, r: Report) => string;
  /** A name-components field (DR_NAME): its value from the split name. */
  split?: (s: SplitName) => string;
  /** A statistics field (DR_STATS, DR_STATS_META). */
  stats?: boolean;
}

/** dmsetup's statistics report fields (_report_fields), in its order. */
const STATS_FIELD_IDS = [
  "read_count",
  "reads_merged_count",
  "read_sector_count",
  "read_time",
  "write_count",
  "writes_merged_count",
  "write_sector_count",
  "write_time",
  "in_progress_count",
  "io_ticks",
  "queue_ticks",
  "read_ticks",
  "write_ticks",
  "reads_merged_per_sec",
  "writes_merged_per_sec",
  "reads_per_sec",
  "writes_per_sec",
  "read_size_per_sec",
  "write_size_per_sec",
  "avg_request_size",
  "queue_size",
  "await",
  "read_await",
  "write_await",
  "throughput",
  "service_time",
  "util",
  "hist_count",
  "hist_count_bounds",
  "hist_count_ranges",
  "hist_percent",
  "hist_percent_bounds",
  "hist_percent_ranges",
  "interval_ns",
  "interval",
  "region_id",
  "region_start",
  "region_len",
  "area_id",
  "area_start",
  "area_len",
  "area_offset",
  "area_count",
  "group_id",
  "program_id",
  "user_data",
  "precise",
  "hist_bins",
  "hist_bounds",
  "hist_ranges",
  "stats_name",
  "obj_type",
];

/** struct dm_split_name: a device name split as dmsetup's splitname fields show it. */
interface SplitName {
  subsystem: string;
  vgName: string;
  lvName: string;
  lvLayer: string;
}

/**
 * libdm's _unquote (libdm-string.c): the component up to the first single `-` (not at the
 * end), with `--` made `-`; and what follows that `-`.
 */
function unquoteLvm(s: string): [string, string] {
  let out = "";
  let i = 0;
  while (i < s.length) {
    if (i + 1 < s.length && s[i] === "-") {
      if (s[i + 1] === "-") i++;
      else break;
    }
    out += s[i];
    i++;
  }
  return [out, i < s.length ? s.slice(i + 1) : ""];
}

/**
 * _get_split_name (dmsetup.c): the subsystem is the uuid's prefix before `separator` (the
 * whole string for splitname's own argument, separator NUL); only an "LVM" name is split into
 * VG, LV and layer (dm_split_lvm_name).
 */
function splitName(uuid: string, name: string, separator: string): SplitName {
  const at = separator === "" ? uuid.length : uuid.indexOf(separator);
  const subsystem = at >= 0 ? uuid.slice(0, at) : "";
  if (subsystem !== "LVM") return { subsystem, vgName: "", lvName: "", lvLayer: "" };
  const [vgName, rest] = unquoteLvm(name);
  const [lvName, rest2] = unquoteLvm(rest);
  const [lvLayer] = unquoteLvm(rest2);
  return { subsystem, vgName, lvName, lvLayer };
}

const devno = (b: BlockDevice) => `${b.major}:${b.minor}`;

/** dmsetup's report fields (_report_fields), in its order; the stats and splitname ones aside. */
const REPORT_FIELDS: ReportField[] = [
  { id: "name", head: "Name", width: 16, num: false, get: (md, d) => d.shown(md.dmName) },
  {
    id: "mangled_name",
    head: "MangledName",
    width: 16,
    num: false,

    get: (md, d) => {
      const m = mangleString(d.shown(md.dmName), "name", d.mangling);
      if (!m.ok) return d.fail(`${m.error}\nFailed to mangle device name "${d.shown(md.dmName)}".`);
      return m.value;
    },
  },
  {
    id: "unmangled_name",
    head: "UnmangledName",
    width: 16,
    num: false,

    get: (md, d) =>
      d.mangling === "none" ? (unmangleString(md.dmName, "none") ?? md.dmName) : d.shown(md.dmName),
  },
  { id: "uuid", head: "UUID", width: 32, num: false, get: (md) => md.uuid },
  {
    id: "mangled_uuid",
    head: "MangledUUID",
    width: 32,
    num: false,

    get: (md, d) => {
      const m = mangleString(md.uuid, "UUID", d.mangling);
      if (!m.ok) return d.fail(`${m.error}\nFailed to mangle device uuid "${md.uuid}".`);
      return m.value;
    },
  },
  {
    id: "unmangled_uuid",
    head: "UnmangledUUID",
    width: 32,
    num: false,

    get: (md, d) =>
      d.mangling === "none" ? (unmangleString(md.uuid, "none") ?? md.uuid) : md.uuid,
  },
  {
    id: "read_ahead",
    head: "RAhead",
    width: 6,
    num: true,

    get: (md, d) => String(d.shell.ctx.nodes.hasDisk(md) ? md.readAhead : 0),
  },
  { id: "blkdevname", head: "BlkDevName", width: 16, num: false, get: (md) => `dm-${md.minor}` },
  {
    id: "attr",
    head: "Stat",
    width: 4,
    num: false,

    get: (md) =>
      `${md.live ? "L" : "-"}${md.inactive ? "I" : "-"}${md.suspended ? "s" : "-"}${md.readOnly ? "r" : "w"}`,
  },
  {
    id: "tables_loaded",
    head: "Tables",
    width: 6,
    num: false,

    get: (md) => (md.live ? (md.inactive ? "Both" : "Live") : md.inactive ? "Inactive" : "None"),
  },
  {
    id: "suspended",
    head: "Suspended",
    width: 9,
    num: false,

    get: (md) => (md.suspended ? "Suspended" : "Active"),
  },
  {
    id: "readonly",
    head: "Read-only",
    width: 9,
    num: false,

    get: (md) => (md.readOnly ? "Read-only" : "Writeable"),
  },
  { id: "devno", head: "DevNo", width: 5, num: false, get: (md) => devno(md) },
  { id: "major", head: "Maj", width: 3, num: true, get: () => "254" },
  { id: "minor", head: "Min", width: 3, num: true, get: (md) => String(md.minor) },
  {
    id: "open",
    head: "Open",
    width: 4,
    num: true,
    get: (md) => String(md.openCount),
  },
  {
    id: "segments",
    head: "Targ",
    width: 4,
    num: true,

    get: (md) => String(md.live ? md.live.targets.length : 0),
  },
  { id: "events", head: "Event", width: 6, num: true, get: (md) => String(md.eventNr) },
  {
    id: "device_count",
    head: "#Devs",
    width: 5,
    num: true,

    get: (md, _d, r) => String(r.deps(md).length),
  },
  {
    id: "devs_used",
    head: "DevNamesUsed",
    width: 16,
    num: false,

    get: (md, d, r) =>
      (r.tree().uses.get(md) ?? [])
        .filter(isMappedDevice)
        .map((b) => d.shown(b.dmName))
        .join(","),
  },
  {
    id: "devnos_used",
    head: "DevNosUsed",
    width: 16,
    num: false,

    get: (md, _d, r) => r.deps(md).map(devno).join(","),
  },
  {
    id: "blkdevs_used",
    head: "BlkDevNamesUsed",
    width: 16,
    num: false,

    get: (md, _d, r) =>
      r
        .deps(md)
        .map((b) => b.name)
        .join(","),
  },
  {
    id: "device_ref_count",
    head: "#Refs",
    width: 5,
    num: true,

    get: (md, _d, r) => String((r.tree().usedBy.get(md) ?? []).length),
  },
  {
    id: "names_using_dev",
    head: "RefNames",
    width: 8,
    num: false,

    get: (md, d, r) =>
      (r.tree().usedBy.get(md) ?? [])
        .filter(isMappedDevice)
        .map((b) => d.shown(b.dmName))
        .join(","),
  },
  {
    id: "devnos_using_dev",
    head: "RefDevNos",
    width: 9,
    num: false,

    get: (md, _d, r) => (r.tree().usedBy.get(md) ?? []).map(devno).join(","),
  },
  ...(
    [
      ["subsystem", "Subsys", 6, (s: SplitName) => s.subsystem],
      ["vg_name", "VG", 4, (s: SplitName) => s.vgName],
      ["lv_name", "LV", 4, (s: SplitName) => s.lvName],
      ["lv_layer", "LVLayer", 7, (s: SplitName) => s.lvLayer],
    ] as const
  ).map(([id, head, width, split]): ReportField => ({
    id,
    head,
    width,
    num: false,
    split,
    get: (md) => split(splitName(md.uuid, md.dmName, "-")),
  })),
  // The statistics fields (DR_STATS, DR_STATS_META): meant for `dmsetup stats report`. In
  // `info -c` a device without regions of program "dmstats" gives no row; see Report.add.
  ...STATS_FIELD_IDS.map((id): ReportField => ({
    id,
    head: id,
    width: 0,
    num: false,
    stats: true,
    get: () => "",
  })),
];

/** Names the golden suite has always accepted for fields. */
const FIELD_ALIASES: Record<string, string> = {
  maj: "major",
  min: "minor",
  targets: "segments",
  event_nr: "events",
  stat: "attr",
};

const DEFAULT_REPORT = "name,major,minor,attr,open,segments,events,uuid";

/**
 * `<prefix>all`: every field of one report type (libdm-report's _field_match), by the type
 * prefixes of dmsetup's _report_types.
 */
const ALL_FIELDS: Record<string, string> = {
  name_all: "name,mangled_name,unmangled_name,uuid,mangled_uuid,unmangled_uuid,read_ahead",
  info_all:
    "blkdevname,attr,tables_loaded,suspended,readonly,devno,major,minor,open,segments,events",
  deps_all: "device_count,devnos_used,blkdevs_used",
  tree_all: "devs_used,device_ref_count,names_using_dev,devnos_using_dev",
  splitname_all: "subsystem,vg_name,lv_name,lv_layer",
  stats_all: STATS_FIELD_IDS.slice(0, STATS_FIELD_IDS.indexOf("region_id")).join(","),
  region_all: STATS_FIELD_IDS.slice(STATS_FIELD_IDS.indexOf("region_id")).join(","),
};

/** _is_same_field: a field's id, case-insensitive. */
function findField(raw: string): ReportField | undefined {
  const f = raw.toLowerCase();
  const key = FIELD_ALIASES[f] ?? f;
  return REPORT_FIELDS.find((x) => x.id === key);
}

/**
 * dm_report as _report_init sets it up for `info -c` (-o, -O, --noheadings, --separator,
 * --nameprefixes, --unquoted, --rows): rows are buffered and printed by output().
 */
class Report {
  readonly d: Dmsetup;
  readonly fields: ReportField[] = [];
  readonly sortKeys: Array<{ field: ReportField; desc: boolean }> = [];
  readonly rows: string[][] = [];
  readonly sortValues: string[][] = [];
  #tree: DepTree | undefined;
  readonly #deps = new Map<MappedDevice, BlockDevice[]>();

  constructor(d: Dmsetup, defaults = DEFAULT_REPORT) {
    this.d = d;
    const opt = d.opt("options");
    const spec =
      opt === undefined ? defaults : opt.startsWith("+") ? `${defaults},${opt.slice(1)}` : opt;
    const expanded = spec
      .split(",")
      .flatMap((raw) => ALL_FIELDS[raw.trim().toLowerCase()]?.split(",") ?? [raw]);
    for (const raw of expanded) {
      const id = raw.trim();
      if (id === "help" || id === "?") {
        // The list of fields, and no report: dmsetup exits successfully.
        d.e(DMSETUP_FIELD_HELP);
        throw new Failed(0);
      }
      const f = findField(id);
      if (!f) {
        // _report_init fails: dmsetup exits 1 without "Command failed.".
        d.e(`${DMSETUP_FIELD_HELP}Unrecognised field: ${raw}\n`);
        throw new Failed(1);
      }
      this.fields.push(f);
    }
    const sort = d.opt("sort");
    if (sort !== undefined) {
      for (let raw of sort.split(",")) {
        raw = raw.trim();
        let desc = false;
        if (raw.startsWith("+") || raw.startsWith("-")) {
          desc = raw.startsWith("-");
          raw = raw.slice(1);
        }
        const f = findField(raw);
        if (!f) d.fail(`Unrecognised field: ${raw}`);
        this.sortKeys.push({ field: f, desc });
      }
    }
  }

  tree(): DepTree {
    return (this.#tree ??= new DepTree(this.d));
  }

  deps(md: MappedDevice): BlockDevice[] {
    let l = this.#deps.get(md);
    if (!l) {
      l = this.d.dm.deps(md.dmName, { inactive: this.d.has("inactive") });
      this.#deps.set(md, l);
    }
    return l;
  }

  add(md: MappedDevice): void {
    if (this.fields.some((f) => f.stats) || this.sortKeys.some((k) => k.field.stats)) {
      // _display_info_cols: statistics fields need the device's regions of program "dmstats"
      // (dm_stats_populate, which lists them with @stats_list); without any the device has no
      // row. With some, dmsetup 1.02.185's `info` walks them with empty walk flags and crashes
      // (kernel tool: "Segmentation fault", status 139): so does this one, printing nothing.
      const e = this.d.shell.engine;
      const listed = md.stats.message(["@stats_list", "dmstats"], md.sizeSectors, e.now, () => {});
      if (!listed) return;
      this.d.report = undefined;
      this.d.e("Segmentation fault\n");
      throw new Failed(139);
    }
    this.rows.push(this.fields.map((f) => f.get(md, this.d, this)));
    this.sortValues.push(this.sortKeys.map((k) => k.field.get(md, this.d, this)));
  }

  /** `splitname`: a row with only the name components (other fields have no data). */
  addSplit(s: SplitName): void {
    const value = (f: ReportField) =>
      f.split ? f.split(s) : this.d.fail(`_do_report_object: no data assigned to field ${f.id}`);
    this.rows.push(this.fields.map(value));
    this.sortValues.push(this.sortKeys.map((k) => value(k.field)));
  }

  /** dm_report_output: sorted, then as columns (aligned or not) or as rows. */
  output(): void {
    const d = this.d;
    let rows = this.rows;
    // dm_report_output prints nothing, not even the headings, for a report without rows
    // (`info -c NAME` for a missing NAME: differential fuzzer seed 2).
    if (!rows.length) return;
    if (this.sortKeys.length) {
      const order = rows.map((_, i) => i);
      order.sort((a, b) => {
        for (const [k, key] of this.sortKeys.entries()) {
          const x = this.sortValues[a]![k]!;
          const y = this.sortValues[b]![k]!;
          const c = key.field.num ? Number(x) - Number(y) : cmpBytes(x, y);
          if (c !== 0) return key.desc ? -c : c;
        }
        return 0;
      });
      rows = order.map((i) => this.rows[i]!);
    }
    const noHead = d.has("noheadings");
    const prefixes = d.has("nameprefixes");
    const quote = d.has("unquoted") ? "" : "'";
    const sepOpt = d.opt("separator");
    const separator = sepOpt ?? (noHead ? ":" : " ");
    const asRows = d.has("rows");
    const aligned = sepOpt === undefined && !noHead && !prefixes && !asRows;
    const value = (f: ReportField, v: string) =>
      prefixes ? `DM_${f.id.toUpperCase()}=${quote}${v}${quote}` : v;
    if (asRows) {
      this.fields.forEach((f, i) => {
        const head = noHead ? "" : f.head + separator;
        d.o(head + rows.map((r) => value(f, r[i]!)).join(separator) + "\n");
      });
      return;
    }
    if (aligned) {
      const widths = this.fields.map((f, i) =>
        Math.max(f.width, f.head.length, ...rows.map((r) => r[i]!.length)),
      );
      d.o(this.fields.map((f, i) => f.head.padEnd(widths[i]!)).join(" ") + "\n");
      for (const r of rows) {
        d.o(
          r
            .map((v, i) => (this.fields[i]!.num ? v.padStart(widths[i]!) : v.padEnd(widths[i]!)))
            .join(" ") + "\n",
        );
      }
      return;
    }
    if (!noHead) d.o(this.fields.map((f) => f.head).join(separator) + "\n");
    for (const r of rows) d.o(r.map((v, i) => value(this.fields[i]!, v)).join(separator) + "\n");
  }
}

/**
 * `info`: each device's info, long or (-c, -o) as a report. The devices are processed in order
 * and the command stops at the first that does not exist; a report still prints the rows it
 * has (dm_report_output runs after the command failed).
 */
const info: Cmd = (d: Dmsetup, args: string[]) => {
  const devices = d.targets(args);
  if (devices.length === 0) {
    d.o("No devices found\n");
    return;
  }
  if (d.has("columns")) {
    const report = new Report(d);
    d.report = report;
    for (const { md } of devices) {
      if (!md) d.fail("Device does not exist.");
      report.add(md);
    }
    return;
  }
  for (const { md } of devices) {
    if (!md) d.fail("Device does not exist.");
    displayInfoLong(d, md);
  }
};

/**
 * `splitname <device> [<subsystem>]`: the name's components as a report (always columns;
 * default fields vg_name,lv_name,lv_layer); the subsystem defaults to LVM.
 */
const splitname: Cmd = (d: Dmsetup, args: string[]) => {
  if (args.length < 1 || args.length > 2) {
    d.e(`Incorrect number of arguments.\n${USAGE}`);
    throw new Failed(1);
  }
  const report = new Report(d, "vg_name,lv_name,lv_layer");
  d.report = report;
  report.addSplit(splitName(args[1] ?? "LVM", args[0]!, ""));
};

function devLabel(d: Dmsetup, b: BlockDevice, how: string | undefined): string {
  if (how === "devname") return isMappedDevice(b) ? d.shown(b.dmName) : b.name;
  if (how === "blkdevname") return b.name;
  return `${b.major}, ${b.minor}`;
}

const deps: Cmd = (d: Dmsetup, args: string[]) => {
  const devices = d.targets(args);
  if (devices.length === 0) {
    d.o("No devices found\n");
    return;
  }
  const prefix = args.length !== 1 && !(args.length === 0 && (d.has("uuid") || d.has("major")));
  const how = d.opt("options");
  for (const { name } of devices) {
    let list: BlockDevice[];
    try {
      list = d.dm.deps(name, { inactive: d.has("inactive") });
    } catch (e) {
      d.ioctlFail("deps", name, e, uuidPart(d));
    }
    if (d.has("verbose")) verboseInfo(d, name);
    const items = list.map((b) => ` (${devLabel(d, b, how)})`).join("");
    d.o(`${prefix ? `${d.shown(name)}: ` : ""}${list.length} dependencies\t:${items}\n`);
  }
};

/** Which dm devices use `md` (its holders). */
function holders(d: Dmsetup, md: BlockDevice): MappedDevice[] {
  return d.dm
    .list()
    .filter((h) => h.live && [...h.live.devices.values()].some((x) => x.dmDev.bdev === md));
}

const ls: Cmd = (d: Dmsetup) => {
  const devices = d.sortedDevices();
  const want = d.opt("target");
  // `ls --target` is _status over all devices: _process_all says so when there are none
  // (differential fuzzer seed 14).
  if (want !== undefined && devices.length === 0) {
    d.o("No devices found\n");
    return;
  }
  if (want !== undefined) {
    for (const md of devices) {
      if (md.live?.targets.some((t) => t.type.name === want))
        d.o(`${d.shown(md.dmName)}\t(254, ${md.minor})\n`);
    }
    return;
  }
  if (devices.length === 0) {
    d.o("No devices found\n");
    return;
  }
  const how = d.opt("options");
  if (d.has("tree")) {
    // The tree is drawn in ascii; its other options (utf, vt100, compact, inverted, notrunc,
    // blkdevname, active, open, rw, uuid, ...) are not.
    if (how !== undefined && how.split(",").some((o) => o !== "ascii"))
      d.fail("dmsetup: ls --tree -o is not available in dm-playground (but for ascii).");
    const draw = (b: BlockDevice, prefix: string, branch: string, depth: number): void => {
      const label = isMappedDevice(b)
        ? `${d.shown(b.dmName)} (254:${b.minor})`
        : ` (${b.major}:${b.minor})`;
      d.o(`${prefix}${branch}${label}\n`);
      if (!isMappedDevice(b) || depth > 32) return;
      const children = d.dm.deps(b.dmName);
      const childPrefix = depth === 0 ? " " : prefix + (branch === "`-" ? " " : "|") + "  ";
      children.forEach((c, i) =>
        draw(c, childPrefix, i === children.length - 1 ? "`-" : "|-", depth + 1),
      );
    };
    for (const md of devices) if (holders(d, md).length === 0) draw(md, "", "", 0);
    return;
  }
  for (const md of devices) {
    const label =
      how === "blkdevname"
        ? `dm-${md.minor}`
        : how === "devname"
          ? d.shown(md.dmName)
          : `254:${md.minor}`;
    d.o(`${d.shown(md.dmName)}\t(${label})\n`);
  }
};

const mknodes: Cmd = (d: Dmsetup, args: string[]) => {
  const list = args.length ? args.map((a) => d.resolve(a).md) : d.dm.list();
  for (const md of list) if (md) makeNode(d, md);
};

/**
 * `mangle` (_mangle): names (and UUIDs) put into the form --manglename asks for (auto by
 * default), renaming a device whose name is not. The ioctls themselves run with mangling off.
 * Over all devices a failure does not stop the others; named devices stop at the first.
 */
const mangle: Cmd = (d: Dmsetup, args: string[]) => {
  const all = args.length === 0 && !d.has("uuid") && !d.has("major");
  const list = all
    ? d.sortedDevices().map((md) => ({ name: md.dmName, md }))
    : (args.length ? args : [undefined]).map((a) => d.resolve(a));
  const target = (d.opt("manglename")?.toLowerCase() ?? "auto") as Mangling;
  let failed = false;
  for (const { name, md } of list) {
    if (!md || !mangleOne(d, name, md, target)) {
      failed = true;
      if (!all) break;
    }
  }
  if (failed) d.fail();
};

function mangleOne(d: Dmsetup, name: string, md: MappedDevice, target: Mangling): boolean {
  const uuid = md.uuid;
  if (target === "auto") {
    if (name.includes("\\x5cx")) {
      d.e(
        `The name "${name}" seems to be mangled more than once. Manual intervention required to rename the device.\n`,
      );
      return false;
    }
    if (uuid.includes("\\x5cx")) {
      d.e(
        `The UUID "${uuid}" seems to be mangled more than once. Manual intervention required to correct the device UUID.\n`,
      );
      return false;
    }
  }
  const convert = (s: string, what: string, label: string): string | null => {
    if (target === "none") return unmangleString(s, "none") ?? s;
    const m = mangleString(s, what, "auto");
    if (m.ok) return m.value;
    d.e(`${m.error}\nFailed to mangle device ${label} "${s}".\n`);
    return null;
  };
  const newName = convert(name, "name", "name");
  if (newName === null) return false;
  const newUuid = convert(uuid, "UUID", "uuid");
  if (newUuid === null) return false;
  if (uuid !== newUuid) {
    d.e(
      `${name}: ${uuid}: UUID in incorrect form. \nUnable to change device UUID. The device must be deactivated first.\n`,
    );
    return false;
  }
  if (name === newName) {
    d.o(
      `${name}: ${uuid ? uuid : "[no UUID]"}: name ${uuid ? "and UUID " : ""}already in correct form\n`,
    );
    return true;
  }
  d.o(`${name}: renaming to ${newName}\n`);
  try {
    d.dm.rename(name, newName);
  } catch (e) {
    if (!(e instanceof DmError)) throw e;
    d.e(`device-mapper: rename ioctl on ${name}  failed: ${strerror(e.errno)}\n`);
    return false;
  }
  return true;
}

const targets: Cmd = (d: Dmsetup) => {
  for (const t of d.shell.engine.targets.loaded())
    d.o(`${t.name.padEnd(16)} v${t.version.join(".")}\n`);
};

const targetVersion: Cmd = (d: Dmsetup, args: string[]) => {
  for (const a of args) {
    const t = d.shell.engine.targets.loaded().find((x) => x.name === a);
    if (!t) d.fail(`Target ${a} is not loaded.`);
    d.o(`${t.name.padEnd(16)} v${t.version.join(".")}\n`);
  }
};

const version: Cmd = (d: Dmsetup) => {
  d.o(`Library version:   ${LIBRARY_VERSION}\nDriver version:    ${DM_IOCTL_VERSION.join(".")}\n`);
};

const COMMANDS: Record<string, Cmd> = {
  create,
  load,
  reload: load,
  suspend,
  resume,
  remove,
  remove_all: removeAll,
  wipe_table: wipeTable,
  clear,
  rename,
  message,
  table: tableOrStatus("table"),
  status: tableOrStatus("status"),
  info,
  deps,
  ls,
  mknodes,
  targets,
  "target-version": targetVersion,
  version,
  wait: () => {},
  mangle,
  splitname,
  udevcookies: () => {},
  udevcomplete_all: () => {},
};

/**
 * dmsetup options dm-playground does not carry out, refused rather than ignored: report
 * selection (-S), repeated reports (--count, --interval), --exec, unbuffered reports, and the
 * owner and mode of nodes (--uid, --gid, --mode).
 */
const REFUSED_OPTIONS = ["select", "count", "interval", "exec", "unbuffered", "uid", "gid", "mode"];

/** In dmsetup's usage but not in dm-playground (no statistics, udev or geometry here). */
const UNSUPPORTED = [
  "measure",
  "stats",
  "setgeometry",
  "udevcreatecookie",
  "udevreleasecookie",
  "udevflags",
  "udevcomplete",
];

export const dmsetup = command("dmsetup", async (args, io) => {
  const p = getopt(args, OPTIONS, "dmsetup");
  if (!p.ok) {
    io.out.e(p.error + "Couldn't process command line.\n");
    return 1;
  }
  const d = new Dmsetup(io, p.opts);
  const mode = d.opt("manglename");
  if (mode !== undefined) {
    const m = mode.toLowerCase();
    if (m !== "none" && m !== "auto" && m !== "hex") {
      io.out.e("Unknown name mangling mode.\nCouldn't process command line.\n");
      return 1;
    }
    d.mangling = m;
  }
  if (d.has("version")) {
    version(d, []);
    return 0;
  }
  const [cmd, ...rest] = p.operands;
  if (cmd === undefined || d.has("help") || cmd === "help") {
    io.out.e(USAGE);
    return cmd === undefined && !d.has("help") ? 1 : 0;
  }
  if (UNSUPPORTED.includes(cmd)) {
    io.out.e(`dmsetup: ${cmd} is not available in dm-playground.\nCommand failed.\n`);
    return 1;
  }
  const fn = COMMANDS[cmd];
  if (!fn) {
    io.out.e("Unknown command.\n" + USAGE);
    return 1;
  }
  const ra = d.opt("readahead");
  if (ra !== undefined) {
    // _process_switches: auto, none, else atoi (a leading + asks for a minimum).
    const l = ra.toLowerCase();
    if (l === "auto") d.readAheadArg = { sectors: "auto", minimum: false };
    else if (l === "none") d.readAheadArg = { sectors: 0, minimum: false };
    else {
      const n = atoi(ra);
      if (n < -1) {
        io.out.e(
          `Negative read ahead value (${n}) is not understood.\nCouldn't process command line.\n`,
        );
        return 1;
      }
      // -1 is DM_READ_AHEAD_AUTO.
      d.readAheadArg = { sectors: n === -1 ? "auto" : n, minimum: /^\s*\+/.test(ra) };
    }
  }
  for (const o of REFUSED_OPTIONS) {
    if (d.has(o)) {
      io.out.e(`dmsetup: --${o} is not available in dm-playground.\nCommand failed.\n`);
      return 1;
    }
  }
  if (d.count("verbose") > 1) {
    // -vv prints libdm's debugging (every ioctl, node operation, udev decision): not here.
    io.out.e("dmsetup: -vv is not available in dm-playground.\nCommand failed.\n");
    return 1;
  }
  if (cmd === "mangle") d.mangling = "none";
  // splitname always reports in columns.
  if (cmd === "splitname") d.opts.set("columns", d.opts.get("columns") ?? [""]);
  const options = d.opt("options");
  if (options !== undefined && !d.has("tree") && !d.has("columns")) {
    // _process_options: without -c, -o names how devices are shown (a prefix of devno,
    // blkdevname or devname per comma-separated word).
    let at = 0;
    for (const word of options.split(",")) {
      if (!["devno", "blkdevname", "devname"].some((o) => o.startsWith(word))) {
        io.out.e(`Option not recognised: ${options.slice(at)}.\nCouldn't process command line.\n`);
        return 1;
      }
      at += word.length + 1;
    }
  }
  try {
    await fn(d, rest);
    return 0;
  } catch (e) {
    if (!(e instanceof Failed)) {
      if (errnoOf(e) === "EINTR") throw e;
      d.e(`dmsetup: ${e instanceof Error ? e.message : String(e)}\n`);
    } else if (e.status !== undefined) return e.status;
    d.e("Command failed.\n");
    return 1;
  } finally {
    d.report?.output();
    d.flush();
  }
});
