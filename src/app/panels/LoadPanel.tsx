/**
 * The Load panel: start load generators on any device (the engine's loadgen, as `loadgen start`
 * in the console does) and watch their counters. Rates are per second of virtual time, over the
 * last half-second report; the counters are polled while the panel is shown. Loaded lazily.
 */

import { useEffect, useId, useState } from "react";
import { DEFAULT_LOAD, type LoadSpec } from "../../engine/loadgen.ts";
import { loadStart, loadStop, refreshLoads, watchLoads } from "../actions.ts";
import { useAppStore } from "../store/index.ts";
import type { LoadRow } from "../store/paceSlice.ts";

const BLOCK_SIZES = [512, 4096, 8192, 16384, 65536, 131072, 1 << 20];
const REPORT_MS = 500;

function size(bytes: number): string {
  if (bytes >= 1 << 20 && bytes % (1 << 20) === 0) return `${bytes >> 20}M`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes >> 10}k`;
  return String(bytes);
}

const fmt = new Intl.NumberFormat("en");

function rate(v: number | null, digits = 0): string {
  if (v === null) return "–";
  return v.toLocaleString("en", { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

/** Every device a generator can drive: mapped devices first, then the RAM disks. */
function useDevicePaths(): string[] {
  const devices = useAppStore((s) => s.devices);
  const blockDevices = useAppStore((s) => s.blockDevices);
  return [
    ...devices.filter((d) => d.live !== null).map((d) => `/dev/mapper/${d.name}`),
    ...blockDevices.filter((d) => d.kind !== "dm").map((d) => `/dev/${d.name}`),
  ];
}

function Field(props: { id: string; label: string; children: React.ReactNode; title?: string }) {
  return (
    <span className="field" title={props.title}>
      <label htmlFor={props.id}>{props.label}</label>
      {props.children}
    </span>
  );
}

function GeneratorRow({ g }: { g: LoadRow }) {
  const s = g.spec;
  const state = g.running ? "running" : g.inFlight > 0 ? "stopping" : "stopped";
  return (
    <tr aria-label={`generator ${g.id}`} data-state={state} className={`gen gen-${state}`}>
      <td className="num">{g.id}</td>
      <td className="dev" title={s.device}>
        {s.device.replace(/^\/dev\/(mapper\/)?/, "")}
      </td>
      <td>
        {s.pattern} {s.readPct}% r · {size(s.blockSize)} · qd {s.queueDepth} ·{" "}
        {s.rate === 0 ? "max" : `${fmt.format(s.rate)}/s`}
        {s.count > 0 && ` · ${fmt.format(s.count)}`}
      </td>
      <td className="num" data-col="issued">
        {fmt.format(g.issued)}
      </td>
      <td className="num" data-col="completed">
        {fmt.format(g.completed)}
      </td>
      <td className={`num${g.errors > 0 ? " bad" : ""}`} data-col="errors">
        {fmt.format(g.errors)}
      </td>
      <td className="num" data-col="inflight">
        {g.inFlight}
      </td>
      <td className="num" data-col="iops">
        {rate(g.iops)}
      </td>
      <td className="num" data-col="mbps">
        {rate(g.bytesPerSec === null ? null : g.bytesPerSec / 1e6, 1)}
      </td>
      <td className={`state state-${state}`}>{state}</td>
      <td>
        {g.running && (
          <button type="button" className="small" onClick={() => void loadStop(g.id)}>
            Stop
          </button>
        )}
      </td>
    </tr>
  );
}

export default function LoadPanel() {
  const ids = useId();
  const paths = useDevicePaths();
  const loads = useAppStore((s) => s.loads);
  const paused = useAppStore((s) => s.paused);
  const ready = useAppStore((s) => s.engineStatus === "ready");
  const [device, setDevice] = useState("");
  const [pattern, setPattern] = useState<LoadSpec["pattern"]>(DEFAULT_LOAD.pattern);
  const [readPct, setReadPct] = useState(DEFAULT_LOAD.readPct);
  const [blockSize, setBlockSize] = useState(DEFAULT_LOAD.blockSize);
  const [queueDepth, setQueueDepth] = useState(DEFAULT_LOAD.queueDepth);
  const [iops, setIops] = useState(DEFAULT_LOAD.rate);
  const [count, setCount] = useState(DEFAULT_LOAD.count);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => watchLoads(REPORT_MS), []);

  // The chosen device went away (removed, reset): fall back to the first one.
  const target = paths.includes(device) ? device : (paths[0] ?? "");
  const running = loads.filter((g) => g.running).length;
  const finished = loads.length - running;

  const start = async () => {
    setError(null);
    try {
      await loadStart({
        device: target,
        pattern,
        readPct,
        blockSize,
        queueDepth,
        rate: iops,
        count,
        // A new seed per generator, so two on one device do not issue the same bios.
        seed: loads.length + 1,
      });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const num = (set: (v: number) => void) => (e: React.ChangeEvent<HTMLInputElement>) =>
    set(e.target.valueAsNumber || 0);

  return (
    <div className="load">
      <form
        className="load-form"
        aria-label="New load generator"
        onSubmit={(e) => {
          e.preventDefault();
          void start();
        }}
      >
        <Field id={`${ids}-dev`} label="Device">
          <select id={`${ids}-dev`} value={target} onChange={(e) => setDevice(e.target.value)}>
            {paths.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </Field>
        <Field id={`${ids}-pat`} label="Pattern">
          <select
            id={`${ids}-pat`}
            value={pattern}
            onChange={(e) => setPattern(e.target.value === "seq" ? "seq" : "random")}
          >
            <option value="random">random</option>
            <option value="seq">sequential</option>
          </select>
        </Field>
        <Field id={`${ids}-read`} label="Reads %" title="Share of reads; the rest are writes">
          <input
            id={`${ids}-read`}
            type="number"
            min={0}
            max={100}
            step={10}
            value={readPct}
            onChange={num(setReadPct)}
          />
        </Field>
        <Field id={`${ids}-bs`} label="Block">
          <select
            id={`${ids}-bs`}
            value={blockSize}
            onChange={(e) => setBlockSize(Number(e.target.value))}
          >
            {BLOCK_SIZES.map((b) => (
              <option key={b} value={b}>
                {size(b)}
              </option>
            ))}
          </select>
        </Field>
        <Field id={`${ids}-qd`} label="Queue depth">
          <input
            id={`${ids}-qd`}
            type="number"
            min={1}
            max={4096}
            value={queueDepth}
            onChange={num(setQueueDepth)}
          />
        </Field>
        <Field
          id={`${ids}-rate`}
          label="Rate (IOPS)"
          title="Bios per second of virtual time; 0: as fast as completions allow"
        >
          <input
            id={`${ids}-rate`}
            className="wide"
            type="number"
            min={0}
            step={100}
            value={iops}
            onChange={num(setIops)}
          />
        </Field>
        <Field id={`${ids}-count`} label="Count" title="Stop after this many bios; 0: never">
          <input
            id={`${ids}-count`}
            className="wide"
            type="number"
            min={0}
            step={100}
            value={count}
            onChange={num(setCount)}
          />
        </Field>
        <button type="submit" className="primary" disabled={!ready || target === ""}>
          ▶ Start
        </button>
      </form>
      {error && (
        <p className="load-error" role="alert">
          {error}
        </p>
      )}
      {loads.length === 0 ? (
        <p className="empty">
          No generators. Start one here, or in the console:{" "}
          <code>loadgen start concat --rate 2000</code>
        </p>
      ) : (
        <table className="load-table" aria-label="Load generators">
          <thead>
            <tr>
              <th className="num">#</th>
              <th>device</th>
              <th>workload</th>
              <th className="num">issued</th>
              <th className="num">done</th>
              <th className="num">errors</th>
              <th className="num" title="In flight">
                infl.
              </th>
              <th className="num" title="Completions per virtual second">
                IOPS
              </th>
              <th className="num" title="Megabytes per virtual second">
                MB/s
              </th>
              <th className="state">state</th>
              <th className="actions">
                {running > 0 && (
                  <button type="button" className="small" onClick={() => void loadStop()}>
                    Stop all
                  </button>
                )}
                {finished > 0 && (
                  <button type="button" className="small" onClick={() => void refreshLoads(true)}>
                    Clear
                  </button>
                )}
              </th>
            </tr>
          </thead>
          <tbody>
            {loads.map((g) => (
              <GeneratorRow key={g.id} g={g} />
            ))}
          </tbody>
        </table>
      )}
      {paused && running > 0 && (
        <p className="load-paused dim">Virtual time is paused: the generators wait with it.</p>
      )}
    </div>
  );
}
