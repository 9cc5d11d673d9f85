/**
 * What the multi-queue block layer prints when a request to a disk fails (block/blk-mq.c
 * `blk_print_req_error`, called from `blk_update_request`; block/blk-core.c `blk_errors[]` and
 * `blk_op_str`), as Debian's 6.1.192 prints it:
 *
 *     I/O error, dev loop0, sector 256 op 0x1:(WRITE) flags 0x8800 phys_seg 16 prio class 2
 *
 * Linux prints this line for request-based disks (loop, virtio, SCSI, NVMe); a bio-based one
 * such as brd or a dm device prints nothing of its own (golden 065, 600). dm-playground prints it
 * for a bio that a disk fault rule fails (diskfault.ts), on a RAM disk too: see README
 * "Differences from Linux".
 */

import type { Bio } from "./bio.ts";
import { REQ_FUA, REQ_PREFLUSH, type BioOp, type BlkStatus } from "./types.ts";

/**
 * Linux's REQ_* flag bits (include/linux/blk_types.h, 6.1: the op takes the low 8 bits), for
 * `Bio.reqFlags`: the bits of bi_opf this project does not model otherwise.
 */
export const LINUX_REQ = {
  FAILFAST_DEV: 1 << 8,
  FAILFAST_TRANSPORT: 1 << 9,
  FAILFAST_DRIVER: 1 << 10,
  SYNC: 1 << 11,
  META: 1 << 12,
  PRIO: 1 << 13,
  NOMERGE: 1 << 14,
  IDLE: 1 << 15,
  INTEGRITY: 1 << 16,
  FUA: 1 << 17,
  PREFLUSH: 1 << 18,
  RAHEAD: 1 << 19,
  BACKGROUND: 1 << 20,
} as const;

/** enum req_op (6.1): the op number the line prints in hex. */
const REQ_OP: Record<BioOp, number> = {
  READ: 0,
  WRITE: 1,
  FLUSH: 2,
  DISCARD: 3,
  WRITE_ZEROES: 9,
};

/** blk_status_to_str: blk_errors[].name. */
const STATUS_TEXT: Record<BlkStatus, string> = {
  OK: "",
  NOTSUPP: "operation not supported",
  TIMEOUT: "timeout",
  NOSPC: "critical space allocation",
  TRANSPORT: "recoverable transport",
  TARGET: "critical target",
  NEXUS: "critical nexus",
  MEDIUM: "critical medium",
  PROTECTION: "protection",
  RESOURCE: "kernel resource",
  IOERR: "I/O",
  DM_REQUEUE: "dm internal retry",
  AGAIN: "nonblocking retry",
};

/** IOPRIO_CLASS_BE: what a process's I/O carries by default (`prio class 2`). */
const IOPRIO_CLASS_BE = 2;
const PAGE_SIZE = 4096;

/**
 * The request a bio becomes at the disk, as the line describes it: an empty flush is a
 * REQ_OP_FLUSH request (blk-flush.c), the others keep their op; cmd_flags are the bio's bi_opf
 * bits (REQ_SYNC, REQ_IDLE... from `reqFlags`, FUA and PREFLUSH from `flags`); phys_seg counts
 * the pages of a page-aligned payload (0 without one).
 */
export function requestOf(bio: Bio): { op: BioOp; cmdFlags: number; physSeg: number } {
  const emptyFlush = bio.isEmptyFlush;
  let cmdFlags = bio.reqFlags;
  if (bio.flags & REQ_FUA) cmdFlags |= LINUX_REQ.FUA;
  if (bio.flags & REQ_PREFLUSH && !emptyFlush) cmdFlags |= LINUX_REQ.PREFLUSH;
  const op: BioOp = emptyFlush ? "FLUSH" : bio.op;
  const physSeg =
    bio.hasData && bio.sectors > 0 ? Math.max(1, Math.ceil(bio.bytes / PAGE_SIZE)) : 0;
  return { op, cmdFlags, physSeg };
}

/** blk_print_req_error: the line for `bio` failing with `status` on disk `diskName`. */
export function blkReqErrorLine(diskName: string, bio: Bio, status: BlkStatus): string {
  const r = requestOf(bio);
  const op = REQ_OP[r.op];
  return (
    `${STATUS_TEXT[status]} error, dev ${diskName}, sector ${r.op === "FLUSH" ? 0 : bio.sector} ` +
    `op 0x${op.toString(16)}:(${r.op}) flags 0x${r.cmdFlags.toString(16)} ` +
    `phys_seg ${r.physSeg} prio class ${IOPRIO_CLASS_BE}`
  );
}
