/**
 * The scenarios whose Linux export is checked against the real kernel (golden/700-702): the
 * page's default stack with a device stacked on it, a lesson's setup with commands typed after
 * it, and a session from an empty engine over several target types, suspends and reloads.
 * Data is written from /dev/zero and printf, so that the md5sum checks compare on Linux too.
 */

import { DEFAULT_SEED } from "../app/scenario.ts";
import { LESSON_SEED } from "./lesson.ts";
import type { Scenario } from "./share.ts";

const scenario = (base: string, seed: number, commands: string[]): Scenario => ({
  v: 1,
  base,
  seed,
  commands,
  targets: [],
  view: {},
});

export const EXPORT_SCENARIOS: ReadonlyArray<[file: string, scenario: Scenario, title: string]> = [
  [
    "700-export-default-stack.sh",
    scenario("default", DEFAULT_SEED, [
      "dmsetup create top --table '0 8192 linear /dev/mapper/stripes 0'",
      "printf 'dm-playground' | dd of=/dev/mapper/top bs=512 seek=200 conv=notrunc 2>/dev/null",
      "dd if=/dev/zero of=/dev/mapper/concat bs=64k count=4 oflag=direct 2>/dev/null",
      "printf 'across the seam' | dd of=/dev/mapper/concat bs=1 seek=8388600 conv=notrunc 2>/dev/null",
      "sync",
    ]),
    "dm-playground scenario: the default stack, top stacked on stripes, data written",
  ],
  [
    "701-export-lesson-stacking.sh",
    scenario("lesson:stacking", LESSON_SEED, [
      "dmsetup create bottom --table '0 8192 striped 2 8 /dev/ram0 0 /dev/ram1 0'",
      "dmsetup create middle --table '0 4096 linear /dev/mapper/bottom 2048'",
      "dmsetup create top --table '0 1024 linear /dev/mapper/middle 1024'",
      "printf 'TOP!' | dd of=/dev/mapper/top bs=512 conv=notrunc 2>/dev/null",
      "sync",
      "dmsetup remove bottom",
      "dmsetup ls --tree",
    ]),
    "dm-playground scenario: lesson 'stacking', three layers",
  ],
  [
    "702-export-targets-suspend-reload.sh",
    scenario("empty", LESSON_SEED, [
      "modprobe brd rd_nr=2 rd_size=8192",
      "dmsetup create st --table '0 16384 striped 2 64 /dev/ram0 0 /dev/ram1 0'",
      "dmsetup create z --table '0 4096 zero'",
      "dmsetup create holey <<'EOF'\n0 2048 linear /dev/ram0 8192\n2048 2048 error\nEOF",
      "dmsetup create slow --table '0 2048 delay /dev/ram1 8192 50'",
      "dmsetup create fl --table '0 2048 flakey /dev/ram1 10240 0 60 1 drop_writes'",
      "printf 'striped chunk 1' | dd of=/dev/mapper/st bs=512 seek=64 conv=notrunc 2>/dev/null",
      "dd if=/dev/mapper/holey of=/dev/null bs=4096 skip=300 count=1 iflag=direct 2>/dev/null; echo rc=$?",
      "printf 'dropped' | dd of=/dev/mapper/fl bs=512 conv=notrunc,fsync 2>/dev/null; echo rc=$?",
      "dmsetup suspend st",
      "dmsetup info -c -o name,suspended st",
      "dmsetup load st --table '0 8192 linear /dev/ram1 0'",
      "dmsetup resume st",
      "dmsetup suspend --noflush slow",
      "dmsetup resume slow",
      "dmsetup remove z",
    ]),
    "dm-playground scenario: striped, zero, error, delay, flakey; suspend, reload, noflush",
  ],
];
