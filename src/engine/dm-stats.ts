/**
 * I/O statistics regions of a mapped device (Linux drivers/md/dm-stats.c, 6.1.192), driven by
 * dm core's own messages: `@stats_create`, `@stats_delete`, `@stats_clear`, `@stats_list`,
 * `@stats_print`, `@stats_print_clear`, `@stats_set_aux` (`dmsetup message DEV 0 @stats_...`).
 *
 * A region covers [start, end) sectors of the device in areas of `step` sectors; every bio the
 * device completes is counted in each area it touches (dm_stats_account_io from dm_io_acct),
 * with times in milliseconds of jiffies (Debian's HZ=250) or, with `precise_timestamps`, in
 * virtual nanoseconds.
 *
 * Errors are errnos as the kernel returns them: EINVAL (bad arguments, logged as
 * "device-mapper: stats: Invalid parameters for message @stats_..."), ENOENT (no such region).
 */

import { DmError } from "./types.ts";

/** Debian's CONFIG_HZ: a jiffy is 4 ms. */
const HZ = 250;
const NS_PER_JIFFY = 1e9 / HZ;

interface Area {
  ios: [number, number];
  merges: [number, number];
  sectors: [number, number];
  /** Jiffies (or ns with precise timestamps) spent on completed reads / writes. */
  ticks: [number, number];
  inFlight: [number, number];
  ioTicks: [number, number];
  ioTicksTotal: number;
  timeInQueue: number;
  /** Time of the last dm_stat_round (jiffies or ns). */
  stamp: number;
  histogram: number[];
}

interface Region {
  id: number;
  start: number;
  end: number;
  step: number;
  precise: boolean;
  histogram: number[];
  programId: string;
  auxData: string;
  areas: Area[];
}

/** Per-bio bookkeeping between start and end of accounting (struct dm_stats_aux). */
export interface DmStatsAux {
  merged: boolean;
  /** Virtual ns at the start. */
  startNs: number;
}

/** Most areas a region may have here (the kernel's limit is memory). */
const MAX_AREAS = 1 << 20;

/** One mapped device's statistics (struct dm_stats). */
export class DmStats {
  #regions: Region[] = [];
  #last = { sector: -1, rw: -1 };

  /** dm_stats_used: whether any region exists (accounting is skipped otherwise). */
  get used(): boolean {
    return this.#regions.length > 0;
  }

  /**
   * dm_stats_message: handle an `@stats_*` message. Returns the text dmsetup prints, or null
   * when `argv[0]` is not a stats message. Throws DmError(EINVAL/ENOENT/...) as the kernel fails.
   * `size` is the device's size in sectors, `now` virtual ns, `log` takes a DMCRIT line.
   */
  message(argv: string[], size: number, now: number, log: (text: string) => void): string | null {
    const cmd = argv[0]!.toLowerCase();
    const handlers: Record<string, () => string> = {
      "@stats_create": () => this.#create(argv, size),
      "@stats_delete": () => this.#delete(argv),
      "@stats_clear": () => this.#clear(argv),
      "@stats_list": () => this.#list(argv),
      "@stats_print": () => this.#print(argv, false, now),
      "@stats_print_clear": () => this.#print(argv, true, now),
      "@stats_set_aux": () => this.#setAux(argv),
    };
    const h = handlers[cmd];
    if (!h) return null;
    try {
      return h();
    } catch (e) {
      if (e instanceof DmError && e.errno === "EINVAL")
        log(`device-mapper: stats: Invalid parameters for message ${argv[0]}`);
      throw e;
    }
  }

  #create(argv: string[], size: number): string {
    // <range> <step> [<extra_parameters> <parameters>] [<program_id> [<aux_data>]]
    if (argv.length < 3) throw new DmError("EINVAL");
    let i = 1;
    const range = argv[i++]!;
    let start: number;
    let len: number;
    if (range === "-") {
      start = 0;
      len = size || 1;
    } else {
      const m = /^([0-9]+)\+([0-9]+)$/.exec(range);
      if (!m) throw new DmError("EINVAL");
      start = Number(m[1]);
      len = Number(m[2]);
    }
    const end = start + len;
    if (start >= end) throw new DmError("EINVAL");
    const stepArg = argv[i++]!;
    let step: number;
    const div = /^\/([0-9]+)$/.exec(stepArg);
    if (div) {
      const divisor = Number(div[1]);
      if (!divisor) throw new DmError("EINVAL");
      step = Math.ceil((end - start) / divisor) || 1;
    } else {
      if (!/^[0-9]+$/.test(stepArg) || Number(stepArg) === 0) throw new DmError("EINVAL");
      step = Number(stepArg);
    }
    let precise = false;
    let histogram: number[] = [];
    const feat = argv[i];
    if (feat !== undefined && /^[0-9]+$/.test(feat)) {
      i++;
      for (let n = Number(feat); n > 0; n--) {
        const a = argv[i++];
        if (a === undefined) throw new DmError("EINVAL");
        if (a.toLowerCase() === "precise_timestamps") precise = true;
        else if (a.slice(0, 10).toLowerCase() === "histogram:") {
          if (histogram.length) throw new DmError("EINVAL");
          histogram = parseHistogram(a.slice(10));
        } else throw new DmError("EINVAL");
      }
    }
    const programId = argv[i++] ?? "-";
    const auxData = argv[i++] ?? "-";
    if (i < argv.length) throw new DmError("EINVAL");
    const nAreas = Math.ceil((end - start) / step);
    if (nAreas > MAX_AREAS) throw new DmError("ENOMEM");
    // The lowest free id.
    let id = 0;
    const ids = new Set(this.#regions.map((r) => r.id));
    while (ids.has(id)) id++;
    const region: Region = {
      id,
      start,
      end,
      step,
      precise,
      histogram,
      programId,
      auxData,
      areas: Array.from({ length: nAreas }, () => newArea(histogram.length)),
    };
    this.#regions.push(region);
    this.#regions.sort((a, b) => a.id - b.id);
    return String(id);
  }

  #find(arg: string | undefined): Region {
    if (arg === undefined || !/^[0-9]+$/.test(arg)) throw new DmError("EINVAL");
    const r = this.#regions.find((x) => x.id === Number(arg));
    if (!r) throw new DmError("ENOENT");
    return r;
  }

  #delete(argv: string[]): string {
    if (argv.length !== 2) throw new DmError("EINVAL");
    const r = this.#find(argv[1]);
    this.#regions = this.#regions.filter((x) => x !== r);
    return "";
  }

  #clear(argv: string[]): string {
    if (argv.length !== 2) throw new DmError("EINVAL");
    const r = this.#find(argv[1]);
    for (const a of r.areas) clearArea(a, r);
    return "";
  }

  #setAux(argv: string[]): string {
    if (argv.length !== 3) throw new DmError("EINVAL");
    this.#find(argv[1]).auxData = argv[2]!;
    return "";
  }

  #list(argv: string[]): string {
    if (argv.length < 1 || argv.length > 2) throw new DmError("EINVAL");
    const program = argv[1];
    let out = "";
    for (const s of this.#regions) {
      if (program !== undefined && program !== s.programId) continue;
      out += `${s.id}: ${s.start}+${s.end - s.start} ${s.step} ${s.programId} ${s.auxData}`;
      if (s.precise) out += " precise_timestamps";
      if (s.histogram.length) out += ` histogram:${s.histogram.join(",")}`;
      out += "\n";
    }
    return out;
  }

  #print(argv: string[], clear: boolean, now: number): string {
    if (argv.length !== 2 && argv.length !== 4) throw new DmError("EINVAL");
    if (argv[1] === undefined || !/^[0-9]+$/.test(argv[1])) throw new DmError("EINVAL");
    let idxStart = 0;
    let idxLen = Infinity;
    if (argv.length > 3) {
      if (argv[2] !== "-") {
        if (!/^[0-9]+$/.test(argv[2]!)) throw new DmError("EINVAL");
        idxStart = Number(argv[2]);
      }
      if (argv[3] !== "-") {
        if (!/^[0-9]+$/.test(argv[3]!)) throw new DmError("EINVAL");
        idxLen = Number(argv[3]);
      }
    }
    const s = this.#find(argv[1]);
    let idxEnd = idxStart + idxLen;
    if (idxEnd > s.areas.length) idxEnd = s.areas.length;
    if (idxStart > idxEnd) idxStart = idxEnd;
    let out = "";
    const ms = (v: number): number => (s.precise ? v : Math.floor((v * 1000) / HZ));
    for (let x = idxStart; x < idxEnd; x++) {
      const a = s.areas[x]!;
      round(a, clock(s, now));
      const start = s.start + s.step * x;
      out +=
        `${start}+${s.step} ${a.ios[0]} ${a.merges[0]} ${a.sectors[0]} ${ms(a.ticks[0])} ` +
        `${a.ios[1]} ${a.merges[1]} ${a.sectors[1]} ${ms(a.ticks[1])} ` +
        `${a.inFlight[0] + a.inFlight[1]} ${ms(a.ioTicksTotal)} ${ms(a.timeInQueue)} ` +
        `${ms(a.ioTicks[0])} ${ms(a.ioTicks[1])}`;
      if (s.histogram.length) out += " " + a.histogram.join(":");
      out += "\n";
      if (clear) clearArea(a, s);
    }
    return out;
  }

  /**
   * dm_stats_account_io: a bio of the device starts (`end` false) or completes. `rw` is 0 for
   * reads, 1 for writes (bio_data_dir); sectors of 512 bytes; `now` virtual ns.
   */
  accountIo(
    rw: 0 | 1,
    sector: number,
    sectors: number,
    end: boolean,
    now: number,
    aux: DmStatsAux,
  ): void {
    if (!sectors) return;
    const endSector = sector + sectors;
    if (!end) {
      aux.merged = sector === this.#last.sector && (rw === 1) === (this.#last.rw === 1);
      aux.startNs = now;
      this.#last = { sector: endSector, rw };
    }
    for (const s of this.#regions) {
      if (endSector <= s.start || sector >= s.end) continue;
      let rel: number;
      let todo: number;
      if (sector < s.start) {
        rel = 0;
        todo = endSector - s.start;
      } else {
        rel = sector - s.start;
        todo = endSector - sector;
      }
      if (endSector > s.end) todo -= endSector - s.end;
      let entry = Math.floor(rel / s.step);
      let offset = rel % s.step;
      const t = clock(s, now);
      const duration = s.precise
        ? now - aux.startNs
        : Math.floor(now / NS_PER_JIFFY) - Math.floor(aux.startNs / NS_PER_JIFFY);
      do {
        const a = s.areas[entry];
        if (!a) return;
        const frag = Math.min(todo, s.step - offset);
        round(a, t);
        if (!end) a.inFlight[rw]++;
        else {
          a.inFlight[rw] = Math.max(0, a.inFlight[rw] - 1);
          a.sectors[rw] += frag;
          a.ios[rw] += 1;
          if (aux.merged) a.merges[rw] += 1;
          a.ticks[rw] += duration;
          if (s.histogram.length) {
            const d = s.precise ? duration : Math.floor((duration * 1000) / HZ);
            let lo = 0;
            let hi = s.histogram.length + 1;
            while (lo + 1 < hi) {
              const mid = (lo + hi) >> 1;
              if (s.histogram[mid - 1]! > d) hi = mid;
              else lo = mid;
            }
            a.histogram[lo]!++;
          }
        }
        todo -= frag;
        entry++;
        offset = 0;
      } while (todo > 0);
    }
  }
}

function newArea(nHistogram: number): Area {
  return {
    ios: [0, 0],
    merges: [0, 0],
    sectors: [0, 0],
    ticks: [0, 0],
    inFlight: [0, 0],
    ioTicks: [0, 0],
    ioTicksTotal: 0,
    timeInQueue: 0,
    stamp: 0,
    histogram: nHistogram ? new Array<number>(nHistogram + 1).fill(0) : [],
  };
}

/** __dm_stat_clear: counters to zero, in-flight I/O kept. */
function clearArea(a: Area, s: Region): void {
  const inFlight = a.inFlight;
  const stamp = a.stamp;
  Object.assign(a, newArea(s.histogram.length), { inFlight, stamp });
}

/** The region's clock: jiffies, or ns with precise timestamps. */
function clock(s: Region, now: number): number {
  return s.precise ? now : Math.floor(now / NS_PER_JIFFY);
}

/** dm_stat_round: charge the time since the last event to the I/O in flight. */
function round(a: Area, now: number): void {
  const diff = now - a.stamp;
  if (!diff) return;
  const [r, w] = a.inFlight;
  if (r) a.ioTicks[0] += diff;
  if (w) a.ioTicks[1] += diff;
  if (r + w) {
    a.ioTicksTotal += diff;
    a.timeInQueue += (r + w) * diff;
  }
  a.stamp = now;
}

/** parse_histogram: strictly increasing boundaries "n1,n2,...". */
function parseHistogram(h: string): number[] {
  const parts = h.split(",");
  const out: number[] = [];
  let last = 0;
  for (const p of parts) {
    if (!/^[0-9]+$/.test(p)) throw new DmError("EINVAL");
    const v = Number(p);
    if (v <= last) throw new DmError("EINVAL");
    last = v;
    out.push(v);
  }
  return out;
}
