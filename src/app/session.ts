/**
 * The page's engine session: the worker client, the event ring's consumer and the reader of the
 * shared disks, with the module-level actions the panels call. One session per page.
 *
 * Data paths:
 *   control   actions -> EngineClient.call -> worker                (postMessage, per request)
 *   events    worker -> ring -> drainEvents() once per frame        (SharedArrayBuffer)
 *   disks     worker writes storage; DiskReader reads it in place   (SharedArrayBuffer)
 * The present topology (devices and tables) is fetched with getState whenever the drained
 * events say it changed, for what acts on the present (the table editor, the disk panel); the
 * stack view draws the stack at the playback cursor, rebuilt from the events
 * (history/topology.ts).
 *
 * The actions live in files named for their concern, re-exported here (and by actions.ts):
 *   shellActions.ts     the console's commands, Ctrl-C
 *   scenarioActions.ts  the default scenario, Reset
 *   tableActions.ts     the table editor's check and load, target status
 *   playbackActions.ts  pace of virtual time, single step
 *   loadActions.ts      load generators
 */

import { RECORD_SLOTS, EV, ev } from "../engine/events.ts";
import { EngineClient, WorkerRestartedError, type WorkerLike } from "../worker/client.ts";
import type { EngineState, WorkerMessage, WorkerRequest } from "../worker/protocol.ts";
import { createRing, RingConsumer } from "../worker/ring.ts";
import { coalesced } from "./coalesce.ts";
import { ansi, toTerminal, writeConsole } from "./consoleSink.ts";
import { takeEngineWorker } from "./bootWorker.ts";
import { debugChannel, onDebugNotice } from "./debugger/debugActions.ts";
import { DiskReader } from "./diskMap.ts";
import { onFrame, onFramesSleep, wakeFrames } from "./frame.ts";
import { refreshLoads } from "./loadActions.ts";
import { setPace } from "./playbackActions.ts";
import { DEFAULT_SEED } from "./scenario.ts";
import { runScenario } from "./scenarioActions.ts";
import { streamToConsole } from "./shellActions.ts";
import { useAppStore } from "./store/index.ts";

/** Ring size: a burst of this many events between two frames is absorbed without drops. */
const RING_RECORDS = 1 << 16;

/** Event types after which the drawn topology may be stale. */
const TOPOLOGY_EVENTS = new Set<number>([
  EV.DEVICE_CREATE,
  EV.DEVICE_REMOVE,
  EV.DEVICE_RENAME,
  EV.TABLE_LOAD,
  EV.TABLE_SWAP,
  EV.TABLE_CLEAR,
  EV.DEVICE_SUSPEND,
  EV.DEVICE_RESUME,
  EV.DISK_CREATE,
  EV.DISK_REMOVE,
  // the disk panel's rules, write caches and rule counters (diskfault, diskcache, powercut)
  EV.DISK_CONFIG,
  EV.DISK_FAULT,
  EV.POWER_CUT,
]);

export type EventVisitor = (data: Float64Array, offset: number) => void;

let client: EngineClient | null = null;
let consumer: RingConsumer | null = null;
let diskReader: DiskReader | null = null;
let strings: string[] = [];
const eventVisitors = new Set<EventVisitor>();
const engineReplacedListeners = new Set<() => void>();
let diskVersion = 0;
const diskListeners = new Set<() => void>();

function wrapWorker(worker: Worker): WorkerLike {
  const like: WorkerLike = {
    postMessage: (m: WorkerRequest) => worker.postMessage(m),
    terminate: () => worker.terminate(),
    onmessage: null,
    onerror: null,
  };
  worker.onmessage = (ev: MessageEvent<WorkerMessage>) => like.onmessage?.({ data: ev.data });
  worker.onerror = (ev) => like.onerror?.(ev);
  return like;
}

function createEngineWorker(): WorkerLike {
  return wrapWorker(takeEngineWorker());
}

export function notify(tone: "info" | "warn" | "error", text: string): void {
  const id = Date.now() + Math.random();
  useAppStore.setState((s) => ({ notices: [...s.notices.slice(-3), { id, tone, text }] }));
  setTimeout(
    () => useAppStore.setState((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
    8000,
  );
}

// ---------------------------------------------------------------- events and topology

/** Registers a per-event visitor (bio-flow views, counters). Runs inside the frame loop. */
export function onEngineEvent(visit: EventVisitor): () => void {
  eventVisitors.add(visit);
  return () => eventVisitors.delete(visit);
}

/**
 * Called when a new engine replaces the old one (a reset, or the watchdog restarting the
 * worker): bio ids and interned strings start over, so a record of past events is void.
 */
export function onEngineReplaced(listener: () => void): () => void {
  engineReplacedListeners.add(listener);
  return () => engineReplacedListeners.delete(listener);
}

function engineReplaced(): void {
  for (const l of engineReplacedListeners) l();
}

/** Interned strings events refer to (target types, device names, messages). */
export function eventString(id: number): string | undefined {
  return strings[id];
}

/** Called when the shared disks may hold different data; the disk panel redraws. */
export function onDiskChange(listener: () => void): () => void {
  diskListeners.add(listener);
  return () => diskListeners.delete(listener);
}

export function getDiskReader(): DiskReader | null {
  return diskReader;
}

export function getDiskVersion(): number {
  return diskVersion;
}

/** Fetches the engine state; coalesced so that a burst of events costs one or two requests. */
export const refreshTopology: () => Promise<void> = coalesced(async () => {
  try {
    if (!client || client.status !== "ready") return;
    applyState(await client.refreshState());
  } catch (e) {
    if (!(e instanceof WorkerRestartedError)) console.warn("getState failed", e);
  }
});

function applyState(state: EngineState): void {
  if (!diskReader) diskReader = new DiskReader(state.storage);
  diskReader.setDisks(state.disks);
  markDisksChanged();
  useAppStore.setState((s) => ({
    devices: state.devices,
    blockDevices: state.blockDevices,
    disks: state.disks,
    now: state.now,
    topologyVersion: s.topologyVersion + 1,
  }));
}

function markDisksChanged(): void {
  diskVersion++;
  for (const l of diskListeners) l();
  wakeFrames(); // the disk panel redraws in the frame loop
}

let seen = 0;
let dropped = 0;
let lastPublish = 0;
let seenAtLastPublish = 0;
let publishedRate = 0;

/**
 * The header's counters start over with a new session (Reset, a lesson, a replayed scenario):
 * they count this session's events, as the history does. Called before the history is cleared,
 * so that what it remembers of the drop count starts at 0 too.
 */
function resetEventCounters(): void {
  seen = 0;
  dropped = 0;
  seenAtLastPublish = 0;
  publishedRate = 0;
  lastPublish = performance.now();
  useAppStore.setState({ eventsSeen: 0, eventsDropped: 0, eventRate: 0 });
}

/** Whether a wait on the ring is armed (the frame loop wakes when the engine writes to it). */
let watchingRing = false;

/** The frame loop went to sleep: wake it when the engine writes events (or drops some). */
function watchRing(): void {
  const c = consumer;
  if (!c || watchingRing) return;
  watchingRing = true;
  void c.whenWritten().then(() => {
    watchingRing = false;
    wakeFrames();
  });
}

/**
 * The frame job: drain every pending event once, then act on what they imply. Asks for another
 * frame while events come, and until the header's rate has gone back to 0.
 */
function drainEvents(time: number): boolean {
  if (!consumer) return false;
  let topology = false;
  let disks = false;
  const n = consumer.drain((data, offset) => {
    const type = ev.type(data, offset);
    if (TOPOLOGY_EVENTS.has(type)) topology = true;
    else if (type === EV.BIO_COMPLETE) disks = true;
    for (const visit of eventVisitors) visit(data, offset);
  });
  seen += n;
  const lost = consumer.takeDropped();
  if (lost > 0) {
    dropped += lost;
    topology = true; // a lost event may have been a topology change
    disks = true;
  }
  if (topology) void refreshTopology();
  if (disks) markDisksChanged();
  if (time - lastPublish > 250) {
    const rate = ((seen - seenAtLastPublish) * 1000) / Math.max(1, time - lastPublish);
    lastPublish = time;
    seenAtLastPublish = seen;
    publishedRate = rate;
    const s = useAppStore.getState();
    if (s.eventsSeen !== seen || s.eventsDropped !== dropped || s.eventRate !== rate) {
      useAppStore.setState({ eventsSeen: seen, eventsDropped: dropped, eventRate: rate });
    }
  }
  return n > 0 || lost > 0 || seen !== seenAtLastPublish || publishedRate !== 0;
}

// ---------------------------------------------------------------- session

/** Starts the worker and builds the default scenario. Idempotent. */
let starting: Promise<void> | null = null;
export function startSession(): Promise<void> {
  starting ??= (async () => {
    performance.mark("dm:session-start");
    const ring = createRing({ capacity: RING_RECORDS, recordWords: RECORD_SLOTS });
    consumer = new RingConsumer(ring);
    client = new EngineClient({
      createWorker: createEngineWorker,
      ring,
      debug: debugChannel(),
      seed: DEFAULT_SEED,
      onStatus: (engineStatus) => {
        if (engineStatus === "restarting") {
          // What the old engine left in the ring belongs to the history about to be voided,
          // read with the old engine's strings; the new engine interns its strings from 0.
          drainEvents(performance.now());
          engineReplaced();
          strings = [];
        }
        useAppStore.setState({ engineStatus });
      },
      onNotice: (n) => {
        if (n.kind === "segment") diskReader?.addSegment(n.pool, n.index, n.sab);
        else if (n.kind === "strings") strings.splice(n.from, n.strings.length, ...n.strings);
        else if (n.kind === "debug") onDebugNotice(n.event);
        else streamToConsole(n.stream, n.text);
      },
      onRestart: (r) => {
        useAppStore.setState({ restarts: r.count, lastRestart: r });
        const what = r.devices.length ? `rebuilt ${r.devices.join(", ")}` : "no devices to rebuild";
        const text = `Engine worker restarted: ${r.reason}; ${what}; disk contents kept.`;
        writeConsole(`\r\n${ansi.yellow(`[watchdog] ${text}`)}\r\n`);
        if (!r.ok) writeConsole(ansi.red(toTerminal(r.output)) + "\r\n");
        notify(r.ok ? "warn" : "error", text);
        // The new worker was handed the same disk buffers: the page's reader stays valid (and
        // takes any segment the new worker adds). Dropping it here left the disk panel blank
        // until the next state refresh, and lost segment notices in between.
        void refreshTopology();
        // A new worker starts at 1x, running: give it the page's pace. (Its generators are gone.)
        const { speed, paused } = useAppStore.getState();
        void setPace({ speed, paused });
        void refreshLoads();
      },
    });
    onFrame(drainEvents);
    onFramesSleep(watchRing);
    // What changes the picture without an event wakes the frame loop too.
    for (const type of ["resize", "keydown", "pointerdown", "wheel"] as const) {
      window.addEventListener(type, wakeFrames, { capture: true, passive: true });
    }
    writeConsole(
      ansi.dim(
        "# dm-playground: type dmsetup, dd, modprobe… as on Linux. ↑/↓ history, Ctrl-L clears, paste whole scripts.",
      ) + "\r\n",
    );
    try {
      const startup = await client.start();
      // The worker's startup on this page's timeline (its clock is the same epoch clock).
      const at = (epochMs: number) => epochMs - performance.timeOrigin;
      performance.mark("dm:worker-created", { startTime: at(startup.created) });
      performance.mark("dm:worker-evaluating", { startTime: at(startup.evaluating) });
      performance.mark("dm:worker-loaded", { startTime: at(startup.loaded) });
      performance.mark("dm:engine-ready");
      await runScenario();
      performance.mark("dm:scenario-built");
    } catch (e) {
      useAppStore.setState({ engineError: e instanceof Error ? e.message : String(e) });
      throw e;
    }
  })();
  return starting;
}

export function requireClient(): EngineClient {
  if (!client) throw new Error("engine not started");
  return client;
}

/**
 * A reset replaced the engine: bio ids and interned strings start over, the disks are new
 * buffers (the reader is rebuilt from the next state).
 */
export function forgetEngine(): void {
  drainEvents(performance.now());
  resetEventCounters();
  engineReplaced();
  client?.forgetEngine();
  diskReader = null;
  strings = [];
}

/** For the end-to-end tests and the curious: hang the worker so the watchdog restarts it. */
export function debugHangWorker(): void {
  requireClient()
    .call("debugHang", {})
    .catch(() => undefined);
}

export function getClient(): EngineClient | null {
  return client;
}

export { interruptCommand, runCommand } from "./shellActions.ts";
export { resetSession } from "./scenarioActions.ts";
export { loadDraft, targetStatus, validateDraft } from "./tableActions.ts";
export { setPace, step } from "./playbackActions.ts";
export { loadStart, loadStop, refreshLoads, watchLoads } from "./loadActions.ts";
