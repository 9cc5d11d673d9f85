/**
 * The Monaco editor of the target editor: one model per file (so each keeps its undo history),
 * TypeScript's language service over the target API, load problems as markers, line
 * breakpoints in the glyph margin (the debug slice, contract C) and the paused line.
 */

import { useEffect, useRef } from "react";
import { useAppStore } from "../store/index.ts";
import type { TargetFile, TargetProblem } from "../store/targetSlice.ts";
import { fileUri, monaco, setupMonaco } from "./monaco.ts";
import { setTargetSource } from "./targetActions.ts";

const MARKER_OWNER = "dm-playground";

function language(name: string): string {
  return name.endsWith(".js") ? "javascript" : "typescript";
}

/** The model of a file, created on first use. */
function modelFor(file: TargetFile): monaco.editor.ITextModel {
  const uri = fileUri(file.name);
  const existing = monaco.editor.getModel(uri);
  if (existing) return existing;
  return monaco.editor.createModel(file.source, language(file.name), uri);
}

/** Whether a paused frame's file (a bare name or a path) is this file. */
function sameFile(pausedFile: string, name: string): boolean {
  return pausedFile === name || pausedFile.endsWith(`/${name}`);
}

/** The language service's errors in the open file (type errors, syntax errors). */
export interface TypeErrors {
  count: number;
  first: { line: number; column: number; message: string } | null;
}

export function CodeEditor(props: {
  file: TargetFile;
  /** Ctrl/Cmd+S. */
  onSave: () => void;
  label: string;
  onTypeErrors?: (e: TypeErrors) => void;
}) {
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const decorations = useRef<monaco.editor.IEditorDecorationsCollection | null>(null);
  const fileName = useRef(props.file.name);
  const onSave = useRef(props.onSave);
  const onTypeErrors = useRef(props.onTypeErrors);
  useEffect(() => {
    onSave.current = props.onSave;
    onTypeErrors.current = props.onTypeErrors;
  });

  const files = useAppStore((s) => s.targetFiles);
  const problems = useAppStore((s) => s.targetProblems);
  const breakpoints = useAppStore((s) => s.breakpoints[props.file.name]);
  const paused = useAppStore((s) => s.debugPaused);

  // The editor itself: once.
  useEffect(() => {
    setupMonaco();
    const el = host.current;
    if (!el) return;
    // vs-dark with comments readable (its #608b4e is 4.2:1 on the editor; WCAG AA wants 4.5:1,
    // checked by e2e/a11y.spec.ts).
    monaco.editor.defineTheme("dm-dark", {
      base: "vs-dark",
      inherit: true,
      rules: [{ token: "comment", foreground: "6A9955" }],
      colors: {},
    });
    const editor = monaco.editor.create(el, {
      model: null,
      theme: "dm-dark",
      automaticLayout: true,
      glyphMargin: true,
      minimap: { enabled: false },
      fontSize: 13,
      lineHeight: 19,
      scrollBeyondLastLine: false,
      fixedOverflowWidgets: true,
      tabSize: 2,
      ariaLabel: props.label,
      renderLineHighlight: "line",
      padding: { top: 6 },
    });
    editorRef.current = editor;
    decorations.current = editor.createDecorationsCollection();
    const sub = editor.onDidChangeModelContent(() => {
      const model = editor.getModel();
      if (model) setTargetSource(fileName.current, model.getValue());
    });
    // Line breakpoints: click the glyph margin (or F9 on the cursor's line).
    const mouse = editor.onMouseDown((e) => {
      if (e.target.type !== monaco.editor.MouseTargetType.GUTTER_GLYPH_MARGIN) return;
      const line = e.target.position?.lineNumber;
      if (line) useAppStore.getState().toggleBreakpoint(fileName.current, line);
    });
    editor.addCommand(monaco.KeyCode.F9, () => {
      const line = editor.getPosition()?.lineNumber;
      if (line) useAppStore.getState().toggleBreakpoint(fileName.current, line);
    });
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => onSave.current());
    // The language service's verdict on the open file, for the problems summary.
    const report = () => {
      const model = editor.getModel();
      if (!model) return;
      const errors = monaco.editor
        .getModelMarkers({ resource: model.uri })
        .filter((m) => m.owner !== MARKER_OWNER && m.severity === monaco.MarkerSeverity.Error)
        .sort((a, b) => a.startLineNumber - b.startLineNumber || a.startColumn - b.startColumn);
      const f = errors[0];
      onTypeErrors.current?.({
        count: errors.length,
        first: f ? { line: f.startLineNumber, column: f.startColumn, message: f.message } : null,
      });
    };
    const markers = monaco.editor.onDidChangeMarkers(report);
    const modelChange = editor.onDidChangeModel(report);
    return () => {
      sub.dispose();
      mouse.dispose();
      markers.dispose();
      modelChange.dispose();
      editor.dispose();
      editorRef.current = null;
    };
    // The label is fixed for the panel's life.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // The open file.
  useEffect(() => {
    const editor = editorRef.current;
    if (!editor) return;
    fileName.current = props.file.name;
    const model = modelFor(props.file);
    if (editor.getModel() !== model) editor.setModel(model);
    // A change that did not come from typing (a rename, a sample) replaces the text.
    if (model.getValue() !== props.file.source) model.setValue(props.file.source);
  }, [props.file]);

  // Models of files that no longer exist go.
  useEffect(() => {
    const names = new Set((files ?? []).map((f) => fileUri(f.name).toString()));
    for (const m of monaco.editor.getModels()) {
      if (m.uri.scheme === "file" && !m.uri.path.startsWith("/node_modules/")) {
        if (!names.has(m.uri.toString())) m.dispose();
      }
    }
  }, [files]);

  // Load problems and contract-check warnings as markers.
  useEffect(() => {
    for (const f of files ?? []) {
      const model = monaco.editor.getModel(fileUri(f.name));
      if (!model) continue;
      const mine = problems.filter((p) => p.file === f.name);
      monaco.editor.setModelMarkers(
        model,
        MARKER_OWNER,
        mine.map((p) => toMarker(model, p)),
      );
    }
  }, [problems, files, props.file.name]);

  // Breakpoints and the paused line.
  useEffect(() => {
    const d = decorations.current;
    const editor = editorRef.current;
    if (!d || !editor) return;
    const list: monaco.editor.IModelDeltaDecoration[] = (breakpoints ?? []).map((line) => ({
      range: new monaco.Range(line, 1, line, 1),
      options: {
        glyphMarginClassName: "bp-glyph",
        glyphMarginHoverMessage: { value: `Breakpoint (line ${line}): click to remove` },
        stickiness: monaco.editor.TrackedRangeStickiness.NeverGrowsWhenTypingAtEdges,
      },
    }));
    if (paused && sameFile(paused.file, props.file.name)) {
      list.push({
        range: new monaco.Range(paused.line, 1, paused.line, 1),
        options: {
          isWholeLine: true,
          className: "paused-line",
          // Beside the glyph margin, which keeps the breakpoint's dot.
          linesDecorationsClassName: "paused-glyph",
          hoverMessage: { value: `Paused in ${paused.fn}` },
        },
      });
      editor.revealLineInCenterIfOutsideViewport(paused.line);
    }
    d.set(list);
    if (!paused || !sameFile(paused.file, props.file.name)) return;
    // A pause makes room for the debugger, so the editor shrinks after this: keep the paused
    // line in view whenever its layout changes while paused here.
    const line = paused.line;
    const reveal = (): void => editor.revealLineInCenter(line);
    const sub = editor.onDidLayoutChange(reveal);
    // The grid settles over a few frames: look again once it has.
    const timer = setTimeout(reveal, 300);
    return () => {
      sub.dispose();
      clearTimeout(timer);
    };
  }, [breakpoints, paused, props.file.name]);

  return <div className="monaco-host" ref={host} data-testid="target-code" />;
}

function toMarker(model: monaco.editor.ITextModel, p: TargetProblem): monaco.editor.IMarkerData {
  const line = Math.min(Math.max(1, p.line), model.getLineCount());
  const maxCol = model.getLineMaxColumn(line);
  const col = Math.min(Math.max(1, p.column), maxCol);
  // Underline from the column to the end of the word there (or of the line).
  const word = model.getWordAtPosition({ lineNumber: line, column: col });
  const end = word && word.startColumn <= col ? word.endColumn : maxCol;
  return {
    severity: p.severity === "error" ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
    message: p.message,
    startLineNumber: line,
    startColumn: col,
    endLineNumber: line,
    endColumn: Math.max(end, col + 1),
    source: p.kind === "load" ? "insmod" : p.kind === "check" ? "contract check" : "fault",
  };
}

/** Moves the cursor to a problem and focuses the editor (the problems list's action). */
export function revealProblem(p: Pick<TargetProblem, "file" | "line" | "column">): void {
  const model = monaco.editor.getModel(fileUri(p.file));
  const editor = monaco.editor.getEditors().find((e) => e.getModel() === model);
  if (!editor) return;
  editor.setPosition({ lineNumber: p.line, column: p.column });
  editor.revealLineInCenter(p.line);
  editor.focus();
}
