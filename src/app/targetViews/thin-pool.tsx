/**
 * A thin pool (drivers/md/dm-thin.c, src/engine/targets/thin.ts): its data blocks as a grid
 * coloured by the thin device that maps each one (blocks two devices share, after a snapshot,
 * are hatched), the pool's space, mode, transaction id and held metadata root, and each thin
 * device's mapping btree as the metadata device holds it, node by node.
 *
 * The grid and the figures are the moment at the cursor, from the `thin_map`, `thin_unmap`,
 * `thin_dev` and `thin_pool` records (docs/events.md) and the thin devices' `table_load`
 * records (which name their pool and device id). The btrees are read from the shared disk
 * buffers of the metadata device (src/engine/thin-metadata-reader.ts): the present contents,
 * i.e. the last commit, and say so.
 */

import { useMemo, useState } from "react";
import { EV, decodeTable, ev } from "../../engine/events.ts";
import {
  THIN_METADATA_BLOCK_BYTES,
  decodeSuperblock,
  leafValue64,
  readDeviceDetails,
  readDeviceRoots,
  readNode,
  type BtreeNode,
  type ReadMetadataBlock,
  type ThinDeviceDetails,
  type ThinSuperblock,
} from "../../engine/thin-metadata-reader.ts";
import type { DiskReader } from "../diskMap.ts";
import type { EventHistory } from "../history/history.ts";
import { defineTargetView, type TargetViewProps } from "./targetView.ts";

/** A thin-pool table line: `<metadata dev> <data dev> <block size> <low water> <#features> ...`. */
export interface PoolArgs {
  metadata: string;
  data: string;
  blockSize: number;
  lowWater: number;
}

export function parsePoolArgs(args: string): PoolArgs | null {
  const t = args.trim().split(/\s+/);
  if (t.length < 4) return null;
  const blockSize = Number(t[2]);
  const lowWater = Number(t[3]);
  if (!(blockSize > 0)) return null;
  return { metadata: t[0]!, data: t[1]!, blockSize, lowWater };
}

/** The pool at the cursor, from the records. */
export interface ThinPoolModel {
  /** Data block → the thin device ids that map it. */
  owners: Map<number, Set<number>>;
  /** Thin device id → virtual block → data block. */
  devices: Map<number, Map<number, number>>;
  /** Thin device id → its mapped device number (the last table naming it), if any. */
  deviceOf: Map<number, number>;
  /** The latest `thin_pool` record: null before the pool's first commit. */
  state: {
    usedData: number;
    nrData: number;
    usedMetadata: number;
    nrMetadata: number;
    mode: string;
    transaction: string;
    heldRoot: number;
  } | null;
  /** Data blocks mapped by the latest `thin_map` records, newest last (at most 8). */
  latest: number[];
}

function devName(dev: number): string {
  return `${Math.floor(dev / 0x100000)}:${dev % 0x100000}`;
}

/**
 * The pool whose mapped device is `poolDev` as it was before record `cursor`: every thin device
 * whose table names it, their mappings and the blocks they share.
 */
export function thinPoolModel(
  poolDev: number,
  history: EventHistory,
  cursor: number,
): ThinPoolModel {
  const pool = devName(poolDev);
  const m: ThinPoolModel = {
    owners: new Map(),
    devices: new Map(),
    deviceOf: new Map(),
    state: null,
    latest: [],
  };
  /** Mapped device → the thin device id its latest table gives it (on this pool). */
  const idOf = new Map<number, number>();
  const map = (id: number, virt: number, data: number): void => {
    let d = m.devices.get(id);
    if (!d) m.devices.set(id, (d = new Map()));
    const old = d.get(virt);
    if (old !== undefined) m.owners.get(old)?.delete(id);
    d.set(virt, data);
    let o = m.owners.get(data);
    if (!o) m.owners.set(data, (o = new Set()));
    o.add(id);
  };
  const unmap = (id: number, virt: number): void => {
    const d = m.devices.get(id);
    const data = d?.get(virt);
    if (!d || data === undefined) return;
    d.delete(virt);
    const o = m.owners.get(data);
    o?.delete(id);
    if (o && !o.size) m.owners.delete(data);
  };
  for (let i = Math.max(history.base, 0); i < cursor && i < history.head; i++) {
    const type = history.type(i);
    if (type === EV.TABLE_LOAD) {
      const segs = decodeTable(history.string(history.get(i, ev.text)));
      const thin = segs?.find((s) => s.type === "thin");
      if (!thin) continue;
      const [p, id] = thin.args.trim().split(/\s+/);
      if (p === pool && id !== undefined) {
        idOf.set(history.dev(i), Number(id));
        m.deviceOf.set(Number(id), history.dev(i));
      }
    } else if (type === EV.THIN_MAP) {
      const id = idOf.get(history.dev(i));
      if (id === undefined) continue;
      const data = history.get(i, ev.a);
      map(id, history.get(i, ev.sector), data);
      m.latest.push(data);
      if (m.latest.length > 8) m.latest.shift();
    } else if (type === EV.THIN_UNMAP) {
      const id = idOf.get(history.dev(i));
      if (id === undefined) continue;
      const first = history.get(i, ev.sector);
      const n = history.get(i, ev.sectors);
      for (let k = 0; k < n; k++) unmap(id, first + k);
    } else if (history.dev(i) === poolDev && type === EV.THIN_DEV) {
      const what = history.string(history.get(i, ev.text));
      const id = history.get(i, ev.sector);
      if (what === "create_thin") m.devices.set(id, new Map());
      else if (what === "create_snap") {
        const origin = m.devices.get(history.get(i, ev.sectors)) ?? new Map<number, number>();
        m.devices.set(id, new Map());
        for (const [v, d] of origin) map(id, v, d);
      } else if (what === "delete") {
        for (const v of [...(m.devices.get(id)?.keys() ?? [])]) unmap(id, v);
        m.devices.delete(id);
      }
    } else if (history.dev(i) === poolDev && type === EV.THIN_POOL) {
      const [mode, transaction, held, nrMeta] = (
        history.string(history.get(i, ev.text)) ?? ""
      ).split(" ");
      m.state = {
        usedData: history.get(i, ev.sector),
        nrData: history.get(i, ev.sectors),
        usedMetadata: history.get(i, ev.a),
        nrMetadata: Number(nrMeta ?? 0),
        mode: mode ?? "?",
        transaction: transaction ?? "?",
        heldRoot: Number(held ?? 0),
      };
    }
  }
  return m;
}

/**
 * The pool's data figure at the cursor: `used` is the grid's count (data blocks some thin
 * device maps, from thin_map and thin_unmap, at the cursor itself), `committed` the pool's
 * count as of its last commit (the latest thin_pool record: a block provisioned since is used
 * but not yet committed; null before the first commit), `total` the pool's data blocks.
 */
export function dataFigure(
  model: ThinPoolModel,
  fallbackTotal: number,
): { used: number; committed: number | null; total: number } {
  return {
    used: model.owners.size,
    committed: model.state?.usedData ?? null,
    total: model.state?.nrData ?? fallbackTotal,
  };
}

/** "thin 0 (vol)": a thin device id with the mapped device that names it, if any. */
export function thinLabel(
  model: ThinPoolModel,
  id: number,
  nameOf: (dev: string) => string,
): string {
  const dev = model.deviceOf.get(id);
  return `thin ${id}${dev !== undefined ? ` (${nameOf(devName(dev))})` : ""}`;
}

/** A colour per thin device id (a fixed categorical palette, cycling). */
const PALETTE = [
  "#4e9ae8",
  "#e8a34e",
  "#5fbf7a",
  "#c86bd6",
  "#e06666",
  "#48c4c4",
  "#b9b04a",
  "#8f8fe8",
];
export const colourOf = (id: number): string => PALETTE[id % PALETTE.length]!;

const CELL = 12;

/** The metadata device's blocks from the shared disk buffers, or null when it is no disk. */
function metadataReader(disks: DiskReader | null, name: string): ReadMetadataBlock | null {
  if (!disks) return null;
  if (!disks.bytes(name, 0, THIN_METADATA_BLOCK_BYTES)) return null;
  return (b) => disks.bytes(name, b * THIN_METADATA_BLOCK_BYTES, THIN_METADATA_BLOCK_BYTES)!;
}

function readNodeOrError(read: ReadMetadataBlock, block: number): BtreeNode | string {
  try {
    return readNode(read, block);
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

function BtreeNodeView({
  read,
  block,
  depth,
}: {
  read: ReadMetadataBlock;
  block: number;
  depth: number;
}) {
  const [open, setOpen] = useState(depth === 0);
  const n = readNodeOrError(read, block);
  if (typeof n === "string") return <li className="tp-node bad">{n}</li>;
  const label = `block ${block}: ${n.leaf ? "leaf" : "internal"}, ${n.nrEntries}/${n.maxEntries} entries`;
  const keys = n.keys;
  return (
    <li className="tp-node">
      <button
        type="button"
        className="tp-toggle"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        {open ? "▾" : "▸"} {label}
      </button>
      {open &&
        (n.leaf ? (
          <ul className="tp-entries">
            {keys.slice(0, 64).map((k, i) => {
              const v = leafValue64(n, i);
              return (
                <li key={k}>{`${k} → ${Math.floor(v / 0x1000000)} (time ${v % 0x1000000})`}</li>
              );
            })}
            {keys.length > 64 && <li>{`… ${keys.length - 64} more`}</li>}
          </ul>
        ) : (
          <ul className="tp-children">
            {n.children.map((c, i) => (
              <BtreeNodeView key={`${keys[i]}:${c}`} read={read} block={c} depth={depth + 1} />
            ))}
          </ul>
        ))}
    </li>
  );
}

/** What the metadata device holds now: its superblock, each device's root and details. */
interface Trees {
  sb: ThinSuperblock;
  roots: [number, number][];
  details: Map<number, ThinDeviceDetails>;
}

function readTrees(read: ReadMetadataBlock): Trees | string {
  try {
    const sb = decodeSuperblock(read(0));
    if (!sb.csumOk) return "The metadata device holds no thin-pool superblock yet.";
    const roots = [...readDeviceRoots(read, sb)];
    const details = new Map(readDeviceDetails(read, sb).map((d) => [d.devId, d]));
    return { sb, roots, details };
  } catch (e) {
    return `Metadata not readable: ${e instanceof Error ? e.message : String(e)}`;
  }
}

function MappingTrees({
  read,
  label,
}: {
  read: ReadMetadataBlock;
  /** A thin device id's label ("thin 0 (vol)"). */
  label: (id: number) => string;
}) {
  const trees = readTrees(read);
  if (typeof trees === "string") return <p className="tp-note">{trees}</p>;
  const { sb, roots, details } = trees;
  return (
    <>
      <p className="tp-note">
        {`Mapping btrees on the metadata device now (its last commit: transaction ${sb.transId}, pool time ${sb.time}, mapping root block ${sb.dataMappingRoot}, details root ${sb.deviceDetailsRoot}${sb.heldRoot ? `, held root ${sb.heldRoot}` : ""}):`}
      </p>
      <ul className="tp-trees">
        {roots.map(([id, root]) => (
          <li key={id}>
            <span className="tp-dev" style={{ color: colourOf(id) }}>
              {label(id)}
            </span>
            {` · ${details.get(id)?.mappedBlocks ?? 0} blocks mapped · created at time ${details.get(id)?.creationTime ?? 0}, snapshotted at ${details.get(id)?.snapshottedTime ?? 0}`}
            <ul>
              <BtreeNodeView read={read} block={root} depth={1} />
            </ul>
          </li>
        ))}
      </ul>
    </>
  );
}

function ThinPoolView({ dev, target, cursor, history, disks, nameOf }: TargetViewProps) {
  const p = parsePoolArgs(target.args);
  const model = useMemo(() => thinPoolModel(dev, history, cursor), [dev, history, cursor]);
  if (!p) return <p className="tp-note">{`Unrecognised thin-pool table: ${target.args}`}</p>;
  const figure = dataFigure(model, Math.floor(target.length / p.blockSize));
  const nrData = figure.total;
  const shown = Math.min(nrData, 4096);
  const perRow = Math.max(8, Math.min(64, Math.ceil(Math.sqrt(shown * 2))));
  const rows = Math.ceil(shown / perRow);
  const latest = new Set(model.latest);
  const cells = [];
  for (let b = 0; b < shown; b++) {
    const owners = [...(model.owners.get(b) ?? [])].sort((x, y) => x - y);
    const x = (b % perRow) * CELL;
    const y = Math.floor(b / perRow) * CELL;
    const shared = owners.length > 1;
    cells.push(
      <rect
        key={b}
        className={`tp-block${latest.has(b) ? " latest" : ""}${shared ? " shared" : ""}`}
        x={x + 1}
        y={y + 1}
        width={CELL - 2}
        height={CELL - 2}
        rx={2}
        fill={owners.length ? colourOf(owners[0]!) : "transparent"}
        fillOpacity={owners.length ? 0.85 : 1}
      >
        <title>
          {owners.length
            ? `data block ${b} (sectors ${b * p.blockSize}-${(b + 1) * p.blockSize - 1} of ${nameOf(p.data)}): ${owners.map((o) => `thin ${o}`).join(", ")}${shared ? " (shared)" : ""}`
            : `data block ${b}: free`}
        </title>
      </rect>,
    );
    if (shared)
      cells.push(
        <rect
          key={`s${b}`}
          className="tp-shared"
          x={x + 1}
          y={y + 1}
          width={CELL - 2}
          height={CELL - 2}
          rx={2}
          fill="url(#tp-hatch)"
          pointerEvents="none"
        />,
      );
  }
  const s = model.state;
  const ids = [...model.devices.keys()].sort((a, b) => a - b);
  const read = metadataReader(disks, nameOf(p.metadata));
  const mapped = model.owners.size;
  return (
    <figure className="target-view thin-pool-view">
      <dl className="tp-figures">
        <dt>mode</dt>
        <dd>{s?.mode ?? "rw"}</dd>
        <dt>transaction</dt>
        <dd>{s?.transaction ?? "0"}</dd>
        <dt>data</dt>
        <dd>
          {`${figure.used}/${nrData} blocks of ${p.blockSize} sectors (${nameOf(p.data)})`}
          {figure.committed !== null && figure.committed !== figure.used && (
            <span
              className="tp-committed"
              title="data blocks used as of the pool's last commit (dmsetup status says this)"
            >{` · committed: ${figure.committed}`}</span>
          )}
        </dd>
        <dt>metadata</dt>
        <dd>
          {s
            ? `${s.usedMetadata}/${s.nrMetadata} blocks (${nameOf(p.metadata)})`
            : nameOf(p.metadata)}
        </dd>
        <dt>held root</dt>
        <dd>{s?.heldRoot ? `block ${s.heldRoot}` : "-"}</dd>
      </dl>
      <div className="tp-legend">
        {ids.map((id) => (
          <span key={id}>
            <i style={{ background: colourOf(id) }} />
            {`${thinLabel(model, id, nameOf)}: ${model.devices.get(id)!.size} blocks`}
          </span>
        ))}
        <span>
          <i className="tp-legend-shared" />
          shared
        </span>
      </div>
      <svg
        width={perRow * CELL + 2}
        height={rows * CELL + 2}
        role="img"
        aria-label={`thin pool data blocks: ${mapped} of ${nrData} mapped, ${[...model.owners.values()].filter((o) => o.size > 1).length} shared, ${ids.length} thin devices`}
      >
        <defs>
          <pattern
            id="tp-hatch"
            width="4"
            height="4"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <line x1="0" y1="0" x2="0" y2="4" stroke="#fff" strokeWidth="1.6" strokeOpacity="0.8" />
          </pattern>
        </defs>
        {cells}
      </svg>
      <figcaption>
        {`One square per data block${shown < nrData ? ` (the first ${shown})` : ""}, coloured by the thin device that maps it at the cursor; hatched: shared by several devices (a snapshot and its origin until a write breaks the sharing); outlined: the latest provisioned.`}
      </figcaption>
      {read ? (
        <MappingTrees read={read} label={(id) => thinLabel(model, id, nameOf)} />
      ) : (
        <p className="tp-note">The metadata device is not a RAM disk: its btrees are not shown.</p>
      )}
    </figure>
  );
}

export default defineTargetView({
  type: "thin-pool",
  title: "data blocks and mapping trees",
  View: ThinPoolView,
});
