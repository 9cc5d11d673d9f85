/**
 * "Samples": a menu of the sample targets (src/samples) that makes a new file from one, and,
 * for a file made from a sample, its explanation with a button that runs its script in the
 * console. (The samples load with this chunk only.)
 */

import { useEffect, useId, useRef, useState } from "react";
import { SAMPLES, sampleSource, type Sample } from "../../samples/index.ts";
import { addTargetFile, runInConsole } from "./targetActions.ts";

async function newFromSample(s: Sample): Promise<void> {
  const source = await sampleSource(s.file);
  addTargetFile({ name: s.file, source, origin: "sample", trusted: true, sample: s.file });
}

/** The menu button, or with `note`, the explanation of the sample a file was made from. */
export default function SamplesMenu(props: { note?: string }) {
  if (props.note !== undefined) return <SampleNote file={props.note} />;
  return <Menu />;
}

function Menu() {
  const [open, setOpen] = useState(false);
  const ids = useId();
  const menu = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLElement>("[role=menuitem]")?.focus();
    const close = (e: MouseEvent) => {
      if (!menu.current?.contains(e.target as Node) && e.target !== button.current) {
        setOpen(false);
      }
    };
    window.addEventListener("mousedown", close);
    return () => window.removeEventListener("mousedown", close);
  }, [open]);

  const onKey = (e: React.KeyboardEvent) => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>("[role=menuitem]") ?? [])];
    const i = items.indexOf(document.activeElement as HTMLElement);
    if (e.key === "Escape") {
      setOpen(false);
      button.current?.focus();
    } else if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      const n = items.length;
      items[(i + (e.key === "ArrowDown" ? 1 : n - 1)) % n]?.focus();
    }
  };

  return (
    <span className="samples-menu">
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={`${ids}-menu`}
        onClick={() => setOpen(!open)}
        title="New file from a sample target, with a script that exercises it"
      >
        New from sample ▾
      </button>
      {open && (
        <div
          ref={menu}
          id={`${ids}-menu`}
          role="menu"
          aria-label="Sample targets"
          onKeyDown={onKey}
        >
          {SAMPLES.map((s) => (
            <button
              key={s.file}
              type="button"
              role="menuitem"
              onClick={() => {
                setOpen(false);
                void newFromSample(s);
              }}
            >
              {s.title} <code className="dim">{s.file}</code>
              <small>{s.explanation}</small>
            </button>
          ))}
        </div>
      )}
    </span>
  );
}

function SampleNote(props: { file: string }) {
  const sample = SAMPLES.find((s) => s.file === props.file);
  const [running, setRunning] = useState(false);
  if (!sample) return null;
  return (
    <details className="sample-note">
      <summary>
        Sample: {sample.title}
        {sample.trips && (
          <>
            {" "}
            · trips the <code>{sample.trips}</code> check
          </>
        )}
      </summary>
      <p>{sample.explanation}</p>
      <pre aria-label="The sample's script">{sample.script}</pre>
      <button
        type="button"
        disabled={running}
        onClick={async () => {
          setRunning(true);
          try {
            await runInConsole(sample.script);
          } finally {
            setRunning(false);
          }
        }}
      >
        Run its script in the console
      </button>
    </details>
  );
}
