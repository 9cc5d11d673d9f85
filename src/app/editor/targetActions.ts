/**
 * The target editor's actions (module-level, like ../actions.ts): its files (create, rename,
 * delete, edit, persisted in IndexedDB and mirrored into dmsh's /tmp, the console's working
 * directory, so `insmod dm-proxy.ts` there loads the file being edited), Load (insmod) and Reload (hot swap) through the worker, the problems list, and
 * the consent asked before code from a link or a file runs.
 */

import type { ContractProblem } from "../../engine/contracts.ts";
import type { ModuleInfo } from "../../engine/module.ts";
import { ansi, PROMPT, writeConsole } from "../consoleSink.ts";
import { getClient, onEngineReplaced, runCommand } from "../session.ts";
import { useAppStore } from "../store/index.ts";
import type { TargetFile, TargetProblem } from "../store/targetSlice.ts";
import { flushFiles, readFiles, saveFiles } from "./files.ts";
import {
  checkFileName,
  errorLocation,
  moduleName,
  newFileTemplate,
  parseShareHash,
  shareHash,
  uniqueName,
} from "./targetFiles.ts";

/**
 * Where the editor's files appear in dmsh's file system: the console's working directory, where
 * the samples' scripts look for them too (`insmod /tmp/dm-proxy.ts`).
 */
export const SHELL_DIR = "/tmp";

export function shellPath(name: string): string {
  return `${SHELL_DIR}/${name}`;
}

export type { ModuleInfo };

function client() {
  const c = getClient();
  if (!c || c.status !== "ready") throw new Error("the engine is not ready");
  return c;
}

function files(): TargetFile[] {
  return useAppStore.getState().targetFiles ?? [];
}

function setFiles(next: TargetFile[], open: string | null = useAppStore.getState().targetOpen) {
  useAppStore.setState({ targetFiles: next, targetOpen: open });
  saveFiles(next, open);
}

// ---------------------------------------------------------------- dmsh's copy of the files

const shellTimers = new Map<string, ReturnType<typeof setTimeout>>();

/** Writes (or with null deletes) the file's copy in dmsh's file system. */
async function writeShellFile(name: string, content: string | null): Promise<void> {
  const t = shellTimers.get(name);
  if (t !== undefined) clearTimeout(t);
  shellTimers.delete(name);
  const c = getClient();
  if (!c || c.status !== "ready") return;
  try {
    await c.call("writeFile", { path: shellPath(name), content });
  } catch (e) {
    console.warn("target editor: could not write", shellPath(name), e);
  }
}

function writeShellFileSoon(name: string, content: string): void {
  const t = shellTimers.get(name);
  if (t !== undefined) clearTimeout(t);
  shellTimers.set(
    name,
    setTimeout(() => void writeShellFile(name, content), 400),
  );
}

/** Puts every file into dmsh's file system (a new engine starts with an empty one). */
async function syncShellFiles(): Promise<void> {
  await Promise.all(files().map((f) => writeShellFile(f.name, f.source)));
}

// ---------------------------------------------------------------- starting

let initialised: Promise<void> | null = null;

/**
 * Reads the saved files (once per page), opens the last open one, takes a shared target from
 * the URL hash (asking the user first), and keeps dmsh's copies in step with new engines.
 */
export function initTargetEditor(): Promise<void> {
  initialised ??= (async () => {
    const saved = await readFiles();
    const open = saved.files.some((f) => f.name === saved.open)
      ? saved.open
      : (saved.files[0]?.name ?? null);
    useAppStore.setState({ targetFiles: saved.files, targetOpen: open });
    takeSharedTarget();
    window.addEventListener("hashchange", () => takeSharedTarget());
    // A reset or a restarted worker has a fresh dmsh: give it the files again once it answers.
    let stale = false;
    onEngineReplaced(() => (stale = true));
    useAppStore.subscribe((s, prev) => {
      if (s.engineStatus === "ready" && (stale || prev.engineStatus !== "ready")) {
        stale = false;
        void syncShellFiles();
        void refreshModules();
      }
    });
    if (useAppStore.getState().engineStatus === "ready") {
      void syncShellFiles();
      void refreshModules();
    }
  })();
  return initialised;
}

/**
 * A target shared by link (`#target=...`): shown in the consent dialog; it becomes a file and
 * runs only if the user agrees. The hash is cleared either way, so a reload does not ask again.
 */
export function takeSharedTarget(hash: string = window.location.hash): void {
  const shared = parseShareHash(hash);
  if (!shared) return;
  history.replaceState(null, "", window.location.pathname + window.location.search);
  useAppStore.setState({
    editorTab: "target",
    consent: {
      file: { name: shared.name, source: shared.source, origin: "link", trusted: false },
      from: "a shared link",
      loadAfter: true,
    },
  });
}

// ---------------------------------------------------------------- files

export function openTargetFile(name: string): void {
  useAppStore.setState({ targetOpen: name });
  saveFiles(files(), name);
}

/** Adds a file (a free name is chosen if `name` is taken) and opens it. Returns its name. */
export function addTargetFile(file: TargetFile): string {
  const name = uniqueName(
    files().map((f) => f.name),
    file.name,
  );
  setFiles([...files(), { ...file, name }], name);
  void writeShellFile(name, file.source);
  return name;
}

/** A new file from the skeleton template. */
export function newTargetFile(name = "dm-mytarget.ts"): string {
  return addTargetFile({ name, source: newFileTemplate(name), origin: "typed", trusted: true });
}

/** The editor's text changed: keep it (IndexedDB soon, dmsh's copy soon). */
export function setTargetSource(name: string, source: string): void {
  const list = files();
  const i = list.findIndex((f) => f.name === name);
  const f = list[i];
  if (!f || f.source === source) return;
  const next = list.slice();
  next[i] = { ...f, source };
  setFiles(next);
  writeShellFileSoon(name, source);
}

/** Renames a file; returns an error text, or null when done. */
export function renameTargetFile(from: string, to: string): string | null {
  if (from === to) return null;
  const bad = checkFileName(to);
  if (bad) return bad;
  if (files().some((f) => f.name === to)) return `${to} already exists`;
  const next = files().map((f) => (f.name === from ? { ...f, name: to } : f));
  const open = useAppStore.getState().targetOpen === from ? to : useAppStore.getState().targetOpen;
  setFiles(next, open);
  const f = next.find((x) => x.name === to);
  void writeShellFile(from, null);
  if (f) void writeShellFile(to, f.source);
  useAppStore.setState((s) => ({
    targetProblems: s.targetProblems.map((p) => (p.file === from ? { ...p, file: to } : p)),
  }));
  return null;
}

export function deleteTargetFile(name: string): void {
  const list = files();
  const i = list.findIndex((f) => f.name === name);
  if (i < 0) return;
  const next = list.filter((f) => f.name !== name);
  const open =
    useAppStore.getState().targetOpen === name
      ? (next[Math.min(i, next.length - 1)]?.name ?? null)
      : useAppStore.getState().targetOpen;
  setFiles(next, open);
  void writeShellFile(name, null);
  useAppStore.setState((s) => ({
    targetProblems: s.targetProblems.filter((p) => p.file !== name),
  }));
}

/** A file the user opened from disk: shown, but it runs only once they agree. */
export function importTargetFile(name: string, source: string): string {
  const safe = checkFileName(name) ? "dm-imported.ts" : name;
  return addTargetFile({ name: safe, source, origin: "file", trusted: false });
}

// ---------------------------------------------------------------- consent

/** A link to this page that opens `file` (after asking the one who follows it). */
export function shareLink(file: TargetFile): string {
  const url = new URL(window.location.href);
  url.hash = shareHash(file);
  return url.toString();
}

/** The user agreed to run the code in the consent dialog. */
export async function grantConsent(): Promise<void> {
  const c = useAppStore.getState().consent;
  if (!c) return;
  useAppStore.setState({ consent: null });
  const existing = files().find((f) => f.name === c.file.name && f.source === c.file.source);
  let name: string;
  if (existing) {
    name = existing.name;
    setFiles(files().map((f) => (f.name === name ? { ...f, trusted: true } : f)));
  } else {
    name = addTargetFile({ ...c.file, trusted: true });
  }
  openTargetFile(name);
  if (c.loadAfter) await loadTargetFile(name);
}

/** The user refused: a shared link's code is dropped; an opened file stays, not run. */
export function refuseConsent(): void {
  const c = useAppStore.getState().consent;
  useAppStore.setState({
    consent: null,
    targetMessage: c
      ? { ok: false, text: `Not run: ${c.file.name} (from ${c.from}).` }
      : useAppStore.getState().targetMessage,
  });
}

// ---------------------------------------------------------------- modules

let modulesCache: ModuleInfo[] = [];
const moduleListeners = new Set<(m: ModuleInfo[]) => void>();

/** lsmod's list, as last fetched. */
export function getModules(): ModuleInfo[] {
  return modulesCache;
}

export function onModules(l: (m: ModuleInfo[]) => void): () => void {
  moduleListeners.add(l);
  return () => moduleListeners.delete(l);
}

/** Asks lsmod which modules are loaded; forgets loads the engine no longer has. */
export async function refreshModules(): Promise<ModuleInfo[]> {
  try {
    modulesCache = await client().call("lsmod", {});
  } catch {
    return modulesCache;
  }
  const names = new Set(modulesCache.map((m) => m.name));
  const loaded = useAppStore.getState().loadedTargets;
  const kept = Object.fromEntries(Object.entries(loaded).filter(([, l]) => names.has(l.module)));
  if (Object.keys(kept).length !== Object.keys(loaded).length) {
    useAppStore.setState({ loadedTargets: kept });
  }
  for (const l of moduleListeners) l(modulesCache);
  return modulesCache;
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

/** Where `op` is defined in a target's source (`map(`, `map:`), for a fault without a line. */
export function opLine(source: string, op: string): number {
  const lines = source.split("\n");
  const re = new RegExp(`\\b${op}\\s*(\\(|:)`);
  const i = lines.findIndex((l) => re.test(l));
  return i + 1 || 1;
}

/**
 * The contract checks' warnings and the modules marked faulty (a hang), as problems of the
 * editor's files: replaces the previous "check" and "fault" entries.
 */
export async function refreshModuleProblems(): Promise<void> {
  let list: ContractProblem[];
  try {
    list = await client().call("moduleProblems", {});
  } catch {
    return;
  }
  const names = new Set(files().map((f) => f.name));
  const checks: TargetProblem[] = list
    .filter((p) => names.has(baseName(p.file)))
    .map((p) => ({
      file: baseName(p.file),
      line: Math.max(1, p.line),
      column: Math.max(1, p.column),
      severity: "warning",
      kind: "check",
      message: `${p.check}: ${p.message}${p.device ? ` (${p.target} on ${p.device})` : ""}`,
    }));
  const faults: TargetProblem[] = [];
  for (const m of modulesCache) {
    if (!m.faulty) continue;
    const f = files().find((x) => moduleName(x.name) === m.name);
    if (!f) continue;
    const reason = m.faulty;
    const op = /^(\w+) hung/.exec(reason)?.[1];
    faults.push({
      file: f.name,
      line: op ? opLine(f.source, op) : 1,
      column: 1,
      severity: "error",
      kind: "fault",
      message: `${m.name}: ${reason}; marked faulty, not loaded again until you Reload it`,
    });
  }
  const kept = useAppStore
    .getState()
    .targetProblems.filter((p) => p.kind !== "check" && p.kind !== "fault");
  const next = [...kept, ...checks, ...faults];
  const same = JSON.stringify(next) === JSON.stringify(useAppStore.getState().targetProblems);
  if (!same) useAppStore.setState({ targetProblems: next });
}

/** Polls lsmod and the contract checks while the target editor is shown. */
export function watchModuleProblems(intervalMs = 1500): () => void {
  const tick = async () => {
    const s = useAppStore.getState();
    // (A worker paused by the debugger reads no requests: none are queued meanwhile.)
    if (s.editorTab !== "target" || s.engineStatus !== "ready" || s.debugPaused) return;
    await refreshModules();
    if (modulesCache.length > 0) await refreshModuleProblems();
  };
  void tick();
  const t = setInterval(() => void tick(), intervalMs);
  return () => clearInterval(t);
}

function problemsWithout(file: string, kinds: TargetProblem["kind"][]): TargetProblem[] {
  return useAppStore
    .getState()
    .targetProblems.filter((p) => p.file !== file || !kinds.includes(p.kind));
}

/**
 * Load (insmod) the file, or Reload (hot swap: every table using its targets is suspended,
 * reloaded with the new code and resumed) when its module is loaded. A refusal names the
 * file, line and column: it becomes a problem and a marker on that line.
 */
export async function loadTargetFile(name: string): Promise<boolean> {
  const file = files().find((f) => f.name === name);
  if (!file) return false;
  if (!file.trusted) {
    useAppStore.setState({
      consent: {
        file,
        from: file.origin === "link" ? "a shared link" : `the file ${file.name}`,
        loadAfter: true,
      },
    });
    return false;
  }
  if (useAppStore.getState().targetBusy) return false;
  useAppStore.setState({ targetBusy: true, targetMessage: null });
  await flushFiles();
  const mod = moduleName(name);
  try {
    await writeShellFile(name, file.source);
    const loaded = (await refreshModules()).some((m) => m.name === mod);
    let note = "";
    if (loaded) {
      const r = await client().call("reloadModule", {
        name: mod,
        filename: name,
        source: file.source,
      });
      if (r.reloaded.length)
        note = `: ${r.reloaded.join(", ")} now run${r.reloaded.length === 1 ? "s" : ""} the new code`;
      if (r.failed.length) {
        note += `; kept the old code: ${r.failed.map((f) => `${f.device} (${f.error})`).join(", ")}`;
      }
    } else {
      await client().call("insmod", {
        filename: name,
        source: file.source,
        origin: file.origin === "link" || file.origin === "file" ? file.origin : "editor",
        // Only a trusted file gets here: typed, a sample, or agreed to in the consent dialog.
        consent: file.trusted,
      });
    }
    useAppStore.setState((s) => ({
      loadedTargets: { ...s.loadedTargets, [name]: { module: mod, source: file.source } },
      targetProblems: problemsWithout(name, ["load"]),
      targetMessage: {
        ok: true,
        text: loaded ? `${mod} reloaded${note}` : `${mod} loaded`,
      },
    }));
    await refreshModules();
    await refreshModuleProblems();
    return true;
  } catch (e) {
    const text = e instanceof Error ? e.message : String(e);
    const at = errorLocation(text, name);
    const problem: TargetProblem = {
      file: name,
      line: at?.line ?? 1,
      column: at?.column ?? 1,
      severity: "error",
      kind: "load",
      message: text,
    };
    useAppStore.setState({
      targetProblems: [...problemsWithout(name, ["load"]), problem],
      targetMessage: { ok: false, text },
    });
    return false;
  } finally {
    useAppStore.setState({ targetBusy: false });
  }
}

/** rmmod the file's module (refused, with the kernel's words, while a table uses it). */
export async function unloadTargetFile(name: string): Promise<void> {
  const mod = moduleName(name);
  try {
    await client().call("rmmod", { name: mod });
    useAppStore.setState((s) => {
      const loadedTargets = { ...s.loadedTargets };
      delete loadedTargets[name];
      return { loadedTargets, targetMessage: { ok: true, text: `${mod} unloaded` } };
    });
  } catch (e) {
    useAppStore.setState({
      targetMessage: { ok: false, text: e instanceof Error ? e.message : String(e) },
    });
  }
  await refreshModules();
}

/** Types a sample's script into the console, as if the user had. */
export async function runInConsole(script: string): Promise<number> {
  writeConsole(
    PROMPT +
      script
        .trimEnd()
        .split("\n")
        .join(`\r\n${ansi.dim(">")} `) +
      "\r\n",
  );
  return runCommand(script);
}
