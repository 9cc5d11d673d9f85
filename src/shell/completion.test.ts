import { describe, expect, it } from "vitest";
import { Engine } from "../engine/index.ts";
import { commandWords, DMSETUP_SUBCOMMANDS } from "./completion.ts";
import { createShell, type DmShell } from "./index.ts";

/** A shell with two RAM disks and the devices `concat` and `cache`, as a user would build it. */
async function shell(): Promise<DmShell> {
  const sh = createShell(new Engine({ seed: 1 }));
  await sh.run(
    [
      "modprobe brd rd_nr=2 rd_size=1024",
      "dmsetup create concat --table '0 2048 linear /dev/ram0 0'",
      "dmsetup create cache --table '0 2048 zero'",
      "mkdir -p /tmp/tables/old && echo '0 8 zero' > /tmp/tables/t1 && touch /tmp/top.table",
      "f_mine() { :; }",
    ].join("\n"),
  );
  return sh;
}

const candidates = async (sh: DmShell, line: string) => (await sh.complete(line)).candidates;

describe("words of the command at the cursor", () => {
  it("starts a new command after operators and keywords, and splits paths at =", () => {
    expect(commandWords("echo a; dmsetup rem").words.map((w) => w.text)).toEqual(["dmsetup"]);
    expect(commandWords("for i in 1; do dmsetup ").words.map((w) => w.text)).toEqual(["dmsetup"]);
    expect(commandWords("dd if=/dev/ra").current).toEqual({ text: "/dev/ra", from: 6 });
    expect(commandWords("cat 'my file").current).toMatchObject({ text: "my file", quoted: true });
    expect(commandWords("dmsetup create x --table '0 8 linear /dev/ra").current).toEqual({
      text: "/dev/ra",
      from: 37,
      quoted: true,
    });
    expect(commandWords("ls > /tm").current).toEqual({ text: "/tm", from: 5 });
  });
});

describe("tab completion", () => {
  it("completes commands in command position, functions and keywords included", async () => {
    const sh = await shell();
    expect(await candidates(sh, "dmse")).toEqual(["dmsetup"]);
    expect(await candidates(sh, "echo hi | md5")).toEqual(["md5sum"]);
    expect(await candidates(sh, "f_m")).toEqual(["f_mine"]);
    expect(await candidates(sh, "whi")).toContain("while");
    expect(await candidates(sh, "X=1 blockd")).toEqual(["blockdev"]);
    // No internal helper leaks out.
    expect((await candidates(sh, "__")).length).toBe(0);
  });

  it("completes dmsetup's subcommands, then device names where it takes devices", async () => {
    const sh = await shell();
    expect(await candidates(sh, "dmsetup re")).toEqual([
      "reload",
      "remove",
      "remove_all",
      "rename",
      "resume",
    ]);
    expect(await candidates(sh, "dmsetup -v ta")).toEqual(["table", "target-version", "targets"]);
    expect(await candidates(sh, "dmsetup remove c")).toEqual(["cache", "concat"]);
    expect(await candidates(sh, "dmsetup suspend concat ")).toEqual(["cache", "concat"]);
    expect(await candidates(sh, "dmsetup table --target linear co")).toEqual(["concat"]);
    // message takes a device, then a sector: only the first operand is a device.
    expect(await candidates(sh, "dmsetup message c")).toEqual(["cache", "concat"]);
    expect(await candidates(sh, "dmsetup message concat 0 c")).toEqual([]);
    // load's second operand is a table file.
    expect(await candidates(sh, "dmsetup load concat /tmp/tables/")).toEqual([
      "/tmp/tables/old/",
      "/tmp/tables/t1",
    ]);
    // create's operand is a new name: nothing to offer; the table option's value neither.
    expect(await candidates(sh, "dmsetup create c")).toEqual([]);
    expect(await candidates(sh, "dmsetup create x --table 0")).toEqual([]);
  });

  it("offers every subcommand dmsetup runs, and only those", async () => {
    const sh = await shell();
    expect(await candidates(sh, "dmsetup ")).toEqual([...DMSETUP_SUBCOMMANDS]);
    for (const sub of DMSETUP_SUBCOMMANDS) {
      let out = "";
      await sh.run(`dmsetup ${sub} nosuchdevice`, { onOutput: (_s, t) => (out += t) });
      expect(out, sub).not.toMatch(/Unknown command|not available/);
    }
  });

  it("completes device nodes and paths, directories with a slash", async () => {
    const sh = await shell();
    expect(await candidates(sh, "blockdev --getsize64 /dev/ra")).toEqual([
      "/dev/ram0",
      "/dev/ram1",
      "/dev/random",
    ]);
    expect(await candidates(sh, "md5sum /dev/mapper/")).toEqual([
      "/dev/mapper/cache",
      "/dev/mapper/concat",
      "/dev/mapper/control",
    ]);
    expect(await candidates(sh, "dd if=/dev/zero of=/dev/mapper/con")).toEqual([
      "/dev/mapper/concat",
      "/dev/mapper/control",
    ]);
    expect(await candidates(sh, "cat tab")).toEqual(["tables/"]);
    expect(await candidates(sh, "cat tables/")).toEqual(["tables/old/", "tables/t1"]);
    expect(await candidates(sh, "cat < top")).toEqual(["top.table"]);
    expect(await candidates(sh, "ls /nowhere/")).toEqual([]);
    // Inside a quoted table, the last word completes as a path, unescaped.
    expect(await candidates(sh, "dmsetup create x --table '0 8 linear /dev/mapper/ca")).toEqual([
      "/dev/mapper/cache",
    ]);
  });

  it("completes device names after loadgen start", async () => {
    const sh = await shell();
    expect(await candidates(sh, "loadgen start c")).toEqual(["cache", "concat"]);
  });

  it("escapes what the shell would split", async () => {
    const sh = await shell();
    await sh.run("touch '/tmp/a b'");
    const c = await sh.complete("cat a");
    expect(c).toEqual({ from: 4, word: "a", candidates: ["a\\ b"] });
  });
});
