/**
 * Contract checks: what a kernel reviewer would flag in a user's target, beyond the faults the
 * guard already catches (a throw, a bad MapState, a double end...). Each is a warning, never
 * a failure: the I/O goes on as the target decided. A warning is reported once per target
 * instance and check, three ways: a kernel log line
 *
 *     device-mapper: proxy: 254:0: contract: map returned REMAPPED for bio 17 pointing at
 *     dm-0, a device this target does not hold (dm-proxy.ts:21)
 *
 * an event (CONTRACT_WARNING, text = the message) the timeline shows, and a structured problem
 * (`problems()`, the worker's `moduleProblems` request) the editor lists with file and line.
 *
 * The checks (`ContractCheck`):
 *   private-not-set        ctr succeeded without setting t.private
 *   device-not-put         a device got with t.getDevice is still held when dtr returns
 *   remap-not-held         map returned REMAPPED with the bio pointing at a device the target
 *                          does not hold (it never got it, or already put it)
 *   status-round-trip      status TABLE does not load back (ctr refuses it) or loads back as a
 *                          different target (another status line, device areas or private state)
 *   no-flush-bios          map accepted a WRITE but numFlushBios is 0: flushes (fsync, REQ_PREFLUSH)
 *                          never reach the devices the writes went to
 *   incomplete-never-ended end_io returned INCOMPLETE and nothing ended the bio again (the engine
 *                          reaped it, or the target was destroyed with it still owned)
 *   fua-dropped            map passed on a write that came with REQ_FUA without it: the data
 *                          may sit in a disk's volatile cache when the caller is told it is
 *                          durable
 *
 * The durability checks (no-flush-bios, fua-dropped) point at what shows the loss: a RAM disk
 * with a volatile write cache (`diskcache ram0 on`) and a power cut (`powercut`, powercut.ts).
 *
 * The checks see user targets' calls as a TargetCallObserver would (guard.ts: enter / exit with
 * the op's TargetCall); module.ts feeds them from each user module's wrapper, so built-in
 * targets pay nothing for them.
 */

import type { Bio } from "./bio.ts";
import type { Engine } from "./engine.ts";
import { EV } from "./events.ts";
import { REQ_FUA } from "./types.ts";
import type { TargetCall, TargetCallObserver, TargetOp } from "./guard.ts";
import { Target, type DmDev, type TargetType } from "./target.ts";

export type ContractCheck =
  | "private-not-set"
  | "device-not-put"
  | "remap-not-held"
  | "status-round-trip"
  | "no-flush-bios"
  | "incomplete-never-ended"
  | "fua-dropped";

export const CONTRACT_CHECKS: readonly ContractCheck[] = [
  "private-not-set",
  "device-not-put",
  "remap-not-held",
  "status-round-trip",
  "no-flush-bios",
  "incomplete-never-ended",
  "fua-dropped",
];

/** One warning, as the editor's problems panel lists it. */
export interface ContractProblem {
  check: ContractCheck;
  /** The module ("dm_proxy"), its file ("dm-proxy.ts") and where (1-based; 0 if unknown). */
  module: string;
  file: string;
  line: number;
  column: number;
  /** Target type name and the mapped device ("254:0"). */
  target: string;
  device: string;
  message: string;
  /** Virtual ns. */
  time: number;
}

/** Per target instance: what the checks remember between calls. */
interface InstanceState {
  module: string;
  file: string;
  /** Devices got and not yet put, by dev number, with their reference counts. */
  held: Map<number, number>;
  /** Bios end_io kept (INCOMPLETE) and not ended again yet. */
  incomplete: Set<Bio>;
  warned: Set<ContractCheck>;
}

/** What a round trip's second constructor produced. */
interface Snapshot {
  status: string;
  areas: string;
  priv: string;
}

export class ContractChecks implements TargetCallObserver {
  readonly #e: Engine;
  readonly #sourceOf: (file: string) => string | undefined;
  readonly #state = new WeakMap<Target, InstanceState>();
  #problems: ContractProblem[] = [];
  /** Bios the engine reaped after an INCOMPLETE: the target may not keep them again. */
  readonly #reaped = new WeakSet<Bio>();
  /** Set while a round trip's dry-run table is built: its ctr is captured, not checked. */
  #capture: { snap: Snapshot | null } | null = null;
  /** The unwrapped type of a user target (round trips call the user's code directly). */
  rawType: (name: string) => TargetType<unknown> | undefined = () => undefined;
  /** Called for every new problem (the worker forwards them; tests collect them). */
  onProblem: ((p: ContractProblem) => void) | undefined = undefined;

  constructor(engine: Engine, sourceOf: (file: string) => string | undefined) {
    this.#e = engine;
    this.#sourceOf = sourceOf;
  }

  /** The ops that have checks: the wrapper builds a TargetCall only for these. */
  wants(op: TargetOp): boolean {
    return op === "ctr" || op === "dtr" || op === "endIo";
  }

  /**
   * Whether the engine reaped `bio` (it was kept by an INCOMPLETE and nothing ended it): an end_io
   * that returns INCOMPLETE for it again would keep it for ever, so the loader makes it DONE.
   */
  wasReaped(bio: Bio): boolean {
    return this.#reaped.has(bio);
  }

  /** Count the devices `t` gets and puts (called by module.ts at ctr, before the user's ctr). */
  trackDevices(t: Target, module: string, file = ""): void {
    const st: InstanceState = {
      module,
      file,
      held: new Map(),
      incomplete: new Set(),
      warned: new Set(),
    };
    this.#state.set(t, st);
    const proto = Target.prototype;
    const inst = t as unknown as Record<string, unknown>;
    inst.getDevice = (path: string, mode?: "r" | "rw"): DmDev => {
      const d = proto.getDevice.call(t, path, mode);
      st.held.set(d.bdev.dev, (st.held.get(d.bdev.dev) ?? 0) + 1);
      return d;
    };
    inst.putDevice = (d: DmDev): void => {
      proto.putDevice.call(t, d);
      const n = (st.held.get(d.bdev.dev) ?? 0) - 1;
      if (n > 0) st.held.set(d.bdev.dev, n);
      else st.held.delete(d.bdev.dev);
    };
  }

  enter(call: TargetCall): void {
    if (call.op !== "endIo" || !call.bio) return;
    const st = this.#state.get(call.target);
    if (!st || !st.incomplete.has(call.bio)) return;
    st.incomplete.delete(call.bio);
    // The bio kept by an earlier INCOMPLETE ends again: by the target, or by the engine's reaper
    // (a fault "was SUBMITTED but never ended" for this bio, just before it ended it).
    const last = this.#e.faults[this.#e.faults.length - 1];
    if (last && last.bio === call.bio.id && /never ended/.test(last.what)) {
      this.#reaped.add(call.bio);
      this.#warn(
        call,
        st,
        "incomplete-never-ended",
        `end_io returned INCOMPLETE for bio ${call.bio.id} and nothing ended it again`,
        "endIo",
      );
    }
  }

  exit(call: TargetCall, outcome: { result?: unknown; error?: unknown }): void {
    const t = call.target;
    if (this.#e.events.muted) {
      // A dry run (the table editor's validation, or a round trip of ours): no warnings.
      if (this.#capture && call.op === "ctr" && !("error" in outcome))
        this.#capture.snap = this.#snapshot(t);
      return;
    }
    const st = this.#state.get(t);
    if (!st) return;
    if ("error" in outcome) return;
    switch (call.op) {
      case "ctr":
        if (t.private === undefined) {
          this.#warn(
            call,
            st,
            "private-not-set",
            "ctr succeeded without setting t.private (map, status and dtr will find it undefined)",
            "ctr",
          );
        } else if (this.rawType(t.type.name)?.status) {
          const first = this.#snapshot(t);
          if (first) queueMicrotask(() => this.#roundTrip(call, st, first));
        }
        return;
      case "dtr": {
        if (st.held.size) {
          const names = [...st.held.keys()].map((d) => this.#devName(d)).join(", ");
          this.#warn(
            call,
            st,
            "device-not-put",
            `dtr returned still holding ${names} (got with t.getDevice, never put with t.putDevice)`,
            this.#rawHas(t, "dtr") ? "dtr" : "ctr",
          );
        }
        if (st.incomplete.size) {
          const ids = [...st.incomplete].map((b) => b.id).join(", ");
          this.#warn(
            call,
            st,
            "incomplete-never-ended",
            `end_io returned INCOMPLETE for bio ${ids} and the target was destroyed without ending it`,
            "endIo",
          );
        }
        return;
      }
      case "map":
        if (call.bio) this.afterMap(t, call.bio, outcome.result);
        return;
      case "endIo":
        if (outcome.result === "INCOMPLETE" && call.bio) st.incomplete.add(call.bio);
        return;
      default:
        return;
    }
  }

  /**
   * The map checks (remap-not-held, no-flush-bios), called by the loader's wrapper after every
   * map of a user target without building a TargetCall (the hot path).
   */
  afterMap(t: Target, bio: Bio, r: unknown): void {
    if (this.#e.events.muted) return;
    const st = this.#state.get(t);
    if (!st) return;
    const remapped = r === "REMAPPED";
    if (remapped && !st.held.has(bio.bdev.dev) && !st.warned.has("remap-not-held")) {
      const md = this.#e.devices.get(bio.bdev.dev);
      const self = t.mdName === md?.devName;
      this.#warn(
        mapCall(t, st, bio),
        st,
        "remap-not-held",
        self
          ? `map returned REMAPPED for bio ${bio.id} still pointing at its own device ${bio.bdev.name} (set bio.bdev to a device got with t.getDevice)`
          : `map returned REMAPPED for bio ${bio.id} pointing at ${bio.bdev.name}, a device this target does not hold`,
        "map",
      );
    }
    if (remapped) this.#checkFua(t, st, bio);
    if (
      t.numFlushBios === 0 &&
      bio.op === "WRITE" &&
      (remapped || r === "SUBMITTED") &&
      !st.warned.has("no-flush-bios")
    ) {
      this.#warn(
        mapCall(t, st, bio),
        st,
        "no-flush-bios",
        "map takes writes but t.numFlushBios is 0: flushes never reach the devices written to (set it in ctr)",
        "ctr",
      );
    }
  }

  /** fua-dropped: map remapped a clone of a REQ_FUA write without REQ_FUA. */
  #checkFua(t: Target, st: InstanceState, bio: Bio): void {
    const from = bio.parent;
    if (!from || bio.op !== "WRITE" || st.warned.has("fua-dropped")) return;
    if (!(from.flags & REQ_FUA) || bio.flags & REQ_FUA) return;
    this.#warn(
      mapCall(t, st, bio),
      st,
      "fua-dropped",
      `map passed on write bio ${bio.id} without the REQ_FUA it came with: the caller is told the data is durable while it may sit in a disk's volatile cache (see it lost: diskcache ram0 on, then powercut)`,
      "map",
    );
  }

  /** Load `t`'s status TABLE back (a dry run) and compare what it builds with `t`. */
  #roundTrip(call: TargetCall, st: InstanceState, first: Snapshot): void {
    const t = call.target;
    const line = `0 ${t.len} ${t.type.name} ${first.status}`;
    const capture: { snap: Snapshot | null } = { snap: null };
    this.#capture = capture;
    let r: ReturnType<Engine["dm"]["validate"]>;
    try {
      r = this.#e.dm.validate(null, line);
    } catch (err) {
      r = { ok: false, log: [err instanceof Error ? err.message : String(err)] };
    } finally {
      this.#capture = null;
    }
    const snap = capture.snap;
    const status = `status TABLE "${first.status}"`;
    if (!r.ok) {
      const why = r.log.find((l) => l.includes(`${t.type.name}:`)) ?? r.log[0] ?? r.errno ?? "";
      this.#warn(
        call,
        st,
        "status-round-trip",
        `${status} does not load back: ${why.replace(/^device-mapper: table: [^ ]+ /, "")}`,
        "status",
      );
      return;
    }
    if (!snap) return;
    const diff =
      snap.status !== first.status
        ? `its status TABLE is "${snap.status}"`
        : snap.areas !== first.areas
          ? `it maps ${snap.areas || "nothing"} instead of ${first.areas || "nothing"}`
          : snap.priv !== first.priv
            ? `its private state differs (${snap.priv} instead of ${first.priv})`
            : null;
    if (diff)
      this.#warn(
        call,
        st,
        "status-round-trip",
        `${status} loads back as a different target: ${diff}`,
        "status",
      );
  }

  /** status TABLE, device areas and private state of `t`, through the user's own code. */
  #snapshot(t: Target): Snapshot | null {
    const raw = this.rawType(t.type.name);
    if (!raw?.status) return null;
    try {
      const status = raw.status(t, "TABLE");
      // TABLE status must be synchronous (target.ts); an async one is not round-tripped here.
      if (typeof status !== "string") return null;
      const areas: string[] = [];
      raw.iterateDevices?.(t, (d, start, len) => areas.push(`${d.name}+${start}:${len}`));
      return { status, areas: areas.join(" "), priv: fingerprint(t.private) };
    } catch {
      // A status or iterate_devices that throws is the guard's to report, when dmsetup or the
      // engine calls it; this probe only skips the round-trip check it cannot make.
      return null;
    }
  }

  #rawHas(t: Target, op: "dtr"): boolean {
    return typeof this.rawType(t.type.name)?.[op] === "function";
  }

  #devName(dev: number): string {
    return this.#e.devices.get(dev)?.name ?? String(dev);
  }

  #warn(
    call: TargetCall,
    st: InstanceState,
    check: ContractCheck,
    message: string,
    op: string,
  ): void {
    if (st.warned.has(check)) return;
    st.warned.add(check);
    const e = this.#e;
    const file = st.file;
    const src = this.#sourceOf(file);
    const at = src ? locateIn(src, op) : { line: 0, column: 0 };
    const p: ContractProblem = {
      check,
      module: st.module,
      file,
      line: at.line,
      column: at.column,
      target: call.target.type.name,
      device: call.target.mdName,
      message,
      time: e.now,
    };
    this.#problems.push(p);
    if (this.#problems.length > 500) this.#problems.splice(0, this.#problems.length - 500);
    const where = at.line ? ` (${file}:${at.line})` : "";
    e.log(
      "warn",
      `device-mapper: ${p.target}: ${p.device}: contract: ${message}${where} [${check}]`,
    );
    const ev = e.events;
    const md = e.dm.list().find((m) => m.devName === p.device);
    ev.emit(
      EV.CONTRACT_WARNING,
      e.now,
      call.bio?.id ?? 0,
      md?.dev ?? 0,
      call.target.begin,
      call.target.len,
      call.target.index,
      ev.intern(`${check}: ${message}${where}`),
    );
    this.onProblem?.(p);
  }

  /** Warnings so far, optionally of one module. */
  problems(module?: string): ContractProblem[] {
    return module === undefined
      ? [...this.#problems]
      : this.#problems.filter((p) => p.module === module);
  }

  /** Drop a module's warnings (rmmod, reload). */
  forget(module: string): void {
    this.#problems = this.#problems.filter((p) => p.module !== module);
  }
}

function mapCall(t: Target, st: InstanceState, bio: Bio): TargetCall {
  return { op: "map", target: t, module: st.module, mdName: t.mdName, bio };
}

/** 1-based line and column where `op` is defined in `source`. */
function locateIn(source: string, op: string): { line: number; column: number } {
  const m = new RegExp(`(^|[\\s{,])(${op})\\s*(\\(|:)`, "m").exec(source);
  if (!m) return { line: 0, column: 0 };
  const idx = m.index + m[1]!.length;
  const before = source.slice(0, idx);
  return { line: before.split("\n").length, column: idx - before.lastIndexOf("\n") };
}

/**
 * A comparable text of a target's private state: plain values, arrays, objects, Maps and Sets
 * (depth 4), a DmDev by its name, functions and bios left out, cycles cut.
 */
export function fingerprint(v: unknown, depth = 0, seen = new Set<unknown>()): string {
  if (v === null || typeof v !== "object") {
    if (typeof v === "function") return "fn";
    if (typeof v === "bigint") return `${v}n`;
    return JSON.stringify(v) ?? "undefined";
  }
  if (seen.has(v) || depth > 4) return "…";
  seen.add(v);
  if ("bdev" in v && "name" in v && "mode" in v) return `dev(${String((v as DmDev).name)})`;
  if (ArrayBuffer.isView(v)) return `bytes(${(v as ArrayBufferView).byteLength})`;
  if (v instanceof Map)
    return `Map{${[...v].map(([k, x]) => `${fingerprint(k, depth + 1, seen)}:${fingerprint(x, depth + 1, seen)}`).join(",")}}`;
  if (v instanceof Set)
    return `Set{${[...v].map((x) => fingerprint(x, depth + 1, seen)).join(",")}}`;
  if (Array.isArray(v)) return `[${v.map((x) => fingerprint(x, depth + 1, seen)).join(",")}]`;
  return `{${Object.keys(v)
    .sort()
    .map((k) => `${k}:${fingerprint((v as Record<string, unknown>)[k], depth + 1, seen)}`)
    .join(",")}}`;
}
