/**
 * dmsh itself: output order and streaming, state across runs, background jobs, the terminal
 * rewrite's redirection semantics, and the commands' byte-level behaviour.
 */

import { describe, expect, it } from "vitest";
import { Engine } from "../engine/index.ts";
import { createShell, type DmShell, type Stream } from "./index.ts";

interface Captured {
  status: number;
  /** Everything, interleaved as written. */
  all: string;
  chunks: Array<{ stream: Stream; text: string; at: number }>;
}

async function run(shell: DmShell, script: string, stdin?: string): Promise<Captured> {
  const chunks: Captured["chunks"] = [];
  const status = await shell.run(script, {
    onOutput: (stream, text) => chunks.push({ stream, text, at: shell.engine.now }),
    ...(stdin === undefined ? {} : { stdin }),
  });
  return { status, all: chunks.map((c) => c.text).join(""), chunks };
}

function fresh(seed = 1): DmShell {
  return createShell(new Engine({ seed }));
}

describe("output order", () => {
  it("keeps stderr between stdout lines of one command where it was written", async () => {
    const sh = fresh();
    const r = await run(sh, "dmsetup create e --notable\ndmsetup info e");
    const lines = r.all.split("\n");
    expect(lines.slice(0, 3)).toEqual([
      "Name:              e",
      "State:             ACTIVE",
      "/dev/mapper/e: open failed: No such file or directory",
    ]);
    const err = r.chunks.find((c) => c.text.includes("open failed"));
    expect(err?.stream).toBe("stderr");
  });

  it("interleaves commands in loops and functions", async () => {
    const sh = fresh();
    const r = await run(sh, 'f() { dmsetup info nosuch; echo "rc=$?"; }\nfor i in 1 2; do f; done');
    expect(r.all).toBe("Device does not exist.\nCommand failed.\nrc=1\n".repeat(2));
  });

  it("streams output as it is written, at the virtual time it is written", async () => {
    const sh = fresh();
    const r = await run(sh, "echo a; sleep 2; echo b >&2; sleep 1; echo c");
    expect(r.chunks.map((c) => [c.stream, c.text, c.at])).toEqual([
      ["stdout", "a\n", 0],
      ["stderr", "b\n", 2e9],
      ["stdout", "c\n", 3e9],
    ]);
  });

  it("follows redirections, pipes and substitutions", async () => {
    const sh = fresh();
    const r = await run(
      sh,
      [
        "dmsetup info nosuch 2>/dev/null; echo one",
        "dmsetup info nosuch 2>&1 | sed 's/^/piped: /'",
        'x=$(dmsetup info nosuch 2>&1); echo "[$x]"',
        "{ echo out; dmsetup info nosuch; } 2>&1 >/dev/null | sed 's/^/err: /'",
        "f() { echo in-f; echo err-f >&2; }; f >/dev/null; f 2>/dev/null",
        "ls /dev/nosuch 2>&1 | cat",
      ].join("\n"),
    );
    expect(r.all).toBe(
      [
        "one",
        "piped: Device does not exist.",
        "piped: Command failed.",
        "[Device does not exist.\nCommand failed.]",
        "err: Device does not exist.",
        "err: Command failed.",
        "err-f",
        "in-f",
        "ls: /dev/nosuch: No such file or directory",
        "",
      ].join("\n"),
    );
  });

  it("lays ls out in columns on the terminal only", async () => {
    const sh = fresh();
    const r = await run(sh, "modprobe brd rd_nr=3\nls /dev/ram*\nls /dev/ram* | cat");
    expect(r.all).toBe("/dev/ram0  /dev/ram1  /dev/ram2\n/dev/ram0\n/dev/ram1\n/dev/ram2\n");
  });
});

describe("state across runs", () => {
  it("keeps variables, functions, the working directory and $?", async () => {
    const sh = fresh();
    await run(sh, 'x=5; f() { echo "f says $1"; }; cd /root');
    expect((await run(sh, "echo $x; f hi; pwd")).all).toBe("5\nf says hi\n/root\n");
    await run(sh, "false");
    expect((await run(sh, "echo $?")).all).toBe("1\n");
  });

  it("reports the script's exit status", async () => {
    const sh = fresh();
    expect((await run(sh, "dmsetup ls; exit 3")).status).toBe(3);
    expect((await run(sh, "set -e; dmsetup info nosuch; echo no")).all).not.toContain("no\n");
  });

  it("sees the running script's variables inside $(( $(cmd) ))", async () => {
    const sh = fresh();
    const r = await run(
      sh,
      "modprobe brd rd_nr=1\nd=ram0\nn=$(( 1 + $(blockdev --getsz /dev/$d) ))\necho $n",
    );
    expect(r.all).toBe("8193\n");
  });
});

describe("background jobs", () => {
  it("a write to a suspended device waits for the resume; wait waits for it", async () => {
    const sh = fresh();
    const r = await run(
      sh,
      [
        "modprobe brd rd_nr=1",
        'echo "0 8192 linear /dev/ram0 0" | dmsetup create x',
        "dmsetup suspend x",
        "(printf 'queued' | dd of=/dev/mapper/x bs=512 conv=sync 2>/dev/null; echo written) &",
        "sleep 1",
        "echo still-waiting",
        "dmsetup info x | grep Open",
        "dmsetup remove x; echo remove rc=$?",
        "dmsetup resume x",
        "wait",
        "head -c 6 /dev/ram0; echo",
      ].join("\n"),
    );
    expect(r.all).toBe(
      [
        "still-waiting",
        "Open count:        1",
        "device-mapper: remove ioctl on x  failed: Device or resource busy",
        "Command failed.",
        "remove rc=1",
        "written",
        "queued",
        "",
      ].join("\n"),
    );
  });

  it("interrupts I/O that can never complete instead of hanging", async () => {
    const sh = fresh();
    const r = await run(
      sh,
      'echo "0 100 zero" | dmsetup create z\ndmsetup suspend z\ndd if=/dev/zero of=/dev/mapper/z bs=4096 count=1 oflag=direct\necho rc=$?',
    );
    expect(r.all).toContain("dd: error writing '/dev/mapper/z': Interrupted system call\n");
    expect(r.all.endsWith("rc=1\n")).toBe(true);
  });
});

describe("commands", () => {
  it("printf and tr work in bytes", async () => {
    const sh = fresh();
    const bytes: number[] = [];
    await sh.run(
      "printf '\\001\\377\\0' | tr '\\000' '\\132'; printf '%s|%5s|%-3d|%x\\n' é ab 7 255",
      {
        onBytes: (_s, b) => bytes.push(...b),
      },
    );
    expect(bytes.slice(0, 3)).toEqual([1, 0xff, 0x5a]);
    expect(new TextDecoder().decode(Uint8Array.from(bytes.slice(3)))).toBe("é|   ab|7  |ff\n");
  });

  it("/dev/urandom is the same for the same seed", async () => {
    const a = await run(fresh(7), "head -c 16 /dev/urandom | od -A n -t x1");
    const b = await run(fresh(7), "head -c 16 /dev/urandom | od -A n -t x1");
    const c = await run(fresh(8), "head -c 16 /dev/urandom | od -A n -t x1");
    expect(a.all).toBe(b.all);
    expect(a.all).not.toBe(c.all);
  });

  it("mknodes and rm manage /dev/mapper nodes", async () => {
    const sh = fresh();
    const r = await run(
      sh,
      'echo "0 8 zero" | dmsetup create k\nrm /dev/mapper/k\nls /dev/mapper | cat\ndmsetup mknodes\nls /dev/mapper | cat',
    );
    expect(r.all).toBe("control\ncontrol\nk\n");
  });

  it("dd counts records as busybox does", async () => {
    const sh = fresh();
    const r = await run(
      sh,
      "printf abcdefghij | dd of=/dev/null bs=4; dd if=/dev/zero of=/dev/null ibs=1024 obs=512 count=3",
    );
    expect(r.all).toBe("2+1 records in\n2+1 records out\n3+0 records in\n6+0 records out\n");
  });

  it("survives a command throwing inside (reported, shell goes on)", async () => {
    const sh = fresh();
    const r = await run(sh, "dmsetup message nosuch 0 x; echo after");
    expect(r.all.endsWith("after\n")).toBe(true);
  });
});
