/** dm-thin-metadata (dm-thin-metadata.ts) on persistent-data: Linux's bytes and semantics. */

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  dmPoolCommitMetadata,
  dmPoolGetDataDevSize,
  dmPoolGetFreeBlockCount,
  dmPoolGetFreeMetadataBlockCount,
  dmPoolGetMetadataDevSize,
  dmPoolMetadataClose,
  dmPoolMetadataOpen,
  dmPoolResizeDataDev,
} from "./dm-thin-metadata.ts";
import { holder, parseHexdump } from "./persistent-data/testkit.ts";

const MiB = 1024 * 1024;

function firstDiff(a: Uint8Array, b: Uint8Array): string {
  for (let i = 0; i < a.length; i++)
    if (a[i] !== b[i])
      return `byte ${i.toString(16)} (block ${Math.floor(i / 4096)}): ${a[i]} != ${b[i]}`;
  return "none";
}

describe("dm-thin-metadata", () => {
  it("formats a 16 MiB metadata device as Linux 6.1 does (thin-pool create + remove)", async () => {
    const { e, t, dev } = await holder(16384);
    // pool_ctr: open with format; pool_preresume: resize the data space map to 256 blocks of
    // 128 sectors and commit; postsuspend commits; dtr closes (commits).
    const pmd = await dmPoolMetadataOpen(t, dev, 128, true);
    expect(await dmPoolGetMetadataDevSize(pmd)).toBe(4096);
    await dmPoolResizeDataDev(pmd, 256);
    await dmPoolCommitMetadata(pmd);
    expect(await dmPoolGetDataDevSize(pmd)).toBe(256);
    expect(await dmPoolGetFreeBlockCount(pmd)).toBe(256);
    // status: used metadata = 4096 - free (free excludes the reserve of 409): "418/4096"
    expect(4096 - (await dmPoolGetFreeMetadataBlockCount(pmd))).toBe(418);
    await dmPoolCommitMetadata(pmd);
    await dmPoolMetadataClose(pmd);
    const want = parseHexdump(
      readFileSync(
        new URL("./persistent-data/testdata/format-16m.hexdump", import.meta.url),
        "utf8",
      ),
      16 * MiB,
    );
    const got = await e.read("/dev/ram0", 0, 16 * MiB);
    // the superblock's magic (27022010) and the 9 blocks in use are there: not two zero devices
    expect([...want.subarray(32, 36)]).toEqual([0xba, 0x52, 0x9c, 0x01]);
    expect(want.subarray(0xb000, 0xc000).some((x) => x !== 0)).toBe(true);
    expect(firstDiff(got, want)).toBe("none");
  });
});
