/**
 * stash: a device that keeps its data in the target itself (no device below it) and owns every
 * bio: map returns SUBMITTED, and the target ends the bio later, after a virtual latency, with
 * `bio.end()`. Reads of sectors never written return zeroes.
 *
 *     <start> <length> stash <latency_us>
 *
 * Status INFO: "<sectors stored> <bios in flight>"; TABLE: "<latency_us>".
 */

import { ctrError, defineTarget, parseU32, NS_PER_US, type Bio } from "dm-playground";

interface Stash {
  latencyUs: number;
  /** Sector (relative to the target) -> its 512 bytes. */
  data: Map<number, Uint8Array>;
  inFlight: number;
}

function serve(s: Stash, bio: Bio, rel: number): void {
  for (let i = 0; i < bio.sectors; i++) {
    const at = bio.data!.subarray(i * 512, (i + 1) * 512);
    if (bio.op === "WRITE") s.data.set(rel + i, at.slice());
    else {
      const held = s.data.get(rel + i);
      if (held) at.set(held);
      else at.fill(0);
    }
  }
}

export default defineTarget<Stash>({
  name: "stash",
  version: [1, 0, 0],
  ctr(t, args) {
    if (args.length !== 1) ctrError("Invalid argument count");
    const latencyUs = parseU32(args[0]!);
    if (latencyUs === null) ctrError("Invalid latency");
    t.numFlushBios = 1;
    t.numDiscardBios = 1;
    t.private = { latencyUs, data: new Map(), inFlight: 0 };
  },
  map(t, bio) {
    const s = t.priv;
    const rel = t.offset(bio.sector);
    s.inFlight++;
    // The target owns the bio now: nothing happens to it until it is ended below.
    t.schedule(s.latencyUs * NS_PER_US, () => {
      if (bio.op === "READ" || bio.op === "WRITE") serve(s, bio, rel);
      else if (bio.op === "DISCARD") for (let i = 0; i < bio.sectors; i++) s.data.delete(rel + i);
      s.inFlight--;
      bio.end("OK");
    });
    return "SUBMITTED";
  },
  status(t, type) {
    const s = t.priv;
    return type === "TABLE" ? `${s.latencyUs}` : `${s.data.size} ${s.inFlight}`;
  },
});
