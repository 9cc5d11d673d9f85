/**
 * blkdiscard (util-linux 2.38, sys-utils/blkdiscard.c): discard (or with -z zero-fill) a byte
 * range of a block device through the BLKDISCARD / BLKZEROOUT ioctls.
 *
 *     blkdiscard [-o OFFSET] [-l LENGTH] [-p STEP] [-z] [-s] [-f] [-q] [-v] DEVICE
 *
 * The range is checked as blkdiscard checks it (offset and length aligned to the logical
 * block size, offset within the device, the end cut at the device's end), then issued in
 * STEP-sized pieces (one piece without -p); -v prints `DEV: Discarded N bytes from the offset
 * M`. The kernel side (blk_ioctl_discard) drops the range's page-cache pages, then issues
 * discard bios (BLKZEROOUT: bios of zero pages). A queue whose max_discard_sectors is 0 (a RAM
 * disk, whose limits are 6.1 brd's though the engine's RAM disks take discard bios; a thin
 * device of a pool with ignore_discard) refuses BLKDISCARD with EOPNOTSUPP, as blk_ioctl_discard
 * does (golden 588); -s (secure discard) is always refused.
 */

import { openPath } from "../files.ts";
import { strerrorOf } from "../util.ts";
import { command, getopt } from "./command.ts";

const USAGE = `
Usage:
 blkdiscard [options] <device>

Discard the content of sectors on a device.

Options:
 -f, --force         disable all checking
 -o, --offset <num>  offset in bytes to discard from
 -l, --length <num>  length of bytes to discard from the offset
 -p, --step <num>    size of the discard iterations within the offset
 -q, --quiet         suppress warning messages
 -s, --secure        perform secure discard
 -z, --zeroout       zero-fill rather than discard
 -v, --verbose       print aligned length and offset

 -h, --help          display this help
 -V, --version       display version

For more details see blkdiscard(8).
`;

const U64 = 0xffffffffffffffffn;

/** strtosize: a number with an optional KiB/MiB/... (or K, M, G ...) suffix, in bytes. */
function strtosize(s: string): bigint | null {
  const m = /^(\d+)(?:([KMGTPE])(iB|B)?)?$/i.exec(s.trim());
  if (!m) return null;
  let v = BigInt(m[1]!);
  if (m[2]) {
    const power = "KMGTPE".indexOf(m[2].toUpperCase()) + 1;
    const base = m[3]?.toUpperCase() === "B" ? 1000n : 1024n;
    v *= base ** BigInt(power);
  }
  return v > U64 ? null : v;
}

export const blkdiscard = command("blkdiscard", async (args, io) => {
  const { shell, out } = io;
  const parsed = getopt(
    args,
    {
      long: {
        force: false,
        offset: true,
        length: true,
        step: true,
        quiet: false,
        secure: false,
        zeroout: false,
        verbose: false,
        help: false,
        version: false,
      },
      short: {
        f: ["force", false],
        o: ["offset", true],
        l: ["length", true],
        p: ["step", true],
        q: ["quiet", false],
        s: ["secure", false],
        z: ["zeroout", false],
        v: ["verbose", false],
        h: ["help", false],
        V: ["version", false],
      },
    },
    "blkdiscard",
  );
  if (!parsed.ok) {
    out.e(`${parsed.error}\nTry 'blkdiscard --help' for more information.\n`);
    return 1;
  }
  const { opts, operands } = parsed;
  if (opts.has("help")) {
    out.o(USAGE);
    return 0;
  }
  if (opts.has("version")) {
    out.o("blkdiscard from util-linux 2.38.1\n");
    return 0;
  }
  const size = (name: string, what: string): bigint | null | undefined => {
    const v = opts.get(name)?.at(-1);
    if (v === undefined) return undefined;
    const n = strtosize(v);
    if (n === null) out.e(`blkdiscard: failed to parse ${what}: '${v}': Invalid argument\n`);
    return n;
  };
  const offset = size("offset", "offset");
  const length = size("length", "length");
  const step = size("step", "step");
  if (offset === null || length === null || step === null) return 1;
  if (operands.length === 0) {
    out.e("blkdiscard: no device specified\n");
    return 1;
  }
  if (operands.length > 1) {
    out.e(
      "blkdiscard: unexpected number of arguments\nTry 'blkdiscard --help' for more information.\n",
    );
    return 1;
  }
  const path = operands[0]!;
  const act = opts.has("zeroout") ? "zeroout" : opts.has("secure") ? "secure" : "discard";
  const opened = await openPath(shell, io.path(path));
  if ("errno" in opened) {
    out.e(`blkdiscard: cannot open ${path}: ${strerrorOf({ code: opened.errno })}\n`);
    return 1;
  }
  if (opened.kind === "dir") {
    out.e(`blkdiscard: cannot open ${path}: Is a directory\n`);
    return 1;
  }
  if (opened.kind !== "block") {
    out.e(`blkdiscard: ${path}: not a block device\n`);
    return 1;
  }
  const file = opened.file;
  const bdev = file.bdev;
  // util-linux 2.38 opens the device O_EXCL unless --force: a device a table holds (a thin
  // device's pool, a linear's RAM disk) is busy (golden 588).
  if (!opts.has("force") && bdev.holders.size > 0) {
    out.e(`blkdiscard: cannot open ${path}: Device or resource busy\n`);
    return 1;
  }
  const blksize = BigInt(bdev.sizeSectors) * 512n;
  const secsize = BigInt(bdev.limits.logicalBlockSize);
  let start = offset ?? 0n;
  const len = length ?? U64;
  if (start % secsize) {
    out.e(`blkdiscard: ${path}: offset ${start} is not aligned to sector size ${secsize}\n`);
    return 1;
  }
  if (start > blksize) {
    out.e(`blkdiscard: ${path}: offset is greater than device size\n`);
    return 1;
  }
  let end = start + len;
  if (end > U64 || end < start || end > blksize) end = blksize;
  let piece = step && step > 0n ? step : end - start;
  if (piece % secsize) {
    out.e(`blkdiscard: ${path}: length ${piece} is not aligned to sector size ${secsize}\n`);
    return 1;
  }
  if (bdev.readOnly) {
    out.e(`blkdiscard: cannot open ${path}: Read-only file system\n`);
    return 1;
  }
  const e = shell.ctx.engine;
  const from = start;
  let done = 0n;
  file.open();
  try {
    for (; start < end; start += piece) {
      if (start + piece > end) piece = end - start;
      const ioctl =
        act === "zeroout" ? "BLKZEROOUT" : act === "secure" ? "BLKSECDISCARD" : "BLKDISCARD";
      // blk_ioctl_discard: a queue without discard (max_discard_sectors 0, e.g. a thin device
      // of a pool with ignore_discard) refuses BLKDISCARD with EOPNOTSUPP before anything else.
      if (act === "secure" || (act === "discard" && !bdev.limits.maxDiscardSectors)) {
        out.e(`blkdiscard: ${path}: ${ioctl} ioctl failed: Operation not supported\n`);
        return 1;
      }
      // truncate_bdev_range: the range's cached pages are dropped, dirty ones unwritten.
      const a = Number(start);
      const b = Number(start + piece);
      for (const at of [...bdev.dirty.keys()])
        if (at < b && at + bdev.dirty.get(at)!.length > a) bdev.dirty.delete(at);
      // BLKZEROOUT on a device without REQ_OP_WRITE_ZEROES (none here offers it) writes zero
      // pages, in bios of at most BIO_MAX_VECS pages (__blkdev_issue_zero_pages).
      const chunk = act === "zeroout" ? 1 << 20 : b - a;
      for (let x = a; x < b; x += chunk) {
        const n = Math.min(chunk, b - x);
        const st = await shell.ctx.wait(
          act === "zeroout"
            ? e.io(bdev, "WRITE", x / 512, new Uint8Array(n))
            : e.io(bdev, "DISCARD", x / 512, null, n / 512),
        );
        if (st !== "OK") {
          out.e(`blkdiscard: ${path}: ${ioctl} ioctl failed: Input/output error\n`);
          return 1;
        }
      }
      done += piece;
    }
  } finally {
    await file.release();
  }
  if (opts.has("verbose"))
    out.o(
      `${path}: ${act === "zeroout" ? "Zero-filled" : "Discarded"} ${done} bytes from the offset ${from}\n`,
    );
  return 0;
});
