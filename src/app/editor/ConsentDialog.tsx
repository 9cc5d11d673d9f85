/**
 * Asked before code from a shared link or an opened file runs: the code is shown (read-only),
 * and nothing is loaded unless the user agrees. Code from elsewhere runs in the engine worker,
 * never on the page's thread, but it could still misbehave there (hang it, corrupt the disks).
 */

import { useEffect, useRef } from "react";
import type { ConsentRequest } from "../store/targetSlice.ts";
import { grantConsent, refuseConsent } from "./targetActions.ts";

export function ConsentDialog(props: { request: ConsentRequest }) {
  const ref = useRef<HTMLDialogElement>(null);
  const { file, from } = props.request;

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);

  return (
    <dialog
      ref={ref}
      className="consent"
      aria-labelledby="consent-title"
      aria-describedby="consent-text"
      onCancel={(e) => {
        e.preventDefault();
        refuseConsent();
      }}
    >
      <h3 id="consent-title">Run code from {from}?</h3>
      <p id="consent-text">
        <code>{file.name}</code> ({file.source.split("\n").length} lines) was not written here. Read
        it first: once loaded, its constructor and map functions run in the engine, on your devices
        and disks. It runs in the engine worker, not in this page.
      </p>
      <pre className="consent-code" tabIndex={0} aria-label={`Source of ${file.name}`}>
        {file.source}
      </pre>
      <div className="consent-actions">
        <button type="button" onClick={() => refuseConsent()} autoFocus>
          Don’t run it
        </button>
        <button type="button" className="primary" onClick={() => void grantConsent()}>
          {props.request.loadAfter ? "Trust and load it" : "Trust it"}
        </button>
      </div>
    </dialog>
  );
}
