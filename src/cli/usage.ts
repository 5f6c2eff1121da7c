/** Help text of `cors-lens --help`. */
export const MAIN_USAGE = `Usage: cors-lens <command> [options]

Explains why a browser allowed or blocked cross-origin requests, with the error name
Chromium and Firefox give each failure and the fix.

Commands:
  analyze <file>   Analyze a HAR file or a CORS Lens JSON report
  check <url>      Send a request the way a browser would and analyze it

Options:
  -h, --help       Show this help, or a command's help after the command
  -v, --version    Show the version of CORS Lens

Exit status: 0 when nothing fails, 1 when a finding at or above --fail-on exists,
2 for bad input (usage, unreadable or invalid file, unreachable URL).
`;

const OUTPUT_OPTIONS = `  -f, --format <format>    Output format: text (default), json, md or html
  --browser <browser>      Browser whose verdict and error the text output shows
                           first: chromium (default) or firefox
  --fail-on <severity>     Exit with status 1 when a blocked request or a finding of
                           this severity or higher exists: error (default) or warning
  --no-redact              Keep cookies, credentials and secret-looking query
                           parameters in the output (redacted by default)
  -h, --help               Show this help`;

/** Help text of `cors-lens analyze --help`. */
export const ANALYZE_USAGE = `Usage: cors-lens analyze <file> [options]

Analyzes every cross-origin request in a HAR file (saved by Chrome's or Firefox's
DevTools, or exported by CORS Lens) or in a CORS Lens JSON report, and prints why each
one was allowed or blocked.

Options:
${OUTPUT_OPTIONS}

Examples:
  cors-lens analyze session.har
  cors-lens analyze session.har --format md > cors-report.md
  cors-lens analyze cors-lens-report.json --fail-on warning
`;

/** Help text of `cors-lens check --help`. */
export const CHECK_USAGE = `Usage: cors-lens check <url> --origin <origin> [options]

Sends the request a page at <origin> would send to <url>: first the preflight when the
method or headers need one, then the actual request unless the preflight fails.
Redirects are followed as a browser follows them in CORS mode, up to 20. Then prints
the analysis. Only http and https URLs are accepted.

Options:
  --origin <origin>        Origin of the page making the request, such as
                           https://app.example.com (required)
  -X, --method <method>    Request method (default GET)
  -H, --header <header>    Request header set by the page, as 'Name: value';
                           repeat for several headers
  --credentials            Analyze as credentials: "include" (cookies and HTTP
                           authentication); without it, as "omit"
  --timeout <seconds>      Time to wait for each response (default 15)
${OUTPUT_OPTIONS}

Examples:
  cors-lens check https://api.example.com/items --origin https://app.example.com
  cors-lens check https://api.example.com/items/7 --origin https://app.example.com \\
    --method PUT --header 'Content-Type: application/json' --credentials
`;
