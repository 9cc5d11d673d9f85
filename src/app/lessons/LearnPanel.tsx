/**
 * The Learn panel: lessons walked through step by step, exercises answered then revealed, and
 * sharing (a link, a file, a Linux script, an import from a real machine). It sits beside the
 * grid on a wide screen and above it on a narrow one (learn.css); the header's Learn button
 * opens it. Lazy: it loads when first opened.
 */

import { useEffect, useRef, useState, type ReactNode } from "react";
import { LESSONS, lessonById } from "../../lessons/index.ts";
import { answerText, type Answer, type Exercise } from "../../lessons/exercises.ts";
import type { ImportResult } from "../../lessons/linux.ts";
import { useAppStore } from "../store/index.ts";
import type { LearnTab } from "../store/learnSlice.ts";
import {
  buildImported,
  checkLesson,
  currentExercises,
  download,
  downloadScenario,
  goToStep,
  leaveLesson,
  linuxScriptOfSession,
  offerScenarioFile,
  parseImport,
  prepareExercise,
  revealExercise,
  runStep,
  scenarioLink,
  score,
  setAnswer,
  setExerciseSeed,
  setLearnOpen,
  setLearnTab,
  requestLesson,
} from "./learnActions.ts";
import LessonConsent from "./LessonConsent.tsx";
import { tabListKeys } from "../panels/tabList.ts";
import "./learn.css";

const TABS: ReadonlyArray<{ id: LearnTab; title: string }> = [
  { id: "lessons", title: "Lessons" },
  { id: "exercises", title: "Exercises" },
  { id: "share", title: "Share & Linux" },
];

/** Text with `code` spans and blank-line paragraphs. */
function Prose(props: { text: string }) {
  return (
    <>
      {props.text.split(/\n\s*\n/).map((para, i) => (
        <p key={i}>
          {para
            .split(/(`[^`]+`)/)
            .map((part, j) =>
              part.startsWith("`") && part.endsWith("`") && part.length > 1 ? (
                <code key={j}>{part.slice(1, -1)}</code>
              ) : (
                part
              ),
            )}
        </p>
      ))}
    </>
  );
}

export default function LearnPanel() {
  const tab = useAppStore((s) => s.learnTab);
  const headRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headRef.current?.focus({ preventScroll: true }), []);
  return (
    <aside className="learn" id="panel-learn" aria-labelledby="h-learn">
      <header className="panel-head">
        <h2 id="h-learn" ref={headRef} tabIndex={-1}>
          Learn
        </h2>
        <div
          className="tabs"
          role="tablist"
          aria-label="Learn"
          onKeyDown={tabListKeys(
            TABS.map((t) => t.id),
            tab,
            setLearnTab,
            (id) => `learn-tab-${id}`,
          )}
        >
          {TABS.map((t) => (
            <button
              key={t.id}
              type="button"
              role="tab"
              id={`learn-tab-${t.id}`}
              aria-selected={tab === t.id}
              // Roving: only the selected tab is in the Tab order (no attribute: a button is).
              tabIndex={tab === t.id ? undefined : -1}
              aria-controls="learn-body"
              className={tab === t.id ? "on" : ""}
              onClick={() => setLearnTab(t.id)}
            >
              {t.title}
            </button>
          ))}
        </div>
        <span className="spacer" />
        <button
          type="button"
          className="learn-close"
          aria-label="Close the Learn panel"
          onClick={() => setLearnOpen(false)}
        >
          ×
        </button>
      </header>
      <div
        id="learn-body"
        className="learn-body"
        role="tabpanel"
        aria-labelledby={`learn-tab-${tab}`}
      >
        {tab === "lessons" && <Lessons />}
        {tab === "exercises" && <Exercises />}
        {tab === "share" && <Share />}
      </div>
    </aside>
  );
}

// ---------------------------------------------------------------- lessons

function Lessons() {
  const progress = useAppStore((s) => s.lesson);
  const pick = useAppStore((s) => s.lessonPick);
  const busy = useAppStore((s) => s.busy);
  const offer = useAppStore((s) => s.lessonOffer);
  const pickRef = useRef<HTMLButtonElement>(null);
  useEffect(() => pickRef.current?.focus(), [pick]);
  // A lesson opened from the list (Enter on its button, or its consent dialog): the button is
  // gone with the list, and the focus with it. It goes to the lesson's step, then to its "Run in
  // the console" once the lesson's setup is done, so that Enter runs the step.
  const stepHead = useRef<HTMLHeadingElement>(null);
  const runButton = useRef<HTMLButtonElement>(null);
  const lessonId = progress?.id ?? null;
  const setupRunning = progress?.running ?? false;
  useEffect(() => {
    if (lessonId === null) return;
    const a = document.activeElement;
    if (!a || a === document.body || a.closest("#panel-learn")) {
      stepHead.current?.focus({ preventScroll: true });
    }
  }, [lessonId]);
  useEffect(() => {
    if (lessonId === null || setupRunning) return;
    const a = document.activeElement;
    if (a === stepHead.current || !a || a === document.body) runButton.current?.focus();
  }, [lessonId, setupRunning]);
  // Commands typed in the console count too: the checks follow the engine's events.
  const lessonOpen = progress !== null;
  useEffect(() => {
    if (!lessonOpen) return;
    let seen = -1;
    const t = setInterval(() => {
      const s = useAppStore.getState();
      if (s.head === seen || s.lesson?.running) return;
      seen = s.head;
      void checkLesson();
    }, 600);
    return () => clearInterval(t);
  }, [lessonOpen]);
  const lesson = progress ? lessonById(progress.id) : undefined;
  if (!progress || !lesson) {
    return (
      <div className="lesson-list">
        <p className="dim">
          Each lesson starts from a fresh engine, runs its commands in the console (or you type
          them), shows where to look, and checks from the engine’s events that the step happened.
        </p>
        <ol>
          {LESSONS.map((l) => (
            <li key={l.id} className={pick === l.id ? "picked" : ""}>
              <button
                type="button"
                ref={pick === l.id ? pickRef : undefined}
                disabled={busy}
                onClick={() => void requestLesson(l.id)}
                aria-describedby={`lesson-sum-${l.id}`}
              >
                {l.title}
              </button>
              <span id={`lesson-sum-${l.id}`} className="dim">
                {l.summary}
              </span>
            </li>
          ))}
        </ol>
        {offer !== null && <LessonConsent id={offer} />}
      </div>
    );
  }
  const step = lesson.steps[progress.step]!;
  const passed = progress.passed[progress.step] ?? false;
  const done = progress.passed.filter(Boolean).length;
  const last = progress.step === lesson.steps.length - 1;
  return (
    <div className="lesson">
      <div className="lesson-top">
        <button type="button" className="link" onClick={() => leaveLesson()}>
          ← All lessons
        </button>
        <span className="dim" aria-live="polite">
          {done} of {lesson.steps.length} steps done
        </span>
      </div>
      <h3>{lesson.title}</h3>
      <ol className="lesson-steps" aria-label="Steps">
        {lesson.steps.map((s, i) => (
          <li key={i}>
            <button
              type="button"
              className={`step-dot${i === progress.step ? " on" : ""}${progress.passed[i] ? " ok" : ""}`}
              aria-current={i === progress.step ? "step" : undefined}
              aria-label={`Step ${i + 1}: ${s.title}${progress.passed[i] ? " (done)" : ""}`}
              onClick={() => goToStep(i)}
            >
              {progress.passed[i] ? "✓" : i + 1}
            </button>
          </li>
        ))}
      </ol>
      <section className="lesson-step" aria-labelledby="lesson-step-title">
        <h4 id="lesson-step-title" ref={stepHead} tabIndex={-1}>
          {progress.step + 1}. {step.title}
        </h4>
        <Prose text={step.text} />
        <pre className="lesson-commands" aria-label="Commands of this step" tabIndex={0}>
          {step.commands.join("\n")}
        </pre>
        <div className="lesson-actions">
          <button
            type="button"
            ref={runButton}
            className={passed ? "" : "primary"}
            disabled={progress.running}
            onClick={() => void runStep()}
          >
            {progress.running ? "Running…" : "Run in the console"}
          </button>
          <button type="button" onClick={() => void checkLesson()} disabled={progress.running}>
            Check
          </button>
        </div>
        <p
          className={`lesson-check ${passed ? "ok" : ""}`}
          role="status"
          data-testid="lesson-check"
        >
          {passed ? "✓ " : "○ "}
          {step.check.text}
          {passed ? "" : " — not yet (run the commands, or type them)"}
        </p>
        <div className="lesson-nav">
          <button
            type="button"
            disabled={progress.step === 0}
            onClick={() => goToStep(progress.step - 1)}
          >
            Back
          </button>
          <button
            type="button"
            className={passed && !last ? "primary" : ""}
            disabled={last}
            onClick={() => goToStep(progress.step + 1)}
          >
            Next
          </button>
        </div>
        {last && progress.passed.every(Boolean) && (
          <p className="lesson-done" role="status">
            Lesson complete.
          </p>
        )}
      </section>
    </div>
  );
}

// ---------------------------------------------------------------- exercises

function Exercises() {
  const seed = useAppStore((s) => s.exerciseSeed);
  const index = useAppStore((s) => s.exerciseIndex);
  const ready = useAppStore((s) => s.exerciseReady);
  const busy = useAppStore((s) => s.exerciseBusy);
  const records = useAppStore((s) => s.exercises);
  const exercises = currentExercises(seed);
  const ex = exercises[index]!;
  const record = records[ex.id];
  const { right, answered } = score(records);
  return (
    <div className="exercises">
      <div className="ex-top">
        <SeedForm key={seed} seed={seed} />
        <span className="spacer" />
        <span className="ex-score" role="status" aria-live="polite" data-testid="ex-score">
          Score {right} / {answered}
        </span>
      </div>
      <p id="ex-seed-hint" className="dim">
        The same seed gives the same exercises (the link carries it). Answer first; then the engine
        runs it and the views show why.
      </p>
      <nav className="ex-nav" aria-label="Exercises">
        {exercises.map((e, i) => (
          <button
            key={e.id}
            type="button"
            className={`step-dot${i === index ? " on" : ""}${records[e.id]?.right ? " ok" : records[e.id]?.right === false ? " bad" : ""}`}
            aria-current={i === index ? "step" : undefined}
            aria-label={`Exercise ${i + 1} (${e.kind})`}
            disabled={busy}
            onClick={() => useAppStore.setState({ exerciseIndex: i, exerciseReady: false })}
          >
            {i + 1}
          </button>
        ))}
      </nav>
      <section className="exercise" aria-labelledby="ex-title">
        <h4 id="ex-title">
          Exercise {index + 1}: {KIND_TITLES[ex.kind]}
        </h4>
        <Prose text={ex.prompt} />
        {!ready && !(record && record.right !== null) && (
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={() => void prepareExercise(index)}
          >
            {busy ? "Building…" : "Build it on a fresh engine"}
          </button>
        )}
        {(ready || (record && record.right !== null)) && (
          <AnswerForm
            key={ex.id}
            ex={ex}
            answer={record?.answer ?? null}
            locked={record?.right != null}
          />
        )}
        {ready && (
          <button
            type="button"
            className="primary"
            disabled={busy || !record?.answer}
            onClick={() => void revealExercise()}
          >
            {busy ? "Running…" : "Check: run it"}
          </button>
        )}
        {record && record.right !== null && (
          <div
            className={`ex-result ${record.right ? "ok" : "bad"}`}
            role="status"
            data-testid="ex-result"
          >
            <strong>{record.right ? "Right." : "Not quite."}</strong> The engine says:{" "}
            {answerText(ex, record.truth)}.
            {!record.right && <> You answered {answerText(ex, record.answer)}.</>}
            <p>{ex.explain}</p>
            <button
              type="button"
              onClick={() => {
                useAppStore.setState((s) => {
                  const next = { ...s.exercises };
                  delete next[ex.id];
                  return { exercises: next };
                });
                void prepareExercise(index);
              }}
            >
              Try again
            </button>{" "}
            {index < exercises.length - 1 && (
              <button
                type="button"
                onClick={() =>
                  useAppStore.setState({ exerciseIndex: index + 1, exerciseReady: false })
                }
              >
                Next exercise
              </button>
            )}
          </div>
        )}
      </section>
    </div>
  );
}

/** The seed field: a new seed gives a new set (keyed on the seed, so it shows the current one). */
function SeedForm(props: { seed: number }) {
  const [text, setText] = useState(String(props.seed));
  const valid = /^\d+$/.test(text) && Number(text) <= 0xffffffff;
  return (
    <>
      <label>
        Seed{" "}
        <input
          type="number"
          min={0}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter" && valid) setExerciseSeed(Number(text));
          }}
          aria-describedby="ex-seed-hint"
        />
      </label>
      <button
        type="button"
        disabled={!valid || Number(text) === props.seed}
        onClick={() => setExerciseSeed(Number(text))}
      >
        New set
      </button>
    </>
  );
}

const KIND_TITLES: Record<Exercise["kind"], string> = {
  stripe: "where does the read land?",
  suspend: "what does the suspend hold?",
  status: "what does dmsetup status print?",
  powercut: "which writes survive the power cut?",
};

function AnswerForm(props: { ex: Exercise; answer: Answer | null; locked: boolean }) {
  const { ex, locked } = props;
  const a = props.answer;
  if (ex.form.type === "disk-sector") {
    const disk = a && "disk" in a ? a.disk : "";
    const sector = a && "disk" in a ? a.sector : NaN;
    const set = (d: string, s: number) => setAnswer(ex.id, { disk: d, sector: s });
    return (
      <fieldset className="ex-answer" disabled={locked}>
        <legend>Your answer</legend>
        <label>
          Disk{" "}
          <select value={disk} onChange={(e) => set(e.target.value, sector)}>
            <option value="">choose…</option>
            {ex.form.disks.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </label>{" "}
        <label>
          Sector{" "}
          <input
            type="number"
            min={0}
            inputMode="numeric"
            value={Number.isNaN(sector) ? "" : sector}
            onChange={(e) => set(disk, e.target.value === "" ? NaN : Number(e.target.value))}
          />
        </label>
      </fieldset>
    );
  }
  const { options, multiple } = ex.form;
  const chosen = a && "choices" in a ? a.choices : [];
  const toggle = (i: number) =>
    setAnswer(ex.id, {
      choices: multiple
        ? chosen.includes(i)
          ? chosen.filter((c) => c !== i)
          : [...chosen, i]
        : [i],
    });
  return (
    <fieldset className="ex-answer" disabled={locked}>
      <legend>{multiple ? "Choose every one that applies (or none)" : "Choose one"}</legend>
      {multiple && (
        <label className="ex-option">
          <input
            type="checkbox"
            checked={a !== null && chosen.length === 0}
            onChange={() => setAnswer(ex.id, { choices: [] })}
          />{" "}
          none of them
        </label>
      )}
      {options.map((o, i) => (
        <label key={i} className="ex-option">
          <input
            type={multiple ? "checkbox" : "radio"}
            name={`ex-${ex.id}`}
            checked={chosen.includes(i)}
            onChange={() => toggle(i)}
          />{" "}
          <b>{String.fromCharCode(65 + i)}</b> <code>{o}</code>
        </label>
      ))}
    </fieldset>
  );
}

// ---------------------------------------------------------------- share & Linux

function Share() {
  const commands = useAppStore((s) => s.sessionCommands);
  const base = useAppStore((s) => s.sessionBase);
  const [link, setLink] = useState<string | null>(null);
  const [status, setStatus] = useState<ReactNode>(null);
  const [importText, setImportText] = useState("");
  const [imported, setImported] = useState<ImportResult | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  return (
    <div className="share">
      <section aria-labelledby="share-h">
        <h4 id="share-h">Share this session</h4>
        <p className="dim">
          A link carries where the session started ({base}), its seed, the {commands.length} command
          {commands.length === 1 ? "" : "s"} run in the console since, the target files they use and
          the view. Opening it shows the commands and code first; nothing runs until the person
          agrees.
        </p>
        <div className="share-actions">
          <button
            type="button"
            className="primary"
            onClick={async () => {
              const l = await scenarioLink();
              setLink(l);
              try {
                await navigator.clipboard.writeText(l);
                setStatus(`Link copied (${l.length.toLocaleString("en")} characters).`);
              } catch {
                setStatus(
                  `Link ready (${l.length.toLocaleString("en")} characters): copy it below.`,
                );
              }
            }}
          >
            Copy link
          </button>
          <button type="button" onClick={() => downloadScenario()}>
            Save as file
          </button>
          <button type="button" onClick={() => fileRef.current?.click()}>
            Open a file…
          </button>
          <input
            ref={fileRef}
            type="file"
            accept=".json,application/json"
            hidden
            aria-label="Scenario file to open"
            onChange={async (e) => {
              const f = e.target.files?.[0];
              e.target.value = "";
              if (!f) return;
              if (!offerScenarioFile(f.name, await f.text()))
                setStatus(`${f.name} is not a dm-playground scenario.`);
            }}
          />
        </div>
        {link && (
          <input
            className="share-link"
            readOnly
            value={link}
            aria-label="Scenario link"
            onFocus={(e) => e.target.select()}
          />
        )}
        {status && (
          <p className="dim" role="status">
            {status}
          </p>
        )}
      </section>
      <section aria-labelledby="linux-h">
        <h4 id="linux-h">Back to real Linux</h4>
        <p className="dim">
          A shell script for a Linux machine (as root, brd not loaded): the same RAM disks and
          commands, then checks that Linux prints what dm-playground printed.
        </p>
        <button
          type="button"
          onClick={async () => {
            const script = await linuxScriptOfSession();
            download("dm-playground-scenario.sh", script, "text/x-shellscript");
          }}
        >
          Download Linux script
        </button>
        <label className="import-label" htmlFor="import-text">
          Paste <code>dmsetup table</code> from a real machine (with <code>dmsetup ls --tree</code>{" "}
          and <code>lsblk</code> for device numbers and sizes):
        </label>
        <textarea
          id="import-text"
          className="import-text"
          rows={6}
          spellCheck={false}
          value={importText}
          onChange={(e) => {
            setImportText(e.target.value);
            setImported(null);
          }}
        />
        <div className="share-actions">
          <button
            type="button"
            disabled={!importText.trim()}
            onClick={() => setImported(parseImport(importText))}
          >
            Read it
          </button>
          {imported && imported.devices.length > 0 && (
            <button type="button" className="primary" onClick={() => void buildImported(imported)}>
              Build it here (fresh engine)
            </button>
          )}
        </div>
        {imported && (
          <div className="import-result" role="status">
            {imported.devices.length === 0 ? (
              <p>No `dmsetup table` lines found.</p>
            ) : (
              <>
                <p>
                  {imported.devices.length} device{imported.devices.length === 1 ? "" : "s"} over{" "}
                  {imported.disks.length} disk{imported.disks.length === 1 ? "" : "s"}:{" "}
                  {imported.disks
                    .map((d) => `${d.name ?? d.majmin} → ${d.here} (${d.sectors} sectors)`)
                    .join(", ")}
                </p>
                <pre tabIndex={0} aria-label="Commands that rebuild the stack">
                  {imported.commands.join("\n")}
                </pre>
              </>
            )}
            {imported.notes.map((n, i) => (
              <p key={i} className="warn">
                {n}
              </p>
            ))}
          </div>
        )}
      </section>
    </div>
  );
}
