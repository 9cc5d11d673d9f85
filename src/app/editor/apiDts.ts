/**
 * The public target API as TypeScript declarations, for the target editor's language service.
 *
 * Generated from the source (`src/engine/api.ts` and what it imports) with TypeScript's own
 * declaration emit, at build time (the Vite plugin in vite.config.ts serves the result as the
 * virtual module `virtual:dm-playground-api`) and in tests: the editor's completion, hover docs
 * and type errors can therefore never drift from the API the module loader really provides.
 * Doc comments are kept, so hovering `t.offset` shows the engine's own docstring.
 *
 * Runs in Node only (it reads the source tree and loads `typescript`).
 */

import { join, relative } from "node:path";
import ts from "typescript";

/** The module name user targets import from. */
export const API_MODULE = "dm-playground";

/** The API's entry, relative to the repository root. */
export const API_ENTRY = "src/engine/api.ts";

/**
 * Declaration files keyed by their path inside a virtual `node_modules/dm-playground/`
 * package: `index.d.ts` re-exports the entry; the others are the entry's imports as emitted
 * (relative specifiers without the `.ts` extension, so any module resolution finds them).
 */
export type ApiDts = Record<string, string>;

/** Emits the declarations of `entry` (an absolute path) and every source file it reaches. */
export function generateApiDts(
  root: string,
  entry: string = join(root, API_ENTRY),
): { files: ApiDts; sources: string[] } {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    allowImportingTsExtensions: true,
    declaration: true,
    emitDeclarationOnly: true,
    strict: true,
    skipLibCheck: true,
    stripInternal: true,
    removeComments: false,
    types: [],
    lib: ["lib.es2023.d.ts"],
    rootDir: join(root, "src"),
    outDir: join(root, ".api-dts"),
  };
  const program = ts.createProgram({ rootNames: [entry], options });
  const out: ApiDts = {};
  const result = program.emit(undefined, (fileName, text) => {
    if (!fileName.endsWith(".d.ts")) return;
    const rel = relative(options.outDir!, fileName).split("\\").join("/");
    out[rel] = stripTsExtensions(text);
  });
  if (result.emitSkipped) throw new Error(`declaration emit of ${entry} was skipped`);
  const entryRel = relative(options.rootDir!, entry).split("\\").join("/").replace(/\.ts$/, "");
  out["index.d.ts"] = `export * from "./${entryRel}";\n`;
  const sources = program
    .getSourceFiles()
    .map((f) => f.fileName)
    .filter((f) => !f.includes("/node_modules/"));
  return { files: out, sources };
}

/** `from "./bio.ts"` -> `from "./bio"`, `import("./bio.ts")` -> `import("./bio")`. */
export function stripTsExtensions(dts: string): string {
  return dts.replace(/(["'])(\.{1,2}\/[^"']*?)\.ts\1/g, "$1$2$1");
}
