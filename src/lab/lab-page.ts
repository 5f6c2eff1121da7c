import { localhostOrigin } from "./lab-origins";

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
 * Returns the page's Content-Security-Policy: styles from the page origin
 * only, and scripts, images, fonts and network requests from the page origin
 * and the API server. The API server is listed under both of its names,
 * `127.0.0.1` and `localhost`, because redirecting scenarios move requests
 * from one to the other, and the policy applies to every redirect hop.
 */
export function labPageContentSecurityPolicy(apiOrigin: string): string {
  const api = `${apiOrigin} ${localhostOrigin(apiOrigin)}`;
  return [
    "default-src 'none'",
    `script-src 'self' ${api}`,
    "style-src 'self'",
    `connect-src 'self' ${api}`,
    `img-src 'self' ${api}`,
    `font-src 'self' ${api}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join("; ");
}
