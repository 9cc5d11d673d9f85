// just-bash 3.4.2 accounts the stdout of a redirected command by its UTF-8 length even when
// that stdout is raw bytes, so `dd if=/dev/ram0 2>/dev/null | hexdump -C` over binary data
// fails with "redirection: invalid stdout accounting" and the script stops. Until upstream
// fixes it, count bytes as bytes. The pattern must match exactly once in each bundle; if
// just-bash changes, this fails loudly rather than silently doing nothing.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "node_modules", "just-bash");
const bundles = ["dist/bundle/index.js", "dist/bundle/index.cjs", "dist/bundle/browser.js"];
const pattern =
  /(let (\w+)=\((\w+)\.internalOutputAccounting\?\.stdout\?\?0\)\+\(\3\.internalOutputAccounting\?\.stderr\?\?0\),(\w+)=)(\w+)\((\w+)\.stdout\)/g;
const MARK = "/*dm-playground: bytes*/";

for (const rel of bundles) {
  const file = join(root, rel);
  const src = readFileSync(file, "utf8");
  if (src.includes(MARK)) continue;
  const matches = [...src.matchAll(pattern)];
  if (matches.length !== 1) {
    console.error(`patch-just-bash: expected one match in ${rel}, found ${matches.length}`);
    process.exit(1);
  }
  const out = src.replace(
    pattern,
    (_m, head, _s, _t, _v, len, g) =>
      `${head}${MARK}(${g}.stdoutKind==="bytes"||${g}.stdoutEncoding==="binary"?${g}.stdout.length:${len}(${g}.stdout))`,
  );
  writeFileSync(file, out);
}
