/**
 * The lessons, in the order the panel lists them. Adding one: a file in `catalog/` exporting a
 * `Lesson` (lesson.ts), and one line here.
 */

import type { Lesson } from "./lesson.ts";
import { bioLife } from "./catalog/bio-life.ts";
import { crypt } from "./catalog/crypt.ts";
import { delayFlakey } from "./catalog/delay-flakey.ts";
import { diskFault } from "./catalog/disk-fault.ts";
import { dust } from "./catalog/dust.ts";
import { logWrites } from "./catalog/log-writes.ts";
import { mappedDevice } from "./catalog/mapped-device.ts";
import { mirror } from "./catalog/mirror.ts";
import { ownTarget } from "./catalog/own-target.ts";
import { powerCutLesson } from "./catalog/power-cut.ts";
import { reload } from "./catalog/reload.ts";
import { snapshot } from "./catalog/snapshot.ts";
import { stacking } from "./catalog/stacking.ts";
import { striping } from "./catalog/striping.ts";
import { suspendResume } from "./catalog/suspend.ts";
import { thin } from "./catalog/thin.ts";
import { zeroError } from "./catalog/zero-error.ts";

export const LESSONS: readonly Lesson[] = [
  mappedDevice,
  striping,
  bioLife,
  suspendResume,
  reload,
  stacking,
  zeroError,
  delayFlakey,
  diskFault,
  dust,
  mirror,
  crypt,
  snapshot,
  thin,
  powerCutLesson,
  logWrites,
  ownTarget,
];

export function lessonById(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}

export type { Lesson, LessonStep, LessonCheck, LessonFocus, LessonView } from "./lesson.ts";
export { LESSON_SEED } from "./lesson.ts";
