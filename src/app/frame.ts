/**
 * The app's one animation-frame loop (d3-timer's single rAF, Excalidraw's throttleRAF): every
 * per-frame job (draining the event ring, redrawing the disk grid, later the bio canvas)
 * registers here and runs in the same frame, in registration order.
 */

type FrameJob = (time: number) => void;

const jobs = new Set<FrameJob>();
let handle = 0;

function tick(time: number): void {
  for (const job of jobs) {
    try {
      job(time);
    } catch (e) {
      console.error("frame job failed", e);
    }
  }
  handle = jobs.size > 0 ? requestAnimationFrame(tick) : 0;
}

/** Runs `job` once per animation frame until the returned function is called. */
export function onFrame(job: FrameJob): () => void {
  jobs.add(job);
  if (handle === 0) handle = requestAnimationFrame(tick);
  return () => {
    jobs.delete(job);
  };
}
