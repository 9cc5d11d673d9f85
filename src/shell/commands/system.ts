/**
 * modprobe, dmesg, sleep, sync and the background-job plumbing (`cmd &` and `wait`), as the
 * busybox applets on the reference machine behave.
 */

import { nextTask } from "../../engine/clock.ts";
import { BlockFile } from "../blockio.ts";
import { DmError, KernelLog, NS_PER_SEC, strerror, type LogLevel } from "../../engine/index.ts";
import { command, getopt, type DmshCommand } from "./command.ts";

/** brd accepts at most this many RAM disks here (each is a JS object). */
const MAX_RD_NR = 1024;
/**
 * And at most this size (KiB): 64 GiB each. Linux takes any unsigned long (sparse, allocated
 * on write); the page draws a disk chunk by chunk (1M chunks of 64 KiB here), so bigger ones are
 * refused with a clear message rather than freezing the tab.
 */
export const MAX_RD_SIZE = 2 ** 26;
/** ULONG_MAX: kstrtoul's limit for a module parameter (above it: -ERANGE). */
const ULONG_MAX = 2n ** 64n - 1n;

const LEVELS: LogLevel[] = ["emerg", "alert", "crit", "err", "warn", "notice", "info", "debug"];

export const modprobe = command("modprobe", (args, { shell, out }) => {
  const p = getopt(
    args,
    {
      long: {},
      short: {
        r: ["remove", false],
        q: ["quiet", false],
        v: ["verbose", false],
        a: ["all", false],
        b: ["blacklist", false],
        s: ["syslog", false],
        D: ["deps", false],
      },
      posix: true,
    },
    "modprobe",
  );
  if (!p.ok) {
    out.e(p.error);
    return 1;
  }
  const quiet = p.opts.has("quiet");
  const [name, ...params] = p.operands;
  if (name === undefined) return 0;
  const e = shell.engine;
  const mod = name.replace(/_/g, "-");
  const missing = () => {
    if (!quiet) out.e(`modprobe: module ${name} not found in modules.dep\n`);
    return 1;
  };
  if (p.opts.has("remove")) {
    if (mod === "loop") {
      if (!e.loop.loaded) return 0;
      try {
        e.loop.unload();
        return 0;
      } catch {
        out.e(`modprobe: remove '${name}': Resource temporarily unavailable\n`);
        return 1;
      }
    }
    if (mod === "brd") {
      if (!e.brdLoaded) return 0;
      try {
        e.unloadBrd();
        return 0;
      } catch {
        out.e(`modprobe: remove '${name}': Resource temporarily unavailable\n`);
        return 1;
      }
    }
    if (mod !== "dm-mod" && !e.targets.isModule(mod)) return missing();
    if (!e.modules.list().some((m) => m.name === mod.replace(/-/g, "_"))) return 0;
    try {
      e.modules.rmmod(mod);
    } catch (err) {
      if (!(err instanceof DmError)) throw err;
      out.e(`modprobe: can't unload module '${name}': ${strerror(err.errno)}\n`);
      return 1;
    }
    return 0;
  }
  if (mod === "loop") {
    // max_loop=N: N devices at load (CONFIG_BLK_DEV_LOOP_MIN_COUNT, 8, otherwise).
    const max = params.map((q) => /^max_loop=(\d+)$/.exec(q)).find((m) => m);
    if (!e.loop.loaded) {
      e.loop.load(max ? Math.min(Number(max[1]), 256) : undefined);
      e.modules.noteLoaded("loop");
    }
    return 0;
  }
  if (mod === "brd") {
    if (e.brdLoaded) return 0;
    let nr = 16;
    let size = 4096;
    for (const param of params) {
      const eq = param.indexOf("=");
      const key = eq >= 0 ? param.slice(0, eq) : param;
      const val = eq >= 0 ? param.slice(eq + 1) : "";
      if (key !== "rd_nr" && key !== "rd_size" && key !== "max_part") {
        e.log("warn", `brd: unknown parameter '${key}' ignored`);
        continue;
      }
      const limit = key === "rd_nr" ? MAX_RD_NR : key === "rd_size" ? MAX_RD_SIZE : 256;
      // kstrtoul: digits only (EINVAL), at most ULONG_MAX (ERANGE). busybox's modprobe tries
      // twice, so Linux logs the complaint twice (kernel tool, Debian 12).
      const errno = !/^\d+$/.test(val) ? "EINVAL" : BigInt(val) > ULONG_MAX ? "ERANGE" : null;
      if (errno) {
        for (let i = 0; i < 2; i++) e.log("err", `brd: \`${val}' invalid for parameter \`${key}'`);
        out.e(
          `modprobe: can't load module brd (kernel/drivers/block/brd.ko): ${strerror(errno)}\n`,
        );
        return 1;
      }
      if (Number(val) > limit) {
        // Linux would take it; dm-playground cannot hold it (see MAX_RD_SIZE).
        const what = key === "rd_size" ? "RAM disks of at most 64 GiB" : `at most ${limit}`;
        out.e(
          `modprobe: can't load module brd (kernel/drivers/block/brd.ko): ${strerror("ENOMEM")}\n` +
            `modprobe: dm-playground: ${key}=${val} is more than it keeps: ${what} (${key}=${limit})\n`,
        );
        return 1;
      }
      if (key === "rd_nr") nr = Number(val);
      else if (key === "rd_size") size = Number(val);
    }
    e.loadBrd(nr, size);
    e.modules.noteLoaded("brd");
    return 0;
  }
  if (mod === "dm-mod") return 0;
  if (!e.targets.isModule(mod)) return missing();
  e.targets.loadModule(mod);
  return 0;
});

export const dmesg = command("dmesg", (args, { shell, out }) => {
  const p = getopt(
    args,
    {
      long: {},
      short: {
        c: ["read-clear", false],
        C: ["clear", false],
        r: ["raw", false],
        n: ["level", true],
        s: ["size", true],
      },
      posix: true,
    },
    "dmesg",
  );
  if (!p.ok) {
    out.e(p.error);
    return 1;
  }
  const klog = shell.engine.klog;
  if (p.opts.has("level")) return 0;
  if (p.opts.has("clear")) {
    klog.clear();
    return 0;
  }
  const raw = p.opts.has("raw");
  let text = "";
  for (const l of klog.lines) {
    for (const part of l.text.split("\n")) {
      const line = KernelLog.format({ ...l, text: part });
      text += raw ? `<${LEVELS.indexOf(l.level)}>${line}\n` : `${line}\n`;
    }
  }
  out.o(text);
  if (p.opts.has("read-clear")) klog.clear();
  return 0;
});

/** busybox sleep: N[smhd], fractions allowed; several arguments add up. */
export const sleep = command("sleep", async (args, { shell, ctx, out }) => {
  if (args.length === 0) {
    out.e(
      "BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.\n\nUsage: sleep [N]...\n\nPause for a time equal to the total of the args given, where each arg can\nhave an optional suffix of (s)econds, (m)inutes, (h)ours, or (d)ays\n",
    );
    return 1;
  }
  let total = 0;
  for (const a of args) {
    const m = /^(\d*\.?\d*)([smhd]?)$/.exec(a);
    if (!m || m[1] === "" || m[1] === ".") {
      out.e(`sleep: invalid number '${a}'\n`);
      return 1;
    }
    const mult = { "": 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as "" | "s" | "m" | "h" | "d"];
    total += Number(m[1]) * mult;
  }
  // A background job's sleep ends early when a signal kills the job (DmShell.sleep).
  await shell.ctx.wait(shell.sleep(Math.round(total * NS_PER_SEC), shell.jobOf(ctx.env)));
  return 0;
});

/** sync(2): every block device's dirty page-cache blocks are written back. */
export const sync = command("sync", async (_args, { shell }) => {
  for (const bdev of [...shell.engine.devices.values()]) {
    if (bdev.dirty.size > 0) await new BlockFile(shell.ctx, bdev).sync();
  }
  return 0;
});

/** `cmd &`, rewritten: start job N now and let it run until it has to wait. */
export const bg = command("__dmsh_bg", async (args, { shell, ctx }) => {
  const pid = shell.startJob(Number(args[0]), ctx.env);
  if (pid === null) return 1;
  await ctx.assignShellVariable?.("__DMSH_BGPID", String(pid));
  // Let the job run to its first wait. In tasks, not a timer: under the eager drive a process
  // waiting on I/O lets time move after a bounded number of tasks (Engine #sharedWait), and a
  // 1 ms timer could outlast them and let a job's `sleep 5` end before the script went on.
  for (let i = 0; i < 8; i++) await nextTask();
  return 0;
});

/**
 * `$(__dmsh_snap)`, placed by the rewrite just before an arithmetic expansion that runs a
 * command: just-bash runs that command in a nested interpreter starting from the shell's saved
 * variables, so save the running script's variables there first. Prints nothing; its status is
 * the current `$?`.
 */
export const snap = command("__dmsh_snap", (_args, { shell, ctx }) => {
  shell.saveVariables(ctx.env);
  return Number(ctx.env.get("?") ?? "0") || 0;
});

/** `__dmsh_missing LINE NAME ...`: the rewrite's stand-in for a command that does not exist. */
export const missing = command("__dmsh_missing", (args, { shell, out }) => {
  const [line, name] = args;
  out.e(
    shell.scriptName === null
      ? `sh: ${name}: not found\n`
      : `${shell.scriptName}: line ${line}: ${name}: not found\n`,
  );
  return 127;
});

/**
 * The kernel dm-playground follows: the one the golden files were recorded on (`uname -r` of the
 * kernel tool, Debian's 6.1.192). golden/000-kernel-version checks it, so re-recording the
 * golden files on another kernel shows up as a difference.
 */
export const UTSNAME = {
  sysname: "Linux",
  nodename: "(none)",
  release: "6.1.0-57-amd64",
  version: "#1 SMP PREEMPT_DYNAMIC Debian 6.1.192-3 (2026-11-26)",
  machine: "x86_64",
  os: "GNU/Linux",
} as const;

const UNAME_USAGE =
  "BusyBox v1.35.0 (Debian 1:1.35.0-4+deb12u1+b1) multi-call binary.\n\n" +
  "Usage: uname [-amnrspvio]\n\nPrint system information\n\n" +
  "\t-a\tPrint all\n\t-m\tMachine (hardware) type\n\t-n\tHostname\n\t-r\tKernel release\n" +
  "\t-s\tKernel name (default)\n\t-p\tProcessor type\n\t-v\tKernel version\n" +
  "\t-i\tHardware platform\n\t-o\tOS name\n";

/** busybox uname: fields in the order s n r v m p i o; -p and -i are "unknown". */
export const uname = command("uname", (args, { out }) => {
  const want = new Set<string>();
  for (const a of args) {
    if (!a.startsWith("-") || a === "-") {
      out.e(UNAME_USAGE);
      return 1;
    }
    for (const c of a.slice(1)) {
      if (!"amnrspvio".includes(c)) {
        out.e(`uname: invalid option -- '${c}'\n${UNAME_USAGE}`);
        return 1;
      }
      if (c === "a") for (const f of "snrvmo") want.add(f);
      else want.add(c);
    }
  }
  if (want.size === 0) want.add("s");
  const u = UTSNAME;
  const fields: Array<[string, string]> = [
    ["s", u.sysname],
    ["n", u.nodename],
    ["r", u.release],
    ["v", u.version],
    ["m", u.machine],
    ["p", "unknown"],
    ["i", "unknown"],
    ["o", u.os],
  ];
  out.o(
    fields
      .filter(([f]) => want.has(f))
      .map(([, v]) => v)
      .join(" ") + "\n",
  );
  return 0;
});

export const systemCommands: DmshCommand[] = [
  uname,
  modprobe,
  dmesg,
  sleep,
  sync,
  bg,
  snap,
  missing,
];
