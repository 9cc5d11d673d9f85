/**
 * The bio-flow picture as data: one token per bio in flight (and per bio that ended within the
 * last `window` records, fading), each with its pose (where) and style (what it looks like).
 * `sceneOf` is pure: the same flow state gives the same tokens, which is what a paused,
 * stepped or scrubbed view draws, and what the live animation starts from.
 */

import { BIO_OPS, BLK_STATUSES, MAP_STATES } from "../../engine/types.ts";
import {
  STAGE,
  STAGE_NAMES,
  poseOf,
  rangeLabel,
  remapLabel,
  type BioState,
  type FlowState,
  type Pose,
  type Stage,
} from "../history/model.ts";

/** Records an ended bio stays in the picture for. */
export const ENDED_WINDOW = 96;

export interface TokenStyle {
  op: number;
  flags: number;
  stage: Stage;
  mapState: number;
  status: number;
  endIo: number;
  fault: boolean;
  /** A thin target's step on it: 0 none, 1 looked up, 2 a data block allocated (BioState.thin). */
  thin: number;
  /** It has pieces or clones in flight: it waits for them. */
  waiting: boolean;
  ended: boolean;
}

export interface SceneToken {
  id: number;
  root: number;
  parent: number;
  pose: Pose;
  style: TokenStyle;
  /** Records since it ended (-1: in flight). */
  age: number;
}

export function styleOf(b: BioState): TokenStyle {
  return {
    op: b.op,
    flags: b.flags,
    stage: b.stage,
    mapState: b.mapState,
    status: b.status,
    endIo: b.endIo,
    fault: b.fault,
    thin: b.thin,
    waiting: b.kids > 0,
    ended: b.ended >= 0,
  };
}

export function sameStyle(a: TokenStyle, b: TokenStyle): boolean {
  return (
    a.stage === b.stage &&
    a.mapState === b.mapState &&
    a.status === b.status &&
    a.endIo === b.endIo &&
    a.fault === b.fault &&
    a.thin === b.thin &&
    a.waiting === b.waiting &&
    a.ended === b.ended
  );
}

export function samePose(a: Pose, b: Pose): boolean {
  if (
    a.place !== b.place ||
    a.target !== b.target ||
    a.sector !== b.sector ||
    a.sectors !== b.sectors ||
    a.slot !== b.slot ||
    a.path.length !== b.path.length
  ) {
    return false;
  }
  for (let i = 0; i < a.path.length; i++) if (a.path[i] !== b.path[i]) return false;
  return true;
}

/** Queue positions: per device, held bios in the order they were held. */
export function queueSlots(bios: Iterable<BioState>): Map<number, number> {
  const byDev = new Map<number, BioState[]>();
  for (const b of bios) {
    if (b.queuedAt < 0 || b.ended >= 0) continue;
    const list = byDev.get(b.dev);
    if (list) list.push(b);
    else byDev.set(b.dev, [b]);
  }
  const slots = new Map<number, number>();
  for (const list of byDev.values()) {
    list.sort((x, y) => x.queuedAt - y.queuedAt || x.id - y.id);
    list.forEach((b, i) => slots.set(b.id, i));
  }
  return slots;
}

/** The tokens of a flow state replayed up to `cursor` with ended bios kept. */
export function sceneOf(state: FlowState, cursor: number, window = ENDED_WINDOW): SceneToken[] {
  const slots = queueSlots(state.bios.values());
  const out: SceneToken[] = [];
  for (const b of state.bios.values()) {
    const age = b.ended >= 0 ? cursor - 1 - b.ended : -1;
    if (age >= window) continue;
    out.push({
      id: b.id,
      root: b.root,
      parent: b.parent,
      pose: poseOf(b, state.bios, slots.get(b.id) ?? 0),
      style: styleOf(b),
      age,
    });
  }
  return out.sort((a, b) => a.id - b.id);
}

/** Children of each bio in a state (for remap labels). */
export function childrenOf(state: FlowState): Map<number, BioState[]> {
  const kids = new Map<number, BioState[]>();
  for (const b of state.bios.values()) {
    if (!b.parent) continue;
    const list = kids.get(b.parent);
    if (list) list.push(b);
    else kids.set(b.parent, [b]);
  }
  return kids;
}

export const mapStateName = (code: number): string => MAP_STATES[code] ?? "";
export const statusName = (code: number): string => BLK_STATUSES[code] ?? "";
export const opName = (code: number): string => BIO_OPS[code] ?? `op${code}`;

/**
 * A line per token, for tests and screen readers: the deterministic summary of the picture.
 * `bio 12 WRITE concat:16380+12 SUBMITTED waiting; concat:16380+12 → ram0:16380+4, ram1:0+8`
 */
export function describeScene(
  state: FlowState,
  tokens: readonly SceneToken[],
  name: (dev: number) => string,
): string[] {
  const kids = childrenOf(state);
  return tokens.map((t) => {
    const b = state.bios.get(t.id)!;
    const parts = [
      `bio ${t.id}`,
      opName(b.op),
      rangeLabel(name(b.dev), b.sector, b.sectors),
      STAGE_NAMES[b.stage] ?? "",
    ];
    if (t.pose.place === "target") parts.push(`target ${b.target}`);
    if (b.mapState >= 0) parts.push(mapStateName(b.mapState));
    if (b.status >= 0) parts.push(statusName(b.status));
    if (b.stage === STAGE.DEFERRED || b.stage === STAGE.REQUEUED) {
      parts.push(`queued #${t.pose.slot + 1}`);
    }
    if (b.fault) parts.push("fault");
    if (b.thin) parts.push(b.thin === 2 ? "thin alloc" : "thin lookup");
    if (t.style.waiting) parts.push("waiting");
    if (t.age >= 0) parts.push("ended");
    const label = remapLabel(b, kids.get(b.id) ?? [], name);
    return parts.join(" ") + (label ? `; ${label}` : "");
  });
}
