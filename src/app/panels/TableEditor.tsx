/**
 * The table editor: write a table for a device, see the kernel's verdict as you type (the
 * worker runs the real table load on a shadow engine), then load it into the inactive slot or
 * load and resume. Loaded lazily.
 */

import { useEffect, useId, useMemo, useRef, useState } from "react";
import {
  editDevice,
  followEditorTable,
  loadDraft,
  resolveLiveChange,
  setDraft,
  setEditorDevice,
  validateDraft,
} from "../actions.ts";
import { useAppStore } from "../store/index.ts";

const NEW = "__new__";
const VALIDATE_DELAY_MS = 150;

const EXAMPLES: Array<[string, string]> = [
  ["linear", "0 8192 linear /dev/ram0 0"],
  ["striped", "0 16384 striped 2 128 /dev/ram0 0 /dev/ram1 0"],
  ["zero", "0 8192 zero"],
  ["error", "0 8192 error"],
];

export default function TableEditor() {
  const devices = useAppStore((s) => s.devices);
  const editorDevice = useAppStore((s) => s.editorDevice);
  const draft = useAppStore((s) => s.draft);
  const problems = useAppStore((s) => s.problems);
  const validatedDraft = useAppStore((s) => s.validatedDraft);
  const loadOutput = useAppStore((s) => s.loadOutput);
  const loadOk = useAppStore((s) => s.loadOk);
  const engineReady = useAppStore((s) => s.engineStatus === "ready");
  const liveChanged = useAppStore((s) => s.liveChanged);
  const draftBase = useAppStore((s) => s.draftBase);
  const gutter = useRef<HTMLDivElement>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  const ids = useId();

  const exists = devices.some((d) => d.name === editorDevice);
  // "New device…" was chosen: the name field shows, even while it is still empty.
  const [creating, setCreating] = useState(false);
  const isNew = !exists;

  // First open (and after a reset): edit the first device, so the editor never starts blank;
  // not while a new device is being named.
  useEffect(() => {
    const first = devices[0];
    if (!editorDevice && first && !creating) editDevice(first.name);
  }, [editorDevice, devices, creating]);

  // The draft follows the device's table while it is not edited (editor/followTable.ts).
  useEffect(() => followEditorTable(), [devices, editorDevice]);

  // Validate as you type, debounced; a stale answer is dropped by validateDraft itself.
  useEffect(() => {
    if (!engineReady || validatedDraft === draft) return;
    const t = setTimeout(() => void validateDraft(), VALIDATE_DELAY_MS);
    return () => clearTimeout(t);
  }, [draft, editorDevice, engineReady, validatedDraft]);

  const lines = draft.split("\n");
  const rejections = problems.filter((p) => !p.unchecked);
  const badLines = useMemo(
    () =>
      new Set(
        problems
          .filter((p) => !p.unchecked)
          .map((p) => p.line)
          .filter((l) => l > 0),
      ),
    [problems],
  );
  const pending = validatedDraft !== draft;
  const unchecked = !pending && problems.length > 0 && rejections.length === 0;
  const ok = !pending && problems.length === 0 && draft.trim() !== "";

  const onKeyDown = (ev: React.KeyboardEvent) => {
    if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) {
      ev.preventDefault();
      void loadDraft(true);
    }
  };

  return (
    <div className="editor">
      <div className="editor-bar">
        <label htmlFor={`${ids}-dev`}>Device</label>
        <select
          id={`${ids}-dev`}
          value={exists ? editorDevice : NEW}
          onChange={(e) => {
            if (e.target.value === NEW) {
              setCreating(true);
              setEditorDevice("");
              setDraft("");
            } else {
              setCreating(false);
              editDevice(e.target.value);
            }
          }}
        >
          {devices.map((d) => (
            <option key={d.name} value={d.name}>
              {d.name} ({d.dev})
            </option>
          ))}
          <option value={NEW}>New device…</option>
        </select>
        {isNew && (
          <input
            aria-label="New device name"
            className="name"
            placeholder="name"
            value={editorDevice}
            spellCheck={false}
            autoFocus={creating}
            onChange={(e) => setEditorDevice(e.target.value)}
          />
        )}
        <span
          className={`verdict ${pending ? "pending" : ok ? "ok" : unchecked ? "pending" : problems.length ? "bad" : ""}`}
          aria-live="polite"
        >
          {pending
            ? "checking…"
            : ok
              ? "✓ the kernel accepts this table"
              : unchecked
                ? "checked when loaded"
                : problems.length
                  ? "✗ rejected"
                  : ""}
        </span>
      </div>

      {liveChanged !== null && exists && (
        <div className="live-changed" role="alert">
          <span>
            The live table of <b>{editorDevice}</b> changed since you started editing:
          </span>
          <code>{liveChanged.trimEnd()}</code>
          <span className="live-changed-actions">
            <button type="button" onClick={() => resolveLiveChange(true)}>
              Reload it
            </button>
            <button type="button" onClick={() => resolveLiveChange(false)}>
              Keep my draft
            </button>
          </span>
        </div>
      )}
      {!exists && !creating && draftBase !== null && editorDevice && (
        <p className="live-changed" role="status">
          <b>{editorDevice}</b> no longer exists: Create makes it again with this table.
        </p>
      )}

      <div className="code">
        <div className="gutter" ref={gutter} aria-hidden="true">
          {lines.map((_, i) => (
            <div key={i} className={badLines.has(i + 1) ? "bad" : undefined}>
              {i + 1}
            </div>
          ))}
        </div>
        <textarea
          ref={area}
          aria-label="Table"
          aria-invalid={!pending && rejections.length > 0}
          aria-describedby={`${ids}-problems`}
          spellCheck={false}
          value={draft}
          placeholder="<start> <length> <target type> <arguments…>"
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={onKeyDown}
          onScroll={(e) => {
            if (gutter.current) gutter.current.scrollTop = e.currentTarget.scrollTop;
          }}
        />
      </div>

      <div id={`${ids}-problems`} className="problems" role="status" aria-label="Kernel messages">
        {!pending &&
          problems.map((p, i) => (
            <div key={i} className={p.unchecked ? "problem unchecked" : "problem"}>
              {p.line > 0 && <span className="line">line {p.line}</span>}
              <code>{p.message}</code>
            </div>
          ))}
      </div>

      <div className="editor-actions">
        <button type="button" onClick={() => void loadDraft(false)} disabled={!engineReady}>
          {isNew ? "Create, load (no resume)" : "Load inactive"}
        </button>
        <button
          type="button"
          className="primary"
          onClick={() => void loadDraft(true)}
          disabled={!engineReady}
        >
          {isNew ? "Create" : "Load & resume"}{" "}
          <span className="shortcut">
            <kbd>Ctrl</kbd>+<kbd>Enter</kbd>
          </span>
        </button>
        <span className="examples">
          Examples:{" "}
          {EXAMPLES.map(([name, text]) => (
            <button
              type="button"
              key={name}
              className="link"
              onClick={() => {
                setDraft(text + "\n");
                area.current?.focus();
              }}
            >
              {name}
            </button>
          ))}
        </span>
      </div>
      {loadOk !== null && (
        <pre className={`load-output ${loadOk ? "ok" : "bad"}`} aria-label="Load result">
          {loadOutput || (loadOk ? "Loaded." : "Failed.")}
        </pre>
      )}
    </div>
  );
}
