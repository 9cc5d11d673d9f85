import type { StateCreator } from "zustand";
import type { LoadStats } from "../../engine/loadgen.ts";
import { PACE_REAL_TIME, type PaceSpeed, type StepResult } from "../../worker/protocol.ts";
import type { AppState } from "./index.ts";

/** A generator with the rates the page derived between two reports (virtual time). */
export interface LoadRow extends LoadStats {
  /** Completions per virtual second over the last report interval (null: time stood still). */
  iops: number | null;
  /** Bytes per virtual second over the last report interval. */
  bytesPerSec: number | null;
}

/**
 * The pace of virtual time and the load generators, as the playback bar and the Load panel show
 * them. Changed only through session.ts's actions (setPace, step, loadStart, loadStop).
 */
export interface PaceSlice {
  /** Virtual ns per wall ms (PACE_REAL_TIME is 1x), or "max". */
  speed: PaceSpeed;
  paused: boolean;
  /** The pacer could not keep up with `speed` at its last report. */
  lagging: boolean;
  /** What the last single step did. */
  lastStep: StepResult | null;
  /** Generators as of the last report (polled while the Load panel is shown). */
  loads: LoadRow[];
  /** Virtual time of that report. */
  loadsAt: number;
  /**
   * The bio views are hidden (`?views=off`, or the toggle): the FPS probe's baseline, and a way
   * to give the engine the whole machine.
   */
  viewsHidden: boolean;
}

function viewsHiddenFromUrl(): boolean {
  if (typeof location === "undefined") return false;
  const v = new URLSearchParams(location.search).get("views");
  return v === "off" || v === "0" || v === "hidden";
}

export const createPaceSlice: StateCreator<AppState, [], [], PaceSlice> = () => ({
  speed: PACE_REAL_TIME,
  paused: false,
  lagging: false,
  lastStep: null,
  loads: [],
  loadsAt: 0,
  viewsHidden: viewsHiddenFromUrl(),
});
