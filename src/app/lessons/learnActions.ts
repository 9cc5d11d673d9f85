/**
 * The Learn panel's actions: lessons walked through on the page's engine, exercises answered
 * then revealed, scenarios shared by link or file and replayed, the way back to real Linux.
 *
 * Every check and every reveal reads the page's event history (history/service.ts), decoded
 * into the same World a headless test builds (src/lessons/world.ts): what passes in
 * `lessons.test.ts` passes here.
 *
 * A lesson, an exercise and a replayed scenario each start from a fresh engine with a known
 * seed (the `reset` request), then run their base's commands: the same events every time.
 */

import { decodeEvent, eventHasText, ev } from "../../engine/events.ts";
import { exerciseSet, sameAnswer, type Answer, type Exercise } from "../../lessons/exercises.ts";
import { lessonById, LESSON_SEED, type Lesson, type LessonFocus } from "../../lessons/index.ts";
import { exportScenario, importStack, type ImportResult } from "../../lessons/linux.ts";
import { baseCommands, scenarioCommands } from "../../lessons/scenario.ts";
import {
  hasScenarioHash,
  parseScenarioFile,
  parseScenarioHash,
  scenarioFile,
  scenarioHash,
  type Scenario,
} from "../../lessons/share.ts";
import { World } from "../../lessons/world.ts";
import { PACE_REAL_TIME } from "../../worker/protocol.ts";
import { ansi, writeConsole } from "../consoleSink.ts";
import { wakeFrames } from "../frame.ts";
import { setPace } from "../playbackActions.ts";
import { releaseDebugger } from "../debugger/debugActions.ts";
import { selectBio, setInsightTab } from "../history/actions.ts";
import { history } from "../history/service.ts";
import { DEFAULT_SEED } from "../scenario.ts";
import { runScenario } from "../scenarioActions.ts";
import { forgetEngine, refreshTopology, requireClient } from "../session.ts";
import { echoCommand, runCommand, streamToConsole } from "../shellActions.ts";
import { useAppStore } from "../store/index.ts";
import type { LearnTab } from "../store/learnSlice.ts";

// ---------------------------------------------------------------- the world from the history

/** The events of the page's history (all still held), decoded as the tests decode them. */
export function pageWorld(): World {
  const events: ReturnType<typeof decodeEvent>[] = [];
  history.forEach(history.base, history.head, (r, o, i) => {
    const e = decodeEvent(r as Float64Array, o, i, []);
    if (eventHasText(e.type)) {
      const text = history.string(ev.text(r, o));
      if (text !== undefined) e.text = text;
    }
    events.push(e);
  });
  return new World(events);
}

// ---------------------------------------------------------------- panel

export function setLearnOpen(learnOpen: boolean): void {
  useAppStore.setState({ learnOpen });
}

export function setLearnTab(learnTab: LearnTab): void {
  useAppStore.setState({ learnTab, learnOpen: true });
}

/** Brings a step's view forward and highlights what it names. */
export function applyFocus(focus: LessonFocus | undefined): void {
  if (!focus) return;
  if (focus.view) setInsightTab(focus.view);
  if (focus.device !== undefined) useAppStore.setState({ selectedDevice: focus.device });
  const id =
    focus.panel === "views" || (focus.view && !focus.panel)
      ? "disks"
      : focus.panel === "console"
        ? "console"
        : focus.panel === "stack"
          ? "stack"
          : null;
  if (!id) return;
  const el = document.getElementById(`panel-${id}`);
  if (!el) return;
  el.scrollIntoView({ block: "nearest" });
  el.classList.remove("learn-highlight");
  // Restart the animation: a class removed and added in one frame does not replay it.
  void el.offsetWidth;
  el.classList.add("learn-highlight");
  setTimeout(() => el.classList.remove("learn-highlight"), 2400);
}

// ---------------------------------------------------------------- a fresh engine

/**
 * A fresh engine on `seed`, then `base`'s commands, echoed into the console as typed. The
 * session's commands start over (a shared scenario is its base and what is typed after).
 */
async function startFrom(base: string, seed: number, title: string): Promise<void> {
  const c = requireClient();
  writeConsole(`\r\n${ansi.yellow(`[learn] ${title}`)}\r\n`);
  if (c.status !== "ready") await c.restart("learn: fresh engine while not ready");
  releaseDebugger();
  c.interruptShell();
  await c.call("reset", { seed });
  forgetEngine();
  useAppStore.setState({
    selectedDevice: null,
    // The old session's devices are gone: the editor must not take one (they come back with
    // the next snapshot of the new engine).
    devices: [],
    editorDevice: "",
    draft: "",
    draftBase: null,
    draftEdited: false,
    liveChanged: null,
    problems: [],
    validatedDraft: null,
    loadOutput: "",
    loadOk: null,
    loads: [],
    lastStep: null,
    sessionBase: base,
    sessionSeed: seed,
    sessionCommands: [],
    exerciseReady: false,
  });
  if (base === "default") {
    await runScenario();
    return;
  }
  for (const command of baseCommands(base) ?? []) {
    echoCommand(command);
    await c.runShell(command, streamToConsole).catch(() => undefined);
  }
  await refreshTopology();
}

/** Runs commands in the console, one after the other, as if typed. */
async function typeCommands(commands: readonly string[]): Promise<void> {
  for (const command of commands) {
    echoCommand(command);
    await runCommand(command);
  }
}

/**
 * Waits until the page has drained what the engine did (the ring is read once per frame; the
 * loop is woken first, in case it slept, and its frame runs before these).
 */
function drained(): Promise<void> {
  wakeFrames();
  return new Promise((resolve) =>
    requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
  );
}

// ---------------------------------------------------------------- lessons

function currentLesson(): Lesson | undefined {
  const l = useAppStore.getState().lesson;
  return l ? lessonById(l.id) : undefined;
}

/**
 * Whether this session has something of the person's own that a fresh engine would throw away:
 * commands typed in the console (or run by the table editor, or by a lesson's steps) since its
 * base was built, the devices they made among them.
 */
export function sessionHasHistory(): boolean {
  return useAppStore.getState().sessionCommands.length > 0;
}

/**
 * The Learn panel's lesson buttons: a lesson replaces the session, so with history of the
 * person's own it asks first (LessonConsent.tsx); a fresh page starts it at once.
 */
export async function requestLesson(id: string): Promise<void> {
  if (!lessonById(id) || useAppStore.getState().busy) return;
  if (sessionHasHistory()) {
    useAppStore.setState({ lessonOffer: id });
    return;
  }
  await startLesson(id);
}

/** The person agreed to replace the session: the lesson offered starts. */
export async function acceptLesson(): Promise<void> {
  const id = useAppStore.getState().lessonOffer;
  if (id === null) return;
  useAppStore.setState({ lessonOffer: null });
  await startLesson(id);
}

/** The person kept the session: nothing happens. */
export function refuseLesson(): void {
  useAppStore.setState({ lessonOffer: null });
}

/** Starts a lesson: a fresh engine with its setup, step 1 shown. */
export async function startLesson(id: string): Promise<void> {
  const lesson = lessonById(id);
  if (!lesson || useAppStore.getState().busy) return;
  useAppStore.setState({
    lesson: { id, step: 0, passed: lesson.steps.map(() => false), running: true },
    learnOpen: true,
    learnTab: "lessons",
  });
  try {
    await startFrom(`lesson:${id}`, LESSON_SEED, `lesson: ${lesson.title}`);
  } finally {
    setLessonRunning(false);
  }
  applyFocus(lesson.steps[0]?.focus);
  await checkLesson();
}

function setLessonRunning(running: boolean): void {
  useAppStore.setState((s) => (s.lesson ? { lesson: { ...s.lesson, running } } : {}));
}

/** Runs the current step's commands in the console, then checks it. */
export async function runStep(): Promise<void> {
  const lesson = currentLesson();
  const p = useAppStore.getState().lesson;
  const step = lesson?.steps[p?.step ?? -1];
  if (!lesson || !p || !step || p.running) return;
  setLessonRunning(true);
  applyFocus(step.focus);
  try {
    await typeCommands(step.commands);
  } finally {
    setLessonRunning(false);
  }
  await drained();
  await checkLesson();
}

/**
 * Evaluates every step's check on the events so far. A step once passed stays passed (a later
 * step may undo what an earlier one built: the stacking lesson removes its devices).
 */
export async function checkLesson(): Promise<void> {
  const lesson = currentLesson();
  if (!lesson) return;
  await Promise.resolve();
  const w = pageWorld();
  useAppStore.setState((s) => {
    if (!s.lesson || s.lesson.id !== lesson.id) return {};
    const passed = lesson.steps.map((st, i) => (s.lesson!.passed[i] ?? false) || st.check.test(w));
    return { lesson: { ...s.lesson, passed } };
  });
}

export function goToStep(step: number): void {
  const lesson = currentLesson();
  if (!lesson || step < 0 || step >= lesson.steps.length) return;
  useAppStore.setState((s) => (s.lesson ? { lesson: { ...s.lesson, step } } : {}));
  applyFocus(lesson.steps[step]?.focus);
}

export function leaveLesson(): void {
  useAppStore.setState({ lesson: null });
}

// ---------------------------------------------------------------- exercises

export function currentExercises(seed = useAppStore.getState().exerciseSeed): Exercise[] {
  return exerciseSet(seed);
}

/** A new exercise set (a new seed: the URL says it, so the set can be handed on). */
export function setExerciseSeed(seed: number): void {
  useAppStore.setState({
    exerciseSeed: seed,
    exerciseIndex: 0,
    exercises: {},
    exerciseReady: false,
    learnOpen: true,
    learnTab: "exercises",
  });
  window.history.replaceState(null, "", `#exercises=${seed}`);
}

/** Builds the shown exercise's situation on a fresh engine. */
export async function prepareExercise(index = useAppStore.getState().exerciseIndex): Promise<void> {
  const ex = currentExercises()[index];
  if (!ex || useAppStore.getState().exerciseBusy) return;
  useAppStore.setState({ exerciseIndex: index, exerciseBusy: true, exerciseReady: false });
  try {
    await startFrom("empty", LESSON_SEED, `exercise ${index + 1}: ${ex.kind}`);
    await typeCommands(ex.setup);
    useAppStore.setState({ exerciseReady: true });
  } finally {
    useAppStore.setState({ exerciseBusy: false });
  }
}

export function setAnswer(id: string, answer: Answer): void {
  useAppStore.setState((s) => ({
    exercises: { ...s.exercises, [id]: { answer, truth: null, right: null } },
  }));
}

/**
 * The reveal: the engine runs the exercise's commands; the answer that counts is read from
 * its events (or what dmsetup printed); the views show why (the bio in the inspector).
 */
export async function revealExercise(): Promise<void> {
  const s = useAppStore.getState();
  const ex = currentExercises()[s.exerciseIndex];
  const record = ex && s.exercises[ex.id];
  if (!ex || !record?.answer || !s.exerciseReady || s.exerciseBusy) return;
  useAppStore.setState({ exerciseBusy: true });
  let output = "";
  try {
    const c = requireClient();
    for (const command of ex.run) {
      echoCommand(command);
      useAppStore.setState((st) => ({ sessionCommands: [...st.sessionCommands, command] }));
      const r = await c.runShell(command, (stream, text) => {
        output += text;
        streamToConsole(stream, text);
      });
      if (r.exitCode === 130) break;
    }
    await refreshTopology();
    await drained();
    const w = pageWorld();
    const truth = ex.reveal(w, output);
    const right = sameAnswer(record.answer, truth);
    useAppStore.setState((st) => ({
      exercises: { ...st.exercises, [ex.id]: { answer: record.answer, truth, right } },
      exerciseReady: false,
    }));
    applyFocus(ex.focus);
    // Why: the bio that answered the question, in the inspector.
    if (ex.kind === "stripe" && truth && "disk" in truth) {
      const bio = [...w.bios.values()].find(
        (b) => b.remap && w.name(b.remap.dev) === truth.disk && b.remap.sector === truth.sector,
      );
      if (bio) selectBio(bio.id);
    }
  } finally {
    useAppStore.setState({ exerciseBusy: false });
  }
}

/** Right answers and answered exercises in this session. */
export function score(records: ReturnType<typeof useAppStore.getState>["exercises"]): {
  right: number;
  answered: number;
} {
  const rs = Object.values(records).filter((r) => r.right !== null);
  return { right: rs.filter((r) => r.right).length, answered: rs.length };
}

export { sameAnswer };

// ---------------------------------------------------------------- sharing

/** The scenario of this session: its base, seed, commands, user targets and view. */
export function currentScenario(): Scenario {
  const s = useAppStore.getState();
  const used = (name: string) => s.sessionCommands.some((c) => c.includes(name));
  return {
    v: 1,
    base: s.sessionBase,
    seed: s.sessionSeed,
    commands: [...s.sessionCommands],
    targets: (s.targetFiles ?? [])
      .filter((f) => used(f.name))
      .map((f) => ({ name: f.name, source: f.source })),
    view: {
      tab: s.insightTab,
      ...(s.selectedDevice ? { device: s.selectedDevice } : {}),
      speed: s.speed === "max" ? null : s.speed / PACE_REAL_TIME,
      ...(s.lesson ? { lesson: s.lesson.id, step: s.lesson.step } : {}),
    },
  };
}

/** A link to this session's scenario. */
export async function scenarioLink(): Promise<string> {
  const url = new URL(window.location.href);
  url.hash = await scenarioHash(currentScenario());
  return url.toString();
}

/** Saves this session's scenario as a file. */
export function downloadScenario(): void {
  download("dm-playground-scenario.json", scenarioFile(currentScenario()), "application/json");
}

export function download(name: string, text: string, type = "text/plain"): void {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(new Blob([text], { type }));
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

/** A scenario from the URL hash: offered (shown), never run before the person agrees. */
export async function takeScenarioFromHash(hash = window.location.hash): Promise<void> {
  if (!hasScenarioHash(hash)) return;
  const scenario = await parseScenarioHash(hash);
  window.history.replaceState(null, "", window.location.pathname + window.location.search);
  if (!scenario) {
    useAppStore.setState((s) => ({
      notices: [
        ...s.notices,
        { id: Date.now(), tone: "error", text: "That scenario link is damaged: nothing was run." },
      ],
    }));
    return;
  }
  useAppStore.setState({ scenarioOffer: { scenario, from: "a shared link" } });
}

/** A scenario file chosen by the person: offered the same way. */
export function offerScenarioFile(name: string, text: string): boolean {
  const scenario = parseScenarioFile(text);
  if (!scenario) return false;
  useAppStore.setState({ scenarioOffer: { scenario, from: `the file ${name}` } });
  return true;
}

export function refuseScenario(): void {
  useAppStore.setState({ scenarioOffer: null });
}

/**
 * The person agreed: a fresh engine with the scenario's seed and base, its target files
 * written where dmsh finds them, its commands replayed in order, its view restored.
 */
export async function acceptScenario(): Promise<void> {
  const offer = useAppStore.getState().scenarioOffer;
  if (!offer) return;
  const { scenario } = offer;
  useAppStore.setState({ scenarioOffer: null, replaying: true });
  try {
    await startFrom(scenario.base, scenario.seed, `replaying a scenario from ${offer.from}`);
    const c = requireClient();
    for (const t of scenario.targets)
      await c.call("writeFile", { path: `/tmp/${t.name}`, content: t.source });
    await typeCommands(scenario.commands);
    await drained();
    const v = scenario.view;
    if (v.tab) setInsightTab(v.tab as Parameters<typeof setInsightTab>[0]);
    if (v.device) useAppStore.setState({ selectedDevice: v.device });
    if (v.speed !== undefined)
      void setPace({
        speed: v.speed === null ? "max" : v.speed * PACE_REAL_TIME,
        paused: useAppStore.getState().paused,
      });
    if (v.lesson && lessonById(v.lesson)) {
      const lesson = lessonById(v.lesson)!;
      useAppStore.setState({
        lesson: {
          id: v.lesson,
          step: Math.min(v.step ?? 0, lesson.steps.length - 1),
          passed: lesson.steps.map(() => false),
          running: false,
        },
        learnOpen: true,
        learnTab: "lessons",
      });
      await checkLesson();
    }
  } finally {
    useAppStore.setState({ replaying: false });
  }
}

// ---------------------------------------------------------------- real Linux

/** The Linux script of this session (checks' outputs from the page's engine). */
export async function linuxScriptOfSession(): Promise<string> {
  const s = useAppStore.getState();
  const scenario = currentScenario();
  const c = requireClient();
  const run = async (command: string) => {
    let out = "";
    await c.runShell(command, (_s, t) => (out += t));
    return out;
  };
  return exportScenario(
    scenarioCommands(scenario),
    `dm-playground scenario (${s.sessionBase}, ${s.sessionCommands.length} commands typed)`,
    run,
  );
}

export function parseImport(text: string): ImportResult {
  return importStack(text);
}

/** Rebuilds an imported stack on a fresh engine. */
export async function buildImported(result: ImportResult): Promise<void> {
  await startFrom("empty", DEFAULT_SEED, "importing a stack from real Linux");
  await typeCommands(result.commands);
  useAppStore.setState({ learnOpen: true });
}

/** The page's URL hash asks for the Learn panel (#lesson=ID, #exercises=SEED) or a scenario. */
export function takeLearnHash(hash = window.location.hash): void {
  const h = hash.replace(/^#/, "");
  const lesson = /^lesson=([\w-]+)$/.exec(h);
  if (lesson && lessonById(lesson[1]!)) {
    useAppStore.setState({ learnOpen: true, learnTab: "lessons", lessonPick: lesson[1]! });
    // Taken: a later hash check (after a Reset) does not open the panel again.
    window.history.replaceState(null, "", window.location.pathname + window.location.search);
  }
  // The exercise set's seed stays in the URL (a teacher copies it); the same seed again keeps
  // the score.
  const ex = /^exercises=(\d+)$/.exec(h);
  const st = useAppStore.getState();
  if (ex && (Number(ex[1]) !== st.exerciseSeed || Object.keys(st.exercises).length === 0))
    setExerciseSeed(Number(ex[1]));
  void takeScenarioFromHash(hash);
}
