import fc from "fast-check";
import { md5 } from "@noble/hashes/legacy.js";
import { describe, expect, it } from "vitest";
import { Md5 } from "./md5.ts";

const hex = (b: Uint8Array) => [...b].map((x) => x.toString(16).padStart(2, "0")).join("");

describe("Md5", () => {
  it("gives RFC 1321's test vectors", () => {
    const vectors: Array<[string, string]> = [
      ["", "d41d8cd98f00b204e9800998ecf8427e"],
      ["a", "0cc175b9c0f1b6a831c399e269772661"],
      ["abc", "900150983cd24fb0d6963f7d28e17f72"],
      ["message digest", "f96b697d7cb7938d525a2f31aaf161d0"],
      [
        "12345678901234567890123456789012345678901234567890123456789012345678901234567890",
        "57edf4a22be3c955ac49da2e2107b67a",
      ],
    ];
    for (const [text, want] of vectors)
      expect(hex(new Md5().update(new TextEncoder().encode(text)).digest())).toBe(want);
  });

  it("agrees with @noble/hashes for any data split into any chunks", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 600 }),
        fc.array(fc.nat(70), { maxLength: 12 }),
        (data, cuts) => {
          const m = new Md5();
          let pos = 0;
          for (const c of cuts) {
            m.update(data.subarray(pos, pos + c));
            pos = Math.min(data.length, pos + c);
          }
          m.update(data.subarray(pos));
          expect(hex(m.digest())).toBe(hex(md5(data)));
        },
      ),
      { numRuns: 200 },
    );
  });
});
