/**
 * Test helpers for persistent-data: an engine with RAM disks and a target that only holds its
 * metadata device, whose bufio client the tests drive; and a reader of `hexdump -C` output
 * (the kernel tool's recorded bytes).
 */

import type { Engine } from "../engine.ts";
import { defineTarget, type DmDev, type Target } from "../target.ts";
import { createDevice, engineWithDisks, register } from "../test/helpers.ts";

interface Meta {
  dev: DmDev;
}

/** A target that only holds a device: tests drive persistent-data on it directly. */
export const metaHolder = defineTarget<Meta>({
  name: "pdmeta",
  version: [1, 0, 0],
  ctr(t, args) {
    t.private = { dev: t.getDevice(args[0]!) };
  },
  dtr(t) {
    t.putDevice(t.priv.dev);
  },
  map() {
    return "KILL";
  },
});

/** An engine with RAM disks of `kib` KiB and a holder target on /dev/ram0. */
export async function holder(kib = 16384): Promise<{ e: Engine; t: Target; dev: DmDev }> {
  const e = engineWithDisks(2, kib);
  register(e, metaHolder);
  await createDevice(e, "pdm", `0 8 pdmeta /dev/ram0`);
  const t = e.dm.byName("pdm")!.live!.targets[0]!;
  return { e, t, dev: (t.private as Meta).dev };
}

/** The bytes of `hexdump -C` output of a device of `size` bytes ("*" repeats the line before). */
export function parseHexdump(text: string, size: number): Uint8Array {
  const out = new Uint8Array(size);
  let prev: number[] | null = null;
  let prevOff = -16;
  let repeating = false;
  for (const line of text.split("\n")) {
    if (line === "*") {
      repeating = true;
      continue;
    }
    const m = /^([0-9a-f]{8})((?: {1,2}[0-9a-f]{2}){0,16})/.exec(line);
    if (!m) continue;
    const off = parseInt(m[1]!, 16);
    if (repeating && prev) for (let o = prevOff + 16; o < off; o += 16) out.set(prev, o);
    repeating = false;
    const bytes = m[2]!.trim()
      ? m[2]!
          .trim()
          .split(/\s+/)
          .map((h) => parseInt(h, 16))
      : [];
    out.set(bytes.slice(0, Math.max(0, size - off)), off);
    prev = bytes;
    prevOff = off;
  }
  return out;
}
