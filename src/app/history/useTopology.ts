/** The React side of history/topology.ts: the stack at the playback cursor, for the views. */

import { useMemo } from "react";
import { useAppStore } from "../store/index.ts";
import { topologyAt, topologyKey } from "./service.ts";
import { withUnknownDevices, type Topology } from "./topology.ts";

/**
 * The devices and disks at the playback cursor. They change only when the cursor passes a
 * lifecycle record; a new getState (topologyVersion) recomputes them too, since the strings a
 * record names (device names, table descriptions) may arrive after the record itself.
 *
 * A block device a table uses but no event introduced (a kind of device whose driver records
 * no disk_create) is named as the engine names it now: names of such devices are not history.
 */
export function useTopologyAtCursor(): Topology {
  const key = useAppStore((s) => topologyKey(s.cursor));
  const strings = useAppStore((s) => s.topologyVersion);
  const present = useAppStore((s) => s.blockDevices);
  return useMemo(
    () => withUnknownDevices(topologyAt(useAppStore.getState().cursor), present),
    // The cursor is read when the key changes: the key stands for it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key, strings, present],
  );
}
