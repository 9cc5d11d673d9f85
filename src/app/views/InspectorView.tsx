/**
 * The inspector: the selected bio's whole life (its family: the bio a process submitted and every
 * piece and clone of it, through every layer), event by event with virtual timestamps, up to the
 * playback cursor; and the state of the targets it went through, as `dmsetup status` (INFO) and
 * `dmsetup table` (TABLE) print them now.
 */

import { useEffect, useMemo, useState } from "react";
import { decodeEvent, EV, ev } from "../../engine/events.ts";
import { selectBio } from "../history/actions.ts";
import { DM_MAJOR, devMajor, devName, rangeLabel } from "../history/model.ts";
import { history, index, stats } from "../history/service.ts";
import { formatTime } from "../panels/PlaybackBar.tsx";
import {
  allocBios,
  allocDetail,
  lookupDetail,
  ownBioPurpose,
  sectorDev,
} from "./inspectorModel.ts";
import { targetStatus } from "../session.ts";
import { useAppStore } from "../store/index.ts";
import type { TargetStatus } from "../../worker/protocol.ts";

interface LifeRow {
  index: number;
  bio: number;
  depth: number;
  time: number;
  kind: string;
  where: string;
  detail: string;
  tone: "" | "ok" | "bad" | "warn";
}

const SPLIT_REASON = ["target boundary", "max_io_len"];

function describeRecord(
  i: number,
  depthOf: Map<number, number>,
  name: (d: number) => string,
  upTo = Infinity,
): LifeRow {
  const r = history.chunkOf(i);
  const e = decodeEvent(r, history.offsetOf(i), i, []);
  // Each range is labelled with the device its sectors belong to (an end_io's are the lower one's).
  let where = rangeLabel(name(sectorDev(history, index, i)), e.sector, e.sectors);
  let detail = "";
  let tone: LifeRow["tone"] = "";
  switch (e.type) {
    case EV.BIO_SUBMIT: {
      const purpose = e.issuer ? ownBioPurpose(history, index, i) : null;
      detail = `${e.op ?? ""}${e.flags ? ` flags ${e.flags}` : ""}${
        e.issuer
          ? ` · issued by ${name(e.issuer.dev)} target ${e.issuer.target} (its own I/O${
              purpose ? `: ${purpose}` : ""
            })`
          : e.b
            ? ` · from bio ${e.b}`
            : " · from a process"
      }`;
      break;
    }
    case EV.THIN_LOOKUP:
      // sector: the virtual block; a: the data block; b: the outcome.
      where = `${name(e.dev)} block ${e.sector}`;
      detail = lookupDetail(e.sector, e.a, history.string(e.b) ?? "");
      tone = (history.string(e.b) ?? "").startsWith("deferred") ? "warn" : "";
      break;
    case EV.THIN_ALLOC: {
      where = `${name(e.dev)} block ${e.sector}`;
      const bios = allocBios(history, i, upTo);
      detail = `${allocDetail(e.sector, e.a, history.string(e.b) ?? "")}${
        bios.length ? ` · its own bio${bios.length > 1 ? "s" : ""} ${bios.join(", ")}` : ""
      }`;
      break;
    }
    case EV.BIO_SPLIT:
      detail = `piece of bio ${e.a} at a ${SPLIT_REASON[e.b] ?? `reason ${e.b}`}`;
      break;
    case EV.BIO_CLONE:
      detail = `clone of bio ${e.a} for target ${e.b}`;
      break;
    case EV.BIO_MAP:
      detail = `target ${e.b} map → ${e.mapState ?? e.a}`;
      tone = e.mapState === "REMAPPED" || e.mapState === "SUBMITTED" ? "" : "bad";
      break;
    case EV.BIO_REMAP:
      detail = `from ${name(e.a)} target ${e.b}`;
      break;
    case EV.BIO_ENDIO:
      // The mapped device whose target's end_io ran.
      detail = `${name(e.dev)} end_io → ${e.status ?? e.a}, ${e.endIo ?? e.b}`;
      tone = e.status === "OK" ? "ok" : "bad";
      break;
    case EV.BIO_COMPLETE:
      detail = `${e.status ?? e.a} after ${formatTime(e.b)}`;
      tone = e.status === "OK" ? "ok" : "bad";
      break;
    case EV.BIO_DEFER:
      detail = "held: the device is suspended";
      tone = "warn";
      break;
    case EV.BIO_REQUEUE:
      detail = "pushed back for after resume";
      tone = "warn";
      break;
    case EV.BIO_REDRIVE:
      detail = "sent again after resume";
      break;
    case EV.TARGET_FAULT:
      detail = `target fault: ${history.string(e.b) ?? ""}`;
      tone = "bad";
      break;
    case EV.DISK_FAULT:
      // a: what the rule did (diskfault.ts FAULT_ACTION_CODE: 0 error, 1 latency, 2 corrupt)
      detail = `disk fault (${["error", "latency", "corrupt"][e.a] ?? e.a}): ${history.string(e.b) ?? ""}`;
      tone = e.a === 1 ? "warn" : "bad";
      break;
  }
  return {
    index: i,
    bio: e.bio,
    depth: depthOf.get(e.bio) ?? 0,
    time: e.time,
    kind: e.kind.replace(/^bio_/, ""),
    where: e.type === EV.TARGET_FAULT ? name(e.dev) : where,
    detail,
    tone,
  };
}

/** `cat:8188+8 → ram0:8188+4, ram1:0+4`: where the root's pieces went (null: nowhere yet). */
function remapOf(root: number, c: number, name: (d: number) => string): string | null {
  const first = index.bioRecords(root, c)[0];
  const rootRange =
    first === undefined
      ? null
      : rangeLabel(
          name(history.dev(first)),
          history.get(first, ev.sector),
          history.get(first, ev.sectors),
        );
  const to: Array<[number, string]> = [];
  for (const kid of index.childrenOf(root)) {
    for (const i of index.bioRecords(kid, c)) {
      if (history.type(i) !== EV.BIO_REMAP) continue;
      const sector = history.get(i, ev.sector);
      to.push([sector, rangeLabel(name(history.dev(i)), sector, history.get(i, ev.sectors))]);
    }
  }
  if (!rootRange || to.length === 0) return null;
  return `${rootRange} → ${to.map((t) => t[1]).join(", ")}`;
}

function TargetStates({ devs }: { devs: Array<{ dev: number; name: string }> }) {
  const topology = useAppStore((s) => s.topologyVersion);
  const [lines, setLines] = useState<Map<string, TargetStatus[] | string>>(new Map());
  const key = devs.map((d) => d.name).join(",");
  useEffect(() => {
    let live = true;
    void Promise.all(
      devs.map(async (d): Promise<[string, TargetStatus[] | string]> => {
        try {
          return [d.name, await targetStatus(d.name)];
        } catch (e) {
          return [d.name, e instanceof Error ? e.message : String(e)];
        }
      }),
    ).then((all) => live && setLines(new Map(all)));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- key stands for devs
  }, [key, topology]);
  if (devs.length === 0) return null;
  return (
    <section className="insp-targets" aria-label="Target state">
      <h3>Target state now</h3>
      {devs.map((d) => {
        const l = lines.get(d.name);
        return (
          <div key={d.name} className="insp-dev">
            <div className="insp-dev-name">{d.name}</div>
            {typeof l === "string" ? (
              <div className="dim">{l}</div>
            ) : (
              <table>
                <tbody>
                  {(l ?? []).map((t) => (
                    <tr key={t.start}>
                      <td className="mono">
                        {t.start} {t.length} {t.type}
                      </td>
                      <td>
                        <span className="dim">INFO</span> <code>{t.info || "—"}</code>
                      </td>
                      <td>
                        <span className="dim">TABLE</span> <code>{t.table || "—"}</code>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        );
      })}
    </section>
  );
}

export default function InspectorView() {
  const selected = useAppStore((s) => s.selectedBio);
  const cursor = useAppStore((s) => s.cursor);
  const [typed, setTyped] = useState("");

  const view = useMemo(() => {
    if (selected === null) return null;
    const c = Math.min(cursor, history.head);
    const root = index.rootOf(selected);
    const family = index.family(root);
    const depthOf = new Map<number, number>([[root, 0]]);
    for (const b of family) {
      const p = index.parentOf(b);
      if (b !== root) depthOf.set(b, (depthOf.get(p) ?? 0) + 1);
    }
    const st = stats.stateAt(c);
    const name = (d: number) => devName(st, d);
    const all = index.familyRecords(root);
    const shown = all.filter((i) => i < c);
    const rows = shown.map((i) => describeRecord(i, depthOf, name, c));
    const devs = new Map<number, string>();
    for (const i of shown) {
      const d = history.dev(i);
      if (devMajor(d) === DM_MAJOR) devs.set(d, name(d));
    }
    const first = shown[0];
    const rootDone = shown.find(
      (i) => history.type(i) === EV.BIO_COMPLETE && history.bio(i) === root,
    );
    return {
      root,
      family,
      rows,
      hidden: all.length - shown.length,
      devs: [...devs].map(([dev, n]) => ({ dev, name: n })),
      summary:
        first === undefined
          ? `bio ${root} has no events before the cursor`
          : [
              rows[0]?.detail.split(" ·")[0] ?? "",
              remapOf(root, c, name) ?? rows[0]?.where ?? "",
              "·",
              rootDone !== undefined
                ? `completed ${describeRecord(rootDone, depthOf, name).detail}`
                : "in flight",
            ].join(" "),
    };
  }, [selected, cursor]);

  const latest = () => {
    for (let i = Math.min(cursor, history.head) - 1; i >= history.base; i--) {
      // b: 0 for a process's bio (a parent's id for a clone, negative for a target's own bio).
      if (history.type(i) === EV.BIO_SUBMIT && history.get(i, ev.b) === 0) {
        selectBio(history.bio(i));
        return;
      }
    }
  };

  return (
    <div className="inspector">
      <form
        className="insp-pick"
        onSubmit={(ev) => {
          ev.preventDefault();
          const n = Number(typed);
          if (Number.isInteger(n) && n > 0) selectBio(n);
        }}
      >
        <label>
          <span className="dim">bio</span>{" "}
          <input
            value={typed}
            onChange={(ev) => setTyped(ev.target.value)}
            inputMode="numeric"
            placeholder={selected === null ? "id" : String(selected)}
            aria-label="Bio id"
          />
        </label>
        <button type="submit">Inspect</button>
        <button
          type="button"
          onClick={latest}
          title="The newest bio a process submitted before the cursor"
        >
          Latest bio
        </button>
        {selected !== null && (
          <button type="button" onClick={() => selectBio(null)}>
            Clear
          </button>
        )}
        <span className="dim hint">or click a bio in the flow</span>
      </form>
      {!view ? (
        <p className="empty">No bio selected.</p>
      ) : (
        <>
          <h3 className="insp-title" aria-live="polite" tabIndex={-1}>
            bio {view.root}
            {selected !== view.root && <span className="dim"> (selected: {selected})</span>} ·{" "}
            <span className="dim">{view.summary}</span>
          </h3>
          <table className="insp-life" aria-label={`Life of bio ${view.root}`}>
            <thead>
              <tr>
                <th scope="col">time</th>
                <th scope="col">bio</th>
                <th scope="col">event</th>
                <th scope="col">where</th>
                <th scope="col">what</th>
              </tr>
            </thead>
            <tbody>
              {view.rows.map((r) => (
                <tr
                  key={r.index}
                  className={`${r.tone}${r.bio === selected ? " sel" : ""}`}
                  onClick={() => selectBio(r.bio)}
                >
                  <td className="mono dim">{formatTime(r.time)}</td>
                  <td className="mono" style={{ paddingLeft: 6 + r.depth * 12 }}>
                    {r.bio}
                  </td>
                  <td className="mono">{r.kind}</td>
                  <td className="mono">{r.where}</td>
                  <td>{r.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {view.hidden > 0 && (
            <p className="dim">{view.hidden} later events are past the cursor.</p>
          )}
          <TargetStates devs={view.devs} />
        </>
      )}
    </div>
  );
}
