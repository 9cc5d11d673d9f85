/**
 * The flow's filter (an outcome clicked): which records count as "that outcome", and so which
 * families (a process's bio and everything split or cloned from it) the flow shows. A family is
 * shown once one of its records before the cursor matches: the same rule live and when still.
 */

import { EV, ev } from "../../engine/events.ts";
import type { FlowFilter } from "../store/playbackSlice.ts";
import type { StatsState } from "../history/model.ts";

export class FilterMatcher {
  readonly filter: FlowFilter;
  dev: number;
  /** For a target row: its index in its device's live table (-1 when not found). */
  target: number;

  constructor(filter: FlowFilter, stats: StatsState) {
    this.filter = filter;
    this.dev = filter.row >= 0 ? filter.row : -1;
    this.target = -1;
    if (filter.row >= 0) return;
    for (const d of stats.devs.values()) {
      const i = d.live.findIndex((t) => -t.uid === filter.row);
      if (i >= 0) {
        this.dev = d.dev;
        this.target = i;
      }
    }
  }

  get isTarget(): boolean {
    return this.filter.row < 0;
  }

  /**
   * Whether record (r, o) is the outcome. `cloneTarget`: the target its bio was cloned for
   * (-1 if none), since an end_io record names no target.
   */
  matches(r: Float64Array, o: number, cloneTarget: number): boolean {
    const type = ev.type(r, o);
    const f = this.filter;
    if (ev.dev(r, o) !== this.dev) return false;
    switch (f.kind) {
      case "map":
        return (
          type === EV.BIO_MAP &&
          ev.mapState(r, o) === f.code &&
          (!this.isTarget || ev.target(r, o) === this.target)
        );
      case "status":
        if (this.isTarget) {
          return type === EV.BIO_ENDIO && ev.status(r, o) === f.code && cloneTarget === this.target;
        }
        return type === EV.BIO_COMPLETE && ev.status(r, o) === f.code;
      case "defer":
        return type === EV.BIO_DEFER;
      case "requeue":
        return type === EV.BIO_REQUEUE;
      case "fault":
        return type === EV.TARGET_FAULT && (!this.isTarget || ev.target(r, o) === this.target);
    }
  }
}
