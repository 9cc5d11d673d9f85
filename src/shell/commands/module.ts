/**
 * insmod, rmmod and lsmod, as busybox 1.35's modutils print them (golden 071), over the
 * engine's module loader (src/engine/module.ts): `insmod ./dm-proxy.ts` loads a user's target
 * module from dmsh's file system (or, in the dmsh CLI, from the host's); `rmmod dm-proxy` or
 * `rmmod dm_proxy` unloads it unless a table uses it; `lsmod` lists every loaded module with
 * its use count.
 *
 * insmod's exit status is the errno (busybox returns init_module's error): 8 invalid module
 * format, 17 File exists, 254 for a file that cannot be read. A module that fails to load
 * prints where first ("dm-proxy.ts:12:5: SyntaxError: ..."), then busybox's line.
 */

import { DmError, ERRNO, ModuleLoadError, strerror, type Errno } from "../../engine/index.ts";
import { kname } from "../../engine/module.ts";
import { command, type DmshCommand } from "./command.ts";

const INSMOD_USAGE =
  "BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.\n\nUsage: insmod FILE [SYMBOL=VALUE]...\n\nLoad kernel module\n";
const RMMOD_USAGE =
  "BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.\n\nUsage: rmmod [-wfa] [MODULE]...\n\nUnload kernel modules\n\n\t-w\tWait until the module is no longer used\n\t-f\tForce unload\n\t-a\tRemove all unused modules (recursively)\n";

/** busybox modutils' moderror(): the text for init_module's errno. */
function moderror(errno: Errno): string {
  switch (errno) {
    case "ENOEXEC":
      return "invalid module format";
    case "ENOENT":
      return "unknown symbol in module, or unknown parameter";
    default:
      return strerror(errno);
  }
}

export const insmod = command("insmod", async (args, { shell, out, path }) => {
  const file = args[0];
  if (file === undefined) {
    out.e(INSMOD_USAGE);
    return 1;
  }
  let source: string | null = null;
  try {
    const data = await shell.fs.readFileBuffer(path(file));
    source = new TextDecoder().decode(data);
  } catch {
    source = shell.readHostFile?.(file) ?? null;
  }
  if (source === null) {
    out.e(`insmod: can't insert '${file}': No such file or directory\n`);
    return 254;
  }
  try {
    shell.engine.modules.insmod(file, source);
    return 0;
  } catch (e) {
    if (!(e instanceof DmError)) throw e;
    if (e instanceof ModuleLoadError && !/\.ko$/.test(file)) out.e(`${e.message}\n`);
    out.e(`insmod: can't insert '${file}': ${moderror(e.errno)}\n`);
    return ERRNO[e.errno][0];
  }
});

export const rmmod = command("rmmod", (args, { shell, out }) => {
  const names = args.filter((a) => !/^-[wfa]+$/.test(a));
  if (names.length === 0) {
    out.e(RMMOD_USAGE);
    return 1;
  }
  for (const name of names) {
    try {
      shell.engine.modules.rmmod(name);
    } catch (e) {
      if (!(e instanceof DmError)) throw e;
      // busybox dies at the first module it cannot unload.
      out.e(`rmmod: can't unload module '${kname(name)}': ${strerror(e.errno)}\n`);
      return 1;
    }
  }
  return 0;
});

export const lsmod = command("lsmod", (_args, { shell, out }) => {
  let text = `${"Module".padEnd(24)}Size  Used by    Not tainted\n`;
  for (const m of shell.engine.modules.list()) {
    text += `${m.name.padEnd(19)} ${String(m.size).padStart(8)} ${String(m.useCount).padStart(2)} ${m.usedBy.join(",")}\n`;
  }
  out.o(text);
  return 0;
});

export const moduleCommands: DmshCommand[] = [insmod, rmmod, lsmod];
