import type { StateCreator } from "zustand";
import type { AppState } from "./index.ts";

export type PanelId = "console" | "editor";

export interface Notice {
  id: number;
  tone: "info" | "warn" | "error";
  text: string;
}

export interface UiSlice {
  /** The device highlighted across views (stack, editor). */
  selectedDevice: string | null;
  /** Which tab the lower-right area shows. */
  activePanel: PanelId;
  notices: Notice[];
}

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = () => ({
  selectedDevice: null,
  activePanel: "console",
  notices: [],
});
