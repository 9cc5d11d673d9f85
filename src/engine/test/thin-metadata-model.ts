/**
 * A model of dm-thin-metadata's API (src/engine/dm-thin-metadata.ts) kept in memory: the same
 * functions, errors and semantics (devices, mappings stamped with the pool's time, snapshots
 * sharing blocks, data block reference counts, transactions with commit and abort, the held
 * metadata snapshot), no on-disk bytes and no I/O. Tests swap it in with
 * `vi.mock("../dm-thin-metadata.ts", () => import("../test/thin-metadata-model.ts"))` to check
 * dm-thin's logic on its own, and property tests compare the real metadata against it.
 *
 * Metadata block counts are modelled as Linux's fresh 16 MiB pool starts (418 used of 4096)
 * plus one block per device and per 64 mappings: enough for status lines to move, not Linux's
 * numbers (those come from the real persistent-data library).
 */

import { DmError, type Sector } from "../types.ts";
import type { DmDev, Target } from "../target.ts";
import type {
  DmBlock,
  DmPoolPreCommitFn,
  DmSmThresholdFn,
  DmThinId,
  DmThinLookupResult,
  DmThinMappedRange,
} from "../dm-thin-metadata.ts";

// The constants, as dm-thin-metadata.ts has them (not re-exported: tests mock that module).
export const THIN_METADATA_BLOCK_SIZE = 8;
export const THIN_METADATA_MAX_SECTORS = 255 * ((1 << 14) - 64) * THIN_METADATA_BLOCK_SIZE;
export const THIN_METADATA_MAX_SECTORS_WARNING = 16 * ((1024 * 1024 * 1024) / 512);
export const THIN_METADATA_NEEDS_CHECK_FLAG = 1 << 0;
export type {
  DmBlock,
  DmThinId,
  DmThinLookupResult,
  DmThinMappedRange,
  DmSmThresholdFn,
  DmPoolPreCommitFn,
} from "../dm-thin-metadata.ts";

interface Mapping {
  block: number;
  time: number;
}

interface Details {
  mappings: Map<number, Mapping>;
  mappedBlocks: number;
  transactionId: bigint;
  creationTime: number;
  snapshottedTime: number;
}

interface State {
  time: number;
  transId: bigint;
  heldRoot: number;
  nrDataBlocks: number;
  refs: number[];
  devices: Map<number, Details>;
}

function cloneState(s: State): State {
  const devices = new Map<number, Details>();
  for (const [id, d] of s.devices) devices.set(id, { ...d, mappings: new Map(d.mappings) });
  return { ...s, refs: [...s.refs], devices };
}

/** Where the model keeps committed state between open and close: by metadata device. */
const onDisk = new WeakMap<object, { blockSize: number; state: State; needsCheck: boolean }>();

export class DmPoolMetadata {
  readonly t: Target<unknown>;
  readonly dev: DmDev;
  dataBlockSize: Sector;
  state: State;
  committed: State;
  readOnly = false;
  failIo = false;
  needsCheck = false;
  changed = false;
  threshold: { at: number; fn: DmSmThresholdFn } | null = null;
  preCommit: DmPoolPreCommitFn | null = null;
  readonly open = new Map<number, DmThinDevice>();
  nrMetadataBlocks: number;

  constructor(t: Target<unknown>, dev: DmDev, dataBlockSize: Sector, state: State) {
    this.t = t;
    this.dev = dev;
    this.dataBlockSize = dataBlockSize;
    this.state = state;
    this.committed = cloneState(state);
    this.nrMetadataBlocks = Math.floor(dev.bdev.sizeSectors / 8);
  }
}

export class DmThinDevice {
  readonly pmd: DmPoolMetadata;
  readonly id: DmThinId;
  openCount = 1;
  changed = false;
  abortedWithChanges = false;

  constructor(pmd: DmPoolMetadata, id: DmThinId) {
    this.pmd = pmd;
    this.id = id;
  }
}

function live(pmd: DmPoolMetadata): void {
  if (pmd.failIo) throw new DmError("EINVAL");
}

function writable(pmd: DmPoolMetadata): void {
  live(pmd);
  if (pmd.readOnly) throw new DmError("EPERM");
}

async function tick(): Promise<void> {
  await Promise.resolve();
}

export async function dmPoolMetadataOpen(
  t: Target<unknown>,
  dev: DmDev,
  dataBlockSize: Sector,
  formatDevice: boolean,
): Promise<DmPoolMetadata> {
  await tick();
  let d = onDisk.get(dev.bdev);
  if (!d) {
    if (!formatDevice) throw new DmError("EPERM");
    d = {
      blockSize: dataBlockSize,
      needsCheck: false,
      state: { time: 0, transId: 0n, heldRoot: 0, nrDataBlocks: 0, refs: [], devices: new Map() },
    };
    onDisk.set(dev.bdev, d);
  } else if (d.blockSize !== dataBlockSize) {
    t.printk(
      "err",
      `device-mapper: thin metadata: changing the data block size (from ${d.blockSize} to ${dataBlockSize}) is not supported`,
    );
    throw new DmError("EINVAL");
  }
  const pmd = new DmPoolMetadata(t, dev, dataBlockSize, cloneState(d.state));
  pmd.needsCheck = d.needsCheck;
  return pmd;
}

export async function dmPoolMetadataClose(pmd: DmPoolMetadata): Promise<void> {
  if (pmd.open.size) {
    pmd.t.printk(
      "err",
      `device-mapper: thin metadata: attempt to close pmd when ${pmd.open.size} device(s) are still open`,
    );
    throw new DmError("EBUSY");
  }
  if (!pmd.readOnly && !pmd.failIo) await dmPoolCommitMetadata(pmd);
}

export async function dmPoolCreateThin(pmd: DmPoolMetadata, dev: DmThinId): Promise<void> {
  await tick();
  writable(pmd);
  if (pmd.state.devices.has(dev)) throw new DmError("EEXIST");
  pmd.state.devices.set(dev, {
    mappings: new Map(),
    mappedBlocks: 0,
    transactionId: pmd.state.transId,
    creationTime: pmd.state.time,
    snapshottedTime: pmd.state.time,
  });
  pmd.changed = true;
}

export async function dmPoolCreateSnap(
  pmd: DmPoolMetadata,
  dev: DmThinId,
  origin: DmThinId,
): Promise<void> {
  await tick();
  writable(pmd);
  if (pmd.state.devices.has(dev)) throw new DmError("EEXIST");
  const o = pmd.state.devices.get(origin);
  if (!o) throw new DmError("ENODATA");
  // __create_snap: the pool's time moves on; both devices are snapshotted at the new time.
  pmd.state.time++;
  o.snapshottedTime = pmd.state.time;
  const td = pmd.open.get(origin);
  if (td) td.changed = true;
  for (const m of o.mappings.values()) pmd.state.refs[m.block] = (pmd.state.refs[m.block] ?? 0) + 1;
  pmd.state.devices.set(dev, {
    mappings: new Map(o.mappings),
    mappedBlocks: o.mappedBlocks,
    transactionId: pmd.state.transId,
    creationTime: pmd.state.time,
    snapshottedTime: pmd.state.time,
  });
  pmd.changed = true;
}

export async function dmPoolDeleteThinDevice(pmd: DmPoolMetadata, dev: DmThinId): Promise<void> {
  await tick();
  writable(pmd);
  const d = pmd.state.devices.get(dev);
  if (!d) throw new DmError("ENODATA");
  if (pmd.open.has(dev)) throw new DmError("EBUSY");
  for (const m of d.mappings.values()) pmd.state.refs[m.block]!--;
  pmd.state.devices.delete(dev);
  pmd.changed = true;
}

export async function dmPoolCommitMetadata(pmd: DmPoolMetadata): Promise<void> {
  await tick();
  writable(pmd);
  if (pmd.preCommit) await pmd.preCommit();
  pmd.committed = cloneState(pmd.state);
  const d = onDisk.get(pmd.dev.bdev)!;
  d.state = cloneState(pmd.state);
  pmd.changed = false;
  for (const td of pmd.open.values()) td.changed = false;
}

export async function dmPoolAbortMetadata(pmd: DmPoolMetadata): Promise<void> {
  await tick();
  pmd.state = cloneState(pmd.committed);
  for (const td of pmd.open.values()) {
    td.abortedWithChanges = td.changed;
    td.changed = false;
  }
  pmd.changed = false;
}

export async function dmPoolSetMetadataTransactionId(
  pmd: DmPoolMetadata,
  currentId: bigint,
  newId: bigint,
): Promise<void> {
  await tick();
  writable(pmd);
  if (pmd.state.transId !== currentId) {
    pmd.t.printk("err", "device-mapper: thin metadata: mismatched transaction id");
    throw new DmError("EINVAL");
  }
  pmd.state.transId = newId;
  pmd.changed = true;
}

export async function dmPoolGetMetadataTransactionId(pmd: DmPoolMetadata): Promise<bigint> {
  await tick();
  live(pmd);
  return pmd.state.transId;
}

export async function dmPoolReserveMetadataSnap(pmd: DmPoolMetadata): Promise<void> {
  await tick();
  writable(pmd);
  if (pmd.state.heldRoot) {
    pmd.t.printk(
      "warn",
      "device-mapper: thin metadata: Pool metadata snapshot already exists: release this before taking another.",
    );
    throw new DmError("EBUSY");
  }
  pmd.state.heldRoot = 36;
  pmd.changed = true;
}

export async function dmPoolReleaseMetadataSnap(pmd: DmPoolMetadata): Promise<void> {
  await tick();
  writable(pmd);
  if (!pmd.state.heldRoot) {
    pmd.t.printk(
      "warn",
      "device-mapper: thin metadata: No pool metadata snapshot found: nothing to release.",
    );
    throw new DmError("EINVAL");
  }
  pmd.state.heldRoot = 0;
  pmd.changed = true;
}

export async function dmPoolGetMetadataSnap(pmd: DmPoolMetadata): Promise<DmBlock> {
  await tick();
  live(pmd);
  return pmd.committed.heldRoot;
}

export async function dmPoolOpenThin(pmd: DmPoolMetadata, dev: DmThinId): Promise<DmThinDevice> {
  await tick();
  live(pmd);
  if (!pmd.state.devices.has(dev)) throw new DmError("ENODATA");
  const td = pmd.open.get(dev);
  if (td) {
    td.openCount++;
    return td;
  }
  const n = new DmThinDevice(pmd, dev);
  pmd.open.set(dev, n);
  return n;
}

export async function dmPoolCloseThin(td: DmThinDevice): Promise<void> {
  await tick();
  if (--td.openCount === 0) td.pmd.open.delete(td.id);
}

export function dmThinDevId(td: DmThinDevice): DmThinId {
  return td.id;
}

function lookup(td: DmThinDevice, block: DmBlock): DmThinLookupResult {
  const pmd = td.pmd;
  live(pmd);
  const d = pmd.state.devices.get(td.id);
  const m = d?.mappings.get(block);
  if (!d || !m) throw new DmError("ENODATA");
  return { block: m.block, shared: d.snapshottedTime > m.time };
}

export async function dmThinFindBlock(
  td: DmThinDevice,
  block: DmBlock,
  canIssueIo: boolean,
): Promise<DmThinLookupResult> {
  await tick();
  void canIssueIo;
  return lookup(td, block);
}

export function dmThinFindBlockNoIo(td: DmThinDevice, block: DmBlock): DmThinLookupResult {
  return lookup(td, block);
}

export async function dmThinFindMappedRange(
  td: DmThinDevice,
  begin: DmBlock,
  end: DmBlock,
): Promise<DmThinMappedRange> {
  await tick();
  let b = begin;
  let first: DmThinLookupResult | null = null;
  for (; b < end; b++) {
    try {
      first = lookup(td, b);
      break;
    } catch (e) {
      if (!(e instanceof DmError) || e.errno !== "ENODATA") throw e;
    }
  }
  if (!first) throw new DmError("ENODATA");
  let e = b + 1;
  for (; e < end; e++) {
    let r: DmThinLookupResult;
    try {
      r = lookup(td, e);
    } catch {
      break;
    }
    if (r.block !== first.block + (e - b) || r.shared !== first.shared) break;
  }
  return { thinBegin: b, thinEnd: e, poolBegin: first.block, maybeShared: first.shared };
}

export async function dmPoolAllocDataBlock(pmd: DmPoolMetadata): Promise<DmBlock> {
  await tick();
  writable(pmd);
  const s = pmd.state;
  // The space map searches from where it last allocated in this transaction; lowest free here.
  for (let b = 0; b < s.nrDataBlocks; b++)
    if (!(s.refs[b] ?? 0) && !(pmd.committed.refs[b] ?? 0)) {
      s.refs[b] = 1;
      pmd.changed = true;
      return b;
    }
  throw new DmError("ENOSPC");
}

export async function dmThinInsertBlock(
  td: DmThinDevice,
  block: DmBlock,
  dataBlock: DmBlock,
): Promise<void> {
  await tick();
  const pmd = td.pmd;
  writable(pmd);
  const d = pmd.state.devices.get(td.id);
  if (!d) throw new DmError("ENODATA");
  const old = d.mappings.get(block);
  if (old) pmd.state.refs[old.block]!--;
  else d.mappedBlocks++;
  d.mappings.set(block, { block: dataBlock, time: pmd.state.time });
  td.changed = true;
  pmd.changed = true;
}

export async function dmThinRemoveBlock(td: DmThinDevice, block: DmBlock): Promise<void> {
  await dmThinRemoveRange(td, block, block + 1);
}

export async function dmThinRemoveRange(
  td: DmThinDevice,
  begin: DmBlock,
  end: DmBlock,
): Promise<void> {
  await tick();
  const pmd = td.pmd;
  writable(pmd);
  const d = pmd.state.devices.get(td.id);
  if (!d) throw new DmError("ENODATA");
  for (const [vb, m] of [...d.mappings]) {
    if (vb < begin || vb >= end) continue;
    d.mappings.delete(vb);
    d.mappedBlocks--;
    pmd.state.refs[m.block]!--;
    td.changed = true;
  }
  pmd.changed = true;
}

export async function dmPoolBlockIsShared(pmd: DmPoolMetadata, b: DmBlock): Promise<boolean> {
  await tick();
  return (pmd.state.refs[b] ?? 0) > 1;
}

export async function dmPoolIncDataRange(
  pmd: DmPoolMetadata,
  b: DmBlock,
  e: DmBlock,
): Promise<void> {
  await tick();
  for (let i = b; i < e; i++) pmd.state.refs[i] = (pmd.state.refs[i] ?? 0) + 1;
  pmd.changed = true;
}

export async function dmPoolDecDataRange(
  pmd: DmPoolMetadata,
  b: DmBlock,
  e: DmBlock,
): Promise<void> {
  await tick();
  for (let i = b; i < e; i++) pmd.state.refs[i]!--;
  pmd.changed = true;
}

export function dmThinChangedThisTransaction(td: DmThinDevice): boolean {
  return td.changed;
}
export const dmThinChanged = dmThinChangedThisTransaction;

export function dmPoolChangedThisTransaction(pmd: DmPoolMetadata): boolean {
  return pmd.changed;
}

export function dmThinAbortedChanges(td: DmThinDevice): boolean {
  return td.abortedWithChanges;
}

export async function dmThinGetHighestMappedBlock(td: DmThinDevice): Promise<DmBlock> {
  await tick();
  const d = td.pmd.state.devices.get(td.id);
  if (!d || !d.mappings.size) throw new DmError("ENODATA");
  return Math.max(...d.mappings.keys());
}

export async function dmThinGetMappedCount(td: DmThinDevice): Promise<DmBlock> {
  await tick();
  return td.pmd.state.devices.get(td.id)?.mappedBlocks ?? 0;
}

export async function dmPoolGetFreeBlockCount(pmd: DmPoolMetadata): Promise<DmBlock> {
  await tick();
  let used = 0;
  for (let b = 0; b < pmd.state.nrDataBlocks; b++) if (pmd.state.refs[b]) used++;
  return pmd.state.nrDataBlocks - used;
}

function usedMetadataBlocks(pmd: DmPoolMetadata): number {
  let mappings = 0;
  for (const d of pmd.state.devices.values()) mappings += d.mappings.size;
  return 418 + pmd.state.devices.size + Math.ceil(mappings / 64) + (pmd.state.heldRoot ? 1 : 0);
}

export async function dmPoolGetFreeMetadataBlockCount(pmd: DmPoolMetadata): Promise<DmBlock> {
  await tick();
  return pmd.nrMetadataBlocks - usedMetadataBlocks(pmd);
}

export async function dmPoolGetMetadataDevSize(pmd: DmPoolMetadata): Promise<DmBlock> {
  await tick();
  return pmd.nrMetadataBlocks;
}

export async function dmPoolGetDataDevSize(pmd: DmPoolMetadata): Promise<DmBlock> {
  await tick();
  return pmd.state.nrDataBlocks;
}

export async function dmPoolResizeDataDev(pmd: DmPoolMetadata, newCount: DmBlock): Promise<void> {
  await tick();
  writable(pmd);
  if (newCount < pmd.state.nrDataBlocks) throw new DmError("EINVAL");
  pmd.state.nrDataBlocks = newCount;
  pmd.changed = true;
}

export async function dmPoolResizeMetadataDev(
  pmd: DmPoolMetadata,
  newCount: DmBlock,
): Promise<void> {
  await tick();
  writable(pmd);
  pmd.nrMetadataBlocks = newCount;
}

export function dmPoolMetadataSetReadOnly(pmd: DmPoolMetadata): void {
  pmd.readOnly = true;
}

export function dmPoolMetadataSetReadWrite(pmd: DmPoolMetadata): void {
  pmd.readOnly = false;
}

export function dmPoolRegisterMetadataThreshold(
  pmd: DmPoolMetadata,
  threshold: DmBlock,
  fn: DmSmThresholdFn,
): void {
  pmd.threshold = { at: threshold, fn };
}

export function dmPoolRegisterPreCommitCallback(pmd: DmPoolMetadata, fn: DmPoolPreCommitFn): void {
  pmd.preCommit = fn;
}

export async function dmPoolMetadataSetNeedsCheck(pmd: DmPoolMetadata): Promise<void> {
  await tick();
  pmd.needsCheck = true;
  const d = onDisk.get(pmd.dev.bdev);
  if (d) d.needsCheck = true;
}

export function dmPoolMetadataNeedsCheck(pmd: DmPoolMetadata): boolean {
  return pmd.needsCheck;
}

export function dmPoolIssuePrefetches(pmd: DmPoolMetadata): void {
  void pmd;
}
