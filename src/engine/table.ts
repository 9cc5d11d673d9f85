/**
 * The table text: the one grammar of the lines `dmsetup create/load/reload` read, one target per
 * line, as dmsetup.c's _parse_line reads them (LVM2 1.02.185) before libdevmapper's
 * dm_task_add_target. The kernel never sees this text: it gets one dm_target_spec per line,
 * which dm-table.ts builds into a table. Every reader of table text (dmsetup, the table
 * editor's check, DeviceMapper.parseTable / load / validate) goes through `parseTable`.
 *
 *     <start> <length> <type> [<params>] [# comment]
 *
 * - Leading and trailing white space (C isspace) is dropped; an empty line, or one whose first
 *   character is then `#`, is skipped.
 * - `sscanf(line, "%llu %llu %s %n")`: start and length are strtoull numbers (an optional sign;
 *   a negative value wraps modulo 2^64; past 2^64 - 1 it is 2^64 - 1), read as a prefix (`8x`
 *   reads 8 and leaves `x` for the type); the type is the next run of non-space characters.
 *   Fewer than three fields: "Invalid format on line N".
 * - The params are the rest of the line after the white space that follows the type, up to the
 *   first `#`.
 * - Lines are counted from 1 over the whole text, skipped ones included, as getline reads them
 *   (a last line without its newline counts; an empty string after the last newline does not).
 */

import { DmError, type Sector } from "./types.ts";

/** One parsed table line: "<start> <length> <type> <args...>". */
export interface TargetSpec {
  /** First sector of the target in the mapped device. */
  start: Sector;
  /** Sectors it covers. */
  length: Sector;
  /** Target type name ("linear", ...). */
  type: string;
  /** The constructor arguments as one string (dm_split_args splits it). */
  params: string;
  /** The 1-based line of the table text it came from (set by parseTable). */
  line?: number;
}

/** A line the grammar refuses: dmsetup's "Invalid format on line N of table <file>." */
export class TableFormatError extends DmError {
  /** 1-based line in the text. */
  readonly line: number;

  constructor(line: number) {
    super("EINVAL", `Invalid format on line ${line}`);
    this.name = "TableFormatError";
    this.line = line;
  }
}

/** C isspace in the "C" locale. */
function isSpace(c: string | undefined): boolean {
  return c === " " || c === "\t" || c === "\n" || c === "\v" || c === "\f" || c === "\r";
}

const ULLONG_MAX = 0xffffffffffffffffn;

/**
 * _parse_line on one line (without its newline): the spec, "skip" for a blank or comment line,
 * or null when it does not have the three fields.
 */
export function parseTableLine(raw: string): Omit<TargetSpec, "line"> | "skip" | null {
  let end = raw.length;
  while (end > 0 && isSpace(raw[end - 1])) end--;
  let pos = 0;
  while (pos < end && isSpace(raw[pos])) pos++;
  const line = raw.slice(pos, end);
  if (line === "" || line[0] === "#") return "skip";
  pos = 0;
  const ws = (): void => {
    while (pos < line.length && isSpace(line[pos])) pos++;
  };
  // %llu: strtoull, which takes a sign and wraps a negative value.
  const ull = (): bigint | null => {
    ws();
    const m = /^([+-]?)(\d+)/.exec(line.slice(pos));
    if (!m) return null;
    pos += m[0].length;
    let v = BigInt(m[2]!);
    if (v > ULLONG_MAX) v = ULLONG_MAX;
    else if (m[1] === "-") v = (ULLONG_MAX + 1n - v) & ULLONG_MAX;
    return v;
  };
  const startX = ull();
  if (startX === null) return null;
  const lengthX = ull();
  if (lengthX === null) return null;
  const start = doubleUp(startX);
  const length = doubleUp(lengthX);
  ws();
  let typeEnd = pos;
  while (typeEnd < line.length && !isSpace(line[typeEnd])) typeEnd++;
  if (typeEnd === pos) return null;
  const type = line.slice(pos, typeEnd);
  pos = typeEnd;
  ws();
  let params = line.slice(pos);
  const hash = params.indexOf("#");
  if (hash >= 0) params = params.slice(0, hash);
  return { start, length, type, params };
}

/**
 * `v` as a double, rounded up where it is not exact (past 2^53): a table end computed from the
 * doubles is then never below the real one, so dm-table.ts can refuse every table it cannot
 * map exactly instead of mapping a rounded one.
 */
function doubleUp(v: bigint): number {
  const n = Number(v);
  if (BigInt(n) >= v) return n;
  return n + 2 ** (Math.floor(Math.log2(n)) - 52);
}

/**
 * Parse a whole table text into target specs, each with its line. Throws TableFormatError
 * (EINVAL) for the first line that does not parse.
 */
export function parseTable(text: string): TargetSpec[] {
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  const specs: TargetSpec[] = [];
  for (const [i, raw] of lines.entries()) {
    const spec = parseTableLine(raw);
    if (spec === null) throw new TableFormatError(i + 1);
    if (spec !== "skip") specs.push({ ...spec, line: i + 1 });
  }
  return specs;
}
