import { describe, expect, it } from "vitest";
import { DeviceMapper } from "./dm-ioctl.ts";
import { TableFormatError, parseTable, parseTableLine } from "./table.ts";
import { engineWithDisks } from "./test/helpers.ts";

describe("the table text grammar (dmsetup's _parse_line)", () => {
  it("gives each spec the line it came from, counting blank and comment lines", () => {
    const text = "# a comment\n\n  0 8 zero\n8 8 linear /dev/ram0 0 # trailing\n\t\n16 8 error\n";
    expect(parseTable(text)).toEqual([
      { start: 0, length: 8, type: "zero", params: "", line: 3 },
      { start: 8, length: 8, type: "linear", params: "/dev/ram0 0 ", line: 4 },
      { start: 16, length: 8, type: "error", params: "", line: 6 },
    ]);
  });

  it("reads numbers as sscanf's %llu does: a prefix, signs, wrap-around, saturation", () => {
    expect(parseTableLine("0 8x zero")).toEqual({ start: 0, length: 8, type: "x", params: "zero" });
    expect(parseTableLine("+0 -1 zero")).toEqual({
      start: 0,
      length: Number(0xffffffffffffffffn),
      type: "zero",
      params: "",
    });
    expect(parseTableLine("0 99999999999999999999999 zero")?.valueOf()).toMatchObject({
      length: Number(0xffffffffffffffffn),
    });
    expect(parseTableLine("0 8 line#ar a # b")).toEqual({
      start: 0,
      length: 8,
      type: "line#ar",
      params: "a ",
    });
    expect(parseTableLine("   # only a comment")).toBe("skip");
    expect(parseTableLine("")).toBe("skip");
    for (const bad of ["0 linear", "x 8 zero", "0 8", "0 8 ", "08"])
      expect(parseTableLine(bad)).toBeNull();
  });

  it("refuses a bad line with its number, and only C white space separates fields", () => {
    expect(() => parseTable("0 8 zero\n\n8 x error")).toThrow(TableFormatError);
    try {
      parseTable("0 8 zero\n\n8 x error");
    } catch (e) {
      expect((e as TableFormatError).line).toBe(3);
      expect((e as TableFormatError).errno).toBe("EINVAL");
    }
    // A no-break space is not isspace: %llu stops before it and %s takes it into the type.
    expect(parseTableLine("0 8\u00a0zero")).toEqual({
      start: 0,
      length: 8,
      type: "\u00a0zero",
      params: "",
    });
  });

  it("is what DeviceMapper.parseTable, load and validate read", () => {
    expect(DeviceMapper.parseTable("0 8 zero\n#\n8 8 error")).toEqual(
      parseTable("0 8 zero\n#\n8 8 error"),
    );
    const e = engineWithDisks();
    e.dm.create("a");
    expect(() => e.dm.load("a", "0 8 zero\n8 x error")).toThrow(TableFormatError);
    e.dm.load("a", "0 8 zero # first\n\n8 8 error");
    expect(e.dm.status("a", "TABLE", { inactive: true }).map((l) => l.type)).toEqual([
      "zero",
      "error",
    ]);
    const r = e.dm.validate("a", "# header\n0 8 zero\n8 8 linear /dev/ram9 0");
    expect(r.failedTarget).toBe(1);
  });
});
