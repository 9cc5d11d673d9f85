/**
 * bug_incomplete: a retrying linear target with a deliberate bug for the contract check
 * "incomplete-never-ended". When a read fails, end_io returns INCOMPLETE ("I will retry it")
 * and queues the bio for a retry, but the retry queue is never run: nothing ends the bio.
 * Layer it over a device that fails (the error target, or flakey while down) to see it.
 *
 *     <start> <length> bug_incomplete <dev_path> <offset>
 */

import { ctrError, defineTarget, parseU64, type Bio, type DmDev } from "dm-playground";

interface Retry {
  dev: DmDev;
  start: number;
  retries: Bio[];
}

export default defineTarget<Retry>({
  name: "bug_incomplete",
  version: [1, 0, 0],
  ctr(t, args) {
    if (args.length !== 2) ctrError("Invalid argument count");
    const start = parseU64(args[1]!);
    if (start === null) ctrError("Invalid device sector");
    t.numFlushBios = 1;
    t.private = { dev: t.getDevice(args[0]!), start, retries: [] };
  },
  dtr(t) {
    t.putDevice(t.priv.dev);
  },
  map(t, bio) {
    bio.bdev = t.priv.dev.bdev;
    if (bio.sectors > 0) bio.sector = t.priv.start + t.offset(bio.sector);
    return "REMAPPED";
  },
  endIo(t, bio, status) {
    // (A bio ended again after INCOMPLETE, with an error, is given up: DONE.)
    if (status !== "OK" && bio.op === "READ" && !t.priv.retries.includes(bio)) {
      t.priv.retries.push(bio); // BUG: nothing ever takes bios off this queue
      return "INCOMPLETE";
    }
    return "DONE";
  },
  status(t, type) {
    return type === "TABLE" ? `${t.priv.dev.name} ${t.priv.start}` : `${t.priv.retries.length}`;
  },
});
