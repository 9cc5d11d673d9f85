import react from "@vitejs/plugin-react";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";
import { generateApiDts } from "./src/app/editor/apiDts.ts";

/**
 * SharedArrayBuffer (disk contents, the event ring) needs a cross-origin isolated page:
 * COOP same-origin + COEP require-corp on every response, dev and preview alike. Static hosts
 * that cannot set headers get them from public/coi-serviceworker.js instead (see index.html).
 */
const crossOriginIsolation = {
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Embedder-Policy": "require-corp",
  "Cross-Origin-Resource-Policy": "same-origin",
};

/**
 * dmsh is built on just-bash and uses its parser (`parse`), which just-bash's browser bundle
 * does not export. In the engine worker we therefore bundle just-bash's ESM build and stand in
 * for the few Node modules it imports: each of them is only used by features dmsh does not
 * offer (real-disk file systems, network, python/sqlite sub-workers), except `createRequire`,
 * which every chunk calls once at load time. A stand-in throws if such a feature is reached.
 * (Ask the shell's owners before removing this: it goes away if dmsh stops needing `parse`
 * or just-bash's browser build exports it.)
 */
function justBashForWorker(): Plugin {
  // The package's "import" entry (resolving it from Node picks exactly that file).
  const entry = createRequire(import.meta.url)
    .resolve("just-bash")
    .replace(/index\.cjs$/, "index.js");
  const PREFIX = "\0node-stub:";
  const unavailable = (what: string) =>
    `() => { throw new Error("${what} is not available in the engine worker"); }`;
  // Every name just-bash's ESM build imports from these modules (checked against its bundle).
  const stubs: Record<string, string> = {
    module: `export const createRequire = () => ${unavailable("require()")};
      export default { createRequire };`,
    crypto: `export function randomBytes(n) {
        const b = new Uint8Array(n); globalThis.crypto.getRandomValues(b); return b;
      }
      export const randomUUID = () => globalThis.crypto.randomUUID();
      export default { randomBytes, randomUUID };`,
    dns: `export const lookup = ${unavailable("DNS")}; export default { lookup };`,
    // Namespace imports (\`import * as fs\`) of the real-disk file systems read these names.
    fs: `export const existsSync = () => false;
      export const lstatSync = ${unavailable("the host file system")};
      export const readdirSync = lstatSync, readlinkSync = lstatSync, realpathSync = lstatSync;
      export const statSync = lstatSync;
      export const promises = new Proxy({}, { get: () => lstatSync });
      export const constants = {};
      export default { existsSync, lstatSync, readdirSync, readlinkSync, realpathSync, statSync,
        promises, constants };`,
    "fs/promises": `export const open = ${unavailable("the host file system")}; export default { open };`,
    path: `export const sep = "/";
      export function normalize(p) {
        const abs = p.startsWith("/"); const out = [];
        for (const s of p.split("/")) { if (!s || s === ".") continue; if (s === "..") out.pop(); else out.push(s); }
        return (abs ? "/" : "") + out.join("/") || (abs ? "/" : ".");
      }
      export const join = (...parts) => normalize(parts.filter(Boolean).join("/"));
      export function resolve(...parts) {
        let p = ""; for (const s of parts) p = s.startsWith("/") ? s : p + "/" + s; return normalize(p || "/");
      }
      export function dirname(p) {
        const n = normalize(p); const i = n.lastIndexOf("/");
        return i <= 0 ? (n.startsWith("/") ? "/" : ".") : n.slice(0, i);
      }
      export function basename(p, ext) {
        const b = normalize(p).split("/").pop() || ""; return ext && b.endsWith(ext) ? b.slice(0, -ext.length) : b;
      }
      export const isAbsolute = (p) => p.startsWith("/");
      export function relative(from, to) {
        const a = resolve(from).split("/").filter(Boolean), b = resolve(to).split("/").filter(Boolean);
        let i = 0; while (i < a.length && i < b.length && a[i] === b[i]) i++;
        return [...a.slice(i).map(() => ".."), ...b.slice(i)].join("/");
      }
      export const posix = { sep, normalize, join, resolve, dirname, basename, isAbsolute, relative };
      export const win32 = new Proxy({}, { get: ${unavailable("Windows paths")} });
      export default posix;`,
    url: `export const fileURLToPath = (u) => new URL(String(u)).pathname;
      export default { fileURLToPath };`,
    worker_threads: `export const Worker = ${unavailable("a sub-worker")}; export default { Worker };`,
    zlib: `export const gzipSync = ${unavailable("zlib")}; export const gunzipSync = gzipSync;
      export const constants = {}; export default { gzipSync, gunzipSync, constants };`,
    async_hooks: `export const AsyncLocalStorage = undefined; export default {};`,
  };
  const generic = (name: string) =>
    `export default new Proxy({}, { get: () => ${unavailable(name)} });`;
  // Native or WebAssembly back ends of just-bash commands dmsh does not offer.
  const NOT_IN_WORKER = new Set([
    "@mongodb-js/zstd",
    "node-liblzma",
    "quickjs-emscripten",
    "sql.js",
  ]);
  return {
    name: "dm-playground:just-bash-for-worker",
    enforce: "pre",
    resolveId(id) {
      if (id === "just-bash") return entry;
      const m = /^node:(.+)$/.exec(id);
      if (m) return PREFIX + m[1];
      if (NOT_IN_WORKER.has(id)) return PREFIX + id;
      return null;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const name = id.slice(PREFIX.length);
      return stubs[name] ?? generic(name);
    },
  };
}

/**
 * `virtual:dm-playground-api`: the public target API's declarations (src/app/editor/apiDts.ts),
 * generated from the source on each build (and on each change in dev), for the target editor.
 */
function targetApiTypes(): Plugin {
  const ID = "virtual:dm-playground-api";
  const RESOLVED = "\0" + ID;
  return {
    name: "dm-playground:target-api-types",
    resolveId: (id) => (id === ID ? RESOLVED : null),
    load(id) {
      if (id !== RESOLVED) return null;
      const { files, sources } = generateApiDts(dirname(fileURLToPath(import.meta.url)));
      for (const f of sources) this.addWatchFile(f);
      return `export default ${JSON.stringify(files)};`;
    },
  };
}

/**
 * Warns when the JavaScript the page needs before its first picture passes `limitKiB`: the
 * entry, what it imports, and what the entry itself loads at once with import() (main.tsx
 * loads boot.tsx so, to start the worker first), with their static imports. The panels that
 * boot.tsx and App.tsx load with import() are lazy and not counted: they must stay lazy.
 */
function initialDownloadBudget(limitKiB: number): Plugin {
  return {
    name: "dm-playground:initial-download-budget",
    apply: "build",
    generateBundle(_options, bundle) {
      const seen = new Set<string>();
      const visit = (file: string) => {
        const chunk = bundle[file];
        if (seen.has(file) || chunk?.type !== "chunk") return;
        seen.add(file);
        chunk.imports.forEach(visit);
      };
      for (const [file, chunk] of Object.entries(bundle)) {
        if (chunk.type !== "chunk" || !chunk.isEntry) continue;
        visit(file);
        chunk.dynamicImports.forEach(visit);
      }
      let bytes = 0;
      for (const file of seen) {
        const chunk = bundle[file];
        if (chunk?.type === "chunk") bytes += chunk.code.length;
      }
      if (bytes > limitKiB * 1024)
        this.warn(
          `the initial JavaScript (${[...seen].join(", ")}) is ${Math.round(bytes / 1024)} kB, over the ${limitKiB} kB budget: load the new code lazily`,
        );
    },
  };
}

export default defineConfig({
  // Relative base: the build works from any sub-path of a static host.
  base: "./",
  // The page itself never imports just-bash or node: modules: the plugin only ever acts on the
  // worker's graph (in dev, workers share the page's plugin pipeline).
  plugins: [react(), justBashForWorker(), targetApiTypes(), initialDownloadBudget(600)],
  optimizeDeps: { exclude: ["just-bash"] },
  server: { headers: crossOriginIsolation },
  preview: { headers: crossOriginIsolation },
  worker: {
    format: "es",
    plugins: () => [justBashForWorker()],
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  build: {
    outDir: "dist",
    target: "es2022",
    // The chunks that matter for the first picture are the entry and its static imports:
    // initialDownloadBudget holds them to 600 kB. Lazy chunks may be big (Monaco's editor API
    // is 2.7 MB and loads when the target editor first opens); this limit only catches one
    // that explodes.
    chunkSizeWarningLimit: 4096,
    rolldownOptions: {
      // Rolldown's report of where a build spent its time is a diagnostic (and on a busy
      // machine it always fires), not a problem with the build: `vite build --debug` for it.
      checks: { bundlerTimings: false },
    },
  },
});
