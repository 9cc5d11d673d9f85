/**
 * The "current call" cell: a small SharedArrayBuffer in which the worker notes whose user code
 * it is running (module.ts writes it around every call into a user module), so that the page,
 * after the worker stopped answering, can tell which module and which operation hung
 * ("dm_proxy: map hung") and mark that module faulty. Dependency-free: the page imports it.
 *
 * Layout (Int32 words, then bytes): word 0 the slot of the module whose code runs now (0: none),
 * word 1 the operation (index in CALL_OPS), word 2 a count of calls entered; from byte 64, 63
 * name slots of 64 bytes each (UTF-8, NUL-padded): the module name of each slot.
 */

export const CALL_CELL_BYTES = 64 * 64;
export const NAME_SLOT = 64;
export const MAX_SLOTS = 63;

/** The operations, in cell order (guard.ts's TargetOp names). */
export const CALL_OPS = [
  "ctr",
  "dtr",
  "map",
  "endIo",
  "presuspend",
  "postsuspend",
  "preresume",
  "resume",
  "status",
  "message",
  "iterateDevices",
  "ioHints",
  "timer",
  "completion",
] as const;
export type CallOp = (typeof CALL_OPS)[number];

/** Linux's name of each op ("end_io"), as messages use it. */
export const CALL_OP_LINUX: Readonly<Record<CallOp, string>> = {
  ctr: "ctr",
  dtr: "dtr",
  map: "map",
  endIo: "end_io",
  presuspend: "presuspend",
  postsuspend: "postsuspend",
  preresume: "preresume",
  resume: "resume",
  status: "status",
  message: "message",
  iterateDevices: "iterate_devices",
  ioHints: "io_hints",
  timer: "timer",
  completion: "completion",
};

/**
 * Word 3: bumped by the shell before every statement it runs. A worker whose shell keeps
 * bumping it is busy (a long shell loop), not hung: the watchdog leaves it alone.
 */
export const SHELL_BEAT_WORD = 3;
/**
 * Word 4: bumped by the page to interrupt the foreground shell command (Ctrl-C, Reset). A busy
 * shell reads no messages, but it reads this before every statement.
 */
export const SHELL_INTERRUPT_WORD = 4;

/** The shell's heartbeat count (see SHELL_BEAT_WORD). */
export function shellBeat(sab: SharedArrayBuffer): number {
  return Atomics.load(new Int32Array(sab, 0, 8), SHELL_BEAT_WORD);
}

/** Ask the running shell command to stop (see SHELL_INTERRUPT_WORD). */
export function requestShellInterrupt(sab: SharedArrayBuffer): void {
  Atomics.add(new Int32Array(sab, 0, 8), SHELL_INTERRUPT_WORD, 1);
}

/**
 * An AbortSignal for one shell command that also beats the heartbeat and aborts when the page
 * bumps the interrupt word. just-bash reads `signal.aborted` before every statement, so this is
 * how a shell loop that never yields to the event loop still hears Ctrl-C.
 */
export function shellAbortSignal(
  controller: AbortController,
  sab: SharedArrayBuffer | null,
): AbortSignal {
  const signal = controller.signal;
  if (!sab) return signal;
  const w = new Int32Array(sab, 0, 8);
  const seen = Atomics.load(w, SHELL_INTERRUPT_WORD);
  const real = Object.getOwnPropertyDescriptor(AbortSignal.prototype, "aborted")!.get!;
  Object.defineProperty(signal, "aborted", {
    get(): boolean {
      Atomics.add(w, SHELL_BEAT_WORD, 1);
      if (!real.call(signal) && Atomics.load(w, SHELL_INTERRUPT_WORD) !== seen) controller.abort();
      return real.call(signal) as boolean;
    },
  });
  return signal;
}

/** What the cell says runs now: undefined when no user module's code is running. */
export function readCallCell(sab: SharedArrayBuffer): { module: string; op: CallOp } | undefined {
  const w = new Int32Array(sab, 0, 4);
  const slot = Atomics.load(w, 0);
  if (slot <= 0 || slot > MAX_SLOTS) return undefined;
  const bytes = new Uint8Array(sab, NAME_SLOT * slot, NAME_SLOT);
  let n = bytes.indexOf(0);
  if (n < 0) n = NAME_SLOT;
  const module = new TextDecoder().decode(bytes.slice(0, n));
  return { module, op: CALL_OPS[Atomics.load(w, 1)] ?? "map" };
}
