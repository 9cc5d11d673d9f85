/**
 * Breakpoints on outcomes: stop when a bio matching a condition reaches a point of its life.
 *
 *   map       a target's map returned (the MapState; the sector is the one map was given)
 *   endio     a target's end_io returned (the clone's status, the EndIoResult)
 *   complete  a bio completed (bio_complete: the original bio on a mapped device, or any bio
 *             on a RAM disk), with its status
 *   fault     a target fault was reported (a throw, a bad MapState, a double end ...)
 *
 * Every condition left out matches anything. `device` names a block device as the kernel
 * does: "top", "/dev/mapper/top", "dm-2", "254:2" or "ram0". Sector ranges are half-open
 * [from, to) in 512-byte sectors and match a bio that overlaps them.
 */

import type { BioOp, BlkStatus, EndIoResult, MapState } from "../types.ts";

export type OutcomePoint = "map" | "endio" | "complete" | "fault";

export interface OutcomeBreakpoint {
  id: number;
  enabled: boolean;
  point: OutcomePoint;
  device?: string;
  /** Target type name ("linear", "proxy"). */
  target?: string;
  op?: BioOp;
  sectorFrom?: number;
  sectorTo?: number;
  /** point "map" only. */
  mapState?: MapState;
  /** points "endio" and "complete": a status, or "error" for anything but OK. */
  status?: BlkStatus | "error";
  /** point "endio" only. */
  endIo?: EndIoResult;
}

/** What is known of a bio at one point. */
export interface OutcomeFacts {
  point: OutcomePoint;
  /** Names the device goes by: dm name, "dm-N", "major:minor"... (see deviceNames). */
  deviceNames: readonly string[];
  target?: string;
  op?: BioOp;
  sector?: number;
  sectors?: number;
  mapState?: MapState;
  status?: BlkStatus;
  endIo?: EndIoResult;
}

/** The names a device answers to: `name`, `/dev/<name>`, its kernel name and "major:minor". */
export function deviceNames(name: string, kernelName: string, devName: string): string[] {
  const out = [name, devName, kernelName, `/dev/${kernelName}`];
  out.push(name === kernelName ? `/dev/${name}` : `/dev/mapper/${name}`);
  return out;
}

export function matchOutcome(bp: OutcomeBreakpoint, f: OutcomeFacts): boolean {
  if (!bp.enabled || bp.point !== f.point) return false;
  if (bp.device !== undefined && bp.device !== "" && !f.deviceNames.includes(bp.device.trim()))
    return false;
  if (bp.target !== undefined && bp.target !== "" && bp.target !== f.target) return false;
  if (bp.op !== undefined && bp.op !== f.op) return false;
  if (bp.sectorFrom !== undefined || bp.sectorTo !== undefined) {
    if (f.sector === undefined) return false;
    const from = bp.sectorFrom ?? 0;
    const to = bp.sectorTo ?? Infinity;
    const end = f.sector + Math.max(f.sectors ?? 0, 1);
    if (!(f.sector < to && end > from)) return false;
  }
  if (bp.mapState !== undefined && bp.mapState !== f.mapState) return false;
  if (bp.status !== undefined) {
    if (f.status === undefined) return false;
    if (bp.status === "error" ? f.status === "OK" : bp.status !== f.status) return false;
  }
  if (bp.endIo !== undefined && bp.endIo !== f.endIo) return false;
  return true;
}

/** "map returned KILL", "status IOERR", ... : how a match is described in a pause. */
export function describeOutcome(bp: OutcomeBreakpoint): string {
  const parts: string[] = [bp.point];
  if (bp.device) parts.push(`on ${bp.device}`);
  if (bp.target) parts.push(`target ${bp.target}`);
  if (bp.op) parts.push(bp.op);
  if (bp.sectorFrom !== undefined || bp.sectorTo !== undefined)
    parts.push(`sectors [${bp.sectorFrom ?? 0}, ${bp.sectorTo ?? "∞"})`);
  if (bp.mapState) parts.push(`= ${bp.mapState}`);
  if (bp.status) parts.push(`status ${bp.status}`);
  if (bp.endIo) parts.push(`end_io ${bp.endIo}`);
  return parts.join(" ");
}
