import type { StateCreator } from "zustand";
import type { Answer } from "../../lessons/exercises.ts";
import type { Scenario } from "../../lessons/share.ts";
import type { AppState } from "./index.ts";

export type LearnTab = "lessons" | "exercises" | "share";

/** The lesson being walked through: which step, and which steps' checks have passed. */
export interface LessonProgress {
  id: string;
  step: number;
  passed: boolean[];
  /** Running the lesson's setup, or a step's commands. */
  running: boolean;
}

/** One exercise of the set: what the learner answered and what the engine said. */
export interface ExerciseRecord {
  answer: Answer | null;
  /** The engine's answer, once revealed. */
  truth: Answer | null;
  right: boolean | null;
}

export interface LearnSlice {
  learnOpen: boolean;
  learnTab: LearnTab;
  /**
   * What this session's engine was built from: "default" (the page's stack), "empty", or
   * "lesson:ID"; with its seed and the console commands run since (a shared scenario is these).
   */
  sessionBase: string;
  sessionSeed: number;
  sessionCommands: string[];
  lesson: LessonProgress | null;
  /** The lesson chosen in the list (a `#lesson=ID` link chooses one), before it is started. */
  lessonPick: string | null;
  /** The exercise set's seed (in the URL: #exercises=SEED), the one shown, and the answers. */
  exerciseSeed: number;
  exerciseIndex: number;
  /** Whether the shown exercise's situation has been built on the engine. */
  exerciseReady: boolean;
  exerciseBusy: boolean;
  exercises: Record<string, ExerciseRecord>;
  /** A scenario from a link or a file, waiting for the person's agreement before it runs. */
  scenarioOffer: { scenario: Scenario; from: string } | null;
  /**
   * A lesson asked for while the session has history of its own (commands typed, devices
   * made): it replaces the session only once the person agrees (LessonConsent.tsx).
   */
  lessonOffer: string | null;
  /** Replaying a scenario. */
  replaying: boolean;
}

export const createLearnSlice: StateCreator<AppState, [], [], LearnSlice> = () => ({
  learnOpen: false,
  learnTab: "lessons",
  sessionBase: "default",
  sessionSeed: 0x5eed,
  sessionCommands: [],
  lesson: null,
  lessonPick: null,
  exerciseSeed: 1,
  exerciseIndex: 0,
  exerciseReady: false,
  exerciseBusy: false,
  exercises: {},
  scenarioOffer: null,
  lessonOffer: null,
  replaying: false,
});
