/**
 * Module-level actions (zustand's "no store actions" pattern): components import these
 * functions; the store holds only state. Engine-facing actions live in session.ts.
 */
import { tableText } from "../worker/rebuild.ts";
import { useAppStore } from "./store/index.ts";
import type { PanelId } from "./store/uiSlice.ts";

export {
  debugHangWorker,
  interruptCommand,
  loadDraft,
  loadStart,
  loadStop,
  refreshLoads,
  resetSession,
  runCommand,
  setPace,
  startSession,
  step,
  validateDraft,
  watchLoads,
} from "./session.ts";

/** Shows or hides the bio views (the FPS probe's baseline runs without them). */
export function setViewsHidden(viewsHidden: boolean): void {
  useAppStore.setState({ viewsHidden });
}

export function setActivePanel(activePanel: PanelId): void {
  useAppStore.setState({ activePanel });
}

/** Selects a device across the views; the editor follows with its live table. */
export function selectDevice(name: string | null): void {
  useAppStore.setState({ selectedDevice: name });
  if (name) editDevice(name);
}

/** Points the table editor at a device, with its live table (or inactive one) as the draft. */
export function editDevice(name: string): void {
  const d = useAppStore.getState().devices.find((x) => x.name === name);
  const table = d?.live ?? d?.inactive;
  useAppStore.setState({
    editorDevice: name,
    draft: table ? tableText(table) + "\n" : useAppStore.getState().draft,
    problems: [],
    validatedDraft: null,
    loadOutput: "",
    loadOk: null,
  });
}

export function setEditorDevice(editorDevice: string): void {
  useAppStore.setState({ editorDevice, validatedDraft: null });
}

export function setDraft(draft: string): void {
  useAppStore.setState({ draft });
}
