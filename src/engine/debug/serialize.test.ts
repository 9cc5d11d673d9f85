import { describe, expect, it } from "vitest";
import { Bio } from "../bio.ts";
import { engineWithDisks } from "../test/helpers.ts";
import { serialize, type TreeNode } from "./serialize.ts";

describe("serialize", () => {
  it("gives cycles and shared objects an id and a ref", () => {
    const a: Record<string, unknown> = { name: "a" };
    a.self = a;
    const shared = { n: 1 };
    const tree = serialize({ a, x: shared, y: shared });
    expect(tree).toEqual({
      k: "obj",
      id: 1,
      cls: "Object",
      entries: [
        [
          "a",
          {
            k: "obj",
            id: 2,
            cls: "Object",
            entries: [
              ["name", { k: "str", v: "a" }],
              ["self", { k: "ref", id: 2, cls: "Object" }],
            ],
          },
        ],
        ["x", { k: "obj", id: 3, cls: "Object", entries: [["n", { k: "num", v: 1 }]] }],
        ["y", { k: "ref", id: 3, cls: "Object" }],
      ],
    });
    expect(() => JSON.stringify(tree)).not.toThrow();
  });

  it("shows Maps with object keys, Sets, and a cycle through a Map", () => {
    const key = { lba: 8 };
    const m = new Map<unknown, unknown>([
      [key, "dirty"],
      [2, new Set([1, "x"])],
    ]);
    m.set("me", m);
    expect(serialize(m)).toEqual({
      k: "map",
      id: 1,
      size: 3,
      entries: [
        [
          { k: "obj", id: 2, cls: "Object", entries: [["lba", { k: "num", v: 8 }]] },
          { k: "str", v: "dirty" },
        ],
        [
          { k: "num", v: 2 },
          {
            k: "set",
            id: 3,
            size: 2,
            items: [
              { k: "num", v: 1 },
              { k: "str", v: "x" },
            ],
          },
        ],
        [
          { k: "str", v: "me" },
          { k: "ref", id: 1, cls: "Map" },
        ],
      ],
    });
  });

  it("shows the head of typed arrays and buffers, not megabytes", () => {
    const big = new Uint8Array(1 << 20).fill(7);
    const t = serialize({ big, f: new Float64Array([1.5, NaN]), sab: new SharedArrayBuffer(4) });
    const entries = (t as Extract<TreeNode, { k: "obj" }>).entries;
    const bigNode = entries[0]![1] as Extract<TreeNode, { k: "bytes" }>;
    expect(bigNode.cls).toBe("Uint8Array");
    expect(bigNode.len).toBe(1 << 20);
    expect(bigNode.head).toHaveLength(64);
    expect(entries[1]![1]).toMatchObject({ k: "bytes", cls: "Float64Array", len: 2 });
    expect(entries[2]![1]).toEqual({
      k: "bytes",
      id: 4,
      cls: "SharedArrayBuffer",
      len: 4,
      head: [0, 0, 0, 0],
    });
    expect(JSON.stringify(t).length).toBeLessThan(2000);
  });

  it("keeps numbers JSON cannot carry, bigints, functions and class names", () => {
    class Cache {
      hits = 0n;
      fn = function evict() {};
    }
    expect(serialize([NaN, -0, Infinity, new Cache()])).toEqual({
      k: "arr",
      id: 1,
      cls: "Array",
      len: 4,
      items: [
        { k: "num", v: 0, s: "NaN" },
        { k: "num", v: 0, s: "-0" },
        { k: "num", v: 0, s: "Infinity" },
        {
          k: "obj",
          id: 2,
          cls: "Cache",
          entries: [
            ["hits", { k: "bigint", v: "0" }],
            ["fn", { k: "fn", name: "evict" }],
          ],
        },
      ],
    });
  });

  it("cuts at the depth limit and counts what it left out", () => {
    let deep: Record<string, unknown> = {};
    const root = deep;
    for (let i = 0; i < 10; i++) deep = (deep.next = {}) as Record<string, unknown>;
    const s = JSON.stringify(serialize(root, { depth: 3 }));
    expect(s).toContain('"k":"cut"');
    const wide = serialize(
      Array.from({ length: 500 }, (_, i) => i),
      { breadth: 10 },
    );
    expect(wide).toMatchObject({ k: "arr", len: 500, more: 490 });
  });

  it("shows bios, DmDevs and block devices as the kernel's structures", () => {
    const e = engineWithDisks(1, 64);
    const ram0 = e.lookup("/dev/ram0")!;
    const bio = new Bio(e, "WRITE", ram0, 8, 1, new Uint8Array(512));
    const dmDev = { bdev: ram0, name: ram0.devName, mode: "rw" };
    const t = serialize({ bio, dev: dmDev }) as Extract<TreeNode, { k: "obj" }>;
    const b = t.entries[0]![1] as Extract<TreeNode, { k: "kobj" }>;
    expect(b.cls).toBe("Bio");
    expect(b.summary).toBe(`bio ${bio.id} WRITE ram0 8+1 OK`);
    expect(Object.fromEntries(b.entries).sector).toEqual({ k: "num", v: 8 });
    const d = t.entries[1]![1] as Extract<TreeNode, { k: "kobj" }>;
    expect(d).toMatchObject({ cls: "DmDev", summary: "1:0 ram0 rw" });
  });
});
