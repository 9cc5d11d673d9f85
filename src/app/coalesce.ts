/**
 * A coalescing runner for an idempotent refresh: calls made while a run is in flight share it
 * and cause exactly one more run after it (whatever they asked for is then seen).
 *
 * The in-flight marker is cleared asynchronously, after it was set: a run that finishes
 * synchronously (it found nothing to do) must not leave a settled promise behind as "in flight",
 * which would swallow every later call (the page stopped fetching the engine's state after a
 * watchdog restart that way).
 */
export function coalesced(run: () => Promise<void>): () => Promise<void> {
  let current: Promise<void> | null = null;
  let again = false;
  return () => {
    if (current) {
      again = true;
      return current;
    }
    const p: Promise<void> = (async () => {
      do {
        again = false;
        await run();
      } while (again);
    })().finally(() => {
      if (current === p) current = null;
    });
    current = p;
    return p;
  };
}
