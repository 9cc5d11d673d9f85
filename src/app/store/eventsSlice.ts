import type { StateCreator } from "zustand";
import type { AppState } from "./index.ts";

/**
 * Event-ring counters for the status bar. Published a few times a second, never per event:
 * per-event work happens in the frame loop, outside React.
 */
export interface EventsSlice {
  eventsSeen: number;
  eventsDropped: number;
  /** Events per second over the last publication interval. */
  eventRate: number;
}

export const createEventsSlice: StateCreator<AppState, [], [], EventsSlice> = () => ({
  eventsSeen: 0,
  eventsDropped: 0,
  eventRate: 0,
});
