/**
 * `loadgen` through the real shell, headless (eager drive): generator timers are background
 * work, so `sleep` is what lets a generator run.
 */

import { describe, expect, it } from "vitest";
import { Engine, EV } from "../../engine/index.ts";
import { createShell, type DmShell } from "../index.ts";

const SETUP = [
  "modprobe brd rd_nr=2 rd_size=4096",
  "dmsetup create s --table '0 16384 striped 2 16 /dev/ram0 0 /dev/ram1 0'",
  "dmsetup create top --table '0 8192 linear /dev/mapper/s 0\n8192 8 error'",
].join("\n");

async function shell(): Promise<DmShell> {
  const sh = createShell(new Engine({ seed: 5 }));
  expect(await sh.run(SETUP)).toBe(0);
  return sh;
}

async function run(sh: DmShell, script: string) {
  let stdout = "";
  let stderr = "";
  const status = await sh.run(script, {
    onOutput: (stream, t) => (stream === "stdout" ? (stdout += t) : (stderr += t)),
  });
  return { status, stdout, stderr };
}

describe("loadgen", () => {
  it("starts a generator, prints its id, and lets it run while time passes", async () => {
    const sh = await shell();
    const r = await run(
      sh,
      "id=$(loadgen start top --pattern seq --read 0 --bs 4k --qd 2 --rate 1000)\necho id=$id\nsleep 1\nloadgen list --long\nloadgen list",
    );
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe("id=1");
    expect(lines[1]).toMatch(
      /^ID +DEVICE +PATTERN +READ% +BS +QD +RATE +COUNT +SEED +ISSUED +DONE +ERR +INFL +IOPS +MB\/s +STATE$/,
    );
    const cells = lines[2]!.trim().split(/ +/);
    expect(cells).toEqual([
      "1",
      "/dev/mapper/top",
      "seq",
      "0",
      "4k",
      "2",
      "1000",
      "0",
      "1",
      "1001",
      "1001",
      "0",
      "0",
      "1001",
      "4.1",
      "running",
    ]);
    // Without --long, the counters alone: they fit an 80-column terminal.
    expect(lines.slice(3, 5)).toEqual([
      "ID  DEVICE           ISSUED  DONE  ERR  INFL  IOPS  MB/s  STATE",
      " 1  /dev/mapper/top    1001  1001    0     0  1001   4.1  running",
    ]);
    // The bios went through the stack to the disks.
    const e = sh.engine;
    const top = e.dm.byName("top")!;
    const submits = e.events.since(0).filter((v) => v.type === EV.BIO_SUBMIT);
    expect(submits.filter((v) => v.dev === top.dev && v.b === 0)).toHaveLength(1001);
    expect([...e.ramDisks[0]!.disk.allocatedChunks()].length).toBeGreaterThan(0);
  });

  it("stops one generator by id, or all of them", async () => {
    const sh = await shell();
    const r = await run(
      sh,
      [
        "loadgen start /dev/mapper/top --rate 100",
        "loadgen start /dev/ram1 --rate 100 --pattern random --read 100",
        "sleep 0.5",
        "loadgen stop 1",
        "sleep 0.5",
        "loadgen list",
        "loadgen stop",
        "loadgen list | tail -n +2 | awk '{print $1, $3, $NF}'",
      ].join("\n"),
    );
    expect(r.status).toBe(0);
    const table = r.stdout.split("\n");
    expect(table[0]).toBe("1");
    expect(table[1]).toBe("2");
    const before = table.slice(2, 5).map((l) => l.trim().split(/ +/));
    expect(before[1]?.[0]).toBe("1");
    expect(before[1]?.[2]).toBe("51"); // stopped after 0.5 s at 100 IOPS
    expect(before[1]?.at(-1)).toBe("stopped");
    expect(before[2]?.[1]).toBe("/dev/ram1");
    expect(before[2]?.[2]).toBe("101");
    expect(before[2]?.at(-1)).toBe("running");
    expect(table.slice(5, 7)).toEqual(["1 51 stopped", "2 101 stopped"]);
  });

  it("counts I/O errors from the device", async () => {
    const sh = await shell();
    // Random 4k bios over the whole of top: its last 8 sectors are an error target.
    const r = await run(
      sh,
      "loadgen start top --bs 4k --count 4000 --rate 0 --seed 9\nsleep 1\nloadgen list | awk 'NR==2 {print $4, $5, $NF}'",
    );
    expect(r.status).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe("1");
    const [done, errors, state] = (r.stdout.trim().split("\n")[1] ?? "").split(" ");
    expect(done).toBe("4000");
    expect(Number(errors)).toBeGreaterThan(0);
    expect(Number(errors)).toBeLessThan(40);
    expect(state).toBe("stopped");
  });

  it("is reproducible from its seed", async () => {
    const once = async () => {
      const sh = await shell();
      return (
        await run(
          sh,
          "loadgen start top --count 300 --rate 0 --read 30 --seed 42\nsleep 1\nmd5sum /dev/ram0 /dev/ram1",
        )
      ).stdout;
    };
    const a = await once();
    expect(a).toMatch(/^1\n[0-9a-f]{32} {2}\/dev\/ram0\n/);
    expect(await once()).toBe(a);
  });

  it("explains bad input: usage errors exit 2, failures exit 1", async () => {
    const sh = await shell();
    const cases: Array<[string, number, string]> = [
      ["loadgen", 2, "loadgen: missing command: start, stop or list\n"],
      ["loadgen frob", 2, "loadgen: unknown command 'frob': start, stop or list\n"],
      ["loadgen start", 2, "loadgen: start: missing DEVICE\n"],
      ["loadgen start top extra", 2, "loadgen: start: extra operand 'extra'\n"],
      [
        "loadgen start top --pattern zigzag",
        2,
        "loadgen: invalid pattern 'zigzag': seq or random\n",
      ],
      [
        "loadgen start top --read 101",
        2,
        "loadgen: invalid read percentage '101': not in 0..100\n",
      ],
      [
        "loadgen start top --bs 1000",
        2,
        "loadgen: invalid block size '1000': must be a multiple of 512 bytes, at most 16M\n",
      ],
      ["loadgen start top --bs 4q", 2, "loadgen: invalid block size '4q'\n"],
      ["loadgen start top --qd 0", 2, "loadgen: invalid queue depth '0': not in 1..4096\n"],
      ["loadgen start top --rate fast", 2, "loadgen: invalid rate 'fast'\n"],
      ["loadgen start top --frob 1", 2, "loadgen: unrecognized option '--frob'\n"],
      ["loadgen start top --qd", 2, "loadgen: option '--qd' requires an argument\n"],
      ["loadgen stop x", 2, "loadgen: invalid generator id 'x'\n"],
      ["loadgen list all", 2, "loadgen: list: extra operand 'all'\n"],
      ["loadgen list -x", 2, "loadgen: invalid option -- 'x'\n"],
    ];
    for (const [cmd, status, message] of cases) {
      const r = await run(sh, cmd);
      expect([cmd, r.status, r.stdout, r.stderr]).toEqual([
        cmd,
        status,
        "",
        `${message}Try 'loadgen --help' for more information.\n`,
      ]);
    }
    const failures: Array<[string, string]> = [
      ["loadgen start nosuch", "loadgen: nosuch: No such device\n"],
      ["loadgen start /dev/mapper/nosuch", "loadgen: /dev/mapper/nosuch: No such device\n"],
      [
        "loadgen start /dev/ram0 --bs 8M",
        "loadgen: /dev/ram0: device (4194304 bytes) smaller than one block (8388608)\n",
      ],
      ["loadgen stop 7", "loadgen: stop: no generator 7\n"],
    ];
    for (const [cmd, message] of failures) {
      const r = await run(sh, cmd);
      expect([cmd, r.status, r.stdout, r.stderr]).toEqual([cmd, 1, "", message]);
    }
    const help = await run(sh, "loadgen --help");
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("Usage: loadgen start DEVICE [OPTION]...");
    expect(sh.engine.load.list()).toEqual([]);
  });
});
