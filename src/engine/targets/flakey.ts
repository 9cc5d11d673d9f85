/**
 * flakey: a device that works for <up interval> seconds, then misbehaves for <down interval>
 * seconds, and so on, counted from table load. While down, by default every bio fails; with
 * features, writes are dropped (reported done, never written) or failed, or one byte of
 * matching bios is corrupted.
 *
 *     <start> <length> flakey <dev> <offset> <up interval> <down interval>
 *                             [<#feature args> [drop_writes | error_writes]
 *                              [corrupt_bio_byte <Nth_byte> <r|w> <value> <bio_flags>]]
 *
 * Status INFO is empty; TABLE repeats the arguments with the feature count, each item followed
 * by a space as 6.1 prints it. (drivers/md/dm-flakey.c)
 */

import type { Bio } from "../bio.ts";
import { NS_PER_SEC } from "../clock.ts";
import { ctrError, defineTarget, parseU32, parseU64, type DmDev } from "../target.ts";
import { DmError } from "../types.ts";

interface FlakeyC {
  dev: DmDev;
  start: number;
  upInterval: number;
  downInterval: number;
  startTime: number;
  dropWrites: boolean;
  errorWrites: boolean;
  /** 1-based byte to corrupt, 0 for none. */
  corruptBioByte: number;
  corruptBioRw: "r" | "w" | null;
  corruptBioValue: number;
  corruptBioFlags: number;
}

/** dm_read_arg: an unsigned number in [min, max], else `error`. */
function readArg(args: string[], min: number, max: number, error: string): number {
  const s = args.shift();
  const v = s === undefined ? null : parseU32(s);
  if (v === null || v < min || v > max) ctrError(error);
  return v;
}

function parseFeatures(args: string[], fc: FlakeyC): void {
  if (args.length === 0) return;
  // dm_read_arg_group: the count must also not exceed what follows.
  const s = args.shift()!;
  const n = parseU32(s);
  if (n === null || n > 6 || args.length < n) ctrError("Invalid number of feature args");
  let argc = n;
  while (argc) {
    const name = args.shift();
    argc--;
    if (name === undefined) ctrError("Insufficient feature arguments");
    const lower = name.toLowerCase();
    if (lower === "drop_writes") {
      if (fc.dropWrites) ctrError("Feature drop_writes duplicated");
      if (fc.errorWrites) ctrError("Feature drop_writes conflicts with feature error_writes");
      fc.dropWrites = true;
      continue;
    }
    if (lower === "error_writes") {
      if (fc.errorWrites) ctrError("Feature error_writes duplicated");
      if (fc.dropWrites) ctrError("Feature error_writes conflicts with feature drop_writes");
      fc.errorWrites = true;
      continue;
    }
    if (lower === "corrupt_bio_byte") {
      if (!argc) ctrError("Feature corrupt_bio_byte requires parameters");
      fc.corruptBioByte = readArg(args, 1, 0xffffffff, "Invalid corrupt bio byte");
      argc--;
      const dir = args.shift()?.toLowerCase();
      if (dir === "w" || dir === "r") fc.corruptBioRw = dir;
      else ctrError("Invalid corrupt bio direction (r or w)");
      argc--;
      fc.corruptBioValue = readArg(
        args,
        0,
        255,
        "Invalid corrupt value to write into bio byte (0-255)",
      );
      argc--;
      fc.corruptBioFlags = readArg(args, 0, 0xffffffff, "Invalid corrupt bio flags mask");
      argc--;
      continue;
    }
    ctrError("Unrecognised flakey feature requested");
  }
  if (fc.dropWrites && fc.corruptBioRw === "w")
    ctrError("drop_writes is incompatible with corrupt_bio_byte with the WRITE flag set");
  if (fc.errorWrites && fc.corruptBioRw === "w")
    ctrError("error_writes is incompatible with corrupt_bio_byte with the WRITE flag set");
}

function flagsMatch(bio: Bio, fc: FlakeyC): boolean {
  return (bio.flags & fc.corruptBioFlags) === fc.corruptBioFlags;
}

/** Overwrite the Nth byte of the bio's data, if it has that many. */
function corrupt(bio: Bio, fc: FlakeyC): void {
  if (bio.data && bio.data.length >= fc.corruptBioByte)
    bio.data[fc.corruptBioByte - 1] = fc.corruptBioValue;
}

interface PerBio {
  submittedWhileDown: boolean;
}

export default defineTarget<FlakeyC>({
  name: "flakey",
  version: [1, 5, 0],
  ctr(t, argv) {
    const args = [...argv];
    if (args.length < 4) ctrError("Invalid argument count");
    const devname = args.shift()!;
    const start = parseU64(args.shift()!);
    if (start === null) ctrError("Invalid device sector");
    const upInterval = readArg(args, 0, 0xffffffff, "Invalid up interval");
    // flakey_ctr reads the down interval with _args too (not _args + 1): a bad one is reported
    // as "Invalid up interval" (differential fuzzer seed 22).
    const downInterval = readArg(args, 0, 0xffffffff, "Invalid up interval");
    if (upInterval + downInterval === 0) ctrError("Total (up + down) interval is zero");
    if (upInterval + downInterval > 0xffffffff) ctrError("Interval overflow");
    const fc: Omit<FlakeyC, "dev"> = {
      start,
      upInterval,
      downInterval,
      startTime: t.now,
      dropWrites: false,
      errorWrites: false,
      corruptBioByte: 0,
      corruptBioRw: null,
      corruptBioValue: 0,
      corruptBioFlags: 0,
    };
    parseFeatures(args, fc as FlakeyC);
    let dev: DmDev;
    try {
      dev = t.getDevice(devname);
    } catch (e) {
      ctrError("Device lookup failed", e instanceof DmError ? e.errno : "ENODEV");
    }
    t.numFlushBios = 1;
    t.numDiscardBios = 1;
    t.private = { ...fc, dev };
  },
  dtr(t) {
    t.putDevice(t.priv.dev);
  },
  map(t, bio) {
    const fc = t.priv;
    const pb: PerBio = { submittedWhileDown: false };
    bio.perIo = pb;
    // Are we alive?
    const elapsed = Math.floor((t.now - fc.startTime) / NS_PER_SEC);
    if (elapsed % (fc.upInterval + fc.downInterval) >= fc.upInterval) {
      pb.submittedWhileDown = true;
      if (bio.op === "READ") {
        if (!fc.corruptBioByte && !fc.dropWrites && !fc.errorWrites) return "KILL";
      } else if (fc.dropWrites) {
        bio.end();
        return "SUBMITTED";
      } else if (fc.errorWrites) {
        bio.end("IOERR");
        return "SUBMITTED";
      } else if (fc.corruptBioByte) {
        if (fc.corruptBioRw === "w" && flagsMatch(bio, fc)) corrupt(bio, fc);
      } else {
        // By default, error all I/O.
        return "KILL";
      }
    }
    bio.bdev = fc.dev.bdev;
    if (bio.sectors > 0) bio.sector = fc.start + t.offset(bio.sector);
    return "REMAPPED";
  },
  endIo(t, bio, status) {
    const fc = t.priv;
    const pb = bio.perIo as PerBio | undefined;
    if (status === "OK" && pb?.submittedWhileDown && bio.op === "READ") {
      if (fc.corruptBioByte) {
        // Corrupt successful matching reads while down; with corrupt_bio_byte set, reads are
        // never failed (Debian 6.1.192, as in mainline since 6.4).
        if (fc.corruptBioRw === "r" && flagsMatch(bio, fc)) corrupt(bio, fc);
      } else if (!fc.dropWrites && !fc.errorWrites) bio.status = "IOERR";
    }
    return "DONE";
  },
  status(t, type) {
    if (type === "INFO") return "";
    const fc = t.priv;
    let s = `${fc.dev.name} ${fc.start} ${fc.upInterval} ${fc.downInterval} `;
    s += `${(fc.dropWrites ? 1 : 0) + (fc.errorWrites ? 1 : 0) + (fc.corruptBioByte > 0 ? 5 : 0)} `;
    if (fc.dropWrites) s += "drop_writes ";
    else if (fc.errorWrites) s += "error_writes ";
    if (fc.corruptBioByte)
      s += `corrupt_bio_byte ${fc.corruptBioByte} ${fc.corruptBioRw} ${fc.corruptBioValue} ${fc.corruptBioFlags} `;
    return s;
  },
  iterateDevices(t, fn) {
    fn(t.priv.dev, t.priv.start, t.len);
  },
});
