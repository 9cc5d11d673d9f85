/**
 * The console's commands: a typed line or pasted script runs in the worker's dmsh, its output
 * streams into the console transcript.
 */

import { WorkerRestartedError } from "../worker/client.ts";
import type { Stream } from "../worker/protocol.ts";
import { ansi, PROMPT, toTerminal, writeConsole } from "./consoleSink.ts";
import { refreshTopology, requireClient } from "./session.ts";
import { useAppStore } from "./store/index.ts";

/** Command output, as a terminal shows it: stderr and stdout alike (dd's summary is stderr). */
export function streamToConsole(_stream: Stream, text: string): void {
  writeConsole(toTerminal(text));
}

/** Echoes a command as if typed at the prompt (continuation lines marked "> "). */
export function echoCommand(script: string): void {
  writeConsole(PROMPT + script.split("\n").join(`\r\n${ansi.dim(">")} `) + "\r\n");
}

/** Wall milliseconds a command may wait on a paused clock before the console says so. */
const PAUSED_NOTICE_MS = 400;

/**
 * Runs a console script in the worker's dmsh; output goes to the console transcript. Resolves
 * to the exit code (130 when it was interrupted, or the worker had to be restarted under it).
 * While it runs with the clock paused, the console says once that the command waits for it.
 */
export async function runCommand(script: string): Promise<number> {
  // The session's commands since its base was built: what a shared scenario replays.
  useAppStore.setState((s) => ({ sessionCommands: [...s.sessionCommands, script] }));
  let said = false;
  const watch = setInterval(() => {
    if (said || !useAppStore.getState().paused) return;
    said = true;
    writeConsole(
      ansi.yellow(
        "[paused] virtual time is paused: this command waits for the clock (press ▶ or Step, or Ctrl-C)",
      ) + "\r\n",
    );
  }, PAUSED_NOTICE_MS);
  try {
    const { exitCode } = await requireClient().runShell(script, streamToConsole);
    return exitCode;
  } catch (e) {
    if (e instanceof WorkerRestartedError) return 130;
    writeConsole(ansi.red(`dmsh: ${e instanceof Error ? e.message : String(e)}`) + "\r\n");
    return 1;
  } finally {
    clearInterval(watch);
    void refreshTopology();
  }
}

/**
 * Ctrl-C while a command runs: the worker answers it at once with 130 (the process is killed;
 * Linux would kill it too, but only once its I/O ends: README "Differences from Linux"). Resolves
 * to whether a command was running.
 */
export async function interruptCommand(): Promise<boolean> {
  try {
    const c = requireClient();
    // A shell loop that never waits reads no messages; it hears this through shared memory.
    c.interruptShell();
    const r = await c.call("interrupt", {});
    return r.interrupted;
  } catch {
    return false;
  }
}
