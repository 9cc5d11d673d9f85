import { describe, expect, it } from "vitest";
import {
  checkFileName,
  errorLocation,
  hasShareHash,
  moduleName,
  parseShareHash,
  shareHash,
  uniqueName,
} from "./targetFiles.ts";

describe("target editor files", () => {
  it("names modules as Linux names dm-foo.ko", () => {
    expect(moduleName("dm-proxy.ts")).toBe("dm_proxy");
    expect(moduleName("/root/dm-write-back.js")).toBe("dm_write_back");
    expect(moduleName("plain")).toBe("plain");
  });

  it("accepts .ts and .js file names only", () => {
    expect(checkFileName("dm-proxy.ts")).toBeNull();
    expect(checkFileName("x.js")).toBeNull();
    expect(checkFileName("a b.ts")).toMatch(/letters/);
    expect(checkFileName("../x.ts")).toMatch(/letters/);
    expect(checkFileName("dm-proxy.py")).toMatch(/\.ts or \.js/);
  });

  it("makes unique names", () => {
    expect(uniqueName([], "dm-proxy.ts")).toBe("dm-proxy.ts");
    expect(uniqueName(["dm-proxy.ts", "dm-proxy-2.ts"], "dm-proxy.ts")).toBe("dm-proxy-3.ts");
  });

  it("finds file:line:col in error messages", () => {
    expect(errorLocation("dm-proxy.ts:12:5: Unexpected token (12:5)")).toEqual({
      file: "dm-proxy.ts",
      line: 12,
      column: 5,
    });
    expect(errorLocation("insmod: ERROR: map: boom (at /root/dm-a.ts:30)")).toEqual({
      file: "dm-a.ts",
      line: 30,
      column: 1,
    });
    expect(errorLocation("a.ts:3:1 then b.ts:7:2", "b.ts")).toEqual({
      file: "b.ts",
      line: 7,
      column: 2,
    });
    expect(errorLocation("no location here")).toBeNull();
  });

  it("round-trips shared links, unicode included, and rejects malformed ones", () => {
    const t = { name: "dm-proxy.ts", source: "// größe → ✓\nexport default 1;\n" };
    const hash = shareHash(t);
    expect(hash).toMatch(/^#target=[A-Za-z0-9_-]+$/);
    expect(hasShareHash(hash)).toBe(true);
    expect(parseShareHash(hash)).toEqual(t);
    expect(parseShareHash("#target=%%%")).toBeNull();
    expect(parseShareHash("#other")).toBeNull();
    expect(parseShareHash(shareHash({ name: "../evil.sh", source: "" }))).toBeNull();
  });
});
