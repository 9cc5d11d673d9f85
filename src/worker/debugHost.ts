/**
 * The debugger in the worker: one DebugRuntime per engine (src/engine/debug/runtime.ts), whose
 * pauses block the worker on the page's debug channel (debugChannel.ts), and the breakpoint
 * configuration the page sends, kept across engine resets.
 *
 * Setting the first line breakpoint in a module that was loaded without probes reloads it
 * (ModuleLoader.reload: its tables are suspended, reloaded with the instrumented code and
 * resumed; the targets' `private` state is rebuilt by their ctr). A change made while paused is
 * applied at once, and the reload it needs runs after the resume.
 */

import type { OutcomeBreakpoint } from "../engine/debug/outcome.ts";
import { DebugRuntime, type DebuggableEngine, type PauseHook } from "../engine/debug/runtime.ts";
import { blockingPauseHook } from "./debugChannel.ts";
import type { DebugNotice } from "./protocol.ts";

/** The module loader as the debugger reloads through it (src/engine/module.ts). */
interface ReloadingLoader {
  get(name: string): { source: string; filename: string } | undefined;
  reload(name: string, source: string, filename?: string): Promise<unknown>;
}

export class WorkerDebugger {
  readonly #post: (n: DebugNotice) => void;
  readonly #flush: () => void;
  #runtime: DebugRuntime | null = null;
  #detach: (() => void) | null = null;
  #engine: DebuggableEngine | null = null;
  #breakpoints: Record<string, number[]> = {};
  #outcomes: OutcomeBreakpoint[] = [];
  #pendingReload = new Set<string>();
  /** The page released this engine (a reset is on its way): pauses return at once. */
  #released = false;

  constructor(post: (n: DebugNotice) => void, flush: () => void) {
    this.#post = post;
    this.#flush = flush;
  }

  get runtime(): DebugRuntime | null {
    return this.#runtime;
  }

  /**
   * Debug `engine` (a new or restarted one). Without a channel (`sab` undefined: tests, a page
   * without the debugger) breakpoints never block: `hook` decides, by default "continue".
   */
  attach(engine: DebuggableEngine, sab: SharedArrayBuffer | undefined, hook?: PauseHook): void {
    this.#detach?.();
    this.#engine = engine;
    this.#released = false;
    const blocking: PauseHook =
      hook ??
      (sab
        ? blockingPauseHook({
            sab,
            post: this.#post,
            flush: this.#flush,
            onBreakpoints: (b) => this.#setBreakpoints(b),
            onRelease: () => (this.#released = true),
          })
        : () => "continue");
    const pauseHook: PauseHook = (ctx) => (this.#released ? "continue" : blocking(ctx));
    const rt = new DebugRuntime(withAfter(pauseHook, () => this.#afterResume()));
    this.#runtime = rt;
    this.#detach = rt.attach(engine);
    rt.setBreakpoints(this.#breakpoints);
    rt.setOutcomes(this.#outcomes);
  }

  /** The page's debugConfig request (the worker is running). */
  async config(p: {
    breakpoints?: Record<string, number[]>;
    outcomes?: OutcomeBreakpoint[];
  }): Promise<{ reloaded: string[]; errors: string[] }> {
    if (p.outcomes) {
      this.#outcomes = p.outcomes;
      this.#runtime?.setOutcomes(p.outcomes);
    }
    if (p.breakpoints) this.#setBreakpoints(p.breakpoints);
    return this.#reloadPending();
  }

  #setBreakpoints(b: Record<string, number[]>): void {
    this.#breakpoints = b;
    const need = this.#runtime?.setBreakpoints(b) ?? [];
    for (const m of need) this.#pendingReload.add(m);
  }

  #afterResume(): void {
    if (this.#pendingReload.size === 0) return;
    // Not now: the engine is inside the call that paused. A task later, at top level.
    setTimeout(() => {
      void this.#reloadPending().then((r) => {
        if (r.reloaded.length || r.errors.length)
          this.#post({ what: "reloaded", modules: r.reloaded, errors: r.errors });
      });
    }, 0);
  }

  async #reloadPending(): Promise<{ reloaded: string[]; errors: string[] }> {
    const loader = (this.#engine as { modules?: unknown } | null)?.modules as
      ReloadingLoader | undefined;
    const reloaded: string[] = [];
    const errors: string[] = [];
    const names = [...this.#pendingReload];
    this.#pendingReload.clear();
    if (!loader || typeof loader.reload !== "function") return { reloaded, errors };
    for (const name of names) {
      const mod = loader.get(name);
      if (!mod) continue;
      try {
        await loader.reload(name, mod.source, mod.filename);
        reloaded.push(name);
      } catch (e) {
        errors.push(`${name}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    return { reloaded, errors };
  }

  detach(): void {
    this.#detach?.();
    this.#detach = null;
    this.#runtime = null;
    this.#engine = null;
  }
}

/** `hook`, then `after` once it returned (the resume). */
function withAfter(hook: PauseHook, after: () => void): PauseHook {
  return (ctx) => {
    try {
      return hook(ctx);
    } finally {
      after();
    }
  };
}
