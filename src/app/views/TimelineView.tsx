/**
 * The lifecycle timeline (D3 into SVG): one lane per device on a virtual-time axis, with its
 * creation, table loads and swaps, target constructors and destructors, pre/post suspend,
 * pre/resume, messages, removal and target faults, and amber bands while it is suspended. Events
 * at one virtual instant (most of a `dmsetup create`) are fanned out a few pixels apart in
 * order; "event order" spaces every event evenly instead. Wheel zooms, drag pans; hovering an
 * event shows it; clicking one moves the playback cursor just past it.
 */

import {
  axisBottom,
  scaleLinear,
  select,
  zoom,
  zoomIdentity,
  type ScaleLinear,
  type ZoomTransform,
} from "d3";
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { EV, isBioStep } from "../../engine/events.ts";
import { scrubTo, selectBio } from "../history/actions.ts";
import { history, lifecycle } from "../history/service.ts";
import { formatTime } from "../panels/PlaybackBar.tsx";
import { useAppStore } from "../store/index.ts";
import { describeLife, laneModel, lifeEvent, type Lane, type LifeEvent } from "./timelineModel.ts";

const LANE_H = 30;
const LEFT = 96;
const TOP = 8;
const AXIS_H = 24;
const FAN = 11;

type Axis = "time" | "order";

interface Placed {
  e: LifeEvent;
  lane: number;
  /** Position on the axis before zoom: ns (time) or ordinal (order), plus a fan-out in px. */
  at: number;
  fan: number;
}

const MARK: Record<number, { color: string; shape: string }> = {
  [EV.DEVICE_CREATE]: { color: "#3ddc97", shape: "circle" },
  [EV.DISK_CREATE]: { color: "#5b6b86", shape: "circle" },
  [EV.DEVICE_REMOVE]: { color: "#ff6b7a", shape: "cross" },
  [EV.DISK_REMOVE]: { color: "#ff6b7a", shape: "cross" },
  [EV.DEVICE_RENAME]: { color: "#c9d3e6", shape: "diamond" },
  [EV.TABLE_LOAD]: { color: "#7aa2ff", shape: "square" },
  [EV.TABLE_SWAP]: { color: "#a979ff", shape: "square" },
  [EV.TABLE_CLEAR]: { color: "#8591a7", shape: "square" },
  [EV.TARGET_CTR]: { color: "#7aa2ff", shape: "tick" },
  [EV.TARGET_DTR]: { color: "#8591a7", shape: "tick" },
  [EV.TARGET_PRESUSPEND]: { color: "#ffc857", shape: "bar" },
  [EV.TARGET_POSTSUSPEND]: { color: "#ffc857", shape: "bar" },
  [EV.DEVICE_SUSPEND]: { color: "#ffc857", shape: "pause" },
  [EV.TARGET_PRERESUME]: { color: "#3ddc97", shape: "bar" },
  [EV.TARGET_RESUME]: { color: "#3ddc97", shape: "bar" },
  [EV.DEVICE_RESUME]: { color: "#3ddc97", shape: "play" },
  [EV.TARGET_MESSAGE]: { color: "#70d6ff", shape: "diamond" },
  [EV.TARGET_FAULT]: { color: "#ff4d5e", shape: "triangle" },
  [EV.DISK_FAULT]: { color: "#ff8a3d", shape: "triangle" },
  [EV.DISK_CONFIG]: { color: "#ffc857", shape: "diamond" },
  [EV.POWER_CUT]: { color: "#ff8a3d", shape: "cross" },
  [EV.THIN_ALLOC]: { color: "#b48cff", shape: "diamond" },
};

function markPath(shape: string): string {
  switch (shape) {
    case "circle":
      return "M0,-5a5,5 0 1,0 0.01,0Z";
    case "cross":
      return "M-4,-4L4,4M4,-4L-4,4";
    case "diamond":
      return "M0,-5L5,0L0,5L-5,0Z";
    case "square":
      return "M-4,-4H4V4H-4Z";
    case "tick":
      return "M0,-6V6";
    case "bar":
      return "M-1.5,-5H1.5V5H-1.5Z";
    case "pause":
      return "M-4,-5H-1V5H-4ZM1,-5H4V5H1Z";
    case "play":
      return "M-4,-5L5,0L-4,5Z";
    case "triangle":
      return "M0,-6L6,5H-6Z";
    default:
      return "M-3,-3H3V3H-3Z";
  }
}

function useWidth(ref: React.RefObject<HTMLElement | null>): number {
  const [w, setW] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setW(el.clientWidth);
    const ro = new ResizeObserver(([e]) => e && setW(Math.floor(e.contentRect.width)));
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return w;
}

export default function TimelineView() {
  const cursor = useAppStore((s) => s.cursor);
  const cursorTime = useAppStore((s) => s.cursorTime);
  const [chosen, setAxis] = useState<Axis | null>(null);
  const [hover, setHover] = useState<{ e: LifeEvent; name: string; x: number; y: number } | null>(
    null,
  );
  const wrap = useRef<HTMLDivElement>(null);
  const svg = useRef<SVGSVGElement>(null);
  const transform = useRef<ZoomTransform>(zoomIdentity);
  const width = useWidth(wrap);
  // Only lifecycle records before the cursor, so the model changes only when one is passed.
  const count = lifecycle.countBefore(cursor);
  const epoch = history.epoch;

  const events = useMemo(() => {
    const out: LifeEvent[] = [];
    for (let n = 0; n < count; n++) {
      out.push(lifeEvent(lifecycle.record(n), lifecycle.indices[n]!, (id) => history.string(id)));
    }
    return out;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- epoch: a new engine, new events
  }, [count, epoch]);

  // Commands that take no virtual time (most of them: a create, a suspend with nothing in
  // flight) pile up at one instant; then event order reads better, unless asked otherwise.
  const distinct = new Set(events.map((e) => e.time)).size;
  const axis: Axis = chosen ?? (distinct >= Math.max(2, events.length / 4) ? "time" : "order");

  const { lanes, placed } = useMemo(() => {
    // One lane per device life: a number reused after a remove is another lane.
    const { lanes, laneOf } = laneModel(events);
    const position = new Map(lanes.map((l, i) => [l, i]));
    const placed: Placed[] = [];
    const tie = new Map<string, number>();
    events.forEach((e, i) => {
      const owner = laneOf.get(e.index);
      const lane = owner ? (position.get(owner) ?? 0) : 0;
      const k = `${lane}:${e.time}`;
      const fan = axis === "time" ? (tie.get(k) ?? 0) : 0;
      tie.set(k, fan + 1);
      placed.push({ e, lane, at: axis === "time" ? e.time : i, fan: fan * FAN });
    });
    return { lanes, placed };
  }, [events, axis]);

  const height = TOP + lanes.length * LANE_H + AXIS_H;

  // The axis before zoom: virtual time, or event order.
  const base = useMemo((): ScaleLinear<number, number> => {
    const inner = Math.max(40, width - LEFT - 70);
    if (axis === "order") {
      return scaleLinear()
        .domain([-0.5, Math.max(0.5, placed.length - 0.5)])
        .range([LEFT + 10, LEFT + 10 + inner]);
    }
    const times = placed.map((p) => p.e.time);
    const lo = times.length ? Math.min(...times) : 0;
    const hi = Math.max(lo, ...times, cursorTime);
    const pad = Math.max(1, (hi - lo) * 0.04);
    return scaleLinear()
      .domain([lo - pad, hi + pad])
      .range([LEFT + 10, LEFT + 10 + inner]);
  }, [axis, placed, width, cursorTime]);

  useEffect(() => {
    const el = svg.current;
    if (!el || width === 0) return;
    const root = select(el);
    const draw = () => {
      const x = transform.current.rescaleX(base);
      const ax = root.select<SVGGElement>("g.axis");
      ax.attr("transform", `translate(0,${TOP + lanes.length * LANE_H + 2})`).call(
        axisBottom(x)
          .ticks(Math.max(2, Math.floor((width - LEFT) / 110)))
          .tickFormat((d) => {
            const v = Number(d);
            if (axis === "time") return formatTime(Math.max(0, v));
            const p = placed[Math.round(v)];
            return p && Math.abs(v - Math.round(v)) < 1e-6 ? `#${p.e.index}` : "";
          }),
      );
      ax.selectAll("text").attr("fill", "#8591a7");
      ax.selectAll("line,path").attr("stroke", "#2c3850");

      root
        .select("g.lanes")
        .selectAll<SVGGElement, Lane>("g.lane")
        .data(lanes, (l) => l.key)
        .join((enter) => {
          const g = enter.append("g").attr("class", "lane");
          g.append("line").attr("class", "lane-line");
          g.append("text").attr("class", "lane-name");
          g.append("g").attr("class", "spans");
          return g;
        })
        .attr("transform", (_l, i) => `translate(0,${TOP + i * LANE_H + LANE_H / 2})`)
        .attr("role", "listitem")
        .attr("aria-label", (l) => `lane ${l.name}`)
        .call((g) =>
          g
            .select("line.lane-line")
            .attr("x1", LEFT)
            .attr("x2", width - 8)
            .attr("stroke", "#222b3b"),
        )
        .call((g) =>
          g
            .select("text.lane-name")
            .attr("x", 8)
            .attr("dy", "0.35em")
            .attr("fill", (l) => (l.kind === "dm" ? "#d7dde8" : "#8591a7"))
            .text((l) => l.name),
        )
        .each(function (l) {
          select(this)
            .select("g.spans")
            .selectAll("rect")
            .data(l.suspended)
            .join("rect")
            .attr("x", (s) =>
              Math.max(LEFT, x(axis === "time" ? s.from : ordinalOf(placed, s.fromIndex))),
            )
            .attr("width", (s) => {
              const from = Math.max(
                LEFT,
                x(axis === "time" ? s.from : ordinalOf(placed, s.fromIndex)),
              );
              const to =
                s.to === null
                  ? width - 8
                  : x(axis === "time" ? s.to : ordinalAfter(placed, s.fromIndex, l.dev));
              return Math.max(3, Math.min(width - 8, to) - from);
            })
            .attr("y", -8)
            .attr("height", 16)
            .attr("rx", 3)
            .attr("fill", "rgba(255, 200, 87, 0.16)")
            .attr("stroke", "rgba(255, 200, 87, 0.5)");
        });

      root
        .select("g.marks")
        .selectAll<SVGPathElement, Placed>("path.mark")
        .data(placed, (p) => String(p.e.index))
        .join("path")
        .attr("class", "mark")
        .attr("d", (p) => markPath(MARK[p.e.type]?.shape ?? ""))
        .attr(
          "transform",
          (p) => `translate(${x(p.at) + p.fan},${TOP + p.lane * LANE_H + LANE_H / 2})`,
        )
        .attr("fill", (p) => {
          const m = MARK[p.e.type];
          return m && !["cross", "tick"].includes(m.shape) ? m.color : "none";
        })
        .attr("stroke", (p) => MARK[p.e.type]?.color ?? "#ccc")
        .attr("stroke-width", (p) =>
          ["cross", "tick"].includes(MARK[p.e.type]?.shape ?? "") ? 2 : 0.8,
        )
        .attr("visibility", (p) => (x(p.at) + p.fan < LEFT ? "hidden" : "visible"))
        .attr("tabindex", 0)
        .attr("role", "img")
        .attr(
          "aria-label",
          (p) => `${describeLife(p.e, lanes[p.lane]?.name ?? "")} at ${formatTime(p.e.time)}`,
        );

      const cx = axis === "time" ? x(cursorTime) : x(Math.max(-0.5, placed.length - 0.5));
      root
        .select("line.cursor")
        .attr("x1", cx)
        .attr("x2", cx)
        .attr("y1", TOP - 4)
        .attr("y2", TOP + lanes.length * LANE_H)
        .attr("visibility", cx >= LEFT ? "visible" : "hidden");
    };
    draw();
    const z = zoom<SVGSVGElement, unknown>()
      .scaleExtent([1, 1e6])
      .translateExtent([
        [LEFT, 0],
        [width, height],
      ])
      .extent([
        [LEFT, 0],
        [width, height],
      ])
      .on("zoom", (ev: { transform: ZoomTransform }) => {
        transform.current = ev.transform;
        draw();
      });
    root.call(z).on("dblclick.zoom", null);
    root.call(z.transform, transform.current);
    return () => {
      root.on(".zoom", null);
    };
  }, [base, lanes, placed, width, height, axis, cursorTime]);

  const onMove = (ev: React.MouseEvent) => {
    const t = ev.target as Element;
    if (!t.classList.contains("mark")) {
      if (hover) setHover(null);
      return;
    }
    const p = select<Element, Placed>(t).datum();
    const box = wrap.current?.getBoundingClientRect();
    setHover({
      e: p.e,
      name: lanes[p.lane]?.name ?? "",
      x: ev.clientX - (box?.left ?? 0),
      y: ev.clientY - (box?.top ?? 0),
    });
  };
  /** Focus the inspector's title once it is drawn (the tab switch renders it a frame later). */
  const focusInspectorTitle = (tries = 20): void => {
    requestAnimationFrame(() => {
      const title = document.querySelector<HTMLElement>(".inspector .insp-title");
      title?.focus();
      if (document.activeElement !== title && tries > 0) focusInspectorTitle(tries - 1);
    });
  };
  const onClick = (ev: React.MouseEvent | React.KeyboardEvent) => {
    const t = ev.target as Element;
    if (!t.classList.contains("mark")) return;
    const e = select<Element, Placed>(t).datum().e;
    scrubTo(e.index + 1);
    // A step of a bio's life (thin_alloc, a fault on a bio): the inspector shows that bio.
    if (isBioStep(e.type) && e.bio !== 0) selectBio(e.bio);
  };

  return (
    <div className="timeline" ref={wrap}>
      <div className="timeline-head">
        <span className="dim">
          {placed.length} lifecycle events · wheel to zoom, drag to pan · click one to move the
          cursor there (a bio&apos;s step, such as a thin alloc, opens that bio in the inspector)
        </span>
        <span className="spacer" />
        <div role="radiogroup" aria-label="Axis" className="seg">
          {(["time", "order"] as const).map((a) => (
            <button
              key={a}
              type="button"
              role="radio"
              aria-checked={axis === a}
              className={axis === a ? "on" : ""}
              onClick={() => {
                transform.current = zoomIdentity;
                setAxis(a);
              }}
            >
              {a === "time" ? "virtual time" : "event order"}
            </button>
          ))}
        </div>
      </div>
      {lanes.length === 0 ? (
        <p className="empty">No lifecycle events before the cursor.</p>
      ) : (
        <svg
          ref={svg}
          width={width}
          height={height}
          className="timeline-svg"
          role="list"
          aria-label="Lifecycle timeline"
          onMouseMove={onMove}
          onMouseLeave={() => setHover(null)}
          onClick={onClick}
          onKeyDown={(ev) => {
            // A focused mark (they are in the Tab order): Enter or Space as a click.
            if (ev.key !== "Enter" && ev.key !== " ") return;
            if (!(ev.target as Element).classList.contains("mark")) return;
            ev.preventDefault();
            onClick(ev);
            // A bio's step opened the inspector: the keyboard goes there with it.
            const e = select<Element, Placed>(ev.target as Element).datum().e;
            if (isBioStep(e.type) && e.bio !== 0) focusInspectorTitle();
          }}
        >
          <g className="lanes" />
          <line className="cursor" stroke="#7aa2ff" strokeWidth="1.5" strokeDasharray="3 3" />
          <g className="marks" />
          <g className="axis" />
        </svg>
      )}
      {lanes.length > 0 && <TimelineLegend />}
      {hover && (
        <div
          className="timeline-tip"
          role="tooltip"
          style={{ left: Math.min(hover.x + 12, Math.max(0, width - 300)), top: hover.y + 14 }}
        >
          <b>{describeLife(hover.e, hover.name)}</b>
          {hover.e.type === EV.TABLE_LOAD && hover.e.text && (
            <pre className="timeline-table" style={{ margin: "4px 0", font: "11px var(--mono)" }}>
              {hover.e.text}
            </pre>
          )}
          <div className="dim">
            {formatTime(hover.e.time)} · event #{hover.e.index.toLocaleString("en")}
          </div>
        </div>
      )}
    </div>
  );
}

function ordinalOf(placed: readonly Placed[], index: number): number {
  const i = placed.findIndex((p) => p.e.index === index);
  return i < 0 ? 0 : i;
}

/** In event order, where a suspended span of `dev` ends: its next device resume. */
function ordinalAfter(placed: readonly Placed[], fromIndex: number, dev: number): number {
  const i = placed.findIndex(
    (p) => p.e.index > fromIndex && p.e.dev === dev && p.e.type === EV.DEVICE_RESUME,
  );
  return i < 0 ? placed.length : i;
}

const LEGEND: Array<[string, number]> = [
  ["create", EV.DEVICE_CREATE],
  ["table load", EV.TABLE_LOAD],
  ["table swap", EV.TABLE_SWAP],
  ["ctr", EV.TARGET_CTR],
  ["pre/postsuspend", EV.TARGET_PRESUSPEND],
  ["suspend", EV.DEVICE_SUSPEND],
  ["pre/resume", EV.TARGET_RESUME],
  ["resume", EV.DEVICE_RESUME],
  ["message", EV.TARGET_MESSAGE],
  ["fault", EV.TARGET_FAULT],
  ["disk fault", EV.DISK_FAULT],
  ["power cut", EV.POWER_CUT],
  ["thin alloc", EV.THIN_ALLOC],
  ["dtr · remove", EV.DEVICE_REMOVE],
];

function TimelineLegend() {
  return (
    <ul className="legend timeline-legend" aria-label="timeline legend">
      {LEGEND.map(([label, type]) => {
        const m = MARK[type]!;
        const line = m.shape === "cross" || m.shape === "tick";
        return (
          <li key={label}>
            <svg width="14" height="14" viewBox="-7 -7 14 14" aria-hidden="true">
              <path
                d={markPath(m.shape)}
                fill={line ? "none" : m.color}
                stroke={m.color}
                strokeWidth={line ? 2 : 0.8}
              />
            </svg>{" "}
            {label}
          </li>
        );
      })}
      <li>
        <span className="swatch" style={{ background: "rgba(255, 200, 87, 0.3)" }} /> suspended
      </li>
    </ul>
  );
}
