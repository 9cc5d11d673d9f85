/**
 * dmsh on the command line.
 *
 *     dmsh FILE            run a script headless; its output, stdout and stderr interleaved in
 *                          the order written; exits with the script's status
 *     dmsh -c 'SCRIPT'     the same for a script given inline
 *     dmsh                 an interactive prompt with history (a script on stdin if not a tty)
 *
 * Options: --seed N (the engine's seed, default 1), --transcript (print `exit status N` at the
 * end, as ../shared/tools/kernel-dm/run does), -h.
 */

import { readFileSync, writeSync } from "node:fs";
import { createInterface } from "node:readline";
import { parse } from "just-bash";
import { Engine } from "../engine/index.ts";
import { createShell, type DmShell, type Stream } from "../shell/index.ts";

const USAGE = `usage: dmsh [--seed N] [--transcript] [FILE | -c SCRIPT]
Runs a dmsh script (device-mapper's tools on a simulated Linux); with no FILE, a prompt.
`;

interface Args {
  seed: number;
  transcript: boolean;
  file: string | null;
  inline: string | null;
}

function parseArgs(argv: string[]): Args | string {
  const a: Args = { seed: 1, transcript: false, file: null, inline: null };
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i]!;
    if (x === "-h" || x === "--help") return USAGE;
    if (x === "--seed") {
      const v = Number(argv[++i]);
      if (!Number.isInteger(v)) return `dmsh: --seed needs an integer\n${USAGE}`;
      a.seed = v;
    } else if (x === "--transcript") a.transcript = true;
    else if (x === "-c") {
      const s = argv[++i];
      if (s === undefined) return `dmsh: -c needs a script\n${USAGE}`;
      a.inline = s;
    } else if (x.startsWith("-") && x !== "-") return `dmsh: unknown option ${x}\n${USAGE}`;
    else if (a.file === null) a.file = x;
    else return USAGE;
  }
  return a;
}

/** Both streams go straight to their descriptors, in the order written. */
function writeOut(stream: Stream, bytes: Uint8Array): void {
  let off = 0;
  while (off < bytes.length) {
    try {
      off += writeSync(stream === "stdout" ? 1 : 2, bytes, off);
    } catch (e) {
      if ((e as { code?: string }).code === "EAGAIN") continue;
      if ((e as { code?: string }).code === "EPIPE") process.exit(141);
      throw e;
    }
  }
}

async function runScript(shell: DmShell, script: string, transcript: boolean): Promise<number> {
  const onSigint = () => shell.interrupt();
  process.on("SIGINT", onSigint);
  try {
    const status = await shell.run(script, { onBytes: writeOut });
    if (transcript) writeOut("stdout", new TextEncoder().encode(`exit status ${status}\n`));
    return status;
  } finally {
    process.off("SIGINT", onSigint);
  }
}

/** Whether `text` is an incomplete command that needs another line (an open loop, quote...). */
export function needsMore(text: string): boolean {
  if (/(\\|\||&&)\s*$/.test(text)) return true;
  try {
    const ast = parse(text);
    return JSON.stringify(ast).includes('"terminated":false');
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return /EOF|end of file/i.test(msg) || /unexpected token `(fi|done|esac|\}|then|do)'/.test(msg);
  }
}

async function interactive(shell: DmShell): Promise<number> {
  const rl = createInterface({
    input: process.stdin,
    output: process.stdout,
    historySize: 1000,
    prompt: "dmsh# ",
  });
  let buffer = "";
  let last = 0;
  let busy = false;
  rl.on("SIGINT", () => {
    if (busy) shell.interrupt();
    else {
      buffer = "";
      process.stdout.write("^C\n");
      rl.setPrompt("dmsh# ");
      rl.prompt();
    }
  });
  rl.prompt();
  for await (const line of rl) {
    buffer += (buffer ? "\n" : "") + line;
    if (needsMore(buffer)) {
      rl.setPrompt("> ");
      rl.prompt();
      continue;
    }
    const script = buffer;
    buffer = "";
    if (script.trim() === "exit" || script.trim().startsWith("exit ")) {
      last = Number(script.trim().slice(4).trim() || last) || 0;
      break;
    }
    busy = true;
    rl.pause();
    last = await shell.run(script, { onBytes: writeOut });
    busy = false;
    rl.resume();
    rl.setPrompt("dmsh# ");
    rl.prompt();
  }
  rl.close();
  return last;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export async function main(argv: string[]): Promise<number> {
  const a = parseArgs(argv);
  if (typeof a === "string") {
    process.stderr.write(a);
    return a === USAGE ? 0 : 2;
  }
  const shell = createShell(new Engine({ seed: a.seed }));
  // insmod of a path that is not in dmsh's file system reads the host's file.
  shell.readHostFile = (p) => {
    try {
      return readFileSync(p, "utf8");
    } catch {
      return null;
    }
  };
  if (a.inline !== null) return runScript(shell, a.inline, a.transcript);
  if (a.file !== null && a.file !== "-") {
    let script: string;
    try {
      script = readFileSync(a.file, "utf8");
    } catch (e) {
      process.stderr.write(`dmsh: can't open '${a.file}': ${(e as Error).message}\n`);
      return 127;
    }
    shell.scriptName = a.file;
    return runScript(shell, script, a.transcript);
  }
  if (a.file === "-" || !process.stdin.isTTY)
    return runScript(shell, await readStdin(), a.transcript);
  return interactive(shell);
}

const isMain = process.argv[1] !== undefined && /dmsh\.ts$/.test(process.argv[1]);
if (isMain) {
  main(process.argv.slice(2)).then(
    (status) => process.exit(status),
    (e: unknown) => {
      process.stderr.write(`dmsh: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exit(70);
    },
  );
}
