/** dm-playground's engine: Linux device-mapper in TypeScript. No DOM, no UI. */

export { Engine, type EngineOptions, type FaultRecord } from "./engine.ts";
export {
  DeviceMapper,
  DM_IOCTL_VERSION,
  type DeviceInfo,
  type StatusLine,
  type SuspendFlags,
} from "./dm-ioctl.ts";
export { MappedDevice, isMappedDevice } from "./mapped-device.ts";
export { BlockDevice, RamDisk, DM_MAJOR, RAMDISK_MAJOR } from "./blockdev.ts";
export { Bio } from "./bio.ts";
export { Table, splitArgs, deviceAreas, type DeviceArea } from "./dm-table.ts";
export {
  TargetCallObservers,
  TargetGuard,
  TARGET_OP_NAMES,
  type TargetCall,
  type TargetCallObserver,
  type TargetOp,
} from "./guard.ts";
export { parseTable, parseTableLine, TableFormatError, type TargetSpec } from "./table.ts";
export {
  Target,
  TargetCtrError,
  ctrError,
  defineTarget,
  parseU64,
  parseU32,
  kstrtouint,
  type DmDev,
  type TargetType,
  type TargetFeatures,
} from "./target.ts";
export { TargetRegistry } from "./registry.ts";
export {
  LoopControl,
  LoopDevice,
  LOOP_MAJOR,
  LOOP_MIN_COUNT,
  isLoopDevice,
  type LoopConfig,
} from "./loop.ts";
export { ShmemFile, ShmemSizeError, MAX_SHMEM_FILE_SIZE, checkShmemSize } from "./shmem.ts";
export { DmIoError, type DmIoRegion, type DmIoRequest } from "./dm-io.ts";
export { DmBufioClient, DmBuffer } from "./dm-bufio.ts";
export {
  ModuleLoader,
  ModuleLoadError,
  moduleName,
  compileModule,
  type LoadedModule,
  type ModuleInfo,
  type ReloadReport,
} from "./module.ts";
export { CALL_CELL_BYTES, CALL_OPS, readCallCell, type CallOp } from "./callCell.ts";
export { CONTRACT_CHECKS, type ContractCheck, type ContractProblem } from "./contracts.ts";
export { LoadGenerators, DEFAULT_LOAD, type LoadSpec, type LoadStats } from "./loadgen.ts";
export { Clock, Prng, NS_PER_MS, NS_PER_SEC, NS_PER_US, type Nanos } from "./clock.ts";
export {
  EventLog,
  EV,
  RECORD_SLOTS,
  decodeEvent,
  type EngineEvent,
  type EventCode,
} from "./events.ts";
export { KernelLog, type LogLine, type LogLevel } from "./klog.ts";
export {
  Storage,
  SparseDisk,
  BlockPool,
  CHUNK_SIZE,
  type StorageHandle,
  type DiskStoreHandle,
  type PoolHandle,
} from "./storage.ts";
export * from "./types.ts";
