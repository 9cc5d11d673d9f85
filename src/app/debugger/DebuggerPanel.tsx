/**
 * The Debugger panel: line and outcome breakpoints, and, while the engine is paused, where and
 * why, the call stack (the chain of target calls in progress), the locals, the target's
 * `private` state and the bio as trees, and watch expressions evaluated in the paused frame.
 * Continue (F8), Step over (F10), Step into the next target call (F11).
 */

import { useEffect, useState } from "react";
import type { OutcomeBreakpoint, OutcomePoint } from "../../engine/debug/outcome.ts";
import { describeOutcome } from "../../engine/debug/outcome.ts";
import type { TreeNode } from "../../engine/debug/serialize.ts";
import { BIO_OPS, BLK_STATUSES, MAP_STATES } from "../../engine/types.ts";
import { useAppStore } from "../store/index.ts";
import {
  addOutcomeBreakpoint,
  addWatch,
  clearLineBreakpoint,
  removeOutcomeBreakpoint,
  removeWatch,
  resumeDebugger,
  updateOutcomeBreakpoint,
} from "./debugActions.ts";
import { summary, TreeView } from "./TreeView.tsx";
import "./debugger.css";

const KEYS: Record<string, "continue" | "stepOver" | "stepInto"> = {
  F8: "continue",
  F10: "stepOver",
  F11: "stepInto",
};

function usePauseKeys(paused: boolean): void {
  useEffect(() => {
    if (!paused) return;
    const onKey = (ev: KeyboardEvent) => {
      const action = KEYS[ev.key];
      if (!action || ev.altKey || ev.ctrlKey || ev.metaKey) return;
      ev.preventDefault();
      resumeDebugger(action);
    };
    window.addEventListener("keydown", onKey, true);
    return () => window.removeEventListener("keydown", onKey, true);
  }, [paused]);
}

function Paused() {
  const frame = useAppStore((s) => s.debugPaused);
  if (!frame) return null;
  const where = frame.line > 0 ? `${frame.file}:${frame.line}` : frame.file || "engine";
  return (
    <section className="dbg-paused" aria-label="Paused">
      <div className="dbg-where" role="status">
        <span className={`dbg-reason dbg-reason-${frame.reason}`}>
          {frame.reason === "outcome" ? "outcome" : frame.reason === "step" ? "step" : "breakpoint"}
        </span>
        <span className="mono" data-testid="dbg-location">
          Paused in {frame.fn || "?"} at {where}
        </span>
      </div>
      {frame.detail && <p className="dbg-detail mono">{frame.detail}</p>}
      <div className="dbg-buttons">
        <button type="button" onClick={() => resumeDebugger("continue")} title="Continue (F8)">
          ▶ Continue <kbd>F8</kbd>
        </button>
        <button type="button" onClick={() => resumeDebugger("stepOver")} title="Step over (F10)">
          ↷ Step over <kbd>F10</kbd>
        </button>
        <button
          type="button"
          onClick={() => resumeDebugger("stepInto")}
          title="Step into the next target call (F11)"
        >
          ↘ Step into next target call <kbd>F11</kbd>
        </button>
      </div>
      <div className="dbg-columns">
        <div>
          <h3>Call stack</h3>
          <ol className="dbg-stack" reversed>
            {[...(frame.stack ?? [])].reverse().map((f, i) => (
              <li key={i} className={i === 0 ? "top mono" : "mono"}>
                {f.label}
              </li>
            ))}
          </ol>
          <h3>Locals</h3>
          <TreeView entries={Object.entries(frame.locals)} label="Locals" />
        </div>
        <div>
          <h3>t.private</h3>
          {frame.private !== undefined ? (
            <TreeView entries={[["private", frame.private]]} label="t.private" open />
          ) : (
            <p className="dim">no target call in progress</p>
          )}
          <h3>Bio{frame.bioId !== undefined && <span className="dim"> {frame.bioId}</span>}</h3>
          {frame.bio !== undefined ? (
            <TreeView entries={[["bio", frame.bio]]} label="Bio" />
          ) : (
            <p className="dim">none</p>
          )}
        </div>
      </div>
    </section>
  );
}

function Watches() {
  const watches = useAppStore((s) => s.watches);
  const paused = useAppStore((s) => s.debugPaused !== null);
  const [expr, setExpr] = useState("");
  return (
    <section className="dbg-watches" aria-label="Watch expressions">
      <h3>Watch</h3>
      <ul className="dbg-list">
        {watches.map((w) => (
          <li key={w.id} className="dbg-watch">
            <code>{w.expr}</code>
            <span className="dbg-eq">=</span>
            {!paused || w.result === null ? (
              <span className="dim">{paused ? "…" : "(not paused)"}</span>
            ) : w.result.ok ? (
              <WatchValue node={w.result.value} />
            ) : (
              <span className="dbg-error">{w.result.error}</span>
            )}
            <button
              type="button"
              className="link"
              aria-label={`Remove watch ${w.expr}`}
              onClick={() => removeWatch(w.id)}
            >
              ✕
            </button>
          </li>
        ))}
      </ul>
      <form
        className="dbg-row"
        onSubmit={(ev) => {
          ev.preventDefault();
          addWatch(expr);
          setExpr("");
        }}
      >
        <input
          aria-label="Watch expression"
          placeholder="expression, e.g. bio.sector + t.begin"
          value={expr}
          onChange={(e) => setExpr(e.target.value)}
        />
        <button type="submit">Add watch</button>
      </form>
    </section>
  );
}

function WatchValue(props: { node: TreeNode }) {
  const n = props.node;
  const leaf = !("entries" in n) && !("items" in n);
  if (leaf) return <span className="mono dbg-value">{summary(n)}</span>;
  return <TreeView entries={[["", n]]} label="Watch value" />;
}

function LineBreakpoints() {
  const breakpoints = useAppStore((s) => s.breakpoints);
  const toggle = useAppStore((s) => s.toggleBreakpoint);
  const [file, setFile] = useState("dm-proxy.ts");
  const [line, setLine] = useState("");
  const rows = Object.entries(breakpoints).flatMap(([f, lines]) =>
    lines.map((l) => [f, l] as const),
  );
  return (
    <section aria-label="Line breakpoints">
      <h3>Line breakpoints</h3>
      {rows.length === 0 ? (
        <p className="dim">
          None: click a line number in the target editor (or F9), or add one here.
        </p>
      ) : (
        <ul className="dbg-list">
          {rows.map(([f, l]) => (
            <li key={`${f}:${l}`}>
              <span className="dbg-dot" aria-hidden="true" />
              <span className="mono">
                {f}:{l}
              </span>
              <button
                type="button"
                className="link"
                aria-label={`Remove breakpoint ${f}:${l}`}
                onClick={() => clearLineBreakpoint(f, l)}
              >
                ✕
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="dbg-row"
        onSubmit={(ev) => {
          ev.preventDefault();
          const n = Number(line);
          if (file.trim() && Number.isInteger(n) && n > 0) {
            if (!(breakpoints[file.trim()] ?? []).includes(n)) toggle(file.trim(), n);
            setLine("");
          }
        }}
      >
        <input
          aria-label="Breakpoint file"
          value={file}
          onChange={(e) => setFile(e.target.value)}
        />
        <input
          aria-label="Breakpoint line"
          className="dbg-num"
          inputMode="numeric"
          placeholder="line"
          value={line}
          onChange={(e) => setLine(e.target.value)}
        />
        <button type="submit">Add</button>
      </form>
    </section>
  );
}

const POINTS: Array<{ id: OutcomePoint; label: string }> = [
  { id: "map", label: "map returned" },
  { id: "endio", label: "end_io returned" },
  { id: "complete", label: "bio completed" },
  { id: "fault", label: "target fault" },
];

function OutcomeForm() {
  const [point, setPoint] = useState<OutcomePoint>("map");
  const [device, setDevice] = useState("");
  const [target, setTarget] = useState("");
  const [op, setOp] = useState("");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [mapState, setMapState] = useState("KILL");
  const [status, setStatus] = useState("error");
  return (
    <form
      className="dbg-outcome-form"
      aria-label="New outcome breakpoint"
      onSubmit={(ev) => {
        ev.preventDefault();
        const bp: Omit<OutcomeBreakpoint, "id"> = { enabled: true, point };
        if (device.trim()) bp.device = device.trim();
        if (target.trim()) bp.target = target.trim();
        if (op) bp.op = op as OutcomeBreakpoint["op"] & string;
        if (from.trim() && Number.isFinite(Number(from))) bp.sectorFrom = Number(from);
        if (to.trim() && Number.isFinite(Number(to))) bp.sectorTo = Number(to);
        if (point === "map" && mapState)
          bp.mapState = mapState as OutcomeBreakpoint["mapState"] & string;
        if ((point === "complete" || point === "endio") && status)
          bp.status = status as OutcomeBreakpoint["status"] & string;
        addOutcomeBreakpoint(bp);
      }}
    >
      <label>
        when
        <select
          aria-label="Point"
          value={point}
          onChange={(e) => setPoint(e.target.value as OutcomePoint)}
        >
          {POINTS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
      </label>
      {point === "map" && (
        <label>
          MapState
          <select
            aria-label="MapState"
            value={mapState}
            onChange={(e) => setMapState(e.target.value)}
          >
            <option value="">any</option>
            {MAP_STATES.map((m) => (
              <option key={m}>{m}</option>
            ))}
          </select>
        </label>
      )}
      {(point === "complete" || point === "endio") && (
        <label>
          status
          <select aria-label="Status" value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">any</option>
            <option value="error">any error</option>
            {BLK_STATUSES.map((m) => (
              <option key={m}>{m}</option>
            ))}
          </select>
        </label>
      )}
      <label>
        device
        <input
          aria-label="Device"
          placeholder="any"
          value={device}
          onChange={(e) => setDevice(e.target.value)}
        />
      </label>
      <label>
        target
        <input
          aria-label="Target type"
          placeholder="any"
          value={target}
          onChange={(e) => setTarget(e.target.value)}
        />
      </label>
      <label>
        op
        <select aria-label="Op" value={op} onChange={(e) => setOp(e.target.value)}>
          <option value="">any</option>
          {BIO_OPS.map((o) => (
            <option key={o}>{o}</option>
          ))}
        </select>
      </label>
      <label>
        sectors
        <input
          aria-label="From sector"
          className="dbg-num"
          placeholder="from"
          value={from}
          onChange={(e) => setFrom(e.target.value)}
        />
        <input
          aria-label="To sector"
          className="dbg-num"
          placeholder="to"
          value={to}
          onChange={(e) => setTo(e.target.value)}
        />
      </label>
      <button type="submit">Add outcome breakpoint</button>
    </form>
  );
}

function OutcomeBreakpoints() {
  const list = useAppStore((s) => s.outcomeBreakpoints);
  const hit = useAppStore((s) => s.debugPaused?.outcome);
  return (
    <section aria-label="Outcome breakpoints">
      <h3>Outcome breakpoints</h3>
      {list.length > 0 && (
        <ul className="dbg-list">
          {list.map((b) => (
            <li key={b.id} className={hit === b.id ? "hit" : ""}>
              <input
                type="checkbox"
                aria-label={`Enable ${describeOutcome(b)}`}
                checked={b.enabled}
                onChange={(e) => updateOutcomeBreakpoint(b.id, { enabled: e.target.checked })}
              />
              <span className="mono">{describeOutcome(b)}</span>
              <button
                type="button"
                className="link"
                aria-label={`Remove ${describeOutcome(b)}`}
                onClick={() => removeOutcomeBreakpoint(b.id)}
              >
                ✕
              </button>
            </li>
          ))}
        </ul>
      )}
      <OutcomeForm />
    </section>
  );
}

export default function DebuggerPanel() {
  const paused = useAppStore((s) => s.debugPaused !== null);
  const message = useAppStore((s) => s.debugMessage);
  usePauseKeys(paused);
  return (
    <div className={paused ? "debugger is-paused" : "debugger"}>
      {paused ? (
        <Paused />
      ) : (
        <p className="dim dbg-running" role="status">
          Running. The engine stops at a line breakpoint in your target's code, or when a bio
          matches an outcome breakpoint.
        </p>
      )}
      {message && <p className="dbg-message">{message}</p>}
      <div className="dbg-config">
        <Watches />
        <LineBreakpoints />
        <OutcomeBreakpoints />
      </div>
    </div>
  );
}
