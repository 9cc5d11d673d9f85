/**
 * How a restarted worker gets back to where the hung one was: a plan that rebuilds a set of
 * mapped devices over disks that still exist. It replays state, not history: history would
 * repeat the writes (and the command that hung).
 *
 * Device numbers matter, because tables name devices by major:minor: every device is created
 * empty with its old minor first, then tables are loaded and resumed in dependency order (a
 * device before the devices stacked on it), then inactive tables are loaded and suspended
 * devices suspended again. The same plan, as dmsetup commands, is what the UI shows.
 */

import type { DmDeviceInfo, TargetInfo } from "./protocol.ts";

export type RebuildStep =
  | { op: "create"; name: string; uuid: string; minor: number }
  | { op: "load"; name: string; table: string }
  | { op: "resume"; name: string }
  | { op: "suspend"; name: string };

export function minorOf(d: DmDeviceInfo): number {
  return Number(d.dev.split(":")[1] ?? NaN);
}

export function tableText(table: readonly TargetInfo[]): string {
  return table.map((t) => `${t.start} ${t.length} ${t.type} ${t.args}`.trimEnd()).join("\n");
}

/** Devices ordered so that each comes after every dm device its live table maps onto. */
export function dependencyOrder(devices: readonly DmDeviceInfo[]): DmDeviceInfo[] {
  const byDev = new Map(devices.map((d) => [d.dev, d]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const out: DmDeviceInfo[] = [];
  const visit = (d: DmDeviceInfo) => {
    if (done.has(d.dev) || visiting.has(d.dev)) return; // a cycle cannot load in Linux either
    visiting.add(d.dev);
    for (const t of d.live ?? []) {
      for (const m of t.maps) {
        const lower = byDev.get(m.dev);
        if (lower) visit(lower);
      }
    }
    visiting.delete(d.dev);
    done.add(d.dev);
    out.push(d);
  };
  for (const d of [...devices].sort((a, b) => minorOf(a) - minorOf(b))) visit(d);
  return out;
}

export function rebuildPlan(devices: readonly DmDeviceInfo[]): RebuildStep[] {
  const steps: RebuildStep[] = [];
  const byMinor = [...devices].sort((a, b) => minorOf(a) - minorOf(b));
  for (const d of byMinor)
    steps.push({ op: "create", name: d.name, uuid: d.uuid, minor: minorOf(d) });
  for (const d of dependencyOrder(devices)) {
    if (!d.live) continue;
    steps.push({ op: "load", name: d.name, table: tableText(d.live) });
    steps.push({ op: "resume", name: d.name });
  }
  for (const d of byMinor) {
    if (d.inactive) steps.push({ op: "load", name: d.name, table: tableText(d.inactive) });
    if (d.suspended) steps.push({ op: "suspend", name: d.name });
  }
  return steps;
}

/** A shell word that survives dmsh's quoting rules. */
function quote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The plan as the dmsetup commands a person would type. */
export function planScript(plan: readonly RebuildStep[]): string {
  return plan
    .map((s) => {
      switch (s.op) {
        case "create":
          return `dmsetup create ${quote(s.name)}${s.uuid ? ` -u ${quote(s.uuid)}` : ""} --minor ${s.minor} --notable`;
        case "load":
          return s.table.includes("\n")
            ? `dmsetup load ${quote(s.name)} <<'EOF'\n${s.table}\nEOF`
            : `dmsetup load ${quote(s.name)} --table ${quote(s.table)}`;
        case "resume":
        case "suspend":
          return `dmsetup ${s.op} ${quote(s.name)}`;
      }
    })
    .join("\n");
}
