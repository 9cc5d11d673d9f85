import type { StateCreator } from "zustand";
import type { AppState } from "./index.ts";

/**
 * Where a file's code came from. Code from a shared link or an opened file is somebody else's:
 * it is shown, and runs only after the user agrees (`trusted`).
 */
export type TargetFileOrigin = "typed" | "sample" | "link" | "file";

/** A target module file of the target editor (persisted in IndexedDB, see editor/files.ts). */
export interface TargetFile {
  /** File name, e.g. "dm-proxy.ts": the module is named after it (dm_proxy). */
  name: string;
  source: string;
  origin: TargetFileOrigin;
  /** False for code from a link or a file until the user agreed to run it. */
  trusted: boolean;
  /** The sample it was made from (its explanation and script are shown), if any. */
  sample?: string;
}

/** One entry of the editor's problems list. Lines and columns are 1-based. */
export interface TargetProblem {
  file: string;
  line: number;
  column: number;
  severity: "error" | "warning";
  /** "load": insmod/reload refused it; "check": a contract check; "fault": it faulted at run time. */
  kind: "load" | "check" | "fault";
  message: string;
}

/** The module a file was last loaded as. */
export interface LoadedTarget {
  /** Module name (dm_proxy). */
  module: string;
  /** The source that was loaded (the editor shows "modified" when the file differs). */
  source: string;
}

/** A shared target waiting for the user's agreement before it is shown as a file and runs. */
export interface ConsentRequest {
  file: TargetFile;
  /** Where it came from, in words ("a shared link", "the file dm-x.ts"). */
  from: string;
  /** Load it once agreed (a link asks for that; an opened file only when Load is pressed). */
  loadAfter: boolean;
}

export interface TargetSlice {
  /** Which editor the editor panel shows: the table editor or the target editor. */
  editorTab: "table" | "target";
  /** The target editor's files, in the order listed; null until read from IndexedDB. */
  targetFiles: TargetFile[] | null;
  /** The file open in the target editor. */
  targetOpen: string | null;
  /** file name -> what was loaded from it. */
  loadedTargets: Record<string, LoadedTarget>;
  /** Load errors, contract-check warnings and faults, for every file. */
  targetProblems: TargetProblem[];
  /** What the last Load / Reload / Unload said. */
  targetMessage: { ok: boolean; text: string } | null;
  /** A Load / Reload in progress. */
  targetBusy: boolean;
  consent: ConsentRequest | null;
}

export const createTargetSlice: StateCreator<AppState, [], [], TargetSlice> = () => ({
  editorTab: "table",
  targetFiles: null,
  targetOpen: null,
  loadedTargets: {},
  targetProblems: [],
  targetMessage: null,
  targetBusy: false,
  consent: null,
});
