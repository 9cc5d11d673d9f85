/** dm-thin-metadata (dm-thin-metadata.ts) on persistent-data: Linux's bytes and semantics. */

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  dmPoolAllocDataBlock,
  dmPoolCloseThin,
  dmPoolCreateSnap,
  dmPoolCreateThin,
  dmPoolDeleteThinDevice,
  dmPoolGetMetadataTransactionId,
  dmPoolOpenThin,
  dmPoolSetMetadataTransactionId,
  dmThinFindBlock,
  dmThinGetMappedCount,
  dmThinInsertBlock,
  type DmPoolMetadata,
  type DmThinDevice,
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
  }, 60_000);

  it("keeps Linux's bytes through thin writes, a snapshot, breaking sharing and a delete", async () => {
    const { e, t, dev } = await holder(16384);
    const pmd = await dmPoolMetadataOpen(t, dev, 128, true);
    await dmPoolResizeDataDev(pmd, 256);
    await dmPoolCommitMetadata(pmd);
    const used = async (p: DmPoolMetadata): Promise<number> =>
      4096 - (await dmPoolGetFreeMetadataBlockCount(p));
    const dataUsed = async (p: DmPoolMetadata): Promise<number> =>
      256 - (await dmPoolGetFreeBlockCount(p));

    /** What dm-thin does for a full-block write and the fsync's flush. */
    const write = async (td: DmThinDevice, block: number): Promise<number> => {
      let shared = true;
      try {
        shared = (await dmThinFindBlock(td, block, true)).shared;
      } catch {
        shared = true; // unmapped: provision
      }
      if (!shared) return -1;
      const b = await dmPoolAllocDataBlock(pmd);
      await dmThinInsertBlock(td, block, b);
      await dmPoolCommitMetadata(pmd);
      return b;
    };

    await dmPoolCreateThin(pmd, 0);
    await dmPoolCommitMetadata(pmd);
    const thin0 = await dmPoolOpenThin(pmd, 0);
    const got0 = [];
    for (const b of [0, 5, 6, 7, 100]) got0.push(await write(thin0, b));
    expect(got0).toEqual([0, 1, 2, 3, 4]);
    expect([await used(pmd), await dataUsed(pmd)]).toEqual([419, 5]);

    await dmPoolCreateSnap(pmd, 1, 0);
    await dmPoolCommitMetadata(pmd);
    const snap1 = await dmPoolOpenThin(pmd, 1);
    expect(await write(snap1, 5)).toBe(5);
    expect(await write(snap1, 200)).toBe(6);
    expect(await write(thin0, 6)).toBe(7);
    expect(await write(thin0, 300)).toBe(8);
    expect([await used(pmd), await dataUsed(pmd)]).toEqual([420, 9]);

    await dmPoolCreateThin(pmd, 2);
    await dmPoolCommitMetadata(pmd);
    await dmPoolSetMetadataTransactionId(pmd, 0n, 7n);
    await dmPoolCommitMetadata(pmd);
    await dmPoolCloseThin(snap1);
    await dmPoolDeleteThinDevice(pmd, 1);
    await dmPoolCommitMetadata(pmd);
    expect([await used(pmd), await dataUsed(pmd)]).toEqual([420, 6]);
    expect(await dmPoolGetMetadataTransactionId(pmd)).toBe(7n);
    expect(await dmThinGetMappedCount(thin0)).toBe(6);
    await dmPoolCloseThin(thin0);
    await dmPoolCommitMetadata(pmd); // the pool's postsuspend
    await dmPoolMetadataClose(pmd);

    const want = parseHexdump(
      readFileSync(new URL("./persistent-data/testdata/seq1.hexdump", import.meta.url), "utf8"),
      16 * MiB,
    );
    expect([...want.subarray(48, 49)]).toEqual([7]); // trans_id 7
    const got = await e.read("/dev/ram0", 0, 16 * MiB);
    expect(firstDiff(got, want)).toBe("none");
  }, 60_000);
});
