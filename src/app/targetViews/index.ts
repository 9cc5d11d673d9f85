/**
 * The target views, one file each (targetView.ts). A new view is one new file and one line
 * here; the Target views tab shows every registered view of each segment of the selected device.
 */

import logWrites from "./log-writes.tsx";
import mirror from "./mirror.tsx";
import snapshotMerge, { snapshotView } from "./snapshot.tsx";
import striped from "./striped.tsx";
import thinPool from "./thin-pool.tsx";
import type { TargetViewType } from "./targetView.ts";

export const TARGET_VIEWS: readonly TargetViewType[] = [
  striped,
  logWrites,
  snapshotView,
  snapshotMerge,
  thinPool,
  mirror,
];

/** The views registered for a target type, in registration order. */
export function viewsFor(type: string): TargetViewType[] {
  return TARGET_VIEWS.filter((v) => v.type === type);
}
