/**
 * Loadable target modules (Linux kernel/module/main.c, and busybox's insmod/rmmod/lsmod as the
 * shell prints them): a user's TypeScript or JavaScript file whose default export is a
 * `defineTarget({...})` (or an array of them) becomes a module named after its file as Linux
 * names `dm-foo.ko` (`dm_foo`), whose target types then work in tables like built-in ones.
 *
 *     const mod = engine.modules.insmod("dm-proxy.ts", source);   // throws ModuleLoadError
 *     engine.modules.list();        // lsmod: [{ name: "dm_proxy", size, useCount, usedBy, faulty }]
 *     await engine.modules.reload("dm_proxy", newSource);         // hot swap, tables kept
 *     engine.modules.rmmod("dm-proxy");                           // EAGAIN while a table uses it
 *
 * Loading: the source is transpiled once by sucrase (transforms "typescript" and "imports",
 * which keep line numbers), passed through the `instrument` hook if one is set (the debugger's
 * breakpoint probes), and evaluated with `new Function` whose `require` resolves only
 * "dm-playground" (api.ts). The code is named with `//# sourceURL=<file>`, so stack frames of
 * a throw name the user's file; `errorLocation` maps them back to its lines. Nothing runs on the
 * I/O path but the module's own functions, each behind a thin wrapper that
 *   - writes the module and operation into the "current call" cell (a SharedArrayBuffer the page
 *     reads after the worker stopped answering: "dm_proxy: map hung"),
 *   - adds the file and line of a throw to its message (the guard then reports the fault),
 *   - feeds the contract checks (contracts.ts).
 *
 * Errors (ModuleLoadError, a DmError): ENOEXEC "invalid module format" (a syntax error, no
 * default export, not a target descriptor; a `.ko` file), ENOENT "unknown symbol in module"
 * (an import other than "dm-playground"), EINVAL (a throw while loading, a descriptor without
 * name, version, ctr or map), EEXIST (the module is loaded, or a target type of that name is
 * registered). A module that fails to load changes nothing.
 */

import { parse } from "acorn";
import { transform } from "sucrase";
import { CALL_OP_LINUX, CALL_OPS, MAX_SLOTS, NAME_SLOT } from "./callCell.ts";
import * as api from "./api.ts";
import type { Bio } from "./bio.ts";
import { ContractChecks, type ContractProblem } from "./contracts.ts";
import type { Engine } from "./engine.ts";
import { EV } from "./events.ts";
import type { TargetCall, TargetOp } from "./guard.ts";
import type { Table } from "./dm-table.ts";
import type { TargetSpec } from "./table.ts";
import { Target, type TargetType } from "./target.ts";
import { DmError, type Errno } from "./types.ts";

/** A module that did not load: what and where (1-based line and column in the user's file). */
export class ModuleLoadError extends DmError {
  constructor(
    errno: Errno,
    /** The detail a person reads ("Unexpected token", "no default export"...). */
    readonly detail: string,
    readonly file: string,
    readonly line = 0,
    readonly column = 0,
  ) {
    super(errno, `${file}${line ? `:${line}:${column}` : ""}: ${detail}`);
    this.name = "ModuleLoadError";
  }
}

/** One loaded module, as lsmod and the editor see it. */
export interface LoadedModule {
  /** "dm_proxy" for dm-proxy.ts. */
  readonly name: string;
  /** The file as given to insmod (its basename names the stack frames). */
  readonly filename: string;
  readonly source: string;
  /** Slot in the current-call cell's name table (1-based). */
  readonly slot: number;
  /** The target types it registered (the user's definitions, unwrapped). */
  types: TargetType<unknown>[];
  /** Bytes: the compiled module, rounded up to 4 KiB pages (lsmod's Size). */
  size: number;
  /** Set when the module hung or was declared faulty: the reason ("map hung"). */
  faulty: string | null;
  /** Loaded from a link or a file the user has not agreed to run yet. */
  readonly untrusted: boolean;
}

/** lsmod's view of one module. */
export interface ModuleInfo {
  name: string;
  size: number;
  useCount: number;
  usedBy: string[];
  faulty: string | null;
  /** Built into dm-playground (dm_mod, dm_flakey, brd...) rather than insmod'ed. */
  builtin: boolean;
  /** The user's file, for insmod'ed modules. */
  filename?: string;
}

/** What reload did, device by device. */
export interface ReloadReport {
  module: string;
  /** Devices whose tables were swapped to the new code. */
  reloaded: string[];
  /** Devices that kept the old code, and why. */
  failed: Array<{ device: string; error: string }>;
}

// ---- the current-call cell (callCell.ts) ---------------------------------------------------

const OP_INDEX = new Map<string, number>(CALL_OPS.map((op, i) => [op, i]));

// ---- names, compiling, evaluating ----------------------------------------------------------

/** The module name Linux gives `dm-foo.ko`: the basename without extension, '-' -> '_'. */
export function moduleName(filename: string): string {
  const base = filename.split("/").pop() ?? filename;
  return base.replace(/\.(ko|[cm]?[jt]s)$/, "").replace(/-/g, "_");
}

/** The last path component: how stack frames and messages name the file. */
export function baseName(filename: string): string {
  return filename.split("/").pop() || filename;
}

/**
 * Transpile a module's source to a CommonJS function body, keeping line numbers. Throws a
 * ModuleLoadError (ENOEXEC) with the line and column of a syntax error.
 */
export function compileModule(source: string, filename: string): string {
  const file = baseName(filename);
  let js: string;
  try {
    js = transform(source, {
      transforms: /\.[cm]?js$/.test(file) ? ["imports"] : ["typescript", "imports"],
      filePath: file,
      production: true,
    }).code;
  } catch (e) {
    const loc = (e as { loc?: { line: number; column: number } }).loc;
    const msg = (e instanceof Error ? e.message : String(e))
      .replace(/^Error transforming [^:]*: /, "")
      .replace(/ \(\d+:\d+\)$/, "");
    throw new ModuleLoadError(
      "ENOEXEC",
      `SyntaxError: ${msg}`,
      file,
      loc?.line ?? 0,
      loc?.column ?? 0,
    );
  }
  // sucrase parses leniently; the JavaScript engine's own parse catches the rest.
  try {
    new Function("exports", "require", "module", "__dm_debug", js);
  } catch (e) {
    const at = syntaxErrorAt(js);
    throw new ModuleLoadError(
      "ENOEXEC",
      `SyntaxError: ${e instanceof Error ? e.message : String(e)}`,
      file,
      at.line,
      at.column,
    );
  }
  return js;
}

/** Where a parse of `js` fails (acorn's location: the line is the source's, sucrase keeps them). */
function syntaxErrorAt(js: string): { line: number; column: number } {
  try {
    parse(js, { ecmaVersion: "latest", sourceType: "script", allowReturnOutsideFunction: true });
  } catch (e) {
    const loc = (e as { loc?: { line: number; column: number } }).loc;
    if (loc) return { line: loc.line, column: loc.column + 1 };
  }
  return { line: 0, column: 0 };
}

/** Lines `new Function` puts before the body ("function anonymous(...\n) {\n"), measured once. */
let headerLines: number | undefined;
function functionHeaderLines(): number {
  if (headerLines !== undefined) return headerLines;
  headerLines = 0;
  try {
    new Function("a", "throw new Error('x')\n//# sourceURL=__dm_probe__.js")(0);
  } catch (e) {
    const m = /__dm_probe__\.js:(\d+):\d+/.exec(String((e as Error).stack));
    if (m) headerLines = Number(m[1]) - 1;
  }
  return headerLines;
}

/**
 * The first stack frame of `e` in a user module's file, as 1-based line and column of that
 * file, or undefined (not an Error, or not thrown from a module's code).
 */
export function errorLocation(
  e: unknown,
  files: Iterable<string>,
): { file: string; line: number; column: number } | undefined {
  const stack = e instanceof Error ? e.stack : undefined;
  if (!stack) return undefined;
  const names = new Set(files);
  const re = /([^\s()@]+):(\d+):(\d+)\)?\s*$/;
  for (const raw of stack.split("\n")) {
    const m = re.exec(raw);
    if (!m || !names.has(m[1]!)) continue;
    return {
      file: m[1]!,
      line: Number(m[2]) - functionHeaderLines(),
      column: Number(m[3]),
    };
  }
  return undefined;
}

/** 1-based line and column of the first match of `re` in `source` (0, 0 if none). */
export function locate(source: string, re: RegExp): { line: number; column: number } {
  const m = re.exec(source);
  if (!m) return { line: 0, column: 0 };
  const before = source.slice(0, m.index);
  const line = before.split("\n").length;
  const column = m.index - before.lastIndexOf("\n");
  return { line, column };
}

/** Where operation `op` is defined in a module's source (for problems that have no throw). */
export function locateOp(source: string, op: string): { line: number; column: number } {
  return locate(source, new RegExp(`(^|[\\s{,])(${op})\\s*(\\(|:)`, "m"));
}

/** The operations a target type may have, each wrapped (every op but the callbacks). */
const WRAPPED_OPS = CALL_OPS.filter(
  (op): op is Exclude<(typeof CALL_OPS)[number], "timer" | "completion"> =>
    op !== "timer" && op !== "completion",
);

// ---- the loader ------------------------------------------------------------------------------

/** Sizes the kernel reports for the modules built into dm-playground (lsmod on Debian 6.1). */
const BUILTIN_SIZES: Record<string, number> = {
  dm_mod: 184320,
  dm_zero: 16384,
  dm_delay: 16384,
  dm_flakey: 20480,
  dm_crypt: 61440,
  dm_snapshot: 53248,
  brd: 20480,
  loop: 32768,
};

export class ModuleLoader {
  readonly #e: Engine;
  readonly #mods = new Map<string, LoadedModule>();
  /** Loaded module names, most recently loaded first (/proc/modules order). */
  #order: string[] = [];
  #cell: Int32Array | null = null;
  #sab: SharedArrayBuffer | null = null;
  /** Modules declared faulty (hung), by name: refused until loaded again by hand with force. */
  readonly #faulty = new Map<string, string>();
  /** The contract checks of user targets (contracts.ts). */
  readonly contracts: ContractChecks;
  /**
   * The debugger's hook: rewrites a module's compiled JavaScript (same lines) before it is
   * evaluated, e.g. to insert breakpoint probes. Set by the DEBUGGER.
   */
  instrument: ((js: string, filename: string) => string) | undefined = undefined;
  /** Passed to every module's code as `__dm_debug` (the debugger's runtime), or null. */
  debugRuntime: unknown = undefined;

  constructor(engine: Engine) {
    this.#e = engine;
    this.contracts = new ContractChecks(engine, (file) => this.#sourceOf(file));
    this.contracts.rawType = (typeName) => {
      for (const m of this.#mods.values())
        for (const tt of m.types) if (tt.name === typeName) return tt;
      return undefined;
    };
    // dm_mod first (oldest), then the built-in target modules as registered at boot.
    for (const r of engine.targets.known()) {
      const m = kname(r.module);
      if (!this.#order.includes(m)) this.#order.unshift(m);
    }
  }

  // ---- the current-call cell --------------------------------------------------------------

  /** Attach the page's current-call cell (a SharedArrayBuffer of CALL_CELL_BYTES). */
  /** The shared call cell the page reads (null headless). */
  get callCell(): SharedArrayBuffer | null {
    return this.#sab ?? null;
  }

  attachCallCell(sab: SharedArrayBuffer): void {
    this.#sab = sab;
    this.#cell = new Int32Array(sab, 0, 4);
    for (const m of this.#mods.values()) this.#writeSlotName(m.slot, m.name);
  }

  #writeSlotName(slot: number, name: string): void {
    if (!this.#sab) return;
    const bytes = new Uint8Array(this.#sab, NAME_SLOT * slot, NAME_SLOT);
    bytes.fill(0);
    bytes.set(new TextEncoder().encode(name).subarray(0, NAME_SLOT - 1));
  }

  #freeSlot(): number {
    const used = new Set([...this.#mods.values()].map((m) => m.slot));
    for (let s = 1; s <= MAX_SLOTS; s++) if (!used.has(s)) return s;
    throw new DmError("ENOMEM", "too many modules loaded");
  }

  // ---- lsmod bookkeeping for built-in modules ----------------------------------------------

  /** A module was loaded (modprobe, a table naming one of its types, brd): top of lsmod. */
  noteLoaded(module: string): void {
    const m = kname(module);
    this.#order = [m, ...this.#order.filter((n) => n !== m)];
  }

  noteUnloaded(module: string): void {
    const m = kname(module);
    this.#order = this.#order.filter((n) => n !== m);
  }

  // ---- insmod -------------------------------------------------------------------------------

  /**
   * insmod: compile, evaluate and register the module's target types. Throws a ModuleLoadError
   * (or a DmError: EEXIST when a module of that name is loaded) and changes nothing on failure.
   * `untrusted` marks a module loaded from a link or a file (see the worker's consent rule).
   */
  insmod(filename: string, source: string, opts: { untrusted?: boolean } = {}): LoadedModule {
    const name = moduleName(filename);
    if (this.#mods.has(name) || this.#order.includes(name)) throw new DmError("EEXIST");
    if (/\.ko$/.test(filename)) {
      // A kernel ELF module: dm-playground runs TypeScript, not x86 code.
      this.#e.log("err", `Invalid ELF header len ${new TextEncoder().encode(source).length}`);
      throw new ModuleLoadError("ENOEXEC", "not a dm-playground module", baseName(filename));
    }
    const slot = this.#freeSlot();
    const { types, js } = this.#evaluate(filename, source, name);
    for (const tt of types) {
      if (this.#e.targets.known().some((r) => r.type.name === tt.name)) {
        const at = locate(source, new RegExp(`name\\s*:\\s*["'\`]${escapeRe(tt.name)}["'\`]`));
        throw new ModuleLoadError(
          "EEXIST",
          `target type "${tt.name}" is already registered`,
          baseName(filename),
          at.line,
          at.column,
        );
      }
    }
    const mod: LoadedModule = {
      name,
      filename,
      source,
      slot,
      types,
      size: pageRound(js.length),
      faulty: null,
      untrusted: opts.untrusted ?? false,
    };
    for (const tt of types) this.#e.targets.register(this.#wrap(mod, tt), name, true);
    this.#mods.set(name, mod);
    this.#faulty.delete(name);
    this.noteLoaded(name);
    this.#writeSlotName(slot, name);
    this.#event(EV_MODULE.LOAD, name);
    return mod;
  }

  #evaluate(
    filename: string,
    source: string,
    name: string,
  ): { types: TargetType<unknown>[]; js: string } {
    const file = baseName(filename);
    // Imports are checked in the source: TypeScript drops an import used only as a type (or not
    // at all), which must not make a wrong specifier pass.
    const imp =
      /(?:\bimport\s*(?:type\s+)?(?:[\w*{][^;]*?\bfrom\s*)?|\bexport\s*[^;]*?\bfrom\s*|\brequire\s*\(\s*|\bimport\s*\(\s*)["'`]([^"'`]+)["'`]/g;
    for (let m; (m = imp.exec(source));) {
      if (m[1] === api.API_SPECIFIER) continue;
      const at = locate(source.slice(0, m.index + m[0].length), /["'`][^"'`]+["'`]$/);
      this.#e.log("warn", `${name}: Unknown symbol ${m[1]} (err -2)`);
      throw new ModuleLoadError(
        "ENOENT",
        `cannot import "${m[1]}": a target module can import only "dm-playground"`,
        file,
        at.line,
        at.column,
      );
    }
    let js = compileModule(source, filename);
    if (this.instrument) {
      try {
        js = this.instrument(js, file);
      } catch (e) {
        throw new ModuleLoadError(
          "EINVAL",
          `the debugger could not instrument it: ${describeErr(e)}`,
          file,
        );
      }
    }
    const module: { exports: Record<string, unknown> } = { exports: {} };
    const require = (spec: string): unknown => {
      if (spec === api.API_SPECIFIER) return api;
      const at = locate(source, new RegExp(`["'\`]${escapeRe(spec)}["'\`]`));
      // Linux: "<module>: Unknown symbol <sym> (err -2)" and insmod's ENOENT.
      this.#e.log("warn", `${name}: Unknown symbol ${spec} (err -2)`);
      throw new ModuleLoadError(
        "ENOENT",
        `cannot import "${spec}": a target module can import only "dm-playground"`,
        file,
        at.line,
        at.column,
      );
    };
    let fn: (...a: unknown[]) => void;
    try {
      fn = new Function(
        "exports",
        "require",
        "module",
        "__dm_debug",
        `${js}\n//# sourceURL=${file}`,
      ) as (...a: unknown[]) => void;
    } catch (e) {
      throw new ModuleLoadError("ENOEXEC", `SyntaxError: ${describeErr(e)}`, file);
    }
    try {
      fn(module.exports, require, module, this.debugRuntime ?? null);
    } catch (e) {
      if (e instanceof ModuleLoadError) throw e;
      const at = errorLocation(e, [file]);
      throw new ModuleLoadError(
        "EINVAL",
        `threw while loading: ${describeErr(e)}`,
        file,
        at?.line ?? 0,
        at?.column ?? 0,
      );
    }
    const def = (module.exports as { default?: unknown }).default;
    if (def === undefined) {
      throw new ModuleLoadError(
        "ENOEXEC",
        "no default export: export default defineTarget({...}) (or an array of them)",
        file,
      );
    }
    const list = Array.isArray(def) ? def : [def];
    const types: TargetType<unknown>[] = [];
    const exportAt = locate(source, /export\s+default/);
    for (const [i, d] of list.entries()) {
      const what = list.length > 1 ? `target ${i}` : "the default export";
      const bad = (detail: string, errno: Errno = "EINVAL"): never => {
        // Point at the target's `name:` when it has one, else at the export.
        const name = (d as { name?: unknown } | null)?.name;
        const at =
          typeof name === "string" && name
            ? locate(source, new RegExp(`name\\s*:\\s*["'\`]${escapeRe(name)}["'\`]`))
            : exportAt;
        const where = at.line ? at : exportAt;
        throw new ModuleLoadError(errno, detail, file, where.line, where.column);
      };
      if (typeof d !== "object" || d === null)
        bad(`${what} is not a target (defineTarget({...}))`, "ENOEXEC");
      const tt = d as Partial<TargetType<unknown>>;
      if (typeof tt.name !== "string" || !/^[A-Za-z0-9_-]{1,15}$/.test(tt.name))
        bad(`${what} has no name (a string of 1 to 15 letters, digits, '-' or '_')`);
      if (
        !Array.isArray(tt.version) ||
        tt.version.length !== 3 ||
        !tt.version.every((v) => Number.isInteger(v) && v >= 0)
      )
        bad(`target "${tt.name}" has no version ([major, minor, patch])`);
      if (typeof tt.ctr !== "function") bad(`target "${tt.name}" has no ctr`);
      if (typeof tt.map !== "function") bad(`target "${tt.name}" has no map`);
      for (const op of WRAPPED_OPS) {
        const f = (tt as Record<string, unknown>)[op];
        if (f !== undefined && typeof f !== "function")
          bad(`target "${tt.name}": ${op} is not a function`);
      }
      if (types.some((t) => t.name === tt.name)) bad(`target "${tt.name}" is defined twice`);
      types.push(tt as TargetType<unknown>);
    }
    return { types, js };
  }

  /**
   * The type the engine sees: the user's operations behind the module's wrapper (current-call
   * cell, file and line of a throw, contract checks). A `dtr` is always present so that the
   * "device not put" check runs for a target that has none.
   */
  #wrap(mod: LoadedModule, tt: TargetType<unknown>): TargetType<unknown> {
    const w: Record<string, unknown> = {
      name: tt.name,
      version: tt.version,
      ...(tt.features ? { features: tt.features } : {}),
      ...(tt.logPrefix !== undefined ? { logPrefix: tt.logPrefix } : {}),
    };
    const checks = this.contracts;
    const file = baseName(mod.filename);
    const files = [file];
    for (const op of WRAPPED_OPS) {
      const f = (tt as unknown as Record<string, ((...a: unknown[]) => unknown) | undefined>)[op];
      if (!f && op !== "dtr") continue;
      const opIndex = OP_INDEX.get(op)!;
      w[op] = (t: Target, a?: unknown, b?: unknown): unknown => {
        if (op === "ctr") this.#instrumentInstance(mod, t);
        const call: TargetCall | null = checks.wants(op)
          ? callOf(op, t, mod.name, op === "endIo" ? (a as Bio) : undefined, a)
          : null;
        if (call) checks.enter(call);
        const faults = this.#e.faults;
        const nf = faults.length;
        const cell = this.#cell;
        let prevSlot = 0;
        let prevOp = 0;
        if (cell) {
          prevSlot = cell[0]!;
          prevOp = cell[1]!;
          cell[0] = mod.slot;
          cell[1] = opIndex;
          cell[2] = (cell[2]! + 1) | 0;
        }
        let result: unknown;
        try {
          result = f ? f.call(tt, t, a, b) : undefined;
        } catch (err) {
          if (call) checks.exit(call, { error: err });
          throw annotate(err, files);
        } finally {
          if (cell) {
            cell[0] = prevSlot;
            cell[1] = prevOp;
          }
        }
        if (faults.length !== nf) this.#logSilentFaults(mod, t, op, nf);
        if (op === "map") {
          if (result === "REMAPPED") this.#checkRemap(mod, t, a as Bio);
          checks.afterMap(t, a as Bio, result);
        }
        // A bio the engine already reaped cannot be kept again (it would be reaped for ever).
        if (op === "endIo" && result === "INCOMPLETE" && checks.wasReaped(a as Bio))
          result = "DONE";
        if (call) checks.exit(call, { result });
        return result;
      };
    }
    return w as unknown as TargetType<unknown>;
  }

  /**
   * Faults the engine records without a kernel log line (a bio ended twice, a remap past the
   * end of a device) that happened during a call into user code: logged here, naming the
   * target, the operation and where the operation is defined.
   */
  #logSilentFaults(mod: LoadedModule, t: Target, op: TargetOp, from: number): void {
    const faults = this.#e.faults;
    for (let i = from; i < faults.length; i++) {
      const what = faults[i]!.what;
      if (!/ was ended twice$|^remapped past the end/.test(what)) continue;
      this.#faultLine(mod, t, op, what);
    }
  }

  /** map returned REMAPPED: a bio pointed past the end of its device fails; say so, and where. */
  #checkRemap(mod: LoadedModule, t: Target, bio: Bio): void {
    const d = this.#e.devices.get(bio.bdev.dev);
    if (!d || bio.sectors === 0) return;
    const size = d.sizeSectors;
    if (bio.sector >= 0 && bio.sector + bio.sectors <= size) return;
    this.#faultLine(
      mod,
      t,
      "map",
      `remapped bio ${bio.id} past the end of ${d.name}: sector ${bio.sector} + ${bio.sectors} > ${size}`,
    );
  }

  #faultLine(mod: LoadedModule, t: Target, op: TargetOp, what: string): void {
    const file = baseName(mod.filename);
    const at = op === "timer" || op === "completion" ? null : locateOp(mod.source, op);
    const where = at && at.line ? ` (${file}:${at.line})` : ` (${file})`;
    this.#e.log(
      "err",
      `device-mapper: ${t.type.name}: ${t.mdName}: target fault: ${CALL_OP_LINUX[op]}: ${what}${where}`,
    );
  }

  /**
   * Per instance, at ctr: the timers it schedules and the completions it registers run behind
   * the same wrapper (cell, file and line), and its device references are counted for the
   * contract checks.
   */
  #instrumentInstance(mod: LoadedModule, t: Target): void {
    const files = [baseName(mod.filename)];
    const guardCb = <A extends unknown[]>(op: TargetOp, fn: (...a: A) => void) => {
      const opIndex = OP_INDEX.get(op)!;
      return (...a: A): void => {
        const cell = this.#cell;
        let prevSlot = 0;
        let prevOp = 0;
        if (cell) {
          prevSlot = cell[0]!;
          prevOp = cell[1]!;
          cell[0] = mod.slot;
          cell[1] = opIndex;
          cell[2] = (cell[2]! + 1) | 0;
        }
        const faults = this.#e.faults;
        const nf = faults.length;
        try {
          fn(...a);
        } catch (err) {
          throw annotate(err, files);
        } finally {
          if (cell) {
            cell[0] = prevSlot;
            cell[1] = prevOp;
          }
          if (faults.length !== nf) this.#logSilentFaults(mod, t, op, nf);
        }
      };
    };
    const proto = Target.prototype;
    const inst = t as unknown as Record<string, unknown>;
    inst.schedule = (delay: number, fn: () => void) =>
      proto.schedule.call(t, delay, guardCb("timer", fn));
    inst.newBio = (...a: Parameters<Target["newBio"]>) => {
      a[5] = guardCb("completion", a[5]);
      return proto.newBio.apply(t, a);
    };
    this.contracts.trackDevices(t, mod.name, files[0]);
  }

  // ---- rmmod --------------------------------------------------------------------------------

  /**
   * rmmod NAME ("dm-foo" or "dm_foo"): EAGAIN ("Resource temporarily unavailable") while in use
   * (a table holds one of its targets, a device is held...), ENOENT when not loaded.
   */
  rmmod(name: string): void {
    const m = kname(name);
    const info = this.list().find((i) => i.name === m);
    if (!info) throw new DmError("ENOENT");
    if (info.useCount > 0 || m === "dm_mod") throw new DmError("EAGAIN");
    const mod = this.#mods.get(m);
    if (mod) {
      for (const tt of mod.types) this.#e.targets.unregister(tt.name);
      this.#mods.delete(m);
      this.contracts.forget(m);
      this.noteUnloaded(m);
      this.#event(EV_MODULE.UNLOAD, m);
      return;
    }
    if (m === "loop") {
      // A bound loop device holds a reference on the module (loop_configure).
      if (info.useCount > 0) throw new DmError("EAGAIN");
      this.#e.loop.unload();
      this.noteUnloaded(m);
      return;
    }
    if (m === "brd") {
      try {
        this.#e.unloadBrd();
      } catch {
        throw new DmError("EAGAIN");
      }
      this.#e.log("info", "brd: module unloaded");
      this.noteUnloaded(m);
      return;
    }
    // A built-in target module: its types stay known (modprobe loads them again) but are no
    // longer registered (dmsetup targets does not list them).
    for (const r of this.#e.targets.known()) {
      if (kname(r.module) !== m) continue;
      this.#e.targets.unregister(r.type.name);
      this.#e.targets.register(r.type, r.module, false);
    }
    this.noteUnloaded(m);
  }

  // ---- lsmod --------------------------------------------------------------------------------

  get(name: string): LoadedModule | undefined {
    return this.#mods.get(kname(name));
  }

  /** The user's loaded modules. */
  loaded(): LoadedModule[] {
    return this.#order.map((n) => this.#mods.get(n)).filter((m): m is LoadedModule => !!m);
  }

  /**
   * lsmod: every loaded module, most recently loaded first, with its use count (target
   * instances in all tables, live and inactive; brd: devices holding a RAM disk; dm_mod: the
   * modules that depend on it, the mapped devices and its own targets) and who uses it.
   */
  list(): ModuleInfo[] {
    const e = this.#e;
    const typeModule = new Map<string, string>();
    for (const r of e.targets.known()) typeModule.set(r.type.name, kname(r.module));
    const loadedTypes = new Set(e.targets.loaded().map((t) => t.name));
    const instances = new Map<string, number>();
    let ramHolds = 0;
    const mds = e.dm.list();
    for (const md of mds) {
      const held = new Set<number>();
      for (const table of [md.live, md.inactive]) {
        if (!table) continue;
        for (const ti of table.targets) {
          const mod = typeModule.get(ti.type.name) ?? "dm_mod";
          instances.set(mod, (instances.get(mod) ?? 0) + 1 + ti.extraModuleRefs);
        }
        for (const dev of table.devices.keys()) held.add(dev);
      }
      for (const dev of held) if (e.ramDisks.some((d) => d.dev === dev)) ramHolds++;
    }
    const present = new Set<string>();
    for (const [type, mod] of typeModule) if (loadedTypes.has(type)) present.add(mod);
    for (const m of this.#mods.keys()) present.add(m);
    present.add("dm_mod");
    if (e.brdLoaded) present.add("brd");
    if (e.loop.loaded) present.add("loop");
    // Modules loaded in an order lsmod knows; anything else (a type registered later) on top.
    for (const m of present) if (!this.#order.includes(m)) this.#order.unshift(m);
    this.#order = this.#order.filter((m) => present.has(m));
    const dependents = this.#order.filter((m) => m !== "dm_mod" && m !== "brd" && m !== "loop");
    return this.#order.map((name) => {
      const mod = this.#mods.get(name);
      const info: ModuleInfo = {
        name,
        size: mod ? mod.size : (BUILTIN_SIZES[name] ?? 16384),
        useCount:
          name === "brd"
            ? ramHolds
            : name === "loop"
              ? e.loop.list().filter((d) => d.bound).length
              : name === "dm_mod"
                ? dependents.length + mds.length + (instances.get("dm_mod") ?? 0)
                : (instances.get(name) ?? 0),
        usedBy: name === "dm_mod" ? dependents : [],
        faulty: mod?.faulty ?? null,
        builtin: !mod,
      };
      if (mod) info.filename = mod.filename;
      return info;
    });
  }

  // ---- faulty modules -----------------------------------------------------------------------

  /** Mark a module faulty (it hung): its tables are not rebuilt and it is not loaded again. */
  markFaulty(name: string, reason: string): void {
    const m = kname(name);
    this.#faulty.set(m, reason);
    const mod = this.#mods.get(m);
    if (mod) mod.faulty = reason;
  }

  /** Why a module is faulty, if it is (kept across rmmod: a restarted worker is told). */
  faultyReason(name: string): string | undefined {
    return this.#faulty.get(kname(name));
  }

  // ---- hot reload ---------------------------------------------------------------------------

  /**
   * Replace a loaded module's code, keeping its tables: the new source is compiled and checked
   * first (a failure changes nothing), its types replace the old ones in the registry, then
   * every device whose live table uses them is suspended (I/O is held, not lost), reloaded
   * with the same table lines (the new ctr runs) and resumed; an inactive table that uses them
   * is loaded again. A device whose new table fails keeps its old table (and old code).
   */
  async reload(name: string, source: string, filename?: string): Promise<ReloadReport> {
    const m = kname(name);
    const old = this.#mods.get(m);
    if (!old) throw new DmError("ENOENT");
    const file = filename ?? old.filename;
    if (moduleName(file) !== m)
      throw new ModuleLoadError(
        "EINVAL",
        `file ${baseName(file)} is module ${moduleName(file)}, not ${m}`,
        baseName(file),
      );
    const { types, js } = this.#evaluate(file, source, m);
    const oldNames = new Set(old.types.map((t) => t.name));
    for (const tt of types) {
      if (!oldNames.has(tt.name) && this.#e.targets.known().some((r) => r.type.name === tt.name))
        throw new ModuleLoadError(
          "EEXIST",
          `target type "${tt.name}" is already registered`,
          baseName(file),
        );
    }
    const e = this.#e;
    const uses = (table: Table | null) =>
      !!table && table.targets.some((ti) => oldNames.has(ti.type.name));
    const devices = e.dm.list().filter((md) => uses(md.live) || uses(md.inactive));
    const specsOf = (table: Table): TargetSpec[] =>
      table.targets.map((ti) => ({
        start: ti.begin,
        length: ti.len,
        type: ti.type.name,
        params: ti.args.map(quoteArg).join(" "),
      }));
    const plans = devices.map((md) => ({
      md,
      live: uses(md.live) ? specsOf(md.live!) : null,
      inactive: md.inactive ? specsOf(md.inactive) : null,
      suspended: md.suspended,
      readOnlyLive: md.live?.mode === "r",
      readOnlyInactive: md.inactive?.mode === "r",
    }));
    // Swap the code: new types in, the old ones out (tables keep their old type objects until
    // they are replaced).
    for (const n of oldNames) e.targets.unregister(n);
    const mod = old;
    mod.types = types;
    mod.size = pageRound(js.length);
    (mod as { source: string }).source = source;
    (mod as { filename: string }).filename = file;
    mod.faulty = null;
    this.#faulty.delete(m);
    for (const tt of types) e.targets.register(this.#wrap(mod, tt), m, true);
    this.contracts.forget(m);
    const report: ReloadReport = { module: m, reloaded: [], failed: [] };
    for (const p of plans) {
      const md = p.md;
      try {
        if (p.live) {
          if (p.inactive && !uses(md.inactive))
            throw new DmError("EBUSY", "it has an inactive table of other targets");
          if (!md.suspended) await e.dm.suspend(md.dmName);
          try {
            await e.dm.loadAsync(md.dmName, p.live, { readOnly: p.readOnlyLive });
          } finally {
            if (!p.suspended) await e.dm.resume(md.dmName);
          }
          if (p.suspended && md.inactive) {
            // Suspended before the swap: swap now and stay suspended, as it was.
            await e.dm.resume(md.dmName);
            await e.dm.suspend(md.dmName);
          }
        } else if (p.inactive) {
          await e.dm.loadAsync(md.dmName, p.inactive, { readOnly: p.readOnlyInactive });
        }
        report.reloaded.push(md.dmName);
      } catch (err) {
        report.failed.push({ device: md.dmName, error: describeErr(err) });
      }
    }
    this.#event(EV_MODULE.RELOAD, m);
    return report;
  }

  // ---- helpers ------------------------------------------------------------------------------

  #sourceOf(file: string): string | undefined {
    for (const m of this.#mods.values()) if (baseName(m.filename) === file) return m.source;
    return undefined;
  }

  /** Files of the loaded modules, as their stack frames name them. */
  files(): string[] {
    return [...this.#mods.values()].map((m) => baseName(m.filename));
  }

  /** Contract-check warnings so far (the editor's problems panel), optionally of one module. */
  problems(name?: string): ContractProblem[] {
    return this.contracts.problems(name === undefined ? undefined : kname(name));
  }

  #event(code: (typeof EV_MODULE)[keyof typeof EV_MODULE], name: string): void {
    const ev = this.#e.events;
    ev.emit(code, this.#e.now, 0, 0, 0, 0, 0, ev.intern(name));
  }
}

/** Module event codes (events.ts registers them as lifecycle kinds with text). */
const EV_MODULE = {
  LOAD: EV.MODULE_LOAD,
  UNLOAD: EV.MODULE_UNLOAD,
  RELOAD: EV.MODULE_RELOAD,
} as const;

function callOf(
  op: TargetOp,
  t: Target,
  module: string,
  bio: Bio | undefined,
  a: unknown,
): TargetCall {
  const call: { -readonly [K in keyof TargetCall]: TargetCall[K] } = {
    op,
    target: t,
    module,
    mdName: t.mdName,
  };
  if (bio) call.bio = bio;
  if ((op === "ctr" || op === "message") && Array.isArray(a)) call.args = a as string[];
  return call;
}

/** The kernel's name of a module: '-' -> '_'. */
export function kname(module: string): string {
  return module.replace(/-/g, "_");
}

function pageRound(bytes: number): number {
  return Math.max(1, Math.ceil(bytes / 4096)) * 4096;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function describeErr(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** dm_split_args quoting: a backslash before whitespace and backslashes. */
function quoteArg(a: string): string {
  return a.replace(/([\\\s])/g, "\\$1");
}

/**
 * Add the user's file and line to what user code threw (not to a DmError: that is the target
 * answering, e.g. ctrError, whose text the kernel log must show as is). Non-Errors become Errors.
 */
function annotate(err: unknown, files: string[]): unknown {
  if (err instanceof DmError) return err;
  const at = errorLocation(err, files);
  if (!at) return err;
  const where = ` (${at.file}:${at.line}:${at.column})`;
  if (err instanceof Error) {
    if (!err.message.endsWith(where)) err.message += where;
    return err;
  }
  return new Error(String(err) + where);
}
