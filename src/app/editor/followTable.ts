/**
 * The table editor follows its device's table: while the user has not edited the draft, the
 * draft is the device's table as the engine has it now (the console may reload, remove or
 * recreate the device at any time); once edited, a change underneath is not applied but told
 * (`liveChanged`), for the user to reload it or keep the draft. Never a stale table silently
 * behind "Load & resume".
 */

import type { DmDeviceInfo } from "../../worker/protocol.ts";
import { tableText } from "../../worker/rebuild.ts";

/** The editor's part of the store that following reads and writes. */
export interface EditorFollowState {
  editorDevice: string;
  draft: string;
  /**
   * The device's table (its live one, else its inactive one, as `dmsetup table` prints it, one
   * line per target and a final newline) the draft was taken from or last loaded into; null
   * when the draft follows no table (a new device, a device without a table).
   */
  draftBase: string | null;
  /** The user changed the draft since it was taken from the device or loaded. */
  draftEdited: boolean;
  /**
   * The editor is loading its draft into the device: each snapshot's table meanwhile is the
   * editor's own doing, it becomes the base and the draft (the user's words) is kept.
   */
  editorLoading: boolean;
  /** The device's table when it changed under an edited draft (null: it did not). */
  liveChanged: string | null;
  selectedDevice: string | null;
}

/** The table the editor shows for a device: its live table, else its inactive one. */
export function deviceTableText(d: DmDeviceInfo | undefined): string | null {
  const table = d?.live ?? d?.inactive;
  return table ? tableText(table) + "\n" : null;
}

/**
 * What following the devices `devices` changes in the editor's state `s` (null: nothing).
 * - the device's table is the base: nothing;
 * - it changed and the draft is not edited: the draft becomes it;
 * - it changed under an edited draft: `liveChanged` says so (the draft is kept);
 * - the device is gone, the draft not edited and the device no longer selected (a Reset, a
 *   lesson, another session): the editor lets go of it (`editorDevice` ""), for the first
 *   device to be taken. A selected device that went away is kept, for its reappearance.
 */
export function followTable(
  s: EditorFollowState,
  devices: readonly DmDeviceInfo[],
): Partial<EditorFollowState> | null {
  if (!s.editorDevice) return null;
  const d = devices.find((x) => x.name === s.editorDevice);
  if (!d) {
    if (s.draftBase !== null && !s.draftEdited && s.selectedDevice !== s.editorDevice) {
      return { editorDevice: "", draftBase: null, liveChanged: null };
    }
    return null;
  }
  const now = deviceTableText(d);
  if (s.editorLoading) return now === s.draftBase ? null : { draftBase: now, liveChanged: null };
  if (now === s.draftBase || now === null) {
    return s.liveChanged !== null ? { liveChanged: null } : null;
  }
  if (!s.draftEdited) return { draft: now, draftBase: now, liveChanged: null };
  return now === s.liveChanged ? null : { liveChanged: now };
}
