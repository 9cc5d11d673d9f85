/** The React side of history/topology.ts: the stack at the playback cursor, for the views. */

import { useMemo } from "react";
import { useAppStore } from "../store/index.ts";
import { historyLossy, topologyAt, topologyKey } from "./service.ts";
import { withUnknownDevices, type Topology } from "./topology.ts";

/**
 * The devices and disks at the playback cursor. They change only when the cursor passes a
 * lifecycle record; a new getState (topologyVersion) recomputes them too, since the strings a
 * record names (device names, table descriptions) may arrive after the record itself.
 *
 * When the ring has dropped events since the history began, the stack at the head is the
 * engine's own (getState), since a dropped record may have been a change of the stack; past
 * cursors still show what the history holds.
 *
 * A block device a table uses but no event introduced (a kind of device whose driver records
 * no disk_create) is named as the engine names it now: names of such devices are not history.
 */
export function useTopologyAtCursor(): Topology {
  const key = useAppStore((s) => topologyKey(s.cursor));
  const strings = useAppStore((s) => s.topologyVersion);
  const present = useAppStore((s) => s.blockDevices);
  const presentDevices = useAppStore((s) => s.devices);
  // Live, after the ring dropped events: the engine's own state (the history may miss a change).
  const fallback = useAppStore((s) => s.cursor >= s.head && historyLossy(s.eventsDropped));
  return useMemo(
    () =>
      fallback
        ? { devices: presentDevices, blockDevices: present }
        : withUnknownDevices(topologyAt(useAppStore.getState().cursor), present),
    // The cursor is read when the key changes: the key stands for it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key, strings, present, presentDevices, fallback],
  );
}
