/**
 * The target-type registry (dm_register_target / dm_get_target_type). Types are known to the
 * engine (registered) but, as in Linux, a module-built type is only listed by `dmsetup targets`
 * once loaded: by modprobe, or on demand when a table names it (request_module("dm-<name>")).
 */

import { TargetGuard, type FaultReporter, type TargetCallObservers } from "./guard.ts";
import type { TargetType } from "./target.ts";

export interface RegisteredType {
  type: TargetType<unknown>;
  /** The module that provides it ("dm-mod" for the ones built into the core). */
  module: string;
  /** The wrapper every engine call into the type goes through (guard.ts). */
  guard: TargetGuard;
}

export class TargetRegistry {
  readonly #known = new Map<string, RegisteredType>();
  /** Loaded types, most recently registered first (the kernel's list order). */
  #loaded: string[] = [];
  readonly #calls: TargetCallObservers;
  readonly #report: FaultReporter;

  /** `calls`: the engine's observers of target calls; `report`: how guards report a fault. */
  constructor(calls: TargetCallObservers, report: FaultReporter) {
    this.#calls = calls;
    this.#report = report;
  }

  /** Make a type available; `module` names what modprobe loads to register it. */
  register(type: TargetType<unknown>, module = `dm-${type.name}`, loaded = false): void {
    if (this.#known.has(type.name) && this.#loaded.includes(type.name)) {
      throw new Error(`target type ${type.name} is already registered`);
    }
    const guard = new TargetGuard(type, module, this.#calls, this.#report);
    this.#known.set(type.name, { type, module, guard });
    if (loaded) this.#load(type.name);
  }

  /** dm_unregister_target. */
  unregister(name: string): void {
    this.#known.delete(name);
    this.#loaded = this.#loaded.filter((n) => n !== name);
  }

  #load(name: string): void {
    if (!this.#loaded.includes(name)) this.#loaded.unshift(name);
  }

  /** modprobe: load every type `module` provides. False when no such module exists. */
  loadModule(module: string): boolean {
    const norm = module.replace(/_/g, "-");
    let found = false;
    for (const [name, r] of this.#known) {
      if (r.module.replace(/_/g, "-") === norm) {
        this.#load(name);
        found = true;
      }
    }
    return found;
  }

  isModule(module: string): boolean {
    const norm = module.replace(/_/g, "-");
    for (const r of this.#known.values()) if (r.module.replace(/_/g, "-") === norm) return true;
    return false;
  }

  /** dm_get_target_type: the type, loading its module on demand. */
  get(name: string): TargetType<unknown> | undefined {
    return this.lookup(name)?.type;
  }

  /** dm_get_target_type with what was registered with the type (module, guard). */
  lookup(name: string): RegisteredType | undefined {
    const r = this.#known.get(name);
    if (!r) return undefined;
    this.#load(name);
    return r;
  }

  /** Loaded types in the order `dmsetup targets` lists them. */
  loaded(): TargetType<unknown>[] {
    return this.#loaded.map((n) => this.#known.get(n)!.type);
  }

  known(): RegisteredType[] {
    return [...this.#known.values()];
  }
}
