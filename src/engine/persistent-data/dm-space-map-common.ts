/**
 * dm-space-map-common (drivers/md/persistent-data/dm-space-map-common.{c,h}, Linux 6.1): the
 * low-level on-disk space map shared by the disk and metadata space maps.
 *
 * Reference counts: 2 bits per block in bitmap blocks (0 free, 1, 2, 3 = "look in the ref count
 * btree"), counts above 2 in a btree of u32 values. Bitmap blocks: struct disk_bitmap_header
 * (csum, not_used, blocknr; 16 bytes) then (4096 - 16) * 4 = 16320 entries. The bitmaps are
 * found through index entries (struct disk_index_entry: blocknr u64, nr_free u32,
 * none_free_before u32): for the metadata space map, an array in one index block
 * (struct disk_metadata_index: csum, padding, blocknr, 255 entries); for the disk (data) space
 * map, a btree of index entries (with Linux's 64-entry write-back cache of them).
 */

import { DmError } from "../types.ts";
import {
  type DmBlock,
  type DmBlockT,
  type DmBlockValidator,
  dmBmChecksum,
  le64,
  setLe64,
} from "./dm-block-manager.ts";
import { btreeGetOverwriteLeaf, dmBtreeEmpty, dmBtreeInsert, dmBtreeLookup } from "./dm-btree.ts";
import { dmBtreeRemove } from "./dm-btree-remove.ts";
import { type DmBtreeInfo, key, lowerBound, nrEntries, valueOff } from "./dm-btree-spine.ts";
import type { DmTransactionManager } from "./dm-transaction-manager.ts";

const INDEX_CSUM_XOR = 160478;
const BITMAP_CSUM_XOR = 240779;
/** MAX_METADATA_BITMAPS. */
export const MAX_METADATA_BITMAPS = 255;
/** sizeof(struct disk_bitmap_header). */
const BITMAP_HEADER_SIZE = 16;
const ENTRIES_PER_BYTE = 4;
const IE_CACHE_SIZE = 64;
const IE_CACHE_MASK = IE_CACHE_SIZE - 1;
/** sizeof(struct disk_sm_root). */
export const DISK_SM_ROOT_SIZE = 32;
/** sizeof(struct disk_metadata_index). */
const METADATA_INDEX_SIZE = 16 + 16 * MAX_METADATA_BITMAPS;

function logErr(tm: DmTransactionManager, text: string): void {
  tm.bm.t.printk("err", `device-mapper: space map common: ${text}`);
}

/** index_check / dm_bitmap_check: blocknr, then the checksum (DMERR_LIMIT lines). */
function checkHeader(
  b: DmBlock,
  blockSize: number,
  xor: number,
  what: string,
  err: (line: string) => void,
): "ENOTBLK" | "EILSEQ" | null {
  const e = (text: string): void => err(`device-mapper: space map common: ${what} ${text}`);
  if (le64(b.view, 8) !== b.location) {
    e(`blocknr ${le64(b.view, 8)} != wanted ${b.location}`);
    return "ENOTBLK";
  }
  const csum = dmBmChecksum(b.data, 4, blockSize, xor);
  if (csum !== b.view.getUint32(0, true)) {
    e(`csum ${csum} != wanted ${b.view.getUint32(0, true)}`);
    return "EILSEQ";
  }
  return null;
}

/** index_validator. */
export const indexValidator: DmBlockValidator = {
  name: "index",
  prepareForWrite(b, blockSize) {
    setLe64(b.view, 8, b.location);
    b.view.setUint32(0, dmBmChecksum(b.data, 4, blockSize, INDEX_CSUM_XOR), true);
  },
  check(b, blockSize, err) {
    return checkHeader(b, blockSize, INDEX_CSUM_XOR, "index_check failed:", err);
  },
};

/** dm_sm_bitmap_validator. */
export const dmSmBitmapValidator: DmBlockValidator = {
  name: "sm_bitmap",
  prepareForWrite(b, blockSize) {
    setLe64(b.view, 8, b.location);
    b.view.setUint32(0, dmBmChecksum(b.data, 4, blockSize, BITMAP_CSUM_XOR), true);
  },
  check(b, blockSize, err) {
    return checkHeader(b, blockSize, BITMAP_CSUM_XOR, "bitmap check failed:", err);
  },
};

// ---- bitmap entries ------------------------------------------------------------------------

const WORD_MASK_HIGH = 0xaaaaaaaaaaaaaaaan;
const U64 = 0xffffffffffffffffn;

/** dm_bitmap_word_used, exactly (with its carries) on the word holding entry `b`. */
function bitmapWordUsed(blk: DmBlock, b: number): boolean {
  const off = BITMAP_HEADER_SIZE + 8 * (b >>> 5);
  const bits = blk.view.getBigUint64(off, true);
  const mask = (bits + WORD_MASK_HIGH + 1n) & WORD_MASK_HIGH;
  return (~bits & U64 & mask) === 0n;
}

/** sm_lookup_bitmap: the 2-bit entry `b` of a bitmap block. */
export function smLookupBitmap(blk: DmBlock, b: number): number {
  const byte = blk.data[BITMAP_HEADER_SIZE + (b >>> 2)]!;
  const sh = (b & 3) * 2;
  const hi = (byte >> sh) & 1;
  const lo = (byte >> (sh + 1)) & 1;
  return (hi << 1) | lo;
}

/** sm_set_bitmap. */
export function smSetBitmap(blk: DmBlock, b: number, val: number): void {
  const i = BITMAP_HEADER_SIZE + (b >>> 2);
  const sh = (b & 3) * 2;
  let byte = blk.data[i]!;
  byte = val & 2 ? byte | (1 << sh) : byte & ~(1 << sh);
  byte = val & 1 ? byte | (1 << (sh + 1)) : byte & ~(1 << (sh + 1));
  blk.data[i] = byte;
}

/** sm_find_free: the first free entry in [begin, end), or -1 (ENOSPC). */
function smFindFree(blk: DmBlock, begin: number, end: number): number {
  while (begin < end) {
    if (!(begin & 31) && bitmapWordUsed(blk, begin)) {
      begin += 32;
      continue;
    }
    if (!smLookupBitmap(blk, begin)) return begin;
    begin++;
  }
  return -1;
}

// ---- ll_disk -------------------------------------------------------------------------------

/** struct disk_index_entry. */
export interface DiskIndexEntry {
  blocknr: DmBlockT;
  nrFree: number;
  noneFreeBefore: number;
}

interface IeCache {
  valid: boolean;
  dirty: boolean;
  index: number;
  ie: DiskIndexEntry;
}

const ieFromValue = (v: Uint8Array): DiskIndexEntry => {
  const dv = new DataView(v.buffer, v.byteOffset, v.byteLength);
  return {
    blocknr: le64(dv, 0),
    nrFree: dv.getUint32(8, true),
    noneFreeBefore: dv.getUint32(12, true),
  };
};
const ieToValue = (ie: DiskIndexEntry): Uint8Array => {
  const v = new Uint8Array(16);
  const dv = new DataView(v.buffer);
  setLe64(dv, 0, ie.blocknr);
  dv.setUint32(8, ie.nrFree >>> 0, true);
  dv.setUint32(12, ie.noneFreeBefore >>> 0, true);
  return v;
};

/** dm_sector_div_up. */
const divUp = (n: number, d: number): number => Math.floor((n + d - 1) / d);

/** dm_hash_block(index, mask): ((u32)b * 4294967291) & mask. */
const hashIndex = (index: number): number => Math.imul(index >>> 0, -5) & IE_CACHE_MASK;

/** struct ll_disk (both variants: `metadata` keeps the index in one block). */
export class LlDisk {
  readonly tm: DmTransactionManager;
  readonly metadata: boolean;
  readonly bitmapInfo: DmBtreeInfo;
  readonly refCountInfo: DmBtreeInfo;
  readonly blockSize: number;
  readonly entriesPerBlock: number;
  nrBlocks = 0;
  nrAllocated = 0;
  /** The index block (metadata) or the root of the index btree (disk). */
  bitmapRoot: DmBlockT = 0;
  refCountRoot: DmBlockT = 0;
  /** struct disk_metadata_index, in core (metadata variant). */
  readonly miLe: Uint8Array;
  bitmapIndexChanged = false;
  readonly #ieCache: IeCache[];

  /** sm_ll_init. */
  constructor(tm: DmTransactionManager, metadata: boolean) {
    this.tm = tm;
    this.metadata = metadata;
    this.bitmapInfo = { tm, levels: 1, valueType: { size: 16 } };
    this.refCountInfo = { tm, levels: 1, valueType: { size: 4 } };
    this.blockSize = tm.bm.blockSize;
    if (this.blockSize > 1 << 30) {
      logErr(tm, "block size too big to hold bitmaps");
      throw new DmError("EINVAL");
    }
    this.entriesPerBlock = (this.blockSize - BITMAP_HEADER_SIZE) * ENTRIES_PER_BYTE;
    this.miLe = new Uint8Array(METADATA_INDEX_SIZE);
    this.#ieCache = Array.from({ length: IE_CACHE_SIZE }, () => ({
      valid: false,
      dirty: false,
      index: 0,
      ie: { blocknr: 0, nrFree: 0, noneFreeBefore: 0 },
    }));
  }

  /** A copy of this ll_disk (memcpy of struct ll_disk, index cache included). */
  clone(): LlDisk {
    const c = new LlDisk(this.tm, this.metadata);
    c.nrBlocks = this.nrBlocks;
    c.nrAllocated = this.nrAllocated;
    c.bitmapRoot = this.bitmapRoot;
    c.refCountRoot = this.refCountRoot;
    c.miLe.set(this.miLe);
    c.bitmapIndexChanged = this.bitmapIndexChanged;
    c.#ieCache.forEach((iec, i) => {
      const src = this.#ieCache[i]!;
      iec.valid = src.valid;
      iec.dirty = src.dirty;
      iec.index = src.index;
      iec.ie = { ...src.ie };
    });
    return c;
  }

  // ---- index entry access (load_ie / save_ie / init_index / open_index / max_entries / commit)

  async loadIe(index: number): Promise<DiskIndexEntry> {
    if (this.metadata) {
      const dv = new DataView(this.miLe.buffer);
      const o = 16 + 16 * index;
      return {
        blocknr: le64(dv, o),
        nrFree: dv.getUint32(o + 8, true),
        noneFreeBefore: dv.getUint32(o + 12, true),
      };
    }
    const iec = this.#ieCache[hashIndex(index)]!;
    if (iec.valid) {
      if (iec.index === index) return { ...iec.ie };
      if (iec.dirty) await this.#ieCacheWriteback(iec);
    }
    const v = await dmBtreeLookup(this.bitmapInfo, this.bitmapRoot, [index]);
    const ie = ieFromValue(v);
    iec.valid = true;
    iec.dirty = false;
    iec.index = index;
    iec.ie = { ...ie };
    return ie;
  }

  async saveIe(index: number, ie: DiskIndexEntry): Promise<void> {
    this.bitmapIndexChanged = true;
    if (this.metadata) {
      const dv = new DataView(this.miLe.buffer);
      const o = 16 + 16 * index;
      setLe64(dv, o, ie.blocknr);
      dv.setUint32(o + 8, ie.nrFree >>> 0, true);
      dv.setUint32(o + 12, ie.noneFreeBefore >>> 0, true);
      return;
    }
    const iec = this.#ieCache[hashIndex(index)]!;
    if (iec.valid) {
      if (iec.index === index) {
        iec.ie = { ...ie };
        iec.dirty = true;
        return;
      }
      if (iec.dirty) await this.#ieCacheWriteback(iec);
    }
    iec.valid = true;
    iec.dirty = true;
    iec.index = index;
    iec.ie = { ...ie };
  }

  async #ieCacheWriteback(iec: IeCache): Promise<void> {
    iec.dirty = false;
    this.bitmapRoot = await dmBtreeInsert(
      this.bitmapInfo,
      this.bitmapRoot,
      [iec.index],
      ieToValue(iec.ie),
    );
  }

  async initIndex(): Promise<void> {
    if (this.metadata) {
      const b = await this.tm.newBlock(indexValidator);
      this.bitmapRoot = b.location;
      this.tm.unlock(b);
      return;
    }
    for (const iec of this.#ieCache) {
      iec.valid = false;
      iec.dirty = false;
    }
    this.bitmapRoot = await dmBtreeEmpty(this.bitmapInfo);
  }

  async openIndex(): Promise<void> {
    if (!this.metadata) return;
    const block = await this.tm.readLock(this.bitmapRoot, indexValidator);
    this.miLe.set(block.data.subarray(0, METADATA_INDEX_SIZE));
    this.tm.unlock(block);
  }

  maxEntries(): number {
    return this.metadata ? MAX_METADATA_BITMAPS : Number.MAX_SAFE_INTEGER;
  }

  async #commitIndex(): Promise<void> {
    if (this.metadata) {
      const { block } = await this.tm.shadowBlock(this.bitmapRoot, indexValidator);
      block.data.set(this.miLe);
      this.bitmapRoot = block.location;
      this.tm.unlock(block);
      return;
    }
    for (const iec of this.#ieCache) if (iec.valid && iec.dirty) await this.#ieCacheWriteback(iec);
  }

  /** sm_ll_commit. */
  async commit(): Promise<void> {
    if (this.bitmapIndexChanged) {
      await this.#commitIndex();
      this.bitmapIndexChanged = false;
    }
  }

  // ---- counts ------------------------------------------------------------------------------

  /** sm_ll_extend: `extra` more blocks (new bitmap blocks as needed). */
  async extend(extraBlocks: number): Promise<void> {
    const nrBlocks = this.nrBlocks + extraBlocks;
    const oldBlocks = divUp(this.nrBlocks, this.entriesPerBlock);
    const blocks = divUp(nrBlocks, this.entriesPerBlock);
    const nrIndexes = divUp(nrBlocks, this.entriesPerBlock);
    if (nrIndexes > this.maxEntries()) {
      logErr(this.tm, "space map too large");
      throw new DmError("EINVAL");
    }
    // set before dm_tm_new_block below
    this.nrBlocks = nrBlocks;
    for (let i = oldBlocks; i < blocks; i++) {
      const b = await this.tm.newBlock(dmSmBitmapValidator);
      const blocknr = b.location;
      this.tm.unlock(b);
      await this.saveIe(i, { blocknr, nrFree: this.entriesPerBlock, noneFreeBefore: 0 });
    }
  }

  /** sm_ll_lookup_bitmap: the 2-bit entry of `b`. */
  async lookupBitmap(b: DmBlockT): Promise<number> {
    if (b >= this.nrBlocks) {
      logErr(this.tm, "metadata block out of bounds");
      throw new DmError("EINVAL");
    }
    const index = Math.floor(b / this.entriesPerBlock);
    const bit = b % this.entriesPerBlock;
    const ie = await this.loadIe(index);
    const blk = await this.tm.readLock(ie.blocknr, dmSmBitmapValidator);
    const r = smLookupBitmap(blk, bit);
    this.tm.unlock(blk);
    return r;
  }

  async #lookupBigRefCount(b: DmBlockT): Promise<number> {
    const v = await dmBtreeLookup(this.refCountInfo, this.refCountRoot, [b]);
    return new DataView(v.buffer, v.byteOffset, 4).getUint32(0, true);
  }

  /** sm_ll_lookup: the reference count of `b`. */
  async lookup(b: DmBlockT): Promise<number> {
    const r = await this.lookupBitmap(b);
    if (r !== 3) return r;
    return this.#lookupBigRefCount(b);
  }

  /** sm_ll_find_free_block: a free block in [begin, end). ENOSPC when none. */
  async findFreeBlock(begin: DmBlockT, end: DmBlockT): Promise<DmBlockT> {
    const epb = this.entriesPerBlock;
    const indexBegin = Math.floor(begin / epb);
    const indexEnd = divUp(end, epb);
    begin = begin % epb;
    end = end % epb;
    if (end === 0) end = epb;
    for (let i = indexBegin; i < indexEnd; i++, begin = 0) {
      const ie = await this.loadIe(i);
      if (ie.nrFree === 0) continue;
      const blk = await this.tm.readLock(ie.blocknr, dmSmBitmapValidator);
      const bitEnd = i === indexEnd - 1 ? end : epb;
      const position = smFindFree(blk, Math.max(begin, ie.noneFreeBefore), bitEnd);
      this.tm.unlock(blk);
      // not found: we may have started part way through the bitmap
      if (position < 0) continue;
      return i * epb + position;
    }
    throw new DmError("ENOSPC");
  }

  /**
   * sm_ll_insert: set the count of `b` to `refCount`; the net number of allocations (1, -1, 0).
   */
  async insert(b: DmBlockT, refCount: number): Promise<number> {
    const index = Math.floor(b / this.entriesPerBlock);
    const bit = b % this.entriesPerBlock;
    const ie = await this.loadIe(index);
    let nb: DmBlock;
    try {
      nb = (await this.tm.shadowBlock(ie.blocknr, dmSmBitmapValidator)).block;
    } catch (err) {
      logErr(this.tm, "dm_tm_shadow_block() failed");
      throw err;
    }
    ie.blocknr = nb.location;
    let old = smLookupBitmap(nb, bit);
    if (old > 2) {
      try {
        old = await this.#lookupBigRefCount(b);
      } catch (err) {
        this.tm.unlock(nb);
        throw err;
      }
    }
    if (refCount <= 2) {
      smSetBitmap(nb, bit, refCount);
      this.tm.unlock(nb);
      if (old > 2)
        this.refCountRoot = await dmBtreeRemove(this.refCountInfo, this.refCountRoot, [b]);
    } else {
      smSetBitmap(nb, bit, 3);
      this.tm.unlock(nb);
      try {
        this.refCountRoot = await dmBtreeInsert(
          this.refCountInfo,
          this.refCountRoot,
          [b],
          le32Bytes(refCount),
        );
      } catch (err) {
        logErr(this.tm, "ref count insert failed");
        throw err;
      }
    }
    let nrAllocations = 0;
    if (refCount && !old) {
      nrAllocations = 1;
      this.nrAllocated++;
      ie.nrFree--;
      if (ie.noneFreeBefore === bit) ie.noneFreeBefore = bit + 1;
    } else if (old && !refCount) {
      nrAllocations = -1;
      this.nrAllocated--;
      ie.nrFree++;
      ie.noneFreeBefore = Math.min(ie.noneFreeBefore, bit);
    }
    await this.saveIe(index, ie);
    return nrAllocations;
  }

  /** sm_ll_inc: one more reference to each block of [b, e); the net allocations. */
  async inc(b: DmBlockT, e: DmBlockT): Promise<number> {
    const acc = { nrAllocations: 0 };
    while (b !== e) b = await this.#incOrDec(b, e, acc, true);
    return acc.nrAllocations;
  }

  /** sm_ll_dec: one reference less to each block of [b, e); the net allocations (<= 0). */
  async dec(b: DmBlockT, e: DmBlockT): Promise<number> {
    const acc = { nrAllocations: 0 };
    while (b !== e) b = await this.#incOrDec(b, e, acc, false);
    return acc.nrAllocations;
  }

  /** __sm_ll_inc / __sm_ll_dec: the part of [b, e) in one bitmap; where it stopped. */
  async #incOrDec(
    b: DmBlockT,
    e: DmBlockT,
    acc: { nrAllocations: number },
    isInc: boolean,
  ): Promise<DmBlockT> {
    const index = Math.floor(b / this.entriesPerBlock);
    const bit = b % this.entriesPerBlock;
    const ic: IncContext = { ie: await this.loadIe(index), bitmapBlock: null, overflowLeaf: null };
    // shadow_bitmap
    try {
      ic.bitmapBlock = (await this.tm.shadowBlock(ic.ie.blocknr, dmSmBitmapValidator)).block;
    } catch (err) {
      logErr(this.tm, "dm_tm_shadow_block() failed");
      throw err;
    }
    ic.ie.blocknr = ic.bitmapBlock.location;
    const bitEnd = Math.min(bit + (e - b), this.entriesPerBlock);
    let newB: DmBlockT;
    try {
      newB = isInc
        ? await this.#incBitmap(b, bit, bitEnd, acc, ic)
        : await this.#decBitmap(b, bit, bitEnd, acc, ic);
    } finally {
      this.#exitIncContext(ic);
    }
    await this.saveIe(index, ic.ie);
    return newB;
  }

  #exitIncContext(ic: IncContext): void {
    if (ic.bitmapBlock) this.tm.unlock(ic.bitmapBlock);
    if (ic.overflowLeaf) this.tm.unlock(ic.overflowLeaf);
    ic.bitmapBlock = null;
    ic.overflowLeaf = null;
  }

  /** ensure_bitmap: re-take the (already shadowed) bitmap with a plain write lock. */
  async #ensureBitmap(ic: IncContext): Promise<DmBlock> {
    if (!ic.bitmapBlock) {
      try {
        ic.bitmapBlock = await this.tm.bm.writeLock(ic.ie.blocknr, dmSmBitmapValidator);
      } catch (err) {
        logErr(this.tm, "unable to re-get write lock for bitmap");
        throw err;
      }
    }
    return ic.bitmapBlock;
  }

  async #incBitmap(
    b: DmBlockT,
    bit: number,
    bitEnd: number,
    acc: { nrAllocations: number },
    ic: IncContext,
  ): Promise<DmBlockT> {
    for (; bit !== bitEnd; bit++, b++) {
      const bm = await this.#ensureBitmap(ic);
      const old = smLookupBitmap(bm, bit);
      switch (old) {
        case 0:
          smSetBitmap(bm, bit, 1);
          acc.nrAllocations++;
          this.nrAllocated++;
          ic.ie.nrFree--;
          if (ic.ie.noneFreeBefore === bit) ic.ie.noneFreeBefore = bit + 1;
          break;
        case 1:
          smSetBitmap(bm, bit, 2);
          break;
        case 2:
          smSetBitmap(bm, bit, 3);
          this.#exitIncContext(ic);
          try {
            this.refCountRoot = await dmBtreeInsert(
              this.refCountInfo,
              this.refCountRoot,
              [b],
              le32Bytes(3),
            );
          } catch (err) {
            logErr(this.tm, "ref count insert failed");
            throw err;
          }
          break;
        default:
          await this.#incOverflow(b, ic);
      }
    }
    return b;
  }

  async #incOverflow(b: DmBlockT, ic: IncContext): Promise<void> {
    if (ic.overflowLeaf) {
      const n = ic.overflowLeaf;
      const index = lowerBound(n, b);
      if (containsKey(n, b, index)) {
        const o = valueOff(n, index);
        n.view.setUint32(o, (n.view.getUint32(o, true) + 1) >>> 0, true);
        return;
      }
    }
    // __sm_ll_inc_overflow: the bitmap is dropped (getting the leaf may allocate)
    this.#exitIncContext(ic);
    const r = await btreeGetOverwriteLeaf(this.refCountInfo, this.refCountRoot, b);
    this.refCountRoot = r.root;
    ic.overflowLeaf = r.leaf;
    const n = r.leaf;
    if (!containsKey(n, b, r.index)) {
      logErr(this.tm, "overflow btree is missing an entry");
      throw new DmError("EINVAL");
    }
    const o = valueOff(n, r.index);
    n.view.setUint32(o, (n.view.getUint32(o, true) + 1) >>> 0, true);
  }

  async #delOverflow(b: DmBlockT, ic: IncContext): Promise<void> {
    this.#exitIncContext(ic);
    this.refCountRoot = await dmBtreeRemove(this.refCountInfo, this.refCountRoot, [b]);
  }

  /** sm_ll_dec_overflow: the old count (3: the entry was removed). */
  async #decOverflow(b: DmBlockT, ic: IncContext): Promise<number> {
    if (ic.overflowLeaf) {
      const n = ic.overflowLeaf;
      const index = lowerBound(n, b);
      if (containsKey(n, b, index)) {
        const o = valueOff(n, index);
        const rc = n.view.getUint32(o, true);
        if (rc > 3) {
          n.view.setUint32(o, rc - 1, true);
          return rc;
        }
        await this.#delOverflow(b, ic);
        return rc;
      }
    }
    this.#exitIncContext(ic);
    const r = await btreeGetOverwriteLeaf(this.refCountInfo, this.refCountRoot, b);
    this.refCountRoot = r.root;
    ic.overflowLeaf = r.leaf;
    const n = r.leaf;
    if (!containsKey(n, b, r.index)) {
      logErr(this.tm, "overflow btree is missing an entry");
      throw new DmError("EINVAL");
    }
    const o = valueOff(n, r.index);
    const rc = n.view.getUint32(o, true);
    if (rc === 3) await this.#delOverflow(b, ic);
    else n.view.setUint32(o, rc - 1, true);
    return rc;
  }

  async #decBitmap(
    b: DmBlockT,
    bit: number,
    bitEnd: number,
    acc: { nrAllocations: number },
    ic: IncContext,
  ): Promise<DmBlockT> {
    for (; bit !== bitEnd; bit++, b++) {
      const bm = await this.#ensureBitmap(ic);
      const old = smLookupBitmap(bm, bit);
      switch (old) {
        case 0:
          logErr(this.tm, "unable to decrement block");
          throw new DmError("EINVAL");
        case 1:
          smSetBitmap(bm, bit, 0);
          acc.nrAllocations--;
          this.nrAllocated--;
          ic.ie.nrFree++;
          ic.ie.noneFreeBefore = Math.min(ic.ie.noneFreeBefore, bit);
          break;
        case 2:
          smSetBitmap(bm, bit, 1);
          break;
        default: {
          const rc = await this.#decOverflow(b, ic);
          if (rc === 3) smSetBitmap(await this.#ensureBitmap(ic), bit, 2);
        }
      }
    }
    return b;
  }

  /** The root (struct disk_sm_root): nr_blocks, nr_allocated, bitmap_root, ref_count_root. */
  rootBytes(): Uint8Array {
    const v = new Uint8Array(DISK_SM_ROOT_SIZE);
    const dv = new DataView(v.buffer);
    setLe64(dv, 0, this.nrBlocks);
    setLe64(dv, 8, this.nrAllocated);
    setLe64(dv, 16, this.bitmapRoot);
    setLe64(dv, 24, this.refCountRoot);
    return v;
  }

  /** sm_ll_new_metadata / sm_ll_new_disk: an empty space map of 0 blocks. */
  async create(): Promise<void> {
    this.nrBlocks = 0;
    this.nrAllocated = 0;
    await this.initIndex();
    this.refCountRoot = await dmBtreeEmpty(this.refCountInfo);
  }

  /** sm_ll_open_metadata / sm_ll_open_disk from a struct disk_sm_root. ENOMEM if too short. */
  async open(rootLe: Uint8Array): Promise<void> {
    if (rootLe.length < DISK_SM_ROOT_SIZE) {
      logErr(this.tm, "sm_metadata root too small");
      throw new DmError("ENOMEM");
    }
    const dv = new DataView(rootLe.buffer, rootLe.byteOffset, DISK_SM_ROOT_SIZE);
    this.nrBlocks = le64(dv, 0);
    this.nrAllocated = le64(dv, 8);
    this.bitmapRoot = le64(dv, 16);
    this.refCountRoot = le64(dv, 24);
    await this.openIndex();
  }
}

interface IncContext {
  ie: DiskIndexEntry;
  bitmapBlock: DmBlock | null;
  overflowLeaf: DmBlock | null;
}

function containsKey(n: DmBlock, k: number, index: number): boolean {
  return index >= 0 && index < nrEntries(n) && key(n, index) === k;
}

function le32Bytes(v: number): Uint8Array {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, v >>> 0, true);
  return b;
}

/**
 * sm_ll_find_common_free_block: a block free in `newLl` and not used in `oldLl` (the last
 * committed transaction), from `begin`. ENOSPC when none.
 */
export async function smLlFindCommonFreeBlock(
  oldLl: LlDisk,
  newLl: LlDisk,
  begin: DmBlockT,
  _end: DmBlockT,
): Promise<DmBlockT> {
  for (;;) {
    const b = await newLl.findFreeBlock(begin, newLl.nrBlocks);
    // double check this block wasn't used in the old transaction
    const count = b >= oldLl.nrBlocks ? 0 : await oldLl.lookup(b);
    if (!count) return b;
    begin = b + 1;
  }
}
