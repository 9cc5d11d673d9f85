/**
 * When this worker's module graph started evaluating (epoch ms). Imported first by the worker
 * entry, so it runs before dmsh and the engine evaluate: startup diagnostics for the bench.
 */
export const WORKER_CREATED = performance.timeOrigin;
export const WORKER_EVALUATING = performance.timeOrigin + performance.now();
