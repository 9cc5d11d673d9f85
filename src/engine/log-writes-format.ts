/**
 * The on-disk format of a dm-log-writes log (drivers/md/dm-log-writes.c, 6.1.192), shared by
 * the target that writes it, dmsh's `replay-log` (fstests src/log-writes/) and the page's replay
 * viewer, which reads a log straight from a disk's shared buffer.
 *
 *     byte 0                 struct log_write_super, zero-padded to one `sectorsize` block
 *     then per entry:        struct log_write_entry (+ a mark's text), zero-padded to one block
 *                            the data written: nr_sectors blocks (none for a discard or a flush)
 *
 * All numbers little-endian. `sectorsize` is the data device's logical block size in bytes;
 * entry sectors and lengths count blocks of that size, not 512-byte sectors.
 */

export const LOG_FLUSH_FLAG = 1 << 0;
export const LOG_FUA_FLAG = 1 << 1;
export const LOG_DISCARD_FLAG = 1 << 2;
export const LOG_MARK_FLAG = 1 << 3;
export const LOG_METADATA_FLAG = 1 << 4;

export const WRITE_LOG_VERSION = 1;
/** "jsfwshr" read as a little-endian u64 (0x6a736677736872). */
export const WRITE_LOG_MAGIC = 0x6a736677736872n;
export const WRITE_LOG_SUPER_SECTOR = 0;
/** sizeof(struct log_write_super): 3 x __le64 + __le32. */
export const LOG_SUPER_SIZE = 28;
/** sizeof(struct log_write_entry): 4 x __le64. */
export const LOG_ENTRY_SIZE = 32;

/** struct log_write_super: `sectorsize` bytes, the struct then zeros. */
export function encodeSuper(nrEntries: number, sectorsize: number): Uint8Array {
  const b = new Uint8Array(sectorsize);
  const v = new DataView(b.buffer);
  v.setBigUint64(0, WRITE_LOG_MAGIC, true);
  v.setBigUint64(8, BigInt(WRITE_LOG_VERSION), true);
  v.setBigUint64(16, BigInt(nrEntries), true);
  v.setUint32(24, sectorsize, true);
  return b;
}

/**
 * struct log_write_entry, then `data` (a mark's text), zero-padded to `sectorsize` bytes
 * (write_metadata). `sector` and `nrSectors` are in `sectorsize` blocks; `dataLen` is the
 * entry's data_len field.
 */
export function encodeEntry(
  sector: number,
  nrSectors: number,
  flags: number,
  dataLen: number,
  data: Uint8Array | null,
  sectorsize: number,
): Uint8Array {
  const b = new Uint8Array(sectorsize);
  const v = new DataView(b.buffer);
  v.setBigUint64(0, BigInt.asUintN(64, BigInt(sector)), true);
  v.setBigUint64(8, BigInt(nrSectors), true);
  v.setBigUint64(16, BigInt(flags), true);
  v.setBigUint64(24, BigInt(dataLen), true);
  if (data) b.set(data, LOG_ENTRY_SIZE);
  return b;
}

/** One entry of a log as replay-log walks it. */
export interface LogEntry {
  /** Entry number, from 0. */
  index: number;
  /** Byte offset of the entry's block in the log. */
  pos: number;
  /** First block written (in `sectorsize` blocks). */
  sector: number;
  /** Blocks written (or discarded). */
  nrSectors: number;
  flags: number;
  dataLen: number;
  /** The mark's text for a MARK entry, else null. */
  mark: string | null;
  /** Byte offset of the entry's data in the log (the block after the entry). */
  dataPos: number;
}

export interface LogSuper {
  magic: bigint;
  version: number;
  nrEntries: number;
  sectorsize: number;
}

/** Reads `length` bytes at byte `offset` of the log (a disk's buffer, a copy of the device). */
export type LogReader = (offset: number, length: number) => Uint8Array;

export function decodeSuper(b: Uint8Array): LogSuper {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  return {
    magic: v.getBigUint64(0, true),
    version: Number(v.getBigUint64(8, true)),
    nrEntries: Number(v.getBigUint64(16, true)),
    sectorsize: v.getUint32(24, true),
  };
}

/** The entry header at the start of `b` (at least LOG_ENTRY_SIZE + 1 bytes; a block for marks). */
export function decodeEntry(
  b: Uint8Array,
  index: number,
  pos: number,
  sectorsize: number,
): LogEntry {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const flags = Number(v.getBigUint64(16, true));
  const dataLen = Number(v.getBigUint64(24, true));
  let mark: string | null = null;
  if (flags & LOG_MARK_FLAG) {
    const end = Math.min(b.length, LOG_ENTRY_SIZE + dataLen);
    let text = b.subarray(LOG_ENTRY_SIZE, end);
    const nul = text.indexOf(0);
    if (nul >= 0) text = text.subarray(0, nul);
    mark = new TextDecoder().decode(text);
  }
  return {
    index,
    pos,
    sector: Number(v.getBigUint64(0, true)),
    nrSectors: Number(v.getBigUint64(8, true)),
    flags,
    dataLen,
    mark,
    dataPos: pos + sectorsize,
  };
}

/**
 * log_entry_valid (fstests log-writes.c): an all-zero entry, or one whose byte after the
 * header is not zero (only a mark carries text there), is malformed.
 */
export function entryValid(b: Uint8Array): boolean {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const flags = v.getBigUint64(16, true);
  const nr = v.getBigUint64(8, true);
  if (flags === 0n && nr === 0n) return false;
  if (flags !== BigInt(LOG_MARK_FLAG) && b[LOG_ENTRY_SIZE] !== 0) return false;
  return true;
}

/**
 * entry_flags_to_str (fstests log-writes.c): "FLUSH|FUA|DISCARD|MARK|METADATA", unknown bits as
 * "UNKNOWN.0x..", "NONE" for none.
 */
export function entryFlagsToStr(flags: number): string {
  const names: [number, string][] = [
    [LOG_FLUSH_FLAG, "FLUSH"],
    [LOG_FUA_FLAG, "FUA"],
    [LOG_DISCARD_FLAG, "DISCARD"],
    [LOG_MARK_FLAG, "MARK"],
    [LOG_METADATA_FLAG, "METADATA"],
  ];
  const parts: string[] = [];
  let rest = flags;
  for (const [bit, name] of names) {
    if (rest & bit) {
      parts.push(name);
      rest &= ~bit;
    }
  }
  if (rest) parts.push(`UNKNOWN.0x${rest.toString(16)}`);
  return parts.length ? parts.join("|") : "NONE";
}

/** Where a log's walk stopped when it could not go on. */
export interface LogWalkError {
  /** replay-log's text: "Magic doesn't match", "Malformed entry @N", ... */
  message: string;
}

/**
 * Read a log's super block and every entry it counts (nr_entries), as replay-log's
 * log_seek_next_entry walks them (the viewer's reading; replay-log has its own walk, with its
 * messages). Returns the entries read before any error, at most `maxEntries`.
 */
export function readLog(
  read: LogReader,
  size: number,
  maxEntries = Infinity,
): { super: LogSuper | null; entries: LogEntry[]; error: LogWalkError | null } {
  if (size < LOG_SUPER_SIZE)
    return { super: null, entries: [], error: { message: "Error reading super: 0" } };
  const sb = decodeSuper(read(0, LOG_SUPER_SIZE));
  if (sb.magic !== WRITE_LOG_MAGIC)
    return { super: null, entries: [], error: { message: "Magic doesn't match" } };
  if (sb.version !== WRITE_LOG_VERSION)
    return {
      super: null,
      entries: [],
      error: { message: `Version mismatch, wanted ${WRITE_LOG_VERSION}, have ${sb.version}` },
    };
  const ss = sb.sectorsize;
  const entries: LogEntry[] = [];
  let pos = ss;
  for (let i = 0; i < Math.min(sb.nrEntries, maxEntries); i++) {
    if (pos + ss > size)
      return { super: sb, entries, error: { message: "Error reading entry: 0" } };
    const b = read(pos, ss);
    if (!entryValid(b))
      return { super: sb, entries, error: { message: `Malformed entry @${pos / ss}` } };
    const e = decodeEntry(b, i, pos, ss);
    entries.push(e);
    pos += ss;
    if (e.nrSectors && !(e.flags & LOG_DISCARD_FLAG)) pos += e.nrSectors * ss;
  }
  return { super: sb, entries, error: null };
}
