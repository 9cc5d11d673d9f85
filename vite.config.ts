import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

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

export default defineConfig({
  // Relative base: the build works from any sub-path of a static host.
  base: "./",
  plugins: [react()],
  server: { headers: crossOriginIsolation },
  preview: { headers: crossOriginIsolation },
  worker: { format: "es" },
  build: {
    outDir: "dist",
    target: "es2022",
    // The console (xterm) and the editor are lazy chunks; the entry stays small.
    chunkSizeWarningLimit: 600,
  },
});
