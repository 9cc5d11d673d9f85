/**
 * The built-in target types, one file each. A new target is one new file and one line here:
 * [type, module that provides it, whether it is loaded at boot], in registration order
 * (`dmsetup targets` lists the most recently registered first). As on the Debian machine the
 * golden outputs come from, every target module is loaded at boot.
 */

import type { TargetType } from "../target.ts";
import crypt from "./crypt.ts";
import delay from "./delay.ts";
import dust from "./dust.ts";
import error from "./error.ts";
import flakey from "./flakey.ts";
import linear from "./linear.ts";
import { snapshotMergeTarget, snapshotOriginTarget, snapshotTarget } from "./snapshot.ts";
import logWrites from "./log-writes.ts";
import mirror from "./mirror.ts";
import striped from "./striped.ts";
import switchTarget from "./switch.ts";
import { poolTarget, thinTarget } from "./thin.ts";
import unstriped from "./unstriped.ts";
import zero from "./zero.ts";

export const BUILTIN_TARGETS: ReadonlyArray<readonly [TargetType<unknown>, string, boolean]> = [
  [error as TargetType<unknown>, "dm-mod", true],
  [linear as TargetType<unknown>, "dm-mod", true],
  [striped as TargetType<unknown>, "dm-mod", true],
  [zero as TargetType<unknown>, "dm-zero", true],
  [delay as TargetType<unknown>, "dm-delay", true],
  [flakey as TargetType<unknown>, "dm-flakey", true],
  // dm-snap.c registers snapshot, snapshot-origin, snapshot-merge, in that order.
  [snapshotTarget as TargetType<unknown>, "dm-snapshot", true],
  [snapshotOriginTarget as TargetType<unknown>, "dm-snapshot", true],
  [snapshotMergeTarget as TargetType<unknown>, "dm-snapshot", true],
  // dm-thin.c registers thin, then thin-pool.
  [thinTarget as TargetType<unknown>, "dm-thin-pool", true],
  [poolTarget as TargetType<unknown>, "dm-thin-pool", true],
  [mirror as TargetType<unknown>, "dm-mirror", true],
  [crypt as TargetType<unknown>, "dm-crypt", true],
  [logWrites as TargetType<unknown>, "dm-log-writes", true],
  [unstriped as TargetType<unknown>, "dm-unstripe", true],
  [switchTarget as TargetType<unknown>, "dm-switch", true],
  // Not built by Debian: loaded when a table names it (or by modprobe dm-dust).
  [dust as TargetType<unknown>, "dm-dust", false],
];
