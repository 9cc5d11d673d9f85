/**
 * The editor panel's two editors, as tabs: the table editor, and the target editor (your own
 * target's code, src/app/editor/). The target editor and Monaco load on its first opening
 * only, and stay mounted afterwards so that switching back keeps the cursor and undo history.
 */

import { lazy, Suspense, useState } from "react";
import { useAppStore } from "../store/index.ts";
import { tabListKeys } from "./tabList.ts";

const TableEditor = lazy(() => import("./TableEditor.tsx"));
const TargetEditor = lazy(() => import("../editor/TargetEditor.tsx"));

export type EditorTab = "table" | "target";

const TABS: ReadonlyArray<{ id: EditorTab; title: string; key?: string }> = [
  { id: "table", title: "Table", key: "Alt+3" },
  { id: "target", title: "Target code", key: "Alt+6" },
];

export function editorTitle(tab: EditorTab): { title: string; hint: string } {
  return tab === "target"
    ? { title: "Target editor", hint: "your own target, in TypeScript" }
    : { title: "Table editor", hint: "checked by the kernel as you type" };
}

export function setEditorTab(editorTab: EditorTab): void {
  useAppStore.setState({ editorTab });
}

/**
 * Shows the target editor and puts the keyboard in its code (Alt+6), waiting for Monaco to
 * load on the first time.
 */
export function focusTargetEditor(): void {
  setEditorTab("target");
  const until = performance.now() + 10_000;
  const tryFocus = () => {
    const panel = document.getElementById("panel-editor");
    const input = panel?.querySelector<HTMLElement>(
      ".monaco-editor textarea, .monaco-editor .native-edit-context",
    );
    // No file open yet: the button that makes one.
    const empty = panel?.querySelector<HTMLElement>(".target-empty button");
    if (input) input.focus();
    else if (empty) empty.focus();
    else if (performance.now() < until) requestAnimationFrame(tryFocus);
    else panel?.querySelector<HTMLElement>(".target-editor button, .target-editor select")?.focus();
  };
  requestAnimationFrame(tryFocus);
}

export function EditorTabs() {
  const tab = useAppStore((s) => s.editorTab);
  return (
    <div
      className="tabs"
      role="tablist"
      aria-label="Editors"
      onKeyDown={tabListKeys(
        TABS.map((t) => t.id),
        tab,
        setEditorTab,
        (id) => `tab-editor-${id}`,
      )}
    >
      {TABS.map((t) => (
        <button
          key={t.id}
          type="button"
          role="tab"
          id={`tab-editor-${t.id}`}
          aria-selected={tab === t.id}
          // Roving: only the selected tab is in the Tab order (no attribute: a button is).
          tabIndex={tab === t.id ? undefined : -1}
          aria-controls={`editor-${t.id}`}
          className={tab === t.id ? "on" : ""}
          title={t.key ? `${t.title} (${t.key})` : t.title}
          onClick={() => setEditorTab(t.id)}
        >
          {t.title}
        </button>
      ))}
    </div>
  );
}

export function EditorBody(props: { ready: boolean }) {
  const tab = useAppStore((s) => s.editorTab);
  // Mounted from the first time it is shown, then kept.
  const [targetSeen, setTargetSeen] = useState(false);
  if (tab === "target" && !targetSeen) setTargetSeen(true);
  const loading = (what: string) => <p className="empty">Loading the {what}…</p>;
  return (
    <>
      <div
        id="editor-table"
        role="tabpanel"
        aria-labelledby="tab-editor-table"
        className="editor-tab"
        hidden={tab !== "table"}
      >
        <Suspense fallback={loading("editor")}>
          {props.ready ? <TableEditor /> : loading("editor")}
        </Suspense>
      </div>
      {targetSeen && (
        <div
          id="editor-target"
          role="tabpanel"
          aria-labelledby="tab-editor-target"
          className="editor-tab"
          hidden={tab !== "target"}
        >
          <Suspense fallback={loading("target editor")}>
            <TargetEditor />
          </Suspense>
        </div>
      )}
    </>
  );
}
