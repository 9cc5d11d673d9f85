/**
 * The one protocol between the page and the engine worker (duckdb-wasm's worker_request.ts
 * style). Every request carries an id; every answer names the id it answers. Only control goes
 * through here: high-rate engine events go through the SharedArrayBuffer ring (ring.ts) and disk
 * contents stay in the engine's shared storage, which both sides map.
 *
 *   page                                   worker
 *   ─ { id, type: "runShell", script } ──▶
 *                                      ◀── { id, type: "output", stream, text }   (0..n, streamed)
 *                                      ◀── { id, type: "ok", result: { exitCode } }
 *
 * A request is answered by exactly one "ok" or "error"; "output" only ever precedes it.
 * Messages without an id ("notice") are the worker's own news: a new storage segment to map,
 * new interned event strings.
 */

import type { DiskStoreHandle, StorageHandle } from "../engine/storage.ts";

export type RequestId = number;

/** Everything a (re)started worker needs to attach to the page's shared memory. */
export interface InitParams {
  /** Seed for the engine's PRNG and clock: the same seed and script give the same events. */
  seed: number;
  /** The event ring (ring.ts) the worker produces into. */
  ring: SharedArrayBuffer;
  /**
   * Shared disk storage to reattach to (a restart after a hang), or undefined for a fresh
   * engine. The disks listed are re-created over their existing contents.
   */
  storage?: StorageHandle;
  disks?: DiskSnapshot[];
}

export interface DiskSnapshot {
  /** Block device name, e.g. "ram0". */
  name: string;
  major: number;
  minor: number;
  sizeBytes: number;
  store: DiskStoreHandle;
}

/** A target line of a table, with the block devices it maps onto (iterate_devices). */
export interface TargetInfo {
  start: number;
  length: number;
  type: string;
  /** The constructor arguments as `dmsetup table` prints them. */
  args: string;
  /** Devices this segment maps onto, in table order, with the range of each it uses. */
  maps: Array<{ dev: string; start: number; length: number }>;
}

export interface DmDeviceInfo {
  name: string;
  /** "major:minor" */
  dev: string;
  uuid: string;
  suspended: boolean;
  openCount: number;
  /** Sectors of the live table (0 without one). */
  sectors: number;
  live: TargetInfo[] | null;
  inactive: TargetInfo[] | null;
}

export interface BlockDeviceInfo {
  name: string;
  dev: string;
  sectors: number;
  /** "ram" for brd disks, "dm" for mapped devices, others as the engine adds them. */
  kind: string;
}

/** The engine as the views need it, at one instant. */
export interface EngineState {
  /** Virtual nanoseconds. */
  now: number;
  devices: DmDeviceInfo[];
  blockDevices: BlockDeviceInfo[];
  disks: DiskSnapshot[];
  storage: StorageHandle;
}

export interface TableProblem {
  /** 1-based line of the table text, 0 when the problem is the table as a whole. */
  line: number;
  /** The kernel's text, as dmesg shows it. */
  message: string;
}

export type Stream = "stdout" | "stderr";

/** When a worker got where (epoch ms): diagnostics for the startup benchmark. */
export interface WorkerStartup {
  /** The Worker object was created (the worker's time origin). */
  created: number;
  /** Its module graph (dmsh, the engine) was fetched and compiled, and began evaluating. */
  evaluating: number;
  /** Everything evaluated; the host listens. */
  loaded: number;
  /** The engine and shell were built for init. */
  ready: number;
}

/**
 * The requests, and what a successful answer carries, in one map: the request and response
 * unions below are derived from it, so a new request is one line here and one case in the
 * worker's switch (which TypeScript checks for exhaustiveness).
 */
export interface Requests {
  init: { params: InitParams; result: { engineVersion: string; startup: WorkerStartup } };
  /** Run a dmsh script (a console line or a pasted script); output streams as "output". */
  runShell: { params: { script: string }; result: { exitCode: number } };
  /** Check a table without loading it: the kernel's messages, empty when it would load. */
  validateTable: { params: { name: string | null; table: string }; result: TableProblem[] };
  /**
   * Load a table into `name` (creating the device if it does not exist), optionally resuming
   * it so the table goes live. Output is what dmsetup printed.
   */
  loadTable: {
    params: { name: string; table: string; resume: boolean };
    result: { exitCode: number; output: string; problems: TableProblem[] };
  };
  getState: { params: Record<string, never>; result: EngineState };
  /** Throw away every device and disk; the page then rebuilds its scenario. */
  reset: { params: { seed: number }; result: { engineVersion: string } };
  /**
   * Rebuild mapped devices after a restart, over the reattached disks (rebuild.ts). `output`
   * lists what failed, if anything.
   */
  restore: { params: { devices: DmDeviceInfo[] }; result: { ok: boolean; output: string } };
  ping: { params: Record<string, never>; result: { now: number } };
  /** Spin forever: how the end-to-end tests hang the worker to exercise the watchdog. */
  debugHang: { params: Record<string, never>; result: never };
}

export type RequestType = keyof Requests;
export type Params<T extends RequestType> = Requests[T]["params"];
export type Result<T extends RequestType> = Requests[T]["result"];

export type WorkerRequest = {
  [T in RequestType]: { id: RequestId; type: T; params: Params<T> };
}[RequestType];

export type WorkerResponse =
  | { id: RequestId; type: "ok"; result: unknown }
  | { id: RequestId; type: "error"; message: string }
  | { id: RequestId; type: "output"; stream: Stream; text: string };

export type WorkerNotice =
  | {
      type: "notice";
      kind: "segment";
      pool: "data" | "pages";
      index: number;
      sab: SharedArrayBuffer;
    }
  | { type: "notice"; kind: "strings"; from: number; strings: string[] };

export type WorkerMessage = WorkerResponse | WorkerNotice;

export function isNotice(m: WorkerMessage): m is WorkerNotice {
  return m.type === "notice";
}
