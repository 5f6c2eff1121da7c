/**
 * The HTML report's only stylesheet, inlined in a `<style>` element. It contains no
 * `<`, `&` or quotes, so it cannot end the element early. The print rules keep each
 * table and finding on one page where possible and print URLs in full.
 */
export const REPORT_STYLESHEET = `
:root { color-scheme: light; }
body {
  font: 14px/1.45 system-ui, -apple-system, Segoe UI, Roboto, sans-serif;
  color: #1f2328;
  margin: 2rem auto;
  max-width: 72rem;
  padding: 0 1rem;
}
h1 { font-size: 1.6rem; margin: 0 0 0.5rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 0.5rem; border-bottom: 1px solid #d0d7de; }
h3 { font-size: 1.05rem; margin: 1.25rem 0 0.5rem; }
h4 { font-size: 0.95rem; margin: 1rem 0 0.25rem; font-weight: 600; }
.meta, .note { color: #59636e; }
.redaction { padding: 0.5rem 0.75rem; background: #fff8c5; border: 1px solid #d4a72c; }
.redaction[data-redacted=true] { background: #dafbe1; border-color: #4ac26b; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0; }
th, td {
  border: 1px solid #d0d7de;
  padding: 0.2rem 0.45rem;
  text-align: left;
  vertical-align: top;
}
thead th { background: #f6f8fa; }
tbody th { font-weight: 600; white-space: nowrap; }
tr.group th { background: #f6f8fa; font-style: italic; }
td, .url { overflow-wrap: anywhere; font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 0.9em; }
table.summary td { font-family: inherit; font-size: inherit; }
table.summary td.url { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; }
tr.verdict-blocked td:nth-child(2) { color: #cf222e; font-weight: 600; }
td.fault { background: #ffebe9; outline: 2px solid #cf222e; outline-offset: -2px; }
.missing { color: #cf222e; font-style: italic; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 1rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
ol.findings { padding-left: 1.5rem; }
li.finding { margin-bottom: 0.75rem; }
li.finding p { margin: 0.15rem 0; }
li.finding-error .finding-title { color: #cf222e; }
li.finding-warning .finding-title { color: #9a6700; }
.fix { background: #f6f8fa; padding: 0.25rem 0.5rem; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; color: #000; }
  h2 { break-after: avoid; page-break-after: avoid; }
  h3, h4 { break-after: avoid; page-break-after: avoid; }
  table, li.finding, dl.facts { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  section.exchange { break-before: page; page-break-before: always; }
  .redaction, td.fault, .fix, thead th, tr.group th {
    -webkit-print-color-adjust: exact;
    print-color-adjust: exact;
  }
  td.fault { outline: none; border: 2px solid #000; }
}
@page { margin: 1.5cm; }
`;
