/**
 * A lesson: one idea of device-mapper at a time, in steps. Each step says a few sentences, gives
 * the commands to run (a button types them into the console, or the learner does), names the
 * view to look at and the element to highlight, and checks that the step happened from the
 * engine's events (world.ts), never from screen text.
 *
 * A lesson is one data file in `catalog/` and one line in `index.ts`. Every lesson runs
 * headless as a test (`lessons.test.ts`): its setup and each step's commands go through dmsh
 * on a fresh engine, and each check must fail before its step (unless `holdsBefore`) and pass
 * after it.
 */

import type { World } from "./world.ts";

/** The page's views a step can bring forward (the lower-left panel's tabs). */
export type LessonView = "disks" | "outcomes" | "timeline" | "inspector" | "target";

export interface LessonFocus {
  /** A panel to bring into view: the device stack, the console or the views. */
  panel?: "stack" | "console" | "views";
  /** The view tab to show in the views panel. */
  view?: LessonView;
  /** A device (or disk) to select and highlight in the stack. */
  device?: string;
}

export interface LessonCheck {
  /** What has to have happened, as the panel says it ("a write was remapped onto ram1"). */
  text: string;
  test: (w: World) => boolean;
}

export interface LessonStep {
  title: string;
  /** A few sentences. `code` in backquotes is shown as code. Paragraphs split on blank lines. */
  text: string;
  /** dmsh commands run in order by the step's Run button (each as one console input). */
  commands: readonly string[];
  focus?: LessonFocus;
  check: LessonCheck;
  /** The check may already hold before the step (then the test asserts only "after"). */
  holdsBefore?: boolean;
}

export interface Lesson {
  /** URL-safe id (`#lesson=striping`). */
  id: string;
  title: string;
  /** One sentence: what the learner will see. */
  summary: string;
  /** Commands that build the starting point on a fresh engine (run before step 1). */
  setup: readonly string[];
  steps: readonly LessonStep[];
}

/** The seed every lesson runs on: the same events on the page as in the test. */
export const LESSON_SEED = 0x1e55;

/** Two 16 MiB RAM disks: /dev/ram0 and /dev/ram1, 32768 sectors each. */
export const TWO_DISKS = "modprobe brd rd_nr=2 rd_size=16384";
