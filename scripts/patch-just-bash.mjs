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

// just-bash's `test -b` is always false and `test -c` knows a fixed list of paths; `test -f` is
// true for any stat with isFile. dm-playground's /dev gives device nodes their S_IFBLK/S_IFCHR
// mode bits, so answer from those as busybox does (stat's st_mode): `[ -b /dev/ram0 ]` is true
// and `[ -f /dev/ram0 ]` false (found by the differential fuzzer, src/shell/difffuzz.ts).
const TEST_MARK = "/*dm-playground: test -b*/";
const fPattern =
  /case"-f":return await (\w+)\.fs\.exists\((\w+)\)\?\(await \1\.fs\.stat\(\2\)\)\.isFile:!1;/g;
for (const rel of bundles) {
  const file = join(root, rel);
  let src = readFileSync(file, "utf8");
  if (src.includes(TEST_MARK)) continue;
  const m = [...src.matchAll(fPattern)];
  if (m.length !== 1 || src.split('case"-b":return!1;').length !== 2) {
    console.error(`patch-just-bash: test -f/-b not found once in ${rel}`);
    process.exit(1);
  }
  const [ctx, path] = [m[0][1], m[0][2]];
  const fmt = `((await ${ctx}.fs.stat(${path})).mode&61440)`;
  const exists = `await ${ctx}.fs.exists(${path})`;
  src = src.replace(
    fPattern,
    () =>
      `${TEST_MARK}case"-f":return ${exists}?(await ${ctx}.fs.stat(${path})).isFile&&${fmt}!==24576&&${fmt}!==8192:!1;`,
  );
  src = src.replace('case"-b":return!1;', () => `case"-b":return ${exists}?${fmt}===24576:!1;`);
  src = src.replace(
    'case"-c":return["/dev/null",',
    () => `case"-c":if(${exists}&&${fmt}===8192)return!0;return["/dev/null",`,
  );
  writeFileSync(file, src);
}

// Command substitution keeps NUL bytes in just-bash; busybox ash (and bash) drop them from
// `$(...)` and backquotes before the trailing newlines are stripped: `x=$(printf 'a\0b')` is
// "ab" (kernel tool, golden 182). Every substitution strips its newlines with this one call
// (seven places in each bundle).
const NUL_MARK = "/*dm-playground: nul*/";
const nlPattern = /replace\(\/\\n\+\$\/,""\)/g;
for (const rel of bundles) {
  const file = join(root, rel);
  const src = readFileSync(file, "utf8");
  if (src.includes(NUL_MARK)) continue;
  const n = [...src.matchAll(nlPattern)].length;
  if (n !== 7) {
    console.error(`patch-just-bash: expected 7 substitution newline strips in ${rel}, found ${n}`);
    process.exit(1);
  }
  writeFileSync(
    file,
    NUL_MARK + src.replace(nlPattern, () => 'replace(/\\0/g,"").replace(/\\n+$/,"")'),
  );
}
