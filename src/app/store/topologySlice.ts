import type { StateCreator } from "zustand";
import type { BlockDeviceInfo, DiskSnapshot, DmDeviceInfo } from "../../worker/protocol.ts";
import type { AppState } from "./index.ts";

/**
 * The engine's devices as of the last getState: the present, for what acts on it (the table
 * editor, the disk panel). The stack view draws the stack at the playback cursor instead
 * (history/topology.ts), falling back to this at the head when the ring dropped events.
 */
export interface TopologySlice {
  devices: DmDeviceInfo[];
  blockDevices: BlockDeviceInfo[];
  disks: DiskSnapshot[];
  /** Virtual time of the snapshot, in ns. */
  now: number;
  /** Bumped on every new snapshot, so views can cheaply tell that something changed. */
  topologyVersion: number;
}

export const createTopologySlice: StateCreator<AppState, [], [], TopologySlice> = () => ({
  devices: [],
  blockDevices: [],
  disks: [],
  now: 0,
  topologyVersion: 0,
});
