/**
 * The app's one store, built from slices (zustand's slices pattern). State only: actions are
 * module-level functions (actions.ts) that call `useAppStore.setState`, so components import
 * what they do, not a store method.
 */
import { create } from "zustand";
import { createDebugSlice, type DebugSlice } from "./debugSlice.ts";
import { createEditorSlice, type EditorSlice } from "./editorSlice.ts";
import { createEngineSlice, type EngineSlice } from "./engineSlice.ts";
import { createEventsSlice, type EventsSlice } from "./eventsSlice.ts";
import { createLearnSlice, type LearnSlice } from "./learnSlice.ts";
import { createPaceSlice, type PaceSlice } from "./paceSlice.ts";
import { createPlaybackSlice, type PlaybackSlice } from "./playbackSlice.ts";
import { createTargetSlice, type TargetSlice } from "./targetSlice.ts";
import { createTopologySlice, type TopologySlice } from "./topologySlice.ts";
import { createUiSlice, type UiSlice } from "./uiSlice.ts";

export type AppState = EngineSlice &
  TopologySlice &
  EventsSlice &
  EditorSlice &
  UiSlice &
  PaceSlice &
  PlaybackSlice &
  DebugSlice &
  TargetSlice &
  LearnSlice;

export const useAppStore = create<AppState>()((...a) => ({
  ...createEngineSlice(...a),
  ...createTopologySlice(...a),
  ...createEventsSlice(...a),
  ...createEditorSlice(...a),
  ...createUiSlice(...a),
  ...createPaceSlice(...a),
  ...createPlaybackSlice(...a),
  ...createDebugSlice(...a),
  ...createTargetSlice(...a),
  ...createLearnSlice(...a),
}));
