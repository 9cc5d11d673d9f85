/**
 * A view of one target type's own state, drawn in the Target views tab for each segment of that type
 * in the selected device's live table at the playback cursor: a striped target's chunk
 * placement, later a thin pool's mapping tree or a snapshot's exception table. A view draws
 * only from what the page can read without asking the worker: the table line and device areas
 * at the cursor (history/topology.ts), the event history before the cursor, and the shared disk
 * buffers. It is registered in index.ts: a new view is one new file and one line there
 * (docs/target-views.md).
 */

import type { ComponentType } from "react";
import type { DiskReader } from "../diskMap.ts";
import type { EventHistory } from "../history/history.ts";
import type { HistoryIndex } from "../history/indexes.ts";
import type { StackDevice } from "../stackLayout.ts";
import type { TargetInfo } from "../../worker/protocol.ts";

export interface TargetViewProps {
  /** The mapped device, as at the cursor. */
  device: StackDevice;
  /** Its device number (major * 2^20 + minor), as event records name it. */
  dev: number;
  /** The segment: its table line (`args` as `dmsetup table` prints them) and device areas. */
  target: TargetInfo;
  /** Its index in the live table (event records name targets by index). */
  index: number;
  /** Records [0, cursor) of `history` are the moment shown: read nothing at or after it. */
  cursor: number;
  history: EventHistory;
  /** Per-bio and per-device chains over the history (history/indexes.ts). */
  records: HistoryIndex;
  /** The shared disk buffers (null before the engine's first state). */
  disks: DiskReader | null;
  /** A block device's name at the cursor ("ram0", "dm-1"), from "major:minor". */
  nameOf(dev: string): string;
}

export interface TargetViewType {
  /** The target type it draws, as registered in the engine ("striped"). */
  type: string;
  /** The view's heading, e.g. "chunk placement". */
  title: string;
  View: ComponentType<TargetViewProps>;
}

/** Typed identity, as the engine's defineTarget: a view file's default export. */
export function defineTargetView(view: TargetViewType): TargetViewType {
  return view;
}
