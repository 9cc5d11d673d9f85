/**
 * The table text: the grammar of the lines `dmsetup create/load/reload` read, one target per
 * line, "<start> <length> <type> <args...>" (libdevmapper's dm_task_add_target after
 * dmsetup.c's _parse_line). The kernel never sees this text: it gets one dm_target_spec per
 * line, which dm-table.ts builds into a table.
 */

import { DmError, type Sector } from "./types.ts";

/** One parsed table line: "<start> <length> <type> <args...>". */
export interface TargetSpec {
  start: Sector;
  length: Sector;
  type: string;
  params: string;
}

/** Parse a table text ("start len type args" per line) as dmsetup does into target specs. */
export function parseTable(text: string): TargetSpec[] {
  const specs: TargetSpec[] = [];
  for (const raw of text.split("\n")) {
    const line = raw.replace(/#.*$/, "").trim();
    if (!line) continue;
    const m = /^(\S+)\s+(\S+)\s+(\S+)\s*(.*)$/.exec(line);
    if (!m) throw new DmError("EINVAL", `Invalid format on line`);
    const start = strtoull(m[1]!);
    const length = strtoull(m[2]!);
    if (start === null || length === null) throw new DmError("EINVAL", "Invalid format on line");
    specs.push({ start, length, type: m[3]!, params: m[4] ?? "" });
  }
  return specs;
}

/** C strtoull as dmsetup uses it: optional sign, digits, negative values wrap modulo 2^64. */
export function strtoull(s: string): number | null {
  const m = /^\s*([+-]?)(\d+)$/.exec(s);
  if (!m) return null;
  let v = BigInt(m[2]!);
  if (v > 0xffffffffffffffffn) v = 0xffffffffffffffffn;
  if (m[1] === "-") v = (0x10000000000000000n - v) & 0xffffffffffffffffn;
  return Number(v);
}
