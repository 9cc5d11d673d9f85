/**
 * Pure helpers of the target editor: module names, file names, error locations and shared
 * links. No DOM, no store (unit-tested in targetFiles.test.ts).
 */

/**
 * The module a file loads as, named as Linux names `dm-foo.ko`: the base name without its
 * extension, `-` replaced by `_` ("dm-proxy.ts" -> "dm_proxy").
 */
export function moduleName(fileName: string): string {
  const base = fileName.slice(fileName.lastIndexOf("/") + 1);
  return base.replace(/\.[^.]*$/, "").replace(/-/g, "_");
}

/** A file name the editor accepts: letters, digits, `_`, `-` and `.`, ending in .ts or .js. */
export function checkFileName(name: string): string | null {
  if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(name)) {
    return "Use letters, digits, '_', '-' and '.' only";
  }
  if (!/\.(ts|js)$/.test(name)) return "The name must end in .ts or .js";
  if (name.length > 64) return "At most 64 characters";
  return null;
}

/** `base` if free, else base-2.ts, base-3.ts ... */
export function uniqueName(taken: readonly string[], base: string): string {
  if (!taken.includes(base)) return base;
  const m = /^(.*?)(\.[^.]*)?$/.exec(base);
  const stem = m?.[1] ?? base;
  const ext = m?.[2] ?? "";
  for (let i = 2; ; i++) {
    const name = `${stem}-${i}${ext}`;
    if (!taken.includes(name)) return name;
  }
}

export interface SourceLocation {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based (1 when the message gives no column). */
  column: number;
}

/**
 * Where an error message points: the first `file:line:col` (or `file:line`) naming a .ts/.js
 * file, as the module loader writes them ("dm-proxy.ts:12:5: Unexpected token", "map: boom
 * (dm-proxy.ts:30:11)"). With `file` given, only locations in that file count.
 */
export function errorLocation(message: string, file?: string): SourceLocation | null {
  const re = /([A-Za-z0-9_./-]+\.(?:ts|js)):(\d+)(?::(\d+))?/g;
  for (const m of message.matchAll(re)) {
    const name = m[1]!.slice(m[1]!.lastIndexOf("/") + 1);
    if (file !== undefined && name !== file) continue;
    const line = Number(m[2]);
    if (!(line >= 1)) continue;
    return { file: name, line, column: m[3] ? Math.max(1, Number(m[3])) : 1 };
  }
  return null;
}

/** What a shared link carries: one file's name and source. */
export interface SharedTarget {
  name: string;
  source: string;
}

const SHARE_KEY = "target=";

/** The URL hash that shares a file: `#target=` and the base64url of its JSON (UTF-8). */
export function shareHash(t: SharedTarget): string {
  const bytes = new TextEncoder().encode(JSON.stringify({ name: t.name, source: t.source }));
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  const b64 = btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  return `#${SHARE_KEY}${b64}`;
}

/** The shared file in a URL hash, or null when there is none or it is malformed. */
export function parseShareHash(hash: string): SharedTarget | null {
  const h = hash.startsWith("#") ? hash.slice(1) : hash;
  if (!h.startsWith(SHARE_KEY)) return null;
  try {
    const b64 = h.slice(SHARE_KEY.length).replace(/-/g, "+").replace(/_/g, "/");
    const bin = atob(b64);
    const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
    const v: unknown = JSON.parse(new TextDecoder().decode(bytes));
    if (typeof v !== "object" || v === null) return null;
    const { name, source } = v as Record<string, unknown>;
    if (typeof name !== "string" || typeof source !== "string") return null;
    if (checkFileName(name) !== null) return null;
    return { name, source };
  } catch {
    return null;
  }
}

/** Whether a URL hash carries a shared target (cheap: the page checks it at startup). */
export function hasShareHash(hash: string): boolean {
  return hash.replace(/^#/, "").startsWith(SHARE_KEY);
}

/** What a new, empty file starts with. */
export function newFileTemplate(fileName: string): string {
  const type = moduleName(fileName).replace(/^dm_/, "").replace(/_/g, "-") || "mytarget";
  return `import { ctrError, defineTarget, type DmDev } from "dm-playground";

// "<start> <len> ${type} <device> <offset>"
interface Private {
  dev: DmDev;
  start: number;
}

export default defineTarget<Private>({
  name: "${type}",
  version: [1, 0, 0],
  ctr(t, args) {
    if (args.length !== 2) ctrError("Invalid argument count");
    t.private = { dev: t.getDevice(args[0]!), start: Number(args[1]) };
    t.numFlushBios = 1;
  },
  dtr(t) {
    t.putDevice(t.priv.dev);
  },
  map(t, bio) {
    bio.bdev = t.priv.dev.bdev;
    bio.sector = t.priv.start + t.offset(bio.sector);
    return "REMAPPED";
  },
});
`;
}
