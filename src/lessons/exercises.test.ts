import { describe, expect, it } from "vitest";
import { exerciseSet, sameAnswer } from "./exercises.ts";
import { headlessSession } from "./headless.ts";

describe("exercises: the engine's answer is the generator's, seed after seed", () => {
  it("the same seed gives the same set; another seed another", () => {
    const strip = (s: number) => exerciseSet(s).map((e) => [e.prompt, e.setup, e.run, e.expected]);
    expect(strip(7)).toEqual(strip(7));
    expect(strip(7)).not.toEqual(strip(8));
  });
  for (const seed of [1, 2, 3, 42, 1234, 99999, 7, 8, 9, 10]) {
    it(`seed ${seed}`, async () => {
      for (const ex of exerciseSet(seed)) {
        const s = headlessSession();
        for (const c of ex.setup) await s.run(c);
        const from = s.engine.events.seq;
        let output = "";
        for (const c of ex.run) output += (await s.run(c)).output;
        const events = s.engine.events.since(0);
        expect(from).toBeGreaterThan(0);
        const { World } = await import("./world.ts");
        const got = ex.reveal(new World(events), output);
        expect(got, `${ex.id} ${ex.kind}: ${ex.prompt}\n${output}`).not.toBeNull();
        expect(
          sameAnswer(got, ex.expected),
          `${ex.id}: ${JSON.stringify(got)} vs ${JSON.stringify(ex.expected)}\n${ex.prompt}\n${output}`,
        ).toBe(true);
        // A wrong answer is not taken for the right one.
        const wrong =
          "disk" in ex.expected
            ? { disk: ex.expected.disk, sector: ex.expected.sector + 1 }
            : { choices: ex.expected.choices.length ? [] : [0] };
        expect(sameAnswer(got, wrong)).toBe(false);
      }
    });
  }
});
