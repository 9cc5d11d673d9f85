/**
 * dm-btree-spine and dm-btree-internal (drivers/md/persistent-data/dm-btree-spine.c,
 * dm-btree-internal.h, Linux 6.1): the on-disk btree node and the rolling locks ("spines") the
 * btree walks with.
 *
 * Node layout (struct btree_node, little-endian, one 4096-byte block):
 *   0 csum (u32, crc32c of bytes 4..end ^ BTREE_CSUM_XOR), 4 flags (INTERNAL_NODE 1,
 *   LEAF_NODE 2), 8 blocknr (u64), 16 nr_entries, 20 max_entries, 24 value_size, 28 padding,
 *   32 keys[max_entries] (u64), then values[max_entries] of value_size bytes.
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
import { dmTmWithRuns, type DmTransactionManager } from "./dm-transaction-manager.ts";

export const INTERNAL_NODE = 1;
export const LEAF_NODE = 1 << 1;
/** sizeof(struct node_header). */
export const NODE_HEADER_SIZE = 32;
const BTREE_CSUM_XOR = 121107;

/** struct dm_btree_value_type: values are `size` bytes, little-endian on disk. */
export interface DmBtreeValueType {
  readonly size: number;
  /** A run of `count` values at `off` of `v` was duplicated (take references). */
  inc?: ((v: DataView, off: number, count: number) => Promise<void>) | undefined;
  /** A run of values is being deleted (drop references). */
  dec?: ((v: DataView, off: number, count: number) => Promise<void>) | undefined;
  /** Overwriting a value with an equal one does not dec the old. */
  equal?: ((a: Uint8Array, b: Uint8Array) => boolean) | undefined;
}

/** struct dm_btree_info. */
export interface DmBtreeInfo {
  tm: DmTransactionManager;
  /** Number of nested btrees (not the depth of one tree). */
  levels: number;
  valueType: DmBtreeValueType;
}

// ---- node accessors (btree_node fields) ----------------------------------------------------

export const nodeFlags = (n: DmBlock): number => n.view.getUint32(4, true);
export const setNodeFlags = (n: DmBlock, f: number): void => n.view.setUint32(4, f, true);
export const nrEntries = (n: DmBlock): number => n.view.getUint32(16, true);
export const setNrEntries = (n: DmBlock, v: number): void => n.view.setUint32(16, v, true);
export const maxEntries = (n: DmBlock): number => n.view.getUint32(20, true);
export const setMaxEntries = (n: DmBlock, v: number): void => n.view.setUint32(20, v, true);
export const valueSize = (n: DmBlock): number => n.view.getUint32(24, true);
export const setValueSize = (n: DmBlock, v: number): void => n.view.setUint32(24, v, true);
/** Byte offset of key_ptr(n, i). */
export const keyOff = (i: number): number => NODE_HEADER_SIZE + 8 * i;
export const key = (n: DmBlock, i: number): number => le64(n.view, keyOff(i));
export const setKey = (n: DmBlock, i: number, k: number): void => setLe64(n.view, keyOff(i), k);
/** Byte offset of value_ptr(n, i). */
export const valueOff = (n: DmBlock, i: number): number =>
  NODE_HEADER_SIZE + 8 * maxEntries(n) + valueSize(n) * i;
/** value64: a u64 value (child block or subtree root). */
export const value64 = (n: DmBlock, i: number): number => le64(n.view, valueOff(n, i));
export const setValue64 = (n: DmBlock, i: number, v: number): void =>
  setLe64(n.view, valueOff(n, i), v);
/** A copy of the value bytes of entry i. */
export const valueBytes = (n: DmBlock, i: number): Uint8Array => {
  const o = valueOff(n, i);
  return n.data.slice(o, o + valueSize(n));
};

/** bsearch: no two keys are equal. */
function bsearch(n: DmBlock, k: number, wantHi: boolean): number {
  let lo = -1;
  let hi = nrEntries(n);
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    const mk = key(n, mid);
    if (mk === k) return mid;
    if (mk < k) lo = mid;
    else hi = mid;
  }
  return wantHi ? hi : lo;
}

/** lower_bound: index of the last key <= k (-1 if none). */
export const lowerBound = (n: DmBlock, k: number): number => bsearch(n, k, false);
/** upper_bound: index of the first key >= k (nr_entries if none). */
export const upperBound = (n: DmBlock, k: number): number => bsearch(n, k, true);

// ---- validator ----------------------------------------------------------------------------

/** btree_node_validator. */
export const btreeNodeValidator: DmBlockValidator = {
  name: "btree_node",
  prepareForWrite(b, blockSize) {
    setLe64(b.view, 8, b.location);
    b.view.setUint32(0, dmBmChecksum(b.data, 4, blockSize, BTREE_CSUM_XOR), true);
  },
  check(b, blockSize, err) {
    const e = (text: string): void => err(`device-mapper: btree spine: node_check failed: ${text}`);
    if (le64(b.view, 8) !== b.location) {
      e(`blocknr ${le64(b.view, 8)} != wanted ${b.location}`);
      return "ENOTBLK";
    }
    const csum = dmBmChecksum(b.data, 4, blockSize, BTREE_CSUM_XOR);
    if (csum !== b.view.getUint32(0, true)) {
      e(`csum ${csum} != wanted ${b.view.getUint32(0, true)}`);
      return "EILSEQ";
    }
    const nr = nrEntries(b);
    const max = maxEntries(b);
    const vs = valueSize(b);
    if (NODE_HEADER_SIZE + (8 + vs) * max > blockSize) {
      e("max_entries too large");
      return "EILSEQ";
    }
    if (nr > max) {
      e("too many entries");
      return "EILSEQ";
    }
    const flags = nodeFlags(b);
    if (!(flags & INTERNAL_NODE) && !(flags & LEAF_NODE)) {
      e("node is neither INTERNAL or LEAF");
      return "EILSEQ";
    }
    return null;
  },
};

// ---- helpers shared by dm-btree.c and dm-btree-remove.c -----------------------------------

/** bn_read_lock. */
export const bnReadLock = (info: DmBtreeInfo, b: DmBlockT): Promise<DmBlock> =>
  info.tm.readLock(b, btreeNodeValidator);

/** inc_children: the node was shared, so its children get one more reference. */
export async function incChildren(
  tm: DmTransactionManager,
  n: DmBlock,
  vt: DmBtreeValueType,
): Promise<void> {
  const nr = nrEntries(n);
  if (nodeFlags(n) & INTERNAL_NODE)
    await dmTmWithRuns(n.view, valueOff(n, 0), nr, (b, e) => tm.incRange(b, e));
  else if (vt.inc) await vt.inc(n.view, valueOff(n, 0), nr);
}

async function bnShadow(info: DmBtreeInfo, orig: DmBlockT, vt: DmBtreeValueType): Promise<DmBlock> {
  const { block, incChildren: inc } = await info.tm.shadowBlock(orig, btreeNodeValidator);
  if (inc) await incChildren(info.tm, block, vt);
  return block;
}

/** new_block. */
export const newBlock = (info: DmBtreeInfo): Promise<DmBlock> =>
  info.tm.newBlock(btreeNodeValidator);

/** unlock_block. */
export const unlockBlock = (info: DmBtreeInfo, b: DmBlock): void => info.tm.unlock(b);

/** struct ro_spine: at most two read locks, rolled down the tree. */
export class RoSpine {
  readonly info: DmBtreeInfo;
  nodes: DmBlock[] = [];

  constructor(info: DmBtreeInfo) {
    this.info = info;
  }

  /** exit_ro_spine. */
  exit(): void {
    for (const n of this.nodes) unlockBlock(this.info, n);
    this.nodes = [];
  }

  /** ro_step. */
  async step(child: DmBlockT): Promise<void> {
    if (this.nodes.length === 2) unlockBlock(this.info, this.nodes.shift()!);
    this.nodes.push(await bnReadLock(this.info, child));
  }

  /** ro_step on the non-blocking clone, synchronously (EAGAIN when not cached). */
  stepSync(child: DmBlockT): void {
    if (this.nodes.length === 2) unlockBlock(this.info, this.nodes.shift()!);
    this.nodes.push(this.info.tm.readLockSync(child, btreeNodeValidator));
  }

  /** ro_pop. */
  pop(): void {
    const n = this.nodes.pop();
    if (!n) throw new DmError("EINVAL", "btree spine: ro_pop on an empty spine");
    unlockBlock(this.info, n);
  }

  /** ro_node. */
  node(): DmBlock {
    const n = this.nodes[this.nodes.length - 1];
    if (!n) throw new DmError("EINVAL", "btree spine: ro_node on an empty spine");
    return n;
  }
}

/** struct shadow_spine: at most two shadowed (write locked) nodes. */
export class ShadowSpine {
  readonly info: DmBtreeInfo;
  nodes: DmBlock[] = [];
  root = 0;

  constructor(info: DmBtreeInfo) {
    this.info = info;
  }

  /** exit_shadow_spine. */
  exit(): void {
    for (const n of this.nodes) unlockBlock(this.info, n);
    this.nodes = [];
  }

  /** shadow_step. */
  async step(b: DmBlockT, vt: DmBtreeValueType): Promise<void> {
    if (this.nodes.length === 2) unlockBlock(this.info, this.nodes.shift()!);
    const n = await bnShadow(this.info, b, vt);
    if (this.nodes.length === 0) this.root = n.location;
    this.nodes.push(n);
  }

  /** shadow_current. */
  current(): DmBlock {
    const n = this.nodes[this.nodes.length - 1];
    if (!n) throw new DmError("EINVAL", "btree spine: shadow_current on an empty spine");
    return n;
  }

  /** shadow_parent (the spine must hold two nodes). */
  parent(): DmBlock {
    if (this.nodes.length !== 2) throw new DmError("EINVAL", "btree spine: no parent");
    return this.nodes[0]!;
  }

  /** shadow_has_parent. */
  hasParent(): boolean {
    return this.nodes.length >= 2;
  }
}

/** init_le64_type: values are block numbers of the transaction manager (subtrees, children). */
export function le64Type(tm: DmTransactionManager): DmBtreeValueType {
  return {
    size: 8,
    inc: (v, off, count) => dmTmWithRuns(v, off, count, (b, e) => tm.incRange(b, e)),
    dec: (v, off, count) => dmTmWithRuns(v, off, count, (b, e) => tm.decRange(b, e)),
    equal: (a, b) => a.every((x, i) => x === b[i]),
  };
}
