/**
 * The dmsh console: xterm.js with our line editor. Loaded lazily (xterm is most of the
 * console's weight). Commands run in the worker's shell one at a time; keys typed while one
 * runs are queued and replayed when it ends, except Ctrl-C, which interrupts it at once.
 */

import { FitAddon } from "@xterm/addon-fit";
import { Terminal } from "@xterm/xterm";
import "@xterm/xterm/css/xterm.css";
import { useEffect, useRef } from "react";
import { interruptCommand, runCommand } from "../actions.ts";
import { attachConsole, clearConsoleBacklog, PROMPT } from "../consoleSink.ts";
import { completeLine, isWholeScript, setShellColumns } from "../consoleShell.ts";
import { LineEditor, typeahead } from "../lineEditor.ts";
import { WordWrap } from "../wordWrap.ts";

const HISTORY_KEY = "dm-playground:history";

/**
 * The cursor stops blinking after this long without a key or focus (GTK's default
 * gtk-cursor-blink-timeout): xterm's blink is a CSS animation, which restyles and repaints the
 * page every frame for as long as it runs, on an otherwise idle page.
 */
const BLINK_TIMEOUT_MS = 10_000;

function loadHistory(): string[] {
  try {
    const raw = localStorage.getItem(HISTORY_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === "string") : [];
  } catch {
    return [];
  }
}

function saveHistory(history: readonly string[]): void {
  try {
    localStorage.setItem(HISTORY_KEY, JSON.stringify(history.slice(-200)));
  } catch {
    // Private mode or full storage: history just does not persist.
  }
}

const THEME = {
  background: "#0d1117",
  foreground: "#d7dde8",
  cursor: "#7aa2ff",
  cursorAccent: "#0d1117",
  selectionBackground: "#2a3a5c",
  black: "#1b2130",
  red: "#ff6b7a",
  green: "#3ddc97",
  yellow: "#ffc857",
  blue: "#7aa2ff",
  magenta: "#c08cff",
  cyan: "#5fd4e8",
  white: "#d7dde8",
  brightBlack: "#5c6780",
  brightRed: "#ff8f9b",
  brightGreen: "#6ff0b5",
  brightYellow: "#ffdc8a",
  brightBlue: "#a3bfff",
  brightMagenta: "#d7b3ff",
  brightCyan: "#8fe6f2",
  brightWhite: "#ffffff",
};

export default function Console() {
  const host = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const term = new Terminal({
      theme: THEME,
      fontFamily: '"JetBrains Mono", "Fira Code", "DejaVu Sans Mono", Menlo, Consolas, monospace',
      fontSize: 13,
      lineHeight: 1.25,
      cursorBlink: true,
      convertEol: false,
      scrollback: 5000,
      allowProposedApi: false,
      // Dimmed text (hints, the scenario's comments) stays readable: WCAG AA's 4.5:1.
      minimumContrastRatio: 4.5,
    });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(el);
    try {
      fit.fit();
    } catch {
      // Not laid out yet; the resize observer fits it later.
    }
    term.write("\x1b[?2004h"); // bracketed paste: a paste arrives as one marked chunk
    term.textarea?.setAttribute("aria-label", "dmsh console input");

    const editor = new LineEditor(term, PROMPT, loadHistory());
    let busy = false;
    let commandRunning = false;
    const queued: string[] = [];
    let showingPrompt = false;

    // Output is word-wrapped at the terminal's width (wordWrap.ts).
    const wrap = new WordWrap();
    // Output that is not the answer to a command (the watchdog, a reset) must not land in the
    // middle of the line being typed: clear the line, print, then redraw the prompt.
    const { backlog, detach } = attachConsole((text) => {
      if (showingPrompt && !busy) {
        term.write(wrap.feed("\r\x1b[J" + text, term.cols));
        editor.showPrompt();
      } else {
        term.write(wrap.feed(text, term.cols));
      }
    });
    term.write(wrap.feed(backlog, term.cols));
    editor.showPrompt();
    showingPrompt = true;

    const handle = (data: string) => {
      if (busy) {
        // Ctrl-C goes to the running command at once (it is never queued behind it); the
        // keys typed before it are dropped, as a terminal's line discipline flushes them.
        if (data.includes("\x03") && commandRunning) {
          queued.length = 0;
          term.write("^C\r\n");
          void interruptCommand();
          return;
        }
        queued.push(data);
        return;
      }
      const actions = editor.input(data);
      if (actions.length === 0) return;
      busy = true;
      showingPrompt = false;
      void (async () => {
        // A completion redraws the line itself; anything else ends with a fresh prompt.
        let prompt = false;
        for (const action of actions) {
          if (action.type === "complete") {
            editor.applyCompletion(await completeLine(action.line));
            continue;
          }
          if (action.type === "typeahead") {
            // The rest of a paste: read after this line's output and the next prompt, before
            // anything typed meanwhile.
            queued.unshift(typeahead(action.data));
            continue;
          }
          prompt = true;
          if (action.type === "clear") {
            term.clear();
            term.write("\r\x1b[J");
            clearConsoleBacklog();
          } else {
            saveHistory(editor.history);
            // Unfinished (`for … do`, an open heredoc or quote): read on after "> ", as bash.
            if (!(await isWholeScript(action.script))) {
              editor.continueInput(action.script);
              continue;
            }
            wrap.reset();
            setShellColumns(term.cols);
            if (action.script.trim()) {
              commandRunning = true;
              try {
                await runCommand(action.script);
              } finally {
                commandRunning = false;
              }
            }
          }
        }
        busy = false;
        if (prompt) editor.showPrompt();
        showingPrompt = true;
        for (const d of queued.splice(0)) handle(d);
      })();
    };
    let blinkTimer: ReturnType<typeof setTimeout> | undefined;
    const blink = () => {
      if (!term.options.cursorBlink) term.options.cursorBlink = true;
      clearTimeout(blinkTimer);
      blinkTimer = setTimeout(() => (term.options.cursorBlink = false), BLINK_TIMEOUT_MS);
    };
    blink();
    const sub = term.onData((data) => {
      blink();
      handle(data);
    });
    term.textarea?.addEventListener("focus", blink);

    const ro = new ResizeObserver(() => {
      try {
        fit.fit();
      } catch {
        // Hidden panel: nothing to fit.
      }
    });
    ro.observe(el);
    term.focus();

    return () => {
      clearTimeout(blinkTimer);
      term.textarea?.removeEventListener("focus", blink);
      ro.disconnect();
      sub.dispose();
      detach();
      term.dispose();
    };
  }, []);

  return <div className="console" ref={host} data-testid="console" />;
}
