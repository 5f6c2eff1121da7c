/** The lab page's HTML. Its script fills in the scenario list. */
export const LAB_PAGE_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>CORS Lens lab</title>
    <link rel="stylesheet" href="/lab.css" />
    <script type="module" src="/lab.js"></script>
  </head>
  <body>
    <main>
      <h1>CORS Lens lab</h1>
      <p id="status">Loading the scenarios…</p>
      <button type="button" id="run-all">Run all</button>
      <ol id="scenarios"></ol>
    </main>
  </body>
</html>
`;

export const LAB_PAGE_CSS = `body {
  font: 15px/1.4 system-ui, sans-serif;
  margin: 2rem auto;
  max-width: 56rem;
  padding: 0 1rem;
}
ol {
  padding-left: 1.5rem;
}
li {
  margin-bottom: 1.5rem;
}
h2 {
  font-size: 1.1rem;
  margin: 0 0 0.25rem;
}
p {
  margin: 0 0 0.5rem;
}
.request {
  font-family: ui-monospace, monospace;
  font-size: 0.85rem;
  overflow-wrap: anywhere;
}
output {
  margin-left: 0.75rem;
}
output[data-outcome="ok"] {
  color: #1a7f37;
}
output[data-outcome="error"],
output[data-outcome="status"] {
  color: #cf222e;
}
`;

/**
 * Returns the page's Content-Security-Policy: scripts and styles from the page
 * origin only, and network requests to the page and API origins only.
 */
export function labPageContentSecurityPolicy(apiOrigin: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    `connect-src 'self' ${apiOrigin}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join("; ");
}
