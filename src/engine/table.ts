/**
 * struct dm_table: an ordered list of targets covering [0, size) without gaps, the devices they
 * hold, and the lookup from sector to target.
 */

import type { BlockDevice } from "./blockdev.ts";
import { Target, type DmDev, type TargetHost, type TargetType } from "./target.ts";
import { DmError, type Sector } from "./types.ts";

/** One parsed table line: "<start> <length> <type> <args...>". */
export interface TargetSpec {
  start: Sector;
  length: Sector;
  type: string;
  params: string;
}

/** Kernel dm_split_args: split on whitespace; a backslash quotes the next character. */
export function splitArgs(input: string): string[] {
  const argv: string[] = [];
  let i = 0;
  const n = input.length;
  const isSpace = (c: string) =>
    c === " " || c === "\t" || c === "\n" || c === "\v" || c === "\f" || c === "\r";
  for (;;) {
    while (i < n && isSpace(input[i]!)) i++;
    if (i >= n) break;
    let out = "";
    while (i < n) {
      const c = input[i]!;
      if (c === "\\" && i + 1 < n) {
        out += input[i + 1];
        i += 2;
        continue;
      }
      if (isSpace(c)) break;
      out += c;
      i++;
    }
    if (i < n) i++;
    argv.push(out);
  }
  return argv;
}

interface HeldDevice {
  dmDev: DmDev;
  count: number;
}

export class Table {
  readonly targets: Target[] = [];
  /** Last sector of each target (t->highs), for the lookup. */
  readonly highs: Sector[] = [];
  readonly mode: "r" | "rw";
  /** Devices held through dm_get_device, by dev number, with their reference counts. */
  readonly devices = new Map<number, HeldDevice>();
  /** Set when a singleton target is in the table. */
  singleton = false;

  constructor(mode: "r" | "rw") {
    this.mode = mode;
  }

  get size(): Sector {
    const last = this.targets[this.targets.length - 1];
    return last ? last.begin + last.len : 0;
  }

  /** dm_table_find_target: the target covering `sector`, or undefined past the end. */
  findTarget(sector: Sector): Target | undefined {
    const h = this.highs;
    let lo = 0;
    let hi = h.length - 1;
    if (hi < 0 || sector > h[hi]!) return undefined;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (h[mid]! >= sector) hi = mid;
      else lo = mid + 1;
    }
    return this.targets[lo];
  }

  /** Add a constructed target (the caller ran ctr). */
  push(t: Target): void {
    this.targets.push(t);
    this.highs.push(t.begin + t.len - 1);
  }

  /** dm_get_device's bookkeeping: the first reference opens the device. */
  hold(bdev: BlockDevice, mode: "r" | "rw", open: (b: BlockDevice) => void): DmDev {
    const held = this.devices.get(bdev.dev);
    if (held) {
      held.count++;
      if (held.dmDev.mode !== mode && mode === "rw") {
        held.dmDev = { ...held.dmDev, mode: "rw" };
      }
      return held.dmDev;
    }
    open(bdev);
    const dmDev: DmDev = { bdev, name: bdev.devName, mode };
    this.devices.set(bdev.dev, { dmDev, count: 1 });
    return dmDev;
  }

  /** dm_put_device's bookkeeping: the last reference closes the device. */
  release(d: DmDev, close: (b: BlockDevice) => void): boolean {
    const held = this.devices.get(d.bdev.dev);
    if (!held) return false;
    if (--held.count === 0) {
      this.devices.delete(d.bdev.dev);
      close(d.bdev);
    }
    return true;
  }
}

export function createTarget(
  host: TargetHost,
  type: TargetType<unknown>,
  index: number,
  spec: TargetSpec,
): Target {
  return new Target(host, type, index, spec.start, spec.length, splitArgs(spec.params));
}

export { DmError };
