/** Every command dmsh adds to (or replaces in) just-bash. */

import type { Command } from "just-bash";
import type { DmShell } from "../index.ts";
import { toJustBash, type DmshCommand } from "./command.ts";
import { blkdiscard } from "./blkdiscard.ts";
import { dmsetup } from "./dmsetup.ts";
import { ddCommands } from "./dd.ts";
import { diskfaultCommands } from "./diskfault.ts";
import { dumpCommands } from "./dump.ts";
import { fdMarker } from "./fd.ts";
import { loadgenCommands } from "./loadgen.ts";
import { loopCommands } from "./loop.ts";
import { moduleCommands } from "./module.ts";
import { printfCommands } from "./printf.ts";
import { replayLog } from "./replay-log.ts";
import { systemCommands } from "./system.ts";
import { thinCommands } from "./thin.ts";
import { jobCommands } from "./jobs.ts";
import { timeCommands } from "./time.ts";
import { toolCommands } from "./tools.ts";

export const DMSH_COMMANDS: DmshCommand[] = [
  dmsetup,
  ...systemCommands,
  ...toolCommands,
  ...ddCommands,
  ...dumpCommands,
  ...printfCommands,
  replayLog,
  blkdiscard,
  ...loadgenCommands,
  ...diskfaultCommands,
  ...loopCommands,
  ...moduleCommands,
  ...timeCommands,
  ...jobCommands,
  ...thinCommands,
  fdMarker,
];

export function commands(shell: DmShell): Command[] {
  return DMSH_COMMANDS.map((c) => toJustBash(shell, c));
}
