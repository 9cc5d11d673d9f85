/**
 * The engine worker's entry: one EngineHost serving the protocol on this worker's scope.
 * Everything else lives in host.ts, which runs in Node tests too.
 */
import { createShell } from "../shell/index.ts";
import { EngineHost, type Port } from "./host.ts";

new EngineHost(self as unknown as Port, (engine) => createShell(engine));
