import type { StateCreator } from "zustand";
import type { AppState } from "./index.ts";

/** What the bio flow is narrowed to (an outcome cell clicked). */
export interface FlowFilter {
  /** Outcome row (model.ts): a device's number, or minus a target's uid. */
  row: number;
  /** Which count: a MapState, a completion status, or held (deferred / requeued) bios. */
  kind: "map" | "status" | "defer" | "requeue" | "fault";
  /** MapState or BlkStatus code (kind map / status). */
  code: number;
  /** How the UI names it: "concat · linear 0+16384 · KILL". */
  label: string;
}

export type InsightTab = "disks" | "outcomes" | "timeline" | "inspector" | "target";

/**
 * The playback cursor as the playback bar shows it: published a few times a second while
 * playing (the views that draw every frame read the controller directly), at once on a user's
 * action. Plus what the views are narrowed to.
 */
export interface PlaybackSlice {
  playMode: "play" | "pause";
  /** Records [0, cursor) are what the views show. */
  cursor: number;
  /** Records drained so far; `historyBase` is the oldest still held. */
  head: number;
  historyBase: number;
  /** Virtual time (ns) of the record before the cursor, and of the newest record. */
  cursorTime: number;
  headTime: number;
  /** Playing at the head (or catching up with it). */
  following: boolean;
  /**
   * Events skipped live to keep the views within 2 s of the console (history/playback.ts
   * maxLagMs), in the latest burst.
   */
  skipped: number;
  /** A single step is waiting for the engine to produce its event. */
  awaitingStep: boolean;
  selectedBio: number | null;
  flowFilter: FlowFilter | null;
  insightTab: InsightTab;
}

export const createPlaybackSlice: StateCreator<AppState, [], [], PlaybackSlice> = () => ({
  playMode: "play",
  cursor: 0,
  head: 0,
  historyBase: 0,
  cursorTime: 0,
  headTime: 0,
  following: true,
  skipped: 0,
  awaitingStep: false,
  selectedBio: null,
  flowFilter: null,
  insightTab: "disks",
});
