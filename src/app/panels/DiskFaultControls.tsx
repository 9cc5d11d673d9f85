/**
 * The disk panel's fault controls: a form that adds a disk fault rule, each disk's rules with a
 * remove button, its write cache switch, and the Power cut button (with a confirmation). Every
 * control runs the dmsh command that does the same (`diskfault add ...`, `diskcache ram0 on`,
 * `powercut`), echoed in the console as if typed, so what the page does is what a script does.
 */

import { useEffect, useId, useRef, useState } from "react";
import { echoCommand, runCommand } from "../shellActions.ts";
import type { DiskSnapshot } from "../../worker/protocol.ts";

const OPS = ["any", "read", "write", "flush", "discard"] as const;
const ERRNOS = ["EIO", "ENOSPC", "ETIMEDOUT", "ENODATA", "EOPNOTSUPP", "EILSEQ", "EAGAIN"];
type ActionKind = "errno" | "latency" | "corrupt";
const ACTION_DEFAULT: Record<ActionKind, string> = { errno: "EIO", latency: "20ms", corrupt: "1" };

/** Run a command as if typed at the console. */
export function runTyped(script: string): Promise<number> {
  echoCommand(script);
  return runCommand(script);
}

function Field(props: { id: string; label: string; children: React.ReactNode; title?: string }) {
  return (
    <span className="field" title={props.title}>
      <label htmlFor={props.id}>{props.label}</label>
      {props.children}
    </span>
  );
}

/** `diskfault add` from the form's fields (empty fields keep the tool's defaults). */
export function addRuleCommand(f: {
  disk: string;
  op: string;
  sectors: string;
  action: ActionKind;
  value: string;
  prob: string;
  after: string;
  once: boolean;
}): string {
  const parts = ["diskfault add", f.disk, "--op", f.op];
  const sectors = f.sectors.trim();
  if (sectors) parts.push("--sectors", sectors);
  parts.push(`--${f.action}`, f.value.trim() || ACTION_DEFAULT[f.action]);
  const prob = f.prob.trim();
  if (prob && prob !== "1") parts.push("--prob", prob);
  const after = f.after.trim();
  if (after && after !== "0") parts.push("--after", after);
  if (f.once) parts.push("--once");
  return parts.join(" ");
}

export function DiskFaultForm({ disks }: { disks: readonly DiskSnapshot[] }) {
  const id = useId();
  const [disk, setDisk] = useState(disks[0]?.name ?? "ram0");
  const [op, setOp] = useState<string>("write");
  const [sectors, setSectors] = useState("");
  const [action, setAction] = useState<ActionKind>("errno");
  const [value, setValue] = useState(ACTION_DEFAULT.errno);
  const [prob, setProb] = useState("1");
  const [after, setAfter] = useState("0");
  const [once, setOnce] = useState(false);
  const [busy, setBusy] = useState(false);
  const names = disks.map((d) => d.name);
  const chosen = names.includes(disk) ? disk : (names[0] ?? disk);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await runTyped(
        addRuleCommand({ disk: chosen, op, sectors, action, value, prob, after, once }),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      id="disk-fault-controls"
      className="load-form fault-form"
      aria-label="add a disk fault rule"
      onSubmit={submit}
    >
      <strong className="fault-title">Fault rule</strong>
      <Field id={`${id}-disk`} label="disk">
        <select id={`${id}-disk`} value={chosen} onChange={(e) => setDisk(e.target.value)}>
          {names.map((n) => (
            <option key={n}>{n}</option>
          ))}
        </select>
      </Field>
      <Field id={`${id}-op`} label="op">
        <select id={`${id}-op`} value={op} onChange={(e) => setOp(e.target.value)}>
          {OPS.map((o) => (
            <option key={o}>{o}</option>
          ))}
        </select>
      </Field>
      <Field
        id={`${id}-sectors`}
        label="sectors"
        title="A-B (both included), A+N, or empty for all"
      >
        <input
          id={`${id}-sectors`}
          className="wide"
          placeholder="all"
          value={sectors}
          onChange={(e) => setSectors(e.target.value)}
        />
      </Field>
      <Field id={`${id}-action`} label="do">
        <select
          id={`${id}-action`}
          value={action}
          onChange={(e) => {
            const a = e.target.value as ActionKind;
            setAction(a);
            setValue(ACTION_DEFAULT[a]);
          }}
        >
          <option value="errno">fail with</option>
          <option value="latency">delay by</option>
          <option value="corrupt">corrupt bytes</option>
        </select>
        {action === "errno" ? (
          <select aria-label="errno" value={value} onChange={(e) => setValue(e.target.value)}>
            {ERRNOS.map((x) => (
              <option key={x}>{x}</option>
            ))}
          </select>
        ) : (
          <input
            aria-label={action === "latency" ? "latency" : "bytes to corrupt"}
            value={value}
            onChange={(e) => setValue(e.target.value)}
          />
        )}
      </Field>
      <Field id={`${id}-prob`} label="prob" title="probability per matching bio (seeded)">
        <input id={`${id}-prob`} value={prob} onChange={(e) => setProb(e.target.value)} />
      </Field>
      <Field id={`${id}-after`} label="after" title="matching bios let through first">
        <input id={`${id}-after`} value={after} onChange={(e) => setAfter(e.target.value)} />
      </Field>
      <span className="field">
        <input
          id={`${id}-once`}
          type="checkbox"
          checked={once}
          onChange={(e) => setOnce(e.target.checked)}
        />
        <label htmlFor={`${id}-once`}>once</label>
      </span>
      <button type="submit" disabled={busy || names.length === 0}>
        Add rule
      </button>
      <PowerCut />
    </form>
  );
}

/** The Power cut button and its confirmation (Escape or Cancel backs out). */
function PowerCut() {
  const id = useId();
  const [asking, setAsking] = useState(false);
  const [reorder, setReorder] = useState(false);
  const [tear, setTear] = useState(false);
  const confirm = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) confirm.current?.focus();
  }, [asking]);
  const close = () => {
    setAsking(false);
    opener.current?.focus();
  };
  const cut = () => {
    setAsking(false);
    const flags = [reorder ? " --reorder" : "", reorder && tear ? " --tear" : ""].join("");
    void runTyped(`powercut${flags}`);
  };
  return (
    <span className="powercut">
      <button
        type="button"
        ref={opener}
        className="danger"
        aria-expanded={asking}
        onClick={() => setAsking(true)}
      >
        Power cut…
      </button>
      {asking && (
        <span
          role="alertdialog"
          aria-label="cut the power?"
          className="powercut-confirm"
          onKeyDown={(e) => {
            if (e.key === "Escape") {
              e.stopPropagation();
              close();
            }
          }}
        >
          <span>
            Cut the power? Write caches lose what is not durable; devices, tables and I/O in flight
            are gone.
          </span>
          <span className="field">
            <input
              id={`${id}-reorder`}
              type="checkbox"
              checked={reorder}
              onChange={(e) => setReorder(e.target.checked)}
            />
            <label htmlFor={`${id}-reorder`}>reorder</label>
          </span>
          <span className="field">
            <input
              id={`${id}-tear`}
              type="checkbox"
              checked={tear}
              disabled={!reorder}
              onChange={(e) => setTear(e.target.checked)}
            />
            <label htmlFor={`${id}-tear`}>tear</label>
          </span>
          <button type="button" ref={confirm} className="danger" onClick={cut}>
            Cut power
          </button>
          <button type="button" onClick={close}>
            Cancel
          </button>
        </span>
      )}
    </span>
  );
}

/**
 * A disk's write cache switch and its rules, under its header: the switch while the fault
 * controls are open or the cache is on, the rules whenever there are some.
 */
export function DiskFaultState({ disk, controls }: { disk: DiskSnapshot; controls: boolean }) {
  const id = useId();
  const cacheOn = disk.cache ? new Int32Array(disk.cache)[0] === 1 : false;
  // Shown switched at once; the state the worker reports next (a new snapshot) has the last word.
  const [pending, setPending] = useState<{ disk: DiskSnapshot; on: boolean } | null>(null);
  const checked = pending?.disk === disk ? pending.on : cacheOn;
  const rules = disk.faults ?? [];
  if (!controls && !checked && rules.length === 0) return null;
  return (
    <div className="disk-faults">
      <span className="field">
        <input
          id={`${id}-cache`}
          type="checkbox"
          checked={checked}
          onChange={(e) => {
            setPending({ disk, on: e.target.checked });
            void runTyped(`diskcache ${disk.name} ${e.target.checked ? "on" : "off"}`);
          }}
        />
        <label htmlFor={`${id}-cache`}>volatile write cache</label>
      </span>
      {rules.length > 0 && (
        <ul className="fault-rules" aria-label={`${disk.name}: fault rules`}>
          {rules.map((r) => (
            <li key={r.id} className={r.spent ? "spent" : undefined}>
              <code>
                {r.id}: {r.rule.replace(/^\S+ /, "")}
              </code>{" "}
              <span className="dim">
                seen {r.seen}, fired {r.hits}
                {r.spent ? " (spent)" : ""}
              </span>{" "}
              <button
                type="button"
                className="small"
                aria-label={`remove rule ${r.id}`}
                onClick={() => void runTyped(`diskfault del ${r.id}`)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
