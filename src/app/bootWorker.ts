/**
 * The engine worker, started by the entry module before the app's code has even downloaded:
 * worker startup (a thread, a fetch, a compile) then overlaps with loading the app, which is
 * most of the time to a first drawn stack. The session adopts it as its first worker.
 */

let early: Worker | null = null;

export function newEngineWorker(): Worker {
  return new Worker(new URL("../worker/engine.worker.ts", import.meta.url), {
    type: "module",
    name: "dm-engine",
  });
}

export function prestartEngineWorker(): void {
  early ??= newEngineWorker();
}

/** The pre-started worker, once; a fresh one after that (restarts). */
export function takeEngineWorker(): Worker {
  const w = early ?? newEngineWorker();
  early = null;
  return w;
}
