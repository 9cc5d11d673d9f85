/** The React side of history/topology.ts: the stack at the playback cursor, for the views. */

import { useMemo } from "react";
import { useAppStore } from "../store/index.ts";
import { topologyAt, topologyKey } from "./service.ts";
import type { Topology } from "./topology.ts";

/**
 * The devices and disks at the playback cursor. They change only when the cursor passes a
 * lifecycle record; a new getState (topologyVersion) recomputes them too, since the strings a
 * record names (device names, table descriptions) may arrive after the record itself.
 */
export function useTopologyAtCursor(): Topology {
  const key = useAppStore((s) => topologyKey(s.cursor));
  const strings = useAppStore((s) => s.topologyVersion);
  // The cursor is read when the key changes: the key stands for it.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => topologyAt(useAppStore.getState().cursor), [key, strings]);
}
