/**
 * dm-btree (drivers/md/persistent-data/dm-btree.{c,h}, Linux 6.1): copy-on-write btrees of u64
 * keys in metadata blocks, possibly nested (`levels`: the value of one level is the root of a
 * tree of the next), through the transaction manager. Nodes are split and rebalanced exactly as
 * Linux does, so the same operations leave the same blocks.
 *
 * Errors reject with DmError: ENODATA (key not present), ENOMEM ("too many entries in btree
 * node for insert"), EINVAL, and what the transaction manager / block manager return.
 */

import { DmError } from "../types.ts";
import type { DmBlock, DmBlockT } from "./dm-block-manager.ts";
import {
  bnReadLock,
  type DmBtreeInfo,
  type DmBtreeValueType,
  INTERNAL_NODE,
  incChildren,
  key,
  keyOff,
  LEAF_NODE,
  le64Type,
  lowerBound,
  maxEntries,
  newBlock,
  NODE_HEADER_SIZE,
  nodeFlags,
  nrEntries,
  RoSpine,
  setKey,
  setMaxEntries,
  setNodeFlags,
  setNrEntries,
  setValue64,
  setValueSize,
  ShadowSpine,
  unlockBlock,
  upperBound,
  value64,
  valueOff,
  valueSize,
  btreeNodeValidator,
} from "./dm-btree-spine.ts";

export type { DmBtreeInfo, DmBtreeValueType } from "./dm-btree-spine.ts";

function log(info: DmBtreeInfo, text: string): void {
  info.tm.bm.t.printk("err", `device-mapper: btree: ${text}`);
}

/** calc_max_entries: 3n entries fitting a block. */
export function calcMaxEntries(valueSize: number, blockSize: number): number {
  const eltSize = 8 + valueSize;
  const total = Math.floor((blockSize - NODE_HEADER_SIZE) / eltSize);
  return 3 * Math.floor(total / 3);
}

/** insert_at: make room at `index` and write key and value there. */
function insertAt(vs: number, node: DmBlock, index: number, k: number, value: Uint8Array): void {
  const nr = nrEntries(node);
  const max = maxEntries(node);
  if (index > nr || index >= max || nr >= max) {
    // DMERR("too many entries in btree node for insert") is logged by the caller's info.
    throw new DmError("ENOMEM", "too many entries in btree node for insert");
  }
  const d = node.data;
  if (index < nr) {
    d.copyWithin(keyOff(index + 1), keyOff(index), keyOff(nr));
    d.copyWithin(valueOff(node, index + 1), valueOff(node, index), valueOff(node, nr));
  }
  setKey(node, index, k);
  d.set(value.subarray(0, vs), valueOff(node, index));
  setNrEntries(node, nr + 1);
}

function le64Bytes(v: number): Uint8Array {
  const b = new Uint8Array(8);
  const dv = new DataView(b.buffer);
  dv.setUint32(0, (v % 0x100000000) >>> 0, true);
  dv.setUint32(4, Math.floor(v / 0x100000000) >>> 0, true);
  return b;
}

/** dm_btree_empty: a new empty leaf; its block number. */
export async function dmBtreeEmpty(info: DmBtreeInfo): Promise<DmBlockT> {
  const b = await newBlock(info);
  const blockSize = info.tm.bm.blockSize;
  b.data.fill(0);
  setNodeFlags(b, LEAF_NODE);
  setNrEntries(b, 0);
  setMaxEntries(b, calcMaxEntries(info.valueType.size, blockSize));
  setValueSize(b, info.valueType.size);
  const root = b.location;
  unlockBlock(info, b);
  return root;
}

// ---- dm_btree_del --------------------------------------------------------------------------

const MAX_SPINE_DEPTH = 64;

interface Frame {
  b: DmBlock;
  level: number;
  nrChildren: number;
  currentChild: number;
}

/**
 * dm_btree_del: drop the tree's reference to its nodes; nodes no longer referenced drop their
 * children (values through value_type.dec at the last level).
 */
export async function dmBtreeDel(info: DmBtreeInfo, root: DmBlockT): Promise<void> {
  const tm = info.tm;
  const spine: Frame[] = [];
  const isInternalLevel = (f: Frame): boolean => f.level < info.levels - 1;

  const pushFrame = async (b: DmBlockT, level: number): Promise<void> => {
    if (spine.length >= MAX_SPINE_DEPTH) {
      log(info, "btree deletion stack out of memory");
      throw new DmError("ENOMEM");
    }
    const ref = await tm.ref(b);
    if (ref > 1) {
      // A shared node: drop its count and leave the children.
      await tm.dec(b);
    } else {
      const blk = await tm.readLock(b, btreeNodeValidator);
      const f: Frame = { b: blk, level, nrChildren: nrEntries(blk), currentChild: 0 };
      spine.push(f);
      if (nodeFlags(blk) & INTERNAL_NODE || isInternalLevel(f))
        for (let i = 0; i < f.nrChildren; i++) tm.bm.prefetch(value64(blk, i));
    }
  };
  const popFrame = async (): Promise<void> => {
    const f = spine.pop()!;
    await tm.dec(f.b.location);
    tm.unlock(f.b);
  };

  try {
    await pushFrame(root, 0);
    while (spine.length) {
      const f = spine[spine.length - 1]!;
      if (f.currentChild >= f.nrChildren) {
        await popFrame();
        continue;
      }
      const flags = nodeFlags(f.b);
      if (flags & INTERNAL_NODE) {
        const b = value64(f.b, f.currentChild++);
        await pushFrame(b, f.level);
      } else if (isInternalLevel(f)) {
        const b = value64(f.b, f.currentChild++);
        await pushFrame(b, f.level + 1);
      } else {
        if (info.valueType.dec) await info.valueType.dec(f.b.view, valueOff(f.b, 0), f.nrChildren);
        await popFrame();
      }
    }
  } catch (err) {
    while (spine.length) tm.unlock(spine.pop()!.b);
    throw err;
  }
}

// ---- lookup --------------------------------------------------------------------------------

type SearchFn = (n: DmBlock, k: number) => number;

/** The value found at the last step, as btree_lookup_raw copies it out. */
function leafResult(s: RoSpine, i: number): { rkey: number; value: Uint8Array } {
  const n = s.node();
  const o = valueOff(n, i);
  return { rkey: key(n, i), value: n.data.slice(o, o + valueSize(n)) };
}

async function lookupRaw(
  s: RoSpine,
  block: DmBlockT,
  k: number,
  search: SearchFn,
): Promise<{ rkey: number; value: Uint8Array }> {
  let i: number;
  let flags: number;
  do {
    await s.step(block);
    const n = s.node();
    i = search(n, k);
    flags = nodeFlags(n);
    if (i < 0 || i >= nrEntries(n)) throw new DmError("ENODATA");
    if (flags & INTERNAL_NODE) block = value64(n, i);
  } while (!(flags & LEAF_NODE));
  return leafResult(s, i);
}

function lookupRawNoIo(
  s: RoSpine,
  block: DmBlockT,
  k: number,
  search: SearchFn,
): { rkey: number; value: Uint8Array } {
  let i: number;
  let flags: number;
  do {
    s.stepSync(block);
    const n = s.node();
    i = search(n, k);
    flags = nodeFlags(n);
    if (i < 0 || i >= nrEntries(n)) throw new DmError("ENODATA");
    if (flags & INTERNAL_NODE) block = value64(n, i);
  } while (!(flags & LEAF_NODE));
  return leafResult(s, i);
}

const u64 = (v: Uint8Array): number =>
  new DataView(v.buffer, v.byteOffset, 8).getUint32(0, true) +
  new DataView(v.buffer, v.byteOffset, 8).getUint32(4, true) * 0x100000000;

/**
 * dm_btree_lookup: the value (value_type.size bytes, little-endian) of `keys` (one per level).
 * Rejects ENODATA when absent.
 */
export async function dmBtreeLookup(
  info: DmBtreeInfo,
  root: DmBlockT,
  keys: readonly number[],
): Promise<Uint8Array> {
  const spine = new RoSpine(info);
  try {
    let value: Uint8Array = new Uint8Array(0);
    for (let level = 0; level < info.levels; level++) {
      const r = await lookupRaw(spine, root, keys[level]!, lowerBound);
      if (r.rkey !== keys[level]) throw new DmError("ENODATA");
      value = r.value;
      if (level < info.levels - 1) root = u64(r.value);
    }
    return value;
  } finally {
    spine.exit();
  }
}

/**
 * dm_btree_lookup through a non-blocking transaction manager clone, synchronously: throws
 * EAGAIN (-EWOULDBLOCK) when a node is not cached, ENODATA when absent.
 */
export function dmBtreeLookupNoIo(
  info: DmBtreeInfo,
  root: DmBlockT,
  keys: readonly number[],
): Uint8Array {
  const spine = new RoSpine(info);
  try {
    let value: Uint8Array = new Uint8Array(0);
    for (let level = 0; level < info.levels; level++) {
      const r = lookupRawNoIo(spine, root, keys[level]!, lowerBound);
      if (r.rkey !== keys[level]) throw new DmError("ENODATA");
      value = r.value;
      if (level < info.levels - 1) root = u64(r.value);
    }
    return value;
  } finally {
    spine.exit();
  }
}

async function lookupNextSingle(
  info: DmBtreeInfo,
  root: DmBlockT,
  k: number,
): Promise<{ rkey: number; value: Uint8Array }> {
  const node = await bnReadLock(info, root);
  try {
    const nr = nrEntries(node);
    if (nodeFlags(node) & INTERNAL_NODE) {
      let i = lowerBound(node, k);
      // avoid an early ENODATA when all entries are higher than the key
      if (i < 0) i = 0;
      if (i >= nr) throw new DmError("ENODATA");
      try {
        return await lookupNextSingle(info, value64(node, i), k);
      } catch (err) {
        if (err instanceof DmError && err.errno === "ENODATA" && i < nr - 1)
          return await lookupNextSingle(info, value64(node, i + 1), k);
        throw err;
      }
    }
    const i = upperBound(node, k);
    if (i < 0 || i >= nr) throw new DmError("ENODATA");
    const o = valueOff(node, i);
    return { rkey: key(node, i), value: node.data.slice(o, o + info.valueType.size) };
  } finally {
    info.tm.unlock(node);
  }
}

/**
 * dm_btree_lookup_next: the first entry at or after `keys` in the last level (the levels
 * above must match exactly). Rejects ENODATA when there is none.
 */
export async function dmBtreeLookupNext(
  info: DmBtreeInfo,
  root: DmBlockT,
  keys: readonly number[],
): Promise<{ rkey: number; value: Uint8Array }> {
  const spine = new RoSpine(info);
  try {
    let level = 0;
    for (; level < info.levels - 1; level++) {
      const r = await lookupRaw(spine, root, keys[level]!, lowerBound);
      if (r.rkey !== keys[level]) throw new DmError("ENODATA");
      root = u64(r.value);
    }
    return await lookupNextSingle(info, root, keys[level]!);
  } finally {
    spine.exit();
  }
}

// ---- insert --------------------------------------------------------------------------------

function copyEntries(
  dest: DmBlock,
  destOff: number,
  src: DmBlock,
  srcOff: number,
  count: number,
): void {
  const vs = valueSize(dest);
  dest.data.set(src.data.subarray(keyOff(srcOff), keyOff(srcOff + count)), keyOff(destOff));
  const so = valueOff(src, srcOff);
  dest.data.set(src.data.subarray(so, so + count * vs), valueOff(dest, destOff));
}

function moveEntries(
  dest: DmBlock,
  destOff: number,
  src: DmBlock,
  srcOff: number,
  count: number,
): void {
  // dest and src are the same node here (shift_up / shift_down)
  const vs = valueSize(dest);
  dest.data.copyWithin(keyOff(destOff), keyOff(srcOff), keyOff(srcOff + count));
  const so = valueOff(src, srcOff);
  dest.data.copyWithin(valueOff(dest, destOff), so, so + count * vs);
}

const shiftDown = (n: DmBlock, count: number): void =>
  moveEntries(n, 0, n, count, nrEntries(n) - count);
const shiftUp = (n: DmBlock, count: number): void => moveEntries(n, count, n, 0, nrEntries(n));

function redistribute2(left: DmBlock, right: DmBlock): void {
  const nrLeft = nrEntries(left);
  const nrRight = nrEntries(right);
  const total = nrLeft + nrRight;
  const targetLeft = Math.floor(total / 2);
  const targetRight = total - targetLeft;
  if (nrLeft < targetLeft) {
    const delta = targetLeft - nrLeft;
    copyEntries(left, nrLeft, right, 0, delta);
    shiftDown(right, delta);
  } else if (nrLeft > targetLeft) {
    const delta = nrLeft - targetLeft;
    if (nrRight) shiftUp(right, delta);
    copyEntries(right, 0, left, targetLeft, delta);
  }
  setNrEntries(left, targetLeft);
  setNrEntries(right, targetRight);
}

function redistribute3(left: DmBlock, center: DmBlock, right: DmBlock): void {
  const nrLeft = nrEntries(left);
  const nrRight = nrEntries(right);
  const total = nrLeft + nrRight;
  const targetLeft = Math.floor(total / 3);
  const targetCenter = Math.floor((total - targetLeft) / 2);
  const targetRight = total - targetLeft - targetCenter;
  if (nrLeft < targetLeft) {
    const leftShort = targetLeft - nrLeft;
    copyEntries(left, nrLeft, right, 0, leftShort);
    copyEntries(center, 0, right, leftShort, targetCenter);
    shiftDown(right, nrRight - targetRight);
  } else if (nrLeft < targetLeft + targetCenter) {
    const leftToCenter = nrLeft - targetLeft;
    copyEntries(center, 0, left, targetLeft, leftToCenter);
    copyEntries(center, leftToCenter, right, 0, targetCenter - leftToCenter);
    shiftDown(right, nrRight - targetRight);
  } else {
    const rightShort = targetRight - nrRight;
    shiftUp(right, rightShort);
    copyEntries(right, 0, left, nrLeft - rightShort, rightShort);
    copyEntries(center, 0, left, targetLeft, nrLeft - targetLeft);
  }
  setNrEntries(left, targetLeft);
  setNrEntries(center, targetCenter);
  setNrEntries(right, targetRight);
}

function copyHeader(dst: DmBlock, src: DmBlock): void {
  setNodeFlags(dst, nodeFlags(src));
  setNrEntries(dst, 0);
  setMaxEntries(dst, maxEntries(src));
  setValueSize(dst, valueSize(src));
}

async function splitOneIntoTwo(s: ShadowSpine, parentIndex: number, k: number): Promise<void> {
  const left = s.current();
  const right = await newBlock(s.info);
  copyHeader(right, left);
  redistribute2(left, right);
  const parent = s.parent();
  try {
    insertAt(8, parent, parentIndex + 1, key(right, 0), le64Bytes(right.location));
  } catch (err) {
    unlockBlock(s.info, right);
    throw err;
  }
  if (k < key(right, 0)) {
    unlockBlock(s.info, right);
    s.nodes[1] = left;
  } else {
    unlockBlock(s.info, left);
    s.nodes[1] = right;
  }
}

/** shadow_child: shadow child `index` of `parent` and point the parent at the shadow. */
export async function shadowChild(
  info: DmBtreeInfo,
  vt: DmBtreeValueType,
  parent: DmBlock,
  index: number,
): Promise<DmBlock> {
  const root = value64(parent, index);
  const { block, incChildren: inc } = await info.tm.shadowBlock(root, btreeNodeValidator);
  if (inc) await incChildren(info.tm, block, vt);
  setValue64(parent, index, block.location);
  return block;
}

async function splitTwoIntoThree(
  s: ShadowSpine,
  parentIndex: number,
  vt: DmBtreeValueType,
  k: number,
): Promise<void> {
  const parent = s.parent();
  let middleIndex: number;
  let left: DmBlock;
  let right: DmBlock;
  if (parentIndex === 0) {
    middleIndex = 1;
    left = s.current();
    right = await shadowChild(s.info, vt, parent, parentIndex + 1);
  } else {
    middleIndex = parentIndex;
    right = s.current();
    left = await shadowChild(s.info, vt, parent, parentIndex - 1);
  }
  const middle = await newBlock(s.info);
  copyHeader(middle, left);
  redistribute3(left, middle, right);
  // patch up the parent
  setKey(parent, middleIndex, key(right, 0));
  try {
    insertAt(8, parent, middleIndex, key(middle, 0), le64Bytes(middle.location));
  } catch (err) {
    if (s.current() !== left) unlockBlock(s.info, left);
    unlockBlock(s.info, middle);
    if (s.current() !== right) unlockBlock(s.info, right);
    throw err;
  }
  if (k < key(middle, 0)) {
    unlockBlock(s.info, middle);
    unlockBlock(s.info, right);
    s.nodes[1] = left;
  } else if (k < key(right, 0)) {
    unlockBlock(s.info, left);
    unlockBlock(s.info, right);
    s.nodes[1] = middle;
  } else {
    unlockBlock(s.info, left);
    unlockBlock(s.info, middle);
    s.nodes[1] = right;
  }
}

async function btreeSplitBeneath(s: ShadowSpine): Promise<void> {
  const pn = s.current();
  const size = nodeFlags(pn) & INTERNAL_NODE ? 8 : s.info.valueType.size;
  const nrAll = nrEntries(pn);

  const ln = await newBlock(s.info);
  const nrLeft = Math.floor(nrAll / 2);
  setNodeFlags(ln, nodeFlags(pn));
  setNrEntries(ln, nrLeft);
  setMaxEntries(ln, maxEntries(pn));
  setValueSize(ln, valueSize(pn));
  ln.data.set(pn.data.subarray(keyOff(0), keyOff(nrLeft)), keyOff(0));
  ln.data.set(pn.data.subarray(valueOff(pn, 0), valueOff(pn, 0) + nrLeft * size), valueOff(ln, 0));

  let rn: DmBlock;
  try {
    rn = await newBlock(s.info);
  } catch (err) {
    unlockBlock(s.info, ln);
    throw err;
  }
  const nrRight = nrAll - nrLeft;
  setNodeFlags(rn, nodeFlags(pn));
  setNrEntries(rn, nrRight);
  setMaxEntries(rn, maxEntries(pn));
  setValueSize(rn, valueSize(pn));
  rn.data.set(pn.data.subarray(keyOff(nrLeft), keyOff(nrAll)), keyOff(0));
  const vo = valueOff(pn, nrLeft);
  rn.data.set(pn.data.subarray(vo, vo + nrRight * size), valueOff(rn, 0));

  // new_parent should just point to l and r now
  setNodeFlags(pn, INTERNAL_NODE);
  setNrEntries(pn, 2);
  setMaxEntries(pn, calcMaxEntries(8, s.info.tm.bm.blockSize));
  setValueSize(pn, 8);
  setKey(pn, 0, key(ln, 0));
  setValue64(pn, 0, ln.location);
  setKey(pn, 1, key(rn, 0));
  setValue64(pn, 1, rn.location);

  unlockBlock(s.info, ln);
  unlockBlock(s.info, rn);
}

async function rebalanceLeft(
  s: ShadowSpine,
  vt: DmBtreeValueType,
  parentIndex: number,
  k: number,
): Promise<void> {
  const parent = s.parent();
  const sib = await shadowChild(s.info, vt, parent, parentIndex - 1);
  const right = s.current();
  redistribute2(sib, right);
  setKey(parent, parentIndex, key(right, 0));
  if (k < key(right, 0)) {
    unlockBlock(s.info, s.nodes[1]!);
    s.nodes[1] = sib;
  } else unlockBlock(s.info, sib);
}

async function rebalanceRight(
  s: ShadowSpine,
  vt: DmBtreeValueType,
  parentIndex: number,
  k: number,
): Promise<void> {
  const parent = s.parent();
  const sib = await shadowChild(s.info, vt, parent, parentIndex + 1);
  const left = s.current();
  redistribute2(left, sib);
  setKey(parent, parentIndex + 1, key(sib, 0));
  if (k < key(sib, 0)) unlockBlock(s.info, sib);
  else {
    unlockBlock(s.info, s.nodes[1]!);
    s.nodes[1] = sib;
  }
}

async function getNodeFreeSpace(info: DmBtreeInfo, b: DmBlockT): Promise<number> {
  const blk = await bnReadLock(info, b);
  const space = maxEntries(blk) - nrEntries(blk);
  unlockBlock(info, blk);
  return space;
}

const SPACE_THRESHOLD = 8;

async function rebalanceOrSplit(
  s: ShadowSpine,
  vt: DmBtreeValueType,
  parentIndex: number,
  k: number,
): Promise<void> {
  const parent = s.parent();
  const nrParent = nrEntries(parent);
  let leftShared = false;
  let rightShared = false;
  if (parentIndex > 0) {
    const leftB = value64(parent, parentIndex - 1);
    leftShared = await s.info.tm.blockIsShared(leftB);
    if (!leftShared) {
      const free = await getNodeFreeSpace(s.info, leftB);
      if (free >= SPACE_THRESHOLD) return rebalanceLeft(s, vt, parentIndex, k);
    }
  }
  if (parentIndex < nrParent - 1) {
    const rightB = value64(parent, parentIndex + 1);
    rightShared = await s.info.tm.blockIsShared(rightB);
    if (!rightShared) {
      const free = await getNodeFreeSpace(s.info, rightB);
      if (free >= SPACE_THRESHOLD) return rebalanceRight(s, vt, parentIndex, k);
    }
  }
  if (
    leftShared ||
    rightShared ||
    nrParent <= 2 ||
    parentIndex === 0 ||
    parentIndex + 1 === nrParent
  )
    return splitOneIntoTwo(s, parentIndex, k);
  return splitTwoIntoThree(s, parentIndex, vt, k);
}

function containsKey(node: DmBlock, k: number): boolean {
  const i = lowerBound(node, k);
  return i >= 0 && key(node, i) === k;
}

function hasSpaceForInsert(node: DmBlock, k: number): boolean {
  if (nrEntries(node) === maxEntries(node)) {
    if (nodeFlags(node) & LEAF_NODE) return containsKey(node, k);
    return false;
  }
  return true;
}

async function btreeInsertRaw(
  s: ShadowSpine,
  root: DmBlockT,
  vt: DmBtreeValueType,
  k: number,
  index: number,
): Promise<number> {
  let i = index;
  let top = true;
  let node: DmBlock;
  for (;;) {
    await s.step(root, vt);
    if (s.hasParent() && i >= 0) setValue64(s.parent(), i, s.current().location);
    node = s.current();
    if (!hasSpaceForInsert(node, k)) {
      if (top) await btreeSplitBeneath(s);
      else await rebalanceOrSplit(s, vt, i, k);
      node = s.current();
    }
    i = lowerBound(node, k);
    if (nodeFlags(node) & LEAF_NODE) break;
    if (i < 0) {
      // change the bounds on the lowest key
      setKey(node, 0, k);
      i = 0;
    }
    root = value64(node, i);
    top = false;
  }
  if (i < 0 || key(node, i) !== k) i++;
  return i;
}

function needInsert(node: DmBlock, k: number, index: number): boolean {
  return index >= nrEntries(node) || key(node, index) !== k;
}

/**
 * dm_btree_insert_notify: set `keys` (one per level) to `value` (value_type.size bytes); the
 * new root and whether the key was new. Overwriting a different value decs the old one.
 */
export async function dmBtreeInsertNotify(
  info: DmBtreeInfo,
  root: DmBlockT,
  keys: readonly number[],
  value: Uint8Array,
): Promise<{ root: DmBlockT; inserted: boolean }> {
  const le64vt = le64Type(info.tm);
  const spine = new ShadowSpine(info);
  let index = -1;
  let block = root;
  try {
    let level = 0;
    for (; level < info.levels - 1; level++) {
      index = await btreeInsertRaw(spine, block, le64vt, keys[level]!, index);
      const n = spine.current();
      if (needInsert(n, keys[level]!, index)) {
        const newTree = await dmBtreeEmpty(info);
        insertAt(8, n, index, keys[level]!, le64Bytes(newTree));
      }
      block = value64(n, index);
    }
    index = await btreeInsertRaw(spine, block, info.valueType, keys[level]!, index);
    const n = spine.current();
    let inserted: boolean;
    if (needInsert(n, keys[level]!, index)) {
      inserted = true;
      insertAt(info.valueType.size, n, index, keys[level]!, value);
    } else {
      inserted = false;
      const vo = valueOff(n, index);
      const old = n.data.subarray(vo, vo + info.valueType.size);
      if (info.valueType.dec && (!info.valueType.equal || !info.valueType.equal(old, value)))
        await info.valueType.dec(n.view, vo, 1);
      n.data.set(value.subarray(0, info.valueType.size), vo);
    }
    return { root: spine.root, inserted };
  } finally {
    spine.exit();
  }
}

/** dm_btree_insert: as dmBtreeInsertNotify; the new root. */
export async function dmBtreeInsert(
  info: DmBtreeInfo,
  root: DmBlockT,
  keys: readonly number[],
  value: Uint8Array,
): Promise<DmBlockT> {
  return (await dmBtreeInsertNotify(info, root, keys, value)).root;
}

// ---- find lowest / highest key -------------------------------------------------------------

async function findKey(
  s: RoSpine,
  block: DmBlockT,
  findHighest: boolean,
  wantNext: boolean,
): Promise<{ key: number; next: DmBlockT } | null> {
  let flags: number;
  let resultKey = 0;
  do {
    await s.step(block);
    const n = s.node();
    flags = nodeFlags(n);
    let i = nrEntries(n);
    if (!i) return null;
    i--;
    resultKey = findHighest ? key(n, i) : key(n, 0);
    if (wantNext || flags & INTERNAL_NODE) block = findHighest ? value64(n, i) : value64(n, 0);
  } while (flags & INTERNAL_NODE);
  return { key: resultKey, next: block };
}

async function dmBtreeFindKey(
  info: DmBtreeInfo,
  root: DmBlockT,
  findHighest: boolean,
): Promise<number[]> {
  const spine = new RoSpine(info);
  const keys: number[] = [];
  try {
    for (let level = 0; level < info.levels; level++) {
      const r = await findKey(spine, root, findHighest, level !== info.levels - 1);
      if (!r) break;
      keys.push(r.key);
      root = r.next;
    }
    return keys;
  } finally {
    spine.exit();
  }
}

/**
 * dm_btree_find_highest_key: the highest key of each level found (Linux returns their count:
 * an empty array means the tree is empty).
 */
export const dmBtreeFindHighestKey = (info: DmBtreeInfo, root: DmBlockT): Promise<number[]> =>
  dmBtreeFindKey(info, root, true);

/** dm_btree_find_lowest_key. */
export const dmBtreeFindLowestKey = (info: DmBtreeInfo, root: DmBlockT): Promise<number[]> =>
  dmBtreeFindKey(info, root, false);

// ---- walk ----------------------------------------------------------------------------------

/**
 * dm_btree_walk (single-level trees): `fn(key, value bytes)` for each entry in key order; a
 * rejection of `fn` stops the walk.
 */
export async function dmBtreeWalk(
  info: DmBtreeInfo,
  root: DmBlockT,
  fn: (key: number, value: Uint8Array) => Promise<void> | void,
): Promise<void> {
  if (info.levels > 1) throw new DmError("EINVAL", "dm_btree_walk: only single-level trees");
  const walkNode = async (block: DmBlockT): Promise<void> => {
    const n = await bnReadLock(info, block);
    try {
      const nr = nrEntries(n);
      for (let i = 0; i < nr; i++) {
        if (nodeFlags(n) & INTERNAL_NODE) await walkNode(value64(n, i));
        else {
          const o = valueOff(n, i);
          await fn(key(n, i), n.data.slice(o, o + valueSize(n)));
        }
      }
    } finally {
      info.tm.unlock(n);
    }
  };
  await walkNode(root);
}

// ---- btree_get_overwrite_leaf (dm-btree-internal.h) ----------------------------------------

/**
 * btree_get_overwrite_leaf: a shadowed, write locked leaf holding `k` (single-level trees),
 * for overwriting a value in place; the new root. EINVAL when the key is absent. The caller
 * unlocks the leaf.
 */
export async function btreeGetOverwriteLeaf(
  info: DmBtreeInfo,
  root: DmBlockT,
  k: number,
): Promise<{ index: number; root: DmBlockT; leaf: DmBlock }> {
  if (info.levels > 1) throw new DmError("EINVAL", "btree_get_overwrite_leaf: single level only");
  const s = new ShadowSpine(info);
  let i = -1;
  try {
    for (;;) {
      await s.step(root, info.valueType);
      if (s.hasParent() && i >= 0) setValue64(s.parent(), i, s.current().location);
      const node = s.current();
      i = lowerBound(node, k);
      if (i < 0 || i >= nrEntries(node))
        throw new DmError("EINVAL", "btree_get_overwrite_leaf: key out of the node");
      if (nodeFlags(node) & LEAF_NODE) {
        if (k !== key(node, i)) throw new DmError("EINVAL");
        break;
      }
      root = value64(node, i);
    }
    const leaf = s.nodes.pop()!;
    return { index: i, root: s.root, leaf };
  } finally {
    s.exit();
  }
}
