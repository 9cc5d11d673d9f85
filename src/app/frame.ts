/**
 * The app's one animation-frame loop (d3-timer's single rAF, Excalidraw's throttleRAF): every
 * per-frame job (draining the event ring, redrawing the disk grid, later the bio canvas)
 * registers here and runs in the same frame, in registration order.
 *
 * The loop sleeps when nothing moves: a frame in which no job returned `true` ("I need another
 * frame": events came, tokens are moving, the playback is catching up) is the last one, and no
 * frame is requested until `wakeFrames()` is called (new events in the ring, a playback command,
 * a resize, a key or a pointer press: see session.ts). An idle page then costs no frames at all.
 */

/**
 * A per-frame job. `time` is the frame's timestamp (ms, performance.now's clock); `resumed` is
 * true on the first frame after the loop slept (the time since the previous frame was idle).
 * Returns true to ask for another frame.
 */
export type FrameJob = (time: number, resumed: boolean) => boolean | void;

const jobs = new Set<FrameJob>();
const sleepListeners = new Set<() => void>();
let handle = 0;
/** The loop slept since the last frame (or never ran). */
let slept = true;
let inTick = false;
/** wakeFrames() was called during the current tick: one more frame. */
let wokenInTick = false;

function schedule(): void {
  if (handle === 0 && jobs.size > 0) handle = requestAnimationFrame(tick);
}

function tick(time: number): void {
  handle = 0;
  const resumed = slept;
  slept = false;
  inTick = true;
  wokenInTick = false;
  let busy = false;
  for (const job of jobs) {
    try {
      if (job(time, resumed) === true) busy = true;
    } catch (e) {
      console.error("frame job failed", e);
    }
  }
  inTick = false;
  if (busy || wokenInTick) schedule();
  if (handle === 0) {
    slept = true;
    for (const l of sleepListeners) l();
  }
}

/**
 * Runs `job` once per animation frame while the loop is awake, until the returned function is
 * called. Registering wakes the loop.
 */
export function onFrame(job: FrameJob): () => void {
  jobs.add(job);
  wakeFrames();
  return () => {
    jobs.delete(job);
  };
}

/** Asks for at least one more frame (the loop runs on while a job returns true). */
export function wakeFrames(): void {
  if (inTick) wokenInTick = true;
  else schedule();
}

/** Calls `listener` each time the loop goes to sleep (to arm what will wake it). */
export function onFramesSleep(listener: () => void): () => void {
  sleepListeners.add(listener);
  return () => {
    sleepListeners.delete(listener);
  };
}

/** Whether a frame is requested (the loop is awake). For tests and the idle probe. */
export function framesAwake(): boolean {
  return handle !== 0 || inTick;
}
