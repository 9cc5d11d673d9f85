/**
 * The bio flow over the stack view: a canvas laid over the stack's SVG, the same size, with the
 * same stack (the one at the playback cursor), drawn by FlowView in the frame loop (React only mounts it and passes the layout, the selection and the
 * filter). Lazy: loaded after the first stack is drawn.
 *
 * A click on a bio selects it (the inspector shows its life); a click elsewhere goes through to
 * the stack (a device).
 */

import { useEffect, useMemo, useRef } from "react";
import { selectBio, setFlowFilter } from "../history/actions.ts";
import { useTopologyAtCursor } from "../history/useTopology.ts";
import { layoutStack } from "../stackLayout.ts";
import { useAppStore } from "../store/index.ts";
import { FlowGeometry } from "./flowGeometry.ts";
import { MAP_COLORS, THIN_COLOR } from "./flowDraw.ts";
import { FlowView } from "./flowView.ts";

export default function FlowLayer({ width }: { width: number }) {
  const { devices, blockDevices } = useTopologyAtCursor();
  const hidden = useAppStore((s) => s.viewsHidden);
  const selected = useAppStore((s) => s.selectedBio);
  const filter = useAppStore((s) => s.flowFilter);
  const canvas = useRef<HTMLCanvasElement>(null);
  const summary = useRef<HTMLUListElement>(null);
  const view = useRef<FlowView | null>(null);
  const geo = useMemo(
    () => new FlowGeometry(layoutStack(devices, blockDevices, width), devices, blockDevices),
    [devices, blockDevices, width],
  );

  useEffect(() => {
    if (hidden || !canvas.current) return;
    const v = new FlowView(canvas.current, summary.current);
    view.current = v;
    return () => {
      v.dispose();
      view.current = null;
    };
  }, [hidden]);

  useEffect(() => {
    view.current?.setGeometry(geo, window.devicePixelRatio || 1);
  }, [geo, hidden]);
  useEffect(() => view.current?.setSelection(selected), [selected, hidden]);
  useEffect(() => view.current?.setFilter(filter), [filter, hidden]);

  // Clicks land on the stack's SVG (the canvas lets them through): a bio under the pointer
  // takes the click first.
  useEffect(() => {
    const host = canvas.current?.parentElement;
    if (!host) return;
    const onClick = (ev: MouseEvent) => {
      const c = canvas.current;
      const v = view.current;
      if (!c || !v) return;
      const box = c.getBoundingClientRect();
      // The stack may be drawn scaled (StackView: a CSS transform): back to canvas pixels.
      const k = box.width > 0 ? c.offsetWidth / box.width : 1;
      const hit = v.hitTest((ev.clientX - box.left) * k, (ev.clientY - box.top) * k);
      if (!hit) return;
      ev.stopPropagation();
      selectBio(hit.id);
    };
    const onMove = (ev: MouseEvent) => {
      const c = canvas.current;
      const v = view.current;
      if (!c || !v) return;
      const box = c.getBoundingClientRect();
      // The stack may be drawn scaled (StackView: a CSS transform): back to canvas pixels.
      const k = box.width > 0 ? c.offsetWidth / box.width : 1;
      const hit = v.hitTest((ev.clientX - box.left) * k, (ev.clientY - box.top) * k);
      host.style.cursor = hit ? "pointer" : "";
      host.title = hit ? `bio ${hit.id}: click to inspect` : "";
    };
    host.addEventListener("click", onClick, true);
    host.addEventListener("mousemove", onMove);
    return () => {
      host.removeEventListener("click", onClick, true);
      host.removeEventListener("mousemove", onMove);
    };
  }, [hidden]);

  if (hidden) return null;
  return (
    <>
      <canvas
        ref={canvas}
        className="flow"
        role="img"
        aria-label="bio flow: bios moving through the stack"
        aria-describedby="flow-summary"
      />
      <ul id="flow-summary" className="sr-only" ref={summary} aria-label="bios on screen" />
    </>
  );
}

/** The flow's vocabulary: MapState by colour and shape, reads and writes, held, completion. */
export function FlowLegend() {
  const hidden = useAppStore((s) => s.viewsHidden);
  const filter = useAppStore((s) => s.flowFilter);
  if (hidden) return null;
  const shape = (kind: string, color: string) => {
    switch (kind) {
      case "SUBMITTED":
        return <rect x="1" y="2" width="10" height="8" fill={color} />;
      case "REQUEUE":
        return <path d="M1 10 L6 1 L11 10 Z" fill={color} />;
      case "DELAY_REQUEUE":
        return <path d="M1 6 L4 1.5 L8 1.5 L11 6 L8 10.5 L4 10.5 Z" fill={color} />;
      case "KILL":
        return (
          <path
            d="M2 2 L10 10 M10 2 L2 10"
            stroke={color}
            strokeWidth="2.2"
            strokeLinecap="round"
          />
        );
      default:
        return <rect x="1" y="2" width="10" height="8" rx="4" fill={color} />;
    }
  };
  const items: Array<[string, string]> = [
    ["not mapped yet", "NONE"],
    ["REMAPPED", "REMAPPED"],
    ["SUBMITTED", "SUBMITTED"],
    ["REQUEUE", "REQUEUE"],
    ["DELAY_REQUEUE", "DELAY_REQUEUE"],
    ["KILL", "KILL"],
  ];
  return (
    <ul className="legend flow-legend" aria-label="bio legend">
      {filter && (
        <li>
          <button type="button" className="flow-filter" onClick={() => setFlowFilter(null)}>
            showing only {filter.label} <span aria-hidden="true">✕</span>
          </button>
        </li>
      )}
      {items.map(([label, key]) => (
        <li key={key}>
          <svg width="12" height="12" aria-hidden="true">
            {shape(key, MAP_COLORS[key]!)}
          </svg>{" "}
          {label}
        </li>
      ))}
      <li>
        <svg width="24" height="12" aria-hidden="true">
          <rect x="1" y="2" width="9" height="8" rx="4" fill="#c9d3e6" />
          <rect
            x="14"
            y="2.5"
            width="9"
            height="7"
            rx="3.5"
            fill="none"
            stroke="#c9d3e6"
            strokeWidth="1.6"
          />
        </svg>{" "}
        write · read
      </li>
      <li>
        <svg width="12" height="12" aria-hidden="true">
          <rect
            x="1.5"
            y="1.5"
            width="9"
            height="9"
            fill="none"
            stroke="#ffc857"
            strokeWidth="1.5"
          />
        </svg>{" "}
        held (suspended)
      </li>
      <li>
        <svg width="14" height="12" aria-hidden="true">
          <rect
            x="1"
            y="1"
            width="12"
            height="10"
            rx="5"
            fill="none"
            stroke="#3ddc97"
            strokeWidth="1.5"
          />
        </svg>{" "}
        completed OK
      </li>
      <li>
        <svg width="14" height="12" aria-hidden="true">
          <rect
            x="1"
            y="1"
            width="12"
            height="10"
            rx="3"
            fill="none"
            stroke="#ff4d5e"
            strokeWidth="2"
          />
        </svg>{" "}
        error
      </li>
      <li title="a thin target looked the bio's block up (dot), or allocated a data block for it (dotted outline)">
        <svg width="16" height="12" aria-hidden="true">
          <rect
            x="1"
            y="1.5"
            width="12"
            height="9"
            fill="none"
            stroke={THIN_COLOR}
            strokeWidth="1.2"
            strokeDasharray="1.5 2"
          />
          <circle cx="13" cy="2" r="2" fill={THIN_COLOR} />
        </svg>{" "}
        thin lookup · alloc
      </li>
    </ul>
  );
}
