/**
 * Where a scenario starts and how it is replayed headless: its base's commands (the page's
 * default stack, a lesson's setup, or nothing), then the commands typed, on a fresh engine
 * seeded as the page's was. The page replays the same way through its worker; headless.ts
 * replays headless (this file imports no engine: the page loads it).
 */

import { DEFAULT_SCENARIO, DEFAULT_SEED } from "../app/scenario.ts";
import { lessonById } from "./index.ts";
import type { Scenario } from "./share.ts";

/** The commands of a base: "default", "empty" or "lesson:ID" (null for an unknown one). */
export function baseCommands(base: string): readonly string[] | null {
  if (base === "default") return DEFAULT_SCENARIO;
  if (base === "empty") return [];
  if (base.startsWith("lesson:")) return lessonById(base.slice(7))?.setup ?? null;
  return null;
}

/** The seed the page uses for a base (the default stack's, or the lessons'). */
export { DEFAULT_SEED };

/** Every command a scenario runs, base first. */
export function scenarioCommands(s: Scenario): string[] {
  return [...(baseCommands(s.base) ?? []), ...s.commands];
}
