/**
 * Asked before a lesson replaces a session that has history of the person's own (commands typed,
 * devices made): a modal dialog, as for a shared scenario (ScenarioConsent.tsx). Enter starts the
 * lesson (its button has the focus), Escape keeps the session and does nothing else; focus stays
 * in the dialog while it is open and goes back where it was when it closes.
 */

import { useEffect, useRef } from "react";
import { lessonById } from "../../lessons/index.ts";
import { useAppStore } from "../store/index.ts";
import { acceptLesson, refuseLesson } from "./learnActions.ts";

/** The dialog's buttons, links and fields, in tab order. */
function focusables(d: HTMLElement): HTMLElement[] {
  return [
    ...d.querySelectorAll<HTMLElement>("button:not([disabled]), [href], input, [tabindex='0']"),
  ];
}

export default function LessonConsent(props: { id: string }) {
  const ref = useRef<HTMLDialogElement>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  const commands = useAppStore((s) => s.sessionCommands.length);
  const devices = useAppStore((s) => s.devices.length);
  const lesson = lessonById(props.id);
  useEffect(() => {
    const d = ref.current;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (d && !d.open) d.showModal();
    // After showModal, which focuses the dialog's first button (React's autoFocus is not the
    // attribute the dialog looks for): Enter starts the lesson.
    confirm.current?.focus();
    return () => {
      if (before?.isConnected) before.focus();
    };
  }, []);
  if (!lesson) return null;
  return (
    <dialog
      ref={ref}
      className="consent lesson-consent"
      aria-labelledby="lesson-consent-title"
      aria-describedby="lesson-consent-text"
      onCancel={(e) => {
        e.preventDefault();
        refuseLesson();
      }}
      onKeyDown={(e) => {
        const d = ref.current;
        if (!d) return;
        if (e.key === "Enter" && !(e.target instanceof HTMLButtonElement)) {
          e.preventDefault();
          void acceptLesson();
        } else if (e.key === "Tab") {
          // The page behind is inert; Tab also stays off the browser's own controls.
          const f = focusables(d);
          const first = f[0];
          const last = f[f.length - 1];
          if (!first || !last) return;
          if (e.shiftKey && document.activeElement === first) {
            e.preventDefault();
            last.focus();
          } else if (!e.shiftKey && document.activeElement === last) {
            e.preventDefault();
            first.focus();
          }
        }
      }}
    >
      <h3 id="lesson-consent-title">Start the lesson “{lesson.title}”?</h3>
      <p id="lesson-consent-text">
        A lesson starts a fresh engine with its own setup. This session’s history goes: {commands}{" "}
        command{commands === 1 ? "" : "s"} typed since it began
        {devices > 0 &&
          `, and the ${devices === 1 ? "device" : `${devices} devices`} now in the stack`}
        . (Share &amp; Linux can save the session as a link or a file first.)
      </p>
      <div className="consent-actions">
        <button type="button" onClick={() => refuseLesson()}>
          Keep my session
        </button>
        <button ref={confirm} type="button" className="primary" onClick={() => void acceptLesson()}>
          Start the lesson
        </button>
      </div>
    </dialog>
  );
}
