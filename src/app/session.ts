/**
 * The page's engine session: the worker client, the event ring's consumer and the reader of the
 * shared disks, with the module-level actions the panels call. One session per page.
 *
 * Data paths:
 *   control   actions -> EngineClient.call -> worker                (postMessage, per request)
 *   events    worker -> ring -> drainEvents() once per frame        (SharedArrayBuffer)
 *   disks     worker writes storage; DiskReader reads it in place   (SharedArrayBuffer)
 * The topology (devices and tables) is fetched with getState whenever the drained events say
 * it changed, so the views follow what the engine did, whoever did it.
 */

import { RECORD_SLOTS, EV } from "../engine/events.ts";
import { EngineClient, WorkerRestartedError, type WorkerLike } from "../worker/client.ts";
import type { LoadSpec, LoadStats } from "../engine/loadgen.ts";
import type {
  EngineState,
  LoadReport,
  PaceSettings,
  PaceState,
  StepResult,
  Stream,
  TargetStatus,
  WorkerMessage,
  WorkerRequest,
} from "../worker/protocol.ts";
import { createRing, RingConsumer } from "../worker/ring.ts";
import { ansi, PROMPT, toTerminal, writeConsole } from "./consoleSink.ts";
import { takeEngineWorker } from "./bootWorker.ts";
import { DiskReader } from "./diskMap.ts";
import { onFrame } from "./frame.ts";
import { DEFAULT_SCENARIO, DEFAULT_SEED } from "./scenario.ts";
import { useAppStore } from "./store/index.ts";
import type { LoadRow } from "./store/paceSlice.ts";

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

function notify(tone: "info" | "warn" | "error", text: string): void {
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

let refreshing: Promise<void> | null = null;
let refreshAgain = false;

/** Fetches the engine state; coalesced so that a burst of events costs one or two requests. */
export function refreshTopology(): Promise<void> {
  if (refreshing) {
    refreshAgain = true;
    return refreshing;
  }
  refreshing = (async () => {
    try {
      do {
        refreshAgain = false;
        if (!client || client.status !== "ready") return;
        applyState(await client.refreshState());
      } while (refreshAgain);
    } catch (e) {
      if (!(e instanceof WorkerRestartedError)) console.warn("getState failed", e);
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

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
}

let seen = 0;
let dropped = 0;
let lastPublish = 0;
let seenAtLastPublish = 0;

/** The frame job: drain every pending event once, then act on what they imply. */
function drainEvents(time: number): void {
  if (!consumer) return;
  let topology = false;
  let disks = false;
  const n = consumer.drain((data, offset) => {
    const type = data[offset] ?? 0;
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
    const s = useAppStore.getState();
    if (s.eventsSeen !== seen || s.eventsDropped !== dropped || s.eventRate !== rate) {
      useAppStore.setState({ eventsSeen: seen, eventsDropped: dropped, eventRate: rate });
    }
  }
}

// ---------------------------------------------------------------- actions

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
      seed: DEFAULT_SEED,
      onStatus: (engineStatus) => {
        if (engineStatus === "restarting") engineReplaced();
        useAppStore.setState({ engineStatus });
      },
      onNotice: (n) => {
        if (n.kind === "segment") diskReader?.addSegment(n.pool, n.index, n.sab);
        else if (n.kind === "strings") strings.splice(n.from, n.strings.length, ...n.strings);
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

function requireClient(): EngineClient {
  if (!client) throw new Error("engine not started");
  return client;
}

/** Command output, as a terminal shows it: stderr and stdout alike (dd's summary is stderr). */
function streamToConsole(_stream: Stream, text: string): void {
  writeConsole(toTerminal(text));
}

/** Echoes a command as if typed at the prompt (continuation lines marked "> "). */
function echoCommand(script: string): void {
  writeConsole(PROMPT + script.split("\n").join(`\r\n${ansi.dim(">")} `) + "\r\n");
}

/**
 * Builds the default scenario. All its commands are sent at once (the worker runs them in
 * order): no round trip between commands on the way to the first drawn stack. Each command's
 * output is held until the ones before it have printed, so the transcript reads as typed.
 */
async function runScenario(): Promise<void> {
  useAppStore.setState({ busy: true });
  writeConsole(
    ansi.dim("# default scenario: two RAM disks, a linear device across both, a striped one") +
      "\r\n",
  );
  const c = requireClient();
  const runs = DEFAULT_SCENARIO.map((command) => {
    const chunks: Array<[Stream, string]> = [];
    const done = c.runShell(command, (stream, text) => chunks.push([stream, text]));
    return { command, chunks, done };
  });
  try {
    for (const run of runs) {
      await run.done.catch(() => undefined);
      echoCommand(run.command);
      for (const [stream, text] of run.chunks) streamToConsole(stream, text);
    }
  } finally {
    useAppStore.setState({ busy: false });
  }
  await refreshTopology();
}

/**
 * Runs a console script in the worker's dmsh; output goes to the console transcript. Resolves
 * to the exit code (130 when the worker had to be restarted under it).
 */
export async function runCommand(script: string): Promise<number> {
  try {
    const { exitCode } = await requireClient().runShell(script, streamToConsole);
    return exitCode;
  } catch (e) {
    if (e instanceof WorkerRestartedError) return 130;
    writeConsole(ansi.red(`dmsh: ${e instanceof Error ? e.message : String(e)}`) + "\r\n");
    return 1;
  } finally {
    void refreshTopology();
  }
}

/** Back to the default scenario: a fresh engine (disks dropped), the scenario rebuilt. */
export async function resetSession(): Promise<void> {
  const c = requireClient();
  if (useAppStore.getState().busy) return;
  writeConsole(`\r\n${ansi.yellow("[reset] back to the default scenario")}\r\n`);
  if (c.status !== "ready") await c.restart("reset while not ready");
  await c.call("reset", { seed: DEFAULT_SEED });
  engineReplaced();
  diskReader = null;
  strings = [];
  useAppStore.setState({
    selectedDevice: null,
    editorDevice: "",
    draft: "",
    problems: [],
    validatedDraft: null,
    loadOutput: "",
    loadOk: null,
    loads: [],
    lastStep: null,
  });
  await runScenario();
}

/** Validates the editor's draft against the kernel's constructors (no device is touched). */
export async function validateDraft(): Promise<void> {
  const { draft, editorDevice } = useAppStore.getState();
  try {
    const exists = useAppStore.getState().devices.some((d) => d.name === editorDevice);
    const problems = await requireClient().call("validateTable", {
      name: exists ? editorDevice : null,
      table: draft,
    });
    // A newer draft may have been typed meanwhile; only the current one's problems are shown.
    if (useAppStore.getState().draft === draft) {
      useAppStore.setState({ problems, validatedDraft: draft });
    }
  } catch (e) {
    if (e instanceof WorkerRestartedError) return;
    useAppStore.setState({
      problems: [{ line: 0, message: e instanceof Error ? e.message : String(e) }],
      validatedDraft: draft,
    });
  }
}

/** Loads the editor's draft into its device (creating it if needed), resuming when asked. */
export async function loadDraft(resume: boolean): Promise<void> {
  const { draft, editorDevice } = useAppStore.getState();
  const name = editorDevice.trim();
  if (!name) {
    useAppStore.setState({ loadOk: false, loadOutput: "Name the device first." });
    return;
  }
  try {
    const r = await requireClient().call("loadTable", { name, table: draft, resume });
    useAppStore.setState({
      loadOk: r.exitCode === 0,
      loadOutput: r.output,
      problems: r.problems,
      validatedDraft: draft,
      selectedDevice: name,
    });
  } catch (e) {
    useAppStore.setState({ loadOk: false, loadOutput: e instanceof Error ? e.message : String(e) });
  } finally {
    void refreshTopology();
  }
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

/** A device's targets with their INFO and TABLE status lines (the inspector's target state). */
export function targetStatus(name: string): Promise<TargetStatus[]> {
  return requireClient().call("targetStatus", { name });
}

// ---------------------------------------------------------------- pace and load

/**
 * Sets the pace of virtual time in the worker (the playback bar's action). `speed` is in virtual
 * ns per wall ms: PACE_REAL_TIME (protocol.ts) is 1x, PACE_MIN_SPEED is 1e-4x slow motion, and
 * "max" runs everything as fast as the engine goes. `paused: true` freezes virtual time. Fields
 * left out keep their value. The store's `speed`/`paused` follow at once (optimistically) and
 * then the worker's answer; resolves to that answer, or null if the worker could not be asked.
 */
export async function setPace(p: Partial<PaceSettings>): Promise<PaceState | null> {
  useAppStore.setState(p);
  try {
    const state = await requireClient().call("setPace", p);
    useAppStore.setState({ speed: state.speed, paused: state.paused, lagging: state.lagging });
    return state;
  } catch (e) {
    if (!(e instanceof WorkerRestartedError)) console.warn("setPace failed", e);
    return null;
  }
}

/**
 * Runs exactly one clock entry (pausing first if running): the playback bar's single step. Its
 * events reach the views through the ring like any others; the result (also in the store as
 * `lastStep`) says how many there were and the virtual time after it.
 */
export async function step(): Promise<StepResult | null> {
  useAppStore.setState({ paused: true });
  try {
    const r = await requireClient().call("step", {});
    useAppStore.setState({ lastStep: r, paused: true, now: r.now });
    return r;
  } catch (e) {
    if (!(e instanceof WorkerRestartedError)) console.warn("step failed", e);
    return null;
  }
}

/**
 * Starts a load generator on `spec.device` (a path: /dev/mapper/NAME, /dev/ramN); what the spec
 * leaves out takes DEFAULT_LOAD's value. Rejects with the engine's reason for a bad spec.
 */
export async function loadStart(spec: Partial<LoadSpec> & { device: string }): Promise<LoadStats> {
  const stats = await requireClient().call("loadStart", { spec });
  void refreshLoads();
  return stats;
}

/** Stops one generator, or all of them without an id. Bios in flight still complete. */
export async function loadStop(id?: number): Promise<void> {
  const report = await requireClient().call("loadStop", id === undefined ? {} : { id });
  applyLoads(report);
}

function applyLoads(report: LoadReport): void {
  const { loads: before, loadsAt } = useAppStore.getState();
  const dt = (report.now - loadsAt) / 1e9;
  const rows: LoadRow[] = report.generators.map((g) => {
    const prev = before.find((b) => b.id === g.id);
    if (!prev || dt <= 0)
      return { ...g, iops: prev?.iops ?? null, bytesPerSec: prev?.bytesPerSec ?? null };
    return {
      ...g,
      iops: (g.completed - prev.completed) / dt,
      bytesPerSec: (g.bytes - prev.bytes) / dt,
    };
  });
  useAppStore.setState({ loads: rows, loadsAt: report.now });
}

/** Fetches the generators' counters (`prune`: first forget stopped ones with nothing in flight). */
export async function refreshLoads(prune = false): Promise<void> {
  const c = client;
  if (!c || c.status !== "ready") return;
  try {
    applyLoads(await c.call("loadList", prune ? { prune } : {}));
  } catch (e) {
    if (!(e instanceof WorkerRestartedError)) console.warn("loadList failed", e);
  }
}

/** Polls the generators' counters every `intervalMs` until the returned function is called. */
export function watchLoads(intervalMs = 500): () => void {
  void refreshLoads();
  const t = setInterval(() => void refreshLoads(), intervalMs);
  return () => clearInterval(t);
}
