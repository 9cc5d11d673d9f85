/**
 * Sizes past 2^53: byte counts print exactly, and what Linux would take but this project cannot
 * map exactly is refused with a message saying so, never rounded.
 */

import { describe, expect, it } from "vitest";
import { runTranscript } from "./index.ts";

async function run(script: string): Promise<string> {
  const { output } = await runTranscript(script, { seed: 1 });
  return Buffer.from(output).toString("latin1");
}

describe("sizes past 2^53", () => {
  it("prints a 2^52-sector device's size in bytes exactly", async () => {
    expect(
      await run(
        'dmsetup create big --table "0 4503599627370496 zero"\nblockdev --getsize64 /dev/mapper/big\nblockdev --getsize /dev/mapper/big',
      ),
    ).toBe("2305843009213693952\n4503599627370496\nexit status 0\n");
  });

  it("refuses a table ending past sector 2^53 that Linux would map, and says why", async () => {
    const out = await run(
      [
        'dmsetup create big --table "0 9007199254740993 zero"; echo rc=$?',
        'dmsetup create ok --table "0 9007199254740992 zero"; echo rc=$?',
        'dmsetup create huge --table "0 18014398509481984 zero"; echo rc=$?',
        "dmesg | grep -o 'table: .*' ",
      ].join("\n"),
    );
    expect(out).toBe(
      [
        "device-mapper: reload ioctl on big (254:0) failed: Value too large for defined data type",
        "Command failed.",
        "rc=1",
        "rc=0",
        "device-mapper: reload ioctl on huge (254:1) failed: Invalid argument",
        "Command failed.",
        "rc=1",
        "table: 254:0: dm-playground: the target ends past sector 9007199254740992, the largest device it maps exactly (-EOVERFLOW)",
        "table: 254:1: too large device",
        "exit status 0",
        "",
      ].join("\n"),
    );
  });

  it("refuses a file past 2^53 - 1 bytes instead of rounding it", async () => {
    expect(await run("truncate -s 9007199254740993 /tmp/x; echo rc=$?")).toBe(
      "truncate: /tmp/x: file size 9007199254740993 is beyond what dm-playground stores exactly (9007199254740991 bytes)\nrc=1\nexit status 0\n",
    );
  });
});
