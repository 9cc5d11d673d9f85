/**
 * The default scenario (scenario.ts) as the page builds it at start, and Reset, which throws the
 * engine away and builds the scenario again.
 */

import type { Stream } from "../worker/protocol.ts";
import { ansi, writeConsole } from "./consoleSink.ts";
import { releaseDebugger } from "./debugger/debugActions.ts";
import { DEFAULT_SCENARIO, DEFAULT_SEED } from "./scenario.ts";
import { forgetEngine, refreshTopology, requireClient } from "./session.ts";
import { echoCommand, streamToConsole } from "./shellActions.ts";
import { useAppStore } from "./store/index.ts";

/**
 * Builds the default scenario. All its commands are sent at once (the worker runs them in
 * order): no round trip between commands on the way to the first drawn stack. Each command's
 * output is held until the ones before it have printed, so the transcript reads as typed.
 */
export async function runScenario(): Promise<void> {
  useAppStore.setState({ busy: true });
  writeConsole(
    ansi.dim("# default scenario: two RAM disks, a linear device across both, a striped one") +
      "\r\n",
  );
  const c = requireClient();
  const runs = DEFAULT_SCENARIO.map((command) => {
    const chunks: Array<[Stream, string]> = [];
    const done = c.runShell(command, (stream, text) => chunks.push([stream, text]));
    return { command, chunks, done };
  });
  try {
    for (const run of runs) {
      await run.done.catch(() => undefined);
      echoCommand(run.command);
      for (const [stream, text] of run.chunks) streamToConsole(stream, text);
    }
  } finally {
    useAppStore.setState({ busy: false });
  }
  await refreshTopology();
}

/** Back to the default scenario: a fresh engine (disks dropped), the scenario rebuilt. */
export async function resetSession(): Promise<void> {
  const c = requireClient();
  if (useAppStore.getState().busy) return;
  writeConsole(`\r\n${ansi.yellow("[reset] back to the default scenario")}\r\n`);
  if (c.status !== "ready") await c.restart("reset while not ready");
  // A worker stopped at a breakpoint reads no requests: let it go first; a busy shell loop
  // hears the interrupt through shared memory.
  releaseDebugger();
  c.interruptShell();
  await c.call("reset", { seed: DEFAULT_SEED });
  forgetEngine();
  useAppStore.setState({
    selectedDevice: null,
    // The old session's devices are gone: the editor must not take one (they come back with
    // the next snapshot of the new engine).
    devices: [],
    editorDevice: "",
    draft: "",
    draftBase: null,
    draftEdited: false,
    liveChanged: null,
    problems: [],
    validatedDraft: null,
    loadOutput: "",
    loadOk: null,
    loads: [],
    lastStep: null,
    sessionBase: "default",
    sessionSeed: DEFAULT_SEED,
    sessionCommands: [],
    lesson: null,
    exerciseReady: false,
  });
  await runScenario();
}
