import type { StateCreator } from "zustand";
import type { TableProblem } from "../../worker/protocol.ts";
import type { AppState } from "./index.ts";

export interface EditorSlice {
  /** The device the editor loads into (an existing one, or a name for a new one). */
  editorDevice: string;
  draft: string;
  /** The kernel's messages for the draft, as the worker's validateTable returned them. */
  problems: TableProblem[];
  /** The draft the problems belong to (they are stale when it differs from `draft`). */
  validatedDraft: string | null;
  /** What the last load printed. */
  loadOutput: string;
  loadOk: boolean | null;
  /** Following the device's table: see editor/followTable.ts. */
  draftBase: string | null;
  draftEdited: boolean;
  editorLoading: boolean;
  liveChanged: string | null;
}

export const createEditorSlice: StateCreator<AppState, [], [], EditorSlice> = () => ({
  editorDevice: "",
  draft: "",
  problems: [],
  validatedDraft: null,
  loadOutput: "",
  loadOk: null,
  draftBase: null,
  draftEdited: false,
  editorLoading: false,
  liveChanged: null,
});
