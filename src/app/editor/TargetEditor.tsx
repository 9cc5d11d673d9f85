/**
 * The target editor panel: write a device-mapper target in TypeScript (completion, hover docs
 * and type errors against the public target API as you type), keep it in the page's files,
 * Load it (insmod) or Reload it (hot swap), see load errors and contract-check warnings on their
 * lines, set line breakpoints. Loaded lazily, with Monaco, on first open.
 */

import { lazy, Suspense, useEffect, useId, useRef, useState } from "react";
import { useAppStore } from "../store/index.ts";
import type { TargetFile } from "../store/targetSlice.ts";
import { CodeEditor, revealProblem, type TypeErrors } from "./CodeEditor.tsx";
import {
  deleteTargetFile,
  getModules,
  importTargetFile,
  initTargetEditor,
  loadTargetFile,
  newTargetFile,
  onModules,
  openTargetFile,
  renameTargetFile,
  shellPath,
  shareLink,
  unloadTargetFile,
  watchModuleProblems,
  type ModuleInfo,
} from "./targetActions.ts";
import { moduleName } from "./targetFiles.ts";
import { ConsentDialog } from "./ConsentDialog.tsx";

const SamplesMenu = lazy(() => import("./SamplesMenu.tsx"));

function useModules(): ModuleInfo[] {
  const [mods, setMods] = useState(getModules);
  useEffect(() => onModules(setMods), []);
  return mods;
}

export default function TargetEditor() {
  const files = useAppStore((s) => s.targetFiles);
  const openName = useAppStore((s) => s.targetOpen);
  const busy = useAppStore((s) => s.targetBusy);
  const message = useAppStore((s) => s.targetMessage);
  const problems = useAppStore((s) => s.targetProblems);
  const loaded = useAppStore((s) => s.loadedTargets);
  const engineReady = useAppStore((s) => s.engineStatus === "ready");
  const consent = useAppStore((s) => s.consent);
  const modules = useModules();
  const ids = useId();
  const [renaming, setRenaming] = useState<string | null>(null);
  const [nameError, setNameError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const [typeErrors, setTypeErrors] = useState<TypeErrors>({ count: 0, first: null });

  useEffect(() => void initTargetEditor(), []);
  useEffect(() => watchModuleProblems(), []);

  const file: TargetFile | undefined = files?.find((f) => f.name === openName);
  const mod = file ? moduleName(file.name) : "";
  const info = modules.find((m) => m.name === mod);
  const isLoaded = info !== undefined;
  const modified = file && loaded[file.name] && loaded[file.name]!.source !== file.source;
  const fileProblems = problems.filter((p) => p.file === file?.name);

  const load = () => {
    if (file) void loadTargetFile(file.name);
  };

  const commitRename = (to: string) => {
    if (!file) return;
    const err = renameTargetFile(file.name, to.trim());
    setNameError(err);
    if (!err) setRenaming(null);
  };

  if (files === null) return <p className="empty">Reading your files…</p>;

  return (
    <div className="target-editor">
      <div className="target-bar" role="toolbar" aria-label="Target files">
        {renaming !== null && file ? (
          <input
            className="name"
            aria-label="File name"
            aria-invalid={nameError !== null}
            autoFocus
            value={renaming}
            spellCheck={false}
            onChange={(e) => {
              setRenaming(e.target.value);
              setNameError(null);
            }}
            onKeyDown={(e) => {
              if (e.key === "Enter") commitRename(renaming);
              if (e.key === "Escape") setRenaming(null);
            }}
            onBlur={() => commitRename(renaming)}
          />
        ) : (
          <>
            <label htmlFor={`${ids}-file`} className="sr-only">
              Open file
            </label>
            <select
              id={`${ids}-file`}
              value={file?.name ?? ""}
              disabled={files.length === 0}
              onChange={(e) => openTargetFile(e.target.value)}
            >
              {files.length === 0 && <option value="">no files</option>}
              {files.map((f) => (
                <option key={f.name} value={f.name}>
                  {f.name}
                  {!f.trusted ? " (not trusted)" : ""}
                </option>
              ))}
            </select>
          </>
        )}
        <button type="button" onClick={() => newTargetFile()} title="A new file from a template">
          New
        </button>
        <Suspense fallback={null}>
          <SamplesMenu />
        </Suspense>
        <button
          type="button"
          disabled={!file}
          onClick={() => file && setRenaming(file.name)}
          title="Rename the open file"
        >
          Rename
        </button>
        <button
          type="button"
          disabled={!file}
          onClick={() => {
            if (file && window.confirm(`Delete ${file.name}?`)) deleteTargetFile(file.name);
          }}
          title="Delete the open file"
        >
          Delete
        </button>
        <button
          type="button"
          onClick={() => fileInput.current?.click()}
          title="Open a .ts or .js file from your computer (it runs only after you agree)"
        >
          Open…
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".ts,.js,text/plain,text/javascript"
          hidden
          aria-label="Open a target file"
          onChange={async (e) => {
            const f = e.target.files?.[0];
            e.target.value = "";
            if (f) importTargetFile(f.name, await f.text());
          }}
        />
        <button
          type="button"
          disabled={!file}
          title="Copy a link that opens this file (the receiver is asked before it runs)"
          onClick={async () => {
            if (!file) return;
            try {
              await navigator.clipboard.writeText(shareLink(file));
              setCopied(true);
              setTimeout(() => setCopied(false), 1500);
            } catch {
              window.prompt("Copy this link", shareLink(file));
            }
          }}
        >
          {copied ? "Copied" : "Share"}
        </button>
        <span className="spacer" />
        <span className="module-state" aria-live="polite">
          {file &&
            (isLoaded ? (
              <>
                <code>{mod}</code> {info.faulty ? <b className="bad">faulty</b> : "loaded"}
                {info.useCount > 0 && ` · used ×${info.useCount}`}
                {modified && " · modified"}
              </>
            ) : (
              <>
                <code>{mod}</code> not loaded
              </>
            ))}
        </span>
        <button
          type="button"
          className="primary"
          disabled={!file || busy || !engineReady}
          onClick={load}
          title={
            isLoaded
              ? "Hot swap: tables using it are suspended, reloaded with the new code and resumed"
              : "insmod this file"
          }
        >
          {isLoaded ? "Reload" : "Load"} <kbd>Ctrl+S</kbd>
        </button>
        <button
          type="button"
          disabled={!file || !isLoaded || busy || !engineReady}
          onClick={() => file && void unloadTargetFile(file.name)}
          title="rmmod (refused while a table uses it)"
        >
          Unload
        </button>
      </div>
      {nameError && (
        <p className="name-error" role="alert">
          {nameError}
        </p>
      )}

      {file ? (
        <>
          {file.sample && (
            <Suspense fallback={null}>
              <SamplesMenu note={file.sample} />
            </Suspense>
          )}
          {!file.trusted && (
            <p className="untrusted" role="note">
              This code came from {file.origin === "link" ? "a shared link" : "a file"}: it runs
              only after you agree (press Load).
            </p>
          )}
          <div className="code-wrap">
            <CodeEditor
              file={file}
              onSave={load}
              onTypeErrors={setTypeErrors}
              label={`Target module ${file.name}: TypeScript, the target API is "dm-playground"`}
            />
          </div>
        </>
      ) : (
        <div className="empty target-empty">
          <p>
            Write your own device-mapper target: <b>New</b> starts from a template, <b>Samples</b>{" "}
            from working targets with a script to try them.
          </p>
          <button type="button" className="primary" onClick={() => newTargetFile()}>
            New target file
          </button>
        </div>
      )}

      <div className="target-foot">
        {message && (
          <p className={`load-output ${message.ok ? "ok" : "bad"}`} role="status">
            {message.text}
          </p>
        )}
        {file && typeErrors.count > 0 && typeErrors.first && (
          <p className="type-errors" role="status">
            <button
              type="button"
              className="link"
              onClick={() =>
                file && typeErrors.first && revealProblem({ file: file.name, ...typeErrors.first })
              }
            >
              {typeErrors.count} type error{typeErrors.count === 1 ? "" : "s"}
            </button>{" "}
            · line {typeErrors.first.line}: {typeErrors.first.message.split("\n")[0]}
          </p>
        )}
        {fileProblems.length > 0 && (
          <ul className="target-problems" aria-label="Problems">
            {fileProblems.map((p, i) => (
              <li key={i} className={`problem ${p.severity}`}>
                <button type="button" className="line" onClick={() => revealProblem(p)}>
                  {p.file}:{p.line}:{p.column}
                </button>
                <span className="kind">{p.kind === "check" ? "check" : p.kind}</span>
                <code>{p.message.replace(/^\S+:\d+(:\d+)?: /, "")}</code>
              </li>
            ))}
          </ul>
        )}
        {file && (
          <p className="hint-line">
            Console: <code>insmod {shellPath(file.name)}</code> · breakpoint: click left of a line
            number, or F9
          </p>
        )}
      </div>
      {consent && <ConsentDialog request={consent} />}
    </div>
  );
}
