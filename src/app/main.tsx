/**
 * The entry: tiny on purpose. It starts the engine worker at once, then loads the app, so the
 * two download and compile side by side.
 */
import { prestartEngineWorker } from "./bootWorker.ts";

if (window.crossOriginIsolated) prestartEngineWorker();
void import("./boot.tsx");
