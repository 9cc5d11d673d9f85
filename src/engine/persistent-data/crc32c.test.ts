import { describe, expect, it } from "vitest";

import { crc32c } from "./crc32c.ts";

/** The standard CRC-32C: seed ~0, final xor ~0 (the kernel's crc32c leaves the last to callers). */
const std = (d: Uint8Array): number => (crc32c(0xffffffff, d) ^ 0xffffffff) >>> 0;

describe("crc32c", () => {
  it("matches the check value and the RFC 3720 (iSCSI) B.4 vectors", () => {
    expect(std(new TextEncoder().encode("123456789"))).toBe(0xe3069283);
    expect(std(new Uint8Array(32))).toBe(0x8a9136aa);
    expect(std(new Uint8Array(32).fill(0xff))).toBe(0x62a8ab43);
    expect(std(Uint8Array.from({ length: 32 }, (_, i) => i))).toBe(0x46dd794e);
    expect(std(Uint8Array.from({ length: 32 }, (_, i) => 31 - i))).toBe(0x113fdb5c);
  });

  it("runs on from a seed as the kernel's crc32c(seed, data, len)", () => {
    const d = new TextEncoder().encode("hello, device-mapper");
    const whole = crc32c(0xffffffff, d);
    expect(crc32c(crc32c(0xffffffff, d, 0, 7), d, 7)).toBe(whole);
  });
});
