/** The kernel ring buffer (`dmesg`), stamped with virtual time. */

export type LogLevel = "emerg" | "alert" | "crit" | "err" | "warn" | "notice" | "info" | "debug";

export interface LogLine {
  /** Virtual nanoseconds. */
  time: number;
  level: LogLevel;
  text: string;
}

export class KernelLog {
  lines: LogLine[] = [];
  #limit: number;
  /** Rate-limited messages (DMERR_LIMIT, printk_ratelimited): last time each was printed. */
  #rate = new Map<string, { since: number; count: number }>();
  onLine: ((l: LogLine) => void) | undefined;

  constructor(limit = 10_000) {
    this.#limit = limit;
  }

  printk(time: number, level: LogLevel, text: string): void {
    const l = { time, level, text };
    this.lines.push(l);
    if (this.lines.length > this.#limit) this.lines.splice(0, this.lines.length - this.#limit);
    this.onLine?.(l);
  }

  /**
   * printk_ratelimited: at most `burst` lines per `interval` ns for one key (the kernel's
   * default ratelimit is 10 lines per 5 s).
   */
  ratelimited(
    time: number,
    level: LogLevel,
    key: string,
    text: string,
    interval = 5e9,
    burst = 10,
  ): void {
    let r = this.#rate.get(key);
    if (!r || time - r.since >= interval) {
      r = { since: time, count: 0 };
      this.#rate.set(key, r);
    }
    if (r.count++ < burst) this.printk(time, level, text);
  }

  clear(): void {
    this.lines = [];
  }

  /** `dmesg` formatting: "[    1.234567] text". */
  static format(l: LogLine): string {
    const us = Math.floor(l.time / 1000);
    const sec = Math.floor(us / 1e6);
    const frac = String(us % 1e6).padStart(6, "0");
    return `[${String(sec).padStart(5, " ")}.${frac}] ${l.text}`;
  }
}
