/**
 * switch: maps fixed-size regions of the device onto any of several paths, by a region table
 * set at run time (for storage that spreads a volume across controllers).
 *
 *     <start> <length> switch <num_paths> <region_size> <num_optional_args> [<optional_args>...]
 *         [<dev_path> <offset>]+
 *
 * `region_size` is in sectors of 512 bytes; no optional arguments exist yet. The region table
 * starts round-robin (region N on path N % num_paths) and changes with
 *
 *     dmsetup message DEV 0 set_region_mappings <index>:<path_nr> [<index>]:<path_nr> [R<n>,<m>]...
 *
 * (hex numbers; an empty index is the previous one plus one; `R<n>,<m>` repeats the last `n`
 * entries `m` times). Status INFO is empty; TABLE is "<num_paths> <region_size> 0" then
 * "<major:minor> <offset>" per path. (drivers/md/dm-switch.c, 6.1.192)
 */

import { ctrError, defineTarget, parseU32, parseU64, type DmDev } from "../target.ts";
import { DmError } from "../types.ts";

interface SwitchPath {
  dev: DmDev;
  start: number;
}

interface SwitchCtx {
  paths: SwitchPath[];
  regionSize: number;
  nrRegions: number;
  /** The path of each region. */
  regionTable: Uint32Array;
}

/** The region tables dm-playground will allocate (the kernel's limit is vmalloc's). */
const MAX_REGIONS = 1 << 26;

/** dm_read_arg / dm_read_arg_group: "%u" within [min, max] (and, grouped, enough args left). */
function readArg(args: string[], at: number, min: number, max: number, error: string): number {
  const s = args[at];
  const v = s === undefined ? null : parseU32(s);
  if (v === null || v < min || v > max) ctrError(error);
  return v;
}

/** parse_hex: as many hex digits as there are; returns the value and where it stopped. */
function parseHex(s: string, at: number): [number, number] {
  let v = 0;
  while (at < s.length && /[0-9a-fA-F]/.test(s[at]!)) v = v * 16 + parseInt(s[at++]!, 16);
  return [v, at];
}

export default defineTarget<SwitchCtx>({
  name: "switch",
  version: [1, 1, 0],
  features: { nowait: true },
  ctr(t, args) {
    const nrPaths = readArg(args, 0, 1, 0x7fffffff, "Invalid number of paths");
    const regionSize = readArg(args, 1, 1, 0xffffffff, "Invalid region size");
    const nOpt = readArg(args, 2, 0, 0, "Invalid number of optional args");
    let at = 3 + nOpt;
    if (args.length - at !== nrPaths * 2) ctrError("Incorrect number of path arguments");
    t.maxIoLen = regionSize;
    const paths: SwitchPath[] = [];
    const putAll = (): void => {
      for (const p of paths) t.putDevice(p.dev);
    };
    while (at < args.length) {
      let dev: DmDev;
      try {
        dev = t.getDevice(args[at]!);
      } catch (e) {
        putAll();
        ctrError("Device lookup failed", e instanceof DmError ? e.errno : "ENODEV");
      }
      // kstrtoull: decimal digits (a leading '+' allowed), nothing else.
      const startArg = args[at + 1]!;
      const start = parseU64(startArg.startsWith("+") ? startArg.slice(1) : startArg);
      if (start === null) {
        t.putDevice(dev);
        putAll();
        ctrError("Invalid device starting offset");
      }
      paths.push({ dev, start });
      at += 2;
    }
    const nrRegions = Math.ceil(t.len / regionSize);
    if (nrRegions > MAX_REGIONS) {
      putAll();
      ctrError("Cannot allocate region table", "ENOMEM");
    }
    const regionTable = new Uint32Array(nrRegions);
    // initialise_region_table: round-robin over the paths.
    for (let r = 0; r < nrRegions; r++) regionTable[r] = r % nrPaths;
    // For UNMAP, sending the request down any path is sufficient.
    t.numDiscardBios = 1;
    t.private = { paths, regionSize, nrRegions, regionTable };
  },
  dtr(t) {
    for (let i = t.priv.paths.length - 1; i >= 0; i--) t.putDevice(t.priv.paths[i]!.dev);
  },
  map(t, bio) {
    const sc = t.priv;
    const offset = t.offset(bio.sector);
    const path = sc.paths[sc.regionTable[Math.floor(offset / sc.regionSize)] ?? 0]!;
    bio.bdev = path.dev.bdev;
    bio.sector = path.start + offset;
    return "REMAPPED";
  },
  message(t, argv) {
    if (argv[0]!.toLowerCase() !== "set_region_mappings") {
      t.log("warn", "Unrecognised message received.");
      throw new DmError("EINVAL");
    }
    setRegionMappings(t.priv, argv, (text) => t.log("warn", text));
  },
  status(t, type) {
    if (type !== "TABLE") return "";
    const sc = t.priv;
    return [
      `${sc.paths.length} ${sc.regionSize} 0`,
      ...sc.paths.map((p) => `${p.dev.name} ${p.start}`),
    ].join(" ");
  },
  iterateDevices(t, fn) {
    for (const p of t.priv.paths) fn(p.dev, p.start, t.len);
  },
});

/**
 * process_set_region_mappings: entries apply one by one; a bad one stops there with EINVAL
 * (the ones before it stay applied, as in the kernel).
 */
function setRegionMappings(sc: SwitchCtx, argv: string[], warn: (text: string) => void): void {
  const fail = (text: string): never => {
    warn(text);
    throw new DmError("EINVAL");
  };
  const bad = (a: string): never => fail(`invalid set_region_mappings argument: '${a}'`);
  let regionIndex = 0;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    let at = 0;
    if (a[0] === "R" || a[0] === "r") {
      at = 1;
      if (a[at] === ",") bad(a);
      let cycle: number;
      [cycle, at] = parseHex(a, at);
      if (a[at] !== ",") bad(a);
      at++;
      if (at >= a.length) bad(a);
      let numWrite: number;
      [numWrite, at] = parseHex(a, at);
      if (at < a.length) bad(a);
      if (!cycle || cycle - 1 > regionIndex)
        fail(`invalid set_region_mappings cycle length: ${cycle - 1} > ${regionIndex}`);
      if (regionIndex + numWrite >= sc.nrRegions)
        fail(
          `invalid set_region_mappings region number: ${regionIndex} + ${numWrite} >= ${sc.nrRegions}`,
        );
      while (numWrite--) {
        regionIndex++;
        sc.regionTable[regionIndex] = sc.regionTable[regionIndex - cycle]!;
      }
      continue;
    }
    if (a[0] === ":") regionIndex++;
    else {
      [regionIndex, at] = parseHex(a, 0);
      if (a[at] !== ":") bad(a);
    }
    at++;
    if (at >= a.length) bad(a);
    const [pathNr, end] = parseHex(a, at);
    if (end < a.length) bad(a);
    if (regionIndex >= sc.nrRegions)
      fail(`invalid set_region_mappings region number: ${regionIndex} >= ${sc.nrRegions}`);
    if (pathNr >= sc.paths.length)
      fail(`invalid set_region_mappings device: ${pathNr} >= ${sc.paths.length}`);
    sc.regionTable[regionIndex] = pathNr;
  }
}
