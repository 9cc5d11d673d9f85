/**
 * Back to real Linux, both ways.
 *
 * `linuxScript`: a scenario as a shell script for a real Linux machine (as root; busybox sh or
 * bash): RAM disks from brd, the same commands as typed here, then checks that Linux prints
 * what dm-playground printed for `dmsetup table`, `dmsetup status`, `dmsetup ls --tree` and,
 * when no command read /dev/urandom, each device's md5sum. Each check prints `same: CMD` or
 * `DIFFERS: CMD` with both outputs. The golden files 700-702 are such scripts, run on Linux by
 * the kernel tool; the golden suite replays them through dmsh and requires the same bytes.
 *
 * `importStack`: the other way: what `dmsetup table` printed on a real machine (with
 * `dmsetup ls`, `dmsetup ls --tree` or `lsblk` beside it, for the devices' numbers and the
 * disks' sizes) becomes commands that rebuild the stack here: each disk under the stack
 * becomes a RAM disk (or, past 64 GiB, a loop device over a sparse file) at least as large as
 * the table needs, and each mapped device is created in dependency order with its table, the
 * major:minor numbers rewritten to the new devices' paths.
 */

/** A check: a command and what dm-playground printed for it. */
export interface ScriptCheck {
  command: string;
  output: string;
}

/** The commands whose outputs the exported script compares (md5sums are added per device). */
export const CHECK_COMMANDS = ["dmsetup table", "dmsetup status", "dmsetup ls --tree"] as const;

/** Whether data the commands wrote is the same on Linux (no /dev/urandom: its bytes differ). */
export function dataIsPortable(commands: readonly string[]): boolean {
  return !commands.some((c) => c.includes("/dev/urandom"));
}

/** Commands that check a device's contents: md5sum of each mapped device, by name. */
export function md5Checks(devices: readonly string[]): string[] {
  return [...devices].sort().map((d) => `md5sum /dev/mapper/${d}`);
}

/** Single-quotes `s` for sh ('it'\''s'). */
export function shQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/**
 * The script. `commands`: what runs, in order (the page's starting point's commands, then those
 * typed); `checks`: each check command with the output dm-playground gave.
 */
export function linuxScript(opts: {
  title: string;
  commands: readonly string[];
  checks: readonly ScriptCheck[];
}): string {
  const lines = [
    `# ${opts.title}`,
    "# Exported from dm-playground: run as root on Linux (a VM, or a machine where brd is not loaded).",
    "# It builds the stack over brd RAM disks with the same commands, then checks that Linux prints",
    "# what dm-playground printed.",
    "if [ -e /dev/ram0 ]; then echo 'brd is already loaded: rmmod brd first'; exit 1; fi",
    ...opts.commands,
    "# ---- checks: dm-playground's outputs",
    'check() { if [ "$2" = "$3" ]; then echo "same: $1"; else echo "DIFFERS: $1"; echo "--- dm-playground"; echo "$3"; echo "--- Linux"; echo "$2"; fi; }',
    ...opts.checks.map(
      (c) =>
        `check ${shQuote(c.command)} "$(${c.command} 2>&1)" ${shQuote(c.output.replace(/\n+$/, ""))}`,
    ),
  ];
  return lines.join("\n") + "\n";
}

// ---------------------------------------------------------------- import

export interface ImportedDevice {
  name: string;
  /** "major:minor" on the machine it came from, when a listing said. */
  majmin?: string;
  lines: Array<{ start: number; length: number; type: string; args: string }>;
}

export interface ImportedDisk {
  /** "major:minor" on the machine it came from. */
  majmin: string;
  /** Its name there (sda2), when lsblk said. */
  name?: string;
  /** Sectors: lsblk's size, or (larger) what the tables use. */
  sectors: number;
  /** Its name here: ram0, ram1 ... or loop0 ... */
  here: string;
}

export interface ImportResult {
  devices: ImportedDevice[];
  disks: ImportedDisk[];
  /** The commands that rebuild the stack on a fresh engine. */
  commands: string[];
  /** What could not be taken as it was (unknown devices, estimated sizes...). */
  notes: string[];
}

/** brd's largest disk here (README: RAM disks are at most 64 GiB). */
const MAX_RAM_SECTORS = 64 * 2 ** 21;

const SIZE_UNITS: Record<string, number> = {
  B: 1,
  K: 2 ** 10,
  M: 2 ** 20,
  G: 2 ** 30,
  T: 2 ** 40,
  P: 2 ** 50,
};

/** lsblk's SIZE ("8M", "465.8G", "0B", or bytes with -b) in sectors, rounded up. */
function lsblkSectors(size: string): number | null {
  const m = /^(\d+(?:[.,]\d+)?)([BKMGTP]?)$/.exec(size);
  if (!m) return null;
  const bytes = parseFloat(m[1]!.replace(",", ".")) * (SIZE_UNITS[m[2] || "B"] ?? 1);
  return Math.ceil(bytes / 512);
}

const TREE_CHARS = /^[\s|`\\\-─│├└┌┐┘┬┴┼]*/;

/** Rebuild commands for pasted `dmsetup table` (+ `dmsetup ls [--tree]`, `lsblk`) output. */
export function importStack(text: string): ImportResult {
  const notes: string[] = [];
  const devices = new Map<string, ImportedDevice>();
  const majminOf = new Map<string, string>(); // dm name -> majmin
  const lsblk = new Map<string, { name: string; sectors: number | null; type: string }>();

  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\s+$/, "");
    if (!line.trim() || line.trim().startsWith("#")) continue;
    // dmsetup table: "name: start length type args"
    const t = /^(\S+): (\d+) (\d+) (\S+)(?: (.*))?$/.exec(line);
    if (t) {
      const name = t[1]!;
      const d = devices.get(name) ?? { name, lines: [] };
      d.lines.push({ start: Number(t[2]), length: Number(t[3]), type: t[4]!, args: t[5] ?? "" });
      devices.set(name, d);
      continue;
    }
    // lsblk: NAME MAJ:MIN RM SIZE RO TYPE [MOUNTPOINTS]
    const l = /^(\S+)\s+(\d+:\d+)\s+\d+\s+(\S+)\s+\d+\s+(\S+)/.exec(line.replace(TREE_CHARS, ""));
    if (l && l[1] !== "NAME") {
      lsblk.set(l[2]!, { name: l[1]!, sectors: lsblkSectors(l[3]!), type: l[4]! });
      continue;
    }
    // dmsetup ls: "name\t(254:0)"; dmsetup ls --tree: "top (254:2)", " `- (1:0)"
    const s = /^(\S*)\s*\((\d+):(\d+)\)$/.exec(line.replace(TREE_CHARS, ""));
    if (s) {
      if (s[1]) majminOf.set(s[1], `${s[2]}:${s[3]}`);
      continue;
    }
  }
  // lsblk names dm devices too (TYPE dm, lvm, crypt...): those it names as in the tables.
  for (const [mm, e] of lsblk) if (devices.has(e.name)) majminOf.set(e.name, mm);
  for (const [name, mm] of majminOf) {
    const d = devices.get(name);
    if (d) d.majmin = mm;
  }
  const dmByMajmin = new Map<string, string>();
  for (const d of devices.values()) if (d.majmin) dmByMajmin.set(d.majmin, d.name);

  // Every major:minor a table names that is not one of the mapped devices is a disk; how far
  // into it the tables reach is a lower bound of its size.
  const need = new Map<string, number>();
  const unknownDm: string[] = [];
  for (const d of devices.values()) {
    for (const seg of d.lines) {
      const tok = seg.args.split(/\s+/);
      tok.forEach((x, i) => {
        if (!/^\d+:\d+$/.test(x) || dmByMajmin.has(x)) return;
        const off = Number(tok[i + 1]);
        const reach = (Number.isFinite(off) ? off : 0) + seg.length;
        need.set(x, Math.max(need.get(x) ?? 0, reach));
      });
    }
  }
  // A device number in a table that is not a known mapped device, but looks like one (the same
  // major as the known ones, or lsblk says so), cannot be rebuilt as a disk without notice.
  const dmMajors = new Set([...dmByMajmin.keys()].map((k) => k.split(":")[0]));
  for (const mm of need.keys()) {
    const t = lsblk.get(mm)?.type;
    if (
      dmMajors.has(mm.split(":")[0]) ||
      (t && t !== "disk" && t !== "part" && t !== "loop" && t !== "rom")
    )
      unknownDm.push(mm);
  }
  if (unknownDm.length)
    notes.push(
      `${unknownDm.join(", ")}: mapped devices whose table is missing; rebuilt as empty disks (paste their dmsetup table lines too)`,
    );

  const diskList = [...need.entries()].sort((a, b) => {
    const [am, an] = a[0].split(":").map(Number) as [number, number];
    const [bm, bn] = b[0].split(":").map(Number) as [number, number];
    return am - bm || an - bn;
  });
  let biggest = 0;
  const sized = diskList.map(([mm, reach]) => {
    const listed = lsblk.get(mm)?.sectors ?? null;
    if (listed === null)
      notes.push(
        `${mm}: size not listed (paste lsblk), taken as what the tables use: ${reach} sectors`,
      );
    const sectors = Math.max(reach, listed ?? 0);
    biggest = Math.max(biggest, sectors);
    return { mm, sectors, name: lsblk.get(mm)?.name };
  });
  const useLoop = biggest > MAX_RAM_SECTORS;
  const disks: ImportedDisk[] = sized.map((d, i) => ({
    majmin: d.mm,
    ...(d.name ? { name: d.name } : {}),
    sectors: d.sectors,
    here: `${useLoop ? "loop" : "ram"}${i}`,
  }));

  const commands: string[] = [];
  if (disks.length && !useLoop) {
    // brd makes every disk the same size: the largest one's, in KiB, a whole MiB.
    const kib = Math.ceil(biggest / 2 / 1024) * 1024;
    commands.push(`modprobe brd rd_nr=${disks.length} rd_size=${kib}`);
  } else if (disks.length) {
    notes.push("a disk is larger than 64 GiB: loop devices over sparse files instead of RAM disks");
    commands.push("modprobe loop");
    for (const d of disks) {
      commands.push(`truncate -s ${d.sectors * 512} /tmp/${d.here}.img`);
      commands.push(`losetup /dev/${d.here} /tmp/${d.here}.img`);
    }
  }
  const pathOf = new Map<string, string>();
  for (const d of disks) pathOf.set(d.majmin, `/dev/${d.here}`);
  for (const [mm, name] of dmByMajmin) pathOf.set(mm, `/dev/mapper/${name}`);

  // Dependency order: a device after the mapped devices its table uses.
  const order: ImportedDevice[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (d: ImportedDevice) => {
    if (state.get(d.name) === "done") return;
    if (state.get(d.name) === "visiting") {
      notes.push(`${d.name}: its table refers back to itself through other devices`);
      return;
    }
    state.set(d.name, "visiting");
    for (const seg of d.lines)
      for (const x of seg.args.split(/\s+/)) {
        const dep = dmByMajmin.get(x);
        if (dep && dep !== d.name) visit(devices.get(dep)!);
      }
    state.set(d.name, "done");
    order.push(d);
  };
  // Creation order on the machine is minor order (a table names only devices that exist):
  // creating them in that order here gives them the same minors, when those were 0, 1, 2...
  const minor = (d: ImportedDevice) => (d.majmin ? Number(d.majmin.split(":")[1]) : Infinity);
  const byMinor = [...devices.values()].sort(
    (a, b) => minor(a) - minor(b) || a.name.localeCompare(b.name),
  );
  for (const d of byMinor) visit(d);

  for (const d of order) {
    const table = d.lines
      .map((seg) => {
        const args = seg.args
          .split(" ")
          .map((x) => pathOf.get(x) ?? x)
          .join(" ");
        return `${seg.start} ${seg.length} ${seg.type}${args ? " " + args : ""}`;
      })
      .join("\n");
    commands.push(
      d.lines.length === 1
        ? `dmsetup create ${d.name} --table ${shQuote(table)}`
        : `dmsetup create ${d.name} <<'EOF'\n${table}\nEOF`,
    );
    if (d.lines.some((s) => s.type === "crypt" && /\b0{32,}\b/.test(s.args)))
      notes.push(
        `${d.name}: the key was hidden (dmsetup table without --showkeys): rebuilt with a key of zeroes`,
      );
  }
  commands.push("dmsetup ls --tree");
  return { devices: order, disks, commands, notes };
}

// ---------------------------------------------------------------- export of a scenario

/**
 * The Linux script of a scenario, with the checks' expected outputs taken from dm-playground:
 * `run` runs a command on the engine the scenario was played on (the page's worker, or a
 * headless session) and resolves to what it printed.
 */
export async function exportScenario(
  commands: readonly string[],
  title: string,
  run: (command: string) => Promise<string>,
): Promise<string> {
  const names = (await run("dmsetup ls"))
    .split("\n")
    .map((l) => /^(\S+)\s+\(\d+:\d+\)$/.exec(l)?.[1])
    .filter((n): n is string => !!n);
  const checkCommands = [...CHECK_COMMANDS, ...(dataIsPortable(commands) ? md5Checks(names) : [])];
  const checks: ScriptCheck[] = [];
  for (const command of checkCommands)
    checks.push({ command, output: await run(`${command} 2>&1`) });
  return linuxScript({ title, commands, checks });
}
