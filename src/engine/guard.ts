/**
 * The target-call guard: the one wrapper through which the engine calls a target's operations.
 *
 * Linux trusts a target module: a NULL dereference in map is an oops. Here target code may be
 * a user's, so every call the core makes into a target type (ctr, dtr, map, end_io, the
 * suspend/resume hooks, status, message, iterate_devices, io_hints, the timers it scheduled with
 * `t.schedule`, the completions it registered with `t.newBio`) goes through the `TargetGuard`
 * created when the type was registered (TargetRegistry.register). The guard
 *
 *   - catches a throw and a result outside the op's vocabulary (a MapState that is not one, an
 *     EndIoResult that is not one), reports it once as a target fault (`Engine.fault`: event
 *     TARGET_FAULT and the kernel log line `device-mapper: <type>: <dev>: target fault: <op>
 *     threw: <message>`), and gives the core the outcome the kernel would act on (KILL for map,
 *     an I/O error for end_io, EINVAL for ctr, message and preresume);
 *   - lets the errors that are a target's way of answering through untouched: a ctr's
 *     `ctrError(...)` (TargetCtrError) or a DmError from ctr, message or preresume;
 *   - tells the observers registered on `engine.targetCalls` about every call (enter, then exit
 *     with the result or the error) and keeps the stack of calls in progress. With no observer
 *     the only cost is one branch.
 */

import type { Bio } from "./bio.ts";
import { CALL_OP_LINUX, type CallOp } from "./callCell.ts";
import type { MappedDevice } from "./mapped-device.ts";
import type { DmDev, Target, TargetType } from "./target.ts";
import {
  DmError,
  END_IO_RESULTS,
  MAP_STATES,
  type BlkStatus,
  type EndIoResult,
  type MapState,
  type QueueLimits,
  type Sector,
  type StatusType,
} from "./types.ts";
import { TargetCtrError } from "./target.ts";

/**
 * The operations of a target type the engine calls, plus the callbacks the target registered
 * (the list lives in callCell.ts, which the page reads without importing the engine).
 */
export type TargetOp = CallOp;

/** Linux's name of each op, as fault texts use it ("end_io threw: ..."). */
export const TARGET_OP_NAMES: Readonly<Record<TargetOp, string>> = CALL_OP_LINUX;

/** One call into a target, as observers see it. */
export interface TargetCall {
  readonly op: TargetOp;
  /** The instance (t.type.name, t.private, t.index ...). */
  readonly target: Target;
  /** The module that registered the type, e.g. "dm-mod", "dm-flakey" or a user's "dm_proxy". */
  readonly module: string;
  /** The mapped device's dm name ("" for validate's stand-in of a device not yet created). */
  readonly mdName: string;
  /** map / endIo: the clone; completion: the bio that ended. */
  readonly bio?: Bio;
  /** ctr / message: the arguments. */
  readonly args?: readonly string[];
}

/** Observers see every guarded call: contract checks, the debugger, timing, hang attribution. */
export interface TargetCallObserver {
  enter?(call: TargetCall): void;
  /**
   * After the call. `result`: the op's return value as the target returned it (a bad MapState
   * included: it has been reported). `error`: what it threw (a fault already reported, or a
   * ctr/message/preresume refusal, which is no fault).
   */
  exit?(call: TargetCall, outcome: { result?: unknown; error?: unknown }): void;
}

/**
 * Where observers register (`engine.targetCalls`). Observers are told in registration order
 * on enter and in reverse order on exit (so nested observers see properly nested calls). What an
 * observer throws is not caught: it goes to whoever made the engine call.
 */
export class TargetCallObservers {
  #list: TargetCallObserver[] = [];
  readonly #stack: TargetCall[] = [];
  /** True while an observer is registered: the guard's one branch. */
  active = false;

  /** Register `obs`; returns the function that unregisters it. */
  add(obs: TargetCallObserver): () => void {
    this.#list = [...this.#list, obs];
    this.active = true;
    return () => {
      this.#list = this.#list.filter((o) => o !== obs);
      this.active = this.#list.length > 0;
    };
  }

  /** The innermost call in progress (tracked while an observer is registered). */
  current(): TargetCall | undefined {
    return this.#stack[this.#stack.length - 1];
  }

  /** The calls in progress, outermost first (tracked while an observer is registered). */
  stack(): readonly TargetCall[] {
    return this.#stack;
  }

  /**
   * Run `fn` as `call`: push it, tell the observers, run it, tell them the outcome, pop. A throw
   * goes to `recover` (which reports it and returns the stand-in result, or throws what the
   * core should see) before the observers hear of it; a result goes through `check` (which
   * reports a bad one and returns what the core acts on) before they do. Observers get what the
   * target itself returned or threw.
   */
  run<R>(
    call: TargetCall,
    fn: () => R,
    recover: (error: unknown) => R,
    check?: (result: R) => R,
  ): R {
    const list = this.#list;
    this.#stack.push(call);
    try {
      for (const o of list) o.enter?.(call);
      let result: R;
      try {
        result = fn();
      } catch (error) {
        try {
          return recover(error);
        } finally {
          for (let i = list.length - 1; i >= 0; i--) list[i]!.exit?.(call, { error });
        }
      }
      const checked = check ? check(result) : result;
      for (let i = list.length - 1; i >= 0; i--) list[i]!.exit?.(call, { result });
      return checked;
    } finally {
      this.#stack.pop();
    }
  }
}

/** What an op that may do I/O returns: its value, or a Promise of it (CONTRACTS: async ops). */
export type MaybePromise<T> = T | Promise<T>;

/** True for a Promise (or any thenable) an op returned. */
export function isPromiseLike(x: unknown): x is PromiseLike<unknown> {
  return (
    (typeof x === "object" || typeof x === "function") &&
    x !== null &&
    typeof (x as { then?: unknown }).then === "function"
  );
}

/**
 * `r` as is when it is a value; when it is a Promise, one that settles the same way except that
 * a rejection goes through `recover` as a throw would.
 */
function settle<R>(r: R | PromiseLike<R>, recover: (error: unknown) => R): R | Promise<R> {
  return isPromiseLike(r) ? Promise.resolve(r).then(undefined, recover) : r;
}

/** How the guard reports a fault (Engine.fault). `bio` is the bio the fault fails, if any. */
export type FaultReporter = (md: MappedDevice, t: Target, bio: Bio | null, what: string) => void;

/** The guard of one registered target type. Every engine call into the type goes through it. */
export class TargetGuard {
  readonly type: TargetType<unknown>;
  readonly module: string;
  readonly #calls: TargetCallObservers;
  readonly #report: FaultReporter;

  constructor(
    type: TargetType<unknown>,
    module: string,
    calls: TargetCallObservers,
    report: FaultReporter,
  ) {
    this.type = type;
    this.module = module;
    this.#calls = calls;
    this.#report = report;
  }

  #call(
    op: TargetOp,
    md: MappedDevice,
    t: Target,
    bio?: Bio,
    args?: readonly string[],
  ): TargetCall {
    const call: { -readonly [K in keyof TargetCall]: TargetCall[K] } = {
      op,
      target: t,
      module: this.module,
      mdName: md.dmName,
    };
    if (bio) call.bio = bio;
    if (args) call.args = args;
    return call;
  }

  #fault(md: MappedDevice, t: Target, bio: Bio | null, op: TargetOp, err: unknown): void {
    this.#report(md, t, bio, `${TARGET_OP_NAMES[op]} threw: ${describe(err)}`);
  }

  /**
   * The ops off the bio path: closures are fine there. An op may return a Promise (an async
   * ctr, status, message or hook): its rejection is recovered as a throw would be, and the
   * Promise is returned for the core to await. Observers see the synchronous part of the call.
   */
  #guarded<R>(
    op: TargetOp,
    md: MappedDevice,
    t: Target,
    fn: () => R | PromiseLike<R>,
    recover: (error: unknown) => R,
    args?: readonly string[],
  ): R | Promise<R> {
    if (this.#calls.active)
      return this.#calls.run<R | Promise<R>>(
        this.#call(op, md, t, undefined, args),
        () => settle(fn(), recover),
        recover,
      );
    try {
      return settle(fn(), recover);
    } catch (err) {
      return recover(err);
    }
  }

  /**
   * ctr. A DmError (TargetCtrError included) is the constructor refusing the line and is
   * rethrown as is; anything else is a fault, reported and rethrown as TargetCtrError("ctr
   * threw: <message>", EINVAL), whose message the table code logs in place of ti->error. An
   * async ctr's rejection is treated the same way, through the Promise returned.
   */
  ctr(md: MappedDevice, t: Target, args: string[]): MaybePromise<void> {
    return this.#guarded(
      "ctr",
      md,
      t,
      () => this.type.ctr(t, args),
      (err) => {
        if (err instanceof DmError) throw err;
        this.#fault(md, t, null, "ctr", err);
        throw new TargetCtrError(`ctr threw: ${describe(err)}`);
      },
      args,
    );
  }

  /** dtr: a throw (or rejection) is reported; the table is destroyed all the same. */
  dtr(md: MappedDevice, t: Target): MaybePromise<void> {
    return this.#hook("dtr", md, t);
  }

  presuspend(md: MappedDevice, t: Target): MaybePromise<void> {
    return this.#hook("presuspend", md, t);
  }

  postsuspend(md: MappedDevice, t: Target): MaybePromise<void> {
    return this.#hook("postsuspend", md, t);
  }

  resume(md: MappedDevice, t: Target): MaybePromise<void> {
    return this.#hook("resume", md, t);
  }

  #hook(
    op: "dtr" | "presuspend" | "postsuspend" | "resume",
    md: MappedDevice,
    t: Target,
  ): MaybePromise<void> {
    const fn = this.type[op];
    if (!fn) return;
    return this.#guarded(
      op,
      md,
      t,
      () => fn(t),
      (err) => this.#fault(md, t, null, op, err),
    );
  }

  /**
   * preresume. A DmError fails the resume with its errno and is rethrown; anything else is a
   * fault, reported and rethrown as DmError(EINVAL).
   */
  preresume(md: MappedDevice, t: Target): MaybePromise<void> {
    const fn = this.type.preresume;
    if (!fn) return;
    return this.#guarded(
      "preresume",
      md,
      t,
      () => fn(t),
      (err) => {
        if (err instanceof DmError) throw err;
        this.#fault(md, t, null, "preresume", err);
        throw new DmError("EINVAL");
      },
    );
  }

  /** map: a throw or a value that is no MapState is reported, and the clone KILLed. */
  map(md: MappedDevice, t: Target, bio: Bio): MapState {
    if (this.#calls.active)
      return this.#calls.run(
        this.#call("map", md, t, bio),
        () => this.type.map(t, bio),
        (err) => this.#mapThrew(md, t, bio, err),
        (r) => this.#mapChecked(md, t, bio, r),
      );
    let r: MapState;
    try {
      r = this.type.map(t, bio);
    } catch (err) {
      return this.#mapThrew(md, t, bio, err);
    }
    return this.#mapChecked(md, t, bio, r);
  }

  #mapThrew(md: MappedDevice, t: Target, bio: Bio, err: unknown): MapState {
    this.#fault(md, t, bio, "map", err);
    return "KILL";
  }

  #mapChecked(md: MappedDevice, t: Target, bio: Bio, r: MapState): MapState {
    if (MAP_STATES.includes(r)) return r;
    this.#report(md, t, bio, `map returned an unknown value: ${String(r)}`);
    return "KILL";
  }

  /**
   * end_io (the type has one). A throw or a value that is no EndIoResult is reported; the
   * clone then ends DONE with an I/O error.
   */
  endIo(md: MappedDevice, t: Target, bio: Bio, status: BlkStatus): EndIoResult {
    if (this.#calls.active)
      return this.#calls.run(
        this.#call("endIo", md, t, bio),
        () => this.type.endIo!(t, bio, status),
        (err) => this.#endIoThrew(md, t, bio, err),
        (r) => this.#endIoChecked(md, t, bio, r),
      );
    let r: EndIoResult;
    try {
      r = this.type.endIo!(t, bio, status);
    } catch (err) {
      return this.#endIoThrew(md, t, bio, err);
    }
    return this.#endIoChecked(md, t, bio, r);
  }

  #endIoThrew(md: MappedDevice, t: Target, bio: Bio, err: unknown): EndIoResult {
    this.#fault(md, t, bio, "endIo", err);
    bio.status = "IOERR";
    return "DONE";
  }

  #endIoChecked(md: MappedDevice, t: Target, bio: Bio, r: EndIoResult): EndIoResult {
    if (END_IO_RESULTS.includes(r)) return r;
    this.#report(md, t, bio, `end_io returned an unknown value: ${String(r)}`);
    bio.status = "IOERR";
    return "DONE";
  }

  /**
   * status: "" for a type without one; a throw (or rejection) is reported and reads as "". A
   * Promise when the target's status is async (INFO of a target that commits first).
   */
  status(md: MappedDevice, t: Target, type: StatusType): MaybePromise<string> {
    const fn = this.type.status;
    if (!fn) return "";
    return this.#guarded(
      "status",
      md,
      t,
      () => fn(t, type),
      (err) => {
        this.#fault(md, t, null, "status", err);
        return "";
      },
    );
  }

  /**
   * message (the type has one). A DmError is the target refusing the message and is rethrown;
   * anything else is a fault, reported and rethrown as DmError(EINVAL). A Promise when the
   * target's message is async.
   */
  message(md: MappedDevice, t: Target, args: string[]): MaybePromise<string> {
    return this.#guarded(
      "message",
      md,
      t,
      () => {
        const r = this.type.message!(t, args);
        return isPromiseLike(r) ? Promise.resolve(r).then((v) => v ?? "") : (r ?? "");
      },
      (err) => {
        if (err instanceof DmError) throw err;
        this.#fault(md, t, null, "message", err);
        throw new DmError("EINVAL");
      },
      args,
    );
  }

  /** iterate_devices: nothing for a type without one; a throw is reported and ends the walk. */
  iterateDevices(
    md: MappedDevice,
    t: Target,
    fn: (dev: DmDev, start: Sector | bigint, len: Sector) => void,
  ): void {
    const it = this.type.iterateDevices;
    if (!it) return;
    this.#guarded(
      "iterateDevices",
      md,
      t,
      () => it(t, fn),
      (err) => this.#fault(md, t, null, "iterateDevices", err),
    );
  }

  /** io_hints: nothing for a type without one; a throw is reported, the limits kept. */
  ioHints(md: MappedDevice, t: Target, limits: QueueLimits): void {
    const fn = this.type.ioHints;
    if (!fn) return;
    this.#guarded(
      "ioHints",
      md,
      t,
      () => fn(t, limits),
      (err) => this.#fault(md, t, null, "ioHints", err),
    );
  }

  /** A timer the target scheduled (t.schedule), guarded: a throw is reported. */
  timer(md: MappedDevice, t: Target, fn: () => void | Promise<void>): () => void {
    return () => {
      // An async timer (a target's worker) runs on: its rejection is reported when it comes.
      void this.#guarded("timer", md, t, fn, (err) => this.#fault(md, t, null, "timer", err));
    };
  }

  /**
   * A completion the target registered (the onEnd of t.newBio), guarded: a throw is reported
   * (the bio has ended all the same).
   */
  completion(
    md: MappedDevice,
    t: Target,
    fn: (bio: Bio) => void | Promise<void>,
  ): (bio: Bio) => void {
    return (bio: Bio) => {
      const recover = (err: unknown): void => this.#fault(md, t, bio, "completion", err);
      if (this.#calls.active)
        void this.#calls.run(
          this.#call("completion", md, t, bio),
          () => settle(fn(bio), recover),
          recover,
        );
      else {
        try {
          void settle(fn(bio), recover);
        } catch (err) {
          recover(err);
        }
      }
    };
  }
}

/** The message of whatever was thrown. */
export function describe(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}
