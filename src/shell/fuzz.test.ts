/**
 * Bad input never crashes the shell or the engine: malformed tables, unknown devices and
 * options, huge and negative numbers, binary garbage on stdin. Every run must end with an exit
 * status, no dmsh command may die of an internal error, and the shell must still work after.
 */

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Engine } from "../engine/index.ts";
import { createShell, type DmShell } from "./index.ts";

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

const WORDS = [
  "0",
  "1",
  "-1",
  "8",
  "12",
  "100",
  "1024",
  "8192",
  "8193",
  "-5",
  "0x10",
  "12x",
  "abc",
  "",
  "99999999999999999999999",
  "18446744073709551615",
  "9007199254740993",
  "linear",
  "striped",
  "zero",
  "error",
  "delay",
  "flakey",
  "crypt",
  "nosuchtarget",
  "/dev/ram0",
  "/dev/ram1",
  "/dev/mapper/a",
  "/dev/mapper/b",
  "/dev/nosuch",
  "/dev/null",
  "/dev/dm-0",
  "1:0",
  "1:1",
  "254:0",
  "7:99",
  "#",
  "\\",
  ";",
  "a",
  "b",
  "--",
  "-",
  "--force",
  "--noflush",
  "--table",
  "--target",
  "-u",
  "-o",
  "--readonly",
  "--notable",
  "--inactive",
  "-c",
];

const word = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 10 }) },
  { weight: 1, arbitrary: fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }).map(String) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 12 }).map((b) => String.fromCharCode(...b)) },
);

const tableLine = fc.oneof(
  fc.array(word, { maxLength: 9 }).map((w) => w.join(" ")),
  fc
    .tuple(
      fc.constantFrom("0", "1024", "-1", "x"),
      fc.constantFrom("1024", "0", "-5", "8193", "99999999999999999999999"),
      fc.constantFrom("linear", "striped", "zero", "error", "delay", "flakey"),
      fc.array(word, { maxLength: 7 }),
    )
    .map(([s, l, t, a]) => `${s} ${l} ${t} ${a.join(" ")}`),
);
const table = fc.array(tableLine, { maxLength: 4 }).map((l) => l.join("\n"));
const garbage = fc.uint8Array({ maxLength: 3000 }).map((b) => String.fromCharCode(...b));

const SETUP = [
  "modprobe brd rd_nr=2 rd_size=64",
  'echo "0 128 linear /dev/ram0 0" | dmsetup create a',
  'echo "0 64 zero" | dmsetup create b',
].join("\n");

async function shellWithDevices(): Promise<DmShell> {
  const sh = createShell(new Engine({ seed: 3 }));
  expect(await sh.run(SETUP)).toBe(0);
  return sh;
}

/** Run `script`; it must finish (interrupted after 3 s of real time) without internal errors. */
async function survive(sh: DmShell, script: string, stdin?: string): Promise<void> {
  let out = "";
  const timer = setInterval(() => sh.interrupt(), 3000);
  let status: number;
  try {
    status = await sh.run(script, {
      onOutput: (_s, t) => (out += t),
      ...(stdin === undefined ? {} : { stdin }),
    });
  } finally {
    clearInterval(timer);
  }
  expect(Number.isInteger(status)).toBe(true);
  expect(status).toBeGreaterThanOrEqual(0);
  expect(status).toBeLessThan(256);
  expect(out).not.toContain("internal error");
  let after = "";
  expect(
    await sh.run("echo ok; dmsetup ls >/dev/null; echo $?", { onOutput: (_s, t) => (after += t) }),
  ).toBe(0);
  expect(after).toBe("ok\n0\n");
}

/** More with DMSH_FUZZ_RUNS=N (the default keeps the suite quick). */
const N = Number(process.env.DMSH_FUZZ_RUNS ?? 60);
const RUNS = { numRuns: N };

describe("fuzz: bad input never crashes dmsh or the engine", () => {
  it("malformed tables for create, load and reload", async () => {
    await fc.assert(
      fc.asyncProperty(
        table,
        fc.constantFrom("create x", "load a", "reload b", "create y --readonly"),
        async (t, cmd) => {
          const sh = await shellWithDevices();
          await survive(
            sh,
            `dmsetup ${cmd}; dmsetup resume a; dmsetup resume b; dmsetup table; dmsetup status; dmsetup ls --tree; dmsetup remove_all`,
            t,
          );
          await survive(sh, `dmsetup create z --table ${quote(t)}; dmsetup info z; dmsetup deps`);
        },
      ),
      RUNS,
    );
  });

  it("random dmsetup command lines", async () => {
    const sub = fc.constantFrom(
      "create",
      "load",
      "reload",
      "suspend",
      "resume",
      "remove",
      "remove_all",
      "wipe_table",
      "clear",
      "rename",
      "message",
      "table",
      "status",
      "info",
      "ls",
      "deps",
      "mknodes",
      "targets",
      "version",
      "help",
      "bogus",
      "target-version",
      "wait",
    );
    await fc.assert(
      fc.asyncProperty(sub, fc.array(word, { maxLength: 7 }), garbage, async (s, args, stdin) => {
        const sh = await shellWithDevices();
        await survive(sh, `dmsetup ${s} ${args.map(quote).join(" ")}; dmsetup resume a b`, stdin);
      }),
      RUNS,
    );
  });

  it("dd, blockdev, hexdump, od, md5sum, tr, modprobe, ls, dmesg with random arguments and binary stdin", async () => {
    const DD = [
      "if=",
      "of=",
      "bs=",
      "ibs=",
      "obs=",
      "count=",
      "skip=",
      "seek=",
      "conv=",
      "iflag=",
      "oflag=",
      "status=",
    ];
    const ddArg = fc
      .tuple(
        fc.constantFrom(...DD),
        fc.oneof(
          word,
          fc.constantFrom(
            "/dev/ram0",
            "/dev/mapper/a",
            "/dev/mapper/b",
            "/tmp/f",
            "notrunc",
            "sync,noerror",
            "direct",
            "none",
            "1k",
            "4096",
            "1M",
            "3",
          ),
        ),
      )
      .map(([k, v]) => k + v);
    const cmd = fc.oneof(
      fc.array(ddArg, { maxLength: 6 }).map((a) => `dd ${a.map(quote).join(" ")} count=3`),
      fc
        .tuple(
          fc.constantFrom(
            "--getsz",
            "--getsize64",
            "--setro",
            "--setrw",
            "--getro",
            "--flushbufs",
            "--bogus",
            "--setra",
          ),
          fc.array(word, { maxLength: 2 }),
        )
        .map(([o, a]) => `blockdev ${o} ${a.map(quote).join(" ")}`),
      fc.array(word, { maxLength: 4 }).map((a) => `hexdump ${a.map(quote).join(" ")} -n 4096`),
      fc.array(word, { maxLength: 4 }).map((a) => `od -N 512 ${a.map(quote).join(" ")}`),
      fc
        .array(word, { maxLength: 3 })
        .map((a) => `md5sum ${a.map(quote).join(" ")}; sha256sum ${a.map(quote).join(" ")}`),
      fc
        .tuple(word, word)
        .map(([a, b]) => `tr ${quote(a)} ${quote(b)}; tr -d ${quote(a)}; tr -s ${quote(b)}`),
      fc.array(word, { maxLength: 3 }).map((a) => `modprobe ${a.map(quote).join(" ")}`),
      fc
        .array(word, { maxLength: 3 })
        .map((a) => `ls ${a.map(quote).join(" ")}; dmesg ${a.map(quote).join(" ")}; sleep 0.5`),
      fc.array(word, { maxLength: 4 }).map((a) => `printf ${a.map(quote).join(" ")}`),
    );
    await fc.assert(
      fc.asyncProperty(cmd, garbage, async (c, stdin) => {
        const sh = await shellWithDevices();
        await survive(sh, `${c} > /tmp/out; echo $?`, stdin);
      }),
      RUNS,
    );
  });

  it("binary garbage as a whole script", async () => {
    await fc.assert(
      fc.asyncProperty(garbage, async (script) => {
        const sh = await shellWithDevices();
        await survive(sh, script);
      }),
      { numRuns: Math.ceil((N * 2) / 3) },
    );
  });
});
