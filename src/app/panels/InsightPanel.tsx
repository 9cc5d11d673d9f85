/**
 * The lower-left panel's tabs: the disks, and the I/O views drawn from the event history at the
 * playback cursor (outcomes, the lifecycle timeline, the inspector, the target views). The I/O
 * views are lazy: they load when first shown.
 */

import { lazy, Suspense } from "react";
import { setInsightTab } from "../history/actions.ts";
import { useAppStore } from "../store/index.ts";
import type { InsightTab } from "../store/playbackSlice.ts";
import { DiskPanel } from "./DiskPanel.tsx";
import { tabListKeys } from "./tabList.ts";

const OutcomesView = lazy(() => import("../views/OutcomesView.tsx"));
const TimelineView = lazy(() => import("../views/TimelineView.tsx"));
const InspectorView = lazy(() => import("../views/InspectorView.tsx"));
const TargetsView = lazy(() => import("../views/TargetsView.tsx"));

export const INSIGHT_TABS: ReadonlyArray<{ id: InsightTab; title: string; hint: string }> = [
  { id: "disks", title: "Disks", hint: "chunks holding data" },
  { id: "outcomes", title: "Outcomes", hint: "per device and target" },
  { id: "timeline", title: "Timeline", hint: "lifecycle on virtual time" },
  { id: "inspector", title: "Inspector", hint: "a bio's whole life" },
  { id: "target", title: "Target views", hint: "a target type's own state" },
];

export function insightTitle(tab: InsightTab): { title: string; hint: string } {
  return INSIGHT_TABS.find((t) => t.id === tab) ?? INSIGHT_TABS[0]!;
}

export function InsightTabs() {
  const tab = useAppStore((s) => s.insightTab);
  return (
    <div
      className="tabs"
      role="tablist"
      aria-label="Views"
      onKeyDown={tabListKeys(
        INSIGHT_TABS.map((t) => t.id),
        tab,
        setInsightTab,
        (id) => `tab-${id}`,
      )}
    >
      {INSIGHT_TABS.map((t) => (
        <button
          key={t.id}
          type="button"
          role="tab"
          id={`tab-${t.id}`}
          aria-selected={tab === t.id}
          // Roving: only the selected tab is in the Tab order (no attribute: a button is).
          tabIndex={tab === t.id ? undefined : -1}
          aria-controls="insight-body"
          className={tab === t.id ? "on" : ""}
          onClick={() => setInsightTab(t.id)}
        >
          {t.title}
        </button>
      ))}
    </div>
  );
}

export function InsightBody() {
  const tab = useAppStore((s) => s.insightTab);
  const loading = <p className="empty">Loading…</p>;
  return (
    <div id="insight-body" role="tabpanel" aria-labelledby={`tab-${tab}`} className="insight">
      {tab === "disks" ? (
        <DiskPanel />
      ) : (
        <Suspense fallback={loading}>
          {tab === "outcomes" && <OutcomesView />}
          {tab === "timeline" && <TimelineView />}
          {tab === "inspector" && <InspectorView />}
          {tab === "target" && <TargetsView />}
        </Suspense>
      )}
    </div>
  );
}
