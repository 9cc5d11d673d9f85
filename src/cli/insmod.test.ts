/**
 * The dmsh CLI's insmod reads a host file when the path is not in dmsh's own file system, so a
 * user target is usable from a script on the command line and in CI.
 */

import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../..");

describe("dmsh CLI insmod", () => {
  it("loads src/samples/dm-proxy.ts from the host and uses it in a table", () => {
    const out = execFileSync(
      process.execPath,
      [
        "--import",
        "tsx",
        "src/cli/dmsh.ts",
        "-c",
        `modprobe brd rd_nr=1 rd_size=4096
insmod src/samples/dm-proxy.ts; echo rc=$?
dmsetup create px --table "0 8192 proxy /dev/ram0 0"
dd if=/dev/zero of=/dev/mapper/px bs=4k count=2 oflag=direct 2>/dev/null
dmsetup status px
lsmod | grep -E '^dm_proxy '
insmod no-such-file.ts 2>&1; echo rc=$?`,
      ],
      { cwd: root, encoding: "utf8" },
    );
    expect(out).toBe(
      "rc=0\n" +
        "0 8192 proxy reads 0 writes 2 read_bytes 0 write_bytes 8192 flushes 0 discards 0 max_bio 4096\n" +
        "dm_proxy                4096  1 \n" +
        "insmod: can't insert 'no-such-file.ts': No such file or directory\n" +
        "rc=254\n",
    );
  }, 30_000);
});
