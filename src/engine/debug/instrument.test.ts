import { transform } from "sucrase";
import { describe, expect, it } from "vitest";
import { instrument } from "./instrument.ts";
import { DebugRuntime, type PauseContext, type ResumeAction } from "./runtime.ts";

const SOURCE = `import { defineTarget } from "dm-playground";
interface P { n: number; seen: Map<number, string> }
let calls = 0;
function double(x: number) {
  const y = x * 2;
  return y;
}
export default defineTarget<P>({
  name: "proxy",
  version: [1, 0, 0],
  ctr(t, args) { t.private = { n: 0, seen: new Map() }; },
  map(t, bio) {
    const x = bio.sector;
    t.priv.n++;
    if (x > 10) return "KILL"; else calls++;
    for (let i = 0; i < 2; i++) calls += double(i);
    const late = x + 1;
    return late > 0 ? "REMAPPED" : "KILL";
  },
});
`;

function js(): string {
  return transform(SOURCE, { transforms: ["typescript", "imports"] }).code;
}

/** Evaluates instrumented (or plain) module code as the loader does, returning its export. */
function load(code: string, rt: DebugRuntime | null) {
  const exports: Record<string, unknown> = {};
  const require = (m: string) => {
    if (m !== "dm-playground") throw new Error(m);
    return { defineTarget: (x: unknown) => x };
  };
  new Function("require", "exports", "module", "__dm_debug", code)(
    require,
    exports,
    { exports },
    rt,
  );
  return exports.default as {
    map(t: unknown, bio: unknown): string;
    ctr(t: unknown, args: string[]): void;
  };
}

/** A hook that records pauses and answers with the scripted actions. */
function scripted(actions: ResumeAction[], onPause?: (ctx: PauseContext) => void) {
  const pauses: PauseContext[] = [];
  const hook = (ctx: PauseContext): ResumeAction => {
    pauses.push(ctx);
    onPause?.(ctx);
    return actions.shift() ?? "continue";
  };
  return { pauses, hook };
}

describe("instrument", () => {
  it("keeps every line where it was", () => {
    const plain = js();
    const out = instrument(plain, 0).code;
    const a = plain.split("\n");
    const b = out.split("\n");
    expect(b.length).toBe(a.length);
    // Each instrumented line still contains its original statement text.
    for (let i = 0; i < a.length; i++) {
      const stmt = a[i]!.trim().replace(/^\}*/, "");
      if (stmt) expect(b[i]).toContain(stmt.slice(0, 12));
    }
  });

  it("puts a probe before each statement, with the enclosing function's name", () => {
    const { probes } = instrument(js(), 0);
    const inMap = probes.filter((p) => p.fn === "map").map((p) => p.line);
    expect(inMap).toEqual([13, 14, 15, 15, 15, 16, 16, 17, 18]);
    expect(probes.filter((p) => p.fn === "double").map((p) => p.line)).toEqual([5, 6]);
    expect(probes.some((p) => p.fn === "<module>" && p.line === 3)).toBe(true);
  });

  it("behaves like the plain module", () => {
    const rt = new DebugRuntime(() => "continue");
    const t = {
      private: undefined as unknown,
      get priv() {
        return this.private as { n: number };
      },
    };
    const a = load(instrument(js(), 0).code, rt);
    const b = load(js(), null);
    a.ctr(t, []);
    expect(a.map(t, { sector: 3 })).toBe(b.map({ priv: { n: 0 } }, { sector: 3 }));
    expect(a.map(t, { sector: 30 })).toBe("KILL");
    expect(t.priv.n).toBe(2);
    expect(rt.depth).toBe(0);
  });

  it("does not call the runtime while no breakpoint is set", () => {
    const rt = new DebugRuntime(() => {
      throw new Error("paused without a breakpoint");
    });
    let hits = 0;
    const real = rt.hit.bind(rt);
    rt.hit = (...args) => {
      hits++;
      real(...args);
    };
    const code = rt.instrumentModule(js(), "dm-proxy.ts");
    expect(code).toBe(js()); // no breakpoints: not even instrumented
    rt.instrumentAll = true;
    const m = load(rt.instrumentModule(js(), "dm-proxy.ts"), rt);
    expect(rt.on).toBe(false);
    m.map({ priv: { n: 0 } }, { sector: 1 });
    expect(hits).toBe(0);
  });

  it("pauses at a line breakpoint with the locals in scope, and evaluates in that frame", () => {
    const { pauses, hook } = scripted(["continue"], (ctx) => {
      const r = ctx.evaluate("x * 100 + t.priv.n");
      expect(r).toEqual({ ok: true, value: { k: "num", v: 701 } });
      expect(ctx.evaluate("nope.x")).toMatchObject({ ok: false });
      expect(ctx.evaluate("late")).toEqual({
        ok: false,
        error: "ReferenceError: Cannot access 'late' before initialization",
      });
    });
    const rt = new DebugRuntime(hook);
    rt.setBreakpoints({ "dm-proxy.ts": [15] });
    const m = load(rt.instrumentModule(js(), "/home/user/dm-proxy.ts"), rt);
    expect(rt.on).toBe(true);
    m.map({ priv: { n: 0 } }, { sector: 7 });
    expect(pauses).toHaveLength(1);
    const info = pauses[0]!.info;
    expect(info).toMatchObject({
      file: "dm-proxy.ts",
      line: 15,
      column: 5,
      fn: "map",
      reason: "breakpoint",
    });
    expect(Object.keys(info.locals).sort()).toEqual(["bio", "calls", "double", "t", "x"]);
    expect(info.locals.x).toEqual({ k: "num", v: 7 });
    // `late` is declared below: not captured (it is in its temporal dead zone).
    expect(info.locals.late).toBeUndefined();
  });

  it("moves a breakpoint on a line without a statement to the next one", () => {
    const { pauses, hook } = scripted([]);
    const rt = new DebugRuntime(hook);
    rt.setBreakpoints({ "dm-proxy.ts": [12] }); // "map(t, bio) {"
    const m = load(rt.instrumentModule(js(), "dm-proxy.ts"), rt);
    m.map({ priv: { n: 0 } }, { sector: 1 });
    expect(pauses.map((p) => p.info.line)).toEqual([13]);
  });

  it("steps over statements at the same depth, not into a called function", () => {
    const { pauses, hook } = scripted(["stepOver", "stepOver", "stepOver", "continue"]);
    const rt = new DebugRuntime(hook);
    rt.setBreakpoints({ "dm-proxy.ts": [14] });
    const m = load(rt.instrumentModule(js(), "dm-proxy.ts"), rt);
    m.map({ priv: { n: 0 } }, { sector: 1 });
    expect(pauses.map((p) => `${p.info.reason}:${p.info.fn}:${p.info.line}`)).toEqual([
      "breakpoint:map:14",
      "step:map:15",
      "step:map:15", // the else branch's statement, on the same line
      "step:map:16",
    ]);
    expect(rt.on).toBe(true); // line 14 still has its breakpoint
    rt.setBreakpoints({});
    expect(rt.on).toBe(false);
  });

  it("reports which loaded modules need a reload to take a new breakpoint", () => {
    const rt = new DebugRuntime(() => "continue");
    rt.instrumentModule(js(), "dm-proxy.ts");
    expect(rt.setBreakpoints({ "dm-proxy.ts": [13] })).toEqual(["dm_proxy"]);
    rt.instrumentModule(js(), "dm-proxy.ts");
    expect(rt.setBreakpoints({ "dm-proxy.ts": [14] })).toEqual([]);
    expect(rt.files()).toEqual([
      { file: "dm-proxy.ts", module: "dm_proxy", instrumented: true, lines: [14] },
    ]);
  });
});
