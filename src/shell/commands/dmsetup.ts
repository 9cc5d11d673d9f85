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
import { errnoOf, utf8Bytes } from "../util.ts";
import { command, getopt, type Io, type OptSpec } from "./command.ts";

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

/** A failed command: its message lines are already written. */
class Failed extends Error {}

/** What one dmsetup invocation needs. */
class Dmsetup {
  readonly shell: DmShell;
  readonly io: Io;
  readonly opts: Map<string, string[]>;

  constructor(io: Io, opts: Map<string, string[]>) {
    this.shell = io.shell;
    this.io = io;
    this.opts = opts;
  }

  get dm() {
    return this.shell.engine.dm;
  }

  has(o: string): boolean {
    return this.opts.has(o);
  }

  opt(o: string): string | undefined {
    const v = this.opts.get(o);
    return v ? v[v.length - 1] : undefined;
  }

  o(text: string): void {
    this.io.out.o(utf8Bytes(text));
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
    if (name.startsWith("/dev/mapper/")) name = name.slice("/dev/mapper/".length);
    else if (name.includes("/")) {
      const b = this.shell.engine.lookup(this.io.path(name));
      if (isMappedDevice(b)) name = b.dmName;
    }
    return { name, md: this.dm.byName(name) };
  }

  /** The devices a query command covers: the operands, or every device in name order. */
  targets(operands: string[]): Array<{ name: string; md: MappedDevice | undefined }> {
    if (operands.length === 0 && !this.has("uuid") && !(this.has("major") && this.has("minor"))) {
      return this.sortedDevices().map((md) => ({ name: md.dmName, md }));
    }
    if (operands.length === 0) return [this.resolve(undefined)];
    return operands.map((a) => this.resolve(a));
  }

  sortedDevices(): MappedDevice[] {
    return [...this.dm.list()].sort((a, b) => cmpBytes(a.dmName, b.dmName));
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

  /**
   * Read ahead of a dm device in sectors, as BLKRAGET reports it: disk_update_readahead's
   * max(2 * io_opt, 128 KiB), io_opt being the queue limit dm_calculate_queue_limits stacked.
   */
  readAhead(md: MappedDevice): number {
    return Math.max(Math.floor((md.limits.ioOpt * 2) / 4096) * 8, 256);
  }
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
  const name = args[0];
  if (name === undefined) d.fail("Please provide a name for the new device.");
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
  if (d.has("addnodeoncreate")) d.shell.ctx.nodes.make(md);
  if (specs.length === 0) return;
  d.shell.ctx.nodes.disk(md);
  try {
    d.dm.load(name, specs, { readOnly: d.has("readonly") });
  } catch (e) {
    // libdm (_create_and_load_v4) removes the device it just created again, and says so
    // should that fail (something opened it meanwhile: EBUSY).
    let reverted = true;
    try {
      d.dm.remove(name);
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
  d.shell.ctx.nodes.make(md);
};

const load: Cmd = async (d: Dmsetup, args: string[]) => {
  const { name, md } = d.resolve(args[0]);
  const specs = await d.readTable(args[1]);
  try {
    d.dm.load(name, specs, { readOnly: d.has("readonly") });
  } catch (e) {
    d.ioctlFail("reload", name, e, uuidPart(d));
  }
  if (md) d.shell.ctx.nodes.disk(md);
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
});

const resume = forEachDevice(async (d: Dmsetup, name: string, md: MappedDevice | undefined) => {
  try {
    await d.shell.ctx.wait(
      d.dm.resume(name, { noflush: d.has("noflush"), nolockfs: d.has("nolockfs") }),
    );
  } catch (e) {
    d.ioctlFail("resume", name, e, uuidPart(d));
  }
  if (md) d.shell.ctx.nodes.make(md);
});

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
    d.dm.load(name, [{ start: 0, length: md.sizeSectors, type: "error", params: "" }], {
      readOnly: d.has("readonly"),
    });
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
    d.dm.remove(name, { deferred: d.has("deferred") });
  } catch (e) {
    d.ioctlFail("remove", name, e, uuidPart(d));
  }
});

/** _remove_all: remove every closed device; with --force, error the rest and try again. */
const removeAll: Cmd = async (d: Dmsetup) => {
  d.dm.removeAll();
  if (!d.has("force") || d.dm.list().length === 0) return;
  for (const md of d.dm.list()) await errorDevice(d, md.dmName, md);
  d.dm.removeAll();
  const left = d.dm.list().length;
  if (left > 0) d.e(`Unable to remove ${left} device(s).\n`);
};

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
});

const rename: Cmd = (d: Dmsetup, args: string[]) => {
  if (args.length < 2 && !(args.length === 1 && d.has("uuid"))) d.fail("No device specified.");
  const target = args[args.length - 1]!;
  const { name } = d.resolve(args.length >= 2 ? args[0] : undefined);
  try {
    d.dm.rename(name, target, { setUuid: d.has("setuuid") });
  } catch (e) {
    d.ioctlFail("rename", name, e, uuidPart(d));
  }
};

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

const message: Cmd = (d: Dmsetup, args: string[]) => {
  const { name } = d.resolve(args[0]);
  if (args.length < 2) d.fail("No sector supplied.");
  const sector = strtoull0(args[1]!);
  if (args.length < 3) d.e("No message supplied.\n");
  const text = args.slice(2).join(" ");
  let reply: string;
  try {
    reply = d.dm.message(name, sector, text);
  } catch (e) {
    d.ioctlFail("message", name, e, uuidPart(d));
  }
  // _message: a response ending in a newline is printed as it is, any other gets one.
  if (reply) d.o(reply.endsWith("\n") ? reply : `${reply}\n`);
};

/** `table` and `status`. */
const tableOrStatus =
  (kind: "table" | "status"): Cmd =>
  (d: Dmsetup, args: string[]) => {
    const devices = d.targets(args);
    if (devices.length === 0) {
      d.o("No devices found\n");
      return;
    }
    const prefix = args.length !== 1 && !(args.length === 0 && (d.has("uuid") || d.has("major")));
    const want = d.opt("target");
    for (const { name, md } of devices) {
      if (!md) {
        if (kind === "status") d.fail("Device does not exist.");
        d.ioctlFail("table", name, new DmError("ENXIO"), " ");
      }
      let lines: StatusLine[];
      try {
        lines = d.dm.status(name, kind === "table" ? "TABLE" : "INFO", {
          inactive: d.has("inactive"),
        });
      } catch (e) {
        d.ioctlFail(kind, name, e, uuidPart(d));
      }
      if (lines.length === 0) {
        if (!want) d.o(prefix ? `${name}: \n` : "\n");
        continue;
      }
      for (const l of lines) {
        if (want && l.type !== want) continue;
        let params = l.params;
        if (kind === "table" && l.type === "crypt" && !d.has("showkeys")) params = hideKey(params);
        d.o(`${prefix ? `${name}: ` : ""}${l.start} ${l.length} ${l.type} ${params}\n`);
      }
    }
  };

/** dm-crypt's key in a table line, shown as zeros of the same length (":keyring" keys are not). */
function hideKey(params: string): string {
  const words = params.split(" ");
  const key = words[1];
  if (key !== undefined && !key.startsWith(":")) words[1] = "0".repeat(key.length);
  return words.join(" ");
}

const infoFields: Record<
  string,
  { head: string; width: number; num: boolean; get: (md: MappedDevice) => string }
> = {
  name: { head: "Name", width: 16, num: false, get: (md) => md.dmName },
  uuid: { head: "UUID", width: 32, num: false, get: (md) => md.uuid },
  attr: {
    head: "Stat",
    width: 4,
    num: false,
    get: (md) =>
      `${md.live ? "L" : "-"}${md.inactive ? "I" : "-"}${md.suspended ? "s" : "-"}${md.readOnly ? "r" : "w"}`,
  },
  major: { head: "Maj", width: 3, num: true, get: () => "254" },
  minor: { head: "Min", width: 3, num: true, get: (md) => String(md.minor) },
  open: { head: "Open", width: 4, num: true, get: (md) => String(md.openCount) },
  segments: {
    head: "Targ",
    width: 4,
    num: true,
    get: (md) => String(md.live ? md.live.targets.length : 0),
  },
  events: { head: "Event", width: 6, num: true, get: (md) => String(md.eventNr) },
  devno: { head: "DevNo", width: 5, num: false, get: (md) => `254:${md.minor}` },
  blkdevname: { head: "BlkDevName", width: 16, num: false, get: (md) => `dm-${md.minor}` },
  suspended: {
    head: "Suspended",
    width: 9,
    num: false,
    get: (md) => (md.suspended ? "Suspended" : "Active"),
  },
  readonly: {
    head: "Read-only",
    width: 9,
    num: false,
    get: (md) => (md.readOnly ? "Read-only" : "Writeable"),
  },
  live_table: { head: "LiveTable", width: 9, num: false, get: (md) => (md.live ? "Live" : "-") },
  inactive_table: {
    head: "InactiveTable",
    width: 13,
    num: false,
    get: (md) => (md.inactive ? "Inactive" : "-"),
  },
};
const FIELD_ALIASES: Record<string, string> = {
  maj: "major",
  min: "minor",
  targets: "segments",
  event_nr: "events",
  stat: "attr",
};

function infoColumns(d: Dmsetup, devices: MappedDevice[]): void {
  const spec = d.opt("options") ?? "name,major,minor,attr,open,segments,events,uuid";
  const fields: Array<(typeof infoFields)[string]> = [];
  for (const raw of spec
    .replace(/^\+/, "name,major,minor,attr,open,segments,events,uuid,")
    .split(",")) {
    const f = raw.trim().toLowerCase();
    const key = FIELD_ALIASES[f] ?? f;
    const def = infoFields[key];
    if (!def) d.fail(`Unrecognised field: ${raw}`);
    fields.push(def);
  }
  const noHead = d.has("noheadings");
  const sep = d.opt("separator");
  const aligned = sep === undefined && !noHead;
  const separator = sep ?? (noHead ? ":" : " ");
  const rows = devices.map((md) => fields.map((f) => f.get(md)));
  if (aligned) {
    const widths = fields.map((f, i) =>
      Math.max(f.width, f.head.length, ...rows.map((r) => r[i]!.length)),
    );
    d.o(fields.map((f, i) => f.head.padEnd(widths[i]!)).join(" ") + "\n");
    for (const r of rows) {
      d.o(
        r
          .map((v, i) => (fields[i]!.num ? v.padStart(widths[i]!) : v.padEnd(widths[i]!)))
          .join(" ") + "\n",
      );
    }
    return;
  }
  if (!noHead) d.o(fields.map((f) => f.head).join(separator) + "\n");
  for (const r of rows) d.o(r.join(separator) + "\n");
}

const info: Cmd = (d: Dmsetup, args: string[]) => {
  const devices = d.targets(args);
  if (d.has("columns") || d.has("options")) {
    if (devices.length === 0) {
      d.o("No devices found\n");
      return;
    }
    const mds: MappedDevice[] = [];
    for (const { md } of devices) {
      if (!md) d.fail("Device does not exist.");
      mds.push(md);
    }
    infoColumns(d, mds);
    return;
  }
  if (devices.length === 0) {
    d.o("No devices found\n");
    return;
  }
  for (const { md } of devices) {
    if (!md) d.fail("Device does not exist.");
    d.o(`Name:              ${md.dmName}\n`);
    d.o(
      `State:             ${md.suspended ? "SUSPENDED" : "ACTIVE"}${md.readOnly ? " (READ-ONLY)" : ""}${md.deferredRemove ? " (DEFERRED REMOVE)" : ""}\n`,
    );
    // libdm reads sysfs (which exists once a table was ever loaded), else opens the node.
    const nodes = d.shell.ctx.nodes;
    if (nodes.hasDisk(md)) d.o(`Read Ahead:        ${d.readAhead(md)}\n`);
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
    d.o(`Open count:        ${md.openCount}\n`);
    d.o(`Event number:      ${md.eventNr}\n`);
    d.o(`Major, minor:      254, ${md.minor}\n`);
    d.o(`Number of targets: ${md.live ? md.live.targets.length : 0}\n`);
    if (md.uuid) d.o(`UUID: ${md.uuid}\n`);
    d.o("\n");
  }
};

function devLabel(b: BlockDevice, how: string | undefined): string {
  if (how === "devname") return isMappedDevice(b) ? b.dmName : b.name;
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
    const items = list.map((b) => ` (${devLabel(b, how)})`).join("");
    d.o(`${prefix ? `${name}: ` : ""}${list.length} dependencies\t:${items}\n`);
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
  if (want !== undefined) {
    for (const md of devices) {
      if (md.live?.targets.some((t) => t.type.name === want))
        d.o(`${md.dmName}\t(254, ${md.minor})\n`);
    }
    return;
  }
  if (devices.length === 0) {
    d.o("No devices found\n");
    return;
  }
  const how = d.opt("options");
  if (d.has("tree")) {
    const draw = (b: BlockDevice, prefix: string, branch: string, depth: number): void => {
      const label = isMappedDevice(b) ? `${b.dmName} (254:${b.minor})` : ` (${b.major}:${b.minor})`;
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
      how === "blkdevname" ? `dm-${md.minor}` : how === "devname" ? md.dmName : `254:${md.minor}`;
    d.o(`${md.dmName}\t(${label})\n`);
  }
};

const mknodes: Cmd = (d: Dmsetup, args: string[]) => {
  const list = args.length ? args.map((a) => d.resolve(a).md) : d.dm.list();
  for (const md of list) if (md) d.shell.ctx.nodes.make(md);
};

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
  mangle: () => {},
  udevcookies: () => {},
  udevcomplete_all: () => {},
};

/** In dmsetup's usage but not in dm-playground (no statistics, udev or geometry here). */
const UNSUPPORTED = [
  "measure",
  "stats",
  "splitname",
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
  try {
    await fn(d, rest);
    return 0;
  } catch (e) {
    if (!(e instanceof Failed)) {
      if (errnoOf(e) === "EINTR") throw e;
      d.e(`dmsetup: ${e instanceof Error ? e.message : String(e)}\n`);
    }
    d.e("Command failed.\n");
    return 1;
  }
});
