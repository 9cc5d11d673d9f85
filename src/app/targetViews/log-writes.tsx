/**
 * The log-writes replay viewer (the role of fstests' replay-log, on the page): the entries and
 * marks of a log-writes target's log, read from the log device's shared buffer (its present
 * contents: the super block counts the entries up to the last FUA write, mark or dtr, as on
 * Linux), and buttons that drive dmsh's `replay-log` in the console: replay onto a device up to
 * an entry or a mark, step entry by entry, and check the device's md5 at each crash point.
 */

import { useMemo, useState } from "react";
import {
  entryFlagsToStr,
  LOG_DISCARD_FLAG,
  LOG_FLUSH_FLAG,
  LOG_FUA_FLAG,
  LOG_MARK_FLAG,
  readLog,
  type LogEntry,
} from "../../engine/log-writes-format.ts";
import type { BlockDeviceInfo, DmDeviceInfo } from "../../worker/protocol.ts";
import type { DiskReader } from "../diskMap.ts";
import { refreshTopology, requireClient } from "../session.ts";
import { echoCommand, streamToConsole } from "../shellActions.ts";
import { useAppStore } from "../store/index.ts";
import { defineTargetView, type TargetViewProps } from "./targetView.ts";

/** `<dev_path> <log_dev_path>` as `dmsetup table` prints them ("1:0 1:1"). */
export function parseLogWritesArgs(args: string): { dev: string; logdev: string } | null {
  const t = args.trim().split(/\s+/);
  return t.length >= 2 ? { dev: t[0]!, logdev: t[1]! } : null;
}

/**
 * The block devices a log may be replayed onto, by name, in `blockDevices`' order. Left out:
 * the log-writes device itself and the log device, and every mapped device whose live table
 * reaches either of them (directly or through other mapped devices): replaying onto those writes
 * through the log being read (on Linux, replay-log's writes to the log-writes device are logged
 * in turn, and writes to the log device overwrite the entries still to be replayed). The data
 * device is left out too (it is live under the log-writes device), but not what stacks on it.
 * `self`, `log` and `data` are "major:minor" (or a name, "ram1", "/dev/ram1").
 */
export function replayCandidates(
  blockDevices: readonly Pick<BlockDeviceInfo, "name" | "dev">[],
  devices: readonly Pick<DmDeviceInfo, "dev" | "live">[],
  ends: { self: string; log: string; data: string },
): string[] {
  const devOf = (x: string) =>
    blockDevices.find((b) => b.dev === x || b.name === x || `/dev/${b.name}` === x)?.dev ?? x;
  const through = new Set([devOf(ends.self), devOf(ends.log)]);
  for (let grew = true; grew;) {
    grew = false;
    for (const d of devices) {
      if (through.has(d.dev)) continue;
      if (d.live?.some((t) => t.maps.some((m) => through.has(devOf(m.dev))))) {
        through.add(d.dev);
        grew = true;
      }
    }
  }
  const data = devOf(ends.data);
  return blockDevices.filter((b) => !through.has(b.dev) && b.dev !== data).map((b) => b.name);
}

export type CrashPoints = "marks" | "durable" | "every";

/**
 * The entries after which the device is checked: marks; or every entry after which the log
 * says data is durable (a flush, a FUA write, a mark); or every entry.
 */
export function crashPoints(entries: readonly LogEntry[], which: CrashPoints): LogEntry[] {
  if (which === "every") return [...entries];
  const mask = which === "marks" ? LOG_MARK_FLAG : LOG_MARK_FLAG | LOG_FLUSH_FLAG | LOG_FUA_FLAG;
  return entries.filter((e) => e.flags & mask);
}

/**
 * A dmsh script that replays the log onto `replay` one crash point at a time (each replay goes
 * on from the previous point with --start-entry and --limit) and prints the device's md5 after
 * each; `zero` first fills the device with zeros.
 */
export function crashCheckScript(
  log: string,
  replay: string,
  points: readonly LogEntry[],
  zero: { sizeBytes: number } | null,
): string {
  const lines: string[] = [];
  if (zero) {
    const mib = zero.sizeBytes % (1 << 20) === 0;
    lines.push(
      `dd if=/dev/zero of=${replay} bs=${mib ? "1M" : "512"} count=${mib ? zero.sizeBytes >> 20 : zero.sizeBytes / 512} oflag=direct 2>/dev/null`,
    );
  }
  let next = 0;
  for (const p of points) {
    const what = p.mark !== null ? `mark ${p.mark}` : entryFlagsToStr(p.flags);
    lines.push(
      `replay-log --log ${log} --replay ${replay} --start-entry ${next} --limit ${p.index - next + 1} && echo "entry ${p.index} (${what}): $(md5sum < ${replay} | cut -d' ' -f1)"`,
    );
    next = p.index + 1;
  }
  return lines.join("\n");
}

/** What the log device holds now, read from the shared disk buffers. */
function readLogOnDisk(disks: DiskReader | null, name: string, sizeBytes: number | undefined) {
  if (!disks || sizeBytes === undefined) return null;
  const read = (off: number, len: number) => disks.bytes(name, off, len) ?? new Uint8Array(len);
  return readLog(read, sizeBytes, MAX_ENTRIES);
}

/** Rows drawn at most; the rest are counted. */
const MAX_ROWS = 400;
/**
 * Entries read at most (the log is read again as the cursor moves): crash points and steps
 * reach this far; replay-log in the console reads any log whole.
 */
const MAX_ENTRIES = 20_000;

function LogWritesView({ target, nameOf, disks, cursor, device }: TargetViewProps) {
  const p = parseLogWritesArgs(target.args);
  const allDisks = useAppStore((s) => s.disks);
  const blockDevices = useAppStore((s) => s.blockDevices);
  const version = useAppStore((s) => s.topologyVersion);
  const logName = p ? nameOf(p.logdev) : "";
  const dataName = p ? nameOf(p.dev) : "";
  const logDisk = allDisks.find((d) => d.name === logName);
  const cursorBucket = Math.floor(cursor / 64);
  const log = useMemo(
    () => readLogOnDisk(disks, logName, logDisk?.sizeBytes),
    // The log is the disk's present contents: read again when the engine's state is fetched
    // (after every command) and every 64 events as they arrive, not on every frame.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [disks, logName, logDisk?.sizeBytes, cursorBucket, version],
  );
  const dmDevices = useAppStore((s) => s.devices);
  const candidates = p
    ? replayCandidates(blockDevices, dmDevices, { self: device.dev, log: p.logdev, data: p.dev })
    : [];
  const [replayTo, setReplayTo] = useState<string>("");
  const replay =
    (candidates.includes(replayTo) ? replayTo : "") ||
    candidates.find((n) => n.startsWith("ram")) ||
    candidates[0] ||
    "";
  const [step, setStep] = useState(0);
  const [which, setWhich] = useState<CrashPoints>("marks");
  const [zero, setZero] = useState(true);
  const [busy, setBusy] = useState(false);
  const [results, setResults] = useState<string[]>([]);
  if (!p) return <p className="empty">Not a log-writes table line: {target.args}</p>;
  if (!logDisk)
    return (
      <p className="empty">
        The log device {logName} is not a RAM disk: the page reads logs from RAM disks only. Use{" "}
        <code>replay-log --log /dev/{logName}</code> in the console.
      </p>
    );
  const entries = log?.entries ?? [];
  const logPath = `/dev/${logName}`;
  const replayPath = replay.startsWith("dm-")
    ? `/dev/mapper/${replayName(replay)}`
    : `/dev/${replay}`;

  /** Run a script in the worker's dmsh, shown in the console; resolves to its output. */
  const run = async (script: string): Promise<string> => {
    setBusy(true);
    let text = "";
    try {
      echoCommand(script);
      await requireClient().runShell(script, (stream, t) => {
        text += t;
        streamToConsole(stream, t);
      });
    } finally {
      setBusy(false);
      void refreshTopology();
    }
    return text;
  };
  const replayUpTo = (e: LogEntry) =>
    void run(`replay-log --log ${logPath} --replay ${replayPath} --limit ${e.index + 1}`);
  const stepOne = async () => {
    if (step >= entries.length) return;
    await run(
      `replay-log -v --log ${logPath} --replay ${replayPath} --start-entry ${step} --limit 1`,
    );
    setStep(step + 1);
  };
  const check = async () => {
    const points = crashPoints(entries, which);
    const size = blockDevices.find((b) => b.name === replay)?.sectors;
    const out = await run(
      crashCheckScript(
        logPath,
        replayPath,
        points,
        zero && size ? { sizeBytes: size * 512 } : null,
      ),
    );
    setResults(out.split("\n").filter((l) => l.startsWith("entry ")));
    setStep(points.length ? points[points.length - 1]!.index + 1 : 0);
  };
  const marks = entries.filter((e) => e.flags & LOG_MARK_FLAG);
  return (
    <figure className="target-view log-writes-view">
      <div className="lw-head">
        <span>
          log <b>{logName}</b> · data {dataName} ·{" "}
          {log?.super
            ? `${log.super.nrEntries} entries, ${log.super.sectorsize}-byte blocks`
            : (log?.error?.message ?? "no log yet")}
          {log?.error && log.super ? ` · ${log.error.message}` : ""}
        </span>
        <label>
          replay onto{" "}
          <select
            aria-label="replay device"
            value={replay}
            onChange={(ev) => setReplayTo(ev.target.value)}
          >
            {candidates.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="lw-actions">
        <button
          type="button"
          disabled={busy || step >= entries.length}
          onClick={() => void stepOne()}
        >
          Step ▶ entry {step}
        </button>
        <button type="button" disabled={busy || step === 0} onClick={() => setStep(0)}>
          Restart steps
        </button>
        <select
          aria-label="crash points"
          value={which}
          onChange={(ev) => setWhich(ev.target.value as CrashPoints)}
        >
          <option value="marks">at each mark</option>
          <option value="durable">at each flush, FUA and mark</option>
          <option value="every">after every entry</option>
        </select>
        <label>
          <input type="checkbox" checked={zero} onChange={(ev) => setZero(ev.target.checked)} />{" "}
          from zeros
        </label>
        <button type="button" disabled={busy || entries.length === 0} onClick={() => void check()}>
          md5 at each crash point
        </button>
      </div>
      {marks.length > 0 && (
        <div className="lw-marks" aria-label="marks">
          {marks.map((m) => (
            <button
              type="button"
              key={m.index}
              disabled={busy}
              title={`replay entries 0 to ${m.index} onto ${replay}`}
              onClick={() =>
                void run(
                  `replay-log --log ${logPath} --replay ${replayPath} --end-mark ${shellQuote(m.mark ?? "")}`,
                )
              }
            >
              ⚑ {m.mark}
            </button>
          ))}
        </div>
      )}
      {results.length > 0 && (
        <ul className="lw-results" aria-label="crash point md5s">
          {results.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      )}
      <div className="lw-table-wrap">
        <table className="lw-entries" aria-label="log entries">
          <thead>
            <tr>
              <th>#</th>
              <th>flags</th>
              <th>sector</th>
              <th>blocks</th>
              <th>at</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {entries.slice(0, MAX_ROWS).map((e) => (
              <tr
                key={e.index}
                className={`${e.flags & LOG_MARK_FLAG ? "mark" : ""}${e.index < step ? " replayed" : ""}`}
              >
                <td>{e.index}</td>
                <td>{kindOf(e)}</td>
                <td>{e.flags & LOG_MARK_FLAG ? "" : e.sector}</td>
                <td>{e.flags & LOG_MARK_FLAG ? "" : e.nrSectors}</td>
                <td>{e.pos / (log?.super?.sectorsize ?? 512)}</td>
                <td>
                  <button
                    type="button"
                    disabled={busy}
                    title={`replay entries 0 to ${e.index} onto ${replay}`}
                    onClick={() => replayUpTo(e)}
                  >
                    replay to here
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {(log?.super?.nrEntries ?? 0) > MAX_ROWS && (
          <p className="empty">
            … {(log?.super?.nrEntries ?? 0) - MAX_ROWS} more
            {(log?.super?.nrEntries ?? 0) > MAX_ENTRIES
              ? ` (the first ${MAX_ENTRIES} are read here)`
              : ""}
          </p>
        )}
      </div>
      <figcaption>
        The log as it is on {logName} now. Writes are logged when a flush makes them durable (or at
        once with FUA); the super block is rewritten after each FUA write and mark, and at removal.
        Replays run <code>replay-log</code> in the console.
      </figcaption>
    </figure>
  );
}

function kindOf(e: LogEntry): string {
  if (e.flags & LOG_MARK_FLAG) return `MARK ${e.mark ?? ""}`;
  if (e.flags & LOG_DISCARD_FLAG) return "DISCARD";
  return entryFlagsToStr(e.flags) === "NONE" ? "write" : entryFlagsToStr(e.flags);
}

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** A dm device's name from its block device name: the store knows dm names by dev number. */
function replayName(blockName: string): string {
  const st = useAppStore.getState();
  const b = st.blockDevices.find((x) => x.name === blockName);
  return st.devices.find((d) => d.dev === b?.dev)?.name ?? blockName;
}

export default defineTargetView({
  type: "log-writes",
  title: "write log and replay",
  View: LogWritesView,
});
