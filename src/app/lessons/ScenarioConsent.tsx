/**
 * Asked before a scenario from a link or a file runs: where it starts, every command it will
 * run and the full source of every target module it brings are shown; nothing runs unless the
 * person agrees. (Refusing leaves the page as it was.)
 */

import { useEffect, useRef } from "react";
import { baseCommands } from "../../lessons/scenario.ts";
import type { Scenario } from "../../lessons/share.ts";
import { acceptScenario, refuseScenario } from "./learnActions.ts";

function baseText(base: string): string {
  if (base === "default") return "the default stack (two RAM disks, concat, stripes)";
  if (base === "empty") return "an empty engine";
  if (base.startsWith("lesson:")) return `the setup of the lesson “${base.slice(7)}”`;
  return base;
}

export default function ScenarioConsent(props: { scenario: Scenario; from: string }) {
  const ref = useRef<HTMLDialogElement>(null);
  const { scenario, from } = props;
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  const known = baseCommands(scenario.base) !== null;
  return (
    <dialog
      ref={ref}
      className="consent scenario-consent"
      aria-labelledby="scenario-consent-title"
      aria-describedby="scenario-consent-text"
      onCancel={(e) => {
        e.preventDefault();
        refuseScenario();
      }}
    >
      <h3 id="scenario-consent-title">Replay a scenario from {from}?</h3>
      <p id="scenario-consent-text">
        It starts a fresh engine (seed {scenario.seed}) from {baseText(scenario.base)}, then runs{" "}
        {scenario.commands.length} command{scenario.commands.length === 1 ? "" : "s"}
        {scenario.targets.length > 0 &&
          ` and brings ${scenario.targets.length} target module${scenario.targets.length === 1 ? "" : "s"} (code that runs in the engine once a command loads it)`}
        . Your devices and disks are replaced. Read it first.
      </p>
      {!known && <p className="warn">Unknown starting point: it cannot be replayed.</p>}
      <pre className="consent-code" tabIndex={0} aria-label="Commands it runs">
        {scenario.commands.join("\n") || "(no commands)"}
      </pre>
      {scenario.targets.map((t) => (
        <details key={t.name} open={scenario.targets.length === 1}>
          <summary>
            <code>{t.name}</code> ({t.source.split("\n").length} lines)
          </summary>
          <pre className="consent-code" tabIndex={0} aria-label={`Source of ${t.name}`}>
            {t.source}
          </pre>
        </details>
      ))}
      <div className="consent-actions">
        <button type="button" onClick={() => refuseScenario()} autoFocus>
          Don’t run it
        </button>
        <button
          type="button"
          className="primary"
          disabled={!known}
          onClick={() => void acceptScenario()}
        >
          Replay it
        </button>
      </div>
    </dialog>
  );
}
