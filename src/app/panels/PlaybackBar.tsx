/**
 * The playback bar: play / pause, single step (forward and back), speed from slow motion to as
 * fast as the engine goes, and the time-travel scrubber over the recorded history. It drives
 * the playback controller (history/playback.ts) through module-level actions; its state comes
 * from the store, published a few times a second while playing.
 *
 * Keys while the bar has focus: Space plays or pauses, → and ← step, End goes live; Alt+L
 * anywhere jumps to now.
 *
 * Live, the views may still be replaying a burst the console has finished (shown event by event
 * on purpose): the bar says how many events behind they are, with a button to jump to now, and
 * how many events were skipped to keep them within 2 s of the console.
 */

import { useEffect } from "react";

import {
  goLive,
  playOrPause,
  scrubTo,
  setPlaybackSpeed,
  stepBack,
  stepForward,
} from "../history/actions.ts";
import { SPEEDS, speedLabel } from "../history/playback.ts";
import { PACE_REAL_TIME } from "../../worker/protocol.ts";
import { useAppStore } from "../store/index.ts";

/** Virtual nanoseconds, readably: 1.234 s, 12.5 ms, 800 µs. */
export function formatTime(ns: number): string {
  if (ns >= 1e9) return `${(ns / 1e9).toFixed(3)} s`;
  if (ns >= 1e6) return `${(ns / 1e6).toFixed(ns >= 1e8 ? 1 : 3)} ms`;
  if (ns >= 1e3) return `${(ns / 1e3).toFixed(1)} µs`;
  return `${Math.round(ns)} ns`;
}

const fmt = (n: number) => n.toLocaleString("en");

function speedIndex(speed: number | "max"): number {
  const x = speed === "max" ? Infinity : speed / PACE_REAL_TIME;
  let best = 0;
  SPEEDS.forEach((s, i) => {
    if (Math.abs(Math.log(s / x)) < Math.abs(Math.log(SPEEDS[best]! / x)) || s === x) best = i;
  });
  return best;
}

export function PlaybackBar() {
  const mode = useAppStore((s) => s.playMode);
  const cursor = useAppStore((s) => s.cursor);
  const head = useAppStore((s) => s.head);
  const base = useAppStore((s) => s.historyBase);
  const cursorTime = useAppStore((s) => s.cursorTime);
  const headTime = useAppStore((s) => s.headTime);
  const following = useAppStore((s) => s.following);
  const awaiting = useAppStore((s) => s.awaitingStep);
  const speed = useAppStore((s) => s.speed);
  const hidden = useAppStore((s) => s.viewsHidden);
  const enginePaused = useAppStore((s) => s.paused);
  const skipped = useAppStore((s) => s.skipped);
  const si = speedIndex(speed);
  const state = mode === "pause" ? "paused" : following ? "live" : "replay";
  const behind = Math.max(0, head - cursor);
  const catchingUp = state === "live" && behind > 0;

  // Alt+L jumps to now from anywhere (the console and the editors included: capture phase).
  useEffect(() => {
    const onKey = (ev: KeyboardEvent) => {
      if (!ev.altKey || ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.code !== "KeyL") return;
      ev.preventDefault();
      ev.stopPropagation();
      goLive();
    };
    window.addEventListener("keydown", onKey, { capture: true });
    return () => window.removeEventListener("keydown", onKey, { capture: true });
  }, []);

  const onKey = (ev: React.KeyboardEvent) => {
    if ((ev.target as HTMLElement).tagName === "INPUT" && ev.key !== " ") return;
    if (ev.key === " ") playOrPause();
    else if (ev.key === "ArrowRight" || ev.key === ".") stepForward();
    else if (ev.key === "ArrowLeft" || ev.key === ",") stepBack();
    else if (ev.key === "End") goLive();
    else return;
    ev.preventDefault();
  };

  return (
    // A landmark around the toolbar, so that all of the page is in one (display: contents).
    <section className="playback-region" aria-label="Playback">
      <div
        className={`playback playback-${state}`}
        role="toolbar"
        aria-label="playback"
        onKeyDown={onKey}
        data-state={state}
      >
        <button
          type="button"
          className="pb-step"
          onClick={stepBack}
          disabled={cursor <= base}
          title="One event back (←)"
          aria-label="Step back"
        >
          ◂|
        </button>
        <button
          type="button"
          className="pb-play"
          onClick={playOrPause}
          title={mode === "play" ? "Pause the engine and the views (Space)" : "Play (Space)"}
          aria-label={mode === "play" ? "Pause" : "Play"}
        >
          {mode === "play" ? "❚❚" : "▶"}
        </button>
        <button
          type="button"
          className="pb-step"
          onClick={stepForward}
          disabled={awaiting}
          title="One event forward; at the head, the engine runs one step (→)"
          aria-label="Step"
        >
          |▸
        </button>
        <button
          type="button"
          className={`pb-live${following && mode === "play" ? " on" : ""}`}
          onClick={goLive}
          title="Jump to the newest event and follow it (End, or Alt+L anywhere)"
          aria-keyshortcuts="Alt+L"
          aria-pressed={following && mode === "play"}
        >
          <span className="dot" aria-hidden="true" /> Live
        </button>
        <label className="pb-speed" title="Playback speed: virtual time per wall time">
          <span className="dim">speed</span>
          <input
            type="range"
            min={0}
            max={SPEEDS.length - 1}
            step={1}
            value={si}
            aria-label="Speed"
            aria-valuetext={speedLabel(SPEEDS[si]!)}
            onChange={(ev) => setPlaybackSpeed(SPEEDS[Number(ev.target.value)]!)}
          />
          {/* Shown with its leading zero ("0.1×": ".1×" reads as a stray dot). */}
          <output className="pb-speed-value">{speedLabel(SPEEDS[si]!).replace(/^\./, "0.")}</output>
        </label>
        <input
          className="pb-scrub"
          type="range"
          min={base}
          max={Math.max(base, head)}
          step={1}
          value={cursor}
          aria-label="Time travel: playback cursor"
          aria-valuetext={`event ${fmt(cursor)} of ${fmt(head)}, virtual time ${formatTime(cursorTime)}`}
          onChange={(ev) => scrubTo(Number(ev.target.value))}
          disabled={head === 0}
        />
        <span className="pb-pos" aria-live="off" data-testid="playback-position">
          <span className={`pb-state ${state}`}>{state}</span>
          {catchingUp && (
            <span
              className="pb-behind"
              data-testid="behind"
              title="The console is done; the views still replay what it did, event by event"
            >
              replaying, {fmt(behind)} event{behind === 1 ? "" : "s"} behind{" "}
              <button
                type="button"
                className="pb-now"
                onClick={goLive}
                aria-keyshortcuts="Alt+L"
                title="Show the newest event now (Alt+L)"
              >
                Jump to now
              </button>{" "}
            </span>
          )}
          {state === "live" && skipped > 0 && (
            <span
              className="pb-skipped dim"
              data-testid="skipped"
              title="Live at 1x or faster, the views stay within 2 s of the console: older events were skipped (the views sampled them)"
            >
              skipped {fmt(skipped)} to keep up ·{" "}
            </span>
          )}
          event <b data-testid="cursor">{fmt(cursor)}</b> / {fmt(head)} ·{" "}
          <span title="Virtual time at the cursor (and at the newest event)">
            {formatTime(cursorTime)}
            {cursor < head && <span className="dim"> / {formatTime(headTime)}</span>}
          </span>
          {base > 0 && (
            <span className="dim" title="Records older than these were forgotten">
              {" "}
              · {fmt(base)} forgotten
            </span>
          )}
          {awaiting && <span className="dim"> · stepping the engine…</span>}
          {mode === "play" && enginePaused && (
            <span className="warn" title="Virtual time is paused in the engine (setPace)">
              {" "}
              · engine paused
            </span>
          )}
          {hidden && <span className="dim"> · views hidden</span>}
        </span>
      </div>
    </section>
  );
}
