/**
 * Tab completion for dmsh's console, as bash with bash-completion offers it: command names in
 * command position, `dmsetup` subcommands and device names after `dmsetup`, device names after
 * `loadgen start`, and paths everywhere else (so `/dev/mapper/<Tab>` and `/dev/ra<Tab>` list
 * the devices, `of=/dev/<Tab>` completes after the `=`).
 *
 * Only the word before the cursor is completed; the line is split into words with quotes and
 * the shell's operators in mind, but not parsed (a half-typed line rarely parses).
 */

/** What a completion looks at: the shell's names, working directory and file system. */
export interface CompletionSource {
  /** Builtins, commands and shell functions. */
  commandNames(): Iterable<string>;
  /** Mapped devices' names (`dmsetup ls`). */
  dmDevices(): Iterable<string>;
  /** The working directory, absolute. */
  cwd(): string;
  /** A directory's entries, or null when `path` is not a readable directory. */
  readdir(path: string): Promise<Array<{ name: string; dir: boolean }> | null>;
}

export interface Completion {
  /** Where the completed word starts in the line (UTF-16 index). */
  from: number;
  /** The word as typed: `line.slice(from)`. */
  word: string;
  /**
   * Sorted replacements for `word`, each whole (a path candidate carries its directory). A
   * directory ends in "/": the editor adds no space after it. Empty: nothing matches.
   */
  candidates: string[];
}

/** bash's reserved words: offered in command position, as bash's completion offers them. */
const KEYWORDS = [
  "case",
  "do",
  "done",
  "elif",
  "else",
  "esac",
  "fi",
  "for",
  "function",
  "if",
  "in",
  "then",
  "time",
  "until",
  "while",
];

/** Words after which the next word is a command again. */
const COMMAND_AFTER = new Set(["do", "then", "else", "elif", "if", "while", "until", "!", "time"]);

/**
 * dmsetup's subcommands that dm-playground runs (dmsetup 1.02.185's usage, without the ones
 * listed there as unavailable), for completion of the word after `dmsetup`.
 */
export const DMSETUP_SUBCOMMANDS = [
  "clear",
  "create",
  "deps",
  "help",
  "info",
  "load",
  "ls",
  "mangle",
  "message",
  "mknodes",
  "reload",
  "remove",
  "remove_all",
  "rename",
  "resume",
  "status",
  "suspend",
  "table",
  "target-version",
  "targets",
  "udevcomplete_all",
  "udevcookies",
  "version",
  "wait",
  "wipe_table",
] as const;

/** Subcommands whose operands are existing devices (all of them, or only the first). */
const DEVICE_OPERANDS: Record<string, "all" | "first"> = {
  clear: "first",
  deps: "all",
  info: "all",
  load: "first",
  mangle: "all",
  message: "first",
  mknodes: "all",
  reload: "first",
  remove: "all",
  rename: "first",
  resume: "all",
  status: "all",
  suspend: "all",
  table: "all",
  wait: "first",
  wipe_table: "all",
};

/** dmsetup options that take a value (the next word is that value, not an operand). */
const DMSETUP_VALUE_OPTIONS = new Set([
  "-j",
  "--major",
  "-m",
  "--minor",
  "-u",
  "--uuid",
  "-U",
  "--uid",
  "-G",
  "--gid",
  "-M",
  "--mode",
  "-o",
  "-O",
  "--sort",
  "-S",
  "--select",
  "--table",
  "--target",
  "--manglename",
  "--readahead",
  "--separator",
  "--udevcookie",
  "--exec",
]);

interface Word {
  /** The word's text with quotes removed. */
  text: string;
  /** Where it starts in the line. */
  from: number;
  /** The line ends inside a quote that this word opened. */
  quoted?: boolean;
}

/**
 * Splits the line into the words of the command the cursor is in (the last one: after the last
 * `;`, `|`, `&`, `(` or newline outside quotes, or a keyword that starts a command), the word
 * being typed last. `=` ends a word too, as in bash's COMP_WORDBREAKS, except in command
 * position (`if=/dev/ram0` completes the path, `X=1 cmd` still completes the command).
 */
export function commandWords(line: string): { words: Word[]; current: Word } {
  let words: Word[] = [];
  let text = "";
  let from = -1;
  let quote: '"' | "'" | null = null;
  const end = () => {
    if (from >= 0) words.push({ text, from });
    text = "";
    from = -1;
  };
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = null;
      else if (c === "\\" && quote === '"' && i + 1 < line.length) text += line[++i];
      else text += c;
      continue;
    }
    if (c === "'" || c === '"') {
      if (from < 0) from = i;
      quote = c;
      continue;
    }
    if (c === "\\" && i + 1 < line.length) {
      if (from < 0) from = i;
      text += line[++i];
      continue;
    }
    if (c === " " || c === "\t") {
      end();
      continue;
    }
    if (";|&(\n".includes(c)) {
      end();
      words = [];
      continue;
    }
    if (c === "<" || c === ">") {
      // A redirection's target is a path: the operator ends the word before it.
      end();
      continue;
    }
    if (c === "=" && from >= 0 && !inCommandPosition(words)) {
      text = "";
      from = i + 1;
      continue;
    }
    if (from < 0) from = i;
    text += c;
  }
  let current: Word = from >= 0 ? { text, from } : { text: "", from: line.length };
  if (quote) {
    // Inside a quoted string: a file name with spaces, or a table whose last word is a device
    // path (`--table '0 8 linear /dev/ra`), which is then what is completed.
    const space = line.lastIndexOf(" ");
    current =
      space > from && line[space + 1] === "/"
        ? { text: line.slice(space + 1), from: space + 1, quoted: true }
        : { ...current, quoted: true };
  }
  // Keywords and assignments before the command name are not the command.
  let start = 0;
  for (let k = 0; k < words.length; k++) {
    const w = words[k]!.text;
    if (COMMAND_AFTER.has(w) || w === "{" || /^[A-Za-z_]\w*=/.test(w)) start = k + 1;
    else break;
  }
  return { words: words.slice(start), current };
}

function inCommandPosition(words: Word[]): boolean {
  return words.every((w) => COMMAND_AFTER.has(w.text) || /^[A-Za-z_]\w*=/.test(w.text));
}

/** Completes the last word of `line` (the text before the cursor). */
export async function complete(src: CompletionSource, line: string): Promise<Completion> {
  const { words, current } = commandWords(line);
  const word = current.text;
  const from = current.from;
  const done = (candidates: Iterable<string>): Completion => ({
    from,
    word: line.slice(from),
    candidates: [...new Set(candidates)]
      .filter((c) => c.startsWith(word))
      .sort(byCodeUnit)
      .map((c) => (current.quoted ? c : shellEscape(c))),
  });
  const paths = async (): Promise<Completion> => done(await pathCandidates(src, word));

  if (current.quoted) return word.startsWith("/") ? paths() : done([]);
  if (words.length === 0) {
    if (word.includes("/")) return paths();
    return done([...src.commandNames(), ...KEYWORDS]);
  }
  if (word.startsWith("/") || word.startsWith(".")) return paths();
  const cmd = words[0]!.text.replace(/^.*\//, "");
  const args = words.slice(1).map((w) => w.text);
  if (cmd === "dmsetup") {
    const operands: string[] = [];
    for (let k = 0; k < args.length; k++) {
      const a = args[k]!;
      if (DMSETUP_VALUE_OPTIONS.has(a)) k++;
      else if (!a.startsWith("-")) operands.push(a);
    }
    // The value of an option that takes one: a table or a name is not completed.
    const prev = args[args.length - 1];
    if (prev !== undefined && DMSETUP_VALUE_OPTIONS.has(prev)) return done([]);
    if (word.startsWith("-")) return done([]);
    const sub = operands[0];
    if (sub === undefined) return done(DMSETUP_SUBCOMMANDS);
    const which = DEVICE_OPERANDS[sub];
    if (which === "all" || (which === "first" && operands.length === 1))
      return done(src.dmDevices());
    return paths();
  }
  if (cmd === "loadgen" && args.length === 1 && args[0] === "start") {
    return done([...src.dmDevices(), ...(await pathCandidates(src, word))]);
  }
  if (cmd === "diskfault" || cmd === "diskcache")
    return done(await diskWords(src, cmd, args, word));
  return paths();
}

const DISKFAULT_OPTIONS = [
  "--op",
  "--sectors",
  "--errno",
  "--latency",
  "--corrupt",
  "--prob",
  "--after",
  "--once",
];
const DISKFAULT_VALUES: Record<string, readonly string[]> = {
  "--op": ["read", "write", "flush", "discard", "any"],
  "--errno": ["EIO", "ENOSPC", "ETIMEDOUT", "ENODATA", "EOPNOTSUPP", "EILSEQ", "EAGAIN"],
};

/** diskfault's subcommands, disks, options and option values; diskcache's disks and on/off. */
async function diskWords(
  src: CompletionSource,
  cmd: string,
  args: readonly string[],
  word: string,
): Promise<string[]> {
  const disks = ((await src.readdir("/dev")) ?? [])
    .map((e) => e.name)
    .filter((n) => (cmd === "diskcache" ? /^ram\d+$/ : /^(ram|loop)\d+$/).test(n));
  if (cmd === "diskcache")
    return args.length === 0 ? disks : args.length === 1 ? ["on", "off"] : [];
  if (args.length === 0) return ["add", "list", "del", "clear"];
  const sub = args[0];
  if (args.length === 1 && (sub === "add" || sub === "list" || sub === "clear")) return disks;
  if (sub !== "add") return [];
  const prev = args[args.length - 1]!;
  if (prev in DISKFAULT_VALUES) return [...DISKFAULT_VALUES[prev]!];
  return word.startsWith("-") ? DISKFAULT_OPTIONS : [];
}

/** Entries of the word's directory that start with its last component; directories end in "/". */
async function pathCandidates(src: CompletionSource, word: string): Promise<string[]> {
  const slash = word.lastIndexOf("/");
  const dirPart = slash >= 0 ? word.slice(0, slash + 1) : "";
  const base = slash >= 0 ? word.slice(slash + 1) : word;
  const dir = dirPart.startsWith("/") ? dirPart : join(src.cwd(), dirPart);
  const entries = await src.readdir(dir === "/" ? "/" : dir.replace(/\/+$/, "") || "/");
  if (!entries) return [];
  return entries
    .filter((e) => e.name.startsWith(base) && (base.startsWith(".") || !e.name.startsWith(".")))
    .map((e) => dirPart + e.name + (e.dir ? "/" : ""));
}

/** A word as the shell reads it back: specials escaped with a backslash. */
function shellEscape(word: string): string {
  return word.replace(/[\s'"\\$`&|;<>()!*?[\]#~{}]/g, "\\$&");
}

function join(dir: string, rel: string): string {
  return `${dir.replace(/\/+$/, "")}/${rel}`;
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
