/** Load generators (src/engine/loadgen.ts) as the Load panel and the header drive them. */

import type { LoadSpec, LoadStats } from "../engine/loadgen.ts";
import { WorkerRestartedError } from "../worker/client.ts";
import type { LoadReport } from "../worker/protocol.ts";
import { getClient, requireClient } from "./session.ts";
import type { LoadRow } from "./store/paceSlice.ts";
import { useAppStore } from "./store/index.ts";

/**
 * Starts a load generator on `spec.device` (a path: /dev/mapper/NAME, /dev/ramN); what the spec
 * leaves out takes DEFAULT_LOAD's value. Rejects with the engine's reason for a bad spec.
 */
export async function loadStart(spec: Partial<LoadSpec> & { device: string }): Promise<LoadStats> {
  const stats = await requireClient().call("loadStart", { spec });
  void refreshLoads();
  return stats;
}

/** Stops one generator, or all of them without an id. Bios in flight still complete. */
export async function loadStop(id?: number): Promise<void> {
  const report = await requireClient().call("loadStop", id === undefined ? {} : { id });
  applyLoads(report);
}

function applyLoads(report: LoadReport): void {
  const { loads: before, loadsAt } = useAppStore.getState();
  const dt = (report.now - loadsAt) / 1e9;
  const rows: LoadRow[] = report.generators.map((g) => {
    const prev = before.find((b) => b.id === g.id);
    if (!prev || dt <= 0)
      return { ...g, iops: prev?.iops ?? null, bytesPerSec: prev?.bytesPerSec ?? null };
    return {
      ...g,
      iops: (g.completed - prev.completed) / dt,
      bytesPerSec: (g.bytes - prev.bytes) / dt,
    };
  });
  useAppStore.setState({ loads: rows, loadsAt: report.now });
}

/** Fetches the generators' counters (`prune`: first forget stopped ones with nothing in flight). */
export async function refreshLoads(prune = false): Promise<void> {
  const c = getClient();
  if (!c || c.status !== "ready") return;
  try {
    applyLoads(await c.call("loadList", prune ? { prune } : {}));
  } catch (e) {
    if (!(e instanceof WorkerRestartedError)) console.warn("loadList failed", e);
  }
}

/** Polls the generators' counters every `intervalMs` until the returned function is called. */
export function watchLoads(intervalMs = 500): () => void {
  void refreshLoads();
  const t = setInterval(() => void refreshLoads(), intervalMs);
  return () => clearInterval(t);
}
