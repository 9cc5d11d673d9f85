/**
 * Any value a target holds (its `private`, a bio, a frame's locals) as a JSON-able tree the page
 * can draw and expand: structured-clone and JSON both fail on what targets keep (cycles,
 * functions, class instances with private fields, Maps keyed by objects, megabytes of payload).
 *
 * Every object gets an id the first time it is met; meeting it again (a cycle, or a second path
 * to it) gives `{ k: "ref", id }` instead of a copy. Depth, breadth and bytes are bounded so a
 * snapshot stays small whatever the target keeps: a node cut off says so (`more`, `cut`).
 *
 * Engine objects are shown as the kernel's structures would be in a debugger: a Bio by its id,
 * op, device, sector range and status (struct bio), a DmDev by its "major:minor" and block
 * device (struct dm_dev), a Target by its type, index and range (struct dm_target), a block
 * device by name and size.
 */

import { Bio } from "../bio.ts";
import { BlockDevice } from "../blockdev.ts";
import { Target } from "../target.ts";

export type TreeNode =
  | { k: "undefined" }
  | { k: "null" }
  | { k: "bool"; v: boolean }
  /** Finite numbers as they are; NaN, Infinity and -0 as text in `s`. */
  | { k: "num"; v: number; s?: string }
  | { k: "bigint"; v: string }
  /** `len` is the full length when `v` was truncated. */
  | { k: "str"; v: string; len?: number }
  | { k: "sym"; v: string }
  | { k: "fn"; name: string }
  /** An object met before (a cycle, or shared). */
  | { k: "ref"; id: number; cls: string }
  /** Deeper than the depth limit: not expanded. */
  | { k: "cut"; id: number; cls: string; size?: number }
  | { k: "obj"; id: number; cls: string; entries: Array<[string, TreeNode]>; more?: number }
  | { k: "arr"; id: number; cls: string; len: number; items: TreeNode[]; more?: number }
  | { k: "map"; id: number; size: number; entries: Array<[TreeNode, TreeNode]>; more?: number }
  | { k: "set"; id: number; size: number; items: TreeNode[]; more?: number }
  /** Typed arrays and (Shared)ArrayBuffers: the first `head` elements (bytes for buffers). */
  | { k: "bytes"; id: number; cls: string; len: number; head: number[] }
  | { k: "err"; id: number; cls: string; message: string }
  /** A Bio, DmDev, Target or block device: a one-line summary and its fields. */
  | {
      k: "kobj";
      id: number;
      cls: "Bio" | "DmDev" | "Target" | "BlockDevice";
      summary: string;
      entries: Array<[string, TreeNode]>;
    };

export interface SerializeOptions {
  /** Levels of objects expanded below the root (default 6). */
  depth?: number;
  /** Entries shown per object, array, Map or Set (default 100). */
  breadth?: number;
  /** Elements shown of a typed array (default 64). */
  bytes?: number;
  /** Characters of a string (default 1000). */
  chars?: number;
}

/** Serializes values sharing one id space (so refs work across a frame's locals). */
export class Serializer {
  readonly #ids = new Map<object, number>();
  readonly #depth: number;
  readonly #breadth: number;
  readonly #bytes: number;
  readonly #chars: number;

  constructor(opts: SerializeOptions = {}) {
    this.#depth = opts.depth ?? 6;
    this.#breadth = opts.breadth ?? 100;
    this.#bytes = opts.bytes ?? 64;
    this.#chars = opts.chars ?? 1000;
  }

  serialize(v: unknown): TreeNode {
    return this.#node(v, 0);
  }

  #node(v: unknown, depth: number): TreeNode {
    switch (typeof v) {
      case "undefined":
        return { k: "undefined" };
      case "boolean":
        return { k: "bool", v };
      case "number":
        return Number.isFinite(v) && !Object.is(v, -0)
          ? { k: "num", v }
          : { k: "num", v: 0, s: Object.is(v, -0) ? "-0" : String(v) };
      case "bigint":
        return { k: "bigint", v: v.toString() };
      case "string":
        return v.length > this.#chars
          ? { k: "str", v: v.slice(0, this.#chars), len: v.length }
          : { k: "str", v };
      case "symbol":
        return { k: "sym", v: v.toString() };
      case "function":
        return { k: "fn", name: v.name || "anonymous" };
    }
    if (v === null) return { k: "null" };
    const o = v as object;
    const cls = className(o);
    const seen = this.#ids.get(o);
    if (seen !== undefined) return { k: "ref", id: seen, cls };
    const id = this.#ids.size + 1;
    this.#ids.set(o, id);

    if (ArrayBuffer.isView(o) || o instanceof ArrayBuffer || isShared(o))
      return this.#bytesOf(o, id, cls);
    if (depth >= this.#depth) return { k: "cut", id, cls, ...sizeOf(o) };
    const d = depth + 1;

    if (o instanceof Bio) return this.#bio(o, id, d);
    if (o instanceof Target) return this.#target(o, id, d);
    if (o instanceof BlockDevice) {
      return {
        k: "kobj",
        id,
        cls: "BlockDevice",
        summary: `${o.name} (${o.devName}) ${o.sizeSectors} sectors`,
        entries: [
          ["name", this.#node(o.name, d)],
          ["dev", this.#node(o.devName, d)],
          ["sectors", this.#node(o.sizeSectors, d)],
        ],
      };
    }
    if (isDmDev(o)) {
      return {
        k: "kobj",
        id,
        cls: "DmDev",
        summary: `${o.name} ${o.bdev.name} ${o.mode}`,
        entries: [
          ["name", this.#node(o.name, d)],
          ["mode", this.#node(o.mode, d)],
          ["bdev", this.#node(o.bdev, d)],
        ],
      };
    }
    if (o instanceof Error) return { k: "err", id, cls, message: o.message };
    if (o instanceof Map) {
      const entries: Array<[TreeNode, TreeNode]> = [];
      for (const [key, val] of o) {
        if (entries.length >= this.#breadth) break;
        entries.push([this.#node(key, d), this.#node(val, d)]);
      }
      return { k: "map", id, size: o.size, entries, ...more(o.size, entries.length) };
    }
    if (o instanceof Set) {
      const items: TreeNode[] = [];
      for (const val of o) {
        if (items.length >= this.#breadth) break;
        items.push(this.#node(val, d));
      }
      return { k: "set", id, size: o.size, items, ...more(o.size, items.length) };
    }
    if (Array.isArray(o)) {
      const n = Math.min(o.length, this.#breadth);
      const items: TreeNode[] = [];
      for (let i = 0; i < n; i++) items.push(this.#node(o[i], d));
      return { k: "arr", id, cls, len: o.length, items, ...more(o.length, n) };
    }
    if (o instanceof Date)
      return { k: "obj", id, cls, entries: [["iso", this.#node(safeIso(o), d)]] };
    const keys = Object.keys(o);
    const entries: Array<[string, TreeNode]> = [];
    for (const key of keys) {
      if (entries.length >= this.#breadth) break;
      let val: unknown;
      try {
        val = (o as Record<string, unknown>)[key];
      } catch (e) {
        val = e;
      }
      entries.push([key, this.#node(val, d)]);
    }
    return { k: "obj", id, cls, entries, ...more(keys.length, entries.length) };
  }

  #bytesOf(o: object, id: number, cls: string): TreeNode {
    if (ArrayBuffer.isView(o)) {
      const len =
        o instanceof DataView ? o.byteLength : (o as unknown as { length: number }).length;
      const src =
        o instanceof DataView
          ? new Uint8Array(o.buffer, o.byteOffset, Math.min(o.byteLength, this.#bytes))
          : (o as unknown as ArrayLike<number | bigint>);
      const head: number[] = [];
      for (let i = 0; i < Math.min(len, this.#bytes); i++) head.push(Number(src[i]));
      return { k: "bytes", id, cls, len, head };
    }
    const buf = o as ArrayBuffer;
    const view = new Uint8Array(buf, 0, Math.min(buf.byteLength, this.#bytes));
    return { k: "bytes", id, cls, len: buf.byteLength, head: [...view] };
  }

  #bio(b: Bio, id: number, d: number): TreeNode {
    const entries: Array<[string, TreeNode]> = [
      ["id", this.#node(b.id, d)],
      ["op", this.#node(b.op, d)],
      ["flags", this.#node(b.flags, d)],
      ["bdev", this.#node(`${b.bdev.name}`, d)],
      ["sector", this.#node(b.sector, d)],
      ["sectors", this.#node(b.sectors, d)],
      ["status", this.#node(b.status, d)],
      ["ended", this.#node(b.ended, d)],
      ["parent", b.parent ? this.#node(b.parent.id, d) : { k: "null" }],
      ["targetBioNr", this.#node(b.targetBioNr, d)],
      ["perIo", this.#node(b.perIo, d)],
      ["submittedAt", this.#node(b.submittedAt, d)],
      ["data", this.#node(b.data, d)],
    ];
    return {
      k: "kobj",
      id,
      cls: "Bio",
      summary: `bio ${b.id} ${b.op} ${b.bdev.name} ${b.sector}+${b.sectors} ${b.status}`,
      entries,
    };
  }

  #target(t: Target, id: number, d: number): TreeNode {
    return {
      k: "kobj",
      id,
      cls: "Target",
      summary: `${t.type.name} #${t.index} ${t.begin}+${t.len}`,
      entries: [
        ["type", this.#node(t.type.name, d)],
        ["index", this.#node(t.index, d)],
        ["begin", this.#node(t.begin, d)],
        ["len", this.#node(t.len, d)],
        ["args", this.#node(t.args, d)],
        ["maxIoLen", this.#node(t.maxIoLen, d)],
        ["numFlushBios", this.#node(t.numFlushBios, d)],
        ["numDiscardBios", this.#node(t.numDiscardBios, d)],
        ["numWriteZeroesBios", this.#node(t.numWriteZeroesBios, d)],
        ["private", this.#node(t.private, d)],
      ],
    };
  }
}

/** One value with its own id space. */
export function serialize(v: unknown, opts?: SerializeOptions): TreeNode {
  return new Serializer(opts).serialize(v);
}

function className(o: object): string {
  if (Array.isArray(o)) return "Array";
  const proto = Object.getPrototypeOf(o) as { constructor?: { name?: string } } | null;
  if (proto === null) return "Object";
  return proto.constructor?.name || "Object";
}

function isShared(o: object): boolean {
  return typeof SharedArrayBuffer !== "undefined" && o instanceof SharedArrayBuffer;
}

function isDmDev(o: object): o is { bdev: BlockDevice; name: string; mode: string } {
  const r = o as { bdev?: unknown; name?: unknown; mode?: unknown };
  return r.bdev instanceof BlockDevice && typeof r.name === "string" && typeof r.mode === "string";
}

function sizeOf(o: object): { size?: number } {
  if (Array.isArray(o)) return { size: o.length };
  if (o instanceof Map || o instanceof Set) return { size: o.size };
  return {};
}

function more(total: number, shown: number): { more?: number } {
  return total > shown ? { more: total - shown } : {};
}

function safeIso(d: Date): string {
  return Number.isNaN(d.getTime()) ? "Invalid Date" : d.toISOString();
}
