/**
 * The built-in target types, one file each. A new target is one new file and one line here:
 * [type, module that provides it, whether it is loaded at boot (built into dm-mod)].
 */

import type { TargetType } from "../target.ts";
import error from "./error.ts";
import linear from "./linear.ts";
import striped from "./striped.ts";
import zero from "./zero.ts";

export const BUILTIN_TARGETS: ReadonlyArray<readonly [TargetType<unknown>, string, boolean]> = [
  [striped as TargetType<unknown>, "dm-mod", true],
  [linear as TargetType<unknown>, "dm-mod", true],
  [error as TargetType<unknown>, "dm-mod", true],
  [zero as TargetType<unknown>, "dm-zero", false],
];
