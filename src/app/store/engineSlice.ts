import type { StateCreator } from "zustand";
import type { ClientStatus, RestartReport } from "../../worker/client.ts";
import type { AppState } from "./index.ts";

/** The worker's health, as the header shows it. */
export interface EngineSlice {
  engineStatus: ClientStatus;
  /** A fatal problem starting the engine (shown instead of the panels). */
  engineError: string | null;
  restarts: number;
  lastRestart: RestartReport | null;
  /** True while the default scenario is being (re)built. */
  busy: boolean;
}

export const createEngineSlice: StateCreator<AppState, [], [], EngineSlice> = () => ({
  engineStatus: "starting",
  engineError: null,
  restarts: 0,
  lastRestart: null,
  busy: false,
});
