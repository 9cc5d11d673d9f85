/**
 * thin_dump, thin_check and thin_ls: thin-provisioning-tools 0.9 (the kernel tool's), reading a
 * thin-pool's metadata device (src/engine/thin-metadata-reader.ts) with O_DIRECT reads, so their
 * reads are bios like any process's.
 *
 *     thin_dump [-m [block]] [-f xml] DEV      the metadata as XML (-m: the held metadata snapshot)
 *     thin_check DEV                           examine the superblock, devices and mappings
 *     thin_ls [-m] DEV                         one line per thin device
 *
 * As Linux's tools open the device O_EXCL, they cannot run on the metadata of a live pool
 * ("syscall 'open' failed: Device or resource busy"); thin_dump -m and thin_ls -m read it
 * shared. Outputs and errors are the tools' own (golden 579).
 */

import type { BlockDevice } from "../../engine/blockdev.ts";
import {
  THIN_METADATA_BLOCK_BYTES,
  ThinMetadataError,
  decodeSuperblock,
  readDeviceDetails,
  readDeviceRoots,
  readMappings,
  walkBtree,
  type ReadMetadataBlock,
  type ThinMapping,
  type ThinSuperblock,
} from "../../engine/thin-metadata-reader.ts";
import { BlockFile } from "../blockio.ts";
import type { DmShell } from "../index.ts";
import { command, type Io } from "./command.ts";

const THIN_DUMP_USAGE = `Usage: thin_dump [options] {device|file}
Options:
  {-h|--help}
  {-f|--format} {xml|human_readable|custom}
  {-r|--repair}
  {-m|--metadata-snap} [block#]
  {-o <xml file>}
  {--dev-id} <dev-id>
  {--skip-mappings}
  {-V|--version}
`;

const LIVE =
  "syscall 'open' failed: Device or resource busy\nNote: you cannot run this tool with these options on live metadata.\n";

/** A block the synchronous reader needs and has not been read yet. */
class NeedBlock {
  constructor(readonly block: number) {}
}

/** The metadata device, read block by block with O_DIRECT as the walks ask for blocks. */
class MetadataDevice {
  readonly #file: BlockFile;
  readonly #cache = new Map<number, Uint8Array>();

  constructor(shell: DmShell, bdev: BlockDevice) {
    this.#file = new BlockFile(shell.ctx, bdev, true);
  }

  readonly read: ReadMetadataBlock = (block) => {
    const b = this.#cache.get(block);
    if (!b) throw new NeedBlock(block);
    return b;
  };

  /** Run the synchronous `fn`, reading each block it asks for, until it completes. */
  async run<T>(fn: (read: ReadMetadataBlock) => T): Promise<T> {
    for (;;) {
      try {
        return fn(this.read);
      } catch (e) {
        if (!(e instanceof NeedBlock)) throw e;
        const buf = new Uint8Array(THIN_METADATA_BLOCK_BYTES);
        const r = await this.#file.read(e.block * THIN_METADATA_BLOCK_BYTES, buf);
        if ("errno" in r || r.n !== buf.length)
          throw new ThinMetadataError(e.block, `io error reading block ${e.block}`);
        this.#cache.set(e.block, buf);
      }
    }
  }
}

type Opened = { dev: MetadataDevice } | { status: number };

/** Open DEV as the tools do: O_EXCL unless `shared` (the live pool holds it otherwise). */
function openMetadata(io: Io, path: string | undefined, shared: boolean): Opened {
  const { shell, out } = io;
  if (path === undefined) return { status: -1 };
  const node = path.startsWith("/dev/") ? shell.devfs.node(io.path(path).slice(4)) : null;
  if (!node || node.kind !== "block") {
    out.e("Couldn't stat path\n");
    return { status: 1 };
  }
  if (!shared && node.bdev.holders.size > 0) {
    out.e(LIVE);
    return { status: 1 };
  }
  return { dev: new MetadataDevice(shell, node.bdev) };
}

/** The superblock, checked as the tools check it ("bad checksum in superblock, wanted N"). */
function superblock(read: ReadMetadataBlock): ThinSuperblock {
  const sb = decodeSuperblock(read(0));
  if (!sb.csumOk)
    throw new ThinMetadataError(0, `bad checksum in superblock, wanted ${sb.expectedCsum}`);
  return sb;
}

/** A device's mappings as thin_dump emits them: runs of consecutive blocks of one time. */
function mappingLines(maps: ThinMapping[]): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < maps.length) {
    const a = maps[i]!;
    let n = 1;
    while (i + n < maps.length) {
      const b = maps[i + n]!;
      if (b.virt !== a.virt + n || b.data !== a.data + n || b.time !== a.time) break;
      n++;
    }
    out.push(
      n === 1
        ? `    <single_mapping origin_block="${a.virt}" data_block="${a.data}" time="${a.time}"/>`
        : `    <range_mapping origin_begin="${a.virt}" data_begin="${a.data}" length="${n}" time="${a.time}"/>`,
    );
    i += n;
  }
  return out;
}

/** The XML thin_dump prints for the metadata whose superblock is `sb`. */
function dumpXml(read: ReadMetadataBlock, sb: ThinSuperblock): string {
  const lines: string[] = [];
  const uuid = new TextDecoder().decode(sb.uuid).replace(/\0.*$/s, "");
  lines.push(
    `<superblock uuid="${uuid}" time="${sb.time}" transaction="${sb.transId}" flags="${sb.flags}" version="${sb.version}" data_block_size="${sb.dataBlockSize}" nr_data_blocks="${sb.dataSm.nrBlocks}">`,
  );
  const roots = readDeviceRoots(read, sb);
  for (const d of readDeviceDetails(read, sb)) {
    lines.push(
      `  <device dev_id="${d.devId}" mapped_blocks="${d.mappedBlocks}" transaction="${d.transactionId}" creation_time="${d.creationTime}" snap_time="${d.snapshottedTime}">`,
    );
    const root = roots.get(d.devId);
    if (root !== undefined) lines.push(...mappingLines(readMappings(read, root)));
    lines.push("  </device>");
  }
  lines.push("</superblock>");
  return lines.join("\n") + "\n";
}

function isMetadataError(e: unknown): e is ThinMetadataError {
  return e instanceof ThinMetadataError;
}

export const thinDump = command("thin_dump", async (args, io) => {
  const { out } = io;
  let snap = false;
  let snapBlock: number | null = null;
  let format = "xml";
  let path: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "-m" || a === "--metadata-snap") {
      snap = true;
      if (args[i + 1] !== undefined && /^\d+$/.test(args[i + 1]!)) snapBlock = Number(args[++i]);
    } else if (a === "-f" || a === "--format") format = args[++i] ?? "";
    else if (a === "-h" || a === "--help") {
      out.o(THIN_DUMP_USAGE);
      return 0;
    } else if (a.startsWith("-")) {
      out.e(THIN_DUMP_USAGE);
      return 1;
    } else path = a;
  }
  if (path === undefined) {
    out.e(`No input file provided.\n${THIN_DUMP_USAGE}`);
    return 1;
  }
  if (format !== "xml") {
    out.e(`unknown format '${format}'\n`);
    return 1;
  }
  const opened = openMetadata(io, path, snap);
  if ("status" in opened) return opened.status;
  try {
    const text = await opened.dev.run((read) => {
      let sb = superblock(read);
      if (snap) {
        const held = snapBlock ?? sb.heldRoot;
        if (!held) throw new ThinMetadataError(0, "no current metadata snap");
        sb = decodeSuperblock(read(held));
      }
      return dumpXml(read, sb);
    });
    out.o(text);
    return 0;
  } catch (e) {
    if (!isMetadataError(e)) throw e;
    out.e(`${e.message}\n`);
    return 1;
  }
});

export const thinCheck = command("thin_check", async (args, io) => {
  const { out } = io;
  const path = args.find((a) => !a.startsWith("-"));
  if (path === undefined) {
    out.e("No input file provided.\n");
    return 1;
  }
  const opened = openMetadata(io, path, false);
  if ("status" in opened) return opened.status;
  out.o("examining superblock\n");
  let sb: ThinSuperblock;
  try {
    sb = await opened.dev.run((read) => superblock(read));
  } catch (e) {
    if (!isMetadataError(e)) throw e;
    out.o(`  superblock is corrupt\n    ${e.message}\n`);
    return 1;
  }
  out.o(`TRANSACTION_ID=${sb.transId}\n`);
  // thin_check 0.9 counts metadata blocks in a space map of its own holding the superblock.
  out.o(`METADATA_FREE_BLOCKS=${Math.max(0, sb.metadataSm.nrBlocks - 1)}\n`);
  out.o("examining devices tree\n");
  try {
    await opened.dev.run((read) => walkBtree(read, sb.deviceDetailsRoot, () => {}));
  } catch (e) {
    if (!isMetadataError(e)) throw e;
    out.o(`  ${e.message}\n`);
    return 1;
  }
  out.o("examining mapping tree\n");
  try {
    await opened.dev.run((read) => {
      for (const root of readDeviceRoots(read, sb).values()) walkBtree(read, root, () => {});
    });
  } catch (e) {
    if (!isMetadataError(e)) throw e;
    out.o(`  ${e.message}\n`);
    return 1;
  }
  out.o("checking space map counts\n");
  return 0;
});

/**
 * format_disk_unit(sectors, UNIT_SECTOR) of thin-provisioning-tools 0.9 (base/disk_units.cc):
 * bytes divided by 1024 (truncating) while over 1 MiB, then, if still over 8 KiB, divided once
 * more, rounded: 1 MiB prints `1024KiB`, 1.25 MiB `1280KiB`, 2 GiB `2048MiB`.
 */
function formatDiskUnit(sectors: number): string {
  let n = sectors * 512;
  const ext = ["", "KiB", "MiB", "GiB", "TiB", "PiB"];
  let i = 0;
  for (; n > 1024 * 1024; i++) n = Math.floor(n / 1024);
  if (n > 8 * 1024) {
    n = Math.round(n / 1024);
    i++;
  }
  return `${n}${ext[i] ?? ""}`;
}

const THIN_LS_FIELDS = ["DEV", "MAPPED", "CREATE_TIME", "SNAP_TIME"] as const;

export const thinLs = command("thin_ls", async (args, io) => {
  const { out } = io;
  let snap = false;
  let path: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "-m" || a === "--metadata-snap") snap = true;
    else if (a === "-o" || a === "--format") {
      // 0.9 knows none of the later field names: every list it is given is refused.
      i++;
      out.e("unknown field\n");
      return 1;
    } else path = a;
  }
  if (path === undefined) {
    out.e("No input file provided.\n");
    return 1;
  }
  const opened = openMetadata(io, path, snap);
  if ("status" in opened) return opened.status;
  try {
    const rows = await opened.dev.run((read) => {
      let sb = superblock(read);
      if (snap) {
        if (!sb.heldRoot) throw new ThinMetadataError(0, "no current metadata snap");
        const dataBlockSize = sb.dataBlockSize;
        sb = { ...decodeSuperblock(read(sb.heldRoot)), dataBlockSize };
      }
      return readDeviceDetails(read, sb).map((d) => [
        String(d.devId),
        formatDiskUnit(d.mappedBlocks * sb.dataBlockSize),
        String(d.creationTime),
        String(d.snapshottedTime),
      ]);
    });
    const grid = [[...THIN_LS_FIELDS] as string[], ...rows];
    const widths = THIN_LS_FIELDS.map((_, c) => Math.max(...grid.map((r) => r[c]!.length)));
    for (const r of grid) out.o(r.map((f, c) => f.padStart(widths[c]!)).join(" ") + " \n");
    return 0;
  } catch (e) {
    if (!isMetadataError(e)) throw e;
    out.e(`${e.message}\n`);
    return 1;
  }
});

export const thinCommands = [thinDump, thinCheck, thinLs];
