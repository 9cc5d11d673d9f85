/**
 * mirror (dm-raid1.c): what the golden files 660-662 cannot show byte for byte: the legs'
 * contents, a read retried on the other leg, and determinism.
 */

import { describe, expect, it } from "vitest";
import { createShell } from "../../shell/index.ts";
import { Engine } from "../engine.ts";
import { Pacer } from "../../worker/pacer.ts";

async function run(e: Engine, script: string): Promise<string> {
  let out = "";
  await createShell(e).run(script, { onOutput: (_s, text) => (out += text) });
  return out;
}

function boot(): Engine {
  const e = new Engine({ seed: 7 });
  e.loadBrd(3, 4096);
  return e;
}

describe("mirror", () => {
  it("recovers the second leg from the first, then writes reach both", async () => {
    const e = boot();
    const out = await run(
      e,
      [
        "i=0; while [ $i -lt 64 ]; do printf '%0512d' $i; i=$((i+1)); done > /tmp/pat",
        "dd if=/tmp/pat of=/dev/ram0 bs=4k oflag=direct 2>/dev/null",
        "dmsetup create m --table '0 8192 mirror core 1 1024 2 /dev/ram0 0 /dev/ram1 0'",
        "sleep 1",
        "dmsetup status m",
        "dd if=/dev/urandom of=/dev/mapper/m bs=4k seek=200 count=8 oflag=direct 2>/dev/null",
        'a=$(md5sum < /dev/ram0); b=$(md5sum < /dev/ram1); [ "$a" = "$b" ] && echo same',
      ].join("\n"),
    );
    expect(out).toBe("0 8192 mirror 2 1:0 1:1 8/8 1 AA 1 core\nsame\n");
  });

  it("a read error on the default leg is retried on the other, which becomes the default", async () => {
    const e = boot();
    const out = await run(
      e,
      [
        "dmsetup create leg0 --table '0 8192 linear /dev/ram0 0'",
        "dmsetup create m --table '0 8192 mirror core 1 1024 2 /dev/mapper/leg0 0 /dev/ram1 0 1 handle_errors'",
        "sleep 1",
        "dd if=/dev/urandom of=/dev/mapper/m bs=4k count=4 oflag=direct 2>/dev/null",
        "before=$(dd if=/dev/mapper/m bs=4k count=4 iflag=direct 2>/dev/null | md5sum)",
        "dmsetup suspend leg0; dmsetup reload leg0 --table '0 8192 error'; dmsetup resume leg0",
        "after=$(dd if=/dev/mapper/m bs=4k count=4 iflag=direct 2>/dev/null | md5sum)",
        '[ "$before" = "$after" ] && echo same data',
        "dmsetup status m",
        "dmesg | grep raid1 | sed 's/^\\[[^]]*\\] //'",
      ].join("\n"),
    );
    expect(out).toBe(
      [
        "same data",
        "0 8192 mirror 2 254:0 1:1 8/8 1 RA 1 core",
        "device-mapper: raid1: Mirror read failed from 254:0. Trying alternative device.",
        "",
      ].join("\n"),
    );
  });

  it("is deterministic: the same script gives the same events", async () => {
    const script = [
      "dmsetup create m --table '0 8192 mirror core 1 512 2 /dev/ram0 0 /dev/ram1 0'",
      "dd if=/dev/urandom of=/dev/mapper/m bs=4k count=16 oflag=direct 2>/dev/null &",
      "sleep 1",
      "dmsetup remove m",
    ].join("\n");
    const trace = async (): Promise<string> => {
      const e = boot();
      await run(e, script);
      return e.events
        .since(0)
        .map((x) => `${x.kind} ${x.time} ${x.dev} ${x.sector} ${x.sectors} ${x.a} ${x.b}`)
        .join("\n");
    };
    expect(await trace()).toBe(await trace());
  });

  it("a held write is released by a suspend under the page's paced clock too (presuspend's wait is woken)", async () => {
    const script = [
      "dmsetup create leg --table '0 8192 linear /dev/ram1 0'",
      "dmsetup create m --table '0 8192 mirror disk 2 /dev/ram2 1024 2 /dev/ram0 0 /dev/mapper/leg 0 1 handle_errors'",
      "sleep 1",
      "dmsetup suspend leg; dmsetup reload leg --table '0 8192 error'; dmsetup resume leg",
      "dd if=/dev/zero of=/dev/mapper/m bs=4k count=1 oflag=direct 2>/dev/null &",
      "sleep 0.5",
      "dmsetup status m",
      "dmsetup suspend m; wait; echo after-wait",
      "dmsetup info -c --noheadings -o name,attr m",
    ].join("\n");
    const outputs: string[] = [];
    for (const drive of ["eager", "paced"] as const) {
      const e = new Engine({ seed: 7, drive });
      e.loadBrd(3, 4096);
      const pacer = new Pacer();
      if (drive === "paced") {
        pacer.attach(e);
        pacer.set({ speed: "max" });
      }
      outputs.push(await run(e, script));
      pacer.close();
    }
    expect(outputs[0]).toBe(
      "0 8192 mirror 2 1:0 254:0 7/8 1 AD 3 disk 1:2 A\nafter-wait\nm:L-sw\n",
    );
    expect(outputs[1]).toBe(outputs[0]);
  });
});
