import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.tsx";
import { IsolationHelp } from "./IsolationHelp.tsx";
import { debugHangWorker, runCommand, startSession } from "./actions.ts";
import { getClient, getDiskReader, loadStart, loadStop, setPace, step } from "./session.ts";
import { useAppStore } from "./store/index.ts";
import "./styles.css";
import "./screens.css";

declare global {
  interface Window {
    /** Hooks for end-to-end tests and the curious, in the console. */
    dmPlayground?: {
      store: typeof useAppStore;
      runCommand: typeof runCommand;
      debugHang: typeof debugHangWorker;
      client: typeof getClient;
      disks: typeof getDiskReader;
      setPace: typeof setPace;
      step: typeof step;
      loadStart: typeof loadStart;
      loadStop: typeof loadStop;
    };
  }
}

const root = createRoot(document.getElementById("root") as HTMLElement);

if (window.crossOriginIsolated) {
  window.dmPlayground = {
    store: useAppStore,
    runCommand,
    debugHang: debugHangWorker,
    client: getClient,
    disks: getDiskReader,
    setPace,
    step,
    loadStart,
    loadStop,
  };
  void startSession().catch((e: unknown) => console.error("engine failed to start", e));
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
} else {
  // coi-serviceworker (index.html) registers itself and reloads the page on a first visit to a
  // static host; show that for a moment before explaining what went wrong.
  const sw = "serviceWorker" in navigator ? navigator.serviceWorker : null;
  const mayReload = window.isSecureContext && sw !== null && !sw.controller;
  root.render(<IsolationHelp reloading={mayReload} />);
  if (mayReload) setTimeout(() => root.render(<IsolationHelp reloading={false} />), 4000);
}
