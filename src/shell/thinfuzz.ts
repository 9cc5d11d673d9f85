/**
 * The differential fuzzer for thin provisioning: from a seed (an unsigned 32-bit integer), a
 * random but fully deterministic busybox-sh script over one thin-pool and its thin devices
 * (Linux 6.1's drivers/md/dm-thin.c, dm-thin-metadata.c): a pool with a random block size (128,
 * 256 or 1024 sectors) and features (skip_block_zeroing, error_if_no_space, ignore_discard,
 * no_discard_passdown) on a small data device, its metadata on a RAM disk or a linear slice of
 * one; create_thin, create_snap (of active and inactive devices, of snapshots, with the origin
 * suspended first as LVM does or not), delete (open and closed devices), set_transaction_id
 * (right and wrong), reserve/release_metadata_snap with `thin_ls -m`, thin devices activated and
 * removed (some on an external origin), writes and discards, pool reloads (grow the data,
 * read_only, feature changes), dmsetup's reports, and at the end `thin_dump`, `thin_check` and
 * `md5sum` of the metadata device once everything is removed.
 *
 * The same seed always yields the same bytes (see difffuzz.ts's mulberry32), so
 * `scripts/record-fuzz.mjs --thin` can record a seed on real Linux as golden/thinfuzz/seed-NNN.out
 * and src/shell/thinfuzz.test.ts replays it through dmsh and requires identical bytes.
 *
 * What Linux does depending on wall time must not show. The pool's worker commits at the end of
 * a pass in which metadata changed when more than a second has passed since its last own commit
 * (dm-thin.c need_commit_due_to_time), so:
 * - every write is one bio: one `dd bs=B count=1 oflag=direct` with B at most the pool's block
 *   size and B-aligned (never across a block boundary); every discard is one bio: a
 *   `blkdiscard -o -l` inside one block or of whole blocks from a block boundary (the block
 *   layer splits a discard only at an unaligned start, block/blk-lib.c bio_discard_limit);
 * - each write or discard is followed by `dmsetup status pool >/dev/null`, a commit, so the
 *   metadata changes of one bio are always committed before the next command;
 * - no page cache (O_DIRECT reads and writes), no random data (printf patterns), no sleeps;
 * - no write can wait for data space: a pool in queue mode (no error_if_no_space) gets writes only
 *   while the blocks it may have allocated (each write counted as one) stay below its size, and
 *   error_if_no_space is the same in every table of the pool;
 * - no I/O while a device is suspended (a suspend is always followed by its resume, a pool never
 *   shrinks) and no dd to a missing node (the script checks).
 */

import { Rng } from "./difffuzz.ts";

/** Bumped when the generator's output for a given seed changes: recorded seeds must be redone. */
export const THINFUZZ_VERSION = 1;

/** A thin device id the generator believes exists in the pool's metadata. */
interface ThinId {
  id: number;
}

/** An active thin device (a mapped device with a thin table). */
interface Active {
  name: string;
  id: number;
  /** Size in sectors. */
  size: number;
  origin: string | null;
}

/** Sizes of the RAM disks (KiB, `modprobe brd rd_size=`) and the largest data device. */
const RD_KIB = 16384;
const RD_SECTORS = RD_KIB * 2;
const PATTERNS = 4;
const PATTERN_BYTES = 65536;

class Generator {
  private readonly rng: Rng;
  private readonly out: string[] = [];
  /** Sectors per data block. */
  private bs = 128;
  private nrBlocks = 0;
  private meta = "/dev/ram0";
  private errorIfNoSpace = false;
  private discardEnabled = true;
  private readOnly = false;
  private features: string[] = [];
  private lowWater = 0;
  /** Upper bound of the data blocks allocated so far (each write counts one). */
  private allocBound = 0;
  private readonly ids = new Map<number, ThinId>();
  private readonly active = new Map<string, Active>();
  private transId = 0;
  private metaSnap = false;
  private ext: { path: string; size: number } | null = null;
  /**
   * Seeds above 20 are "tight": a data device of 2 to 6 blocks, mostly error_if_no_space,
   * read_only rarer, more writes spread over the devices, so running out of data space and
   * growing back happen often.
   */
  private readonly tight: boolean;
  /**
   * Seeds above 36 also remove and re-create the pool on its metadata (sometimes first with
   * another block size), reload thin devices with other sizes, and `thin_dump -m` a held
   * metadata snapshot.
   */
  private readonly reopen: boolean;

  constructor(private readonly seed: number) {
    this.rng = new Rng(seed * 2246822519 + 977);
    this.tight = seed > 20;
    this.reopen = seed > 36;
  }

  private emit(line: string) {
    this.out.push(line);
  }

  run(): string {
    const r = this.rng;
    this.emit(`# thinfuzz v${THINFUZZ_VERSION} seed ${this.seed} (src/shell/thinfuzz.ts)`);
    this.emit(`modprobe brd rd_nr=3 rd_size=${RD_KIB}`);
    // Four 64 KiB patterns, each 4 KiB piece starting with its own label.
    for (let p = 0; p < PATTERNS; p++) {
      const fill = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"[r.int(52)]!;
      const label = `s${this.seed}p${p}k`;
      this.emit(`: > /tmp/p${p}`);
      this.emit(
        `for i in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do printf "${label}$i" >> /tmp/p${p}; head -c ${4096 - label.length - 1} /dev/zero | tr '\\0' '${fill}' >> /tmp/p${p}; done`,
      );
    }
    if (r.chance(0.5)) {
      const len = r.pick([2048, 4096, 8192]);
      const off = r.pick([0, 2048]);
      this.emit(`dmsetup create meta --table "0 ${len} linear /dev/ram0 ${off}"`);
      this.meta = "/dev/mapper/meta";
    }
    if (r.chance(0.3)) {
      // An external origin with recognisable data, sometimes shorter than the thin devices.
      for (let i = 0; i < 3; i++)
        this.emit(
          `dd if=/tmp/p${r.int(PATTERNS)} of=/dev/ram2 bs=65536 count=1 seek=${r.int(24)} oflag=direct 2>/dev/null`,
        );
      if (r.chance(0.5)) {
        const len = r.range(200, 3000);
        this.emit(`dmsetup create ext --table "0 ${len} linear /dev/ram2 0"`);
        this.ext = { path: "/dev/mapper/ext", size: len };
      } else this.ext = { path: "/dev/ram2", size: RD_SECTORS };
    }
    this.bs = r.pick([128, 256, 1024]);
    const maxBlocks = RD_SECTORS / this.bs;
    this.nrBlocks = this.tight ? r.range(2, 6) : r.range(3, Math.min(20, maxBlocks - 8));
    this.errorIfNoSpace = r.chance(this.tight ? 0.85 : 0.6);
    this.discardEnabled = !r.chance(0.2);
    this.lowWater = r.range(0, 4);
    this.features = this.pickFeatures(false);
    this.emit(`dmsetup create pool --table "${this.poolTable()}"; echo rc=$?`);
    this.emit(`dmsetup status pool`);
    const steps = r.range(22, 36);
    for (let i = 0; i < steps; i++) this.step();
    this.finish();
    return this.out.join("\n") + "\n";
  }

  private pickFeatures(readOnly: boolean): string[] {
    const r = this.rng;
    const f: string[] = [];
    if (r.chance(0.4)) f.push("skip_block_zeroing");
    if (!this.discardEnabled) f.push("ignore_discard");
    else if (r.chance(0.3)) f.push("no_discard_passdown");
    if (readOnly) f.push("read_only");
    if (this.errorIfNoSpace) f.push("error_if_no_space");
    // The table may list them in any order and case; the kernel prints its own order.
    for (let i = f.length - 1; i > 0; i--) {
      const j = r.int(i + 1);
      [f[i], f[j]] = [f[j]!, f[i]!];
    }
    return f;
  }

  private poolTable(features = this.features): string {
    const f = features.length ? ` ${features.length} ${features.join(" ")}` : " 0";
    return `0 ${this.nrBlocks * this.bs} thin-pool ${this.meta} /dev/ram1 ${this.bs} ${this.lowWater}${f}`;
  }

  private step() {
    const r = this.rng;
    const nIds = this.ids.size;
    const nAct = this.active.size;
    const w: [number, () => void][] = [
      [nIds < 6 ? 5 : 1, () => this.createThin()],
      [nIds ? 4 : 0, () => this.createSnap()],
      [nIds ? 2 : 0, () => this.deleteThin()],
      [nIds ? 5 : 0, () => this.activate()],
      [nAct ? 2 : 0, () => this.deactivate()],
      [nAct ? (this.tight ? 24 : 14) : 0, () => this.write()],
      [nAct ? 4 : 0, () => this.discard()],
      [nAct ? 3 : 0, () => this.read()],
      [1, () => this.transaction()],
      [1, () => this.metadataSnap()],
      [2, () => this.reloadPool()],
      [3, () => this.report()],
      [1, () => this.badMessage()],
      [this.reopen ? 1 : 0, () => this.reopenPool()],
      [this.reopen && nAct ? 2 : 0, () => this.reloadThin()],
    ];
    let total = 0;
    for (const [weight] of w) total += weight;
    let x = r.int(total);
    for (const [weight, f] of w) {
      if (x < weight) return f();
      x -= weight;
    }
  }

  private newId(): number {
    const r = this.rng;
    if (r.chance(0.1) && this.ids.size) return r.pick([...this.ids.keys()]); // EEXIST
    let id = r.chance(0.7) ? r.int(8) : r.int(1 << 24);
    while (this.ids.has(id)) id = r.int(16);
    return id;
  }

  private anyId(): number {
    const r = this.rng;
    if (!this.ids.size || r.chance(0.08)) return r.range(0, 40);
    return r.pick([...this.ids.keys()]);
  }

  private msg(text: string) {
    this.emit(`dmsetup message pool 0 ${text}; echo rc=$?`);
  }

  private createThin() {
    const id = this.newId();
    this.msg(`create_thin ${id}`);
    if (!this.readOnly) this.ids.set(id, { id });
  }

  private createSnap() {
    const r = this.rng;
    const origin = this.anyId();
    const id = this.newId();
    const live = [...this.active.values()].filter((a) => a.id === origin);
    const suspend = live.length > 0 && r.chance(0.7);
    if (suspend) for (const a of live) this.emit(`dmsetup suspend ${a.name}`);
    this.msg(`create_snap ${id} ${origin}`);
    if (suspend) for (const a of live) this.emit(`dmsetup resume ${a.name}`);
    if (!this.readOnly && this.ids.has(origin) && !this.ids.has(id)) this.ids.set(id, { id });
  }

  private deleteThin() {
    const id = this.anyId();
    this.msg(`delete ${id}`);
    const open = [...this.active.values()].some((a) => a.id === id);
    if (!open && !this.readOnly) this.ids.delete(id);
  }

  private activate() {
    const r = this.rng;
    const id = r.chance(0.05) ? r.range(0, 40) : r.pick([...this.ids.keys()]);
    let name = `t${id}`;
    if (this.active.has(name)) name = `t${id}b`;
    if (this.active.has(name)) return this.report();
    const blocks = r.range(2, 12);
    const size = r.chance(0.7) ? blocks * this.bs : blocks * this.bs + r.range(1, this.bs - 1);
    const origin = this.ext && r.chance(0.5) ? this.ext.path : null;
    this.emit(
      `dmsetup create ${name} --table "0 ${size} thin /dev/mapper/pool ${id}${origin ? ` ${origin}` : ""}"; echo rc=$?`,
    );
    if (this.ids.has(id)) this.active.set(name, { name, id, size, origin });
  }

  private deactivate() {
    const a = this.rng.pick([...this.active.values()]);
    this.emit(`dmsetup remove ${a.name}; echo rc=$?`);
    this.active.delete(a.name);
  }

  /** Guards a command doing I/O to `path`: the node exists (nothing is left suspended). */
  private io(path: string, lines: string[]) {
    this.emit(`if [ ! -b ${path} ]; then echo no-node; else`);
    for (const l of lines) this.emit(`  ${l}`);
    this.emit(`fi`);
  }

  private write() {
    const r = this.rng;
    if (!this.errorIfNoSpace && this.allocBound + 1 >= this.nrBlocks) return this.read();
    const a = r.pick([...this.active.values()]);
    const bytes = r.pick([512, 4096, 16384, 65536].filter((b) => b <= this.bs * 512));
    const units = Math.floor((a.size * 512) / bytes);
    if (!units) return;
    const perBlock = (this.bs * 512) / bytes;
    // Mostly the first few blocks, where snapshots share.
    const seek = r.chance(this.tight ? 0.3 : 0.6)
      ? Math.min(units - 1, r.int(3) * perBlock + r.int(perBlock))
      : r.int(units);
    const skip = r.int(PATTERN_BYTES / bytes);
    this.allocBound++;
    this.io(`/dev/mapper/${a.name}`, [
      `dd if=/tmp/p${r.int(PATTERNS)} of=/dev/mapper/${a.name} bs=${bytes} count=1 skip=${skip} seek=${seek} oflag=direct 2>/dev/null; echo rc=$?`,
      `dmsetup status pool >/dev/null`,
    ]);
    if (r.chance(0.3)) this.emit(`dmsetup status ${a.name} pool`);
  }

  private discard() {
    const r = this.rng;
    const a = r.pick([...this.active.values()]);
    const blocks = Math.floor(a.size / this.bs);
    if (!blocks) return;
    let off: number;
    let len: number;
    if (r.chance(0.6)) {
      // Whole blocks from a block boundary: one bio.
      const first = r.int(Math.min(blocks, 4));
      const n = r.range(1, Math.min(3, blocks - first));
      off = first * this.bs;
      len = n * this.bs;
    } else {
      // Inside one block.
      const b = r.int(Math.min(blocks, 4));
      const start = r.int(this.bs);
      off = b * this.bs + start;
      len = r.range(1, this.bs - start);
    }
    this.io(`/dev/mapper/${a.name}`, [
      `blkdiscard -o ${off * 512} -l ${len * 512} /dev/mapper/${a.name}; echo rc=$?`,
      `dmsetup status pool >/dev/null`,
    ]);
    if (r.chance(0.5)) this.emit(`dmsetup status ${a.name}`);
  }

  private read() {
    const r = this.rng;
    if (!this.active.size) return this.report();
    const a = r.pick([...this.active.values()]);
    const path = `/dev/mapper/${a.name}`;
    if (r.chance(0.7)) this.io(path, [`dd if=${path} bs=65536 iflag=direct 2>/dev/null | md5sum`]);
    else {
      const sector = r.int(Math.min(a.size, 4 * this.bs));
      this.io(path, [
        `dd if=${path} bs=512 count=1 skip=${sector} iflag=direct 2>/dev/null | hexdump -C | head -n 2`,
      ]);
    }
  }

  private transaction() {
    const r = this.rng;
    const right = r.chance(0.7);
    const from = right ? this.transId : this.transId + r.range(1, 3);
    const to = this.transId + r.range(1, 5);
    this.msg(`set_transaction_id ${from} ${to}`);
    if (right && !this.readOnly) this.transId = to;
  }

  private metadataSnap() {
    const r = this.rng;
    if (this.metaSnap || r.chance(0.15)) {
      this.msg(`release_metadata_snap`);
      if (!this.readOnly) this.metaSnap = false;
      return;
    }
    this.msg(`reserve_metadata_snap`);
    if (this.readOnly) return;
    this.metaSnap = true;
    this.emit(`thin_ls -m ${this.meta}; echo rc=$?`);
    if (this.reopen && r.chance(0.5)) this.emit(`thin_dump -m ${this.meta}; echo rc=$?`);
    if (r.chance(0.3)) this.emit(`dmsetup status pool`);
  }

  private reloadPool() {
    const r = this.rng;
    const grow = r.chance(0.5) && this.nrBlocks + 1 <= RD_SECTORS / this.bs;
    const oldBlocks = this.nrBlocks;
    if (grow) this.nrBlocks = Math.min(RD_SECTORS / this.bs, this.nrBlocks + r.range(1, 8));
    const readOnly = r.chance(this.tight ? 0.1 : this.readOnly ? 0.3 : 0.25);
    // Growing with read_only in the old or new table: Linux 6.1 extends the in-core data space
    // map without committing it and extends it again in write mode (a 7 to 12 blocks grow makes
    // 17 blocks), so a later grow can look like a shrink and fail the resume, leaving the pool
    // suspended (seed 11 hung). Such a grow is left out.
    if (readOnly || this.readOnly) this.nrBlocks = oldBlocks;
    const flip = r.chance(0.08);
    if (flip) this.discardEnabled = !this.discardEnabled;
    const features = this.pickFeatures(readOnly);
    if (flip) this.discardEnabled = !this.discardEnabled;
    this.emit(`dmsetup reload pool --table "${this.poolTable(features)}"; echo rc=$?`);
    this.emit(`dmsetup suspend pool; dmsetup resume pool; echo rc=$?`);
    this.emit(`dmsetup status pool; dmsetup table pool`);
    if (flip) {
      this.nrBlocks = oldBlocks;
      return;
    }
    this.features = features;
    this.readOnly = readOnly;
  }

  /** Removes the thin devices and the pool, checks the metadata, and creates the pool again. */
  private reopenPool() {
    const r = this.rng;
    for (const a of this.active.values()) this.emit(`dmsetup remove ${a.name}; echo rc=$?`);
    this.active.clear();
    this.emit(`dmsetup remove pool; echo rc=$?`);
    if (r.chance(0.5)) this.emit(`thin_check ${this.meta}; echo rc=$?`);
    if (r.chance(0.25)) {
      const bs = this.bs;
      this.bs = r.pick([128, 256, 1024].filter((b) => b !== bs));
      const blocks = this.nrBlocks;
      this.nrBlocks = Math.max(1, Math.floor((blocks * bs) / this.bs));
      this.emit(`dmsetup create pool --table "${this.poolTable()}"; echo rc=$?`);
      this.emit(`dmsetup remove pool; echo rc=$?`);
      this.bs = bs;
      this.nrBlocks = blocks;
    }
    // Never smaller than the metadata's data device (the resume would fail and leave the pool
    // suspended), and no grow with read_only (see reloadPool).
    const readOnly = r.chance(0.15);
    if (!readOnly && r.chance(0.4))
      this.nrBlocks = Math.min(RD_SECTORS / this.bs, this.nrBlocks + r.range(1, 4));
    this.features = this.pickFeatures(readOnly);
    this.readOnly = readOnly;
    this.emit(`dmsetup create pool --table "${this.poolTable()}"; echo rc=$?`);
    this.emit(`dmsetup status pool; dmsetup table pool`);
  }

  /** Loads a thin device's table again with another size and swaps it in. */
  private reloadThin() {
    const r = this.rng;
    const a = r.pick([...this.active.values()]);
    const size = r.range(1, 12) * this.bs + (r.chance(0.3) ? r.range(1, this.bs - 1) : 0);
    this.emit(
      `dmsetup reload ${a.name} --table "0 ${size} thin /dev/mapper/pool ${a.id}${a.origin ? ` ${a.origin}` : ""}"; echo rc=$?`,
    );
    this.emit(`dmsetup suspend ${a.name}; dmsetup resume ${a.name}; echo rc=$?`);
    this.emit(
      `dmsetup status ${a.name}; dmsetup info -c -o name,attr,open,segments,events ${a.name}`,
    );
    a.size = size;
  }

  private report() {
    const r = this.rng;
    const cmd = r.pick([
      "dmsetup status",
      "dmsetup table",
      "dmsetup info -c -o name,major,minor,attr,open,segments,events",
      "dmsetup status pool",
      "dmsetup ls",
    ]);
    this.emit(`${cmd}; echo rc=$?`);
  }

  private badMessage() {
    const r = this.rng;
    this.msg(
      r.pick([
        "create_thin",
        "create_snap 1",
        "delete x",
        "frobnicate 1",
        `create_thin ${1 << 24}`,
        "set_transaction_id 1",
      ]),
    );
  }

  private finish() {
    const r = this.rng;
    this.emit(`dmsetup status; echo rc=$?`);
    this.emit(`dmsetup table; echo rc=$?`);
    this.emit(`dmsetup info -c -o name,major,minor,attr,open,segments,events; echo rc=$?`);
    for (const a of this.active.values()) this.emit(`dmsetup remove ${a.name}; echo rc=$?`);
    if (r.chance(0.5)) {
      // Every id still there is closed now: delete some.
      for (const id of this.ids.keys()) if (r.chance(0.3)) this.msg(`delete ${id}`);
    }
    this.emit(`dmsetup status pool; echo rc=$?`);
    this.emit(`dmsetup remove pool; echo rc=$?`);
    this.emit(`thin_dump ${this.meta}; echo rc=$?`);
    this.emit(`thin_check ${this.meta}; echo rc=$?`);
    this.emit(`thin_ls ${this.meta}; echo rc=$?`);
    this.emit(`md5sum ${this.meta}`);
    this.emit(`dmesg | grep device-mapper | sed 's/^\\[[^]]*\\] //'`);
  }
}

/** The script for `seed`: busybox sh, runnable by ../shared/tools/kernel-dm/run and by dmsh. */
export function generateThinFuzzScript(seed: number): string {
  return new Generator(seed).run();
}
