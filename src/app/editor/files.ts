/**
 * The target editor's files in the page's IndexedDB (idb-keyval's default store), so they
 * survive a reload: the list of files (name, source, origin, trust, sample) under one key and
 * the open file's name under another. Writes are debounced while typing.
 */

import { createStore, get, set, type UseStore } from "idb-keyval";
import type { TargetFile } from "../store/targetSlice.ts";

const FILES_KEY = "files";
const OPEN_KEY = "open";
const SAVE_DELAY_MS = 300;

let store: UseStore | null = null;

function db(): UseStore {
  store ??= createStore("dm-playground-targets", "files");
  return store;
}

function isTargetFile(v: unknown): v is TargetFile {
  if (typeof v !== "object" || v === null) return false;
  const f = v as Record<string, unknown>;
  return typeof f.name === "string" && typeof f.source === "string";
}

/** The saved files and open file name; empty when nothing was saved (or IndexedDB fails). */
export async function readFiles(): Promise<{ files: TargetFile[]; open: string | null }> {
  try {
    const [files, open] = await Promise.all([get<unknown>(FILES_KEY, db()), get(OPEN_KEY, db())]);
    const list = Array.isArray(files) ? files.filter(isTargetFile) : [];
    return {
      files: list.map((f) => ({
        name: f.name,
        source: f.source,
        origin: f.origin ?? "typed",
        trusted: f.trusted ?? true,
        ...(f.sample !== undefined ? { sample: f.sample } : {}),
      })),
      open: typeof open === "string" ? open : null,
    };
  } catch (e) {
    console.warn("target editor: could not read saved files", e);
    return { files: [], open: null };
  }
}

let timer: ReturnType<typeof setTimeout> | null = null;
let pending: { files: TargetFile[]; open: string | null } | null = null;

/** Saves the files soon (debounced); `flushFiles` writes what is pending at once. */
export function saveFiles(files: TargetFile[], open: string | null): void {
  pending = { files, open };
  if (timer !== null) clearTimeout(timer);
  timer = setTimeout(() => void flushFiles(), SAVE_DELAY_MS);
}

export async function flushFiles(): Promise<void> {
  if (timer !== null) clearTimeout(timer);
  timer = null;
  const p = pending;
  pending = null;
  if (!p) return;
  try {
    await Promise.all([set(FILES_KEY, p.files, db()), set(OPEN_KEY, p.open, db())]);
  } catch (e) {
    console.warn("target editor: could not save files", e);
  }
}

// A reload or a closed tab must not lose the last keystrokes.
if (typeof window !== "undefined") {
  window.addEventListener("pagehide", () => void flushFiles());
}
