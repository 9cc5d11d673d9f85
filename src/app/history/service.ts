/**
 * The page's one history of engine events, the folds and indexes over it, and the playback
 * cursor, wired to the session: every drained event is appended (inside the frame loop, as a
 * copy of its record), and the playback controller runs in the same frame, right after the
 * drain. A new engine (reset, worker restart) voids the history: bio ids start over.
 *
 * The views read from here: what they draw is a function of history[0..cursor) only.
 */

import { ev, isLifecycleEvent } from "../../engine/events.ts";
import { PACE_REAL_TIME } from "../../worker/protocol.ts";
import { onFrame, wakeFrames } from "../frame.ts";
import { eventString, onEngineEvent, onEngineReplaced, setPace, step } from "../session.ts";
import { useAppStore } from "../store/index.ts";
import { FoldCache } from "./fold.ts";
import { EventHistory } from "./history.ts";
import { HistoryIndex } from "./indexes.ts";
import { LifecycleStore } from "./lifecycle.ts";
import { flowFold, statsFold, type FlowState } from "./model.ts";
import { Playback } from "./playback.ts";
import { devicesOf, topologyFold, type Topology } from "./topology.ts";

export { LifecycleStore };

export const history = new EventHistory({ strings: eventString });
export const stats = new FoldCache(
  history,
  statsFold((id) => history.string(id)),
);
export const flow = new FoldCache(history, flowFold);
export const index = new HistoryIndex(history);
export const lifecycle = new LifecycleStore();
history.onClear(() => lifecycle.clear());
/** The stack at any lifecycle record count (a snapshot every 256 records). */
export const topology = new FoldCache(lifecycle, topologyFold, 256);

/**
 * What identifies the stack at history cursor `c`: it changes only when a lifecycle record is
 * passed (or the history starts over), so views keyed on it redraw only then.
 */
export function topologyKey(c: number): string {
  return `${lifecycle.epoch}:${lifecycle.countBefore(c)}`;
}

/** The ring's drop count when the history last started over: more since, and records are missing. */
let droppedAtClear = 0;
history.onClear(() => {
  droppedAtClear = useAppStore.getState().eventsDropped;
});

/**
 * Whether the ring has dropped events since the history started (a burst the page could not
 * drain in time): a lifecycle record may be among them, so the stack rebuilt from the history
 * may be wrong; at the head the views use the engine's own state instead.
 */
export function historyLossy(eventsDropped: number): boolean {
  return eventsDropped > droppedAtClear;
}

/** The devices and disks as they were at history cursor `c` (before record `c`). */
export function topologyAt(c: number): Topology {
  return devicesOf(topology.stateAt(lifecycle.countBefore(c)), (id) => history.string(id));
}

const toPace = (speed: number) => (Number.isFinite(speed) ? speed * PACE_REAL_TIME : "max");
const fromPace = (speed: number | "max") =>
  speed === "max" ? Infinity : Math.max(1e-4, speed / PACE_REAL_TIME);

export const playback = new Playback(history, {
  setPace: ({ speed, paused }) => void setPace({ speed: toPace(speed), paused }),
  step: async () => {
    const r = await step();
    return !!r && r.ran && r.events > 0;
  },
});
// A command (play, pause, step, scrub, speed) or a step's answer is published in the frame loop.
playback.onChange = wakeFrames;

/**
 * The flow state for a still picture at cursor `c`: the bios in flight, and those that ended
 * within the last `window` records (kept, with `ended` set).
 */
export function flowStateForPicture(c: number, window: number): FlowState {
  const from = Math.max(history.base, c - window);
  const s = flowFold.clone(flow.stateAt(from));
  s.keepEnded = true;
  history.forEach(from, Math.min(c, history.head), (r, o, i) => flowFold.apply(s, r, o, i));
  return s;
}

// ---------------------------------------------------------------- wiring

let lastPublish = 0;
let publishedVersion = -1;

/** Mirrors the controller into the store (the playback bar), at most ten times a second. */
export function publishPlayback(force = true): void {
  const now = performance.now();
  if (!force && (playback.version === publishedVersion || now - lastPublish < 100)) return;
  lastPublish = now;
  publishedVersion = playback.version;
  const c = playback.cursor;
  const head = history.head;
  useAppStore.setState({
    playMode: playback.mode,
    cursor: c,
    head,
    historyBase: history.base,
    cursorTime: c > history.base ? history.time(c - 1) : 0,
    headTime: head > history.base ? history.time(head - 1) : 0,
    following: playback.live,
    skipped: playback.skipped,
    awaitingStep: playback.awaitingEngine,
  });
}

let frameJob: (() => void) | null = null;

/** Another frame is asked for while the cursor moves and until the bar shows where it stopped. */
function playbackFrame(now: number, resumed: boolean): boolean {
  playback.frame(now, resumed);
  // While playing, the bar follows a few times a second; a head that moved while paused, too.
  const s = useAppStore.getState();
  if (playback.version !== publishedVersion || s.head !== history.head) publishPlayback(false);
  return (
    playback.moving ||
    playback.version !== publishedVersion ||
    useAppStore.getState().head !== history.head
  );
}

onEngineEvent((data, offset) => {
  // Registered from inside the drain, the frame job runs right after it, in the same frame.
  frameJob ??= onFrame(playbackFrame);
  const index = history.head;
  history.append(data, offset);
  if (isLifecycleEvent(ev.type(data, offset))) lifecycle.add(data, offset, index);
});

onEngineReplaced(() => {
  history.clear();
  useAppStore.setState({ selectedBio: null, flowFilter: null });
  publishPlayback();
});

// The engine's pace may be changed by others (the console, a restart): the playback follows.
useAppStore.subscribe((s, prev) => {
  if (s.speed !== prev.speed) playback.setSpeed(fromPace(s.speed), true);
});

/** For end-to-end tests and the curious, in the console: the history and the playback. */
export const debugViews: {
  history: EventHistory;
  playback: Playback;
  /** The named record reads (events.ts), to read the history's records with. */
  ev: typeof ev;
  /** The stack at a history cursor (history/topology.ts). */
  topologyAt: typeof topologyAt;
  flow?: unknown;
} = { history, playback, ev, topologyAt };
(globalThis as { dmViews?: typeof debugViews }).dmViews = debugViews;
