/** The pace of virtual time in the worker: speed, pause and single steps (the playback bar). */

import { WorkerRestartedError } from "../worker/client.ts";
import type { PaceSettings, PaceState, StepResult } from "../worker/protocol.ts";
import { requireClient } from "./session.ts";
import { useAppStore } from "./store/index.ts";

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
