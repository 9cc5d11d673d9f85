/**
 * Runs lessons and scenarios without a page: a fresh engine on the lesson seed, one dmsh (so
 * background jobs and variables live across commands, as in the console), and the World of the
 * events so far after every command. The lesson test and the exercise generator's checks use it.
 */

import { Engine } from "../engine/index.ts";
import { createShell, type DmShell } from "../shell/index.ts";
import { LESSON_SEED, type Lesson } from "./lesson.ts";
import { scenarioCommands } from "./scenario.ts";
import type { Scenario } from "./share.ts";
import { World } from "./world.ts";

export interface HeadlessSession {
  engine: Engine;
  shell: DmShell;
  /** Runs one console input; resolves to its exit status and what it printed. */
  run(command: string): Promise<{ status: number; output: string }>;
  /** The world of every event since the session started. */
  world(): World;
}

export function headlessSession(seed: number = LESSON_SEED): HeadlessSession {
  const engine = new Engine({ seed });
  const shell = createShell(engine);
  return {
    engine,
    shell,
    async run(command) {
      let output = "";
      const status = await shell.run(command, { onOutput: (_s, t) => (output += t) });
      return { status, output };
    },
    world: () => new World(engine.events.since(0)),
  };
}

/** What happened at each step of a lesson played headless: the check before and after. */
export interface StepOutcome {
  step: number;
  /** The check on the lesson's fresh setup, before any step (the Learn panel shows it then). */
  atStart: boolean;
  before: boolean;
  after: boolean;
  output: string;
}

/** Plays a lesson's setup and every step's commands, checking each step before and after. */
export async function playLesson(lesson: Lesson, seed = LESSON_SEED): Promise<StepOutcome[]> {
  const s = headlessSession(seed);
  for (const c of lesson.setup) await s.run(c);
  const start = s.world();
  const atStart = lesson.steps.map((step) => step.check.test(start));
  const out: StepOutcome[] = [];
  for (const [i, step] of lesson.steps.entries()) {
    const before = step.check.test(s.world());
    let output = "";
    for (const c of step.commands) output += (await s.run(c)).output;
    out.push({
      step: i,
      atStart: atStart[i]!,
      before,
      after: step.check.test(s.world()),
      output,
    });
  }
  return out;
}

/** Replays a scenario on a fresh engine: its targets written to /tmp, then its commands. */
export async function replayHeadless(s: Scenario): Promise<HeadlessSession & { output: string }> {
  const session = headlessSession(s.seed);
  for (const t of s.targets) await session.shell.writeFile(`/tmp/${t.name}`, t.source);
  let output = "";
  for (const c of scenarioCommands(s)) output += (await session.run(c)).output;
  return Object.assign(session, { output });
}
