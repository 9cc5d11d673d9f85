/**
 * The engine worker's entry: one EngineHost serving the protocol on this worker's scope, with
 * dmsh as its shell. Everything else lives in host.ts, which runs in Node tests too.
 */
import { WORKER_CREATED, WORKER_EVALUATING } from "./startTime.ts";
import { createShell } from "../shell/index.ts";
import { BROWSER_ENGINE, EngineHost, type Port } from "./host.ts";

new EngineHost(
  self as unknown as Port,
  (engine) => createShell(engine),
  {
    created: WORKER_CREATED,
    evaluating: WORKER_EVALUATING,
    loaded: performance.timeOrigin + performance.now(),
  },
  BROWSER_ENGINE,
);
