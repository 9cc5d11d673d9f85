/**
 * A scenario, shared by link or file: where the page started (the default stack, an empty
 * engine, or a lesson's setup), the session seed, the commands typed since, the user target
 * files they use, and what the views showed. Opening it replays the commands on a fresh engine
 * with the same seed, so the same events and the same disk contents come out (after the person
 * agreed: code from a link is shown first and runs only then).
 *
 * In the URL: `#scenario=` and the base64url of the deflate-raw compressed JSON (the browser's
 * CompressionStream, also in Node 18+: no library). As a file: the same JSON, pretty-printed.
 */

export const SCENARIO_KEY = "scenario=";

export interface ScenarioView {
  /** The views panel's tab (disks, outcomes, timeline, inspector, target). */
  tab?: string;
  /** The device selected in the stack. */
  device?: string;
  /** Virtual time's speed (1 = real time, Infinity is written as null). */
  speed?: number | null;
  /** The lesson open in the Learn panel, and its step. */
  lesson?: string;
  step?: number;
}

export interface Scenario {
  v: 1;
  /** "default": the page's default stack; "empty": nothing; "lesson:ID": that lesson's setup. */
  base: string;
  seed: number;
  commands: string[];
  targets: Array<{ name: string; source: string }>;
  view: ScenarioView;
}

/** A scenario from anything (a link, a file): null when it is not one. */
export function asScenario(x: unknown): Scenario | null {
  if (!x || typeof x !== "object") return null;
  const o = x as Record<string, unknown>;
  const strings = (a: unknown): a is string[] =>
    Array.isArray(a) && a.every((s) => typeof s === "string");
  if (o["v"] !== 1 || typeof o["base"] !== "string" || typeof o["seed"] !== "number") return null;
  if (!Number.isInteger(o["seed"]) || !strings(o["commands"])) return null;
  const targets = o["targets"] ?? [];
  if (
    !Array.isArray(targets) ||
    !targets.every(
      (t: unknown) =>
        !!t &&
        typeof (t as { name?: unknown }).name === "string" &&
        /^[\w.-]+\.ts$/.test((t as { name: string }).name) &&
        typeof (t as { source?: unknown }).source === "string",
    )
  )
    return null;
  const view = o["view"] && typeof o["view"] === "object" ? (o["view"] as ScenarioView) : {};
  return {
    v: 1,
    base: o["base"],
    seed: o["seed"],
    commands: o["commands"],
    targets: targets as Scenario["targets"],
    view,
  };
}

async function pipe(bytes: Uint8Array, stream: GenericTransformStream): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

function base64url(bytes: Uint8Array): string {
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64url(s: string): Uint8Array {
  const b64 = s.replace(/-/g, "+").replace(/_/g, "/");
  const bin = atob(b64 + "=".repeat((4 - (b64.length % 4)) % 4));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** The URL hash of a scenario: `#scenario=` + base64url(deflate-raw(JSON)). */
export async function scenarioHash(s: Scenario): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(s));
  return `#${SCENARIO_KEY}${base64url(await pipe(json, new CompressionStream("deflate-raw")))}`;
}

/** The scenario in a URL hash; null when there is none, or it is damaged or not a scenario. */
export async function parseScenarioHash(hash: string): Promise<Scenario | null> {
  const h = hash.replace(/^#/, "");
  if (!h.startsWith(SCENARIO_KEY)) return null;
  try {
    const raw = await pipe(
      fromBase64url(h.slice(SCENARIO_KEY.length)),
      new DecompressionStream("deflate-raw"),
    );
    return asScenario(JSON.parse(new TextDecoder().decode(raw)));
  } catch {
    return null;
  }
}

export function hasScenarioHash(hash: string): boolean {
  return hash.replace(/^#/, "").startsWith(SCENARIO_KEY);
}

/** The downloadable file: the scenario as indented JSON. */
export function scenarioFile(s: Scenario): string {
  return JSON.stringify(s, null, 2) + "\n";
}

/** A scenario from a file's text; null when it is not one. */
export function parseScenarioFile(text: string): Scenario | null {
  try {
    return asScenario(JSON.parse(text));
  } catch {
    return null;
  }
}
