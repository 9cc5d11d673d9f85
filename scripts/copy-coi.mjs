// Copies coi-serviceworker (cross-origin isolation for static hosts that cannot set
// COOP/COEP headers) from node_modules into public/, where index.html loads it.
import { copyFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const source = createRequire(import.meta.url).resolve("coi-serviceworker/coi-serviceworker.js");
mkdirSync(join(root, "public"), { recursive: true });
copyFileSync(source, join(root, "public", "coi-serviceworker.js"));
