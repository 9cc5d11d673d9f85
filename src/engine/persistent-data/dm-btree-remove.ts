/**
 * dm-btree-remove (drivers/md/persistent-data/dm-btree-remove.c, Linux 6.1): removing keys
 * from a btree, rebalancing children on the way down (merge two nodes below 2 * (max / 3 + 1)
 * entries, rebalance three, delete a centre node) exactly as Linux does.
 *
 * Errors reject with DmError: ENODATA (key absent), EILSEQ / EINVAL for inconsistent nodes
 * (with Linux's "device-mapper: btree: ..." lines).
 */

import { DmError } from "../types.ts";
import type { DmBlock, DmBlockT } from "./dm-block-manager.ts";
import {
  btreeNodeValidator,
  type DmBtreeInfo,
  type DmBtreeValueType,
  incChildren,
  key,
  keyOff,
  LEAF_NODE,
  le64Type,
  lowerBound,
  maxEntries,
  nodeFlags,
  nrEntries,
  setKey,
  setNrEntries,
  setValue64,
  ShadowSpine,
  value64,
  valueOff,
  valueSize,
} from "./dm-btree-spine.ts";

function fail(info: DmBtreeInfo, errno: "EILSEQ" | "EINVAL", text: string): never {
  info.tm.bm.t.printk("err", `device-mapper: btree: ${text}`);
  throw new DmError(errno);
}

/** node_shift: shift entries right (shift > 0) or left (shift < 0), within the node. */
function nodeShift(n: DmBlock, shift: number): void {
  const nr = nrEntries(n);
  const vs = valueSize(n);
  const d = n.data;
  if (shift < 0) {
    shift = -shift;
    if (shift > nr) throw new DmError("EINVAL", "btree: node_shift past the entries");
    d.copyWithin(keyOff(0), keyOff(shift), keyOff(nr));
    d.copyWithin(valueOff(n, 0), valueOff(n, shift), valueOff(n, shift) + (nr - shift) * vs);
  } else {
    if (nr + shift > maxEntries(n)) throw new DmError("EINVAL", "btree: node_shift past the node");
    d.copyWithin(keyOff(shift), keyOff(0), keyOff(nr));
    d.copyWithin(valueOff(n, shift), valueOff(n, 0), valueOff(n, 0) + nr * vs);
  }
}

/** node_copy: shift < 0 copies right's first entries to left's end; > 0 left's last to right. */
function nodeCopy(info: DmBtreeInfo, left: DmBlock, right: DmBlock, shift: number): void {
  const nrLeft = nrEntries(left);
  const vs = valueSize(left);
  if (vs !== valueSize(right)) fail(info, "EILSEQ", "mismatched value size");
  if (shift < 0) {
    shift = -shift;
    if (nrLeft + shift > maxEntries(left)) fail(info, "EINVAL", "bad shift");
    left.data.set(right.data.subarray(keyOff(0), keyOff(shift)), keyOff(nrLeft));
    const ro = valueOff(right, 0);
    left.data.set(right.data.subarray(ro, ro + shift * vs), valueOff(left, nrLeft));
  } else {
    if (shift > maxEntries(right)) fail(info, "EINVAL", "bad shift");
    right.data.set(left.data.subarray(keyOff(nrLeft - shift), keyOff(nrLeft)), keyOff(0));
    const lo = valueOff(left, nrLeft - shift);
    right.data.set(left.data.subarray(lo, lo + shift * vs), valueOff(right, 0));
  }
}

/** delete_at. */
export function deleteAt(n: DmBlock, index: number): void {
  const nr = nrEntries(n);
  const nrToCopy = nr - (index + 1);
  const vs = valueSize(n);
  if (index >= nr) throw new DmError("EINVAL", "btree: delete_at past the entries");
  if (nrToCopy) {
    n.data.copyWithin(keyOff(index), keyOff(index + 1), keyOff(nr));
    const vo = valueOff(n, index + 1);
    n.data.copyWithin(valueOff(n, index), vo, vo + nrToCopy * vs);
  }
  setNrEntries(n, nr - 1);
}

const mergeThreshold = (n: DmBlock): number => Math.floor(maxEntries(n) / 3);

interface Child {
  index: number;
  block: DmBlock;
}

async function initChild(
  info: DmBtreeInfo,
  vt: DmBtreeValueType,
  parent: DmBlock,
  index: number,
): Promise<Child> {
  const root = value64(parent, index);
  const { block, incChildren: inc } = await info.tm.shadowBlock(root, btreeNodeValidator);
  if (inc) await incChildren(info.tm, block, vt);
  setValue64(parent, index, block.location);
  return { index, block };
}

const exitChild = (info: DmBtreeInfo, c: Child): void => info.tm.unlock(c.block);

/** shift: move `count` entries from left to right (count < 0: right to left). */
function shift(info: DmBtreeInfo, left: DmBlock, right: DmBlock, count: number): void {
  const nrLeft = nrEntries(left);
  const nrRight = nrEntries(right);
  const max = maxEntries(left);
  if (max !== maxEntries(right)) fail(info, "EILSEQ", "node max_entries mismatch");
  // the C compares unsigned: nr_left - count wraps when count > nr_left
  if ((nrLeft - count) >>> 0 > max) fail(info, "EINVAL", "node shift out of bounds");
  if ((nrRight + count) >>> 0 > max) fail(info, "EINVAL", "node shift out of bounds");
  if (!count) return;
  if (count > 0) {
    nodeShift(right, count);
    nodeCopy(info, left, right, count);
  } else {
    nodeCopy(info, left, right, count);
    nodeShift(right, count);
  }
  setNrEntries(left, nrLeft - count);
  setNrEntries(right, nrRight + count);
}

async function rebalance2Children(
  info: DmBtreeInfo,
  parent: DmBlock,
  l: Child,
  r: Child,
): Promise<void> {
  const left = l.block;
  const right = r.block;
  const nrLeft = nrEntries(left);
  const nrRight = nrEntries(right);
  const threshold = 2 * (mergeThreshold(left) + 1);
  if (nrLeft + nrRight < threshold) {
    // merge
    nodeCopy(info, left, right, -nrRight);
    setNrEntries(left, nrLeft + nrRight);
    deleteAt(parent, r.index);
    // dec the right block, not its children: left references them now
    await info.tm.dec(right.location);
  } else {
    const targetLeft = Math.floor((nrLeft + nrRight) / 2);
    shift(info, left, right, nrLeft - targetLeft);
    setKey(parent, r.index, key(right, 0));
  }
}

async function rebalance2(
  s: ShadowSpine,
  info: DmBtreeInfo,
  vt: DmBtreeValueType,
  leftIndex: number,
): Promise<void> {
  const parent = s.current();
  const left = await initChild(info, vt, parent, leftIndex);
  let right: Child;
  try {
    right = await initChild(info, vt, parent, leftIndex + 1);
  } catch (err) {
    exitChild(info, left);
    throw err;
  }
  try {
    await rebalance2Children(info, parent, left, right);
  } finally {
    exitChild(info, left);
    exitChild(info, right);
  }
}

async function deleteCenterNode(
  info: DmBtreeInfo,
  parent: DmBlock,
  l: Child,
  c: Child,
  r: Child,
): Promise<void> {
  const left = l.block;
  const center = c.block;
  const right = r.block;
  const nrLeft = nrEntries(left);
  const nrCenter = nrEntries(center);
  const nrRight = nrEntries(right);
  const max = maxEntries(left);
  let sh = Math.min(max - nrLeft, nrCenter);
  if (nrLeft + sh > max) fail(info, "EINVAL", "node shift out of bounds");
  nodeCopy(info, left, center, -sh);
  setNrEntries(left, nrLeft + sh);
  if (sh !== nrCenter) {
    sh = nrCenter - sh;
    if (nrRight + sh > max) fail(info, "EINVAL", "node shift out of bounds");
    nodeShift(right, sh);
    nodeCopy(info, center, right, sh);
    setNrEntries(right, nrRight + sh);
  }
  setKey(parent, r.index, key(right, 0));
  deleteAt(parent, c.index);
  r.index--;
  await info.tm.dec(center.location);
  await rebalance2Children(info, parent, l, r);
}

function redistribute3(
  info: DmBtreeInfo,
  parent: DmBlock,
  c: Child,
  r: Child,
  left: DmBlock,
  center: DmBlock,
  right: DmBlock,
): void {
  let nrLeft = nrEntries(left);
  const nrCenter = nrEntries(center);
  let nrRight = nrEntries(right);
  const total = nrLeft + nrCenter + nrRight;
  const targetRight = Math.floor(total / 3);
  const remainder = targetRight * 3 !== total ? 1 : 0;
  const targetLeft = targetRight + remainder;
  if (nrLeft < nrRight) {
    let s = nrLeft - targetLeft;
    if (s < 0 && nrCenter < -s) {
      // not enough in the central node
      shift(info, left, center, -nrCenter);
      s += nrCenter;
      shift(info, left, right, s);
      nrRight += s;
    } else shift(info, left, center, s);
    shift(info, center, right, targetRight - nrRight);
  } else {
    let s = targetRight - nrRight;
    if (s > 0 && nrCenter < s) {
      shift(info, center, right, nrCenter);
      s -= nrCenter;
      shift(info, left, right, s);
      nrLeft -= s;
    } else shift(info, center, right, s);
    shift(info, left, center, nrLeft - targetLeft);
  }
  setKey(parent, c.index, key(center, 0));
  setKey(parent, r.index, key(right, 0));
}

async function rebalance3Children(
  info: DmBtreeInfo,
  parent: DmBlock,
  l: Child,
  c: Child,
  r: Child,
): Promise<void> {
  const left = l.block;
  const center = c.block;
  const right = r.block;
  const threshold = mergeThreshold(left) * 4 + 1;
  if (maxEntries(left) !== maxEntries(center) || maxEntries(center) !== maxEntries(right))
    fail(info, "EILSEQ", "bad btree metadata, max_entries differ");
  if (nrEntries(left) + nrEntries(center) + nrEntries(right) < threshold)
    return deleteCenterNode(info, parent, l, c, r);
  redistribute3(info, parent, c, r, left, center, right);
}

async function rebalance3(
  s: ShadowSpine,
  info: DmBtreeInfo,
  vt: DmBtreeValueType,
  leftIndex: number,
): Promise<void> {
  const parent = s.current();
  const left = await initChild(info, vt, parent, leftIndex);
  let center: Child;
  try {
    center = await initChild(info, vt, parent, leftIndex + 1);
  } catch (err) {
    exitChild(info, left);
    throw err;
  }
  let right: Child;
  try {
    right = await initChild(info, vt, parent, leftIndex + 2);
  } catch (err) {
    exitChild(info, left);
    exitChild(info, center);
    throw err;
  }
  try {
    await rebalance3Children(info, parent, left, center, right);
  } finally {
    exitChild(info, left);
    exitChild(info, center);
    exitChild(info, right);
  }
}

async function rebalanceChildren(
  s: ShadowSpine,
  info: DmBtreeInfo,
  vt: DmBtreeValueType,
  k: number,
): Promise<void> {
  const n = s.current();
  if (nrEntries(n) === 1) {
    const b = value64(n, 0);
    const isShared = await info.tm.blockIsShared(b);
    const child = await info.tm.readLock(b, btreeNodeValidator);
    try {
      if (isShared) await incChildren(info.tm, child, vt);
      n.data.set(child.data.subarray(0, info.tm.bm.blockSize));
      await info.tm.dec(child.location);
    } finally {
      info.tm.unlock(child);
    }
    return;
  }
  const i = lowerBound(n, k);
  if (i < 0) throw new DmError("ENODATA");
  const hasLeft = i > 0;
  const hasRight = i < nrEntries(n) - 1;
  if (!hasLeft) await rebalance2(s, info, vt, i);
  else if (!hasRight) await rebalance2(s, info, vt, i - 1);
  else await rebalance3(s, info, vt, i - 1);
}

function doLeaf(n: DmBlock, k: number): number {
  const i = lowerBound(n, k);
  if (i < 0 || i >= nrEntries(n) || key(n, i) !== k) throw new DmError("ENODATA");
  return i;
}

/** remove_raw: down to the leaf holding `k`, rebalancing; the leaf's index of `k`. */
async function removeRaw(
  s: ShadowSpine,
  info: DmBtreeInfo,
  vt: DmBtreeValueType,
  root: DmBlockT,
  k: number,
  index: number,
): Promise<number> {
  let i = index;
  for (;;) {
    await s.step(root, vt);
    if (s.hasParent()) setValue64(s.parent(), i, s.current().location);
    let n = s.current();
    if (nodeFlags(n) & LEAF_NODE) return doLeaf(n, k);
    await rebalanceChildren(s, info, vt, k);
    n = s.current();
    if (nodeFlags(n) & LEAF_NODE) return doLeaf(n, k);
    i = lowerBound(n, k);
    root = value64(n, i);
  }
}

/** dm_btree_remove: remove `keys`; the new root. ENODATA when absent. */
export async function dmBtreeRemove(
  info: DmBtreeInfo,
  root: DmBlockT,
  keys: readonly number[],
): Promise<DmBlockT> {
  const lastLevel = info.levels - 1;
  const le64vt = le64Type(info.tm);
  const spine = new ShadowSpine(info);
  let index = 0;
  try {
    for (let level = 0; level < info.levels; level++) {
      index = await removeRaw(
        spine,
        info,
        level === lastLevel ? info.valueType : le64vt,
        root,
        keys[level]!,
        index,
      );
      const n = spine.current();
      if (level !== lastLevel) {
        root = value64(n, index);
        continue;
      }
      if (info.valueType.dec) await info.valueType.dec(n.view, valueOff(n, index), 1);
      deleteAt(n, index);
    }
    return spine.root;
  } finally {
    spine.exit();
  }
}

async function removeNearest(
  s: ShadowSpine,
  info: DmBtreeInfo,
  vt: DmBtreeValueType,
  root: DmBlockT,
  k: number,
  index: number,
): Promise<number> {
  let i = index;
  for (;;) {
    await s.step(root, vt);
    if (s.hasParent()) setValue64(s.parent(), i, s.current().location);
    let n = s.current();
    if (nodeFlags(n) & LEAF_NODE) return lowerBound(n, k);
    await rebalanceChildren(s, info, vt, k);
    n = s.current();
    if (nodeFlags(n) & LEAF_NODE) return lowerBound(n, k);
    i = lowerBound(n, k);
    root = value64(n, i);
  }
}

/**
 * remove_one: remove the first entry at or after keys[last] if it is below `endKey`; the new
 * root (even on failure, as Linux sets *new_root) and the next key to try, or ENODATA.
 */
async function removeOne(
  info: DmBtreeInfo,
  root: DmBlockT,
  keys: number[],
  endKey: number,
): Promise<{ root: DmBlockT; err: unknown }> {
  const lastLevel = info.levels - 1;
  const le64vt = le64Type(info.tm);
  const spine = new ShadowSpine(info);
  let index = 0;
  let err: unknown = null;
  try {
    for (let level = 0; level < lastLevel; level++) {
      index = await removeRaw(spine, info, le64vt, root, keys[level]!, index);
      root = value64(spine.current(), index);
    }
    index = await removeNearest(spine, info, info.valueType, root, keys[lastLevel]!, index);
    const n = spine.current();
    if (index < 0) index = 0;
    if (index >= nrEntries(n)) throw new DmError("ENODATA");
    const k = key(n, index);
    if (k >= keys[lastLevel]! && k < endKey) {
      if (info.valueType.dec) await info.valueType.dec(n.view, valueOff(n, index), 1);
      deleteAt(n, index);
      keys[lastLevel] = k + 1;
    } else throw new DmError("ENODATA");
  } catch (e) {
    err = e;
  }
  const newRoot = spine.root;
  spine.exit();
  return { root: newRoot, err };
}

/**
 * dm_btree_remove_leaves: remove the entries of the last level from `firstKeys` up to
 * `endKey` (exclusive), stopping at the first gap. The new root and how many were removed.
 */
export async function dmBtreeRemoveLeaves(
  info: DmBtreeInfo,
  root: DmBlockT,
  firstKeys: number[],
  endKey: number,
): Promise<{ root: DmBlockT; nrRemoved: number }> {
  let nrRemoved = 0;
  for (;;) {
    const r = await removeOne(info, root, firstKeys, endKey);
    root = r.root;
    if (r.err === null) {
      nrRemoved++;
      continue;
    }
    if (r.err instanceof DmError && r.err.errno === "ENODATA") break;
    throw r.err;
  }
  return { root, nrRemoved };
}
