/**
 * The transient exception store (`N`; drivers/md/dm-snap-transient.c): exceptions are kept in
 * memory only. COW chunks are handed out from chunk 0 upwards; nothing is written to the COW
 * device but the copied data, so a removed transient snapshot is gone.
 */

import type { StatusType } from "../../types.ts";
import {
  dmExceptionStoreTypeRegister,
  getDevSize,
  sectorToChunk,
  type DmExceptionStoreType,
} from "./dm-exception-store.ts";

/** struct transient_c: the next free sector of the COW device. */
interface TransientC {
  nextFree: number;
}

export const transientType: DmExceptionStoreType = {
  name: "N",
  ctr(store) {
    store.context = { nextFree: 0 } satisfies TransientC;
  },
  dtr() {},
  readMetadata() {
    return Promise.resolve(0);
  },
  prepareException(store, e) {
    const tc = store.context as TransientC;
    const size = getDevSize(store.snap.cow);
    if (size < tc.nextFree + store.chunkSize) return false;
    e.newChunk = sectorToChunk(store, tc.nextFree);
    tc.nextFree += store.chunkSize;
    return true;
  },
  commitException(_store, _e, valid, callback) {
    callback(valid);
    return Promise.resolve();
  },
  status(store, type: StatusType) {
    return type === "TABLE" ? ` N ${store.chunkSize}` : "";
  },
  usage(store) {
    return {
      allocated: (store.context as TransientC).nextFree,
      total: getDevSize(store.snap.cow),
      metadata: 0,
    };
  },
};

dmExceptionStoreTypeRegister(transientType);
