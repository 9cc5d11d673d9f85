/**
 * wbcache: a tiny write-back cache over two devices. Whole 4 KiB blocks written go to the
 * cache device and are written back to the origin later: when their cache slot is needed for
 * another block, on a flush, or on the `flush` message. The cache is direct-mapped (origin
 * block b lives in slot b mod the number of slots) and its metadata lives only in memory, so
 * this is a teaching toy, not dm-writecache.
 *
 *     <start> <length> wbcache <cache_dev> <origin_dev>
 *
 * Reads of a cached block come from the cache, others from the origin (no read allocation).
 * A write of part of a block that is not cached goes straight to the origin.
 * Status INFO: "cached <n> dirty <n> read_hits <n> read_misses <n> write_hits <n>
 * writebacks <n>"; TABLE: "<cache major:minor> <origin major:minor>".
 * Message `flush`: write every dirty block back now.
 */

import { ctrError, defineTarget, DmError, type Bio, type DmDev, type Target } from "dm-playground";

const BLOCK = 8; // sectors per cache block (4 KiB)

interface Cache {
  cache: DmDev;
  origin: DmDev;
  slots: number;
  /** Origin block held by each slot, -1 when empty. */
  block: Int32Array;
  dirty: Uint8Array;
  /** Slots being written back: what waits for each. */
  busy: Map<number, Array<() => void>>;
  stats: { read_hits: number; read_misses: number; write_hits: number; writebacks: number };
}

/** Copy slot `s` back to the origin (read it from the cache, write it out), then `done`. */
function writeback(t: Target<Cache>, s: number, done: () => void): void {
  const c = t.priv;
  const waiting = c.busy.get(s);
  if (waiting) {
    waiting.push(done);
    return;
  }
  c.busy.set(s, [done]);
  const b = c.block[s]!;
  const buf = new Uint8Array(BLOCK * 512);
  const finish = () => {
    const list = c.busy.get(s) ?? [];
    c.busy.delete(s);
    for (const fn of list) fn();
  };
  const read = t.newBio("READ", c.cache, s * BLOCK, BLOCK, buf, (r) => {
    if (r.status !== "OK") return finish();
    const write = t.newBio("WRITE", c.origin, b * BLOCK, BLOCK, buf, (w) => {
      if (w.status === "OK" && c.block[s] === b) c.dirty[s] = 0;
      c.stats.writebacks++;
      finish();
    });
    t.submit(write);
  });
  t.submit(read);
}

/** Write back every dirty slot, then `done`. */
function flushAll(t: Target<Cache>, done: () => void): number {
  const c = t.priv;
  let left = 1;
  let n = 0;
  const one = () => {
    if (--left === 0) done();
  };
  for (let s = 0; s < c.slots; s++) {
    if (!c.dirty[s]) continue;
    left++;
    n++;
    writeback(t, s, one);
  }
  one();
  return n;
}

function toCache(c: Cache, bio: Bio, s: number, rel: number): void {
  bio.bdev = c.cache.bdev;
  bio.sector = s * BLOCK + (rel % BLOCK);
}

export default defineTarget<Cache>({
  name: "wbcache",
  version: [1, 0, 0],
  ctr(t, args) {
    if (args.length !== 2) ctrError("Invalid argument count");
    const cache = t.getDevice(args[0]!);
    let origin: DmDev;
    try {
      origin = t.getDevice(args[1]!);
    } catch (e) {
      t.putDevice(cache);
      ctrError("Origin device lookup failed", e instanceof DmError ? e.errno : "ENODEV");
    }
    const slots = Math.floor(cache.bdev.sizeSectors / BLOCK);
    if (slots < 1) {
      t.putDevice(cache);
      t.putDevice(origin);
      ctrError("Cache device too small");
    }
    t.maxIoLen = BLOCK; // no bio crosses a block: each is served by one slot
    t.numFlushBios = 1;
    t.private = {
      cache,
      origin,
      slots,
      block: new Int32Array(slots).fill(-1),
      dirty: new Uint8Array(slots),
      busy: new Map(),
      stats: { read_hits: 0, read_misses: 0, write_hits: 0, writebacks: 0 },
    };
  },
  dtr(t) {
    t.putDevice(t.priv.cache);
    t.putDevice(t.priv.origin);
  },
  map(t, bio) {
    const c = t.priv;
    if (bio.isEmptyFlush) {
      flushAll(t, () => bio.end("OK"));
      return "SUBMITTED";
    }
    const rel = t.offset(bio.sector);
    const b = Math.floor(rel / BLOCK);
    const s = b % c.slots;
    if (c.busy.has(s)) {
      // The slot is being written back: decide again when it is done.
      c.busy.get(s)!.push(() => {
        const r = this.map(t, bio);
        if (r === "REMAPPED") t.submitRemapped(bio);
        else if (r === "KILL") bio.end("IOERR");
      });
      return "SUBMITTED";
    }
    if (bio.op === "READ") {
      if (c.block[s] === b) {
        c.stats.read_hits++;
        toCache(c, bio, s, rel);
      } else {
        c.stats.read_misses++;
        bio.bdev = c.origin.bdev;
        bio.sector = rel;
      }
      return "REMAPPED";
    }
    if (bio.op !== "WRITE") return "KILL";
    if (c.block[s] === b) {
      c.stats.write_hits++;
      c.dirty[s] = 1;
      toCache(c, bio, s, rel);
      return "REMAPPED";
    }
    if (bio.sectors < BLOCK) {
      bio.bdev = c.origin.bdev; // part of a block that is not cached: write through
      bio.sector = rel;
      return "REMAPPED";
    }
    const take = () => {
      c.block[s] = b;
      c.dirty[s] = 1;
      toCache(c, bio, s, rel);
    };
    if (c.block[s] !== -1 && c.dirty[s]) {
      // Evict: write the old block back first, then this one takes the slot.
      writeback(t, s, () => {
        take();
        t.submitRemapped(bio);
      });
      return "SUBMITTED";
    }
    take();
    return "REMAPPED";
  },
  status(t, type) {
    const c = t.priv;
    if (type === "TABLE") return `${c.cache.name} ${c.origin.name}`;
    let cached = 0;
    let dirty = 0;
    for (let s = 0; s < c.slots; s++) {
      if (c.block[s] !== -1) cached++;
      if (c.dirty[s]) dirty++;
    }
    const st = c.stats;
    return `cached ${cached} dirty ${dirty} read_hits ${st.read_hits} read_misses ${st.read_misses} write_hits ${st.write_hits} writebacks ${st.writebacks}`;
  },
  message(t, args) {
    if (args.length === 1 && args[0] === "flush") {
      const n = flushAll(t, () => t.log("info", "flush done"));
      return `writing back ${n} blocks`;
    }
    throw new DmError("EINVAL");
  },
  iterateDevices(t, fn) {
    fn(t.priv.cache, 0, t.priv.slots * BLOCK);
    fn(t.priv.origin, 0, t.len);
  },
});
