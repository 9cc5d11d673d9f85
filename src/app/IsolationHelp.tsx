/**
 * Shown instead of the app when the page is not cross-origin isolated, so SharedArrayBuffer
 * (which the disks and the event ring live in) is unavailable. Says why, and what to do.
 */
export function IsolationHelp({ reloading }: { reloading: boolean }) {
  const secure = window.isSecureContext;
  const hasSW = "serviceWorker" in navigator;
  return (
    <div className="isolation" role="main">
      <h1>dm-playground needs a cross-origin isolated page</h1>
      {reloading ? (
        <p className="lead">
          Enabling cross-origin isolation; the page reloads itself in a moment…
        </p>
      ) : (
        <>
          <p className="lead">
            The engine keeps disk contents and its event stream in <code>SharedArrayBuffer</code>s,
            shared between this page and the Web Worker that runs device-mapper. Browsers only allow
            that on pages served with <code>Cross-Origin-Opener-Policy: same-origin</code> and{" "}
            <code>Cross-Origin-Embedder-Policy: require-corp</code>, and this page was not.
          </p>
          <h2>Why it failed here</h2>
          <ul>
            {!secure && (
              <li>
                The page is not a secure context (it was loaded over plain HTTP from another host).
                Use <code>https://</code> or <code>http://localhost</code>.
              </li>
            )}
            {secure && !hasSW && (
              <li>
                This browser (or mode, such as some private windows) has no service workers, so the
                bundled <code>coi-serviceworker.js</code> could not add the headers.
              </li>
            )}
            {secure && hasSW && (
              <li>
                The headers are missing and the bundled service worker could not add them (it may be
                blocked, or this is the first visit and the reload did not happen). Try reloading
                the page once.
              </li>
            )}
          </ul>
          <h2>How to fix it</h2>
          <ul>
            <li>
              Locally: <code>npm install &amp;&amp; npm start</code> (the Vite dev and preview
              servers send both headers).
            </li>
            <li>
              On your own server: send the two headers above with every response, or keep{" "}
              <code>coi-serviceworker.js</code> next to <code>index.html</code> and serve over
              HTTPS.
            </li>
          </ul>
          <p>
            <button type="button" onClick={() => window.location.reload()}>
              Reload
            </button>
          </p>
        </>
      )}
    </div>
  );
}
