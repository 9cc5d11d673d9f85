/**
 * The declarations the target editor gives Monaco's language service: generated from
 * src/engine/api.ts, they must describe the whole public API, and real target code (the
 * samples, the new-file template) must type-check against them exactly as the editor checks
 * it, while wrong code gets the errors a user would see.
 */

import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { generateApiDts, stripTsExtensions, type ApiDts } from "./apiDts.ts";
import { newFileTemplate } from "./targetFiles.ts";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "../../..");

let cached: ApiDts | null = null;
function api(): ApiDts {
  cached ??= generateApiDts(ROOT).files;
  return cached;
}

/** Type-checks one user file against the API as the editor's language service does. */
function check(source: string, fileName = "/dm-user.ts"): string[] {
  const files = new Map<string, string>([[fileName, source]]);
  for (const [path, text] of Object.entries(api())) {
    files.set(`/node_modules/dm-playground/${path}`, text);
  }
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2020,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    lib: ["lib.es2022.d.ts"],
    strict: true,
    noEmit: true,
    types: [],
    // Monaco's TypeScript (5.x) resolves modules as node10, deprecated in TypeScript 6.
    ignoreDeprecations: "6.0",
  };
  const real = ts.createCompilerHost(options);
  const host: ts.CompilerHost = {
    ...real,
    fileExists: (f) => files.has(f) || (f.includes("/typescript/lib/") && real.fileExists(f)),
    readFile: (f) => files.get(f) ?? real.readFile(f),
    getSourceFile: (f, lang) => {
      const text = files.get(f);
      if (text !== undefined) return ts.createSourceFile(f, text, lang);
      return real.getSourceFile(f, lang);
    },
    getCurrentDirectory: () => "/",
    directoryExists: () => true,
    getDirectories: () => [],
  };
  const program = ts.createProgram({ rootNames: [fileName], options, host });
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file?.fileName === fileName || d.file === undefined)
    .map((d) => {
      const at =
        d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : null;
      const where = at ? `${at.line + 1}:${at.character + 1}: ` : "";
      return where + ts.flattenDiagnosticMessageText(d.messageText, "\n");
    });
}

describe("the target API's declarations", () => {
  it("are generated from api.ts with its docs, and resolve without .ts extensions", () => {
    const files = api();
    expect(files["index.d.ts"]).toBe('export * from "./engine/api";\n');
    const entry = files["engine/api.d.ts"];
    expect(entry).toBeDefined();
    for (const name of ["defineTarget", "ctrError", "parseU64", "MapState", "Bio", "DmDev"]) {
      expect(entry).toContain(name);
    }
    const all = Object.values(files).join("\n");
    expect(all).not.toMatch(/from "\.{1,2}\/[^"]*\.ts"/);
    // Doc comments survive: hover shows them.
    expect(files["engine/target.d.ts"]).toContain("dm_target_offset");
    // Generating the declarations runs the TypeScript compiler over the API's files: slow on a
    // loaded 2-core machine, so the first call gets more than vitest's default time.
  }, 180_000);

  it("strips .ts from relative specifiers only", () => {
    expect(stripTsExtensions(`import { a } from "./bio.ts";\nimport("../x/y.ts");`)).toBe(
      `import { a } from "./bio";\nimport("../x/y");`,
    );
    expect(stripTsExtensions(`import "dm-playground.ts";`)).toBe(`import "dm-playground.ts";`);
  });

  it("type-check the new-file template", () => {
    expect(check(newFileTemplate("dm-mine.ts"))).toEqual([]);
  });

  const samples = readdirSync(join(ROOT, "src/samples")).filter(
    (f) => /^dm-.*\.ts$/.test(f) && !f.endsWith(".test.ts"),
  );
  it.each(samples)("type-check the sample %s", (name) => {
    expect(check(readFileSync(join(ROOT, "src/samples", name), "utf8"), `/${name}`)).toEqual([]);
  });

  it("give a user the errors of wrong code", () => {
    const errors = check(`import { defineTarget } from "dm-playground";
export default defineTarget({
  name: "bad",
  version: [1, 0, 0],
  ctr(t, args) { t.numFlushBios = "one"; },
  map(t, bio) { return "REMAP"; },
});
`);
    expect(errors.join("\n")).toMatch(/^5:\d+: Type 'string' is not assignable to type 'number'/m);
    expect(errors.join("\n")).toMatch(
      /^6:\d+: .*"REMAP".*is not assignable to type .*"REMAPPED" \| "REQUEUE"/m,
    );
  });

  it("do not let a module import anything else", () => {
    const errors = check(`import { readFileSync } from "node:fs";\nexport default readFileSync;\n`);
    expect(errors.join("\n")).toMatch(/^1:\d+: Cannot find (module|name) 'node:fs'/m);
  });
});
