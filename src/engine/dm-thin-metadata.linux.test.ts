/**
 * dm-thin-metadata against Linux 6.1 on longer sequences, recorded with the kernel tool
 * (persistent-data/testdata/seqN.sh; the device is compared as its md5sum and the md5 of every
 * non-zero 4 KiB block, which the script prints): hundreds of thin devices created and deleted
 * (splits and rebalancing of the details and top-level trees), a held metadata snapshot, and
 * hundreds of provisioned blocks of one device (splits of its mapping tree), then a snapshot and
 * the origin's delete. The calls are the ones dm-thin makes for those commands.
 */

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  dmPoolAllocDataBlock,
  dmPoolCloseThin,
  dmPoolCommitMetadata,
  dmPoolCreateSnap,
  dmPoolCreateThin,
  dmPoolDeleteThinDevice,
  dmPoolGetFreeBlockCount,
  dmPoolGetFreeMetadataBlockCount,
  dmPoolGetMetadataDevSize,
  dmPoolGetMetadataSnap,
  type DmPoolMetadata,
  dmPoolMetadataClose,
  dmPoolMetadataOpen,
  dmPoolOpenThin,
  dmPoolReserveMetadataSnap,
  dmPoolResizeDataDev,
  dmThinGetHighestMappedBlock,
  dmThinGetMappedCount,
  dmThinInsertBlock,
} from "./dm-thin-metadata.ts";
import { holder } from "./persistent-data/testkit.ts";
import { DmError } from "./types.ts";

const md5 = (b: Uint8Array): string => createHash("md5").update(b).digest("hex");

/**
 * "block N md5" for every non-zero 4 KiB block below `limit`, as the recorded scripts print them
 * (the md5sum of the whole device covers the rest).
 */
function blockSums(dev: Uint8Array, limit = dev.length / 4096): string[] {
  const zero = md5(new Uint8Array(4096));
  const out: string[] = [];
  for (let b = 0; b < limit; b++) {
    const s = md5(dev.subarray(b * 4096, (b + 1) * 4096));
    if (s !== zero) out.push(`block ${b} ${s}`);
  }
  return out;
}

function recorded(name: string): { out: string[]; md5: string; blocks: string[] } {
  const text = readFileSync(
    new URL(`./persistent-data/testdata/${name}.out`, import.meta.url),
    "utf8",
  );
  const lines = text.split("\n");
  const sum = lines.find((l) => l.endsWith("  /dev/ram0"));
  return {
    out: lines.filter(
      (l) => !l.startsWith("block ") && l !== sum && l && !l.startsWith("exit status"),
    ),
    md5: sum!.split(" ")[0]!,
    blocks: lines.filter((l) => l.startsWith("block ")),
  };
}

/** pool_status's "<used>/<total> <used>/<total> <held root or ->" after its commit. */
async function status(pmd: DmPoolMetadata, dataBlocks: number): Promise<string> {
  await dmPoolCommitMetadata(pmd);
  const total = await dmPoolGetMetadataDevSize(pmd);
  const meta = total - (await dmPoolGetFreeMetadataBlockCount(pmd));
  const data = dataBlocks - (await dmPoolGetFreeBlockCount(pmd));
  const held = await dmPoolGetMetadataSnap(pmd);
  return `${meta}/${total} ${data}/${dataBlocks} ${held ? held : "-"}`;
}

const poolLine = (s: string): string => {
  const f = s.split(" ");
  return `${f[4]} ${f[5]} ${f[6]}`;
};

describe("dm-thin-metadata, byte for byte with Linux", () => {
  it("seq2: 300 thin devices created, 200 deleted, a held metadata snapshot, more changes", async () => {
    const want = recorded("seq2");
    const { e, t, dev } = await holder(16384);
    const pmd = await dmPoolMetadataOpen(t, dev, 128, true);
    await dmPoolResizeDataDev(pmd, 256);
    await dmPoolCommitMetadata(pmd);
    const got: string[] = [];
    const ids = Array.from({ length: 300 }, (_, i) => (i * 7919) % 1000);
    for (const id of ids) {
      await dmPoolCreateThin(pmd, id);
      await dmPoolCommitMetadata(pmd);
    }
    got.push(await status(pmd, 256));
    for (let i = 0; i < 300; i++) {
      if (i % 3 === 1) continue;
      await dmPoolDeleteThinDevice(pmd, ids[i]!);
      await dmPoolCommitMetadata(pmd);
    }
    got.push(await status(pmd, 256));
    await dmPoolReserveMetadataSnap(pmd);
    await dmPoolCommitMetadata(pmd);
    got.push(await status(pmd, 256));
    await dmPoolCreateThin(pmd, 5000);
    await dmPoolCommitMetadata(pmd);
    // "delete 8": no such device, the message fails (no commit)
    await expect(dmPoolDeleteThinDevice(pmd, 8)).rejects.toThrow(DmError);
    got.push(await status(pmd, 256));
    await dmPoolCommitMetadata(pmd); // postsuspend
    await dmPoolMetadataClose(pmd);
    const statuses = want.out.filter((l) => l.includes(" thin-pool ")).map(poolLine);
    expect(got).toEqual(statuses);
    const bytes = await e.read("/dev/ram0", 0, 16 * 1024 * 1024);
    expect(md5(bytes)).toBe(want.md5);
    // the md5 of each non-zero block where the recording has them (to find a differing block)
    if (want.blocks.length) expect(blockSums(bytes)).toEqual(want.blocks);
  }, 300_000);

  it("seq3: 400 provisioned blocks of one thin device, a snapshot of it, the origin deleted", async () => {
    const want = recorded("seq3");
    const { e, t, dev } = await holder(32768);
    const pmd = await dmPoolMetadataOpen(t, dev, 128, true);
    await dmPoolResizeDataDev(pmd, 512);
    await dmPoolCommitMetadata(pmd);
    const got: string[] = [];
    await dmPoolCreateThin(pmd, 3);
    await dmPoolCommitMetadata(pmd);
    const td = await dmPoolOpenThin(pmd, 3);
    for (let i = 0; i < 400; i++) {
      const b = await dmPoolAllocDataBlock(pmd);
      await dmThinInsertBlock(td, (i * 7919) % 10007, b);
      await dmPoolCommitMetadata(pmd); // the fsync's flush
    }
    got.push(await status(pmd, 512));
    const mapped = await dmThinGetMappedCount(td);
    const highest = await dmThinGetHighestMappedBlock(td);
    got.push(`${mapped * 128} ${(highest! + 1) * 128 - 1}`);
    await dmPoolCloseThin(td);
    await dmPoolCreateSnap(pmd, 4, 3);
    await dmPoolCommitMetadata(pmd);
    await dmPoolDeleteThinDevice(pmd, 3);
    await dmPoolCommitMetadata(pmd);
    got.push(await status(pmd, 512));
    await dmPoolCommitMetadata(pmd); // postsuspend
    await dmPoolMetadataClose(pmd);
    const lines = want.out.filter((l) => l.startsWith("0 "));
    expect(got).toEqual([
      poolLine(lines[0]!),
      lines[1]!.split(" ").slice(3).join(" "),
      poolLine(lines[2]!),
    ]);
    const bytes = await e.read("/dev/ram0", 0, 32 * 1024 * 1024);
    expect(md5(bytes)).toBe(want.md5);
    // the md5 of each non-zero block where the recording has them (to find a differing block)
    if (want.blocks.length) expect(blockSums(bytes, 1100)).toEqual(want.blocks);
  }, 300_000);

  it("seq4: a changed data block size, a bad superblock checksum and magic: Linux's errors and lines", async () => {
    const text = readFileSync(
      new URL("./persistent-data/testdata/seq4.out", import.meta.url),
      "utf8",
    );
    const want = text.split("\n").filter((l) => /thin metadata: |block manager: /.test(l));
    const { e, t, dev } = await holder(16384);
    let pmd = await dmPoolMetadataOpen(t, dev, 128, true);
    await dmPoolResizeDataDev(pmd, 256);
    await dmPoolCommitMetadata(pmd);
    await dmPoolCreateThin(pmd, 1);
    await dmPoolCommitMetadata(pmd);
    await dmPoolCommitMetadata(pmd); // postsuspend
    await dmPoolMetadataClose(pmd);
    const from = e.klog.lines.length;
    const openErr = async (dbs: number): Promise<string> => {
      try {
        pmd = await dmPoolMetadataOpen(t, dev, dbs, true);
        return "ok";
      } catch (err) {
        return err instanceof DmError ? err.errno : String(err);
      }
    };
    expect(await openErr(256)).toBe("EINVAL");
    await e.write("/dev/ram0", 100, Uint8Array.of(1));
    expect(await openErr(128)).toBe("EILSEQ");
    await e.write("/dev/ram0", 100, Uint8Array.of(0));
    const sb = await e.read("/dev/ram0", 0, 4096);
    await e.write("/dev/ram0", 3 * 4096, sb);
    await e.write("/dev/ram0", 0, new Uint8Array(4096));
    await e.write("/dev/ram0", 32, new TextEncoder().encode("x"));
    expect(await openErr(128)).toBe("EILSEQ");
    await e.write("/dev/ram0", 0, await e.read("/dev/ram0", 3 * 4096, 4096));
    expect(await openErr(128)).toBe("ok");
    await dmPoolMetadataClose(pmd);
    const got = e.klog.lines
      .slice(from)
      .map((l) => l.text)
      .filter((l) => /thin metadata: |block manager: /.test(l));
    expect(got).toEqual(want);
  }, 60_000);
});
