import { afterEach, describe, expect, it } from "vitest";
import { RECORD_SLOTS } from "../engine/index.ts";
import { createShell } from "../shell/index.ts";
import { EngineClient } from "./client.ts";
import { EngineHost } from "./host.ts";
import { inProcessWorker } from "./testing/inProcessWorker.ts";
import { createRing } from "./ring.ts";

/** A host with dmsh on one end of a MessageChannel, a client on the other. */
async function start(): Promise<EngineClient> {
  const { worker } = inProcessWorker(
    (port) => new EngineHost(port, (engine) => createShell(engine)),
  );
  const ring = createRing({ capacity: 1 << 12, recordWords: RECORD_SLOTS });
  const client = new EngineClient({
    createWorker: () => worker,
    ring,
    seed: 7,
    pingIntervalMs: 1e6,
  });
  await client.start();
  await client.runShell("modprobe brd rd_nr=2 rd_size=1024", () => undefined);
  return client;
}

let client: EngineClient | null = null;
afterEach(() => client?.dispose());

// Comments and blank lines before the failing line: its line is the one the user typed.
const TABLE = "# two halves\n0 1024 linear /dev/ram0 0\n\n1024 1024 linear /dev/nope 0\n";

describe("table problems carry the line the user typed", () => {
  it("in the editor's check (validate)", async () => {
    client = await start();
    expect(await client.call("validateTable", { name: null, table: TABLE })).toEqual([
      { line: 4, message: "device-mapper: table: 254:0: linear: Device lookup failed (-ENODEV)" },
      { line: 0, message: "device-mapper: ioctl: error adding target to table" },
    ]);
    expect(
      await client.call("validateTable", { name: null, table: "# x\n0 8 zero\n\n8 x error" }),
    ).toEqual([{ line: 4, message: "Invalid format on line 4 of table" }]);
  });

  it("in the editor's Load, which feeds the table to dmsetup on stdin", async () => {
    client = await start();
    const bad = await client.call("loadTable", { name: "a", table: TABLE, resume: true });
    expect(bad.exitCode).toBe(1);
    expect(bad.output).toBe(
      "device-mapper: reload ioctl on a (254:0) failed: No such device\nCommand failed.\n",
    );
    expect(bad.problems).toEqual([
      { line: 4, message: "device-mapper: table: 254:0: linear: Device lookup failed (-ENODEV)" },
      { line: 0, message: "device-mapper: ioctl: error adding target to table" },
    ]);
    const format = await client.call("loadTable", {
      name: "b",
      table: "0 8 zero\n8 x error\n",
      resume: true,
    });
    expect(format.output).toBe("Invalid format on line 2 of table on stdin.\nCommand failed.\n");
    expect(format.problems).toEqual([{ line: 2, message: "Invalid format on line 2 of table" }]);
    // A table with a line "EOF" in it (the old heredoc's end marker) is just a bad line 2.
    const eof = await client.call("loadTable", {
      name: "c",
      table: "0 8 zero\nEOF\n",
      resume: true,
    });
    expect(eof.problems).toEqual([{ line: 2, message: "Invalid format on line 2 of table" }]);
    const good = await client.call("loadTable", {
      name: "d",
      table: "# ok\n0 8 zero # first\n\n8 8 error\n",
      resume: true,
    });
    expect(good).toEqual({ exitCode: 0, output: "", problems: [] });
    const state = await client.refreshState();
    expect(state.devices.find((d) => d.name === "d")?.live?.map((t) => t.type)).toEqual([
      "zero",
      "error",
    ]);
  });
});
