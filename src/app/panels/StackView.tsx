/**
 * The device stack, drawn with D3 into SVG: the devices, their table segments and what each
 * maps onto as they were at the playback cursor (history/topology.ts: rebuilt from the events,
 * so scrubbing back before a create, a reload or a remove draws the stack of that moment). Nodes
 * are keyed by their path from the root, so a table swap morphs segments in place instead of
 * redrawing the picture.
 *
 * Accessibility: every device is a group named "device <name>" containing its targets, each an
 * image named "target <type> <start>+<length>", containing what it maps onto.
 */

import { select, transition, type BaseType, type Selection, type Transition } from "d3";
import { lazy, Suspense, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { selectDevice } from "../actions.ts";
import {
  fitScale,
  flatten,
  layoutStack,
  ROW,
  tabStops,
  toneColor,
  type StackNode,
} from "../stackLayout.ts";
import { useAppStore } from "../store/index.ts";
import { useTopologyAtCursor } from "../history/useTopology.ts";

const DURATION = 250;

// The bio flow: a canvas over this SVG, loaded after the first stack is drawn.
const FlowLayer = lazy(() => import("../flow/FlowLayer.tsx"));
const FlowLegend = lazy(() =>
  import("../flow/FlowLayer.tsx").then((m) => ({ default: m.FlowLegend })),
);

function useWidth(ref: React.RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(el.clientWidth);
    const ro = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.floor(entry.contentRect.width));
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return width;
}

/**
 * The height the stack's drawing may take: its panel body's (the wrap's parent), less the wrap's
 * own vertical padding. 0 until measured.
 */
function useRoom(ref: React.RefObject<HTMLElement | null>): number {
  const [room, setRoom] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    const body = el?.parentElement;
    if (!el || !body) return;
    const measure = () => {
      const s = getComputedStyle(el);
      const pad = parseFloat(s.paddingTop) + parseFloat(s.paddingBottom);
      setRoom(Math.max(0, Math.floor(body.clientHeight - pad)));
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(body);
    return () => ro.disconnect();
  }, [ref]);
  return room;
}

/** Text that fits `w` pixels at roughly 7 px per character, or nothing. */
function fit(text: string, w: number, charPx = 7): string {
  const room = Math.floor((w - 14) / charPx);
  if (room >= text.length) return text;
  if (room < 3) return "";
  return `${text.slice(0, room - 1)}…`;
}

type G = Selection<SVGGElement, StackNode, SVGGElement, unknown>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- d3 types a shared transition this way
type T = Transition<BaseType, any, any, any>;

function renderLevel(
  parent: Selection<SVGGElement, unknown, null, undefined> | G,
  nodes: StackNode[],
  selected: string | null,
  t: T,
  stops: ReadonlySet<string>,
) {
  const groups = (parent as Selection<SVGGElement, unknown, null, undefined>)
    .selectChildren<SVGGElement, StackNode>("g.node")
    .data(nodes, (d) => d.key)
    .join(
      (enter) => {
        const g = enter.append("g").attr("class", "node").attr("opacity", 0);
        g.append("rect").attr("class", "box");
        g.append("line").attr("class", "link");
        g.append("text").attr("class", "label");
        g.append("text").attr("class", "sub");
        g.append("text").attr("class", "flags");
        g.append("g").attr("class", "kids");
        g.attr("data-enter", "1");
        return g;
      },
      // A node that comes back while it is still fading out (a Reset removes every device and
      // the scenario makes them again within DURATION) must not be removed at the end of that
      // fade: cancel it (the stack stayed empty until the next redraw otherwise).
      (update) => update.interrupt(),
      // A node fading out is gone for the keyboard and assistive technology at once (a device
      // redrawn under another key would otherwise be there twice while it fades).
      (exit) =>
        exit
          .attr("aria-hidden", "true")
          .attr("tabindex", null)
          .attr("role", null)
          .transition(t)
          .attr("opacity", 0)
          .remove(),
    );

  groups
    .attr(
      "class",
      (d) =>
        `node ${d.kind}${d.device && d.device === selected && d.kind === "device" ? " selected" : ""}`,
    )
    .attr("role", (d) => (d.kind === "target" ? "img" : "group"))
    .attr("aria-hidden", null)
    .attr("aria-label", (d) => d.aria)
    .attr("data-key", (d) => d.key)
    .attr("tabindex", (d) => (d.kind !== "device" ? null : stops.has(d.key) ? 0 : -1))
    .style("--tone", (d) => toneColor(d.tone));

  const entering = groups.filter(function () {
    return this.getAttribute("data-enter") === "1";
  });
  entering.attr("data-enter", null);
  // New nodes appear in place; existing ones glide to their new geometry.
  entering.select<SVGRectElement>("rect.box").call(place);
  entering.transition(t).attr("opacity", 1);
  groups
    .filter((_, i, all) => !entering.nodes().includes(all[i] as SVGGElement))
    .attr("opacity", 1);

  groups
    .select<SVGRectElement>("rect.box")
    .transition(t)
    .call((tr) =>
      tr
        .attr("x", (d) => d.x + 1)
        .attr("y", (d) => d.y)
        .attr("width", (d) => Math.max(0, d.w - 2))
        .attr("height", (d) => d.h),
    )
    .attr("rx", (d) => (d.kind === "target" ? 4 : 8));

  groups
    .select<SVGLineElement>("line.link")
    .attr("x1", (d) => d.x + d.w / 2)
    .attr("x2", (d) => d.x + d.w / 2)
    .attr("y1", (d) => d.y - ROW.gap)
    .attr("y2", (d) => d.y)
    .attr("visibility", (d) => (d.depth === 0 ? "hidden" : "visible"));

  groups
    .select<SVGTextElement>("text.label")
    .attr("x", (d) => d.x + 10)
    .attr("y", (d) => d.y + (d.kind === "target" ? 19 : 21))
    .text((d) => fit(d.label, d.w, 7.6));
  groups
    .select<SVGTextElement>("text.sub")
    .attr("x", (d) => d.x + 10)
    .attr("y", (d) => d.y + (d.kind === "target" ? 35 : 39))
    .text((d) => fit(d.sub, d.w, 6.6));
  groups
    .select<SVGTextElement>("text.flags")
    .attr("x", (d) => d.x + d.w - 10)
    .attr("y", (d) => d.y + 21)
    .attr("text-anchor", "end")
    .text((d) => (d.w > 260 ? d.flags.join(" · ") : d.flags.length ? "●" : ""));

  groups.each(function (d) {
    renderLevel(
      select(this).select<SVGGElement>("g.kids") as unknown as G,
      d.children,
      selected,
      t,
      stops,
    );
  });
}

function place(rect: Selection<SVGRectElement, StackNode, SVGGElement, unknown>) {
  rect
    .attr("x", (d) => d.x + 1)
    .attr("y", (d) => d.y)
    .attr("width", (d) => Math.max(0, d.w - 2))
    .attr("height", (d) => d.h);
}

function legendTypes(devices: readonly { live: { type: string }[] | null }[]): string[] {
  const types = new Set<string>();
  for (const d of devices) for (const t of d.live ?? []) types.add(t.type);
  return [...types].sort();
}

function Legend({ types }: { types: string[] }) {
  return (
    <ul className="legend" aria-label="legend">
      <li>
        <span className="swatch device" /> dm device
      </li>
      {types.map((t) => (
        <li key={t}>
          <span className="swatch" style={{ background: toneColor(t) }} /> {t} target
        </li>
      ))}
      <li>
        <span className="swatch disk" /> disk
      </li>
      <li className="dim">sizes and ranges in 512-byte sectors: start+length</li>
    </ul>
  );
}

export function StackView() {
  const wrap = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const width = useWidth(wrap);
  const room = useRoom(wrap);
  const { devices, blockDevices } = useTopologyAtCursor();
  const selected = useAppStore((s) => s.selectedDevice);
  const status = useAppStore((s) => s.engineStatus);
  // A stack deeper than the panel is drawn smaller so that all of it shows (its height does not
  // depend on the width): laid out at width / scale, then scaled down to the panel's width.
  const scale = useMemo(
    () => fitScale(layoutStack(devices, blockDevices, 0).height, room),
    [devices, blockDevices, room],
  );
  const logical = scale < 1 ? Math.floor(width / scale) : width;
  const layout = useMemo(
    () => layoutStack(devices, blockDevices, logical),
    [devices, blockDevices, logical],
  );
  const drawnHeight = Math.ceil(Math.max(layout.height, 40) * scale);
  const more = room > 0 && drawnHeight > room;

  useEffect(() => {
    if (!svg.current || logical === 0) return;
    const root = select(svg.current).select<SVGGElement>("g.stack-root");
    const t = transition().duration(DURATION) as unknown as T;
    renderLevel(root, layout.roots, selected, t, tabStops(layout.roots));
    svg.current.dataset.nodes = String(flatten(layout.roots).length);
  }, [layout, logical, selected]);

  const onClick = (ev: React.MouseEvent | React.KeyboardEvent) => {
    const g = (ev.target as Element).closest("g.node.device");
    const key = g?.getAttribute("data-key");
    if (!key) return;
    const node = flatten(layout.roots).find((n) => n.key === key);
    if (node?.device) selectDevice(node.device);
  };

  return (
    <div className="stack-wrap" ref={wrap}>
      {layout.roots.length === 0 && (
        <p className="empty">
          {status === "ready"
            ? "No device-mapper devices. Create one in the console or the table editor."
            : "Starting the engine…"}
        </p>
      )}
      <div
        className="stack-fit"
        style={scale < 1 ? { height: drawnHeight } : undefined}
        data-scale={scale.toFixed(3)}
      >
        <div
          className="stack-canvas"
          style={
            scale < 1
              ? { width: logical, transform: `scale(${scale})`, transformOrigin: "0 0" }
              : undefined
          }
        >
          <svg
            ref={svg}
            className="stack"
            role="group"
            aria-label="device stack"
            width={logical}
            height={Math.max(layout.height, 40)}
            onClick={onClick}
            onKeyDown={(ev) => {
              if (ev.key !== "Enter" && ev.key !== " ") return;
              // The focused device box itself, not the one it is drawn in.
              if (!(ev.target as Element).matches("g.node.device")) return;
              ev.preventDefault();
              onClick(ev);
            }}
          >
            <g className="stack-root" />
          </svg>
          {layout.roots.length > 0 && logical > 0 && (
            <Suspense fallback={null}>
              <FlowLayer width={logical} />
            </Suspense>
          )}
        </div>
      </div>
      {more && (
        <p className="stack-more" aria-hidden="true">
          ↓ more of the stack below: scroll
        </p>
      )}
      {layout.roots.length > 0 && <Legend types={legendTypes(devices)} />}
      {layout.roots.length > 0 && (
        <Suspense fallback={null}>
          <FlowLegend />
        </Suspense>
      )}
    </div>
  );
}
