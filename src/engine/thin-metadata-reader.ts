/**
 * A read-only reader of thin-pool metadata as it lies on the metadata device, for the tools
 * (thin_dump, thin_ls, thin_check: thin-provisioning-tools 0.9) and for the page's pool view,
 * which read the device's bytes without opening the pool. Synchronous: it is handed a function
 * returning one 4096-byte metadata block (a device's bytes, the shared disk buffers), and it
 * does what thin-provisioning-tools' `metadata` does in read-only mode: the superblock
 * (thin_disk_superblock), the device details btree (dev id -> disk_device_details) and the
 * two-level mapping btree (dev id -> (virtual block -> data block << 24 | time)), with each
 * block's checksum (dm_bm_checksum: crc32c with the kernel's per-kind xor) checked as it is read.
 *
 * Layout (drivers/md/dm-thin-metadata.c, persistent-data/dm-btree-internal.h): a btree node is
 * a 32-byte header (csum, flags 1 internal / 2 leaf, blocknr, nr_entries, max_entries,
 * value_size), max_entries 64-bit keys, then the values (internal nodes: 64-bit child block
 * numbers). Numbers up to 2^53 are exact here.
 */

import { dmBmChecksum } from "./persistent-data/dm-block-manager.ts";

export const THIN_METADATA_BLOCK_BYTES = 4096;
/** THIN_SUPERBLOCK_MAGIC. */
export const THIN_SUPERBLOCK_MAGIC = 27022010;
/** Checksum xors: SUPERBLOCK_CSUM_XOR, BTREE_CSUM_XOR (dm-thin-metadata.c, dm-btree-spine.c). */
const SUPERBLOCK_CSUM_XOR = 160774;
const BTREE_CSUM_XOR = 121107;

const INTERNAL_NODE = 1;
const LEAF_NODE = 2;

/** A metadata block could not be used: what thin-provisioning-tools would say about it. */
export class ThinMetadataError extends Error {
  constructor(
    readonly block: number,
    message: string,
  ) {
    super(message);
    this.name = "ThinMetadataError";
  }
}

/** One 4096-byte metadata block, by number. */
export type ReadMetadataBlock = (block: number) => Uint8Array;

function le32(b: Uint8Array, off: number): number {
  return (b[off]! | (b[off + 1]! << 8) | (b[off + 2]! << 16)) + b[off + 3]! * 0x1000000;
}

function le64(b: Uint8Array, off: number): number {
  return le32(b, off) + le32(b, off + 4) * 0x100000000;
}

function le64Big(b: Uint8Array, off: number): bigint {
  return BigInt(le32(b, off)) | (BigInt(le32(b, off + 4)) << 32n);
}

/** The block's checksum as the kernel computes it (dm_bm_checksum over bytes 4..end). */
function blockCsum(b: Uint8Array, xor: number, end = THIN_METADATA_BLOCK_BYTES): number {
  return dmBmChecksum(b, 4, end, xor);
}

/** struct disk_sm_root. */
export interface SmRoot {
  nrBlocks: number;
  nrAllocated: number;
  bitmapRoot: number;
  refCountRoot: number;
}

function smRoot(b: Uint8Array, off: number): SmRoot {
  return {
    nrBlocks: le64(b, off),
    nrAllocated: le64(b, off + 8),
    bitmapRoot: le64(b, off + 16),
    refCountRoot: le64(b, off + 24),
  };
}

/** struct thin_disk_superblock. */
export interface ThinSuperblock {
  csum: number;
  flags: number;
  blocknr: number;
  uuid: Uint8Array;
  magic: number;
  version: number;
  time: number;
  transId: bigint;
  heldRoot: number;
  dataSm: SmRoot;
  metadataSm: SmRoot;
  dataMappingRoot: number;
  deviceDetailsRoot: number;
  dataBlockSize: number;
  metadataBlockSize: number;
  metadataNrBlocks: number;
  compatFlags: number;
  compatRoFlags: number;
  incompatFlags: number;
  /** The checksum matches the block. */
  csumOk: boolean;
  /** The checksum the block's bytes have (what the tools say they "wanted"). */
  expectedCsum: number;
}

/** Decode a superblock (block 0, or a held metadata snapshot's copy). */
export function decodeSuperblock(b: Uint8Array): ThinSuperblock {
  return {
    csum: le32(b, 0),
    flags: le32(b, 4),
    blocknr: le64(b, 8),
    uuid: b.slice(16, 32),
    magic: le64(b, 32),
    version: le32(b, 40),
    time: le32(b, 44),
    transId: le64Big(b, 48),
    heldRoot: le64(b, 56),
    dataSm: smRoot(b, 64),
    metadataSm: smRoot(b, 192),
    dataMappingRoot: le64(b, 320),
    deviceDetailsRoot: le64(b, 328),
    dataBlockSize: le32(b, 336),
    metadataBlockSize: le32(b, 340),
    metadataNrBlocks: le64(b, 344),
    compatFlags: le32(b, 352),
    compatRoFlags: le32(b, 356),
    incompatFlags: le32(b, 360),
    csumOk: blockCsum(b, SUPERBLOCK_CSUM_XOR, THIN_METADATA_BLOCK_BYTES) === le32(b, 0),
    expectedCsum: blockCsum(b, SUPERBLOCK_CSUM_XOR, THIN_METADATA_BLOCK_BYTES),
  };
}

/** A btree node as read (keys and raw values). */
export interface BtreeNode {
  block: number;
  leaf: boolean;
  nrEntries: number;
  maxEntries: number;
  valueSize: number;
  keys: number[];
  /** Internal nodes: the children's block numbers. */
  children: number[];
  /** Byte offset of value i in the block: valueOffset + i * valueSize. */
  valueOffset: number;
  data: Uint8Array;
}

/** Read and check one btree node (its checksum, blocknr and flags). */
export function readNode(read: ReadMetadataBlock, block: number): BtreeNode {
  const data = read(block);
  if (blockCsum(data, BTREE_CSUM_XOR) !== le32(data, 0))
    throw new ThinMetadataError(block, `node ${block}: bad checksum`);
  if (le64(data, 8) !== block)
    throw new ThinMetadataError(block, `node ${block}: blocknr mismatch: actual ${le64(data, 8)}`);
  const flags = le32(data, 4);
  if (!(flags & (INTERNAL_NODE | LEAF_NODE)))
    throw new ThinMetadataError(block, `node ${block}: bad flags ${flags}`);
  const nrEntries = le32(data, 16);
  const maxEntries = le32(data, 20);
  const valueSize = le32(data, 24);
  if (nrEntries > maxEntries || 32 + maxEntries * (8 + valueSize) > THIN_METADATA_BLOCK_BYTES)
    throw new ThinMetadataError(block, `node ${block}: bad nr_entries ${nrEntries}`);
  const keys: number[] = [];
  for (let i = 0; i < nrEntries; i++) keys.push(le64(data, 32 + 8 * i));
  const valueOffset = 32 + 8 * maxEntries;
  const leaf = (flags & LEAF_NODE) !== 0;
  const children: number[] = [];
  if (!leaf) for (let i = 0; i < nrEntries; i++) children.push(le64(data, valueOffset + 8 * i));
  return { block, leaf, nrEntries, maxEntries, valueSize, keys, children, valueOffset, data };
}

/** Visit every leaf entry of the btree at `root` in key order: (key, node, index). */
export function walkBtree(
  read: ReadMetadataBlock,
  root: number,
  visit: (key: number, node: BtreeNode, i: number) => void,
  onNode?: (node: BtreeNode, depth: number) => void,
  depth = 0,
): void {
  const n = readNode(read, root);
  onNode?.(n, depth);
  if (n.leaf) {
    for (let i = 0; i < n.nrEntries; i++) visit(n.keys[i]!, n, i);
    return;
  }
  for (const c of n.children) walkBtree(read, c, visit, onNode, depth + 1);
}

/** A 64-bit value of a leaf. */
export function leafValue64(n: BtreeNode, i: number): number {
  return le64(n.data, n.valueOffset + i * n.valueSize);
}

/** struct disk_device_details. */
export interface ThinDeviceDetails {
  devId: number;
  mappedBlocks: number;
  transactionId: bigint;
  creationTime: number;
  snapshottedTime: number;
}

/** The device details tree, in device id order. */
export function readDeviceDetails(
  read: ReadMetadataBlock,
  sb: ThinSuperblock,
): ThinDeviceDetails[] {
  const out: ThinDeviceDetails[] = [];
  walkBtree(read, sb.deviceDetailsRoot, (key, n, i) => {
    const o = n.valueOffset + i * n.valueSize;
    out.push({
      devId: key,
      mappedBlocks: le64(n.data, o),
      transactionId: le64Big(n.data, o + 8),
      creationTime: le32(n.data, o + 16),
      snapshottedTime: le32(n.data, o + 20),
    });
  });
  return out;
}

/** The top level of the mapping tree: device id -> the root of its mapping btree. */
export function readDeviceRoots(read: ReadMetadataBlock, sb: ThinSuperblock): Map<number, number> {
  const out = new Map<number, number>();
  walkBtree(read, sb.dataMappingRoot, (key, n, i) => out.set(key, leafValue64(n, i)));
  return out;
}

/** One mapping: virtual block -> data block, with the pool time it was made at. */
export interface ThinMapping {
  virt: number;
  data: number;
  time: number;
}

/** A device's mappings, in virtual block order. */
export function readMappings(read: ReadMetadataBlock, root: number): ThinMapping[] {
  const out: ThinMapping[] = [];
  walkBtree(read, root, (key, n, i) => {
    const o = n.valueOffset + i * n.valueSize;
    const lo = le32(n.data, o);
    const hi = le32(n.data, o + 4);
    // block_time: data block << 24 | time (24 bits).
    out.push({ virt: key, data: Math.floor(lo / 0x1000000) + hi * 0x100, time: lo & 0xffffff });
  });
  return out;
}
