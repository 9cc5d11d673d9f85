/**
 * proxy: passes every bio through to one device (like linear) and counts what went by: reads
 * and writes, their bytes, flushes and discards, and the largest bio seen.
 *
 *     <start> <length> proxy <dev_path> <offset>
 *
 * Status INFO: "reads <n> writes <n> read_bytes <n> write_bytes <n> flushes <n> discards <n>
 * max_bio <bytes>"; TABLE: "<major:minor> <offset>".
 * Messages: `stats` prints the counters (one "name value" per line), `reset` zeroes them.
 */

import { ctrError, defineTarget, parseU64, DmError, type DmDev } from "dm-playground";

interface Counters {
  reads: number;
  writes: number;
  read_bytes: number;
  write_bytes: number;
  flushes: number;
  discards: number;
  max_bio: number;
}

interface Proxy {
  dev: DmDev;
  start: number;
  c: Counters;
}

const zero = (): Counters => ({
  reads: 0,
  writes: 0,
  read_bytes: 0,
  write_bytes: 0,
  flushes: 0,
  discards: 0,
  max_bio: 0,
});

export default defineTarget<Proxy>({
  name: "proxy",
  version: [1, 0, 0],
  ctr(t, args) {
    if (args.length !== 2) ctrError("Invalid argument count");
    const start = parseU64(args[1]!);
    if (start === null) ctrError("Invalid device sector");
    let dev: DmDev;
    try {
      dev = t.getDevice(args[0]!);
    } catch (e) {
      ctrError("Device lookup failed", e instanceof DmError ? e.errno : "ENODEV");
    }
    t.numFlushBios = 1;
    t.numDiscardBios = 1;
    t.private = { dev, start, c: zero() };
  },
  dtr(t) {
    t.putDevice(t.priv.dev);
  },
  map(t, bio) {
    const p = t.priv;
    const c = p.c;
    if (bio.op === "READ") {
      c.reads++;
      c.read_bytes += bio.bytes;
    } else if (bio.op === "WRITE") {
      c.writes++;
      c.write_bytes += bio.bytes;
    } else if (bio.op === "FLUSH") c.flushes++;
    else if (bio.op === "DISCARD") c.discards++;
    if (bio.bytes > c.max_bio) c.max_bio = bio.bytes;
    bio.bdev = p.dev.bdev;
    if (bio.sectors > 0) bio.sector = p.start + t.offset(bio.sector);
    return "REMAPPED";
  },
  status(t, type) {
    const p = t.priv;
    if (type === "TABLE") return `${p.dev.name} ${p.start}`;
    return Object.entries(p.c)
      .map(([k, v]) => `${k} ${v}`)
      .join(" ");
  },
  message(t, args) {
    if (args.length === 1 && args[0] === "stats") {
      return Object.entries(t.priv.c)
        .map(([k, v]) => `${k} ${v}`)
        .join("\n");
    }
    if (args.length === 1 && args[0] === "reset") {
      t.priv.c = zero();
      return;
    }
    t.log("warn", `Unrecognised message received.`);
    throw new DmError("EINVAL");
  },
  iterateDevices(t, fn) {
    fn(t.priv.dev, t.priv.start, t.len);
  },
});
