/**
 * The differential fuzzer's script generator: from a seed (an unsigned 32-bit integer), a random
 * but fully deterministic busybox-sh script over the targets dm-playground implements (linear,
 * striped, zero, error, delay, flakey, crypt, unstriped, switch): valid and invalid tables, the
 * device lifecycle (create, load, reload, suspend, resume, remove, rename, clear, message),
 * devices stacked on devices, direct I/O with dd and its results through md5sum and hexdump, and
 * dmsetup's reports (table, status, info -c, ls, deps).
 *
 * The same seed always yields the same bytes (mulberry32 PRNG, no Date, no Math.random), so
 * `scripts/record-fuzz.mjs` can run a seed on real Linux through ../shared/tools/kernel-dm/run
 * and commit the output as golden/fuzz/seed-NNN.out, and src/shell/difffuzz.test.ts replays it
 * through dmsh and requires identical bytes.
 *
 * What a script avoids, so that Linux's own output does not vary from run to run:
 * - the page cache: every dd to or from a block device uses oflag=direct / iflag=direct;
 * - wall time: delay only with a few milliseconds (the output never shows how long), flakey only
 *   always up (up 3600 s, down 0) or always down (up 0, down 3600 s);
 * - random data: the data written are fixed patterns made with printf, head and tr;
 * - regular files in /dev: I/O only to a device whose node exists (`[ -b ]`);
 * - hangs: no I/O while any device is suspended (the script checks `dmsetup info -c -o
 *   suspended` itself), and a table names only devices made before the one it is loaded into, so
 *   no bio can go round a loop.
 */

/** Bumped when the generator's output for a given seed changes: recorded seeds must be redone. */
export const DIFFFUZZ_VERSION = 2;

/** mulberry32: a small, fast 32-bit PRNG; returns a function giving floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The generators' random choices, from a mulberry32 stream (`mixed`: the seed, mixed). */
export class Rng {
  private readonly next: () => number;
  constructor(mixed: number) {
    this.next = mulberry32(mixed);
  }
  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  /** An integer in [lo, hi]. */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  hex(chars: number): string {
    let s = "";
    for (let i = 0; i < chars; i++) s += "0123456789abcdef"[this.int(16)];
    return s;
  }
}

/** A device the generator believes exists: a RAM disk or a mapped device. */
interface Dev {
  /** The path a table or dd names it by. */
  path: string;
  /** Its "major:minor" as a table may name it instead, for RAM disks. */
  devno?: string;
  /** Size in sectors of 512 bytes (0: no live table). */
  size: number;
  /** Creation order; a table loaded into a device names only devices of a smaller order. */
  seq: number;
}

interface Mapped extends Dev {
  name: string;
  /** Orders of the mapped devices its live table names. */
  deps: number[];
  /** The inactive table's size and deps, if one is believed loaded. */
  inactive: { size: number; deps: number[]; switchPaths: number } | null;
  suspended: boolean;
  /** Number of paths if the live table is a single switch target, else 0. */
  switchPaths: number;
}

interface Table {
  /** The table's lines (no trailing newline). */
  lines: string[];
  size: number;
  deps: number[];
  switchPaths: number;
}

const NAMES = ["d0", "d1", "d2", "d3", "top", "lv_x"] as const;
const JUNK = ["-1", "abc", "99999999999", "0x10", "/dev/nope", "8193", "7", "1:99", "''", "x"];
const CIPHERS = [
  ["aes-cbc-essiv:sha256", [32, 48, 64]],
  ["aes-xts-plain64", [64, 128]],
  ["aes-cbc-plain", [32, 64]],
  ["aes-cbc-plain64", [32, 64]],
  ["aes-ecb", [32]],
  ["aes-cbc-plain64be", [32]],
  ["aes-xts-plain", [64]],
  ["aes-cbc-null", [32]],
] as const;

class Generator {
  private readonly rng: Rng;
  private readonly out: string[] = [];
  private readonly rams: Dev[] = [];
  private readonly mapped = new Map<string, Mapped>();
  private seq = 0;
  /** Number of 4096-byte blocks in the pattern file /tmp/p. */
  private readonly patternBlocks = 4;

  constructor(private readonly seed: number) {
    this.rng = new Rng(seed * 2654435761 + 12345);
  }

  private emit(line: string) {
    this.out.push(line);
  }

  run(): string {
    const r = this.rng;
    this.emit(`# difffuzz v${DIFFFUZZ_VERSION} seed ${this.seed} (src/shell/difffuzz.ts)`);
    const nr = r.range(2, 4);
    const kib = r.pick([1024, 2048, 4096]);
    this.emit(`modprobe brd rd_nr=${nr} rd_size=${kib}`);
    for (let i = 0; i < nr; i++)
      this.rams.push({ path: `/dev/ram${i}`, devno: `1:${i}`, size: kib * 2, seq: this.seq++ });
    // Four distinct 4 KiB blocks of data, each starting with its own label.
    this.emit(`: > /tmp/p`);
    for (let b = 0; b < this.patternBlocks; b++) {
      const label = `s${this.seed}b${b}`;
      const fill = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"[r.int(52)]!;
      this.emit(
        `printf '${label}' >> /tmp/p; head -c ${4096 - label.length} /dev/zero | tr '\\0' '${fill}' >> /tmp/p`,
      );
    }
    const steps = r.range(14, 26);
    for (let i = 0; i < steps; i++) this.step();
    this.emit(`dmsetup table; echo rc=$?`);
    this.emit(`dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?`);
    if (r.chance(0.5)) this.emit(`dmsetup remove_all; echo rc=$?`);
    this.emit(`dmesg | grep device-mapper | sed 's/^\\[[^]]*\\] //'`);
    return this.out.join("\n") + "\n";
  }

  private step() {
    const r = this.rng;
    const n = this.mapped.size;
    const w: [number, () => void][] = [
      [n < 5 ? 6 : 1, () => this.create()],
      [n ? 3 : 0, () => this.load()],
      [n ? 2 : 0, () => this.suspend()],
      [n ? 3 : 0, () => this.resume()],
      [n ? 2 : 0, () => this.remove()],
      [n ? 1 : 0, () => this.rename()],
      [n ? 1 : 0, () => this.clear()],
      [n ? 2 : 0, () => this.message()],
      [n ? 6 : 0, () => this.io()],
      [4, () => this.report()],
    ];
    let total = 0;
    for (const [weight] of w) total += weight;
    let x = r.int(total);
    for (const [weight, f] of w) {
      if (x < weight) return f();
      x -= weight;
    }
  }

  private anyName(): string {
    const r = this.rng;
    const names = [...this.mapped.keys()];
    if (!names.length || r.chance(0.08)) return r.pick(NAMES);
    return r.pick(names);
  }

  /** Devices a table loaded into a device of order `below` may name. */
  private sources(below: number): Dev[] {
    const out: Dev[] = [...this.rams];
    for (const m of this.mapped.values()) if (m.seq < below && m.size > 0) out.push(m);
    return out;
  }

  private devName(d: Dev): string {
    return d.devno && this.rng.chance(0.3) ? d.devno : d.path;
  }

  /** One segment of `len` sectors mapping somewhere valid (if possible) among `srcs`. */
  private segment(start: number, len: number, srcs: Dev[], deps: Set<number>): string {
    const r = this.rng;
    const fit = srcs.filter((s) => s.size >= len);
    const use = (d: Dev) => {
      if (!d.devno) deps.add(d.seq);
      return d;
    };
    const kinds = fit.length
      ? ["linear", "linear", "striped", "zero", "error", "delay", "flakey", "crypt", "unstriped"]
      : ["zero", "error"];
    const kind = r.pick(kinds);
    const off = (d: Dev) => 8 * r.int(Math.max(1, (d.size - len) / 8 + 1));
    switch (kind) {
      case "linear": {
        const d = use(r.pick(fit));
        return `${start} ${len} linear ${this.devName(d)} ${off(d)}`;
      }
      case "striped": {
        const chunk = r.pick([8, 16, 32, 64]);
        for (const k of [3, 2]) {
          if (len % (k * chunk)) continue;
          const per = len / k;
          const cand = srcs.filter((s) => s.size >= per);
          if (!cand.length) continue;
          const parts: string[] = [];
          for (let i = 0; i < k; i++) {
            const d = use(r.pick(cand));
            parts.push(`${this.devName(d)} ${8 * r.int(Math.max(1, (d.size - per) / 8 + 1))}`);
          }
          return `${start} ${len} striped ${k} ${chunk} ${parts.join(" ")}`;
        }
        const d = use(r.pick(fit));
        return `${start} ${len} linear ${this.devName(d)} ${off(d)}`;
      }
      case "zero":
        return `${start} ${len} zero`;
      case "error":
        return `${start} ${len} error`;
      case "delay": {
        const d = use(r.pick(fit));
        let s = `${start} ${len} delay ${this.devName(d)} ${off(d)} ${r.range(0, 3)}`;
        if (r.chance(0.3)) {
          const e = use(r.pick(fit));
          s += ` ${this.devName(e)} ${off(e)} ${r.range(0, 3)}`;
        }
        return s;
      }
      case "flakey": {
        const d = use(r.pick(fit));
        const up = r.chance(0.5);
        let s = `${start} ${len} flakey ${this.devName(d)} ${off(d)} ${up ? "3600 0" : "0 3600"}`;
        const feats: string[] = [];
        const f = r.int(5);
        if (f === 1) feats.push("drop_writes");
        if (f === 2) feats.push("error_writes");
        if (f === 3 || (f === 4 && r.chance(0.5)))
          feats.push(
            "corrupt_bio_byte",
            String(r.range(1, 600)),
            r.pick(["r", "w"]),
            String(r.range(0, 255)),
            "0",
          );
        if (f === 4) feats.unshift(r.pick(["drop_writes", "error_writes"]));
        if (feats.length) s += ` ${feats.length} ${feats.join(" ")}`;
        return s;
      }
      case "crypt": {
        const [cipher, keys] = r.pick(CIPHERS);
        const key = r.hex(r.pick(keys));
        const d = use(r.pick(fit));
        let s = `${start} ${len} crypt ${cipher} ${key} ${r.pick([0, 0, 7, 100])} ${this.devName(d)} ${off(d)}`;
        if (r.chance(0.25))
          s += ` ${r.pick(["1 allow_discards", "2 same_cpu_crypt allow_discards", "1 sector_size:4096", "1 no_read_workqueue"])}`;
        return s;
      }
      default: {
        // unstriped: this stripe of a k-stripe device on a device of len * k sectors.
        const chunk = r.pick([8, 16, 32]);
        const k = r.pick([2, 3]);
        const cand = srcs.filter((s) => s.size >= len * k);
        if (!cand.length || len % chunk) return `${start} ${len} zero`;
        const d = use(r.pick(cand));
        return `${start} ${len} unstriped ${k} ${chunk} ${r.int(k)} ${this.devName(d)} 0`;
      }
    }
  }

  /** A table for a device of order `below`: valid unless `invalid`. */
  private table(below: number, invalid: boolean): Table {
    const r = this.rng;
    const srcs = this.sources(below);
    const deps = new Set<number>();
    const lines: string[] = [];
    let size = 0;
    let switchPaths = 0;
    if (r.chance(0.12)) {
      // switch over 2-3 paths
      const k = r.pick([2, 3]);
      const region = r.pick([8, 16, 64]);
      const len = 8 * r.range(4, 64);
      const cand = srcs.filter((s) => s.size >= len);
      if (cand.length) {
        const parts: string[] = [];
        for (let i = 0; i < k; i++) {
          const d = r.pick(cand);
          if (!d.devno) deps.add(d.seq);
          parts.push(`${this.devName(d)} 0`);
        }
        lines.push(`0 ${len} switch ${k} ${region} 0 ${parts.join(" ")}`);
        size = len;
        switchPaths = k;
      }
    }
    if (!lines.length) {
      const segs = r.chance(0.25) ? 2 : 1;
      for (let i = 0; i < segs; i++) {
        const len = 8 * r.pick([1, 2, 4, 16, 32, 64, 128, 256]);
        lines.push(this.segment(size, len, srcs, deps));
        size += len;
      }
    }
    if (invalid) this.corrupt(lines);
    return { lines, size, deps: [...deps], switchPaths };
  }

  private corrupt(lines: string[]) {
    const r = this.rng;
    const i = r.int(lines.length);
    const words = lines[i]!.split(" ");
    switch (r.int(6)) {
      case 0:
        words[r.range(3, Math.max(3, words.length - 1))] = r.pick(JUNK);
        break;
      case 1:
        words.pop();
        break;
      case 2:
        words.push(r.pick(JUNK));
        break;
      case 3:
        words[1] = String(Number(words[1]) * 64 + 8);
        break;
      case 4:
        words[0] = String(Number(words[0]) + r.pick([1, 8]));
        break;
      default:
        words[2] = r.pick(["linear", "striped", "crypt", "flakey", "nosuch", "delay", "switch"]);
    }
    lines[i] = words.join(" ");
  }

  /** How the table reaches dmsetup: stdin, --table, or a file. */
  private feed(cmd: string, t: Table): string {
    const r = this.rng;
    if (t.lines.length === 1 && r.chance(0.35)) return `dmsetup ${cmd} --table '${t.lines[0]}'`;
    if (r.chance(0.2)) {
      this.emit(`printf '${t.lines.join("\\n")}\\n' > /tmp/t`);
      return `dmsetup ${cmd} /tmp/t`;
    }
    return `printf '${t.lines.join("\\n")}\\n' | dmsetup ${cmd}`;
  }

  private create() {
    const r = this.rng;
    const free = NAMES.filter((n) => !this.mapped.has(n));
    const name = free.length && !r.chance(0.05) ? r.pick(free) : r.pick(NAMES);
    const seq = this.seq++;
    if (r.chance(0.06)) {
      this.emit(`dmsetup create ${name} --notable; echo rc=$?`);
      if (!this.mapped.has(name))
        this.mapped.set(name, {
          name,
          path: `/dev/mapper/${name}`,
          size: 0,
          seq,
          deps: [],
          inactive: null,
          suspended: false,
          switchPaths: 0,
        });
      return;
    }
    const invalid = r.chance(0.25);
    const t = this.table(seq, invalid);
    const ro = r.chance(0.05) ? " -r" : "";
    this.emit(`${this.feed(`create ${name}${ro}`, t)}; echo rc=$?`);
    if (!invalid && !this.mapped.has(name))
      this.mapped.set(name, {
        name,
        path: `/dev/mapper/${name}`,
        size: t.size,
        seq,
        deps: t.deps,
        inactive: null,
        suspended: false,
        switchPaths: t.switchPaths,
      });
  }

  private load() {
    const r = this.rng;
    const name = this.anyName();
    const m = this.mapped.get(name);
    const invalid = r.chance(0.25);
    const t = this.table(m ? m.seq : 0, invalid);
    this.emit(`${this.feed(`${r.chance(0.5) ? "load" : "reload"} ${name}`, t)}; echo rc=$?`);
    if (m && !invalid) m.inactive = { size: t.size, deps: t.deps, switchPaths: t.switchPaths };
  }

  private suspend() {
    const name = this.anyName();
    const opt = this.rng.pick(["", "", " --noflush", " --nolockfs"]);
    this.emit(`dmsetup suspend${opt} ${name}; echo rc=$?`);
    const m = this.mapped.get(name);
    if (m) m.suspended = true;
  }

  private resume() {
    const name = this.anyName();
    this.emit(`dmsetup resume ${name}; echo rc=$?`);
    const m = this.mapped.get(name);
    if (!m) return;
    if (m.inactive) {
      // Devices stacked on this one keep their sizes in their tables; growing is harmless,
      // shrinking below what they map makes their I/O fail the same way on both sides.
      m.size = m.inactive.size;
      m.deps = m.inactive.deps;
      m.switchPaths = m.inactive.switchPaths;
      m.inactive = null;
    }
    m.suspended = false;
  }

  private remove() {
    const r = this.rng;
    const name = this.anyName();
    const opt = r.chance(0.15) ? " --force" : "";
    this.emit(`dmsetup remove${opt} ${name}; echo rc=$?`);
    const m = this.mapped.get(name);
    if (!m) return;
    for (const o of this.mapped.values())
      if (o.deps.includes(m.seq) || o.inactive?.deps.includes(m.seq)) return;
    this.mapped.delete(name);
  }

  private rename() {
    const r = this.rng;
    const from = this.anyName();
    const to = r.pick(NAMES);
    this.emit(`dmsetup rename ${from} ${to}; echo rc=$?`);
    const m = this.mapped.get(from);
    if (!m || this.mapped.has(to)) return;
    this.mapped.delete(from);
    m.name = to;
    m.path = `/dev/mapper/${to}`;
    this.mapped.set(to, m);
  }

  private clear() {
    const name = this.anyName();
    this.emit(`dmsetup clear ${name}; echo rc=$?`);
    const m = this.mapped.get(name);
    if (m) m.inactive = null;
  }

  private message() {
    const r = this.rng;
    const name = this.anyName();
    const m = this.mapped.get(name);
    let msg: string;
    if (m?.switchPaths && r.chance(0.8)) {
      const k = m.switchPaths;
      const parts: string[] = [];
      const n = r.range(1, 4);
      for (let i = 0; i < n; i++) {
        const form = r.int(4);
        const idx = r.int(8).toString(16);
        const path = r.int(k + (r.chance(0.1) ? 1 : 0)).toString(16);
        if (form === 0 && i > 0) parts.push(`:${path}`);
        else if (form === 1 && i > 0) parts.push(`R${r.range(1, i)},${r.range(1, 3)}`);
        else parts.push(`${idx}:${path}`);
      }
      msg = `set_region_mappings ${parts.join(" ")}`;
    } else {
      msg = r.pick([
        "hello",
        "@stats_list",
        "set_region_mappings 0:0",
        "1 2 3",
        "@cancel_deferred_remove",
      ]);
    }
    this.emit(`dmsetup message ${name} 0 ${msg}; echo rc=$?`);
  }

  private io() {
    const r = this.rng;
    const live = [...this.mapped.values()];
    const dev: Dev = r.chance(0.15) ? r.pick(this.rams) : r.pick(live);
    const bs = r.pick([512, 512, 4096]);
    const devBlocks = Math.floor(dev.size / (bs / 512));
    const maxCount = (this.patternBlocks * 4096) / bs;
    const count = r.range(1, Math.min(maxCount, 8));
    const seek = r.chance(0.1) ? devBlocks - r.int(2) : r.int(Math.max(1, devBlocks - count + 1));
    const lines: string[] = [];
    if (r.chance(0.6)) {
      const skip = r.int(maxCount - count + 1);
      lines.push(
        `dd if=/tmp/p of=${dev.path} bs=${bs} skip=${skip} seek=${seek} count=${count} oflag=direct conv=notrunc 2>&1; echo rc=$?`,
      );
    }
    const rd = `dd if=${dev.path} bs=${bs} skip=${seek} count=${count} iflag=direct 2>/dev/null`;
    lines.push(r.chance(0.6) ? `${rd} | md5sum` : `${rd} | hexdump -C | head -n ${r.range(2, 6)}`);
    if (r.chance(0.2)) lines.push(`blockdev --getsize64 ${dev.path}; echo rc=$?`);
    // The script itself makes sure no device is suspended before doing I/O.
    this.emit(
      `if dmsetup info -c --noheadings -o suspended 2>/dev/null | grep -q Suspended; then echo no-io`,
    );
    // ... and that the node exists: a dd to a missing /dev/mapper node would make a regular file
    // in Linux's devtmpfs, which dm-playground's /dev does not model.
    this.emit(`elif [ ! -b ${dev.path} ]; then echo no-node; else`);
    for (const l of lines) this.emit(`  ${l}`);
    this.emit(`fi`);
  }

  private report() {
    const r = this.rng;
    const name = this.anyName();
    const cmd = r.pick([
      "dmsetup table",
      `dmsetup table ${name}`,
      "dmsetup status",
      `dmsetup status ${name}`,
      "dmsetup ls",
      "dmsetup ls --tree",
      "dmsetup deps",
      `dmsetup deps -o devname ${name}`,
      "dmsetup info -c",
      `dmsetup info -c -o name,attr,open,segments,events ${name}`,
      `dmsetup table --inactive ${name}`,
      "dmsetup ls --target linear",
    ]);
    this.emit(`${cmd}; echo rc=$?`);
  }
}

/** The script for `seed`: busybox sh, runnable by ../shared/tools/kernel-dm/run and by dmsh. */
export function generateFuzzScript(seed: number): string {
  return new Generator(seed).run();
}
