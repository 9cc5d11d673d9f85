/**
 * The Target views tab: the registered target views (targetViews/) of each segment of the selected
 * device's live table at the playback cursor, or of every device's when none is selected (or
 * the selected one has no segment with a view).
 */

import "../targetViews/targetViews.css";
import { getDiskReader } from "../session.ts";
import { history, index } from "../history/service.ts";
import { parseDev } from "../history/model.ts";
import { useTopologyAtCursor } from "../history/useTopology.ts";
import { useAppStore } from "../store/index.ts";
import { TARGET_VIEWS, viewsFor } from "../targetViews/index.ts";

export default function TargetsView() {
  const cursor = useAppStore((s) => s.cursor);
  const selected = useAppStore((s) => s.selectedDevice);
  const { devices, blockDevices } = useTopologyAtCursor();
  const names = new Map(blockDevices.map((b) => [b.dev, b.name]));
  for (const d of devices) names.set(d.dev, d.name);
  const nameOf = (dev: string) => names.get(dev) ?? dev;
  const shown = (list: typeof devices) =>
    list.flatMap((device) =>
      (device.live ?? []).flatMap((target, i) =>
        viewsFor(target.type).map((view) => ({ device, target, index: i, view })),
      ),
    );
  const mine = shown(devices.filter((d) => d.name === selected));
  const items = mine.length > 0 ? mine : shown(devices);
  const c = Math.max(history.base, Math.min(cursor, history.head));
  if (items.length === 0) {
    return (
      <p className="empty">
        No segment at the cursor has a view of its own. Target types with one:{" "}
        {TARGET_VIEWS.map((v) => v.type).join(", ")}.
      </p>
    );
  }
  return (
    <div className="target-views" aria-label="target views">
      {items.map(({ device, target, index: i, view }) => (
        <section
          key={`${device.dev}/${i}/${view.type}/${view.title}`}
          aria-label={`${device.name} ${target.type} ${target.start}+${target.length} ${view.title}`}
        >
          <h3>
            {device.name} · {target.type} {target.start}+{target.length} · {view.title}
          </h3>
          <view.View
            device={device}
            dev={parseDev(device.dev)}
            target={target}
            index={i}
            cursor={c}
            history={history}
            records={index}
            disks={getDiskReader()}
            nameOf={nameOf}
          />
        </section>
      ))}
    </div>
  );
}
