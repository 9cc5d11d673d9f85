/**
 * Devices and tables as the table editor and the inspector use them: the kernel's check of a
 * draft, loading it (with or without resume), and a device's target status lines.
 */

import { WorkerRestartedError } from "../worker/client.ts";
import type { TargetStatus } from "../worker/protocol.ts";
import { deviceTableText } from "./editor/followTable.ts";
import { refreshTopology, requireClient } from "./session.ts";
import { useAppStore } from "./store/index.ts";

/** Validates the editor's draft against the kernel's constructors (no device is touched). */
export async function validateDraft(): Promise<void> {
  const { draft, editorDevice } = useAppStore.getState();
  try {
    const exists = useAppStore.getState().devices.some((d) => d.name === editorDevice);
    const problems = await requireClient().call("validateTable", {
      name: exists ? editorDevice : null,
      table: draft,
    });
    // A newer draft may have been typed meanwhile; only the current one's problems are shown.
    if (useAppStore.getState().draft === draft) {
      useAppStore.setState({ problems, validatedDraft: draft });
    }
  } catch (e) {
    if (e instanceof WorkerRestartedError) return;
    useAppStore.setState({
      problems: [{ line: 0, message: e instanceof Error ? e.message : String(e) }],
      validatedDraft: draft,
    });
  }
}

/** Loads the editor's draft into its device (creating it if needed), resuming when asked. */
export async function loadDraft(resume: boolean): Promise<void> {
  const { draft, editorDevice } = useAppStore.getState();
  const name = editorDevice.trim();
  if (!name) {
    useAppStore.setState({ loadOk: false, loadOutput: "Name the device first." });
    return;
  }
  const existed = useAppStore.getState().devices.some((d) => d.name === name);
  // The tables seen until the load is done are the editor's own: see editor/followTable.ts.
  useAppStore.setState({ editorLoading: true, liveChanged: null });
  let loaded = false;
  try {
    const r = await requireClient().call("loadTable", { name, table: draft, resume });
    recordEditorLoad(name, draft, resume, existed);
    let output = r.output;
    if (r.exitCode !== 0 && resume) {
      // A failed resume leaves the device suspended (do_resume suspends before the swap): I/O to
      // it waits until it is resumed. Say so, and how to get out.
      const state = await requireClient().refreshState();
      const md = state.devices.find((d) => d.name === name);
      if (md?.suspended) output += suspendedAdvice(name, md.live !== null);
    }
    loaded = r.exitCode === 0;
    useAppStore.setState({
      loadOk: r.exitCode === 0,
      loadOutput: output,
      problems: r.problems,
      validatedDraft: draft,
      selectedDevice: name,
    });
  } catch (e) {
    useAppStore.setState({ loadOk: false, loadOutput: e instanceof Error ? e.message : String(e) });
  } finally {
    await refreshTopology();
    const s = useAppStore.getState();
    const d = s.devices.find((x) => x.name === name);
    useAppStore.setState({
      editorLoading: false,
      // The device's table is now what was loaded (or, failed, what it was): the base.
      draftBase: deviceTableText(d) ?? s.draftBase,
      ...(loaded ? { draftEdited: false } : {}),
    });
  }
}

/**
 * The session's record (what a shared scenario replays) gets the commands the worker ran for
 * the editor's load (host.ts #loadTable), with the table as a heredoc, as if typed.
 */
function recordEditorLoad(name: string, table: string, resume: boolean, existed: boolean): void {
  const n = /^[\w.+-]+$/.test(name) ? name : `'${name.replace(/'/g, `'\\''`)}'`;
  const heredoc = (command: string) => `${command} <<'EOF'\n${table.replace(/\n+$/, "")}\nEOF`;
  const commands = existed
    ? [heredoc(`dmsetup load ${n}`), ...(resume ? [`dmsetup resume ${n}`] : [])]
    : resume
      ? [heredoc(`dmsetup create ${n}`)]
      : [`dmsetup create ${n} --notable`, heredoc(`dmsetup load ${n}`)];
  useAppStore.setState((s) => ({ sessionCommands: [...s.sessionCommands, ...commands] }));
}

/** What to do about a device a failed Load & resume left suspended. */
export function suspendedAdvice(name: string, hasLive: boolean): string {
  return (
    `\n${name} is now SUSPENDED: I/O to it waits (a dd to it hangs; Ctrl-C stops it).` +
    (hasLive
      ? ` Fix the table and Load & resume again, or go back to the old table with \`dmsetup resume ${name}\`,`
      : ` Fix the table and Load & resume again,`) +
    ` or remove the device with \`dmsetup remove ${name}\`. Reset returns to the default scenario.\n`
  );
}

/** A device's targets with their INFO and TABLE status lines (the inspector's target state). */
export function targetStatus(name: string): Promise<TargetStatus[]> {
  return requireClient().call("targetStatus", { name });
}
