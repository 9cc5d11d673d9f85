import { describe, expect, it } from "vitest";
import { playLesson } from "./headless.ts";
import { LESSONS } from "./index.ts";

describe("every lesson, played headless through dmsh", () => {
  it("has unique ids and at least one step each", () => {
    expect(new Set(LESSONS.map((l) => l.id)).size).toBe(LESSONS.length);
    for (const l of LESSONS) expect(l.steps.length).toBeGreaterThan(0);
  });
  for (const lesson of LESSONS) {
    it(lesson.id, async () => {
      const outcomes = await playLesson(lesson);
      for (const o of outcomes) {
        const step = lesson.steps[o.step]!;
        const where = `${lesson.id} step ${o.step + 1} (${step.title}): ${step.check.text}\n${o.output}`;
        expect(o.after, where).toBe(true);
        if (!step.holdsBefore) {
          expect(o.before, `${where} held before the step`).toBe(false);
          // Nor on a fresh lesson: the Learn panel would show it done before anything was typed.
          expect(o.atStart, `${where} held on the lesson's fresh setup`).toBe(false);
        }
      }
    });
  }
});
