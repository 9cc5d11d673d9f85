/**
 * Tests' stand-in for the engine worker: an EngineHost on one end of a MessageChannel and a
 * WorkerLike for EngineClient on the other, in the test's own thread.
 */

import { MessageChannel, type MessagePort } from "node:worker_threads";
import type { WorkerLike } from "../client.ts";
import type { EngineHost, Port } from "../host.ts";
import type { WorkerMessage, WorkerRequest } from "../protocol.ts";

/** `makeHost` builds the host on the port it is given; terminate closes host and channel. */
export function inProcessWorker(makeHost: (port: Port) => EngineHost): {
  host: EngineHost;
  worker: WorkerLike;
} {
  const { port1, port2 } = new MessageChannel();
  const hostPort: Port = { postMessage: (m) => port1.postMessage(m), onmessage: null };
  port1.on("message", (data: WorkerRequest) =>
    hostPort.onmessage?.({ data } as MessageEvent<WorkerRequest>),
  );
  const host = makeHost(hostPort);
  const worker: WorkerLike = {
    postMessage: (m) => port2.postMessage(m),
    terminate: () => {
      host.close();
      port1.close();
      port2.close();
    },
    onmessage: null,
  };
  (port2 as MessagePort).on("message", (data: WorkerMessage) => worker.onmessage?.({ data }));
  return { host, worker };
}
