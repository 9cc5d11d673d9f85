#!/usr/bin/env node
// `npx dmsh`: run the TypeScript CLI through tsx's loader (no build step).
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli/dmsh.ts");
process.exit(await main(process.argv.slice(2)));
