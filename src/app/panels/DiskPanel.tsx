/**
 * Per RAM disk, a grid of its 64 KiB chunks: bright where the chunk holds data (now), tinted
 * by the dm device whose table maps onto it at the playback cursor. The chunk maps are read
 * straight from the shared storage (DiskReader) inside the app's frame loop, only when events
 * say the disks may have changed; React renders the frame of the panel, never the cells.
 */

import { useEffect, useMemo, useRef, useState } from "react";
import { onFrame, wakeFrames } from "../frame.ts";
import { CHUNK_SIZE, type ChunkMap } from "../diskMap.ts";
import { describeRanges, diskOwners } from "../diskOwners.ts";
import { getDiskReader, getDiskVersion } from "../session.ts";
import { formatSize, toneColor } from "../stackLayout.ts";
import { useAppStore } from "../store/index.ts";
import { useTopologyAtCursor } from "../history/useTopology.ts";
import type { DiskSnapshot, DmDeviceInfo } from "../../worker/protocol.ts";
import { DiskFaultForm, DiskFaultState } from "./DiskFaultControls.tsx";

/** Outline of a chunk holding sectors a volatile write cache has not made durable yet. */
const CACHED_COLOR = "#ffb347";

/** Most cells a grid draws; bigger disks fold several chunks into a cell. */
const MAX_CELLS = 4096;

/** Legend lines shown before "and N more" (a device per line and target type). */
const LEGEND_MAX = 6;

function gridShape(chunks: number): { cols: number; rows: number; per: number } {
  const per = Math.max(1, Math.ceil(chunks / MAX_CELLS));
  const cells = Math.ceil(chunks / per);
  const cols = Math.min(128, Math.max(16, 2 ** Math.round(Math.log2(Math.sqrt(cells * 16)))));
  return { cols, rows: Math.ceil(cells / cols), per };
}

function DiskGrid({
  disk,
  devices,
  controls,
}: {
  disk: DiskSnapshot;
  devices: readonly Pick<DmDeviceInfo, "name" | "live">[];
  /** The fault controls are open: show the write cache switch even while it is off. */
  controls: boolean;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const count = useRef<HTMLSpanElement>(null);
  const cachedText = useRef<HTMLSpanElement>(null);
  const chunks = Math.ceil(disk.sizeBytes / CHUNK_SIZE);
  const shape = gridShape(chunks);
  const owned = useMemo(() => diskOwners(disk, devices), [disk, devices]);
  const colors = useMemo(() => owned.groups.map((g) => toneColor(g.type)), [owned]);

  useEffect(() => {
    let drawn = -1;
    let map: ChunkMap | undefined;
    let width = 0;
    const draw = () => {
      const c = canvas.current;
      const reader = getDiskReader();
      if (!c || !reader) return;
      const next = reader.read(disk.name, map);
      if (!next) return;
      map = next;
      const dpr = window.devicePixelRatio || 1;
      const cssW = c.clientWidth;
      const cell = cssW / shape.cols;
      const cssH = Math.ceil(cell * shape.rows);
      if (width !== cssW || c.height !== Math.round(cssH * dpr)) {
        width = cssW;
        c.width = Math.round(cssW * dpr);
        c.height = Math.round(cssH * dpr);
        c.style.height = `${cssH}px`;
      }
      const ctx = c.getContext("2d");
      if (!ctx) return;
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.clearRect(0, 0, cssW, cssH);
      const gap = cell > 5 ? 1 : 0;
      const colorOf = (chunk: number) => {
        const g = owned.chunkOwner[chunk] ?? 0;
        return g > 0 ? colors[g - 1] : undefined;
      };
      const cells = Math.ceil(chunks / shape.per);
      for (let i = 0; i < cells; i++) {
        const first = i * shape.per;
        let used = 0;
        for (let k = first; k < Math.min(chunks, first + shape.per); k++) used += map.used[k] ?? 0;
        const x = (i % shape.cols) * cell;
        const y = Math.floor(i / shape.cols) * cell;
        const owner = colorOf(first);
        if (used > 0) {
          ctx.globalAlpha = 0.45 + 0.55 * (used / shape.per);
          ctx.fillStyle = owner ?? "#e8ecf4";
        } else {
          ctx.globalAlpha = owner ? 0.16 : 1;
          ctx.fillStyle = owner ?? "#1a2130";
        }
        ctx.fillRect(x + gap, y + gap, cell - 2 * gap, cell - 2 * gap);
      }
      ctx.globalAlpha = 1;
      // Chunks with sectors only a volatile write cache holds (a power cut loses them).
      const cached = disk.cache ? new Int32Array(disk.cache) : null;
      if (cached && cached[0] === 1 && (cached[1] ?? 0) > 0) {
        ctx.strokeStyle = CACHED_COLOR;
        ctx.lineWidth = Math.max(1, Math.min(2, cell / 6));
        for (let i = 0; i < cells; i++) {
          let n = 0;
          for (let k = i * shape.per; k < Math.min(chunks, (i + 1) * shape.per); k++)
            n += cached[2 + k] ?? 0;
          if (n === 0) continue;
          const x = (i % shape.cols) * cell;
          const y = Math.floor(i / shape.cols) * cell;
          const w = ctx.lineWidth;
          ctx.strokeRect(x + gap + w / 2, y + gap + w / 2, cell - 2 * gap - w, cell - 2 * gap - w);
        }
      }
      const cachedLabel =
        cached && cached[0] === 1
          ? `write cache: ${(cached[1] ?? 0).toLocaleString("en")} sectors not durable`
          : "";
      if (cachedText.current && cachedText.current.textContent !== cachedLabel)
        cachedText.current.textContent = cachedLabel;
      // The DOM only when the count changed: under load this runs every frame.
      const used = String(map.usedCount);
      if (c.dataset.used !== used) {
        const text = `${map.usedCount} of ${chunks} chunks hold data`;
        c.setAttribute("aria-label", `${disk.name}: ${text}`);
        c.dataset.used = used;
        if (count.current) count.current.textContent = text;
      }
    };
    // The frame loop sleeps while nothing happens: a new width wakes it (new disk contents do,
    // from the session).
    const el = canvas.current;
    const resized =
      el && typeof ResizeObserver !== "undefined" ? new ResizeObserver(wakeFrames) : null;
    if (el) resized?.observe(el);
    const stop = onFrame(() => {
      const v = getDiskVersion();
      const w = canvas.current?.clientWidth ?? 0;
      if (v === drawn && w === width) return;
      drawn = v;
      draw();
    });
    return () => {
      stop();
      resized?.disconnect();
    };
  }, [disk, chunks, shape.cols, shape.rows, shape.per, owned, colors]);

  const shown = owned.groups.slice(0, LEGEND_MAX);
  const hidden = owned.groups.slice(LEGEND_MAX);

  return (
    <section className="disk" aria-label={`disk ${disk.name}`}>
      <header>
        <strong>{disk.name}</strong>
        <span className="dim">
          {disk.major}:{disk.minor} · {formatSize(disk.sizeBytes / 512)} · 64 KiB chunks
          {shape.per > 1 ? ` (${shape.per} per cell)` : ""}
        </span>
        <span className="cached" ref={cachedText} />
        <span className="count" ref={count} />
      </header>
      <DiskFaultState disk={disk} controls={controls} />
      <canvas
        ref={canvas}
        role="img"
        aria-label={`${disk.name}: chunk map`}
        data-disk={disk.name}
      />
      {owned.groups.length > 0 && (
        <ul className="owners" aria-label={`${disk.name}: who maps onto it`}>
          {shown.map((g, i) => (
            <li key={g.label}>
              <span className="swatch" style={{ background: colors[i] }} />
              {g.label}{" "}
              <span className="dim">
                {g.segments > 1 ? `${g.segments.toLocaleString("en")} segments, ` : ""}
                {describeRanges(g.ranges)}
              </span>
            </li>
          ))}
          {hidden.length > 0 && (
            <li className="dim" title={hidden.map((g) => g.label).join("\n")}>
              and {hidden.length.toLocaleString("en")} more (
              {hidden.reduce((n, g) => n + g.segments, 0).toLocaleString("en")} segments)
            </li>
          )}
        </ul>
      )}
    </section>
  );
}

/** Whether the fault controls are open, kept across the panel's tab switches. */
let faultControlsOpen = false;

export function DiskPanel() {
  const disks = useAppStore((s) => s.disks);
  // Who maps onto the disks: the tables at the playback cursor (history/topology.ts), as the
  // stack view draws them. What the chunks hold is the disks' present contents: the page keeps
  // no history of data.
  const { devices } = useTopologyAtCursor();
  // Closed at first: the panel shows the disks; one button opens the fault controls (and they
  // stay open when the panel comes back from another tab).
  const [controls, setControls] = useState(() => faultControlsOpen);
  if (disks.length === 0) {
    return (
      <p className="empty">
        No RAM disks. Try <code>modprobe brd rd_nr=2 rd_size=16384</code>.
      </p>
    );
  }
  return (
    <div className="disks">
      <button
        type="button"
        className="fault-toggle"
        aria-expanded={controls}
        aria-controls="disk-fault-controls"
        onClick={() => {
          faultControlsOpen = !controls;
          setControls(faultControlsOpen);
        }}
      >
        {controls ? "▾" : "▸"} Faults, write caches, power cut
      </button>
      {controls && <DiskFaultForm disks={disks} />}
      {disks.map((d) => (
        <DiskGrid
          key={`${d.name}:${d.major}:${d.minor}`}
          disk={d}
          devices={devices}
          controls={controls}
        />
      ))}
    </div>
  );
}
