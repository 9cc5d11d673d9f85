import { lazy, Suspense, useEffect, useState } from "react";
import { resetSession, setViewsHidden } from "./actions.ts";
import { hasShareHash } from "./editor/targetFiles.ts";
import { useTopologyAtCursor } from "./history/useTopology.ts";
import { installPanelKeys } from "./panelKeys.ts";
import {
  EditorBody,
  EditorTabs,
  editorTitle,
  focusTargetEditor,
  setEditorTab,
} from "./panels/EditorTabs.tsx";
import { InsightBody, InsightTabs, insightTitle } from "./panels/InsightPanel.tsx";
import { PlaybackBar } from "./panels/PlaybackBar.tsx";
import { StackView } from "./panels/StackView.tsx";
import { ansi, writeConsole } from "./consoleSink.ts";
import { SCENARIO_HINT } from "./scenario.ts";
import { useAppStore } from "./store/index.ts";

// The console (xterm.js) and the editor are the heavy, interactive parts: they load after the
// stack is on screen, keeping the first download small.
const Console = lazy(() => import("./panels/Console.tsx"));
const LoadPanel = lazy(() => import("./panels/LoadPanel.tsx"));
const DebuggerPanel = lazy(() => import("./debugger/DebuggerPanel.tsx"));
// The Learn panel (lessons, exercises, sharing) and a shared scenario's consent: on demand.
const LearnPanel = lazy(() => import("./lessons/LearnPanel.tsx"));
const ScenarioConsent = lazy(() => import("./lessons/ScenarioConsent.tsx"));

/** A URL hash for the Learn panel: a lesson, an exercise set, or a shared scenario. */
const LEARN_HASH = /^#(lesson=|exercises=|scenario=)/;

function LearnToggle() {
  const open = useAppStore((s) => s.learnOpen);
  return (
    <button
      type="button"
      className="learn-toggle"
      aria-expanded={open}
      aria-controls="panel-learn"
      onClick={() => useAppStore.setState({ learnOpen: !open })}
      title="Lessons, exercises, sharing and the way back to real Linux"
    >
      Learn
    </button>
  );
}

/** The panels Alt+1, Alt+2, … focus, in that order (panelKeys.ts): a new panel adds its id here. */
const PANELS = ["stack", "console", "editor", "disks", "load", "target", "debugger"] as const;

/**
 * True once the first stack is drawn (or after a moment regardless): the lazy panels start
 * loading then, so that parsing xterm.js does not delay the first picture.
 */
function useAfterFirstStack(): boolean {
  const drawn = useAppStore((s) => s.topologyVersion > 0 || s.engineError !== null);
  const [late, setLate] = useState(false);
  useEffect(() => {
    const t = setTimeout(() => setLate(true), 1500);
    return () => clearTimeout(t);
  }, []);
  return drawn || late;
}

/**
 * Alt+N: the panel comes into view (the page or the grid scrolls to it, its head first) and
 * takes the keyboard. Alt+3 is the table editor and Alt+6 the target editor, two tabs of one
 * panel: each shows its own tab.
 */
function focusPanel(i: number): void {
  const id = PANELS[i];
  if (!id) return;
  // The target editor is a tab of the editor panel (panels/EditorTabs.tsx).
  if (id === "target") {
    focusTargetEditor();
    revealPanel("editor");
    return;
  }
  if (id === "editor" && useAppStore.getState().editorTab !== "table") {
    setEditorTab("table");
    // The table editor shows on the next render.
    requestAnimationFrame(() => requestAnimationFrame(() => focusInPanel(id)));
    revealPanel(id);
    return;
  }
  focusInPanel(id);
  revealPanel(id);
}

function focusInPanel(id: string): void {
  const el = document.getElementById(`panel-${id}`);
  // (Not inside a hidden tab: the editor panel keeps its other editor mounted, hidden.)
  const target =
    el?.querySelector<HTMLElement>(":is(textarea, [tabindex='0']):not([hidden] *)") ?? el;
  // The panel scrolls as a whole (revealPanel): focusing must not scroll its head out of sight.
  target?.focus({ preventScroll: true });
}

/** Scrolls the page (or the grid) so that panel `id` shows, its head first if it is too tall. */
function revealPanel(id: string): void {
  const el = document.getElementById(`panel-${id}`);
  if (!el) return;
  el.scrollTop = 0;
  const r = el.getBoundingClientRect();
  const fits = r.height <= window.innerHeight;
  el.scrollIntoView({ block: fits ? "nearest" : "start" });
}

function Panel(props: {
  id: (typeof PANELS)[number];
  /** The panel whose Alt key the head shows, if not `id` (the editor panel's target tab). */
  keyOf?: (typeof PANELS)[number];
  title: string;
  hint?: string;
  children: React.ReactNode;
  extra?: React.ReactNode;
}) {
  const n = PANELS.indexOf(props.keyOf ?? props.id) + 1;
  return (
    <section
      className={`panel panel-${props.id}`}
      id={`panel-${props.id}`}
      aria-labelledby={`h-${props.id}`}
      tabIndex={-1}
    >
      <header className="panel-head">
        <h2 id={`h-${props.id}`}>{props.title}</h2>
        {props.hint && <span className="hint">{props.hint}</span>}
        <span className="spacer" />
        {props.extra}
        <kbd className="key" title={`Alt+${n} focuses this panel`}>
          Alt+{n}
        </kbd>
      </header>
      <div className="panel-body">{props.children}</div>
    </section>
  );
}

function EngineStatus() {
  const status = useAppStore((s) => s.engineStatus);
  const restarts = useAppStore((s) => s.restarts);
  const lastRestart = useAppStore((s) => s.lastRestart);
  const label = {
    starting: "starting",
    ready: "engine ready",
    restarting: "restarting worker…",
    failed: "engine failed",
  }[status];
  return (
    <span
      className={`status status-${status}`}
      role="status"
      aria-label={`engine ${status}${restarts ? `, restarted ${restarts} times` : ""}`}
      title={
        lastRestart ? `Last restart: ${lastRestart.reason}` : "The engine runs in a Web Worker"
      }
    >
      <span className="dot" />
      {label}
      {restarts > 0 && (
        <span className="badge" data-testid="restarts">
          restarted ×{restarts}
        </span>
      )}
    </span>
  );
}

function EventCounter() {
  const seen = useAppStore((s) => s.eventsSeen);
  const dropped = useAppStore((s) => s.eventsDropped);
  const rate = useAppStore((s) => s.eventRate);
  return (
    <span className="events" title="Engine events drained from the shared ring">
      {seen.toLocaleString("en")} events
      {rate >= 1 && <span className="dim"> · {Math.round(rate).toLocaleString("en")}/s</span>}
      {dropped > 0 && <span className="warn"> · {dropped.toLocaleString("en")} dropped</span>}
    </span>
  );
}

/**
 * The views that draw what the engine does (`viewsHidden`: `?views=off` or the header toggle)
 * give way to a placeholder: the FPS probe's baseline, and the whole machine for the engine.
 */
function ViewGate(props: { children: React.ReactNode }) {
  const hidden = useAppStore((s) => s.viewsHidden);
  if (!hidden) return props.children;
  return (
    <p className="empty">
      Views hidden.{" "}
      <button type="button" className="link" onClick={() => setViewsHidden(false)}>
        Show them
      </button>
    </p>
  );
}

function ViewsToggle() {
  const hidden = useAppStore((s) => s.viewsHidden);
  return (
    <button
      type="button"
      className="views-toggle"
      aria-pressed={!hidden}
      onClick={() => setViewsHidden(!hidden)}
      title="Hide the views to give the engine the whole machine (also: ?views=off)"
    >
      {hidden ? "Show views" : "Hide views"}
    </button>
  );
}

function Notices() {
  const notices = useAppStore((s) => s.notices);
  return (
    <div className="notices" aria-live="assertive">
      {notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.tone}`} role="alert">
          {n.text}
        </div>
      ))}
    </div>
  );
}

export function App() {
  const busy = useAppStore((s) => s.busy);
  const error = useAppStore((s) => s.engineError);
  // As drawn: the devices at the playback cursor.
  const devices = useTopologyAtCursor().devices.length;
  const loadLazy = useAfterFirstStack();
  const insight = insightTitle(useAppStore((s) => s.insightTab));

  useEffect(() => installPanelKeys(window, PANELS, focusPanel), []);
  // The default scenario built (at start, or after Reset): a first command to try, under it.
  useEffect(
    () =>
      useAppStore.subscribe((s, prev) => {
        if (prev.busy && !s.busy) writeConsole(ansi.dim(SCENARIO_HINT) + "\r\n");
      }),
    [],
  );
  // A target shared by link opens the target editor, which asks before it runs anything.
  useEffect(() => {
    const onHash = () => {
      if (hasShareHash(window.location.hash)) setEditorTab("target");
    };
    onHash();
    window.addEventListener("hashchange", onHash);
    return () => window.removeEventListener("hashchange", onHash);
  }, []);
  const editorTab = useAppStore((s) => s.editorTab);
  const editor = editorTitle(editorTab);
  const learnOpen = useAppStore((s) => s.learnOpen);
  const scenarioOffer = useAppStore((s) => s.scenarioOffer);
  // #lesson=ID, #exercises=SEED, #scenario=... (a shared scenario is shown, and runs only once
  // agreed): read once the engine is up, and on every hash change.
  const engineReady = useAppStore((s) => s.topologyVersion > 0 && !s.busy);
  useEffect(() => {
    if (!engineReady) return;
    const onHash = () => {
      if (LEARN_HASH.test(window.location.hash))
        void import("./lessons/learnActions.ts").then((m) => m.takeLearnHash());
    };
    onHash();
    window.addEventListener("hashchange", onHash);
    return () => window.removeEventListener("hashchange", onHash);
  }, [engineReady]);

  return (
    <div className={learnOpen ? "app learn-open" : "app"}>
      <header className="top">
        <div className="brand">
          <span className="logo" aria-hidden="true">
            ▤
          </span>
          <h1>dm-playground</h1>
          <span className="tagline">Linux device-mapper, live in your browser</span>
        </div>
        <span className="spacer" />
        <EventCounter />
        <EngineStatus />
        <ViewsToggle />
        <LearnToggle />
        <button
          type="button"
          className="reset"
          onClick={() => void resetSession()}
          disabled={busy}
          title="Drop every device and disk and rebuild the default scenario"
        >
          ↺ Reset
        </button>
      </header>
      <PlaybackBar />
      {error && (
        <div className="fatal" role="alert">
          The engine could not start: {error}
        </div>
      )}
      {/* The target editor needs room for code: its row grows while it is shown. */}
      <main className={editorTab === "target" ? "grid grid-target" : "grid"}>
        <Panel
          id="stack"
          title="Device stack"
          hint={`${devices} dm device${devices === 1 ? "" : "s"} · click one to edit its table`}
        >
          <ViewGate>
            <StackView />
          </ViewGate>
        </Panel>
        <Panel id="console" title="Console" hint="dmsh: dmsetup, dd, modprobe, …">
          <Suspense fallback={<p className="empty">Loading the console…</p>}>
            {loadLazy ? <Console /> : <p className="empty">Loading the console…</p>}
          </Suspense>
        </Panel>
        <Panel id="disks" title={insight.title} hint={insight.hint} extra={<InsightTabs />}>
          <ViewGate>
            <InsightBody />
          </ViewGate>
        </Panel>
        <Panel
          id="editor"
          {...(editorTab === "target" ? { keyOf: "target" as const } : {})}
          title={editor.title}
          hint={editor.hint}
          extra={<EditorTabs />}
        >
          <EditorBody ready={loadLazy} />
        </Panel>
        <Panel id="load" title="Load" hint="generators issue bios on the virtual clock">
          <Suspense fallback={<p className="empty">Loading…</p>}>
            {loadLazy ? <LoadPanel /> : <p className="empty">Loading…</p>}
          </Suspense>
        </Panel>
        <Panel
          id="debugger"
          title="Debugger"
          hint="breakpoints in your target's code and on outcomes"
        >
          <Suspense fallback={<p className="empty">Loading…</p>}>
            {loadLazy ? <DebuggerPanel /> : <p className="empty">Loading…</p>}
          </Suspense>
        </Panel>
      </main>
      {learnOpen && (
        <Suspense fallback={null}>
          <LearnPanel />
        </Suspense>
      )}
      {scenarioOffer && (
        <Suspense fallback={null}>
          <ScenarioConsent scenario={scenarioOffer.scenario} from={scenarioOffer.from} />
        </Suspense>
      )}
      <Notices />
    </div>
  );
}
