/** Small helpers the engine's tests share. */

import { Engine } from "../engine.ts";
import type { TargetType } from "../target.ts";

/** An engine with `n` RAM disks of `kib` KiB each. */
export function engineWithDisks(n = 2, kib = 4096, seed = 1): Engine {
  const e = new Engine({ seed });
  e.loadBrd(n, kib);
  return e;
}

/** create + load + resume, as `dmsetup create` does (async constructors awaited). */
export async function createDevice(e: Engine, name: string, table: string): Promise<void> {
  e.dm.create(name);
  try {
    await e.dm.loadAsync(name, table);
  } catch (err) {
    await e.dm.removeAsync(name);
    throw err;
  }
  await e.dm.resume(name);
}

/** Register a test target type (loaded). */
export function register(e: Engine, t: TargetType<unknown>): void {
  e.targets.register(t, `dm-${t.name}`, true);
}

export function pattern(len: number, seed: number): Uint8Array {
  const b = new Uint8Array(len);
  let x = seed * 2654435761;
  for (let i = 0; i < len; i++) {
    x = (x ^ (x << 13)) >>> 0;
    x = (x ^ (x >>> 17)) >>> 0;
    x = (x ^ (x << 5)) >>> 0;
    b[i] = x & 0xff;
  }
  return b;
}

export function kernelLines(e: Engine): string[] {
  return e.klog.lines.map((l) => l.text);
}

/** Byte equality without vitest's slow element-wise diff on large arrays. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return (
    a.length === b.length &&
    Buffer.compare(
      Buffer.from(a.buffer, a.byteOffset, a.length),
      Buffer.from(b.buffer, b.byteOffset, b.length),
    ) === 0
  );
}
