/**
 * Module-level actions (zustand's "no store actions" pattern): components import these
 * functions; the store holds only state. Engine-facing actions live in session.ts.
 */
import { deviceTableText, followTable } from "./editor/followTable.ts";
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
  const table = deviceTableText(d);
  useAppStore.setState({
    editorDevice: name,
    draft: table ?? useAppStore.getState().draft,
    draftBase: table,
    draftEdited: false,
    editorLoading: false,
    liveChanged: null,
    problems: [],
    validatedDraft: null,
    loadOutput: "",
    loadOk: null,
  });
}

/** The editor names a new device (no table to follow). */
export function setEditorDevice(editorDevice: string): void {
  useAppStore.setState({
    editorDevice,
    validatedDraft: null,
    draftBase: null,
    liveChanged: null,
  });
}

/** The user's draft (typed, an example): no longer the device's table. */
export function setDraft(draft: string): void {
  useAppStore.setState({ draft, draftEdited: true });
}

/** The editor follows its device's table as the engine now has it (editor/followTable.ts). */
export function followEditorTable(): void {
  const s = useAppStore.getState();
  const change = followTable(s, s.devices);
  if (!change) return;
  useAppStore.setState(
    change.draft !== undefined ? { ...change, problems: [], validatedDraft: null } : change,
  );
}

/** The device's table changed under an edited draft: take it (reload) or keep the draft. */
export function resolveLiveChange(reload: boolean): void {
  const { liveChanged } = useAppStore.getState();
  if (liveChanged === null) return;
  useAppStore.setState(
    reload
      ? {
          draft: liveChanged,
          draftBase: liveChanged,
          draftEdited: false,
          liveChanged: null,
          problems: [],
          validatedDraft: null,
        }
      : { draftBase: liveChanged, liveChanged: null },
  );
}
