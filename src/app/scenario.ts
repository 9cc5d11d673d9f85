/**
 * The page's default scenario: what a first-time visitor sees built, command by command, in
 * the console. Two 16 MiB RAM disks; "concat" runs linearly across the first half of both
 * (two linear segments, so a write can cross the boundary); "stripes" stripes 64 KiB chunks
 * over their second halves.
 */
export const DEFAULT_SCENARIO: readonly string[] = [
  "modprobe brd rd_nr=2 rd_size=16384",
  "dmsetup create concat <<'EOF'\n0 16384 linear /dev/ram0 0\n16384 16384 linear /dev/ram1 0\nEOF",
  "dmsetup create stripes --table '0 32768 striped 2 128 /dev/ram0 16384 /dev/ram1 16384'",
  "dmsetup ls --tree",
];

/** What to try next, printed (dimmed, as a shell comment) once the scenario is built. */
export const SCENARIO_HINT =
  "# try: dmsetup create top --table '0 8192 linear /dev/mapper/stripes 0'";

/** The session seed: fixed, so a reload replays the same engine events. */
export const DEFAULT_SEED = 0x5eed;
